"""The ``hmicfrs-extract`` command line: extract, evaluate, run, gold.

Exit codes: 0 success; 1 a fatal error (no pipeline, unreadable gold); 2 wrong usage;
3 the run finished but some input documents were reported bad and skipped.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from tqdm import tqdm

from pipeline import baselines
from pipeline.evaluate import score_entities, score_findings
from pipeline.extract import DEFAULT_MODEL, extract_records, load_pipeline
from pipeline.io import InputProblem, load_records, read_inputs, Article
from pipeline.kb.store import DEFAULT_STORE
from pipeline.kb.cli import kb_app, load_files
from pipeline.report import entity_table, error_listing, finding_table, summary

app = typer.Typer(add_completion=False, help="Extract facts from news coverage of HMICFRS crime-recording inspections.")
app.add_typer(kb_app, name="kb")
EXIT_SOME_BAD = 3


def _run_extraction(inputs: list[Path], out: Path, model: Path) -> tuple[list[dict[str, Any]], list[InputProblem]]:
    nlp = load_pipeline(model)
    records: list[dict[str, Any]] = []
    problems: list[InputProblem] = []
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    progress = tqdm(desc="extracting", unit="doc", disable=not sys.stderr.isatty(), file=sys.stderr)
    with tmp.open("w", encoding="utf-8") as handle, progress:
        for item in extract_records(nlp, read_inputs(inputs)):
            progress.update()
            if isinstance(item, InputProblem):
                problems.append(item)
                typer.echo(f"skipped {item.describe()}", err=True)
                continue
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
            records.append(item)
    tmp.replace(out)
    return records, problems


@app.command()
def extract(
    inputs: list[Path] = typer.Argument(..., help=".txt files, directories of them, or .jsonl files of {id, text, date?, source?}"),
    output: Path = typer.Option(..., "-o", "--output", help="where to write the SCHEMA §3 JSONL records"),
    model: Path = typer.Option(DEFAULT_MODEL, help="the built pipeline directory"),
    kb: bool = typer.Option(False, "--kb", help="also load the output into the knowledge base"),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help="the knowledge base directory (with --kb)"),
) -> None:
    """Tag entities and findings in every input document; bad documents are reported and skipped."""
    try:
        records, problems = _run_extraction(inputs, output, model)
    except FileNotFoundError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1) from None
    typer.echo(summary(records, len(problems)))
    typer.echo(f"wrote {output}")
    if kb and load_files([output], store):
        raise typer.Exit(EXIT_SOME_BAD)
    if problems:
        raise typer.Exit(EXIT_SOME_BAD)


def _predict_gold(gold: list[dict[str, Any]], model: Path) -> dict[str, dict[str, Any]]:
    nlp = load_pipeline(model)
    articles = [Article(r["id"], r["text"], r.get("date"), r.get("source") or r["id"]) for r in gold]
    preds = {}
    for item in extract_records(nlp, articles):
        if isinstance(item, InputProblem):
            typer.echo(f"pipeline failed: {item.describe()}", err=True)
        else:
            preds[item["id"]] = item
    return preds


def evaluation_report(gold: list[dict[str, Any]], preds: dict[str, dict[str, Any]], show_errors: bool) -> tuple[str, dict[str, Any]]:
    """The printable score tables (with baselines) and the same numbers as a dict."""
    ents = score_entities(gold, preds)
    finds = score_findings(gold, preds)
    base_ents = {name: score_entities(gold, {r["id"]: fn(r) for r in gold}) for name, fn in baselines.ENTITY_BASELINES.items()}
    base_finds = {name: score_findings(gold, {r["id"]: fn(r) for r in gold}) for name, fn in baselines.FINDING_BASELINES.items()}
    text = entity_table(ents, base_ents) + "\n\n" + finding_table(finds, base_finds)
    if show_errors:
        text += "\n\nerrors (- missed gold, + invented)\n" + error_listing(ents.errors, finds.errors)
    numbers = {
        "documents": len(gold),
        "entities": {"strict": ents.strict.as_dict(), "lenient": ents.lenient.as_dict(),
                     "baselines": {k: v.strict.as_dict() for k, v in base_ents.items()}},
        "findings": {"core": finds.core.as_dict(), "strict": finds.strict.as_dict(),
                     "attribute_accuracy": finds.attribute_accuracy,
                     "baselines": {k: v.core.as_dict() for k, v in base_finds.items()}},
    }
    return text, numbers


@app.command()
def evaluate(
    gold_files: list[Path] = typer.Argument(..., help="gold JSONL files (SCHEMA §3)"),
    pred: Optional[Path] = typer.Option(None, help="predictions JSONL; without it the pipeline runs on the gold texts"),
    model: Path = typer.Option(DEFAULT_MODEL, help="the built pipeline directory"),
    errors: bool = typer.Option(False, "--errors", help="list false positives and negatives per document"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="also write the scores as JSON here"),
) -> None:
    """Precision, recall and F1 for entities and findings, with baselines beside them."""
    gold = [r for path in gold_files for r in load_records(path)]
    preds = {r["id"]: r for r in load_records(pred)} if pred else _predict_gold(gold, model)
    text, numbers = evaluation_report(gold, preds, errors)
    typer.echo(text)
    if json_out:
        json_out.write_text(json.dumps(numbers, indent=1), encoding="utf-8")


@app.command()
def run(
    corpus: Path = typer.Option(Path("corpus"), help="the corpus folder (articles/ and gold/)"),
    out: Path = typer.Option(Path("out"), help="output folder"),
    model: Path = typer.Option(DEFAULT_MODEL, help="the built pipeline directory"),
    store: Optional[Path] = typer.Option(None, "--store", help="the knowledge base directory (default OUT/kb)"),
) -> None:
    """The main job: extract the bundled corpus into OUT, score it against its gold, load it into the knowledge base."""
    articles_dir = corpus / "articles"
    splits = sorted(p.name for p in articles_dir.iterdir() if p.is_dir())
    all_problems = 0
    for split in splits:
        records, problems = _run_extraction([articles_dir / split], out / f"{split}.jsonl", model)
        all_problems += len(problems)
        typer.echo(f"\n=== {split}: {out / (split + '.jsonl')}")
        typer.echo(summary(records, len(problems)))
        gold_path = corpus / "gold" / f"{split}.jsonl"
        if gold_path.exists():
            gold = load_records(gold_path)
            by_source = {r["source"]: r for r in records}
            preds = {g["id"]: {**by_source[g["source"]], "id": g["id"]} for g in gold if g["source"] in by_source}
            text, numbers = evaluation_report(gold, preds, show_errors=False)
            typer.echo(text)
            (out / f"{split}.scores.json").write_text(json.dumps(numbers, indent=1), encoding="utf-8")
    typer.echo("\n=== knowledge base: the facts with most sources")
    all_problems += len(load_files([out / f"{split}.jsonl" for split in splits], store or out / "kb", show=5))
    if all_problems:
        raise typer.Exit(EXIT_SOME_BAD)


@app.command()
def gold(
    splits: list[str] = typer.Argument(None, help="splits to build (default: all)"),
    corpus: Path = typer.Option(Path("corpus"), help="the corpus folder"),
) -> None:
    """Build corpus/gold/<split>.jsonl from the annotation sources, validating every span."""
    from pipeline.gold import main as gold_main

    raise typer.Exit(gold_main(["--corpus", str(corpus), *(splits or [])]))


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
