"""Throughput and memory of batch extraction at scale, every configuration in one run.

Builds a corpus of ``--docs`` documents (the bundled articles replicated with new ids, as
one .jsonl.gz in a temporary folder) and runs, each in a fresh subprocess:

* ``spacy.blank("en")`` + sentencizer over the same texts: the floor any spaCy pipeline pays;
* the full pipeline in one process (``extract --out-dir``, ``--workers 1``);
* ``--workers 2`` (a pool of two worker processes);
* ``--dask local`` with two worker processes;
* the full pipeline on the first ``--small`` documents, for memory flatness (one process
  and two workers).

Throughput is wall-clock documents per second, because parallel runs are about wall time:
"steady" counts from the first shard written to the last (start-up excluded; shards are
written in input order, so their modification times are the pipeline's progress), "end to
end" is the whole command with interpreter start-up, pipeline loading and worker start-up.
Peak RSS is each process's own ``ru_maxrss``: the driver (reading, ordering, writing) and
each worker as it reports itself. The machine is shared and noisy: read ratios, not digits.

    python scripts/scale_benchmark.py [--docs 10000] [--small 1000] [--quick]

``--distinct`` measures memory on new text instead: each document is a bundled article with
its figures changed and made-up names and words added (so the vocabulary meets new words in
every document, as a real feed does), run through ``extract_records`` (what every runner
uses) in one process, with spaCy's memory zones and, for comparison, without (``--no-zones-up-to``
documents, 0: skip). It prints the process's resident memory at each checkpoint:

    python scripts/scale_benchmark.py --distinct [--checkpoints 1000,10000,100000] [--no-zones-up-to 10000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "hmicfrs"
SHARD_SIZE = 250


def build_corpus(path: Path, n_docs: int) -> None:
    """The bundled articles, replicated to ``n_docs`` JSONL lines with new ids."""
    sys.path.insert(0, str(ROOT))
    from pipeline.batch.inputs import read_inputs
    from pipeline.io import Article

    articles = [a for a in read_inputs([ROOT / "corpus" / "articles"]) if isinstance(a, Article)]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for i in range(n_docs):
            article = articles[i % len(articles)]
            handle.write(json.dumps({"id": f"scale-{i:06d}", "text": article.text, "date": article.date,
                                     "source": article.source}, ensure_ascii=False) + "\n")


_SYLLABLES = ["ba", "ke", "lor", "vin", "dra", "mu", "sel", "tor", "qui", "zan", "per", "wick", "ham", "ley", "ford", "ott"]


def _made_up(rng: Any, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def distinct_texts(n_docs: int, seed: int = 15) -> Any:
    """``n_docs`` (id, text, date) of new text: the bundled articles with every digit redrawn and, after
    each sentence, a made-up person and place with a figure, so each document brings words never seen."""
    import random

    sys.path.insert(0, str(ROOT))
    from pipeline.batch.inputs import read_inputs
    from pipeline.io import Article

    articles = [a for a in read_inputs([ROOT / "corpus" / "articles"]) if isinstance(a, Article)]
    rng = random.Random(seed)
    for i in range(n_docs):
        article = articles[i % len(articles)]
        text = "".join(str(rng.randrange(10)) if c.isdigit() else c for c in article.text)
        pieces = text.split(". ")
        for k in range(1, len(pieces), 3):
            pieces[k] = (f"{_made_up(rng, 2)} {_made_up(rng, 3)} of {_made_up(rng, 2)} said {rng.randrange(10**6)} "
                         f"cases were {_made_up(rng, 3).lower()}. " + pieces[k])
        yield f"distinct-{i:07d}", ". ".join(pieces), article.date


def _rss_mb() -> float:
    """Resident memory now (not the peak): what a long run holds at this point."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_distinct(checkpoints: list[int], zones: bool) -> dict[str, Any]:
    """``extract_records`` over new text, resident memory and throughput at each checkpoint."""
    sys.path.insert(0, str(ROOT))
    from pipeline.extract import ZONE_DOCS, extract_records, load_pipeline
    from pipeline.io import Article

    nlp = load_pipeline(MODEL)
    articles = (Article(doc_id, text, date, "distinct") for doc_id, text, date in distinct_texts(max(checkpoints)))
    rows, done, start, cpu = [], 0, time.perf_counter(), _cpu()
    marks = sorted(checkpoints)
    loaded_mb = _rss_mb()
    for record in extract_records(nlp, articles, zone_docs=ZONE_DOCS if zones else 0):
        assert isinstance(record, dict), record
        done += 1
        if done == marks[0]:
            rows.append({"docs": done, "rss_mb": _rss_mb(), "strings": len(nlp.vocab.strings),
                         "wall_docs_per_s": done / (time.perf_counter() - start), "cpu_docs_per_s": done / (_cpu() - cpu)})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
            marks.pop(0)
            if not marks:
                break
    return {"zones": zones, "loaded_rss_mb": loaded_mb, "rows": rows}


