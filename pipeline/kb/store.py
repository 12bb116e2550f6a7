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
from typing import Any, Callable, Iterable, Iterator, Mapping
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
from pipeline.kb.rdf import (PART_OF_FACT, ArticleData, RecordError, article_data, content_sha256, fact_of, fact_quads,
                             insert_data, reference_quads)
from pipeline.kb.tables import Table, term_text

# Where the store is when no --store is given and $HMICFRS_STORE is not set: relative to the
# working directory, beside the extraction output of `make run` (out/*.jsonl).
DEFAULT_STORE = Path("out") / "kb"
STORE_ENV = "HMICFRS_STORE"
# Articles written per transaction; a bulk load (--bulk) writes larger batches.
BATCH = 200
BULK_BATCH = 1000
# Dirty facts recomputed per transaction: at most this many facts, and no more facts once their
# mentions reach MENTION_BUDGET (a fact reported by thousands of articles is one chunk of its own), so
# the mentions held in memory and the size of one update stay bounded however many sources a fact has.
FACT_CHUNK = 500
MENTION_BUDGET = 20_000
# Bump when the consolidation rule or the consolidated graph's layout changes: every fact is then
# recomputed once (a store of version "1", without hx:partOfFact links, is rebuilt when first opened).
CONSOLIDATION_VERSION = "2"

RDF_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
}
EXPORT_FORMATS = (*RDF_FORMATS, "csv", "jsonl")
BULK_MARKER = Quad(v.META_GRAPH, v.hx("bulkLoadInProgress"), v.boolean(True), v.META_GRAPH)
DIRTY_FACT = v.hx("dirtyFact")
PENDING_GRAPH = v.hx("pendingGraph")
CONSOLIDATION_VERSION_TERM = v.hx("consolidationVersion")
# The predicates a mention is read from, as IRIs (the keys of a finding's and an article's properties).
_TYPE_P, _DERIVED_P = v.HX + "findingType", v.PROV + "wasDerivedFrom"
_BY_INSPECTORATE_P, _EVIDENCE_START_P = v.HX + "statedByInspectorate", v.HX + "evidenceStart"
_IDENTIFIER_P, _DATE_P, _SOURCE_P = v.DCTERMS + "identifier", v.DCTERMS + "date", v.DCTERMS + "source"
# An article node's identifier, date and source, as consolidation reads them, by article IRI.
_ArticleCache = dict[str, tuple[str | None, str | None, str | None]]


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
        # "bulk" only when it made a difference: more articles than one ordinary batch holds
        mode = " (bulk)" if self.bulk and self.added + self.replaced > BATCH else ""
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


