"""Component ``entity_resolver``: turn overlapping candidates into ``doc.ents``.

Candidates come from the span ruler, the figure tagger and the person tagger. The
resolver drops names matched in the wrong case, assembles what no single pattern
covers (date ranges, clock times), applies the context rules of
``data/context_rules.json``, takes the hedge in front of a figure into its span,
drops quantities that do not normalise, and keeps the longest non-overlapping spans,
breaking ties by label priority. Canonical ids travel as the entities' ``kb_id``.
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.candidates import (
    Candidate,
    EntityRow,
    board_candidates,
    clear_candidates,
    set_entities,
    span_group_candidates,
)
from pipeline.context_rules import apply_context_rules, load_context_rules
from pipeline.extensions import CANDIDATES_KEY, register_extensions
from pipeline.normalise.quantities import QuantityError, normalise_count, normalise_percent
from pipeline.patterns import FORCE_PLACE, exact_forms, load_json
from pipeline.token_view import TokenView, token_view

DEFAULT_PRIORITY = {
    "INSPECTORATE": 9, "ROLE": 8, "FORCE": 7, "PERSON": 6, "DATE": 5,
    "PERCENT": 4, "CRIME_TYPE": 3, "GRADE": 2, "COUNT": 1,
}
# Labels whose entities carry the canonical id of the pattern that found them.
ID_LABELS = frozenset({"FORCE", "INSPECTORATE", "ROLE", "CRIME_TYPE", "GRADE"})
_DATE_PARTS = {"iso", "dmy", "mdy", "my", "year", "numeric"}
_RANGE_JOINERS = {"to", "until", "–", "-", "and", "till"}
_YEARLIKE = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
_MAX_HEDGE_TOKENS = 4


class EntityResolver:
    def __init__(
        self, name: str, spans_key: str, label_priority: dict[str, int], rules_file: str, keep_candidates: bool = False
    ) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.keep_candidates = keep_candidates
        self.priority = label_priority
        self.rules = load_context_rules(rules_file)
        self.hedges = frozenset(load_json("word_sets.json")["hedges"])
        self.exact = exact_forms(load_json("forces.json"), load_json("lexicon.json"))
        self.exact_lower = frozenset(form.lower() for form in self.exact)
        self.exact_first_words = frozenset(form.split()[0].lower() for form in self.exact)

    def _wrong_case(self, view: TokenView, c: Candidate) -> bool:
        """An exact-case name ("Met", "PCC") matched in another casing ("met")."""
        if view.lower[c.start] not in self.exact_first_words:
            return False
        text = view.span_text(c.start, c.end)
        return text.lower() in self.exact_lower and text not in self.exact

    # -- assembly ----------------------------------------------------------
    def _assemble_dates(self, view: TokenView, cands: list[Candidate]) -> list[Candidate]:
        """Merge date ranges ('1 March to 31 May') and clock times into one DATE."""
        dates = sorted((c for c in cands if c.label in ("DATE", "TIME")), key=lambda c: (c.start, -(c.end - c.start)))
        longest: dict[int, Candidate] = {}
        for c in dates:
            if c.start not in longest:
                longest[c.start] = c
        merged: list[Candidate] = []
        for c in dates:
            for gap in (0, 1):
                other = longest.get(c.end + gap)
                if other is None:
                    continue
                joiner = view.lower[c.end] if gap else ""
                if {c.label, other.label} == {"DATE", "TIME"} and joiner in {"", ",", "on", "at"}:
                    date_id = c.id if c.label == "DATE" else other.id
                    merged.append(Candidate(c.start, other.end, "DATE", date_id))
                elif gap and c.label == other.label == "DATE" and self._is_range(view, c, other, joiner):
                    merged.append(Candidate(c.start, other.end, "DATE", "range"))
        return [c for c in cands if c.label != "TIME"] + merged

    @staticmethod
    def _is_range(view: TokenView, first: Candidate, second: Candidate, joiner: str) -> bool:
        """'1 March to 31 May', 'between June and November 2017', 'February and August 2014'."""
        if first.id not in _DATE_PARTS or second.id not in _DATE_PARTS or joiner not in _RANGE_JOINERS:
            return False
        if joiner != "and":
            return True
        between = first.start > 0 and view.lower[first.start - 1] == "between"
        has_year = lambda c: any(_YEARLIKE.match(view.text[i]) for i in range(c.start, c.end))  # noqa: E731
        return between or (not has_year(first) and has_year(second))

    def _extend_hedge(self, view: TokenView, c: Candidate) -> Candidate:
        for size in range(_MAX_HEDGE_TOKENS, 0, -1):
            start = c.start - size
            if start >= 0 and " ".join(view.lower[start : c.start]) in self.hedges:
                return Candidate(start, c.end, c.label, c.id)
        return c

    def _valid_quantity(self, view: TokenView, c: Candidate) -> bool:
        text = view.span_text(c.start, c.end)
        last = view.text[c.end - 1]
        try:
            if c.label == "PERCENT":
                normalise_percent(text)
                if c.id == "ratio":
                    if _YEARLIKE.match(last):
                        return False
                    if view.lower[c.start + 1] == "out" and last.isdigit() and int(last) > 20:
                        return False  # "87 out of 117" is an audit sample: two COUNTs
            else:
                if c.id == "number" and c.end - c.start == 1 and (_YEARLIKE.match(last) or _DECIMAL.match(last)):
                    return False
                if len(last) > 1 and last[0] == "0" and last[1].isdigit():
                    return False  # "0800 555 111", "01234": phone numbers and codes, not counts
                normalise_count(text)
        except (QuantityError, ValueError, ZeroDivisionError):
            return False
        return True

    # -- selection ---------------------------------------------------------
    def _select(self, cands: Iterable[Candidate]) -> list[Candidate]:
        ranked = sorted(set(cands), key=lambda c: (c.start - c.end, -self.priority.get(c.label, 0), c.start))
        taken: set[int] = set()
        chosen: list[Candidate] = []
        for c in ranked:
            if taken.isdisjoint(range(c.start, c.end)):
                chosen.append(c)
                taken.update(range(c.start, c.end))
        return sorted(chosen)

    def resolve(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        view = token_view(doc)
        cands = [c for c in cands if not self._wrong_case(view, c)]
        cands = self._assemble_dates(view, cands)
        kept = apply_context_rules(doc, cands, self.rules, coordinated=frozenset({FORCE_PLACE}))
        # Places named as an area ("In Gwent, inspectors found ..."): the topic, though not the force's name.
        areas = {(c.start, c.end, c.id) for c in cands if c.label == FORCE_PLACE} - {(c.start, c.end, c.id) for c in kept}
        cands = kept
        cands = [self._extend_hedge(view, c) if c.label in ("PERCENT", "COUNT") else c for c in cands]
        cands = [c for c in cands if c.label not in ("PERCENT", "COUNT") or self._valid_quantity(view, c)]
        cands = [c._replace(label="FORCE") if c.label == FORCE_PLACE else c for c in cands]
        chosen = self._select(cands)
        taken = {i for c in chosen for i in range(c.start, c.end)}
        doc._.force_areas = sorted(a for a in areas if taken.isdisjoint(range(a[0], a[1])))
        return chosen

    def __call__(self, doc: Doc) -> Doc:
        cands = span_group_candidates(doc, self.spans_key) + board_candidates(doc)
        if self.keep_candidates:
            doc.spans[self.spans_key] = [Span(doc, c.start, c.end, label=c.label, span_id=c.id) for c in cands]
        clear_candidates(doc)
        ents = [Span(doc, c.start, c.end, label=c.label, kb_id=c.id if c.label in ID_LABELS else "") for c in self.resolve(doc, cands)]
        doc.ents = ents
        set_entities(doc, [EntityRow(e.start, e.end, e.label_, e.kb_id_, e.start_char, e.end_char) for e in ents])
        return doc


@Language.factory(
    "entity_resolver",
    default_config={
        "spans_key": CANDIDATES_KEY,
        "label_priority": DEFAULT_PRIORITY,
        "rules_file": "context_rules.json",
        "keep_candidates": False,
    },
)
def make_entity_resolver(
    nlp: Language, name: str, spans_key: str, label_priority: dict[str, int], rules_file: str, keep_candidates: bool
) -> EntityResolver:
    return EntityResolver(name, spans_key, label_priority, rules_file, keep_candidates)
