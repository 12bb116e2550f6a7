"""The ``hmicfrs-extract`` command line: extract, evaluate, run, gold, kb.

Exit codes: 0 success; 1 a fatal error (no pipeline, unreadable gold, predictions that match
no gold document, no documents in the inputs, no Dask cluster or no Dask installed);
2 wrong usage; 3 the run finished but some input documents were reported bad and skipped
(quarantined).

A user's mistake gets one line saying what is wrong, where and how to fix it, never a
traceback: the commands turn the errors they expect into messages and exit codes.
"""

from __future__ import annotations

import errno
import importlib
import json
import sqlite3
import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

from pipeline import __version__, baselines
from pipeline.batch.inputs import INPUT_SUFFIXES, expand_paths, ignored_files, unsupported_file
from pipeline.batch.shards import StdoutSink
from pipeline.evaluate import Matching, match_predictions, score_entities, score_findings
from pipeline.io import (DEFAULT_MAX_CHARS, STDIN, Article, InputProblem, RecordFileError, load_records, parse_day)
from pipeline.kb.cli import kb_app, load_files
from pipeline.kb.store import DEFAULT_STORE, STORE_ENV
from pipeline.report import count_summary, entity_table, error_listing, finding_table, summary

if TYPE_CHECKING:
    from pipeline.batch.engine import RunCounts

# spaCy and the pipeline (pipeline.batch.engine, pipeline.extract) are imported inside the commands
# that extract: importing spaCy costs over a second, and the `kb` commands and `--version` never need it.

# rich_markup_mode=None: click's plain help, which shows a flag as a flag (typer's rich panels
# print "<bool>" beside every boolean option, as if it took a value).
app = typer.Typer(add_completion=True, rich_markup_mode=None,
                  help="Extract facts from news coverage of HMICFRS crime-recording inspections.")
app.add_typer(kb_app, name="kb")
EXIT_FATAL = 1
EXIT_USAGE = 2
EXIT_SOME_BAD = 3
# How many ignored (unsupported) files the run summary names before it only counts them.
SHOW_IGNORED = 10


def package_version() -> str:
    """The installed package's version (its metadata), else the source tree's."""
    try:
        return metadata.version("hmicfrs-extract")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
        return __version__


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"hmicfrs-extract {package_version()}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="print the version and exit"),
) -> None:
    """Extract facts from news coverage of HMICFRS crime-recording inspections."""


def _fail(message: str, code: int = EXIT_FATAL) -> typer.Exit:
    """One line on stderr, and the exit to raise."""
    typer.echo(message, err=True)
    return typer.Exit(code)


def _stop_line(err: BaseException, target: Path | None = None) -> str:
    """One line for what stopped a run: a disk that is full, read-only or refuses permission names the
    file (else the output being written) and says what to do; anything else says what it said."""
    if isinstance(err, OSError) and err.errno in _DISK_ERRORS:
        where = f"{err.filename or target}: " if err.filename or target else ""
        return f"{where}{err.strerror or err} ({_DISK_ERRORS[err.errno]}); no half-written file is kept"
    return str(err)


_DISK_ERRORS = {errno.ENOSPC: "the disk is full: free some space and run again",
                errno.EROFS: "the file system is read-only: write the output elsewhere",
                errno.EACCES: "permission denied: write the output where you may",
                errno.EPERM: "operation not permitted: write the output where you may",
                errno.EDQUOT: "the disk quota is exceeded: free some space and run again"}


def _run_extraction(inputs: list[Path], out: Path, model: str | Path | None) -> tuple[list[dict[str, Any]], int]:
    """One JSONL file of records for the inputs (the ``run`` command); returns them and the problem count."""
    from pipeline.batch.engine import BatchOptions, check_model, open_sink, run_batch

    spec = check_model(model)
    counts = run_batch(inputs, open_sink(out, None, 1, spec), BatchOptions(model=spec))
    return load_records(out), counts.quarantined


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="'--date'") from None


def _ignored_note(inputs: list[Path]) -> str | None:
    """The run summary's line on the files of the folders and globs that are not inputs."""
    names: list[str] = []
    count = 0
    for path in ignored_files(inputs):
        count += 1
        if len(names) < SHOW_IGNORED:
            names.append(str(path))
    if not count:
        return None
    more = f" and {count - len(names)} more" if count > len(names) else ""
    return (f"ignored {count} file{'s' if count > 1 else ''} that {'are' if count > 1 else 'is'} not "
            f"{', '.join(INPUT_SUFFIXES)}: {', '.join(names)}{more}")


def _summary(counts: RunCounts) -> str:
    return count_summary(counts.extracted, counts.quarantined, counts.labels, counts.findings, counts.skipped)


