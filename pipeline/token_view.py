"""Per-token attributes of a doc as plain Python lists, read once and shared by the components.

Creating spaCy ``Token`` objects is the single largest cost of a pure-Python rule
component (each ``for token in doc`` builds hundreds of them), and ``Doc.text``
joins every token on each access. The rule components read the same few
attributes, so they are read here in one ``Doc.to_array`` call and cached for the
doc's lifetime; what only a few tokens need is computed on demand.
"""

from __future__ import annotations

import weakref

import numpy
from spacy.attrs import IS_STOP, LOWER, ORTH, SPACY
from spacy.tokens import Doc

_SENTENCE_END = frozenset({".", "!", "?", ":", "…"})
_OPEN_QUOTES = frozenset({'"', "“", "‘", "'", "("})
_CACHE: weakref.WeakKeyDictionary[Doc, TokenView] = weakref.WeakKeyDictionary()


class TokenView:
    __slots__ = ("text", "lower", "space", "stop", "n", "orth_ids", "lower_ids", "_source", "__weakref__")

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        rows = doc.to_array([ORTH, SPACY, IS_STOP, LOWER]) if n else numpy.zeros((0, 4), dtype="uint64")
        strings = doc.vocab.strings
        self.text: list[str] = [strings[orth] for orth in rows[:, 0].tolist()]
        self.lower: list[str] = [t.lower() for t in self.text]
        self.space: list[bool] = rows[:, 1].astype(bool).tolist()
        self.stop: list[bool] = rows[:, 2].astype(bool).tolist()
        self.n = n
        # String-store ids (uint64) of each token's text and lower-case form: for the id
        # tables of ``pipeline/id_lookup.py``, so a rule visits only the tokens it can use.
        self.orth_ids: numpy.ndarray = rows[:, 0]
        self.lower_ids: numpy.ndarray = rows[:, 3]
        self._source: str | None = None

    @property
    def source(self) -> str:
        """The doc's text, rebuilt once."""
        if self._source is None:
            self._source = "".join(t + " " if sp else t for t, sp in zip(self.text, self.space))
        return self._source

    def is_sentence_initial(self, i: int) -> bool:
        """Token ``i`` opens a sentence or line (after . ! ? : or a line break, or an opening quote there)."""
        if i == 0:
            return True
        prev = self.text[i - 1]
        if prev in _SENTENCE_END or "\n" in prev:
            return True
        return prev in _OPEN_QUOTES and self.is_sentence_initial(i - 1)

    def is_title_word(self, i: int) -> bool:
        """A capitalised word that does not begin its sentence."""
        text = self.text[i]
        return text.isalpha() and text[0].isupper() and not self.is_sentence_initial(i)

    def is_lower_word(self, i: int) -> bool:
        text = self.text[i]
        return text.isalpha() and text.islower()

    def is_line_break(self, i: int) -> bool:
        """Token ``i`` is a whitespace token holding a line break."""
        return "\n" in self.text[i]

    def span_text(self, start: int, end: int) -> str:
        return "".join(self.text[i] + (" " if self.space[i] else "") for i in range(start, end - 1)) + self.text[end - 1]


def token_view(doc: Doc) -> TokenView:
    view = _CACHE.get(doc)
    if view is None or view.n != len(doc):
        view = TokenView(doc)
        _CACHE[doc] = view
    return view
