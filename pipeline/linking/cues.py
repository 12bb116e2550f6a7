"""The linking cues of ``data/finding_cues.json`` as checked data, and the questions a rule asks of them.

In the manner of medspaCy's ConText rules, a cue is data: its phrases, the direction
in which a rule looks for it from a position, and how far (its window). A rule asks
"does a hypothetical cue precede this grade?" and the data says within how many
tokens; a reviewer changes the window or adds a phrase without reading code.

Every module that reads cues declares what it reads, and how (``CueReads``). When the
pipeline loads, the data is checked against those declarations: a cue that no rule
reads, a cue read one way but declared another, a word that is not one token (it could
never match), all fail loudly instead of silently matching nothing.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, fields
from operator import itemgetter
from typing import Any, Iterable, Mapping

from pipeline._speed import Match, PhraseScanner, TokenView
from pipeline.resources import DataFileError, PhraseSet, Problem, json_path, tokenize_phrase, validate_data

_END = itemgetter(1)
CUE_FILE = "finding_cues.json"
_DIRECTIONS = ("before", "after", "around", "anywhere")
_SECTIONS = ("words", "phrases", "tables", "ids")
# From this many matches a list is bisected by its starts or its ends, kept as lists of ints: comparing
# ints costs half what comparing the matches' tuples does, and a long report's long lists are bisected
# often, each time deeper. Making the lists costs more than a short document's few questions save.
LONG_LIST = 64


_SHARED: dict[tuple[str, tuple[tuple[str, CueReads], ...]], CueSpec] = {}
_SHARED_MOST = 8


class CueDataError(DataFileError):
    """The cue data does not say what the rules read: named by file, entry and problem."""


@dataclass(frozen=True)
class CueReads:
    """The entries of the cue file one module reads, by section; cues by the direction they are read in."""

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    around: tuple[str, ...] = ()
    anywhere: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue entry: the list whose phrases it matches, and where a rule looks for it.

    ``words``: for a cue of single words read before or after a position, the words
    themselves; such a cue is answered by looking at the few tokens of its window (the same
    answer a scan gives: every occurrence of a one-word phrase is a match), which is
    cheaper than scanning a whole document for words as common as "of" or "not".
    """

    name: str
    phrases_of: str  # itself, or the entry named by ``same_as``
    direction: str
    window: int | tuple[int, int] | None
    inside: bool
    words: frozenset[str] | None = None


class CueSpec:
    """The cue file, checked: cues by name, word sets, phrase sets, tables and id sets."""

    def __init__(self, data: Mapping[str, Any], reads: Iterable[tuple[str, CueReads]], source: str = CUE_FILE) -> None:
        validate_data(CUE_FILE, data, source=source)
        self.cues: dict[str, Cue] = {}
        lists: dict[str, PhraseSet] = {}
        for name, entry in data["cues"].items():
            if "phrases" in entry:
                lists[name] = PhraseSet(entry["phrases"])
        for name, entry in data["cues"].items():
            base = entry.get("same_as", name)
            if base not in lists:
                raise CueDataError(source, [(json_path(["cues", name, "same_as"]), f"names {base!r}, which is no entry with phrases")])
            window = entry.get("window")
            by_length = lists[base].by_length
            single = set(by_length) == {1} and entry["direction"] in ("before", "after")
            self.cues[name] = Cue(name, base, entry["direction"], tuple(window) if isinstance(window, list) else window,
                                  bool(entry.get("inside")), frozenset(p[0] for p in by_length[1]) if single else None)
        self.scanner = PhraseScanner(lists)
        # What a question needs of each cue, unpacked in one step: (list, window, inside, words); the list alone.
        self.plans: dict[str, tuple[str, Any, bool, frozenset[str] | None]] = {
            name: (c.phrases_of, c.window, c.inside, c.words) for name, c in self.cues.items()}
        self.bases = {name: c.phrases_of for name, c in self.cues.items()}
        self.words: dict[str, frozenset[str]] = {}
        for name, entry in data["words"].items():
            for word in entry["words"]:
                if len(tokenize_phrase(word)) != 1:
                    raise CueDataError(source, [(json_path(["words", name, "words"]), f"{word!r} is not one token, so it can never match one")])
            self.words[name] = frozenset(entry["words"])
        self.phrases = {name: frozenset(tokenize_phrase(p) for p in entry["phrases"]) for name, entry in data["phrases"].items()}
        self.tables: dict[str, dict[str, str]] = {name: dict(entry["map"]) for name, entry in data["tables"].items()}
        self.ids = {name: frozenset(entry["ids"]) for name, entry in data["ids"].items()}
        problems = self._read_problems(data, list(reads))
        if problems:
            raise CueDataError(source, problems)

    @classmethod
    def shared(cls, data: Mapping[str, Any], reads: Iterable[tuple[str, CueReads]]) -> CueSpec:
        """One spec for equal data and reads: the components that read the same cue file share its
        scanner, so a document is scanned once for all their cues (their matches are kept per scanner)."""
        reads = tuple(reads)
        key = (json.dumps(data, sort_keys=True), reads)
        spec = _SHARED.get(key)
        if spec is None:
            if len(_SHARED) >= _SHARED_MOST:
                _SHARED.clear()
            spec = _SHARED[key] = cls(data, reads)
        return spec

    def _read_problems(self, data: Mapping[str, Any], reads: list[tuple[str, CueReads]]) -> list[Problem]:
        """Every entry read as declared, and every entry read by some module: what is not."""
        problems: list[Problem] = []
        read: set[tuple[str, str]] = set()
        for module, declared in reads:
            for field in fields(CueReads):
                for name in getattr(declared, field.name):
                    section = "cues" if field.name in _DIRECTIONS else field.name
                    if name not in data[section]:
                        problems.append((json_path([section, name]), f"{module} reads it, but the file does not have it"))
                    elif section == "cues" and self.cues[name].direction != field.name:
                        problems.append((json_path([section, name, "direction"]),
                                         f"{self.cues[name].direction!r}, but {module} reads it {field.name!r}"))
                    read.add((section, name))
        for section in ("cues", *_SECTIONS):
            problems += [(json_path([section, name]), "no rule reads it") for name in data[section] if (section, name) not in read]
        return problems

    def query(self, view: TokenView) -> CueQuery:
        """The questions rules ask of one document's cues."""
        return CueQuery(self, self.scanner.matches(view), view.lower, space_tokens(view))


