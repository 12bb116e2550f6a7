"""Consolidated facts for other tools: a CSV row each (for spreadsheets), or a JSON line each with
its mentions. The CSV's columns come from the finding-type descriptions, so a new type's fields
get columns of their own without a change here."""

from __future__ import annotations

import csv
import io
from typing import Any

from pipeline.field_kinds import YEAR_NUMBER, Field, Section
from pipeline.finding_types import REGISTRY
from pipeline.kb import vocabulary as v
from pipeline.kb.consolidate import ConsolidatedFact


def csv_fields() -> tuple[list[Field], list[Field]]:
    """The fields with a CSV column of their own: every registered field but the measures (which the
    preferred value shows), by section; those before the measure and those after it."""
    named = {f.name: f for t in REGISTRY.types() for f in t.fields if f.section is not Section.MEASURE}
    fields = sorted(named.values(), key=lambda f: f.section)
    return ([f for f in fields if f.section < Section.MEASURE], [f for f in fields if f.section > Section.MEASURE])


def csv_columns() -> tuple[str, ...]:
    before, after = csv_fields()
    return ("fact", "type", *(f.name for f in before), "preferred_value", *(f.name for f in after), "conflict",
            "all_values", "preference_reason", "mentions", "n_sources", "sources")


def fact_json(fact: ConsolidatedFact) -> dict[str, Any]:
    """One consolidated fact with its preferred value and every mention, for JSONL."""
    return {
        "fact": v.shorten(v.fact_iri(fact.fact_id).value),
        "type": fact.type,
        "key": list(fact.key),
        "year": fact.year,
        "preferred": {k: val for k, val in fact.preferred.fields.items() if k != "type"},
        "preferred_value": fact.preferred_value,
        "conflict": fact.conflict,
        "values": [{"value": val, "mentions": count} for val, count in fact.values],
        "preference_reason": fact.reason,
        "sources": fact.sources,
        "mentions": [{
            "finding": v.shorten(m.finding_iri), "article": m.article_id, "source": m.source,
            "date": m.article_date, "fields": {k: val for k, val in m.fields.items() if k != "type"},
            "stated_by_inspectorate": m.stated_by_inspectorate, "evidence_start": m.evidence_start,
        } for m in fact.mentions],
    }


def _cell(fact: ConsolidatedFact, field: Field) -> Any:
    """A fact's field in its CSV column: the grouping year for the year, booleans as true/false, '' when absent."""
    value = fact.year if field.kind is YEAR_NUMBER else fact.field(field.name)
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    return value if field.kind is YEAR_NUMBER else (value or "")


def facts_csv(facts: list[ConsolidatedFact]) -> str:
    """One row per consolidated fact, for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(csv_columns())
    before, after = csv_fields()
    for fact in facts:
        writer.writerow([
            v.shorten(v.fact_iri(fact.fact_id).value), fact.type, *(_cell(fact, f) for f in before),
            fact.preferred_value, *(_cell(fact, f) for f in after),
            str(fact.conflict).lower(), fact.values_summary(), fact.reason, len(fact.mentions),
            len(fact.sources), "; ".join(fact.sources),
        ])
    return out.getvalue()
