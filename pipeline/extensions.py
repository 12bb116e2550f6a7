"""Every custom ``Doc``/``Span`` attribute the pipeline uses, registered in one place.

Values are plain JSON types (strings, numbers, dicts keyed by strings) so docs
survive ``Doc.to_bytes`` and ``nlp.pipe(n_process=...)`` unchanged.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from pipeline.candidates import Candidate, board_candidates

CANDIDATES_KEY = "hmicfrs_candidates"


def span_key(span: Span) -> str:
    """The key under which a span's normalised values are stored on its doc."""
    return f"{span.start_char}:{span.end_char}"


def _span_norm(span: Span) -> dict[str, Any] | None:
    norms = span.doc._.ent_norms
    return None if norms is None else norms.get(span_key(span))


def _article_year(doc: Doc) -> int | None:
    date = doc._.article_date
    return int(date[:4]) if date else None


def _candidates(doc: Doc) -> list[Candidate]:
    """The candidates on the doc's board, as a copy: the board itself stays the taggers' and the resolver's."""
    return list(board_candidates(doc))


def register_extensions() -> None:
    """Register the attributes; safe to call any number of times."""
    doc_attrs: dict[str, dict[str, Any]] = {
        # ISO date of the article (from the input record or the text's date marker).
        "article_date": {"default": None},
        # The verbatim text when the tokenizer read odd spaces (U+00A0...) as plain ones.
        "raw_text": {"default": None},
        "tokenised_text": {"default": None},  # the text the tokenizer split (spaces normalised): what the tokens join to
        "article_year": {"getter": _article_year},
        "ent_norms": {"default": None},
        "findings": {"default": None},
        # Per sentence: offsets, the forces it names, and the force it is about (force_focus).
        "sentences": {"default": None},
        # Force places the resolver read as areas (token start, end, force id): topic signals.
        "force_areas": {"default": None},
        "source": {"default": None},
        "doc_id": {"default": None},
        # The entity candidates not resolved yet (``pipeline/candidates.py``): the taggers put them on
        # a per-doc board of plain tuples, not on the doc, and the resolver takes them off. A getter,
        # so that ``assigns``/``requires`` can name the hand-over and nothing is copied unless asked for.
        "candidates": {"getter": _candidates},
    }
    for name, kwargs in doc_attrs.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, **kwargs)
    if not Span.has_extension("norm"):
        Span.set_extension("norm", getter=_span_norm)


register_extensions()
