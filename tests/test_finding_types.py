"""The finding-type descriptions: they agree with SCHEMA.md §2 and §4, schema.py's constants are
derived from them with the values they always had, validation rejects everything gold.py rejected
before, matching keeps the rates' tolerance, and the registry refuses clashing types.
The end-to-end proof that a new type needs no code elsewhere is in test_new_finding_type.py."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterable, get_args, get_type_hints

import pytest

from pipeline import schema
from pipeline.evaluate import scored_attributes
from pipeline.field_kinds import PERCENT, Field, Section
from pipeline.finding_types import (
    COUNT_VALUE,
    CRIME_TYPE,
    FORCE,
    RATE_VALUE,
    REGISTRY,
    YEAR,
    FindingType,
)
from pipeline.gold import GoldError, validate_finding
from tests.conftest import ROOT

VALID: dict[str, dict[str, Any]] = {
    "recording_rate": {"type": "recording_rate", "force": "kent", "crime_type": "violence", "value": 87.7,
                       "qualifier": "exact", "year": 2017},
    "unrecorded_count": {"type": "unrecorded_count", "force": "wiltshire", "crime_type": "all_crime", "value": 4100,
                         "per_year": True, "qualifier": "more_than", "year": None},
    "audit_sample": {"type": "audit_sample", "force": "wiltshire", "crime_type": "rape", "recorded": 74, "total": 81,
                     "year": 2017},
    "grade": {"type": "grade", "force": "gwent", "area": "leadership_and_culture", "grade": "inadequate", "year": 2016},
    "official": {"type": "official", "person": "Zoe Billingham", "role": "hm_inspector_of_constabulary",
                 "organisation": "hmicfrs"},
}


def _schema_text() -> str:
    """SCHEMA.md beside the checkout, or beside a parent folder (a worktree)."""
    for folder in ROOT.parents:
        path = folder / "shared" / "SCHEMA.md"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    pytest.skip("shared/SCHEMA.md not beside the checkout")


def _section(text: str, number: int) -> str:
    return text.split(f"\n## {number}.", 1)[1].split("\n## ", 1)[0]


def _without_parentheses(text: str) -> str:
    while re.search(r"\([^()]*\)", text):
        text = re.sub(r"\([^()]*\)", "", text)
    return text


def _names(cell: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("`").strip() for part in _without_parentheses(cell).split(",") if part.strip())


def test_fields_agree_with_the_table_of_schema_section_2() -> None:
    rows = [line.split("|") for line in _section(_schema_text(), 2).splitlines() if line.startswith("| `")]
    table = {cells[1].strip().strip("`"): _names(cells[2]) for cells in rows}
    assert table == {t.name: t.field_names for t in REGISTRY.types()}
    assert tuple(table) == REGISTRY.names()  # and in SCHEMA order


def test_core_tuples_tolerance_and_strict_attributes_agree_with_schema_section_4() -> None:
    text = " ".join(_section(_schema_text(), 4).split())
    core_text = text.split("Core tuple:", 1)[1].split("Then,", 1)[0]
    for ftype, fields in re.findall(r"`(\w+)` \(([^)]*)\)", core_text):
        description = REGISTRY[ftype]
        parts = [p.split() for p in fields.split(",")]
        assert description.core == tuple(p[0] for p in parts), ftype
        for name, *rest in parts:
            tolerance = float(rest[0].lstrip("±")) if rest else None
            assert description.field(name).tolerance == tolerance, (ftype, name)
    attributes = re.search(r"the accuracy of (.*?); and a strict F1", text).group(1)
    listed = tuple(re.findall(r"`(\w+)`", attributes))
    assert scored_attributes() == listed == ("year", "qualifier", "per_year")
    for description in REGISTRY.types():
        assert description.strict == tuple(a for a in listed if a in description.field_names)


def test_defaults_are_schemas() -> None:
    text = _schema_text()
    assert f"`area` (`{schema.DEFAULT_AREA}` unless the text names another" in text
    assert '`all_crime` (plain "crimes")' in text
    assert REGISTRY["grade"].field("area").default == schema.DEFAULT_AREA
    assert CRIME_TYPE.default == "all_crime"


def test_schema_constants_keep_their_values() -> None:
    """Derived from the descriptions, with exactly the values they had when written by hand."""
    assert schema.FINDING_TYPES == ("recording_rate", "unrecorded_count", "audit_sample", "grade", "official")
    assert schema.FINDING_FIELDS == {
        "recording_rate": ("force", "crime_type", "value", "qualifier", "year"),
        "unrecorded_count": ("force", "crime_type", "value", "per_year", "qualifier", "year"),
        "audit_sample": ("force", "crime_type", "recorded", "total", "year"),
        "grade": ("force", "area", "grade", "year"),
        "official": ("person", "role", "organisation"),
    }
    assert schema.CORE_FIELDS == {
        "recording_rate": ("force", "crime_type", "value"),
        "unrecorded_count": ("force", "crime_type", "value"),
        "audit_sample": ("force", "crime_type", "recorded", "total"),
        "grade": ("force", "area", "grade"),
        "official": ("person", "role", "organisation"),
    }
    assert schema.STRICT_FIELDS == {
        "recording_rate": ("year", "qualifier"), "unrecorded_count": ("year", "qualifier", "per_year"),
        "audit_sample": ("year",), "grade": ("year",), "official": (),
    }
    assert schema.RATE_TOLERANCE == 0.05
    assert all(type(c) is dict for c in (schema.FINDING_FIELDS, schema.CORE_FIELDS, schema.STRICT_FIELDS))


def test_findings_are_typed() -> None:
    """Each type's TypedDict has its fields (and 'type', a Literal of its name), required; the
    extractor's evidence and entities optional."""
    for description in REGISTRY.types():
        hints = get_type_hints(description.typed_dict)
        assert get_args(hints.pop("type")) == (description.name,)
        assert tuple(k for k in hints if k not in ("evidence", "entities")) == description.field_names
        assert description.typed_dict.__required_keys__ == {"type", *description.field_names}
        assert description.typed_dict.__optional_keys__ == {"evidence", "entities"}


