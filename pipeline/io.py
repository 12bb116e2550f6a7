"""Reading articles from .txt, .jsonl and .jsonl.gz files; writing SCHEMA §3 records.

Bad input never stops a batch: every document that cannot be read becomes an
``InputProblem`` naming its source (and line), a short machine-readable ``code`` and a
human reason, and the caller reports it and goes on. Finding the files (folders, globs)
and keeping ids unique across them is :mod:`pipeline.batch.inputs` (``read_inputs``), which
reads each file with the functions here.

An article's date, most explicit first: the JSONL line's ``date``, or a ``.txt`` file's
sidecar ``NAME.meta.json``; else a leading `` date YYYY-MM-DD `` marker in the text; else the
run's default (``extract --date``); else none.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import stat
import sys
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
# The longest run of punctuation and symbols (no letter, digit or space) a document may hold. spaCy's
# tokenizer costs quadratic time in such a run (1,000 '%' take ~1 s, 4,000 take ~13 s, and any mix
# of symbols behaves alike), so a longer run is quarantined (``degenerate_text``) before the
# tokenizer sees it: one document can then never cost more than linear time. News text has no
# such runs (the corpus's longest is 9); separator lines of '-' or '=' are far shorter than this.
MAX_SYMBOL_RUN = 100
_SYMBOL_RUNS = re.compile(r"[^\w\s]{2,}")
_BOM = b"\xef\xbb\xbf"


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


def longest_symbol_run(text: str, over: int = 0) -> int:
    """The length of the longest run of characters that are neither letters, digits nor spaces, if it
    is longer than ``over`` (else some length up to ``over``). Linear in the text: such a run lies
    inside one space-free word, so only words longer than ``over`` are searched (``str.split`` and the
    regular expression agree on what a space is), with maximal, non-overlapping matches. On news
    text that is one ``split``: ~10 times cheaper than a regular expression over every character."""
    longest = 0
    for word in text.split():
        if len(word) > over and len(word) > longest:
            longest = max(longest, max(map(len, _SYMBOL_RUNS.findall(word)), default=0))
    return longest


def text_problem(text: str, where: str, line: int | None = None, doc_id: str | None = None,
                 nul: bool = True) -> InputProblem | None:
    """Why a decoded text cannot go to the pipeline (a NUL byte, a lone surrogate, a degenerate run
    of symbols), or None: the checks every reader applies, whatever the text came from."""
    if nul and "\x00" in text:
        return InputProblem(where, "binary content (NUL bytes)", line, code="binary", doc_id=doc_id)
    if not is_utf8_text(text):
        return InputProblem(where, "text holds a lone surrogate (an escape such as \\ud800 that is not a "
                            "character)", line, code="lone_surrogate", doc_id=doc_id)
    run = longest_symbol_run(text, MAX_SYMBOL_RUN)
    if run > MAX_SYMBOL_RUN:
        return InputProblem(where, f"a run of {run} symbols with no letter, digit or space (more than "
                            f"{MAX_SYMBOL_RUN}): degenerate text the tokenizer takes quadratic time on", line,
                            code="degenerate_text", doc_id=doc_id)
    return None


def is_utf8_text(value: str) -> bool:
    """A string that can be written as UTF-8: no lone surrogate (from a JSON ``\\ud800`` escape or a
    file name that is not UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def special_file(path: Path) -> InputProblem | None:
    """A FIFO, device or socket given or found as an input: refused before it is opened (reading
    one can block forever or never end), or None for a regular file. Follows symlinks."""
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        return InputProblem(str(path), f"cannot read: {err.strerror or err}", code="unreadable")
    if stat.S_ISREG(mode):
        return None
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return InputProblem(str(path), f"{kind}, not a file of documents: not read", code="special_file")


def _valid_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"date must be a YYYY-MM-DD string, not {type(value).__name__}")
    return date.fromisoformat(value[:10]).isoformat()


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(value: str) -> str:
    """A YYYY-MM-DD date given by a person (``--date``, a sidecar): exactly that form, a real day.

    Stricter than ``date.fromisoformat``, which also takes ``20170907`` and week dates."""
    if not _ISO_DAY.fullmatch(value.strip()):
        raise ValueError(f"{value!r} is not a YYYY-MM-DD date (e.g. 2017-09-07)")
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a real day (YYYY-MM-DD, e.g. 2017-09-07)") from None


