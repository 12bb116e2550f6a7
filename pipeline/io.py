"""Reading articles from .txt, .jsonl and .jsonl.gz files; writing SCHEMA §3 records.

Bad input never stops a batch: every document that cannot be read becomes an
``InputProblem`` naming its source (and line), a short machine-readable ``code`` and a
human reason, and the caller reports it and goes on. Finding the files (folders, globs)
and keeping ids unique across them is :mod:`pipeline.batch.inputs` (``read_inputs``), which
reads each file with the functions here.
"""

from __future__ import annotations

import gzip
import json
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterator

import orjson

from pipeline.schema import marker_date

# spaCy refuses longer texts by default (nlp.max_length); so do we, before the pipeline sees them.
DEFAULT_MAX_CHARS = 1_000_000
# A JSON line may escape every character of its text as \uXXXX: 6 bytes a character, plus the other keys.
_LINE_OVERHEAD = 64 * 1024


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    date: str | None
    source: str
    # Where it was read (file, and line for JSONL): for the quarantine report, never written to records.
    path: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class InputProblem:
    source: str
    reason: str
    line: int | None = None
    # A stable name for the kind of problem (``not_utf8``, ``duplicate_id``, ``pipeline_error``...).
    code: str = "bad_input"
    doc_id: str | None = None
    # The exception behind it, where there is one (a component that raised, a corrupt gzip stream).
    error_type: str | None = None
    error_message: str | None = None

    def describe(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"

    def as_dict(self) -> dict[str, Any]:
        """One line of the quarantine report."""
        error = {"type": self.error_type, "message": self.error_message} if self.error_type else None
        return {"source": self.source, "line": self.line, "id": self.doc_id, "code": self.code,
                "reason": self.reason, "exception": error}


def _valid_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"date must be a YYYY-MM-DD string, not {type(value).__name__}")
    return date.fromisoformat(value[:10]).isoformat()


def read_txt(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Article | InputProblem:
    """One article per file; the size is checked before the file is read."""
    source = str(path)
    too_long = InputProblem(source, f"document longer than {max_chars} characters", code="too_long")
    try:
        if path.stat().st_size > 4 * max_chars:  # UTF-8 needs at most 4 bytes a character
            return too_long
        raw = path.read_bytes()
    except OSError as err:
        return InputProblem(source, f"cannot read: {err.strerror or err}", code="unreadable")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return InputProblem(source, f"not valid UTF-8 (byte {err.start}: {raw[err.start:err.start + 1]!r})",
                            code="not_utf8")
    if "\x00" in text:
        return InputProblem(source, "binary content (NUL bytes)", code="binary")
    if not text.strip():
        return InputProblem(source, "empty document", code="empty")
    if len(text) > max_chars:
        return too_long
    return Article(id=path.stem, text=text, date=marker_date(text), source=path.name, path=source)


def open_lines(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed when it is gzipped (by its name)."""
    return gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")


def _bounded_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; ``None`` for a line over ``limit`` bytes, which is skipped
    without being held in memory."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:
                rest = handle.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, raw


def read_jsonl(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | InputProblem]:
    """One article per line, streamed; a corrupt gzip stream ends the file with one problem."""
    source = str(path)
    try:
        handle = open_lines(path)
    except OSError as err:
        yield InputProblem(source, f"cannot read: {err.strerror or err}", code="unreadable")
        return
    number = 0
    with handle:
        try:
            for number, raw in _bounded_lines(handle, 6 * max_chars + _LINE_OVERHEAD):
                if raw is None:
                    yield InputProblem(source, f"document longer than {max_chars} characters", number, code="too_long")
                elif raw.strip():
                    yield _jsonl_record(path, number, raw, max_chars)
        except (OSError, EOFError, zlib.error) as err:
            gz = path.name.endswith(".gz")
            yield InputProblem(source, f"{'corrupt gzip' if gz else 'unreadable'} after line {number}: {err}",
                               number + 1, code="corrupt_gzip" if gz else "unreadable",
                               error_type=type(err).__name__, error_message=str(err))


def _stem(path: Path) -> str:
    """``a`` for ``a.jsonl`` and for ``a.jsonl.gz``: the default id prefix of a line without an id."""
    return Path(path.name[:-3]).stem if path.name.endswith(".gz") else path.stem


def _jsonl_record(path: Path, number: int, raw: bytes, max_chars: int = DEFAULT_MAX_CHARS) -> Article | InputProblem:
    source = str(path)
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return InputProblem(source, "not valid UTF-8", number, code="not_utf8")
    except json.JSONDecodeError as err:
        return InputProblem(source, f"malformed JSON ({err.msg} at column {err.colno})", number, code="malformed_json")
    if not isinstance(record, dict):
        return InputProblem(source, "a JSON object with 'text' is required", number, code="not_object")
    doc_id = record.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else f"{_stem(path)}-{number}"
    text = record.get("text")
    if not isinstance(text, str):
        return InputProblem(source, "missing or non-string 'text'", number, code="missing_text", doc_id=doc_id)
    if not text.strip():
        return InputProblem(source, "empty document", number, code="empty", doc_id=doc_id)
    if len(text) > max_chars:
        return InputProblem(source, f"document longer than {max_chars} characters", number, code="too_long",
                            doc_id=doc_id)
    try:
        article_date = _valid_date(record.get("date"))
    except ValueError as err:
        return InputProblem(source, f"bad 'date': {err}", number, code="bad_date", doc_id=doc_id)
    return Article(
        id=doc_id,
        text=text,
        date=article_date or marker_date(text),
        source=str(record.get("source") or path.name),
        path=source,
        line=number,
    )


def encode_record(record: dict[str, Any]) -> bytes:
    """A record as one JSONL line, UTF-8, without the newline.

    orjson rather than ``json.dumps``: a record carries its article's whole text, and
    encoding it was a tenth of a document's cost at scale; orjson does it eight times
    faster. The values are the same as ``json.dumps`` gives, only without the spaces
    after ``,`` and ``:``."""
    return orjson.dumps(record)


def load_records(path: Path) -> list[dict[str, Any]]:
    """A JSONL file of SCHEMA §3 records (gold or predictions)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
