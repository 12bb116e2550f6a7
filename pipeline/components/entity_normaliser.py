"""Component ``entity_normaliser``: a normalised value for every entity.

Categorical labels carry their canonical id (set by the resolver as ``kb_id``);
PERCENT and COUNT get value, qualifier and form; DATE gets an ISO value, its
granularity and year, resolved against the article date; PERSON gets the surname
later mentions are matched by. Stored in ``doc._.ent_norms`` (plain JSON, so it
survives ``Doc.to_bytes`` and multiprocessing) and read through ``span._.norm``.

The values read from text are memoised per (label, text, article date): the same
figures and dates recur across entities and articles, and the normalisers behind
``normalise_entity`` each cost a few calls even when they hit their own caches.
Every entity still gets its own dict (a copy of the memoised one), so a consumer
that changes one entity's values changes no other's.

Its rules are the tables of ``data/word_sets.json`` (hedges, number words, scales, word
fractions, vague magnitudes), which ``pipeline.normalise.quantities`` reads by name: the
component saves its copy with the pipeline (``DataBacked``) and, when loaded, makes it the
copy those readers see (``pipeline/loaded_data.py``). Dates need no data file.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline._speed import span_text, token_view
from pipeline.candidates import entity_rows
from pipeline.by_component import BatchedPipe
from pipeline.components.data_backed import DataBacked
from pipeline.extensions import register_extensions
from pipeline.normalise.dates import normalise_date
from pipeline.normalise.quantities import normalise_count, normalise_percent


# The labels whose normalised value is read from the entity's text; the others carry their kb id.
TEXT_LABELS = frozenset({"PERCENT", "COUNT", "DATE", "PERSON"})
# Entries of the memo of text-read values; it is emptied when full (a few hundred bytes an entry).
_MEMO_LIMIT = 20_000


def normalise_entity(label: str, text: str, kb_id: str, article_date: str | None) -> dict[str, Any]:
    """The normalised attributes of one entity, from its label and text."""
    if label == "PERCENT":
        return normalise_percent(text).as_dict()
    if label == "COUNT":
        return normalise_count(text).as_dict()
    if label == "DATE":
        return normalise_date(text, article_date).as_dict()
    if label == "PERSON":
        return {"name": text, "surname": text.split()[-1]}
    return {"id": kb_id}


class EntityNormaliser(BatchedPipe, DataBacked):
    read_by_name = ("word_sets",)

    def __init__(self, name: str = "entity_normaliser") -> None:
        register_extensions()
        self.name = name
        self.data_files = {"word_sets": "word_sets.json"}
        self._load_package_data()

    def _build(self, data: dict[str, Any]) -> None:
        """Nothing to build: the normalisers read the tables themselves. A new copy empties the memo."""
        self._memo: dict[tuple[str, str, str | None], dict[str, Any]] = {}

    def __call__(self, doc: Doc) -> Doc:
        view = token_view(doc)
        ext = doc._
        article_date = ext.article_date
        memo = self._memo
        norms = {}
        for start, end, label, kb_id, start_char, end_char in entity_rows(doc):
            if label in TEXT_LABELS:
                text = view.text[start] if end - start == 1 else span_text(view, start, end)
                found = memo.get((label, text, article_date))
                if found is None:
                    if len(memo) >= _MEMO_LIMIT:
                        memo.clear()
                    found = memo[(label, text, article_date)] = normalise_entity(label, text, kb_id, article_date)
                norms[f"{start_char}:{end_char}"] = found.copy()
            else:
                norms[f"{start_char}:{end_char}"] = {"id": kb_id}  # as normalise_entity, without its tests
        ext.ent_norms = norms
        return doc


@Language.factory(
    "hmicfrs_entity_normaliser",
    assigns=["doc._.ent_norms"],
    requires=["doc.ents", "token.ent_kb_id", "doc._.article_date"],
)
def make_entity_normaliser(nlp: Language, name: str) -> EntityNormaliser:
    return EntityNormaliser(name)
