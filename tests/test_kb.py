"""The knowledge base on real and hand-written records: consolidation of Leicestershire 2017 across
two articles, a conflicting pair, idempotent reloads, atomic replacement, SPARQL answers checked
by hand, and every export format read back."""

from __future__ import annotations

import copy
import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import NamedNode, Store
from spacy.language import Language

from pipeline.batch.inputs import read_inputs
from pipeline.extract import extract_records
from pipeline.kb import KnowledgeBase, KnowledgeBaseError
from pipeline.kb import vocabulary as v
from pipeline.kb import store as kb_store
from pipeline.kb.rdf import article_data, finding_hash, insert_data
from pipeline.kb.store import BULK_MARKER, RDF_FORMATS
from pipeline.schema import FORCE_IDS
from tests.conftest import ROOT

WHEN = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
# The two articles that report Leicestershire in 2017: a seed (dated 2017-09-07) and a dev
# article about the re-inspection (undated; it states "In 2017 ...").
LEICESTERSHIRE = [ROOT / "corpus/articles/seeds/001_18683f044c6e4a0d.txt",
                  ROOT / "corpus/articles/dev/103_leicestershire_reinspection.txt"]


@pytest.fixture(scope="module")
def leicestershire_records(nlp: Language) -> list[dict[str, Any]]:
    records = [r for r in extract_records(nlp, read_inputs(LEICESTERSHIRE)) if isinstance(r, dict)]
    assert [r["id"] for r in records] == ["001_18683f044c6e4a0d", "103_leicestershire_reinspection"]
    return records


def kb_with(records: list[dict[str, Any]], **kwargs: Any) -> KnowledgeBase:
    kb = KnowledgeBase(None)
    kb.load_records(records, extracted_at=WHEN, **kwargs)
    return kb


def fact_for(kb: KnowledgeBase, key: tuple[str, ...]):
    matches = [f for f in kb.consolidated() if f.key == key]
    assert len(matches) == 1, key
    return matches[0]


def quads(store: Store, graph: NamedNode | None = None) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, graph)}


def sentence(text: str, start: int, needle: str) -> dict[str, Any]:
    """Evidence and entity offsets of ``needle`` inside ``text`` (which starts at 0)."""
    at = text.index(needle)
    return {"evidence": {"start": start, "end": start + len(text)}, "entities": [[at, at + len(needle), "PERCENT"]]}


def kent_record(article_id: str, date: str, value: float, qualifier: str, by_inspectorate: bool) -> dict[str, Any]:
    """A two-sentence article stating Kent's 2018 recording rate, attributed or not to the inspectorate."""
    who = "HMICFRS said" if by_inspectorate else "A councillor said"
    figure = f"{value} per cent" if qualifier == "exact" else f"about {value:g} per cent"
    text = f"Kent Police was inspected in 2018. {who} Kent records {figure} of crimes."
    start = text.index(who)
    spans = [{"start": 0, "end": 11, "label": "FORCE", "text": "Kent Police", "id": "kent"}]
    if by_inspectorate:
        spans.append({"start": start, "end": start + 7, "label": "INSPECTORATE", "text": "HMICFRS", "id": "hmicfrs"})
    at = text.index(figure)
    spans.append({"start": at, "end": at + len(figure), "label": "PERCENT", "text": figure})
    finding = {"type": "recording_rate", "force": "kent", "crime_type": "all_crime", "value": value,
               "qualifier": qualifier, "year": 2018, "evidence": {"start": start, "end": len(text)},
               "entities": [[at, at + len(figure), "PERCENT"]]}
    return {"id": article_id, "source": f"{article_id}.txt", "date": date, "text": text, "spans": spans,
            "findings": [finding]}


# ---------------------------------------------------------------- consolidation on the corpus


