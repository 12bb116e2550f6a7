"""Simple baselines scored beside the pipeline, so its numbers mean something.

``regex_gazetteer``: stock regular expressions for percentages, counts and years
plus a gazetteer of full force names and the inspectorate's acronyms: what a
competent afternoon's scripting gets without context rules or normalisation.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from pipeline.patterns import load_json

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

# Finding baselines arrive with the linker (issue 4); the scorer reads this table.
FINDING_BASELINES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {}
