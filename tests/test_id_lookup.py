"""The id tables the taggers use to find their words: exact for members, never a false 'no'."""

from __future__ import annotations

import numpy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.strings import get_string_id

from pipeline._speed import IdFilter, IdTable

WORDS = st.text(min_size=1, max_size=12)


def _ids(words: list[str]) -> numpy.ndarray:
    return numpy.array([get_string_id(w) for w in words], dtype=numpy.uint64)


@settings(max_examples=60, deadline=None)
@given(members=st.sets(WORDS, min_size=1, max_size=80), others=st.lists(WORDS, max_size=80))
def test_id_table_numbers_members_and_nothing_else(members: set[str], others: list[str]) -> None:
    table = IdTable(members)
    tokens = sorted(members) + others
    numbers = table.find(_ids(tokens)).tolist()
    for word, number in zip(tokens, numbers):
        if word in members:
            assert number > 0 and int(table.ids[number]) == get_string_id(word)
        else:
            assert number == 0


@settings(max_examples=60, deadline=None)
@given(members=st.sets(WORDS, min_size=1, max_size=80), common=st.lists(WORDS, max_size=80))
def test_id_filter_never_rules_out_a_member(members: set[str], common: list[str]) -> None:
    keep = IdFilter(members, common)
    assert keep.may_contain(_ids(sorted(members))).all()


def test_id_filter_rules_out_most_common_words() -> None:
    common = [f"word{i}" for i in range(2000)]
    keep = IdFilter(["Mr", "Mrs", "said"], common)
    assert keep.may_contain(_ids(common)).sum() < 2000 / 32