def test_leicestershire_2017_rate_is_one_fact_from_two_articles_with_a_conflict(leicestershire_records) -> None:
    kb = kb_with(leicestershire_records)
    fact = fact_for(kb, ("recording_rate", "leicestershire", "all_crime", "2017"))
    assert fact.sources == ["001_18683f044c6e4a0d", "103_leicestershire_reinspection"]
    assert len(fact.mentions) == 3
    # 'almost one in four' unrecorded (75.0, more_than) twice, 'around 76 per cent' once: all hedged,
    # and only the 76 per cent sentence names HMICFRS, so the inspectorate step decides.
    assert fact.conflict and dict(fact.values) == {"76.0": 1, "75.0": 2}
    assert fact.preferred_value == "76.0" and fact.preferred.qualifier == "approx"
    assert fact.preferred.stated_by_inspectorate
    assert fact.reason == "stated by the inspectorate over a paraphrase"
    # The 2017 violence rate is the seed's alone; 2018 is not mixed in.
    violence = fact_for(kb, ("recording_rate", "leicestershire", "violence", "2017"))
    assert violence.preferred_value == "66.7" and violence.sources == ["001_18683f044c6e4a0d"]


def test_leicestershire_2017_from_gold_records(gold_splits) -> None:
    """Gold has no evidence: provenance is article-level, and the exact 21,200 of the dev article wins."""
    seed = next(r for r in gold_splits["seeds"] if r["id"] == "seed-001")
    dev = next(r for r in gold_splits["dev"] if r["id"] == "dev-103")
    kb = kb_with([seed, dev], pipeline_version="gold")
    count = fact_for(kb, ("unrecorded_count", "leicestershire", "all_crime", "2017"))
    assert count.sources == ["dev-103", "seed-001"] and not count.conflict
    assert count.preferred.article_id == "dev-103" and count.preferred.qualifier == "exact"
    assert count.preferred_value == "21200 a year"
    zoe = fact_for(kb, ("official", "zoe billingham", "hm_inspector_of_constabulary", "hmicfrs"))
    assert zoe.sources == ["dev-103", "seed-001"]
    assert {m.fields["person"] for m in zoe.mentions} == {"Zoe Billingham", "Zoë Billingham"}
    [entry] = kb.provenance(count.preferred.finding_iri)
    assert entry["article"] == "dev-103" and entry["start"] == "" and entry["sentence"] == ""
    assert entry["version"] == "gold"


def test_conflicting_pair_prefers_the_exact_figure_and_sparql_lists_both() -> None:
    newer_hedged = kent_record("kent-a", "2019-02-01", 86.0, "approx", by_inspectorate=True)
    older_exact = kent_record("kent-b", "2018-06-01", 85.1, "exact", by_inspectorate=False)
    kb = kb_with([newer_hedged, older_exact])
    fact = fact_for(kb, ("recording_rate", "kent", "all_crime", "2018"))
    assert fact.preferred.article_id == "kent-b" and fact.reason == "exact figure over a hedged one"
    table = kb.conflicts()
    assert table.as_dicts() == [{
        "type": "recording_rate", "force": "kent", "year": "2018", "detail": "all_crime", "value": "85.1",
        "values": "85.1 x1 | 86.0 x1", "reason": "exact figure over a hedged one",
        "sources": table.as_dicts()[0]["sources"], "fact": f"fact:{fact.fact_id}"}]
    assert sorted(table.as_dicts()[0]["sources"].split(", ")) == ["kent-a", "kent-b"]


def test_inspectorate_beats_recency_when_both_are_exact() -> None:
    kb = kb_with([kent_record("kent-a", "2019-02-01", 86.0, "exact", by_inspectorate=False),
                  kent_record("kent-b", "2018-06-01", 85.1, "exact", by_inspectorate=True)])
    fact = fact_for(kb, ("recording_rate", "kent", "all_crime", "2018"))
    assert fact.preferred.article_id == "kent-b"
    assert fact.reason == "stated by the inspectorate over a paraphrase"


# ---------------------------------------------------------------- loading


def test_reloading_the_same_articles_changes_nothing(leicestershire_records) -> None:
    kb = kb_with(leicestershire_records)
    before = quads(kb.store)
    report = kb.load_records(copy.deepcopy(leicestershire_records))  # another time: still unchanged
    assert (report.added, report.replaced, report.unchanged, report.findings) == (0, 0, 2, 0)
    assert quads(kb.store) == before and report.quads == len(before)


def test_a_fresh_load_of_the_same_records_mints_the_same_triples(leicestershire_records) -> None:
    assert quads(kb_with(leicestershire_records).store) == quads(kb_with(leicestershire_records).store)


