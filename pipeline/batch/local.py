"""Running chunks on this machine: in this process, or in a pool of worker processes.

Why a process pool of our own rather than ``nlp.pipe(n_process=N)``: each worker turns
its documents into finished records, so only plain tuples and strings are pickled (no
``Doc``, no ``user_data``, no extension registration in children), a component that
raises fails one document instead of a whole ``nlp.pipe`` batch, a worker that dies is
replaced, and the same chunk function serves Dask. Workers are started with ``spawn``
(no state inherited from a parent holding SQLite and progress threads) and load the
pipeline once, in the pool's initializer.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Iterator, TypeVar

from pipeline.batch.worker import ChunkResult, DocResult, Loader, Payload, init_process, process_chunk, run_in_process

Meta = TypeVar("Meta")


class ChunkRunner:
    """Chunks in, results out in submission order, at most ``window`` chunks in flight.

    Ordered output keeps the records in input order whatever finishes first; the window
    bounds what is held (submitted chunks and finished ones waiting for an earlier one).
    A chunk that fails as a whole (its worker died, the cluster lost it) is retried one
    document at a time, so only a document that fails again on its own is quarantined."""

    window = 1
    description: dict[str, Any] = {}

    def submit(self, payloads: list[Payload]) -> Any:
        raise NotImplementedError

    def recover(self, future: Any, error: BaseException) -> None:
        """Called after a chunk failed as a whole, before it is retried."""

    def close(self) -> None:
        pass

    def __enter__(self) -> "ChunkRunner":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def map_ordered(self, chunks: Iterator[tuple[Meta, list[Payload]]]) -> Iterator[tuple[Meta, ChunkResult]]:
        pending: deque[tuple[Meta, list[Payload], Any]] = deque()
        for meta, payloads in chunks:
            pending.append((meta, payloads, self.submit(payloads) if payloads else _done(ChunkResult([], 0, 0.0))))
            if len(pending) >= self.window:
                yield self._collect(*pending.popleft())
        while pending:
            yield self._collect(*pending.popleft())

    def _collect(self, meta: Meta, payloads: list[Payload], future: Any) -> tuple[Meta, ChunkResult]:
        try:
            return meta, future.result()
        except Exception as err:  # noqa: BLE001 - isolate below, document by document
            self.recover(future, err)
        results: list[DocResult] = []
        last = ChunkResult([], 0, 0.0)
        for payload in payloads:
            future = self.submit([payload])
            try:
                last = future.result()
                results.extend(last.results)
            except Exception as err:  # noqa: BLE001
                self.recover(future, err)
                results.append(DocResult(payload[0], None, {}, {}, type(err).__name__,
                                         f"the worker failed while processing this document: {err}",
                                         "worker_failed"))
        return meta, ChunkResult(results, last.pid, last.peak_rss_mb)


def _done(value: Any) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


class SerialRunner(ChunkRunner):
    """The pipeline in this process: no start-up cost, no pickling; the default for ``--workers 1``."""

    def __init__(self, model: str, loader: Loader) -> None:
        self.nlp = loader(model)
        self.description = {"runner": "local", "workers": 1}

    def submit(self, payloads: list[Payload]) -> Future:
        future: Future = Future()
        try:
            future.set_result(process_chunk(self.nlp, payloads))
        except Exception as err:  # noqa: BLE001
            future.set_exception(err)
        return future


class ProcessRunner(ChunkRunner):
    """A pool of ``workers`` processes, each loading the pipeline once; a broken pool is replaced."""

    def __init__(self, model: str, loader: Loader, workers: int) -> None:
        self.model, self.loader, self.workers = model, loader, workers
        self.window = 2 * workers + 2
        self.description = {"runner": "processes", "workers": workers}
        self.generation = 0
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=init_process, initargs=(self.model, self.loader, os.getpid()))

    def submit(self, payloads: list[Payload]) -> Future:
        future = self.pool.submit(run_in_process, payloads)
        future.generation = self.generation  # type: ignore[attr-defined]
        return future

    def recover(self, future: Any, error: BaseException) -> None:
        # Only the pool that broke is replaced: later failures of its other futures find a new one.
        if isinstance(error, BrokenProcessPool) and getattr(future, "generation", None) == self.generation:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.generation += 1
            self.pool = self._start()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
