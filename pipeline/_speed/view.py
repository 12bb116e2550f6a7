"""Per-token attributes of a doc as plain Python lists, read once and shared by the components.

Creating spaCy ``Token`` objects is the single largest cost of a pure-Python rule
component (each ``for token in doc`` builds hundreds of them), and ``Doc.text``
joins every token on each access. The rule components read the same few
attributes, so they are read here in one ``Doc.to_array`` call and cached for the
doc's lifetime; what only a few tokens need is computed on demand.

``Doc.to_array`` costs about 15 ns per token and column, and each call has a fixed
cost too, so the view also carries the columns the early components would otherwise
read in calls of their own (punctuation and space flags, character offsets): one
call instead of three, and no column read twice. A flag that only a few tokens are
asked about (IS_STOP) is read from those tokens' lexemes instead.

A token's text, its lower-case form and that form's id depend only on the token's
string id, and a news corpus uses the same few thousand words over and over, so they
come from a small direct-mapped cache indexed by the low bits of the id (a few numpy
steps for the whole doc) instead of a string-store look-up, a ``str.lower()`` and a
``LOWER`` column per token. Only
the tokens whose slot holds another string are looked up, and they take the slot
over. The cache has a fixed number of slots, so its memory is bounded however large
the vocabulary grows.

A doc's view is made once, by the first component that asks (``token_view``), and kept
in the doc's ``DocState`` (``state.py``) until the doc dies.
"""

from __future__ import annotations

import weakref

import numpy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, IS_STOP, ORTH, SPACY
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

from pipeline._speed.state import doc_state

_SENTENCE_END = frozenset({".", "!", "?", ":", "…"})
_OPEN_QUOTES = frozenset({'"', "“", "‘", "'", "("})
_COLUMNS = [ORTH, SPACY, IS_PUNCT, IS_SPACE, IDX]


class _StringCache:
    """Text, lower-case text and its id of string ids, in a direct-mapped table of ``1 << bits`` slots.

    Slot ``id & mask`` holds one id, its two strings and the lower-case string's id; a
    doc's are three gathers from the arrays. Slot contents start as the empty string's
    (id 0), which is a true entry, so no slot needs an "empty" mark. With 1 << 16 slots
    (2 MB, and at most as many strings held) this corpus's 3000 words miss about three
    times a document.
    """

    def __init__(self, bits: int = 16) -> None:
        self.mask = (1 << bits) - 1
        self.ids = numpy.zeros(1 << bits, dtype=numpy.uint64)
        self.texts = numpy.full(1 << bits, "", dtype=object)
        self.lowers = numpy.full(1 << bits, "", dtype=object)
        self.lower_ids = numpy.zeros(1 << bits, dtype=numpy.uint64)

    def lookup(self, ids: numpy.ndarray, strings: StringStore) -> tuple[list[str], list[str], numpy.ndarray]:
        """The text, the lower-case text and the latter's string id of each of ``ids`` (uint64 string ids)."""
        slots = ids & numpy.uint64(self.mask)
        text: list[str] = self.texts[slots].tolist()
        lower: list[str] = self.lowers[slots].tolist()
        lower_ids = self.lower_ids[slots]
        missed = (self.ids[slots] != ids).nonzero()[0]
        # Each miss is fixed in the doc's values, so two of its ids sharing a slot are both right.
        for i in missed.tolist():
            orth = int(ids[i])
            slot = orth & self.mask
            text[i] = self.texts[slot] = strings[orth]
            lower[i] = self.lowers[slot] = text[i].lower()
            lower_ids[i] = self.lower_ids[slot] = get_string_id(lower[i])
            self.ids[slot] = orth
        return text, lower, lower_ids


_STRINGS = _StringCache()


