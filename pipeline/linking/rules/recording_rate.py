"""Recording rates: 'records around 76 per cent of crimes'; 'fails to record almost one in four' -> 75.0 more_than."""

from __future__ import annotations

from typing import Iterator

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc
from pipeline.linking.figure_tests import (about_other_things, framed_nationally, is_audit_ratio, is_change, is_composition,
                                           is_general, is_interval_bound, is_sub_share, of_forces_together,
                                           of_the_measure_before)
from pipeline.linking.figures import Figure, scoped
from pipeline.linking.findings import Finding, make_finding
from pipeline.linking.resolvers.crime_type import crime_type_for
from pipeline.linking.resolvers.force import force_for, joint_forces
from pipeline.linking.resolvers.polarity import polarity
from pipeline.linking.resolvers.qualifier import flipped, qualifier
from pipeline.linking.resolvers.year import year_for
from pipeline.linking.rules.base import LinkRule
from pipeline.linking.state import SharedState

# Recording rates in this coverage are recorded shares of at least a half; a smaller
# share said about recording is the unrecorded share (and the converse).
_PLAUSIBLE_RATE = 50.0


class RecordingRateRule(LinkRule):
    """A PERCENT said of recording (or of not recording, converted), of one force, not ruled out by a figure test."""

    finding_type = "recording_rate"
    cue_reads = CueReads(before=("rate_aspiration", "denied_statement"), anywhere=("audit_blockers", "timeliness_in_clause"),
                         words=("clause_coordinators",))

    def find(self, doc: LinkDoc, state: SharedState) -> Iterator[Finding]:
        for sent in doc.with_label.get("PERCENT", []):
            if sent.national or of_the_measure_before(doc, sent):
                continue
            figs = sent.figures
            for fig, scope in scoped(sent, figs):
                ent = fig.ent
                value = fig.norm.get("value")
                if ent.label != "PERCENT" or value is None or not 0 <= value <= 100:
                    continue
                if is_change(doc, fig) or about_other_things(doc, fig) or is_sub_share(doc, fig) or is_general(doc, sent, fig, scope):
                    continue
                if (is_composition(doc, fig, scope) or is_audit_ratio(doc, fig) or framed_nationally(doc, sent, fig)
                        or of_forces_together(doc, sent, fig) or is_interval_bound(doc, sent, fig)):
                    continue
                if doc.cues.before("rate_aspiration", fig.start, scope[0]) is not None:
                    continue  # "I want us to be recording at least 95 per cent": an aim, not a rate
                if doc.cues.before("denied_statement", fig.start, sent.start) is not None:
                    continue  # "It did not say the force failed to record a third of crime": a figure denied
                if doc.cues.within("audit_blockers", fig.end, scope[1]):
                    continue  # "Nine out of 20 crime records that the force had cancelled should have stood": no recording
                if self._of_timeliness(doc, fig.end, scope[1]):
                    continue  # "In 22 percent of the crimes we audited, the crime wasn't recorded within 24 hours": timeliness
                said = polarity(doc, sent, fig, scope)
                force = force_for(doc, sent, fig.start, fig.end)
                if said is None or force is None:
                    continue
                hedge = _range_bound(doc, fig) or qualifier(doc, fig, scope, fig.norm.get("qualifier", "exact"))
                if said == "neg" and value > _PLAUSIBLE_RATE >= 100.0 - value:
                    said = "pos"  # "at 90.8 per cent" beside another clause's "not recorded"
                elif said == "pos" and value < _PLAUSIBLE_RATE <= 100.0 - value:
                    said = "neg"
                if said == "neg":
                    value, hedge = 100.0 - value, flipped(hedge)
                crime_type, year = crime_type_for(doc, sent, fig.start, fig.end, scope[0]), year_for(doc, sent, figs, fig)
                for each in joint_forces(doc, sent, force, fig.start):  # "Warwickshire and West Mercia police forces each"
                    yield make_finding("recording_rate", sent, [ent], force=each, crime_type=crime_type,
                                       value=round(float(value), 1), qualifier=hedge, year=year)

    @staticmethod
    def _of_timeliness(doc: LinkDoc, start: int, end: int) -> bool:
        """A time limit said of the figure's own clause ('In 22 percent of the crimes we audited, the crime wasn't
        recorded within 24 hours'), not of a clause coordinated after it ('..., and our bureau reviews every incident
        within 24 hours')."""
        timely = doc.cues.within("timeliness_in_clause", start, end)
        coordinators = doc.words["clause_coordinators"]
        return bool(timely) and not any(w in coordinators for w in doc.lower[start : timely[0][0]])


def _range_bound(doc: LinkDoc, fig: Figure) -> str | None:
    """A bound of a range of rates ("between 88.1 and 91.5 per cent"): the lower `more_than`, the upper `less_than`,
    as a range of counts is read (ANNOTATION, dev8); None for a figure that bounds no range."""
    lower = doc.lower
    if fig.start > 0 and lower[fig.start - 1] == "between":
        return "more_than"
    k = fig.start - 1
    if k >= 2 and lower[k] in ("and", "to") and lower[k - 2] == "between":
        return "less_than"
    return None
