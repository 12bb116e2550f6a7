"""Which crime type a figure counts: one right after it ("74 of 81 audited rape reports"), else plain
crimes after it ("crimes", unless a topic heads the sentence before a colon), else the nearest
crime type before it (within its scope first), else all crime."""

from __future__ import annotations

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figures import Ent

CUE_READS = CueReads(before=("crime_type_blockers",), words=("crime_type_links", "crime_nouns"))
_AFTER_MOST = 6  # tokens after a figure in which its crime type is looked for


def crime_type_for(doc: LinkDoc, sent: Sentence, fig_start: int, fig_end: int, scope_start: int) -> str:
    """The crime type of the figure at tokens [fig_start, fig_end) whose scope starts at ``scope_start``."""
    lower, links, crime_nouns = doc.lower, doc.words["crime_type_links"], doc.words["crime_nouns"]
    if sent.crime_types is None:
        # The sentence's crime types by start, and those not blocked ("such as rape"), for all its figures.
        types = sent.of("CRIME_TYPE")
        sent.crime_types = ({e.start: e for e in types}, [e for e in types if not _blocked(doc, e)])
    ct_at, unblocked = sent.crime_types
    i, stop = fig_end, min(fig_end + _AFTER_MOST, sent.end)
    while i < stop:
        if i in ct_at:
            return ct_at[i].kb_id
        word = lower[i]
        if word in crime_nouns:
            if i + 1 < sent.end and lower[i + 1] == "of":  # "reports of rape"
                i += 2
                continue
            # "Sexual offences fared better: 57 out of the 63 reports ...": the topic before
            # the colon says which reports.
            return _topic_before_colon(doc, sent, unblocked, fig_start) or "all_crime"
        if word not in links:
            break
        i += 1
    # The nearest crime type before the figure, within its scope if there is one there.
    found: Ent | None = None
    for e in reversed(unblocked):
        if e.end <= fig_start:
            if e.start >= scope_start:
                return e.kb_id
            if found is None:
                found = e
    return found.kb_id if found is not None else "all_crime"


def _topic_before_colon(doc: LinkDoc, sent: Sentence, types: list[Ent], fig_start: int) -> str | None:
    """The crime type that heads the sentence before a colon in front of the figure, if any."""
    lower = doc.lower
    colon = next((i for i in range(fig_start - 1, sent.start - 1, -1) if lower[i] == ":"), None)
    if colon is None:
        return None
    heads = [e for e in types if e.end <= colon and e.start <= sent.start + 1]
    return heads[0].kb_id if heads else None


def _blocked(doc: LinkDoc, ent: Ent) -> bool:
    """'such as rape', 'including burglary': an example or a part, not what a figure counts."""
    return doc.cues.before("crime_type_blockers", ent.start) is not None