def distinct_report(checkpoints: list[int], no_zones_up_to: int) -> None:
    runs = []
    for zones, marks in ((True, checkpoints), (False, [c for c in checkpoints if c <= no_zones_up_to])):
        if not marks:
            continue
        done = subprocess.run([sys.executable, __file__, "--mode", "distinct" if zones else "distinct-no-zones",
                               "--checkpoints", ",".join(map(str, marks))],
                              check=True, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print("new text (each document a bundled article with redrawn figures and made-up names and words), "
          "`extract_records` in one process\n")
    print("| memory zones | documents | resident MB | strings in the vocabulary | docs/s (wall) | docs/s (CPU) |")
    print("|---|---:|---:|---:|---:|---:|")
    for run in runs:
        print(f"| {'yes' if run['zones'] else 'no'} | 0 (loaded) | {run['loaded_rss_mb']:.0f} | | | |")
        for row in run["rows"]:
            print(f"| {'yes' if run['zones'] else 'no'} | {row['docs']:,} | {row['rss_mb']:.0f} | {row['strings']:,} | "
                  f"{row['wall_docs_per_s']:.0f} | {row['cpu_docs_per_s']:.0f} |")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_baseline(corpus: Path) -> dict[str, Any]:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp("Warm-up.")
    start, cpu = time.perf_counter(), _cpu()
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        n = sum(1 for _ in nlp.pipe(json.loads(line)["text"] for line in handle))
    seconds = time.perf_counter() - start
    return {"docs": n, "steady_docs_per_s": n / seconds, "cpu_docs_per_s": n / (_cpu() - cpu),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "workers": {}}


def run_pipeline(corpus: Path, out: Path, workers: int, dask: bool) -> dict[str, Any]:
    from pipeline.batch.engine import BatchOptions, open_sink, run_batch

    options = BatchOptions(model=MODEL, workers=workers, dask="local" if dask else None, dask_workers=2,
                           progress=False, log_every=3600)
    cpu = _cpu()
    counts = run_batch([corpus], open_sink(None, out, SHARD_SIZE, MODEL), options)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    shards = manifest["shards"]
    first, last = (os.stat(out / shards[i]["path"]).st_mtime for i in (0, -1))
    steady = (counts.extracted - shards[0]["docs"]) / (last - first) if len(shards) > 1 else float("nan")
    row = {"docs": counts.extracted, "quarantined": counts.quarantined, "steady_docs_per_s": steady,
           "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
           "workers": {} if workers == 1 and not dask else counts.worker_peak_rss_mb}
    if workers == 1 and not dask:
        row["cpu_docs_per_s"] = counts.extracted / (_cpu() - cpu)
    return row


def measure(mode: str, corpus: Path, out: Path) -> dict[str, Any]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--mode", mode, "--corpus", str(corpus), "--out", str(out)],
                          check=True, capture_output=True, text=True, cwd=ROOT)
    row = json.loads(done.stdout.strip().splitlines()[-1])
    row["end_to_end_docs_per_s"] = row["docs"] / (time.perf_counter() - start)
    return row


