"""Memory zones (``extract_records``, the batch workers): records unchanged, new words freed, parsers warm.

spaCy's memory zone frees the strings and lexemes of the text processed inside it, and string
ids are reused after it: so the records must come out the same whether a zone holds one
document or many, or there are none at all.
"""

from __future__ import annotations

import random
import sys
from typing import Any

import pytest
from spacy.language import Language

from pipeline.batch.worker import process_chunk
from pipeline.extract import extract_records, in_memory_zone
from pipeline.io import Article, encode_record

SPLITS_ACROSS_ZONES = ("dev3", "test")  # 20 articles: zones of 1, 3 and 64 documents cut them differently


def _articles(records: list[dict[str, Any]]) -> list[Article]:
    return [Article(r["id"], r["text"], r.get("date"), r.get("source") or r["id"]) for r in records]


def _varied(articles: list[Article], seed: int) -> list[Article]:
    """The articles with a made-up word added to each sentence and their figures changed: new strings in every zone."""
    rng = random.Random(seed)
    varied = []
    for article in articles:
        text = article.text.replace(". ", f". Zq{rng.randrange(10**6)}x said ")
        text = "".join(str(rng.randrange(10)) if c.isdigit() else c for c in text)
        varied.append(Article(f"{article.id}-v{seed}", text, article.date, article.source))
    return varied


def _lines(nlp: Language, articles: list[Article], zone_docs: int) -> list[bytes]:
    out = []
    for record in extract_records(nlp, articles, zone_docs=zone_docs):
        assert isinstance(record, dict), record
        out.append(encode_record(record))
    return out


def test_records_do_not_depend_on_the_zones(nlp: Language, gold_splits: dict[str, list[dict[str, Any]]]) -> None:
    articles = [a for split in SPLITS_ACROSS_ZONES for a in _articles(gold_splits[split])]
    # New words in every zone, and the same texts again later: ids freed by one zone are met again in the next.
    articles = articles + _varied(articles, 1) + articles + _varied(articles, 1)
    without = _lines(nlp, articles, zone_docs=0)
    assert _lines(nlp, articles, zone_docs=1) == without
    assert _lines(nlp, articles, zone_docs=64) == without
    assert _lines(nlp, articles, zone_docs=3) == without


def test_the_batch_worker_makes_the_same_lines_in_its_zone(nlp: Language, gold_splits: dict[str, list[dict[str, Any]]]) -> None:
    articles = _varied(_articles(gold_splits["dev3"]), 2)
    result = process_chunk(nlp, [(a.id, a.text, a.date, a.source) for a in articles])
    assert [r.line for r in result.results] == _lines(nlp, articles, zone_docs=0)


def test_words_of_a_zone_are_freed_and_the_common_ones_learned(nlp: Language) -> None:
    rare, common = "Qxvorblingham", "Zyxwardleton"
    articles = [Article(f"zone-{i}", f"Mr {common} said the force recorded {i}% of crime. {rare if i == 0 else ''}",
                        None, "test") for i in range(4)]
    list(extract_records(nlp, articles, zone_docs=4))
    assert not in_memory_zone(nlp)
    assert rare not in nlp.vocab.strings  # met once: freed with its zone
    assert common in nlp.vocab.strings  # met in every document: tokenised again outside the zone, cached for good
    assert common not in getattr(nlp.tokenizer, "_pending")  # learned: no longer counted


def test_a_stopped_extraction_leaves_no_zone_open(nlp: Language) -> None:
    records = extract_records(nlp, [Article(f"stop-{i}", "Kent Police recorded 90% of crime.", None, "t") for i in range(5)])
    next(records)
    assert in_memory_zone(nlp)
    records.close()
    assert not in_memory_zone(nlp)


def test_the_lazy_parsers_are_warm_once_the_pipeline_is_loaded(nlp: Language) -> None:
    # No timing: their first parse fills these tables (quantulum3's units and entities, dateparser's English data).
    assert "quantulum3.parser" in sys.modules and "dateparser" in sys.modules
    import quantulum3.load  # type: ignore[import-untyped]
    from dateparser.languages.loader import LocaleDataLoader  # type: ignore[import-untyped]

    assert quantulum3.load._CACHE_DICT
    assert LocaleDataLoader._loaded_locales


@pytest.mark.parametrize("zone_docs", [0, 2])
def test_a_failing_document_is_a_problem_in_a_zone_too(nlp: Language, zone_docs: int) -> None:
    bad = Article("bad", None, None, "t")  # type: ignore[arg-type]  # the tokenizer raises on it
    out = list(extract_records(nlp, [Article("a", "Kent Police.", None, "t"), bad,
                                     Article("b", "Kent Police.", None, "t")], zone_docs=zone_docs))
    assert [type(item).__name__ for item in out] == ["dict", "InputProblem", "dict"]
    assert not in_memory_zone(nlp)


def test_the_collector_is_held_off_during_a_document_and_restored_after(nlp: Language, monkeypatch: Any) -> None:
    import gc

    import pipeline.extract as extract

    seen: list[bool] = []
    original = extract.doc_to_record

    def spy(doc: Any, text: str) -> Any:
        seen.append(gc.isenabled())
        return original(doc, text)

    monkeypatch.setattr(extract, "doc_to_record", spy)
    articles = [Article(f"gc-{i}", "Kent Police recorded 90% of crime.", None, "t") for i in range(3)]
    bad = Article("bad", None, None, "t")  # type: ignore[arg-type]  # raises inside the pause
    assert gc.isenabled()
    out = list(extract_records(nlp, [*articles, bad]))
    assert seen == [False, False, False] and gc.isenabled()
    assert [type(r).__name__ for r in out] == ["dict", "dict", "dict", "InputProblem"]
    gc.disable()  # a caller that turned the collector off keeps it off
    try:
        list(extract_records(nlp, articles))
        assert not gc.isenabled()
    finally:
        gc.enable()
