"""Installed means working: the wheels ``make dist`` writes, installed into a new environment, work anywhere.

The tests marked ``install`` build both wheels (scripts/build_dist.py, as ``make dist`` does),
create a new virtual environment in a temporary folder, ``pip install`` the wheels there (their
dependencies come from the package index or pip's cache: a minute or two) and run the installed
command and library from a folder that is not the checkout. ``pytest -m "not install"`` leaves
them out locally; ``make test`` runs them. The other tests pin how a pipeline is found.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

import pipeline
from pipeline import extract
from pipeline.batch.inputs import read_inputs
from pipeline.cli import app
from pipeline.extract import (DEFAULT_MODEL, MODEL_ENV, NoPipelineError, extract_records, model_directory,
                              resolve_model)
from pipeline.package_meta import PIPELINE_NAME, PIPELINE_PACKAGE
from tests.conftest import ROOT

MODEL = ROOT / "models" / "hmicfrs"
ARTICLE = ROOT / "corpus" / "articles" / "seeds" / "001_18683f044c6e4a0d.txt"
VERSION = pipeline.__version__


def _pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


# --- which pipeline runs -----------------------------------------------------------------------

@pytest.fixture
def no_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No environment variable, no installed package, no built pipeline in the checkout."""
    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.setattr(extract, "installed_pipelines", lambda: [])
    missing = tmp_path / "checkout" / "models" / "hmicfrs"
    monkeypatch.setattr(extract, "PROJECT_MODEL", missing)
    return missing


def _pipeline_dir(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "config.cfg").write_text("[nlp]\n", encoding="utf-8")
    return path


def test_a_directory_with_a_config_is_a_pipeline(no_default: Path, tmp_path: Path) -> None:
    built = _pipeline_dir(tmp_path / "mine")
    assert resolve_model(built) == built
    assert resolve_model(str(built)) == built  # a str that is a directory is a path
    assert model_directory(str(built)) == built


def test_an_installed_package_is_found_by_its_name(no_default: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "installed_pipelines", lambda: [DEFAULT_MODEL])
    assert resolve_model(DEFAULT_MODEL) == DEFAULT_MODEL
    assert resolve_model(None) == DEFAULT_MODEL  # and it is the default


def test_a_name_nobody_installed_is_a_clear_error(no_default: Path) -> None:
    with pytest.raises(NoPipelineError) as caught:
        resolve_model("en_nothing")
    message = str(caught.value)
    assert message.startswith("no pipeline at en_nothing: not a directory holding config.cfg")
    assert "installed: none" in message and "make models" in message and "\n" not in message


def test_the_environment_variable_comes_first(no_default: Path, monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    chosen = _pipeline_dir(tmp_path / "chosen")
    _pipeline_dir(no_default)
    monkeypatch.setattr(extract, "installed_pipelines", lambda: [DEFAULT_MODEL])
    monkeypatch.setenv(MODEL_ENV, str(chosen))
    assert resolve_model() == chosen
    assert resolve_model(no_default) == no_default  # what is given explicitly wins over the variable
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "typo"))
    with pytest.raises(NoPipelineError, match=f"^no pipeline at {MODEL_ENV}="):
        resolve_model()  # a variable that points nowhere is an error, not a silent fall-back


