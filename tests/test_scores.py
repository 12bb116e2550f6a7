"""Scores on the gold splits may only rise: each is pinned to the committed floor in score_floor.json.

This is where a regression in any rule shows up. The floor is raised by hand when
the pipeline improves; it is never lowered to make a change pass.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from spacy.language import Language

from pipeline.cli import evaluation_report
from pipeline.extract import extract_records
from pipeline.io import Article
from tests.conftest import ROOT, SPLITS

FLOOR = json.loads((ROOT / "tests" / "score_floor.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def numbers(nlp: Language, gold_splits: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    out = {}
    for split in SPLITS:
        gold = gold_splits[split]
        articles = [Article(r["id"], r["text"], r["date"], r["source"]) for r in gold]
        preds = {r["id"]: r for r in extract_records(nlp, articles) if isinstance(r, dict)}
        assert len(preds) == len(gold), "the pipeline failed on a gold document"
        out[split] = evaluation_report(gold, preds, show_errors=False)[1]
    return out


@pytest.mark.parametrize("split", SPLITS)
def test_entity_scores_do_not_fall_below_the_floor(numbers: dict[str, dict[str, Any]], split: str) -> None:
    floor = FLOOR[split]
    got = numbers[split]["entities"]
    assert got["strict"]["micro"]["f1"] >= floor["entities_strict_f1"]
    for label, f1 in floor["entities_strict_f1_per_label"].items():
        assert got["strict"]["per_label"][label]["f1"] >= f1, label


@pytest.mark.parametrize("split", SPLITS)
def test_finding_scores_do_not_fall_below_the_floor(numbers: dict[str, dict[str, Any]], split: str) -> None:
    floor = FLOOR[split]
    got = numbers[split]["findings"]
    assert got["core"]["micro"]["f1"] >= floor["findings_core_f1"]
    assert got["strict"]["micro"]["f1"] >= floor["findings_strict_f1"]
    for ftype, f1 in floor["findings_core_f1_per_type"].items():
        assert got["core"]["per_label"][ftype]["f1"] >= f1, ftype


@pytest.mark.parametrize("split", SPLITS)
def test_pipeline_beats_the_baselines(numbers: dict[str, dict[str, Any]], split: str) -> None:
    got = numbers[split]["entities"]
    for baseline in got["baselines"].values():
        assert got["strict"]["micro"]["f1"] > baseline["micro"]["f1"] + 0.2
    found = numbers[split]["findings"]
    for baseline in found["baselines"].values():
        assert found["core"]["micro"]["f1"] > baseline["micro"]["f1"] + 0.2
