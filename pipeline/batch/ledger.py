"""What an output folder already holds, in SQLite (``ledger.sqlite``), so a killed run resumes.

The ledger is the truth about the folder: a shard counts only once its row is committed,
and its documents' rows are committed in the same transaction, after the shard file has
been renamed into place and synced. So after a crash at any point:

* a shard file with no row (renamed, not yet committed) is an orphan and is deleted: its
  documents have no rows either and are processed again;
* a row whose file is missing loses its documents' rows too, so they are processed again;
* a ``.tmp`` file is a write that never finished and is deleted.

No document is lost and none is written twice. A document is done when its id has a row
with the same content hash and pipeline version; a changed text or a new version
reprocesses it, and its old record is dropped from its old shard by :func:`compact`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS shards (
    name TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, docs INTEGER NOT NULL, bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL, version TEXT NOT NULL, written TEXT NOT NULL,
    pending_sha256 TEXT, pending_docs INTEGER, pending_bytes INTEGER);
CREATE TABLE IF NOT EXISTS docs (
    id TEXT PRIMARY KEY, hash TEXT NOT NULL, version TEXT NOT NULL, shard TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS docs_by_shard ON docs (shard);
"""


@dataclass(frozen=True)
class ShardRow:
    name: str
    seq: int
    docs: int
    bytes: int
    sha256: str
    version: str


class Ledger:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        # NORMAL may lose the last commits on power loss, never on a killed process; a lost
        # commit only turns its shard into an orphan, which recovery deletes and redoes.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    def is_done(self, doc_id: str, content_hash: str, version: str) -> bool:
        row = self.db.execute("SELECT 1 FROM docs WHERE id = ? AND hash = ? AND version = ?",
                              (doc_id, content_hash, version)).fetchone()
        return row is not None

    def next_seq(self) -> int:
        (seq,) = self.db.execute("SELECT COALESCE(MAX(seq) + 1, 0) FROM shards").fetchone()
        return seq

    def commit_shard(self, row: ShardRow, written: str, docs: list[tuple[str, str]]) -> None:
        """Record a shard already renamed into place and its documents, all or nothing."""
        with self.db:
            self.db.execute("INSERT INTO shards (name, seq, docs, bytes, sha256, version, written) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (row.name, row.seq, row.docs, row.bytes, row.sha256, row.version, written))
            self.db.executemany("INSERT OR REPLACE INTO docs (id, hash, version, shard) VALUES (?, ?, ?, ?)",
                                [(doc_id, digest, row.version, row.name) for doc_id, digest in docs])

    def shards(self) -> list[ShardRow]:
        rows = self.db.execute("SELECT name, seq, docs, bytes, sha256, version FROM shards ORDER BY seq")
        return [ShardRow(*row) for row in rows]

    def live_ids(self, shard: str) -> set[str]:
        return {doc_id for (doc_id,) in self.db.execute("SELECT id FROM docs WHERE shard = ?", (shard,))}

    def stale_shards(self) -> list[ShardRow]:
        """Shards holding records that a later shard replaced (or that hold nothing current)."""
        rows = self.db.execute(
            "SELECT s.name, s.seq, s.docs, s.bytes, s.sha256, s.version FROM shards s "
            "LEFT JOIN (SELECT shard, COUNT(*) AS n FROM docs GROUP BY shard) d ON d.shard = s.name "
            "WHERE COALESCE(d.n, 0) < s.docs ORDER BY s.seq")
        return [ShardRow(*row) for row in rows]

    def document_count(self) -> int:
        (n,) = self.db.execute("SELECT COUNT(*) FROM docs").fetchone()
        return n

    # --- compaction: rewrite a shard without its replaced records, announced before the rename ---
    def announce_rewrite(self, name: str, sha256: str, docs: int, size: int) -> None:
        with self.db:
            self.db.execute("UPDATE shards SET pending_sha256 = ?, pending_docs = ?, pending_bytes = ? WHERE name = ?",
                            (sha256, docs, size, name))

    def settle_rewrite(self, name: str, done: bool) -> None:
        with self.db:
            if done:
                self.db.execute("UPDATE shards SET sha256 = pending_sha256, docs = pending_docs, "
                                "bytes = pending_bytes WHERE name = ?", (name,))
            self.db.execute("UPDATE shards SET pending_sha256 = NULL, pending_docs = NULL, "
                            "pending_bytes = NULL WHERE name = ?", (name,))

    def drop_shard(self, name: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM docs WHERE shard = ?", (name,))
            self.db.execute("DELETE FROM shards WHERE name = ?", (name,))

    def pending_rewrites(self) -> list[tuple[str, str, str]]:
        """(shard, sha256 before, sha256 after) of rewrites a crash interrupted."""
        return list(self.db.execute("SELECT name, sha256, pending_sha256 FROM shards WHERE pending_sha256 IS NOT NULL"))
