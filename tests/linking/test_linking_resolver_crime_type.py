"""``resolvers/crime_type.py``: the crime type right after a figure, else plain crimes (or the topic before a
colon), else the nearest crime type before it, else all crime."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.linking.resolvers.crime_type import crime_type_for

from .builders import build, figure, num, pct, scope, sentence_of

RAPE = ("rape", "CRIME_TYPE", "rape")


def _type_of(text: str, ents: list[Any], surface: str) -> str:
    doc = build(text, ents=ents)
    fig = figure(doc, surface)
    return crime_type_for(doc, sentence_of(doc, fig.start), fig.start, fig.end, scope(doc, fig)[0])


@pytest.mark.parametrize(("text", "ents", "surface", "expected"), [
    # Right after the figure, over the linking words.
    ("Kent recorded 74 of 81 audited rape reports.", [("74", "COUNT", num(74)), ("81", "COUNT", num(81)), RAPE], "81", "rape"),
    ("Kent recorded 90 per cent of all sexual offences.", [("90 per cent", "PERCENT", pct(90.0)),
                                                           ("sexual offences", "CRIME_TYPE", "sexual_offences")],
     "90 per cent", "sexual_offences"),
    # "reports of rape": the crime noun's "of" names the type.
    ("Some 72 out of 80 reports of rape were recorded.", [("72", "COUNT", num(72)), ("80", "COUNT", num(80)), RAPE], "80", "rape"),
    # Plain crimes after the figure: all crime, whatever is named before it ...
    ("Kent, which has a violent crime problem, recorded 90 per cent of crimes.",
     [("violent crime", "CRIME_TYPE", "violence"), ("90 per cent", "PERCENT", pct(90.0))], "90 per cent", "all_crime"),
    # ... unless the sentence opens on the crime type as its topic, set off by a comma (dev11).
    ("For violent crime, Kent recorded 90 per cent of crimes.", [("violent crime", "CRIME_TYPE", "violence"),
                                                                 ("90 per cent", "PERCENT", pct(90.0))], "90 per cent", "violence"),
    # ... unless a crime type heads the sentence before a colon.
    ("Rape did better: 41 of the 44 reports audited had been recorded.", [("Rape", "CRIME_TYPE", "rape"),
                                                                          ("41", "COUNT", num(41)), ("44", "COUNT", num(44))],
     "44", "rape"),
    ("Overall: 41 of the 44 reports audited had been recorded.", [("41", "COUNT", num(41)), ("44", "COUNT", num(44))], "44", "all_crime"),
    # The nearest crime type before the figure.
    ("Violent crime was under-recorded by 12.3 per cent.", [("Violent crime", "CRIME_TYPE", "violence"),
                                                           ("12.3 per cent", "PERCENT", pct(12.3))], "12.3 per cent", "violence"),
    ("For rape, Kent recorded 90 per cent and for burglary 80 per cent.", [RAPE, ("90 per cent", "PERCENT", pct(90.0)),
                                                                          ("burglary", "CRIME_TYPE", "burglary"),
                                                                          ("80 per cent", "PERCENT", pct(80.0))],
     "80 per cent", "burglary"),
    # An example ("such as rape") is no crime type of the figure.
    ("Among offences such as rape, 90 per cent were recorded.", [RAPE, ("90 per cent", "PERCENT", pct(90.0))], "90 per cent", "all_crime"),
    ("Among rape offences, 90 per cent were recorded.", [RAPE, ("90 per cent", "PERCENT", pct(90.0))], "90 per cent", "rape"),
    # Nothing named: all crime.
    ("Kent recorded 90 per cent.", [("90 per cent", "PERCENT", pct(90.0))], "90 per cent", "all_crime"),
    # A crime type after the figure but past a word that is no link is not its type.
    ("Kent recorded 90 per cent, better for rape.", [("90 per cent", "PERCENT", pct(90.0)), RAPE], "90 per cent", "all_crime"),
])
def test_crime_type_for(text: str, ents: list[Any], surface: str, expected: str) -> None:
    assert _type_of(text, ents, surface) == expected


def test_the_crime_type_after_is_looked_for_within_six_tokens() -> None:
    near = "Kent recorded 90 per cent of all the reported rape cases."  # "rape" five tokens on
    assert _type_of(near, [("90 per cent", "PERCENT", pct(90.0)), RAPE], "90 per cent") == "rape"
    far = "Kent recorded 90 per cent of all of the reported serious rape cases."  # seven tokens on
    assert _type_of(far, [("90 per cent", "PERCENT", pct(90.0)), RAPE], "90 per cent") == "all_crime"
