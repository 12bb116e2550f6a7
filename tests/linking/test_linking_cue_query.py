"""``CueQuery``: each cue read in its own direction and window, from a tiny hand-written cue file.

The document "a b c d a b e f" holds the two-word cue "a b" at tokens (0, 2) and (4, 6);
the questions below are answered by bisecting those matches (the scanning path). Cues of
single words are answered by looking at the window's tokens (``Cue.words``); a property
test checks that both paths, and a brute-force reading of the docstrings, agree.
"""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from pipeline.resources import DataFileError
from pipeline.linking import cues
from pipeline.linking.cues import CueDataError, CueQuery, CueReads, CueSpec
from pipeline._speed import token_view

from .builders import blank

Match = tuple[int, int]
WINDOWS = range(1, 6)


def _entry(direction: str, window: Any = None, inside: bool = False, phrases: list[str] | None = None,
           same_as: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"doc": "a cue of the unit tests", "direction": direction}
    if phrases is not None:
        entry["phrases"] = phrases
    if same_as is not None:
        entry["same_as"] = same_as
    if window is not None:
        entry["window"] = window
    if inside:
        entry["inside"] = True
    return entry


def _cue_file(cues: dict[str, dict[str, Any]], **sections: dict[str, Any]) -> dict[str, Any]:
    return {"_doc": "a tiny cue file", "cues": cues, "words": sections.get("words", {}), "phrases": {}, "tables": {}, "ids": {}}


def _reads(cues: dict[str, dict[str, Any]], words: tuple[str, ...] = ()) -> list[tuple[str, CueReads]]:
    by_direction: dict[str, list[str]] = {"before": [], "after": [], "around": [], "anywhere": []}
    for name, entry in cues.items():
        by_direction[entry["direction"]].append(name)
    return [("test", CueReads(**{k: tuple(v) for k, v in by_direction.items()}, words=words))]


def _spec(cues: dict[str, dict[str, Any]]) -> CueSpec:
    return CueSpec(_cue_file(cues), _reads(cues))


PAIR_CUES = {
    "pair": _entry("before", 3, phrases=["a b"]),
    "pair_inside": _entry("before", 3, inside=True, same_as="pair"),
    "pair_after": _entry("after", 3, same_as="pair"),
    "pair_after_inside": _entry("after", 3, inside=True, same_as="pair"),
    "pair_around": _entry("around", [3, 2], inside=True, same_as="pair"),
    "pair_anywhere": _entry("anywhere", same_as="pair"),
    "word": _entry("before", 2, phrases=["x"]),
    "word_after": _entry("after", 2, same_as="word"),
    "overlapping": _entry("anywhere", phrases=["a a", "a b", "a b c"]),
}
PAIR_SPEC = _spec(PAIR_CUES)


class Asked:
    """A document of ``words`` and its cue questions; it keeps the document alive (lists not yet
    scanned are scanned when first asked for, from the document's token view)."""

    def __init__(self, words: list[str], spec: CueSpec) -> None:
        self.doc = Doc(blank().vocab, words=words)
        self.query: CueQuery = spec.query(token_view(self.doc))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.query, name)


def query(words: list[str], spec: CueSpec = PAIR_SPEC) -> Any:
    return Asked(words, spec)


ABCD = "a b c d a b e f".split()  # "a b" at (0, 2) and (4, 6)


# --- before: the cue's end in the window (or, inside, the whole cue), not before the floor ---------

@pytest.mark.parametrize(("i", "floor", "expected"), [
    (2, 0, (0, 2)),  # right before the position
    (4, 0, (0, 2)),  # its last token (1) among the three before 4
    (5, 0, None),  # its last token (1) is four tokens back
    (6, 0, (4, 6)),
    (1, 0, None),  # not yet ended at the position
    (4, 2, (0, 2)),  # its end (exclusive) is the floor: not before it
    (4, 3, None),  # its end is before the floor
])
def test_before_finds_a_cue_ending_in_the_window(i: int, floor: int, expected: Match | None) -> None:
    assert query(ABCD).before("pair", i, floor) == expected


