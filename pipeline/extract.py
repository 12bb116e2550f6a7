"""Run the pipeline over articles and turn each doc into a SCHEMA §3 record."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline._speed import token_view
from pipeline.extensions import register_extensions
from pipeline.candidates import entity_rows
from pipeline.io import Article, InputProblem

DEFAULT_MODEL = Path("models/hmicfrs")
_NO_NORM: dict[str, Any] = {}  # an entity's values when the normaliser gave none (never changed)


@lru_cache(maxsize=4)
def load_pipeline(model: str | Path = DEFAULT_MODEL) -> Language:
    """The built pipeline; a clear error when ``make models`` has not been run."""
    register_extensions()
    path = Path(model)
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(f"no pipeline at {path}: run `make models` first")
    return spacy.load(path)


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article_date = article.date
    doc._.doc_id = article.id
    doc._.source = article.source
    return doc


def doc_to_record(doc: Doc, text: str | None = None) -> dict[str, Any]:
    """The SCHEMA §3 record of a processed doc; spans carry their normalised values.

    ``text`` is the article as read, when the caller has it (rebuilding it from the doc costs a pass)."""
    text = text or doc._.raw_text or token_view(doc).source
    norm_of = (doc._.ent_norms or {}).get
    # One dict display per entity, its values unpacked into it (as ``dict.update`` would add them, in C).
    spans = [{"start": start, "end": end, "label": label, "text": text[start:end], **norm_of(f"{start}:{end}", _NO_NORM)}
             for _, _, label, _, start, end in entity_rows(doc)]
    return {
        "id": doc._.doc_id,
        "source": doc._.source,
        "date": doc._.article_date,
        "text": text,
        "spans": spans,
        "findings": list(doc._.findings or []),
    }


def extract_records(
    nlp: Language, items: Iterable[Article | InputProblem]
) -> Iterator[dict[str, Any] | InputProblem]:
    """Records for articles; problems (unreadable input, a component that raised) pass through."""
    for item in items:
        if isinstance(item, InputProblem):
            yield item
            continue
        try:
            doc = nlp(make_doc(nlp, item))
            yield doc_to_record(doc, item.text)
        except Exception as err:  # noqa: BLE001 - one bad document must not stop the batch
            yield InputProblem(item.source, f"pipeline failed on {item.id!r}: {type(err).__name__}: {err}")
