"""``figure_tests``: what a figure is not (a change, a general figure, a composition, a sub-share, an earlier
figure, a count of other things), from the phrasing of real coverage, each with cases that are not."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.linking.figure_tests import (about_other_things, is_change, is_composition, is_general, is_previous_figure,
                                           is_sub_share)

from .builders import build, figure, num, pct, scope, sentence_of

KENT = ("Kent Police", "FORCE", "kent")


def _one(text: str, surface: str, value: dict[str, Any], label: str = "PERCENT", before: tuple[Any, ...] = (),
         after: tuple[Any, ...] = ()) -> tuple[Any, Any]:
    """The document of ``text`` with the figure ``surface`` (and entities before and after it), and that figure."""
    doc = build(text, ents=[*before, (surface, label, value), *after])
    return doc, figure(doc, surface)


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Kent Police recorded more crime, up 8.3% from the previous year.", "8.3%", True),
    ("Crime recording at Kent Police saw a 13.1% increase.", "13.1%", True),
    ("The gap between them was 6.5 percentage points.", "6.5 percentage points", True),  # a difference unit ends it
    ("The rate was 91 per cent (+/- 2.8 percent).", "2.8 percent", True),  # a margin of error
    ("Recording improved, a rise of 4 per cent on 2016.", "4 per cent", True),
    ("The force recorded 91.7% of crimes.", "91.7%", False),
    ("The force recorded 91.9%, up from 84.7% in 2014.", "84.7%", False),  # an earlier figure, not a change
    ("The force recorded 91.7% of crimes, higher than before.", "91.7%", False),  # "higher" three tokens on
])
def test_is_change(text: str, surface: str, expected: bool) -> None:
    doc = build(text, ents=[(surface, "PERCENT", pct(float(surface.split()[0].rstrip("%"))))])
    assert is_change(doc, figure(doc, surface)) is expected


@pytest.mark.parametrize(("text", "surface", "ents", "expected"), [
    ("The average was 83 per cent.", "83 per cent", (), True),
    ("One in three violent crimes nationally went unrecorded.", "One in three", (), True),  # the cue after, same clause
    ("Kent Police recorded 93%, above average.", "93%", (KENT,), False),  # the cue after, in another clause
    ("Kent Police recorded 93% above average.", "93%", (KENT,), True),
    ("Bedfordshire had the lowest recording rate in the region, at 78 per cent.", "78 per cent",
     (("Bedfordshire", "FORCE", "bedfordshire"),), False),  # the region only ranks the force
    ("Compared with the average, Kent Police recorded 95 per cent.", "95 per cent", (KENT,), False),  # a force between
    ("Kent Police charged or summonsed in 5.1% of crimes.", "5.1%", (KENT,), True),  # another measure
    ("Kent Police recorded 91.7% of crimes.", "91.7%", (KENT,), False),  # no cue in the document at all
])
def test_is_general(text: str, surface: str, ents: tuple[Any, ...], expected: bool) -> None:
    value = pct(33.3, form="ratio") if surface == "One in three" else pct(float(surface.split()[0].rstrip("%")))
    doc, fig = _one(text, surface, value, before=ents)
    assert is_general(doc, sentence_of(doc, fig.start), fig, scope(doc, fig)) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("About 60 per cent of the crimes recorded were violent offences.", True),
    ("Some 60 per cent of crimes recorded involved violence.", True),
    ("Kent recorded 60 per cent of crimes reported; crimes not recorded were mostly violent.", False),  # another clause
    ("Some 60 per cent of crimes not recorded were violent.", False),  # "not recorded were": denied
    ("Kent recorded 60 per cent of crimes.", False),
])
def test_is_composition(text: str, expected: bool) -> None:
    doc, fig = _one(text, "60 per cent", pct(60.0))
    assert is_composition(doc, fig, scope(doc, fig)) is expected


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Kent failed to record about 9,000 crimes, around a third of which are violent.", "around a third", True),
    ("Of the reports, 97 per cent of which was recorded, most were violent.", "97 per cent", False),  # recording said after
    ("The force recorded 91.7 per cent of them.", "91.7 per cent", False),  # recording said just before
    ("Of 9,000 crimes a third of which went unrecorded, most were violent.", "a third", False),  # not recording after
    ("The force failed to record 12 per cent of them.", "12 per cent", False),  # not recording just before
    ("The force recorded 91.7 per cent of crimes.", "91.7 per cent", False),  # no part-of cue
])
def test_is_sub_share(text: str, surface: str, expected: bool) -> None:
    value = pct(33.3, "approx", "fraction") if "third" in surface else pct(float(surface.split()[0]))
    doc, fig = _one(text, surface, value)
    assert is_sub_share(doc, fig) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The force recorded 91.9%, up from 84.7% in 2014.", True),
    ("That compares with 84.7% when it was last inspected.", True),
    ("The rate is higher than 84.7% nationally.", True),
    ("The force recorded 84.7% of crimes.", False),
    ("From the audit, 84.7% were recorded.", False),  # "from" not right before the figure
])
def test_is_previous_figure(text: str, expected: bool) -> None:
    doc, fig = _one(text, "84.7%", pct(84.7))
    assert is_previous_figure(doc, fig) is expected


@pytest.mark.parametrize(("text", "surface", "label", "expected"), [
    ("Some 12 per cent of victims were not told.", "12 per cent", "PERCENT", True),
    ("Kent Police has 3,600 officers.", "3,600", "COUNT", True),
    ("It took 12 weeks to record them.", "12", "COUNT", True),
    ("Only 82 per cent were safeguarded properly.", "82 per cent", "PERCENT", True),  # a cue word two tokens on
    ("Kent Police fails to record 4,100 crimes a year.", "4,100", "COUNT", False),
    ("Inspectors examined 9,000 reports.", "9,000", "COUNT", False),
    ("The force recorded 4,100", "4,100", "COUNT", False),  # the figure ends the document
])
def test_about_other_things(text: str, surface: str, label: str, expected: bool) -> None:
    value = num(int(surface.replace(",", ""))) if label == "COUNT" else pct(float(surface.split()[0]))
    doc, fig = _one(text, surface, value, label)
    assert about_other_things(doc, fig) is expected
