"""Context rules over entity candidates, read from ``data/context_rules.json``.

In the manner of medspaCy's post-processing rules: one small class per condition
kind, and a rule that combines conditions with an action. The resolver applies the
rules in file order; keeping them as data means a reviewer reads the policy
("a place after 'in' is the area") without reading code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar

import spacy
from spacy.tokens import Doc, Span

from pipeline.patterns import load_json

_QUOTES = {"'", "‘", "’", '"', "“", "”"}


class Condition:
    """A test on a candidate span in its document."""

    kinds: ClassVar[dict[str, type[Condition]]] = {}
    key: ClassVar[str] = ""

    def __init_subclass__(cls) -> None:
        Condition.kinds[cls.key] = cls

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params

    def holds(self, span: Span, candidates: CandidateIndex) -> bool:
        raise NotImplementedError

    @classmethod
    def build(cls, key: str, params: dict[str, Any]) -> Condition:
        if key not in cls.kinds:
            raise ValueError(f"unknown context condition {key!r}")
        return cls.kinds[key](params)


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    return spacy.blank("en").tokenizer


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """Lower-cased tokens of a phrase, split exactly as documents are ("police, fire")."""
    return tuple(t.lower_ for t in _tokenizer()(phrase))


class _PhraseCondition(Condition):
    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.window = int(params.get("window", 1))
        self.phrases = [tokenize_phrase(w) for w in params["words"]]
        self.longest = max((len(p) for p in self.phrases), default=1)


class PrecededBy(_PhraseCondition):
    """A listed word or phrase ends within ``window`` tokens before the span."""

    key = "preceded_by"

    def holds(self, span: Span, candidates: CandidateIndex) -> bool:
        doc = span.doc
        for gap in range(self.window):
            end = span.start - gap
            for phrase in self.phrases:
                start = end - len(phrase)
                if start >= 0 and tuple(t.lower_ for t in doc[start:end]) == phrase:
                    return True
        return False


class FollowedBy(_PhraseCondition):
    """A listed word or phrase starts within ``window`` tokens after the span (after ``skip`` words)."""

    key = "followed_by"

    def holds(self, span: Span, candidates: CandidateIndex) -> bool:
        doc = span.doc
        after = span.end
        skip = self.params.get("skip", ())
        while after < len(doc) and doc[after].lower_ in skip:
            after += 1
        for gap in range(self.window):
            start = after + gap
            for phrase in self.phrases:
                end = start + len(phrase)
                if end <= len(doc) and tuple(t.lower_ for t in doc[start:end]) == phrase:
                    return True
        return False


class FollowedByLabel(Condition):
    """The token right after the span starts a candidate with one of ``labels``."""

    key = "followed_by_label"

    def holds(self, span: Span, candidates: CandidateIndex) -> bool:
        return bool(candidates.labels_starting_at(span.end) & set(self.params["labels"]))


class PrecededByLabel(Condition):
    """The token right before the span ends a candidate with one of ``labels``."""

    key = "preceded_by_label"

    def holds(self, span: Span, candidates: CandidateIndex) -> bool:
        return bool(candidates.labels_ending_at(span.start) & set(self.params["labels"]))


class LineStart(Condition):
    """The span is the first word on its line (list numbering, headings)."""

    key = "line_start"

    def holds(self, span: Span, candidates: CandidateIndex) -> bool:
        if span.start == 0:
            return True
        prev = span.doc[span.start - 1]
        return "\n" in prev.text or "\n" in prev.whitespace_


def _is_title_word(token: Any) -> bool:
    return token.is_alpha and token.text[0].isupper() and not token.is_sent_start


class NextIsTitle(Condition):
    """A capitalised word follows on the same line (the span is part of a longer name)."""

    key = "next_is_title"

    def holds(self, span: Span, candidates: CandidateIndex) -> bool:
        doc = span.doc
        return span.end < len(doc) and "\n" not in span[-1].whitespace_ and _is_title_word(doc[span.end])


class PrevIsTitle(Condition):
    """A capitalised word that does not start the sentence precedes the span."""

    key = "prev_is_title"

    def holds(self, span: Span, candidates: CandidateIndex) -> bool:
        doc = span.doc
        if span.start == 0 or span[0].is_sent_start:
            return False
        prev = doc[span.start - 1]
        return _is_title_word(prev) and "\n" not in prev.whitespace_ and prev.lower_ not in ("the", "a")


class NextIsContentWord(Condition):
    """The next token is a lower-case non-stop word (the span modifies a noun)."""

    key = "next_is_content_word"

    def holds(self, span: Span, candidates: CandidateIndex) -> bool:
        doc = span.doc
        if span.end >= len(doc):
            return False
        nxt = doc[span.end]
        return nxt.is_alpha and nxt.is_lower and not nxt.is_stop and nxt.lower_ not in self.params.get("except", ())


class Capitalised(Condition):
    """The span starts with a capital letter."""

    key = "capitalised"

    def holds(self, span: Span, candidates: CandidateIndex) -> bool:
        return span.text[:1].isupper()


class Quoted(Condition):
    """The span sits directly inside quotation marks."""

    key = "quoted"

    def holds(self, span: Span, candidates: CandidateIndex) -> bool:
        doc = span.doc
        return (
            span.start > 0
            and span.end < len(doc)
            and doc[span.start - 1].text in _QUOTES
            and doc[span.end].text[:1] in _QUOTES
        )


class CandidateIndex:
    """Candidates by start token, for rules that look at their neighbours."""

    def __init__(self, spans: list[Span]) -> None:
        self.by_start: dict[int, set[str]] = {}
        self.by_end: dict[int, set[str]] = {}
        for span in spans:
            self.by_start.setdefault(span.start, set()).add(span.label_)
            self.by_end.setdefault(span.end, set()).add(span.label_)

    def labels_starting_at(self, index: int) -> set[str]:
        return self.by_start.get(index, set())

    def labels_ending_at(self, index: int) -> set[str]:
        return self.by_end.get(index, set())


@dataclass
class ContextRule:
    """Reject or relabel candidates of one label when the context says so."""

    label: str
    action: str
    when: list[Condition]
    unless: list[Condition] = field(default_factory=list)
    ids: frozenset[str] | None = None
    texts: frozenset[str] | None = None
    to: str | None = None
    to_id: str | None = None
    comment: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ContextRule:
        if data["action"] not in ("reject", "relabel"):
            raise ValueError(f"unknown action {data['action']!r}")
        return cls(
            label=data["label"],
            action=data["action"],
            when=[Condition.build(k, v) for k, v in data.get("when", {}).items()],
            unless=[Condition.build(k, v) for alt in data.get("unless", []) for k, v in alt.items()],
            ids=frozenset(data["ids"]) if "ids" in data else None,
            texts=frozenset(data["texts"]) if "texts" in data else None,
            to=data.get("to"),
            to_id=data.get("to_id"),
            comment=data.get("comment", ""),
        )

    def applies_to(self, span: Span) -> bool:
        return (
            span.label_ == self.label
            and (self.ids is None or span.id_ in self.ids)
            and (self.texts is None or span.text in self.texts)
        )

    def fires(self, span: Span, candidates: CandidateIndex) -> bool:
        return all(c.holds(span, candidates) for c in self.when) and not any(
            c.holds(span, candidates) for c in self.unless
        )


def load_context_rules(name: str = "context_rules.json") -> list[ContextRule]:
    return [ContextRule.from_dict(r) for r in load_json(name)["rules"]]


_COORDINATORS = {"and", "or", ",", "&"}


def apply_context_rules(doc: Doc, spans: list[Span], rules: list[ContextRule], coordinated: frozenset[str] = frozenset()) -> list[Span]:
    """The candidates that survive the rules, relabelled where a rule says so.

    For labels in ``coordinated``, a rejection spreads along a coordination: in
    "Police in Norfolk and Suffolk" the locative rejects "Norfolk" as the area, so
    "Suffolk" is the area too.
    """
    index = CandidateIndex(spans)
    kept: list[Span] = []
    rejected: dict[str, set[tuple[int, int]]] = {}
    for span in spans:
        for rule in rules:
            if not (rule.applies_to(span) and rule.fires(span, index)):
                continue
            if rule.action == "reject":
                rejected.setdefault(span.label_, set()).add((span.start, span.end))
                break
            span = Span(doc, span.start, span.end, label=rule.to or span.label_, span_id=rule.to_id or span.id_)
        else:
            kept.append(span)
    for label in coordinated:
        kept = _spread_rejection(doc, kept, label, rejected.get(label, set()))
    return kept


def _spread_rejection(doc: Doc, kept: list[Span], label: str, rejected: set[tuple[int, int]]) -> list[Span]:
    if not rejected:
        return kept
    ends = {end: start for start, end in rejected}
    starts = {start: end for start, end in rejected}
    changed = True
    alive = {(s.start, s.end): s for s in kept if s.label_ == label}
    while changed:
        changed = False
        for (start, end), span in list(alive.items()):
            before = start - 1 if start > 0 and doc[start - 1].lower_ in _COORDINATORS else None
            after = end if end < len(doc) and doc[end].lower_ in _COORDINATORS else None
            if (before is not None and before in ends) or (after is not None and after + 1 in starts):
                del alive[(start, end)]
                ends[end] = start
                starts[start] = end
                changed = True
    return [s for s in kept if s.label_ != label or (s.start, s.end) in alive]