@pytest.mark.parametrize(("i", "floor", "expected"), [
    (3, 0, (0, 2)),  # wholly among tokens 0-2
    (4, 0, None),  # the window (1-3) holds its end, not its start
    (2, 0, (0, 2)),
    (3, 1, None),  # the floor cuts its first token off
    (6, 4, (4, 6)),
])
def test_before_inside_finds_a_cue_lying_wholly_in_the_window(i: int, floor: int, expected: Match | None) -> None:
    assert query(ABCD).before("pair_inside", i, floor) == expected


def test_before_gives_the_first_cue_of_the_window() -> None:
    q = query(["x", "x", "y"])
    assert q.before("word", 2) == (0, 1)
    assert q.before("word", 2, floor=2) == (1, 2)  # a one-word cue's end is its token's next


# --- after: the cue's start in the window (or, inside, the whole cue), the window cut at a bound ---

@pytest.mark.parametrize(("i", "bound", "expected"), [
    (2, None, (4, 6)),  # starts among tokens 2-4
    (1, None, None),  # starts four tokens on
    (4, None, (4, 6)),  # at the position itself
    (6, None, None),
    (2, 4, None),  # the bound cuts the window to tokens 2-3
    (4, 5, (4, 6)),  # only its start need be before the bound
    (4, 4, (4, 6)),  # a window cut to nothing keeps one token
    (4, 2, (4, 6)),  # ... even with the bound before the position
    (3, 4, None),  # one token kept: token 3
])
def test_after_finds_a_cue_starting_in_the_window(i: int, bound: int | None, expected: Match | None) -> None:
    assert query(ABCD).after("pair_after", i, bound) == expected


@pytest.mark.parametrize(("i", "bound", "expected"), [
    (4, None, (4, 6)),
    (3, None, (4, 6)),  # wholly among tokens 3-5
    (2, None, None),  # tokens 2-4 hold its start only
    (4, 5, None),  # it reaches past the bound
    (4, 6, (4, 6)),
    (4, 4, None),  # a stretch cut to nothing holds no cue
])
def test_after_inside_finds_a_cue_lying_wholly_in_the_window(i: int, bound: int | None, expected: Match | None) -> None:
    assert query(ABCD).after("pair_after_inside", i, bound) == expected


def test_after_of_a_one_word_cue_gives_the_first_in_its_window() -> None:
    q = query(["y", "x", "x"])
    assert q.after("word_after", 0) == (1, 2)
    assert q.after("word_after", 0, bound=1) is None  # the window cut to token 0
    assert q.after("word_after", 3) is None  # past the end of the document


# --- around, within, in_doc --------------------------------------------------------------------

@pytest.mark.parametrize(("start", "end", "floor", "bound", "expected"), [
    (2, 4, 0, 8, ([(0, 2)], [(4, 6)])),  # three tokens before, two after
    (2, 4, 1, 8, ([], [(4, 6)])),  # the floor cuts the cue before off
    (2, 4, 0, 5, ([(0, 2)], [])),  # the bound cuts the cue after off
    (3, 4, 0, 8, ([(0, 2)], [(4, 6)])),
    (4, 4, 0, 8, ([], [(4, 6)])),  # tokens 1-3 before: "a b" starts at 0
    (2, 3, 0, 8, ([(0, 2)], [])),  # tokens 3-4 after: "a b" ends at 6
])
def test_around_gives_the_cues_in_the_windows_before_and_after(start: int, end: int, floor: int, bound: int,
                                                               expected: tuple[list[Match], list[Match]]) -> None:
    assert query(ABCD).around("pair_around", start, end, floor, bound) == expected


@pytest.mark.parametrize(("start", "end", "expected"), [
    (0, 8, [(0, 2), (4, 6)]),
    (1, 8, [(4, 6)]),  # a cue cut by the start is not within
    (0, 5, [(0, 2)]),  # nor one cut by the end
    (0, 6, [(0, 2), (4, 6)]),
    (2, 4, []),
])
def test_within_gives_the_cues_lying_in_the_stretch(start: int, end: int, expected: list[Match]) -> None:
    assert query(ABCD).within("pair_anywhere", start, end) == expected


def test_in_doc_gives_every_match_and_any_in_doc_whether_there_is_one() -> None:
    q = query(ABCD)
    assert q.in_doc("pair") == [(0, 2), (4, 6)]
    assert q.any_in_doc("pair_anywhere")
    assert q.in_doc("word") == [] and not q.any_in_doc("word")


