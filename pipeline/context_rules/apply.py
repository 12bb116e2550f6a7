"""Applying the rules to a document's candidates: rejecting, relabelling, and spreading a
rejection along a coordination ("in Norfolk and Suffolk")."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from pipeline._speed import TokenView, span_text
from pipeline.candidates import Candidate
from pipeline.context_rules.conditions import CandidateIndex
from pipeline.context_rules.index import RuleIndex
from pipeline.context_rules.rule import ContextRule
from pipeline.resources import load_data


@lru_cache(maxsize=1)
def default_coordinators() -> frozenset[str]:
    """The words that join two names of one kind ("and", ","), from ``data/word_sets.json``."""
    return frozenset(load_data("word_sets.json")["phrasing"]["coordinators"]["words"])


def apply_context_rules(
    doc: Doc,
    candidates: list[Candidate],
    rules: RuleIndex | list[ContextRule],
    coordinated: frozenset[str] = frozenset(),
    view: TokenView | None = None,
    coordinators: frozenset[str] | None = None,
) -> list[Candidate]:
    """The candidates that survive the rules, relabelled where a rule says so.

    For labels in ``coordinated``, a rejection spreads along a coordination: in
    "Police in Norfolk and Suffolk" the locative rejects "Norfolk" as the area, so
    "Suffolk" is the area too; ``coordinators`` are the words that join them (by default
    ``default_coordinators()``: a caller that applies rules to every document passes them).
    ``view``: the doc's ``TokenView``, if the caller has it.
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
            if not rule.check(start, end, ctx):
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
    if coordinated:
        joining = default_coordinators() if coordinators is None else coordinators
        for label in coordinated:
            kept = _spread_rejection(view, kept, label, rejected.get(label, set()), joining)
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


def _spread_rejection(
    view: TokenView, kept: list[Candidate], label: str, rejected: set[tuple[int, int]], coordinators: frozenset[str]
) -> list[Candidate]:
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
            before = start > 0 and view.lower[start - 1] in coordinators and (start - 1) in ends
            after = end < view.n and view.lower[end] in coordinators and (end + 1) in starts
            if before or after:
                alive.discard((start, end))
                ends[end] = start
                starts[start] = end
                changed = spread = True
    if not spread:
        return kept
    return [c for c in kept if c.label != label or (c.start, c.end) in alive]
