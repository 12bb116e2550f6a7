"""The document as the linking rules see it: sentences, the entities of each by label, figures, words.

Rules ask plain questions of it: the word at token i (``lower[i]``), the sentences that
hold a label (``with_label``), a sentence's entities of a label (``Sentence.of``), an
entity's normalised value (``norm``), a cue before or after a token (``cues``), a word
set of the data (``words``). How those answers are made fast (the shared token view,
scans by string id) stays in ``pipeline/_speed``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, Mapping

from spacy.tokens import Doc

from pipeline.candidates import entity_rows
from pipeline.linking.figures import Ent, Figure, find_figures
from pipeline.linking.lexicon import Lexicon
from pipeline._speed import token_view

if TYPE_CHECKING:
    from pipeline.linking.cues import CueQuery

Named = list[Any]  # a force or area named in a sentence: [start, end, force id]


class Sentence:
    """A sentence as ``force_focus`` described it, with its entities by label and its figures.

    A plain class with slots, and sentences without entities share one empty mapping:
    a document has dozens of sentences, and every object made here is one more for the
    garbage collector to visit while the document is alive. The last three slots are
    what the resolvers work out once per sentence for all its figures
    (``resolvers/force.py``, ``crime_type.py``, ``year.py``), kept here as it lives
    exactly as long as they are valid.
    """

    __slots__ = ("index", "start", "end", "start_char", "end_char", "forces", "focus_before", "national", "debris", "areas",
                 "by_label", "figures", "main_forces", "crime_types", "dated")

    def __init__(self, index: int, record: dict[str, Any]) -> None:
        self.index = index
        self.start: int = record["tok_start"]
        self.end: int = record["tok_end"]
        self.start_char: int = record["start"]
        self.end_char: int = record["end"]
        # Forces and areas stay the [start, end, id] lists force_focus wrote (read, never changed).
        self.forces: list[Named] = record["forces"]
        self.focus_before: str | None = record["focus_before"]
        self.national: bool = record["national"]
        self.debris: bool = record.get("debris", False)  # a link to another story: no statement of this one
        self.areas: list[Named] = record.get("areas", _EMPTY)
        self.by_label: Mapping[str, list[Ent]] = _NO_ENTITIES
        self.figures: list[Figure] = _EMPTY
        self.main_forces: list[Named] | None = None
        self.crime_types: tuple[dict[int, Ent], list[Ent]] | None = None
        self.dated: tuple[list[Figure], dict[Ent, int | None], list[Ent], list[Figure], set[int]] | None = None

    def of(self, label: str) -> list[Ent]:
        """The sentence's entities of ``label``, in order (the shared list: do not change it)."""
        return self.by_label.get(label, _EMPTY)


_NO_ENTITIES: Mapping[str, list[Ent]] = MappingProxyType({})
_EMPTY: list[Any] = []  # what a sentence has of a label it lacks, and its figures if none: never changed


# The marks of an aside: dashes pair with dashes, a bracket with its closing one.
_DASHES = frozenset({"–", "—"})
_ASIDE_OPENERS = _DASHES | {"("}
_ASIDE_CLOSERS = _DASHES | {")"}
_ASIDE_MARKS = _ASIDE_OPENERS | _ASIDE_CLOSERS
_ASIDE_OPENER = {"–": _DASHES, "—": _DASHES, ")": frozenset({"("})}
_ASIDE_CLOSE_FOR = {"–": _DASHES, "—": _DASHES, "(": frozenset({")"})}


