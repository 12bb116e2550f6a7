"""``rules/unrecorded_count.py``: a COUNT said not to be recorded, or a part of one by crime type, of one force:
per year, coordinated counts, listed parts; never the rest of an audit sample (through ``SharedState``)."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.linking.rules.audit_sample import AuditSampleRule
from pipeline.linking.rules.unrecorded_count import UnrecordedCountRule
from pipeline.linking.state import SharedState

from .builders import build, fields, num, pct, run, tok, year

UC = "unrecorded_count"
KENT = ("Kent Police", "FORCE", "kent")


def _count(force: str, value: int, per_year: bool = False, qualifier: str = "exact", crime_type: str = "all_crime",
           year: int | None = 2023) -> dict[str, Any]:
    return {"type": UC, "force": force, "crime_type": crime_type, "value": value, "per_year": per_year, "qualifier": qualifier,
            "year": year}


def _c(surface: str, qualifier: str = "exact", form: str = "number") -> tuple[str, str, dict[str, Any]]:
    digits = "".join(ch for ch in surface if ch.isdigit())
    return (surface, "COUNT", num(int(digits) if digits else 2000, qualifier, form))


FOUND = [
    ("Wiltshire Police fails to record over 4,100 reported crimes a year.",
     [("Wiltshire Police", "FORCE", "wiltshire"), _c("over 4,100", "more_than")],
     [_count("wiltshire", 4100, True, "more_than")]),
    ("Kent Police failed to record 420 crimes.", [KENT, _c("420")], [_count("kent", 420)]),
    # Framed as an estimate: approx.
    ("Kent Police was inspected. The report estimated that the force fails to record 9,200 crimes a year.",
     [KENT, _c("9,200")], [_count("kent", 9200, True, "approx")]),
    # Two counts joined by "and", each with a crime type of its own: two statements.
    ("Inspectors estimated that Northumbria Police fails to record roughly 1,100 sexual offences annually and close to 3,000 "
     "domestic abuse crimes every 12 months.",
     [("Northumbria Police", "FORCE", "northumbria"), _c("roughly 1,100", "approx"),
      ("sexual offences", "CRIME_TYPE", "sexual_offences"), _c("close to 3,000", "less_than"),
      ("domestic abuse", "CRIME_TYPE", "domestic_abuse")],
     [_count("northumbria", 1100, True, "approx", "sexual_offences"), _count("northumbria", 3000, True, "less_than", "domestic_abuse")]),
    # ... or each a force's.
    ("Kent Police and Essex Police failed to record 4,000 and 7,600 crimes respectively.",
     [KENT, ("Essex Police", "FORCE", "essex"), _c("4,000"), _c("7,600")],
     [_count("kent", 4000), _count("essex", 7600)]),
    # A list of parts after "including" belongs to the count before it.
    ("Lincolnshire Police is failing to record about 6,300 crimes a year, including 300 sexual offences and 1,400 violent crimes.",
     [("Lincolnshire Police", "FORCE", "lincolnshire"), _c("about 6,300", "approx"), _c("300"),
      ("sexual offences", "CRIME_TYPE", "sexual_offences"), _c("1,400"), ("violent crimes", "CRIME_TYPE", "violence")],
     [_count("lincolnshire", 6300, True, "approx"), _count("lincolnshire", 300, True, crime_type="sexual_offences"),
      _count("lincolnshire", 1400, True, crime_type="violence")]),
    # ... even to one too vague to be a finding; the first part's hedge is the list's (ANNOTATION: "One hedge over a list").
    ("Lincolnshire Police is failing to record thousands of crimes a year, including about 1,400 violent crimes and 300 sexual offences.",
     [("Lincolnshire Police", "FORCE", "lincolnshire"), _c("thousands", "approx", "vague"), _c("about 1,400", "approx"),
      ("violent crimes", "CRIME_TYPE", "violence"), _c("300"), ("sexual offences", "CRIME_TYPE", "sexual_offences")],
     [_count("lincolnshire", 1400, True, "approx", "violence"), _count("lincolnshire", 300, True, "approx", "sexual_offences")]),
    # "about 3,800 of them violent crimes": a part of the count, by its crime type.
    ("North Wales Police was inspected. They estimated about 6,300 crimes a year go unrecorded, about 3,800 of them violent crimes.",
     [("North Wales Police", "FORCE", "north_wales"), _c("about 6,300", "approx"), _c("about 3,800", "approx"),
      ("violent crimes", "CRIME_TYPE", "violence")],
     [_count("north_wales", 6300, True, "approx"), _count("north_wales", 3800, True, "approx", "violence")]),
    # A sentence pointing back takes the cue of the one before.
    ("Kent Police fails to record 8 per cent of crimes. That equates to some 9,500 crimes every year.",
     [KENT, ("8 per cent", "PERCENT", pct(8.0)), _c("some 9,500", "approx")], [_count("kent", 9500, True, "approx")]),
    # "Of these, 4,200 were reports of violent crime": a part of the previous sentence's count.
    ("Kent Police fails to record 9,500 crimes a year. Of these, 4,200 were reports of violent crime.",
     [KENT, _c("9,500"), _c("4,200"), ("violent crime", "CRIME_TYPE", "violence")],
     [_count("kent", 9500, True), _count("kent", 4200, True, crime_type="violence")]),
    # An earlier figure ("down from more than 11,000 in 2019") is a finding of its own, with its year.
    ("Cleveland Police was inspected. It estimates the force now fails to record roughly 4,000 crimes a year, down from more than "
     "11,000 in 2019.",
     [("Cleveland Police", "FORCE", "cleveland"), _c("roughly 4,000", "approx"), _c("more than 11,000", "more_than"),
      ("2019", "DATE", year(2019))],
     [_count("cleveland", 4000, True, "approx"), _count("cleveland", 11000, True, "more_than", year=2019)]),
    # A rate period opening the sentence.
    ("Northumbria Police was inspected. In a year, inspectors said, that means more than 5,000 violent crimes are reported to the "
     "force but never make it onto its systems.",
     [("Northumbria Police", "FORCE", "northumbria"), _c("more than 5,000", "more_than"), ("violent crimes", "CRIME_TYPE", "violence")],
     [_count("northumbria", 5000, True, "more_than", "violence")]),
]

NOT_FOUND = [
    ("Lincolnshire Police is failing to record thousands of crimes a year.",
     [("Lincolnshire Police", "FORCE", "lincolnshire"), _c("thousands", "approx", "vague")], "a vague magnitude"),
    ("Kent Police has 3,600 officers and 2,000 staff.", [KENT, _c("3,600"), _c("2,000")], "staff numbers"),
    ("Kent Police recorded 9,500 crimes.", [KENT, _c("9,500")], "recorded, not unrecorded"),
    ("Kent Police records 92 per cent of crimes. That equates to some 140,000 crimes every year.",
     [KENT, ("92 per cent", "PERCENT", pct(92.0)), _c("some 140,000", "approx")], "the recorded crimes"),
    ("The force fails to record 4,100 crimes a year.", [_c("4,100")], "no force in view"),
]


@pytest.mark.parametrize(("text", "ents", "expected"), FOUND)
def test_unrecorded_counts_found(text: str, ents: list[Any], expected: list[dict[str, Any]]) -> None:
    assert fields(run(UnrecordedCountRule, build(text, ents=ents, date="2023-06-15"))) == expected


@pytest.mark.parametrize(("text", "ents", "why"), NOT_FOUND)
def test_not_unrecorded_counts(text: str, ents: list[Any], why: str) -> None:
    assert run(UnrecordedCountRule, build(text, ents=ents, date="2023-06-15")) == [], why


def test_a_breakdown_of_the_count_in_its_sentence_is_no_second_finding() -> None:
    text = "Kent Police fails to record 9,500 crimes a year, with 4,000 going unrecorded in Maidstone."
    found = run(UnrecordedCountRule, build(text, ents=[KENT, _c("9,500"), _c("4,000")], date="2023-06-15"))
    assert fields(found) == [_count("kent", 9500, True)]


def test_a_national_sentence_gives_no_count() -> None:
    # (no national frame before the figure, so that only the sentence's national flag rules it out)
    text = "Kent Police was inspected. Some 800,000 crimes go unrecorded across the country."
    ents = [KENT, _c("800,000")]
    assert run(UnrecordedCountRule, build(text, ents=ents)) == []
    not_national = build(text, ents=ents, sentences=lambda records: records[1].update(national=False))
    assert fields(run(UnrecordedCountRule, not_national)) == [_count("kent", 800000, year=None)]


def test_the_rest_of_an_audit_sample_is_part_of_it_not_a_count() -> None:
    # SCHEMA §5 (2026-12-06): the unrecorded part of an audit sample is no unrecorded count, wherever it is said.
    text = ("West Midlands Police was re-inspected. Of the 470 domestic abuse crimes, 354 were recorded. 116 were not recorded. "
            "The force said the 116 crimes had since been recorded.")
    ents = [("West Midlands Police", "FORCE", "west_midlands"), _c("470"), ("domestic abuse", "CRIME_TYPE", "domestic_abuse"),
            _c("354"), _c("116"), _c("116")]
    doc = build(text, ents=ents, date="2019-01-15")
    sample = {"type": "audit_sample", "force": "west_midlands", "crime_type": "domestic_abuse", "recorded": 354, "total": 470,
              "year": 2019}
    state = SharedState(sample_counts={tok(doc, "470"), tok(doc, "354")}, samples=[(1, sample)])
    assert run(UnrecordedCountRule, doc, state) == []
    # Without the sample in the shared state, nothing says the 116 is part of one.
    assert fields(run(UnrecordedCountRule, build(text, ents=ents, date="2019-01-15"), SharedState(
        sample_counts={tok(doc, "470"), tok(doc, "354")}))) == [_count("west_midlands", 116, year=2019)]


def test_the_audit_rule_leaves_the_rest_of_its_sample_alone_too() -> None:
    text = "West Midlands Police was re-inspected. Of the 470 domestic abuse crimes audited, 354 were recorded. 116 were not recorded."
    ents = [("West Midlands Police", "FORCE", "west_midlands"), _c("470"), ("domestic abuse", "CRIME_TYPE", "domestic_abuse"),
            _c("354"), _c("116")]
    doc = build(text, ents=ents, date="2019-01-15")
    state = SharedState()
    assert fields(run(AuditSampleRule, doc, state)) == [
        {"type": "audit_sample", "force": "west_midlands", "crime_type": "domestic_abuse", "recorded": 354, "total": 470, "year": 2019}]
    assert run(UnrecordedCountRule, doc, state) == []


def test_failures_an_audit_was_read_through_are_no_unrecorded_counts() -> None:
    text = "Gwent Police was inspected. Of the 310 violent crimes checked, 47 had not been recorded."
    ents = [("Gwent Police", "FORCE", "gwent"), _c("310"), ("violent crimes", "CRIME_TYPE", "violence"), _c("47")]
    doc = build(text, ents=ents)
    state = SharedState()
    assert [(f["recorded"], f["total"]) for f in run(AuditSampleRule, doc, state)] == [(263, 310)]
    assert run(UnrecordedCountRule, doc, state) == []
    # The count rule does not depend on the audit rule for this: "checked" after the total says the 47 were
    # examined, so it reads no count of the force without the shared state either.
    assert run(UnrecordedCountRule, build(text, ents=ents), SharedState()) == []


def test_counts_read_as_a_sample_are_no_unrecorded_counts() -> None:
    text = "Kent Police failed to record 420 crimes."
    doc = build(text, ents=[KENT, _c("420")])
    assert run(UnrecordedCountRule, doc, SharedState(sample_counts={tok(doc, "420")})) == []
    assert len(run(UnrecordedCountRule, doc, SharedState())) == 1