# -- validation: everything the hand-written validator rejected is still rejected ------------------

def _legacy_problem(finding: dict[str, Any]) -> bool:
    """gold.validate_finding as it was before the descriptions (per-type if-chains), True when it rejected."""
    fields = {
        "recording_rate": ("force", "crime_type", "value", "qualifier", "year"),
        "unrecorded_count": ("force", "crime_type", "value", "per_year", "qualifier", "year"),
        "audit_sample": ("force", "crime_type", "recorded", "total", "year"),
        "grade": ("force", "area", "grade", "year"),
        "official": ("person", "role", "organisation"),
    }
    ftype = finding.get("type")
    if ftype not in fields or any(f not in finding for f in fields[ftype]):
        return True
    # Areas joined the checks when SCHEMA §5 closed their list (2026-12-06).
    checks = {"crime_type": schema.CRIME_TYPES, "qualifier": schema.QUALIFIERS, "grade": schema.GRADES,
              "role": schema.ROLE_IDS, "area": schema.AREA_IDS}
    if any(f in finding and finding[f] not in allowed for f, allowed in checks.items()):
        return True
    if ftype == "official":
        if finding["organisation"] not in schema.ORGANISATION_IDS:
            return True
        if not isinstance(finding["person"], str) or not finding["person"].strip():
            return True
    elif finding["force"] not in schema.FORCE_IDS:
        return True
    year = finding.get("year")
    if year is not None and not (isinstance(year, int) and 1990 <= year <= 2100):
        return True
    if ftype == "recording_rate" and not (isinstance(finding["value"], (int, float)) and 0 <= finding["value"] <= 100):
        return True
    if ftype == "unrecorded_count" and not isinstance(finding["value"], int):
        return True
    if ftype == "unrecorded_count" and not isinstance(finding["per_year"], bool):
        return True
    if ftype == "audit_sample":
        recorded, total = finding["recorded"], finding["total"]
        return not (isinstance(recorded, int) and isinstance(total, int) and 0 <= recorded <= total)
    return False


