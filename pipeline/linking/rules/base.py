"""What every linking rule declares: its finding type, the cues it reads, the shared state it writes and reads."""

from __future__ import annotations

from typing import ClassVar, Iterator

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc
from pipeline.linking.findings import Finding
from pipeline.linking.lexicon import Lexicon
from pipeline.linking.state import SharedState


class LinkRule:
    """One kind of finding, read from a document; rules run in the order of ``rules.RULE_ORDER``."""

    finding_type: ClassVar[str]
    cue_reads: ClassVar[CueReads] = CueReads()
    writes: ClassVar[frozenset[str]] = frozenset()  # fields of SharedState this rule fills
    reads: ClassVar[frozenset[str]] = frozenset()  # fields of SharedState this rule needs filled first

    def __init__(self, lexicon: Lexicon) -> None:
        """Most rules read everything from the document; a rule that indexes data once does it here."""

    def find(self, doc: LinkDoc, state: SharedState) -> Iterator[Finding]:
        raise NotImplementedError