def test_cues_sharing_phrases_share_matches() -> None:
    q = query(ABCD)
    assert q.in_doc("pair_anywhere") == q.in_doc("pair") == q.in_doc("pair_after")


def test_a_lists_matches_do_not_overlap_and_the_longest_phrase_wins() -> None:
    assert query("a a b c a b".split()).in_doc("overlapping") == [(0, 2), (4, 6)]
    assert query("a b c".split()).in_doc("overlapping") == [(0, 3)]


def test_one_word_cues_read_before_or_after_are_looked_up_by_word() -> None:
    cues = PAIR_SPEC.cues
    assert cues["word"].words == frozenset({"x"}) and cues["word_after"].words == frozenset({"x"})
    assert cues["pair"].words is None  # a phrase of two words is scanned for
    assert cues["pair_anywhere"].words is None


def test_the_spec_holds_its_cues_as_declared() -> None:
    cue = PAIR_SPEC.cues["pair_around"]
    assert (cue.phrases_of, cue.direction, cue.window, cue.inside) == ("pair", "around", (3, 2), True)


@pytest.mark.parametrize(("cues", "reads", "problem"), [
    ({"c": _entry("before", 2, phrases=["x"])}, [("m", CueReads())], r"at \$\.cues\.c: no rule reads it"),
    ({"c": _entry("before", 2, phrases=["x"])}, [("m", CueReads(after=("c",)))], "but m reads it 'after'"),
    ({"c": _entry("before", 2, same_as="d")}, [("m", CueReads(before=("c",)))], r"at \$\.cues\.c\.same_as: names 'd'"),
    ({"c": _entry("before", phrases=["x"])}, [("m", CueReads(before=("c",)))], "window"),
    ({"c": _entry("before", 2, phrases=["x"])}, [("m", CueReads(before=("c", "d")))], r"at \$\.cues\.d: m reads it, but the file does not have it"),
])
def test_a_cue_file_that_does_not_say_what_is_read_fails(cues: dict[str, Any], reads: list[tuple[str, CueReads]],
                                                         problem: str) -> None:
    with pytest.raises(DataFileError, match=problem):  # a CueDataError, or the schema's DataFileError
        CueSpec(_cue_file(cues), reads)


def test_a_word_of_two_tokens_fails() -> None:
    data = _cue_file({}, words={"w": {"doc": "a word set of the tests", "words": ["per cent"]}})
    with pytest.raises(CueDataError, match="not one token"):
        CueSpec(data, [("m", CueReads(words=("w",)))])


# --- property: one-word cues answer alike by look-up and by scan, and as the docstrings say -----

VOCAB = ["x", "y", "a", "b", "c"]
SINGLE = ["x", "y"]


def _window_cues(family: str, phrases: list[str]) -> dict[str, dict[str, Any]]:
    """A cue for each direction, window and ``inside``, all reading one list of phrases (``{family}_base``)."""
    cues = {f"{family}_base": _entry("anywhere", phrases=phrases)}
    for direction in ("before", "after"):
        for w in WINDOWS:
            cues[f"{family}_{direction}{w}"] = _entry(direction, w, same_as=f"{family}_base")
            cues[f"{family}_{direction}{w}_inside"] = _entry(direction, w, inside=True, same_as=f"{family}_base")
    return cues


# One spec for all three families (a spec checks its file against the JSON schema when made, which takes a while):
# "word" is looked up by word; "scan" has the same matches (no "zz" in the vocabulary) but is scanned for;
# "mixed" has phrases of several lengths, scanned for. Each list's matches are its own, whatever else is scanned.
PROPERTY_SPEC = _spec({**_window_cues("word", SINGLE), **_window_cues("scan", SINGLE + ["zz qq"]),
                       **_window_cues("mixed", ["a b", "a b c", "x", "c a"])})


def test_the_property_cues_take_the_paths_they_are_meant_to() -> None:
    cues = PROPERTY_SPEC.cues
    assert cues["word_before3"].words == frozenset(SINGLE) and cues["word_after1_inside"].words == frozenset(SINGLE)
    assert cues["scan_before3"].words is None and cues["mixed_after2_inside"].words is None


