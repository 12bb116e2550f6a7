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
from spacy.tokens import Doc, Span

from pipeline.extensions import register_extensions, span_key
from pipeline.normalise.dates import normalise_date
from pipeline.normalise.quantities import normalise_count, normalise_percent


def normalise_entity(ent: Span, article_date: str | None) -> dict[str, Any]:
    label = ent.label_
    if label == "PERCENT":
        return normalise_percent(ent.text).as_dict()
    if label == "COUNT":
        return normalise_count(ent.text).as_dict()
    if label == "DATE":
        return normalise_date(ent.text, article_date).as_dict()
    if label == "PERSON":
        return {"name": ent.text, "surname": ent[-1].text}
    return {"id": ent.kb_id_}


class EntityNormaliser:
    def __init__(self, name: str = "entity_normaliser") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.ent_norms = {span_key(ent): normalise_entity(ent, doc._.article_date) for ent in doc.ents}
        return doc


@Language.factory("entity_normaliser")
def make_entity_normaliser(nlp: Language, name: str) -> EntityNormaliser:
    return EntityNormaliser(name)
