"""One self-contained HTML report of extraction output, for people who would rather look than read JSON.

``hmicfrs-extract report RECORDS.jsonl... -o report.html`` writes a single file that loads
nothing from anywhere (no CDN, fonts, scripts or images; a Content-Security-Policy says so to
the browser too):

- a summary (articles, findings by type, forces, facts and conflicts) and a table of contents;
- per force, a chart (inline SVG drawn here: recording rates by year as lines, grades by year
  as coloured markers) and a table of the knowledge base's consolidated facts, each value linked
  to the findings that state it, facts whose sources disagree marked;
- per article, displaCy's entity view of the text (built from the record's spans, no model)
  with every evidence sentence highlighted and linked to the findings it supports, and the
  findings listed with their fields and their evidence.

The facts come from the knowledge base (``pipeline.kb``): the records are loaded into a
temporary in-memory store and consolidated there, or an existing store is read. Every piece
of text that comes from a record or a store is escaped: an article is untrusted input.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import html
import json
import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any, Iterable, Mapping, Sequence

from spacy.displacy.render import EntityRenderer

from pipeline import __version__
from pipeline.field_kinds import FORCE_ID, ORGANISATION_ID, PERCENT, Section
from pipeline.finding_types import REGISTRY, FindingType
from pipeline.kb import vocabulary as v
from pipeline.kb.consolidate import ConsolidatedFact, Mention, display_value
from pipeline.kb.rdf import RecordError, article_key, finding_hash
from pipeline.kb.store import KnowledgeBase, KnowledgeBaseError
from pipeline.schema import CRIME_TYPES, ENTITY_LABELS, FORCE_IDS

__all__ = ["DEFAULT_TITLE", "GRADE_COLOURS", "LABEL_COLOURS", "Knowledge", "KnowledgeBaseError", "ReportInputError",
           "build_report", "esc", "facts_from_records", "facts_from_store", "rate_chart", "read_records",
           "write_report"]

DEFAULT_TITLE = "HMICFRS crime-recording coverage"

# One background per entity label, for displaCy and the legend alike (pastels, so black text reads).
LABEL_COLOURS: dict[str, str] = {
    "FORCE": "#7aecec",
    "INSPECTORATE": "#bfeeb7",
    "PERSON": "#c5b8ff",
    "ROLE": "#f3d1ff",
    "PERCENT": "#feca74",
    "COUNT": "#fff08a",
    "CRIME_TYPE": "#ffae8a",
    "GRADE": "#f7a8c4",
    "DATE": "#c6e3dc",
}
UNKNOWN_LABEL_COLOUR = "#dddddd"

# Grades from best to worst, green to red.
GRADE_COLOURS: dict[str, str] = {
    "outstanding": "#116329",
    "good": "#3fa34d",
    "adequate": "#b8a200",
    "requires_improvement": "#e07b00",
    "inadequate": "#cf222e",
}

# A line colour per crime type in the rate chart (Okabe-Ito, then darker tones): all crime first.
SERIES_COLOURS: dict[str, str] = dict(zip(CRIME_TYPES, (
    "#1f4e9c", "#d55e00", "#cc79a7", "#009e73", "#e69f00", "#56b4e9",
    "#7f3c8d", "#8c6d31", "#3b7d7d", "#b03060", "#666666")))

QUALIFIER_WORDS = {"exact": "", "approx": "about", "more_than": "more than", "less_than": "less than"}

# Force labels, as the knowledge base's reference graph holds them.
FORCE_LABELS_QUERY = """
SELECT ?id ?label WHERE {
  GRAPH graph:reference { ?force a hx:PoliceForce ; dcterms:identifier ?id ; rdfs:label ?label }
}
"""

RECORD_HELP = "give extraction output: hmicfrs-extract extract INPUT... -o OUT.jsonl"


class ReportInputError(ValueError):
    """An input the report cannot use, said in one line: where, what, how to fix it."""


# ---------------------------------------------------------------------------------------- inputs

def _record_files(paths: Sequence[Path]) -> list[Path]:
    """Files as given; a folder stands for the shards of a batch run (``shard-*.jsonl``)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            shards = sorted(path.glob("shard-*.jsonl"))
            if not shards:
                raise ReportInputError(f"{path}: a folder with no shard-*.jsonl files; {RECORD_HELP}")
            files.extend(shards)
        elif path.is_file():
            files.append(path)
        else:
            raise ReportInputError(f"{path}: no such file; {RECORD_HELP}")
    return files


