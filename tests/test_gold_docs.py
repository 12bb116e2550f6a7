"""Gold as spaCy reference Docs, and ``nlp.evaluate`` / ``spacy evaluate`` agreeing with the project's scorer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.cli.evaluate import evaluate as spacy_evaluate
from spacy.language import Language
from spacy.tokens import DocBin
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.gold_docs import doc_bin, examples, reference_doc, reference_docs, write_split
from tests.conftest import GOLD, ROOT, SPLITS

MODEL = ROOT / "models" / "hmicfrs"


def test_reference_docs_hold_the_gold_exactly(nlp: Language, gold_splits: dict[str, list[dict[str, Any]]]) -> None:
    for split in SPLITS:
        for record in gold_splits[split]:
            doc, _ = reference_doc(nlp, record)
            spans = {(s["start"], s["end"], s["label"]) for s in record["spans"]}
            assert {(e.start_char, e.end_char, e.label_) for e in doc.ents} == spans, record["id"]
            assert doc.text == nlp.make_doc(record["text"]).text
            assert doc._.findings == record["findings"]
            assert doc._.article_date == record["date"] and doc._.doc_id == record["id"]


def test_no_gold_span_in_the_corpus_splits_a_token(nlp: Language, gold_splits: dict[str, list[dict[str, Any]]]) -> None:
    """Every gold span starts and ends on a token boundary: the reference docs are tokenised as the pipeline's.
    (dev4-502's COUNT "8" in "Comments (8)" did not, while spaCy kept the emoticon "8)" whole.)"""
    total = 0
    for split in SPLITS:
        docs, alignment = reference_docs(nlp, gold_splits[split])
        total += alignment.spans
        for doc, record in zip(docs, gold_splits[split]):
            assert [t.text for t in doc] == [t.text for t in nlp.make_doc(record["text"])]
        assert alignment.split_spans == [], split
    assert total == 15025  # the six splits after the 2026-12-06 re-checks (3,122 spans), dev5 (1,198), dev6 (988), dev7 (1,146), dev8 (997), dev9 (1,093), dev10 (1,093), dev11 (1,385), dev12 (1,434), dev13 (1,393) and dev14 (1,176)


def test_doc_bin_keeps_the_gold(nlp: Language, gold_splits: dict[str, list[dict[str, Any]]]) -> None:
    docs, _ = reference_docs(nlp, gold_splits["dev2"])
    restored = list(DocBin().from_bytes(doc_bin(docs).to_bytes()).get_docs(nlp.vocab))
    for doc, back in zip(docs, restored, strict=True):
        assert [(e.start_char, e.end_char, e.label_) for e in back.ents] == [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        # DocBin reads user data back with use_list=False (its keys are tuples): the findings come back a tuple.
        assert list(back._.findings) == doc._.findings and back._.article_date == doc._.article_date


def _project_scores(split: str, tmp_path: Path) -> dict[str, Any]:
    """What ``hmicfrs-extract evaluate`` reports for a split (its --json)."""
    out = tmp_path / f"{split}.project.json"
    result = CliRunner().invoke(app, ["evaluate", str(GOLD / f"{split}.jsonl"), "--model", str(MODEL), "--json", str(out)])
    assert result.exit_code == 0, result.output
    import json

    return json.loads(out.read_text(encoding="utf-8"))


def _same(spacy_score: float, project_score: dict[str, Any]) -> bool:
    """The project's scorer rounds to four places; spaCy's PRF adds 1e-100 to its denominators."""
    return round(spacy_score, 4) == project_score["f1"]


@pytest.mark.parametrize("split", ["seeds", "dev6", "dev5"])
def test_nlp_evaluate_and_spacy_evaluate_give_the_projects_scores(
    nlp: Language, gold_splits: dict[str, list[dict[str, Any]]], split: str, tmp_path: Path
) -> None:
    project = _project_scores(split, tmp_path)
    ents, core, strict = (project["entities"]["strict"], project["findings"]["core"], project["findings"]["strict"])
    scores = nlp.evaluate(examples(nlp, gold_splits[split]))
    path, _, _ = write_split(nlp, GOLD / f"{split}.jsonl", tmp_path)
    cli = spacy_evaluate(str(MODEL), path, per_component=True)
    for got in (scores, cli["entity_resolver"] | cli["finding_linker"]):
        assert _same(got["ents_f"], ents["micro"]) and _same(got["ents_p"], ents["micro"] | {"f1": ents["micro"]["p"]})
        assert _same(got["findings_core_f"], core["micro"]) and _same(got["findings_strict_f"], strict["micro"])
        for label, prf in ents["per_label"].items():
            if prf["tp"] + prf["fp"] + prf["fn"]:
                assert _same(got["ents_per_type"][label]["f"], prf), label
        for ftype, prf in core["per_label"].items():
            assert _same(got["findings_per_type"][ftype]["f"], prf), ftype
    if split == "seeds":
        assert scores["ents_f"] == pytest.approx(1.0) and scores["findings_core_f"] == pytest.approx(1.0)
    else:  # a split with errors of both kinds
        assert ents["micro"]["f1"] < 1.0 and core["micro"]["f1"] < 1.0
