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

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Mapping

from pipeline.field_kinds import Section, normalise_name
from pipeline.finding_types import REGISTRY, FindingType
from pipeline.kb.vocabulary import digest

__all__ = ["ConsolidatedFact", "Mention", "NO_CONFLICT", "PREFERENCE_STEPS", "consolidate", "display_value", "fact_id",
           "group_key", "normalise_name", "preference_key"]

HEDGED = frozenset({"approx", "more_than", "less_than"})
UNKNOWN_YEAR = "unknown"

PREFERENCE_STEPS = (
    "exact figure over a hedged one",
    "stated by the inspectorate over a paraphrase",
    "more recent article",
    "tie-break: article id, evidence offset, finding IRI",
)
NO_CONFLICT = "no conflict"


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
    def description(self) -> FindingType:
        return REGISTRY[self.type]

    @property
    def qualifier(self) -> str | None:
        return self.fields.get("qualifier")

    def effective_year(self) -> int | None:
        """The year the finding states, else the year of its article's date."""
        year = self.fields.get("year")
        if year is not None:
            return int(year)
        return int(self.article_date[:4]) if self.article_date else None


# Sources named in a fact's one-line description; the rest are counted (`kb provenance` lists them all).
SOURCES_SHOWN = 5


def group_key(mention: Mention) -> tuple[str, ...]:
    """What makes two mentions the same fact: the type, its consolidation key, and the year.

    The key is the description's (officials: normalised name, role, organisation; grades:
    force, area; the figures: force, crime type), an absent area or crime type read as its
    default. A type with a year is keyed by it too; a mention without any year (none stated,
    an undated article) is keyed by its article as well: it is consolidated only with mentions
    of the same article, never across articles, since two undated reports may be about
    different inspections.
    """
    description = mention.description
    key = (description.name, *description.key_parts(mention.fields))
    if description.year_field is None:
        return key
    year = mention.effective_year()
    return (*key, str(year)) if year is not None else (*key, UNKNOWN_YEAR, mention.article_id)


def fact_id(key: tuple[str, ...]) -> str:
    """The hash that names the fact of a key (its IRI is fact:HASH)."""
    return digest(list(key), 20)


def display_value(mention: Mention) -> str:
    """The value compared for conflicts, as a person reads it (rates to one decimal)."""
    return mention.description.compared_value(mention.fields)


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
        object.__setattr__(self, "fact_id", fact_id(self.key))

    @property
    def preferred(self) -> Mention:
        return self.mentions[0]

    @property
    def type(self) -> str:
        return self.key[0]

    @property
    def description(self) -> FindingType:
        return REGISTRY[self.type]

    @property
    def conflict(self) -> bool:
        return len(self.values) > 1

    @property
    def year(self) -> int | None:
        return None if self.description.year_field is None else self.preferred.effective_year()

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
        description = self.description
        shown = self.sources[:SOURCES_SHOWN]
        more = f" and {len(self.sources) - len(shown)} more" if len(self.sources) > len(shown) else ""
        sources = f"({len(self.sources)} articles: {', '.join(shown)}{more})"
        if description.year_field is None:
            what = ", ".join(str(self.field(name)) for name in description.consolidation_key)
            return f"{self.type} {what} {sources}"
        key_fields = [description.field(name) for name in description.consolidation_key]
        where = " ".join(str(self.field(f.name)) for f in key_fields if f and f.section is Section.INSPECTION)
        detail = " ".join(str(self.field(f.name)) for f in key_fields if f and f.section is not Section.INSPECTION)
        year = self.year if self.year is not None else UNKNOWN_YEAR
        qualifier = f" ({self.preferred.qualifier})" if self.preferred.qualifier else ""
        conflict = f" CONFLICT [{self.values_summary()}], chosen by: {self.reason}" if self.conflict else ""
        return f"{where} {year} {self.type} {detail}: {self.preferred_value}{qualifier}{conflict} {sources}"


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
