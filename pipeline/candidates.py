"""Entity candidates: possible entities that the resolver chooses among.

The SpanRuler writes its matches to ``doc.spans``; the project's own taggers put
theirs on a per-doc board of plain tuples instead, because building a ``Span`` for
every candidate and reading it back costs more than all the rules together. The
board lives as long as the doc, in this process. The resolver can copy every
candidate into ``doc.spans`` for inspection (``keep_candidates = true``).
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

from spacy.tokens import Doc

from pipeline._speed import doc_state
from pipeline.schema import ENTITY_LABELS

# Label a bare place name gets until the force-context rule decides it names the force.
FORCE_PLACE = "FORCE_PLACE"
# Label of a clock time: it survives only inside a DATE ("9 March, 10.30am").
TIME = "TIME"
# Every label a candidate can have: the entity labels, and those that become one or none.
CANDIDATE_LABELS = frozenset(ENTITY_LABELS) | {FORCE_PLACE, TIME}


class Candidate(NamedTuple):
    """A possible entity: token offsets, label and the id of the pattern or rule that found it."""

    start: int
    end: int
    label: str
    id: str


def add_candidates(doc: Doc, candidates: Iterable[Candidate]) -> None:
    state = doc_state(doc)
    if state.board is None:
        state.board = []
    state.board.extend(candidates)


def board_candidates(doc: Doc) -> list[Candidate]:
    """The candidates the project's taggers found in ``doc`` (not those of the span ruler)."""
    board = doc_state(doc).board
    return [] if board is None else board


def clear_candidates(doc: Doc) -> None:
    state = doc_state(doc)
    state.board = state.from_group = None


def span_group_candidates(doc: Doc, key: str) -> list[Candidate]:
    """The span ruler's matches, as candidates (read from ``doc.spans`` once per doc)."""
    state = doc_state(doc)
    found = state.from_group
    if found is None:
        found = [Candidate(s.start, s.end, s.label_, s.id_) for s in doc.spans[key]] if key in doc.spans else []
        state.from_group = found
    return found


class EntityRow(NamedTuple):
    """A chosen entity as plain values: token and character offsets, label, canonical id."""

    start: int
    end: int
    label: str
    kb_id: str
    start_char: int
    end_char: int


def set_entities(doc: Doc, rows: list[EntityRow]) -> None:
    """Record the entities just written to ``doc.ents`` so later components need not rebuild Spans."""
    doc_state(doc).entities = rows


def entity_rows(doc: Doc) -> list[EntityRow]:
    """``doc.ents`` as rows: from the resolver's record when this process made them, else read."""
    state = doc_state(doc)
    rows = state.entities
    if rows is None:
        rows = state.entities = [EntityRow(e.start, e.end, e.label_, e.kb_id_, e.start_char, e.end_char) for e in doc.ents]
    return rows
