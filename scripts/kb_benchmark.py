"""Knowledge-base benchmark: load time, peak RSS of the load, store size on disk, and each canned command's
latency, at several numbers of articles, for replicated articles (the same records under new ids, so each
fact gains hundreds of sources) and distinct ones (forces and years varied, so facts stay small).

    python scripts/kb_benchmark.py                                   # 1k, 10k, 20k; both modes; gold records
    python scripts/kb_benchmark.py --records out/test.jsonl --sizes 1000,20000 --modes replicated

Each load runs as its own ``hmicfrs-extract kb load`` process into a fresh store (its peak RSS read with
wait4); each command runs as its own process too (wall time, start-up included) and in-process (the
question alone, after the store is open). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMMANDS: dict[str, list[str]] = {
    "rates": ["rates", "--year", "2017"],
    "force": ["force", "kent"],
    "conflicts": ["conflicts"],
    "officials": ["officials"],
}


def base_records(paths: list[Path]) -> list[dict[str, Any]]:
    return [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def variants(records: list[dict[str, Any]], count: int, mode: str) -> Iterator[dict[str, Any]]:
    """``count`` records: the base ones under new ids; ``distinct`` also moves each copy's findings to
    another force and year, so copies do not support the same facts."""
    from pipeline.schema import FORCE_IDS

    for n in range(count):
        record = dict(records[n % len(records)])
        copy = n // len(records)
        record["id"] = f"{record['id']}~{copy}"
        if mode == "distinct" and copy:
            shift = copy % len(FORCE_IDS)
            findings = []
            for finding in record.get("findings", []):
                finding = dict(finding)
                for key in ("force", "organisation"):
                    if finding.get(key) in FORCE_IDS:
                        finding[key] = FORCE_IDS[(FORCE_IDS.index(finding[key]) + shift) % len(FORCE_IDS)]
                if isinstance(finding.get("year"), int):
                    finding["year"] = 1990 + (finding["year"] - 1990 + copy // len(FORCE_IDS)) % 36
                findings.append(finding)
            record["findings"] = findings
            record["text"] = record["text"] + f"\n[copy {copy}]"
        yield record


def run(args: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (MB) and exit code of one CLI process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "kb", *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=env, cwd=ROOT)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if process.stderr is not None:
        process.stderr.read()
    return seconds, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status)


def in_process(store: Path) -> dict[str, float]:
    """Each canned question's own time, the store already open."""
    from pipeline.kb import KnowledgeBase

    timings = {}
    with KnowledgeBase(store, create=False) as kb:
        for name, call in (("rates", lambda: kb.rates(2017)), ("force", lambda: kb.force_facts("kent")),
                           ("conflicts", kb.conflicts), ("officials", kb.officials)):
            started = time.perf_counter()
            call()
            timings[name] = time.perf_counter() - started
    return timings


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, nargs="*",
                        default=sorted((ROOT / "corpus" / "gold").glob("*.jsonl")),
                        help="the records to repeat (default: every gold split)")
    parser.add_argument("--sizes", default="1000,10000,20000", help="numbers of articles, comma-separated")
    parser.add_argument("--modes", default="replicated,distinct", help="replicated, distinct or both")
    parser.add_argument("--work", type=Path, default=None, help="where stores are made (default: a temp folder)")
    args = parser.parse_args()
    records = base_records(args.records)
    work = args.work or Path(tempfile.mkdtemp(prefix="kb-bench-"))
    print(f"{len(records)} base records; stores under {work}", file=sys.stderr)
    print("| mode | articles | load s | load peak RSS MB | store MB | "
          + " | ".join(f"{name} s (process / query)" for name in COMMANDS) + " |")
    print("|---|---:|---:|---:|---:|" + "---:|" * len(COMMANDS))
    for mode in args.modes.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            source = work / f"{mode}-{size}.jsonl"
            with source.open("w", encoding="utf-8") as handle:
                for record in variants(records, size, mode):
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            store = work / f"{mode}-{size}"
            seconds, rss, code = run(["load", str(source), "--store", str(store), "--pipeline-version", "bench"])
            if code not in (0, 3):
                print(f"load of {source} failed with exit {code}", file=sys.stderr)
                continue
            cells = []
            queries = in_process(store)
            for name, command in COMMANDS.items():
                wall, _rss, _code = run([*command, "--store", str(store)])
                cells.append(f"{wall:.2f} / {queries[name]:.2f}")
            print(f"| {mode} | {size:,} | {seconds:.0f} | {rss} | {size_mb(store):.0f} | " + " | ".join(cells) + " |",
                  flush=True)
            source.unlink()


if __name__ == "__main__":
    main()
