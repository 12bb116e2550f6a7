"""Whether a count is a rate per year ("4,100 crimes a year", "In a year, ... more than 5,000 ...", "go unrecorded
in Cumbria every year"), or a count per day, week or month ("around 220 crimes a day"), which gives no finding.

A bounded, dated period is not a rate: "in the twelve months to March", "a 12-month period", "a year
ago" are DATE spans, and a rate period never lies inside one (ANNOTATION.md, "Decisions settled with dev5").
"""

from __future__ import annotations

from pipeline._speed import Match
from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figures import Ent, Figure

CUE_READS = CueReads(after=("per_year", "per_year_after_predicate", "per_shorter_period", "per_shorter_period_after_predicate"),
                     anywhere=("per_year_before", "per_shorter_period_before", "negative_record", "clause_boundaries"))
_YEAR = ("per_year", "per_year_after_predicate", "per_year_before")
_SHORTER = ("per_shorter_period", "per_shorter_period_after_predicate", "per_shorter_period_before")
_OWN_PERIOD_WITHIN = 3  # tokens after a count in which its own period begins ("30 violent crimes a day")


def per_year(doc: LinkDoc, fig: Figure, scope_end: int, sent: Sentence | None = None, figs: list[Figure] | None = None) -> bool:
    """A rate period after the count, within its scope ("4,100 crimes a year"); given its sentence, also one
    after the predicate that says it went unrecorded, in the same clause ("More than 3,500 crimes reported
    across the patch covered by Cheshire Constabulary go unrecorded each year"), or one before it with no other
    figure between ("In a year, inspectors said, more than 5,000 ... never make it")."""
    return _period(doc, fig, scope_end, sent, figs, _YEAR)


def per_shorter_period(doc: LinkDoc, fig: Figure, scope_end: int, sent: Sentence, figs: list[Figure]) -> bool:
    """A count per day, week or month, found as a rate per year is ("around 220 crimes a day go unrecorded"):
    it restates a yearly or period total in other units (SCHEMA §5, 2026-12-06)."""
    return _period(doc, fig, scope_end, sent, figs, _SHORTER)


def right_after_per_shorter_period(doc: LinkDoc, fig: Figure) -> bool:
    """A count whose own words end in a day, week or month ("more than 30 a day", "30 crimes a day"): a rate,
    even beside a yearly total whose period a wider look would give it ("11,900 crimes each year – more than 30
    a day – are not recorded"); never an unrecorded count nor a part of a sample."""
    return doc.cues.after(_SHORTER[0], fig.end, fig.end + _OWN_PERIOD_WITHIN) is not None


def _period(doc: LinkDoc, fig: Figure, scope_end: int, sent: Sentence | None, figs: list[Figure] | None,
            kind: tuple[str, str, str]) -> bool:
    """Whether a period of one kind (its cues: right after the count, after its predicate, before it) is the count's rate."""
    cues = doc.cues
    after_count, after_predicate, before_count = kind
    dates = sent.of("DATE") if sent is not None else ()
    near = cues.after(after_count, fig.end, scope_end)
    if near is not None and not _dated(dates, near):
        return True
    if sent is None or figs is None:
        return False
    for _, predicate_end in cues.within("negative_record", fig.end, scope_end):
        far = cues.after(after_predicate, predicate_end, scope_end)
        if far is not None and not _dated(dates, far) and not cues.within("clause_boundaries", fig.end, far[0]):
            return True
    before = [m for m in cues.within(before_count, sent.start, fig.start) if not _dated(dates, m)]
    return bool(before) and not any(before[-1][1] <= f.start and f.end <= fig.start for f in figs if f is not fig)


def _dated(dates: list[Ent] | tuple[()], cue: Match) -> bool:
    """The period lies in a DATE span: a bounded or dated period, or a duration, not a rate."""
    return any(d.start < cue[1] and cue[0] < d.end for d in dates)