def test_without_a_package_the_checkout_model_is_used_from_any_directory(
        no_default: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _pipeline_dir(no_default)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert resolve_model() == no_default


def test_no_pipeline_anywhere_lists_what_was_tried(no_default: Path) -> None:
    with pytest.raises(NoPipelineError) as caught:
        resolve_model()
    message = str(caught.value)
    for tried in (f"${MODEL_ENV} (not set)", f"{DEFAULT_MODEL} (not installed)", f"{no_default} (not built)",
                  f"install dist/{DEFAULT_MODEL}-*.whl", "make models"):
        assert tried in message


def test_the_real_default_is_not_relative_to_the_working_directory(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    resolved = resolve_model()
    if isinstance(resolved, Path):
        assert resolved.is_absolute() and resolved == MODEL
    else:  # make installs the package into the project's venv
        assert resolved == DEFAULT_MODEL


def test_the_command_line_takes_the_pipeline_from_the_environment_variable(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv(MODEL_ENV, str(MODEL))
    result = CliRunner().invoke(app, ["extract", str(article), "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "out" / "shard-00000.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1 and records[0]["findings"]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pipeline"]["model"] == str(MODEL)  # what the workers were told to load
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "nowhere"))
    result = CliRunner().invoke(app, ["extract", str(article), "-o", str(tmp_path / "out2.jsonl")])
    assert result.exit_code == 1
    assert result.output.startswith(f"no pipeline at {MODEL_ENV}=") and result.output.count("\n") == 1


# --- what the built pipeline says about itself -------------------------------------------------

def test_the_built_pipeline_has_the_project_name_version_and_requirement() -> None:
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    project = _pyproject()
    assert (meta["lang"], meta["name"], meta["version"]) == ("en", PIPELINE_NAME, VERSION)
    assert f"{meta['lang']}_{meta['name']}" == PIPELINE_PACKAGE == DEFAULT_MODEL
    assert meta["requirements"] == [f"{project['name']}=={VERSION}"]
    assert meta["license"] == project["license"]
    assert meta["author"] == project["authors"][0]["name"]
    assert meta["description"] and meta["url"] == project["urls"]["Homepage"]


def test_the_version_is_written_once() -> None:
    project = _pyproject()
    assert "version" not in project and "version" in project["dynamic"]
    assert f"## [{VERSION}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_package_ships_the_config_the_makefile_assembles() -> None:
    assert extract.CONFIG_PATH == ROOT / "pipeline" / "configs" / "hmicfrs.cfg"
    assert extract.CONFIG_PATH.read_bytes() == (ROOT / "configs" / "hmicfrs.cfg").read_bytes()


# --- the wheels, installed into a new environment ----------------------------------------------

@dataclass
class Installed:
    wheels: list[Path]
    bin: Path  # the new environment's scripts
    elsewhere: Path  # a folder that is not the checkout, holding article.txt
    env: dict[str, str]  # no PYTHONPATH: the environment imports only what it installed

    def run(self, *command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """``command`` run from the unrelated folder, in the new environment (plus ``env``)."""
        return subprocess.run(list(command), cwd=self.elsewhere, env={**self.env, **(env or {})},
                              capture_output=True, text=True, timeout=600)

    def python(self, code: str) -> Any:
        """What ``code`` prints as JSON, run by the new environment's Python."""
        result = self.run(str(self.bin / "python"), "-c", code)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("install")
    dist = base / "dist"
    built = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_dist.py"), "--model", str(MODEL),
                            "--out", str(dist)], capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stderr
    wheels = sorted(dist.glob("*.whl"))
    venv.create(base / "venv", with_pip=True)
    bin_dir = base / "venv" / "bin"
    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTHONPATH", "VIRTUAL_ENV", MODEL_ENV, "PYTHONHOME"}}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    pip = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--no-compile", *map(str, wheels)],
                         env=env, capture_output=True, text=True, timeout=1800)
    assert pip.returncode == 0, pip.stderr
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "article.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    return Installed(wheels, bin_dir, elsewhere, env)


def _wheel(installed: Installed, prefix: str) -> zipfile.ZipFile:
    [path] = [w for w in installed.wheels if w.name.startswith(f"{prefix}-{VERSION}-")]
    return zipfile.ZipFile(path)


def _metadata(wheel: zipfile.ZipFile) -> str:
    [name] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return wheel.read(name).decode("utf-8")


@pytest.mark.install
def test_dist_holds_the_project_and_its_pipeline_package(installed: Installed) -> None:
    assert sorted(w.name for w in installed.wheels) == [f"{PIPELINE_PACKAGE}-{VERSION}-py3-none-any.whl",
                                                        f"hmicfrs_extract-{VERSION}-py3-none-any.whl"]
    project = _metadata(_wheel(installed, "hmicfrs_extract"))
    assert f"\nVersion: {VERSION}\n" in project and "\nLicense-Expression: MIT\n" in project
    assert "\nClassifier: Typing :: Typed\n" in project and "\nProject-URL: " in project
    package = _metadata(_wheel(installed, PIPELINE_PACKAGE))
    assert f"\nVersion: {VERSION}\n" in package
    assert f"\nRequires-Dist: hmicfrs-extract=={VERSION}\n" in package  # so its factories resolve
    for prefix in ("hmicfrs_extract", PIPELINE_PACKAGE):
        assert f"{prefix}-{VERSION}.dist-info/licenses/LICENSE" in _wheel(installed, prefix).namelist()


@pytest.mark.install
def test_the_project_wheel_holds_every_file_of_the_package(installed: Installed) -> None:
    in_wheel = set(_wheel(installed, "hmicfrs_extract").namelist())
    in_tree = {path.relative_to(ROOT).as_posix() for path in (ROOT / "pipeline").rglob("*")
               if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"}
    data = {name for name in in_tree if not name.endswith(".py")}
    assert {"pipeline/py.typed", "pipeline/configs/hmicfrs.cfg", "pipeline/kb/vocabulary.ttl"} <= data
    assert in_tree - in_wheel == set()


@pytest.mark.install
def test_the_installed_command_extracts_from_any_folder(installed: Installed, nlp: Language,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    result = installed.run(str(installed.bin / "hmicfrs-extract"), "extract", "article.txt", "-o", "out.jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in (installed.elsewhere / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1 and records[0]["findings"] and records[0]["spans"]
    monkeypatch.chdir(installed.elsewhere)  # the same input, read the same way, by the checkout's pipeline
    assert records == list(extract_records(nlp, read_inputs([Path("article.txt")])))


@pytest.mark.install
def test_spacy_lists_and_loads_the_installed_pipeline(installed: Installed, nlp: Language) -> None:
    found = installed.python(
        "import json, spacy\n"
        "from pipeline.extract import model_directory, resolve_model\n"
        f"nlp = spacy.load({PIPELINE_PACKAGE!r})\n"
        "print(json.dumps({'installed': spacy.util.get_installed_models(), 'name': nlp.meta['name'],\n"
        "                  'version': nlp.meta['version'], 'pipes': nlp.pipe_names,\n"
        "                  'default': str(resolve_model()), 'directory': str(model_directory())}))")
    assert PIPELINE_PACKAGE in found["installed"]
    assert (found["name"], found["version"]) == (PIPELINE_NAME, VERSION)
    assert found["pipes"] == nlp.pipe_names
    assert found["default"] == PIPELINE_PACKAGE
    assert Path(found["directory"]).name == f"{PIPELINE_PACKAGE}-{VERSION}"
    assert not Path(found["directory"]).is_relative_to(ROOT)


@pytest.mark.install
def test_the_shipped_config_assembles_the_same_pipeline(installed: Installed, nlp: Language,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The config and rule data in the wheel are all it takes to build the pipeline again."""
    config = installed.python("import json\nfrom pipeline.extract import CONFIG_PATH\nprint(json.dumps(str(CONFIG_PATH)))")
    assert not Path(config).is_relative_to(ROOT)
    built = installed.elsewhere / "assembled"
    assembled = installed.run(str(installed.bin / "python"), "-m", "spacy", "assemble", config, str(built))
    assert assembled.returncode == 0, assembled.stderr + assembled.stdout
    assert json.loads((built / "meta.json").read_text(encoding="utf-8"))["version"] == VERSION
    ran = installed.run(str(installed.bin / "hmicfrs-extract"), "extract", "article.txt", "-o", "assembled.jsonl",
                        "--model", str(built))
    assert ran.returncode == 0, ran.stderr
    records = [json.loads(line) for line in (installed.elsewhere / "assembled.jsonl").read_text(encoding="utf-8").splitlines()]
    monkeypatch.chdir(installed.elsewhere)
    assert records == list(extract_records(nlp, read_inputs([Path("article.txt")])))


@pytest.mark.install
def test_a_wrong_pipeline_is_one_line_and_exit_1(installed: Installed) -> None:
    result = installed.run(str(installed.bin / "hmicfrs-extract"), "extract", "article.txt", "-o", "never.jsonl",
                           env={MODEL_ENV: "no/such/pipeline"})
    assert result.returncode == 1
    assert result.stderr.startswith(f"no pipeline at {MODEL_ENV}=no/such/pipeline: ")
    assert result.stderr.count("\n") == 1 and f"installed: {PIPELINE_PACKAGE}" in result.stderr


@pytest.mark.install
def test_the_issue_14_command_prints_dated_records_to_stdout(installed: Installed) -> None:
    """`hmicfrs-extract extract some.txt --date 2019-03-01 -o -` from an unrelated folder, as a user types it."""
    (installed.elsewhere / "some.txt").write_text(  # no date marker in the text: the date comes from --date
        "Kent Police is failing to record almost one in four crimes, according to a report by HM Inspectorate of "
        "Constabulary. The force recorded 83.6% of crimes reported to it.\n", encoding="utf-8")
    result = installed.run(str(installed.bin / "hmicfrs-extract"), "extract", "some.txt", "--date", "2019-03-01",
                           "-o", "-")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]  # stdout holds records only
    assert [r["id"] for r in records] == ["some"]
    assert records[0]["date"] == "2019-03-01" and records[0]["findings"]
    assert "Traceback" not in result.stderr


@pytest.mark.install
def test_the_installed_kb_with_no_store_fails_clearly_and_creates_nothing(installed: Installed) -> None:
    result = installed.run(str(installed.bin / "hmicfrs-extract"), "kb", "force", "kent", "--store", "no-store-here")
    assert result.returncode == 1
    assert "no knowledge base at no-store-here" in result.stderr and "Traceback" not in result.stderr
    assert not (installed.elsewhere / "no-store-here").exists()


@pytest.mark.install
def test_the_installed_version_flag_names_the_version(installed: Installed) -> None:
    result = installed.run(str(installed.bin / "hmicfrs-extract"), "--version")
    assert result.returncode == 0 and VERSION in result.stdout
