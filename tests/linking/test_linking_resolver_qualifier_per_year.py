"""``resolvers/qualifier.py`` (a figure's hedge, approx when framed as an estimate, flipped when converted)
and ``resolvers/per_year.py`` (whether a count is a rate per year)."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.linking.resolvers.per_year import per_year
from pipeline.linking.resolvers.qualifier import flipped, qualifier

from .builders import build, figure, num, pct, scope, sentence_of


@pytest.mark.parametrize(("text", "surface", "stated", "expected"), [
    ("The report estimated that the force fails to record 9,200 crimes a year.", "9,200", "exact", "approx"),
    ("We estimate that the force fails to record 21,200 crimes.", "21,200", "exact", "approx"),
    ("The force fails to record 9,200 crimes, it is estimated.", "9,200", "exact", "approx"),  # framing after the last figure
    ("The report estimated that it fails to record more than 9,200 crimes.", "more than 9,200", "more_than", "more_than"),
    ("The force fails to record 9,200 crimes a year.", "9,200", "exact", "exact"),
])
def test_qualifier(text: str, surface: str, stated: str, expected: str) -> None:
    doc = build(text, ents=[(surface, "COUNT", num(9200, stated))])
    fig = figure(doc, surface)
    assert qualifier(doc, fig, scope(doc, fig), stated) == expected


def test_another_figures_own_estimate_does_not_frame_this_one() -> None:
    text = "An estimated 90 per cent were recorded, and 9,200 crimes were not."
    doc = build(text, ents=[("An estimated 90 per cent", "PERCENT", pct(90.0, "approx")), ("9,200", "COUNT", num(9200))])
    fig = figure(doc, "9,200")
    assert qualifier(doc, fig, scope(doc, fig), "exact") == "exact"
    first = figure(doc, "An estimated 90 per cent")
    assert qualifier(doc, first, scope(doc, first), "approx") == "approx"


@pytest.mark.parametrize(("text", "surface", "expected"), [
    # The framing governs its own sentence: every figure after it ...
    ("Inspectors estimate the force records 90.7 per cent of crime and 86.1 per cent of violent crime.", "86.1 per cent", "approx"),
    # ... and one before it when no other figure follows it; not a figure before one it frames.
    ("The force records 91 per cent of crime, the inspectors have estimated.", "91 per cent", "approx"),
    ("The force records 91 per cent of crime, but inspectors estimated the national rate at 88 per cent.", "91 per cent", "exact"),
    # Not the next sentence.
    ("Inspectors estimate the force records 88 per cent. For violent crime the figure was 84.4 per cent.", "84.4 per cent", "exact"),
])
def test_estimate_framing_governs_its_sentence(text: str, surface: str, expected: str) -> None:
    ents = [(m, "PERCENT", pct(float(m.split()[0]))) for m in ("90.7 per cent", "86.1 per cent", "91 per cent", "88 per cent",
                                                               "84.4 per cent") if m in text]
    doc = build(text, ents=ents)
    fig = figure(doc, surface)
    assert qualifier(doc, fig, scope(doc, fig), "exact") == expected


@pytest.mark.parametrize(("stated", "expected"), [
    ("more_than", "less_than"), ("less_than", "more_than"), ("approx", "approx"), ("exact", "exact"),
])
def test_flipped(stated: str, expected: str) -> None:
    assert flipped(stated) == expected  # "almost one in four" unrecorded is "more than" three in four recorded


def _per_year(text: str, ents: list[Any], surface: str, with_sentence: bool = True) -> bool:
    doc = build(text, ents=ents)
    fig = figure(doc, surface)
    sent = sentence_of(doc, fig.start)
    if not with_sentence:
        return per_year(doc, fig, scope(doc, fig)[1])
    return per_year(doc, fig, scope(doc, fig)[1], sent, sent.figures)


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Wiltshire Police fails to record over 4,100 reported crimes a year.", "over 4,100", True),
    ("The force fails to record 9,500 crimes every year.", "9,500", True),
    ("Kent fails to record 1,100 sexual offences annually.", "1,100", True),
    ("Wiltshire Police fails to record over 4,100 reported crimes.", "over 4,100", False),
    ("The force failed to record 4,100 crimes over the course of the long review lasting a year.", "4,100", False),  # ten tokens on
])
def test_a_rate_period_after_the_count(text: str, surface: str, expected: bool) -> None:
    assert _per_year(text, [(surface, "COUNT", num(4100))], surface) is expected


def test_a_rate_period_after_the_next_figure_is_not_this_ones() -> None:
    text = "Kent fails to record 4,100 crimes and 300 rapes a year."
    ents = [("4,100", "COUNT", num(4100)), ("300", "COUNT", num(300))]
    assert _per_year(text, ents, "4,100") is False
    assert _per_year(text, ents, "300") is True


def test_a_rate_period_before_the_count_given_its_sentence() -> None:
    text = "In a year, inspectors said, more than 5,000 violent crimes never make it onto its systems."
    ents = [("more than 5,000", "COUNT", num(5000, "more_than"))]
    assert _per_year(text, ents, "more than 5,000") is True
    assert _per_year(text, ents, "more than 5,000", with_sentence=False) is False


def test_a_rate_period_before_another_figure_is_that_ones() -> None:
    text = "Each year, 90 per cent are recorded and 5,000 are not."
    ents = [("90 per cent", "PERCENT", pct(90.0)), ("5,000", "COUNT", num(5000))]
    assert _per_year(text, ents, "5,000") is False
    assert _per_year(text, ents, "90 per cent") is True
