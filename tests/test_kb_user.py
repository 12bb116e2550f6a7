"""The knowledge base as a new user meets it: a different article under a stored id is refused
(named, skipped, exit 3) unless --replace; reads never create a store and say how to make one;
the store comes from --store, $HMICFRS_STORE or out/kb; SPARQL and force mistakes are one line."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.kb import KnowledgeBase, KnowledgeBaseError
from pipeline.kb.store import STORE_ENV, is_store
from pipeline.schema import FORCE_IDS
from tests.conftest import GOLD, ROOT

runner = CliRunner()
MODEL = str(ROOT / "models" / "hmicfrs")


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=env)
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def _record(doc_id: str, text: str, source: str) -> dict[str, Any]:
    return {"id": doc_id, "source": source, "date": "2018-01-01", "text": text, "spans": [], "findings": []}


def _write(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    """Two gold articles of the seeds split."""
    lines = (GOLD / "seeds.jsonl").read_text(encoding="utf-8").splitlines()[:2]
    return _write(tmp_path / "two.jsonl", *(json.loads(line) for line in lines))


# ---------------------------------------------------------------- another text under a stored id


def test_load_refuses_another_text_under_a_stored_id_and_keeps_the_first() -> None:
    first = _record("story", "Kent Police recorded 90% of crimes.", "a/story.txt")
    other = _record("story", "Essex Police recorded 80% of crimes.", "b/story.txt")
    with KnowledgeBase(None) as kb:
        kb.load_records([first])
        before = {str(q) for q in kb.store}
        report = kb.load_records([{**other, "_origin": "b.jsonl:1"}])
        assert (report.added, report.replaced, report.refused) == (0, 0, 1)
        [problem] = report.problems
        assert problem.startswith("b.jsonl:1: article 'story' (source b/story.txt) not loaded")
        assert "(source a/story.txt)" in problem and "--replace" in problem
        assert {str(q) for q in kb.store} == before
        assert "refused" in report.describe()
        report = kb.load_records([other], replace=True)
        assert (report.replaced, report.refused) == (1, 0)
        assert kb.query("ASK { ?a schema:sha256 ?s ; dcterms:source 'b/story.txt' }")


def test_the_same_text_reloaded_or_reextracted_is_no_conflict() -> None:
    first = _record("story", "Kent Police recorded 90% of crimes.", "story.txt")
    with KnowledgeBase(None) as kb:
        kb.load_records([first])
        assert kb.load_records([copy.deepcopy(first)]).unchanged == 1
        reextracted = kb.load_records([first], pipeline_version="9.9.9")
        assert (reextracted.replaced, reextracted.refused) == (1, 0)


def test_two_texts_with_one_id_in_one_load_keep_the_first() -> None:
    first = _record("story", "Kent Police recorded 90% of crimes.", "a/story.txt")
    other = _record("story", "Essex Police recorded 80% of crimes.", "b/story.txt")
    with KnowledgeBase(None) as kb:
        report = kb.load_records([{**first, "_origin": "x.jsonl:1"}, {**other, "_origin": "x.jsonl:2"}])
        assert (report.added, report.refused) == (1, 1)
        assert "x.jsonl:2: article 'story'" in report.problems[0] and "x.jsonl:1 of this load" in report.problems[0]
        assert kb.query("ASK { ?a dcterms:source 'a/story.txt' }")
        assert not kb.query("ASK { ?a dcterms:source 'b/story.txt' }")


def test_cli_load_conflict_exits_3_naming_id_and_files_and_replace_replaces(tmp_path: Path) -> None:
    store = str(tmp_path / "kb")
    first = _write(tmp_path / "a.jsonl", _record("story", "Kent Police recorded 90% of crimes.", "a/story.txt"))
    other = _write(tmp_path / "b.jsonl", _record("story", "Essex Police recorded 80% of crimes.", "b/story.txt"))
    assert invoke("kb", "load", str(first), "--store", store)[0] == 0
    code, output = invoke("kb", "load", str(other), "--store", store)
    assert code == 3
    assert f"{other}:1: article 'story' (source b/story.txt) not loaded" in output
    assert "1 refused (same id, another text)" in output
    code, output = invoke("kb", "load", str(other), "--store", store, "--replace")
    assert code == 0 and "0 added, 1 replaced" in output


def test_extract_kb_refuses_then_replaces(tmp_path: Path) -> None:
    store, out = str(tmp_path / "kb"), str(tmp_path / "out.jsonl")
    story = tmp_path / "in" / "story.txt"
    story.parent.mkdir()
    story.write_text("Kent Police recorded 90% of crimes, HMICFRS said in 2017.", encoding="utf-8")
    assert invoke("extract", str(story), "-o", out, "--model", MODEL, "--kb", "--store", store)[0] == 0
    story.write_text("Essex Police recorded 80% of crimes, HMICFRS said in 2016.", encoding="utf-8")
    code, output = invoke("extract", str(story), "-o", out, "--model", MODEL, "--kb", "--store", store)
    assert code == 3 and "article 'story' (source story.txt) not loaded" in output
    code, output = invoke("extract", str(story), "-o", out, "--model", MODEL, "--kb", "--replace", "--store", store)
    assert code == 0 and "1 replaced" in output
    with KnowledgeBase(store) as kb:
        assert {fact.key[1] for fact in kb.consolidated()} == {"essex"}


# ---------------------------------------------------------------- where the store is; reads create nothing


READS = [["rates", "--year", "2017"], ["force", "kent"], ["conflicts"], ["officials"],
         ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"], ["provenance", "abc123"],
         ["export", "--format", "csv", "-o", "facts.csv"]]


@pytest.mark.parametrize("command", READS, ids=[c[0] for c in READS])
def test_a_read_on_no_store_says_so_exits_1_and_creates_nothing(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "kb"
    code, output = invoke("kb", *command, "--store", str(missing))
    assert code == 1
    assert f"no knowledge base at {missing}" in output and "kb load" in output
    assert not missing.exists()


def test_the_store_comes_from_the_environment(tmp_path: Path, gold_file: Path) -> None:
    store = tmp_path / "shared-kb"
    code, output = invoke("kb", "load", str(gold_file), "--pipeline-version", "gold", env={STORE_ENV: str(store)})
    assert code == 0 and output.startswith(f"{store}: articles: 2 added")
    assert is_store(store)
    code, output = invoke("kb", "query", "SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle }",
                          "-f", "csv", env={STORE_ENV: str(store)})
    assert code == 0 and output.split() == ["n", "2"]
    # --store wins over the environment
    code, output = invoke("kb", "officials", "--store", str(tmp_path / "none"), env={STORE_ENV: str(store)})
    assert code == 1 and "no knowledge base at" in output


def test_a_folder_of_other_files_is_never_made_a_store(tmp_path: Path, gold_file: Path) -> None:
    folder = tmp_path / "results"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    code, output = invoke("kb", "load", str(gold_file), "--store", str(folder))
    assert code == 1 and "holds other files, not a knowledge base" in output
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    with pytest.raises(KnowledgeBaseError, match="is a file"):
        KnowledgeBase(folder / "notes.txt")
    with pytest.raises(KnowledgeBaseError, match="no knowledge base"):
        KnowledgeBase(tmp_path / "absent", create=False)
    assert not (tmp_path / "absent").exists()


# ---------------------------------------------------------------- one-line mistakes


@pytest.fixture()
def store(tmp_path: Path, gold_file: Path) -> str:
    path = str(tmp_path / "kb")
    assert invoke("kb", "load", str(gold_file), "--store", path, "--pipeline-version", "gold")[0] == 0
    return path


@pytest.mark.parametrize(("sparql", "expected"), [
    ("SELECT ?x WHERE { ?x foo:bar ?y }", "line 1, column 29 (after 'ECT ?x WHERE { ?x foo:bar'): unknown prefix foo:"),
    ("SELECT ?x WHERE {\n  ?x ?y ?z", "line 2, column"),
    ("SELEC ?x", "line 1, column 9 (after 'SELEC ?x'): expected DESCRIBE"),
    ("SELECT (COUNT(?x) AS ?n) ?y WHERE { ?x ?y ?z }", "variable that is unbound"),
])
def test_a_sparql_syntax_error_is_one_line_without_unicode_ranges(store: str, sparql: str, expected: str) -> None:
    code, output = invoke("kb", "query", sparql, "--store", store)
    assert code == 2
    assert output.count("\n") == 1 and output.startswith("SPARQL syntax error at ")
    assert expected in output and "\\u{" not in output and "'0' ..= '9'" not in output


def test_an_unknown_prefix_lists_the_declared_ones(store: str) -> None:
    output = invoke("kb", "query", "SELECT ?x WHERE { ?x foo:bar ?y }", "--store", store)[1]
    assert "hx:, prov:" in output and "force:" in output


def test_an_unknown_force_lists_every_valid_id(store: str) -> None:
    code, output = invoke("kb", "force", "Atlantis Constabulary", "--store", store)
    assert code == 2 and "unknown force 'Atlantis Constabulary'" in output
    assert all(force_id in output for force_id in FORCE_IDS)


def test_an_unknown_force_needs_no_store(tmp_path: Path) -> None:
    code, output = invoke("kb", "force", "nowhere", "--store", str(tmp_path / "none"))
    assert code == 2 and "valid force ids" in output and not (tmp_path / "none").exists()


def test_load_of_a_binary_file_or_a_folder_is_one_line(tmp_path: Path) -> None:
    binary = tmp_path / "out.jsonl.gz"
    binary.write_bytes(b"\x1f\x8b\x08\x00\xff\xfe binary")
    code, output = invoke("kb", "load", str(binary), "--store", str(tmp_path / "kb"))
    assert code == 3 and f"{binary}:1: not valid UTF-8" in output
    code, output = invoke("kb", "load", str(tmp_path), "--store", str(tmp_path / "kb2"))
    assert code == 2 and "(a folder)" in output


def test_export_to_a_path_that_cannot_be_written_is_one_line(tmp_path: Path, store: str) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, output = invoke("kb", "export", "--format", "jsonl", "-o", str(blocker / "sub" / "facts.jsonl"),
                          "--store", store)
    assert code == 1 and output.startswith("cannot write")
