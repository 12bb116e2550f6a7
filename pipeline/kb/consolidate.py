"""Consolidation: findings from many articles about the same thing become one fact.

Pure Python over ``Mention`` objects, so the rule that picks a preferred value can be
read and tested without a store. The store feeds it the findings of every article
graph and writes what it returns to the consolidated graph.

The rule (documented in docs/knowledge-base.md, in this order):

1. an exact figure beats a hedged one (qualifier ``exact`` over ``approx``,
   ``more_than``, ``less_than``; types without a qualifier count as exact);
2. a figure stated by the inspectorate beats a paraphrase (``stated_by_inspectorate``:
   the evidence sentence names the inspectorate, an HM Inspector role, or a person the
   same article names as an inspectorate official; set when the article is loaded);
3. the more recent article (by date; an undated article counts as the oldest);
4. a deterministic tie-break: the smaller article id, then the earlier evidence offset,
   then the smaller finding IRI.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Mapping

from pipeline.kb.vocabulary import digest

HEDGED = frozenset({"approx", "more_than", "less_than"})
UNKNOWN_YEAR = "unknown"

PREFERENCE_STEPS = (
    "exact figure over a hedged one",
    "stated by the inspectorate over a paraphrase",
    "more recent article",
    "tie-break: article id, evidence offset, finding IRI",
)
NO_CONFLICT = "no conflict"


def normalise_name(name: str) -> str:
    """Fold accents, case and white space: 'Zoë  Billingham' and 'zoe billingham' are one person."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@dataclass(frozen=True)
class Mention:
    """One finding as stated in one article, with what the preference rule needs to rank it."""

    finding_iri: str
    article_id: str
    article_date: str | None
    fields: Mapping[str, Any]
    stated_by_inspectorate: bool = False
    evidence_start: int | None = None
    source: str | None = None

    @property
    def type(self) -> str:
        return str(self.fields["type"])

    @property
    def qualifier(self) -> str | None:
        return self.fields.get("qualifier")

    def effective_year(self) -> int | None:
        """The year the finding states, else the year of its article's date."""
        year = self.fields.get("year")
        if year is not None:
            return int(year)
        return int(self.article_date[:4]) if self.article_date else None


def group_key(mention: Mention) -> tuple[str, ...]:
    """What makes two mentions the same fact.

    Officials: normalised name, role, organisation. Grades: force, area, year. Other
    types: type, force, crime type, year. A mention without any year (none stated, an
    undated article) is keyed by its article too: it is consolidated only with mentions
    of the same article, never across articles, since two undated reports may be about
    different inspections.
    """
    f = mention.fields
    if mention.type == "official":
        return ("official", normalise_name(str(f["person"])), str(f["role"]), str(f["organisation"]))
    year = mention.effective_year()
    scope = (str(year),) if year is not None else (UNKNOWN_YEAR, mention.article_id)
    if mention.type == "grade":
        return ("grade", str(f["force"]), str(f.get("area") or "crime_data_integrity"), *scope)
    return (mention.type, str(f["force"]), str(f.get("crime_type") or "all_crime"), *scope)


def display_value(mention: Mention) -> str:
    """The value compared for conflicts, as a person reads it (rates to one decimal)."""
    f = mention.fields
    if mention.type == "recording_rate":
        return f"{float(f['value']):.1f}"
    if mention.type == "unrecorded_count":
        return f"{int(f['value'])}" + (" a year" if f.get("per_year") else "")
    if mention.type == "audit_sample":
        return f"{int(f['recorded'])}/{int(f['total'])}"
    if mention.type == "grade":
        return str(f["grade"])
    return ""


def preference_key(mention: Mention) -> tuple[Any, ...]:
    """Sorts the preferred mention first; one component per step of the rule."""
    hedged = 1 if mention.qualifier in HEDGED else 0
    by_inspectorate = 0 if mention.stated_by_inspectorate else 1
    recency = -date.fromisoformat(mention.article_date[:10]).toordinal() if mention.article_date else 0
    start = mention.evidence_start if mention.evidence_start is not None else -1
    return (hedged, by_inspectorate, recency, mention.article_id, start, mention.finding_iri)


@dataclass(frozen=True)
class ConsolidatedFact:
    """One fact with every mention that supports it, the preferred one first."""

    key: tuple[str, ...]
    mentions: tuple[Mention, ...]
    values: tuple[tuple[str, int], ...]
    reason: str
    fact_id: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fact_id", digest(list(self.key), 20))

    @property
    def preferred(self) -> Mention:
        return self.mentions[0]

    @property
    def type(self) -> str:
        return self.key[0]

    @property
    def conflict(self) -> bool:
        return len(self.values) > 1

    @property
    def year(self) -> int | None:
        return None if self.type == "official" else self.preferred.effective_year()

    @property
    def sources(self) -> list[str]:
        return sorted({m.article_id for m in self.mentions})

    @property
    def preferred_value(self) -> str:
        return display_value(self.preferred)

    def field(self, name: str) -> Any:
        """A SCHEMA field of the fact: the preferred mention's (names as written)."""
        return self.preferred.fields.get(name)

    def values_summary(self) -> str:
        """'76.0 x1 | 75.0 x2'; empty for officials, who have no value."""
        return " | ".join(f"{value} x{count}" for value, count in self.values if value)

    def describe(self) -> str:
        """One line for a terminal: what, the preferred value, conflicts, where from."""
        if self.type == "official":
            what = f"{self.field('person')}, {self.field('role')}, {self.field('organisation')}"
            return f"official {what} ({len(self.sources)} articles: {', '.join(self.sources)})"
        year = self.year if self.year is not None else UNKNOWN_YEAR
        detail = self.field("area") if self.type == "grade" else self.field("crime_type")
        qualifier = f" ({self.preferred.qualifier})" if self.preferred.qualifier else ""
        conflict = f" CONFLICT [{self.values_summary()}], chosen by: {self.reason}" if self.conflict else ""
        return (f"{self.field('force')} {year} {self.type} {detail}: {self.preferred_value}{qualifier}"
                f"{conflict} ({len(self.sources)} articles: {', '.join(self.sources)})")


def _reason(ordered: list[Mention]) -> str:
    """Which step of the rule put the preferred value before the best differing one."""
    best = ordered[0]
    rival = next((m for m in ordered if display_value(m) != display_value(best)), None)
    if rival is None:
        return NO_CONFLICT
    for step, (a, b) in enumerate(zip(preference_key(best)[:3], preference_key(rival)[:3])):
        if a != b:
            return PREFERENCE_STEPS[step]
    return PREFERENCE_STEPS[3]


def consolidate(mentions: Iterable[Mention]) -> list[ConsolidatedFact]:
    """Group mentions into facts (sorted by key) and rank each group by the preference rule."""
    groups: dict[tuple[str, ...], list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(group_key(mention), []).append(mention)
    facts = []
    for key in sorted(groups):
        ordered = sorted(groups[key], key=preference_key)
        counts: dict[str, int] = {}
        for mention in ordered:
            value = display_value(mention)
            counts[value] = counts.get(value, 0) + 1
        facts.append(ConsolidatedFact(key, tuple(ordered), tuple(counts.items()), _reason(ordered)))
    return facts