class LinkDoc:
    """One document for the rules: its words, sentences, entities by label and figures, and its cues."""

    __slots__ = ("lower", "text", "n", "cues", "words", "phrases", "tables", "ids", "places", "honorifics",
                 "article_year", "sentences", "with_label", "norms", "span_text", "is_lower_word", "_aside_marks")

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        view = token_view(doc)
        self.lower: list[str] = view.lower  # the lower-case form of each token
        self.text: list[str] = view.text  # each token's text
        self.n: int = view.n
        # The text of tokens [start, end) as the document spells it; whether token i is an all lower-case word.
        self.span_text: Callable[[int, int], str] = view.span_text
        self.is_lower_word: Callable[[int], bool] = view.is_lower_word
        spec = lexicon.cues
        self.cues: CueQuery = spec.query(view)
        self.words, self.phrases, self.tables, self.ids = spec.words, spec.phrases, spec.tables, spec.ids
        self.places, self.honorifics = lexicon.places, lexicon.honorifics
        ext = doc._
        date = ext.article_date
        self.article_year: int | None = int(date[:4]) if date else None
        self.sentences = [Sentence(i, record) for i, record in enumerate(ext.sentences or [])]
        self.with_label: dict[str, list[Sentence]] = {}  # the sentences holding each label, in order
        self.norms: dict[str, dict[str, Any]] = ext.ent_norms or {}
        self._aside_marks: list[int] | None = None  # where dashes and brackets stand, worked out at the first question
        self._add_entities(entity_rows(doc))

    def _add_entities(self, rows: list[Ent]) -> None:
        """Each entity to its sentence, by label; then each sentence's figures.

        Entities and sentences are both in order: the sentence an entity falls in is found
        by bisecting the sentences' ends from the last one, and its mapping is kept at hand
        for the entities after it (a sentence has a few entities, a document dozens)."""
        sentences = self.sentences
        ends = [sent.end for sent in sentences]
        with_label = self.with_label
        k, end = -1, -1  # the current sentence and its end; none yet
        by_label: dict[str, list[Ent]] = {}
        skip = False  # the current sentence links to another story: its entities state nothing here
        for e in rows:
            if e.start >= end:
                k = bisect_right(ends, e.start, k + 1)
                if k == len(sentences):
                    break  # past the last sentence
                sent, end = sentences[k], ends[k]
                skip = sent.debris
                if not skip:
                    by_label = sent.by_label = {}  # type: ignore[assignment]
            if skip:
                continue
            label = e.label
            same_label = by_label.get(label)
            if same_label is None:
                by_label[label] = [e]
                holding = with_label.get(label)
                if holding is None:
                    with_label[label] = [sent]
                else:
                    holding.append(sent)
            else:
                same_label.append(e)
        figured = with_label.get("PERCENT", _EMPTY) + with_label.get("COUNT", _EMPTY)
        for sent in figured:
            if sent.figures is _EMPTY:  # a sentence with both kinds is listed twice
                sent.figures = find_figures(self, sent)

    def word_before(self, i: int) -> str:
        """The lower-case form of the nearest token before ``i`` that is not whitespace ("" at the start): a line
        break inside a sentence ("Of these ⏎120") does not part a word from the one it goes with."""
        lower = self.lower
        i -= 1
        while i >= 0 and lower[i].isspace():
            i -= 1
        return lower[i] if i >= 0 else ""

    def first_word_at(self, sent: Sentence, skip: frozenset[str] = frozenset()) -> int:
        """The index of the sentence's first token that is neither whitespace nor in ``skip`` (``sent.end`` if none):
        a line's first word past the bullet mark that opens it."""
        lower = self.lower
        return next((k for k in range(sent.start, sent.end) if lower[k].strip() and lower[k] not in skip), sent.end)

    def last_word(self, sent: Sentence, skip: frozenset[str] = frozenset()) -> str:
        """The lower-case form of the sentence's last token that is neither whitespace nor in ``skip`` ("" if none):
        a line's closing colon, with the bullet mark the sentencizer leaves after it skipped."""
        return next((w for w in reversed(self.lower[sent.start : sent.end]) if w.strip() and w not in skip), "")

    def words_between(self, start: int, end: int) -> tuple[str, ...]:
        """The lower-case words of tokens [start, end), whitespace left out ("of the ⏎" joins as "of the")."""
        words = self.lower[start:end]
        return tuple(w for w in words if not w.isspace()) if any(w.isspace() for w in words) else tuple(words)

    def aside_apart(self, sent: Sentence, start: int, end: int, other: int) -> bool:
        """Tokens [start, end) lie in an aside between dashes or brackets ("Violent crime – a category that takes in
        everything from common assault to stalking – was recorded at 87.2 per cent", "94.2% (2020: 77.7%)") that
        does not hold token ``other``: what the aside names is not said of what stands outside it."""
        marks = self._aside_marks
        if marks is None:
            marks = self._aside_marks = [i for i, w in enumerate(self.lower) if w in _ASIDE_MARKS]
        lo, hi = (end, other) if other >= end else (other, start)
        k = bisect_left(marks, lo)
        if k == len(marks) or marks[k] >= hi:
            return False  # no dash or bracket between the two: no aside parts them (most documents, most figures)
        lower = self.lower
        if other >= end:
            close = next((k for k in range(end, other) if lower[k] in _ASIDE_CLOSERS), None)
            if close is None:
                return False
            opener = _ASIDE_OPENER[lower[close]]
            k = start - 1
            while k >= sent.start and lower[k] not in _ASIDE_MARKS:
                k -= 1
            return k >= sent.start and lower[k] in opener
        if other < start:
            opened = next((k for k in range(start - 1, other, -1) if lower[k] in _ASIDE_MARKS), None)
            if opened is None or lower[opened] not in _ASIDE_OPENERS:
                return False
            k = end
            while k < sent.end and lower[k] not in _ASIDE_MARKS:
                k += 1
            return k < sent.end and lower[k] in _ASIDE_CLOSE_FOR[lower[opened]]
        return False

    def norm(self, ent: Ent) -> dict[str, Any]:
        """The entity's normalised value, from ``entity_normaliser`` (empty if it has none)."""
        return self.norms.get(f"{ent.start_char}:{ent.end_char}", {})
