"""The ``kb`` commands through typer's CliRunner: load, the canned questions, query, provenance, export,
and the exit codes for bad input, wrong usage and a store held by another opener."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.kb import KnowledgeBase
from tests.conftest import GOLD

runner = CliRunner()


def kb(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["kb", *args])
    return result.exit_code, result.output


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    """Seed 001 and dev 103 (the two Leicestershire 2017 articles), from gold."""
    wanted = {"seed-001", "dev-103"}
    lines = [line for split in ("seeds", "dev") for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8")
             .splitlines() if json.loads(line)["id"] in wanted]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def store(tmp_path: Path, gold_file: Path) -> str:
    path = str(tmp_path / "kb")
    code, output = kb("load", str(gold_file), "--store", path, "--pipeline-version", "gold")
    assert code == 0, output
    return path


def test_load_reports_counts_and_a_second_load_is_unchanged(gold_file: Path, store: str) -> None:
    code, output = kb("load", str(gold_file), "--store", store, "--pipeline-version", "gold")
    assert code == 0
    assert "articles: 0 added, 0 replaced, 2 unchanged" in output
    # Findings reported by both articles are printed first: both give 21,200 unrecorded crimes a year.
    assert "leicestershire 2017 unrecorded_count all_crime: 21200 a year (exact) (2 articles: dev-103, seed-001)" in output


def test_load_skips_malformed_lines_with_exit_3(tmp_path: Path, gold_file: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(gold_file.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    code, output = kb("load", str(bad), "--store", str(tmp_path / "kb"))
    assert code == 3
    assert "bad.jsonl:3: malformed JSON" in output and "2 added" in output


def test_load_refuses_missing_files_and_a_store_held_elsewhere(tmp_path: Path, gold_file: Path) -> None:
    assert kb("load", str(tmp_path / "nope.jsonl"), "--store", str(tmp_path / "kb"))[0] == 2
    with KnowledgeBase(tmp_path / "held"):
        code, output = kb("load", str(gold_file), "--store", str(tmp_path / "held"))
    assert code == 1 and "one writer at a time" in output


def test_rates_table(store: str) -> None:
    code, output = kb("rates", "--year", "2017", "--store", store)
    assert code == 0
    lines = output.splitlines()
    assert lines[0].split() == ["force", "crime_type", "value", "qualifier", "conflict", "values", "n_sources",
                                "sources"]
    row = next(line for line in lines if line.startswith("leicestershire") and "all_crime" in line)
    # gold: 75.0 more_than (seed) and 76.0 approx (seed) and 75.0 more_than (dev); no evidence, so no
    # inspectorate flag: the more recent (dated) seed article wins, then the tie-break.
    assert "true" in row and "75.0 x" in row and "76.0 x1" in row
    assert output.rstrip().endswith("rows)")


def test_force_accepts_a_name_and_rejects_an_unknown_one(store: str) -> None:
    code, output = kb("force", "Leicestershire Police", "--store", store, "--format", "csv")
    assert code == 0
    header, *rows = output.strip().splitlines()
    assert header == "type,year,detail,value,qualifier,conflict,values,n_sources,sources,fact"
    assert any(r.startswith("unrecorded_count,2017,all_crime,21200 a year,exact,false") for r in rows)
    code, output = kb("force", "Leicestershyre", "--store", store)
    assert code == 2 and "did you mean leicestershire" in output


def test_conflicts_and_officials(store: str) -> None:
    code, output = kb("conflicts", "--store", store, "--format", "json")
    assert code == 0
    conflicts = json.loads(output)
    assert {(c["force"], c["year"], c["detail"]) for c in conflicts} >= {("leicestershire", "2017", "all_crime")}
    code, output = kb("officials", "--store", store, "--format", "tsv")
    rows = [line.split("\t") for line in output.strip().splitlines()]
    assert rows[0] == ["person", "role", "organisation", "n_sources", "spellings", "sources"]
    zoe = [r for r in rows if r[0].startswith("Zo")]
    assert len(zoe) == 1 and zoe[0][3] == "2"


def test_query_in_every_format(store: str) -> None:
    sparql = "SELECT ?id WHERE { ?a a schema:NewsArticle ; dcterms:identifier ?id } ORDER BY ?id"
    code, output = kb("query", sparql, "--store", store)
    assert code == 0 and output.splitlines()[2:4] == ["dev-103", "seed-001"]
    assert kb("query", sparql, "--store", store, "-f", "csv")[1].split() == ["id", "dev-103", "seed-001"]
    assert kb("query", sparql, "--store", store, "-f", "tsv")[1].split() == ["?id", '"dev-103"', '"seed-001"']
    bindings = json.loads(kb("query", sparql, "--store", store, "-f", "json")[1])["results"]["bindings"]
    assert [b["id"]["value"] for b in bindings] == ["dev-103", "seed-001"]
    assert kb("query", "ASK { ?p hx:personName 'Zoë Billingham' }", "--store", store)[1].strip() == "true"
    code, output = kb("query", "SELECT ?x WHERE {", "--store", store)
    assert code == 2 and "SPARQL syntax error" in output
    assert kb("query", sparql, "--store", store, "-f", "xml")[0] == 2


def test_provenance_of_a_fact_lists_every_mention(store: str) -> None:
    code, output = kb("query", "SELECT ?fact WHERE { ?fact hx:findingType 'recording_rate' ; hx:year ?y ; "
                      "hx:crimeType 'all_crime' ; hx:force force:leicestershire }", "--store", store, "-f", "csv")
    fact = output.splitlines()[1]
    code, output = kb("provenance", fact, "--store", store)
    assert code == 0
    assert output.count("recording_rate") == 3 and "(preferred)" in output
    assert "(none: article-level provenance only)" in output and "extracted by hmicfrs-extract gold" in output
    assert kb("provenance", "0000000000", "--store", store)[0] == 1


@pytest.mark.parametrize("fmt,unit", [("turtle", "triples"), ("ntriples", "triples"), ("nquads", "quads"),
                                      ("trig", "quads"), ("csv", "facts"), ("jsonl", "facts")])
def test_export_writes_each_format(tmp_path: Path, store: str, fmt: str, unit: str) -> None:
    out = tmp_path / f"export.{fmt}"
    code, output = kb("export", "--format", fmt, "-o", str(out), "--store", store)
    assert code == 0 and f" {unit} to " in output and out.stat().st_size > 0


def test_export_rejects_an_unknown_format(tmp_path: Path, store: str) -> None:
    code, output = kb("export", "--format", "xlsx", "-o", str(tmp_path / "x"), "--store", store)
    assert code == 2 and "unknown format" in output


def test_extract_with_kb_loads_what_it_wrote(tmp_path: Path) -> None:
    """`extract --kb` puts the extracted article in the store, with the findings the output file holds."""
    from tests.conftest import ROOT

    article = ROOT / "corpus" / "articles" / "seeds" / "001_18683f044c6e4a0d.txt"
    out, store = tmp_path / "one.jsonl", tmp_path / "kb"
    result = runner.invoke(app, ["extract", str(article), "-o", str(out), "--kb", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "articles: 1 added" in result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    with KnowledgeBase(store) as knowledge:
        rates = knowledge.rates(2017)
    assert f"{len(written['findings'])} findings written" in result.output
    assert "leicestershire" in rates.column("force")
