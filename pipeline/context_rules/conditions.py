"""What a rule's conditions mean: the registry of condition kinds, one documented class each.

A condition is a test on a candidate span (its token offsets) in its document. Each
kind registers itself under its ``key``, the name a rule in ``data/context_rules.json``
gives it (``"preceded_by": {"words": [...], "window": 1}``); its parameters are the
object under that name, and the kind declares the ones it takes (``takes``, as JSON
Schema), so a misspelt condition or parameter fails when the rules load.

The conditions are checked for every candidate a rule applies to, so what can be
worked out once is worked out when they are built. The phrase conditions file their
phrases under the word that touches the span, and say which words a neighbour must be
for them to hold (``needs_before``/``needs_after``), so the index can pass over a
candidate without calling them.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from spacy.tokens import Doc

from pipeline._speed import TokenView, token_view
from pipeline.candidates import CANDIDATE_LABELS, Candidate
from pipeline.resources import Problem, schema_problems, tokenize_phrase

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
        self._covered: dict[frozenset[str], set[int]] = {}
        self._labels: dict[tuple[int, int], str] | None = None

    def label_of(self, start: int, end: int) -> str | None:
        """The label of the first candidate spanning exactly ``start``..``end`` (a look-up, not a pass per question)."""
        labels = self._labels
        if labels is None:
            labels = self._labels = {}
            for c in self.candidates:
                labels.setdefault((c.start, c.end), c.label)
        return labels.get((start, end))

    def label_starts_at(self, index: int, labels: frozenset[str]) -> bool:
        """A candidate with one of ``labels`` starts at token ``index``."""
        starts = self._starts.get(labels)
        if starts is None:
            starts = self._starts[labels] = {c.start for c in self.candidates if c.label in labels}
        return index in starts

    def covered(self, labels: frozenset[str]) -> set[int]:
        """The tokens inside a candidate with one of ``labels``."""
        found = self._covered.get(labels)
        if found is None:
            found = self._covered[labels] = {i for c in self.candidates if c.label in labels for i in range(c.start, c.end)}
        return found

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
    # The parameters the condition takes, each as a JSON Schema (with its description), and
    # those a rule must give. A rule that gives another fails when the rules load.
    takes: ClassVar[dict[str, dict[str, Any]]] = {}
    required: ClassVar[tuple[str, ...]] = ()
    # The words the token just before (after) the span must be for the condition to hold;
    # None: no such limit. A rule checks these before calling ``holds``.
    needs_before: frozenset[str] | None = None
    needs_after: frozenset[str] | None = None

    def __init_subclass__(cls) -> None:
        if cls.key:  # a kind a rule can name (not a base such as _PhraseCondition)
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

    @classmethod
    def problems(cls, key: str, params: Any) -> list[Problem]:
        """What is wrong with condition ``key`` given ``params``: (path below the condition, problem)."""
        kind = cls.kinds.get(key)
        if kind is None:
            return [("", f"unknown condition {key!r} (known: {', '.join(sorted(cls.kinds))})")]
        schema = {"type": "object", "properties": kind.takes, "required": list(kind.required), "additionalProperties": False}
        return schema_problems(schema, params, root="", key="parameter")


_WORDS = {"type": "array", "minItems": 1, "items": {"type": "string"},
          "description": "Words or phrases, tokenised as documents are and matched lower-cased; an empty one matches anywhere."}
_WINDOW = {"type": "integer", "minimum": 1, "description": "How many tokens from the span a phrase may touch it (default 1: next to it)."}


class _PhraseCondition(Condition):
    """Phrases filed under the word that touches the span (the last word before it, the first after it), by length."""

    from_end: ClassVar[bool] = False  # file phrases under their last word (they end where the span starts)
    takes = {"words": _WORDS, "window": _WINDOW}
    required = ("words",)

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
    takes = {**_PhraseCondition.takes,
             "skip": {"type": "array", "items": {"type": "string"},
                      "description": "Tokens after the span passed over before the phrase ('s in \"Norfolk's commissioner\")."}}

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


class _LabelCondition(Condition):
    """A condition on the candidates next to the span, by their ``labels``."""

    takes = {"labels": {"type": "array", "minItems": 1, "items": {"enum": sorted(CANDIDATE_LABELS)},
                        "description": "Candidate labels."}}
    required = ("labels",)

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.labels = frozenset(params["labels"])


_SHAPE_MEMO_LIMIT = 20_000  # token texts remembered by a shape condition before it starts afresh

_SKIP = {"type": "array", "items": {"type": "string"},
         "description": "Tokens after the span passed over first ('s in \"Nottinghamshire's Victim Care\")."}


def _after_skip(end: int, skip: frozenset[str], ctx: CandidateIndex) -> int:
    """The first token at or after ``end`` that is not one of ``skip``."""
    lower, n = ctx.view.lower, ctx.view.n
    while end < n and lower[end] in skip:
        end += 1
    return end


class FollowedByLabel(_LabelCondition):
    """The token right after the span (after ``skip`` tokens) starts a candidate with one of ``labels``."""

    key = "followed_by_label"
    takes = {**_LabelCondition.takes, "skip": _SKIP}

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.skip = frozenset(params.get("skip", ()))

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        return ctx.label_starts_at(_after_skip(end, self.skip, ctx) if self.skip else end, self.labels)


class PrecededByLabel(_LabelCondition):
    """The token right before the span ends a candidate with one of ``labels``."""

    key = "preceded_by_label"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        return ctx.label_ends_at(start, self.labels)


class LabelEarlierOnLine(_LabelCondition):
    """A candidate with one of ``labels`` ends within ``window`` tokens before the span, on the span's line: the
    unit a list gave its first figure ("96.4 per cent, followed by ..., then Kent (94.3)") still holds."""

    key = "label_earlier_on_line"
    takes = {**_LabelCondition.takes, "window": _WINDOW}

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.window = int(params.get("window", 1))

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        view = ctx.view
        for i in range(start, max(start - self.window, 0), -1):
            if ctx.label_ends_at(i, self.labels):
                return True
            if view.is_line_break(i - 1):
                return False
        return False


class LineStart(Condition):
    """The span is the first word on its line (list numbering, headings)."""

    key = "line_start"

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        return start == 0 or ctx.view.is_line_break(start - 1)


class NextIsTitle(Condition):
    """A capitalised word follows on the same line, after ``skip`` tokens (the span is part of a longer name)."""

    key = "next_is_title"
    takes = {"skip": _SKIP}

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.skip = frozenset(params.get("skip", ()))

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        view = ctx.view
        if self.skip:
            end = _after_skip(end, self.skip, ctx)
        return end < view.n and view.is_title_word(end)


class PrevIsTitle(Condition):
    """A capitalised word that does not start the sentence precedes the span (the words that do not count,
    such as a title-case 'The', are the rule's: ``unless`` ``preceded_by``)."""

    key = "prev_is_title"
    takes = {"not_capitals": {"type": "boolean",
                              "description": "The word is not written all in capitals (a heading's word or an acronym)."}}

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.not_capitals = bool(params.get("not_capitals", False))

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        if start == 0:
            return False  # sentence-initial
        view, prev = ctx.view, start - 1
        # is_title_word first: it fails fast on the usual lower-case word or punctuation.
        return (view.is_title_word(prev) and not view.is_sentence_initial(start)
                and not (self.not_capitals and view.text[prev].isupper()))


class AloneOnLine(Condition):
    """The span's line holds nothing else but ``joiners`` and other candidates of its label: a section
    heading or navigation line ("Cheshire & Merseyside"), not a sentence."""

    key = "alone_on_line"
    takes = {"joiners": {"type": "array", "items": {"type": "string"},
                         "description": "Lower-case tokens that may stand between the names ('&', 'and', ',')."}}

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.joiners = frozenset(params.get("joiners", ()))

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        view = ctx.view
        if not (start == 0 or view.is_line_break(start - 1) or view.lower[start - 1] in self.joiners):
            return False  # the usual case, answered by one look
        label = ctx.label_of(start, end)
        covered = ctx.covered(frozenset({label})) if label else set()
        joiners, lower, is_space = self.joiners, view.lower, view.is_space

        def other(i: int) -> bool:
            return i not in covered and lower[i] not in joiners and not is_space[i]

        i = start - 1
        while i >= 0 and not view.is_line_break(i):  # outwards from the span: a sentence fails at its nearest word
            if other(i):
                return False
            i -= 1
        i = end
        while i < view.n and not view.is_line_break(i):
            if other(i):
                return False
            i += 1
        return True


class Shape(Condition):
    """The span's text matches the regular expression ``pattern`` (whole text): "^\\d{1,2}$" for a small numeral."""

    key = "shape"
    takes = {"pattern": {"type": "string", "minLength": 1, "description": "A Python regular expression the span's text must match in full."}}
    required = ("pattern",)

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.pattern = re.compile(params["pattern"])

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        view = ctx.view
        text = view.text[start] if end - start == 1 else view.span_text(start, end)
        return self.pattern.fullmatch(text) is not None


class PrecededByShape(Condition):
    """A token within ``window`` tokens before the span matches ``pattern`` in full: a phone number's
    dialling code ("01785 232525")."""

    key = "preceded_by_shape"
    takes = {"pattern": {"type": "string", "minLength": 1, "description": "A Python regular expression a token must match in full."},
             "window": _WINDOW}
    required = ("pattern",)

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.pattern = re.compile(params["pattern"])
        self.window = int(params.get("window", 1))
        if self.window == 1 and re.escape(params["pattern"]) == params["pattern"]:
            # A literal ("of", ":"): only a span after that very word can meet it, so the index asks no other.
            self.needs_before = frozenset({params["pattern"].lower()})
        # Token text -> whether it matches: it is asked before every count, and the words repeat.
        self._matches: dict[str, bool] = {}

    def holds(self, start: int, end: int, ctx: CandidateIndex) -> bool:
        text, matches = ctx.view.text, self._matches
        for i in range(max(start - self.window, 0), start):
            word = text[i]
            found = matches.get(word)
            if found is None:
                if len(matches) >= _SHAPE_MEMO_LIMIT:
                    matches.clear()
                found = matches[word] = self.pattern.fullmatch(word) is not None
            if found:
                return True
        return False


class NextIsContentWord(Condition):
    """The next token is a lower-case non-stop word (the span modifies a noun)."""

    key = "next_is_content_word"
    takes = {"except": {"type": "array", "items": {"type": "string"},
                        "description": "Lower-case words that do not count as content words here."}}

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