def ref_before(matches: list[Match], i: int, window: int, inside: bool, floor: int) -> Match | None:
    """CueQuery.before's docstring: ending in the window (its end not before the floor), or lying wholly in it."""
    for s, e in matches:
        if inside and s >= max(i - window, floor) and e <= i:
            return s, e
        if not inside and i - window < e <= i and e >= floor:
            return s, e
    return None


def ref_after(matches: list[Match], i: int, window: int, inside: bool, bound: int | None) -> Match | None:
    """CueQuery.after's docstring: starting in the window (cut at the bound, at least one token), or lying wholly in it."""
    for s, e in matches:
        if inside and s >= i and e <= (i + window if bound is None else min(i + window, bound)):
            return s, e
        if not inside and i <= s < i + (window if bound is None else min(window, max(bound - i, 1))):
            return s, e
    return None


@st.composite
def questions(draw: st.DrawFn) -> tuple[list[str], int, int, bool, int, int | None]:
    words = draw(st.lists(st.sampled_from(VOCAB), max_size=70))
    n = len(words)
    i = draw(st.integers(0, n))
    floor = draw(st.integers(0, n))
    bound = draw(st.one_of(st.none(), st.integers(0, n + 2)))
    return words, i, draw(st.sampled_from(list(WINDOWS))), draw(st.booleans()), floor, bound


@settings(max_examples=120, deadline=None, derandomize=True)
@given(questions())
def test_one_word_cues_answer_alike_by_look_up_and_by_scan(question: tuple[list[str], int, int, bool, int, int | None]) -> None:
    words, i, window, inside, floor, bound = question
    name = f"{window}{'_inside' if inside else ''}"
    q = query(words, PROPERTY_SPEC)
    matches = [(j, j + 1) for j, w in enumerate(words) if w in SINGLE]  # every occurrence of a one-word phrase
    assert q.in_doc("scan_base") == q.in_doc("word_base") == matches
    expected_before = ref_before(matches, i, window, inside, floor)
    assert q.before(f"word_before{name}", i, floor) == q.before(f"scan_before{name}", i, floor) == expected_before
    expected_after = ref_after(matches, i, window, inside, bound)
    assert q.after(f"word_after{name}", i, bound) == q.after(f"scan_after{name}", i, bound) == expected_after


@settings(max_examples=80, deadline=None, derandomize=True)
@given(questions(), st.integers(0, 80), st.integers(0, 80))
def test_scanned_cues_answer_as_the_docstrings_say(question: tuple[list[str], int, int, bool, int, int | None],
                                                  start: int, end: int) -> None:
    words, i, window, inside, floor, bound = question
    name = f"{window}{'_inside' if inside else ''}"
    q = query(words, PROPERTY_SPEC)
    matches = q.in_doc("mixed_base")
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(matches, matches[1:]))  # in order, not overlapping
    assert q.before(f"mixed_before{name}", i, floor) == ref_before(matches, i, window, inside, floor)
    assert q.after(f"mixed_after{name}", i, bound) == ref_after(matches, i, window, inside, bound)
    assert q.within("mixed_base", start, end) == [m for m in matches if start <= m[0] and m[1] <= end]


@settings(max_examples=120, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(VOCAB + ["\n"]), min_size=1, max_size=400), st.data())
def test_a_long_list_answers_by_its_positions_as_a_short_one_by_its_matches(words: list[str], data: st.DataObject) -> None:
    # Every list bisected by its starts and ends (a long report's path) against none: the same answers.
    n = len(words)
    i, floor, bound = data.draw(st.integers(0, n)), data.draw(st.integers(0, n)), data.draw(st.one_of(st.none(), st.integers(0, n + 2)))
    start, end = data.draw(st.integers(-3, n + 20)), data.draw(st.integers(-3, n + 20))

    def answers(long_list: int) -> list[Any]:
        with patch.object(cues, "LONG_LIST", long_list):  # read whenever a question is asked
            q = query(words, PROPERTY_SPEC)
            got: list[Any] = []
            for family in ("mixed", "scan"):
                got.append(q.within(f"{family}_base", start, end))
                for name in [f"{w}{inside}" for w in WINDOWS for inside in ("", "_inside")]:
                    got += [q.before(f"{family}_before{name}", i, floor), q.after(f"{family}_after{name}", i, bound)]
            return got

    assert answers(1) == answers(10**9)
