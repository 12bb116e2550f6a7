"""The store cannot be poisoned: every record is checked before it is written (a bad one is reported
with its file and line and skipped, the rest load, exit 3), hostile JSON ends in one line, and a store
that already holds a bad value (written by an older version) still answers every command."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Callable

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.kb import KnowledgeBase
from pipeline.kb import vocabulary as v
from pipeline.kb.validate import last_plausible_year

runner = CliRunner()
TEXT = "Kent Police was inspected in 2018. HMICFRS said Kent records 86.0 per cent of crimes."


def good_record(article_id: str = "kent-a") -> dict[str, Any]:
    """A valid record: one recording rate with evidence and an entity inside the text."""
    start = TEXT.index("HMICFRS")
    at = TEXT.index("86.0 per cent")
    return {
        "id": article_id, "source": f"{article_id}.txt", "date": "2019-02-01", "text": TEXT,
        "spans": [{"start": 0, "end": 11, "label": "FORCE", "text": "Kent Police", "id": "kent"},
                  {"start": start, "end": start + 7, "label": "INSPECTORATE", "text": "HMICFRS", "id": "hmicfrs"}],
        "findings": [{"type": "recording_rate", "force": "kent", "crime_type": "all_crime", "value": 86.0,
                      "qualifier": "exact", "year": 2018, "evidence": {"start": start, "end": len(TEXT)},
                      "entities": [[at, at + 13, "PERCENT"]]}],
    }


def _finding(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def apply(record: dict[str, Any]) -> None:
        change(record["findings"][0])
    return apply


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda target: target.__setitem__(key, value)


# Each case: a change that makes the record (or its only finding) unstorable, and a word of the reason.
RECORD_CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "month 13": (_set("date", "2017-13-45"), "not a real date"),
    "30 February": (_set("date", "2017-02-30"), "not a real date"),
    "date not a date": (_set("date", "yesterday"), "not a YYYY-MM-DD"),
    "date a number": (_set("date", 20170101), "not a YYYY-MM-DD"),
    "date year 0005": (_set("date", "0005-01-01"), "outside"),
    "source not a string": (_set("source", ["a"]), "'source' must be a string"),
    "lone surrogate": (_set("text", "Kent \ud800 Police"), "not valid Unicode"),
    "NaN anywhere": (_set("extra", float("nan")), "not finite"),
    "a finding's value NaN": (_finding(_set("value", float("nan"))), "not finite"),
    "a finding's value Infinity": (_finding(_set("value", float("inf"))), "not finite"),
    "span reversed": (lambda r: r["spans"].append({"start": 9, "end": 3, "label": "FORCE"}), "span 3 offsets"),
    "span past the text": (lambda r: r["spans"].append({"start": 0, "end": 10_000, "label": "X"}), "span 3 offsets"),
    "findings not a list": (_set("findings", {"type": "x"}), "'findings' must be a list"),
}
FINDING_CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "force atlantis": (_finding(_set("force", "atlantis")), "force 'atlantis'"),
    "year -5": (_finding(_set("year", -5)), "year -5"),
    "year far ahead": (_finding(_set("year", last_plausible_year() + 1)), "is not a year"),
    "value 1e308": (_finding(_set("value", 1e308)), "not a percentage"),
    "value 150": (_finding(_set("value", 150)), "not a percentage"),
    "value a string": (_finding(_set("value", "86")), "not a percentage"),
    "value true": (_finding(_set("value", True)), "not a percentage"),
    "bad qualifier": (_finding(_set("qualifier", "roughly")), "qualifier 'roughly'"),
    "unknown type": (_finding(_set("type", "weather")), "unknown type 'weather'"),
    "evidence negative": (_finding(_set("evidence", {"start": -4, "end": 10})), "evidence offsets -4-10"),
    "evidence reversed": (_finding(_set("evidence", {"start": 30, "end": 10})), "evidence offsets 30-10"),
    "evidence past the text": (_finding(_set("evidence", {"start": 0, "end": 999})), "evidence offsets 0-999"),
    "evidence empty": (_finding(_set("evidence", {"start": 5, "end": 5})), "evidence offsets 5-5"),
    "evidence floats": (_finding(_set("evidence", {"start": 0.5, "end": 9})), "must be integers"),
    "entity out of range": (_finding(_set("entities", [[0, 500, "PERCENT"]])), "entity offsets 0-500"),
    "entity not a triple": (_finding(_set("entities", [[0, 4]])), "not [start, end, label]"),
}


def _count_cases() -> dict[str, tuple[dict[str, Any], str]]:
    """Counts: negative, huge, not integers (an unrecorded_count finding)."""
    base = {"type": "unrecorded_count", "force": "kent", "crime_type": "all_crime", "per_year": True, "year": 2018}
    return {
        "count negative": ({**base, "value": -3}, "not a count"),
        "count huge": ({**base, "value": 10**30}, "not a count"),
        "count float": ({**base, "value": 3.5}, "not a count"),
        "recorded over total": ({"type": "audit_sample", "force": "kent", "crime_type": "all_crime", "recorded": 9,
                                 "total": 5, "year": 2018}, "audit_sample"),
    }


def _load(records: list[dict[str, Any]]) -> tuple[KnowledgeBase, str]:
    kb = KnowledgeBase(None)
    report = kb.load_records(records)
    return kb, "\n".join(report.problems)


@pytest.mark.parametrize("case", sorted(RECORD_CASES))
def test_a_bad_record_is_reported_and_skipped_and_the_rest_load(case: str) -> None:
    change, reason = RECORD_CASES[case]
    bad = good_record("bad")
    change(bad)
    kb, problems = _load([bad, good_record("kent-a")])
    assert "record 1 skipped" in problems and reason in problems, problems
    assert kb.counts()["articles"] == 1
    assert kb.rates(2018).column("value") == ["86.0"]


@pytest.mark.parametrize("case", sorted(FINDING_CASES))
def test_a_bad_finding_is_reported_and_skipped(case: str) -> None:
    change, reason = FINDING_CASES[case]
    bad = good_record("bad")
    change(bad)
    kb, problems = _load([bad])
    assert "bad: finding 1 skipped" in problems and reason in problems, problems
    assert kb.counts()["findings"] == 0 and kb.rates(2018).rows == []


@pytest.mark.parametrize("case", sorted(_count_cases()))
def test_counts_must_be_non_negative_integers_in_range(case: str) -> None:
    finding, reason = _count_cases()[case]
    record = good_record("counts")
    record["findings"] = [finding, {**finding, **({"value": 5} if "value" in finding else {"recorded": 4})}]
    kb, problems = _load([record])
    assert "counts: finding 1 skipped" in problems and reason in problems, problems
    assert kb.counts()["findings"] == 1


def test_the_bundled_gold_passes_validation() -> None:
    """Validation refuses nothing the contract allows: every gold record loads without a problem."""
    from tests.conftest import GOLD

    records = [json.loads(line) for path in sorted(GOLD.glob("*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    kb, problems = _load(records)
    assert problems == "" and kb.counts()["articles"] == len(records)


def kb_cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["kb", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_hostile_lines_end_in_one_line_each_and_the_store_stays_readable(tmp_path: Path) -> None:
    """Issue 15's cases: a month 13, deep nesting, a 5,000-digit integer, invalid UTF-8, a lone surrogate."""
    poisoned = good_record("poisoned")
    poisoned["date"] = "2017-13-45"
    lines = [json.dumps(good_record("kent-a")).encode(), json.dumps(poisoned).encode(),
             b"[" * 100_000 + b"]" * 100_000, b'{"id": "big", "text": "x", "n": ' + b"9" * 5000 + b"}",
             b'{"id": "latin1", "text": "caf\xe9"}', b'{"id": "sur", "text": "\\ud800"}']
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    store = str(tmp_path / "kb")
    code, output = kb_cli("load", str(path), "--store", store)
    assert code == 3, output
    assert "Traceback" not in output
    for line, reason in ((2, "not a real date"), (3, "nested too deeply"), (4, "unreadable JSON"),
                         (5, "not valid UTF-8"), (6, "not valid Unicode")):
        assert f"hostile.jsonl:{line}:" in output and reason in output, (line, output)
    assert "1 added" in output
    for command in (["rates", "--year", "2018"], ["force", "kent"], ["conflicts"], ["officials"]):
        code, output = kb_cli(*command, "--store", store)
        assert code == 0, (command, output)
    assert "86.0" in kb_cli("rates", "--year", "2018", "--store", store)[1]


