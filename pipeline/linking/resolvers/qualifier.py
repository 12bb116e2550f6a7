"""A figure's hedge as the finding states it: its own, approx when framed as an estimate, flipped when converted."""

from __future__ import annotations

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc
from pipeline.linking.figures import Figure, Scope

CUE_READS = CueReads(anywhere=("estimate",))
_FLIP = {"more_than": "less_than", "less_than": "more_than"}


def qualifier(doc: LinkDoc, fig: Figure, scope: Scope, stated: str) -> str:
    """The figure's own hedge; an exact figure framed as an estimate ("we estimate that ...
    fails to record 21,200") is approx (SCHEMA §5). The framing precedes the figure in its clause."""
    if stated == "exact" and doc.cues.within("estimate", scope[0], fig.start):
        return "approx"
    return stated


def flipped(qualifier: str) -> str:
    """The hedge of the complement: "almost one in four" unrecorded is "more than" three in four recorded."""
    return _FLIP.get(qualifier, qualifier)
