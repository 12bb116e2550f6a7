"""How rules are filed, so that a candidate meets only the rules that can apply to it.

The rules are checked for every candidate of every document, so what can be worked
out once is worked out when they are loaded. ``RuleIndex`` files the rules under the
label and id they apply to, so a candidate meets only the rules that can apply to it.
Each such ``RuleGroup`` knows the words next to a span (and the texts) without which
its phrase rules cannot fire: a candidate with none of them meets only the rules that
need no such word, which for most candidates is none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from pipeline.context_rules.rule import ContextRule


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