# A .txt file's sidecar: NAME.meta.json beside NAME.txt, a JSON object with any of these keys.
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = ("id", "date", "source")
_SIDECAR_MAX_BYTES = 1 << 20  # a sidecar holds three short strings; more is not one, and is not read


def sidecar_path(path: Path) -> Path:
    """``story.meta.json`` for ``story.txt``: where a text file's id, date and source may be given."""
    return path.with_name(path.name.removesuffix(".txt") + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, str] | InputProblem:
    """The sidecar of a .txt file ({} when there is none), its keys checked: a typo is a problem, not
    a silently undated article."""
    meta = sidecar_path(path)
    where = str(meta)
    if not os.path.lexists(meta):
        return {}
    special = special_file(meta)
    if special is not None:
        return InputProblem(where, special.reason, code="bad_sidecar")
    try:
        if meta.stat().st_size > _SIDECAR_MAX_BYTES:
            return InputProblem(where, f"larger than {_SIDECAR_MAX_BYTES} bytes: not a sidecar", code="bad_sidecar")
        raw = meta.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as err:
        return InputProblem(where, f"cannot read: {err.strerror or err}", code="bad_sidecar")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return InputProblem(where, "not valid UTF-8", code="bad_sidecar")
    except json.JSONDecodeError as err:
        return InputProblem(where, f"malformed JSON ({err.msg} at line {err.lineno} column {err.colno})",
                            code="bad_sidecar")
    except (RecursionError, ValueError) as err:  # nested too deeply, a number of more than 4,300 digits
        return InputProblem(where, f"unreadable JSON ({type(err).__name__})", code="bad_sidecar")
    if not isinstance(data, dict):
        return InputProblem(where, 'must be a JSON object such as {"date": "2017-09-07"}', code="bad_sidecar")
    unknown = sorted(set(data) - set(SIDECAR_KEYS))
    if unknown:
        return InputProblem(where, f"unknown key {', '.join(map(repr, unknown))} (known: {', '.join(SIDECAR_KEYS)})",
                            code="bad_sidecar")
    meta_values: dict[str, str] = {}
    for key in SIDECAR_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            return InputProblem(where, f"{key!r} must be a non-empty string", code="bad_sidecar")
        if not is_utf8_text(value):
            return InputProblem(where, f"{key!r} holds a lone surrogate (an escape such as \\ud800)", code="bad_sidecar")
        if key == "date":
            try:
                value = parse_day(value)
            except ValueError as err:
                return InputProblem(where, f"bad 'date': {err}", code="bad_sidecar")
        meta_values[key] = value
    return meta_values


def read_txt(path: Path, max_chars: int = DEFAULT_MAX_CHARS, doc_id: str | None = None, source: str | None = None,
             default_date: str | None = None) -> Article | InputProblem:
    """One article per file; the size is checked before the file is read.

    ``doc_id`` and ``source`` (default: the file's name without and with ``.txt``) are what the
    caller derived from where the file was found; its sidecar, if any, overrides them."""
    where = str(path)
    too_long = InputProblem(where, f"document longer than {max_chars} characters", code="too_long")
    special = special_file(path)
    if special is not None:
        return special
    try:
        if path.stat().st_size > 4 * max_chars:  # UTF-8 needs at most 4 bytes a character
            return too_long
        raw = path.read_bytes()
    except OSError as err:
        return InputProblem(where, f"cannot read: {err.strerror or err}", code="unreadable")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return InputProblem(where, f"not valid UTF-8 (byte {err.start}: {raw[err.start:err.start + 1]!r})",
                            code="not_utf8")
    if not text.strip():
        return InputProblem(where, "empty document", code="empty")
    if len(text) > max_chars:
        return too_long
    problem = text_problem(text, where)
    if problem is not None:
        return problem
    meta = read_sidecar(path)
    if isinstance(meta, InputProblem):
        return meta
    return Article(id=meta.get("id") or doc_id or path.stem, text=text,
                   date=meta.get("date") or marker_date(text) or default_date,
                   source=meta.get("source") or source or path.name, path=where)


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


