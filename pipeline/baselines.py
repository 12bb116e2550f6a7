"""Simple baselines scored beside the pipeline, so its numbers mean something.

``regex_gazetteer``: stock regular expressions for percentages, counts and years
plus a gazetteer of full force names and the inspectorate's acronyms: what a
competent afternoon's scripting gets without context rules or normalisation.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from pipeline.finding_types import Finding
from pipeline.resources import load_json
from pipeline.schema import DEFAULT_AREA, INSPECTORATE_ID

_PERCENT = re.compile(r"\b\d+(?:\.\d+)?\s?(?:%|per cent|percent)")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_COUNT = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b")
_INSPECTORATE = re.compile(r"\bHMICFRS\b|\bHMIC\b")


@lru_cache(maxsize=1)
def _force_regex() -> re.Pattern[str]:
    forces = load_json("forces.json")
    names = set()
    for force in forces["forces"]:
        names.update(force["names"])
        names.update(f"{place} {head}" for place in force["places"] for head in ("Police", "Constabulary"))
    alternation = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


def regex_gazetteer(record: dict[str, Any]) -> dict[str, Any]:
    text = record["text"]
    spans: list[tuple[int, int, str]] = []

    def add(pattern: re.Pattern[str], label: str) -> None:
        for m in pattern.finditer(text):
            if all(m.end() <= s or m.start() >= e for s, e, _ in spans):
                spans.append((m.start(), m.end(), label))

    add(_force_regex(), "FORCE")
    add(_INSPECTORATE, "INSPECTORATE")
    add(_PERCENT, "PERCENT")
    add(_YEAR, "DATE")
    add(_COUNT, "COUNT")
    return {
        "id": record["id"],
        "spans": [{"start": s, "end": e, "label": lab, "text": text[s:e]} for s, e, lab in sorted(spans)],
        "findings": [],
    }


ENTITY_BASELINES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {"regex+gazetteer": regex_gazetteer}

# -- finding baselines ---------------------------------------------------------
# Both read the record's own spans (gold spans when scoring gold), so they measure
# linking alone: how far simple attachment gets without focus, polarity or cues.

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@lru_cache(maxsize=1)
def _name_ids() -> dict[str, dict[str, str]]:
    """Lower-cased surface form -> canonical id, per label."""
    ids: dict[str, dict[str, str]] = {"FORCE": {}, "ROLE": {}, "GRADE": {}, "CRIME_TYPE": {}}
    forces = load_json("forces.json")
    for force in forces["forces"]:
        names = set(force["names"]) | set(force["aliases"]) | set(force["places"])
        names |= {f"{p} {h}" for p in force["places"] for h in forces["force_heads"]}
        ids["FORCE"].update({n.lower(): force["id"] for n in names})
    for entry in load_json("lexicon.json")["entries"]:
        if entry["label"] in ids:
            ids[entry["label"]].update({p.lower(): entry["id"] for p in entry.get("phrases", []) + entry.get("exact", [])})
    return ids


def _span_id(span: dict[str, Any]) -> str | None:
    return _name_ids()[span["label"]].get(span["text"].lower().replace("’", "'"))


def _value(span: dict[str, Any]) -> tuple[float | None, str]:
    from pipeline.normalise.quantities import QuantityError, normalise_count, normalise_percent

    try:
        q = normalise_percent(span["text"]) if span["label"] == "PERCENT" else normalise_count(span["text"])
    except (QuantityError, ValueError):
        return None, "exact"
    return q.value, q.qualifier


def _sentences(record: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    spans = sorted(record["spans"], key=lambda s: s["start"])
    out = []
    for m in _SENTENCE.finditer(record["text"]):
        out.append((m.group(0).lower(), [s for s in spans if m.start() <= s["start"] < m.end()]))
    return out


def _year(record: dict[str, Any]) -> int | None:
    return int(record["date"][:4]) if record.get("date") else None


def _linked(record: dict[str, Any], force_of: Callable[[list[dict[str, Any]], int, str | None], str | None]) -> dict[str, Any]:
    findings: list[Finding] = []
    year = _year(record)
    last_force: str | None = None
    for text, spans in _sentences(record):
        for i, span in enumerate(spans):
            force = force_of(spans, i, last_force)
            label = span["label"]
            if label == "PERCENT" and "record" in text and force:
                value, qualifier = _value(span)
                if value is not None:
                    findings.append({"type": "recording_rate", "force": force, "crime_type": "all_crime",
                                     "value": value, "qualifier": qualifier, "year": year})
            elif label == "COUNT" and force and any(w in text for w in ("unrecorded", "not recorded", "fail")):
                value, qualifier = _value(span)
                if value is not None:
                    findings.append({"type": "unrecorded_count", "force": force, "crime_type": "all_crime", "value": int(value),
                                     "per_year": "a year" in text or "each year" in text, "qualifier": qualifier, "year": year})
            elif label == "GRADE" and force and (grade := _span_id(span)):
                findings.append({"type": "grade", "force": force, "area": DEFAULT_AREA, "grade": grade, "year": year})
            elif label == "PERSON" and i > 0 and spans[i - 1]["label"] == "ROLE":
                role = _span_id(spans[i - 1]) or "other"
                organisation = INSPECTORATE_ID if role.startswith("hm_") else force
                if organisation:
                    findings.append({"type": "official", "person": span["text"], "role": role, "organisation": organisation})
            if label == "COUNT" and i + 1 < len(spans) and spans[i + 1]["label"] == "COUNT" and force and "record" in text:
                recorded, _ = _value(span)
                total, _ = _value(spans[i + 1])
                if recorded is not None and total is not None and recorded <= total:
                    findings.append({"type": "audit_sample", "force": force, "crime_type": "all_crime",
                                     "recorded": int(recorded), "total": int(total), "year": year})
            if label == "FORCE" and _span_id(span):
                last_force = _span_id(span)
    return {"id": record["id"], "spans": record["spans"], "findings": findings}


def nearest_preceding_force(record: dict[str, Any]) -> dict[str, Any]:
    """Every figure, grade and title belongs to the last force named before it anywhere in the text."""

    def force_of(spans: list[dict[str, Any]], i: int, last: str | None) -> str | None:
        before = [_span_id(s) for s in spans[:i] if s["label"] == "FORCE" and _span_id(s)]
        return before[-1] if before else last

    return _linked(record, force_of)


def sentence_cooccurrence(record: dict[str, Any]) -> dict[str, Any]:
    """A figure, grade or title is linked only to a force named in the same sentence."""

    def force_of(spans: list[dict[str, Any]], i: int, last: str | None) -> str | None:
        named = [_span_id(s) for s in spans if s["label"] == "FORCE" and _span_id(s)]
        return named[0] if named else None

    return _linked(record, force_of)


FINDING_BASELINES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "nearest-force": nearest_preceding_force,
    "co-occurrence": sentence_cooccurrence,
}
