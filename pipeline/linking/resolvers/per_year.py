"""Whether a count is a rate per year ("4,100 crimes a year", "In a year, ... more than 5,000 ...")."""

from __future__ import annotations

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figures import Figure

CUE_READS = CueReads(after=("per_year",), anywhere=("per_year_before",))


def per_year(doc: LinkDoc, fig: Figure, scope_end: int, sent: Sentence | None = None, figs: list[Figure] | None = None) -> bool:
    """A rate period after the count, within its scope ("4,100 crimes a year"), or, given its sentence, one
    before it with no other figure between ("In a year, inspectors said, more than 5,000 ... never make it")."""
    if doc.cues.after("per_year", fig.end, scope_end) is not None:
        return True
    if sent is None or figs is None:
        return False
    before = doc.cues.within("per_year_before", sent.start, fig.start)
    return bool(before) and not any(before[-1][1] <= f.start and f.end <= fig.start for f in figs if f is not fig)