MODES = {
    "baseline": 'spacy.blank("en") + sentencizer',
    "one": "full pipeline, one process",
    "workers2": "full pipeline, `--workers 2`",
    "dask2": "full pipeline, `--dask local` (2 workers)",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000, help="the smaller run of the memory-flatness check")
    parser.add_argument("--quick", action="store_true", help="2,000 and 200 documents: a smoke run, not a measurement")
    parser.add_argument("--mode", choices=[*MODES, "one-small", "workers2-small", "distinct", "distinct-no-zones"])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--distinct", action="store_true", help="resident memory on new text (see above)")
    parser.add_argument("--checkpoints", default="1000,10000,100000", help="--distinct: documents at which to report")
    parser.add_argument("--no-zones-up-to", type=int, default=10_000,
                        help="--distinct: the run without memory zones stops here (0: no such run)")
    args = parser.parse_args()
    checkpoints = [int(c) for c in args.checkpoints.split(",")]
    if args.mode in ("distinct", "distinct-no-zones"):
        print(json.dumps(run_distinct(checkpoints, zones=args.mode == "distinct")))
        return
    if args.distinct:
        distinct_report(checkpoints, args.no_zones_up_to)
        return
    if args.mode:
        mode = args.mode.removesuffix("-small")
        row = run_baseline(args.corpus) if mode == "baseline" else run_pipeline(
            args.corpus, args.out, workers=2 if mode == "workers2" else 1, dask=mode == "dask2")
        print(json.dumps(row))
        return
    n_docs, n_small = (2_000, 200) if args.quick else (args.docs, args.small)
    with tempfile.TemporaryDirectory(prefix="hmicfrs-scale-") as tmp:
        big, small = Path(tmp) / "scale.jsonl.gz", Path(tmp) / "small.jsonl.gz"
        build_corpus(big, n_docs)
        build_corpus(small, n_small)
        rows: dict[str, dict[str, Any]] = {}
        for mode in [*MODES, "one-small", "workers2-small"]:
            corpus = small if mode.endswith("-small") else big
            rows[mode] = measure(mode, corpus, Path(tmp) / f"out-{mode}")
            print(f"  {mode}: {rows[mode]['docs']} docs, {rows[mode]['steady_docs_per_s']:.0f} docs/s",
                  file=sys.stderr)
    report(rows, n_docs, n_small)


def report(rows: dict[str, dict[str, Any]], n_docs: int, n_small: int) -> None:
    base, one = rows["baseline"], rows["one"]
    print(f"{n_docs} documents (the bundled corpus replicated, one .jsonl.gz), one subprocess per configuration\n")
    print("| configuration | docs/s steady | docs/s end to end | vs baseline | vs one process | "
          "peak RSS driver (MB) | peak RSS per worker (MB) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for mode, name in MODES.items():
        row = rows[mode]
        workers = ", ".join(f"{mb:.0f}" for mb in row["workers"].values()) or "(in the driver)"
        print(f"| {name} | {row['steady_docs_per_s']:.0f} | {row['end_to_end_docs_per_s']:.0f} | "
              f"{row['steady_docs_per_s'] / base['steady_docs_per_s']:.2f} | "
              f"{'' if mode == 'baseline' else format(row['steady_docs_per_s'] / one['steady_docs_per_s'], '.2f')} | "
              f"{row['peak_rss_mb']:.0f} | {workers} |")
    cpu_ratio = one["cpu_docs_per_s"] / base["cpu_docs_per_s"]
    print(f"\nfull pipeline vs baseline on CPU time (one process each): {cpu_ratio:.2f}")
    print(f"\nmemory flatness, {n_small} vs {n_docs} documents:")
    for mode, name in (("one", "one process"), ("workers2", "--workers 2")):
        small, big = rows[f"{mode}-small"], rows[mode]
        peaks = lambda row: max(row["workers"].values(), default=row["peak_rss_mb"])  # noqa: E731
        print(f"- {name}: driver {small['peak_rss_mb']:.0f} → {big['peak_rss_mb']:.0f} MB, "
              f"largest worker {peaks(small):.0f} → {peaks(big):.0f} MB")
    worst_worker = max([max(r["workers"].values(), default=0.0) for r in rows.values()] + [one["peak_rss_mb"]])
    print("\ntargets:")
    print(f"- full pipeline ≥ 1/3 of baseline (steady wall): {one['steady_docs_per_s'] / base['steady_docs_per_s']:.2f}")
    print(f"- 2 workers ≥ 1.7 × one process: {rows['workers2']['steady_docs_per_s'] / one['steady_docs_per_s']:.2f}"
          f" (Dask: {rows['dask2']['steady_docs_per_s'] / one['steady_docs_per_s']:.2f})")
    print(f"- peak memory per worker < 400 MB: {worst_worker:.0f} MB")


if __name__ == "__main__":
    main()
