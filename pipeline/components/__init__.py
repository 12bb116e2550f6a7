"""The pipeline's spaCy components, one module each; importing registers the factories."""

from pipeline.components import (  # noqa: F401
    article_date,
    paragraph_boundaries,
    entity_normaliser,
    entity_resolver,
    person_tagger,
)
