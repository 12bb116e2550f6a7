"""`kb serve`: the store over the SPARQL 1.1 Protocol through Oxigraph's own server, read-only. Started
on a free localhost port, asked over HTTP with urllib, stopped with Ctrl-C (SIGINT)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.kb.cli import oxigraph_binary
from tests.conftest import GOLD, ROOT

runner = CliRunner()


def _sigint_at_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_refuses_a_missing_store_in_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["kb", "serve", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no knowledge base at" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "none").exists()


@pytest.mark.skipif(oxigraph_binary() is None, reason="Oxigraph's server is not installed (the [serve] extra)")
def test_serve_answers_sparql_over_http_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    store = tmp_path / "kb"
    lines = [line for line in (GOLD / "seeds.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    records = tmp_path / "seeds.jsonl"
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["kb", "load", str(records), "--store", str(store)]).exit_code == 0
    bind = f"127.0.0.1:{free_port()}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Ctrl-C as from a terminal: SIGINT at its default in the server's process even when this test runs in a
    # background job, whose shell makes every command it starts ignore SIGINT (and an ignored SIGINT is inherited).
    server = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "kb", "serve", "--store", str(store),
                               "--bind", bind], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                              cwd=ROOT, preexec_fn=_sigint_at_default)
    try:
        sparql = ("PREFIX hx: <https://w3id.org/hmicfrs-extract/vocab#> SELECT (COUNT(?a) AS ?n) "
                  "WHERE { ?a a <https://schema.org/NewsArticle> }")
        url = f"http://{bind}/query?" + urllib.parse.urlencode({"query": sparql})
        answer = None
        for _ in range(200):
            try:
                request = urllib.request.Request(url, headers={"Accept": "text/csv"})
                with urllib.request.urlopen(request, timeout=5) as response:
                    answer = response.read().decode("utf-8")
                break
            except OSError:
                assert server.poll() is None, server.communicate()
                time.sleep(0.1)
        assert answer is not None
        assert list(csv.reader(io.StringIO(answer)))[1] == [str(len(lines))]
        update = urllib.request.Request(f"http://{bind}/update", data=b"CLEAR ALL", method="POST",
                                        headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError):  # read-only: no update endpoint
            urllib.request.urlopen(update, timeout=5)
        with urllib.request.urlopen(urllib.request.Request(
                f"http://{bind}/query?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}),
                headers={"Accept": "application/sparql-results+json"}), timeout=5) as response:
            assert json.loads(response.read())["boolean"] is True
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    assert f"http://{bind}/query" in out
    assert server.returncode == 0, err
    assert "Traceback" not in err
