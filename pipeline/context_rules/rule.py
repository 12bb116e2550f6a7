"""A context rule: the candidates it applies to, its conditions and its action, read from its dict.

The file's schema (``data/schemas/context_rules.schema.json``) checks a rule's shape;
what only the code knows is checked here, when the rules load: every condition is one
the registry holds and is given only the parameters it takes, and every label is a
label a candidate can have. A mistake fails loudly, naming the file and the rule,
rather than making a rule that silently never fires.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from pipeline._speed import span_text
from pipeline.candidates import CANDIDATE_LABELS, Candidate
from pipeline.context_rules.conditions import CandidateIndex, Condition
from pipeline.resources import DataFileError, Problem, data_source, json_path, load_data


@dataclass
class ContextRule:
    """Reject or relabel candidates of one label when the context says so."""

    label: str
    action: str
    when: list[Condition]
    # Each alternative of ``unless`` holds when all of its conditions do ("preceded by 'its' and followed by
    # 'grade'"); the rule does not fire when any alternative holds.
    unless: list[tuple[Condition, ...]] = field(default_factory=list)
    ids: frozenset[str] | None = None
    texts: frozenset[str] | None = None
    to: str | None = None
    to_id: str | None = None
    comment: str = ""
    # What the ``when`` conditions need of the tokens next to the span (see ``Condition.needs_before``).
    needs_before: frozenset[str] | None = field(init=False, default=None)
    needs_after: frozenset[str] | None = field(init=False, default=None)
    # ``fires_at``, or for a rule of one condition and no exceptions (most rules) that condition's ``holds``:
    # the rule is asked about every candidate it meets, and this saves a call each time.
    check: Callable[[int, int, CandidateIndex], bool] = field(init=False, repr=False, compare=False)
    # One test per alternative of ``unless``: a one-condition alternative (nearly all) is its condition's ``holds``.
    _exceptions: list[Callable[[int, int, CandidateIndex], bool]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.needs_before = _all_of(c.needs_before for c in self.when)
        self.needs_after = _all_of(c.needs_after for c in self.when)
        self.check = self.when[0].holds if len(self.when) == 1 and not self.unless else self.fires_at
        self._exceptions = [group[0].holds if len(group) == 1 else _all_hold(group) for group in self.unless]

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "a context rule") -> ContextRule:
        """The rule ``data`` describes; ``DataFileError`` (naming ``source``) if it names an unknown condition,
        parameter or label."""
        problems = rule_problems(data)
        if problems:
            raise DataFileError(source, problems)
        if data["action"] not in ("reject", "relabel"):
            raise ValueError(f"unknown action {data['action']!r}")
        return cls(
            label=data["label"],
            action=data["action"],
            when=[Condition.build(k, v) for k, v in data.get("when", {}).items()],
            unless=[tuple(Condition.build(k, v) for k, v in alt.items()) for alt in data.get("unless", [])],
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
        for holds in self._exceptions:
            if holds(start, end, ctx):
                return False
        return True


def _all_hold(group: tuple[Condition, ...]) -> Callable[[int, int, CandidateIndex], bool]:
    """A test that holds where every condition of ``group`` does."""
    def holds(start: int, end: int, ctx: CandidateIndex) -> bool:
        return all(condition.holds(start, end, ctx) for condition in group)
    return holds


def _all_of(limits: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """The words that meet every limit (None: no limit at all)."""
    found: frozenset[str] | None = None
    for words in limits:
        if words is not None:
            found = words if found is None else found & words
    return found


def rule_problems(data: dict[str, Any], root: str = "$") -> list[Problem]:
    """What is wrong with one rule's dict that its schema cannot say: (JSON path, problem)."""
    problems: list[Problem] = []
    for key in ("label", "to"):
        if isinstance(data.get(key), str) and data[key] not in CANDIDATE_LABELS:
            problems.append((json_path([key], root), f"unknown candidate label {data[key]!r} "
                                                      f"(known: {', '.join(sorted(CANDIDATE_LABELS))})"))
    places: list[tuple[list[str | int], Any]] = [(["when"], data.get("when", {}))]
    places += [(["unless", i], alternative) for i, alternative in enumerate(data.get("unless", []))]
    for parts, conditions in places:
        if isinstance(conditions, dict):
            for key, params in conditions.items():
                where = json_path([*parts, key], root)
                problems += [(where + below, problem) for below, problem in Condition.problems(key, params)]
    return problems


def context_rules_from(data: dict[str, Any], source: str) -> list[ContextRule]:
    """The rules of a parsed context-rule file (named ``source`` in errors), in file order, every one
    checked (``DataFileError`` lists all problems)."""
    rules = data["rules"]
    problems = [problem for i, rule in enumerate(rules) for problem in rule_problems(rule, json_path(["rules", i]))]
    if problems:
        raise DataFileError(source, problems)
    return [ContextRule.from_dict(rule, source) for rule in rules]


def load_context_rules(name: str = "context_rules.json") -> list[ContextRule]:
    """The rules of ``pipeline/data/<name>`` (see ``context_rules_from``)."""
    return context_rules_from(load_data(name), data_source(name))
