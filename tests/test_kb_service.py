"""No network from queries: `kb query` refuses a SERVICE clause (exit 2, one line) before it opens
the store, and is not fooled by the word in a comment, a string, an IRI or a variable name."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.kb.queries import uses_service

runner = CliRunner()

FEDERATED = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://example.org/q> { ?s ?p ?o } }",
    "SELECT * WHERE {\n  # a comment first\n  SeRvIcE ?endpoint { ?s ?p ?o } VALUES ?endpoint { <http://x/> } }",
    'SELECT * WHERE { BIND("a" AS ?x) SERVICE <http://x/> { ?s ?p ?o } }',
    "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3) SERVICE <http://x/> { ?s ?p ?o } }",
]
LOCAL = [
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> in a comment",
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" }',
    "SELECT * WHERE { ?s ?p '''a\nSERVICE <http://x/> { }''' }",
    "SELECT ?service WHERE { ?service <http://example.org/SERVICE> ?o }",
    "SELECT * WHERE { ?s hx:service ?o . ?s service:x ?o }",
]


@pytest.mark.parametrize("sparql", FEDERATED)
def test_a_service_clause_is_found(sparql: str) -> None:
    assert uses_service(sparql)


@pytest.mark.parametrize("sparql", LOCAL)
def test_the_word_elsewhere_is_not_a_service_clause(sparql: str) -> None:
    assert not uses_service(sparql)


def test_kb_query_refuses_service_in_one_line_with_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["kb", "query", FEDERATED[0], "--store", str(tmp_path / "kb")])
    assert result.exit_code == 2
    assert "SERVICE clause" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "kb").exists()  # refused before any store was opened
