"""Hostile input: nothing a batch is fed can crash it, hang it or lose a good document.

One folder holds every kind of bad input found so far (and more), each beside good
documents; it is run through the command line in one process and with ``--workers 2``.
Every run must finish (exit 3), never print a traceback, account for every document
(``input = extracted + quarantined``) and quarantine each bad one with its code. The
failures of the output side (a full or read-only disk, a ledger that cannot commit, two
runs on one ``-o`` file, a damaged shard, a killed parent) each stop or recover cleanly.
"""

from __future__ import annotations

import fcntl
import importlib.util
import gzip
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
from typer.testing import CliRunner

from pipeline.batch import inputs as inputs_module
from pipeline.batch.engine import BatchOptions, open_sink, run_batch
from pipeline.batch.inputs import iter_inputs
from pipeline.batch.ledger import Ledger
from pipeline.cli import EXIT_FATAL, EXIT_SOME_BAD, app
from pipeline.io import MAX_SYMBOL_RUN, Article, InputProblem, encode_record, longest_symbol_run
from pipeline.normalise.dates import normalise_date
from tests.conftest import ROOT

MODEL = ROOT / "models" / "hmicfrs"
MAX_CHARS = 50_000
GOOD_TEXT = "Kent Police recorded 96% of reported crime, HMICFRS said in its 2017 inspection."
NOT_UTF8_NAME = b"caf\xe9.txt"  # Latin-1: not a UTF-8 file name


def _line(record: dict[str, Any]) -> bytes:
    return json.dumps(record).encode("ascii") + b"\n"


def _good(doc_id: str, text: str = GOOD_TEXT, **extra: Any) -> bytes:
    return _line({"id": doc_id, "text": text, **extra})


def _deep(depth: int, opener: bytes = b"[", closer: bytes = b"]") -> bytes:
    return opener * depth + closer * depth


# (file name, content, the code each of its lines gets: None for a line that must be extracted).
# Each case sits beside a good line where it can, so a bad one cannot take its neighbours with it.
JSONL_CASES: list[tuple[str, bytes, list[str | None]]] = [
    ("surrogate_text.jsonl", b'{"id": "s1", "text": "Kent \\ud800 Police"}\n' + _good("s1-ok"),
     ["lone_surrogate", None]),
    ("surrogate_id.jsonl", b'{"id": "\\udc80x", "text": "Kent Police"}\n' + _good("s2-ok"), ["lone_surrogate", None]),
    ("surrogate_source.jsonl", b'{"id": "s3", "text": "Kent Police", "source": "\\ud83d"}\n',
     ["lone_surrogate"]),
    ("bigint_id.jsonl", b'{"id": ' + b"9" * 5000 + b', "text": "Kent Police"}\n' + _good("b1-ok"),
     ["number_too_long", None]),
    ("bigint_field.jsonl", b'{"id": "b2", "text": "Kent Police", "n": -' + b"7" * 5000 + b"}\n",
     ["number_too_long"]),
    ("long_but_readable_int.jsonl", b'{"id": "b3", "text": "Kent Police", "n": ' + b"7" * 4000 + b"}\n", [None]),
    ("deep_array.jsonl", b'{"id": "d1", "text": "t", "x": ' + _deep(20_000) + b"}\n" + _good("d1-ok"),
     ["too_deep", None]),
    ("deep_object.jsonl", b'{"id": "d2", "text": "t", "x": ' + b'{"a": ' * 20_000 + b"1" + b"}" * 20_000 + b"}\n",
     ["too_deep"]),
    ("bom.jsonl", b"\xef\xbb\xbf" + _good("bom-first") + _good("bom-second"), [None, None]),
    ("huge_figure.jsonl", _good("figure", "The force recorded 18,446,744,073,709,551,616 crimes, reference "
                                "number 18446744073709551616.") + _good("figure-2", "An estimated "
                                "99999999999999999999999 crimes went unrecorded each year."), [None, None]),
    ("date_range.jsonl", _good("range", "Between 1/1/55 - March Kent Police recorded 90% of crimes.",
                               date="2017-05-01"), [None]),
    ("symbols.jsonl", _good("pct", "Kent " + "%" * 20_000 + " end.") + _good("mix", "Kent " + "%=!(" * 40 + " x")
     + _good("at-limit", "Kent " + "-" * MAX_SYMBOL_RUN + " Police recorded crimes."),
     ["degenerate_text", "degenerate_text", None]),
    ("not_utf8_line.jsonl", b'{"id": "u1", "text": "caf\xe9"}\n' + _good("u1-ok"), ["not_utf8", None]),
    ("malformed.jsonl", b'{"id": "m1", "text": \n{"id": "m2"\n' + _good("m-ok"),
     ["malformed_json", "malformed_json", None]),
    ("not_object.jsonl", b"[1, 2]\n\"text\"\n", ["not_object", "not_object"]),
    ("no_text.jsonl", _line({"id": "t1"}) + _line({"id": "t2", "text": 7}) + _line({"id": "t3", "text": None}),
     ["missing_text", "missing_text", "missing_text"]),
    ("empty_text.jsonl", _line({"id": "e1", "text": "   \n"}), ["empty"]),
    ("bad_dates.jsonl", _good("bd1", date="2017-13-45") + _good("bd2", date=20170101) + _good("bd3", date="x"),
     ["bad_date", "bad_date", "bad_date"]),
    ("duplicates.jsonl", _good("dup") + _good("dup"), [None, "duplicate_id"]),
    ("nan.jsonl", b'{"id": "nan", "text": "Kent Police recorded crimes.", "x": NaN, "y": -Infinity}\n', [None]),
    ("never_ends.jsonl", b'{"id": "z", "text": "' + b"x" * (6 * MAX_CHARS + 200_000), ["too_long"]),
    ("too_long.jsonl", _good("long", "word " * MAX_CHARS) + _good("long-ok"), ["too_long", None]),
]


