"""The per-document state the project keeps outside the doc, dropped when the doc dies.

Everything the project keeps per document outside the doc (the token view of
``view.py``, the candidate board, the chosen entities: see ``pipeline/candidates.py``)
lives in one ``DocState`` record, found by a weak reference to the doc. When a doc dies, its record is dropped by
the dict's own ``pop`` as the weak reference's callback: one C-level call per doc, where
a ``WeakKeyDictionary`` per cache would run a Python callback per cache.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from spacy.tokens import Doc

if TYPE_CHECKING:
    from pipeline._speed.view import TokenView


class DocState:
    """What the project keeps about one live doc: its view, and the candidate board and entity rows of
    ``pipeline/candidates.py`` (None: not made yet)."""

    __slots__ = ("view", "board", "from_group", "entities")

    def __init__(self) -> None:
        self.view: TokenView | None = None
        self.board: list | None = None  # the taggers' candidates
        self.from_group: list | None = None  # the span ruler's, read from ``doc.spans``
        self.entities: list | None = None  # the chosen entities, as rows


# Keyed by a weak reference to the doc whose callback is this dict's ``pop``: when the doc
# dies, its entry goes. An entry is made once per doc and never removed otherwise, so the
# callback always finds it.
_STATES: dict[weakref.ref, DocState] = {}


def doc_state(doc: Doc) -> DocState:
    """The record of ``doc`` (a new, empty one the first time)."""
    state = _STATES.get(weakref.ref(doc))
    if state is None:
        state = _STATES[weakref.ref(doc, _STATES.pop)] = DocState()
    return state
