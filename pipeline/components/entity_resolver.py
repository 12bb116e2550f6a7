"""Component ``entity_resolver``: turn overlapping candidates into ``doc.ents``.

Candidates come from the span ruler and the person tagger. The resolver assembles
what the token patterns cannot (date ranges, clock times, hedges in front of a
figure), applies the context rules of ``data/context_rules.json``, drops quantities
that do not normalise, and keeps the longest non-overlapping spans, breaking ties
by label priority. Canonical ids travel as the entities' ``kb_id``.
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.context_rules import apply_context_rules, load_context_rules
from pipeline.extensions import CANDIDATES_KEY, register_extensions
from pipeline.normalise.quantities import QuantityError, normalise_count, normalise_percent
from pipeline.patterns import FORCE_PLACE, load_json

DEFAULT_PRIORITY = {
    "INSPECTORATE": 9, "ROLE": 8, "FORCE": 7, "PERSON": 6, "DATE": 5,
    "PERCENT": 4, "CRIME_TYPE": 3, "GRADE": 2, "COUNT": 1,
}
_DATE_PARTS = {"iso", "dmy", "mdy", "my", "year", "numeric"}
_RANGE_JOINERS = {"to", "until", "–", "-", "and", "till"}
_YEARLIKE = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")
_MAX_HEDGE_TOKENS = 4


class EntityResolver:
    def __init__(self, name: str, spans_key: str, label_priority: dict[str, int], rules_file: str) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.priority = label_priority
        self.rules = load_context_rules(rules_file)
        self.hedges = frozenset(load_json("word_sets.json")["hedges"])

    # -- assembly ----------------------------------------------------------
    def _assemble_dates(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Merge date ranges ('1 March to 31 May') and clock times into one DATE."""
        dates = sorted((s for s in spans if s.label_ in ("DATE", "TIME")), key=lambda s: (s.start, -len(s)))
        longest: dict[int, Span] = {}
        for span in dates:
            if span.start not in longest or len(span) > len(longest[span.start]):
                longest[span.start] = span
        merged: list[Span] = []
        for span in dates:
            for gap in (0, 1):
                other = longest.get(span.end + gap)
                if other is None:
                    continue
                joiner = doc[span.end].lower_ if gap else ""
                if {span.label_, other.label_} == {"DATE", "TIME"} and joiner in {"", ",", "on", "at"}:
                    date_id = span.id_ if span.label_ == "DATE" else other.id_
                    merged.append(Span(doc, span.start, other.end, label="DATE", span_id=date_id))
                elif gap and span.label_ == other.label_ == "DATE" and self._is_range(doc, span, other, joiner):
                    merged.append(Span(doc, span.start, other.end, label="DATE", span_id="range"))
        return [s for s in spans if s.label_ != "TIME"] + merged

    @staticmethod
    def _is_range(doc: Doc, first: Span, second: Span, joiner: str) -> bool:
        """'1 March to 31 May', 'between June and November 2017', 'February and August 2014'."""
        if first.id_ not in _DATE_PARTS or second.id_ not in _DATE_PARTS or joiner not in _RANGE_JOINERS:
            return False
        if joiner != "and":
            return True
        between = first.start > 0 and doc[first.start - 1].lower_ == "between"
        shared_year = not any(_YEARLIKE.match(t.text) for t in first) and any(_YEARLIKE.match(t.text) for t in second)
        return between or shared_year

    def _extend_hedges(self, doc: Doc, span: Span) -> Span:
        for size in range(_MAX_HEDGE_TOKENS, 0, -1):
            start = span.start - size
            if start >= 0 and " ".join(t.lower_ for t in doc[start : span.start]) in self.hedges:
                return Span(doc, start, span.end, label=span.label_, span_id=span.id_)
        return span

    def _valid_quantity(self, span: Span) -> bool:
        core = span.text
        try:
            if span.label_ == "PERCENT":
                normalise_percent(core)
                if span.id_ == "ratio":
                    denominator = span[-1].text
                    if _YEARLIKE.match(denominator):
                        return False
                    if any(t.lower_ == "out" for t in span) and span[-1].like_num and span[-1].text.isdigit() and int(span[-1].text) > 20:
                        return False  # "87 out of 117" is an audit sample: two COUNTs
            else:
                if span.id_ == "number" and len(span) == 1 and (_YEARLIKE.match(span.text) or re.fullmatch(r"\d+\.\d+", span.text)):
                    return False
                normalise_count(core)
        except (QuantityError, ValueError, ZeroDivisionError):
            return False
        return True

    # -- selection ---------------------------------------------------------
    def _select(self, spans: Iterable[Span]) -> list[Span]:
        ranked = sorted(spans, key=lambda s: (-len(s), -self.priority.get(s.label_, 0), s.start))
        taken: set[int] = set()
        chosen: list[Span] = []
        for span in ranked:
            if taken.isdisjoint(range(span.start, span.end)):
                chosen.append(span)
                taken.update(range(span.start, span.end))
        return sorted(chosen, key=lambda s: s.start)

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        spans = self._assemble_dates(doc, spans)
        spans = apply_context_rules(doc, spans, self.rules, coordinated=frozenset({FORCE_PLACE}))
        spans = [self._extend_hedges(doc, s) if s.label_ in ("PERCENT", "COUNT") else s for s in spans]
        spans = [s for s in spans if s.label_ not in ("PERCENT", "COUNT") or self._valid_quantity(s)]
        spans = [Span(doc, s.start, s.end, label="FORCE", span_id=s.id_) if s.label_ == FORCE_PLACE else s for s in spans]
        doc.ents = [
            Span(doc, s.start, s.end, label=s.label_, kb_id=s.id_ if s.label_ not in ("PERCENT", "COUNT", "DATE", "PERSON") else "")
            for s in self._select(spans)
        ]
        return doc


@Language.factory(
    "entity_resolver",
    default_config={
        "spans_key": CANDIDATES_KEY,
        "label_priority": DEFAULT_PRIORITY,
        "rules_file": "context_rules.json",
    },
)
def make_entity_resolver(
    nlp: Language, name: str, spans_key: str, label_priority: dict[str, int], rules_file: str
) -> EntityResolver:
    return EntityResolver(name, spans_key, label_priority, rules_file)
