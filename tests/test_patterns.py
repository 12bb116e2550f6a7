"""The pattern builders of ``pipeline/patterns.py``: typo variants of long words (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.patterns import one_slip_from, typo_variants, with_typos

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC", min_size=1, max_size=16)


def _one_edit(word: str, typo: str) -> bool:
    """``typo`` is ``word`` with one letter dropped or two neighbours swapped."""
    if len(typo) == len(word) - 1:
        return any(word[:i] + word[i + 1 :] == typo for i in range(len(word)))
    if len(typo) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(word, typo)) if a != b]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == typo[diff[1]] and word[diff[1]] == typo[diff[0]]
    return False


@settings(max_examples=200, deadline=None, derandomize=True)
@given(WORDS)
def test_every_typo_is_one_slip_away_and_keeps_the_first_letter(word: str) -> None:
    typos = typo_variants(word)
    if len(word) < 8:
        assert typos == set()  # short words have real words one edit away
    assert word not in typos
    assert all(_one_edit(word, t) and t[0] == word[0] for t in typos)


def test_typos_of_a_known_word() -> None:
    typos = typo_variants("Constabulary")
    assert {"Constabulay", "Constabluary", "Constbulary"} <= typos
    assert "constabulary" not in typos and "Onstabulary" not in typos


def test_only_short_phrases_get_typos_and_one_word_at_a_time() -> None:
    phrases = ["Inspectorate of Constabulary", "Her Majesty's Inspectorate of Constabulary and Fire and Rescue Services"]
    out = with_typos(phrases, ["Constabulary", "Inspectorate"])
    assert out[:2] == phrases
    assert "Inspectorate of Constabulay" in out and "Inspectorat of Constabulary" in out
    assert "Inspectorat of Constabulay" not in out  # one typo a phrase
    assert not any(p.startswith("Her Majesty's") and p not in phrases for p in out)  # the long form keeps its spelling


def _levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(WORDS, WORDS)
def test_one_slip_is_one_edit_or_a_swap_keeping_the_first_letter(word: str, target: str) -> None:
    word, target = word.lower(), target.lower()
    slip = one_slip_from(word, target)
    if slip:
        assert word != target and word[0] == target[0]
        assert _levenshtein(word, target) == 1 or _one_edit(target, word)
    elif word[:1] == target[:1] and word != target:
        assert _levenshtein(word, target) > 1 and not _one_edit(target, word)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(WORDS)
def test_every_generated_typo_is_read_as_a_slip(word: str) -> None:
    assert all(one_slip_from(t.lower(), word.lower()) for t in typo_variants(word) if t.lower() != word.lower())


def test_slips_of_a_known_word() -> None:
    for typo in ("constabularly", "constabularys", "constabulery", "constabluary", "constabulay"):
        assert one_slip_from(typo, "constabulary"), typo
    for other in ("constabulary", "onstabulary", "constable", "constabularies", "kconstabulary"):
        assert not one_slip_from(other, "constabulary"), other
