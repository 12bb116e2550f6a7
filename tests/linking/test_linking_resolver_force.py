"""``resolvers/force.py``: which force a figure or grade belongs to, branch by branch of ``force_for``'s docstring."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.linking.resolvers.force import force_for, in_comparison, nearest, place_before

from .builders import build, figure, num, pct, sentence_of, tok

KENT = ("Kent Police", "FORCE", "kent")
ESSEX = ("Essex Police", "FORCE", "essex")


def _force_of(text: str, ents: list[Any], surface: str, nth: int = 0, **kwargs: Any) -> str | None:
    doc = build(text, ents=ents, **kwargs)
    fig = figure(doc, surface, nth)
    return force_for(doc, sentence_of(doc, fig.start), fig.start, fig.end)


def test_a_force_named_right_after_the_figure_owns_it() -> None:
    text = "Kent Police recorded 90 per cent, compared with 82.1 per cent at Cheshire Constabulary."
    ents = [KENT, ("90 per cent", "PERCENT", pct(90.0)), ("82.1 per cent", "PERCENT", pct(82.1)),
            ("Cheshire Constabulary", "FORCE", "cheshire")]
    assert _force_of(text, ents, "82.1 per cent") == "cheshire"
    assert _force_of(text, ents, "90 per cent") == "kent"  # the nearest named before it


def test_the_nearest_force_named_before_the_figure_wins() -> None:
    text = "Kent Police was inspected with Essex Police, which recorded 80 per cent of crimes."
    assert _force_of(text, [KENT, ESSEX, ("80 per cent", "PERCENT", pct(80.0))], "80 per cent") == "essex"


def test_else_the_first_force_named_after_it() -> None:
    text = "A rate of 90 per cent was found when inspectors visited Kent Police and Essex Police."
    assert _force_of(text, [("90 per cent", "PERCENT", pct(90.0)), KENT, ESSEX], "90 per cent") == "kent"


@pytest.mark.parametrize(("text", "expected"), [
    ("Kent Police was second behind Dorset Police with 90 per cent of crimes recorded.", "kent"),
    ("Kent Police, unlike Dorset Police, recorded 90 per cent of crimes.", "kent"),
    ("Kent Police, which shares units with Dorset Police, recorded 90 per cent of crimes.", "kent"),  # a relative clause
    ("Kent Police was inspected, and Dorset Police recorded 90 per cent of crimes.", "dorset"),  # no comparison
])
def test_forces_in_comparisons_are_left_aside(text: str, expected: str) -> None:
    ents = [KENT, ("Dorset Police", "FORCE", "dorset"), ("90 per cent", "PERCENT", pct(90.0))]
    assert _force_of(text, ents, "90 per cent") == expected


def test_a_sentence_naming_only_a_force_in_a_comparison_falls_back_to_the_focus() -> None:
    text = "Kent Police was inspected. It recorded 90 per cent of crimes, second behind Dorset Police."
    ents = [KENT, ("90 per cent", "PERCENT", pct(90.0)), ("Dorset Police", "FORCE", "dorset")]
    assert _force_of(text, ents, "90 per cent") == "kent"


def test_a_compared_force_owns_the_figure_of_its_relative_clause() -> None:
    text = "Kent Police recorded 88 per cent of crimes, behind Dorset Police, which recorded 91 per cent."
    ents = [KENT, ("88 per cent", "PERCENT", pct(88.0)), ("Dorset Police", "FORCE", "dorset"), ("91 per cent", "PERCENT", pct(91.0))]
    assert _force_of(text, ents, "88 per cent") == "kent"
    assert _force_of(text, ents, "91 per cent") == "dorset"


def test_a_figures_hedge_is_no_comparison() -> None:
    text = "Kent Police was inspected. More than half of the rapes reported to Essex Police were not recorded."
    ents = [KENT, ("More than half", "PERCENT", pct(50.0, "more_than", "fraction")), ESSEX]
    assert _force_of(text, ents, "More than half") == "essex"


def test_respectively_pairs_figures_and_forces_in_order() -> None:
    text = "Cumbria and Lancashire recorded 92.1 per cent and 88.4 per cent of crimes respectively."
    ents = [("Cumbria", "FORCE", "cumbria"), ("Lancashire", "FORCE", "lancashire"),
            ("92.1 per cent", "PERCENT", pct(92.1)), ("88.4 per cent", "PERCENT", pct(88.4))]
    assert _force_of(text, ents, "92.1 per cent") == "cumbria"
    assert _force_of(text, ents, "88.4 per cent") == "lancashire"
    plain = text.replace(" respectively", "")
    assert _force_of(plain, ents, "92.1 per cent") == "lancashire"  # without it, the nearest before


def test_respectively_with_unequal_numbers_pairs_nothing() -> None:
    text = "Cumbria and Lancashire recorded 92.1 per cent, 90 per cent and 88.4 per cent respectively."
    ents = [("Cumbria", "FORCE", "cumbria"), ("Lancashire", "FORCE", "lancashire"), ("92.1 per cent", "PERCENT", pct(92.1)),
            ("90 per cent", "PERCENT", pct(90.0)), ("88.4 per cent", "PERCENT", pct(88.4))]
    assert _force_of(text, ents, "92.1 per cent") == "lancashire"


def test_an_area_named_in_the_sentence() -> None:
    text = "In Gwent, inspectors found that five out of six reported crimes were recorded."
    ents = [("five out of six", "PERCENT", pct(83.3, form="ratio"))]
    assert _force_of(text, ents, "five out of six", areas=[("Gwent", "gwent")]) == "gwent"


def test_else_the_force_the_text_was_about() -> None:
    text = "Kent Police was inspected. The force records 76 per cent of crimes."
    assert _force_of(text, [KENT, ("76 per cent", "PERCENT", pct(76.0, "approx"))], "76 per cent") == "kent"


def test_a_lede_about_one_unnamed_force_is_about_the_force_named_next() -> None:
    text = ("A police force is failing to record more than 16,000 crimes a year.\n"
            "Northumbria Police records 84.5% of crimes.")
    ents = [("16,000", "COUNT", num(16000, "more_than")), ("Northumbria Police", "FORCE", "northumbria"), ("84.5%", "PERCENT", pct(84.5))]
    assert _force_of(text, ents, "16,000") == "northumbria"


@pytest.mark.parametrize(("text", "ents"), [
    ("Police 'fail to record 800,000 crimes a year'\nKent Police was inspected.", []),  # no single force
    ("Her Majesty's Inspectorate of Constabulary found 800,000 crimes unrecorded.\nKent Police was inspected.",
     [("Her Majesty's Inspectorate of Constabulary", "INSPECTORATE", "hmicfrs")]),  # a word of a name
])
def test_a_headline_about_police_in_general_has_no_force(text: str, ents: list[Any]) -> None:
    ents = [*ents[:1], ("800,000", "COUNT", num(800000)), KENT]
    assert _force_of(text, ents, "800,000") is None


def test_a_national_sentence_before_any_force_has_none() -> None:
    text = "Nationally, one force recorded 81 per cent of crimes.\nKent Police was inspected."
    assert _force_of(text, [("81 per cent", "PERCENT", pct(81.0)), KENT], "81 per cent") is None


def test_a_position_alone_takes_the_nearest_force() -> None:
    text = "Kent Police was rated good, as was Essex Police."
    doc = build(text, ents=[KENT, ("good", "GRADE", "good"), ESSEX])
    assert force_for(doc, doc.sentences[0], tok(doc, "good")) == "kent"
    assert force_for(doc, doc.sentences[0], tok(doc, "Essex") + 2) == "essex"


@pytest.mark.parametrize(("text", "expected"), [
    ("Kent Police came second behind Dorset Police.", True),
    ("Kent Police came second, Dorset Police third.", False),  # a comma ends the look-back
    ("Kent Police and Dorset Police were inspected.", False),
    ("Kent Police, whose neighbour is Dorset Police, was inspected.", True),
])
def test_in_comparison(text: str, expected: bool) -> None:
    doc = build(text, ents=[KENT, ("Dorset Police", "FORCE", "dorset")])
    assert in_comparison(doc, doc.sentences[0], tok(doc, "Dorset")) is expected


def test_nearest_is_the_last_ending_by_the_position_else_the_first_after() -> None:
    named = [[0, 2, "kent"], [5, 7, "essex"], [10, 12, "surrey"]]
    assert nearest(named, 8)[2] == "essex"
    assert nearest(named, 7)[2] == "essex"
    assert nearest(named, 1)[2] == "essex"  # none ends by token 1: the first starting from it
    assert nearest(named, 0)[2] == "kent"
    assert nearest([], 3) is None


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Norfolk PCC Lorne Green said it was good.", "PCC", "norfolk"),
    ("The Isle of Wight and Hampshire commissioner spoke.", "commissioner", "hampshire"),
    ("It was Norfolk. PCC Lorne Green said so.", "PCC", None),  # a full stop ends the look-back
    ("Norfolk is where the new police and crime commissioner lives.", "commissioner", None),  # too far back
    ("The commissioner said so.", "commissioner", None),
])
def test_place_before(text: str, word: str, expected: str | None) -> None:
    doc = build(text)
    assert place_before(doc, tok(doc, word)) == expected
