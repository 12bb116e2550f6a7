"""Pairing predictions with gold: by id, else by text. The output of ``extract`` on a gold split's
articles, whatever ids it gives them, scores exactly as scoring with the gold's own ids does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import match_predictions, text_key
from tests.conftest import GOLD, ROOT

MODEL = str(ROOT / "models" / "hmicfrs")


def _gold(doc_id: str, text: str) -> dict[str, Any]:
    return {"id": doc_id, "text": text, "spans": [], "findings": []}


def test_id_first_then_exact_text_then_normalised_text() -> None:
    gold = [_gold("g1", "Kent Police."), _gold("g2", "Essex  Police\nsaid."), _gold("g3", "Surrey."),
            _gold("g4", "Dorset.")]
    preds = [{"id": "g1", "text": "Kent Police."}, {"id": "x2", "text": "Essex Police said."},
             {"id": "x3", "text": "Surrey."}, {"id": "x9", "text": "Not in gold."}]
    matching = match_predictions(gold, preds)
    assert matching.by_id == ["g1"] and matching.by_text == ["g2", "g3"] and matching.unmatched == ["g4"]
    assert matching.preds["g2"]["id"] == "x2" and matching.preds["g3"]["id"] == "x3"
    assert matching.describe() == ("4 gold documents: 1 matched to a prediction by id, 2 by text, 1 not at all")


def test_a_prediction_is_used_once_and_exact_text_wins_over_normalised() -> None:
    gold = [_gold("a", "Same text."), _gold("b", "Same text."), _gold("c", "Same  text.")]
    preds = [{"id": "p1", "text": "Same  text."}, {"id": "p2", "text": "Same text."}]
    matching = match_predictions(gold, preds)
    assert matching.preds["a"]["id"] == "p2"  # exact
    assert matching.preds["b"]["id"] == "p1"  # normalised: the exact one is taken
    assert matching.unmatched == ["c"]


def test_an_id_match_with_another_text_is_flagged() -> None:
    matching = match_predictions([_gold("g1", "Kent.")], [{"id": "g1", "text": "Essex."}])
    assert matching.by_id == ["g1"] and matching.text_differs == ["g1"]


def test_text_key_ignores_spacing_line_endings_and_unicode_form() -> None:
    assert text_key("Zoe\u0308 said\r\n  it.") == text_key("Zo\u00eb said it. ")
    assert text_key("Kent.") != text_key("Kent!")


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The seeds split three ways: the pipeline on the gold records (the gold's ids), and `extract`
    on the same texts written as .txt files (with sidecar dates) and as JSONL with other ids."""
    tmp = tmp_path_factory.mktemp("eval")
    gold_path = GOLD / "seeds.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    folder = tmp / "texts"
    folder.mkdir()
    for number, record in enumerate(gold):
        (folder / f"article-{number}.txt").write_text(record["text"], encoding="utf-8", newline="")
        if record.get("date"):
            (folder / f"article-{number}.meta.json").write_text(json.dumps({"date": record["date"]}), encoding="utf-8")
    lines = [json.dumps({"id": f"other-{n}", "text": r["text"], "date": r.get("date")}) for n, r in enumerate(gold)]
    (tmp / "texts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    runner = CliRunner()
    results: dict[str, Any] = {}
    for name, source in (("txt", folder), ("jsonl", tmp / "texts.jsonl")):
        pred = tmp / f"{name}.pred.jsonl"
        extracted = runner.invoke(app, ["extract", str(source), "-o", str(pred), "--model", MODEL])
        assert extracted.exit_code == 0, extracted.output
        assert not {json.loads(line)["id"] for line in pred.read_text().splitlines()} & {r["id"] for r in gold}
        result = runner.invoke(app, ["evaluate", str(gold_path), "--pred", str(pred), "--json", str(tmp / f"{name}.json")])
        assert result.exit_code == 0, result.output
        results[name] = (result, json.loads((tmp / f"{name}.json").read_text()))
    reference = runner.invoke(app, ["evaluate", str(gold_path), "--model", MODEL, "--json", str(tmp / "ref.json")])
    assert reference.exit_code == 0, reference.output
    results["reference"] = (reference, json.loads((tmp / "ref.json").read_text()))
    results["documents"] = len(gold)
    return results


@pytest.mark.parametrize("name", ["txt", "jsonl"])
def test_extract_output_with_other_ids_scores_as_the_gold_ids_do(scored: dict[str, Any], name: str) -> None:
    result, numbers = scored[name]
    reference_result, reference = scored["reference"]
    documents = scored["documents"]
    numbers = dict(numbers)
    assert numbers.pop("matching") == {"by_id": 0, "by_text": documents, "unmatched": 0}
    assert numbers == reference
    assert result.stdout == reference_result.stdout  # the printed tables too
    assert f"{documents} gold documents: 0 matched to a prediction by id, {documents} by text, 0 not at all" \
        in result.stderr
    assert numbers["findings"]["core"]["micro"]["f1"] > 0.9  # a real score, not the all-missed zero of id-only pairing


def test_make_runs_output_evaluated_scores_what_make_run_printed(tmp_path: Path) -> None:
    """`run` pairs its records with gold by source file; `evaluate --pred out/SPLIT.jsonl` must agree."""
    corpus = tmp_path / "corpus"
    (corpus / "articles" / "seeds").mkdir(parents=True)
    (corpus / "gold").mkdir()
    for article in sorted((ROOT / "corpus" / "articles" / "seeds").glob("*.txt")):
        (corpus / "articles" / "seeds" / article.name).write_bytes(article.read_bytes())
    (corpus / "gold" / "seeds.jsonl").write_bytes((GOLD / "seeds.jsonl").read_bytes())
    out = tmp_path / "out"
    runner = CliRunner()
    ran = runner.invoke(app, ["run", "--corpus", str(corpus), "--out", str(out), "--model", MODEL])
    assert ran.exit_code == 0, ran.output
    result = runner.invoke(app, ["evaluate", str(GOLD / "seeds.jsonl"), "--pred", str(out / "seeds.jsonl"),
                                 "--json", str(tmp_path / "scores.json")])
    assert result.exit_code == 0, result.output
    numbers = json.loads((tmp_path / "scores.json").read_text())
    assert numbers.pop("matching") == {"by_id": 0, "by_text": 5, "unmatched": 0}
    assert numbers == json.loads((out / "seeds.scores.json").read_text())
    assert result.stdout.strip() in ran.stdout  # the same tables as run printed
