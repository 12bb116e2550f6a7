"""Entity candidates: possible entities that the resolver chooses among.

The SpanRuler writes its matches to ``doc.spans``; the project's own taggers put
theirs on a per-doc board of plain tuples instead, because building a ``Span`` for
every candidate and reading it back costs more than all the rules together. The
board lives as long as the doc, in this process. The resolver can copy every
candidate into ``doc.spans`` for inspection (``keep_candidates = true``).
"""

from __future__ import annotations

import weakref
from typing import Iterable, NamedTuple

from spacy.tokens import Doc


class Candidate(NamedTuple):
    """A possible entity: token offsets, label and the id of the pattern or rule that found it."""

    start: int
    end: int
    label: str
    id: str


_BOARD: weakref.WeakKeyDictionary[Doc, list[Candidate]] = weakref.WeakKeyDictionary()


def add_candidates(doc: Doc, candidates: Iterable[Candidate]) -> None:
    _BOARD.setdefault(doc, []).extend(candidates)


def board_candidates(doc: Doc) -> list[Candidate]:
    """The candidates the project's taggers found in ``doc`` (not those of the span ruler)."""
    return _BOARD.get(doc, [])


def clear_candidates(doc: Doc) -> None:
    _BOARD.pop(doc, None)
    _FROM_GROUP.pop(doc, None)


_FROM_GROUP: weakref.WeakKeyDictionary[Doc, list[Candidate]] = weakref.WeakKeyDictionary()


def span_group_candidates(doc: Doc, key: str) -> list[Candidate]:
    """The span ruler's matches, as candidates (read from ``doc.spans`` once per doc)."""
    found = _FROM_GROUP.get(doc)
    if found is None:
        found = [Candidate(s.start, s.end, s.label_, s.id_) for s in doc.spans[key]] if key in doc.spans else []
        _FROM_GROUP[doc] = found
    return found


class EntityRow(NamedTuple):
    """A chosen entity as plain values: token and character offsets, label, canonical id."""

    start: int
    end: int
    label: str
    kb_id: str
    start_char: int
    end_char: int


_ENTITIES: weakref.WeakKeyDictionary[Doc, list[EntityRow]] = weakref.WeakKeyDictionary()


def set_entities(doc: Doc, rows: list[EntityRow]) -> None:
    """Record the entities just written to ``doc.ents`` so later components need not rebuild Spans."""
    _ENTITIES[doc] = rows


def entity_rows(doc: Doc) -> list[EntityRow]:
    """``doc.ents`` as rows: from the resolver's record when this process made them, else read."""
    rows = _ENTITIES.get(doc)
    if rows is None:
        rows = [EntityRow(e.start, e.end, e.label_, e.kb_id_, e.start_char, e.end_char) for e in doc.ents]
        _ENTITIES[doc] = rows
    return rows
