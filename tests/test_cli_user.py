"""The command line as a new user meets it: every mistake is one line and an exit code, never a
traceback; '-' for standard input and output; files that are not inputs are named; --version,
shell completion, help that tells the truth; Dask only when it is installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import click
import pytest
import typer
from typer.testing import CliRunner, Result

from pipeline.cli import EXIT_FATAL, EXIT_SOME_BAD, EXIT_USAGE, app
from tests.conftest import GOLD, ROOT

MODEL = str(ROOT / "models" / "hmicfrs")
DASK_MISSING = "Dask is not installed: pip install 'hmicfrs-extract[dask]'"
KENT = " date 2018-03-09 Kent Police failed to record about 1 in 5 crimes, HMICFRS said yesterday.\n"
runner = CliRunner()


def invoke(*args: str, **kwargs: Any) -> Result:
    result = runner.invoke(app, list(args), prog_name="hmicfrs-extract", **kwargs)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(KENT, encoding="utf-8")
    return path


# ---------------------------------------------------------------- version, completion, help


def test_version_comes_from_the_package_metadata() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout == f"hmicfrs-extract {metadata.version('hmicfrs-extract')}\n"


def test_shell_completion_is_offered_and_completes_commands() -> None:
    help_text = invoke("--help").stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text
    script = invoke("--show-completion", "bash").stdout
    assert "_HMICFRS_EXTRACT_COMPLETE=complete_bash" in script and "complete -o default" in script
    env = {**os.environ, "PYTHONPATH": str(ROOT), "_HMICFRS_EXTRACT_COMPLETE": "complete_bash",
           "COMP_WORDS": "hmicfrs-extract kb r", "COMP_CWORD": "2"}
    done = subprocess.run([sys.executable, "-c", "from pipeline.cli import app; app(prog_name='hmicfrs-extract')"],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.split() == ["rates"], done.stderr


def _every_command(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(_every_command(command, (*prefix, name)))
    return found


COMMANDS = _every_command(typer.main.get_command(app))  # type: ignore[arg-type]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_help_shows_flags_as_flags(command: tuple[str, ...]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout


def test_flag_lines_take_no_value() -> None:
    lines = invoke("extract", "--help").stdout.splitlines()
    for flag in ("--kb", "--replace", "--help"):
        line = next(line for line in lines if line.strip().startswith(flag + " "))
        assert line.split()[1] not in ("<bool>", "BOOLEAN"), line


def test_gold_help_says_what_it_builds_and_builds_every_split(tmp_path: Path) -> None:
    assert "default: every folder of CORPUS/annotations" in " ".join(invoke("gold", "--help").stdout.split())
    corpus = tmp_path / "corpus"
    for split in ("seeds", "dev3"):
        for kind in ("annotations", "articles"):
            (corpus / kind / split).mkdir(parents=True)
            for path in (ROOT / "corpus" / kind / split).iterdir():
                (corpus / kind / split / path.name).write_bytes(path.read_bytes())
    result = invoke("gold", "--corpus", str(corpus))
    assert result.exit_code == 0, result.output
    for split in ("seeds", "dev3"):
        assert (corpus / "gold" / f"{split}.jsonl").read_bytes() == (GOLD / f"{split}.jsonl").read_bytes()


def test_gold_and_run_without_a_corpus_say_so(tmp_path: Path) -> None:
    for command in (["gold"], ["run"]):
        result = invoke(*command, "--corpus", str(tmp_path / "nowhere"))
        assert result.exit_code == EXIT_FATAL and "run from the project folder or give --corpus" in result.stderr


# ---------------------------------------------------------------- extract: dates, stdin/stdout, what is not an input


@pytest.mark.parametrize("value", ["07/09/2017", "2017-13-01", "last week"])
def test_a_bad_date_is_a_usage_error_naming_the_option(story: Path, tmp_path: Path, value: str) -> None:
    result = invoke("extract", str(story), "-o", str(tmp_path / "o.jsonl"), "--date", value)
    assert result.exit_code == EXIT_USAGE and "'--date'" in result.output and "YYYY-MM-DD" in result.output
    assert not (tmp_path / "o.jsonl").exists()


def test_date_dates_an_undated_text(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Kent Police failed to record about 1 in 5 crimes, HMICFRS said yesterday.", encoding="utf-8")
    result = invoke("extract", str(plain), "-o", "-", "--model", MODEL, "--date", "2017-09-07")
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["date"] == "2017-09-07"
    yesterday = next(s for s in record["spans"] if s["text"] == "yesterday")
    assert yesterday["value"] == "2017-09-06"


def test_stdout_holds_only_records_and_the_summary_goes_to_stderr(story: Path, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("  ", encoding="utf-8")
    result = invoke("extract", str(story), str(bad), "-o", "-", "--model", MODEL)
    assert result.exit_code == EXIT_SOME_BAD
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["story"]
    assert "documents: 1 extracted, 1 reported bad and skipped" in result.stderr
    assert "skipped " in result.stderr and "empty document" in result.stderr
    assert not list(tmp_path.glob("*quarantine*")) and not (Path.cwd() / "-").exists()


def test_stdin_as_input(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "k1", "text": KENT}), json.dumps({"id": "k2", "text": KENT.replace("Kent", "Essex")})]
    out = tmp_path / "o.jsonl"
    result = invoke("extract", "-", "-o", str(out), "--model", MODEL, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["k1", "k2"]
    result = invoke("extract", "-", "-o", "-", "--model", MODEL, input=KENT)
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "stdin"


def test_kb_needs_a_file_not_stdout(story: Path) -> None:
    result = invoke("extract", str(story), "-o", "-", "--kb")
    assert result.exit_code == EXIT_USAGE and "--kb" in result.output


def test_a_named_unsupported_file_is_an_error(tmp_path: Path, story: Path) -> None:
    table = tmp_path / "articles.csv"
    table.write_text("id,text\n1,Kent Police\n", encoding="utf-8")
    result = invoke("extract", str(story), str(table), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith(f"{table}: not a supported input") and "JSONL" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_a_folder_without_inputs_stops_and_names_what_it_holds(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF")
    (folder / "b.csv").write_text("x", encoding="utf-8")
    result = invoke("extract", str(folder), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == EXIT_FATAL
    assert f"no documents in {folder}" in result.stderr and "ignored 2 files" in result.stderr
    assert "a.pdf" in result.stderr and "b.csv" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_ignored_files_are_counted_and_listed_in_the_summary(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(KENT, encoding="utf-8")
    for n in range(12):
        (folder / f"scan-{n:02d}.pdf").write_bytes(b"%PDF")
    result = invoke("extract", str(folder), "-o", str(tmp_path / "o.jsonl"), "--model", MODEL)
    assert result.exit_code == 0, result.output
    note = next(line for line in result.stdout.splitlines() if line.startswith("ignored"))
    assert note.startswith("ignored 12 files that are not .txt, .jsonl, .jsonl.gz: ")
    assert f"{folder / 'scan-00.pdf'}" in note and note.endswith("and 2 more")


def test_dask_not_installed_is_one_line(story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now raises ImportError
    monkeypatch.delitem(sys.modules, "pipeline.batch.dask_runner", raising=False)
    result = invoke("extract", str(story), "-o", str(tmp_path / "o.jsonl"), "--dask", "local", "--model", MODEL)
    assert result.exit_code == EXIT_FATAL
    assert result.stderr == f"{DASK_MISSING}\n"
    assert not (tmp_path / "o.jsonl").exists()


# ---------------------------------------------------------------- evaluate


@pytest.fixture()
def seeds_pred(tmp_path: Path) -> Path:
    """The seeds gold as predictions, under ids of extract's kind (file names)."""
    records = [json.loads(line) for line in (GOLD / "seeds.jsonl").read_text(encoding="utf-8").splitlines()]
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps({**r, "id": Path(r["source"]).stem}) + "\n" for r in records),
                    encoding="utf-8")
    return path


