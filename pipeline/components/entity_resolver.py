"""Component ``entity_resolver``: turn overlapping candidates into ``doc.ents``.

Candidates come from the span ruler, the figure tagger and the person tagger. The
resolver drops names matched in the wrong case, assembles what no single pattern
covers (date ranges, clock times, "violent and sexual crimes", two forces under one head, a
force's bracketed acronym: ``entity_assembly.py``), applies the context rules of
``data/context_rules.json``, takes the hedge in front of a figure into its span,
drops quantities that do not normalise, and keeps the longest non-overlapping spans,
breaking ties by label priority. Canonical ids travel as the entities' ``kb_id``.

It runs over every candidate of every document, so it reads tokens from the shared
``TokenView``, makes as few passes over the candidates as it can, memoises what
depends only on a few strings (a figure's validity, the hedge before it), and
writes the entities' token annotation in one ``Doc.from_array`` instead of building
``Span`` objects (``write_entities``).

The context rules, the hedges and the exact-case names it was built from are saved with
the pipeline (``DataBacked``), and so is ``word_sets.json``, which the quantity
normalisers it calls read by name. ``score`` gives spaCy's entity scores.
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from typing import Any, Iterable

import numpy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.strings import StringStore
from spacy.tokens import Doc, Span
from spacy.training import Example, validate_examples

from pipeline._speed import TokenView, span_text, token_view
from pipeline.candidates import (
    FORCE_PLACE,
    Candidate,
    EntityRow,
    board_candidates,
    clear_candidates,
    set_entities,
    span_group_candidates,
)
from pipeline.by_component import BatchedPipe
from pipeline.components.data_backed import DataBacked
from pipeline.components.entity_assembly import assemble_dates, elliptical_modifiers, with_force_names
from pipeline.context_rules import RuleIndex, apply_context_rules, context_rules_from
from pipeline.extensions import CANDIDATES_KEY, register_extensions
from pipeline.normalise.quantities import QuantityError, normalise_count, normalise_percent
from pipeline.patterns import exact_forms
from pipeline.resources import tokenize_phrase

DEFAULT_PRIORITY = {
    "INSPECTORATE": 9, "ROLE": 8, "FORCE": 7, "PERSON": 6, "DATE": 5,
    "PERCENT": 4, "CRIME_TYPE": 3, "GRADE": 2, "COUNT": 1,
}
# Labels whose entities carry the canonical id of the pattern that found them.
ID_LABELS = frozenset({"FORCE", "INSPECTORATE", "ROLE", "CRIME_TYPE", "GRADE"})
_YEARLIKE = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
# A clock time that is one on its own: with am/pm, or hours and minutes parted by a colon ("10:42am", "4.10pm", "14:30").
_STANDALONE_TIME = re.compile(r"^(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2})(?:\s*(?:GMT|BST|UTC))?$",
                              re.IGNORECASE)  # with its zone ("18:42 GMT", dev14)
_MAX_HEDGE_TOKENS = 4
_LIST_LINES_MOST = 12  # lines of a bullet list looked up through for its opening line
_SAMPLE_WORDS_MOST = 7  # tokens after a ratio 'N out of M' in which a sample word makes M an examined sample
# Entries of the memo of figure validity (label, id, text...): emptied when full.
_FIGURE_MEMO_LIMIT = 20_000
# Labels whose rejection spreads along a coordination ("in Norfolk and Suffolk").
_COORDINATED = frozenset({FORCE_PLACE})
# Token.ent_iob codes.
_IOB_INSIDE, _IOB_OUTSIDE, _IOB_BEGIN = 1, 2, 3


@lru_cache(maxsize=16384)
def _valid_count(lone_number: bool, last: str, text: str) -> bool:
    """A COUNT span of ``text`` ending in ``last`` reads as a count (memoised: the same figures recur)."""
    if lone_number and (_YEARLIKE.match(last) or _DECIMAL.match(last)):
        return False
    if len(last) > 1 and last[0] == "0" and last[1].isdigit():
        return False  # "0800 555 111", "01234": phone numbers and codes, not counts
    if lone_number and len(last) > 6 and last.isdigit():
        return False  # "181818001": a reference or picture number; news copy writes large counts with commas
    try:
        normalise_count(text)
    except (QuantityError, ValueError, ZeroDivisionError):
        return False
    return True


def _names_year(text: list[str], start: int, end: int) -> bool:
    """A token of tokens [start, end) is a year ("2016")."""
    return any(len(t) == 4 and t.isdigit() and t[:2] in ("19", "20") for t in text[start:end])


@lru_cache(maxsize=4096)
def _longest_hedge(hedges: frozenset[str], words: tuple[str, ...]) -> int:
    """How many of the (lower-cased) words before a figure form the longest hedge ending there; 0: none.

    Memoised per run of words: the same few ("more than", "a total of") recur.
    """
    for size in range(len(words), 0, -1):
        if " ".join(words[-size:]) in hedges:
            return size
    return 0


class EntityResolver(BatchedPipe, DataBacked):
    # The quantity normalisers that check figures read word_sets.json by name (pipeline/loaded_data.py).
    read_by_name = ("word_sets",)

    def __init__(
        self, name: str, spans_key: str, label_priority: dict[str, int], rules_file: str, keep_candidates: bool = False
    ) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.keep_candidates = keep_candidates
        self.priority = label_priority
        self.rank = {label: -priority for label, priority in label_priority.items()}  # sort key: highest first
        self.data_files = {"context_rules": rules_file, "word_sets": "word_sets.json",
                           "forces": "forces.json", "lexicon": "lexicon.json"}
        self._load_package_data()

    def _build(self, data: dict[str, Any]) -> None:
        """The indexed context rules, the hedges, the words of phrasing and the exact-case names, from the data files."""
        self.rules = RuleIndex(context_rules_from(data["context_rules"], self.data_source("context_rules")))
        word_sets = data["word_sets"]
        phrasing = word_sets["phrasing"]
        # Each hedge as its tokens read, joined by spaces: "approx." is the two tokens "approx" and ".".
        self.hedges = frozenset(" ".join(tokenize_phrase(hedge)) for hedge in word_sets["hedges"])
        # Words of phrasing (word_sets.json, where each is documented): what joins two names, two dates, a date and a time.
        self.coordinators = frozenset(phrasing["coordinators"]["words"])
        self.range_joiners = frozenset(phrasing["date_range_joiners"]["words"])
        self.date_time_joiners = frozenset(phrasing["date_time_joiners"]["words"]) | {""}  # "": side by side
        # Words after "N out of M" that make M an examined sample ("11 out of 15 audited rape reports"), and where to stop.
        self.sample_words = frozenset(phrasing["sample_words"]["words"])
        self.sample_stops = frozenset(phrasing["sample_stops"]["words"])
        self.list_marks = frozenset(phrasing["list_marks"]["words"])
        # The last word of every hedge: the word before a figure must be one of them for a hedge to end there.
        self.hedge_last_words = frozenset(hedge.rsplit(" ", 1)[-1] for hedge in self.hedges)
        # "is now up to 93% (from 85%)": "up to" as "has risen to", not a hedge (ANNOTATION, dev5).
        self.risen_before = frozenset(phrasing["risen_to_before"]["words"])
        self.risen_after = frozenset(phrasing["risen_to_after"]["words"])
        self.estimate_subjects = frozenset(phrasing["estimate_subjects"]["words"])
        self.elliptical, self.crime_coordinators = elliptical_modifiers(data["lexicon"])
        self.exact = exact_forms(data["forces"], data["lexicon"])
        self.exact_lower = frozenset(form.lower() for form in self.exact)
        self.exact_first_words = frozenset(form.split()[0].lower() for form in self.exact)
        self._valid_figures: dict[tuple[str, str, bool, str, str], bool] = {}

    def _wrong_case(self, view: TokenView, c: Candidate) -> bool:
        """An exact-case name ("Met", "PCC") matched in another casing ("met")."""
        if view.lower[c.start] not in self.exact_first_words:
            return False
        text = span_text(view, c.start, c.end)
        return text.lower() in self.exact_lower and text not in self.exact

    # -- figures -----------------------------------------------------------
    def _checked_figure(self, view: TokenView, c: Candidate) -> Candidate | None:
        """The figure with the hedge in front of it taken in; None if it does not read as a quantity."""
        start, end, label, id_ = c
        if start > 0:
            before = view.lower[start - 1]
            # The words before the figure, joined, end in ``before``: a hedge can end there only if it
            # is some hedge's last word (or holds a space, for a whitespace token).
            if before in self.hedge_last_words or " " in before:
                size = _longest_hedge(self.hedges, tuple(view.lower[max(0, start - _MAX_HEDGE_TOKENS) : start]))
                if size == 2 and before == "to" and view.lower[start - 2] == "up" and self._risen_to(view, start - 2, end):
                    size = 0
                elif size == 1 and before == "estimated" and self._estimate_verb(view, start - 1):
                    size = 0  # "the survey, which estimated 9.6 million incidents": a verb, no hedge
                if size:
                    start -= size
                    c = tuple.__new__(Candidate, (start, end, label, id_))
        if id_ == "ratio":
            return c if self._valid_quantity(view, c) else None
        # Otherwise whether a figure reads as a quantity depends only on these, and the same figures recur.
        last = view.text[end - 1]
        key = (label, id_, end - start == 1, last, last if end - start == 1 else span_text(view, start, end))
        valid = self._valid_figures.get(key)
        if valid is None:
            if len(self._valid_figures) >= _FIGURE_MEMO_LIMIT:
                self._valid_figures.clear()
            valid = self._valid_figures[key] = self._valid_quantity(view, c)
        return c if valid else None

    def _estimate_verb(self, view: TokenView, estimated: int) -> bool:
        """The bare "estimated" at token ``estimated`` is a verb after its subject ("which estimated 9.6 million",
        "HMICFRS estimated 5,000"): a subject word before it, or a capitalised word that does not open a line."""
        if estimated == 0:
            return False
        word, text = view.lower[estimated - 1], view.text[estimated - 1]
        if word in self.estimate_subjects:
            return True
        return text[:1].isupper() and estimated - 1 > 0 and text.isalpha() and "\n" not in view.text[estimated - 2]

    def _risen_to(self, view: TokenView, up: int, end: int) -> bool:
        """The "up to" at token ``up`` says the figure ending at ``end`` has risen to it ("is now up to 93%",
        "has gone up to 88 per cent", "up to 93% (from 85%)"), not the hedge of "may fail to record up to 8%"."""
        if up > 0 and view.lower[up - 1] in self.risen_before:
            return True
        after = view.lower[end : end + 2]
        if after and after[0] in ("(", ","):
            after = after[1:]
        return bool(after) and after[0] in self.risen_after

    def _valid_quantity(self, view: TokenView, c: Candidate) -> bool:
        last = view.text[c.end - 1]
        text = span_text(view, c.start, c.end)
        try:
            if c.label == "PERCENT":
                normalise_percent(text)
                if c.id == "ratio":
                    if _YEARLIKE.match(last):
                        return False
                    whole = last.replace(",", "")
                    between = view.lower[c.start + 1 : c.end - 1]
                    if "out" in between and "every" not in between and (
                            (whole.isdigit() and int(whole) > 20) or self._names_sample(view, c.end)
                            or self._under_sample_heading(view, c.start)):
                        # "87 out of 117", "1,905 out of 2,176", "11 out of 15 audited rape reports": an audit sample, two
                        # COUNTs; "95 out of every 100" is a share however large its figures
                        return False
            else:
                return _valid_count(c.id == "number" and c.end - c.start == 1, last, text)
        except (QuantityError, ValueError, ZeroDivisionError):
            return False
        return True

    def _names_sample(self, view: TokenView, end: int) -> bool:
        """A sample word soon after a ratio, before its verb ("11 out of 15 audited rape reports", "seven out of
        nine reports of rape in the sample"): M is what was examined, whatever its size (SCHEMA §5)."""
        lower, words, stops = view.lower, self.sample_words, self.sample_stops
        for i in range(end, min(end + _SAMPLE_WORDS_MOST, view.n)):
            if lower[i] in words:
                return True
            if lower[i] in stops:
                return False
        return False

    def _under_sample_heading(self, view: TokenView, start: int) -> bool:
        """A ratio on a bullet line whose list opens with a line that names an audit and ends in a colon ("Among the
        other findings of the audit: ⏎- only two out of nine reports of modern slavery had been recorded"): each
        line is a sample."""
        line = view.line_start(start)
        if view.text[line] not in self.list_marks:
            return False
        for _ in range(_LIST_LINES_MOST):
            if line == 0:
                return False
            end = line - 1  # the line break before this line
            line = view.line_start(end)
            if line == end or view.text[line] in self.list_marks:
                continue  # a blank line, or another bullet of the list
            return view.text[end - 1] == ":" and any(view.lower[i] in self.sample_words for i in range(line, end))
        return False

    # -- selection ---------------------------------------------------------
    def _select(self, cands: Iterable[Candidate], taken: bytearray, text: list[str]) -> list[Candidate]:
        """The longest spans first, then by label priority; ``taken`` marks the tokens they cover (``text``: the
        tokens' texts)."""
        rank = self.rank.get
        # Sorted as decorated tuples (one comparison in C each), not with a key function (a Python call per
        # candidate). Label and id last: two rules matching one span must not be told apart by hash order.
        # The six leading fields determine the candidate, so the comparison never reaches it. Of two dates as long,
        # the one naming a year wins ("the autumn 2016 sample": "autumn 2016", not "the autumn"; "that December 2020").
        ranked = sorted([(start - end, rank(label, 0), not (label == "DATE" and end - start > 1 and _names_year(text, start, end)),
                          start, label, rule_id, c)
                         for c in set(cands) for start, end, label, rule_id in (c,)])
        chosen: list[Candidate] = []
        for _, _, _, start, _, _, c in ranked:
            end = c[1]
            if end - start == 1:  # most are one token: test and mark it alone
                if taken[start]:
                    continue
                taken[start] = 1
            else:
                if taken.find(1, start, end) != -1:
                    continue
                taken[start:end] = b"\x01" * (end - start)
            chosen.append(c)
        chosen.sort()
        return chosen

    def resolve(self, doc: Doc, cands: list[Candidate], view: TokenView | None = None) -> list[Candidate]:
        view = view or token_view(doc)
        lower, first_words = view.lower, self.exact_first_words
        # One pass: names in the wrong case dropped; dates and clock times set aside to assemble
        # (clock times only survive inside a DATE); places noted.
        found: list[Candidate] = []
        dates_and_times: list[Candidate] = []
        places: set[tuple[int, int, str]] = set()
        forces: list[Candidate] = []
        joined: list[Candidate] = []
        coordinators = self.crime_coordinators
        for c in cands:
            start, end, label, id_ = c
            if lower[start] in first_words and self._wrong_case(view, c):
                continue
            if label == "DATE" or label == "TIME":
                dates_and_times.append(c)
                if label == "TIME":
                    if _STANDALONE_TIME.match(view.span_text(start, end)):
                        # "10:42am" heading a live page's entry: a clock time alone is a DATE (ANNOTATION, dev6)
                        found.append(Candidate(start, end, "DATE", "time"))
                    continue
            elif label == FORCE_PLACE:
                places.add((start, end, id_))
            elif label == "FORCE":
                forces.append(c)
            elif label == "CRIME_TYPE" and start > 1 and lower[start - 1] in coordinators:
                # "violent and sexual crimes": one span, of the first-named category (ANNOTATION, dev5).
                first_id = self.elliptical.get((lower[start - 2], lower[end - 1]))
                if first_id is not None:
                    joined.append(Candidate(start - 2, end, label, first_id))
            found.append(c)
        if forces:
            found = with_force_names(view, found, forces, places)
        if joined:
            found += joined
        cands = (found + assemble_dates(view, dates_and_times, self.date_time_joiners, self.range_joiners)
                 if dates_and_times else found)
        kept = (apply_context_rules(doc, cands, self.rules, coordinated=_COORDINATED, view=view, coordinators=self.coordinators)
                if cands else cands)
        # Places named as an area ("In Gwent, inspectors found ..."): the topic, though not the force's name.
        if places:
            place_ids = {id_ for _, _, id_ in places}
            areas = places - {(c.start, c.end, c.id) for c in kept if c.id in place_ids}
        else:
            areas = places
        # Per candidate, in order: the hedge taken into a figure, figures that do not normalise dropped,
        # places kept as the force's name.
        cands = []
        new = tuple.__new__  # Candidate(...) runs a Python-level __new__; this builds the same tuple in C
        for c in kept:
            label = c[2]
            if label == "COUNT" or label == "PERCENT":
                c = self._checked_figure(view, c)
                if c is None:
                    continue
            elif label == FORCE_PLACE:
                c = new(Candidate, (c[0], c[1], "FORCE", c[3]))
            cands.append(c)
        taken = bytearray(view.n)
        chosen = self._select(cands, taken, view.text)
        doc._.force_areas = sorted(a for a in areas if taken.find(1, a[0], a[1]) == -1)
        return chosen

    def __call__(self, doc: Doc) -> Doc:
        cands = span_group_candidates(doc, self.spans_key) + board_candidates(doc)
        if self.keep_candidates:
            doc.spans[self.spans_key] = [Span(doc, c.start, c.end, label=c.label, span_id=c.id) for c in cands]
        clear_candidates(doc)
        view = token_view(doc)
        set_entities(doc, write_entities(doc, self.resolve(doc, cands, view), view))
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Entity precision, recall and F1, micro (``ents_p/r/f``) and per label (``ents_per_type``),
        as spaCy's ``EntityRecognizer`` reports them: exact spans, aligned to the reference's tokens."""
        validate_examples(examples, "EntityResolver.score")
        return get_ner_prf(examples)


def write_entities(doc: Doc, chosen: list[Candidate], view: TokenView | None = None) -> list[EntityRow]:
    """Write ``chosen`` as ``doc.ents`` in one ``Doc.from_array``; return them as rows.

    The annotation is what ``doc.ents = spans`` writes (``Doc.set_ents`` with
    ``default="outside"``): B/I on the entities' tokens with their label and kb id, O
    and no label on every other token, whose kb id stays as it was. The setter would
    build a ``Span`` per entity twice and visit every token in Python. The columns
    are built as ``array.array`` (item assignment is cheap there, and cheaper than
    numpy's on a few dozen entities), which numpy reads without a copy. The string
    ids of an entity's label and kb id are looked up once per (label, id) and store
    (``_entity_strings``): a document has a few dozen entities of a few kinds.
    """
    view = view or token_view(doc)
    n, text = view.n, view.text
    memo = _entity_strings(doc.vocab.strings)
    known, strings_of = memo.found, memo.add
    char_offsets = view.offsets  # read when the view was made (to_array would read them again)
    # ENT_IOB, ENT_TYPE and ENT_KB_ID of every token.
    iob_column = array("Q", [_IOB_OUTSIDE]) * n
    type_column = array("Q", [0]) * n
    kb_column = array("Q", doc.to_array(ENT_KB_ID).tobytes())
    rows: list[EntityRow] = []
    new_row = tuple.__new__  # EntityRow(...) runs a Python-level __new__; this builds the same tuple in C
    for start, end, label, id_ in chosen:
        kb_id, label_hash, kb_hash = known.get((label, id_)) or strings_of(label, id_)
        if start == end:  # an empty span, measured as Span measures one; it marks no token
            start_char = char_offsets[start] if start < n else len(view.source)
            rows.append(new_row(EntityRow, (start, end, label, kb_id, start_char, start_char)))
            continue
        end_char = char_offsets[end - 1] + len(text[end - 1])
        rows.append(new_row(EntityRow, (start, end, label, kb_id, char_offsets[start], end_char)))
        if not label_hash:
            continue  # set_ents ignores entities without a label
        iob_column[start] = _IOB_BEGIN
        type_column[start] = label_hash
        kb_column[start] = kb_hash
        for token in range(start + 1, end):  # most entities are one token: no range is made for them
            iob_column[token] = _IOB_INSIDE
            type_column[token] = label_hash
            kb_column[token] = kb_hash
    annotation = numpy.frombuffer(iob_column + type_column + kb_column, dtype=numpy.uint64).reshape(3, n)
    doc.from_array([ENT_IOB, ENT_TYPE, ENT_KB_ID], annotation.T)  # read without a copy, as it is transposed
    return rows


class _EntityStrings:
    """An entity's kb id and the string ids of its label and kb id, memoised per (label, candidate id).

    ``StringStore.add`` costs two calls per entity; the memo holds one entry per
    pattern id and label (a few hundred), and is tied to one string store, so every
    string it returns an id for has been added to that store.
    """

    __slots__ = ("strings", "found")

    def __init__(self, strings: StringStore) -> None:
        self.strings = strings
        self.found: dict[tuple[str, str], tuple[str, int, int]] = {}

    def add(self, label: str, id_: str) -> tuple[str, int, int]:
        """The entry of (label, id_), made now (callers look in ``found`` first: a dict look-up, not a call)."""
        if len(self.found) >= _STRINGS_MEMO_LIMIT:
            self.found.clear()
        kb_id = id_ if label in ID_LABELS else ""
        # Kept beyond one document, so never transient: a memory zone's strings are gone when it ends.
        add = self.strings.add  # spaCy's stubs lack ``allow_transient``
        found = self.found[(label, id_)] = (kb_id, add(label, allow_transient=False), add(kb_id, allow_transient=False))  # type: ignore[call-arg]
        return found


_STRINGS_MEMO_LIMIT = 10_000
_entity_strings_memo: _EntityStrings | None = None


def _entity_strings(strings: StringStore) -> _EntityStrings:
    """The memo of ``strings`` (a new one when the pipeline's store is another)."""
    global _entity_strings_memo
    if _entity_strings_memo is None or _entity_strings_memo.strings is not strings:
        _entity_strings_memo = _EntityStrings(strings)
    return _entity_strings_memo


# With keep_candidates it also fills doc.spans[spans_key], an aid for reading the rules; no component uses it.
@Language.factory(
    "hmicfrs_entity_resolver",
    default_config={
        "spans_key": CANDIDATES_KEY,
        "label_priority": DEFAULT_PRIORITY,
        "rules_file": "context_rules.json",
        "keep_candidates": False,
    },
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "token.ent_kb_id", "doc._.force_areas"],
    requires=["doc._.candidates"],
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_entity_resolver(
    nlp: Language, name: str, spans_key: str, label_priority: dict[str, int], rules_file: str, keep_candidates: bool
) -> EntityResolver:
    return EntityResolver(name, spans_key, label_priority, rules_file, keep_candidates)
