"""What runs where the pipeline is loaded: plain tuples in, finished JSON lines out.

Workers (a local process pool, Dask workers, or the main process) load the pipeline once
and turn whole chunks of articles into records themselves, so no ``Doc`` (and none of its
``._`` attributes or per-doc caches) ever crosses a process boundary: what travels is
``(id, text, date, source)`` one way and the record's JSON line the other. A document
that makes a component raise becomes a failed ``DocResult``; the rest of its chunk goes on.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import resource
import signal
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Callable, NamedTuple

import spacy
from spacy.language import Language

import pipeline
from pipeline.by_component import batches
from pipeline.extract import article_chars, extraction_zone, load_pipeline, model_directory, records_of
from pipeline.io import Article, encode_record

# (id, text, date, source): what a worker needs of an article, cheap to pickle.
Payload = tuple[str, str, "str | None", str]
Loader = Callable[[str], Language]

PACKAGE_DIR = Path(pipeline.__file__).resolve().parent
# Package modules that never change a record, left out of the version so editing them does not
# make a resumed run reprocess everything. Everything else in the package counts.
_NOT_IN_VERSION = {"batch", "cli.py", "report.py", "evaluate.py", "gold.py", "baselines.py"}


class DocResult(NamedTuple):
    doc_id: str
    line: bytes | None  # the SCHEMA §3 record as one JSON line (UTF-8); None when the pipeline raised
    labels: dict[str, int]  # entity labels and finding types, for the run's summary
    findings: dict[str, int]
    error_type: str | None = None
    error_message: str | None = None
    error_code: str | None = None  # ``pipeline_error`` (a component raised) or ``worker_failed``


class ChunkResult(NamedTuple):
    results: list[DocResult]
    pid: int  # which worker process, and its peak memory so far: the run reports both
    peak_rss_mb: float


def default_loader(model: str) -> Language:
    """The built pipeline, once per process (``load_pipeline`` caches it): a directory or an installed package."""
    return load_pipeline(model)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process_chunk(nlp: Language, payloads: list[Payload]) -> ChunkResult:
    """``_process_chunk`` in one memory zone: the chunk's new words are freed after it, so memory stays flat."""
    with extraction_zone(nlp):
        return _process_chunk(nlp, payloads)


def _process_chunk(nlp: Language, payloads: list[Payload]) -> ChunkResult:
    """Records for a chunk, exactly as ``extract_records`` makes them (batches of ``nlp.batch_size``, run
    component by component), one document's failure its own."""
    results = []
    articles = [Article(doc_id, text, date, source) for doc_id, text, date, source in payloads]
    for batch in batches(articles, article_chars, nlp.batch_size):
        for article, record in zip(batch, records_of(nlp, batch)):
            if isinstance(record, Exception):
                results.append(_failed(article.id, record))
                continue
            try:
                line = encode_record(record)
            except Exception as err:  # noqa: BLE001 - one bad document must not stop the batch
                results.append(_failed(article.id, err))
                continue
            labels = Counter(span["label"] for span in record["spans"])
            findings = Counter(finding["type"] for finding in record["findings"])
            results.append(DocResult(article.id, line, dict(labels), dict(findings)))
    return ChunkResult(results, os.getpid(), peak_rss_mb())


def _failed(doc_id: str, err: Exception) -> DocResult:
    return DocResult(doc_id, None, {}, {}, type(err).__name__, str(err), "pipeline_error")


# --- a local worker process: the pipeline loaded once by the pool's initializer -------------
_NLP: Language | None = None


def init_process(model: str, loader: Loader, parent: int | None = None) -> None:
    """Load the pipeline once; and make sure this worker ends when ``parent`` (the run) does."""
    global _NLP
    if parent is not None:
        die_with_parent(parent)
    _NLP = loader(model)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int, poll_seconds: float = 1.0) -> None:
    """End this process when ``parent`` dies, even by SIGKILL (which lets it clean nothing up).

    On Linux the kernel sends SIGKILL on the parent's death (``prctl(PR_SET_PDEATHSIG)``); it is
    set after the process started, so a parent that died before is caught by comparing
    ``getppid()``. Elsewhere (and as a second guard) a daemon thread polls ``getppid()``: once
    the parent is gone the worker is re-parented and stops itself."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the thread below still watches
            pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            threading.Event().wait(poll_seconds)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def run_in_process(payloads: list[Payload]) -> ChunkResult:
    assert _NLP is not None, "init_process did not run in this worker"
    return process_chunk(_NLP, payloads)


def pipeline_version(model: str | Path | None) -> str:
    """The package version plus a fingerprint of the built model and of the code and data that
    make records: a resumed run reprocesses a document when this changes. ``model`` is what
    ``resolve_model`` takes; an installed package is fingerprinted by the pipeline data inside it."""
    digest = hashlib.sha256(f"spacy {spacy.__version__}\n".encode())
    for root, include in ((model_directory(model), lambda rel: True), (PACKAGE_DIR, _counts_for_version)):
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            rel = path.relative_to(root)
            if include(rel):
                digest.update(f"{root.name}/{rel.as_posix()}\n".encode())
                digest.update(path.read_bytes())
    return f"{pipeline.__version__}+{digest.hexdigest()[:16]}"


def _counts_for_version(rel: Path) -> bool:
    return (rel.parts[0] not in _NOT_IN_VERSION and "__pycache__" not in rel.parts
            and rel.suffix in {".py", ".json", ".jsonl", ".txt"})
