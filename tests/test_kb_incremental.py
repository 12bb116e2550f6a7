"""Consolidation that scales: a load recomputes only the facts its articles touch, the canned questions
read the consolidated graph as it stands, and the result is the same however the articles arrive (all
at once, one by one, replaced) and for a store of the older layout (no hx:partOfFact links)."""

from __future__ import annotations

import json
from typing import Any

from pyoxigraph import Quad

from pipeline.kb import KnowledgeBase
from pipeline.kb import vocabulary as v
from pipeline.kb import store as kb_store
from pipeline.kb.store import CONSOLIDATION_VERSION_TERM, DIRTY_FACT, PART_OF_FACT
from tests.conftest import GOLD


def gold_records() -> list[dict[str, Any]]:
    return [json.loads(line) for split in ("seeds", "dev", "test")
            for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def consolidated_graph(kb: KnowledgeBase) -> set[str]:
    return {str(q) for q in kb.store.quads_for_pattern(None, None, None, v.CONSOLIDATED_GRAPH)}


def test_one_by_one_all_at_once_and_a_full_recomputation_agree() -> None:
    records = gold_records()
    at_once = KnowledgeBase(None)
    at_once.load_records(records, pipeline_version="gold")
    one_by_one = KnowledgeBase(None)
    for record in records:
        one_by_one.load_records([record], pipeline_version="gold")
    assert consolidated_graph(at_once) == consolidated_graph(one_by_one)
    graph = consolidated_graph(at_once)
    at_once.refresh_consolidated(force=True)  # everything recomputed from the article graphs
    assert consolidated_graph(at_once) == graph
    stored = at_once.table("SELECT ?f WHERE { GRAPH graph:consolidated { ?f a hx:ConsolidatedFinding } }").column("f")
    assert sorted(stored) == sorted(v.shorten(v.fact_iri(f.fact_id).value) for f in at_once.consolidated())
    assert len(stored) > 50


def test_a_small_mention_budget_splits_the_work_and_gives_the_same_graph(monkeypatch: Any) -> None:
    """Facts with many sources are recomputed a few at a time (memory bounded by MENTION_BUDGET mentions,
    not by the facts a load touches), and the consolidated graph does not depend on the chunking."""
    records = gold_records()
    whole = KnowledgeBase(None)
    whole.load_records(records, pipeline_version="gold")
    monkeypatch.setattr(kb_store, "MENTION_BUDGET", 3)
    chunked = KnowledgeBase(None)
    sizes: list[int] = []
    original = kb_store.consolidate

    def spy(mentions: Any) -> Any:
        sizes.append(len(mentions))
        return original(mentions)

    monkeypatch.setattr(kb_store, "consolidate", spy)
    chunked.load_records(records, pipeline_version="gold")
    assert consolidated_graph(chunked) == consolidated_graph(whole)
    # a chunk stops at the fact that reaches the budget, so it holds at most budget - 1 + one fact's mentions
    assert len(sizes) > 20 and max(sizes) < 3 + max_mentions_per_fact(whole)
    assert not list(chunked.store.quads_for_pattern(None, DIRTY_FACT, None, None))


def max_mentions_per_fact(kb: KnowledgeBase) -> int:
    return max(len(fact.mentions) for fact in kb.consolidated())


def test_a_load_marks_and_recomputes_only_the_facts_it_touches() -> None:
    records = gold_records()
    kb = KnowledgeBase(None)
    kb.load_records(records, pipeline_version="gold")
    before = {str(q.subject)[1:-1] for q in kb.store.quads_for_pattern(None, v.RDF_TYPE, v.hx("ConsolidatedFinding"),
                                                                  v.CONSOLIDATED_GRAPH)}
    touched: list[str] = []
    original = kb.mentions_of

    def spy(facts: list[Any], articles: Any = None) -> Any:
        touched.extend(f.value for f in facts)
        return original(facts, articles)

    kb.mentions_of = spy  # type: ignore[method-assign]
    changed = dict(records[0], findings=records[0]["findings"][:1])  # re-extracted with one finding left
    kb.load_records([changed], pipeline_version="gold2")
    own = {str(q.object)[1:-1] for q in kb.store.quads_for_pattern(None, PART_OF_FACT, None, None)
           if q.graph_name == v.article_graph(records[0]["id"])}
    assert touched and set(touched) < before | own and len(set(touched)) <= len(records[0]["findings"]) + 1
    assert not list(kb.store.quads_for_pattern(None, DIRTY_FACT, None, None))


def test_a_store_of_the_older_layout_is_rebuilt_once_and_answers_the_same() -> None:
    kb = KnowledgeBase(None)
    kb.load_records(gold_records(), pipeline_version="gold")
    rates, graph = kb.rates(2017).rows, consolidated_graph(kb)
    for quad in list(kb.store.quads_for_pattern(None, PART_OF_FACT, None, None)):
        kb.store.remove(quad)
    kb.store.remove_graph(v.META_GRAPH)
    kb.store.add(Quad(v.CONSOLIDATED_GRAPH, v.hx("stateDigest"), v.string("old"), v.CONSOLIDATED_GRAPH))
    assert next(kb.store.quads_for_pattern(None, CONSOLIDATION_VERSION_TERM, None, None), None) is None
    assert kb.rates(2017).rows == rates
    assert consolidated_graph(kb) == graph
