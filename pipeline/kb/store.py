"""The knowledge base: an embedded, persistent pyoxigraph store of articles, findings and facts.

Layout (docs/knowledge-base.md): one named graph per article, replaced whole in one SPARQL
UPDATE when the article is re-extracted; a reference graph (forces, the inspectorate);
the vocabulary graph; the consolidated graph, derived from the article graphs and
recomputed whenever they change (and before it is read, should a crash have left it
behind them).

    with KnowledgeBase("out/kb") as kb:
        report = kb.load_records(records)
        for fact in kb.summary_facts(5):
            print(fact.describe())
"""

from __future__ import annotations

import json
import math
import time
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any, Callable, Iterable, Mapping
from urllib.parse import unquote

from pyoxigraph import Literal, NamedNode, Quad, QueryBoolean, QuerySolutions, RdfFormat, Store, Variable
from pyoxigraph import serialize as rdf_serialize

from pipeline import __version__
from pipeline.field_kinds import PERCENT, RdfTerm
from pipeline.finding_types import REGISTRY
from pipeline.kb import queries as q
from pipeline.kb import vocabulary as v
from pipeline.kb.consolidate import ConsolidatedFact, Mention, consolidate
from pipeline.kb.fact_export import fact_json, facts_csv
from pipeline.kb.rdf import (ArticleData, RecordError, article_data, content_sha256, fact_quads, insert_data,
                             reference_quads)
from pipeline.kb.tables import Table, term_text

# Where the store is when no --store is given and $HMICFRS_STORE is not set: relative to the
# working directory, beside the extraction output of `make run` (out/*.jsonl).
DEFAULT_STORE = Path("out") / "kb"
STORE_ENV = "HMICFRS_STORE"
# Loads of at least this many new articles into an empty store go through bulk_extend.
BULK_THRESHOLD = 500
# Bump when the consolidation rule changes: the consolidated graph is then recomputed.
CONSOLIDATION_VERSION = "1"

RDF_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
}
EXPORT_FORMATS = (*RDF_FORMATS, "csv", "jsonl")
BULK_MARKER = Quad(v.META_GRAPH, v.hx("bulkLoadInProgress"), v.boolean(True), v.META_GRAPH)


class KnowledgeBaseError(RuntimeError):
    """The store cannot be used as asked (locked by another process, interrupted bulk load, bad id)."""


# Each article's text digest and source, to tell a re-extraction (same text) from another article
# that happens to have the same id (a different text).
_ARTICLE_TEXTS = """
SELECT ?g ?sha ?source WHERE {
  GRAPH ?g { ?a a schema:NewsArticle ; schema:sha256 ?sha . OPTIONAL { ?a dcterms:source ?source } }
}
"""
# A record's ``_origin`` (``FILE:LINE``, set by the command line as it reads) names it in problems; not stored.
ORIGIN_KEY = "_origin"


def is_store(path: str | Path) -> bool:
    """Whether ``path`` holds a store (pyoxigraph's RocksDB keeps a CURRENT file at its top)."""
    return (Path(path) / "CURRENT").is_file()


@dataclass
class LoadReport:
    """What a load did, per article: added (new), replaced (re-extracted), unchanged (same digest),
    refused (another text under an id the store or this load already has; see ``replace``)."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    refused: int = 0
    findings: int = 0
    facts: int = 0
    conflicts: int = 0
    quads: int = 0
    bulk: bool = False
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def describe(self) -> str:
        mode = " (bulk)" if self.bulk else ""
        refused = f", {self.refused} refused (same id, another text)" if self.refused else ""
        return (f"articles: {self.added} added, {self.replaced} replaced, {self.unchanged} unchanged{refused}{mode}; "
                f"{self.findings} findings written; {self.facts} consolidated facts ({self.conflicts} with conflicts); "
                f"{self.quads} quads in the store; {self.seconds:.2f} s")


class KnowledgeBaseWarning(UserWarning):
    """A value in the store that cannot be read (written by an older version): read as absent."""


def _unreadable(term: Any, what: str) -> None:
    warnings.warn(f"ignoring an unreadable {what} in the store: {str(term)[:120]}", KnowledgeBaseWarning,
                  stacklevel=3)


def _number(term: Any) -> int | float | None:
    """A numeric literal's value; None (with a warning) for one that is no number or not finite."""
    if term is None:
        return None
    try:
        number = float(term.value) if term.datatype.value.endswith("#decimal") else int(term.value)
    except (ValueError, AttributeError, OverflowError):
        _unreadable(term, "number")
        return None
    if isinstance(number, float) and not math.isfinite(number):
        _unreadable(term, "number")
        return None
    return number