def test_reextraction_replaces_the_articles_findings_and_leaves_others_alone() -> None:
    a = kent_record("kent-a", "2019-02-01", 86.0, "approx", by_inspectorate=True)
    b = kent_record("kent-b", "2018-06-01", 85.1, "exact", by_inspectorate=False)
    kb = kb_with([a, b])
    other = quads(kb.store, v.article_graph("kent-b"))
    old = v.finding_iri(finding_hash("kent-a", a["findings"][0]))
    newer = copy.deepcopy(a)
    newer["findings"][0].update(value=85.1, qualifier="exact")
    report = kb.load_records([newer], pipeline_version="0.2.0", extracted_at=WHEN)
    assert (report.added, report.replaced, report.unchanged) == (0, 1, 0)
    new = v.finding_iri(finding_hash("kent-a", newer["findings"][0]))
    assert not kb.query("ASK { ?f ?p ?o }", {"f": old})
    assert kb.query("ASK { ?f hx:value 85.1 ; prov:wasGeneratedBy/prov:wasAssociatedWith ?agent . "
                    "?agent schema:softwareVersion '0.2.0' }", {"f": new})
    assert quads(kb.store, v.article_graph("kent-b")) == other
    fact = fact_for(kb, ("recording_rate", "kent", "all_crime", "2018"))
    assert not fact.conflict and len(fact.mentions) == 2


def test_a_replacement_that_fails_partway_leaves_the_old_graph() -> None:
    """The replacement is one update (drop, insert); when a later operation of that update fails,
    pyoxigraph rolls all of it back."""
    a = kent_record("kent-a", "2019-02-01", 86.0, "approx", by_inspectorate=True)
    kb = kb_with([a])
    graph = v.article_graph("kent-a")
    before = quads(kb.store, graph)
    changed = copy.deepcopy(a)
    changed["findings"] = []
    data = article_data(changed, "0.2.0", WHEN)
    with pytest.raises(RuntimeError):
        kb.store.update(f"DROP SILENT GRAPH {graph} ;\n{insert_data(data.quads)} ;\nDROP GRAPH <urn:missing>")
    assert quads(kb.store, graph) == before


def test_replace_article_is_a_single_update() -> None:
    kb = kb_with([kent_record("kent-a", "2019-02-01", 86.0, "approx", by_inspectorate=True)])

    class CountingStore:
        def __init__(self, store: Store) -> None:
            self.store, self.updates = store, []

        def update(self, text: str) -> None:
            self.updates.append(text)
            self.store.update(text)

        def __getattr__(self, name: str) -> Any:  # reads go to the store uncounted
            return getattr(self.store, name)

    counting = CountingStore(kb.store)
    kb.store = counting  # type: ignore[assignment]
    kb.replace_article(article_data(kent_record("kent-a", "2019-02-01", 85.1, "exact", False), "0.2.0", WHEN))
    assert len(counting.updates) == 1 and counting.updates[0].startswith("DROP SILENT GRAPH")


def test_a_consolidated_graph_left_behind_is_recomputed_before_it_is_read() -> None:
    """As after a crash between an article's replacement and the recomputation."""
    kb = kb_with([kent_record("kent-a", "2019-02-01", 86.0, "approx", by_inspectorate=True),
                  kent_record("kent-b", "2018-06-01", 85.1, "exact", by_inspectorate=False)])
    assert len(kb.conflicts().rows) == 1
    kb.replace_article(article_data(kent_record("kent-a", "2019-02-01", 85.1, "exact", False), "0.2.0", WHEN))
    assert kb.conflicts().rows == []


def test_bad_records_and_findings_are_reported_and_skipped() -> None:
    good = kent_record("kent-a", "2019-02-01", 86.0, "approx", by_inspectorate=True)
    good["findings"].append({"type": "recording_rate", "crime_type": "all_crime", "value": 1.0})
    good["findings"].append({"type": "weather", "force": "kent"})
    kb = KnowledgeBase(None)
    report = kb.load_records([good, {"text": "no id"}, {"id": "x", "text": 3}], extracted_at=WHEN)
    assert report.added == 1 and report.findings == 1
    joined = "\n".join(report.problems)
    assert "kent-a: finding 2 skipped: missing force" in joined
    assert "unknown type 'weather'" in joined
    assert "record 2 skipped" in joined and "record 3 skipped" in joined


