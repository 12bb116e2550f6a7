"""Records checked before they reach the store: one bad value must never make the store unreadable.

A record-level problem (no id or text, a date that is no date, an implausible year, spans out of
the text, a string that is not Unicode text) skips the whole record; a finding-level problem
(unknown type, a missing core field, a value outside its kind, evidence or entity offsets out of
the text or reversed) skips that finding. Either is reported with its reason, and the rest loads.
The checks follow SCHEMA as pipeline/finding_types.py describes it, plus the bounds the store
needs (finite numbers, non-negative counts, plausible years).
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from typing import Any, Mapping

from pipeline.field_kinds import COUNT, PERCENT, YEAR_NUMBER, Field
from pipeline.finding_types import REGISTRY, FindingType
from pipeline.io import is_utf8_text

FIRST_YEAR = 1990  # the inspectorate's crime-recording work is later than this
MAX_COUNT = 10**12  # a count of crimes larger than this is a misread figure, not a count
MAX_DEPTH = 32  # records are at most a few levels deep; anything deeper is not a record
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def last_plausible_year() -> int:
    """Next year: an article may announce an inspection due next year, not later."""
    return date.today().year + 1


class RecordProblem(ValueError):
    """Why a record (or one of its findings) cannot be stored."""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_date(value: Any, what: str = "date") -> None:
    """A ``YYYY-MM-DD`` (optionally followed by a time) that is a real day in a plausible year."""
    if not isinstance(value, str) or not _DATE.match(value):
        raise RecordProblem(f"{what} {value!r} is not a YYYY-MM-DD date")
    try:
        day = date.fromisoformat(value[:10])
        if len(value) > 10:
            datetime.fromisoformat(value)
    except ValueError as err:
        raise RecordProblem(f"{what} {value!r} is not a real date ({err})") from None
    if not FIRST_YEAR <= day.year <= last_plausible_year():
        raise RecordProblem(f"{what} {value!r} is outside {FIRST_YEAR}..{last_plausible_year()}")


def _check_text(value: Any, where: str, depth: int = 0) -> None:
    """Every string encodes as UTF-8 (a lone surrogate from a JSON escape does not), nesting is bounded."""
    if depth > MAX_DEPTH:
        raise RecordProblem(f"{where} is nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        if not is_utf8_text(value):
            raise RecordProblem(f"{where} holds a string that is not valid Unicode text (a lone surrogate?)")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check_text(key, where, depth + 1)
            _check_text(item, f"{where}.{key}" if isinstance(key, str) and depth < 2 else where, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_text(item, where, depth + 1)
    elif isinstance(value, float) and not math.isfinite(value):
        raise RecordProblem(f"{where} holds a number that is not finite ({value})")


def _offsets(start: Any, end: Any, length: int, what: str, empty_ok: bool = False) -> None:
    if not (_is_int(start) and _is_int(end)):
        raise RecordProblem(f"{what} offsets must be integers, not {start!r}-{end!r}")
    if not 0 <= start <= end <= length or (start == end and not empty_ok):
        raise RecordProblem(f"{what} offsets {start}-{end} are not an ordered, non-empty range inside the "
                            f"text (0-{length})")


def check_record(record: Any) -> None:
    """Raise RecordProblem when the record as a whole cannot be stored."""
    if not isinstance(record, Mapping):
        raise RecordProblem("a record must be a JSON object")
    key = record.get("id") or record.get("source")
    if not isinstance(key, str) or not key.strip():
        raise RecordProblem("a record needs a non-empty string 'id' (or 'source')")
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordProblem("a record needs a string 'text'")
    try:  # the whole record in one pass of the C encoder: NaN, infinities, lone surrogates and deep nesting all fail it
        json.dumps(record, ensure_ascii=False, allow_nan=False, default=str).encode("utf-8")
    except (ValueError, UnicodeEncodeError, RecursionError):
        _check_text({k: val for k, val in record.items() if k != "_origin"}, "the record")  # which one, in words
    for name in ("source", "pipeline_version"):
        if record.get(name) is not None and not isinstance(record[name], str):
            raise RecordProblem(f"'{name}' must be a string, not {type(record[name]).__name__}")
    if record.get("date") is not None:
        check_date(record["date"])
    if record.get("extracted_at"):
        stamp = record["extracted_at"]
        try:
            datetime.fromisoformat(stamp) if isinstance(stamp, str) else None
        except ValueError:
            stamp = None
        if not isinstance(stamp, str):
            raise RecordProblem(f"'extracted_at' {record['extracted_at']!r} is not an ISO date and time")
    findings = record.get("findings", [])
    if not isinstance(findings, list):
        raise RecordProblem("'findings' must be a list")
    spans = record.get("spans", [])
    if not isinstance(spans, list):
        raise RecordProblem("'spans' must be a list")
    for number, span in enumerate(spans, start=1):
        if not isinstance(span, Mapping):
            raise RecordProblem(f"span {number} is not a JSON object")
        try:
            _offsets(span.get("start"), span.get("end"), len(text), f"span {number}")
        except RecordProblem as err:
            raise RecordProblem(str(err)) from None
        for name in ("label", "text", "id", "name"):
            if span.get(name) is not None and not isinstance(span[name], str):
                raise RecordProblem(f"span {number}'s {name!r} must be a string")


def _field_problem(description: FindingType, spec: Field, value: Any) -> str | None:
    if spec.kind is YEAR_NUMBER:
        if not _is_int(value) or not FIRST_YEAR <= value <= last_plausible_year():
            return f"{spec.name} {value!r} is not a year in {FIRST_YEAR}..{last_plausible_year()}"
        return None
    if spec.kind is COUNT:
        if not _is_int(value) or not 0 <= value <= MAX_COUNT:
            return f"{spec.name} {value!r} is not a count (an integer 0..{MAX_COUNT})"
        return None
    if spec.kind is PERCENT:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            return f"{spec.name} {value!r} is not a percentage (a finite number 0..100)"
        return None
    if spec.rejects(value):
        return f"{spec.name} {value!r} is not a valid {spec.kind.name}"
    return None


def finding_problem(finding: Any, text: str) -> str | None:
    """Why one finding cannot be stored, or None."""
    if not isinstance(finding, Mapping):
        return "not a JSON object"
    description = REGISTRY.get(finding.get("type")) if isinstance(finding.get("type"), str) else None
    if description is None:
        return f"unknown type {finding.get('type')!r}"
    missing = [n for n in description.core if finding.get(n) is None]
    if missing:
        return f"missing {', '.join(missing)}"
    for spec in description.fields:
        value = finding.get(spec.name)
        if value is not None:
            problem = _field_problem(description, spec, value)
            if problem:
                return problem
    for constraint in description.constraints:
        if not constraint.holds(finding):
            return constraint.problem.format(type=description.name, finding=dict(finding))
    evidence = finding.get("evidence")
    try:
        if evidence is not None:
            if not isinstance(evidence, Mapping):
                return "'evidence' must be an object with start and end"
            _offsets(evidence.get("start"), evidence.get("end"), len(text), "evidence")
        entities = finding.get("entities")
        if entities is not None:
            if not isinstance(entities, list):
                return "'entities' must be a list of [start, end, label]"
            for entity in entities:
                if not isinstance(entity, list) or len(entity) != 3 or not isinstance(entity[2], str):
                    return f"entity {entity!r} is not [start, end, label]"
                _offsets(entity[0], entity[1], len(text), "entity")
    except RecordProblem as err:
        return str(err)
    return None
