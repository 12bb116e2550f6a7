"""Cue phrases for the finding linker, read from ``data/finding_cues.json``.

Phrases are tokenised exactly as documents are, grouped by length, and looked up
as token tuples, so a cue list can grow without slowing the search.
"""

from __future__ import annotations

import weakref
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
    """All cue lists; a document is scanned once for every cue and the matches are cached.

    Phrases are indexed by their first word, so the scan costs one dictionary look-up
    per token whatever the number of cues.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.sets = {name: PhraseSet(value) for name, value in data.items() if isinstance(value, list) and name != "_doc"}
        # One-word cues by word; longer cues by their first two words, longest first.
        self.single: dict[str, list[str]] = {}
        self.by_pair: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
        for name, phrases in self.sets.items():
            for group in phrases.by_length.values():
                for phrase in group:
                    if len(phrase) == 1:
                        self.single.setdefault(phrase[0], []).append(name)
                    else:
                        self.by_pair.setdefault((phrase[0], phrase[1]), []).append((phrase, name))
        for entries in self.by_pair.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.first_words = frozenset(self.single) | frozenset(pair[0] for pair in self.by_pair)
        self._scans: weakref.WeakKeyDictionary[TokenView, dict[str, list[tuple[int, int]]]] = weakref.WeakKeyDictionary()

    def _matches(self, view: TokenView) -> dict[str, list[tuple[int, int]]]:
        found = self._scans.get(view)
        if found is None:
            found = {name: [] for name in self.sets}
            reach = {name: 0 for name in self.sets}  # end of the last match kept, per cue list
            lower = view.lower
            single, by_pair, firsts = self.single, self.by_pair, self.first_words
            n = len(lower)
            for i in [i for i, word in enumerate(lower) if word in firsts]:
                pair = (lower[i], lower[i + 1] if i + 1 < n else "")
                for phrase, name in by_pair.get(pair, ()):
                    end = i + len(phrase)
                    if i >= reach[name] and tuple(lower[i:end]) == phrase:
                        found[name].append((i, end))
                        reach[name] = end
                for name in single.get(pair[0], ()):
                    if i >= reach[name]:
                        found[name].append((i, i + 1))
                        reach[name] = i + 1
            self._scans[view] = found
        return found

    def scan(self, view: TokenView) -> CueMatches:
        """Every cue's matches in a document, for repeated queries."""
        return CueMatches(self._matches(view), self.data)

    def find(self, view: TokenView, name: str, start: int, end: int) -> list[tuple[int, int]]:
        """The matches of cue ``name`` lying within tokens [start, end)."""
        return [m for m in self._matches(view)[name] if m[0] >= start and m[1] <= end]

    def follows(self, view: TokenView, name: str, i: int, window: int = 1) -> int | None:
        """Start of a cue beginning within ``window`` tokens from token ``i``."""
        for s, _ in self._matches(view)[name]:
            if i <= s < i + window:
                return s
        return None

    def precedes(self, view: TokenView, name: str, i: int, window: int = 1) -> int | None:
        """End of a cue ending within ``window`` tokens before token ``i``."""
        for _, e in self._matches(view)[name]:
            if i - window < e <= i:
                return e
        return None


class CueMatches:
    """One document's cue matches; the queries of ``Cues`` without the per-call look-up."""

    __slots__ = ("matches", "data")

    def __init__(self, matches: dict[str, list[tuple[int, int]]], data: dict[str, Any]) -> None:
        self.matches = matches
        self.data = data

    def find(self, name: str, start: int, end: int) -> list[tuple[int, int]]:
        return [m for m in self.matches[name] if m[0] >= start and m[1] <= end]

    def follows(self, name: str, i: int, window: int = 1) -> int | None:
        for s, _ in self.matches[name]:
            if i <= s < i + window:
                return s
        return None

    def precedes(self, name: str, i: int, window: int = 1) -> int | None:
        for _, e in self.matches[name]:
            if i - window < e <= i:
                return e
        return None


@lru_cache(maxsize=4)
def load_cues(name: str = "finding_cues.json") -> Cues:
    return Cues(load_json(name))
