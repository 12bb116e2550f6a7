"""A new finding type needs its description and nothing else in gold, evaluate, report or kb/.

A toy ``charge_rate`` (the share of recorded crimes that led to a charge) is registered for each
test by a fixture and removed after it; gold validation, scoring per type, the score tables, and a
knowledge-base load, consolidation and export of records holding such findings all take it in
with no code changed anywhere else.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Mapping

import pytest

from pipeline.evaluate import score_findings
from pipeline.finding_types import CRIME_TYPE, FORCE, QUALIFIER, RATE_VALUE, REGISTRY, YEAR, FindingType
from pipeline.gold import GoldError, validate_record
from pipeline.kb import KnowledgeBase
from pipeline.report import count_summary, finding_table

WHEN = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def _charge_value(fields: Mapping[str, Any]) -> str:
    return f"{float(fields['value']):.1f}%"


CHARGE_RATE = FindingType(
    name="charge_rate",
    fields=(FORCE, CRIME_TYPE, RATE_VALUE, QUALIFIER, YEAR),
    core=("force", "crime_type", "value"),
    strict=("year", "qualifier"),
    consolidation_key=("force", "crime_type"),
    compared_value=_charge_value,
    rdf_class="ChargeRate",
    rdf_label="charge rate",
    rdf_comment="The percentage of recorded crimes (of a crime type) that led to a charge: hx:value 0-100.",
)


@pytest.fixture()
def charge_rate() -> Iterator[FindingType]:
    with REGISTRY.registered(CHARGE_RATE) as description:
        yield description
    assert "charge_rate" not in REGISTRY


def charge(value: float, qualifier: str, **extra: Any) -> dict[str, Any]:
    return {"type": "charge_rate", "force": "kent", "crime_type": "all_crime", "value": value,
            "qualifier": qualifier, "year": 2019, **extra}


def article(article_id: str, date: str, value: float, qualifier: str, by_inspectorate: bool) -> dict[str, Any]:
    """An article stating Kent's 2019 charge rate (and its recording rate), attributed or not to HMICFRS."""
    who = "HMICFRS said" if by_inspectorate else "A councillor said"
    text = f"Kent Police was inspected in 2019. {who} Kent charged {value} per cent of crimes and recorded 90.1%."
    start = text.index(who)
    spans = [{"start": 0, "end": 11, "label": "FORCE", "text": "Kent Police", "id": "kent"}]
    if by_inspectorate:
        spans.append({"start": start, "end": start + 7, "label": "INSPECTORATE", "text": "HMICFRS", "id": "hmicfrs"})
    evidence = {"evidence": {"start": start, "end": len(text)}}
    rate = {"type": "recording_rate", "force": "kent", "crime_type": "all_crime", "value": 90.1, "qualifier": "exact",
            "year": 2019, **evidence}
    return {"id": article_id, "source": f"{article_id}.txt", "date": date, "text": text, "spans": spans,
            "findings": [charge(value, qualifier, **evidence), rate]}


def test_gold_validation_takes_the_new_type(charge_rate: FindingType) -> None:
    record = article("kent-a", "2019-03-01", 7.2, "exact", True)
    validate_record(record)
    for bad in (charge(120.0, "exact"), charge(7.2, "roughly"), charge(7.2, "exact", force="atlantis"),
                {k: v for k, v in charge(7.2, "exact").items() if k != "qualifier"}):
        with pytest.raises(GoldError):
            validate_record({**record, "findings": [bad]})


def test_scores_and_tables_have_the_new_type(charge_rate: FindingType) -> None:
    gold = {"id": "d", "text": "", "spans": [],
            "findings": [charge(7.2, "exact"), charge(30.0, "exact", force="gwent")]}
    pred = {"d": {"id": "d", "spans": [], "findings": [charge(7.24, "approx"), charge(12.0, "exact")]}}
    report = score_findings([gold], pred)
    core, strict = report.core.per_label["charge_rate"], report.strict.per_label["charge_rate"]
    assert (core.tp, core.fp, core.fn) == (1, 1, 1)  # 7.24 is within the rate tolerance of 7.2
    assert strict.tp == 0  # the qualifier differs
    assert report.attribute_accuracy["qualifier"] == {"accuracy": 0.0, "n": 1}
    assert report.attribute_accuracy["year"] == {"accuracy": 1.0, "n": 1}
    assert "charge_rate (2)" in finding_table(report, {})
    assert "charge_rate 3" in count_summary(1, 0, {}, {"charge_rate": 3})


