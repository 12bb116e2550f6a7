"""Component ``article_date``: the date every relative expression resolves against.

The caller may set ``doc._.article_date`` (JSONL input carries a ``date``); else the
text's leading `` date YYYY-MM-DD `` marker supplies it; else it stays None and
relative dates stay unresolved rather than being guessed from today's date. The
marker's text comes from the shared ``TokenView``: slicing the doc would build a
``Token`` per word.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from pipeline._speed import token_view
from pipeline.by_component import BatchedPipe
from pipeline.extensions import register_extensions
from pipeline.schema import marker_date


# " date 2017-09-07 " is at most this many tokens (space, "date", the date's five pieces).
MARKER_TOKENS = 9


class ArticleDateReader(BatchedPipe):
    def __init__(self, name: str = "article_date") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # each ``doc._`` builds an accessor: one for the three uses
        article_date = ext.article_date
        if article_date is None:
            head = token_view(doc).span_text(0, min(len(doc), MARKER_TOKENS)) if len(doc) else ""
            article_date = ext.article_date = marker_date(head)
        if article_date is not None:
            date.fromisoformat(article_date)  # a malformed date fails loudly here
        return doc


# The caller may have set the date already (JSONL input): it is read and checked, not required.
@Language.factory("hmicfrs_article_date", assigns=["doc._.article_date"])
def make_article_date(nlp: Language, name: str) -> ArticleDateReader:
    return ArticleDateReader(name)
