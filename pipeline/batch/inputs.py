"""Finding the documents of a batch: files, folders (recursive), globs; .txt, .jsonl, .jsonl.gz.

Everything streams: folders are walked one listing at a time, JSONL is read line by line,
and the ids seen so far live in a SQLite file rather than in memory, so a run over
millions of documents holds no more than a run over ten. The order is the order the
arguments are given in, each folder or glob in sorted path order, the same order
``sorted(Path.rglob(...))`` gives.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import zlib
from pathlib import Path
from typing import Iterable, Iterator, Protocol

from pipeline.io import DEFAULT_MAX_CHARS, Article, InputProblem, open_lines, read_jsonl, read_txt

_MAGIC = re.compile(r"[*?\[]")


class IdSet(Protocol):
    def __contains__(self, doc_id: object) -> bool: ...
    def add(self, doc_id: str) -> None: ...


class SeenIds:
    """The ids seen so far in one run, in a private temporary SQLite database: memory stays flat."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("")  # "" = a temporary on-disk database, deleted on close
        self._db.execute("CREATE TABLE seen (id TEXT PRIMARY KEY) WITHOUT ROWID")

    def __contains__(self, doc_id: object) -> bool:
        return self._db.execute("SELECT 1 FROM seen WHERE id = ?", (doc_id,)).fetchone() is not None

    def add(self, doc_id: str) -> None:
        self._db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (doc_id,))

    def close(self) -> None:
        self._db.close()


def is_input_file(name: str) -> bool:
    """The files a folder contributes; anything else in it (README, images) is not a document."""
    return name.endswith((".txt", ".jsonl", ".jsonl.gz"))


def is_jsonl(path: Path) -> bool:
    return path.name.endswith((".jsonl", ".jsonl.gz"))


def _walk(folder: Path) -> Iterator[Path]:
    """Input files below ``folder``, depth first, each listing sorted: ``sorted(rglob)`` order, streamed."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file() and is_input_file(entry.name):
            yield Path(entry.path)


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob over '/'-separated paths: ``*`` and ``?`` stay within a name, ``**/`` spans folders."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1:end]
            out.append("[" + ("^" + re.escape(body[1:]) if body.startswith("!") else re.escape(body)) + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def _glob(pattern: str) -> Iterator[Path]:
    """Files matching ``pattern`` (a matched folder gives its input files), sorted, streamed."""
    parts = Path(pattern).parts
    split = next(i for i, part in enumerate(parts) if _MAGIC.search(part))
    base = Path(*parts[:split]) if split else Path(".")
    rest = parts[split:]
    regex = _glob_regex("/".join(rest))
    max_depth = None if any("**" in part for part in rest) else len(rest)

    def walk(folder: Path, rel: tuple[str, ...]) -> Iterator[Path]:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            name = (*rel, entry.name)
            is_dir = entry.is_dir(follow_symlinks=False)
            if regex.match("/".join(name)):
                if is_dir:
                    yield from _walk(Path(entry.path))
                elif entry.is_file():
                    yield Path(entry.path)
            elif is_dir and (max_depth is None or len(name) < max_depth):
                yield from walk(Path(entry.path), name)

    yield from walk(base, ())


def expand_paths(paths: Iterable[Path | str]) -> Iterator[Path | InputProblem]:
    """Each argument as files: a file as itself, a folder as its input files, a glob as its matches."""
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        elif _MAGIC.search(str(arg)):
            matched = False
            for match in _glob(str(arg)):
                matched = True
                yield match
            if not matched:
                yield InputProblem(str(arg), "no file matches this pattern", code="no_match")
        else:
            yield InputProblem(str(arg), "no such file or directory", code="no_such_path")


def iter_inputs(
    paths: Iterable[Path | str], max_chars: int = DEFAULT_MAX_CHARS, seen: IdSet | None = None
) -> Iterator[Article | InputProblem]:
    """Every article in the inputs, in order, with problems in their place; a repeated id is a problem."""
    seen = SeenIds() if seen is None else seen
    for item in expand_paths(paths):
        if isinstance(item, InputProblem):
            yield item
            continue
        results = read_jsonl(item, max_chars) if is_jsonl(item) else iter([read_txt(item, max_chars)])
        for result in results:
            if isinstance(result, Article):
                if result.id in seen:
                    yield InputProblem(result.path or result.source, f"duplicate id {result.id!r}", result.line,
                                       code="duplicate_id", doc_id=result.id)
                    continue
                seen.add(result.id)
            yield result


def read_inputs(paths: Iterable[Path | str], max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | InputProblem]:
    """Every article in the inputs (files, folders, globs), in order, with problems in their place;
    ids are unique (a repeated id is a problem). The ids seen are kept in memory: for a run of a
    size that fits there (tests, benchmarks, one ``-o`` file); ``iter_inputs`` keeps them on disk."""
    return iter_inputs(paths, max_chars=max_chars, seen=set())


def estimate_total(paths: Iterable[Path | str]) -> int:
    """About how many documents the inputs hold (lines of JSONL, one per text file): for the ETA."""
    total = 0
    for item in expand_paths(paths):
        if isinstance(item, InputProblem) or not is_jsonl(item):
            total += 1
            continue
        try:
            with open_lines(item) as handle:
                last = b"\n"
                while block := handle.read(1 << 20):
                    total += block.count(b"\n")
                    last = block[-1:]
                total += last != b"\n"
        except (OSError, EOFError, zlib.error):
            total += 1
    return total


def content_hash(article: Article) -> str:
    """What decides whether a document's record can be reused: its text, date and source.

    Each field goes in with its length (or as absent), so no two different triples hash the
    same bytes; hashing the raw text costs a quarter of hashing its JSON encoding."""
    digest = hashlib.sha256()
    for value in (article.text, article.date, article.source):
        if value is None:
            digest.update(b"-")
        else:
            data = value.encode("utf-8")
            digest.update(b"%d:" % len(data))
            digest.update(data)
    return digest.hexdigest()
