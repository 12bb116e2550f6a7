"""Audit samples: '74 of 81 audited rape reports were recorded'; 'of 314 ... had only recorded 260';
'Of the 2,176 audited, 470 related to domestic abuse - of these 354 were recorded'; 'all 12 ... in
the sample had been recorded'; 'Inspectors examined 60 violent crimes ... . Of these, 52 had been recorded.'"""

from __future__ import annotations

from typing import Iterator

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figure_tests import about_other_things
from pipeline.linking.figures import Figure, scope_of
from pipeline.linking.findings import Finding, make_finding
from pipeline.linking.resolvers.crime_type import crime_type_for
from pipeline.linking.resolvers.force import force_for
from pipeline.linking.resolvers.polarity import polarity
from pipeline.linking.resolvers.year import year_for
from pipeline.linking.rules.base import LinkRule
from pipeline.linking.state import SharedState


class AuditSampleRule(LinkRule):
    """A recorded part and a total of audited reports, each a plain number, of one force."""

    finding_type = "audit_sample"
    cue_reads = CueReads(
        before=("sub_part_before", "audit_before_total", "sample_total_intro", "all_but", "all_before_count",
                "recorded_before_count"),
        after=("sub_part", "sub_part_opening", "timeliness", "count_negated", "negative_record_after_count",
               "recorded_after_count", "recorded_after_all"),
        anywhere=("audit", "audit_blockers", "positive_record"),
        phrases=("sample_joins", "elliptical_recorded"),
    )
    writes = frozenset({"sample_counts", "samples"})
    reads = frozenset({"sample_counts"})

    def find(self, doc: LinkDoc, state: SharedState) -> Iterator[Finding]:
        cues, lower, joins = doc.cues, doc.lower, doc.phrases["sample_joins"]
        for sent in doc.with_label.get("COUNT", []):
            if sent.national:
                continue
            counts = [f for f in sent.figures if f.ent.label == "COUNT" and f.norm.get("form") == "number"]
            if not counts:
                continue
            blockers = cues.within("audit_blockers", sent.start, sent.end)
            audited = bool(cues.within("audit", sent.start, sent.end))
            if audited and not blockers:  # a sample recorded in full is said in a sentence about an audit
                for whole in counts:
                    if self._all_recorded(doc, state, whole) and (finding := self._make(doc, state, sent, counts, whole, whole, whole)):
                        yield finding
            if (finding := self._of_previous_total(doc, state, sent, counts[0])) is not None:
                yield finding
            if len(counts) < 2:
                continue
            recorded = bool(cues.within("positive_record", sent.start, sent.end))
            for a, b in zip(counts, counts[1:]):
                if not (audited or recorded) or tuple(lower[a.end : b.start]) not in joins:
                    continue  # not "74 of 81" in a sentence about auditing or recording (the cheapest test first)
                if any(start < b.end for start, _ in blockers):
                    continue  # "decisions to cancel crimes were correct in 49 of the 52": not recording
                if cues.after("timeliness", b.end, sent.end):
                    continue  # "64 of 1,112 reports audited taking longer than the 24 hours": timeliness
                if about_other_things(doc, b):
                    continue
                if polarity(doc, sent, b, scope_of(sent, counts, b)) == "neg" and not recorded:
                    continue
                if (finding := self._make(doc, state, sent, counts, a, b, b)) is not None:
                    yield finding
            for r in counts:
                if (r.start in state.sample_counts or not self._says_recorded(doc, r, "recorded_after_count")
                        or any(start < r.end for start, _ in blockers)):
                    continue
                total = self._total_for(doc, counts, r)
                if total is not None and (finding := self._make(doc, state, sent, counts, r, total, total)) is not None:
                    yield finding

    def _of_previous_total(self, doc: LinkDoc, state: SharedState, sent: Sentence, r: Figure) -> Finding | None:
        """'Inspectors examined 60 violent crimes ... . Of these, 52 had been recorded.': a sentence that opens
        on the sample the sentence before it audited; the total, its force and crime type are read there."""
        cues = doc.cues
        if sent.index == 0 or cues.after("sub_part_opening", sent.start) is None or r.start in state.sample_counts:
            return None
        before = doc.sentences[sent.index - 1]
        totals = [f for f in before.figures if f.ent.label == "COUNT" and f.norm.get("form") == "number"]
        if (not totals or totals[-1].start in state.sample_counts or not cues.within("audit", before.start, before.end)
                or totals[-1].norm.get("value", 0) < r.norm.get("value", 0)
                or not self._says_recorded(doc, r, "recorded_after_count")):
            return None
        total = totals[-1]
        force = force_for(doc, before, total.start, total.end)
        if force is None:
            return None
        state.sample_counts.update({r.start, total.start})
        finding = make_finding(
            "audit_sample", sent, [r.ent, total.ent],
            force=force, crime_type=crime_type_for(doc, before, total.start, total.end, before.start),
            recorded=int(r.norm["value"]), total=int(total.norm["value"]), year=year_for(doc, before, before.figures, total),
        )
        state.samples.append((sent.index, finding))
        return finding

    def _all_recorded(self, doc: LinkDoc, state: SharedState, r: Figure) -> bool:
        """'all 12 modern slavery crimes in the sample had been recorded': a sample recorded in full (asked only
        in a sentence that speaks of an audit and of no other decision)."""
        if doc.cues.before("all_before_count", r.start) is None or r.start in state.sample_counts:
            return False
        return self._says_recorded(doc, r, "recorded_after_all")

    @staticmethod
    def _says_recorded(doc: LinkDoc, r: Figure, recorded_after: str) -> bool:
        """'354 were recorded', '185 of these had been recorded', 'had only recorded 260', 'only 89 were.'
        (``recorded_after``: the cue of "recorded" after the count, in the window that counts here)."""
        cues = doc.cues
        if cues.after("count_negated", r.end) is not None or cues.after("negative_record_after_count", r.end) is not None:
            return False
        said = cues.after(recorded_after, r.end)
        if said is not None and "." not in doc.lower[r.end : said[0]]:
            return True
        if tuple(doc.lower[r.end : r.end + 2]) in doc.phrases["elliptical_recorded"] and cues.before("sub_part_before", r.start):
            return True
        return cues.before("recorded_before_count", r.start) is not None

    @staticmethod
    def _total_for(doc: LinkDoc, counts: list[Figure], r: Figure) -> Figure | None:
        """The sample's total for the recorded part ``r``: the count before it that it is a part of."""
        cues = doc.cues
        earlier = [c for c in counts if c.end <= r.start]
        if not earlier:
            return None
        # "of these, 354 were recorded", "of which 911 had been", "185 of these had been recorded"
        if cues.before("sub_part_before", r.start) is not None or cues.after("sub_part", r.end) is not None:
            return earlier[-1] if earlier[-1].norm.get("value", 0) >= r.norm.get("value", 0) else None
        for c in reversed(earlier):
            introduced = (cues.before("sample_total_intro", c.start) is not None
                          or cues.before("audit_before_total", c.start) is not None)
            if introduced and c.norm.get("value", 0) >= r.norm.get("value", 0):
                return c
        return None

    @staticmethod
    def _make(doc: LinkDoc, state: SharedState, sent: Sentence, counts: list[Figure], rec: Figure, total: Figure,
              typed: Figure) -> Finding | None:
        """The finding, or None when no force is in view (a sample must belong to a force)."""
        state.sample_counts.update({rec.start, total.start})
        force = force_for(doc, sent, total.start, total.end)
        if force is None:
            return None
        recorded, whole = rec.norm["value"], total.norm["value"]
        if doc.cues.before("all_but", rec.start) is not None and recorded < whole:
            recorded = whole - recorded  # "examined 58 rape reports and found all but three had been recorded"
        crime_type = crime_type_for(doc, sent, typed.start, typed.end, min(rec.start, total.start))
        if crime_type == "all_crime":
            # "of 314 crimes that HMICFRS deemed to be related to domestic abuse, ... recorded 260"
            between = [e for e in sent.of("CRIME_TYPE") if total.end <= e.start and e.end <= rec.start]
            if between:
                crime_type = between[0].kb_id
        finding = make_finding(
            "audit_sample", sent, [rec.ent, total.ent],
            force=force, crime_type=crime_type,
            recorded=int(recorded), total=int(whole), year=year_for(doc, sent, counts, rec),
        )
        state.samples.append((sent.index, finding))
        return finding