def _write_gzip_cases(folder: Path) -> dict[tuple[str, int | None], str | None]:
    """A gzip stream cut short, and a small gzip that inflates to one endless line."""
    expected: dict[tuple[str, int | None], str | None] = {}
    whole = gzip.compress(_good("gz1"))
    (folder / "truncated.jsonl.gz").write_bytes(whole[: len(whole) // 2])  # no whole line survives
    expected[("truncated.jsonl.gz", 1)] = "corrupt_gzip"
    (folder / "bomb.jsonl.gz").write_bytes(gzip.compress(b"0" * (20 * 1024 * 1024)))
    expected[("bomb.jsonl.gz", 1)] = "too_long"
    return expected


def build_hostile_folder(folder: Path) -> tuple[dict[tuple[str, int | None], str | None], list[str]]:
    """Every case, in ``folder``; returns the expected code per (file name, line) and the good ids."""
    folder.mkdir(parents=True)
    expected: dict[tuple[str, int | None], str | None] = {}
    good: list[str] = []
    for name, content, codes in JSONL_CASES:
        (folder / name).write_bytes(content)
        for number, code in enumerate(codes, start=1):
            expected[(name, number)] = code
            if code is None:
                good.append(json.loads(content.split(b"\n")[number - 1].lstrip(b"\xef\xbb\xbf"))["id"])
    texts: dict[str, tuple[bytes, str | None]] = {
        "plain.txt": (GOOD_TEXT.encode(), None),
        "not_utf8.txt": (b"Kent Police caf\xe9", "not_utf8"),
        "binary.txt": (b"Kent\x00Police", "binary"),
        "blank.txt": (b" \n\t", "empty"),
        "percent.txt": (b"Kent " + b"%" * 20_000, "degenerate_text"),
        "with_bom.txt": (b"\xef\xbb\xbfKent Police recorded 96% of crime.", None),
        "sidecar_bad.txt": (GOOD_TEXT.encode(), "bad_sidecar"),
        "sidecar_surrogate.txt": (GOOD_TEXT.encode(), "bad_sidecar"),
        "sidecar_deep.txt": (GOOD_TEXT.encode(), "bad_sidecar"),
    }
    for name, (content, code) in texts.items():
        (folder / name).write_bytes(content)
        # A bad sidecar is reported under its own name: that is the file to fix.
        expected[(name.replace(".txt", ".meta.json") if code == "bad_sidecar" else name, None)] = code
        if code is None:
            good.append(name.removesuffix(".txt"))
    (folder / "sidecar_bad.meta.json").write_text('{"date": ')
    (folder / "sidecar_surrogate.meta.json").write_text('{"id": "\\ud800"}')
    (folder / "sidecar_deep.meta.json").write_bytes(b'{"source": ' + _deep(100_000) + b"}")
    os.mkfifo(folder / "fifo.jsonl")
    os.mkfifo(folder / "fifo.txt")
    expected[("fifo.jsonl", None)] = expected[("fifo.txt", None)] = "special_file"
    os.symlink("/dev/zero", folder / "zero.jsonl")
    os.symlink("/dev/null", folder / "null.txt")
    expected[("zero.jsonl", None)] = expected[("null.txt", None)] = "special_file"
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(folder / "socket.jsonl"))
    listener.close()  # the socket file stays
    expected[("socket.jsonl", None)] = "special_file"
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    expected[("dangling.txt", None)] = "unreadable"
    (folder / os.fsdecode(NOT_UTF8_NAME)).write_bytes(GOOD_TEXT.encode())
    expected[("caf\\udce9.txt", None)] = "bad_file_name"
    expected.update(_write_gzip_cases(folder))
    return expected, good


def _quarantined(path: Path) -> dict[tuple[str, int | None], str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    problems = [json.loads(line) for line in lines]
    return {(Path(p["source"]).name, p["line"]): p["code"] for p in problems}


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "hmicfrs-extract"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[tuple[str, int | None], str | None], list[str]]:
    folder = tmp_path_factory.mktemp("hostile") / "in"
    expected, good = build_hostile_folder(folder)
    return folder, expected, good


@pytest.mark.parametrize("workers", [1, 2])
def test_every_hostile_input_is_quarantined_with_its_code_and_the_rest_extracted(
        hostile: tuple[Path, dict[tuple[str, int | None], str | None], list[str]], tmp_path: Path, workers: int) -> None:
    folder, expected, good = hostile
    out = tmp_path / "out"
    started = time.monotonic()
    run = subprocess.run([*_cli(), "extract", str(folder), "--out-dir", str(out), "--model", str(MODEL),
                          "--max-chars", str(MAX_CHARS), "--workers", str(workers)],
                         capture_output=True, text=True, timeout=120, env=_env(), cwd=ROOT)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == EXIT_SOME_BAD, run.stderr
    assert time.monotonic() - started < 90  # nothing hung, nothing took quadratic time
    manifest = json.loads((out / "manifest.json").read_text())
    counts = manifest["run"]["counts"]
    bad = {key: code for key, code in expected.items() if code is not None}
    assert counts["input"] == counts["extracted"] + counts["quarantined"]
    assert counts["quarantined"] == len(bad)
    assert _quarantined(out / "quarantine.jsonl") == bad
    records = [json.loads(line) for shard in sorted(out.glob("shard-*.jsonl")) for line in shard.open(encoding="utf-8")]
    assert sorted(r["id"] for r in records) == sorted(good)
    assert counts["extracted"] == len(good)


def test_a_figure_beyond_64_bits_keeps_its_record(nlp: Any) -> None:
    from pipeline.extract import extract_records

    import orjson

    text = "The force recorded 18,446,744,073,709,551,616 crimes, reference number 18446744073709551616."
    [record] = list(extract_records(nlp, [Article("big", text, "2017-01-01", "s")]))
    assert isinstance(record, dict), record
    with pytest.raises(orjson.JSONEncodeError):  # what used to cost the article its record
        orjson.dumps(record)
    line = json.loads(encode_record(record))  # the record is written, its text and spans whole
    assert line["text"] == text and len(line["spans"]) == len(record["spans"])
    counts = [span for span in line["spans"] if span["label"] == "COUNT"]
    assert counts and all(span["value"] is None for span in counts)


def test_an_integer_orjson_cannot_write_becomes_null_and_the_rest_is_unchanged() -> None:
    record = {"id": "x", "spans": [{"value": 2 ** 64, "low": -(2 ** 63) - 1, "ok": 2 ** 64 - 1, "flag": True}]}
    assert json.loads(encode_record(record)) == {"id": "x", "spans": [{"value": None, "low": None,
                                                                       "ok": 2 ** 64 - 1, "flag": True}]}


@pytest.mark.parametrize("text", ["1/1/55 - March", "1/1/55 - May 2017", "31/12/99 - March"])
def test_a_date_range_whose_start_cannot_be_read_is_unparsed_not_an_error(text: str) -> None:
    for base in (None, "2017-05-01"):
        normal = normalise_date(text, base)  # used to raise AssertionError
        assert normal.granularity != "range" or "/" in (normal.value or "")
    assert normalise_date("1 January - March", "2017-05-01").value == "2017-01-01/2017-03"  # ranges still read


def test_an_unreadable_sub_folder_is_reported_not_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(GOOD_TEXT)
    (tmp_path / "in" / "locked" / "b.txt").write_text(GOOD_TEXT)
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:  # root reads every folder, so the refusal is simulated
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(inputs_module.os, "scandir", scandir)
    items = list(iter_inputs([tmp_path / "in"]))
    assert [i.id for i in items if isinstance(i, Article)] == ["a"]
    [problem] = [i for i in items if isinstance(i, InputProblem)]
    assert problem.code == "unreadable_folder" and problem.source.endswith("locked")


def test_a_special_file_named_on_its_own_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)  # opening it for reading would block until a writer came
    os.symlink("/dev/zero", tmp_path / "zero.txt")  # reading it would never end
    problems = list(iter_inputs([fifo, tmp_path / "zero.txt"]))
    assert [(type(p).__name__, getattr(p, "code", None)) for p in problems] == [("InputProblem", "special_file")] * 2


