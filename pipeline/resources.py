"""The data files of ``pipeline/data`` and the phrase sets read from them, in one place.

Every module that reads a rule file reads it through here, so a file is parsed once
per process and shared, and phrases are tokenised the one way documents are.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """The parsed contents of ``pipeline/data/<name>``, read once per process (callers must not change them)."""
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy  # here, not at the top: modules that only read data files need not load spaCy

    return spacy.blank("en").tokenizer


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """Lower-cased tokens of a phrase, split exactly as documents are ("police, fire")."""
    return tuple(t.lower_ for t in _tokenizer()(phrase))


class PhraseSet:
    """A set of phrases, searchable at a token position."""

    def __init__(self, phrases: list[str]) -> None:
        self.by_length: dict[int, set[tuple[str, ...]]] = {}
        for phrase in phrases:
            tokens = tokenize_phrase(phrase)
            self.by_length.setdefault(len(tokens), set()).add(tokens)
        self.lengths = sorted(self.by_length, reverse=True)
        # Most tokens cannot begin or end a phrase: one set look-up rules them out.
        self.first_words = frozenset(p[0] for group in self.by_length.values() for p in group if p)
        self.last_words = frozenset(p[-1] for group in self.by_length.values() for p in group if p)

    def match_at(self, lower: list[str], i: int) -> int:
        """Length of the longest phrase starting at token ``i`` (0 if none)."""
        if not 0 <= i < len(lower) or lower[i] not in self.first_words:
            return 0
        for length in self.lengths:
            if i + length <= len(lower) and tuple(lower[i : i + length]) in self.by_length[length]:
                return length
        return 0

    def ends_at(self, lower: list[str], end: int) -> int:
        """Length of the longest phrase ending just before token ``end`` (0 if none)."""
        if not 0 < end <= len(lower) or lower[end - 1] not in self.last_words:
            return 0
        for length in self.lengths:
            if end - length >= 0 and tuple(lower[end - length : end]) in self.by_length[length]:
                return length
        return 0