BAD_VALUES = (None, "", " ", "bogus", -1, 0, 1, 50, 100, 100.0, 100.1, 76.04, -0.1, 2017, 1989, 2101, 3.5, True,
              False, "2017", "kent", "hmicfrs", "rape", "approx", "good", "chief_constable", 10**9)
FIELD_NAMES = ("force", "crime_type", "value", "qualifier", "year", "per_year", "recorded", "total", "area", "grade",
               "person", "role", "organisation")


def _mutations() -> Iterable[dict[str, Any]]:
    for finding in VALID.values():
        yield finding
        for name in FIELD_NAMES:
            yield {k: v for k, v in finding.items() if k != name}
            for bad in BAD_VALUES:
                yield {**finding, name: bad}


def _rejects(finding: dict[str, Any]) -> bool:
    try:
        validate_finding(finding)
    except GoldError:
        return True
    return False


def test_validation_rejects_all_the_old_validator_rejected() -> None:
    cases = list(_mutations())
    assert len(cases) > 1500
    newly_rejected = []
    for finding in cases:
        old, new = _legacy_problem(finding), _rejects(finding)
        assert new or not old, f"no longer rejected: {finding}"
        declared = set(REGISTRY[finding["type"]].field_names) | {"type"}
        if set(finding) <= declared:
            assert new == old, finding  # on the declared fields, exactly as before
        elif new != old:
            newly_rejected.append(finding)
    # Only keys a type does not declare but another does, holding what that field refuses, are new.
    for finding in newly_rejected:
        extra = set(finding) - set(REGISTRY[finding["type"]].field_names) - {"type"}
        assert extra and all(REGISTRY.shared_field(k) is not None for k in extra), finding


@pytest.mark.parametrize("finding,message", [
    ({"type": "weather"}, "unknown finding type"),
    ({**VALID["recording_rate"], "value": 100.1}, "out of range"),
    ({**VALID["unrecorded_count"], "value": 4100.5}, "must be an integer"),
    ({**VALID["unrecorded_count"], "per_year": None}, "per_year must be true or false"),
    ({**VALID["audit_sample"], "recorded": 82}, "recorded <= total"),
    ({**VALID["grade"], "grade": "meh"}, "grade='meh' not in the contract"),
    ({**VALID["official"], "person": "  "}, "official without a person"),
    ({**VALID["official"], "organisation": "mi5"}, "unknown organisation 'mi5'"),
    ({**VALID["recording_rate"], "force": "atlantis"}, "unknown force 'atlantis'"),
    ({**VALID["grade"], "year": 1989}, "bad year 1989"),
    ({k: v for k, v in VALID["grade"].items() if k != "area"}, "grade finding lacks 'area'"),
    ({**VALID["official"], "crime_type": "bogus"}, "crime_type='bogus' not in the contract"),
])
def test_validation_says_what_is_wrong(finding: dict[str, Any], message: str) -> None:
    with pytest.raises(GoldError, match=re.escape(message)):
        validate_finding(finding)


def test_valid_findings_pass_and_the_year_may_be_null() -> None:
    for finding in VALID.values():
        validate_finding(finding)
        validate_finding({**finding, "evidence": {"start": 0, "end": 5}, "entities": [[0, 4, "FORCE"]]})
    assert YEAR.nullable and not any(f.nullable for t in REGISTRY.types() for f in t.fields if f is not YEAR)


