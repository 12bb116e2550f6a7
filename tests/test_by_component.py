"""Batches run component by component (``pipeline/by_component.py``): the same records as one document at a time,
each document's failure its own, and batches cut where they must be."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.by_component import BatchedPipe, batches, run_components
from pipeline.extract import doc_to_record, extract_records, make_doc
from pipeline.io import Article, InputProblem, encode_record
from tests import batch_helpers
from tests.conftest import ROOT

MODEL = ROOT / "models" / "hmicfrs"
SPLITS = ("seeds", "dev14")  # short and long pages, tables, live blogs: every component has work


def _articles(records: list[dict[str, Any]]) -> list[Article]:
    return [Article(r["id"], r["text"], r.get("date"), r.get("source") or r["id"]) for r in records]


def _one_at_a_time(nlp: Language, articles: list[Article]) -> list[bytes]:
    return [encode_record(doc_to_record(nlp(make_doc(nlp, a)), a.text)) for a in articles]


def test_every_component_runs_a_batch_at_a_time(nlp: Language) -> None:
    for name, proc in nlp.pipeline:
        assert isinstance(proc, BatchedPipe), name
    assert nlp.batch_size == 32  # configs/hmicfrs.cfg: the size a batch is cut at


def test_batched_records_are_the_records_of_one_document_at_a_time(
        nlp: Language, gold_splits: dict[str, list[dict[str, Any]]]) -> None:
    articles = [a for split in SPLITS for a in _articles(gold_splits[split])]
    expected = _one_at_a_time(nlp, articles)
    assert [encode_record(r) for r in extract_records(nlp, articles)] == expected  # type: ignore[arg-type]
    piped = nlp.pipe(make_doc(nlp, a) for a in articles)
    assert [encode_record(doc_to_record(doc, a.text)) for doc, a in zip(piped, articles)] == expected
    assert len(expected) == len(articles) > nlp.batch_size // 4


@pytest.fixture(scope="module")
def failing_nlp() -> Language:
    return batch_helpers.failing_loader(str(MODEL))


def test_a_failing_document_in_a_batch_costs_only_itself(failing_nlp: Language) -> None:
    texts = ["Kent Police recorded 90% of crimes.", f"Surrey Police said {batch_helpers.FAIL_MARKER}.",
             "Essex Police is rated inadequate for crime recording, HMICFRS said."]
    articles = [Article(f"a{i}", t, "2019-05-01", "t") for i, t in enumerate(texts)]
    out = list(extract_records(failing_nlp, articles))
    assert [type(r).__name__ for r in out] == ["dict", "InputProblem", "dict"]
    assert out[1].reason == "pipeline failed on 'a1': ValueError: injected failure for a test"  # type: ignore[union-attr]
    good = [articles[0], articles[2]]
    assert [encode_record(r) for r in (out[0], out[2])] == _one_at_a_time(failing_nlp, good)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="injected failure"):
        list(failing_nlp.pipe(make_doc(failing_nlp, a) for a in articles))


def test_a_handler_that_lets_a_failure_go_drops_only_that_document_from_nlp_pipe() -> None:
    fresh = batch_helpers.failing_loader(str(MODEL))  # its own copy: the handler must not stay on a shared one
    seen: list[str] = []
    fresh.set_error_handler(lambda name, proc, docs, err: seen.append(f"{name}: {err}"))
    texts = ["Kent Police.", f"x {batch_helpers.FAIL_MARKER}", "Essex Police."]
    docs = list(fresh.pipe(texts))
    assert [d.text for d in docs] == ["Kent Police.", "Essex Police."]
    assert seen == ["test_fail_on_marker: injected failure for a test"]


@Language.component("test_forgets_to_return")
def _forgets_to_return(doc: Doc) -> None:
    return None


@Language.component("test_lookup_fails")
def _lookup_fails(doc: Doc) -> Doc:
    raise KeyError("never initialised")


@pytest.mark.parametrize(("component", "error"), [("test_forgets_to_return", "E005"), ("test_lookup_fails", "E109"),
                                                  ("test_fail_on_marker", "injected failure")])
def test_run_batch_fails_a_document_as_nlp_would(component: str, error: str) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(component)
    docs: list[Doc | Exception] = [nlp.make_doc(f"one {batch_helpers.FAIL_MARKER}"), nlp.make_doc("two"), KeyError("made")]
    with pytest.raises(ValueError, match=error):
        nlp(nlp.make_doc(f"one {batch_helpers.FAIL_MARKER}"))
    out = run_components(nlp, docs)
    assert isinstance(out[0], ValueError) and error in str(out[0])
    assert isinstance(out[2], KeyError)  # a document that failed before stays failed, untouched
    if component == "test_fail_on_marker":
        assert isinstance(out[1], Doc) and out[1].text == "two"


_ITEMS = st.lists(st.one_of(st.integers(min_value=0, max_value=50), st.none()), max_size=60)


@given(_ITEMS, st.integers(min_value=1, max_value=8), st.integers(min_value=0, max_value=5),
       st.integers(min_value=1, max_value=120))
def test_batches_keep_order_and_are_cut_where_they_must_be(items: list[int | None], max_docs: int, boundary: int,
                                                           max_chars: int) -> None:
    # An int is a document of that many characters; None an input problem, which comes out alone.
    tagged = [(k, size) for k, size in enumerate(items)]
    out = list(batches(tagged, lambda item: item[1], max_docs, boundary, max_chars))
    flat = [x for part in out for x in (part if isinstance(part, list) else [part])]
    assert flat == tagged
    seen = 0
    for part in out:
        if not isinstance(part, list):
            assert part[1] is None
            continue
        assert part and all(size is not None for _, size in part) and len(part) <= max_docs
        assert sum(size for _, size in part[:-1]) < max_chars  # only its last document takes it over
        before = seen
        seen += len(part)
        if boundary:  # no batch crosses a boundary: a memory zone ends only between batches
            assert before // boundary == (seen - 1) // boundary


def test_batches_pass_problems_through_where_they_came() -> None:
    problem = InputProblem("bad.txt", "not UTF-8")
    out = list(batches([Article("a", "x", None, "s"), problem, Article("b", "y", None, "s")],
                       lambda item: len(item.text) if isinstance(item, Article) else None, 64))
    assert [type(p).__name__ for p in out] == ["list", "InputProblem", "list"]
