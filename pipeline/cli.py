"""The ``hmicfrs-extract`` command line: extract, evaluate, run, gold.

Exit codes: 0 success; 1 a fatal error (no pipeline, unreadable gold, no Dask cluster);
2 wrong usage; 3 the run finished but some input documents were reported bad and skipped
(quarantined).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from pipeline import baselines
from pipeline.batch.engine import BatchOptions, RunCounts, check_model, open_sink, run_batch
from pipeline.evaluate import score_entities, score_findings
from pipeline.extract import DEFAULT_MODEL, extract_records, load_pipeline
from pipeline.io import DEFAULT_MAX_CHARS, InputProblem, load_records, Article
from pipeline.kb.cli import kb_app, load_files
from pipeline.kb.store import DEFAULT_STORE
from pipeline.report import count_summary, entity_table, error_listing, finding_table, summary

app = typer.Typer(add_completion=False, help="Extract facts from news coverage of HMICFRS crime-recording inspections.")
app.add_typer(kb_app, name="kb")
EXIT_FATAL = 1
EXIT_SOME_BAD = 3


def _run_extraction(inputs: list[Path], out: Path, model: Path) -> tuple[list[dict[str, Any]], int]:
    """One JSONL file of records for the inputs (the ``run`` command); returns them and the problem count."""
    check_model(model)
    counts = run_batch(inputs, open_sink(out, None, 1, model), BatchOptions(model=model))
    return load_records(out), counts.quarantined


def _summary(counts: RunCounts) -> str:
    return count_summary(counts.extracted, counts.quarantined, counts.labels, counts.findings, counts.skipped)


@app.command()
def extract(
    inputs: list[Path] = typer.Argument(..., help=".txt, .jsonl or .jsonl.gz files, folders of them (recursive), "
                                        "or quoted glob patterns ('data/**/*.jsonl.gz'); JSONL lines are {id, text, date?, source?}"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="write every record to this one JSONL file"),
    out_dir: Optional[Path] = typer.Option(None, "--out-dir", help="write shard-NNNNN.jsonl files, manifest.json, "
                                           "quarantine.jsonl and a resume ledger here; run again to resume"),
    shard_size: int = typer.Option(1000, min=1, help="documents per shard (--out-dir)"),
    workers: int = typer.Option(1, min=1, help="worker processes on this machine, each loading the pipeline once"),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="ADDRESS|local",
                                       help="run on a Dask scheduler (tcp://host:8786), or 'local' for a LocalCluster"),
    dask_workers: int = typer.Option(2, min=1, help="worker processes of --dask local"),
    chunk_size: Optional[int] = typer.Option(
        None, min=1, help="documents sent to a worker at a time [default: 64; 256 with --dask]"),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, min=1, help="longer documents are quarantined"),
    log_every: float = typer.Option(10.0, min=0.1, help="seconds between progress lines when stderr is not a terminal"),
    model: Optional[str] = typer.Option(None, help="a pipeline directory or an installed pipeline package name "
                                        "[default: the installed en_hmicfrs, else models/hmicfrs]"),
    kb: bool = typer.Option(False, "--kb", help="also load the output into the knowledge base"),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help="the knowledge base directory (with --kb)"),
) -> None:
    """Tag entities and findings in every input document; bad documents are quarantined and the rest go on."""
    if (output is None) == (out_dir is None):
        raise typer.BadParameter("give exactly one of -o OUT.jsonl (one file) or --out-dir DIR (shards)")
    if dask and workers > 1:
        raise typer.BadParameter("--workers is for this machine, --dask for a cluster: give one of them")
    options = BatchOptions(model=model, max_chars=max_chars, chunk_size=chunk_size, workers=workers,
                           dask=dask, dask_workers=dask_workers, log_every=log_every)
    try:
        check_model(model)
        sink = open_sink(output, out_dir, shard_size, model)
        for note in getattr(sink, "notes", []):
            typer.echo(f"resuming: {note}", err=True)
        counts = run_batch(inputs, sink, options)
    except (OSError, TimeoutError, RuntimeError) as err:  # no pipeline, no cluster, a disk that refuses
        typer.echo(str(err), err=True)
        raise typer.Exit(EXIT_FATAL) from None
    typer.echo(_summary(counts))
    if out_dir is not None:
        typer.echo(f"wrote {out_dir}: {len(getattr(sink, 'written', []))} new shards, manifest.json"
                   + (", quarantine.jsonl" if counts.quarantined else ""))
    else:
        typer.echo(f"wrote {output}" + (f" (bad documents: {sink.quarantine_path})" if counts.quarantined else ""))
    if kb:
        written = [output] if output is not None else sorted(out_dir.glob("shard-*.jsonl"))  # type: ignore[union-attr]
        if load_files(written, store):
            raise typer.Exit(EXIT_SOME_BAD)
    if counts.quarantined:
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
    model: Optional[str] = typer.Option(None, help="a pipeline directory or an installed pipeline package name "
                                        "[default: the installed en_hmicfrs, else models/hmicfrs]"),
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
    model: Optional[str] = typer.Option(None, help="a pipeline directory or an installed pipeline package name "
                                        "[default: the installed en_hmicfrs, else models/hmicfrs]"),
    store: Optional[Path] = typer.Option(None, "--store", help="the knowledge base directory (default OUT/kb)"),
) -> None:
    """The main job: extract the bundled corpus into OUT, score it against its gold, load it into the knowledge base."""
    articles_dir = corpus / "articles"
    splits = sorted(p.name for p in articles_dir.iterdir() if p.is_dir())
    all_problems = 0
    for split in splits:
        records, problems = _run_extraction([articles_dir / split], out / f"{split}.jsonl", model)
        all_problems += problems
        typer.echo(f"\n=== {split}: {out / (split + '.jsonl')}")
        typer.echo(summary(records, problems))
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
