"""``hmicfrs-extract kb ...``: load extraction output into the knowledge base, ask it questions, export it.

The store is ``--store``, else ``$HMICFRS_STORE``, else ``out/kb`` (relative to the working
directory). ``load`` creates it; every other command needs it to exist and says how to
create it when it does not.

Exit codes as the rest of the command line: 0 success; 1 the store cannot be used (none
there, locked by another process, no such finding); 2 wrong usage
(a bad SPARQL query, an unknown force or format); 3 loaded, but some records or findings were
reported bad and skipped, or refused (another text under an id the store already has).
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Optional

import typer

from pipeline.kb import queries as q
from pipeline.kb import vocabulary as v
from pipeline.kb.store import (DEFAULT_STORE, EXPORT_FORMATS, ORIGIN_KEY, STORE_ENV, KnowledgeBase, KnowledgeBaseError,
                                KnowledgeBaseWarning)
from pipeline.kb.tables import FORMATS, Table, render
from pipeline.schema import FORCE_IDS

kb_app = typer.Typer(add_completion=False, no_args_is_help=True,
                     help=f"The knowledge base: findings as RDF in an embedded pyoxigraph store "
                          f"(--store, else ${STORE_ENV}, else {DEFAULT_STORE}).")
EXIT_SOME_BAD = 3

StoreOption = typer.Option(DEFAULT_STORE, "--store", envvar=STORE_ENV, show_envvar=True, metavar="DIR",
                           help="the store folder; created if absent")
ReadStoreOption = typer.Option(DEFAULT_STORE, "--store", envvar=STORE_ENV, show_envvar=True, metavar="DIR",
                               help="the store folder (made by `kb load` or `extract --kb`)")
FormatOption = typer.Option("table", "--format", "-f", help=f"output: {', '.join(FORMATS)}")


def _warn_in_one_line(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                      file: Any = None, line: str | None = None) -> None:
    """A value the store cannot read is a warning line on stderr, never a traceback or a source listing."""
    typer.echo(f"warning: {message}", err=True)


def _open(store: Path, create: bool = False) -> KnowledgeBase:
    """The store, opened for one command; only a load may create it. Warnings about unreadable values
    in it are shown once each, in one line."""
    warnings.simplefilter("once", KnowledgeBaseWarning)
    warnings.showwarning = _warn_in_one_line
    try:
        return KnowledgeBase(store, create=create)
    except KnowledgeBaseError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1) from None


_SPARQL_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


def describe_sparql_error(err: SyntaxError, sparql: str) -> str:
    """pyoxigraph's parse error in one line: where (line, column, the text just before), what it expected
    in words (its lists of Unicode ranges left out), and how to go on."""
    message = str(err.msg if hasattr(err, "msg") and err.msg else err)
    match = _SPARQL_POSITION.match(message)
    if not match:
        return f"SPARQL syntax error: {message.splitlines()[0]}"
    line, column, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    lines = sparql.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    before = text[:max(column - 1, 0)]  # pyoxigraph points just past what it could not read
    near = before[-25:].strip()
    where = f"line {line}, column {column}" + (f" (after {near!r})" if near else "")
    detail = detail.removeprefix("expected one of ").removeprefix("expected ")
    words = [item.strip() for item in re.split(r",\s*(?![^\[]*\])", detail) if item.strip()]
    words = [w for w in words if w[:1].isalpha() and "\\u" not in w and "'" not in w]
    phrases = [w for w in words if " " in w]
    prefixes = ", ".join(f"{name}:" for name in v.PREFIXES)
    if any("prefix not found" in w.lower() for w in phrases):
        used = re.findall(r"([A-Za-z][\w.-]*)?:[\w-]*$", before)
        name = f" {used[-1]}:" if used else ""
        return f"SPARQL syntax error at {where}: unknown prefix{name}; the declared ones are {prefixes}"
    if phrases:
        return f"SPARQL syntax error at {where}: {phrases[0].rstrip('.')}"
    more = f" (and {len(words) - 6} more)" if len(words) > 6 else ""
    expected = (f": expected {words[0]}" if len(words) == 1 else
                f": expected one of {', '.join(words[:6])}{more}" if words else "")
    return (f"SPARQL syntax error at {where}{expected}; check the query there "
            "(examples in docs/knowledge-base.md)")


def _check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> None:
    if fmt not in allowed:
        typer.echo(f"unknown format {fmt!r}: use one of {', '.join(allowed)}", err=True)
        raise typer.Exit(2)


def _print(table: Table, fmt: str) -> None:
    typer.echo(render(table, fmt))


def _read_records(path: Path, problems: list[str]) -> Iterator[dict[str, Any]]:
    """Records of one JSONL file, each marked with its file and line; the file's modification time
    stands in for the extraction time."""
    try:
        extracted_at = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).replace(microsecond=0).isoformat()
        handle = path.open("rb")
    except OSError as err:
        problems.append(f"{path}: cannot read ({err.strerror or err})")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                problems.append(f"{path}:{number}: not valid UTF-8 (is it a JSONL file of records?)")
                continue
            except json.JSONDecodeError as err:
                problems.append(f"{path}:{number}: malformed JSON ({err.msg})")
                continue
            except RecursionError:
                problems.append(f"{path}:{number}: JSON nested too deeply to be a record")
                continue
            except ValueError as err:  # an integer of thousands of digits
                problems.append(f"{path}:{number}: unreadable JSON ({str(err).splitlines()[0]})")
                continue
            if isinstance(record, dict):
                record.setdefault("extracted_at", extracted_at)
                record[ORIGIN_KEY] = f"{path}:{number}"
            yield record


@kb_app.command()
def load(
    files: list[Path] = typer.Argument(..., metavar="FILE",
                                       help="extraction output or gold JSONL files (SCHEMA §3 records)"),
    store: Path = StoreOption,
    pipeline_version: Optional[str] = typer.Option(None, help="record this version (default: the record's "
                                                   "'pipeline_version', else this package's version)"),
    bulk: Optional[bool] = typer.Option(None, "--bulk/--no-bulk", help="write in larger batches (default: when "
                                        "the store is empty); every batch is committed, so a killed load is resumed "
                                        "by running it again"),
    replace: bool = typer.Option(False, "--replace", help="an article whose id the store has, with another text, "
                                 "replaces the stored one (without it: reported and skipped, exit 3)"),
) -> None:
    """Add new articles, replace re-extracted ones (same text; atomically, per article), skip unchanged
    ones; refuse another text under a stored id unless --replace."""
    missing = [f"{f} ({'a folder' if f.is_dir() else 'no such file'})" for f in files if not f.is_file()]
    if missing:
        typer.echo(f"not a file: {', '.join(missing)}; give the JSONL files of `extract -o` or `--out-dir`", err=True)
        raise typer.Exit(2)
    if load_files(files, store, pipeline_version, bulk, replace=replace):
        raise typer.Exit(EXIT_SOME_BAD)


def load_files(files: list[Path], store: Path, pipeline_version: str | None = None, bulk: bool | None = None,
               show: int = 3, replace: bool = False) -> list[str]:
    """Load JSONL files into the store and print what changed and a few facts; the problems reported.

    Shared by ``kb load``, ``extract --kb`` and ``run``."""
    problems: list[str] = []
    records = (record for path in files for record in _read_records(path, problems))
    with _open(store, create=True) as kb:
        try:
            report = kb.load_records(records, pipeline_version=pipeline_version, bulk=bulk, replace=replace)
        except KnowledgeBaseError as err:
            typer.echo(str(err), err=True)
            raise typer.Exit(1) from None
        problems += report.problems
        for problem in problems:
            typer.echo(f"skipped {problem}", err=True)
        typer.echo(f"{store}: {report.describe()}")
        for fact in kb.summary_facts(show):
            typer.echo(f"  {fact.describe()}")
    return problems


@kb_app.command()
def query(
    sparql: str = typer.Argument(..., help="a SPARQL query; the default graph is the union of all graphs, "
                                 "and the prefixes hx:, prov:, dcterms:, schema:, force:, fact:, ... are declared"),
    fmt: str = FormatOption,
    store: Path = ReadStoreOption,
) -> None:
    """Run any SPARQL query (SELECT as a table, csv, tsv or json; ASK as true/false; CONSTRUCT as N-Triples)."""
    _check_format(fmt)
    if q.uses_service(sparql):
        typer.echo("the query holds a SERVICE clause, which would fetch data over the network: `kb query` answers "
                   "from the local store only; remove the SERVICE block (or run the query in a SPARQL client of "
                   "your own)", err=True)
        raise typer.Exit(2)
    with _open(store) as kb:
        kb.refresh_consolidated()
        try:
            if fmt == "table":
                try:
                    _print(kb.table(sparql), fmt)
                except KnowledgeBaseError:
                    typer.echo(kb.raw_query(sparql, "csv"))
            else:
                typer.echo(kb.raw_query(sparql, fmt))
        except SyntaxError as err:
            typer.echo(describe_sparql_error(err, sparql), err=True)
            raise typer.Exit(2) from None
        except (OSError, ValueError, RuntimeError) as err:  # evaluation errors (a SERVICE call, a bad IRI...)
            first = str(err).splitlines()[0] if str(err) else type(err).__name__
            typer.echo(f"the query failed: {first}", err=True)
            raise typer.Exit(1) from None


def _force_id(name: str) -> str:
    force_id = "_".join(name.lower().replace("-", " ").replace("&", "and").split())
    force_id = force_id.removesuffix("_police").removesuffix("_constabulary")
    if force_id in FORCE_IDS:
        return force_id
    close = difflib.get_close_matches(force_id, FORCE_IDS, n=3)
    typer.echo(f"unknown force {name!r}" + (f"; did you mean {', '.join(close)}?" if close else "")
               + f"; valid force ids: {', '.join(sorted(FORCE_IDS))} (a name such as 'West Midlands Police' works too)",
               err=True)
    raise typer.Exit(2)


@kb_app.command()
def force(
    name: str = typer.Argument(..., help="a force id (kent, west_midlands) or name ('West Midlands Police')"),
    fmt: str = FormatOption,
    store: Path = ReadStoreOption,
) -> None:
    """Every consolidated fact about one force (its officials included), with the articles behind each."""
    _check_format(fmt)
    force_id = _force_id(name)  # before the store is opened: a typo needs no store to be told
    with _open(store) as kb:
        _print(kb.force_facts(force_id), fmt)


@kb_app.command()
def rates(
    year: int = typer.Option(..., "--year", help="the inspection year"),
    crime_type: Optional[str] = typer.Option(None, "--crime-type", help="only this crime type (e.g. all_crime)"),
    fmt: str = FormatOption,
    store: Path = ReadStoreOption,
) -> None:
    """Recording rates of every force in one year: the preferred value, conflicts and sources."""
    _check_format(fmt)
    with _open(store) as kb:
        _print(kb.rates(year, crime_type), fmt)


@kb_app.command()
def conflicts(fmt: str = FormatOption, store: Path = ReadStoreOption) -> None:
    """Facts whose articles disagree: every value stated, the one preferred, and which rule chose it."""
    _check_format(fmt)
    with _open(store) as kb:
        _print(kb.conflicts(), fmt)


@kb_app.command()
def officials(fmt: str = FormatOption, store: Path = ReadStoreOption) -> None:
    """Every named official (one row per person, role and organisation, spellings folded)."""
    _check_format(fmt)
    with _open(store) as kb:
        _print(kb.officials(), fmt)


@kb_app.command()
def provenance(
    ident: str = typer.Argument(..., metavar="FINDING_OR_FACT", help="an IRI, finding:HASH, fact:HASH, or the start of a hash"),
    json_out: bool = typer.Option(False, "--json", help="print JSON instead of text"),
    store: Path = ReadStoreOption,
) -> None:
    """Where a finding comes from: article, character offsets, sentence, entity spans, pipeline version, time.
    For a consolidated fact, the same for every mention."""
    with _open(store) as kb:
        try:
            entries = kb.provenance(ident)
        except KnowledgeBaseError as err:
            typer.echo(str(err), err=True)
            raise typer.Exit(1) from None
    if json_out:
        typer.echo(json.dumps(entries, ensure_ascii=False, indent=1))
        return
    for entry in entries:
        offsets = f"{entry['start']}-{entry['end']}" if entry["start"] else "(none: article-level provenance only)"
        preferred = "  (preferred)" if entry["preferred"] else ""
        typer.echo(f"{entry['finding']}  {entry['type']} {entry['value']}{preferred}")
        typer.echo(f"  article   {entry['article']} ({entry['source'] or 'no source'}, {entry['date'] or 'undated'})")
        typer.echo(f"  offsets   {offsets}")
        if entry["sentence"]:
            typer.echo(f"  sentence  {' '.join(entry['sentence'].split())}")
        for span in entry["entities"]:
            typer.echo(f"  entity    {span['label']} {span['start']}-{span['end']} {span['text']!r}")
        typer.echo(f"  stated by the inspectorate: {entry['by_inspectorate']}")
        typer.echo(f"  extracted by hmicfrs-extract {entry['version']} at {entry['generated']}")


@kb_app.command()
def export(
    fmt: str = typer.Option(..., "--format", "-f", help=f"one of {', '.join(EXPORT_FORMATS)}"),
    output: Path = typer.Option(..., "-o", "--output", help="the file to write"),
    store: Path = ReadStoreOption,
) -> None:
    """Write the store (turtle/ntriples: all graphs merged; nquads/trig: graphs kept) or the
    consolidated facts (csv: a row each; jsonl: a fact a line, with its mentions)."""
    _check_format(fmt, EXPORT_FORMATS)
    with _open(store) as kb:
        try:
            count = kb.export(fmt, output)
        except OSError as err:
            typer.echo(f"cannot write {output}: {err.strerror or err}", err=True)
            raise typer.Exit(1) from None
    unit = "quads" if fmt in ("nquads", "trig") else "triples" if fmt in ("turtle", "ntriples") else "facts"
    typer.echo(f"wrote {count} {unit} to {output}")


OXIGRAPH_ENV = "HMICFRS_OXIGRAPH"


def oxigraph_binary() -> str | None:
    """Oxigraph's server: $HMICFRS_OXIGRAPH, else the one installed beside this Python (the ``[serve]``
    extra puts it in the same environment's bin/), else on PATH."""
    named = os.environ.get(OXIGRAPH_ENV)
    if named:
        return named if Path(named).is_file() else None
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _server_version(binary: str) -> str | None:
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    words = out.split()
    return words[-1] if words else None


