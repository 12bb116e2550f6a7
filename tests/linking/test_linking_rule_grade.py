"""``rules/grade.py``: a GRADE of one force (or a group listed together), one finding per inspection area
named; hypothetical, negated and scale grades give none."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.linking.rules.grade import GradeRule

from .builders import build, fields, run, year

GR = "grade"
KENT = ("Kent Police", "FORCE", "kent")
DATE = "2023-06-15"


def _grade(force: str, grade: str, area: str = "crime_data_integrity", year: int | None = 2023) -> dict[str, Any]:
    return {"type": GR, "force": force, "area": area, "grade": grade, "year": year}


def _g(surface: str, grade: str | None = None) -> tuple[str, str, str]:
    return (surface, "GRADE", grade or surface.lower().replace(" ", "_"))


FOUND = [
    ("Gloucestershire police has been rated 'inadequate' after the inspection.",
     [("Gloucestershire police", "FORCE", "gloucestershire"), _g("inadequate")], [_grade("gloucestershire", "inadequate")]),
    # A group of forces listed together.
    ("The inspectorate rated two forces – Thames Valley and North Yorkshire – as inadequate.",
     [("Thames Valley", "FORCE", "thames_valley"), ("North Yorkshire", "FORCE", "north_yorkshire"), _g("inadequate")],
     [_grade("thames_valley", "inadequate"), _grade("north_yorkshire", "inadequate")]),
    # One finding per area named after the grade.
    ("Norfolk Constabulary was rated outstanding for recording data about crime and good for preventing crime and for its "
     "treatment of the public.",
     [("Norfolk Constabulary", "FORCE", "norfolk"), _g("outstanding"), _g("good")],
     [_grade("norfolk", "outstanding"), _grade("norfolk", "good", "preventing_crime"),
      _grade("norfolk", "good", "treatment_of_the_public")]),
    ("Wiltshire Police was inspected. The force was rated outstanding for the leadership and culture from senior officers.",
     [("Wiltshire Police", "FORCE", "wiltshire"), _g("outstanding")], [_grade("wiltshire", "outstanding", "leadership_and_culture")]),
    # A PEEL list line: the area before the grade.
    ("Kent Police was inspected.\nPreventing crime – good\nInvestigating crime: requires improvement\n",
     [KENT, _g("good"), _g("requires improvement")],
     [_grade("kent", "good", "preventing_crime"), _grade("kent", "requires_improvement", "investigating_crime")]),
    # "the same rating it received in 2016": that earlier grade too.
    ("Northumbria Police was inspected. The inspectorate graded the force as requires improvement, the same rating it received in 2016.",
     [("Northumbria Police", "FORCE", "northumbria"), _g("requires improvement"), ("2016", "DATE", year(2016))],
     [_grade("northumbria", "requires_improvement"), _grade("northumbria", "requires_improvement", year=2016)]),
    # A date governing the grade, and a word of the present.
    ("In 2019, inspectors graded Lancashire Constabulary as good; now it has been rated inadequate.",
     [("2019", "DATE", year(2019)), ("Lancashire Constabulary", "FORCE", "lancashire"), _g("good"), _g("inadequate")],
     [_grade("lancashire", "good", year=2019), _grade("lancashire", "inadequate")]),
    # A negated grade beside a real one.
    ("Kent Police was rated good, not outstanding.", [KENT, _g("good"), _g("outstanding")], [_grade("kent", "good")]),
    # Forces in a relative clause take no grade.
    ("Kent Police, which shares units with Essex Police, was rated good.", [KENT, ("Essex Police", "FORCE", "essex"), _g("good")],
     [_grade("kent", "good")]),
    # The force the text was about.
    ("Kent Police was inspected. It was rated good.", [KENT, _g("good")], [_grade("kent", "good")]),
]

NOT_FOUND = [
    ("Kent Police could be rated inadequate if it does not improve.", "Kent Police was rated inadequate.",
     [KENT, _g("inadequate")], "a hypothetical grade"),
    ("Kent Police aims to be outstanding.", "Kent Police is outstanding.", [KENT, _g("outstanding")], "a hypothetical grade"),
    ("Kent Police is no longer inadequate at recording crime.", "Kent Police is inadequate at recording crime.",
     [KENT, _g("inadequate")], "a negated grade"),
    ("Kent Police has never been rated outstanding.", "Kent Police has been rated outstanding.",
     [KENT, _g("outstanding")], "a negated grade"),
    ("Kent Police is graded outstanding, good, requires improvement or inadequate.", None,
     [KENT, _g("outstanding"), _g("good"), _g("requires improvement"), _g("inadequate")], "the grading scale itself"),
    ("Two forces were rated inadequate.", None, [_g("inadequate")], "forces in general"),
    ("About three quarters of police forces have been inspected and of those, two-thirds were rated as either \"inadequate\" or "
     "\"requiring improvement\".", None, [_g("inadequate"), _g("requiring improvement", "requires_improvement")],
     "general grades of forces"),
    ("The force was rated good.", None, [_g("good")], "no force in view"),
]


@pytest.mark.parametrize(("text", "ents", "expected"), FOUND)
def test_grades_found(text: str, ents: list[Any], expected: list[dict[str, Any]]) -> None:
    assert fields(run(GradeRule, build(text, ents=ents, date=DATE))) == expected


@pytest.mark.parametrize(("text", "control", "ents", "why"), NOT_FOUND)
def test_not_grades(text: str, control: str | None, ents: list[Any], why: str) -> None:
    assert run(GradeRule, build(text, ents=ents, date=DATE)) == [], why
    if control is not None:
        assert len(run(GradeRule, build(control, ents=ents, date=DATE))) == 1, f"the control of: {why}"


def test_three_grades_far_apart_are_no_scale() -> None:
    text = ("Kent Police was rated outstanding for preventing crime, which inspectors praised at length in the report, "
            "good for investigating crime and inadequate for crime recording.")
    found = run(GradeRule, build(text, ents=[KENT, _g("outstanding"), _g("good"), _g("inadequate")], date=DATE))
    assert fields(found) == [_grade("kent", "outstanding", "preventing_crime"), _grade("kent", "good", "investigating_crime"),
                             _grade("kent", "inadequate")]


def test_a_national_sentence_gives_no_grade() -> None:
    text = "Kent Police was inspected. Across the country, most were rated good."
    ents = [KENT, _g("good")]
    assert run(GradeRule, build(text, ents=ents, date=DATE)) == []
    not_national = build(text, ents=ents, date=DATE, sentences=lambda records: records[1].update(national=False))
    assert fields(run(GradeRule, not_national)) == [_grade("kent", "good")]


@pytest.mark.xfail(strict=True, reason="GradeRule._forces keeps every group when all are in relative or comparative clauses "
                   "(`... or groups`), where its docstring leaves them aside and takes the force resolved for the grade's "
                   "position (and force_for itself falls back to forces in comparisons): 'rated good, unlike Essex Police' "
                   "grades Essex")
def test_a_force_named_only_in_a_comparison_takes_no_grade() -> None:
    text = "Kent Police was inspected. It was rated good, unlike Essex Police."
    ents = [KENT, _g("good"), ("Essex Police", "FORCE", "essex")]
    assert fields(run(GradeRule, build(text, ents=ents, date=DATE))) == [_grade("kent", "good")]