EXTRACT_HELP = """Tag entities and findings in every input document; bad documents are quarantined and the rest go on.

\b
Ids: a JSONL line's "id" as given (else FILE-LINE). A .txt file's id is its
path below the folder argument it was found in, without .txt ("a/story"
for in/a/story.txt given as "in"); named on its own, its name ("story").
An id met twice in a run is quarantined, never overwritten.

\b
Dates, the first found: a JSONL line's "date"; a .txt file's sidecar
story.meta.json beside story.txt, {"date": "YYYY-MM-DD", "source": ...,
"id": ...} (every key optional); a first line " date YYYY-MM-DD " in the
text; --date. Without any, years come from the text alone.

\b
"-" as INPUT reads standard input (JSONL if it starts with "{", else one
plain-text article, id "stdin"); -o - writes the records to standard output
and the summary to standard error.
"""


@app.command(help=EXTRACT_HELP)
def extract(
    inputs: list[Path] = typer.Argument(..., metavar="INPUT",
                                        help=".txt, .jsonl or .jsonl.gz files, folders of them (recursive), "
                                        "quoted glob patterns ('data/**/*.jsonl.gz'), or - for standard input; "
                                        "JSONL lines are {id, text, date?, source?}"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE",
                                          help="write every record to this one JSONL file (- for standard output)"),
    out_dir: Optional[Path] = typer.Option(None, "--out-dir", metavar="DIR",
                                           help="write shard-NNNNN.jsonl files, manifest.json, quarantine.jsonl and "
                                           "a resume ledger here; run again to resume"),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD",
                                       help="the date of every input document that has none of its own"),
    shard_size: int = typer.Option(1000, min=1, help="documents per shard (--out-dir)"),
    workers: int = typer.Option(1, min=1, help="worker processes on this machine, each loading the pipeline once"),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="ADDRESS|local",
                                       help="run on a Dask scheduler (tcp://host:8786), or 'local' for a LocalCluster "
                                       "(needs the dask extra: pip install 'hmicfrs-extract[dask]')"),
    dask_workers: int = typer.Option(2, min=1, help="worker processes of --dask local"),
    chunk_size: Optional[int] = typer.Option(
        None, min=1, help="documents sent to a worker at a time [default: 64; 256 with --dask]"),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, min=1, help="longer documents are quarantined"),
    log_every: float = typer.Option(10.0, min=0.1, help="seconds between progress lines when stderr is not a terminal"),
    model: Optional[str] = typer.Option(None, help="a pipeline directory or an installed pipeline package name "
                                        "[default: the installed en_hmicfrs, else models/hmicfrs]"),
    kb: bool = typer.Option(False, "--kb", help="also load the output into the knowledge base"),
    replace: bool = typer.Option(False, "--replace", help="with --kb: an article whose id the store has, with "
                                 "another text, replaces the stored one (without it: reported and skipped)"),
    store: Path = typer.Option(DEFAULT_STORE, "--store", envvar=STORE_ENV, show_envvar=True, metavar="DIR",
                               help="the knowledge base folder (with --kb)"),
) -> None:
    if (output is None) == (out_dir is None):
        raise typer.BadParameter("give exactly one of -o OUT.jsonl (one file; - for standard output) "
                                 "or --out-dir DIR (shards)")
    if dask and workers > 1:
        raise typer.BadParameter("--workers is for this machine, --dask for a cluster: give one of them")
    to_stdout = output is not None and str(output) == STDIN
    if kb and to_stdout:
        raise typer.BadParameter("--kb loads the records from the file they are written to: give -o FILE or --out-dir")
    default_date = _check_date(date)
    for arg in inputs:
        if unsupported_file(arg):
            raise _fail(f"{arg}: not a supported input: give {', '.join(INPUT_SUFFIXES)} files (a table or PDF: "
                        "convert its articles to JSONL lines {\"id\", \"text\", \"date\"} first)", EXIT_USAGE)
    if not any(True for _ in expand_paths(inputs)):
        note = _ignored_note(inputs)
        raise _fail(f"no documents in {', '.join(map(str, inputs))}: give {', '.join(INPUT_SUFFIXES)} files or "
                    "folders that hold them" + (f" ({note})" if note else ""))
    if dask:
        try:
            importlib.import_module("pipeline.batch.dask_runner")  # says in one line when Dask is not installed
        except RuntimeError as err:
            raise _fail(str(err)) from None
    from pipeline.batch.engine import BatchOptions, check_model, open_sink, run_batch

    options = BatchOptions(model=model, max_chars=max_chars, chunk_size=chunk_size, workers=workers,
                           dask=dask, dask_workers=dask_workers, log_every=log_every, default_date=default_date)
    try:
        check_model(model)
        sink = StdoutSink() if to_stdout else open_sink(output, out_dir, shard_size, model)
        for note in getattr(sink, "notes", []):
            typer.echo(f"resuming: {note}", err=True)
        counts = run_batch(inputs, sink, options)
    except (OSError, TimeoutError, RuntimeError) as err:  # no pipeline, no cluster, a disk that refuses
        raise _fail(_stop_line(err, out_dir or output)) from None
    except sqlite3.Error as err:  # the resume ledger could not be written: a full or read-only disk
        raise _fail(f"{out_dir}: the resume ledger could not be written ({err}): free space or make the folder "
                    "writable, then run the same command again to resume") from None
    say = (lambda text: typer.echo(text, err=True)) if to_stdout else typer.echo
    say(_summary(counts))
    ignored = _ignored_note(inputs)
    if ignored:
        say(ignored)
    if out_dir is not None:
        say(f"wrote {out_dir}: {len(getattr(sink, 'written', []))} new shards, manifest.json"
            + (", quarantine.jsonl" if counts.quarantined else ""))
    elif not to_stdout:
        say(f"wrote {output}" + (f" (bad documents: {sink.quarantine_path})" if counts.quarantined else ""))
    if kb:
        written = [output] if output is not None else sorted(out_dir.glob("shard-*.jsonl"))  # type: ignore[union-attr]
        if load_files(written, store, replace=replace):
            raise typer.Exit(EXIT_SOME_BAD)
    if counts.quarantined:
        raise typer.Exit(EXIT_SOME_BAD)


