"""The spaCy component contract: prefixed factory names, entry points, and assigns/requires that spaCy can check."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy
from spacy.language import Language

from tests.conftest import ROOT

MODEL = ROOT / "models" / "hmicfrs"
# The factories in pipeline order, by component name (the names code and tests use).
FACTORIES = {
    "line_sentencizer": "hmicfrs_line_sentencizer",
    "article_date": "hmicfrs_article_date",
    "entity_candidates": "hmicfrs_candidate_ruler",
    "figure_tagger": "hmicfrs_figure_tagger",
    "person_tagger": "hmicfrs_person_tagger",
    "entity_resolver": "hmicfrs_entity_resolver",
    "entity_normaliser": "hmicfrs_entity_normaliser",
    "force_focus": "hmicfrs_force_focus",
    "finding_linker": "hmicfrs_finding_linker",
}
TEXT = (" date 2019-01-15 West Midlands Police failed to record more than 16,600 violent crimes each year, "
        "HMICFRS said. The force recorded 84.1 per cent of reported crime. Chief Constable Dave Thompson said so.")


def test_every_factory_has_the_project_prefix(nlp: Language) -> None:
    assert {name: nlp.get_pipe_meta(name).factory for name in nlp.pipe_names} == FACTORIES


def test_every_factory_is_an_entry_point() -> None:
    """spaCy finds each factory of an installed package through its ``spacy_factories`` entry point."""
    found = {ep.name: ep for ep in entry_points(group="spacy_factories") if ep.value.startswith("pipeline.")}
    assert set(found) == set(FACTORIES.values())
    for name, ep in found.items():
        assert Language.get_factory_meta(name).factory == name
        assert callable(ep.load())


def test_a_fresh_process_loads_the_pipeline_without_importing_the_package() -> None:
    """``spacy.load`` alone, in a process that has never imported ``pipeline``: the entry points do the rest."""
    script = (
        "import sys, spacy\n"
        "assert 'pipeline' not in sys.modules\n"
        f"nlp = spacy.load({str(MODEL)!r})\n"
        "doc = nlp(' date 2019-01-15 Kent Police recorded 90.9 per cent of crime.')\n"
        "print(len(doc.ents), len(doc._.findings))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd="/", timeout=300)
    assert result.returncode == 0, result.stderr
    ents, findings = map(int, result.stdout.split())
    assert ents >= 2 and findings == 1


def test_analyze_pipes_reports_no_problems(nlp: Language) -> None:
    analysis = nlp.analyze_pipes(pretty=False)
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    # Every component says what it writes, and every one after the first two reads something.
    for name in nlp.pipe_names:
        assert nlp.get_pipe_meta(name).assigns, name
    for name in nlp.pipe_names[3:]:
        if name != "figure_tagger":
            assert nlp.get_pipe_meta(name).requires, name


def _blank(order: list[str]) -> Language:
    nlp = spacy.blank("en")
    for name in order:
        nlp.add_pipe(FACTORIES[name], name=name)
    return nlp


def test_analyze_pipes_reports_a_linker_before_the_focus() -> None:
    order = list(FACTORIES)
    order.remove("finding_linker")
    order.insert(order.index("force_focus"), "finding_linker")
    problems = _blank(order).analyze_pipes(pretty=False)["problems"]
    assert problems["finding_linker"] == ["doc._.sentences"]
    assert not any(attrs for name, attrs in problems.items() if name != "finding_linker")


def test_analyze_pipes_reports_the_candidate_hand_over_out_of_order() -> None:
    """The board is invisible to spaCy but for ``doc._.candidates``: a resolver before the taggers is reported."""
    problems = _blank(["line_sentencizer", "entity_resolver", "entity_candidates", "person_tagger"]).analyze_pipes(
        pretty=False)["problems"]
    assert problems["entity_resolver"] == ["doc._.candidates"]
    assert problems["person_tagger"] == []


def test_analyze_pipes_reports_what_a_pipeline_lacks() -> None:
    problems = _blank(["article_date", "force_focus", "finding_linker"]).analyze_pipes(pretty=False)["problems"]
    assert set(problems["force_focus"]) == {"token.is_sent_start", "doc.ents", "token.ent_kb_id", "doc._.force_areas"}
    assert set(problems["finding_linker"]) == {"doc.ents", "token.ent_kb_id", "doc._.ent_norms"}


def test_each_component_writes_what_it_assigns(nlp: Language) -> None:
    """``assigns`` is true: after each component, everything it names is set on the doc."""
    doc = nlp.make_doc(TEXT)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        for attr in nlp.get_pipe_meta(name).assigns:
            if attr.startswith("doc._."):
                value = getattr(doc._, attr[len("doc._."):])
                assert value is not None and (name == "entity_resolver" or value), (name, attr)
            else:
                column = {"token.is_sent_start": "SENT_START", "doc.sents": "SENT_START", "doc.ents": "ENT_IOB",
                          "token.ent_iob": "ENT_IOB", "token.ent_type": "ENT_TYPE", "token.ent_kb_id": "ENT_KB_ID"}[attr]
                assert doc.has_annotation(column), (name, attr)


def test_candidates_are_the_board_until_the_resolver_takes_them(nlp: Language) -> None:
    from pipeline.candidates import board_candidates

    doc = nlp.make_doc(TEXT)
    seen = {}
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        seen[name] = doc._.candidates
    assert seen["line_sentencizer"] == [] and seen["article_date"] == []
    labels = {name: {c.label for c in seen[name]} for name in ("entity_candidates", "figure_tagger", "person_tagger")}
    assert "FORCE" in labels["entity_candidates"] and "PERSON" not in labels["figure_tagger"]
    assert {"PERCENT", "COUNT"} <= labels["figure_tagger"] and "PERSON" in labels["person_tagger"]
    assert seen["entity_resolver"] == []
    # A copy: changing it leaves the board alone.
    doc = nlp.make_doc(TEXT)
    nlp.get_pipe("entity_candidates")(doc)
    doc._.candidates.clear()
    assert board_candidates(doc)


@pytest.mark.parametrize("name", ["entity_resolver", "finding_linker"])
def test_the_scored_components_declare_their_weights(nlp: Language, name: str) -> None:
    weights = nlp.get_pipe_meta(name).default_score_weights
    assert weights[{"entity_resolver": "ents_f", "finding_linker": "findings_core_f"}[name]] == 1.0
    assert nlp.config["training"]["score_weights"]["ents_f"] == nlp.config["training"]["score_weights"]["findings_core_f"]
