"""Component ``entity_normaliser``: a normalised value for every entity.

Categorical labels carry their canonical id (set by the resolver as ``kb_id``);
PERCENT and COUNT get value, qualifier and form; DATE gets an ISO value, its
granularity and year, resolved against the article date; PERSON gets the surname
later mentions are matched by. Stored in ``doc._.ent_norms`` (plain JSON, so it
survives ``Doc.to_bytes`` and multiprocessing) and read through ``span._.norm``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.candidates import entity_rows
from pipeline.context_rules import span_text
from pipeline.extensions import register_extensions
from pipeline.normalise.dates import normalise_date
from pipeline.normalise.quantities import normalise_count, normalise_percent
from pipeline.token_view import token_view


# The labels whose normalised value is read from the entity's text; the others carry their kb id.
TEXT_LABELS = frozenset({"PERCENT", "COUNT", "DATE", "PERSON"})


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


class EntityNormaliser:
    def __init__(self, name: str = "entity_normaliser") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        view = token_view(doc)
        article_date = doc._.article_date
        norms = {}
        for ent in entity_rows(doc):
            # The text only where the value is read from it.
            text = span_text(view, ent.start, ent.end) if ent.label in TEXT_LABELS else ""
            norms[f"{ent.start_char}:{ent.end_char}"] = normalise_entity(ent.label, text, ent.kb_id, article_date)
        doc._.ent_norms = norms
        return doc


@Language.factory("entity_normaliser")
def make_entity_normaliser(nlp: Language, name: str) -> EntityNormaliser:
    return EntityNormaliser(name)