def test_one_process_holds_the_store_and_a_second_opening_is_refused(tmp_path: Path) -> None:
    with KnowledgeBase(tmp_path / "kb") as kb:
        kb.load_records([kent_record("kent-a", "2019-02-01", 86.0, "approx", True)], extracted_at=WHEN)
        with pytest.raises(KnowledgeBaseError, match="one writer at a time"):
            KnowledgeBase(tmp_path / "kb")
    with KnowledgeBase(tmp_path / "kb") as again:  # persisted, and the lock released on close
        assert again.counts()["articles"] == 1


def test_bulk_load_gives_the_same_store_and_an_older_interrupted_one_is_undone(tmp_path: Path,
                                                                               leicestershire_records) -> None:
    with KnowledgeBase(tmp_path / "bulk") as kb:
        report = kb.load_records(leicestershire_records, extracted_at=WHEN, bulk=True)
        assert report.bulk and report.added == 2
        assert "(bulk)" not in report.describe()  # two articles: one ordinary batch, so not worth saying
        report.added = kb_store.BATCH + 1
        assert "(bulk)" in report.describe()
        transactional = kb_with(leicestershire_records).store
        assert quads(kb.store) == quads(transactional)
        assert set(kb.store.named_graphs()) == set(transactional.named_graphs())
        assert kb.load_records([kent_record("kent-a", "2019-02-01", 86.0, "approx", True)], bulk=True).added == 1
        kb.store.add(BULK_MARKER)  # as an older version left a store when it died inside bulk_extend
    with pytest.warns(UserWarning, match="interrupted"):
        again = KnowledgeBase(tmp_path / "bulk")
    with again:  # back to what the store held before that load (nothing), and the load completes
        assert again.counts()["articles"] == 0 and again.rates(2017).rows == []
        assert again.load_records(leicestershire_records, extracted_at=WHEN).added == 2


# ---------------------------------------------------------------- vocabulary and reference data


def test_every_force_of_the_schema_has_an_id_and_a_label() -> None:
    kb = kb_with([])
    rows = kb.table("SELECT ?id ?label WHERE { GRAPH graph:reference { ?f a hx:PoliceForce ; "
                    "dcterms:identifier ?id ; rdfs:label ?label } } ORDER BY ?id").as_dicts()
    assert sorted(r["id"] for r in rows) == sorted(FORCE_IDS) and len(rows) == 48
    labels = {r["id"]: r["label"] for r in rows}
    assert labels["metropolitan"] == "Metropolitan Police" and labels["dyfed_powys"] == "Dyfed-Powys"


def test_every_minted_term_in_use_is_declared_with_label_and_comment(leicestershire_records) -> None:
    kb = kb_with(leicestershire_records)
    used = {r[0] for r in kb.table(
        "SELECT DISTINCT ?t WHERE { GRAPH ?g { { ?s ?t ?o } UNION { ?s a ?t } } "
        "FILTER(?g != graph:vocabulary && STRSTARTS(STR(?t), STR(hx:))) }").rows}
    declared = {r[0] for r in kb.table(
        "SELECT ?t WHERE { GRAPH graph:vocabulary { ?t rdfs:label ?l ; rdfs:comment ?c } }").rows}
    assert used <= declared, used - declared
    assert {"hx:Finding", "hx:ConsolidatedFinding", "hx:evidenceText", "hx:mention"} <= declared


# ---------------------------------------------------------------- SPARQL answers


def test_rates_for_2017_match_a_hand_count(leicestershire_records, gold_splits) -> None:
    kb = kb_with(leicestershire_records)
    rows = {(r["force"], r["crime_type"]): r for r in kb.rates(2017).as_dicts()}
    assert set(rows) == {("leicestershire", "all_crime"), ("leicestershire", "violence")}
    assert rows["leicestershire", "all_crime"]["value"] == "76.0"
    assert rows["leicestershire", "all_crime"]["conflict"] == "true"
    assert rows["leicestershire", "all_crime"]["n_sources"] == "2"
    assert rows["leicestershire", "violence"]["qualifier"] == "approx"
    assert kb.rates(2017, "violence").column("value") == ["66.7"]
    assert kb.rates(2018).rows == []


def test_finding_count_equals_the_distinct_findings_of_the_records(leicestershire_records) -> None:
    kb = kb_with(leicestershire_records)
    by_hand = {finding_hash(r["id"], f) for r in leicestershire_records for f in r["findings"]}
    [[count]] = kb.table("SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a hx:Finding }").rows
    assert int(count) == len(by_hand) == kb.counts()["findings"]


