"""Finding a whole doc's tokens in a word list with a few numpy steps, by their string ids.

A rule component that asks "is this token one of my words?" for every token pays a
Python step per token. spaCy's string ids are hashes, so a slice of their bits is
as good as a hash: the tables here are indexed by such a slice of each token's id
(``TokenView.lower_ids`` / ``orth_ids``), so one numpy expression answers for all
tokens and Python visits only the hits.
"""

from __future__ import annotations

import itertools
from typing import Iterable

import numpy
from spacy.strings import get_string_id


def _bit_slice(ids: numpy.ndarray, shift: int, bits: int) -> numpy.ndarray:
    return (ids >> shift) & ((1 << bits) - 1)


class IdTable:
    """Finds a whole doc's string ids among a word list's, in a few numpy steps.

    String ids are hashes, so a slice of their bits is as good as a hash: the table
    maps each word's slice (chosen at load time so that no two words share one) to
    the word's number, counted from 1, and a token is that word when their ids are
    equal. Unlike ``numpy.searchsorted``, whose binary search branches
    unpredictably (three times slower here), this costs the same for every token.
    """

    def __init__(self, words: Iterable[str]) -> None:
        #: The words' ids in their numbers' order; number 0 is no word.
        known = numpy.unique(numpy.array([get_string_id(w) for w in words], dtype=numpy.uint64))
        self.ids = numpy.concatenate([numpy.zeros(1, dtype=numpy.uint64), known])
        for bits in itertools.count(len(known).bit_length() + 2):
            shift = next((s for s in range(64 - bits + 1) if len(numpy.unique(_bit_slice(known, s, bits))) == len(known)), None)
            if shift is not None:
                break
        self.shift, self.bits = shift, bits
        # The smallest integer type that numbers every word keeps the table in the CPU's cache.
        self.numbers = numpy.zeros(1 << bits, dtype=numpy.min_scalar_type(len(self.ids)))
        self.numbers[_bit_slice(known, shift, bits)] = numpy.arange(1, len(self.ids))

    def find(self, ids: numpy.ndarray) -> numpy.ndarray:
        """The number of the word each of ``ids`` is, or 0."""
        numbers = self.numbers[_bit_slice(ids, self.shift, self.bits)]
        return numbers * (self.ids[numbers] == ids)


class IdFilter:
    """Which of a doc's string ids may be among a set's (a bitmap on a slice of their bits).

    It can say yes wrongly, never no wrongly: the caller checks each yes. The slice
    is chosen so that as few of ``common`` (strings outside the set that texts are
    full of) as can be say yes; of the others, fewer than one in 32 does.
    """

    def __init__(self, members: Iterable[str], common: Iterable[str]) -> None:
        members = set(members)
        ids = numpy.array([get_string_id(m) for m in members], dtype=numpy.uint64)
        others = numpy.array([get_string_id(c) for c in set(common) - members], dtype=numpy.uint64)
        self.bits = max(1, (32 * len(ids)).bit_length())

        def bitmap(shift: int) -> numpy.ndarray:
            marked = numpy.zeros(1 << self.bits, dtype=bool)
            marked[_bit_slice(ids, shift, self.bits)] = True
            return marked

        self.shift = min(range(64 - self.bits + 1),
                         key=lambda s: int(bitmap(s)[_bit_slice(others, s, self.bits)].sum()))
        self.marked = bitmap(self.shift)

    def may_contain(self, ids: numpy.ndarray) -> numpy.ndarray:
        """For each of ``ids``: False if it is not in the set."""
        return self.marked[_bit_slice(ids, self.shift, self.bits)]
