"""Audit samples: '74 of 81 audited rape reports were recorded'; 'of 314 ... had only recorded 260';
'Of the 2,176 audited, 470 related to domestic abuse - of these 354 were recorded'; 'all 12 ... in
the sample had been recorded'; 'Inspectors examined 60 violent crimes ... . Of these, 52 had been recorded.';
and the pairings of ``audit_pairs``: what should have been recorded and what was, the failures instead of
the successes, the whole or none of a sample."""

from __future__ import annotations

from typing import Iterator

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figure_tests import about_other_things
from pipeline.linking.figures import Figure, scope_of
from pipeline.linking.findings import Finding, make_finding
from pipeline.linking.resolvers.crime_type import crime_type_for, victim_group_before
from pipeline.linking.resolvers.force import force_for
from pipeline.linking.resolvers.per_year import right_after_per_shorter_period
from pipeline.linking.resolvers.polarity import polarity
from pipeline.linking.resolvers.year import year_for
from pipeline.linking.rules import audit_pairs
from pipeline.linking.rules.audit_pairs import Reading, joined, sample_total, says_recorded, says_unrecorded, value
from pipeline.linking.rules.base import LinkRule
from pipeline.linking.state import SharedState

_RATE_ROUNDING = 0.15  # how far a percentage given to one decimal may lie from the pair in brackets after it
_WHOLE_RATE_ROUNDING = 0.5  # the same, for a percentage given as a whole number ('100%')
_TYPE_AFTER_MOST = 4  # tokens after a total in which a crime type names its crimes ("20 dip-sampled sexual offences")
_TOTAL_OPENERS = frozenset({"of", "among"})  # a sentence opening on a total ("Of 31 reports ..., 25 were.")
_NAMED_AGAIN_BACK = 2  # sentences back in which a sample's total, named again ('the 473'), was found
_NAMED_BACK_JOINS = frozenset({("of", "the"), ("of", "those"), ("of", "these")})  # "two of the five": the five named again
# Words right after a total that leave it without a noun of its own ("all 64 that we looked at", "all 64 we checked").
_HEADLESS_NEXT = frozenset({"that", "which", "we", "they", "inspectors", "it", "the", ",", ".", ";", ":"})
_FURTHER = frozenset({"further", "another", "other"})  # "a further seven under the wrong crime type"
_INSPECTION_NAME_MOST = 5  # tokens after a year in which the inspection it dates is named ("2014 crime data inspection")
_RECORDED_AS_MOST = 8  # tokens after a total in which "recorded as" names the crime type it should have been
_TABLE_ROWS_MOST = 12  # rows a table row reads up through to its header