def _corpus_lines(path: Path, count: int) -> list[str]:
    ids = [f"doc-{i}" for i in range(count)]
    path.write_bytes(b"".join(_good(doc_id, f"{GOOD_TEXT} Item {i}.") for i, doc_id in enumerate(ids)))
    return ids


def _shard_ids(out: Path) -> list[str]:
    return [json.loads(line)["id"] for shard in sorted(out.glob("shard-*.jsonl")) for line in shard.open()]


def test_a_truncated_shard_is_detected_on_resume_and_redone(tmp_path: Path, nlp: Any) -> None:
    source = tmp_path / "docs.jsonl"
    ids = _corpus_lines(source, 9)
    out = tmp_path / "out"
    options = BatchOptions(model=MODEL, progress=False)
    run_batch([source], open_sink(None, out, 3, MODEL), options)
    shard = out / "shard-00001.jsonl"
    shard.write_bytes(shard.read_bytes()[:-40])  # cut short on disk after it was committed
    sink = open_sink(None, out, 3, MODEL)
    assert any("shard-00001.jsonl is damaged" in note for note in sink.notes)  # type: ignore[union-attr]
    counts = run_batch([source], sink, options)
    assert counts.extracted == 3 and counts.skipped == 6
    assert sorted(_shard_ids(out)) == sorted(ids)
    manifest = json.loads((out / "manifest.json").read_text())
    import hashlib
    for row in manifest["shards"]:
        data = (out / row["path"]).read_bytes()
        assert len(data) == row["bytes"] and hashlib.sha256(data).hexdigest() == row["sha256"]


