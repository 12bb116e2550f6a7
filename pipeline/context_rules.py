"""Context rules over entity candidates, read from ``data/context_rules.json``.

In the manner of medspaCy's post-processing rules: one small class per condition
kind, and a rule that combines conditions with an action. The resolver applies the
rules in file order; keeping them as data means a reviewer reads the policy
("a place after 'in' is the area") without reading code.

The rules are checked for every candidate of every document, so what can be worked
out once is worked out when they are loaded. ``RuleIndex`` files the rules under the
label and id they apply to, so a candidate meets only the rules that can apply to it.
Each such ``RuleGroup`` knows the words next to a span (and the texts) without which
its phrase rules cannot fire: a candidate with none of them meets only the rules that
need no such word, which for most candidates is none. The phrase conditions file
their phrases under the word that touches the span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable

from spacy.tokens import Doc

from pipeline._speed import TokenView, span_text, token_view
from pipeline.candidates import Candidate
from pipeline.resources import load_json, tokenize_phrase

_QUOTES = frozenset({"'", "‘", "’", '"', "“", "”"})


class CandidateIndex:
    """The document view plus where candidates of given labels start and end, for rules that look at neighbours.

    Each index (per set of labels a rule asks about) is built on the first question.
    """

    def __init__(self, doc: Doc, candidates: list[Candidate], view: TokenView | None = None) -> None:
        self.view = view or token_view(doc)
        self.candidates = candidates
        self._starts: dict[frozenset[str], set[int]] = {}
        self._ends: dict[frozenset[str], set[int]] = {}

    def label_starts_at(self, index: int, labels: frozenset[str]) -> bool:
        """A candidate with one of ``labels`` starts at token ``index``."""
        starts = self._starts.get(labels)
        if starts is None:
            starts = self._starts[labels] = {c.start for c in self.candidates if c.label in labels}
        return index in starts

    def label_ends_at(self, index: int, labels: frozenset[str]) -> bool:
        """A candidate with one of ``labels`` ends just before token ``index``."""
        ends = self._ends.get(labels)
        if ends is None:
            ends = self._ends[labels] = {c.end for c in self.candidates if c.label in labels}
        return index in ends


class Condition:
    """A test on a candidate span (its token offsets) in its document."""

    kinds: ClassVar[dict[str, type[Condition]]] = {}
    key: ClassVar[str] = ""
    # The words the token just before (after) the span must be for the condition to hold;
    # None: no such limit. A rule checks these before calling ``holds``.
    needs_before: frozenset[str] | None = None
    needs_after: frozenset[str] | None = None

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


class _PhraseCondition(Condition):
    """Phrases filed under the word that touches the span (the last word before it, the first after it), by length."""

    from_end: ClassVar[bool] = False  # file phrases under their last word (they end where the span starts)

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.window = int(params.get("window", 1))
        phrases = {tokenize_phrase(words) for words in params["words"]}
        # An empty phrase (a blank entry) matches anywhere.
        self.always = () in phrases
        by_word: dict[str, dict[int, set[tuple[str, ...]]]] = {}
        for phrase in phrases - {()}:
            word = phrase[-1] if self.from_end else phrase[0]
            by_word.setdefault(word, {}).setdefault(len(phrase), set()).add(phrase)
        # One slice and set look-up per length; one-word phrases first, as they need no slice.
        self.by_word: dict[str, tuple[tuple[int, frozenset[tuple[str, ...]]], ...]] = {
            word: tuple((length, frozenset(found)) for length, found in sorted(by_length.items()))
            for word, by_length in by_word.items()
        }
        self.skip = frozenset(params.get("skip", ()))
        if self.window == 1 and not self.always:
            # The neighbour must be a word a phrase touches the span with (or, after the span, a skipped word).
            if self.from_end:
                self.needs_before = frozenset(self.by_word)
            else:
                self.needs_after = frozenset(self.by_word) | self.skip


class PrecededBy(_PhraseCondition):
    """A listed word or phrase ends within ``window`` tokens before the span."""

    key = "preceded_by"
    from_end = True

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        if self.always:
            return True
        lower = ctx.view.lower
        for stop in range(start, max(start - self.window, 0), -1):
            by_length = self.by_word.get(lower[stop - 1])
            if by_length is None:
                continue
            for length, phrases in by_length:
                if length == 1 or (stop >= length and tuple(lower[stop - length : stop]) in phrases):
                    return True
        return False


class FollowedBy(_PhraseCondition):
    """A listed word or phrase starts within ``window`` tokens after the span (after ``skip`` words)."""

    key = "followed_by"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        if self.always:
            return True
        lower, n = ctx.view.lower, ctx.view.n
        after = end
        if self.skip:
            while after < n and lower[after] in self.skip:
                after += 1
        for begin in range(after, min(after + self.window, n)):
            by_length = self.by_word.get(lower[begin])
            if by_length is None:
                continue
            for length, phrases in by_length:
                if length == 1 or (begin + length <= n and tuple(lower[begin : begin + length]) in phrases):
                    return True
        return False


class FollowedByLabel(Condition):
    """The token right after the span starts a candidate with one of ``labels``."""

    key = "followed_by_label"

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.labels = frozenset(params["labels"])

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        return ctx.label_starts_at(end, self.labels)


class PrecededByLabel(Condition):
    """The token right before the span ends a candidate with one of ``labels``."""

    key = "preceded_by_label"

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.labels = frozenset(params["labels"])

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        return ctx.label_ends_at(start, self.labels)


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
        if start == 0:
            return False  # sentence-initial
        view, prev = ctx.view, start - 1
        # is_title_word first: it fails fast on the usual lower-case word or punctuation.
        return view.is_title_word(prev) and not view.is_sentence_initial(start) and view.lower[prev] not in ("the", "a")


class NextIsContentWord(Condition):
    """The next token is a lower-case non-stop word (the span modifies a noun)."""

    key = "next_is_content_word"

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.exceptions = frozenset(params.get("except", ()))

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        view = ctx.view
        if end >= view.n:
            return False
        return view.is_lower_word(end) and not view.is_stop(end) and view.lower[end] not in self.exceptions


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
    # What the ``when`` conditions need of the tokens next to the span (see ``Condition.needs_before``).
    needs_before: frozenset[str] | None = field(init=False, default=None)
    needs_after: frozenset[str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.needs_before = _all_of(c.needs_before for c in self.when)
        self.needs_after = _all_of(c.needs_after for c in self.when)

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
        return self.texts is None or span_text(ctx.view, cand.start, cand.end) in self.texts

    def fires(self, cand: Candidate, ctx: CandidateIndex) -> bool:
        return self.fires_at(cand.start, cand.end, ctx)

    def fires_at(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        # Plain loops: the conditions are few, and this runs for every candidate a rule applies to.
        for condition in self.when:
            if not condition.holds(start, end, ctx):
                return False
        for condition in self.unless:
            if condition.holds(start, end, ctx):
                return False
        return True


def _all_of(limits: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """The words that meet every limit (None: no limit at all)."""
    found: frozenset[str] | None = None
    for words in limits:
        if words is not None:
            found = words if found is None else found & words
    return found


def load_context_rules(name: str = "context_rules.json") -> list[ContextRule]:
    return [ContextRule.from_dict(r) for r in load_json(name)["rules"]]


@dataclass(frozen=True)
class RuleGroup:
    """The rules a candidate of one label and id meets, in file order, with their trigger words.

    A rule whose ``when`` needs a word next to the span, or that has ``texts``, cannot
    fire unless the candidate has such a word or text (its trigger). A candidate that
    has no trigger of any rule in the group meets only the rules without one.
    """

    rules: tuple[ContextRule, ...]
    untriggered: tuple[ContextRule, ...]
    words_before: frozenset[str]
    words_after: frozenset[str]
    texts: frozenset[str]

    @classmethod
    def of(cls, rules: tuple[ContextRule, ...]) -> RuleGroup:
        def has_trigger(rule: ContextRule) -> bool:
            return rule.needs_before is not None or rule.needs_after is not None or rule.texts is not None

        triggered = [r for r in rules if has_trigger(r)]
        return cls(
            rules=rules,
            untriggered=tuple(r for r in rules if not has_trigger(r)),
            words_before=frozenset().union(*(r.needs_before for r in triggered if r.needs_before is not None)),
            words_after=frozenset().union(*(r.needs_after for r in triggered if r.needs_after is not None)),
            texts=frozenset().union(*(r.texts for r in triggered if r.texts is not None)),
        )


class RuleIndex:
    """Rules in file order, filed by the label and id of the candidates they can apply to.

    A candidate of label L and id I meets L's rules without ``ids`` and those whose
    ``ids`` hold I, in file order: the rules, and the order, in which a scan of all the
    rules would find the ones whose label and ids apply to it.
    """

    def __init__(self, rules: Iterable[ContextRule]) -> None:
        self.rules = list(rules)
        self.by_label: dict[str, tuple[ContextRule, ...]] = {}
        for rule in self.rules:
            self.by_label[rule.label] = (*self.by_label.get(rule.label, ()), rule)
        # Per label: the group for a candidate of each id some rule names, and the one for any
        # other id; None where there are no rules.
        self.groups: dict[str, tuple[dict[str, RuleGroup | None], RuleGroup | None]] = {}
        for label, rules_ in self.by_label.items():
            named = {i for rule in rules_ if rule.ids is not None for i in rule.ids}
            by_id = {i: RuleGroup.of(tuple(r for r in rules_ if r.ids is None or i in r.ids)) for i in named}
            any_id = RuleGroup.of(tuple(r for r in rules_ if r.ids is None))
            self.groups[label] = ({i: g if g.rules else None for i, g in by_id.items()}, any_id if any_id.rules else None)

    def for_candidate(self, label: str, id_: str) -> RuleGroup | None:
        """The rules a candidate meets; None if there are none."""
        filed = self.groups.get(label)
        return None if filed is None else filed[0].get(id_, filed[1])


_COORDINATORS = {"and", "or", ",", "&"}


def apply_context_rules(
    doc: Doc,
    candidates: list[Candidate],
    rules: RuleIndex | list[ContextRule],
    coordinated: frozenset[str] = frozenset(),
    view: TokenView | None = None,
) -> list[Candidate]:
    """The candidates that survive the rules, relabelled where a rule says so.

    For labels in ``coordinated``, a rejection spreads along a coordination: in
    "Police in Norfolk and Suffolk" the locative rejects "Norfolk" as the area, so
    "Suffolk" is the area too. ``view``: the doc's ``TokenView``, if the caller has it.
    """
    index = rules if isinstance(rules, RuleIndex) else RuleIndex(rules)
    ctx = CandidateIndex(doc, candidates, view)
    view = ctx.view
    lower, n = view.lower, view.n
    kept: list[Candidate] = []
    rejected: dict[str, set[tuple[int, int]]] = {}
    groups = index.groups
    for cand in candidates:
        start, end, label, id_ = cand
        filed = groups.get(label)  # index.for_candidate, inlined: this runs for every candidate
        group = None if filed is None else filed[0].get(id_, filed[1])
        if group is None:
            kept.append(cand)
            continue
        before = lower[start - 1] if start > 0 else None
        after = lower[end] if end < n else None
        text = None
        if group.texts:
            text = view.text[start] if end - start == 1 else span_text(view, start, end)
        triggered = before in group.words_before or after in group.words_after or text in group.texts
        for rule in group.rules if triggered else group.untriggered:
            # Cheapest first: the neighbouring words and the text, then the conditions.
            if rule.needs_before is not None and before not in rule.needs_before:
                continue
            if rule.needs_after is not None and after not in rule.needs_after:
                continue
            if rule.texts is not None and text not in rule.texts:
                continue
            if not rule.fires_at(start, end, ctx):
                continue
            if rule.action == "reject":
                rejected.setdefault(label, set()).add((start, end))
            else:
                relabelled = _after_relabel(cand, rule, index.by_label[label], ctx, rejected)
                if relabelled is not None:
                    kept.append(relabelled)
            break
        else:
            kept.append(cand)
    for label in coordinated:
        kept = _spread_rejection(view, kept, label, rejected.get(label, set()))
    return kept


def _after_relabel(
    cand: Candidate, rule: ContextRule, label_rules: tuple[ContextRule, ...], ctx: CandidateIndex,
    rejected: dict[str, set[tuple[int, int]]],
) -> Candidate | None:
    """``cand`` relabelled by ``rule``, then put through the rest of its original label's rules (None: rejected).

    The new id may admit rules the index filed elsewhere, so the rest are scanned with ``applies_to``.
    """
    position = next(i for i, r in enumerate(label_rules) if r is rule)
    cand = Candidate(cand.start, cand.end, rule.to or cand.label, rule.to_id or cand.id)
    for later in label_rules[position + 1 :]:
        if not (later.applies_to(cand, ctx) and later.fires(cand, ctx)):
            continue
        if later.action == "reject":
            rejected.setdefault(cand.label, set()).add((cand.start, cand.end))
            return None
        cand = Candidate(cand.start, cand.end, later.to or cand.label, later.to_id or cand.id)
    return cand


def _spread_rejection(view: TokenView, kept: list[Candidate], label: str, rejected: set[tuple[int, int]]) -> list[Candidate]:
    if not rejected:
        return kept
    alive = {(c.start, c.end) for c in kept if c.label == label}
    if not alive:
        return kept
    ends = {end: start for start, end in rejected}
    starts = {start: end for start, end in rejected}
    spread = False
    changed = True
    while changed:
        changed = False
        for start, end in list(alive):
            before = start > 0 and view.lower[start - 1] in _COORDINATORS and (start - 1) in ends
            after = end < view.n and view.lower[end] in _COORDINATORS and (end + 1) in starts
            if before or after:
                alive.discard((start, end))
                ends[end] = start
                starts[start] = end
                changed = spread = True
    if not spread:
        return kept
    return [c for c in kept if c.label != label or (c.start, c.end) in alive]