def _date(term: Any) -> str | None:
    """An article's date, None (with a warning) when it is no real date."""
    if term is None:
        return None
    try:
        date.fromisoformat(term.value[:10])
    except (ValueError, AttributeError):
        _unreadable(term, "date")
        return None
    return str(term.value)


def _iri_id(term: Any) -> str | None:
    """The SCHEMA id at the end of a force or organisation IRI."""
    return unquote(term.value.rsplit("/", 1)[-1]) if term is not None else None


def _text(term: Any) -> str | None:
    return term.value if term is not None else None


def _flag(term: Any) -> bool:
    return term is not None and term.value == "true"


# How a field's value is read back from the RDF term its kind is stored as.
TERM_READERS: dict[RdfTerm, Callable[[Any], Any]] = {
    "force": _iri_id, "organisation": _iri_id, "decimal": _number, "integer": _number, "gYear": _number,
    "boolean": _flag, "string": _text,
}


class KnowledgeBase:
    """One store directory, opened read-write by one process at a time (RocksDB holds a lock).

    ``create=False`` opens only a store that exists (what every read does: asking a question
    never leaves an empty store behind). A folder that holds other files is never made a store.
    Reads open read-write all the same: the consolidated graph is derived from the article
    graphs and a read may have to bring it up to date, and pyoxigraph's read-only opening is
    undefined behaviour while another process writes, where the lock gives a clear error."""

    def __init__(self, path: str | Path | None = DEFAULT_STORE, create: bool = True) -> None:
        self.path = Path(path) if path is not None else None
        if self.path is not None:
            self._check_location(self.path, create)
        try:
            self.store = Store(str(path)) if path is not None else Store()
        except OSError as err:
            if "lock" in str(err).lower():
                raise KnowledgeBaseError(
                    f"the knowledge base at {path} is open in another process (one writer at a time): {err}") from None
            raise
        if BULK_MARKER in self.store:
            raise KnowledgeBaseError(
                f"a bulk load into {path} was interrupted, so the store is incomplete: delete it and load again")

    @staticmethod
    def _check_location(path: Path, create: bool) -> None:
        if is_store(path):
            return
        if path.exists() and not path.is_dir():
            raise KnowledgeBaseError(f"{path} is a file, not a knowledge base: give --store a folder")
        if path.is_dir() and any(path.iterdir()):
            raise KnowledgeBaseError(f"{path} is a folder that holds other files, not a knowledge base: "
                                     "give --store a new or empty folder (e.g. out/kb)")
        if not create:
            raise KnowledgeBaseError(
                f"no knowledge base at {path} ({path.absolute()}): create one with "
                f"`hmicfrs-extract kb load OUTPUT.jsonl --store {path}` (or `extract ... --kb`), "
                f"or point --store or ${STORE_ENV} at an existing one")

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store (and its lock) now rather than at garbage collection."""
        if getattr(self, "store", None) is not None:
            self.store.flush()
            self.store = None  # type: ignore[assignment]

    # ------------------------------------------------------------------ loading

    def load_records(self, records: Iterable[Mapping[str, Any]], pipeline_version: str | None = None,
                     extracted_at: datetime | None = None, bulk: bool | None = None,
                     replace: bool = False) -> LoadReport:
        """Load SCHEMA §3 records: new articles are added, re-extracted ones (same text, other
        findings or pipeline) replaced, the same ones skipped.

        An article whose text differs from the one the store (or this load) already has under its
        id is another article that happens to share the id: it is refused and reported, and the
        first kept, unless ``replace`` (``kb load --replace``) says the new text supersedes it.
        ``pipeline_version`` defaults to the record's ``pipeline_version`` key, else this package's
        version; ``extracted_at`` to the record's ``extracted_at`` key, else now. ``bulk`` (default:
        at least BULK_THRESHOLD new articles into an empty store) writes through ``bulk_extend``,
        which is fast but not transactional; it is only allowed into an empty store.
        """
        started = time.perf_counter()
        report = LoadReport()
        now = extracted_at or datetime.now(timezone.utc).replace(microsecond=0)
        stored = {row["g"].value: (row["sha"].value, _text(row["source"])) for row in self._select(_ARTICLE_TEXTS)}
        pending: dict[str, ArticleData] = {}
        texts: dict[str, tuple[str, Any, Any]] = {}  # key -> text sha256, source, origin, in this load
        for number, record in enumerate(records, start=1):
            origin = record.get(ORIGIN_KEY) if isinstance(record, Mapping) else None
            where = f"{origin}: " if origin else ""
            try:
                version = pipeline_version or str(record.get("pipeline_version") or __version__)
                when = datetime.fromisoformat(record["extracted_at"]) if record.get("extracted_at") else now
                data = article_data(record, version, when)
            except (RecordError, ValueError, TypeError, AttributeError) as err:
                report.problems.append(f"{where}record {number} skipped: {err}")
                continue
            sha, source = content_sha256(record["text"]), record.get("source")
            earlier, kept = texts.get(data.key), stored.get(data.graph.value)
            if not replace and earlier is not None and earlier[0] != sha:
                report.refused += 1
                report.problems.append(
                    f"{where}article {data.key!r} (source {source or 'none'}) not loaded: "
                    f"{earlier[2] or 'an earlier record'} of this load gives that id to another text (source "
                    f"{earlier[1] or 'none'}); give one of them another id, or load with --replace")
                continue
            if not replace and earlier is None and kept is not None and kept[0] != sha:
                report.refused += 1
                report.problems.append(
                    f"{where}article {data.key!r} (source {source or 'none'}) not loaded: the store holds another "
                    f"text under that id (source {kept[1] or 'none'}); give it another id, or load with --replace to "
                    "replace the stored article")
                continue
            if data.key in pending:
                report.problems.append(f"{where}{data.key}: given twice in this load; the later record is kept")
            report.problems.extend(data.problems)
            pending[data.key] = data
            texts[data.key] = (sha, source, origin)
        self._ensure_reference()
        existing = self._article_digests()
        changed = []
        for data in pending.values():
            old = existing.get(data.graph.value)
            if old == data.digest:
                report.unchanged += 1
                continue
            report.added += old is None
            report.replaced += old is not None
            changed.append(data)
        report.bulk = bulk if bulk is not None else (not existing and len(changed) >= BULK_THRESHOLD)
        if report.bulk:
            if existing:
                raise KnowledgeBaseError("a bulk load needs an empty store; load without --bulk")
            self._bulk_write(changed)
        else:
            for data in changed:
                self.replace_article(data)
        report.findings = sum(d.findings for d in changed)
        facts = self.consolidated()
        report.facts = len(facts)
        report.conflicts = sum(f.conflict for f in facts)
        report.quads = len(self.store)
        report.seconds = time.perf_counter() - started
        return report

    def replace_article(self, data: ArticleData) -> None:
        """Drop the article's graph and insert its new content in ONE update: all or nothing."""
        self.store.update(f"DROP SILENT GRAPH {data.graph} ;\n{insert_data(data.quads)}")

    def _bulk_write(self, articles: list[ArticleData]) -> None:
        """bulk_extend is not transactional: a marker says 'incomplete' until it has finished."""
        self.store.add(BULK_MARKER)
        self.store.flush()
        self.store.bulk_extend(quad for data in articles for quad in data.quads)
        self.store.remove_graph(v.META_GRAPH)  # the marker, and the graph name with it
        self.store.flush()

    def _replace_graph(self, graph: NamedNode, quads: list[Quad]) -> None:
        self.store.update(f"DROP SILENT GRAPH {graph} ;\n{insert_data(quads)}")

    def _ensure_reference(self) -> None:
        """The reference and vocabulary graphs, rewritten only when their content changed."""
        wanted = {
            v.REFERENCE_GRAPH: reference_quads(),
            v.VOCABULARY_GRAPH: [Quad(x.subject, x.predicate, x.object, v.VOCABULARY_GRAPH)
                                 for x in v.vocabulary_triples()],
        }
        for graph, quads in wanted.items():
            current = {str(x) for x in self.store.quads_for_pattern(None, None, None, graph)}
            if current != {str(x) for x in self._canonical(quads)}:
                self._replace_graph(graph, quads)

    @staticmethod
    def _canonical(quads: list[Quad]) -> list[Quad]:
        """Quads as the store would hold them (it normalises literals, e.g. decimals)."""
        scratch = Store()
        scratch.extend(quads)
        return list(scratch)

    def _article_digests(self) -> dict[str, str]:
        return {row["g"].value: row["digest"].value for row in self._select(q.ARTICLE_DIGESTS)}

    # ------------------------------------------------------------------ consolidation

    def _state_digest(self) -> str:
        return v.digest([CONSOLIDATION_VERSION, sorted(self._article_digests().items())])

    def refresh_consolidated(self, force: bool = False) -> list[ConsolidatedFact] | None:
        """Recompute the consolidated graph unless it already matches the article graphs;
        the facts when it was recomputed, None when it was up to date."""
        state = self._state_digest()
        stored = [row["state"].value for row in self._select(q.STORED_STATE)]
        if not force and stored == [state]:
            return None
        facts = consolidate(self.mentions())
        self._replace_graph(v.CONSOLIDATED_GRAPH, fact_quads(facts, state))
        return facts

    def mentions(self) -> list[Mention]:
        """Every finding in the article graphs, as consolidation reads it: each field of its type
        (in section order), read back by its kind. A type this code has no description of (a store
        written by another version) cannot be consolidated and is left out."""
        fields_of = {t.name: t.fields_by_section() for t in REGISTRY.types()}
        mentions = []
        for row in self._select(q.mentions_query(_queried_fields())):
            fields: dict[str, Any] = {"type": row["type"].value}
            if fields["type"] not in fields_of:
                continue
            for spec in fields_of[fields["type"]]:
                fields[spec.name] = TERM_READERS[spec.kind.rdf_term](row[q.field_variable(spec.name)])
            description = REGISTRY[fields["type"]]
            if any(fields.get(name) is None for name in description.core):
                _unreadable(row["finding"], f"{fields['type']} finding (a core field is missing or unreadable)")
                continue
            mentions.append(Mention(
                finding_iri=row["finding"].value, article_id=row["article"].value,
                article_date=_date(row["date"]), fields=fields,
                stated_by_inspectorate=row["by_inspectorate"].value == "true",
                evidence_start=_number(row["evidence_start"]), source=_text(row["source"])))
        return mentions

    def consolidated(self) -> list[ConsolidatedFact]:
        """Every consolidated fact (the graph is brought up to date first)."""
        facts = self.refresh_consolidated()
        return facts if facts is not None else consolidate(self.mentions())

    def summary_facts(self, n: int = 5) -> list[ConsolidatedFact]:
        """A few facts worth printing after a load: inspection findings reported by several
        articles first (a conflict among them before agreement), then the types with no year (officials)."""
        facts = self.consolidated()
        facts.sort(key=lambda f: (f.description.year_field is None, -len(f.sources), not f.conflict, -len(f.mentions),
                                  f.key))
        return facts[:n]

    # ------------------------------------------------------------------ querying

    def query(self, sparql: str, substitutions: Mapping[str, Any] | None = None) -> Any:
        """A SPARQL query over the union of all graphs, with the vocabulary prefixes declared."""
        subs = {Variable(name): term for name, term in (substitutions or {}).items()}
        return self.store.query(sparql, prefixes=v.PREFIXES, use_default_graph_as_union=True,
                                substitutions=subs or None)

    def _select(self, sparql: str, **substitutions: Any) -> list[Any]:
        return list(self.query(sparql, substitutions))

    def table(self, sparql: str, **substitutions: Any) -> Table:
        """A SELECT answer as a Table of display strings."""
        result = self.query(sparql, substitutions)
        if not isinstance(result, QuerySolutions):
            raise KnowledgeBaseError("only SELECT queries give a table")
        headers = [var.value for var in result.variables]
        rows = [[term_text(solution[name]) for name in headers] for solution in result]
        return Table(headers, rows)

    def raw_query(self, sparql: str, fmt: str) -> str:
        """Any query, answered in a W3C results format (csv, tsv, json) or N-Triples for graphs."""
        self.refresh_consolidated()
        result = self.query(sparql)
        if isinstance(result, QueryBoolean):
            return "true" if bool(result) else "false"
        if isinstance(result, QuerySolutions):
            from pyoxigraph import QueryResultsFormat

            formats = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "json": QueryResultsFormat.JSON}
            return result.serialize(format=formats[fmt]).decode("utf-8")
        return rdf_serialize(result, format=RdfFormat.N_TRIPLES).decode("utf-8")

    def force_facts(self, force_id: str) -> Table:
        self.refresh_consolidated()
        return self.table(q.bind(q.FORCE_FACTS, force=v.force_iri(force_id)))

    def rates(self, year: int, crime_type: str | None = None) -> Table:
        self.refresh_consolidated()
        table = self.table(q.bind(q.RATES, year=v.year_literal(year)))
        if crime_type:
            table = Table(table.headers, [r for r in table.rows if r[1] == crime_type])
        return table

    def conflicts(self) -> Table:
        self.refresh_consolidated()
        return self.table(q.CONFLICTS)

    def officials(self) -> Table:
        self.refresh_consolidated()
        return self.table(q.OFFICIALS)

    def resolve(self, ident: str) -> NamedNode:
        """A finding or fact from its IRI, its prefixed name (finding:…, fact:…) or a prefix of its hash."""
        if ident.startswith(("http://", "https://")):
            prefixes = [ident]
        elif ":" in ident and ident.split(":", 1)[0] in v.PREFIXES:
            name, rest = ident.split(":", 1)
            prefixes = [v.PREFIXES[name] + rest]
        else:
            prefixes = [v.PREFIXES["finding"] + ident, v.PREFIXES["fact"] + ident]
        found = sorted({row["x"].value for p in prefixes for row in self._select(q.RESOLVE_ID, prefix=Literal(p))})
        if not found:
            raise KnowledgeBaseError(f"no finding or fact matches {ident!r}")
        if len(found) > 1:
            raise KnowledgeBaseError(f"{ident!r} is ambiguous: {', '.join(v.shorten(x) for x in found[:5])}")
        return NamedNode(found[0])

    def provenance(self, ident: str) -> list[dict[str, Any]]:
        """Where a finding comes from (article, offsets, sentence, spans, pipeline version, time);
        for a consolidated fact, the same for each of its mentions, the preferred one first."""
        facts = {v.fact_iri(f.fact_id).value: f for f in self.consolidated()}
        node = self.resolve(ident)
        findings = [node]
        if node.value in facts:
            findings = [NamedNode(m.finding_iri) for m in facts[node.value].mentions]
        answers = []
        for finding in findings:
            for row in self._select(q.PROVENANCE, finding=finding):
                entry = {name: term_text(row[name]) for name in
                         ("type", "value", "article", "source", "date", "sha256", "start", "end", "sentence",
                          "by_inspectorate", "version", "generated", "activity")}
                if entry["value"] and _is_percent(entry["type"]):
                    try:
                        entry["value"] = f"{float(entry['value']):.1f}"
                    except ValueError:
                        _unreadable(row["value"], "percentage")
                entry["finding"] = v.shorten(finding.value)
                entry["preferred"] = node.value in facts and finding == findings[0]
                entry["entities"] = [
                    {name: term_text(span[name]) for name in ("label", "start", "end", "text")}
                    for span in self._select(q.PROVENANCE_SPANS, finding=finding)]
                answers.append(entry)
        return answers

    def counts(self) -> dict[str, int]:
        row = self._select(q.COUNTS)[0]
        return {"articles": int(row["articles"].value), "findings": int(row["findings"].value),
                "quads": len(self.store), "graphs": sum(1 for _ in self.store.named_graphs())}

    # ------------------------------------------------------------------ export

    def export(self, fmt: str, output: Path) -> int:
        """Write the store in an RDF format, or the consolidated facts as CSV or JSONL; returns items written.

        Turtle and N-Triples hold triples only: they get the union of all graphs (graph names
        are lost). N-Quads and TriG keep every graph.
        """
        self.refresh_consolidated()
        output.parent.mkdir(parents=True, exist_ok=True)
        if fmt in ("nquads", "trig"):
            self.store.dump(output, RDF_FORMATS[fmt], prefixes=v.PREFIXES if fmt == "trig" else None)
            return len(self.store)
        if fmt in ("turtle", "ntriples"):
            triples = list(self.query(q.UNION_TRIPLES))
            rdf_serialize(triples, output, RDF_FORMATS[fmt], prefixes=v.PREFIXES if fmt == "turtle" else None)
            return len(set(triples))
        facts = self.consolidated()
        if fmt == "csv":
            output.write_text(facts_csv(facts), encoding="utf-8")
        elif fmt == "jsonl":
            with output.open("w", encoding="utf-8") as handle:
                for fact in facts:
                    handle.write(json.dumps(fact_json(fact), ensure_ascii=False) + "\n")
        else:
            raise KnowledgeBaseError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
        return len(facts)


def _queried_fields() -> dict[str, str]:
    """Field name -> hx: property, for every field of every registered type."""
    return {f.name: f.rdf_property for t in REGISTRY.types() for f in t.fields}


def _is_percent(ftype: str) -> bool:
    """A type whose value is a percentage, shown to one decimal (the store drops a trailing .0)."""
    description = REGISTRY.get(ftype)
    return description is not None and any(f.kind is PERCENT for f in description.measures)
