"""Context rules over entity candidates, read from ``data/context_rules.json``.

In the manner of medspaCy's post-processing rules: one small class per condition
kind, and a rule that combines conditions with an action. The resolver applies the
rules in file order; keeping them as data means a reviewer reads the policy
("a place after 'in' is the area") without reading code.

What a rule means is in ``conditions.py`` (the registry of condition kinds, each a
documented class) and ``rule.py`` (a rule read from its dict); how rules are filed so
that a candidate meets only those that can apply to it is ``index.py``; applying them
to a document's candidates, relabelling, and spreading a rejection along a
coordination is ``apply.py``.
"""

from pipeline.context_rules.apply import apply_context_rules
from pipeline.context_rules.conditions import CandidateIndex, Condition
from pipeline.context_rules.index import RuleGroup, RuleIndex
from pipeline.context_rules.rule import ContextRule, context_rules_from, load_context_rules

__all__ = ["CandidateIndex", "Condition", "ContextRule", "RuleGroup", "RuleIndex", "apply_context_rules",
           "context_rules_from", "load_context_rules"]