def read_records(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """SCHEMA §3 records from JSONL (or .jsonl.gz) files, checked enough to be shown."""
    records: list[dict[str, Any]] = []
    for path in _record_files(paths):
        opener = gzip.open if path.name.endswith(".gz") else open
        try:
            with opener(path, "rt", encoding="utf-8") as handle:
                for number, line in enumerate(handle, start=1):
                    if line.strip():
                        records.append(_checked_record(line, f"{path}:{number}"))
        except (UnicodeDecodeError, OSError, EOFError, zlib.error) as err:
            raise ReportInputError(f"{path}: not a UTF-8 JSONL file ({err}); {RECORD_HELP}") from None
    return records


def _checked_record(line: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise ReportInputError(f"{where}: malformed JSON ({err.msg}); {RECORD_HELP}") from None
    if not isinstance(record, dict):
        raise ReportInputError(f"{where}: a record must be a JSON object; {RECORD_HELP}")
    if not isinstance(record.get("text"), str):
        raise ReportInputError(f"{where}: the record has no 'text' string; {RECORD_HELP}")
    try:
        article_key(record)
    except RecordError as err:
        raise ReportInputError(f"{where}: {err}; {RECORD_HELP}") from None
    for key in ("spans", "findings"):
        if not isinstance(record.get(key, []), list):
            raise ReportInputError(f"{where}: '{key}' must be a list; {RECORD_HELP}")
    return record


# ---------------------------------------------------------------------------------------- facts

@dataclass
class Knowledge:
    """What the report shows from the knowledge base: its facts, force labels, and where they came from."""

    facts: list[ConsolidatedFact]
    force_labels: dict[str, str]
    origin: str
    articles: int  # in the store: the report may show fewer, or none
    problems: list[str] = field(default_factory=list)


def _force_labels(kb: KnowledgeBase) -> dict[str, str]:
    return {row["id"]: row["label"] for row in kb.table(FORCE_LABELS_QUERY).as_dicts()}


def facts_from_records(records: Iterable[Mapping[str, Any]]) -> Knowledge:
    """Load the records into a temporary in-memory store and consolidate them there."""
    with KnowledgeBase(None) as kb:
        report = kb.load_records(records)
        return Knowledge(kb.consolidated(), _force_labels(kb), "a temporary knowledge base of these records",
                         kb.counts()["articles"], list(report.problems))


def facts_from_store(path: Path) -> Knowledge:
    """The facts of an existing store (brought up to date with its article graphs first)."""
    if not path.is_dir():
        raise ReportInputError(f"{path}: no knowledge base there; load one with "
                               "'hmicfrs-extract kb load OUT.jsonl --store PATH', or leave out --store")
    with KnowledgeBase(path) as kb:
        return Knowledge(kb.consolidated(), _force_labels(kb), f"the knowledge base at {path}", kb.counts()["articles"])


# ---------------------------------------------------------------------------------------- helpers

def esc(value: Any) -> str:
    """Text (from a record, a store or a user) made safe for HTML content and quoted attributes."""
    return html.escape(str(value), quote=True)


def _words(ident: Any) -> str:
    """An id as words: ``requires_improvement`` -> ``requires improvement``."""
    return str(ident).replace("_", " ")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "x"


def _pretty_value(description: FindingType, raw: str) -> str:
    """A compared value as a person reads it: a percent sign, thousands separated, words for ids."""
    if not raw:
        return ""
    if any(f.kind is PERCENT for f in description.measures):
        return f"{raw}%"
    text = re.sub(r"\d{4,}", lambda m: f"{int(m.group()):,}", raw)
    return _words(text)


def _qualified(description: FindingType, raw: str, qualifier: Any) -> str:
    words = QUALIFIER_WORDS.get(str(qualifier), _words(qualifier)) if qualifier else ""
    value = _pretty_value(description, raw)
    return f"{words} {value}".strip()


def _fact_force(fact: ConsolidatedFact) -> str | None:
    """The force a fact is about: its force field, else an organisation field naming a force."""
    description = fact.description
    for spec in (*description.fields_of(FORCE_ID), *description.fields_of(ORGANISATION_ID)):
        value = fact.field(spec.name)
        if value in FORCE_IDS or (spec.kind is FORCE_ID and value):
            return str(value)
    return None


def _fact_detail(fact: ConsolidatedFact) -> str:
    """What within the force the fact is about: crime type, area (its subject fields)."""
    description = fact.description
    parts = [fact.field(f.name) for f in description.fields
             if f.section is Section.SUBJECT and f.kind not in (FORCE_ID, ORGANISATION_ID)]
    return ", ".join(_words(p) for p in parts if p not in (None, ""))


def _mention_value(mention: Mention) -> str:
    return _pretty_value(mention.description, display_value(mention))


Ent = tuple[int, int, str]


def _clean_ents(spans: Iterable[Any]) -> list[Ent]:
    """Entity spans as (start, end, escaped label), sorted, overlaps and malformed ones dropped: displaCy
    needs them ordered and apart, and writes labels into its markup as given."""
    found = []
    for span in spans:
        if isinstance(span, Mapping):
            start, end, label = span.get("start"), span.get("end"), span.get("label")
        elif isinstance(span, (list, tuple)) and len(span) >= 3:
            start, end, label = span[0], span[1], span[2]
        else:
            continue
        if isinstance(start, int) and isinstance(end, int) and isinstance(label, str) and 0 <= start < end:
            found.append((start, end, esc(label)))
    found.sort()
    ents: list[Ent] = []
    for ent in found:
        if not ents or ent[0] >= ents[-1][1]:
            ents.append(ent)
    return ents


def _ents_within(ents: Sequence[Ent], start: int, end: int) -> list[dict[str, Any]]:
    """displaCy's spans for the text [start, end): the entities overlapping it, clipped and shifted."""
    first = max(0, bisect.bisect_left(ents, (start, start, "")) - 1)
    chosen = []
    for s, e, label in ents[first:]:
        if s >= end:
            break
        s, e = max(s, start), min(e, end)
        if s < e:
            chosen.append({"start": s - start, "end": e - start, "label": label})
    return chosen


@functools.lru_cache(maxsize=1)
def _entity_renderer() -> EntityRenderer:
    """The renderer ``displacy.render(style="ent")`` builds on every call, built once: building it reads
    displaCy's colour registry from package entry points, 3 ms a call, and a report makes thousands."""
    return EntityRenderer(options={"colors": LABEL_COLOURS})


def _displacy(text: str, ents: list[dict[str, Any]]) -> str:
    """displaCy's entity view of a stretch of text, exactly as ``displacy.render({"text": text, "ents": ents},
    style="ent", manual=True, page=False)`` gives it (displaCy escapes the text itself)."""
    return str(_entity_renderer().render([{"text": text, "ents": ents}], page=False, minify=False)).strip()


# ---------------------------------------------------------------------------------------- the index

@dataclass
class _Index:
    """Where things are in the page: articles by id, findings by IRI, facts by finding."""

    article_anchor: dict[str, str] = field(default_factory=dict)
    finding_anchor: dict[str, str] = field(default_factory=dict)
    fact_of_finding: dict[str, ConsolidatedFact] = field(default_factory=dict)
    force_anchor: dict[str, str] = field(default_factory=dict)
    source_of_article: dict[str, str] = field(default_factory=dict)


def _finding_iri(key: str, finding: Any) -> str | None:
    if not isinstance(finding, Mapping) or finding.get("type") not in REGISTRY:
        return None
    try:
        return v.finding_iri(finding_hash(key, finding)).value
    except (TypeError, ValueError, KeyError):
        return None


def _build_index(records: Sequence[Mapping[str, Any]], facts: Sequence[ConsolidatedFact],
                 forces: Sequence[str]) -> _Index:
    index = _Index()
    for n, record in enumerate(records, start=1):
        key = article_key(record)
        index.article_anchor[key] = f"article-{n}"  # a later record of the same id wins, as in the store
        index.source_of_article[key] = str(record.get("source") or "")
        for k, finding in enumerate(record.get("findings") or [], start=1):
            iri = _finding_iri(key, finding)
            if iri is not None:
                index.finding_anchor[iri] = f"article-{n}-finding-{k}"
    for fact in facts:
        for mention in fact.mentions:
            index.fact_of_finding[mention.finding_iri] = fact
    used: set[str] = set()
    for force in forces:
        anchor = f"force-{_slug(force)}"
        while anchor in used:
            anchor += "-x"
        used.add(anchor)
        index.force_anchor[force] = anchor
    return index


# ---------------------------------------------------------------------------------------- the chart

@dataclass(frozen=True)
class _Box:
    """The chart's geometry, in SVG user units."""

    width: int = 960
    left: int = 56
    right: int = 24
    top: int = 18
    plot_height: int = 190
    marker: int = 11
    gap: int = 3

    @property
    def plot_bottom(self) -> int:
        return self.top + self.plot_height

    @property
    def plot_width(self) -> int:
        return self.width - self.left - self.right


def _year_x(years: Sequence[int], box: _Box) -> dict[int, float]:
    if len(years) == 1:
        return {years[0]: box.left + box.plot_width / 2}
    pad = 30
    lo, hi = min(years), max(years)
    span = box.plot_width - 2 * pad
    return {y: box.left + pad + span * (y - lo) / (hi - lo) for y in range(lo, hi + 1)}


def _rate_axis(values: Sequence[float]) -> tuple[int, int, int]:
    """Bottom, top and step of the percentage axis: 100 at the top, the bottom a round number below the data."""
    low = min(values) if values else 100.0
    bottom = max(0, min(50, int(math.floor((low - 5) / 10.0)) * 10))
    step = 10 if 100 - bottom <= 50 else 20
    return bottom, 100, step


def _point_title(fact: ConsolidatedFact) -> str:
    description = fact.description
    text = f"{fact.year} {_fact_detail(fact)}: {_qualified(description, fact.preferred_value, fact.preferred.qualifier)}"
    text += f" ({len(fact.sources)} article{'s' if len(fact.sources) != 1 else ''})"
    if fact.conflict:
        text += f"; sources disagree: {fact.values_summary()}; chosen by: {fact.reason}"
    return text


def rate_chart(facts: Sequence[ConsolidatedFact], fact_anchor: Mapping[str, str], caption: str) -> str:
    """An SVG chart of one force's recording rates (a line per crime type) and grades (a marker per
    area) by year; every point links to its row in the table. Empty when no rate or grade has a year."""
    rates = [f for f in facts if f.type == "recording_rate" and f.year is not None]
    grades = [f for f in facts if f.type == "grade" and f.year is not None]
    if not rates and not grades:
        return ""
    box = _Box()
    years = sorted({int(f.year) for f in (*rates, *grades) if f.year is not None})
    xs = _year_x(years, box)
    spacing = min((xs[b] - xs[a] for a, b in zip(years, years[1:])), default=box.plot_width)
    per_row = max(1, int((spacing - 4) // (box.marker + box.gap)))
    by_year: dict[int, list[ConsolidatedFact]] = {}
    for fact in sorted(grades, key=lambda f: (_fact_detail(f), f.key)):
        by_year.setdefault(int(fact.year), []).append(fact)  # type: ignore[arg-type]
    rows = max((math.ceil(len(fs) / per_row) for fs in by_year.values()), default=0)
    band_top = box.plot_bottom + 14
    band_height = rows * (box.marker + box.gap) + 10 if rows else 0
    axis_y = band_top + band_height + (16 if rows else 4)
    height = axis_y + 10

    values = [float(f.preferred_value) for f in rates]
    bottom, top, step = _rate_axis(values)

    def y_of(value: float) -> float:
        return box.plot_bottom - (value - bottom) / (top - bottom) * box.plot_height

    out = [f'<svg class="chart" role="img" viewBox="0 0 {box.width} {height}" width="{box.width}" height="{height}" '
           f'xmlns="http://www.w3.org/2000/svg" aria-label="{esc(caption)}">',
           f"<title>{esc(caption)}</title>"]
    # Grid and percentage axis.
    for value in range(bottom, top + 1, step):
        y = y_of(value)
        out.append(f'<line class="grid" x1="{box.left}" x2="{box.width - box.right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{box.left - 8}" y="{y + 4:.1f}" text-anchor="end">{value}%</text>')
    for year in years:
        x = xs[year]
        out.append(f'<line class="year-rule" x1="{x:.1f}" x2="{x:.1f}" y1="{box.top}" y2="{axis_y - 14}"/>')
        out.append(f'<text class="tick year" x="{x:.1f}" y="{axis_y}" text-anchor="middle">{year}</text>')
    # One line per crime type, all crime first (drawn last, so on top).
    series: dict[str, list[ConsolidatedFact]] = {}
    for fact in sorted(rates, key=lambda f: (f.year, f.key)):
        series.setdefault(str(fact.field("crime_type") or "all_crime"), []).append(fact)
    order = sorted(series, key=lambda c: CRIME_TYPES.index(c) if c in CRIME_TYPES else len(CRIME_TYPES))
    labelled = order[0] if order else None
    for crime in reversed(order):
        colour = SERIES_COLOURS.get(crime, "#444444")
        points = [(xs[int(f.year)], y_of(float(f.preferred_value)), f) for f in series[crime]]  # type: ignore[arg-type]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
            width = 3 if crime == labelled else 2
            out.append(f'<polyline class="series" points="{path}" fill="none" stroke="{colour}" '
                       f'stroke-width="{width}" stroke-linejoin="round"/>')
        for x, y, fact in points:
            out.append(f'<a href="#{esc(fact_anchor[fact.fact_id])}" class="point">'
                       f"<title>{esc(_point_title(fact))}</title>")
            if fact.conflict:
                out.append(f'<circle class="conflict-ring" cx="{x:.1f}" cy="{y:.1f}" r="9"/>')
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}" stroke="#fff" stroke-width="1.5"/>')
            if crime == labelled:
                out.append(f'<text class="point-label" x="{x:.1f}" y="{y - 12:.1f}" text-anchor="middle">'
                           f"{esc(fact.preferred_value)}%</text>")
            out.append("</a>")
    # The grade band: one coloured marker per area graded in a year.
    if rows:
        out.append(f'<rect class="band" x="{box.left}" y="{band_top}" width="{box.plot_width}" '
                   f'height="{band_height}" rx="4"/>')
        out.append(f'<text class="tick" x="{box.left - 8}" y="{band_top + band_height / 2 + 4:.1f}" '
                   f'text-anchor="end">grades</text>')
        size = box.marker + box.gap
        for year, graded in by_year.items():
            for i, fact in enumerate(graded):
                row, col = divmod(i, per_row)
                in_row = min(per_row, len(graded) - row * per_row)
                x = xs[year] - (in_row * size - box.gap) / 2 + col * size
                y = band_top + 5 + row * size
                grade = str(fact.preferred_value)
                colour = GRADE_COLOURS.get(grade, "#888888")
                title = f"{year} {_fact_detail(fact)}: {_words(grade)}"
                if fact.conflict:
                    title += f"; sources disagree: {fact.values_summary()}; chosen by: {fact.reason}"
                out.append(f'<a href="#{esc(fact_anchor[fact.fact_id])}"><title>{esc(title)}</title>')
                if fact.conflict:
                    out.append(f'<rect class="conflict-ring" x="{x - 2.5:.1f}" y="{y - 2.5:.1f}" '
                               f'width="{box.marker + 5}" height="{box.marker + 5}" rx="3"/>')
                out.append(f'<rect class="grade" x="{x:.1f}" y="{y:.1f}" width="{box.marker}" height="{box.marker}" '
                           f'rx="2" fill="{colour}"/></a>')
    out.append("</svg>")
    legend = [f'<span class="key"><i class="swatch line" style="background:{SERIES_COLOURS.get(c, "#444444")}">'
              f"</i>{esc(_words(c))}</span>" for c in order]
    present = {str(f.preferred_value) for f in grades}
    legend += [f'<span class="key"><i class="swatch" style="background:{colour}"></i>{esc(_words(g))}</span>'
               for g, colour in GRADE_COLOURS.items() if g in present]
    if any(f.conflict for f in (*rates, *grades)):
        legend.append('<span class="key"><i class="swatch ring"></i>sources disagree</span>')
    return (f'<figure class="chart-box">{"".join(out)}<figcaption>{esc(caption)}'
            f'<span class="keys">{"".join(legend)}</span></figcaption></figure>')


# ---------------------------------------------------------------------------------------- force sections

def _source_links(mentions: Iterable[Mention], index: _Index) -> str:
    """One link per article: to the finding in this report, else the article's URL, else its id."""
    first: dict[str, Mention] = {}
    counts: Counter[str] = Counter()
    for mention in mentions:
        first.setdefault(mention.article_id, mention)
        counts[mention.article_id] += 1
    links = []
    for article in sorted(first):
        mention = first[article]
        times = f" (stated {counts[article]} times)" if counts[article] > 1 else ""
        source = mention.source or index.source_of_article.get(article, "")
        title = esc(f"{article}{': ' + source if source else ''}{times}")
        anchor = index.finding_anchor.get(mention.finding_iri) or index.article_anchor.get(article)
        if anchor:
            links.append(f'<a class="source" href="#{esc(anchor)}" title="{title}">{esc(article)}</a>')
        elif re.match(r"https?://", source, re.IGNORECASE):
            links.append(f'<a class="source external" href="{esc(source)}" rel="noopener noreferrer" '
                         f'title="{title}">{esc(article)}</a>')
        else:
            links.append(f'<span class="source absent" title="{title} (not in this report)">{esc(article)}</span>')
    return " ".join(links)


def _fact_row(fact: ConsolidatedFact, index: _Index, anchor: str) -> str:
    description = fact.description
    year = fact.year if fact.year is not None else "unknown"
    value = _qualified(description, fact.preferred_value, fact.preferred.qualifier)
    value_html = f'<span class="value">{esc(value)}</span>'
    if fact.type == "grade":
        colour = GRADE_COLOURS.get(str(fact.preferred_value), "#888888")
        value_html = f'<span class="grade-chip" style="background:{colour}">{esc(value)}</span>'
    if fact.conflict:
        groups: dict[str, list[Mention]] = {}
        for mention in fact.mentions:
            groups.setdefault(_mention_value(mention), []).append(mention)
        value_html += (f' <span class="badge conflict">sources disagree</span>'
                       f'<div class="reason">chosen by: {esc(fact.reason)}</div>')
        sources = "".join(f'<div class="value-sources"><span class="value">{esc(val)}</span> '
                          f"×{len(ms)}: {_source_links(ms, index)}</div>" for val, ms in groups.items())
    else:
        sources = _source_links(fact.mentions, index)
    css = ' class="conflict"' if fact.conflict else ""
    return (f'<tr id="{esc(anchor)}"{css}><td class="num">{esc(year)}</td><td>{esc(description.rdf_label)}</td>'
            f"<td>{esc(_fact_detail(fact))}</td><td>{value_html}</td><td>{sources}</td></tr>")


def _force_section(force: str, label: str, facts: list[ConsolidatedFact], index: _Index,
                   fact_anchor: Mapping[str, str]) -> str:
    yearly = [f for f in facts if f.description.year_field is not None]
    others = [f for f in facts if f.description.year_field is None]
    type_order = {name: i for i, name in enumerate(REGISTRY.names())}
    yearly.sort(key=lambda f: (f.year is None, f.year or 0, type_order.get(f.type, 99), _fact_detail(f), f.key))
    conflicts = sum(f.conflict for f in facts)
    articles = {m.article_id for f in facts for m in f.mentions}
    meta = (f"{len(facts)} fact{'s' if len(facts) != 1 else ''} · from {len(articles)} "
            f"article{'s' if len(articles) != 1 else ''}" + (f" · {conflicts} where sources disagree" if conflicts else ""))
    parts = [f'<section class="force" id="{esc(index.force_anchor[force])}">',
             f'<h3>{esc(label)} <span class="meta">{esc(meta)}</span></h3>']
    parts.append(rate_chart(yearly, fact_anchor, f"{label}: recording rates and grades by year, "
                            "as the knowledge base consolidates them"))
    if yearly:
        parts.append('<table class="facts"><thead><tr><th>year</th><th>what</th><th>for</th><th>value</th>'
                     "<th>sources</th></tr></thead><tbody>")
        parts += [_fact_row(f, index, fact_anchor[f.fact_id]) for f in yearly]
        parts.append("</tbody></table>")
    if others:
        parts.append('<p class="people"><b>Named:</b> ' + "; ".join(
            f'<span id="{esc(fact_anchor[f.fact_id])}">{esc(_fact_detail(f))} '
            f"{_source_links(f.mentions, index)}</span>" for f in others) + "</p>")
    parts.append("</section>")
    return "\n".join(parts)


def _other_section(facts: Sequence[ConsolidatedFact], index: _Index, fact_anchor: Mapping[str, str]) -> str:
    """Facts about no one force (the inspectorate's officials), so every fact has a place to link to."""
    if not facts:
        return ""
    rows = [f'<tr id="{esc(fact_anchor[f.fact_id])}"><td>{esc(f.description.rdf_label)}</td>'
            f"<td>{esc(_fact_detail(f))}</td><td>{esc(_words(f.field('organisation') or ''))}</td>"
            f"<td>{_source_links(f.mentions, index)}</td></tr>" for f in facts]
    return ('<section class="force" id="other-facts"><h3>Not about one force</h3>'
            '<table class="facts"><thead><tr><th>what</th><th>who</th><th>organisation</th><th>sources</th></tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></section>')


# ---------------------------------------------------------------------------------------- article sections

def _article_title(record: Mapping[str, Any], limit: int = 110) -> str:
    first = next((line.strip() for line in str(record["text"]).splitlines() if line.strip()), "")
    first = re.sub(r"^date \d{4}-\d{2}-\d{2}\s+", "", first)
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def _evidence_of(finding: Any, length: int) -> tuple[int, int] | None:
    evidence = finding.get("evidence") if isinstance(finding, Mapping) else None
    if not isinstance(evidence, Mapping):
        return None
    start, end = evidence.get("start"), evidence.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    start, end = max(0, start), min(length, end)
    return (start, end) if start < end else None


def _article_text(n: int, record: Mapping[str, Any]) -> str:
    """The text in displaCy's entity view, cut at evidence boundaries so each evidence sentence is its
    own highlighted, addressable stretch, with markers linking to the findings it supports."""
    text: str = record["text"]
    ents = _clean_ents(record.get("spans") or [])
    by_evidence: dict[tuple[int, int], list[int]] = {}
    for k, finding in enumerate(record.get("findings") or [], start=1):
        where = _evidence_of(finding, len(text))
        if where:
            by_evidence.setdefault(where, []).append(k)
    cuts = sorted({0, len(text), *(p for where in by_evidence for p in where)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        body = _displacy(text[a:b], _ents_within(ents, a, b))
        covering = [w for w in by_evidence if w[0] <= a and b <= w[1]]
        if not covering:
            out.append(f'<div class="segment">{body}</div>')
            continue
        ids = [f"article-{n}-evidence-{s}-{e}" for s, e in by_evidence if s == a]
        anchor = f' id="{ids[0]}"' if ids else ""
        body = "".join(f'<span id="{other}"></span>' for other in ids[1:]) + body
        ending = sorted(k for w in covering if w[1] == b for k in by_evidence[w])
        markers = "".join(f'<a class="marker" href="#article-{n}-finding-{k}" title="finding F{k}">F{k}</a>'
                          for k in ending)
        out.append(f'<div class="segment evidence"{anchor}>{body}{markers}</div>')
    return f'<div class="article-text">{"".join(out)}</div>'


def _finding_item(n: int, k: int, record: Mapping[str, Any], finding: Any, index: _Index,
                  force_labels: Mapping[str, str]) -> str:
    anchor = f"article-{n}-finding-{k}"
    if not isinstance(finding, Mapping):
        return f'<li class="finding" id="{anchor}"><span class="fnum">F{k}</span> not a finding: {esc(finding)}</li>'
    ftype = str(finding.get("type"))
    description = REGISTRY.get(ftype)
    head = [f'<span class="fnum">F{k}</span>',
            f'<span class="ftype ftype-{esc(_slug(ftype))}">{esc(description.rdf_label if description else ftype)}</span>']
    if description is not None:
        force = finding.get("force") or finding.get("organisation")
        if force:
            head.append(f"<b>{esc(force_labels.get(str(force), _words(force)))}</b>")
        if description.year_field is not None:
            year = finding.get(description.year_field.name)
            head.append(f'<span class="year">{esc(year) if year is not None else "year not stated"}</span>')
        detail = [finding.get(f.name) for f in description.fields
              if f.section is Section.SUBJECT and f.kind not in (FORCE_ID, ORGANISATION_ID)]
        if any(d not in (None, "") for d in detail):
            head.append(f'<span class="detail">{esc(", ".join(_words(d) for d in detail if d not in (None, "")))}</span>')
        try:
            raw = description.compared_value(finding)
        except (KeyError, TypeError, ValueError):
            raw = ""
        if raw and ftype == "grade":
            colour = GRADE_COLOURS.get(raw, "#888888")
            head.append(f'<span class="grade-chip" style="background:{colour}">{esc(_words(raw))}</span>')
        elif raw:
            head.append(f'<span class="value">{esc(_qualified(description, raw, finding.get("qualifier")))}</span>')
    fields = "".join(f"<span><code>{esc(name)}</code> {esc(json.dumps(value, ensure_ascii=False))}</span>"
                     for name, value in finding.items() if name not in ("evidence", "entities", "type"))
    parts = [f'<li class="finding" id="{anchor}"><div class="finding-head">{" ".join(head)}</div>',
             f'<div class="fields">{fields}</div>']
    where = _evidence_of(finding, len(record["text"]))
    links = []
    if where:
        s, e = where
        sentence = _displacy(record["text"][s:e], _ents_within(_clean_ents(finding.get("entities") or []), s, e))
        parts.append(f'<blockquote class="evidence-quote">{sentence}</blockquote>')
        links.append(f'<a href="#article-{n}-evidence-{s}-{e}">see it in the article</a>')
    else:
        parts.append('<p class="no-evidence">the record gives no evidence offsets</p>')
    iri = _finding_iri(article_key(record), finding)
    fact = index.fact_of_finding.get(iri) if iri else None
    if fact is not None:
        label = "the fact in the knowledge base" + (" (sources disagree)" if fact.conflict else "")
        links.append(f'<a href="#fact-{esc(fact.fact_id)}">{label}</a>')
    if links:
        parts.append(f'<div class="links">{" · ".join(links)}</div>')
    parts.append("</li>")
    return "".join(parts)


def _article_section(n: int, record: Mapping[str, Any], index: _Index, force_labels: Mapping[str, str]) -> str:
    key = article_key(record)
    findings = record.get("findings") or []
    spans = record.get("spans") or []
    meta = [f"<code>{esc(key)}</code>", esc(record.get("date") or "undated")]
    source = str(record.get("source") or "")
    if re.match(r"https?://", source, re.IGNORECASE):
        meta.append(f'<a href="{esc(source)}" rel="noopener noreferrer">{esc(source)}</a>')
    elif source and source != key:
        meta.append(esc(source))
    meta.append(f"{len(spans)} entities · {len(findings)} finding{'s' if len(findings) != 1 else ''}")
    parts = [f'<article class="article" id="article-{n}">',
             f'<h3><span class="anum">{n}</span> {esc(_article_title(record))}</h3>',
             f'<p class="meta">{" · ".join(meta)}</p>',
             _article_text(n, record)]
    if findings:
        parts.append('<h4>Findings</h4><ol class="findings">')
        parts += [_finding_item(n, k, record, f, index, force_labels) for k, f in enumerate(findings, start=1)]
        parts.append("</ol>")
    else:
        parts.append('<p class="no-findings">No findings in this article.</p>')
    parts.append('<p class="top"><a href="#contents">back to contents</a></p></article>')
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------- the page

def _legend(label_counts: Mapping[str, int]) -> str:
    chips = [f'<span class="label-chip" style="background:{LABEL_COLOURS[label]}">{esc(label)} '
             f'<b>{label_counts.get(label, 0):,}</b></span>' for label in ENTITY_LABELS]
    extra = sorted(set(label_counts) - set(ENTITY_LABELS))
    chips += [f'<span class="label-chip" style="background:{UNKNOWN_LABEL_COLOUR}">{esc(label)} '
              f"<b>{label_counts[label]:,}</b></span>" for label in extra]
    return f'<div class="legend">{"".join(chips)}</div>'


def _summary(records: Sequence[Mapping[str, Any]], knowledge: Knowledge, forces: Sequence[str]) -> str:
    types = Counter(str(f.get("type")) for r in records for f in (r.get("findings") or []) if isinstance(f, Mapping))
    labels = Counter(str(s.get("label")) for r in records for s in (r.get("spans") or []) if isinstance(s, Mapping))
    conflicts = sum(f.conflict for f in knowledge.facts)
    dates = sorted(str(r["date"])[:10] for r in records if r.get("date"))
    span = f"{dates[0]} to {dates[-1]}" if dates else "no dated articles"
    by_type = "".join(f"<li><span>{esc(_words(t))}</span><b>{types.get(t, 0):,}</b></li>"
                      for t in (*REGISTRY.names(), *sorted(set(types) - set(REGISTRY.names()))))
    cards = [
        f'<div class="card"><div class="big">{len(records):,}</div><div>articles</div><small>{esc(span)}</small></div>',
        f'<div class="card"><div class="big">{sum(types.values()):,}</div><div>findings</div>'
        f'<ul class="by-type">{by_type}</ul></div>',
        f'<div class="card"><div class="big">{len(forces):,}</div><div>forces</div>'
        f"<small>with facts in the knowledge base</small></div>",
        f'<div class="card"><div class="big">{len(knowledge.facts):,}</div><div>consolidated facts</div>'
        f'<small class="{"warn" if conflicts else ""}">{conflicts:,} where sources disagree</small>'
        f"<small>from {knowledge.articles:,} article{'s' if knowledge.articles != 1 else ''} "
        "in the knowledge base</small></div>",
    ]
    return (f'<section id="summary"><h2>Summary</h2><div class="cards">{"".join(cards)}</div>'
            f"<h4>Entities, by label</h4>{_legend(labels)}</section>")


def _contents(records: Sequence[Mapping[str, Any]], forces: Sequence[str], facts_of: Mapping[str, list[ConsolidatedFact]],
              index: _Index, force_labels: Mapping[str, str]) -> str:
    force_items = []
    for force in forces:
        conflicts = sum(f.conflict for f in facts_of[force])
        mark = f' <span class="badge conflict" title="facts where sources disagree">{conflicts}</span>' if conflicts else ""
        force_items.append(f'<li><a href="#{esc(index.force_anchor[force])}">{esc(force_labels.get(force, force))}</a> '
                           f'<span class="count">{len(facts_of[force])}</span>{mark}</li>')
    article_items = [f'<li><a href="#article-{n}">{esc(_article_title(r, 70))}</a> '
                     f'<span class="count">{len(r.get("findings") or [])}</span></li>'
                     for n, r in enumerate(records, start=1)]
    forces_html = f'<ul class="toc-list">{"".join(force_items)}</ul>' if force_items else "<p>No force facts.</p>"
    articles_html = f'<ol class="toc-list">{"".join(article_items)}</ol>' if article_items else "<p>No articles given.</p>"
    return (f'<nav id="contents"><h2>Contents</h2><div class="toc">'
            f'<div><h4><a href="#forces">Forces</a> <span class="count">facts</span></h4>{forces_html}</div>'
            f'<div><h4><a href="#articles">Articles</a> <span class="count">findings</span></h4>{articles_html}</div>'
            f"</div></nav>")


def _template(name: str) -> str:
    return resources.files("pipeline").joinpath(f"data/report/{name}").read_text(encoding="utf-8")


def build_report(records: Sequence[Mapping[str, Any]], knowledge: Knowledge, title: str = DEFAULT_TITLE,
                 inputs: Sequence[str] = ()) -> str:
    """The whole page as one string: deterministic for the same records and facts."""
    facts_of: dict[str, list[ConsolidatedFact]] = {}
    for fact in knowledge.facts:
        force = _fact_force(fact)
        if force is not None:
            facts_of.setdefault(force, []).append(fact)
    labels: dict[str, str] = {f: knowledge.force_labels.get(f) or _words(f) for f in facts_of}
    forces = sorted(facts_of, key=lambda f: (labels[f].lower(), f))
    # Sections: the forces most articles speak of first; the contents stay alphabetical, to look one up.
    reach = {f: len({m.article_id for fact in facts_of[f] for m in fact.mentions}) for f in forces}
    by_reach = sorted(forces, key=lambda f: -reach[f])
    index = _build_index(records, knowledge.facts, forces)
    fact_anchor = {f.fact_id: f"fact-{f.fact_id}" for f in knowledge.facts}

    force_sections = [_force_section(f, labels[f], facts_of[f], index, fact_anchor) for f in by_reach]
    loose = [f for f in knowledge.facts if _fact_force(f) is None]
    force_sections.append(_other_section(loose, index, fact_anchor))
    article_sections = [_article_section(n, r, index, knowledge.force_labels) for n, r in enumerate(records, start=1)]
    source_note = f"{len(records):,} article{'s' if len(records) != 1 else ''}"
    if inputs:
        source_note += " from " + ", ".join(inputs)
    body = "\n".join([
        _summary(records, knowledge, forces),
        _contents(records, forces, facts_of, index, labels),
        '<section id="forces"><h2>Forces</h2>'
        f'<p class="lede">Facts consolidated by {esc(knowledge.origin)}: one per force, year and measure. Where '
        "articles disagree the fact is marked, every value is listed with its articles, and the rule that chose "
        "one is named. Each source links to the finding that states it. The forces most articles speak of "
        "come first.</p>"
        + ("\n".join(force_sections).strip() or "<p>No facts in the knowledge base.</p>") + "</section>",
        '<section id="articles"><h2>Articles</h2>'
        '<p class="lede">Each article with its entities (colours as in the summary) and, highlighted, the '
        "sentences its findings rest on; a marker after a sentence links to its findings.</p>"
        + ("\n".join(article_sections) or "<p>No articles given.</p>") + "</section>",
    ])
    page = Template(_template("report.html"))
    return page.substitute(
        title=esc(title), css=_template("report.css"), version=esc(__version__), source_note=esc(source_note),
        origin=esc(knowledge.origin), body=body)


def write_report(records: Sequence[Mapping[str, Any]], knowledge: Knowledge, output: Path,
                 title: str = DEFAULT_TITLE, inputs: Sequence[str] = ()) -> None:
    """Write the page, through a temporary file renamed into place."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".tmp")
    partial.write_text(build_report(records, knowledge, title, inputs), encoding="utf-8")
    partial.replace(output)

