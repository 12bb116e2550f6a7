"""Finding every phrase of some phrase lists in a document in one pass, at the few tokens where one can begin.

Phrases are tokenised exactly as documents are and matched as token tuples, so a
list can grow without slowing the search. A document is scanned once, and only at
the tokens where a phrase can begin: numpy picks them out of the token ids with two
table look-ups per token (a one-word phrase, or the first two words of a longer one),
so Python visits a few dozen tokens instead of every one. A short document (a
headline, a caption: fewer than ``SHORT_DOC`` tokens) is looked up token by token
instead, since there the numpy calls cost more than they save.

Every list is indexed once, at load, and scanned with every document. (Lists used to
join the index as they were first asked for, each rebuilding it: with 65 lists those
rebuilds cost about 0.1 s of a 900-document run, 2%, and fell inside it, as some lists
are asked only by rare phrasing.) Each list's matches are independent of the others',
so what a query returns never depends on which lists were scanned together. Within a
list, matches do not overlap (at each token the longest phrase wins, and the scan goes
on after it), so their starts and their ends both increase and every query of them is a
bisection.
"""

from __future__ import annotations

from typing import Iterable, Mapping

import numpy
from spacy.strings import get_string_id

from pipeline._speed.view import TokenView
from pipeline.resources import PhraseSet

Match = tuple[int, int]
# Ids are hashes: the low 16 bits of a word's id index a table of flags for one-word phrases,
# and the low 8 bits of two words' ids, side by side, a table for the first two words of
# longer ones. A flag set for another word or pair only makes Python check a token it
# need not have checked. Measured inside the running pipeline, each numpy call costs a
# few microseconds (its code is no longer in the CPU's caches), so there are few of them:
# the low bits are taken once, by a cast to 16 bits (which keeps the low bits), and the
# candidates are then looked up by their words, which Python holds already.
_SLOT = numpy.uint16
_PAIR_SHIFT = 8
_PAIR_BITS = (1 << _PAIR_SHIFT) - 1
# Below this many tokens (a headline, a caption), Python looks up every token by its word:
# the numpy calls that pick out the few tokens worth a look cost more than the look-ups.
SHORT_DOC = 64
# Past a document's last token: no phrase of a data file holds a NUL character, so the words after
# the end match nothing (a str, so the word list keeps one type).
_PAD: list[str] = ["\x00", "\x00"]


def _flags(size: int, flagged: Iterable[int]) -> numpy.ndarray:
    table = numpy.zeros(size, dtype=bool)
    for index in flagged:
        table[index] = True
    return table


def _word_slot(word: str) -> int:
    return get_string_id(word) & 0xFFFF


def _pair_slot(first: str, second: str) -> int:
    return (get_string_id(first) & _PAIR_BITS) << _PAIR_SHIFT | (get_string_id(second) & _PAIR_BITS)


class ScanIndex:
    """The phrases of some lists, indexed for one pass over a document.

    Numpy picks out the tokens where a phrase may begin, by the string ids of their words
    (the ids of a document's lower-case tokens are at hand as one array): a one-word phrase
    by its word, a longer one by its first two. Python then looks each of those tokens up
    by its word: a one-word phrase by its word, a longer one by its first word and then its
    second, longest first.
    """

    def __init__(self, sets: Mapping[str, PhraseSet], names: Iterable[str]) -> None:
        self.names = tuple(names)
        # Lists are numbered, so that a scan keeps its state in lists rather than dicts.
        single: dict[str, list[int]] = {}
        longer: dict[str, dict[str, list[tuple[tuple[str, ...], int, int, str | None]]]] = {}
        has_longer: set[int] = set()
        for number, name in enumerate(self.names):
            for group in sets[name].by_length.values():
                for phrase in group:
                    if len(phrase) == 1:
                        single.setdefault(phrase[0], []).append(number)
                    else:  # with its length and third word: most texts that open like a phrase differ there
                        third = phrase[2] if len(phrase) > 2 else None
                        longer.setdefault(phrase[0], {}).setdefault(phrase[1], []).append((phrase, number, len(phrase), third))
                        has_longer.add(number)
        for by_second in longer.values():
            for entries in by_second.values():
                entries.sort(key=lambda e: -len(e[0]))
        # By first word: the longer phrases by their second word; the lists holding the word alone that
        # have longer phrases too (a longer match may cover the word); those that do not (it is a match).
        self.by_first: dict[str, tuple[dict[str, list[tuple[tuple[str, ...], int, int, str | None]]], tuple[int, ...], tuple[int, ...]]] = {
            word: (longer.get(word, {}),
                   tuple(k for k in single.get(word, ()) if k in has_longer),
                   tuple(k for k in single.get(word, ()) if k not in has_longer))
            for word in longer.keys() | single.keys()}
        self.single_flags = _flags(1 << 16, (_word_slot(word) for word in single))
        self.pair_flags = _flags(1 << 2 * _PAIR_SHIFT,
                                 (_pair_slot(first, second) for first, by_second in longer.items() for second in by_second))

    def scan(self, view: TokenView) -> dict[str, list[Match]]:
        found: list[list[Match]] = [[] for _ in self.names]
        n = view.n
        if n:
            if n < SHORT_DOC:
                # Every token: the tables only leave out tokens that begin no phrase, which the
                # look-up by word below leaves out as well, and numpy's calls cost more here.
                candidates: Iterable[int] = range(n)
            else:
                low = view.lower_ids.astype(_SLOT)  # the low 16 bits of each id (as _word_slot)
                starts = self.single_flags[low]  # tokens that may be a one-word phrase
                # or begin a longer one (as _pair_slot: in 16 bits, the shift drops the first word's high byte)
                starts[:-1] |= self.pair_flags[low[:-1] << _PAIR_SHIFT | low[1:] & _PAIR_BITS]
                candidates = starts.nonzero()[0].tolist()
            reach = [0] * len(found)  # end of the last match kept, per list
            # Padded past the end with words no phrase holds, so a phrase is compared without a bound check.
            lower, by_first = view.lower + _PAD, self.by_first
            for i in candidates:
                entry = by_first.get(lower[i])
                if entry is None:
                    continue  # a slot shared with a phrase's word
                longer, covered, alone = entry
                if longer and (entries := longer.get(lower[i + 1])):
                    for phrase, k, size, third in entries:
                        if i >= reach[k] and (size == 2 or (lower[i + 2] == third
                                                            and (size == 3 or tuple(lower[i : i + size]) == phrase))):
                            found[k].append((i, i + size))
                            reach[k] = i + size
                if covered:
                    for k in covered:
                        if i >= reach[k]:
                            found[k].append((i, i + 1))
                            reach[k] = i + 1
                if alone:
                    for k in alone:
                        found[k].append((i, i + 1))
        return dict(zip(self.names, found))


class PhraseScanner:
    """Named phrase lists; a document is scanned once and its matches are kept on its view."""

    def __init__(self, sets: Mapping[str, PhraseSet]) -> None:
        self.sets = dict(sets)
        self._index = ScanIndex(self.sets, self.sets)

    def matches(self, view: TokenView) -> dict[str, list[Match]]:
        """The view's matches per list, kept on the view (it lives as long as its doc, and goes with it)."""
        kept = view.cue_matches
        if kept is None:
            kept = view.cue_matches = {}
        found = kept.get(self)
        if found is None:
            found = kept[self] = self._index.scan(view)
        return found
