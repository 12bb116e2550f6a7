"""Hand-built inputs for the linking unit tests: what the earlier components would have set, said explicitly.

A document is tokenised by ``spacy.blank("en")`` (the tokenizer the cue phrases are
split with), and the test names its entities, their normalised values, the article date
and, if it likes, the sentence starts and records::

    doc = build("Kent Police records 91.6 per cent of crimes.",
                ents=[("Kent Police", "FORCE", "kent"), ("91.6 per cent", "PERCENT", pct(91.6))],
                date="2017-05-01")

gives the ``LinkDoc`` the rules read. Entities are given in text order; each is found in
the text from the end of the one before it. The third item of an entity is its
canonical id (FORCE, CRIME_TYPE, GRADE, ROLE ...) or its normalised value (PERCENT,
COUNT, DATE: ``pct``, ``num``, ``year``), as ``entity_normaliser`` writes them.
Sentences end after ". ! ?" and at line breaks unless ``sent_starts`` says otherwise,
and ``doc._.sentences`` is what ``SentenceFocus`` makes of the document unless
``sentences`` gives the records (or a function that edits them).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import register_extensions
from pipeline.linking import Lexicon, SentenceFocus, build_lexicon
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figures import Figure, Scope, scope_of
from pipeline.linking.findings import Finding
from pipeline.linking.rules.base import LinkRule
from pipeline.linking.state import SharedState
from pipeline.resources import load_json

register_extensions()

EntSpec = tuple[Any, ...]  # (text, label) or (text, label, id or normalised value)
Records = list[dict[str, Any]]
_VALUE_LABELS = frozenset({"PERCENT", "COUNT", "DATE"})
_SENTENCE_ENDS = frozenset({".", "!", "?"})


@lru_cache(maxsize=1)
def blank() -> Language:
    """The tokenizer-only English pipeline."""
    return spacy.blank("en")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The linker's lexicon from the project's data files, as ``finding_linker`` builds it."""
    return build_lexicon(load_json("finding_cues.json"), load_json("forces.json"), load_json("titles.json"))


def pct(value: float, qualifier: str = "exact", form: str = "percent") -> dict[str, Any]:
    """A PERCENT's normalised value ("91.6 per cent"; "one in four": ``form="ratio"``)."""
    return {"value": value, "qualifier": qualifier, "form": form}


def num(value: int, qualifier: str = "exact", form: str = "number") -> dict[str, Any]:
    """A COUNT's normalised value ("4,100"; "thousands": ``form="vague"``)."""
    return {"value": value, "qualifier": qualifier, "form": form}


def year(y: int) -> dict[str, Any]:
    """A DATE's normalised value for a year ("in 2016")."""
    return {"value": str(y), "granularity": "year", "year": y}


def default_sent_starts(doc: Doc) -> list[int]:
    """Sentence starts as ``line_sentencizer`` sets them: after ". ! ?" and at line breaks, at the next word."""
    ends = [t.i for t in doc if t.text in _SENTENCE_ENDS or "\n" in t.text]
    starts = {0}
    for i in ends:
        i += 1
        while i < len(doc) and (doc[i].is_punct or doc[i].text in _SENTENCE_ENDS or "\n" in doc[i].text):
            i += 1
        if i < len(doc):
            starts.add(i)
    return sorted(starts)


