"""Docs and the pipeline survive serialisation: what multiprocessing and model directories rely on."""

from __future__ import annotations

from pathlib import Path

import pytest
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


# -- each component's rules saved with the pipeline ---------------------------------------

DATA_BACKED = {
    "line_sentencizer": {"word_sets.json"},
    "figure_tagger": {"figure_grammar.json", "word_sets.json"},
    "person_tagger": {"titles.json", "first_names.txt"},
    "entity_resolver": {"context_rules.json", "word_sets.json", "forces.json", "lexicon.json"},
    "entity_normaliser": {"word_sets.json"},
    "force_focus": {"finding_cues.json"},
    "finding_linker": {"finding_cues.json", "forces.json", "titles.json"},
}


def _corpus_records(nlp: Language) -> list[dict[str, object]]:
    """The records of every corpus article (a few seconds): every rule and data file plays a part."""
    from pipeline.extract import extract_records
    from pipeline.batch.inputs import read_inputs
    from pipeline.io import Article
    from tests.conftest import ROOT

    articles = [a for a in read_inputs([ROOT / "corpus" / "articles"]) if isinstance(a, Article)]
    records = [r for r in extract_records(nlp, articles) if isinstance(r, dict)]
    assert len(records) == len(articles) > 50
    return records


def test_the_model_holds_every_components_data_files() -> None:
    """Each data-backed component's folder holds the files it was built from, verbatim."""
    from pipeline.resources import DATA_DIR
    from tests.conftest import ROOT

    model = ROOT / "models" / "hmicfrs"
    for name, files in DATA_BACKED.items():
        assert {p.name for p in (model / name).iterdir()} == files, name
        for file in files:
            assert (model / name / file).read_bytes() == (DATA_DIR / file).read_bytes(), (name, file)
    assert (model / "entity_candidates" / "patterns").stat().st_size > 0  # the SpanRuler's own


def test_data_backed_components_name_their_files(nlp: Language) -> None:
    from pipeline.components.data_backed import DataBacked

    backed = {name: set(proc.data_texts()) for name, proc in nlp.pipeline if isinstance(proc, DataBacked)}
    assert backed == DATA_BACKED
    # One cue spec for the focus and the linker, so a document's cues are scanned once.
    assert nlp.get_pipe("force_focus").focus.spec is nlp.get_pipe("finding_linker").linker.lexicon.cues


