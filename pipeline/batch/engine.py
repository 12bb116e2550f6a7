"""The batch loop: inputs → chunks → a runner → records in input order → a sink, with accounting.

Whatever runs the chunks (this process, a process pool, Dask), the same chunks come back
in the same order and are written the same way, so every runner produces the same bytes.
Every document read is counted exactly once, as extracted, quarantined or already done,
and the run checks that the three add up to what it read.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple, Union

import spacy

from pipeline.batch import worker as worker_module
from pipeline.batch.inputs import SeenIds, content_hash, estimate_total, iter_inputs
from pipeline.batch.ledger import Ledger
from pipeline.batch.local import ChunkRunner, ProcessRunner, SerialRunner
from pipeline.batch.progress import Progress
from pipeline.batch.shards import JsonlFileSink, QuarantineWriter, ShardSink, StdoutSink, now
from pipeline.batch.worker import Loader, Payload, pipeline_version
from pipeline.extract import resolve_model
from pipeline.io import DEFAULT_MAX_CHARS, Article, InputProblem

Sink = Union[JsonlFileSink, ShardSink, StdoutSink]


@dataclass
class BatchOptions:
    model: str | Path | None = None  # a pipeline directory or package name; None: resolve_model's default
    max_chars: int = DEFAULT_MAX_CHARS
    # Documents per task, large enough that pickling and scheduling are noise: None is 64 on
    # this machine and 256 on Dask, whose per-task cost (scheduler, comms) is higher; 256
    # documents are about half a second of work, inside Dask's advice of 0.1-1 s a task.
    chunk_size: int | None = None
    workers: int = 1
    dask: str | None = None  # a scheduler address, or "local"
    dask_workers: int = 2  # for --dask local
    dask_processes: bool = True  # False: threads in this process (tests)
    log_every: float = 10.0
    progress: bool | None = None  # None: a bar when stderr is a terminal, log lines otherwise
    loader: Loader | None = None  # how workers load the pipeline; tests inject a failing component
    default_date: str | None = None  # YYYY-MM-DD for articles with no date of their own (extract --date)

    def chunk(self) -> int:
        return self.chunk_size or (256 if self.dask else 64)


@dataclass
class RunCounts:
    input: int = 0
    extracted: int = 0
    quarantined: int = 0
    skipped: int = 0  # already done in this folder with the same text and pipeline version
    labels: Counter = field(default_factory=Counter)
    findings: Counter = field(default_factory=Counter)
    quarantined_by_code: Counter = field(default_factory=Counter)
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)

    def adds_up(self) -> bool:
        return self.input == self.extracted + self.quarantined + self.skipped

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {key: dict(value) if isinstance(value, Counter) else value for key, value in data.items()}


class _Pending(NamedTuple):
    """A document sent to a worker: what is needed to file its result (not its text)."""
    doc_id: str
    digest: str
    where: str
    line: int | None


_SKIPPED = "already done"
Slot = Union[_Pending, InputProblem, str]


def _chunks(items: Iterator[Article | InputProblem], ledger: Ledger | None, version: str,
            chunk_size: int) -> Iterator[tuple[list[Slot], list[Payload]]]:
    """Input order kept in ``slots``; only documents to process go into ``payloads``. A chunk also
    ends after ``4 * chunk_size`` slots, so long runs of skipped or bad documents stay small."""
    slots: list[Slot] = []
    payloads: list[Payload] = []
    for item in items:
        if isinstance(item, InputProblem):
            slots.append(item)
        else:
            digest = content_hash(item)
            if ledger is not None and ledger.is_done(item.id, digest, version):
                slots.append(_SKIPPED)
            else:
                slots.append(_Pending(item.id, digest, item.path or item.source, item.line))
                payloads.append((item.id, item.text, item.date, item.source))
        if len(payloads) >= chunk_size or len(slots) >= 4 * chunk_size:
            yield slots, payloads
            slots, payloads = [], []
    if slots:
        yield slots, payloads


def make_runner(options: BatchOptions, model: str) -> ChunkRunner:
    """The runner whose workers load ``model``, the spec this process resolved (a path or a package name)."""
    loader = options.loader or worker_module.default_loader
    if options.dask:
        from pipeline.batch.dask_runner import DaskRunner  # only a Dask run pays for importing it

        return DaskRunner(options.dask, model, loader, options.dask_workers, options.dask_processes)
    if options.workers > 1:
        return ProcessRunner(model, loader, options.workers)
    return SerialRunner(model, loader)


def run_batch(inputs: Iterable[Path | str], sink: Sink, options: BatchOptions) -> RunCounts:
    """Extract every input document into ``sink``; bad ones go to the quarantine file beside it."""
    inputs = [str(path) for path in inputs]
    started, clock = now(), time.perf_counter()
    counts = RunCounts()
    quarantine = QuarantineWriter(sink.quarantine_path)
    seen = SeenIds()
    bar = Progress.wanted() if options.progress is None else options.progress
    try:
        model = check_model(options.model)
        version = pipeline_version(model)
        with make_runner(options, model) as runner:
            total = estimate_total(inputs) if bar else None
            progress = Progress(bar, total, options.log_every)
            items = iter_inputs(inputs, options.max_chars, seen, options.default_date)
            for slots, chunk in runner.map_ordered(_chunks(items, sink.ledger, version, options.chunk())):
                _file(slots, chunk.results, sink, quarantine, counts)
                if chunk.pid:
                    key = str(chunk.pid)
                    counts.worker_peak_rss_mb[key] = max(counts.worker_peak_rss_mb.get(key, 0.0), chunk.peak_rss_mb)
                progress.update(counts.input, counts.extracted, counts.skipped, counts.quarantined)
            progress.close(counts.extracted, counts.skipped, counts.quarantined)
            if hasattr(runner, "worker_peaks"):
                counts.worker_peak_rss_mb = runner.worker_peaks()  # by worker address, not pid
            description = runner.description
    except BaseException:
        quarantine.abort()
        sink.abort()
        raise
    finally:
        seen.close()
    if not counts.adds_up():  # pragma: no cover - a bug in this module, never the input's fault
        raise AssertionError(f"counts do not add up: {counts.as_dict()}")
    quarantine.finish()
    sink.finish({
        "pipeline": {"package": "hmicfrs-extract", "version": version, "model": model,
                     "spacy": spacy.__version__},
        "inputs": inputs,
        "options": {"shard_size": getattr(sink, "shard_size", None), "max_chars": options.max_chars,
                    "chunk_size": options.chunk(), **description},
        "run": {"started": started, "finished": now(), "seconds": round(time.perf_counter() - clock, 3),
                "counts": {"input": counts.input, "extracted": counts.extracted,
                           "quarantined": counts.quarantined, "skipped_already_done": counts.skipped},
                "quarantined_by_code": dict(counts.quarantined_by_code),
                "worker_peak_rss_mb": counts.worker_peak_rss_mb},
        "quarantine": {"path": sink.quarantine_path.name if counts.quarantined and sink.quarantine_path else None,
                       "documents": counts.quarantined},
    })
    return counts


def _file(slots: list[Slot], results: list[worker_module.DocResult], sink: Sink,
          quarantine: QuarantineWriter, counts: RunCounts) -> None:
    """Each slot of a finished chunk to its place, in input order."""
    pending = iter(results)
    for slot in slots:
        counts.input += 1
        if isinstance(slot, InputProblem):
            problem = slot
        elif isinstance(slot, _Pending):
            result = next(pending)
            assert result.doc_id == slot.doc_id, "a runner returned results out of order"
            if result.line is not None:
                sink.write(slot.doc_id, slot.digest, result.line)
                counts.extracted += 1
                counts.labels.update(result.labels)
                counts.findings.update(result.findings)
                continue
            problem = InputProblem(slot.where, f"pipeline failed on {slot.doc_id!r}: {result.error_type}: "
                                   f"{result.error_message}", slot.line, code=result.error_code or "pipeline_error",
                                   doc_id=slot.doc_id, error_type=result.error_type,
                                   error_message=result.error_message)
        else:
            counts.skipped += 1
            continue
        quarantine.add(problem)
        counts.quarantined += 1
        counts.quarantined_by_code[problem.code] += 1


def check_model(model: str | Path | None) -> str:
    """Fail before anything is written or started when there is no pipeline to run; else the spec
    every worker loads (a directory or an installed package name, see ``resolve_model``)."""
    return str(resolve_model(model))


def open_sink(output: Path | None, out_dir: Path | None, shard_size: int, model: str | Path | None) -> Sink:
    if out_dir is not None:
        return ShardSink(out_dir, shard_size, pipeline_version(model))
    assert output is not None
    return JsonlFileSink(output)

