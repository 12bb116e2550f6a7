"""Extraction at volume: streamed inputs, worker processes or a Dask cluster, sharded output,
a quarantine for bad documents and a ledger that makes a killed run resumable.

One module per concern: ``inputs`` (finding and reading documents), ``worker`` (what runs
where the pipeline is loaded), ``local`` (one process or a process pool), ``dask_runner``
(a Dask cluster), ``shards`` (output files, quarantine, manifest), ``ledger`` (what is done),
``progress`` (bar or log lines) and ``engine`` (the loop that ties them together).
"""
