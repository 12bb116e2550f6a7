"""Linking: from entities and cues to SCHEMA §2 findings.

Where each thing is decided:

- ``document.py``: the document as rules see it (sentences, entities by label, words).
- ``figures.py``: figures and their scopes.
- ``figure_tests.py``: what a figure is not (a change, a general figure, a sub-share ...).
- ``resolvers/``: a finding's force, crime type, year, polarity, qualifier, rate period.
- ``rules/``: one module per finding type, and the order they run in.
- ``state.py``: what rules share, declared.
- ``cues.py`` and ``data/finding_cues.json``: cue phrases and word lists, as checked data.
- ``focus.py``: which force each sentence is about (the ``force_focus`` component).
- ``linker.py``: the rules run over a document (the ``finding_linker`` component).
"""

from pipeline.linking.cues import CueDataError, CueReads, CueSpec
from pipeline.linking.focus import SentenceFocus
from pipeline.linking.lexicon import Lexicon
from pipeline.linking.linker import Linker, build_lexicon, check_rule_order, cue_readers
from pipeline.linking.rules import RULE_ORDER, LinkRule

__all__ = ["CueDataError", "CueReads", "CueSpec", "Lexicon", "LinkRule", "Linker", "RULE_ORDER", "SentenceFocus",
           "build_lexicon", "check_rule_order", "cue_readers"]
