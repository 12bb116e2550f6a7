"""Where records go: one JSONL file, or a folder of shards with a manifest; and the quarantine.

Every file is written beside its final name as ``.tmp``, synced, and renamed into place
(``os.replace``), so a reader or a crash never sees half a file. In a shard folder the
ledger decides what counts (see :mod:`pipeline.batch.ledger`); this module keeps the
files and the ledger in step.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from pipeline.batch.ledger import Ledger, ShardRow
from pipeline.io import InputProblem

SHARD_NAME = "shard-{seq:05d}.jsonl"
SHARD_GLOB = "shard-*.jsonl"
MANIFEST = "manifest.json"
QUARANTINE = "quarantine.jsonl"
LEDGER = "ledger.sqlite"
LOCK = ".lock"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _tmp(path: Path) -> Path:
    return path.with_name(path.name + ".tmp")


def _sync_dir(folder: Path) -> None:
    """Make a rename durable: the directory entry is data too."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _close_quietly(handle: IO[Any]) -> None:
    """Close a file being given up (a run that stops): its unflushed bytes may not fit on a full disk,
    and that must not hide the error that stopped the run."""
    try:
        handle.close()
    except OSError:
        pass


def _publish(handle: IO[bytes], tmp: Path, final: Path) -> None:
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()
    os.replace(tmp, final)
    _sync_dir(final.parent)


