"""Finding the documents of a batch: files, folders (recursive), globs, ``-`` (standard input);
.txt, .jsonl, .jsonl.gz.

Everything streams: folders are walked one listing at a time, JSONL is read line by line,
and the ids seen so far live in a SQLite file rather than in memory, so a run over
millions of documents holds no more than a run over ten. The order is the order the
arguments are given in, each folder or glob in sorted path order, the same order
``sorted(Path.rglob(...))`` gives.

Ids. A JSONL line's ``id`` is kept as given. A ``.txt`` file's id is its path below the
folder argument it was found in (or below a glob's fixed part, ``data`` in
``data/**/*.txt``), without ``.txt`` and with ``/`` between folders: ``a/story.txt`` and
``b/story.txt`` under ``in/`` are ``a/story`` and ``b/story``; a file directly in the folder
keeps its bare name, so the ids of a folder of articles are what they always were. A file
named on its own is its name without ``.txt``. Its ``source`` is the same path with
``.txt``. A sidecar ``NAME.meta.json`` may set ``id``, ``date`` and ``source`` (see
:func:`pipeline.io.read_sidecar`). A JSONL line without an id gets the same kind of name
for its file, plus ``-LINE``. An id met twice in one run is reported, never overwritten.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Protocol

from pipeline.io import (DEFAULT_MAX_CHARS, SIDECAR_SUFFIX, STDIN, Article, InputProblem, is_utf8_text, open_lines,
                         read_jsonl, read_stdin, read_txt, special_file)

# What a folder contributes; anything else in it is listed as ignored (``ignored_files``).
INPUT_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")

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
    return name.endswith(INPUT_SUFFIXES)


def is_sidecar(name: str) -> bool:
    """``story.meta.json``: a .txt file's id, date and source, not a document of its own."""
    return name.endswith(SIDECAR_SUFFIX)


def is_jsonl(path: Path) -> bool:
    return path.name.endswith((".jsonl", ".jsonl.gz"))


@dataclass(frozen=True)
class Found:
    """A file of the inputs and the folder its id is taken relative to (None: named on its own)."""

    path: Path
    root: Path | None = None

    def relative(self) -> str:
        """The path below ``root`` with ``/`` between folders; the bare name for a file named on its own."""
        if self.root is None:
            return self.path.name
        return self.path.relative_to(self.root).as_posix()

    def doc_id(self) -> str:
        """The id of a .txt file's article, or the prefix of a JSONL line without an id."""
        rel = self.relative()
        for suffix in (".jsonl.gz", ".jsonl", ".txt"):
            if rel.endswith(suffix) and len(rel) > len(suffix):
                return rel[: -len(suffix)]
        return rel


def _listing(folder: Path) -> list[os.DirEntry[str]] | InputProblem:
    """A folder's entries sorted by name, or the problem that stops it being listed: a folder that
    cannot be read is reported (its documents would otherwise go uncounted), never skipped."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as err:
        return InputProblem(str(folder), f"cannot list this folder: {err.strerror or err}; its documents were "
                            "not read", code="unreadable_folder")


def _is_candidate(entry: os.DirEntry[str], wanted: bool) -> bool:
    """An input file (``wanted``) or another file. A FIFO, device or socket with an input's name is
    an input here, so that reading refuses it with a code (``special_file``) instead of passing it over."""
    if is_input_file(entry.name) != wanted:
        return False
    try:
        return entry.is_file() or (wanted and not entry.is_dir())
    except OSError:
        return wanted


def _walk(folder: Path, wanted: bool = True) -> Iterator[Path | InputProblem]:
    """Input files below ``folder`` (or, ``wanted=False``, the other files), depth first, each listing
    sorted: ``sorted(rglob)`` order, streamed. A folder that cannot be listed is a problem in its place."""
    entries = _listing(folder)
    if isinstance(entries, InputProblem):
        if wanted:
            yield entries
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), wanted)
        elif _is_candidate(entry, wanted):
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


def _glob_base(pattern: str) -> tuple[Path, tuple[str, ...]]:
    """The fixed folder a glob starts from (``data`` in ``data/**/*.txt``) and its remaining parts."""
    parts = Path(pattern).parts
    split = next(i for i, part in enumerate(parts) if _MAGIC.search(part))
    return (Path(*parts[:split]) if split else Path(".")), parts[split:]


def _glob(pattern: str, wanted: bool = True) -> Iterator[Path | InputProblem]:
    """Input files matching ``pattern`` (a matched folder gives its input files), sorted, streamed;
    ``wanted=False``: the other files the pattern reaches."""
    base, rest = _glob_base(pattern)
    regex = _glob_regex("/".join(rest))
    max_depth = None if any("**" in part for part in rest) else len(rest)

    def walk(folder: Path, rel: tuple[str, ...]) -> Iterator[Path | InputProblem]:
        entries = _listing(folder)
        if isinstance(entries, InputProblem):
            if wanted and rel:  # the pattern's fixed part missing is "no match", reported by the caller
                yield entries
            return
        for entry in entries:
            name = (*rel, entry.name)
            is_dir = entry.is_dir(follow_symlinks=False)
            if regex.match("/".join(name)):
                if is_dir:
                    yield from _walk(Path(entry.path), wanted)
                elif _is_candidate(entry, wanted):
                    yield Path(entry.path)
            elif is_dir and (max_depth is None or len(name) < max_depth):
                yield from walk(Path(entry.path), name)

    yield from walk(base, ())


def unsupported_file(arg: Path | str) -> bool:
    """A file named on its own that is not an input: an error of the caller's, not a document."""
    return str(arg) != STDIN and Path(arg).is_file() and not is_input_file(Path(arg).name)


