"""Gold records (SCHEMA §3) as spaCy reference Docs: ``Example``s for ``nlp.evaluate``, ``.spacy`` files for the CLI.

A reference Doc is the record's text tokenised by the pipeline's own tokenizer, with the
gold spans as ``doc.ents`` (every other token outside, so spaCy scores every prediction),
the gold findings in ``doc._.findings`` and the record's date, id and source in
``doc._.article_date``, ``doc._.doc_id`` and ``doc._.source``. The entity_resolver's
``score`` then gives spaCy's entity scores and the finding_linker's the project's finding
scores, the same numbers as ``hmicfrs-extract evaluate``.

A gold span whose start or end falls inside one of the tokenizer's tokens cannot be an
entity of that tokenisation (in the bundled gold, one span in 3,117: dev4-502's "8" in
"8)"). Dropping it would hide a miss, and widening it to whole tokens would change the
gold; instead that token is split at the span's edge in the reference. The reference then
holds the exact gold span, and spaCy's alignment of the pipeline's tokens to it counts the
span as missed, as the project's scorer does, since the pipeline's tokens cannot make it.

    make gold-docs                                  # out/spacy/<split>.spacy for every split
    python -m pipeline.gold_docs dev2 --out DIR     # or some splits, anywhere
    python -m spacy evaluate models/hmicfrs out/spacy/dev2.spacy --output scores.json --per-component

``spacy evaluate`` prints and saves only spaCy's own metrics unless ``--per-component`` is
given; with it, ``scores.json`` holds every component's scores, the entities under
``entity_resolver`` (``ents_f``...) and the findings under ``finding_linker``
(``findings_core_f``...). ``nlp.evaluate(examples(nlp, records))`` gives both as flat keys.
"""

from __future__ import annotations

import argparse
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from pipeline.extensions import register_extensions
from pipeline.extract import load_pipeline, make_doc
from pipeline.io import Article, load_records

DEFAULT_GOLD = Path("corpus/gold")
DEFAULT_OUT = Path("out/spacy")


@dataclass
class Alignment:
    """How the gold spans of some records met the tokenizer's tokens."""

    spans: int = 0
    # (record id, start, end, label) of each span with an edge inside a token, which the reference splits there.
    split_spans: list[tuple[str, int, int, str]] = field(default_factory=list)

    @property
    def split(self) -> int:
        return len(self.split_spans)

    def add(self, other: Alignment) -> None:
        self.spans += other.spans
        self.split_spans += other.split_spans


def _split_at(doc: Doc, edges: Iterable[int]) -> Doc:
    """``doc`` re-made with its tokens split at the character offsets ``edges`` that fall inside one."""
    starts = [token.idx for token in doc]
    cuts: dict[int, list[int]] = {}
    for edge in edges:
        i = bisect_right(starts, edge) - 1
        if i >= 0 and starts[i] < edge < starts[i] + len(doc[i]):
            cuts.setdefault(i, []).append(edge - starts[i])
    if not cuts:
        return doc
    words: list[str] = []
    spaces: list[bool] = []
    for token in doc:
        pieces = [0, *sorted(set(cuts.get(token.i, ()))), len(token)]
        for a, b in zip(pieces, pieces[1:]):
            words.append(token.text[a:b])
            spaces.append(False)
        spaces[-1] = bool(token.whitespace_)
    split = Doc(doc.vocab, words=words, spaces=spaces)
    split.user_data.update(doc.user_data)  # doc._.raw_text, if the tokenizer set it
    return split


def reference_doc(nlp: Language, record: dict[str, Any]) -> tuple[Doc, Alignment]:
    """The gold of one record as a reference Doc, and how its spans met the tokens."""
    register_extensions()
    doc = nlp.make_doc(record["text"])
    gold = [(span["start"], span["end"], span["label"]) for span in record.get("spans", [])]
    unaligned = [(start, end, label) for start, end, label in gold
                 if doc.char_span(start, end, label=label) is None]
    if unaligned:
        doc = _split_at(doc, [edge for start, end, _ in unaligned for edge in (start, end)])
    ents = []
    for start, end, label in gold:
        span = doc.char_span(start, end, label=label)
        if span is None:  # an empty span, or one off the text: the gold validator lets neither through
            raise ValueError(f"{record['id']}: gold span {start}:{end} {label} is no span of its text")
        ents.append(span)
    try:
        doc.ents = ents
    except ValueError as err:
        raise ValueError(f"{record['id']}: gold spans overlap, which doc.ents cannot hold: {err}") from None
    doc._.findings = record.get("findings", [])
    doc._.article_date = record.get("date")
    doc._.doc_id = record["id"]
    doc._.source = record.get("source")
    return doc, Alignment(len(gold), [(record["id"], start, end, label) for start, end, label in unaligned])


def reference_docs(nlp: Language, records: Iterable[dict[str, Any]]) -> tuple[list[Doc], Alignment]:
    docs, alignment = [], Alignment()
    for record in records:
        doc, aligned = reference_doc(nlp, record)
        docs.append(doc)
        alignment.add(aligned)
    return docs, alignment


def examples(nlp: Language, records: Iterable[dict[str, Any]]) -> list[Example]:
    """One Example per record: the unprocessed doc as ``hmicfrs-extract`` makes it, and the gold."""
    found = []
    for record in records:
        article = Article(record["id"], record["text"], record.get("date"), record.get("source") or record["id"])
        found.append(Example(make_doc(nlp, article), reference_doc(nlp, record)[0]))
    return found


def doc_bin(docs: Iterable[Doc]) -> DocBin:
    """Reference Docs for a ``.spacy`` file; user data kept, so the findings and the date travel with them.

    DocBin reads user data back with ``use_list=False`` (its keys are tuples), so the findings
    come back as a tuple of dicts; their fields are scalars, which the scorer compares alike.
    """
    return DocBin(docs=docs, store_user_data=True)


def write_split(nlp: Language, gold_path: Path, out_dir: Path) -> tuple[Path, int, Alignment]:
    """``out_dir/<split>.spacy`` from ``gold_path``; returns the path, the documents and the alignment."""
    docs, alignment = reference_docs(nlp, load_records(gold_path))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{gold_path.stem}.spacy"
    doc_bin(docs).to_disk(path)
    return path, len(docs), alignment


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write gold records as spaCy .spacy files of reference Docs.")
    parser.add_argument("splits", nargs="*", help="splits under --gold (default: every *.jsonl there)")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="the folder of gold JSONL files")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the .spacy files go")
    parser.add_argument("--model", default=None, help="the pipeline, for its tokenizer: a directory or an installed "
                        "package name (default: see pipeline.extract.resolve_model)")
    args = parser.parse_args(argv)
    nlp = load_pipeline(args.model)
    paths = [args.gold / f"{split}.jsonl" for split in args.splits] or sorted(args.gold.glob("*.jsonl"))
    for gold_path in paths:
        path, n_docs, alignment = write_split(nlp, gold_path, args.out)
        note = "".join(f"\n  split a token at {doc_id} {start}:{end} {label}"
                       for doc_id, start, end, label in alignment.split_spans)
        print(f"wrote {path}: {n_docs} documents, {alignment.spans} gold spans, "
              f"{alignment.split} not on token boundaries{note}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