@kb_app.command()
def serve(
    store: Path = ReadStoreOption,
    bind: str = typer.Option("127.0.0.1:7878", "--bind", help="host:port to listen on (localhost by default)"),
    timeout: int = typer.Option(60, "--timeout", help="seconds a query may run before the server stops it"),
) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol (Oxigraph's own server, `pip install
    'hmicfrs-extract[serve]'`): any SPARQL client can ask it questions at http://BIND/query."""
    import pyoxigraph

    with _open(store) as kb:  # a read-only server cannot bring the consolidated graph up to date: done here
        kb.refresh_consolidated()
    binary = oxigraph_binary()
    if binary is None:
        typer.echo("kb serve needs Oxigraph's server, which is not installed: pip install 'hmicfrs-extract[serve]' "
                   f"(or point ${OXIGRAPH_ENV} at an oxigraph binary)", err=True)
        raise typer.Exit(1)
    ours, theirs = pyoxigraph.__version__, _server_version(binary)
    if theirs is None or theirs.split(".")[:2] != ours.split(".")[:2]:
        typer.echo(f"{binary} is Oxigraph {theirs or 'of an unknown version'}, but the store is written by pyoxigraph "
                   f"{ours}: install the same minor version (pip install 'oxigraph=={ours}')", err=True)
        raise typer.Exit(1)
    command = [binary, "serve-read-only", "--location", str(store), "--bind", bind, "--union-default-graph",
               "--timeout-s", str(timeout)]
    try:
        process = subprocess.Popen(command)
    except OSError as err:
        typer.echo(f"cannot start {binary}: {err.strerror or err}", err=True)
        raise typer.Exit(1) from None
    try:  # from here on, a Ctrl-C (however early) stops the server too: it must never outlive this command
        typer.echo(f"serving {store} read-only at http://{bind}/query (SPARQL 1.1 Protocol; Ctrl-C stops it)")
        code = process.wait()
    except KeyboardInterrupt:
        _stop(process)
        typer.echo("stopped", err=True)
        return
    finally:
        if process.poll() is None:  # any other way out
            _stop(process)
    if code != 0:
        typer.echo(f"the server stopped with exit code {code} (is {bind} already in use?)", err=True)
        raise typer.Exit(1)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server: politely, then for certain."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