def test_a_store_holding_bad_values_from_an_older_version_answers_every_command(tmp_path: Path) -> None:
    """Bad literals written straight into the store (as an older version could have) read as absent,
    with a warning line; no command fails."""
    path = tmp_path / "kb"
    with KnowledgeBase(path) as kb:
        kb.load_records([good_record("kent-a"), good_record("kent-b")])
    store = Store(str(path))
    graph = v.article_graph("kent-b")
    article = v.article_iri("kent-b")
    store.remove(Quad(article, v.dcterms("date"), v.typed("2019-02-01", "date"), graph))
    store.add(Quad(article, v.dcterms("date"), Literal("2017-13-45", datatype=NamedNode(v.XSD + "date")), graph))
    finding = next(q.subject for q in store.quads_for_pattern(None, v.hx("value"), None, graph))
    for quad in list(store.quads_for_pattern(finding, v.hx("value"), None, graph)):
        store.remove(quad)
    store.add(Quad(finding, v.hx("value"), Literal("NaN", datatype=NamedNode(v.XSD + "decimal")), graph))
    store.add(Quad(finding, v.hx("year"), Literal("-5x", datatype=NamedNode(v.XSD + "gYear")), graph))
    store.flush()
    del store
    outputs = []
    for command in (["rates", "--year", "2018"], ["force", "kent"], ["conflicts"], ["officials"],
                    ["query", "SELECT * WHERE { ?s hx:value ?o }"],
                    ["export", "--format", "jsonl", "-o", str(tmp_path / "facts.jsonl")]):
        code, output = kb_cli(*command, "--store", str(path))
        assert code == 0 and "Traceback" not in output, (command, output)
        outputs.append(output)
    assert any("warning: ignoring an unreadable" in output for output in outputs)
    facts = [json.loads(line) for line in (tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    rates = [f for f in facts if f["type"] == "recording_rate"]
    assert [f["sources"] for f in rates] == [["kent-a"]]  # the unreadable mention left out, the good one kept
    code, output = kb_cli("load", "--store", str(path), str(_write(tmp_path, good_record("kent-c"))))
    assert code == 0, output


def _write(tmp_path: Path, record: dict[str, Any]) -> Path:
    path = tmp_path / f"{record['id']}.jsonl"
    path.write_text(json.dumps(copy.deepcopy(record)) + "\n", encoding="utf-8")
    return path
