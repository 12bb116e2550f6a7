"""The extract command on bad input: each bad document is named and skipped, the rest go through,
and the counts add up."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.batch.inputs import read_inputs
from pipeline.cli import EXIT_SOME_BAD, app
from pipeline.gold import validate_record
from pipeline.io import Article, InputProblem
from tests.conftest import ROOT

MODEL = str(ROOT / "models" / "hmicfrs")
GOOD = " date 2018-03-09 Kent Police failed to record about 1 in 5 crimes, HMICFRS said yesterday.\n"


def _bad_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9 society: Essex Police".encode("latin-1"))
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02GIF89a")
    lines = [
        json.dumps({"id": "j1", "text": "Surrey Police was rated good.", "date": "2019-05-01"}),
        "{not json",
        json.dumps({"id": "j2", "date": "2019-05-01"}),
        json.dumps({"id": "j1", "text": "A duplicate id."}),
        json.dumps({"id": "j3", "text": "Sussex Police was rated good.", "date": "May 2019"}),
        json.dumps(["a list"]),
        json.dumps({"id": "j4", "text": "Dorset Police recorded 92.4% of crimes."}),
    ]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_read_inputs_reports_every_bad_document(tmp_path: Path) -> None:
    items = list(read_inputs([_bad_corpus(tmp_path)]))
    good = [i.id for i in items if isinstance(i, Article)]
    bad = [i.describe() for i in items if isinstance(i, InputProblem)]
    assert sorted(good) == ["good", "j1", "j4"]
    assert len(bad) == 8
    joined = "\n".join(bad)
    for expected in ("latin1.txt: not valid UTF-8", "empty.txt: empty document", "binary.txt: binary content",
                     "batch.jsonl:2: malformed JSON", "batch.jsonl:3: missing or non-string 'text'",
                     "duplicate id 'j1'", "batch.jsonl:5: bad 'date'", "batch.jsonl:6: a JSON object"):
        assert expected in joined, joined


def test_extract_skips_bad_documents_and_keeps_the_rest(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(_bad_corpus(tmp_path)), "-o", str(out), "--model", MODEL])
    assert result.exit_code == EXIT_SOME_BAD, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == ["good", "j1", "j4"]
    assert "3 extracted, 8 reported bad and skipped" in result.output
    for record in records:
        validate_record(record)
    good = next(r for r in records if r["id"] == "good")
    assert good["text"] == GOOD and good["date"] == "2018-03-09" and good["source"] == "good.txt"
    kent = [s for s in good["spans"] if s["label"] == "FORCE"]
    assert kent == [{"start": 17, "end": 28, "label": "FORCE", "text": "Kent Police", "id": "kent"}]


def test_extract_clean_input_exits_zero(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(src), "-o", str(out), "--model", MODEL])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_missing_pipeline_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(src), "-o", str(tmp_path / "o.jsonl"), "--model", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "make models" in result.output