def _predict_gold(gold: list[dict[str, Any]], model: str | Path | None) -> dict[str, dict[str, Any]]:
    from pipeline.batch.engine import check_model
    from pipeline.extract import extract_records, load_pipeline

    try:
        nlp = load_pipeline(check_model(model))
    except OSError as err:
        raise _fail(str(err)) from None
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


def _load_gold(gold_files: list[Path]) -> list[dict[str, Any]]:
    """The gold records of every file; a file that is not gold stops the command in one line."""
    gold = []
    for path in gold_files:
        try:
            records = load_records(path)
        except RecordFileError as err:
            raise _fail(str(err)) from None
        for number, record in enumerate(records, start=1):
            missing = [key for key in ("id", "text", "spans", "findings") if key not in record]
            if missing:
                raise _fail(f"{path}: record {number} is not gold (no {', '.join(missing)}): give gold files "
                            "(corpus/gold/SPLIT.jsonl) as arguments and predictions with --pred")
        gold.extend(records)
    return gold


def _match_report(matching: Matching, pred: Path, predictions: int) -> None:
    """Say how the predictions were paired with gold; stop when none were."""
    typer.echo(f"{pred}: {predictions} predictions; {matching.describe()}", err=True)
    if not matching.matched:
        raise _fail(f"no prediction in {pred} matches a gold document by id or by text: were they extracted from "
                    "the gold split's articles (corpus/articles/SPLIT)? Nothing was scored")
    if matching.unmatched:
        shown = ", ".join(matching.unmatched[:5]) + (" ..." if len(matching.unmatched) > 5 else "")
        typer.echo(f"warning: {len(matching.unmatched)} gold documents have no prediction and count as all "
                   f"missed: {shown}", err=True)
    if matching.text_differs:
        shown = ", ".join(matching.text_differs[:5]) + (" ..." if len(matching.text_differs) > 5 else "")
        typer.echo(f"warning: {len(matching.text_differs)} predictions have a gold id but another text "
                   f"(offsets will not line up): {shown}", err=True)


@app.command()
def evaluate(
    gold_files: list[Path] = typer.Argument(..., metavar="GOLD",
                                            help="gold JSONL files (SCHEMA §3), e.g. corpus/gold/test.jsonl"),
    pred: Optional[Path] = typer.Option(None, help="predictions JSONL (the output of extract); without it the "
                                        "pipeline runs on the gold texts"),
    model: Optional[str] = typer.Option(None, help="a pipeline directory or an installed pipeline package name "
                                        "[default: the installed en_hmicfrs, else models/hmicfrs]"),
    errors: bool = typer.Option(False, "--errors", help="list false positives and negatives per document"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="also write the scores as JSON here"),
) -> None:
    """Precision, recall and F1 for entities and findings, with baselines beside them.

    Each gold document is scored against the prediction with its id, else the one with its
    text (exactly, or after normalising Unicode and whitespace), so the output of `extract`
    on a split's articles scores as it is, whatever its ids. How many were paired each way
    is printed on stderr; predictions that pair with no gold document are an error (exit 1).
    """
    gold = _load_gold(gold_files)
    matching: Matching | None = None
    if pred:
        try:
            predictions = load_records(pred)
        except RecordFileError as err:
            raise _fail(str(err)) from None
        matching = match_predictions(gold, predictions)
        _match_report(matching, pred, len(predictions))
        preds = matching.preds
    else:
        preds = _predict_gold(gold, model)
    text, numbers = evaluation_report(gold, preds, errors)
    typer.echo(text)
    if json_out:
        if matching is not None:
            numbers["matching"] = {"by_id": len(matching.by_id), "by_text": len(matching.by_text),
                                   "unmatched": len(matching.unmatched)}
        try:
            json_out.write_text(json.dumps(numbers, indent=1), encoding="utf-8")
        except OSError as err:
            raise _fail(f"cannot write {json_out}: {err.strerror or err}") from None


