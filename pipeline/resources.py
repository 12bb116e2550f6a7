"""Reading the rule data in ``pipeline/data``: files, phrases tokenised as documents are, phrase sets."""

from __future__ import annotations

from pipeline.context_rules import tokenize_phrase
from pipeline.patterns import DATA_DIR, load_json

__all__ = ["DATA_DIR", "PhraseSet", "load_json", "tokenize_phrase"]


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
