"""Gold annotations: author them by text, build them to SCHEMA §3 JSONL, validate both.

Annotators never count characters. An annotation source (``corpus/annotations/<split>/*.json``)
lists spans in reading order as ``[context, LABEL]`` pairs, where ``context`` is a
verbatim stretch of the article with the span in square brackets (``"[Leicestershire]
was the worst"``) or, without brackets, the span itself. Each entry is resolved to
the first occurrence at or after the end of the previous span, so repeated strings
need no numbering. Building turns sources into ``corpus/gold/<split>.jsonl`` with
character offsets; validation checks every offset, label, id and finding field
against the contract. Standard library only, so it runs before anything is installed.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from pipeline.finding_types import REGISTRY
from pipeline.schema import ENTITY_LABELS, marker_date


class GoldError(ValueError):
    """An annotation that does not fit its article or the contract."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text}


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def resolve_span(text: str, context: str, cursor: int) -> tuple[int, int]:
    """Locate ``context`` (span in [brackets] or whole) at or after ``cursor``."""
    if "[" in context:
        left, rest = context.split("[", 1)
        if "]" not in rest:
            raise GoldError(f"unclosed bracket in {context!r}")
        inner, right = rest.split("]", 1)
    else:
        left, inner, right = "", context, ""
    if not inner:
        raise GoldError(f"empty span in {context!r}")
    needle = left + inner + right
    pos = text.find(needle, max(0, cursor - len(left)))
    while pos != -1:
        start = pos + len(left)
        end = start + len(inner)
        boundary_ok = (start == 0 or not (_is_word_char(text[start - 1]) and _is_word_char(inner[0]))) and (
            end == len(text) or not (_is_word_char(text[end]) and _is_word_char(inner[-1]))
        )
        if start >= cursor and boundary_ok:
            return start, end
        pos = text.find(needle, pos + 1)
    raise GoldError(f"{context!r} not found after offset {cursor} (spans must be listed in reading order)")


def validate_finding(finding: dict[str, Any]) -> None:
    """Check one finding's type, fields and value domains against SCHEMA §2.

    Each field is checked by its kind, as its type's description declares it; a key the type
    does not declare but another type does (a ``crime_type`` on an official) is checked too.
    """
    ftype = finding.get("type")
    if ftype not in REGISTRY:
        raise GoldError(f"unknown finding type {ftype!r}")
    for problem in REGISTRY.problems(finding):
        raise GoldError(problem)


def validate_record(record: dict[str, Any]) -> None:
    """Check a SCHEMA §3 gold (or prediction) record: offsets, labels, overlaps, findings."""
    for key in ("id", "text", "spans", "findings"):
        if key not in record:
            raise GoldError(f"record lacks {key!r}")
    text = record["text"]
    previous_end = -1
    for span in sorted(record["spans"], key=lambda s: (s["start"], s["end"])):
        if span["label"] not in ENTITY_LABELS:
            raise GoldError(f"{record['id']}: unknown label {span['label']!r}")
        if not (0 <= span["start"] < span["end"] <= len(text)):
            raise GoldError(f"{record['id']}: offsets out of range {span}")
        if text[span["start"] : span["end"]] != span["text"]:
            raise GoldError(f"{record['id']}: span text differs from text[start:end] {span}")
        if span["start"] < previous_end:
            raise GoldError(f"{record['id']}: overlapping spans at {span}")
        previous_end = span["end"]
    for finding in record["findings"]:
        validate_finding(finding)


def build_record(source: dict[str, Any], articles_dir: Path) -> dict[str, Any]:
    """Turn one annotation source into a validated SCHEMA §3 record."""
    article_path = articles_dir / source["article"]
    text = article_path.read_text(encoding="utf-8")
    date = source.get("date")
    marked = marker_date(text)
    if marked is not None and date != marked:
        raise GoldError(f"{source['id']}: date {date!r} differs from the marker {marked!r}")
    spans: list[Span] = []
    cursor = 0
    for entry in source["spans"]:
        if not (isinstance(entry, list) and len(entry) == 2):
            raise GoldError(f"{source['id']}: span entry must be [context, LABEL]: {entry!r}")
        context, label = entry
        try:
            start, end = resolve_span(text, context, cursor)
        except GoldError as err:
            raise GoldError(f"{source['id']}: {err}") from None
        spans.append(Span(start, end, label, text[start:end]))
        cursor = end
    record = {
        "id": source["id"],
        "source": Path(source["article"]).name,
        "date": date,
        "text": text,
        "spans": [s.as_dict() for s in spans],
        "findings": source.get("findings", []),
    }
    validate_record(record)
    return record


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def build_split(annotations_dir: Path, articles_dir: Path, out_path: Path) -> int:
    """Build every source in ``annotations_dir`` into one JSONL file; return the count."""
    records = []
    seen: set[str] = set()
    for source_path in sorted(annotations_dir.glob("*.json")):
        source = json.loads(source_path.read_text(encoding="utf-8"))
        if source["id"] in seen:
            raise GoldError(f"duplicate id {source['id']!r} in {annotations_dir}")
        seen.add(source["id"])
        records.append(build_record(source, articles_dir))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records)


def check_sources(paths: list[Path], articles_dir: Path) -> int:
    """Print each source's resolved spans in context so an annotator can eyeball them."""
    status = 0
    for path in paths:
        try:
            source = json.loads(path.read_text(encoding="utf-8"))
            record = build_record(source, articles_dir)
        except (GoldError, OSError, json.JSONDecodeError, KeyError) as err:
            print(f"{path}: ERROR {err}")
            status = 1
            continue
        text = record["text"]
        print(f"{path}: OK, {len(record['spans'])} spans, {len(record['findings'])} findings")
        for span in record["spans"]:
            left = text[max(0, span["start"] - 25) : span["start"]].replace("\n", " ")
            right = text[span["end"] : span["end"] + 25].replace("\n", " ")
            print(f"  {span['label']:<12} {left:>25}[{span['text']}]{right}")
        for finding in record["findings"]:
            print("  FINDING", json.dumps(finding, ensure_ascii=False))
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("splits", nargs="*", default=["seeds", "dev", "test"])
    parser.add_argument(
        "--check", nargs="+", type=Path, metavar="SOURCE",
        help="validate these annotation sources and print their resolved spans instead of building",
    )
    args = parser.parse_args(argv)
    if args.check:
        return check_sources(args.check, args.corpus / "articles")
    status = 0
    for split in args.splits:
        try:
            count = build_split(
                args.corpus / "annotations" / split,
                args.corpus / "articles",
                args.corpus / "gold" / f"{split}.jsonl",
            )
            print(f"{split}: {count} documents")
        except (GoldError, OSError, json.JSONDecodeError, KeyError) as err:
            print(f"{split}: ERROR {err}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
