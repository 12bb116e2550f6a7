"""Golden files for whole documents: on the five real seed articles the pipeline's entities must
equal the hand-written gold exactly (the gold was written by reading, before the rules)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from pipeline.extract import doc_to_record, make_doc
from pipeline.io import Article


@pytest.mark.parametrize("index", range(5))
def test_seed_entities_equal_gold(nlp: Language, gold_splits: dict[str, list[dict[str, Any]]], index: int) -> None:
    gold = gold_splits["seeds"][index]
    doc = nlp(make_doc(nlp, Article(gold["id"], gold["text"], gold["date"], gold["source"])))
    predicted = [(s["start"], s["end"], s["label"]) for s in doc_to_record(doc)["spans"]]
    expected = [(s["start"], s["end"], s["label"]) for s in sorted(gold["spans"], key=lambda s: s["start"])]
    missing = [gold["text"][s:e] + f" {lab}" for s, e, lab in set(expected) - set(predicted)]
    extra = [gold["text"][s:e] + f" {lab}" for s, e, lab in set(predicted) - set(expected)]
    assert predicted == expected, f"missing {missing}, extra {extra}"
