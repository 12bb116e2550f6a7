"""Reading articles from .txt files, directories and JSONL; writing SCHEMA §3 records.

Bad input never stops a batch: every document that cannot be read becomes an
``InputProblem`` naming its source (and line), and the caller reports it and goes on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from pipeline.schema import marker_date


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    date: str | None
    source: str


@dataclass(frozen=True)
class InputProblem:
    source: str
    reason: str
    line: int | None = None

    def describe(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


def _valid_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"date must be a YYYY-MM-DD string, not {type(value).__name__}")
    return date.fromisoformat(value[:10]).isoformat()


def read_txt(path: Path) -> Article | InputProblem:
    try:
        raw = path.read_bytes()
    except OSError as err:
        return InputProblem(str(path), f"cannot read: {err.strerror or err}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return InputProblem(str(path), f"not valid UTF-8 (byte {err.start}: {raw[err.start:err.start + 1]!r})")
    if "\x00" in text:
        return InputProblem(str(path), "binary content (NUL bytes)")
    if not text.strip():
        return InputProblem(str(path), "empty document")
    return Article(id=path.stem, text=text, date=marker_date(text), source=path.name)


def read_jsonl(path: Path) -> Iterator[Article | InputProblem]:
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputProblem(str(path), f"cannot read: {err.strerror or err}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            yield _jsonl_record(path, number, raw)


def _jsonl_record(path: Path, number: int, raw: bytes) -> Article | InputProblem:
    source = str(path)
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return InputProblem(source, "not valid UTF-8", number)
    except json.JSONDecodeError as err:
        return InputProblem(source, f"malformed JSON ({err.msg} at column {err.colno})", number)
    if not isinstance(record, dict):
        return InputProblem(source, "a JSON object with 'text' is required", number)
    text = record.get("text")
    if not isinstance(text, str):
        return InputProblem(source, "missing or non-string 'text'", number)
    if not text.strip():
        return InputProblem(source, "empty document", number)
    try:
        article_date = _valid_date(record.get("date"))
    except ValueError as err:
        return InputProblem(source, f"bad 'date': {err}", number)
    doc_id = record.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else f"{path.stem}-{number}"
    return Article(
        id=doc_id,
        text=text,
        date=article_date or marker_date(text),
        source=str(record.get("source") or path.name),
    )


def _expand(paths: Iterable[Path]) -> Iterator[Path | InputProblem]:
    for path in paths:
        if path.is_dir():
            children = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".txt", ".jsonl"))
            yield from children
        elif path.exists():
            yield path
        else:
            yield InputProblem(str(path), "no such file or directory")


def read_inputs(paths: Iterable[Path]) -> Iterator[Article | InputProblem]:
    """Every article in the inputs, in order, with problems in their place; ids are unique."""
    seen: set[str] = set()
    for item in _expand(paths):
        if isinstance(item, InputProblem):
            yield item
            continue
        results = read_jsonl(item) if item.suffix == ".jsonl" else iter([read_txt(item)])
        for result in results:
            if isinstance(result, Article):
                if result.id in seen:
                    yield InputProblem(result.source, f"duplicate id {result.id!r}")
                    continue
                seen.add(result.id)
            yield result


def write_jsonl(records: Iterable[dict[str, Any]], handle: TextIO) -> int:
    count = 0
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def load_records(path: Path) -> list[dict[str, Any]]:
    """A JSONL file of SCHEMA §3 records (gold or predictions)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
