"""A context rule: the candidates it applies to, its conditions and its action, read from its dict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from pipeline._speed import span_text
from pipeline.candidates import Candidate
from pipeline.context_rules.conditions import CandidateIndex, Condition
from pipeline.resources import load_json


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