class CueQuery:
    """One document's cue matches, asked the way the data says: each cue's direction and window are its own.

    A list's matches are in order and do not overlap, so both their starts and their
    ends increase, and every question is a bisection (of a long list's starts or ends: ``LONG_LIST``).
    """

    __slots__ = ("_matches", "_plans", "_bases", "_lower", "_spaces", "_starts", "_ends")

    def __init__(self, spec: CueSpec, matches: dict[str, list[Match]], lower: list[str],
                 spaces: list[int] | None = None) -> None:
        self._matches = matches
        self._plans = spec.plans
        self._bases = spec.bases
        self._lower = lower
        # The whitespace tokens (a line break inside a sentence: "Of\nthe 53"), in order: a window counts
        # words, so it reaches past them.
        self._spaces = spaces or []
        self._starts: dict[str, list[int]] = {}  # a long list's starts and ends, made when first asked for
        self._ends: dict[str, list[int]] = {}

    def before(self, name: str, i: int, floor: int = 0) -> Match | None:
        """A cue in the window before token ``i``: ending in it (its end, exclusive, not before ``floor``),
        or, for an ``inside`` cue, lying wholly in it (and from ``floor`` on); the first such, or None."""
        base, window, inside, words = self._plans[name]
        if words is None and not self._matches[base]:
            return None  # most cue lists match nowhere in a document: asked first
        lo = i - window  # the window's first token (plain comparisons: this is asked a few thousand times a document)
        if self._spaces:
            lo = _back_past_spaces(self._spaces, lo, i)
        if not inside and floor:
            floor -= 1  # a cue ending at ``floor`` still counts
        if lo < floor:
            lo = floor
        if words is not None:  # one-word phrases: the first of the window's tokens that is one
            lower = self._lower
            if lo < 0:
                lo = 0
            while lo < i:
                if lower[lo] in words:
                    return lo, lo + 1
                lo += 1
            return None
        found = self._matches[base]
        if inside:
            lying = self._find(base, lo, i)
            return lying[0] if lying else None
        if len(found) < LONG_LIST:
            k = bisect_right(found, lo, key=_END)
        else:
            k = bisect_right(self._ends.get(base) or self._positions(base)[1], lo)
        return found[k] if k < len(found) and found[k][1] <= i else None

    def after(self, name: str, i: int, bound: int | None = None) -> Match | None:
        """A cue in the window from token ``i`` (cut at ``bound``): starting in it, or, for an ``inside`` cue,
        lying wholly in it; the first such, or None. A window cut short keeps at least one token."""
        base, window, inside, words = self._plans[name]
        if words is None and not self._matches[base]:
            return None  # most cue lists match nowhere in a document: asked first
        stop = i + window  # the window's end (exclusive), cut at the bound, but never to nothing unless inside
        if self._spaces:
            stop = _on_past_spaces(self._spaces, i, stop)
        if bound is not None and bound < stop:
            stop = bound if inside or bound > i else i + 1
        if words is not None:  # one-word phrases: the first of the window's tokens that is one
            lower = self._lower
            if stop > len(lower):
                stop = len(lower)
            while i < stop:
                if lower[i] in words:
                    return i, i + 1
                i += 1
            return None
        found = self._matches[base]
        if inside:
            lying = self._find(base, i, stop)
            return lying[0] if lying else None
        if len(found) < LONG_LIST:
            k = bisect_left(found, (i,))
        else:
            k = bisect_left(self._starts.get(base) or self._positions(base)[0], i)
        return found[k] if k < len(found) and found[k][0] < stop else None

    def around(self, name: str, start: int, end: int, floor: int, bound: int) -> tuple[list[Match], list[Match]]:
        """The cues lying in the window before tokens [start, end), and in the window after them, within [floor, bound)."""
        base, window, _, _ = self._plans[name]
        found = self._matches[base]
        if not found:
            return [], []
        before, after = window
        lo, hi = start - before, end + after
        if self._spaces:
            lo, hi = _back_past_spaces(self._spaces, lo, start), _on_past_spaces(self._spaces, end, hi)
        return self._find(base, max(lo, floor), start), self._find(base, end, min(hi, bound))

    def within(self, name: str, start: int, end: int) -> list[Match]:
        """The cues lying within tokens [start, end), in order."""
        base = self._bases[name]
        found = self._matches[base]
        if not found:
            return []
        if len(found) < LONG_LIST:
            lo = bisect_left(found, (start,))  # as _find, written out: the linker's most frequent question
            hi = bisect_left(found, (end,), lo)
        else:
            starts = self._starts.get(base) or self._positions(base)[0]
            lo = bisect_left(starts, start)
            hi = bisect_left(starts, end, lo)
        if hi > lo and found[hi - 1][1] > end:
            hi -= 1
        return found[lo:hi]

    def in_doc(self, name: str) -> list[Match]:
        """Every match of cue ``name`` in the document, in order (the shared list: do not change it)."""
        return self._matches[self._bases[name]]

    def any_in_doc(self, name: str) -> bool:
        """Whether the document holds the cue anywhere: most hold few cues, so one test rules a question out."""
        return bool(self._matches[self._bases[name]])

    def _find(self, base: str, start: int, end: int) -> list[Match]:
        """The matches of list ``base`` lying within tokens [start, end)."""
        found = self._matches[base]
        if len(found) < LONG_LIST:
            lo = bisect_left(found, (start,))
            hi = bisect_left(found, (end,), lo)  # the matches from ``lo`` that start before ``end``
        else:
            starts = self._starts.get(base) or self._positions(base)[0]
            lo = bisect_left(starts, start)
            hi = bisect_left(starts, end, lo)
        if hi > lo and found[hi - 1][1] > end:
            hi -= 1  # only the last of them can reach past ``end``
        return found[lo:hi]

    def _positions(self, base: str) -> tuple[list[int], list[int]]:
        """The starts and the ends of long list ``base``'s matches, kept for the next question."""
        found = self._matches[base]
        starts = self._starts[base] = [m[0] for m in found]
        ends = self._ends[base] = [m[1] for m in found]
        return starts, ends


