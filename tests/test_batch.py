"""Batch extraction at volume: inputs, quarantine, accounting, 1 vs 2 processes, Dask, kill and resume."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.language import Language
from typer.testing import CliRunner

from pipeline.batch import engine
from pipeline.batch import worker as worker_module
from pipeline.batch.engine import BatchOptions, open_sink, run_batch
from pipeline.batch.inputs import content_hash, iter_inputs, read_inputs
from pipeline.batch.progress import Progress
from pipeline.cli import EXIT_SOME_BAD, app
from pipeline.extract import extract_records
from pipeline.io import Article, encode_record
from tests import batch_helpers
from tests.conftest import ROOT
from tests.test_io_cli import GOOD, _bad_corpus

MODEL = ROOT / "models" / "hmicfrs"
ARTICLES = ROOT / "corpus" / "articles"
# Dask is an optional extra (`make` installs it, so these run there); without it they are skipped.
needs_dask = pytest.mark.skipif(importlib.util.find_spec("distributed") is None,
                                reason="Dask is not installed: pip install 'hmicfrs-extract[dask]'")


def _lines(folder: Path) -> list[str]:
    """Every record line of a shard folder, shards in order."""
    return [line for shard in sorted(folder.glob("shard-*.jsonl"))
            for line in shard.read_text(encoding="utf-8").splitlines()]


def _reference(nlp: Language, inputs: list[Path | str]) -> list[str]:
    """What the single-process extractor has always written for these inputs."""
    return [encode_record(r).decode("utf-8") for r in extract_records(nlp, read_inputs(inputs)) if isinstance(r, dict)]


def _corpus_jsonl(path: Path, n_docs: int, prefix: str = "doc") -> list[str]:
    """The bundled articles replicated to ``n_docs`` JSONL lines with new ids; returns the ids."""
    texts = [a for a in read_inputs([ARTICLES]) if isinstance(a, Article)]
    ids = []
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as handle:
        for i in range(n_docs):
            article = texts[i % len(texts)]
            ids.append(f"{prefix}-{i:05d}")
            handle.write(json.dumps({"id": ids[-1], "text": article.text, "date": article.date,
                                     "source": article.source}) + "\n")
    return ids


def _manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def test_inputs_stream_folders_globs_and_gzip_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text(GOOD.replace("Kent", "Essex"), encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text("not a document", encoding="utf-8")
    ids = _corpus_jsonl(tmp_path / "b" / "d.jsonl.gz", 3, "gz")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "z.txt").write_text(GOOD, encoding="utf-8")
    found = [i.id for i in iter_inputs([tmp_path])]
    # sorted(Path.rglob) order: a/z.txt before a.txt, folders walked in place; .md left out;
    # a .txt file's id is its path below the folder given, without .txt
    assert found == ["a/z", "a", "b/c", *ids]
    assert [i.id for i in iter_inputs([str(tmp_path / "**" / "*.jsonl.gz")])] == ids
    assert [i.id for i in iter_inputs([str(tmp_path / "b" / "?.txt"), str(tmp_path / "*.txt")])] == ["c", "a"]
    gz = [i for i in iter_inputs([tmp_path / "b" / "d.jsonl.gz"])]
    assert gz[0].line == 1 and gz[0].source and gz[0].text.strip()
    missing = list(iter_inputs([str(tmp_path / "nothing-*.jsonl")]))
    assert missing[0].code == "no_match"


def _bad_folder(tmp_path: Path) -> Path:
    """The bad documents of the one-file tests, plus the kinds only a batch meets."""
    folder = _bad_corpus(tmp_path)
    (folder / "zero.txt").write_text("", encoding="utf-8")
    (folder / "long.txt").write_text("Kent Police. " * 500, encoding="utf-8")  # 6,500 characters
    (folder / "boom.txt").write_text(f"Surrey Police said {batch_helpers.FAIL_MARKER}.", encoding="utf-8")
    good_gz = gzip.compress((json.dumps({"id": "g1", "text": "Kent Police recorded 90% of crimes."}) + "\n").encode())
    (folder / "ok.jsonl.gz").write_bytes(good_gz)
    _corpus_jsonl(tmp_path / "big.jsonl.gz", 40, "cut")
    (folder / "cut.jsonl.gz").write_bytes((tmp_path / "big.jsonl.gz").read_bytes()[:3000])  # truncated stream
    return folder


EXPECTED_CODES = {"not_utf8": 1, "empty": 2, "binary": 1, "too_long": 1, "pipeline_error": 1, "malformed_json": 1,
                  "missing_text": 1, "duplicate_id": 1, "bad_date": 1, "not_object": 1, "corrupt_gzip": 1,
                  "no_such_path": 1}


_FIELD = st.text(alphabet="ab:-0\x00é", max_size=4)


@given(_FIELD, st.none() | _FIELD, _FIELD, _FIELD, st.none() | _FIELD, _FIELD)
@example("ab", None, "c", "a", "b", "c")
@example("a", None, "c", "a", "-", "c")
@example("a", "1:b", "c", "a1:", "b", "c")
def test_content_hash_tells_apart_any_two_different_documents(text: str, date: str | None, source: str,
                                                              text2: str, date2: str | None, source2: str) -> None:
    # Fields are length-prefixed: moving characters across a field boundary, or a missing date
    # against a date spelt "-", must still give another hash (the ledger would skip the document).
    first, second = Article("d", text, date, source), Article("d", text2, date2, source2)
    same = (text, date, source) == (text2, date2, source2)
    assert (content_hash(first) == content_hash(second)) == same


def test_every_bad_document_is_quarantined_and_the_counts_add_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker_module, "default_loader", batch_helpers.failing_loader)
    folder, out = _bad_folder(tmp_path), tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(folder), str(tmp_path / "absent.txt"), "--out-dir", str(out),
                                      "--max-chars", "6000", "--model", str(MODEL), "--shard-size", "2"])
    assert result.exit_code == EXIT_SOME_BAD, result.output
    quarantined = [json.loads(line) for line in (out / "quarantine.jsonl").read_text(encoding="utf-8").splitlines()]
    codes: dict[str, int] = {}
    for entry in quarantined:
        codes[entry["code"]] = codes.get(entry["code"], 0) + 1
    assert codes == EXPECTED_CODES
    boom = next(e for e in quarantined if e["code"] == "pipeline_error")
    assert boom["source"].endswith("boom.txt") and boom["id"] == "boom"
    assert boom["exception"] == {"type": "ValueError", "message": "injected failure for a test"}
    gz = next(e for e in quarantined if e["code"] == "corrupt_gzip")
    assert gz["source"].endswith("cut.jsonl.gz") and gz["exception"]["type"] in ("EOFError", "BadGzipFile", "error")
    dup = next(e for e in quarantined if e["code"] == "duplicate_id")
    assert (dup["line"], dup["id"]) == (4, "j1")
    records = [json.loads(line) for line in _lines(out)]
    cut_read = [r["id"] for r in records if r["id"].startswith("cut-")]
    assert [r["id"] for r in records] == ["j1", "j4", *cut_read, "good", "g1"]
    assert cut_read and len(cut_read) < 40  # what came before the corruption is kept
    manifest = _manifest(out)
    counts = manifest["run"]["counts"]
    assert counts["input"] == counts["extracted"] + counts["quarantined"] + counts["skipped_already_done"]
    assert (counts["extracted"], counts["quarantined"]) == (len(records), len(quarantined))
    assert manifest["totals"]["documents"] == sum(s["docs"] for s in manifest["shards"]) == len(records)
    for shard in manifest["shards"]:
        assert hashlib.sha256((out / shard["path"]).read_bytes()).hexdigest() == shard["sha256"]
    assert f"{len(records)} extracted, {len(quarantined)} reported bad and skipped" in result.output


def test_one_and_two_processes_give_identical_records(tmp_path: Path, nlp: Language) -> None:
    source = tmp_path / "in"
    source.mkdir()
    _corpus_jsonl(source / "docs.jsonl", 60)
    (source / "boom.txt").write_text(f"Kent Police {batch_helpers.FAIL_MARKER}", encoding="utf-8")
    outs = {}
    for workers in (1, 2):
        out = tmp_path / f"w{workers}"
        options = BatchOptions(model=MODEL, workers=workers, chunk_size=7, loader=batch_helpers.failing_loader,
                               progress=False)
        counts = run_batch([source], open_sink(None, out, 25, MODEL), options)
        assert (counts.extracted, counts.quarantined) == (60, 1)
        outs[workers] = _lines(out)
    assert outs[1] == outs[2] == _reference(nlp, [source / "docs.jsonl"])
    manifest = _manifest(tmp_path / "w2")
    assert manifest["options"]["runner"] == "processes" and manifest["options"]["workers"] == 2
    # Each worker that ran chunks reports its peak memory. Whether both did depends on start-up
    # timing (on a loaded machine the first worker up can take all nine chunks), so not asserted.
    peaks = manifest["run"]["worker_peak_rss_mb"]
    assert 1 <= len(peaks) <= 2 and all(0 < mb < 1000 for mb in peaks.values())


def test_a_worker_that_dies_costs_only_its_document(tmp_path: Path, nlp: Language) -> None:
    source = tmp_path / "docs.jsonl"
    _corpus_jsonl(source, 12)
    with source.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "killer", "text": f"Kent Police {batch_helpers.DIE_MARKER}"}) + "\n")
    _corpus_jsonl(tmp_path / "more.jsonl", 6, "more")
    options = BatchOptions(model=MODEL, workers=2, chunk_size=4, loader=batch_helpers.dying_loader, progress=False)
    counts = run_batch([source, tmp_path / "more.jsonl"], open_sink(tmp_path / "out.jsonl", None, 1, MODEL), options)
    assert (counts.extracted, counts.quarantined) == (18, 1)
    assert counts.quarantined_by_code == {"worker_failed": 1}
    quarantined = json.loads((tmp_path / "out.quarantine.jsonl").read_text(encoding="utf-8"))
    assert quarantined["id"] == "killer" and quarantined["line"] == 13
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines == _reference(nlp, [source, tmp_path / "more.jsonl"])[:12] + _reference(nlp, [tmp_path / "more.jsonl"])


@needs_dask
def test_dask_loads_the_pipeline_once_per_worker_and_matches_a_local_run(tmp_path: Path, nlp: Language) -> None:
    source = tmp_path / "in"
    source.mkdir()
    _corpus_jsonl(source / "docs.jsonl.gz", 40)
    (source / "boom.txt").write_text(f"Kent Police {batch_helpers.FAIL_MARKER}", encoding="utf-8")
    (source / "empty.txt").write_text(" ", encoding="utf-8")
    local = tmp_path / "local"
    run_batch([source], open_sink(None, local, 15, MODEL),
              BatchOptions(model=MODEL, loader=batch_helpers.failing_loader, progress=False))
    batch_helpers.LOADS.clear()
    options = BatchOptions(model=MODEL, dask="local", dask_workers=1, dask_processes=False, chunk_size=5,
                           loader=batch_helpers.failing_loader, progress=False)
    counts = run_batch([source], open_sink(None, tmp_path / "dask", 15, MODEL), options)
    assert (counts.extracted, counts.quarantined) == (40, 2)
    assert len(batch_helpers.LOADS) == 1  # 9 tasks, one load: the plugin's setup, not the tasks
    assert _lines(tmp_path / "dask") == _lines(local) == _reference(nlp, [source / "docs.jsonl.gz"])
    assert (tmp_path / "dask" / "quarantine.jsonl").read_text() == (local / "quarantine.jsonl").read_text()
    for name in ("counts", "quarantined_by_code"):
        assert _manifest(tmp_path / "dask")["run"][name] == _manifest(local)["run"][name]
    assert _manifest(tmp_path / "dask")["options"]["runner"] == "dask"


@needs_dask
def test_cli_dask_local_cluster_of_two_worker_processes(tmp_path: Path, nlp: Language) -> None:
    inputs = [str(ARTICLES / "seeds"), str(ARTICLES / "dev3" / "*.txt")]
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", *inputs, "--out-dir", str(out), "--dask", "local",
                                      "--chunk-size", "3", "--model", str(MODEL)])
    assert result.exit_code == 0, result.output
    assert _lines(out) == _reference(nlp, inputs)
    assert _manifest(out)["options"]["workers"] == 2


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "hmicfrs-extract"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]


def test_killed_run_resumes_and_every_document_is_written_once(tmp_path: Path) -> None:
    source = tmp_path / "docs.jsonl"
    ids = _corpus_jsonl(source, 300)
    out = tmp_path / "out"

    def extract_to(folder: Path) -> list[str]:
        return [*_cli(), "extract", str(source), "--out-dir", str(folder), "--shard-size", "10",
                "--chunk-size", "5", "--model", str(MODEL)]

    command = extract_to(out)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    deadline = time.monotonic() + 60
    # A shard file counts once its ledger row commits, just after the rename: with four
    # files in place, at least the first three (30 documents) are committed.
    while len(list(out.glob("shard-*.jsonl"))) < 4 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    first = len(_lines(out))
    assert 0 < first < 300
    again = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert again.returncode == 0, again.stderr
    records = [json.loads(line) for line in _lines(out)]
    assert [r["id"] for r in records] == ids  # each exactly once, and in input order
    counts = _manifest(out)["run"]["counts"]
    assert counts["input"] == 300 and counts["quarantined"] == 0
    assert counts["skipped_already_done"] >= 30 and counts["extracted"] + counts["skipped_already_done"] == 300
    clean = tmp_path / "clean"
    subprocess.run(extract_to(clean), check=True, capture_output=True, cwd=ROOT)
    assert _lines(clean) == _lines(out)


def test_a_shard_renamed_but_not_committed_is_redone_not_duplicated(tmp_path: Path) -> None:
    source = tmp_path / "docs.jsonl"
    ids = _corpus_jsonl(source, 12)
    out = tmp_path / "out"
    options = BatchOptions(model=MODEL, progress=False)
    run_batch([source], open_sink(None, out, 5, MODEL), options)
    ledger_rows = _manifest(out)["shards"]
    # A crash after the rename and before the commit leaves a file the ledger does not know,
    # and an unfinished temporary file; a lost shard file leaves rows whose documents must be redone.
    (out / "shard-00003.jsonl").write_text((out / "shard-00002.jsonl").read_text())
    (out / "shard-00004.jsonl.tmp").write_text("half a line")
    (out / ledger_rows[0]["path"]).unlink()
    sink = open_sink(None, out, 5, MODEL)
    assert len(sink.notes) == 3
    with pytest.raises(RuntimeError, match="another run"):
        open_sink(None, out, 5, MODEL)  # one run at a time per folder
    counts = run_batch([source], sink, options)
    assert (counts.extracted, counts.skipped) == (5, 7)
    assert sorted(json.loads(line)["id"] for line in _lines(out)) == sorted(ids)
    assert not list(out.glob("*.tmp"))


def test_changed_text_or_new_pipeline_version_is_reprocessed_and_replaces_the_old_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in "abcdef":
        (folder / f"{name}.txt").write_text(GOOD.replace("Kent", "Essex") if name == "c" else GOOD, encoding="utf-8")
    out = tmp_path / "out"
    options = BatchOptions(model=MODEL, progress=False)
    run_batch([folder], open_sink(None, out, 4, MODEL), options)
    (folder / "c.txt").write_text(GOOD.replace("Kent", "Surrey"), encoding="utf-8")
    counts = run_batch([folder], open_sink(None, out, 4, MODEL), options)
    assert (counts.extracted, counts.skipped) == (1, 5)
    records = [json.loads(line) for line in _lines(out)]
    assert sorted(r["id"] for r in records) == list("abcdef")
    assert "Surrey" in next(r for r in records if r["id"] == "c")["text"]
    manifest = _manifest(out)
    assert manifest["totals"]["documents"] == 6
    for shard in manifest["shards"]:
        assert hashlib.sha256((out / shard["path"]).read_bytes()).hexdigest() == shard["sha256"]
    monkeypatch.setattr(engine, "pipeline_version", lambda model: "9.9.9+newer")
    counts = run_batch([folder], open_sink(None, out, 4, MODEL), options)
    assert (counts.extracted, counts.skipped) == (6, 0)
    assert sorted(json.loads(line)["id"] for line in _lines(out)) == list("abcdef")
    assert {s["pipeline_version"] for s in _manifest(out)["shards"]} == {"9.9.9+newer"}


def test_single_file_output_is_unchanged_and_usage_errors_exit_2(tmp_path: Path, nlp: Language) -> None:
    out = tmp_path / "one.jsonl"
    result = CliRunner().invoke(app, ["extract", str(ARTICLES / "seeds"), "-o", str(out), "--model", str(MODEL)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines() == _reference(nlp, [ARTICLES / "seeds"])
    assert not (tmp_path / "one.quarantine.jsonl").exists()
    for args in ([], ["-o", str(out), "--out-dir", str(tmp_path / "d")], ["-o", str(out), "--workers", "2", "--dask", "local"]):
        assert CliRunner().invoke(app, ["extract", str(ARTICLES / "seeds"), *args]).exit_code == 2


def test_progress_is_log_lines_off_a_terminal() -> None:
    stream = io.StringIO()
    assert not Progress.wanted(stream)
    progress = Progress(bar=False, log_every=0.0, stream=stream)
    progress.update(10, 8, 1, 1)
    progress.close(8, 1, 1)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("progress: 10 documents (8 extracted, 1 already done, 1 quarantined) in ")
    assert lines[0].endswith("docs/s")
    bar_stream = io.StringIO()
    bar = Progress(bar=True, total=20, stream=bar_stream)
    bar.update(10, 10, 0, 0)
    bar.close(10, 0, 0)
    assert "10/20" in bar_stream.getvalue() and "doc/s" in bar_stream.getvalue()