def _one_line_exit_1(result: Any) -> str:
    assert isinstance(result.exception, SystemExit), result.exception  # not an uncaught error
    assert result.exit_code == EXIT_FATAL, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def test_a_second_run_on_the_same_output_file_stops_and_leaves_it_alone(tmp_path: Path, nlp: Any) -> None:
    source = tmp_path / "docs.jsonl"
    _corpus_lines(source, 2)
    out = tmp_path / "out.jsonl"
    out.write_text("earlier\n")
    with (tmp_path / "out.jsonl.lock").open("w") as held:  # a first run holds the lock
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = CliRunner().invoke(app, ["extract", str(source), "-o", str(out), "--model", str(MODEL)])
    assert "another run is writing to" in _one_line_exit_1(result)
    assert out.read_text() == "earlier\n" and not (tmp_path / "out.jsonl.tmp").exists()
    again = CliRunner().invoke(app, ["extract", str(source), "-o", str(out), "--model", str(MODEL)])
    assert again.exit_code == 0, again.output  # the lock is free once its holder is gone
    assert [json.loads(line)["id"] for line in out.open()] == ["doc-0", "doc-1"]


def test_a_ledger_that_cannot_commit_is_one_line_and_resumable(tmp_path: Path, nlp: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "docs.jsonl"
    ids = _corpus_lines(source, 4)
    out = tmp_path / "out"

    def full(*args: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Ledger, "commit_shard", full)
    result = CliRunner().invoke(app, ["extract", str(source), "--out-dir", str(out), "--model", str(MODEL),
                                      "--shard-size", "2"])
    assert "database or disk is full" in _one_line_exit_1(result)
    monkeypatch.undo()
    again = CliRunner().invoke(app, ["extract", str(source), "--out-dir", str(out), "--model", str(MODEL)])
    assert again.exit_code == 0, again.output
    assert _shard_ids(out) == ids


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 200 KB tmpfs (root only): where a run fills the disk for real."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_full_disk_is_one_line_exit_1_and_the_run_resumes_once_space_is_freed(
        tmp_path: Path, small_disk: Path, nlp: Any) -> None:
    source = tmp_path / "docs.jsonl"
    ids = [f"doc-{i}" for i in range(150)]
    source.write_bytes(b"".join(_good(doc_id, f"{GOOD_TEXT} Item {i}. " + "More words here. " * 40)
                                for i, doc_id in enumerate(ids)))
    out = small_disk / "out"
    command = ["extract", str(source), "--out-dir", str(out), "--model", str(MODEL), "--shard-size", "10"]
    line = _one_line_exit_1(CliRunner().invoke(app, command))
    assert "disk is full" in line or "No space left" in line or "database or disk is full" in line, line
    subprocess.run(["mount", "-o", "remount,size=20m", str(small_disk)], check=True)
    again = CliRunner().invoke(app, command)
    assert again.exit_code == 0, again.output
    assert _shard_ids(out) == ids  # nothing lost, nothing twice