def _offset(term: Any) -> int | None:
    number = _number(term)
    return int(number) if number is not None else None


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
            # An older version's non-transactional bulk load (only ever into an empty store) was killed:
            # what it left is partial articles, so the store goes back to what it held before, empty.
            warnings.warn(f"a bulk load into {path} by an older version was interrupted; the partial articles "
                          "it left were removed (the store was empty before it): run the same load again",
                          KnowledgeBaseWarning, stacklevel=2)
            self.store.clear()
            self.store.flush()
        self._undo_pending()

    def _undo_pending(self) -> None:
        """Graphs of new articles whose batch was killed while being written are dropped (with the marks
        that named them): the store is as before that batch, and the same load run again writes them."""
        pending = list(self.store.quads_for_pattern(v.META_GRAPH, PENDING_GRAPH, None, v.META_GRAPH))
        if pending:
            drops = "".join(f"DROP SILENT GRAPH {quad.object} ;\n" for quad in pending)
            marks = " ".join(f"{quad.subject} {quad.predicate} {quad.object} ." for quad in pending)
            self.store.update(f"{drops}DELETE DATA {{ GRAPH {v.META_GRAPH} {{ {marks} }} }}")

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
        version; ``extracted_at`` to the record's ``extracted_at`` key, else now.

        Records stream through in batches (memory bounded by a batch, not the load); each batch is
        written in transactions that also mark the facts it touches, and only those facts are then
        recomputed. A load that is killed leaves every committed batch and the marks: the store
        answers reads, and the same load run again skips what was written and completes.
        ``bulk`` (default: into an empty store) only makes the batches larger; it is safe anywhere.
        """
        started = time.perf_counter()
        report = LoadReport()
        now = extracted_at or datetime.now(timezone.utc).replace(microsecond=0)
        self._ensure_reference()
        self.refresh_consolidated()  # a store left behind by an older version or a killed load caught up first
        stored = {row["g"].value: (row["sha"].value, _text(row["source"])) for row in self._select(_ARTICLE_TEXTS)}
        existing = self._article_digests()
        report.bulk = bool(bulk) if bulk is not None else (not existing)
        batch_size = BULK_BATCH if bulk else BATCH
        texts: dict[str, tuple[str, Any, Any]] = {}  # key -> text sha256, source, origin, in this load
        batch: list[ArticleData] = []
        for number, record in enumerate(records, start=1):
            origin = record.get(ORIGIN_KEY) if isinstance(record, Mapping) else None
            where = f"{origin}: " if origin else ""
            try:
                version = pipeline_version or str(record.get("pipeline_version") or __version__)
                when = datetime.fromisoformat(record["extracted_at"]) if record.get("extracted_at") else now
                data = article_data(record, version, when)
            except (RecordError, ValueError, TypeError, AttributeError, RecursionError) as err:
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
            if earlier is not None:
                report.problems.append(f"{where}{data.key}: given twice in this load; the later record is kept")
            report.problems.extend(data.problems)
            texts[data.key] = (sha, source, origin)
            old = existing.get(data.graph.value)
            if old == data.digest:
                report.unchanged += earlier is None
                continue
            if earlier is None:
                report.added += old is None
                report.replaced += old is not None
            report.findings += data.findings
            existing[data.graph.value] = data.digest
            batch = [d for d in batch if d.key != data.key] + [data]
            if len(batch) >= batch_size:
                self._write_batch(batch)
                batch = []
        if batch:
            self._write_batch(batch)
        self._consolidate_dirty()
        report.facts, report.conflicts = self._fact_counts()
        report.quads = len(self.store)
        report.seconds = time.perf_counter() - started
        return report

    def _write_batch(self, batch: list[ArticleData]) -> None:
        """New articles in one atomic extend, replaced ones in one update that drops their old graphs;
        each transaction marks the facts its articles touch (old findings' and new ones')."""
        graphs = {data.graph for data in batch}
        stale = {g for g in graphs if next(self.store.quads_for_pattern(None, None, None, g), None) is not None}
        new = [data for data in batch if data.graph not in stale]
        if new:
            # bulk_extend is fast but not atomic: the new graphs are named (with the facts they touch) in one
            # transaction first, and unnamed once written, so a kill in between is undone at the next opening.
            pending = [Quad(v.META_GRAPH, PENDING_GRAPH, data.graph, v.META_GRAPH) for data in new]
            self.store.extend(pending + self._dirty_quads(set().union(*(data.facts for data in new))))
            self.store.bulk_extend(quad for data in new for quad in data.quads)
            self.store.flush()
            for quad in pending:
                self.store.remove(quad)
        replaced = [data for data in batch if data.graph in stale]
        if replaced:
            self._replace(replaced)
            self.store.flush()

    def replace_article(self, data: ArticleData) -> None:
        """Drop the article's graph and insert its new content in ONE update: all or nothing."""
        self._replace([data])

    def _replace(self, articles: list[ArticleData]) -> None:
        old_facts = {row["f"].value for data in articles
                     for row in self._select(q.bind(q.GRAPH_FACTS, graph=data.graph))}
        facts = old_facts.union(*(data.facts for data in articles))
        drops = "".join(f"DROP SILENT GRAPH {data.graph} ;\n" for data in articles)
        quads = [quad for data in articles for quad in data.quads] + self._dirty_quads(facts)
        self.store.update(f"{drops}{insert_data(quads)}")

    @staticmethod
    def _dirty_quads(facts: Iterable[str]) -> list[Quad]:
        return [Quad(v.META_GRAPH, DIRTY_FACT, NamedNode(fact), v.META_GRAPH) for fact in facts]

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

    def _consolidation_version(self) -> str | None:
        found = next(self.store.quads_for_pattern(v.META_GRAPH, CONSOLIDATION_VERSION_TERM, None, v.META_GRAPH), None)
        return found.object.value if found is not None and isinstance(found.object, Literal) else None

    def refresh_consolidated(self, force: bool = False) -> None:
        """Bring the consolidated graph up to date: the facts marked dirty (by a load, or one that was
        killed) are recomputed; a store of another consolidation version (or ``force``) is rebuilt once.
        When nothing is marked this is two index look-ups."""
        if force or self._consolidation_version() != CONSOLIDATION_VERSION:
            self._rebuild()
        self._consolidate_dirty()

    def _rebuild(self) -> None:
        """Every finding linked to its fact again and every fact marked dirty; the version is recorded
        last, so a rebuild that is interrupted is redone."""
        self.store.update("DELETE WHERE { GRAPH ?g { ?finding hx:partOfFact ?fact } }", prefixes=v.PREFIXES)
        links: list[Quad] = []
        facts: set[str] = set()
        findings = ((quad.subject, quad.graph_name) for quad in
                    self.store.quads_for_pattern(None, v.RDF_TYPE, v.hx("Finding"), None))
        for mention, graph in self._read_mentions(findings):
            fact = fact_of(mention)
            facts.add(fact.value)
            links.append(Quad(NamedNode(mention.finding_iri), PART_OF_FACT, fact, graph))
            if len(links) >= 50_000:
                self.store.extend(links)
                links = []
        self.store.extend(links + self._dirty_quads(facts))
        self.store.update(f"DROP SILENT GRAPH {v.CONSOLIDATED_GRAPH} ;\n"
                          f"DELETE WHERE {{ GRAPH {v.META_GRAPH} {{ {v.META_GRAPH} {CONSOLIDATION_VERSION_TERM} ?v }} }} ;\n"
                          + insert_data([Quad(v.META_GRAPH, CONSOLIDATION_VERSION_TERM, v.string(CONSOLIDATION_VERSION),
                                              v.META_GRAPH)]))

    def _consolidate_dirty(self) -> None:
        """Recompute the facts marked dirty, a chunk at a time (FACT_CHUNK facts or MENTION_BUDGET
        mentions): the chunk's mentions read from the indexes, grouped and ranked in Python, and one update
        that replaces the chunk's facts and clears their marks."""
        while True:
            chunk: list[NamedNode] = []
            mentions: list[Mention] = []
            articles: _ArticleCache = {}
            for quad in self.store.quads_for_pattern(v.META_GRAPH, DIRTY_FACT, None, v.META_GRAPH):
                if not isinstance(quad.object, NamedNode):
                    continue
                chunk.append(quad.object)
                mentions.extend(self.mentions_of([quad.object], articles))
                if len(chunk) >= FACT_CHUNK or len(mentions) >= MENTION_BUDGET:
                    break
            if not chunk:
                return
            facts = consolidate(mentions)
            del mentions, articles
            written = {v.fact_iri(fact.fact_id) for fact in facts} | set(chunk)
            values = " ".join(str(node) for node in written)
            marks = " ".join(f"{v.META_GRAPH} {DIRTY_FACT} {node} ." for node in chunk)
            self.store.update(
                f"DELETE {{ GRAPH {v.CONSOLIDATED_GRAPH} {{ ?f ?p ?o }} }} WHERE {{ VALUES ?f {{ {values} }} "
                f"GRAPH {v.CONSOLIDATED_GRAPH} {{ ?f ?p ?o }} }} ;\n"
                f"{insert_data(fact_quads(facts))} ;\n"
                f"DELETE DATA {{ GRAPH {v.META_GRAPH} {{ {marks} }} }}")
            # RocksDB keeps what transactions write in memory tables until they fill (tens of MB for each of the
            # store's many indexes): flushed after each chunk, a load's memory stays what one chunk needs.
            self.store.flush()

    def _fact_counts(self) -> tuple[int, int]:
        row = self._select(q.FACT_COUNTS)[0]
        return int(row["facts"].value), int(row["conflicts"].value)

    def mentions(self) -> list[Mention]:
        """Every finding in the article graphs, as consolidation reads it: each field of its type
        (in section order), read back by its kind. A type this code has no description of (a store
        written by another version) cannot be consolidated and is left out."""
        findings = ((quad.subject, quad.graph_name) for quad in
                    self.store.quads_for_pattern(None, v.RDF_TYPE, v.hx("Finding"), None))
        return [mention for mention, _graph in self._read_mentions(findings)]

    def mentions_of(self, facts: list[NamedNode], articles: _ArticleCache | None = None) -> list[Mention]:
        """The mentions of these facts only, found through each finding's hx:partOfFact (``articles``: what
        earlier calls read of each article, shared so an article is read once however many facts it has)."""
        findings = ((quad.subject, quad.graph_name) for fact in facts
                    for quad in self.store.quads_for_pattern(None, PART_OF_FACT, fact, None))
        return [mention for mention, _graph in self._read_mentions(findings, articles)]

    def _read_mentions(self, findings: Iterable[tuple[Any, Any]],
                       articles: _ArticleCache | None = None) -> Iterator[tuple[Mention, Any]]:
        """Mentions read straight from the store's indexes (one scan per finding and per article), not by
        a SPARQL join: what makes consolidation linear in the mentions it reads."""
        fields_of = {t.name: t.fields_by_section() for t in REGISTRY.types()}
        if articles is None:
            articles = {}
        for finding, graph in findings:
            if not isinstance(graph, NamedNode) or not graph.value.startswith(v.ARTICLE_GRAPH_PREFIX):
                continue
            props: dict[str, Any] = {}
            for quad in self.store.quads_for_pattern(finding, None, None, graph):
                props.setdefault(quad.predicate.value, quad.object)
            type_term, article = props.get(_TYPE_P), props.get(_DERIVED_P)
            if type_term is None or article is None or type_term.value not in fields_of:
                continue
            if article.value not in articles:
                about = {quad.predicate.value: quad.object
                         for quad in self.store.quads_for_pattern(article, None, None, graph)}
                articles[article.value] = (_text(about.get(_IDENTIFIER_P)), _date(about.get(_DATE_P)),
                                           _text(about.get(_SOURCE_P)))
            article_id, article_date, source = articles[article.value]
            fields: dict[str, Any] = {"type": type_term.value}
            for spec in fields_of[type_term.value]:
                fields[spec.name] = TERM_READERS[spec.kind.rdf_term](props.get(v.HX + spec.rdf_property))
            description = REGISTRY[type_term.value]
            if article_id is None or any(fields.get(name) is None for name in description.core):
                _unreadable(finding, f"{type_term.value} finding (a core field is missing or unreadable)")
                continue
            yield Mention(
                finding_iri=finding.value, article_id=article_id, article_date=article_date, fields=fields,
                stated_by_inspectorate=_flag(props.get(_BY_INSPECTORATE_P)),
                evidence_start=_offset(props.get(_EVIDENCE_START_P)), source=source), graph

    def consolidated(self) -> list[ConsolidatedFact]:
        """Every consolidated fact with all its mentions (the graph is brought up to date first)."""
        self.refresh_consolidated()
        return consolidate(self.mentions())

    def summary_facts(self, n: int = 5) -> list[ConsolidatedFact]:
        """A few facts worth printing after a load: inspection findings reported by several
        articles first (a conflict among them before agreement), then the types with no year (officials).
        Ranked from the consolidated graph; only the facts shown are read with their mentions."""
        self.refresh_consolidated()
        ranked = []
        for row in self._select(q.FACT_RANKS):
            key = tuple(json.loads(row["key"].value))
            description = REGISTRY.get(key[0]) if key else None
            if description is None:
                continue
            ranked.append(((description.year_field is None, -int(row["sources"].value), row["conflict"].value != "true",
                            -int(row["mentions"].value), key), row["fact"]))
        ranked.sort(key=lambda item: item[0])
        facts = consolidate(self.mentions_of([node for _rank, node in ranked[:n]]))
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
            return (result.serialize(format=formats[fmt]) or b"").decode("utf-8")
        return (rdf_serialize(result, format=RdfFormat.N_TRIPLES) or b"").decode("utf-8")

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
        self.refresh_consolidated()
        node = self.resolve(ident)
        findings = [node]
        is_fact = node.value.startswith(v.PREFIXES["fact"])
        if is_fact:
            ranked = [m for fact in consolidate(self.mentions_of([node])) for m in fact.mentions]
            findings = [NamedNode(m.finding_iri) for m in ranked] or findings
        answers = []
        for finding in findings:
            for row in self._select(q.PROVENANCE, finding=finding):
                entry: dict[str, Any] = {name: term_text(row[name]) for name in
                         ("type", "value", "article", "source", "date", "sha256", "start", "end", "sentence",
                          "by_inspectorate", "version", "generated", "activity")}
                if entry["value"] and _is_percent(entry["type"]):
                    try:
                        entry["value"] = f"{float(entry['value']):.1f}"
                    except ValueError:
                        _unreadable(row["value"], "percentage")
                entry["finding"] = v.shorten(finding.value)
                entry["preferred"] = is_fact and finding == findings[0]
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


def _is_percent(ftype: str) -> bool:
    """A type whose value is a percentage, shown to one decimal (the store drops a trailing .0)."""
    description = REGISTRY.get(ftype)
    return description is not None and any(f.kind is PERCENT for f in description.measures)
