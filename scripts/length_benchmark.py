"""Cost per character of the pipeline as documents grow, from 1k to 4M characters.

Each long document is bundled articles laid end to end, each copy with its figures redrawn
and a made-up person named in it (so names, surnames and figures keep coming, as in a long
report), cut at a paragraph near the target length. Every length runs the same number of
characters in total (several short documents, one long one) through ``extract_records``,
the path every runner takes, in one process (``nlp.max_length`` raised to fit). The cost is
CPU microseconds per character: flat means linear in length.

    python scripts/length_benchmark.py [--lengths 1000,4000,...,4000000] [--total 2000000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "hmicfrs"
LENGTHS = [1_000, 4_000, 16_000, 64_000, 256_000, 1_000_000, 4_000_000]
_SYLLABLES = ["ba", "ke", "lor", "vin", "dra", "mu", "sel", "tor", "qui", "zan", "per", "wick", "ham", "ley"]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def long_text(articles: list[str], length: int, rng: random.Random) -> str:
    """Articles end to end, varied, until ``length`` characters, cut after the last paragraph that fits."""
    pieces: list[str] = []
    size = 0
    while size < length:
        text = "".join(str(rng.randrange(10)) if c.isdigit() else c for c in rng.choice(articles))
        first, surname = _name(rng, 2), _name(rng, 3)
        text += f"\n\n{first} {surname}, a spokesperson, said the review was fair. {surname} said {rng.randrange(10**5)} crimes were checked.\n\n"
        pieces.append(text)
        size += len(text)
    text = "".join(pieces)
    cut = text.rfind("\n\n", 0, length)
    return text[:cut] if cut > length // 2 else text[:length]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", default=",".join(map(str, LENGTHS)))
    parser.add_argument("--total", type=int, default=2_000_000, help="characters run at each length (at least one document)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from pipeline.batch.inputs import read_inputs
    from pipeline.extract import extract_records, load_pipeline
    from pipeline.io import Article

    nlp = load_pipeline(MODEL)
    lengths = [int(n) for n in args.lengths.split(",")]
    nlp.max_length = max(lengths) + 1
    articles = [a.text for a in read_inputs([ROOT / "corpus" / "articles"]) if isinstance(a, Article)]
    rng = random.Random(15)
    # Warm-up: the tokenizer's cache and the normalisers' memos fill on the first documents, whatever their length.
    list(extract_records(nlp, [Article(f"warm-{i}", long_text(articles, 4_000, rng), "2017-09-07", "length")
                               for i in range(100)]))
    rows: list[dict[str, Any]] = []
    for length in lengths:
        docs = [long_text(articles, length, rng) for _ in range(max(1, args.total // length))]
        chars = sum(map(len, docs))
        batch = [Article(f"long-{length}-{i}", text, "2017-09-07", "length") for i, text in enumerate(docs)]
        cpu = time.process_time()
        records = list(extract_records(nlp, batch))
        seconds = time.process_time() - cpu
        assert all(isinstance(r, dict) for r in records), [r for r in records if not isinstance(r, dict)]
        rows.append({"length": length, "docs": len(docs), "chars": chars, "cpu_s": seconds,
                     "us_per_char": 1e6 * seconds / chars,
                     "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    base = rows[0]["us_per_char"]
    print("| characters per document | documents | CPU µs per character | vs the shortest | peak RSS (MB) |")
    print("|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['length']:,} | {row['docs']} | {row['us_per_char']:.2f} | {row['us_per_char'] / base:.2f} | "
              f"{row['peak_rss_mb']:.0f} |")


if __name__ == "__main__":
    main()