def space_tokens(view: TokenView) -> list[int]:
    """The indices of the whitespace tokens inside a sentence (a line break in the middle of one, "Of\nthe 53":
    neither it nor the token after it starts a sentence), in order. A break between sentences or
    paragraphs is not among them: a window never reaches past one into the next sentence."""
    spaces = view.is_space.nonzero()[0].tolist() if view.n else []
    if not spaces:
        return spaces
    starts = set(view.sent_starts or ())
    return [k for k in spaces if k not in starts and k + 1 not in starts]


def _back_past_spaces(spaces: list[int], lo: int, i: int) -> int:
    """The start of a window ending at ``i`` that first began at ``lo``, moved back by the whitespace tokens
    inside it, so that it holds as many words as it was meant to."""
    inside = bisect_left(spaces, i) - bisect_left(spaces, lo)
    while inside:
        was, lo = lo, lo - inside
        inside = bisect_left(spaces, was) - bisect_left(spaces, lo)
    return lo


def _on_past_spaces(spaces: list[int], i: int, stop: int) -> int:
    """The end (exclusive) of a window starting at ``i`` that first ended at ``stop``, moved on by the
    whitespace tokens inside it."""
    inside = bisect_left(spaces, stop) - bisect_left(spaces, i)
    while inside:
        was, stop = stop, stop + inside
        inside = bisect_left(spaces, stop) - bisect_left(spaces, was)
    return stop
