"""The gold itself: every file builds from its sources, obeys the contract, and the splits are disjoint."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.gold import GoldError, build_record, build_split, resolve_span, validate_record
from pipeline.schema import marker_date
from tests.conftest import ROOT, SPLITS

CORPUS = ROOT / "corpus"


@pytest.mark.parametrize("split", SPLITS)
def test_built_gold_matches_its_sources(split: str, tmp_path: Path) -> None:
    rebuilt = tmp_path / f"{split}.jsonl"
    count = build_split(CORPUS / "annotations" / split, CORPUS / "articles", rebuilt)
    committed = (CORPUS / "gold" / f"{split}.jsonl").read_text(encoding="utf-8")
    assert count > 0
    assert rebuilt.read_text(encoding="utf-8") == committed, "run `make gold` after editing annotations"


def test_every_record_is_valid_and_dated_by_its_marker(gold_splits: dict[str, list[dict[str, Any]]]) -> None:
    for records in gold_splits.values():
        for record in records:
            validate_record(record)
            assert record["date"] == marker_date(record["text"])


def test_splits_are_disjoint_and_sized(gold_splits: dict[str, list[dict[str, Any]]]) -> None:
    ids = [r["id"] for records in gold_splits.values() for r in records]
    texts = [r["text"] for records in gold_splits.values() for r in records]
    assert len(ids) == len(set(ids)) and len(texts) == len(set(texts))
    assert len(gold_splits["seeds"]) == 5
    assert len(gold_splits["dev"]) + len(gold_splits["dev2"]) + len(gold_splits["dev3"]) + len(gold_splits["test"]) >= 30


def test_seed_articles_are_the_shared_seeds_byte_for_byte() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("shared/seeds not beside the checkout")
    for path in sorted(shared.glob("*.txt")):
        assert (CORPUS / "articles" / "seeds" / path.name).read_bytes() == path.read_bytes()


def test_written_set_covers_every_territorial_force(gold_splits: dict[str, list[dict[str, Any]]]) -> None:
    from pipeline.schema import TERRITORIAL_FORCES

    tagged = set()
    for split in ("dev", "dev2", "dev3", "test"):
        for record in gold_splits[split]:
            tagged |= {f.get("force") for f in record["findings"]} | {f.get("organisation") for f in record["findings"]}
    assert set(TERRITORIAL_FORCES) <= tagged | _forces_named(gold_splits)


def _forces_named(gold_splits: dict[str, list[dict[str, Any]]]) -> set[str]:
    from pipeline.resources import load_json

    names: dict[str, str] = {}
    for force in load_json("forces.json")["forces"]:
        for place in force["places"]:
            names[place.lower()] = force["id"]
    found = set()
    for split in ("dev", "dev2", "dev3", "test"):
        for record in gold_splits[split]:
            for span in record["spans"]:
                if span["label"] == "FORCE":
                    text = span["text"].lower()
                    found |= {fid for place, fid in names.items() if place in text}
    return found


def test_resolve_span_in_reading_order() -> None:
    text = "Leicestershire Police failed. Leicestershire was the worst in Leicestershire."
    assert resolve_span(text, "Leicestershire Police", 0) == (0, 21)
    assert resolve_span(text, "[Leicestershire] was", 21) == (30, 44)
    with pytest.raises(GoldError):
        resolve_span(text, "Leicestershire Police", 22)  # out of order
    with pytest.raises(GoldError):
        resolve_span(text, "Leicester", 0)  # not on a word boundary


def test_build_record_rejects_contract_violations(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2017-09-07 Kent Police.", encoding="utf-8")
    source = {"id": "x", "article": "a.txt", "date": "2017-09-07", "spans": [["Kent Police", "FORCE"]], "findings": []}
    assert build_record(source, tmp_path)["spans"][0]["start"] == 17
    for bad in (
        {**source, "date": None},
        {**source, "spans": [["Kent Police", "ORG"]]},
        {**source, "findings": [{"type": "grade", "force": "kent", "area": "crime_data_integrity", "grade": "meh", "year": 2017}]},
        {**source, "findings": [{"type": "audit_sample", "force": "kent", "crime_type": "rape", "recorded": 9, "total": 5, "year": None}]},
    ):
        with pytest.raises(GoldError):
            build_record(json.loads(json.dumps(bad)), tmp_path)
