"""``rules/official.py``: a named person with a title of office in a force, a force's area or the inspectorate;
offices outside policing give nothing."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.linking.rules.official import OfficialRule

from .builders import build, fields, run

OF = "official"
KENT = ("Kent Police", "FORCE", "kent")


def _official(person: str, role: str, organisation: str) -> dict[str, Any]:
    return {"type": OF, "person": person, "role": role, "organisation": organisation}


def _p(name: str) -> tuple[str, str]:
    return (name, "PERSON")


def _r(surface: str, role: str) -> tuple[str, str, str]:
    return (surface, "ROLE", role)


HMI = "hm_inspector_of_constabulary"
HMCIC = "hm_chief_inspector_of_constabulary"
PCC = "police_and_crime_commissioner"

FOUND = [
    # An appositive, and a title before the name: the inspectorate's roles.
    ("Zoe Billingham, HM Inspector of Constabulary, said the findings were of concern.",
     [_p("Zoe Billingham"), _r("HM Inspector of Constabulary", HMI)], [_official("Zoe Billingham", HMI, "hmicfrs")]),
    ("HM Inspector of Constabulary Zoe Billingham said the findings were of concern.",
     [_r("HM Inspector of Constabulary", HMI), _p("Zoe Billingham")], [_official("Zoe Billingham", HMI, "hmicfrs")]),
    # A police rank's title owned by the inspectorate is its head (dev13): a possessive noun or the inspectorate's name.
    ("Hertfordshire Police was praised. The inspectorate's Chief Inspector, Sir Rowland Teague, has written to ministers.",
     [("Hertfordshire Police", "FORCE", "hertfordshire"), _r("Chief Inspector", "other"), _p("Rowland Teague")],
     [_official("Rowland Teague", HMCIC, "hmicfrs")]),
    ("Kent Police was praised. Andy Cooke, the watchdog's chief inspector, said forces must do better.",
     [KENT, _p("Andy Cooke"), _r("chief inspector", "other")], [_official("Andy Cooke", HMCIC, "hmicfrs")]),
    ("Kent Police was praised. HMICFRS Chief Inspector Andy Cooke said forces must do better.",
     [KENT, ("HMICFRS", "INSPECTORATE", "hmicfrs"), _r("Chief Inspector", "other"), _p("Andy Cooke")],
     [_official("Andy Cooke", HMCIC, "hmicfrs")]),
    # ... but a force's own chief inspector is a rank in that force.
    ("Kent Police's Chief Inspector Jo Banks said the inspectorate was right.",
     [KENT, _r("Chief Inspector", "other"), _p("Jo Banks")], [_official("Jo Banks", "other", "kent")]),
    # ... but a name after a preposition with its title set off by commas is the title's (its control).
    ("Kent Police was inspected. We spoke to Rod Hansen, the chief constable, who said it was fair.",
     [KENT, _p("Rod Hansen"), _r("chief constable", "chief_constable")], [_official("Rod Hansen", "chief_constable", "kent")]),
    ("By Frances Ridley, Police and Crime Commissioner for Sussex", [_p("Frances Ridley"), _r("Police and Crime Commissioner", PCC)],
     [_official("Frances Ridley", PCC, "sussex")]),
    # A commissioner's place: before the title, or after "for".
    ("Wiltshire and Swindon Police and Crime Commissioner Angus Macpherson said it mattered.",
     [_r("Police and Crime Commissioner", PCC), _p("Angus Macpherson")], [_official("Angus Macpherson", PCC, "wiltshire")]),
    ("Norfolk PCC Lorne Green said it mattered.", [_r("PCC", PCC), _p("Lorne Green")], [_official("Lorne Green", PCC, "norfolk")]),
    ("Police and Crime Commissioner for Bedfordshire Kathryn Holloway said it mattered.",
     [_r("Police and Crime Commissioner", PCC), _p("Kathryn Holloway")], [_official("Kathryn Holloway", PCC, "bedfordshire")]),
    ("The Police and Crime Commissioner for Hampshire and the Isle of Wight, Claire Lavington, said so.",
     [_r("Police and Crime Commissioner", PCC), _p("Claire Lavington")], [_official("Claire Lavington", PCC, "hampshire")]),
    # A force next to the title.
    ("Leicestershire Ch Con Simon Cole said so.",
     [("Leicestershire", "FORCE", "leicestershire"), _r("Ch Con", "chief_constable"), _p("Simon Cole")],
     [_official("Simon Cole", "chief_constable", "leicestershire")]),
    ("Alan Pughsley, chief constable of Kent Police, welcomed the report.",
     [_p("Alan Pughsley"), _r("chief constable", "chief_constable"), KENT], [_official("Alan Pughsley", "chief_constable", "kent")]),
    # Else the force the text was about.
    ("Gloucestershire Constabulary was criticised. Responding to the report, chief constable Rod Hansen said it was a failure.",
     [("Gloucestershire Constabulary", "FORCE", "gloucestershire"), _r("chief constable", "chief_constable"), _p("Rod Hansen")],
     [_official("Rod Hansen", "chief_constable", "gloucestershire")]),
    ("Essex Police was inspected. Roger Hirst, who oversees the force as police, fire and crime commissioner, said he was pleased.",
     [("Essex Police", "FORCE", "essex"), _p("Roger Hirst"), _r("police, fire and crime commissioner", "police_fire_and_crime_commissioner")],
     [_official("Roger Hirst", "police_fire_and_crime_commissioner", "essex")]),
    # A role standing for one force's area.
    ("Deputy Mayor for Policing and Crime Sophie Linden said so.",
     [_r("Deputy Mayor for Policing and Crime", "deputy_mayor_for_policing_and_crime"), _p("Sophie Linden")],
     [_official("Sophie Linden", "deputy_mayor_for_policing_and_crime", "metropolitan")]),
    # A later mention by surname is the full name.
    ("Kent Police was inspected. Superintendent Jo Banks said it was good. Supt Banks added more.",
     [KENT, _r("Superintendent", "superintendent"), _p("Jo Banks"), _r("Supt", "superintendent"), _p("Banks")],
     [_official("Jo Banks", "superintendent", "kent"), _official("Jo Banks", "superintendent", "kent")]),
]

NOT_FOUND = [
    # A name in a phrase fronted before the subject the title opens (dev13).
    ("Surrey Police was inspected. In response to Mr Lund, the T/ACC confirmed the audit period.",
     [("Surrey Police", "FORCE", "surrey"), _p("Lund"), _r("T/ACC", "assistant_chief_constable")], "a fronted phrase's name"),
    ("Kent Police was inspected. Asked by Cllr Ann Lee, the chief constable said the figures were right.",
     [KENT, _p("Ann Lee"), _r("chief constable", "chief_constable")], "a fronted phrase's name"),
    ("Home Secretary Priti Patel said forces must record every crime.", [_r("Home Secretary", "other"), _p("Priti Patel")], "a minister"),
    ("Kent Police was inspected. Victims' Commissioner Vera Baird said so.",
     [KENT, _r("Victims' Commissioner", "other"), _p("Vera Baird")], "another commissioner"),
    ("A force spokesman said the force records crime properly.", [], "an unnamed spokesman"),
    ("Chief constable Rod Hansen said so.", [_r("Chief constable", "chief_constable"), _p("Rod Hansen")], "no force in view"),
    ("Kent Police was inspected. The chief constable said that Rod Hansen, a local man, was right.",
     [KENT, _r("chief constable", "chief_constable"), _p("Rod Hansen")], "a person not named by the title"),
]


@pytest.mark.parametrize(("text", "ents", "expected"), FOUND)
def test_officials_found(text: str, ents: list[Any], expected: list[dict[str, Any]]) -> None:
    assert fields(run(OfficialRule, build(text, ents=ents))) == expected


@pytest.mark.parametrize(("text", "ents", "why"), NOT_FOUND)
def test_not_officials(text: str, ents: list[Any], why: str) -> None:
    assert run(OfficialRule, build(text, ents=ents)) == [], why


def test_a_bare_title_gives_way_to_the_specific_office_of_the_same_person() -> None:
    text = "Kent Police was inspected. Chief Constable Alan Pughsley said so. Commissioner Alan Pughsley agreed."
    ents = [KENT, _r("Chief Constable", "chief_constable"), _p("Alan Pughsley"), _r("Commissioner", "other"), _p("Alan Pughsley")]
    assert fields(run(OfficialRule, build(text, ents=ents))) == [_official("Alan Pughsley", "chief_constable", "kent")]
    alone = "Kent Police was inspected. Commissioner Alan Pughsley agreed."
    assert fields(run(OfficialRule, build(alone, ents=[KENT, *ents[3:]]))) == [_official("Alan Pughsley", "other", "kent")]


def test_the_finding_carries_the_person_and_the_role() -> None:
    text = "HM Inspector of Constabulary Zoe Billingham said so."
    (finding,) = run(OfficialRule, build(text, ents=[_r("HM Inspector of Constabulary", HMI), _p("Zoe Billingham")]))
    assert [(text[s:e], label) for s, e, label in finding["entities"]] == [("Zoe Billingham", "PERSON"),
                                                                           ("HM Inspector of Constabulary", "ROLE")]
