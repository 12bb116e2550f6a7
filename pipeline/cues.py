"""Cue phrases for the finding linker, read from ``data/finding_cues.json``.

Phrases are tokenised exactly as documents are, grouped by length, and looked up
as token tuples, so a cue list can grow without slowing the search.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pipeline.context_rules import tokenize_phrase
from pipeline.patterns import load_json
from pipeline.token_view import TokenView


class PhraseSet:
    """A set of phrases, searchable at a token position."""

    def __init__(self, phrases: list[str]) -> None:
        self.by_length: dict[int, set[tuple[str, ...]]] = {}
        for phrase in phrases:
            tokens = tokenize_phrase(phrase)
            self.by_length.setdefault(len(tokens), set()).add(tokens)
        self.lengths = sorted(self.by_length, reverse=True)

    def match_at(self, lower: list[str], i: int) -> int:
        """Length of the longest phrase starting at token ``i`` (0 if none)."""
        for length in self.lengths:
            if i + length <= len(lower) and tuple(lower[i : i + length]) in self.by_length[length]:
                return length
        return 0

    def ends_at(self, lower: list[str], end: int) -> int:
        """Length of the longest phrase ending just before token ``end`` (0 if none)."""
        for length in self.lengths:
            if end - length >= 0 and tuple(lower[end - length : end]) in self.by_length[length]:
                return length
        return 0


class Cues:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.sets = {name: PhraseSet(value) for name, value in data.items() if isinstance(value, list) and name != "_doc"}

    def find(self, view: TokenView, name: str, start: int, end: int) -> list[tuple[int, int]]:
        """Every (longest, non-overlapping) match of cue ``name`` within tokens [start, end)."""
        phrases = self.sets[name]
        found = []
        i = max(start, 0)
        end = min(end, view.n)
        while i < end:
            length = phrases.match_at(view.lower, i)
            if length and i + length <= end:
                found.append((i, i + length))
                i += length
            else:
                i += 1
        return found

    def follows(self, view: TokenView, name: str, i: int, window: int = 1) -> int | None:
        """Start of a cue beginning within ``window`` tokens from token ``i``."""
        for k in range(i, min(i + window, view.n)):
            if self.sets[name].match_at(view.lower, k):
                return k
        return None

    def precedes(self, view: TokenView, name: str, i: int, window: int = 1) -> int | None:
        """End of a cue ending within ``window`` tokens before token ``i``."""
        for k in range(i, max(i - window, 0), -1):
            if self.sets[name].ends_at(view.lower, k):
                return k
        return None


@lru_cache(maxsize=4)
def load_cues(name: str = "finding_cues.json") -> Cues:
    return Cues(load_json(name))
