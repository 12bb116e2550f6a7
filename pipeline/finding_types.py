"""One description per finding type (SCHEMA §2 and §4): the single place a type is spelled out.

Gold validation, scoring, the score tables and the knowledge base read these descriptions
instead of naming types in if-chains, and ``pipeline.schema`` derives FINDING_TYPES,
FINDING_FIELDS, CORE_FIELDS, STRICT_FIELDS and RATE_TOLERANCE from them. Adding a finding
type is writing its description here (with its rule, cues and tests), nothing in gold,
evaluate, the baselines' scoring or kb/. Standard library only: gold.py runs before anything
is installed, and kb/ and batch/ must never import spaCy.

A description holds the type's fields in output order, each with a kind (what values it
takes, how it is stored as RDF, how it is keyed) and a section (what part of a fact it is);
its core and strict fields; what makes two mentions one fact in the knowledge base and the
value compared between them; its RDF class; and checks across fields.

A new type: its TypedDict and its FindingType below, built from the shared fields of
``pipeline.field_kinds`` or new Fields (a field with a new hx: property needs that property
declared in kb/vocabulary.ttl), added to REGISTRY; then its linking rule, cues and tests.
tests/test_new_finding_type.py registers a toy type and shows the rest of the code taking it in.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, Callable, Iterator, Literal, Mapping, TypedDict

from pipeline.field_kinds import (
    AREA,
    COUNT_VALUE,
    CRIME_TYPE,
    FORCE,
    FORCE_ID,
    GRADE,
    ORGANISATION,
    PERSON,
    PER_YEAR,
    QUALIFIER,
    RATE_VALUE,
    RECORDED,
    ROLE,
    TOTAL,
    YEAR,
    YEAR_NUMBER,
    Field,
    FieldKind,
    Section,
    normalise_name,
)

__all__ = [
    "AREA", "AuditSampleFinding", "COUNT_VALUE", "CRIME_TYPE", "Constraint", "Evidence", "FORCE", "Field", "FieldKind",
    "Finding", "FindingType", "GRADE", "GradeFinding", "ORGANISATION", "OfficialFinding", "PERSON", "PER_YEAR",
    "QUALIFIER", "RATE_VALUE", "RECORDED", "REGISTRY", "ROLE", "RecordingRateFinding", "Registry", "Section", "TOTAL",
    "UnrecordedCountFinding", "YEAR", "normalise_name",
]

# Keys every finding may carry besides its fields: never field names.
RESERVED_KEYS = frozenset({"type", "evidence", "entities"})


@dataclass(frozen=True)
class Constraint:
    """A check across fields of one finding, run once every field holds a value of its kind."""

    holds: Callable[[Mapping[str, Any]], bool]
    problem: str  # formatted with {type} and {finding}


@dataclass(frozen=True)
class FindingType:
    """Everything the code base needs to know about one finding type."""

    name: str
    fields: tuple[Field, ...]  # in output order (SCHEMA §2)
    core: tuple[str, ...]  # the core tuple that scoring matches on (SCHEMA §4)
    strict: tuple[str, ...]  # the attributes strict scoring adds, in the order they are reported
    consolidation_key: tuple[str, ...]  # mentions alike in these (and in year, for yearly types) are one fact
    compared_value: Callable[[Mapping[str, Any]], str]  # the value compared for conflicts, as a person reads it
    rdf_class: str  # the hx: class of its findings, a subclass of hx:Finding
    rdf_label: str
    rdf_comment: str
    constraints: tuple[Constraint, ...] = ()
    typed_dict: type | None = None  # the TypedDict its findings satisfy
    _by_name: dict[str, Field] = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: a field is declared twice: {names}")
        if RESERVED_KEYS & set(names):
            raise ValueError(f"{self.name}: {sorted(RESERVED_KEYS & set(names))} are not field names")
        parts = (("core", self.core), ("strict", self.strict), ("consolidation_key", self.consolidation_key))
        for part, listed in parts:
            unknown = [n for n in listed if n not in names]
            if unknown:
                raise ValueError(f"{self.name}: {part} names {unknown}, which are not its fields")
        if set(self.core) & set(self.strict):
            raise ValueError(f"{self.name}: a field is both core and strict")
        if len([f for f in self.fields if f.kind is YEAR_NUMBER]) > 1:
            raise ValueError(f"{self.name}: at most one year field")
        if not self.rdf_class.isidentifier():
            raise ValueError(f"{self.name}: RDF class {self.rdf_class!r} is not a plain name")

    # -- reading the description

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)

    def fields_of(self, kind: FieldKind) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.kind is kind)

    @property
    def year_field(self) -> Field | None:
        """The year the type is stated for; a type without one (officials) is not about an inspection year."""
        return next((f for f in self.fields if f.kind is YEAR_NUMBER), None)

    @property
    def inspection_fields(self) -> tuple[Field, Field] | None:
        """Force and year, when the type has both: its findings report on an inspection (force, year)."""
        forces, year = self.fields_of(FORCE_ID), self.year_field
        return (forces[0], year) if forces and year is not None else None

    @property
    def measures(self) -> tuple[Field, ...]:
        """The fields that carry the value a finding states (a percentage, a count, recorded and total,
        a grade): their kinds are the type's value kind, and what ``compared_value`` shows."""
        return tuple(f for f in self.fields if f.section is Section.MEASURE)

    def fields_by_section(self) -> tuple[Field, ...]:
        """The fields in section order (inspection, subject, measure, hedge, period), else as declared:
        the order the knowledge base lists a mention's fields in."""
        return tuple(sorted(self.fields, key=lambda f: f.section))

    # -- validation

    def problems(self, finding: Mapping[str, Any], shared: Callable[[str], Field | None] = lambda name: None
                 ) -> Iterator[str]:
        """What is wrong with a finding of this type, first problem first.

        ``shared`` gives, for a key the type does not declare, the field it names in other types
        (a key the contract names means the same in every type), whose kind then checks it too.
        """
        for name in self.field_names:
            if name not in finding:
                yield f"{self.name} finding lacks {name!r}: {finding}"
                return
        found = False
        for name, value in finding.items():
            checked = self._by_name[name] if name in self._by_name else shared(name)
            if checked is not None and checked.rejects(value):
                yield checked.kind.problem.format(type=self.name, field=name, value=value, finding=finding)
                found = True
        if not found:
            for constraint in self.constraints:
                if not constraint.holds(finding):
                    yield constraint.problem.format(type=self.name, finding=finding)

    # -- scoring

    def core_matches(self, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
        """SCHEMA §4: the core tuples are equal, numbers within their field's tolerance."""
        exact = [n for n in self.core if self._by_name[n].tolerance is None]
        if tuple(a.get(n) for n in exact) != tuple(b.get(n) for n in exact):
            return False
        return all(self._by_name[n].close(a.get(n), b.get(n)) for n in self.core if n not in exact)

    # -- the knowledge base

    def key_parts(self, fields: Mapping[str, Any]) -> tuple[str, ...]:
        """The consolidation key's field values, defaulted and folded (the year scope is added by kb/)."""
        return tuple(self._by_name[n].key_part(fields.get(n)) for n in self.consolidation_key)


class Registry:
    """The finding types in SCHEMA order. A dict underneath, so membership and look-up cost what
    the per-type dicts did (and an unhashable type raises TypeError, as they did)."""

    def __init__(self, *types: FindingType) -> None:
        self._types: dict[str, FindingType] = {}
        for ftype in types:
            self.register(ftype)

    def __contains__(self, name: object) -> bool:
        return name in self._types

    def __getitem__(self, name: str) -> FindingType:
        return self._types[name]

    def __len__(self) -> int:
        return len(self._types)

    def get(self, name: Any) -> FindingType | None:
        return self._types.get(name)

    def types(self) -> tuple[FindingType, ...]:
        return tuple(self._types.values())

    def names(self) -> tuple[str, ...]:
        return tuple(self._types)

    def register(self, ftype: FindingType) -> None:
        """Add a type; its names must not clash with those of the types already there."""
        if ftype.name in self._types:
            raise ValueError(f"finding type {ftype.name!r} is already registered")
        if any(t.rdf_class == ftype.rdf_class for t in self._types.values()):
            raise ValueError(f"{ftype.name}: RDF class {ftype.rdf_class!r} is another type's")
        properties = {f.name: f.rdf_property for t in self._types.values() for f in t.fields}
        for field in ftype.fields:
            if properties.get(field.name, field.rdf_property) != field.rdf_property:
                raise ValueError(f"{ftype.name}: field {field.name!r} is hx:{properties[field.name]} in other types, "
                                 f"not hx:{field.rdf_property}")
        self._types[ftype.name] = ftype

    def unregister(self, name: str) -> FindingType:
        return self._types.pop(name)

    @contextmanager
    def registered(self, ftype: FindingType) -> Iterator[FindingType]:
        """The type registered for the duration of a ``with`` block (tests of a new type)."""
        self.register(ftype)
        try:
            yield ftype
        finally:
            self.unregister(ftype.name)

    def shared_field(self, name: str) -> Field | None:
        """The field a key names wherever a type declares it, if it is the same field in all of them
        ('crime_type' is; 'value' is not: a percentage in one type, a count in another)."""
        fields = {f for t in self._types.values() for f in t.fields if f.name == name}
        return fields.pop() if len(fields) == 1 else None

    def problems(self, finding: Mapping[str, Any]) -> Iterator[str]:
        """What is wrong with a finding of a registered type (its type is checked by the caller)."""
        return self._types[finding["type"]].problems(finding, self.shared_field)


# -- findings typed (records stay plain dicts on the wire) -------------------------------------

class Evidence(TypedDict):
    start: int
    end: int


class _Provenance(TypedDict, total=False):
    """What the extractor adds to each finding; gold findings have neither."""

    evidence: Evidence
    entities: list[list[int | str]]


class RecordingRateFinding(_Provenance):
    type: Literal["recording_rate"]
    force: str
    crime_type: str
    value: float
    qualifier: str
    year: int | None


class UnrecordedCountFinding(_Provenance):
    type: Literal["unrecorded_count"]
    force: str
    crime_type: str
    value: int
    per_year: bool
    qualifier: str
    year: int | None


class AuditSampleFinding(_Provenance):
    type: Literal["audit_sample"]
    force: str
    crime_type: str
    recorded: int
    total: int
    year: int | None


class GradeFinding(_Provenance):
    type: Literal["grade"]
    force: str
    area: str
    grade: str
    year: int | None


class OfficialFinding(_Provenance):
    type: Literal["official"]
    person: str
    role: str
    organisation: str


Finding = RecordingRateFinding | UnrecordedCountFinding | AuditSampleFinding | GradeFinding | OfficialFinding


# -- the five types of SCHEMA §2, in SCHEMA order ------------------------------------------------

def _rate_value(fields: Mapping[str, Any]) -> str:
    return f"{float(fields['value']):.1f}"


def _count_value(fields: Mapping[str, Any]) -> str:
    """A yearly count and a one-off count of the same size are different values."""
    return f"{int(fields['value'])}" + (" a year" if fields.get("per_year") else "")


def _sample_value(fields: Mapping[str, Any]) -> str:
    return f"{int(fields['recorded'])}/{int(fields['total'])}"


def _grade_value(fields: Mapping[str, Any]) -> str:
    return str(fields["grade"])


def _no_value(fields: Mapping[str, Any]) -> str:
    """Officials state no value: the key is all there is to them."""
    return ""


def _recorded_within_total(finding: Mapping[str, Any]) -> bool:
    recorded, total = finding["recorded"], finding["total"]
    return isinstance(recorded, int) and isinstance(total, int) and 0 <= recorded <= total


RECORDING_RATE = FindingType(
    name="recording_rate",
    fields=(FORCE, CRIME_TYPE, RATE_VALUE, QUALIFIER, YEAR),
    core=("force", "crime_type", "value"),
    strict=("year", "qualifier"),
    consolidation_key=("force", "crime_type"),
    compared_value=_rate_value,
    rdf_class="RecordingRate",
    rdf_label="recording rate",
    rdf_comment=("The percentage of reported crimes (of a crime type) that a force recorded: "
                 "hx:value 0-100, one decimal."),
    typed_dict=RecordingRateFinding,
)
UNRECORDED_COUNT = FindingType(
    name="unrecorded_count",
    fields=(FORCE, CRIME_TYPE, COUNT_VALUE, PER_YEAR, QUALIFIER, YEAR),
    core=("force", "crime_type", "value"),
    strict=("year", "qualifier", "per_year"),
    consolidation_key=("force", "crime_type"),
    compared_value=_count_value,
    rdf_class="UnrecordedCount",
    rdf_label="unrecorded count",
    rdf_comment=("How many reported crimes a force did not record: "
                 "hx:value an integer, hx:perYear true for a yearly figure."),
    typed_dict=UnrecordedCountFinding,
)
AUDIT_SAMPLE = FindingType(
    name="audit_sample",
    fields=(FORCE, CRIME_TYPE, RECORDED, TOTAL, YEAR),
    core=("force", "crime_type", "recorded", "total"),
    strict=("year",),
    consolidation_key=("force", "crime_type"),
    compared_value=_sample_value,
    rdf_class="AuditSample",
    rdf_label="audit sample",
    rdf_comment="An audit of reports: hx:recorded of hx:total were recorded correctly.",
    constraints=(Constraint(_recorded_within_total, "audit sample needs 0 <= recorded <= total: {finding}"),),
    typed_dict=AuditSampleFinding,
)
GRADE_AWARD = FindingType(
    name="grade",
    fields=(FORCE, AREA, GRADE, YEAR),
    core=("force", "area", "grade"),
    strict=("year",),
    consolidation_key=("force", "area"),
    compared_value=_grade_value,
    rdf_class="GradeAward",
    rdf_label="grade",
    rdf_comment="An inspection grade (hx:grade) for an area of inspection (hx:area).",
    typed_dict=GradeFinding,
)
OFFICIAL = FindingType(
    name="official",
    fields=(PERSON, ROLE, ORGANISATION),
    core=("person", "role", "organisation"),
    strict=(),
    consolidation_key=("person", "role", "organisation"),
    compared_value=_no_value,
    rdf_class="OfficialMention",
    rdf_label="official",
    rdf_comment="A named person holding a role (hx:role) in an organisation (hx:organisation), as named in an article.",
    typed_dict=OfficialFinding,
)

REGISTRY = Registry(RECORDING_RATE, UNRECORDED_COUNT, AUDIT_SAMPLE, GRADE_AWARD, OFFICIAL)
