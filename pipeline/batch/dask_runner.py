"""Running chunks on a Dask cluster (``--dask ADDRESS``) or a local one (``--dask local``).

Each worker loads the pipeline once, in :class:`PipelinePlugin`'s ``setup`` (registered
with ``Client.register_plugin``, so workers that join later load it too), and every task
turns one chunk of articles into JSON lines with it. The client submits chunks through
the same ordered window as the local runners, so at most a few chunks per worker thread
are in flight and memory stays flat however long the input is; a failed task is retried
one document at a time and only documents that fail again are quarantined.

Workers need the package installed and the pipeline the client resolved: the same installed
pipeline package (``pip install dist/*.whl``), or a built pipeline at the same ``--model`` path.
Dask is an optional extra (``pip install 'hmicfrs-extract[dask]'``): importing this module
without it raises ``DaskNotInstalled``, which says so in one line.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from spacy.language import Language

DASK_MISSING = "Dask is not installed: pip install 'hmicfrs-extract[dask]'"


class DaskNotInstalled(RuntimeError):
    """``--dask`` without the optional Dask extra."""


try:
    from distributed import Client, LocalCluster, WorkerPlugin, get_worker
except ImportError:
    raise DaskNotInstalled(DASK_MISSING) from None

from pipeline.batch.local import ChunkRunner
from pipeline.batch.worker import ChunkResult, Loader, Payload, peak_rss_mb, pipeline_version, process_chunk

PLUGIN_NAME = "hmicfrs-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts (or when registered), never per task."""

    name = PLUGIN_NAME

    def __init__(self, model: str, loader: Loader) -> None:
        self.model, self.loader = model, loader
        self.nlp: Language | None = None
        self.version: str | None = None
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        # What travels to the workers: where the pipeline is, not a loaded one or a lock.
        return {"model": self.model, "loader": self.loader}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["model"], state["loader"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        self.nlp = self.loader(self.model)
        self.version = pipeline_version(self.model)

    def run(self, payloads: list[Payload]) -> ChunkResult:
        assert self.nlp is not None, "the pipeline plugin was not set up on this worker"
        # A worker with several threads shares one pipeline: one chunk at a time (the work
        # holds the GIL anyway; start workers with --nthreads 1 and more processes instead).
        with self.lock:
            return process_chunk(self.nlp, payloads)


def run_chunk_on_worker(payloads: list[Payload]) -> ChunkResult:
    """The task: the chunk through the pipeline this worker's plugin loaded."""
    return get_worker().plugins[PLUGIN_NAME].run(payloads)


def worker_state(dask_worker: Any) -> dict[str, Any]:
    plugin = dask_worker.plugins.get(PLUGIN_NAME)
    return {"version": getattr(plugin, "version", None), "peak_rss_mb": peak_rss_mb()}


class DaskRunner(ChunkRunner):
    def __init__(self, address: str, model: str, loader: Loader, local_workers: int = 2,
                 processes: bool = True, wait_for_workers: float = 120.0) -> None:
        self.cluster: LocalCluster | None = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=local_workers, threads_per_worker=1, processes=processes,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address, timeout="30s")
        try:
            self.client.wait_for_workers(1, timeout=wait_for_workers)
            self.client.register_plugin(PipelinePlugin(model, loader))
            self._check_versions(pipeline_version(model))
        except BaseException:
            self.close()
            raise
        threads = sum(self.client.nthreads().values())
        self.window = max(4, 2 * threads)
        self.description = {"runner": "dask", "scheduler": "local" if self.cluster else address,
                            "workers": len(self.client.nthreads()), "threads": threads}

    def _check_versions(self, expected: str) -> None:
        """Every worker must make the records this client's pipeline makes, or the ledger would lie."""
        states = self.client.run(worker_state)
        wrong = {addr: s["version"] for addr, s in states.items() if s["version"] != expected}
        if wrong:
            raise RuntimeError(f"Dask workers run another pipeline version than this client ({expected}): {wrong}")

    def submit(self, payloads: list[Payload]) -> Any:
        return self.client.submit(run_chunk_on_worker, payloads, pure=False)

    def worker_peaks(self) -> dict[str, float]:
        """Peak RSS (MB) of each worker process, as each reports it."""
        return {addr: s["peak_rss_mb"] for addr, s in self.client.run(worker_state).items()}

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