def read_jsonl(path: Path, max_chars: int = DEFAULT_MAX_CHARS, id_prefix: str | None = None,
               default_date: str | None = None, source: str | None = None) -> Iterator[Article | InputProblem]:
    """One article per line, streamed; a corrupt gzip stream ends the file with one problem.

    A line without an id gets ``ID_PREFIX-LINE``, without a source ``SOURCE`` (defaults: the
    file's name without and with ``.jsonl``/``.jsonl.gz``)."""
    where = str(path)
    special = special_file(path)
    if special is not None:
        yield special
        return
    try:
        handle = open_lines(path)
    except OSError as err:
        yield InputProblem(where, f"cannot read: {err.strerror or err}", code="unreadable")
        return
    with handle:
        yield from _read_lines(handle, where, source or path.name, id_prefix or _stem(path), max_chars, default_date,
                               gz=path.name.endswith(".gz"))


# What ``-`` stands for among the inputs, and the name its documents are reported under.
STDIN = "-"
STDIN_NAME = "stdin"


def read_stdin(max_chars: int = DEFAULT_MAX_CHARS, default_date: str | None = None,
               stream: IO[bytes] | None = None) -> Iterator[Article | InputProblem]:
    """The documents on standard input: JSONL lines when its first non-blank byte is ``{``, else the
    whole input as one plain-text article with id ``stdin``."""
    handle = stream if stream is not None else sys.stdin.buffer
    limit = 6 * max_chars + _LINE_OVERHEAD
    head = b""
    while not head.strip():  # the blank lines before the first non-blank one, and that line
        line = handle.readline(limit)
        if not line:
            break
        head += line
    unmarked = head.removeprefix(_BOM)  # JSONL after a byte order mark is still JSONL
    if unmarked.lstrip().startswith(b"{"):
        yield from _read_lines(_Prefixed(unmarked, handle), STDIN_NAME, STDIN_NAME, STDIN_NAME, max_chars,
                               default_date)
        return
    raw = head + handle.read(max(0, 4 * max_chars + 1 - len(head)))
    too_long = InputProblem(STDIN_NAME, f"document longer than {max_chars} characters", code="too_long")
    if len(raw) > 4 * max_chars:  # UTF-8 needs at most 4 bytes a character
        yield too_long
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        yield InputProblem(STDIN_NAME, f"not valid UTF-8 (byte {err.start})", code="not_utf8")
        return
    problem = text_problem(text, STDIN_NAME)
    if not text.strip():
        yield InputProblem(STDIN_NAME, "empty document", code="empty")
    elif len(text) > max_chars:
        yield too_long
    elif problem is not None:
        yield problem
    else:
        yield Article(id=STDIN_NAME, text=text, date=marker_date(text) or default_date, source=STDIN_NAME,
                      path=STDIN_NAME)