def make_doc(text: str, ents: Iterable[EntSpec] = (), date: str | None = None,
             areas: Iterable[tuple[str, str]] = (), sent_starts: Sequence[int] | None = None,
             sentences: Records | Callable[[Records], Any] | None = None) -> Doc:
    """A ``spacy.blank("en")`` document with its entities, norms, article date, force areas, sentence starts
    and sentence records set. ``areas``: (text, force id) of force places read as areas ("In Gwent, ...")."""
    doc = blank()(text)
    starts = set(default_sent_starts(doc) if sent_starts is None else sent_starts) | {0}
    for token in doc:
        token.is_sent_start = token.i in starts
    spans, norms, pos = [], {}, 0
    for spec in ents:
        surface, label = spec[0], spec[1]
        value = spec[2] if len(spec) > 2 else None
        span = _span_at(doc, surface, pos, label, "" if value is None or isinstance(value, dict) else value)
        pos = span.end_char
        spans.append(span)
        key = f"{span.start_char}:{span.end_char}"
        if label in _VALUE_LABELS:
            if not isinstance(value, dict):
                raise ValueError(f"{surface!r}: a {label} needs its normalised value (pct, num, year)")
            norms[key] = dict(value)
        elif label == "PERSON":
            norms[key] = {"name": surface, "surname": surface.split()[-1]}
        else:
            norms[key] = {"id": span.kb_id_}
    doc.ents = spans
    area_rows, pos = [], 0
    for surface, force in areas:
        span = _span_at(doc, surface, pos, "FORCE_PLACE", force)
        pos = span.end_char
        area_rows.append((span.start, span.end, force))
    doc._.force_areas = area_rows
    doc._.ent_norms = norms
    doc._.article_date = date
    records = SentenceFocus(lexicon().cues)(doc)
    if callable(sentences):
        sentences(records)
    elif sentences is not None:
        records = sentences
    doc._.sentences = records
    return doc


def _span_at(doc: Doc, surface: str, pos: int, label: str, kb_id: str) -> Any:
    start = doc.text.find(surface, pos)
    if start < 0:
        raise ValueError(f"{surface!r} is not in the text after character {pos}")
    span = doc.char_span(start, start + len(surface), label=label, kb_id=kb_id)
    if span is None:
        raise ValueError(f"{surface!r} at {start} does not fall on token boundaries")
    return span


def link(doc: Doc) -> LinkDoc:
    """The document as the rules see it."""
    return LinkDoc(doc, lexicon())


def build(text: str, ents: Iterable[EntSpec] = (), date: str | None = None, **kwargs: Any) -> LinkDoc:
    """``make_doc`` then ``link``: the ``LinkDoc`` of a hand-built document."""
    return link(make_doc(text, ents, date, **kwargs))


def record(doc: Doc, start: int, end: int, forces: list[list[Any]] | None = None, areas: list[list[Any]] | None = None,
           focus_before: str | None = None, national: bool = False, debris: bool = False) -> dict[str, Any]:
    """A sentence record as ``force_focus`` writes it, for tokens [start, end) of ``doc``, written by hand."""
    return {"start": doc[start].idx, "end": doc[end - 1].idx + len(doc[end - 1].text),
            "tok_start": start, "tok_end": end, "forces": forces or [], "areas": areas or [],
            "focus_before": focus_before, "focus": None, "national": national, "debris": debris}


def tok(doc: LinkDoc | Doc, word: str, nth: int = 0) -> int:
    """The index of the ``nth`` token whose text is ``word``."""
    texts = doc.text if isinstance(doc, LinkDoc) else [t.text for t in doc]
    found = [i for i, t in enumerate(texts) if t == word]
    if len(found) <= nth:
        raise ValueError(f"no token {word!r} number {nth}")
    return found[nth]


def figure(doc: LinkDoc, surface: str, nth: int = 0) -> Figure:
    """The ``nth`` figure whose entity's text is ``surface``."""
    found = [f for s in doc.sentences for f in s.figures if doc.span_text(f.ent.start, f.ent.end) == surface]
    if len(found) <= nth:
        raise ValueError(f"no figure {surface!r} number {nth}")
    return found[nth]


def sentence_of(doc: LinkDoc, i: int) -> Sentence:
    """The sentence holding token ``i``."""
    return next(s for s in doc.sentences if s.start <= i < s.end)


def scope(doc: LinkDoc, fig: Figure) -> Scope:
    """The scope of figure ``fig`` in its sentence."""
    sent = sentence_of(doc, fig.start)
    return scope_of(sent, sent.figures, fig)


def run(rule: type[LinkRule], doc: LinkDoc, state: SharedState | None = None) -> list[Finding]:
    """What one rule finds in ``doc`` (with ``state`` as the rules before it left it)."""
    return list(rule(lexicon()).find(doc, state if state is not None else SharedState()))


def fields(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """The findings without their evidence and entities, for comparing with a table."""
    return [{k: v for k, v in f.items() if k not in ("evidence", "entities")} for f in findings]
