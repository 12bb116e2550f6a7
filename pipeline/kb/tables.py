"""Query answers as tables: aligned text for a terminal, or CSV, TSV, JSON for other tools."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any, Final

from pyoxigraph import BlankNode, Literal, NamedNode

from pipeline.kb.vocabulary import shorten

FORMATS: Final = ("table", "csv", "tsv", "json")
MAX_CELL: Final = 80


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]

    def column(self, name: str) -> list[str]:
        index = self.headers.index(name)
        return [row[index] for row in self.rows]

    def as_dicts(self) -> list[dict[str, str]]:
        return [dict(zip(self.headers, row)) for row in self.rows]


def term_text(term: Any) -> str:
    """A cell: a shortened IRI (``force:kent``), a literal's lexical form, or '' when unbound."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return shorten(term.value)
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)


def _clip(cell: str) -> str:
    cell = " ".join(cell.split())
    return cell if len(cell) <= MAX_CELL else cell[: MAX_CELL - 1] + "…"


def render(table: Table, fmt: str = "table") -> str:
    """The table in one of FORMATS; the text form clips long cells and folds line breaks."""
    if fmt == "json":
        return json.dumps(table.as_dicts(), ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(table.headers)
        writer.writerows(table.rows)
        return out.getvalue().rstrip("\n")
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    rows = [[_clip(c) for c in row] for row in table.rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(table.headers)]
    line = "  ".join("-" * w for w in widths)
    text = ["  ".join(h.ljust(w) for h, w in zip(table.headers, widths)).rstrip(), line]
    text += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    text.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(text)
