"""``rules/audit_sample.py``: a recorded part and a total of audited reports, of one force; what it must not read
as one (cancelled-crime decisions, timeliness, other things counted, a sample said not recorded)."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.linking.rules.audit_sample import AuditSampleRule
from pipeline.linking.state import SharedState

from .builders import build, fields, num, run, tok

AS = "audit_sample"


def _c(surface: str, value: int | None = None) -> tuple[str, str, dict[str, Any]]:
    return (surface, "COUNT", num(value if value is not None else int(surface.replace(",", ""))))


def _sample(force: str, crime_type: str, recorded: int, total: int, year: int | None = None) -> dict[str, Any]:
    return {"type": AS, "force": force, "crime_type": crime_type, "recorded": recorded, "total": total, "year": year}


FOUND = [
    # "N of M" in a sentence about auditing or recording.
    ("Wiltshire Police was audited: 74 of 81 audited rape reports were recorded accurately.", "2019-03-01",
     [("Wiltshire Police", "FORCE", "wiltshire"), _c("74"), _c("81"), ("rape", "CRIME_TYPE", "rape")],
     [_sample("wiltshire", "rape", 74, 81, 2019)]),
    ("At Essex Police, 1,905 out of 2,176 crimes audited were correctly recorded.", None,
     [("Essex Police", "FORCE", "essex"), _c("1,905"), _c("2,176")],
     [_sample("essex", "all_crime", 1905, 2176)]),
    # "all but N" of an audited total: the recorded count is the rest.
    ("The inspectorate examined 58 rape reports made to Durham Constabulary and found that all but three had been recorded.", None,
     [_c("58"), ("rape", "CRIME_TYPE", "rape"), ("Durham Constabulary", "FORCE", "durham"), _c("three", 3)],
     [_sample("durham", "rape", 55, 58)]),
    # "all N ... in the sample ... recorded": a sample recorded in full.
    ("Gwent Police was inspected. Modern slavery: all 12 modern slavery crimes in the sample had been recorded.", None,
     [("Gwent Police", "FORCE", "gwent"), ("Modern slavery", "CRIME_TYPE", "modern_slavery"), _c("12"),
      ("modern slavery", "CRIME_TYPE", "modern_slavery")],
     [_sample("gwent", "modern_slavery", 12, 12)]),
    # A sentence opening on the sample the sentence before audited.
    ("Inspectors examined 60 violent crimes reported to Kent Police. Of these, 52 had been recorded.", "2023-06-15",
     [_c("60"), ("violent crimes", "CRIME_TYPE", "violence"), ("Kent Police", "FORCE", "kent"), _c("52")],
     [_sample("kent", "violence", 52, 60, 2023)]),
    # "of these N were recorded": a part of the count before it.
    ("West Midlands Police was re-inspected. Of the 2,176 reports of crime audited, 470 related to domestic abuse - "
     "of these 354 were recorded.", "2019-01-15",
     [("West Midlands Police", "FORCE", "west_midlands"), _c("2,176"), _c("470"), ("domestic abuse", "CRIME_TYPE", "domestic_abuse"),
      _c("354")],
     [_sample("west_midlands", "domestic_abuse", 354, 470, 2019)]),
    # "had only recorded N" after "of M ...": the crime type between them is the sample's.
    ("Kent Police was inspected. Of 314 crimes that HMICFRS deemed to be related to domestic abuse, the force had only recorded 260.",
     None,
     [("Kent Police", "FORCE", "kent"), _c("314"), ("domestic abuse", "CRIME_TYPE", "domestic_abuse"), _c("260")],
     [_sample("kent", "domestic_abuse", 260, 314)]),
    # An audit said through what was not recorded: the rest of the sample was (SCHEMA §5, Audits).
    ("In the audit, 7 of 81 crimes at Kent Police went unrecorded.", None,
     [_c("7"), _c("81"), ("Kent Police", "FORCE", "kent")], [_sample("kent", "all_crime", 74, 81)]),
    ("Kent Police audited 81 reports. Of these, 16 were not recorded.", None,
     [("Kent Police", "FORCE", "kent"), _c("81"), _c("16")], [_sample("kent", "all_crime", 65, 81)]),
    # What should have been recorded, then what was: the examined incidents are not the total.
    ("Inspectors went through 340 incident logs at Wiltshire Police; 276 of them ought to have become crime records, but just 208 did.",
     None, [_c("340"), ("Wiltshire Police", "FORCE", "wiltshire"), _c("276"), _c("208")], [_sample("wiltshire", "all_crime", 208, 276)]),
    # None of a sample.
    ("Kent Police was inspected. None of the eight rape reports sampled had been recorded.", None,
     [("Kent Police", "FORCE", "kent"), _c("eight", 8), ("rape", "CRIME_TYPE", "rape")], [_sample("kent", "rape", 0, 8)]),
]

# Each with a control: the same entities in phrasing that differs in the one thing said, which gives a sample.
NOT_FOUND = [
    ("Kent Police was inspected. Decisions to cancel recorded crimes were found to be correct in 49 of the 52 cases reviewed.",
     "Kent Police was inspected. Recorded crimes were found to be correct in 49 of the 52 cases reviewed.",
     [("Kent Police", "FORCE", "kent"), _c("49"), _c("52")], "cancelled-crime decisions"),
    ("North Wales Police was slow to record some crimes, with 64 of 1,112 reports audited taking longer than the 24 hours allowed.",
     "North Wales Police was slow to record some crimes, with 64 of 1,112 reports audited.",
     [("North Wales Police", "FORCE", "north_wales"), _c("64"), _c("1,112")], "timeliness"),
    ("Kent Police has 3,600 officers. Of these, 52 were recorded as off sick.",
     "Kent Police audited 3,600 crimes. Of these, 52 were recorded as off sick.",
     [("Kent Police", "FORCE", "kent"), _c("3,600"), _c("52")], "no audit in the sentence before"),
    ("Kent Police was inspected. All 5,000 officers were recorded as trained.",
     "Kent Police was inspected. All 5,000 crimes in the audit were recorded.",
     [("Kent Police", "FORCE", "kent"), _c("5,000")], "'all N' that is no audit sample"),
    ("Kent Police solved 74 of 81 burglaries.", "Kent Police recorded 74 of 81 burglaries.",
     [("Kent Police", "FORCE", "kent"), _c("74"), _c("81"), ("burglaries", "CRIME_TYPE", "burglary")], "no auditing or recording"),
    ("Kent Police was inspected. In the audit, 15 of 49 victims were recorded as informed.",
     "Kent Police was inspected. In the audit, 15 of 49 crimes were recorded as informed.",
     [("Kent Police", "FORCE", "kent"), _c("15"), _c("49")], "of victims: other things counted"),
    ("Inspectors found 7 of 81 crimes at Kent Police went unrecorded.", "Inspectors found 7 of 81 crimes at Kent Police were recorded.",
     [_c("7"), _c("81"), ("Kent Police", "FORCE", "kent")], "a part said not recorded, outside an audit"),
    ("Inspectors examined 60 violent crimes. Of these, 52 had been recorded.",
     "Inspectors examined 60 violent crimes at Kent Police. Of these, 52 had been recorded.",
     [_c("60"), ("violent crimes", "CRIME_TYPE", "violence"), _c("52")], "no force in view"),
    ("Kent Police audited 81 reports. Of these, 116 had been recorded.", "Kent Police audited 181 reports. Of these, 116 had been recorded.",
     [("Kent Police", "FORCE", "kent"), _c("81"), _c("116")], "a part larger than the total"),
]

CONTROL_ENTS = {  # controls with entities of their own
    "Inspectors examined 60 violent crimes at Kent Police. Of these, 52 had been recorded.":
        [_c("60"), ("violent crimes", "CRIME_TYPE", "violence"), ("Kent Police", "FORCE", "kent"), _c("52")],
    "Kent Police audited 181 reports. Of these, 116 had been recorded.": [("Kent Police", "FORCE", "kent"), _c("181"), _c("116")],
}


@pytest.mark.parametrize(("text", "date", "ents", "expected"), FOUND)
def test_audit_samples_found(text: str, date: str | None, ents: list[Any], expected: list[dict[str, Any]]) -> None:
    assert fields(run(AuditSampleRule, build(text, ents=ents, date=date))) == expected


@pytest.mark.parametrize(("text", "control", "ents", "why"), NOT_FOUND)
def test_not_audit_samples(text: str, control: str, ents: list[Any], why: str) -> None:
    assert run(AuditSampleRule, build(text, ents=ents)) == [], why
    assert len(run(AuditSampleRule, build(control, ents=CONTROL_ENTS.get(control, ents)))) == 1, f"the control of: {why}"


def test_a_national_sentence_gives_no_sample() -> None:
    text = "Kent Police was inspected. Across England and Wales, 74 of 81 audited rape reports were recorded."
    ents = [("Kent Police", "FORCE", "kent"), _c("74"), _c("81"), ("rape", "CRIME_TYPE", "rape")]
    doc = build(text, ents=ents)
    assert doc.sentences[1].national and doc.sentences[1].focus_before == "kent"
    assert run(AuditSampleRule, doc) == []
    not_national = build(text, ents=ents, sentences=lambda records: records[1].update(national=False))
    assert len(run(AuditSampleRule, not_national)) == 1


def test_a_sample_leaves_its_counts_and_itself_in_the_shared_state() -> None:
    text = "Kent Police was inspected. Of the 470 audited, 354 were recorded."
    doc = build(text, ents=[("Kent Police", "FORCE", "kent"), _c("470"), _c("354")])
    state = SharedState()
    (finding,) = run(AuditSampleRule, doc, state)
    assert state.sample_counts == {tok(doc, "470"), tok(doc, "354")}
    assert state.samples == [(1, finding)]
    assert (finding["recorded"], finding["total"]) == (354, 470)
    assert state.sample_with_rest("kent", 116) is finding
    assert state.sample_with_rest("kent", 117) is None and state.sample_with_rest("essex", 116) is None


def test_counts_already_read_as_a_sample_are_not_read_again() -> None:
    text = "Inspectors examined 60 violent crimes reported to Kent Police. Of these, 52 had been recorded."
    doc = build(text, ents=[_c("60"), ("violent crimes", "CRIME_TYPE", "violence"), ("Kent Police", "FORCE", "kent"), _c("52")])
    state = SharedState(sample_counts={tok(doc, "52")})
    assert run(AuditSampleRule, doc, state) == []


def test_the_finding_carries_its_sentence_and_both_counts() -> None:
    text = "Kent Police was inspected. In the audit, 74 of 81 reports were recorded."
    doc = build(text, ents=[("Kent Police", "FORCE", "kent"), _c("74"), _c("81")])
    (finding,) = run(AuditSampleRule, doc)
    assert text[finding["evidence"]["start"] : finding["evidence"]["end"]] == "In the audit, 74 of 81 reports were recorded."
    assert [text[s:e] for s, e, _ in finding["entities"]] == ["74", "81"]
