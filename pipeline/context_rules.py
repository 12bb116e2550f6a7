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
from spacy.tokens import Doc

from pipeline.candidates import Candidate
from pipeline.patterns import load_json
from pipeline.token_view import TokenView, token_view

_QUOTES = {"'", "‘", "’", '"', "“", "”"}


class CandidateIndex:
    """The document view plus candidates by start and end token, for rules that look at neighbours."""

    def __init__(self, doc: Doc, candidates: list[Candidate]) -> None:
        self.view = token_view(doc)
        self.candidates = candidates
        self._by_start: dict[int, set[str]] | None = None
        self._by_end: dict[int, set[str]] = {}

    def _index(self) -> None:
        self._by_start = {}
        for c in self.candidates:
            self._by_start.setdefault(c.start, set()).add(c.label)
            self._by_end.setdefault(c.end, set()).add(c.label)

    def labels_starting_at(self, index: int) -> set[str]:
        if self._by_start is None:
            self._index()
        return self._by_start.get(index, set())  # type: ignore[union-attr]

    def labels_ending_at(self, index: int) -> set[str]:
        if self._by_start is None:
            self._index()
        return self._by_end.get(index, set())


class Condition:
    """A test on a candidate span (its token offsets) in its document."""

    kinds: ClassVar[dict[str, type[Condition]]] = {}
    key: ClassVar[str] = ""

    def __init_subclass__(cls) -> None:
        Condition.kinds[cls.key] = cls

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
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
        # Phrases grouped by length: one set lookup per length instead of one comparison per phrase.
        self.by_length: dict[int, frozenset[tuple[str, ...]]] = {}
        for words in params["words"]:
            phrase = tokenize_phrase(words)
            self.by_length[len(phrase)] = self.by_length.get(len(phrase), frozenset()) | {phrase}
        self.skip = frozenset(params.get("skip", ()))


class PrecededBy(_PhraseCondition):
    """A listed word or phrase ends within ``window`` tokens before the span."""

    key = "preceded_by"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        lower = ctx.view.lower
        for gap in range(self.window):
            stop = start - gap
            for length, phrases in self.by_length.items():
                begin = stop - length
                if begin >= 0 and tuple(lower[begin:stop]) in phrases:
                    return True
        return False


class FollowedBy(_PhraseCondition):
    """A listed word or phrase starts within ``window`` tokens after the span (after ``skip`` words)."""

    key = "followed_by"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        lower, n = ctx.view.lower, ctx.view.n
        after = end
        while after < n and lower[after] in self.skip:
            after += 1
        for gap in range(self.window):
            begin = after + gap
            for length, phrases in self.by_length.items():
                if begin + length <= n and tuple(lower[begin : begin + length]) in phrases:
                    return True
        return False


class FollowedByLabel(Condition):
    """The token right after the span starts a candidate with one of ``labels``."""

    key = "followed_by_label"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        return bool(ctx.labels_starting_at(end) & set(self.params["labels"]))


class PrecededByLabel(Condition):
    """The token right before the span ends a candidate with one of ``labels``."""

    key = "preceded_by_label"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        return bool(ctx.labels_ending_at(start) & set(self.params["labels"]))


class LineStart(Condition):
    """The span is the first word on its line (list numbering, headings)."""

    key = "line_start"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        return start == 0 or ctx.view.is_line_break(start - 1)


class NextIsTitle(Condition):
    """A capitalised word follows on the same line (the span is part of a longer name)."""

    key = "next_is_title"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        view = ctx.view
        return end < view.n and view.is_title_word(end)


class PrevIsTitle(Condition):
    """A capitalised word that does not start the sentence precedes the span."""

    key = "prev_is_title"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        view = ctx.view
        if view.is_sentence_initial(start):
            return False
        prev = start - 1
        return view.is_title_word(prev) and view.lower[prev] not in ("the", "a")


class NextIsContentWord(Condition):
    """The next token is a lower-case non-stop word (the span modifies a noun)."""

    key = "next_is_content_word"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        view = ctx.view
        if end >= view.n:
            return False
        return view.is_lower_word(end) and not view.stop[end] and view.lower[end] not in self.params.get("except", ())


class Capitalised(Condition):
    """The span starts with a capital letter."""

    key = "capitalised"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        return ctx.view.text[start][:1].isupper()


class Quoted(Condition):
    """The span sits directly inside quotation marks."""

    key = "quoted"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        view = ctx.view
        return start > 0 and end < view.n and view.text[start - 1] in _QUOTES and view.text[end][:1] in _QUOTES


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

    def applies_to(self, cand: Candidate, ctx: CandidateIndex) -> bool:
        if self.ids is not None and cand.id not in self.ids:
            return False
        if self.texts is None:
            return True
        # Most candidates are one token: compare its text without building a string.
        view = ctx.view
        text = view.text[cand.start] if cand.end - cand.start == 1 else view.span_text(cand.start, cand.end)
        return text in self.texts

    def fires(self, cand: Candidate, ctx: CandidateIndex) -> bool:
        start, end = cand.start, cand.end
        return all(c.holds(start, end, ctx) for c in self.when) and not any(c.holds(start, end, ctx) for c in self.unless)


def load_context_rules(name: str = "context_rules.json") -> list[ContextRule]:
    return [ContextRule.from_dict(r) for r in load_json(name)["rules"]]


_COORDINATORS = {"and", "or", ",", "&"}


def apply_context_rules(
    doc: Doc, candidates: list[Candidate], rules: list[ContextRule], coordinated: frozenset[str] = frozenset()
) -> list[Candidate]:
    """The candidates that survive the rules, relabelled where a rule says so.

    For labels in ``coordinated``, a rejection spreads along a coordination: in
    "Police in Norfolk and Suffolk" the locative rejects "Norfolk" as the area, so
    "Suffolk" is the area too.
    """
    ctx = CandidateIndex(doc, candidates)
    by_label: dict[str, list[ContextRule]] = {}
    for rule in rules:
        by_label.setdefault(rule.label, []).append(rule)
    kept: list[Candidate] = []
    rejected: dict[str, set[tuple[int, int]]] = {}
    for cand in candidates:
        for rule in by_label.get(cand.label, ()):
            if not (rule.applies_to(cand, ctx) and rule.fires(cand, ctx)):
                continue
            if rule.action == "reject":
                rejected.setdefault(cand.label, set()).add((cand.start, cand.end))
                break
            cand = Candidate(cand.start, cand.end, rule.to or cand.label, rule.to_id or cand.id)
        else:
            kept.append(cand)
    for label in coordinated:
        kept = _spread_rejection(ctx.view, kept, label, rejected.get(label, set()))
    return kept


def _spread_rejection(view: TokenView, kept: list[Candidate], label: str, rejected: set[tuple[int, int]]) -> list[Candidate]:
    if not rejected:
        return kept
    ends = {end: start for start, end in rejected}
    starts = {start: end for start, end in rejected}
    changed = True
    alive = {(c.start, c.end) for c in kept if c.label == label}
    while changed:
        changed = False
        for start, end in list(alive):
            before = start > 0 and view.lower[start - 1] in _COORDINATORS and (start - 1) in ends
            after = end < view.n and view.lower[end] in _COORDINATORS and (end + 1) in starts
            if before or after:
                alive.discard((start, end))
                ends[end] = start
                starts[start] = end
                changed = True
    return [c for c in kept if c.label != label or (c.start, c.end) in alive]