def test_evaluate_pairs_other_ids_by_text_and_reports_how(seeds_pred: Path) -> None:
    result = invoke("evaluate", str(GOLD / "seeds.jsonl"), "--pred", str(seeds_pred))
    assert result.exit_code == 0
    assert "5 gold documents: 0 matched to a prediction by id, 5 by text, 0 not at all" in result.stderr
    assert "micro (188)                        1.00/1.00/1.000" in result.stdout


def test_evaluate_warns_about_unmatched_gold(seeds_pred: Path, tmp_path: Path) -> None:
    partial = tmp_path / "partial.jsonl"
    partial.write_text("".join(seeds_pred.read_text().splitlines(keepends=True)[:3]), encoding="utf-8")
    result = invoke("evaluate", str(GOLD / "seeds.jsonl"), "--pred", str(partial))
    assert result.exit_code == 0
    assert "3 by text, 2 not at all" in result.stderr
    assert "warning: 2 gold documents have no prediction and count as all missed" in result.stderr


def test_evaluate_fails_loudly_when_nothing_matches(tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "x", "text": "Unrelated.", "spans": [], "findings": []}) + "\n")
    result = invoke("evaluate", str(GOLD / "seeds.jsonl"), "--pred", str(pred))
    assert result.exit_code == EXIT_FATAL
    assert "1 predictions; 5 gold documents: 0 matched to a prediction by id, 0 by text, 5 not at all" in result.stderr
    assert "Nothing was scored" in result.stderr and result.stdout == ""


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"),
    ('{"id": "a", "text": "x"}\n{oops\n', ":2: not valid JSON"),
    ("id,text\n1,x\n", ":1: not valid JSON"),
])
def test_evaluate_bad_prediction_files_are_one_line(tmp_path: Path, content: str | None, message: str) -> None:
    pred = tmp_path / "pred.jsonl"
    if content is not None:
        pred.write_text(content, encoding="utf-8")
    result = invoke("evaluate", str(GOLD / "seeds.jsonl"), "--pred", str(pred))
    assert result.exit_code == EXIT_FATAL and message in result.stderr and result.stderr.count("\n") == 1


def test_evaluate_bad_gold_files_are_one_line(tmp_path: Path) -> None:
    result = invoke("evaluate", str(tmp_path / "missing.jsonl"), "--pred", str(GOLD / "seeds.jsonl"))
    assert result.exit_code == EXIT_FATAL and "missing.jsonl: no such file" in result.stderr
    not_gold = tmp_path / "raw.jsonl"
    not_gold.write_text(json.dumps({"id": "a", "text": "Kent Police."}) + "\n", encoding="utf-8")
    result = invoke("evaluate", str(not_gold), "--pred", str(GOLD / "seeds.jsonl"))
    assert result.exit_code == EXIT_FATAL and "record 1 is not gold (no spans, findings)" in result.stderr


def test_evaluate_without_a_pipeline_is_one_line(tmp_path: Path) -> None:
    result = invoke("evaluate", str(GOLD / "seeds.jsonl"), "--model", str(tmp_path / "no-model"))
    assert result.exit_code == EXIT_FATAL and result.stderr.count("\n") == 1 and "no-model" in result.stderr
