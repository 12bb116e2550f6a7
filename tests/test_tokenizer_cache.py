"""The tokenizer fills spaCy's word cache, and that never changes a token.

``SpaceNormalisingTokenizer`` tokenises each new word alone before the text, so spaCy
caches it even after a special case ("Mr.", "don't") has stopped spaCy saving to its
cache for the rest of the text. The reference here is a second, separately loaded
pipeline whose inner spaCy tokenizer is called directly: stock behaviour, cache and all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline import tokenizer as tokenizer_module
from pipeline.extract import load_pipeline
from pipeline.tokenizer import spaces_normalised

ROOT = Path(__file__).resolve().parent.parent

# Words that hit special cases, split on affixes and infixes, or glue (real phrasing of coverage).
WORDS = ["Mr.", "Dr.", "don't", "it's", ":)", "(8)", "e.g.", "Police.", "force's", "“The", "said:", "(HMICFRS)this",
         "PriorAlan", "88.7pc", "+/-2.5%", "1-in-10", "unlogged-", "September/", "October", "21,200", "crimes,",
         "90.9%", "10am", "rape.", "HMIC", "per", "cent", "Kent", "a.m.", "'s", "St.", "Feb.", "U.S.", "—", "..."]
SEPARATORS = [" ", "  ", "\n", "\n\n", " \n", "\t", "\u00a0", ""]


@pytest.fixture(scope="module")
def reference() -> Language:
    """A pipeline of its own (own vocab, own cache), used only through its inner spaCy tokenizer."""
    return load_pipeline(ROOT / "models" / "hmicfrs")


def tokens_of(doc) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(t.text, t.whitespace_) for t in doc]


def stock_tokens(reference: Language, text: str) -> list[tuple[str, str]]:
    return tokens_of(reference.tokenizer.inner(spaces_normalised(text) or text))


@pytest.mark.parametrize("text", [
    "Mr. Sanders said: “The force's recording of rape.” Police. Police. Police.",
    "Mr. Smith said 21,200 crimes, 21,200 crimes, 88.7pc and 1-in-10 (HMICFRS)this month",
    "don't  stop\n\nthe HMIC report (8) e.g. 90.9\u00a0per cent of crimes,\tin Kent.",
    "",
    "   ",
    "Police.",
])
def test_tokens_are_stock_spacys(nlp: Language, reference: Language, text: str) -> None:
    # Twice: the second time every word comes from the cache this tokenizer filled.
    assert tokens_of(nlp.tokenizer(text)) == stock_tokens(reference, text)
    assert tokens_of(nlp.tokenizer(text)) == stock_tokens(reference, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30) | st.text(max_size=80))
def test_any_text_tokenises_as_stock_spacy(nlp: Language, reference: Language, pieces) -> None:  # type: ignore[no-untyped-def]
    text = pieces if isinstance(pieces, str) else "".join(word + sep for word, sep in pieces)
    assert tokens_of(nlp.tokenizer(text)) == stock_tokens(reference, text)


def test_words_after_a_special_case_are_cached(nlp: Language) -> None:
    """What the cache is for: a word first met after a special case is remembered as known."""
    word = "unheardofword12345,"
    nlp.tokenizer(f"Mr. Jones said {word} twice")
    assert word in nlp.tokenizer._known_words


def test_known_words_are_bounded(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the limit the memory of known words starts afresh; the tokens stay the same."""
    monkeypatch.setattr(tokenizer_module, "_KNOWN_WORDS_LIMIT", 5)
    nlp.tokenizer._known_words.clear()
    text = "one two three four five six seven"
    first = tokens_of(nlp.tokenizer(text))
    assert len(nlp.tokenizer._known_words) <= 7
    nlp.tokenizer("eight nine ten eleven")
    assert len(nlp.tokenizer._known_words) <= 5
    assert tokens_of(nlp.tokenizer(text)) == first


def test_nothing_is_cached_inside_a_memory_zone(nlp: Language) -> None:
    """spaCy saves nothing to its cache in a memory zone, so no word is tokenised twice for nothing."""
    with nlp.memory_zone():
        nlp.tokenizer("Mr. Jones said zoneonlyword98765 twice")
    assert "zoneonlyword98765" not in nlp.tokenizer._known_words


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab,;.Z \t\n\u00a0•1")), max_size=60))
def test_spaces_are_normalised_one_for_one(text: str) -> None:
    """Offsets never move: each odd space, and each line break that wraps a sentence before a lower-case word,
    becomes one plain space; nothing else changes."""
    spaced = spaces_normalised(text)
    if spaced is None:
        return
    assert len(spaced) == len(text)
    for before, after in zip(text, spaced):
        assert before == after or (after == " " and before in "\u00a0\n")


@pytest.mark.parametrize("text, spaced", [
    ("had never\nbeen recorded", "had never been recorded"),
    ("violent, \nsexual", "violent,  sexual"),
    ("A heading\n\nthe text", None),
    ("recorded.\nthe next", None),
    ("Findings:\n• one", None),
    ("the force\nRecorded", None),
])
def test_a_line_break_wrapping_a_sentence_is_a_space(text: str, spaced: str | None) -> None:
    assert spaces_normalised(text) == spaced
