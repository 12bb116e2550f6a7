"""The linker: the rules in their declared order over one document, each finding kept once.

Built from data only (the cue file, the force places, the honorifics), checked when
built: the cue file against what every reading module declares, and the rule order
against what each rule writes to and reads from the shared state.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from spacy.tokens import Doc

from pipeline.linking import figure_tests, focus
from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc
from pipeline.linking.findings import Finding
from pipeline.linking.lexicon import Lexicon
from pipeline.linking.resolvers import crime_type, force, per_year, polarity, qualifier, year
from pipeline.linking.rules import RULE_ORDER, LinkRule, areas, audit_pairs
from pipeline.linking.state import STATE_FIELDS, SharedState

# Every module that reads the cue file besides the rules (which declare theirs on the class).
_READING_MODULES = (figure_tests, focus, crime_type, force, per_year, polarity, qualifier, year, audit_pairs, areas)

Identity = tuple[tuple[str, str], ...]


def cue_readers(rules: Iterable[type[LinkRule]] = RULE_ORDER) -> list[tuple[str, CueReads]]:
    """What each module and rule reads of the cue file, by name."""
    found = [(module.__name__, module.CUE_READS) for module in _READING_MODULES]
    return found + [(f"{rule.__module__}.{rule.__name__}", rule.cue_reads) for rule in rules]


def build_lexicon(cue_data: Mapping[str, Any], forces: Mapping[str, Any], titles: Mapping[str, Any],
                  rules: Iterable[type[LinkRule]] = RULE_ORDER) -> Lexicon:
    """The linker's lexicon from its data files, checked against what the rules read."""
    return Lexicon.build(cue_data, forces, titles, cue_readers(rules))


def check_rule_order(rules: Iterable[type[LinkRule]]) -> None:
    """Each shared field a rule reads is written by that rule or one before it; only declared fields are named."""
    written: set[str] = set()
    for rule in rules:
        unknown = (rule.writes | rule.reads) - STATE_FIELDS
        if unknown:
            raise ValueError(f"{rule.__name__} names shared state that does not exist: {sorted(unknown)}")
        written |= rule.writes
        missing = rule.reads - written
        if missing:
            raise ValueError(f"{rule.__name__} reads {sorted(missing)} before any rule writes it: reorder the rules")


def _identity(finding: Finding) -> Identity:
    """What makes two findings the same: all their fields but the entities, as text."""
    return tuple([(k, str(v)) for k, v in finding.items() if k != "entities"])


class Linker:
    """The SCHEMA §2 findings of a document, from its entities, cues and sentence focus."""

    def __init__(self, lexicon: Lexicon, rules: Iterable[type[LinkRule]] = RULE_ORDER) -> None:
        rules = tuple(rules)
        check_rule_order(rules)
        self.lexicon = lexicon
        self.rules = [rule(lexicon) for rule in rules]

    def __call__(self, doc: Doc) -> list[Finding]:
        link_doc = LinkDoc(doc, self.lexicon)
        state = SharedState()
        findings: list[Finding] = []
        # Findings the same in every field share their type and evidence: only findings
        # of one type in one sentence are compared field by field, and most places hold
        # one finding, so a place's identities are worked out when its second one comes.
        first_at: dict[tuple[str, int], Finding] = {}
        seen_at: dict[tuple[str, int], set[Identity]] = {}
        for rule in self.rules:
            for finding in rule.find(link_doc, state):
                place = (finding["type"], finding["evidence"]["start"])
                first = first_at.setdefault(place, finding)
                if first is not finding:
                    seen = seen_at.get(place)
                    if seen is None:
                        seen = seen_at[place] = {_identity(first)}
                    identity = _identity(finding)
                    if identity in seen:
                        continue
                    seen.add(identity)
                findings.append(finding)
        findings.sort(key=lambda f: (f["evidence"]["start"], f["type"]))
        return findings