@app.command()
def run(
    corpus: Path = typer.Option(Path("corpus"), help="the corpus folder (articles/ and gold/)"),
    out: Path = typer.Option(Path("out"), help="output folder"),
    model: Optional[str] = typer.Option(None, help="a pipeline directory or an installed pipeline package name "
                                        "[default: the installed en_hmicfrs, else models/hmicfrs]"),
    store: Optional[Path] = typer.Option(None, "--store", help="the knowledge base directory (default OUT/kb)"),
) -> None:
    """The main job: extract the bundled corpus into OUT, score it against its gold, load it into the
    knowledge base (a changed article replaces its old version there)."""
    articles_dir = corpus / "articles"
    if not articles_dir.is_dir():
        raise _fail(f"no corpus at {corpus} (no {articles_dir} folder): run from the project folder or give --corpus")
    splits = sorted(p.name for p in articles_dir.iterdir() if p.is_dir())
    all_problems = 0
    for split in splits:
        try:
            records, problems = _run_extraction([articles_dir / split], out / f"{split}.jsonl", model)
        except (OSError, RuntimeError) as err:
            raise _fail(_stop_line(err, out / f"{split}.jsonl")) from None
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
    all_problems += len(load_files([out / f"{split}.jsonl" for split in splits], store or out / "kb", show=5,
                                   replace=True))
    if all_problems:
        raise typer.Exit(EXIT_SOME_BAD)


@app.command()
def gold(
    splits: list[str] = typer.Argument(None, metavar="SPLIT",
                                       help="splits to build (default: every folder of CORPUS/annotations)"),
    corpus: Path = typer.Option(Path("corpus"), help="the corpus folder"),
) -> None:
    """Build CORPUS/gold/SPLIT.jsonl from the annotation sources in CORPUS/annotations/SPLIT,
    validating every span."""
    from pipeline.gold import main as gold_main

    annotations = corpus / "annotations"
    if not annotations.is_dir():
        raise _fail(f"no annotation sources at {annotations}: run from the project folder or give --corpus")
    chosen = splits or sorted(p.name for p in annotations.iterdir() if p.is_dir())
    raise typer.Exit(gold_main(["--corpus", str(corpus), *chosen]))


@app.command()
def report(
    records: list[Path] = typer.Argument(None, metavar="RECORDS", help="extraction output: .jsonl or .jsonl.gz "
                                         "files of SCHEMA §3 records, or --out-dir folders (their shard-*.jsonl)"),
    output: Path = typer.Option(..., "-o", "--output", help="the HTML file to write"),
    store: Optional[Path] = typer.Option(None, "--store", help="take the facts from this existing knowledge base "
                                         "(default: the records, loaded into a temporary one)"),
    title: str = typer.Option("HMICFRS crime-recording coverage", help="the page's title"),
) -> None:
    """One self-contained HTML page: per force a chart and table of the knowledge base's facts, per article
    the entities, findings and the sentences they rest on. Loads nothing from the network."""
    from pipeline.html_report import (KnowledgeBaseError, ReportInputError, facts_from_records, facts_from_store,
                                      read_records, write_report)

    if not records and store is None:
        typer.echo("nothing to report: give RECORDS.jsonl files (hmicfrs-extract extract ... -o OUT.jsonl), "
                   "--store PATH, or both", err=True)
        raise typer.Exit(2)
    try:
        given = read_records(records or [])
        knowledge = facts_from_store(store) if store is not None else facts_from_records(given)
    except ReportInputError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2) from None
    except KnowledgeBaseError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(EXIT_FATAL) from None
    for problem in knowledge.problems:
        typer.echo(f"not in the knowledge base: {problem}", err=True)
    try:
        write_report(given, knowledge, output, title, [str(p) for p in records or []])
    except OSError as err:
        typer.echo(f"cannot write {output}: {err.strerror or err}", err=True)
        raise typer.Exit(EXIT_FATAL) from None
    typer.echo(f"wrote {output}: {len(given)} articles, {len(knowledge.facts)} facts "
               f"({sum(f.conflict for f in knowledge.facts)} where sources disagree)")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
