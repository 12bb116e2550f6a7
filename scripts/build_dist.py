"""Build the two wheels a user installs: the project (``hmicfrs-extract``) and its pipeline package
(``en_hmicfrs``, made by ``spacy package`` from the built pipeline, requiring the project's version).

    python scripts/build_dist.py [--model models/hmicfrs] [--out dist] [--only project|pipeline]

``make dist`` runs it after ``make models``; ``make run``/``make test`` build the pipeline wheel alone
to install it into the project's venv; tests/test_install.py builds both into a temporary folder.
Each wheel is built from a clean copy of what it needs (never in the checkout, where setuptools
would leave build/ behind and could pack a stale file from it).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the package of this checkout, whatever the venv holds

from pipeline import __version__  # noqa: E402
from pipeline.package_meta import PIPELINE_NAME, PIPELINE_PACKAGE  # noqa: E402

# What building the project wheel reads; pipeline/configs/hmicfrs.cfg (a link) is copied as a file.
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE")
PROJECT_DIRS = ("pipeline",)


class BuildError(RuntimeError):
    """A step failed; its message says which and how to fix it."""


def _run(command: list[str], cwd: Path | None = None) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"{' '.join(command)} failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")


def _pip_wheel(source: Path, out: Path, prefix: str) -> Path:
    """The one wheel pip builds from ``source``, moved into ``out`` (replacing one of the same name)."""
    with tempfile.TemporaryDirectory(prefix="hmicfrs-wheel-") as tmp:
        _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp, str(source)])
        found = sorted(Path(tmp).glob(f"{prefix}-{__version__}-*.whl"))
        if len(found) != 1:
            raise BuildError(f"expected one {prefix}-{__version__} wheel from {source}, "
                             f"found {sorted(p.name for p in Path(tmp).iterdir())}")
        target = out / found[0].name
        shutil.move(found[0], target)
    return target


def build_project_wheel(out: Path) -> Path:
    """hmicfrs_extract-VERSION-py3-none-any.whl in ``out``."""
    with tempfile.TemporaryDirectory(prefix="hmicfrs-project-") as tmp:
        source = Path(tmp) / "hmicfrs-extract"
        source.mkdir()
        for name in PROJECT_FILES:
            shutil.copy(ROOT / name, source / name)
        for name in PROJECT_DIRS:
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        return _pip_wheel(source, out, "hmicfrs_extract")


def check_meta(model: Path) -> None:
    """The built pipeline must say it is this version of hmicfrs, or the package would lie about itself."""
    meta_path = model / "meta.json"
    if not meta_path.is_file():
        raise BuildError(f"no pipeline at {model} (no meta.json): run `make models` first")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    found = (meta.get("name"), meta.get("version"))
    if found != (PIPELINE_NAME, __version__):
        raise BuildError(f"{meta_path} says name {found[0]!r}, version {found[1]!r}, not {PIPELINE_NAME!r} "
                         f"{__version__!r}: rebuild it with `make models` (spacy assemble configs/hmicfrs.cfg {model})")


def build_pipeline_wheel(model: Path, out: Path) -> Path:
    """en_hmicfrs-VERSION-py3-none-any.whl in ``out``, from the built pipeline at ``model``."""
    check_meta(model)
    with tempfile.TemporaryDirectory(prefix="hmicfrs-pipeline-") as tmp:
        # The meta already names the package and its requirements; spaCy is required through hmicfrs-extract.
        _run([sys.executable, "-m", "spacy", "package", str(model), tmp, "--build", "none", "--force",
              "--no-require-parent"])
        package_dir = Path(tmp) / f"{PIPELINE_PACKAGE}-{__version__}"
        shutil.copy(ROOT / "LICENSE", package_dir / "LICENSE")  # setuptools puts it in the wheel's metadata
        return _pip_wheel(package_dir, out, PIPELINE_PACKAGE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "hmicfrs", help="the built pipeline")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the wheels go")
    parser.add_argument("--only", choices=("project", "pipeline"), help="build one wheel only")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out.resolve()
    try:
        wheels = []
        if args.only != "pipeline":
            wheels.append(build_project_wheel(out))
        if args.only != "project":
            wheels.append(build_pipeline_wheel(args.model, out))
    except BuildError as err:
        print(f"build_dist: {err}", file=sys.stderr)
        return 1
    for wheel in wheels:
        print(f"built {wheel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
