"""Shared fixtures: the built pipeline (``make test`` builds it first) and the gold splits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from pipeline.extract import load_pipeline
from pipeline.io import load_records

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold"
SPLITS = ("seeds", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "test")


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline(ROOT / "models" / "hmicfrs")


@pytest.fixture(scope="session")
def gold_splits() -> dict[str, list[dict[str, Any]]]:
    return {split: load_records(GOLD / f"{split}.jsonl") for split in SPLITS}


def entities(nlp: Language, text: str, date: str | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    doc = nlp.make_doc(text)
    doc._.article_date = date
    doc = nlp(doc)
    text = doc._.raw_text or doc.text
    return [(ent.label_, text[ent.start_char : ent.end_char], ent._.norm) for ent in doc.ents]