def locate(paths: Iterable[Path | str]) -> Iterator[Found | InputProblem]:
    """Each argument as files, with the folder their ids are relative to: a file as itself, a folder
    as its input files, a glob as its matches, ``-`` as standard input."""
    for arg in paths:
        path = Path(arg)
        if str(arg) == STDIN:
            yield Found(Path(STDIN))
        elif path.is_dir():
            yield from (found if isinstance(found, InputProblem) else _found(found, path) for found in _walk(path))
        elif path.exists():
            if is_input_file(path.name):
                yield _found(path, None)
            else:
                yield InputProblem(str(arg), f"not a supported input (use {', '.join(INPUT_SUFFIXES)})",
                                   code="unsupported")
        elif _MAGIC.search(str(arg)):
            base = _glob_base(str(arg))[0]
            matched = False
            for match in _glob(str(arg)):
                matched = True
                yield match if isinstance(match, InputProblem) else _found(match, base)
            if not matched:
                yield InputProblem(str(arg), f"no {', '.join(INPUT_SUFFIXES)} file matches this pattern",
                                   code="no_match")
        else:
            yield InputProblem(str(arg), "no such file or directory", code="no_such_path")


def _found(path: Path, root: Path | None) -> Found | InputProblem:
    """A file found in a folder; a name that is not UTF-8 cannot be an id or a source (nor be written
    to the output), so it is reported in its place."""
    if not is_utf8_text(str(path)):
        return InputProblem(str(path).encode("utf-8", "backslashreplace").decode("utf-8"),
                            "the file's name is not valid UTF-8: rename it", code="bad_file_name")
    return Found(path, root)


def expand_paths(paths: Iterable[Path | str]) -> Iterator[Path | InputProblem]:
    """Each argument as files: a file as itself, a folder as its input files, a glob as its matches."""
    for item in locate(paths):
        yield item.path if isinstance(item, Found) else item


def ignored_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The files the folder and glob arguments hold that are not inputs (nor a .txt file's sidecar):
    listed in the run summary, so that a folder of .csv or .pdf files does not pass in silence."""
    for arg in paths:
        path = Path(arg)
        if str(arg) == STDIN:
            continue
        found = _walk(path, wanted=False) if path.is_dir() else (
            _glob(str(arg), wanted=False) if not path.exists() and _MAGIC.search(str(arg)) else iter(()))
        for other in found:
            if isinstance(other, InputProblem):
                continue
            if is_sidecar(other.name) and other.with_name(other.name.removesuffix(SIDECAR_SUFFIX) + ".txt").exists():
                continue
            yield other


def _read(item: Found, max_chars: int, default_date: str | None) -> Iterator[Article | InputProblem]:
    if str(item.path) == STDIN:
        return read_stdin(max_chars, default_date)
    if is_jsonl(item.path):
        return read_jsonl(item.path, max_chars, item.doc_id(), default_date, item.relative())
    return iter([read_txt(item.path, max_chars, item.doc_id(), item.relative(), default_date)])


def _duplicate(article: Article) -> InputProblem:
    hint = ""
    if article.line is None and (article.path or "").endswith(".txt"):
        hint = ("; a .txt file's id is its path below the folder given (its name when named on its own): "
                "give the folder that holds both, or set another id in its .meta.json")
    return InputProblem(article.path or article.source, f"duplicate id {article.id!r}: an earlier document of "
                        f"this run has it{hint}", article.line, code="duplicate_id", doc_id=article.id)


def iter_inputs(
    paths: Iterable[Path | str], max_chars: int = DEFAULT_MAX_CHARS, seen: IdSet | None = None,
    default_date: str | None = None,
) -> Iterator[Article | InputProblem]:
    """Every article in the inputs, in order, with problems in their place; a repeated id is a problem.
    ``default_date`` (YYYY-MM-DD) dates the articles that have no date of their own."""
    seen = SeenIds() if seen is None else seen
    for item in locate(paths):
        if isinstance(item, InputProblem):
            yield item
            continue
        for result in _read(item, max_chars, default_date):
            if isinstance(result, Article):
                if result.id in seen:
                    yield _duplicate(result)
                    continue
                seen.add(result.id)
            yield result


def read_inputs(paths: Iterable[Path | str], max_chars: int = DEFAULT_MAX_CHARS,
                default_date: str | None = None) -> Iterator[Article | InputProblem]:
    """Every article in the inputs (files, folders, globs), in order, with problems in their place;
    ids are unique (a repeated id is a problem). The ids seen are kept in memory: for a run of a
    size that fits there (tests, benchmarks, one ``-o`` file); ``iter_inputs`` keeps them on disk."""
    return iter_inputs(paths, max_chars=max_chars, seen=set(), default_date=default_date)


def estimate_total(paths: Iterable[Path | str]) -> int:
    """About how many documents the inputs hold (lines of JSONL, one per text file): for the ETA.
    Standard input counts as one: it can be read only once, by the run."""
    total = 0
    for item in expand_paths(paths):
        if isinstance(item, InputProblem) or not is_jsonl(item) or special_file(item) is not None:
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