class AuditSampleRule(LinkRule):
    """A recorded part and a total of audited reports, each a plain number, of one force."""

    finding_type = "audit_sample"
    # Its own reads; the pairings' are declared by ``audit_pairs`` (``linker._READING_MODULES``).
    cue_reads = CueReads(before=("all_but", "sub_part_before"),
                         after=("sub_part_opening", "sub_part", "timeliness", "wrong_type", "victim_group", "asb_sample",
                                "sample_size_openers"),
                         anywhere=("audit", "audit_blockers", "positive_record", "negative_record", "clause_boundaries",
                                   "other_measures_in_pair", "whole_in_sentence", "none_in_sentence", "comparison_frames"),
                         words=("definite_back", "part_openers", "quote_marks", "recording_verbs", "bullets", "inspection_words",
                                "table_total_words", "table_failure_words"))
    writes = frozenset({"sample_counts", "samples", "open_totals"})
    reads = frozenset({"sample_counts"})

    def find(self, doc: LinkDoc, state: SharedState) -> Iterator[Finding]:
        cues = doc.cues
        for sent in doc.with_label.get("COUNT", []):
            if sent.national:
                continue
            counts = [f for f in sent.figures if f.ent.label == "COUNT" and f.norm.get("form") == "number"]
            if not counts:
                continue
            blockers = cues.within("audit_blockers", sent.start, sent.end)
            taken = state.sample_counts
            if state.samples:
                # "Of the 16 that had not been recorded, nine were reports of violence": the rest of a sample found
                # before, and its breakdown, are no sample of their own
                self._claim_rest(doc, state, sent, counts)
            should = audit_pairs.should_have_been(doc, sent, counts)
            if should is not None:  # what should have been recorded, and what was: no other pairing of these counts
                claimed, reading, total = should
                if (reading is None and len(counts) == 1 and not blockers
                        and (finding := self._total_in_next(doc, state, sent, counts)) is not None):
                    yield finding  # "five had not been recorded as crimes when they should have been. The sample was 31"
                    continue
                taken.update(c.start for c in claimed)
                if reading is None and not blockers and (whole := self._whole_later_in_sentence(doc, sent, total)) is not None:
                    # "They found 21 stalking reports that should have been recorded as crimes, and every one of them
                    # had been."
                    yield self._whole_sample(doc, state, sent, sent, total, whole)
                    continue
                if reading is None:
                    state.open_totals[sent.index] = total  # how many were recorded may follow
                    if not blockers and (finding := self._open_total_in_next(doc, state, sent, total)) is not None:
                        yield finding  # "... 16 of them described modern slavery crimes. The force had recorded every one."
                if reading is not None and not blockers and (finding := self._make(doc, state, sent, counts, reading)):
                    yield finding
                    # "... of 94 reports that should have been recorded as crimes, 83 had been – and that among 19
                    # reports of sexual offences, three had not been recorded at all": another sample after it
                    last = max(c.end for c in claimed)
                    later = [c for c in counts if c.start >= last and c.start not in taken]
                    if later and cues.within("clause_boundaries", last, later[0].start):
                        for another in (audit_pairs.another_sample(doc, sent, later, taken)
                                        + audit_pairs.whole_or_none(doc, sent, later, taken)):
                            if (finding := self._make(doc, state, sent, counts, another)) is not None:
                                yield finding
                # The counts before it, in a clause of their own, may be another sample ("Of 60 reports of domestic
                # abuse they examined, 57 had been recorded correctly, and they sampled 66 incidents ..., finding 30
                # should have been recorded as crimes and 27 had been").
                counts = [c for c in counts if c.start not in taken and c.end <= min(k.start for k in claimed or [total])]
                if len(counts) < 2:
                    continue
            if (cues.within("audit", sent.start, sent.end) or audit_pairs.under_sample_heading(doc, sent)
                    or self._names_sample_again(doc, state, sent, counts)) and not blockers:
                # A sample said through its failures, or recorded in full or not at all, in a sentence about an audit.
                readings = audit_pairs.through_failures(doc, sent, counts, taken) + audit_pairs.whole_or_none(doc, sent, counts, taken)
                for reading in readings:
                    if (finding := self._make(doc, state, sent, counts, reading)) is not None:
                        yield finding
            elif not blockers:
                for reading in audit_pairs.unannounced(doc, sent, counts, taken):
                    if (finding := self._make(doc, state, sent, counts, reading)) is not None:
                        yield finding
            if (finding := self._of_previous_total(doc, state, sent, counts)) is not None:
                yield finding
            if len(counts) == 2 and not blockers and (finding := self._column_row(doc, state, sent, counts)) is not None:
                yield finding  # "Rape | 62 | 57" under "Crime type | Should have been recorded | Recorded"
            if len(counts) > 1:  # a pair, or a part with its total before it: never one count alone
                yield from self._pairs(doc, state, sent, counts, blockers)
                # A part's total is a count before it (``sample_total``): the first count has none.
                first_end = min(c.end for c in counts)
                for r in counts:
                    if (r.start < first_end or r.start in taken or any(start < scope_of(sent, counts, r)[1] for start, _ in blockers)
                            or self._wrong_type(doc, sent, counts, r)
                            or not says_recorded(doc, r, part=cues.before("sub_part_before", r.start) is not None
                                                 or self._after_opening_total(doc, sent, counts, r))
                            or cues.after("timeliness", r.end, sent.end) is not None or right_after_per_shorter_period(doc, r)):
                        continue
                    total = sample_total(doc, counts, r, taken)
                    if total is not None:
                        reading = Reading(int(value(r)), r, total, total, (r, total))
                        if (finding := self._make(doc, state, sent, counts, reading)) is not None:
                            yield finding
            if state.samples:
                self._claim_rest(doc, state, sent, counts)
            if not blockers and (finding := self._whole_in_next(doc, state, sent, counts)) is not None:
                yield finding
            if not blockers and (finding := self._total_in_next(doc, state, sent, counts)) is not None:
                yield finding

    def _whole_in_next(self, doc: LinkDoc, state: SharedState, sent: Sentence, counts: list[Figure]) -> Finding | None:
        """'Inspectors looked separately at 22 rape reports. Every one had been recorded as a crime, 20 of them within
        72 hours.', 'We checked nine reports of modern slavery. None had been recorded.': the next sentence opens on
        the whole of the sample this one examined, or none of it, said recorded; its counts are that sample's."""
        if not counts or sent.index + 1 >= len(doc.sentences):
            return None
        cues, nxt, total = doc.cues, doc.sentences[sent.index + 1], counts[-1]
        if (total.start in state.sample_counts or not cues.within("audit", sent.start, sent.end)
                or not audit_pairs.is_sample(doc, counts, total) or audit_pairs.not_crimes(doc, total)):
            return None
        first = doc.first_word_at(nxt, doc.words["quote_marks"])
        if first >= nxt.end or cues.within("audit_blockers", nxt.start, nxt.end):
            return None
        for cue, whole in (("whole_after_total", int(value(total))), ("none_after_total", 0)):
            said = cues.after(cue, first, first + 1)
            if said is not None and said[0] == first and audit_pairs.recorded_after(doc, said[1]):
                return self._whole_sample(doc, state, sent, nxt, total, whole)
        return None

    def _total_in_next(self, doc: LinkDoc, state: SharedState, sent: Sentence, counts: list[Figure]) -> Finding | None:
        """'Of the reports of rape that inspectors examined, five had not been recorded as crimes when they should
        have been. The sample was 31 reports.': the one count of an audit sentence says how many were (or were not)
        recorded, and the next sentence opens on the sample's size; a sample of the force and crime type of the
        first sentence."""
        if len(counts) != 1 or sent.index + 1 >= len(doc.sentences) or not doc.cues.within("audit", sent.start, sent.end):
            return None
        r = counts[0]
        if r.start in state.sample_counts:
            return None
        nxt = doc.sentences[sent.index + 1]
        first = doc.first_word_at(nxt)
        opening = doc.cues.after("sample_size_openers", first, first + 1) if first < nxt.end else None
        if opening is None or opening[0] != first:
            return None
        total = next((f for f in nxt.figures if f.ent.label == "COUNT" and f.start >= opening[1]
                      and f.norm.get("form") == "number"), None)
        if total is None or total.start - opening[1] > 1 or value(total) < value(r):
            return None
        said = polarity(doc, sent, r, scope_of(sent, counts, r))  # "44 of the violent crimes they audited had been recorded"
        if says_unrecorded(doc, r) or said == "neg":
            recorded = value(total) - value(r)
        elif says_recorded(doc, r) or said == "pos":
            recorded = value(r)
        else:
            return None
        force = force_for(doc, sent, r.start, r.end)
        if force is None:
            return None
        state.sample_counts.update((r.start, total.start))
        finding = make_finding("audit_sample", sent, [r.ent, total.ent], force=force,
                               crime_type=self._crime_type(doc, sent, r, r, r), recorded=int(recorded),
                               total=int(value(total)), year=year_for(doc, sent, counts, r))
        state.samples.append((nxt.index, finding))
        return finding

    def _open_total_in_next(self, doc: LinkDoc, state: SharedState, sent: Sentence, should: Figure) -> Finding | None:
        """'In our view, 16 of them described modern slavery crimes. The force had recorded every one.': what should
        have been recorded, and the next sentence, with no count of its own, records the whole of it (or none)."""
        if sent.index + 1 >= len(doc.sentences):
            return None
        nxt = doc.sentences[sent.index + 1]
        if nxt.figures or doc.cues.within("audit_blockers", nxt.start, nxt.end):
            return None
        recorded = self._recorded_whole(doc, nxt, should)
        if recorded is None:
            return None
        del state.open_totals[sent.index]  # read: no other reading of the sentence after takes it
        return self._whole_sample(doc, state, sent, nxt, should, recorded)

    def _whole_sample(self, doc: LinkDoc, state: SharedState, sent: Sentence, nxt: Sentence, total: Figure,
                      recorded: int) -> Finding | None:
        """The sample whose total this sentence gives and whose whole (or none) the next sentence says recorded; the
        next sentence's counts are that sample's."""
        force = force_for(doc, sent, total.start, total.end)
        if force is None:
            return None
        later = [f for f in nxt.figures if f.ent.label == "COUNT" and value(f) <= value(total)]
        state.sample_counts.update(c.start for c in [total, *later])
        finding = make_finding("audit_sample", nxt, [total.ent], force=force,
                               crime_type=self._crime_type(doc, sent, total, total, total),
                               recorded=recorded, total=int(value(total)), year=year_for(doc, nxt, nxt.figures, total.ent))
        state.samples.append((nxt.index, finding))
        return finding

    @staticmethod
    def _whole_later_in_sentence(doc: LinkDoc, sent: Sentence, total: Figure) -> int | None:
        """'..., and every one of them had been.', '... ; none had been recorded': after what should have been
        recorded, its whole (or none of it) said recorded, elliptically or not, in the same sentence; the recorded
        number, else None."""
        for cue, whole in (("whole_in_sentence", int(value(total))), ("none_in_sentence", 0)):
            for start, end in doc.cues.within(cue, total.end, sent.end):
                if audit_pairs.recorded_after(doc, end) or audit_pairs.elliptical_after_index(doc, end):
                    return whole
        return None

    @staticmethod
    def _recorded_whole(doc: LinkDoc, sent: Sentence, total: Figure) -> int | None:
        """'The force had recorded every one.', 'It had recorded none of them.': a recording verb right before the whole
        of a total, or none of it; the recorded number, else None."""
        verbs, lower = doc.words["recording_verbs"], doc.lower
        for cue, whole in (("whole_in_sentence", int(value(total))), ("none_in_sentence", 0)):
            for start, _ in doc.cues.within(cue, sent.start, sent.end):
                if start > sent.start and lower[start - 1] in verbs:
                    return whole
        return None

    @staticmethod
    def _claim_rest(doc: LinkDoc, state: SharedState, sent: Sentence, counts: list[Figure]) -> None:
        """'116 were not recorded, including 95 offences classed as violent', 'Of the 30 unrecorded rape reports,
        six were ...', 'That leaves 88 crimes that never made it onto the force's system.': the rest of a sample
        just found, said not recorded, and its breakdown are part of the audit, not counts of the force (SCHEMA §5,
        Audits): claimed, so that no unrecorded count is read from them."""
        taken = state.sample_counts
        if AuditSampleRule._breaks_down_recorded(doc, state, sent, counts):
            return
        rests, values = state.sample_rests()
        for i, c in enumerate(counts):
            if c.start in taken or int(value(c)) not in values:
                continue
            named_back = i > 0 and doc.words_between(counts[i - 1].end, c.start) in _NAMED_BACK_JOINS
            if not (named_back or says_unrecorded(doc, c) or polarity(doc, sent, c, scope_of(sent, counts, c)) == "neg"):
                continue  # not "In two of the five, the force had recorded a lesser offence": the rest named back
            force = force_for(doc, sent, c.start, c.end)
            index = rests.get((force, int(value(c))))
            # In this sentence or the one before; further back only when named as that rest ('the 88 missed crimes').
            if index is not None and (index >= sent.index - 1 or doc.word_before(c.start) in doc.words["definite_back"]):
                taken.update(p.start for p in counts[i:] if value(p) <= value(c))
                return

    @staticmethod
    def _names_sample_again(doc: LinkDoc, state: SharedState, sent: Sentence, counts: list[Figure]) -> bool:
        """'Among the 473 crimes were 262 reports of violence, and the force had failed to record 31 of these': the
        sentence names again ('the 473') the total of a sample found just before, so it speaks of that
        audit though no audit word is in it."""
        totals = {sample["total"] for index, sample in state.samples[-4:] if index >= sent.index - _NAMED_AGAIN_BACK}
        return bool(totals) and any(value(c) in totals and doc.word_before(c.start) in doc.words["definite_back"] for c in counts)

    @staticmethod
    def _breaks_down_recorded(doc: LinkDoc, state: SharedState, sent: Sentence, counts: list[Figure]) -> bool:
        """'The constabulary had recorded 71 of those 89. Of the 71, six had been given the wrong crime classification
        and nine were not recorded within the 72 hours ...': a sentence that opens on the recorded part of a sample
        just found breaks that part down (by classification, by timeliness); its counts are claimed, so that no
        unrecorded count or sample is read from them."""
        first = counts[0]
        lead = [w for w in doc.lower[sent.start : first.start] if w.strip()]
        if len(lead) != 2 or lead[0] not in doc.words["part_openers"] or lead[1] not in doc.words["definite_back"]:
            return False
        if not any(index >= sent.index - 1 and sample["recorded"] == value(first) for index, sample in state.samples[-4:]):
            return False
        state.sample_counts.update(c.start for c in counts if value(c) <= value(first))
        return True

    def _pairs(self, doc: LinkDoc, state: SharedState, sent: Sentence, counts: list[Figure],
               blockers: list[tuple[int, int]]) -> Iterator[Finding]:
        """'74 of 81 audited rape reports were recorded', '11 out of 15 audited rape reports': the recorded part
        joined to its total, in a sentence about auditing or recording."""
        cues, taken = doc.cues, state.sample_counts
        audited = bool(cues.within("audit", sent.start, sent.end))
        said = (audited or cues.within("positive_record", sent.start, sent.end) or audit_pairs.listed_under_audit(doc, sent)
                or ("PERCENT" not in sent.by_label and (audit_pairs.under_sample_heading(doc, sent)
                                                        or audit_pairs.after_audited_bullet(doc, sent, state.samples))))
        # (a bullet line with a rate as well as a pair is read as the rate's sample only if the pair makes it)
        if not said and "PERCENT" not in sent.by_label:
            return
        for a, b in zip(counts, counts[1:]):
            if a.start in taken or b.start in taken or not joined(doc, a, b):
                continue  # not "74 of 81" (the cheapest test first)
            if not said and not self._behind_its_rate(doc, sent, a, b):
                continue
            b_scope = scope_of(sent, counts, b)
            lo, hi = scope_of(sent, counts, a)[0], b_scope[1]
            if any(lo <= start < hi for start, _ in blockers):
                continue  # "decisions to cancel crimes were correct in 49 of the 52": not recording
            if cues.after("timeliness", b.end, sent.end):
                continue  # "64 of 1,112 reports audited taking longer than the 24 hours": timeliness
            if about_other_things(doc, b) or audit_pairs.not_crimes(doc, b):
                continue
            if any(lo <= g.start < hi for g in sent.of("GRADE")):
                continue  # "Two of the three were judged to require improvement at recording data about crime": forces graded
            if (cues.within("other_measures_in_pair", a.start, hi) and not cues.within("positive_record", a.start, hi)
                    and not cues.within("negative_record", a.start, hi)):
                continue  # "In 14 of the 52 domestic abuse cases we reviewed, suspects weren't arrested": no recording
            if cues.after("wrong_type", b.end, b_scope[1]) is not None:
                continue  # "9 of the 120 ... had been recorded under the wrong crime type": classification
            if polarity(doc, sent, b, b_scope) == "neg":
                continue  # a part said not recorded, outside an audit (in one, ``through_failures`` read it)
            # "Just one of the 43 rape reports they examined had not been.": the part is what was not recorded
            recorded = value(b) - value(a) if audit_pairs.elliptical_unrecorded_in(doc, b.end, b_scope[1]) else value(a)
            if (finding := self._make(doc, state, sent, counts, Reading(int(recorded), a, b, b, (a, b)))) is not None:
                yield finding
        if said:
            yield from self._table_rows(doc, state, sent, counts)

    def _table_rows(self, doc: LinkDoc, state: SharedState, sent: Sentence, counts: list[Figure]) -> Iterator[Finding]:
        """'Violence against the person 240 219 91.3%': a row of an audit table (columns 'should have been recorded',
        'recorded', 'compliance'), its line breaks lost or kept: two bare counts side by side on one line and the
        percentage right after them, which is the smaller count's share of the larger (to its rounding), are the
        row's sample. Where the table counts what was not recorded ('Not recorded'), the smaller count is the
        failures."""
        taken, failures = state.sample_counts, bool(doc.cues.within("negative_record", sent.start, sent.end))
        for a, b in zip(counts, counts[1:]):
            if (a.start in taken or b.start in taken or not value(a) or not value(b) or doc.words_between(a.end, b.start)
                    or any("\n" in doc.lower[i] for i in range(a.end, b.start))):
                continue
            rate = next((e for e in sent.of("PERCENT") if e.start >= b.end and not doc.words_between(b.end, e.start)), None)
            given = doc.norm(rate).get("value") if rate is not None else None
            if given is None:
                continue
            part, whole = (a, b) if value(a) <= value(b) else (b, a)
            rounding = _RATE_ROUNDING if "." in doc.span_text(rate.start, rate.end) else _WHOLE_RATE_ROUNDING
            if abs(100.0 * value(part) / value(whole) - given) > rounding:
                continue
            recorded = int(value(whole) - value(part)) if failures else int(value(part))
            if (finding := self._make(doc, state, sent, counts, Reading(recorded, part, whole, whole, (a, b)))) is not None:
                yield finding

    def _column_row(self, doc: LinkDoc, state: SharedState, sent: Sentence, counts: list[Figure]) -> Finding | None:
        """'Rape | 62 | 57' under the header 'Crime type | Should have been recorded | Recorded': a table row whose
        cells the header names, one column what should have been recorded (or was examined), one what was recorded
        (or was not); the row's two counts are that sample. Only rows read up to the header through other rows."""
        if any(c.start in state.sample_counts for c in counts) or "|" not in doc.lower[sent.start : sent.end]:
            return None
        header = None
        for k in range(sent.index - 1, max(-1, sent.index - _TABLE_ROWS_MOST - 1), -1):
            line = doc.sentences[k]
            if "|" not in doc.lower[line.start : line.end]:
                return None
            if not line.figures:
                header = line
                break
        if header is None:
            return None
        cells, header_cells = self._cells(doc, sent), self._cells(doc, header)
        if len(cells) != len(header_cells):
            return None  # a row of as many cells as the header names
        by_cell = {i: c for c in counts for i, (lo, hi) in enumerate(cells) if lo <= c.start < hi}
        columns = self._columns(doc, header_cells, by_cell)
        if columns is None:
            return None
        total_at, recorded_at, failures = columns
        total, part = by_cell.get(total_at), by_cell.get(recorded_at)
        if total is None or part is None or value(part) > value(total) or not value(total):
            return None
        recorded = value(total) - value(part) if failures else value(part)
        reading = Reading(int(recorded), part, total, total, (part, total))
        return self._make(doc, state, sent, counts, reading)

    @staticmethod
    def _cells(doc: LinkDoc, line: Sentence) -> list[tuple[int, int]]:
        """The token ranges of a table line's cells, divided by '|'."""
        cells, lo = [], line.start
        for i in range(line.start, line.end):
            if doc.lower[i] == "|":
                cells.append((lo, i))
                lo = i + 1
        cells.append((lo, line.end))
        return cells

    @staticmethod
    def _columns(doc: LinkDoc, header_cells: list[tuple[int, int]],
                 counted: dict[int, Figure]) -> tuple[int, int, bool] | None:
        """Among the ``counted`` columns (those the row gives a count in; not its label's, "Sample | Audited |
        Recorded"), the header's column of what should have been recorded (or was examined), its column of what was
        recorded or not, and whether that column counts failures; None when it names no such pair."""
        words = doc.words
        total_at = recorded_at = None
        failures = False
        for i, (lo, hi) in enumerate(header_cells):
            if i not in counted:
                continue
            cell = [w for w in doc.lower[lo:hi] if w.strip()]
            if any(w in words["table_total_words"] for w in cell):
                total_at = i if total_at is None else total_at
            elif any(w in words["recording_verbs"] or w in words["table_failure_words"] for w in cell):
                recorded_at = i if recorded_at is None else recorded_at
                failures = failures or any(w in words["table_failure_words"] for w in cell)
        if total_at is None or recorded_at is None:
            return None
        return total_at, recorded_at, failures

    def _of_previous_total(self, doc: LinkDoc, state: SharedState, sent: Sentence, counts: list[Figure]) -> Finding | None:
        """'Inspectors examined 60 violent crimes ... . Of these, 52 had been recorded.' (or '8 had not been
        recorded': 52 of 60); 'Inspectors examined 81 rape reports. The audit showed 7 had not been recorded.': a
        sentence that opens on the sample the sentence before it audited, or whose one count says what of it was
        recorded when that sample ends the sentence before; the total, its force and crime type are read there."""
        cues, r = doc.cues, counts[0]
        if sent.index == 0 or r.start in state.sample_counts:
            return None
        if (should := state.open_totals.get(sent.index - 1)) is not None:
            return self._of_open_total(doc, state, sent, counts, should)
        opens = cues.after("sub_part_opening", sent.start) is not None or self._opens_on_part(doc, sent, r)
        again = counts[1:] if not opens else []  # "..., and the three that had not were ...": named again
        if again and not self._restated(doc, counts):
            if not cues.within("clause_boundaries", r.end, counts[1].start):
                return None
            # "All but three had been recorded, although in five cases ...", "Four had not been recorded as crimes, and
            # in one case the victim had waited ...": the later count is another clause's
            again = []
        before = doc.sentences[sent.index - 1]
        totals = [f for f in before.figures if f.ent.label == "COUNT" and f.norm.get("form") == "number"]
        if (not totals or totals[-1].start in state.sample_counts or not cues.within("audit", before.start, before.end)
                or value(totals[-1]) < value(r) or audit_pairs.not_crimes(doc, totals[-1])):
            return None
        if cues.within("audit_blockers", before.start, before.end) and cues.within("audit_blockers", sent.start, sent.end):
            return None  # "... looked at 3,246 decisions to cancel records. ... among 623 no-crimed rapes, ...": cancellations
        total = totals[-1]
        if not opens and not audit_pairs.is_sample(doc, totals, total):
            return None  # only a count named as examined ("Inspectors examined 81 rape reports") is carried over
        restated = None
        if len(counts) > 1 and value(r) == value(total) and doc.word_before(r.start) in doc.words["definite_back"]:
            restated, r = r, counts[1]  # "Of these 90, 81 had been recorded": the sample named again, then its part
            if r.start in state.sample_counts or value(total) < value(r):
                return None
        all_but = cues.before("all_but", r.start) is not None
        back = 2 if cues.after("sub_part", r.end) is not None else 0  # "All but two of them had been."
        if says_recorded(doc, r) or (all_but and audit_pairs.elliptical_after(doc, r, back)):
            recorded = value(r) + self._misclassified_after(doc, sent, counts, r)
            if all_but and recorded < value(total):
                # "Inspectors examined 99 reports of rape. All but three had been recorded.", "... checked whether each
                # had gone on to the system. All but 19 had."
                recorded = value(total) - recorded
        elif says_unrecorded(doc, r):
            recorded = value(total) - value(r)
        elif (opens and not cues.within("audit_blockers", sent.start, sent.end) and audit_pairs.counts_crimes(doc, before, total)
              and (said := polarity(doc, sent, r, (sent.start, sent.end))) is not None):
            # "In 29 of these, the force had recorded the crime as it should have": recording said further on
            recorded = value(r) if said == "pos" else value(total) - value(r)
        else:
            return None
        claimed = [r, total, *again] + ([restated] if restated is not None else [])
        return self._across(doc, state, sent, before, r, total, recorded, claimed,
                            self._year_across(doc, sent, counts, r, before, total))

    @staticmethod
    def _behind_its_rate(doc: LinkDoc, sent: Sentence, a: Figure, b: Figure) -> bool:
        """'Domestic abuse: 97.0 per cent (64 of 66)': a pair in brackets right after the percentage it makes (to
        the rounding of the percentage) is the sample that rate was measured on, whatever the line says."""
        if doc.word_before(a.start) != "(" or not value(b):
            return False
        bracket = a.start - 1
        while bracket > sent.start and doc.lower[bracket] != "(":
            bracket -= 1
        for ent in sent.of("PERCENT"):
            if ent.end <= bracket and all(not doc.lower[i].strip() for i in range(ent.end, bracket)):
                rate = doc.norm(ent).get("value")
                # a whole percentage is rounded to the unit ("94% (136 of 145)": 93.8), one to a decimal to the tenth
                rounding = _RATE_ROUNDING if "." in doc.span_text(ent.start, ent.end) else _WHOLE_RATE_ROUNDING
                return rate is not None and abs(100.0 * value(a) / value(b) - rate) <= rounding
        return False

    @staticmethod
    def _opens_on_part(doc: LinkDoc, sent: Sentence, r: Figure) -> bool:
        """'In 29 of these, ...', '"Of 12 of them ...': the sentence opens on its count, after no more than a
        preposition or a quotation mark, and the count is a part of what came before ('of these')."""
        lead = [w for w in doc.lower[sent.start : r.start] if w.strip()]
        return (len(lead) <= 2 and all(w in doc.words["part_openers"] or w in doc.words["quote_marks"] for w in lead)
                and doc.cues.after("sub_part", r.end) is not None)

    def _of_open_total(self, doc: LinkDoc, state: SharedState, sent: Sentence, counts: list[Figure],
                       should: Figure) -> Finding | None:
        """'... identified 119 reports that should have been recorded as crimes. All but 17 of them had been.',
        '... 11 of them should have been recorded as crimes. Only 7 were.', '... examined 146 reports that should
        have been recorded as crimes. The force had recorded 121 of them.': the sentence after what should have
        been recorded says, with its one count, how many were (or were not)."""
        r, cues = counts[0], doc.cues
        named_again = None
        if len(counts) > 1 and value(r) == value(should) and doc.word_before(r.start) in doc.words["definite_back"]:
            named_again, r, counts = r, counts[1], counts[1:]  # "Of those 93, 84 had been recorded"
        elif (len(counts) > 1 and value(counts[1]) == value(should) and joined(doc, r, counts[1])
              and doc.word_before(counts[1].start) in doc.words["definite_back"]):
            named_again, counts = counts[1], [r, *counts[2:]]  # "The constabulary had recorded 71 of those 89."
        if value(r) > value(should) or any(value(c) > value(r) for c in counts[1:]):
            return None  # more than what should have been, or a count after it that is not a part of it
        back = 2 if cues.after("sub_part", r.end) is not None else 0  # "All but 17 of them had been."
        if says_recorded(doc, r) or audit_pairs.elliptical_after(doc, r, back):
            recorded = value(r) + self._misclassified_after(doc, sent, counts, r)
            if cues.before("all_but", r.start) is not None:
                recorded = value(should) - recorded
        elif says_unrecorded(doc, r) or audit_pairs.elliptical_after(doc, r, back, negated=True):
            recorded = value(should) - value(r)
        else:
            return None
        claimed = [r, should, *counts[1:]] + ([named_again] if named_again is not None else [])  # "..., and six of these"
        # the year of the sentence that says how many were recorded (ANNOTATION.md: an audit's year)
        before = doc.sentences[sent.index - 1]
        return self._across(doc, state, sent, before, r, should, recorded, claimed,
                            self._year_across(doc, sent, counts, r, before, should))

    @staticmethod
    def _misclassified_after(doc: LinkDoc, sent: Sentence, counts: list[Figure], r: Figure) -> float:
        """The count right after the recorded part that was recorded too, under the wrong crime type ("The force had
        recorded 481 of them correctly and a further seven under the wrong crime type"): recorded, though wrongly
        classified (ANNOTATION.md: failures of two kinds), so part of the sample's recorded part; else 0."""
        later = [c for c in counts if c.start >= r.end]
        if not later or doc.word_before(later[0].start) not in _FURTHER:
            return 0
        nxt = later[0]
        return value(nxt) if doc.cues.after("wrong_type", nxt.end, scope_of(sent, counts, nxt)[1]) is not None else 0

    @staticmethod
    def _year_across(doc: LinkDoc, sent: Sentence, counts: list[Figure], r: Figure, before: Sentence, total: Figure) -> int | None:
        """The year of an audit said over two sentences: the one that says how many were recorded, else, when it names
        no date, the year of the inspection the sample's sentence names ("HMIC's 2014 crime data inspection examined
        187 crimes ... Only 142 of them had been": 2014). The period the sampled records cover ("incident records
        created between 1 November 2012 and 31 October 2013") dates no audit (ANNOTATION.md: an audit's year)."""
        if "DATE" not in sent.by_label:
            reports = doc.words["inspection_words"]
            for date in before.of("DATE"):
                year = doc.norm(date).get("year")
                if (year is not None and date.end - date.start == 1 and date.end < total.start
                        and any(doc.lower[i] in reports for i in range(date.end, min(date.end + _INSPECTION_NAME_MOST, total.start)))):
                    return int(year)
        return year_for(doc, sent, counts, r)

    def _across(self, doc: LinkDoc, state: SharedState, sent: Sentence, before: Sentence, r: Figure, total: Figure,
                recorded: float, claimed: list[Figure], year: int | None) -> Finding | None:
        """The sample whose total the sentence before names and whose recorded part ``r`` this sentence says, of the
        force and crime type of that total; the counts it accounts for are claimed."""
        force = force_for(doc, before, total.start, total.end)
        if force is None:
            return None
        state.sample_counts.update(c.start for c in claimed)
        finding = make_finding(
            "audit_sample", sent, [r.ent, total.ent],
            force=force, crime_type=self._crime_type(doc, before, total, total, total),
            recorded=int(recorded), total=int(value(total)), year=year,
        )
        state.samples.append((sent.index, finding))
        return finding

    @staticmethod
    def _restated(doc: LinkDoc, counts: list[Figure]) -> bool:
        """'All but three had been recorded, and the three that had not were put on the system': every count after
        the first names it again ('the', 'those', 'these' and its number), so the sentence still says one number."""
        first, back = value(counts[0]), doc.words["definite_back"]
        return all(value(c) == first and doc.word_before(c.start) in back for c in counts[1:])

    @staticmethod
    def _wrong_type(doc: LinkDoc, sent: Sentence, counts: list[Figure], r: Figure) -> bool:
        """'9 had been recorded under the wrong crime type': recorded, but the audit is of classification."""
        return doc.cues.after("wrong_type", r.end, scope_of(sent, counts, r)[1]) is not None

    def _make(self, doc: LinkDoc, state: SharedState, sent: Sentence, counts: list[Figure], reading: Reading) -> Finding | None:
        """The finding, or None when no force is in view (a sample must belong to a force)."""
        rec, total = reading.rec, reading.total
        state.sample_counts.update(c.start for c in reading.claimed)
        force = force_for(doc, sent, total.start, total.end)
        if force is None:
            return None
        recorded, whole = reading.recorded, value(total)
        if rec is not None and doc.cues.before("all_but", rec.start) is not None and recorded < whole:
            recorded = int(whole - recorded)  # "examined 58 rape reports and found all but three had been recorded"
        first = total if rec is None else (rec if rec.start < total.start else total)
        finding = make_finding(
            "audit_sample", sent, [total.ent] if rec is None else [rec.ent, total.ent],
            force=force, crime_type=self._crime_type(doc, sent, total, reading.typed, rec or total, first.start),
            recorded=recorded, total=int(whole), year=year_for(doc, sent, counts, rec or total),
        )
        state.samples.append((sent.index, finding))
        return finding

    @staticmethod
    def _crime_type(doc: LinkDoc, sent: Sentence, total: Figure, typed: Figure, rec: Figure,
                    scope_start: int | None = None) -> str:
        """The sample's crime type: the total's, else that of the count it was typed by ('58 of the 75 domestic
        abuse incidents ... were crimes'), else one named between the total and the recorded part ('of 314 crimes
        ... related to domestic abuse, ... recorded 260'), else one right after the total ('20 dip-sampled sexual
        offences'); crimes against a group of victims, or found among anti-social behaviour incidents, are `other`;
        else the one crime type the sentence names before its first figure, the topic the sample belongs to ('The
        picture for sexual offences was better: all but three of the 41 reports inspectors examined had been correctly
        logged', 'For rape, 52 of the 60 reports ...'); else that of what the sentence before examined."""
        start = sent.start if scope_start is None else scope_start
        if typed is not total and doc.cues.after("victim_group", typed.end, min(typed.end + _TYPE_AFTER_MOST, sent.end)):
            return "other"  # "they sampled 66 incidents involving vulnerable people, finding 30 should have been ..."
        if AuditSampleRule._among_asb(doc, sent, total):
            return "other"  # "Of 50 anti-social behaviour incidents we reviewed, seven should have been recorded as crimes"
        if typed is not total and typed.end <= total.start and audit_pairs.not_crimes(doc, typed):
            # "of the 20 referrals from schools they read, 12 should have been crimes": crimes of every kind among what
            # was examined, unless the examined set names its type ("58 of the 75 domestic abuse incidents")
            named = [e for e in sent.of("CRIME_TYPE") if typed.end <= e.start < total.start]
            return named[0].kb_id if named else "all_crime"
        crime_type = crime_type_for(doc, sent, total.start, total.end, start)
        if crime_type == "all_crime":
            # "inspectors found that 37 should have been recorded as rape": the crime type they should have been
            crime_type = AuditSampleRule._recorded_as(doc, sent, total) or crime_type
        if crime_type == "all_crime" and typed is not total:
            crime_type = crime_type_for(doc, sent, typed.start, typed.end, start)
        if crime_type != "all_crime":
            return crime_type
        types = sent.of("CRIME_TYPE")
        between = [e for e in types if total.end <= e.start and e.end <= rec.start]
        if between:
            return between[0].kb_id
        near = next((e for e in types if total.end < e.start <= total.end + _TYPE_AFTER_MOST), None)
        if near is not None and all(doc.is_lower_word(i) or doc.lower[i] == "-" for i in range(total.end, near.start)):
            return near.kb_id
        line_end = next((i for i in range(typed.end, sent.end) if "\n" in doc.text[i]), sent.end)
        if doc.cues.after("victim_group", typed.end, line_end) is not None:
            # "18 out of 20 audited crimes against vulnerable victims"; "Of the 88 crimes in our sample that were
            # reported by or on behalf of vulnerable adults", not the next bullet line's group
            return "other"
        if start > sent.start and not any(f.start < start for f in sent.figures):
            topic = [e for e in types if e.end <= start]
            if len(topic) == 1:
                return topic[0].kb_id
        named = (AuditSampleRule._named_back(doc, sent, total) or AuditSampleRule._opened_on_before(doc, sent)
                 or AuditSampleRule._part_of_before(doc, sent, total) or AuditSampleRule._headless_after(doc, sent, total))
        if named is not None:  # "Inspectors examined 53 reports of sexual offences. Of the 53, 47 ...": that sample's
            before, earlier = named
            return crime_type_for(doc, before, earlier.start, earlier.end, before.start)
        if AuditSampleRule._victims_before(doc, sent, min(total.start, rec.start)):
            return "other"  # "The inspectors also looked at crimes reported by victims who are vulnerable. We had recorded 61 of the 74"
        first = next((f for f in sent.figures if f.ent.label == "COUNT"), None)
        if (first is not None and first.end <= min(total.start, rec.start) and first is not total and first is not rec
                and doc.cues.within("comparison_frames", first.end, min(total.start, rec.start))):
            # "Of the 88 crimes ... reported by or on behalf of vulnerable adults, 74 had been recorded, compared with 39
            # of 70 in 2018": the sample compared with is of the same kind
            return AuditSampleRule._crime_type(doc, sent, first, first, first)
        return crime_type

    @staticmethod
    def _after_opening_total(doc: LinkDoc, sent: Sentence, counts: list[Figure], r: Figure) -> bool:
        """The count follows the clause a sentence opens on, a total ("Of 31 reports of stalking in the same sample,
        25 were."): it is a part of that total, so an elliptical "were." says it was recorded."""
        lower = doc.lower
        first = doc.first_word_at(sent, doc.words["bullets"])
        return (first < r.start and lower[first] in _TOTAL_OPENERS and len(counts) > 1 and counts[1] is r
                and "," in lower[counts[0].end : r.start])

    @staticmethod
    def _among_asb(doc: LinkDoc, sent: Sentence, total: Figure) -> bool:
        """What was examined, counted up to the total in its sentence (or in the sentence before, when the total is
        the sentence's first figure: 'Auditors reviewed 75 reports of anti-social behaviour. Eleven should have been
        recorded as crimes'), is anti-social behaviour incidents."""
        own = [f for f in sent.figures if f.end <= total.end]
        before = doc.sentences[sent.index - 1] if sent.index else None
        examined = [(f, sent) for f in own]
        if own and own[0] is total and before is not None and doc.cues.within("audit", before.start, before.end):
            examined += [(f, before) for f in before.figures]
        return any(f.ent.label == "COUNT" and doc.cues.after("asb_sample", f.end, min(f.end + _TYPE_AFTER_MOST, s.end))
                   for f, s in examined)

    @staticmethod
    def _recorded_as(doc: LinkDoc, sent: Sentence, total: Figure) -> str | None:
        """The crime type named after 'recorded as' in the total's clause ('37 should have been recorded as rape')."""
        lower, verbs = doc.lower, doc.words["recording_verbs"]
        for i in range(total.end, min(total.end + _RECORDED_AS_MOST, sent.end - 1)):
            if lower[i] in (",", ";", "."):
                return None
            if lower[i] in verbs and lower[i + 1] == "as":
                ct = next((e for e in sent.of("CRIME_TYPE") if i + 2 <= e.start <= i + 3), None)
                return ct.kb_id if ct is not None else None
        return None

    @staticmethod
    def _opened_on_before(doc: LinkDoc, sent: Sentence) -> tuple[Sentence, Figure] | None:
        """The last count of the sentence before, when this one opens on a part of it and that one tells of an audit
        ('We also looked at 29 reports of rape ... . Of these, 24 should have been recorded as crimes and 21 were.'):
        the sample is drawn from what it counted."""
        if sent.index == 0 or doc.cues.after("sub_part_opening", sent.start) is None:
            return None
        return AuditSampleRule._examined_before(doc, sent)

    @staticmethod
    def _examined_before(doc: LinkDoc, sent: Sentence) -> tuple[Sentence, Figure] | None:
        """The sentence before and its last count, when it tells of an audit and counts something; else None."""
        before = doc.sentences[sent.index - 1]
        if not doc.cues.within("audit", before.start, before.end):
            return None
        counts = [f for f in before.figures if f.ent.label == "COUNT" and f.norm.get("form") == "number"]
        return (before, counts[-1]) if counts else None

    @staticmethod
    def _victims_before(doc: LinkDoc, sent: Sentence, first: int) -> bool:
        """The sentence before, about an audit and with no count of its own, looked at the crimes of a group of
        victims, and this sentence's first counts (from token ``first``) give its sample."""
        if sent.index == 0 or any(f.start < first for f in sent.figures if f.ent.label == "COUNT"):
            return False
        before = doc.sentences[sent.index - 1]
        return (not before.figures and bool(doc.cues.within("audit", before.start, before.end))
                and victim_group_before(doc, before, before.end))

    @staticmethod
    def _part_of_before(doc: LinkDoc, sent: Sentence, total: Figure) -> tuple[Sentence, Figure] | None:
        """The last count of the sentence before, when the total is the first count of this one and a part of it
        ('we also dip-sampled 40 domestic abuse incidents. We judged that 17 of them should have been recorded as
        crimes'), and that sentence tells of an audit."""
        if sent.index == 0 or doc.cues.after("sub_part", total.end) is None:
            return None
        if any(f.start < total.start for f in sent.figures if f.ent.label == "COUNT"):
            return None
        examined = AuditSampleRule._examined_before(doc, sent)
        return examined if examined is not None and value(examined[1]) >= value(total) else None

    @staticmethod
    def _headless_after(doc: LinkDoc, sent: Sentence, total: Figure) -> tuple[Sentence, Figure] | None:
        """The last count of the sentence before, when the total has no noun of its own and that sentence tells of an
        audit ('In 2018, 11 of the 57 rape reports we audited had not been recorded. This time the force had recorded
        all 64 that we looked at'): the same kind of report, counted again."""
        if sent.index == 0 or total.end >= doc.n or doc.lower[total.end] not in _HEADLESS_NEXT:
            return None
        return AuditSampleRule._examined_before(doc, sent)

    @staticmethod
    def _named_back(doc: LinkDoc, sent: Sentence, total: Figure) -> tuple[Sentence, Figure] | None:
        """The count of the sentence before that a definite total names again ('Of the 53, 47 had been recorded'
        after 'Inspectors examined 53 reports of sexual offences'): the same number, in a sentence about an audit."""
        if sent.index == 0 or doc.word_before(total.start) not in doc.words["definite_back"]:
            return None
        before = doc.sentences[sent.index - 1]
        if not doc.cues.within("audit", before.start, before.end):
            return None
        same = [f for f in before.figures if f.ent.label == "COUNT" and f.norm.get("form") == "number"
                and value(f) == value(total)]
        return (before, same[-1]) if same else None