def test_a_full_disk_under_an_output_file_is_one_line_and_leaves_nothing(
        tmp_path: Path, small_disk: Path, nlp: Any) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_bytes(b"".join(_good(f"doc-{i}", GOOD_TEXT + " More words here." * 60) for i in range(150)))
    out = small_disk / "out.jsonl"
    line = _one_line_exit_1(CliRunner().invoke(app, ["extract", str(source), "-o", str(out), "--model", str(MODEL)]))
    assert "disk is full" in line, line
    assert not out.exists() and not (small_disk / "out.jsonl.tmp").exists()


def test_a_read_only_output_folder_is_one_line_exit_1(tmp_path: Path, small_disk: Path, nlp: Any) -> None:
    source = tmp_path / "docs.jsonl"
    _corpus_lines(source, 2)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    for target in (["--out-dir", str(small_disk / "out")], ["-o", str(small_disk / "out.jsonl")]):
        line = _one_line_exit_1(CliRunner().invoke(app, ["extract", str(source), *target, "--model", str(MODEL)]))
        assert "read-only" in line, line


def _descendants(pid: int) -> set[int]:
    """Every process whose parent chain leads to ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


_NO_DASK = pytest.mark.skipif(importlib.util.find_spec("distributed") is None,
                              reason="Dask is not installed: pip install 'hmicfrs-extract[dask]'")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("runner", [
    pytest.param(["--workers", "2"], id="workers"),
    # Dask's local workers are children of its nannies, which run in this process: Dask's own
    # parent-alive pipe ends them when it dies.
    pytest.param(["--dask", "local", "--dask-workers", "2"], id="dask-local", marks=_NO_DASK),
])
def test_killing_the_parent_of_a_workers_run_leaves_no_worker_behind(tmp_path: Path, runner: list[str]) -> None:
    source = tmp_path / "docs.jsonl"
    _corpus_lines(source, 3000)
    out = tmp_path / "out"
    process = subprocess.Popen([*_cli(), "extract", str(source), "--out-dir", str(out), "--model", str(MODEL),
                                *runner, "--chunk-size", "8", "--shard-size", "10"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(), cwd=ROOT)
    deadline = time.monotonic() + 60
    while not list(out.glob("shard-*.jsonl")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # the workers are running a batch once the first shard is written
    workers = _descendants(process.pid)
    assert process.poll() is None and len(workers) >= 2, "the run ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # clean up before failing, so one failure does not leak processes
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"worker processes outlived their parent: {survivors}"
    shutil.rmtree(out, ignore_errors=True)


@_NO_DASK
def test_on_dask_the_hostile_inputs_are_quarantined_alike(
        hostile: tuple[Path, dict[tuple[str, int | None], str | None], list[str]], tmp_path: Path, nlp: Any) -> None:
    folder, expected, good = hostile
    out = tmp_path / "out"
    options = BatchOptions(model=MODEL, dask="local", dask_workers=1, dask_processes=False, max_chars=MAX_CHARS,
                           progress=False)
    counts = run_batch([folder], open_sink(None, out, 1000, MODEL), options)
    bad = {key: code for key, code in expected.items() if code is not None}
    assert counts.adds_up() and counts.skipped == 0
    assert _quarantined(out / "quarantine.jsonl") == bad
    assert sorted(_shard_ids(out)) == sorted(good)


def test_hostile_lines_on_standard_input_are_reported_and_the_good_ones_written(nlp: Any) -> None:
    stdin = (b"\xef\xbb\xbf" + _good("first") + b'{"id": "s", "text": "\\ud800"}\n'
             + b'{"id": "d", "text": "t", "x": ' + _deep(5000) + b"}\n" + _good("pct", "x " + "%" * 500)
             + b'{"id": ' + b"1" * 5000 + b"}\n" + _good("last"))
    result = CliRunner().invoke(app, ["extract", "-", "-o", "-", "--model", str(MODEL)], input=stdin)
    assert result.exit_code == EXIT_SOME_BAD, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["first", "last"]
    for code_reason in ("lone surrogate", "nested too deeply", "degenerate", "number too long"):
        assert code_reason in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("text", ["a " + "%" * 101 + "b", "a " + "%" * 100 + "b", "x" * 200 + "%" * 150 + "y=" + "=" * 119,
                                  "\u00a0".join(["%" * 60] * 3), "«" * 101, "word, word; word... " * 50, ""])
def test_the_symbol_run_check_agrees_with_a_plain_scan_of_every_character(text: str) -> None:
    import re

    plain = max((len(run) for run in re.findall(r"[^\w\s]+", text)), default=0)
    found = longest_symbol_run(text, MAX_SYMBOL_RUN)
    assert (found > MAX_SYMBOL_RUN) == (plain > MAX_SYMBOL_RUN)
    if plain > MAX_SYMBOL_RUN:
        assert found == plain
