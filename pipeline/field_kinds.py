"""Field kinds and fields: the parts finding-type descriptions are made of.

A kind says what values a field takes (the check gold validation makes), how the knowledge
base stores it (an RDF term), and how two spellings are made one when facts are keyed. A
field is a name with a kind, its section of a fact, its RDF property, and what SCHEMA says of
it: whether it may be null, what an absent value means, the tolerance scoring allows. The
fields SCHEMA §2 shares between types are declared once, at the end. Standard library only
(see ``pipeline.finding_types``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Callable, Literal

from pipeline.ids import AREA_IDS, CRIME_TYPES, DEFAULT_AREA, FORCE_IDS, GRADES, ORGANISATION_IDS, QUALIFIERS, ROLE_IDS

# How the knowledge base writes a kind: an IRI minted from a force or organisation id, or a literal.
RdfTerm = Literal["force", "organisation", "decimal", "integer", "boolean", "gYear", "string"]

# Numbers this close are the same number, whatever binary floating point made of them.
FLOAT_SLACK = 1e-9


def normalise_name(name: str) -> str:
    """Fold accents, case and white space: 'Zoë  Billingham' and 'zoe billingham' are one person."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


class Section(IntEnum):
    """The part of a fact a field is. It orders a mention's fields in the knowledge base and the
    columns of its CSV export: where (the inspection), what of (the subject), the measure (shown
    as the fact's value), how it was hedged, over what period."""

    INSPECTION = 0  # force, year
    SUBJECT = 1  # crime type, area, person, role, organisation
    MEASURE = 2  # the figure or grade compared between articles
    HEDGE = 3  # qualifier
    PERIOD = 4  # per_year


@dataclass(frozen=True)
class FieldKind:
    """What a field holds."""

    name: str
    accepts: Callable[[Any], bool]
    problem: str  # how gold validation reports a misfit; formatted with {type}, {field}, {value}, {finding}
    rdf_term: RdfTerm
    fold: Callable[[str], str] | None = None  # makes spellings of one value one consolidation key


def _one_of(ids: tuple[str, ...]) -> Callable[[Any], bool]:
    return lambda value: value in ids


def _percent(value: Any) -> bool:
    return isinstance(value, (int, float)) and 0 <= value <= 100


def _integer(value: Any) -> bool:
    return isinstance(value, int)


def _flag(value: Any) -> bool:
    return isinstance(value, bool)


def _year(value: Any) -> bool:
    return isinstance(value, int) and 1990 <= value <= 2100


def _name(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


_NOT_IN_CONTRACT = "{field}={value!r} not in the contract: {finding}"

FORCE_ID = FieldKind("force id", _one_of(FORCE_IDS), "unknown force {value!r}", "force")
ORGANISATION_ID = FieldKind("organisation id", _one_of(ORGANISATION_IDS), "unknown organisation {value!r}",
                            "organisation")
CRIME_TYPE_ID = FieldKind("crime type id", _one_of(CRIME_TYPES), _NOT_IN_CONTRACT, "string")
GRADE_ID = FieldKind("grade id", _one_of(GRADES), _NOT_IN_CONTRACT, "string")
QUALIFIER_ID = FieldKind("qualifier", _one_of(QUALIFIERS), _NOT_IN_CONTRACT, "string")
ROLE_ID = FieldKind("role id", _one_of(ROLE_IDS), _NOT_IN_CONTRACT, "string")
AREA_ID = FieldKind("area", _one_of(AREA_IDS), _NOT_IN_CONTRACT, "string")  # SCHEMA §5's closed list
# 0-100; stored and compared for conflicts to one decimal (the check does not round).
PERCENT = FieldKind("percent", _percent, "{type} {field} out of range 0-100: {finding}", "decimal")
COUNT = FieldKind("integer count", _integer, "{type} {field} must be an integer: {finding}", "integer")
FLAG = FieldKind("bool", _flag, "{field} must be true or false: {finding}", "boolean")
YEAR_NUMBER = FieldKind("year", _year, "bad {field} {value!r}", "gYear")
PERSON_NAME = FieldKind("person name", _name, "{type} without a {field}: {finding}", "string", fold=normalise_name)


@dataclass(frozen=True)
class Field:
    """One field of a finding type."""

    name: str
    kind: FieldKind
    section: Section
    rdf_property: str  # the hx: property that holds it, declared in pipeline/kb/vocabulary.ttl
    nullable: bool = False  # SCHEMA: the year is null when neither text nor date gives one
    default: str | None = None  # what an absent value means (SCHEMA: plain "crimes" are all_crime)
    tolerance: float | None = None  # scoring counts numbers this close as the same (SCHEMA §4)

    def rejects(self, value: Any) -> bool:
        """True when gold validation refuses the value."""
        return not (value is None and self.nullable) and not self.kind.accepts(value)

    def close(self, a: Any, b: Any) -> bool:
        """Within the tolerance; a value that is no number matches nothing."""
        try:
            return abs(float(a) - float(b)) <= (self.tolerance or 0.0) + FLOAT_SLACK
        except (TypeError, ValueError):
            return False

    def key_part(self, value: Any) -> str:
        """The field's part of a consolidation key: folded, or defaulted when absent."""
        if self.kind.fold is not None:
            return self.kind.fold(str(value))
        if self.default is not None:
            return str(value or self.default)
        return str(value)


# -- the fields SCHEMA §2 shares between types, declared once ----------------------------------

FORCE = Field("force", FORCE_ID, Section.INSPECTION, "force")
YEAR = Field("year", YEAR_NUMBER, Section.INSPECTION, "year", nullable=True)
CRIME_TYPE = Field("crime_type", CRIME_TYPE_ID, Section.SUBJECT, "crimeType", default="all_crime")
AREA = Field("area", AREA_ID, Section.SUBJECT, "area", default=DEFAULT_AREA)
QUALIFIER = Field("qualifier", QUALIFIER_ID, Section.HEDGE, "qualifier")
RATE_VALUE = Field("value", PERCENT, Section.MEASURE, "value", tolerance=0.05)
COUNT_VALUE = Field("value", COUNT, Section.MEASURE, "value")
PER_YEAR = Field("per_year", FLAG, Section.PERIOD, "perYear")
RECORDED = Field("recorded", COUNT, Section.MEASURE, "recorded")
TOTAL = Field("total", COUNT, Section.MEASURE, "total")
GRADE = Field("grade", GRADE_ID, Section.MEASURE, "grade")
PERSON = Field("person", PERSON_NAME, Section.SUBJECT, "personName")
ROLE = Field("role", ROLE_ID, Section.SUBJECT, "role")
ORGANISATION = Field("organisation", ORGANISATION_ID, Section.SUBJECT, "organisation")