def test_force_and_officials_tables(leicestershire_records) -> None:
    kb = kb_with(leicestershire_records)
    rows = kb.force_facts("leicestershire").as_dicts()
    officials = {r["value"] for r in rows if r["type"] == "official"}
    assert officials == {"Simon Cole", "Willy Bach"}  # the inspector's organisation is hmicfrs
    assert any(r["year"] == "unknown" and r["detail"] == "sexual_offences" for r in rows)
    zoe = [r for r in kb.officials().as_dicts() if r["person"].startswith("Zo")]
    assert len(zoe) == 1 and zoe[0]["n_sources"] == "2" and zoe[0]["organisation"] == "hmicfrs"
    assert set(zoe[0]["spellings"].split(" / ")) == {"Zoe Billingham", "Zoë Billingham"}


def test_provenance_gives_article_offsets_sentence_and_spans(leicestershire_records) -> None:
    kb = kb_with(leicestershire_records)
    fact = fact_for(kb, ("recording_rate", "leicestershire", "all_crime", "2017"))
    entries = kb.provenance(fact.fact_id[:8])
    assert len(entries) == 3 and entries[0]["preferred"]
    first = entries[0]
    text = leicestershire_records[0]["text"]
    assert first["article"] == "001_18683f044c6e4a0d" and first["date"] == "2017-09-07"
    assert first["sentence"] == text[int(first["start"]):int(first["end"])]
    assert "around 76 per cent" in first["sentence"]
    assert first["entities"] == [{"label": "PERCENT", "start": "347", "end": "365", "text": "around 76 per cent"}]
    assert first["generated"] == "2024-01-02T03:04:05Z" and first["version"]
    short = first["finding"].split(":")[1][:10]
    assert kb.provenance(short)[0]["finding"] == first["finding"]
    with pytest.raises(KnowledgeBaseError, match="no finding"):
        kb.provenance("ffffffffffff")


# ---------------------------------------------------------------- export


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_every_rdf_export_reads_back_to_the_same_triples(tmp_path: Path, fmt: str, leicestershire_records) -> None:
    kb = kb_with(leicestershire_records)
    out = tmp_path / f"kb.{fmt}"
    kb.export(fmt, out)
    fresh = Store()
    fresh.load(path=out, format=RDF_FORMATS[fmt])
    if fmt in ("nquads", "trig"):
        assert quads(fresh) == quads(kb.store)
    else:  # triples only: the union of all graphs, graph names lost
        union = {f"{t.subject} {t.predicate} {t.object}" for t in kb.store.query(
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")}
        assert {f"{q.subject} {q.predicate} {q.object}" for q in fresh} == union
        assert list(fresh.named_graphs()) == []


def test_csv_and_jsonl_exports_have_one_fact_each(tmp_path: Path, leicestershire_records) -> None:
    kb = kb_with(leicestershire_records)
    facts = kb.consolidated()
    kb.export("csv", tmp_path / "facts.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "facts.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(facts)
    row = next(r for r in rows if (r["force"], r["year"], r["type"], r["crime_type"])
               == ("leicestershire", "2017", "recording_rate", "all_crime"))
    assert (row["preferred_value"], row["qualifier"], row["conflict"], row["all_values"], row["n_sources"]) == \
        ("76.0", "approx", "true", "76.0 x1 | 75.0 x2", "2")
    assert row["sources"] == "001_18683f044c6e4a0d; 103_leicestershire_reinspection"
    kb.export("jsonl", tmp_path / "facts.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(facts)
    line = next(x for x in lines if x["key"] == ["recording_rate", "leicestershire", "all_crime", "2017"])
    assert line["preferred"]["value"] == 76.0 and len(line["mentions"]) == 3 and line["conflict"]


def test_the_documented_example_queries_run(leicestershire_records) -> None:
    import re

    doc = (ROOT / "docs" / "knowledge-base.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sparql\n(.*?)```", doc, re.S)
    assert len(queries) == 5
    kb = kb_with(leicestershire_records)
    tables = [kb.table(query) for query in queries]
    assert tables[0].as_dicts() == [{"force": "leicestershire", "conflicts": "2"}]
    assert tables[3].column("findings") == [str(kb.counts()["findings"])]