def test_a_loaded_pipeline_needs_no_package_data(nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Built into tmp_path, then loaded with the package's data folder empty: the same records."""
    from pipeline import resources as patterns

    nlp.to_disk(tmp_path / "model")
    empty = tmp_path / "no-data"
    empty.mkdir()
    monkeypatch.setattr(patterns, "DATA_DIR", empty)
    patterns.load_json.cache_clear()
    try:
        copy = spacy.load(tmp_path / "model")
        assert _corpus_records(copy) == _corpus_records(nlp)
    finally:
        monkeypatch.undo()
        patterns.load_json.cache_clear()


# Run in a fresh process (no memo holds values read from another copy of the data): the model
# is loaded with pipeline/data replaced by a changed copy, whose rules would give other records.
_CHANGED_DATA_SCRIPT = """
import json, shutil, sys
from pathlib import Path
import spacy
from pipeline import resources as patterns
from pipeline.batch.inputs import read_inputs
from pipeline.extract import doc_to_record, make_doc
from pipeline.io import Article

model, data, articles = map(Path, sys.argv[1:4])
shutil.copytree(patterns.DATA_DIR, data)
def change(name, edit):
    path = data / name
    value = json.loads(path.read_text(encoding="utf-8"))
    edit(value)
    path.write_text(json.dumps(value), encoding="utf-8")
change("word_sets.json", lambda d: d.update(hedges={}, number_words={"one": 1}))
change("forces.json", lambda d: [f.update(places=[], aliases=[]) for f in d["forces"]])
change("lexicon.json", lambda d: d.update(entries=d["entries"][:1]))
change("context_rules.json", lambda d: d.update(rules=d["rules"][:1]))
change("titles.json", lambda d: [d.update({k: ["Zzz"]}) for k in ("honorifics", "speech_verbs", "byline_words")])
change("figure_grammar.json", lambda d: d.update(rules=d["rules"][:1]))
change("finding_cues.json", lambda d: [c.update(phrases=["zzzz"]) for c in d["cues"].values() if "phrases" in c])
(data / "first_names.txt").write_text("", encoding="utf-8")
patterns.DATA_DIR = data

def records(nlp):
    arts = [a for a in read_inputs([articles]) if isinstance(a, Article)]
    return [doc_to_record(nlp(make_doc(nlp, a)), a.text) for a in arts]

loaded = records(spacy.load(model))
# The same config built from the changed package data (the name readers keep the model's copies).
built = spacy.util.load_model_from_config(spacy.util.load_config(model / "config.cfg"), auto_fill=True)
built.initialize()
print(json.dumps({"loaded": loaded, "built_from_changed_data": records(built)}))
"""


def test_changed_package_data_does_not_change_a_loaded_pipeline(nlp: Language, tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from tests.conftest import ROOT

    nlp.to_disk(tmp_path / "model")
    articles = ROOT / "corpus" / "articles"
    result = subprocess.run([sys.executable, "-c", _CHANGED_DATA_SCRIPT, str(tmp_path / "model"), str(tmp_path / "data"),
                             str(articles)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    expected = _corpus_records(nlp)
    assert out["loaded"] == expected
    assert out["built_from_changed_data"] != expected  # the change matters: the test is not vacuous


def test_components_round_trip_through_bytes(nlp: Language, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each data-backed component's bytes rebuild it, even where the package has no data."""
    from pipeline import resources as patterns
    from pipeline.components.data_backed import DataBacked

    copy = spacy.util.load_model_from_config(nlp.config, auto_fill=True)  # built from the package's files
    copy.from_bytes(nlp.to_bytes())
    assert _corpus_records(copy) == _corpus_records(nlp)
    monkeypatch.setattr(patterns, "DATA_DIR", tmp_path)  # no data files at all
    for name, proc in nlp.pipeline:
        if isinstance(proc, DataBacked):
            config = {k: v for k, v in nlp.config["components"][name].items() if k != "factory"}
            waiting = spacy.blank("en").add_pipe(nlp.get_pipe_meta(name).factory, name=name, config=config)
            assert type(waiting) is not type(proc)  # waiting for its data
            waiting.from_bytes(proc.to_bytes())
            assert type(waiting) is type(proc) and waiting.data_texts() == proc.data_texts(), name


def test_a_component_without_data_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No package files and nothing loaded: using the component names the missing file."""
    from pipeline import resources as patterns
    from pipeline.components.data_backed import DataNotLoaded

    monkeypatch.setattr(patterns, "DATA_DIR", tmp_path)
    blank = spacy.blank("en")
    tagger = blank.add_pipe("hmicfrs_figure_tagger")
    with pytest.raises(DataNotLoaded, match="figure_grammar.json"):
        tagger(blank.make_doc("Kent Police recorded 90.9 per cent."))
    with pytest.raises(DataNotLoaded, match="figure_tagger"):
        blank.to_disk(tmp_path / "model")


def test_the_readers_by_name_hold_one_copy_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import loaded_data

    monkeypatch.setattr(loaded_data, "_registered", {})
    loaded_data.register("word_sets.json", {"hedges": {}})
    loaded_data.register("word_sets.json", {"hedges": {}})  # the same copy again: fine
    assert loaded_data.load_json("word_sets.json") == {"hedges": {}}
    with pytest.raises(ValueError, match="word_sets.json"):
        loaded_data.register("word_sets.json", {"hedges": {"about": "approx"}})
