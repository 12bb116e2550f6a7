"""Docs and the pipeline survive serialisation: what multiprocessing and model directories rely on."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

TEXT = " date 2019-01-15 West Midlands Police failed to record more than 16,600 violent crimes each year, HMICFRS said yesterday."


def _view(doc: Doc) -> list[tuple[str, str, object]]:
    return [(e.label_, e.text, e._.norm) for e in doc.ents]


def test_doc_bytes_round_trip_keeps_values(nlp: Language) -> None:
    doc = nlp(TEXT)
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _view(restored) == _view(doc)
    assert restored._.article_date == "2019-01-15"
    assert restored._.findings == doc._.findings and doc._.findings


def test_pipeline_to_disk_and_back_gives_the_same_output(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "copy")
    copy = spacy.load(tmp_path / "copy")
    assert _view(copy(TEXT)) == _view(nlp(TEXT))
    assert copy.pipe_names == nlp.pipe_names


def test_the_pipeline_is_assembled_from_the_config(nlp: Language) -> None:
    assert nlp.pipe_names == [
        "line_sentencizer", "article_date", "entity_candidates",
        "figure_tagger", "person_tagger", "entity_resolver", "entity_normaliser", "force_focus", "finding_linker",
    ]
    # The model carries exactly the patterns generated from the data files.
    from pipeline.patterns import make_patterns

    assert len(nlp.get_pipe("entity_candidates").patterns) == len(make_patterns())


def test_candidate_ruler_finds_what_spacys_span_ruler_finds_in_the_same_order(nlp: Language) -> None:
    """The subclass only skips building Spans: same matches, same order, on every seed."""
    from pipeline.candidates import board_candidates
    from pipeline.patterns import make_patterns

    plain = spacy.blank("en")
    ruler = plain.add_pipe("span_ruler", config={"spans_key": "c", "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(make_patterns())
    candidate_ruler = nlp.get_pipe("entity_candidates")
    texts = [path.read_text(encoding="utf-8") for path in sorted((Path(__file__).parent.parent / "corpus" / "articles" / "seeds").glob("*.txt"))]
    assert texts
    for text in texts:
        doc = nlp.make_doc(text)
        ruled = ruler(nlp.make_doc(text))
        expected = [(s.start, s.end, s.label_, s.id_) for s in ruled.spans["c"]]
        candidate_ruler(doc)
        assert [tuple(c) for c in board_candidates(doc)] == expected and expected


def test_candidate_ruler_orders_matches_of_one_phrase_as_spans_sort() -> None:
    from pipeline.candidates import board_candidates
    from pipeline.components.candidate_ruler import CandidateRuler

    plain = spacy.blank("en")
    patterns = [{"label": label, "pattern": "Kent Police", "id": pid}
                for label in ("FORCE", "ORG", "PLACE") for pid in ("kent", "k", "")]
    ruler = plain.add_pipe("span_ruler", config={"spans_key": "c"})
    ruler.add_patterns(patterns)
    candidate_ruler = CandidateRuler(plain)
    candidate_ruler.add_patterns(patterns)
    text = "Kent Police said so, and Kent Police again."
    ruled = ruler(plain.make_doc(text))
    doc = candidate_ruler(plain.make_doc(text))
    assert [tuple(c) for c in board_candidates(doc)] == [(s.start, s.end, s.label_, s.id_) for s in ruled.spans["c"]]
    assert len(board_candidates(doc)) == 18


def test_stock_span_ruler_in_place_of_the_candidate_ruler_gives_the_same_records(nlp: Language) -> None:
    """The taggers and resolver also read a span group, so spaCy's own SpanRuler still composes."""
    from pipeline.extensions import CANDIDATES_KEY
    from pipeline.extract import doc_to_record, make_doc
    from pipeline.batch.inputs import read_inputs
    from pipeline.io import Article
    from pipeline.patterns import make_patterns
    from tests.conftest import ROOT

    stock = spacy.load(ROOT / "models" / "hmicfrs")
    stock.replace_pipe("entity_candidates", "span_ruler",
                       config={"spans_key": CANDIDATES_KEY, "phrase_matcher_attr": "LOWER", "overwrite": False})
    stock.get_pipe("entity_candidates").add_patterns(make_patterns())
    articles = [a for a in read_inputs([ROOT / "corpus" / "articles" / "seeds"]) if isinstance(a, Article)]
    assert articles
    for article in articles:
        ours = doc_to_record(nlp(make_doc(nlp, article)), article.text)
        assert doc_to_record(stock(make_doc(stock, article)), article.text) == ours and ours["spans"]
