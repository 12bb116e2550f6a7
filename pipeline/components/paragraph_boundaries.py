"""Component ``paragraph_boundaries``: a line break always ends a sentence.

Headlines, captions, bylines and scraped debris carry no final full stop, so the
punctuation-based sentencizer would glue them to the next paragraph and findings
would take the wrong evidence. This runs before the sentencizer, which only fills
in boundaries that are still unset.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBoundaries:
    def __init__(self, name: str = "paragraph_boundaries") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            doc[0].is_sent_start = True
        for token in doc[:-1]:
            if "\n" in token.text or "\n" in token.whitespace_:
                doc[token.i + 1].is_sent_start = True
        return doc


@Language.factory("paragraph_boundaries")
def make_paragraph_boundaries(nlp: Language, name: str) -> ParagraphBoundaries:
    return ParagraphBoundaries(name)