def test_the_knowledge_base_loads_consolidates_and_exports_the_new_type(charge_rate: FindingType,
                                                                        tmp_path: Path) -> None:
    kb = KnowledgeBase(None)
    load = kb.load_records([article("kent-a", "2019-03-01", 7.2, "exact", True),
                            article("kent-b", "2019-06-01", 7.0, "approx", False)], extracted_at=WHEN)
    assert load.problems == [] and load.findings == 4

    [fact] = [f for f in kb.consolidated() if f.type == "charge_rate"]
    assert fact.key == ("charge_rate", "kent", "all_crime", "2019")
    assert fact.conflict and fact.preferred_value == "7.2%" and fact.reason == "exact figure over a hedged one"
    assert fact.describe().startswith("kent 2019 charge_rate all_crime: 7.2% (exact) CONFLICT [7.2% x1 | 7.0% x1]")
    assert [f for f in kb.consolidated() if f.type == "recording_rate"][0].preferred_value == "90.1"

    rows = kb.force_facts("kent").as_dicts()
    assert {(r["type"], r["year"], r["detail"], r["value"]) for r in rows} >= {("charge_rate", "2019", "all_crime", "7.2%")}

    kb.export("csv", tmp_path / "facts.csv")
    table = csv.DictReader(io.StringIO((tmp_path / "facts.csv").read_text()))
    [row] = [r for r in table if r["type"] == "charge_rate"]
    assert (row["force"], row["year"], row["crime_type"], row["preferred_value"], row["qualifier"]) == (
        "kent", "2019", "all_crime", "7.2%", "exact")

    kb.export("jsonl", tmp_path / "facts.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "facts.jsonl").read_text().splitlines()]
    [line] = [x for x in lines if x["type"] == "charge_rate"]
    assert line["preferred"] == {"force": "kent", "year": 2019, "crime_type": "all_crime", "value": 7.2,
                                 "qualifier": "exact"}
    assert [m["fields"]["value"] for m in line["mentions"]] == [7.2, 7.0]

    kb.export("nquads", tmp_path / "kb.nq")
    assert "<https://w3id.org/hmicfrs-extract/vocab#ChargeRate>" in (tmp_path / "kb.nq").read_text()


def test_the_vocabulary_declares_the_new_class_from_its_description(charge_rate: FindingType) -> None:
    kb = KnowledgeBase(None)
    kb.load_records([article("kent-a", "2019-03-01", 7.2, "exact", True)], extracted_at=WHEN)
    declared = {r[0]: r[1] for r in kb.table(
        "SELECT ?t ?l WHERE { GRAPH graph:vocabulary { ?t rdfs:label ?l ; rdfs:comment ?c } }").rows}
    used = {r[0] for r in kb.table(
        "SELECT DISTINCT ?t WHERE { GRAPH ?g { { ?s ?t ?o } UNION { ?s a ?t } } "
        "FILTER(?g != graph:vocabulary && STRSTARTS(STR(?t), STR(hx:))) }").rows}
    assert declared["hx:ChargeRate"] == "charge rate" and used <= set(declared), used - set(declared)
    [[comment]] = kb.table("SELECT ?c WHERE { GRAPH graph:vocabulary { hx:findingType rdfs:comment ?c } }").rows
    assert comment.endswith("grade, official or charge_rate.")
    [[parent]] = kb.table("SELECT ?p WHERE { GRAPH graph:vocabulary { hx:ChargeRate rdfs:subClassOf ?p } }").rows
    assert parent == "hx:Finding"


def test_a_store_holding_a_type_no_longer_described_still_answers() -> None:
    kb = KnowledgeBase(None)
    with REGISTRY.registered(CHARGE_RATE):
        kb.load_records([article("kent-a", "2019-03-01", 7.2, "exact", True)], extracted_at=WHEN)
    assert kb.counts()["findings"] == 2
    facts = kb.consolidated()  # written by a version that knew charge_rate; this one leaves it out
    assert [f.type for f in facts] == ["recording_rate"]