# -- matching ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("value,match", [(87.7, True), (87.74, True), (87.65, True), (87.75, True), (87.76, False),
                                         (87.64, False), ("87.7", True), ("n/a", False), (None, False)])
def test_rates_match_within_their_tolerance(value: Any, match: bool) -> None:
    gold = VALID["recording_rate"]
    assert REGISTRY["recording_rate"].core_matches(gold, {**gold, "value": value}) is match


def test_other_core_fields_and_other_types_match_exactly() -> None:
    rate = REGISTRY["recording_rate"]
    assert not rate.core_matches(VALID["recording_rate"], {**VALID["recording_rate"], "crime_type": "all_crime"})
    assert rate.core_matches(VALID["recording_rate"], {**VALID["recording_rate"], "qualifier": "approx", "year": None})
    count = REGISTRY["unrecorded_count"]
    assert not count.core_matches(VALID["unrecorded_count"], {**VALID["unrecorded_count"], "value": 4101})
    assert COUNT_VALUE.tolerance is None and RATE_VALUE.kind is PERCENT
    sample = REGISTRY["audit_sample"]
    assert not sample.core_matches(VALID["audit_sample"], {**VALID["audit_sample"], "total": 80})


# -- the registry -----------------------------------------------------------------------------------

def _toy(name: str = "toy_rate", **changes: Any) -> FindingType:
    spec: dict[str, Any] = dict(
        name=name, fields=(FORCE, CRIME_TYPE, RATE_VALUE, YEAR), core=("force", "crime_type", "value"),
        strict=("year",), consolidation_key=("force", "crime_type"), compared_value=lambda f: str(f["value"]),
        rdf_class="ToyRate", rdf_label="toy", rdf_comment="A toy.")
    return FindingType(**{**spec, **changes})


def test_descriptions_refuse_what_cannot_work() -> None:
    with pytest.raises(ValueError, match="not its fields"):
        _toy(core=("force", "colour"))
    with pytest.raises(ValueError, match="both core and strict"):
        _toy(strict=("value",))
    with pytest.raises(ValueError, match="declared twice"):
        _toy(fields=(FORCE, FORCE, YEAR))
    with pytest.raises(ValueError, match="already registered"):
        REGISTRY.register(_toy(name="grade"))
    with pytest.raises(ValueError, match="another type's"):
        REGISTRY.register(_toy(rdf_class="RecordingRate"))
    clashing = Field("value", PERCENT, Section.MEASURE, "rate")
    with pytest.raises(ValueError, match="hx:value in other types"):
        REGISTRY.register(_toy(fields=(FORCE, CRIME_TYPE, clashing, YEAR)))
    assert REGISTRY.names() == schema.FINDING_TYPES


def test_a_type_registered_for_a_block_is_gone_after_it() -> None:
    with REGISTRY.registered(_toy()) as toy:
        assert "toy_rate" in REGISTRY and REGISTRY["toy_rate"] is toy and REGISTRY.names()[-1] == "toy_rate"
    assert "toy_rate" not in REGISTRY and len(REGISTRY) == 5


def test_field_sections_give_the_mention_order_the_knowledge_base_has_always_used() -> None:
    assert [f.name for f in REGISTRY["unrecorded_count"].fields_by_section()] == [
        "force", "year", "crime_type", "value", "qualifier", "per_year"]
    assert [f.name for f in REGISTRY["grade"].fields_by_section()] == ["force", "year", "area", "grade"]


def test_descriptions_and_the_knowledge_base_never_import_spacy() -> None:
    modules = ["pipeline.finding_types", "pipeline.schema", "pipeline.gold", "pipeline.evaluate", "pipeline.report",
               "pipeline.kb", "pipeline.kb.store", "pipeline.kb.cli", "pipeline.kb.fact_export", "pipeline.cli"]
    code = f"import sys; import {', '.join(modules)}; sys.exit('spacy' in sys.modules or 'thinc' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(ROOT)).returncode == 0
