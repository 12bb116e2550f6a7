"""The pipeline's spaCy components, one module each; importing registers the factories."""

from pipeline.components import (  # noqa: F401
    article_date,
    candidate_ruler,
    entity_normaliser,
    entity_resolver,
    figure_tagger,
    finding_linker,
    force_focus,
    line_sentencizer,
    person_tagger,
)
