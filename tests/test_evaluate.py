"""The scorer follows SCHEMA §4: strict and lenient entities, finding core tuples with the ±0.05
tolerance on rates, sets per document, attribute accuracy over matched pairs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import score_entities, score_findings

TEXT = "Kent Police recorded 90.9 per cent of crimes in 2017."
GOLD = {
    "id": "d1", "text": TEXT,
    "spans": [{"start": 0, "end": 11, "label": "FORCE", "text": "Kent Police"},
              {"start": 21, "end": 34, "label": "PERCENT", "text": "90.9 per cent"},
              {"start": 48, "end": 52, "label": "DATE", "text": "2017"}],
    "findings": [
        {"type": "recording_rate", "force": "kent", "crime_type": "all_crime", "value": 90.9, "qualifier": "exact", "year": 2017},
        {"type": "recording_rate", "force": "kent", "crime_type": "all_crime", "value": 90.9, "qualifier": "exact", "year": 2017},
        {"type": "grade", "force": "kent", "area": "crime_data_integrity", "grade": "good", "year": 2017},
    ],
}


def _pred(spans: list[dict[str, Any]], findings: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {"d1": {"id": "d1", "spans": spans, "findings": findings}}


def test_strict_and_lenient_entities() -> None:
    pred = _pred([{"start": 0, "end": 4, "label": "FORCE"}, {"start": 21, "end": 34, "label": "PERCENT"},
                  {"start": 48, "end": 52, "label": "COUNT"}], [])
    report = score_entities([GOLD], pred)
    assert (report.strict.micro.tp, report.strict.micro.fp, report.strict.micro.fn) == (1, 2, 2)
    assert report.lenient.per_label["FORCE"].tp == 1  # "Kent" overlaps "Kent Police"
    assert report.strict.per_label["FORCE"].tp == 0
    assert report.errors["d1"]["false_negatives"][0][3] == "Kent Police"


def test_findings_core_tolerance_sets_and_attributes() -> None:
    pred = _pred([], [
        {"type": "recording_rate", "force": "kent", "crime_type": "all_crime", "value": 90.94, "qualifier": "approx", "year": 2017},
        {"type": "grade", "force": "kent", "area": "crime_data_integrity", "grade": "inadequate", "year": 2017},
    ])
    report = score_findings([GOLD], pred)
    rate, grade = report.core.per_label["recording_rate"], report.core.per_label["grade"]
    assert (rate.tp, rate.fp, rate.fn) == (1, 0, 0)  # within 0.05; the gold duplicate counts once
    assert (grade.tp, grade.fp, grade.fn) == (0, 1, 1)
    assert report.attribute_accuracy["qualifier"] == {"accuracy": 0.0, "n": 1}
    assert report.attribute_accuracy["year"] == {"accuracy": 1.0, "n": 1}
    assert report.strict.per_label["recording_rate"].tp == 0  # the qualifier differs
    off = score_findings([GOLD], _pred([], [dict(GOLD["findings"][0], value=90.8)]))
    assert off.core.per_label["recording_rate"].tp == 0  # 0.1 away is another value


def test_evaluate_command_on_predictions_equal_to_gold(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    scores = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--pred", str(gold), "--json", str(scores)])
    assert result.exit_code == 0, result.output
    numbers = json.loads(scores.read_text(encoding="utf-8"))
    assert numbers["entities"]["strict"]["micro"]["f1"] == 1.0
    assert numbers["findings"]["core"]["micro"]["f1"] == 1.0
    assert numbers["findings"]["strict"]["micro"]["f1"] == 1.0
