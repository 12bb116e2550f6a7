"""Loads that a kill cannot cost: a `kb load` SIGKILLed mid-way (bulk or not) leaves a store that answers
reads, and the same load run again completes with every article present."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.kb import KnowledgeBase
from pipeline.kb.store import DIRTY_FACT, PENDING_GRAPH
from tests.conftest import GOLD, ROOT

ARTICLES = 1000


def replicated(path: Path) -> list[str]:
    """The gold records repeated under new ids, so facts gain many sources; the ids written."""
    records = [json.loads(line) for split in ("seeds", "dev", "test")
               for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = []
    with path.open("w", encoding="utf-8") as handle:
        for n in range(ARTICLES):
            record = dict(records[n % len(records)], id=f"{records[n % len(records)]['id']}~{n}")
            ids.append(record["id"])
            handle.write(json.dumps(record) + "\n")
    return ids


def kb_command(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "kb", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize("mode", ["--bulk", "--no-bulk"])
def test_a_killed_load_leaves_a_readable_store_and_the_rerun_completes(tmp_path: Path, mode: str) -> None:
    records = tmp_path / "many.jsonl"
    ids = replicated(records)
    store = tmp_path / "kb"
    load = kb_command("load", str(records), "--store", str(store), mode, "--pipeline-version", "gold")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and sum(f.stat().st_size for f in store.glob("*.sst")) < 500_000:
        assert load.poll() is None, load.communicate()  # killed mid-way, not after the end
        time.sleep(0.05)
    load.send_signal(signal.SIGKILL)
    load.wait()
    read = kb_command("rates", "--year", "2017", "--store", str(store), "-f", "csv")
    out, err = read.communicate(timeout=120)
    assert read.returncode == 0 and "Traceback" not in err, err
    with KnowledgeBase(store) as kb:
        held = kb.counts()["articles"]
    assert held < ARTICLES  # the kill was mid-way
    rerun = kb_command("load", str(records), "--store", str(store), mode, "--pipeline-version", "gold")
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    with KnowledgeBase(store) as kb:
        assert kb.counts()["articles"] == ARTICLES
        stored = {row["id"].value for row in kb.query(
            "SELECT ?id WHERE { GRAPH ?g { ?a a schema:NewsArticle ; dcterms:identifier ?id } }")}
        assert stored == set(ids)
        assert not list(kb.store.quads_for_pattern(None, DIRTY_FACT, None, None))
        assert not list(kb.store.quads_for_pattern(None, PENDING_GRAPH, None, None))
        [[sources]] = kb.table("SELECT (MAX(?n) AS ?m) WHERE { ?f hx:sourceCount ?n }").rows
        assert int(sources) > 20  # replicated: facts with many sources
