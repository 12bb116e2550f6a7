"""``resolvers/year.py``: a date in the sentence that governs the figure, else the article's year."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.linking.resolvers.year import year_for

from .builders import build, figure, pct, sentence_of, year

KENT = ("Kent Police", "FORCE", "kent")
ARTICLE = "2023-06-15"


def _year_of(text: str, ents: list[Any], surface: str) -> int | None:
    doc = build(text, ents=ents, date=ARTICLE)
    fig = figure(doc, surface)
    sent = sentence_of(doc, fig.start)
    return year_for(doc, sent, sent.figures, fig)


def _p(surface: str) -> tuple[str, str, dict[str, Any]]:
    return (surface, "PERCENT", pct(float(surface.split()[0].rstrip("%"))))


def _d(y: int) -> tuple[str, str, dict[str, Any]]:
    return (str(y), "DATE", year(y))


@pytest.mark.parametrize(("text", "ents", "surface", "expected"), [
    # No date in the sentence: the article's year.
    ("Kent Police recorded 90 per cent of crimes.", [KENT, _p("90 per cent")], "90 per cent", 2023),
    # A date before the figure governs it.
    ("In 2018, the force recorded around 84.1% of reported crime.", [_d(2018), _p("84.1%")], "84.1%", 2018),
    # A date after it, in its clause.
    ("Kent Police recorded 80 per cent in 2013.", [KENT, _p("80 per cent"), _d(2013)], "80 per cent", 2013),
    # ... not in another clause.
    ("Kent Police recorded 80 per cent, a report in 2013 said.", [KENT, _p("80 per cent"), _d(2013)], "80 per cent", 2023),
    # The nearest date that governs wins.
    ("In 2015 it was inspected and in 2016 it recorded 90 per cent.", [_d(2015), _d(2016), _p("90 per cent")], "90 per cent", 2016),
    # A date that dates something else: "since the last inspection, in 2014".
    ("Since the last inspection, in 2014, the force has recorded 90 per cent of crimes.", [_d(2014), _p("90 per cent")],
     "90 per cent", 2023),
    # ... unless "when" ties it to the figure.
    ("At the last inspection, in 2016, when it recorded 89.1% of crimes.", [_d(2016), _p("89.1%")], "89.1%", 2016),
    # ... or it is a past inspection's own finding.
    ("Its previous inspection, in 2017, found it recorded 83 per cent of crimes.", [_d(2017), _p("83 per cent")], "83 per cent", 2017),
    # A word of the present between the date and the figure.
    ("In 2016 Kent Police was rated inadequate, but today the force records 96.1 per cent of crime.",
     [_d(2016), KENT, _p("96.1 per cent")], "96.1 per cent", 2023),
])
def test_year_for(text: str, ents: list[Any], surface: str, expected: int) -> None:
    assert _year_of(text, ents, surface) == expected


def test_an_earlier_figure_takes_the_date_after_it_and_that_date_dates_nothing_else() -> None:
    text = "The force recorded 91.9%, up from 84.7% in 2014."
    ents = [_p("91.9%"), _p("84.7%"), _d(2014)]
    assert _year_of(text, ents, "84.7%") == 2014
    assert _year_of(text, ents, "91.9%") == 2023


def test_an_earlier_figure_with_no_date_after_it_is_of_the_article() -> None:
    text = "In 2014 the force recorded 91.9%, up from 84.7%."
    assert _year_of(text, [_d(2014), _p("91.9%"), _p("84.7%")], "84.7%") == 2023


def test_a_date_without_a_year_dates_nothing() -> None:
    text = "On Tuesday the force recorded 91.9% of crimes."
    ents = [("Tuesday", "DATE", {"value": None, "granularity": "day", "year": None}), _p("91.9%")]
    assert _year_of(text, ents, "91.9%") == 2023


def test_a_grade_is_dated_as_a_figure_is() -> None:
    text = "In 2019 Lancashire Constabulary was graded good; now it has been rated inadequate."
    doc = build(text, ents=[_d(2019), ("Lancashire Constabulary", "FORCE", "lancashire"), ("good", "GRADE", "good"),
                            ("inadequate", "GRADE", "inadequate")], date=ARTICLE)
    sent = doc.sentences[0]
    good, inadequate = sent.of("GRADE")
    assert year_for(doc, sent, sent.figures, good) == 2019
    assert year_for(doc, sent, sent.figures, inadequate) == 2023  # "now" between


def test_no_date_and_no_article_date_give_none() -> None:
    doc = build("Kent Police recorded 90 per cent.", ents=[KENT, _p("90 per cent")])
    fig = figure(doc, "90 per cent")
    assert year_for(doc, doc.sentences[0], doc.sentences[0].figures, fig) is None
