"""``rules/recording_rate.py``: a PERCENT said of recording (or of not recording, converted with its hedge
flipped), of one force; what a figure test rules out gives nothing."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.linking.rules.recording_rate import RecordingRateRule

from .builders import build, fields, num, pct, run, year

RR = "recording_rate"
KENT = ("Kent Police", "FORCE", "kent")


def _rate(force: str, value: float, qualifier: str = "exact", crime_type: str = "all_crime", year: int | None = 2023) -> dict[str, Any]:
    return {"type": RR, "force": force, "crime_type": crime_type, "value": value, "qualifier": qualifier, "year": year}


FOUND = [
    ("Kent Police records around 76 per cent of crimes.", [KENT, ("around 76 per cent", "PERCENT", pct(76.0, "approx"))],
     [_rate("kent", 76.0, "approx")]),
    # Not recording: converted, and the hedge flipped.
    ("Leicestershire Police is failing to record almost one in four crimes reported to it.",
     [("Leicestershire Police", "FORCE", "leicestershire"), ("almost one in four", "PERCENT", pct(25.0, "less_than", "ratio"))],
     [_rate("leicestershire", 75.0, "more_than")]),
    # A hedged figure with its precise form in brackets: the precise one.
    ("Hertfordshire Constabulary fails to record nearly one in five (19.6%) of crimes.",
     [("Hertfordshire Constabulary", "FORCE", "hertfordshire"), ("nearly one in five", "PERCENT", pct(20.0, "less_than", "ratio")),
      ("19.6%", "PERCENT", pct(19.6))],
     [_rate("hertfordshire", 80.4)]),
    # The crime type and the force of the sentence before.
    ("Wiltshire Police was inspected. Violent crimes were under-reported by 12.3 per cent.",
     [("Wiltshire Police", "FORCE", "wiltshire"), ("Violent crimes", "CRIME_TYPE", "violence"), ("12.3 per cent", "PERCENT", pct(12.3))],
     [_rate("wiltshire", 87.7, crime_type="violence")]),
    # A large share beside another clause's "not recorded" is the recorded share.
    ("Crimes that went unrecorded were few: Kent Police was at 90.8 per cent.", [KENT, ("90.8 per cent", "PERCENT", pct(90.8))],
     [_rate("kent", 90.8)]),
    # A small share said of recording is the unrecorded share.
    ("Kent Police recorded crimes wrongly in 8 per cent of cases.", [KENT, ("8 per cent", "PERCENT", pct(8.0))],
     [_rate("kent", 92.0)]),
    # A date governing the figure.
    ("In 2018, Kent Police recorded 84.1% of reported crime, up 8.3% from the previous year.",
     [("2018", "DATE", year(2018)), KENT, ("84.1%", "PERCENT", pct(84.1)), ("8.3%", "PERCENT", pct(8.3))],
     [_rate("kent", 84.1, year=2018)]),
    # An estimate framing an exact figure.
    ("Inspectors estimate Kent Police records 91 per cent of crimes.", [KENT, ("91 per cent", "PERCENT", pct(91.0))],
     [_rate("kent", 91.0, "approx")]),
    ("Cumbria and Lancashire recorded 92.1 per cent and 88.4 per cent of crimes respectively.",
     [("Cumbria", "FORCE", "cumbria"), ("Lancashire", "FORCE", "lancashire"), ("92.1 per cent", "PERCENT", pct(92.1)),
      ("88.4 per cent", "PERCENT", pct(88.4))],
     [_rate("cumbria", 92.1), _rate("lancashire", 88.4)]),
]

# Each with a control (None: none fits): the same entities in phrasing that differs in the one thing said.
NOT_FOUND = [
    ("Kent Police recorded more crime, up 8.3% from the previous year.", "Kent Police recorded 8.3% from the previous year.",
     [KENT, ("8.3%", "PERCENT", pct(8.3))], "a change"),
    ("Kent Police was inspected. About 60 per cent of the crimes recorded were violent offences.",
     "Kent Police was inspected. About 60 per cent of the crimes were recorded.",
     [KENT, ("About 60 per cent", "PERCENT", pct(60.0, "approx"))], "a share of what the records hold"),
    ("Kent Police was inspected. Some 12 per cent of victims were not told.",
     "Kent Police was inspected. Some 12 per cent of crimes were not recorded.",
     [KENT, ("12 per cent", "PERCENT", pct(12.0))], "victims, not crimes"),
    ("Kent Police fails to record about 9,000 crimes, around a third of which are violent.",
     "Kent Police fails to record about 9,000 crimes, around a third of the total.",
     [KENT, ("about 9,000", "COUNT", num(9000, "approx")), ("around a third", "PERCENT", pct(33.3, "approx", "fraction"))],
     "a share of another figure"),
    ("Kent Police was inspected. The average recording rate was 83 per cent.",
     "Kent Police was inspected. The recording rate was 83 per cent.",
     [KENT, ("83 per cent", "PERCENT", pct(83.0))], "a general figure"),
    ("Kent Police charged or summonsed offenders in 5.1% of recorded crimes.", "Kent Police failed to record 5.1% of crimes.",
     [KENT, ("5.1%", "PERCENT", pct(5.1))], "another measure"),
    ("Kent Police: 76 per cent.", "Kent Police: 76 per cent recorded.", [KENT, ("76 per cent", "PERCENT", pct(76.0))],
     "neither recording nor not recording said"),
    ("The force records 76 per cent of crimes.", None, [("76 per cent", "PERCENT", pct(76.0))], "no force in view"),
    ("Kent Police records 176 per cent of crimes.", None, [KENT, ("176 per cent", "PERCENT", pct(176.0))], "not a share"),
    ("Kent Police records 76 per cent of crimes.", None,
     [KENT, ("76 per cent", "PERCENT", {"qualifier": "exact", "form": "percent"})], "no value"),
    ("Kent Police records 7,600 crimes.", None, [KENT, ("7,600", "COUNT", num(7600))], "a count"),
]


@pytest.mark.parametrize(("text", "ents", "expected"), FOUND)
def test_recording_rates_found(text: str, ents: list[Any], expected: list[dict[str, Any]]) -> None:
    assert fields(run(RecordingRateRule, build(text, ents=ents, date="2023-06-15"))) == expected


@pytest.mark.parametrize(("text", "control", "ents", "why"), NOT_FOUND)
def test_not_recording_rates(text: str, control: str | None, ents: list[Any], why: str) -> None:
    assert run(RecordingRateRule, build(text, ents=ents, date="2023-06-15")) == [], why
    if control is not None:
        assert len(run(RecordingRateRule, build(control, ents=ents, date="2023-06-15"))) == 1, f"the control of: {why}"


def test_a_national_sentence_gives_no_rate() -> None:
    # (no national frame before the figure, so that only the sentence's national flag rules it out)
    text = "Kent Police was inspected. Forces across the country recorded 81 per cent of crimes."
    ents = [KENT, ("81 per cent", "PERCENT", pct(81.0))]
    assert run(RecordingRateRule, build(text, ents=ents)) == []
    not_national = build(text, ents=ents, sentences=lambda records: records[1].update(national=False))
    assert fields(run(RecordingRateRule, not_national)) == [_rate("kent", 81.0, year=None)]


def test_a_rate_ranked_in_its_region_is_the_forces_own() -> None:
    text = "Bedfordshire Police had the lowest recording rate in the region, at 78 per cent."
    ents = [("Bedfordshire Police", "FORCE", "bedfordshire"), ("78 per cent", "PERCENT", pct(78.0))]
    assert fields(run(RecordingRateRule, build(text, ents=ents, date="2014-11-18"))) == [_rate("bedfordshire", 78.0, year=2014)]


def test_the_finding_carries_its_sentence_and_its_figure() -> None:
    text = "Kent Police was inspected. In total 81.6 per cent of all crimes were recorded."
    (finding,) = run(RecordingRateRule, build(text, ents=[KENT, ("81.6 per cent", "PERCENT", pct(81.6))]))
    assert text[finding["evidence"]["start"] : finding["evidence"]["end"]] == "In total 81.6 per cent of all crimes were recorded."
    assert finding["entities"] == [[text.index("81.6"), text.index(" of all"), "PERCENT"]]
    assert list(finding) == ["type", "force", "crime_type", "value", "qualifier", "year", "evidence", "entities"]