class _Prefixed:
    """A byte stream with some of its first bytes already read: those first, then the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head, self.rest = head, rest

    def readline(self, limit: int = -1) -> bytes:
        if self.head:
            line, newline, remainder = self.head.partition(b"\n")
            if newline:
                self.head = remainder
                return line + newline
            self.head = b""
            return line + self.rest.readline(limit - len(line) if limit >= 0 else -1)
        return self.rest.readline(limit)


def _read_lines(handle: Any, where: str, name: str, id_prefix: str, max_chars: int, default_date: str | None,
                gz: bool = False) -> Iterator[Article | InputProblem]:
    number = 0
    try:
        for number, raw in _bounded_lines(handle, 6 * max_chars + _LINE_OVERHEAD):
            if number == 1 and raw is not None and raw.startswith(_BOM):
                raw = raw[len(_BOM):]  # a UTF-8 byte order mark is read as nothing
            if raw is None:
                yield InputProblem(where, f"document longer than {max_chars} characters", number, code="too_long")
            elif raw.strip():
                yield _jsonl_record(where, name, id_prefix, number, raw, max_chars, default_date)
    except (OSError, EOFError, zlib.error) as err:
        yield InputProblem(where, f"{'corrupt gzip' if gz else 'unreadable'} after line {number}: {err}",
                           number + 1, code="corrupt_gzip" if gz else "unreadable",
                           error_type=type(err).__name__, error_message=str(err))


def _stem(path: Path) -> str:
    """``a`` for ``a.jsonl`` and for ``a.jsonl.gz``: the default id prefix of a line without an id."""
    return Path(path.name[:-3]).stem if path.name.endswith(".gz") else path.stem


def _jsonl_record(source: str, name: str, id_prefix: str, number: int, raw: bytes,
                  max_chars: int = DEFAULT_MAX_CHARS, default_date: str | None = None) -> Article | InputProblem:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return InputProblem(source, "not valid UTF-8", number, code="not_utf8")
    except json.JSONDecodeError as err:
        return InputProblem(source, f"malformed JSON ({err.msg} at column {err.colno})", number, code="malformed_json")
    except RecursionError:
        # The json module's C parser counts its depth against the recursion limit and stops cleanly.
        return InputProblem(source, "JSON nested too deeply", number, code="too_deep")
    except ValueError as err:
        # Python refuses to convert an integer of more than sys.get_int_max_str_digits() (4,300)
        # digits, before doing the quadratic work: numbers are bounded while parsing.
        return InputProblem(source, f"a number too long to read ({str(err).split(';')[0]})", number,
                            code="number_too_long")
    if not isinstance(record, dict):
        return InputProblem(source, "a JSON object with 'text' is required", number, code="not_object")
    doc_id = record.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else f"{id_prefix}-{number}"
    for key in ("id", "source", "date"):
        value = doc_id if key == "id" else record.get(key)
        if isinstance(value, str) and not is_utf8_text(value):
            return InputProblem(source, f"{key!r} holds a lone surrogate (an escape such as \\ud800 that is not "
                                "a character)", number, code="lone_surrogate",
                                doc_id=None if key == "id" else doc_id)
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
    problem = text_problem(text, source, number, doc_id, nul=False)  # a JSON text may escape a NUL
    if problem is not None:
        return problem
    return Article(
        id=doc_id,
        text=text,
        date=article_date or marker_date(text) or default_date,
        source=str(record.get("source") or name),
        path=source,
        line=number,
    )


def encode_record(record: dict[str, Any]) -> bytes:
    """A record as one JSONL line, UTF-8, without the newline.

    orjson rather than ``json.dumps``: a record carries its article's whole text, and
    encoding it was a tenth of a document's cost at scale; orjson does it eight times
    faster. The values are the same as ``json.dumps`` gives, only without the spaces
    after ``,`` and ``:``.

    orjson writes integers of 64 bits at most; a figure beyond that ("reference number
    18446744073709551616") is written as null rather than costing its article its record."""
    try:
        return orjson.dumps(record)
    except orjson.JSONEncodeError as err:
        if "Integer exceeds" not in str(err):
            raise
        return orjson.dumps(_bounded_ints(record))


# What orjson can write: a signed 64-bit integer, or an unsigned one.
_INT_MIN, _INT_MAX = -(1 << 63), (1 << 64) - 1


def _bounded_ints(value: Any) -> Any:
    """``value`` with every integer orjson cannot write replaced by None (a copy; the rest unchanged)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if _INT_MIN <= value <= _INT_MAX else None
    if isinstance(value, dict):
        return {key: _bounded_ints(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_bounded_ints(item) for item in value]
    return value


class RecordFileError(ValueError):
    """A file of records (gold, predictions) that cannot be read: the message says which, where and why."""


def load_records(path: Path) -> list[dict[str, Any]]:
    """A JSONL file of SCHEMA §3 records (gold or predictions); ``RecordFileError`` names the file
    and line of anything that is not a JSON object a line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RecordFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise RecordFileError(f"{path}: is a folder, not a JSONL file") from None
    except OSError as err:
        raise RecordFileError(f"{path}: cannot read ({err.strerror or err})") from None
    if path.name.endswith(".gz"):
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as err:
            raise RecordFileError(f"{path}: corrupt gzip ({err})") from None
    records = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError:
            raise RecordFileError(f"{path}:{number}: not valid UTF-8 (is it a JSONL file?)") from None
        except json.JSONDecodeError as err:
            raise RecordFileError(f"{path}:{number}: not valid JSON ({err.msg} at column {err.colno}); "
                                  "each line must be one JSON record") from None
        if not isinstance(record, dict):
            raise RecordFileError(f"{path}:{number}: a JSON object is required, not {type(record).__name__}")
        records.append(record)
    return records