class TokenView:
    __slots__ = ("text", "lower", "space", "n", "orth_ids", "lower_ids", "is_punct", "is_space",
                 "idx", "sent_starts", "cue_matches", "vocab", "_doc", "_stop", "_offsets", "_source", "__weakref__")

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        rows = doc.to_array(_COLUMNS) if n else numpy.zeros((0, len(_COLUMNS)), dtype="uint64")
        self.text: list[str]
        self.lower: list[str]  # str.lower() of each token's text
        # String-store ids (uint64) of each token's text and lower-case form: for the id
        # tables of ``pipeline/_speed/id_lookup.py``, so a rule visits only the tokens it can use.
        # (The lower-case form's id is spaCy's LOWER: English lexemes lower-case with str.lower.)
        self.orth_ids: numpy.ndarray = rows[:, 0]
        self.lower_ids: numpy.ndarray
        self.text, self.lower, self.lower_ids = _STRINGS.lookup(self.orth_ids, doc.vocab.strings)
        self.space: list[bool] = rows[:, 1].astype(bool).tolist()
        self.n = n
        # spaCy's IS_PUNCT and IS_SPACE flags (0/1) and each token's character offset in the
        # doc (IDX), as uint64 arrays.
        self.is_punct: numpy.ndarray = rows[:, 2]
        self.is_space: numpy.ndarray = rows[:, 3]
        self.idx: numpy.ndarray = rows[:, 4]
        # IS_STOP is asked of two or three tokens a document: it is read from their lexemes
        # (``is_stop``), not as a column of every token's.
        self.vocab = doc.vocab
        self._doc = weakref.ref(doc)
        self._stop: list[bool] | None = None
        self._offsets: list[int] | None = None
        # The tokens that start a sentence, in order, as ``line_sentencizer`` set them (None
        # before it runs): later components need not read SENT_START back from the doc.
        self.sent_starts: list[int] | None = None
        # The phrase matches of this view, per ``pipeline/_speed/scan_index.py`` ``PhraseScanner`` (None before the first scan).
        self.cue_matches: dict | None = None
        self._source: str | None = None

    def is_stop(self, i: int) -> bool:
        """spaCy's IS_STOP flag of token ``i`` (its lexeme's)."""
        if self._stop is not None:
            return self._stop[i]
        return self.vocab[int(self.orth_ids[i])].is_stop

    @property
    def stop(self) -> list[bool]:
        """Every token's IS_STOP flag, read on first use (``is_stop`` asks one token's lexeme)."""
        if self._stop is None:
            doc = self._doc()
            if doc is not None and len(doc) == self.n:
                self._stop = doc.to_array(IS_STOP).astype(bool).tolist() if self.n else []
            else:  # the doc is gone, or was changed after the view was made
                self._stop = [self.vocab[orth].is_stop for orth in self.orth_ids.tolist()]
        return self._stop

    @property
    def offsets(self) -> list[int]:
        """``idx`` as a list, made on first use: the resolver and ``force_focus`` each read a few dozen."""
        if self._offsets is None:
            self._offsets = self.idx.tolist()
        return self._offsets

    @property
    def source(self) -> str:
        """The doc's text: the tokenizer's, or rebuilt once from the tokens (a doc made some other way)."""
        if self._source is None:
            doc = self._doc()
            told = doc._.tokenised_text if doc is not None else None  # the tokenizer's text, when it made the doc
            self._source = told if told is not None else "".join(t + " " if sp else t for t, sp in zip(self.text, self.space))
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

    def line_start(self, i: int) -> int:
        """The first token of the line holding token ``i``."""
        while i > 0 and not self.is_line_break(i - 1):
            i -= 1
        return i

    def line_end(self, i: int) -> int:
        """The line break token ending the line holding token ``i`` (``n`` on the last line)."""
        while i < self.n and not self.is_line_break(i):
            i += 1
        return i

    def is_line_break(self, i: int) -> bool:
        """Token ``i`` is a whitespace token holding a line break."""
        return "\n" in self.text[i]

    def span_text(self, start: int, end: int) -> str:
        return "".join(self.text[i] + (" " if self.space[i] else "") for i in range(start, end - 1)) + self.text[end - 1]


def token_view(doc: Doc) -> TokenView:
    """The view of ``doc``, made on the first call (and again if the doc's length changed)."""
    state = doc_state(doc)
    view = state.view
    if view is None or view.n != len(doc):
        view = state.view = TokenView(doc)
    return view


def span_text(view: TokenView, start: int, end: int) -> str:
    """``view.span_text(start, end)``, taken directly for the usual one- and two-token spans."""
    if end - start == 1:
        return view.text[start]
    if end - start == 2:
        first, second = view.text[start], view.text[start + 1]
        return first + " " + second if view.space[start] else first + second
    return view.span_text(start, end)
