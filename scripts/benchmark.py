"""Throughput and peak memory of the pipeline against spaCy's own floor, in one run.

Each configuration runs in a fresh subprocess on the same documents (the bundled
corpus, replicated), so peak memory is its own and no cache is shared. The baseline
is ``spacy.blank("en")`` with a sentencizer: tokenising and splitting sentences is
work any spaCy pipeline does, so the ratio says what our rules cost on top.
Replicated text (the default) flatters the baseline: spaCy's tokenizer caches every
chunk it has split, so from the second copy on it only looks words up. ``--docs 0``
reads each distinct article once instead (first sight, as new coverage arrives): fewer
documents, so repeat more.
Throughput is documents per second of the process's CPU time (wall time is shown
too): on a shared virtual machine, wall time also counts the time other tenants
hold the CPU, which made single runs differ by a third.

    python scripts/benchmark.py [--docs 900] [--repeat 3] [--extract]

``--extract`` adds the path every runner takes, ``extract_records``, with spaCy's memory zones
(its default) and without, to each round. ``--per-doc`` adds the pipeline run one document at a
time (``nlp(doc)``: every component on a document before the next), against which the batches of
``nlp.pipe`` (each component over a batch, ``pipeline/by_component.py``) are measured.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


WARM_UP = ("Kent Police recorded about twenty-one thousand crimes two years ago, 90% of them yesterday and the rest "
           "in early March. On Tuesday the force said that in the 12 months to the end of June 2016, last summer and "
           "this week were different.")


def corpus_texts(n_docs: int) -> list[tuple[str, str | None]]:
    """``n_docs`` documents: the bundled articles, replicated; 0 means each distinct article once."""
    from pipeline.batch.inputs import read_inputs
    from pipeline.io import Article

    articles = [a for a in read_inputs([ROOT / "corpus" / "articles"]) if isinstance(a, Article)]
    n_docs = n_docs or len(articles)
    return [(articles[i % len(articles)].text, articles[i % len(articles)].date) for i in range(n_docs)]


def run_mode(mode: str, n_docs: int) -> dict[str, float]:
    docs = corpus_texts(n_docs)
    loading = time.process_time()
    if mode == "baseline":
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp("Warm-up.")
        loaded, wall = time.process_time(), time.perf_counter()
        for doc in nlp.pipe(text for text, _ in docs):
            pass
    else:
        from pipeline.extract import doc_to_record, load_pipeline, make_doc
        from pipeline.io import Article

        nlp = load_pipeline(ROOT / "models" / "hmicfrs")
        # Warm-up loads what the normalisers load lazily (dateparser's tables, quantulum3's):
        # dateparser builds its locale and time-zone regular expressions (about half a second)
        # on the first expressions that reach it, which the common forms no longer do.
        doc_to_record(nlp(make_doc(nlp, Article("warm-up", WARM_UP, "2017-01-01", "x"))))
        loaded, wall = time.process_time(), time.perf_counter()
        if mode.startswith("extract"):  # the path every runner takes: records, in memory zones or not
            from pipeline.extract import ZONE_DOCS, extract_records

            articles = (Article(str(i), text, date, "bench") for i, (text, date) in enumerate(docs))
            for _ in extract_records(nlp, articles, zone_docs=0 if mode == "extract-no-zones" else ZONE_DOCS):
                pass
        elif mode == "per-doc":
            for i, (text, date) in enumerate(docs):
                nlp(make_doc(nlp, Article(str(i), text, date, "bench")))
        else:
            made = (make_doc(nlp, Article(str(i), text, date, "bench")) for i, (text, date) in enumerate(docs))
            for doc in nlp.pipe(made):
                if mode == "records":
                    doc_to_record(doc)
    elapsed, wall = time.process_time() - loaded, time.perf_counter() - wall
    return {"docs": len(docs), "seconds": elapsed, "docs_per_s": len(docs) / elapsed, "wall_docs_per_s": len(docs) / wall,
            "load_s": loaded - loading,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def stage_costs(n_docs: int, repeat: int = 3) -> dict[str, float]:
    """CPU milliseconds per document of each stage (tokenizer, each component), best of ``repeat``."""
    from pipeline.extract import load_pipeline, make_doc
    from pipeline.io import Article

    nlp = load_pipeline(ROOT / "models" / "hmicfrs")
    articles = [Article(str(i), text, date, "bench") for i, (text, date) in enumerate(corpus_texts(n_docs))]
    for article in articles[:50]:
        nlp(make_doc(nlp, article))
    best: dict[str, float] = {}
    for _ in range(repeat):
        spent = dict.fromkeys(["tokenizer", *nlp.pipe_names], 0.0)
        for article in articles:
            start = time.process_time()
            doc = make_doc(nlp, article)
            spent["tokenizer"] += time.process_time() - start
            for name, proc in nlp.pipeline:
                start = time.process_time()
                doc = proc(doc)
                spent[name] += time.process_time() - start
        for name, seconds in spent.items():
            best[name] = min(best.get(name, float("inf")), 1000 * seconds / len(articles))
    return best


def measure(mode: str, n_docs: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--mode", mode, "--docs", str(n_docs)],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=900,
                        help="documents per run, the corpus replicated; 0: each distinct article once (first sight)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mode", choices=["baseline", "full", "records", "extract", "extract-no-zones", "per-doc"])
    parser.add_argument("--extract", action="store_true",
                        help="also measure `extract_records` (what every runner uses) with and without memory zones")
    parser.add_argument("--per-doc", action="store_true",
                        help="also measure the pipeline one document at a time (nlp(doc)), against nlp.pipe's batches")
    parser.add_argument("--stages", action="store_true", help="also print the CPU cost of each stage")
    args = parser.parse_args()
    if args.stages:
        print("| stage | CPU ms per document |\n|---|---:|")
        for name, ms in stage_costs(args.docs).items():
            print(f"| {name} | {ms:.2f} |")
        print()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.docs)))
        return
    # Runs alternate between the configurations so that drift in the machine's speed
    # falls on both alike; the ratio is the median of the per-round ratios.
    runs: dict[str, list[dict[str, float]]] = {"baseline": [], "full": [], "records": []}
    if args.extract:
        runs.update({"extract": [], "extract-no-zones": []})
    if args.per_doc:
        runs["per-doc"] = []
    for _ in range(args.repeat):
        for mode in runs:
            runs[mode].append(measure(mode, args.docs))
    rows = {
        mode: {"docs_per_s": statistics.median(r["docs_per_s"] for r in rs),
               "wall_docs_per_s": statistics.median(r["wall_docs_per_s"] for r in rs),
               "load_s": statistics.median(r["load_s"] for r in rs),
               "peak_rss_mb": max(r["peak_rss_mb"] for r in rs)}
        for mode, rs in runs.items()
    }
    ratios = {mode: [f["docs_per_s"] / b["docs_per_s"] for f, b in zip(runs[mode], runs["baseline"])] for mode in runs}
    for mode in runs:
        rows[mode]["ratio"] = statistics.median(ratios[mode])
    what = f"{args.docs} documents from the bundled corpus" if args.docs else "each distinct article of the bundled corpus once"
    print(f"{what}, median of {args.repeat} runs, one process each;")
    print("throughput after start-up (loading the pipeline and warming the lazy normalisers)\n")
    print("| configuration | docs/s (CPU) | docs/s (wall) | throughput vs baseline | peak RSS (MB) | start-up CPU (s) |")
    print("|---|---:|---:|---:|---:|---:|")
    names = {"baseline": 'spacy.blank("en") + sentencizer', "full": "hmicfrs pipeline (entities and findings)",
             "records": "hmicfrs pipeline + SCHEMA records (what `extract` writes)",
             "extract": "`extract_records`, memory zones of 64 documents (what every runner does)",
             "extract-no-zones": "`extract_records` without memory zones",
             "per-doc": "hmicfrs pipeline, one document at a time (`nlp(doc)`)"}
    for mode, row in rows.items():
        print(f"| {names[mode]} | {row['docs_per_s']:.0f} | {row['wall_docs_per_s']:.0f} | {row['ratio']:.2f} | {row['peak_rss_mb']:.0f} | {row['load_s']:.1f} |")
    print(f"\nper-round ratios of the pipeline: {', '.join(f'{r:.2f}' for r in ratios['full'])}")


if __name__ == "__main__":
    main()