def write_atomic(path: Path, text: str) -> None:
    tmp = _tmp(path)
    handle = tmp.open("wb")
    handle.write(text.encode("utf-8"))
    _publish(handle, tmp, path)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _take_lock(lock_path: Path, what: Path) -> IO[str]:
    """An exclusive lock held while a run writes ``what``; a second run stops with one line. The kernel
    drops the lock when its holder dies, so a killed run never leaves it locked."""
    handle = lock_path.open("w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise RuntimeError(f"another run is writing to {what}: wait for it to finish, or write elsewhere") from None
    return handle


class JsonlFileSink:
    """``-o OUT.jsonl``: every record in one file, published when the run ends (as before).

    Like ``--out-dir``, it holds a lock (``OUT.jsonl.lock``, left beside it) while it writes, so two
    runs on one file cannot mix their records; the file is written as ``OUT.jsonl.tmp`` and renamed."""

    ledger: Ledger | None = None

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.quarantine_path = path.with_name(path.name.removesuffix(".jsonl") + ".quarantine.jsonl")
        self._lock = _take_lock(path.with_name(path.name + ".lock"), path)
        try:
            self._handle = _tmp(path).open("wb")
        except BaseException:
            self._lock.close()
            raise

    def write(self, doc_id: str, content_hash: str, line: bytes) -> None:
        self._handle.write(line + b"\n")

    def finish(self, run: dict[str, Any]) -> None:
        try:
            _publish(self._handle, _tmp(self.path), self.path)
        finally:
            self._lock.close()

    def abort(self) -> None:
        _close_quietly(self._handle)
        _tmp(self.path).unlink(missing_ok=True)
        self._lock.close()


class StdoutSink:
    """``-o -``: every record on standard output as it is made; bad documents are reported on
    standard error only (there is no file to put a quarantine report beside)."""

    ledger: Ledger | None = None
    quarantine_path: Path | None = None

    def __init__(self, stream: IO[bytes] | None = None) -> None:
        self._stream = stream

    def write(self, doc_id: str, content_hash: str, line: bytes) -> None:
        stream = self._stream if self._stream is not None else sys.stdout.buffer
        stream.write(line + b"\n")

    def finish(self, run: dict[str, Any]) -> None:
        (self._stream if self._stream is not None else sys.stdout.buffer).flush()

    def abort(self) -> None:
        pass


class ShardSink:
    """``--out-dir DIR``: ``shard-NNNNN.jsonl`` of ``shard_size`` records each, ``manifest.json``,
    ``quarantine.jsonl`` and ``ledger.sqlite``; resumable after a kill at any point."""

    def __init__(self, out_dir: Path, shard_size: int, version: str) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir, self.shard_size, self.version = out_dir, shard_size, version
        self.quarantine_path = out_dir / QUARANTINE
        # Two runs on one folder would number their shards alike.
        self._lock = _take_lock(out_dir / LOCK, out_dir)
        try:
            self.ledger = Ledger(out_dir / LEDGER)
            self.notes = recover(out_dir, self.ledger)
        except BaseException:
            self._lock.close()
            raise
        self.seq = self.ledger.next_seq()
        self.written: list[str] = []  # shards written by this run
        self._handle: IO[bytes] | None = None
        self._digest = hashlib.sha256()
        self._size = 0
        self._docs: list[tuple[str, str]] = []

    def _name(self) -> str:
        return SHARD_NAME.format(seq=self.seq)

    def write(self, doc_id: str, content_hash: str, line: bytes) -> None:
        if self._handle is None:
            self._handle = _tmp(self.out_dir / self._name()).open("wb")
            self._digest, self._size, self._docs = hashlib.sha256(), 0, []
        data = line + b"\n"
        self._handle.write(data)
        self._digest.update(data)
        self._size += len(data)
        self._docs.append((doc_id, content_hash))
        if len(self._docs) >= self.shard_size:
            self._commit()

    def _commit(self) -> None:
        """Rename the shard into place, then record it and its documents: never the other way round."""
        assert self._handle is not None
        name = self._name()
        _publish(self._handle, _tmp(self.out_dir / name), self.out_dir / name)
        row = ShardRow(name, self.seq, len(self._docs), self._size, self._digest.hexdigest(), self.version)
        self.ledger.commit_shard(row, now(), self._docs)
        self.written.append(name)
        self._handle, self._docs = None, []
        self.seq += 1

    def finish(self, run: dict[str, Any]) -> None:
        if self._handle is not None:
            self._commit()
        compact(self.out_dir, self.ledger)
        write_manifest(self.out_dir, self.ledger, run)
        self.close()

    def abort(self) -> None:
        if self._handle is not None:
            _close_quietly(self._handle)
        self.close()

    def close(self) -> None:
        self.ledger.close()
        self._lock.close()  # releases the lock


def recover(out_dir: Path, ledger: Ledger) -> list[str]:
    """Bring the folder and the ledger back in step after a crash; returns what was done."""
    notes = []
    for tmp in sorted(out_dir.glob("*.tmp")):
        tmp.unlink()
        notes.append(f"removed unfinished {tmp.name}")
    for name, before, after in ledger.pending_rewrites():
        path = out_dir / name
        ledger.settle_rewrite(name, done=path.exists() and sha256_file(path) == after)
    known = {row.name for row in ledger.shards()}
    for path in sorted(out_dir.glob(SHARD_GLOB)):
        if path.name not in known:
            path.unlink()
            notes.append(f"removed {path.name}: written but never committed, its documents will be redone")
    for row in ledger.shards():
        path = out_dir / row.name
        if not path.exists():
            ledger.drop_shard(row.name)
            notes.append(f"{row.name} is missing: its {row.docs} documents will be redone")
        elif path.stat().st_size != row.bytes or sha256_file(path) != row.sha256:
            # Truncated or changed on disk since it was committed: its records cannot be trusted.
            ledger.drop_shard(row.name)
            path.unlink()
            notes.append(f"{row.name} is damaged (not the size and sha256 recorded): its {row.docs} documents "
                         "will be redone")
    return notes


def compact(out_dir: Path, ledger: Ledger) -> None:
    """Drop records that a later shard replaced (changed text, newer pipeline) from their old shard."""
    for row in ledger.stale_shards():
        path = out_dir / row.name
        live = ledger.live_ids(row.name)
        if not live:
            ledger.drop_shard(row.name)
            path.unlink(missing_ok=True)
            continue
        tmp = _tmp(path)
        digest, size, docs = hashlib.sha256(), 0, 0
        with path.open("rb") as source, tmp.open("wb") as handle:
            for data in source:
                if json.loads(data)["id"] in live:
                    handle.write(data)
                    digest.update(data)
                    size += len(data)
                    docs += 1
            handle.flush()
            os.fsync(handle.fileno())
        ledger.announce_rewrite(row.name, digest.hexdigest(), docs, size)
        os.replace(tmp, path)
        _sync_dir(out_dir)
        ledger.settle_rewrite(row.name, done=True)


def write_manifest(out_dir: Path, ledger: Ledger, run: dict[str, Any]) -> dict[str, Any]:
    """``manifest.json``: this run's inputs and counts, and every shard of the folder with its sha256."""
    shards = [{"path": row.name, "docs": row.docs, "bytes": row.bytes, "sha256": row.sha256,
               "pipeline_version": row.version} for row in ledger.shards()]
    manifest = {
        "format": "hmicfrs-extract shards 1",
        **run,
        "totals": {"documents": sum(s["docs"] for s in shards), "shards": len(shards)},
        "shards": shards,
        "ledger": LEDGER,
    }
    write_atomic(out_dir / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    return manifest


class QuarantineWriter:
    """``quarantine.jsonl``: one line per bad document of this run (a run re-reads all its inputs,
    so the report is complete for it); no file when nothing was quarantined. Without a path
    (``-o -``) every bad document is reported on standard error instead."""

    def __init__(self, path: Path | None, echo_first: int = 20) -> None:
        self.path, self.echo_first = path, echo_first
        self.count = 0
        self._handle: IO[bytes] | None = None

    def add(self, problem: InputProblem) -> None:
        if self.path is None:
            self.count += 1
            print(f"skipped {problem.describe()}", file=sys.stderr)
            return
        if self._handle is None:
            self._handle = _tmp(self.path).open("wb")
        # backslashreplace: a source or id holding a lone surrogate (a file name that is not UTF-8)
        # is still reported, as its escape.
        self._handle.write((json.dumps(problem.as_dict(), ensure_ascii=False) + "\n")
                           .encode("utf-8", "backslashreplace"))
        self.count += 1
        if self.count <= self.echo_first:
            print(f"skipped {problem.describe()}", file=sys.stderr)
        elif self.count == self.echo_first + 1:
            print(f"(more skipped documents: see {self.path})", file=sys.stderr)

    def finish(self) -> None:
        if self.path is None:
            return
        if self._handle is not None:
            _publish(self._handle, _tmp(self.path), self.path)
        elif self.path.exists():
            self.path.unlink()

    def abort(self) -> None:
        if self._handle is not None:
            _close_quietly(self._handle)
