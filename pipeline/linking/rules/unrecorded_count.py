"""Unrecorded counts: 'fails to record over 4,100 reported crimes a year'; 'Of these, 4,200 were reports of violent
crime'; 'thousands of crimes, including 1,400 violent crimes and 300 sexual offences' (a finding per part).

Not the counts of an audit sample (SCHEMA §5, 2026-12-06): what was examined ('Of the 310 violent crimes
checked'), its unrecorded part ('47 had not been recorded', '116 were not recorded' after 'of these 354 were
recorded', 'That leaves 88 crimes'), nor a breakdown of that part. Not a count per day, week or month.
"""

from __future__ import annotations

from typing import Iterator

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figure_tests import (about_other_things, framed_nationally, is_change, is_previous_figure, is_sub_share,
                                           of_forces_together)
from pipeline.linking.figures import Figure, Scope, scope_at, scope_of, scoped
from pipeline.linking.findings import Finding, make_finding
from pipeline.linking.resolvers.crime_type import crime_type_for
from pipeline.linking.resolvers.force import force_for
from pipeline.linking.resolvers.per_year import per_shorter_period, per_year, right_after_per_shorter_period
from pipeline.linking.resolvers.polarity import polarity
from pipeline.linking.resolvers.qualifier import qualifier
from pipeline.linking.resolvers.year import year_for
from pipeline.linking.rules.base import LinkRule
from pipeline.linking.state import SharedState

_PART_TYPE_MOST = 4  # tokens after a part in which an adjective naming its crime type is read ('5,100 of which were violent')
_HEAD_NOUN_MOST = 4  # tokens after a count in which its head noun is looked for ('12,000 crime victims')
_OWN_WORDS = 6  # tokens after a count that are its own noun phrase ("9,100 reports of all crime")


class UnrecordedCountRule(LinkRule):
    """A COUNT said not to be recorded, or a part of one (by crime type), of one force.

    Within a document, the parts of a list ("including 1,400 violent crimes and 300 sexual
    offences") are remembered as they are found, so that the next item continues the list;
    within a sentence, the counts that belong to an audit sample, so that a breakdown of them
    is left alone too.
    """

    finding_type = "unrecorded_count"
    cue_reads = CueReads(
        before=("part_list_openers", "examined_before_count", "restated_figure", "average_hedge"),
        after=("sub_part", "sub_part_opening", "examined_after_count", "share_apposition"),
        anywhere=("respectively", "per_year_between", "estimate", "national", "all_crime_reset", "rate_consequence",
                  "clause_boundaries"),
        words=("anaphoric_openers", "part_list_joiners", "sample_phrase_stops", "noun_phrase_ends", "people_nouns", "copulas",
               "whole_set_words"),
        phrases=("count_joiners", "sample_joins"),
        tables=("part_crime_adjectives",),
    )
    reads = frozenset({"sample_counts", "samples"})

    def find(self, doc: LinkDoc, state: SharedState) -> Iterator[Finding]:
        listed: set[int] = set()  # starts of counts found as listed parts ("including 1,400 ...")
        previous: Finding | None = None
        for sent in doc.sentences:
            figs = sent.figures
            if not figs and not sent.forces:
                continue
            found_here: list[Finding] = []
            sampled: list[float] = []  # values of this sentence's counts that belong to an audit sample
            if "COUNT" in sent.by_label and (not sent.national or self._national_only_by_average(doc, sent)):
                lower_bound: Figure | None = None
                lower_scope: Scope = (0, 0)
                for fig, scope in scoped(sent, figs):
                    if fig.ent.label != "COUNT":
                        continue
                    if self._range_upper(doc, figs, fig) is not None:
                        # "between 10,000 and 14,000 crimes a year": read with its upper bound, over both scopes
                        lower_bound, lower_scope = fig, scope
                        continue
                    ranged = lower_bound is not None and self._range_upper(doc, figs, lower_bound) is fig
                    if ranged:
                        scope = (lower_scope[0], scope[1])
                    finding = self._finding(doc, state, sent, figs, fig, scope, previous, found_here, listed, sampled)
                    if finding is not None and ranged:
                        # Two findings, the bounds (ANNOTATION.md, dev8): what the upper bound's words say of both.
                        lower = make_finding("unrecorded_count", sent, [lower_bound.ent], **{
                            **{k: finding[k] for k in ("force", "crime_type", "per_year", "year")},
                            "value": int(lower_bound.norm["value"]), "qualifier": "more_than"})  # type: ignore[union-attr]
                        finding["qualifier"] = "less_than"
                        found_here.append(lower)
                        yield lower
                    lower_bound = None
                    if finding is not None:
                        found_here.append(finding)
                        if not self._restated(doc, sent, figs, fig, finding, previous):
                            yield finding
            if found_here:
                previous = found_here[-1]
            elif sent.forces or any(f.ent.label == "COUNT" for f in figs):
                previous = None  # not a share restating the count ("That is just over one in ten ..."), which keeps it

    @staticmethod
    def _range_upper(doc: LinkDoc, figs: list[Figure], fig: Figure) -> Figure | None:
        """The upper bound of a range whose lower bound is ``fig`` ("between 10,000 and 14,000"): the next count, joined
        by "and" (or "to", a dash) after a "between" right before ``fig``; None if ``fig`` opens no range."""
        lower = doc.lower
        if fig.start == 0 or lower[fig.start - 1] != "between" or fig.norm.get("value") is None:
            return None
        after = next((f for f in figs if f.start >= fig.end), None)
        if (after is None or after.ent.label != "COUNT" or after.norm.get("value") is None
                or after.start - fig.end != 1 or lower[fig.end] not in ("and", "to", "-", "–")):
            return None
        return after if after.norm["value"] > fig.norm["value"] else None

    @staticmethod
    def _restated(doc: LinkDoc, sent: Sentence, figs: list[Figure], fig: Figure, finding: Finding,
                  previous: Finding | None) -> bool:
        """'... failed to record 9,800 crimes. Of the 9,800 unrecorded crimes, most had been reported by telephone':
        a sentence opening on the count the sentence before found names it again. It stays the whole its parts
        belong to, but is no second finding."""
        return (previous is not None and fig is figs[0] and doc.lower[sent.start] == "of"
                and all(finding[k] == previous[k] for k in ("force", "crime_type", "value")))

    def _finding(self, doc: LinkDoc, state: SharedState, sent: Sentence, figs: list[Figure], fig: Figure, scope: Scope,
                 previous: Finding | None, found_here: list[Finding], listed_parts: set[int],
                 sampled: list[float]) -> Finding | None:
        """The unrecorded count ``fig`` (a COUNT) states, or None."""
        ent = fig.ent
        value = fig.norm.get("value")
        if value is None or fig.norm.get("form") == "vague":
            return None  # "tens of thousands" is not a figure a dataset can hold
        if fig.start in state.sample_counts or self._examined(doc, sent, fig) or self._whole_of_part(doc, figs, fig):
            sampled.append(value)  # what an audit examined ("Of the 310 violent crimes checked"), or read as a sample
            return None
        if (about_other_things(doc, fig) or self._counts_people(doc, fig) or framed_nationally(doc, sent, fig)
                or of_forces_together(doc, sent, fig)):
            return None
        scope_start, scope_end = scope
        said = polarity(doc, sent, fig, scope, local_only=True)
        if said is None and fig is figs[0] and doc.lower[sent.start] in doc.words["anaphoric_openers"]:
            # "Kent fails to record 8 per cent of crimes. That equates to some 9,500 crimes every year."
            said = polarity(doc, sent, fig, scope)
        period_end = scope_end  # where a rate period of this count may still stand
        chain = self._coordinated_list(doc, sent, figs, fig)
        if said is None and chain and chain[-1] is not fig:
            # "roughly 350 sexual offences and 1,600 violent crimes a year were not being recorded": the list's verb
            said = polarity(doc, sent, chain[-1], (scope_start, scope_of(sent, figs, chain[-1])[1]), local_only=True)
        if said is None:
            said, period_end = self._said_of_apposed_share(doc, sent, figs, fig, scope_end)
        coordinated = bool(found_here) and self._coordinated(doc, sent, figs, fig, found_here[-1], scope_start)
        if coordinated:
            said = "neg"  # "fails to record 1,100 sexual offences and 3,000 domestic abuse crimes": the same verb
        parent = found_here[-1] if found_here else previous
        if parent is not None and parent["type"] != "unrecorded_count":
            parent = None
        listed = self._listed_part(doc, sent, figs, fig, listed_parts)
        if listed:  # a list of parts belongs to the first count of this sentence, perhaps one too vague to be a finding
            parent = (found_here[0] if found_here else None) or self._vague_parent(doc, sent, figs, fig)
        if parent is None and said != "neg":
            return None  # not said to be unrecorded, nor a part of a count that is
        if right_after_per_shorter_period(doc, fig):
            return None  # "around 11,900 crimes each year – more than 30 a day –": the total restated per day
        yearly = per_year(doc, fig, period_end, sent, figs) or any(
            per_year(doc, g, scope_of(sent, figs, g)[1], sent, figs) for g in chain if g.start > fig.start)
        if not yearly and per_shorter_period(doc, fig, period_end, sent, figs):
            return None  # "around 220 crimes a day": a total restated in other units (SCHEMA §5)
        # A part is smaller than its whole: not "of those 1,024 crimes" after "88 ... never made it".
        smaller = parent is not None and value < parent.get("value", float("inf"))
        # "about 6,300 ..., about 3,800 of them violent crimes", "thousands of crimes, including 1,400
        # violent crimes and 300 sexual offences": a part of that count, named by its crime type.
        a_part = smaller and (listed or doc.cues.after("sub_part", fig.end) is not None
                              or self._after_of_the_whole(doc, sent, figs, found_here))
        part_type = self._part_type(doc, sent, figs, fig, scope_start) if a_part else None
        earlier_part = None  # the part before this one in its list ("an estimated 3,100 violent crimes and 150 ...")
        if part_type is not None:
            if listed:
                earlier_part = next((f for f in reversed(figs) if f.end <= fig.start and f.start in listed_parts), None)
            listed_parts.add(fig.start)
            yearly = yearly or parent["per_year"]  # type: ignore[index]
        elif said != "neg":
            if parent is None:
                return None
            if is_previous_figure(doc, fig) and found_here:
                # "fails to record roughly 4,000 crimes a year, down from more than 11,000 in 2019"
                yearly = yearly or parent["per_year"]
            elif ((doc.cues.after("sub_part_opening", sent.start) is not None or doc.cues.after("sub_part", fig.end) is not None)
                  and fig == figs[0] and parent is previous and smaller):
                # "Of these, 4,200 were reports of violent crime", "Around 2,900 of those are violent crimes": part of
                # the previous sentence's count.
                yearly = yearly or parent["per_year"]
                part_type = self._part_type(doc, sent, figs, fig, scope_start)
            elif doc.cues.before("restated_figure", fig.start) is not None:
                # "In 2017 that figure was 17,600 a year": the same measure, another year.
                yearly = yearly or parent["per_year"]
            else:
                return None
        elif (found_here and not is_previous_figure(doc, fig) and not coordinated
              and not doc.cues.within("all_crime_reset", scope_start, fig.start)):
            # A breakdown of the count already found in this sentence; not "..., while across all crime types
            # some 2,900 go unrecorded", which is a whole of its own.
            return None
        if sampled and not yearly and value <= max(sampled) and not doc.cues.within("estimate", scope_start, fig.start):
            sampled.append(value)  # "Of the 30 unrecorded rape reports, six were ..., 13 had not been recorded at all"
            return None
        force = force_for(doc, sent, fig.start, fig.end)
        if force is None:
            return None
        if not yearly and (state.sample_with_rest(force, int(value)) is not None or self._follows_examined(doc, sent, figs, fig)
                           or self._kind_of_sample_failures(doc, sent, state, fig, force, value)):
            sampled.append(value)  # "116 were not recorded" after "of these 354 were recorded": part of the sample
            return None
        own_end = self._own_words_end(doc, fig, scope_end)
        if part_type is None and self._all_crime_said(doc, sent, fig, scope_start, own_end):
            crime_type = "all_crime"  # "3,700 crimes of every kind", whatever crime type the sentence named before
        else:
            crime_type = part_type or crime_type_for(doc, sent, fig.start, fig.end, scope_start)
        if crime_type == "all_crime":
            crime_type = self._type_of_rate_before(doc, sent, figs, fig, own_end) or crime_type
        return make_finding(
            "unrecorded_count", sent, [ent],
            force=force, crime_type=crime_type, value=int(value), per_year=yearly,
            qualifier=self._list_hedge(chain, fig) or self._qualifier(doc, sent, fig, scope, earlier_part),
            year=year_for(doc, sent, figs, fig),
        )

    def _coordinated_list(self, doc: LinkDoc, sent: Sentence, figs: list[Figure], fig: Figure) -> list[Figure]:
        """The counts joined with ``fig`` into one list, each with a crime type of its own ("roughly 350 sexual offences
        and 1,600 violent crimes a year", "an estimated 5,100 violent crimes, 900 sexual offences and 270 rapes"), in
        order, ``fig`` among them; [] when it stands alone. The list shares one hedge and one rate period (ANNOTATION.md)."""
        counts = [f for f in figs if f.ent.label == "COUNT"]
        at = counts.index(fig)
        chain = [fig]
        for step in (-1, 1):
            k = at
            while 0 <= k + step < len(counts):
                first, second = (counts[k + step], counts[k]) if step < 0 else (counts[k], counts[k + step])
                if not self._joined_as_list(doc, sent, first, second):
                    break
                k += step
                chain.insert(0, counts[k]) if step < 0 else chain.append(counts[k])
        return chain if len(chain) > 1 else []

    @staticmethod
    def _joined_as_list(doc: LinkDoc, sent: Sentence, first: Figure, second: Figure) -> bool:
        """Two counts, each followed by a crime type of its own and joined by "and" or a comma."""
        types = [e for e in sent.of("CRIME_TYPE") if first.end <= e.start < second.start]
        after_second = next((e for e in sent.of("CRIME_TYPE") if e.start >= second.end), None)
        if len(types) != 1 or after_second is None or types[0].kb_id == after_second.kb_id:
            return False
        if any(not doc.is_lower_word(i) for i in range(first.end, types[0].start)):
            return False  # "350 sexual offences": only words of the noun phrase between a count and its type
        if any(not doc.is_lower_word(i) and doc.lower[i] != "-" for i in range(second.end, after_second.start)):
            return False
        covered = set(range(types[0].start, types[0].end))
        for s_, e_ in doc.cues.within("per_year_between", first.end, second.start):
            covered.update(range(s_, e_))
        between = tuple(doc.lower[i] for i in range(types[0].end, second.start) if i not in covered)
        return between in doc.phrases["count_joiners"]

    @staticmethod
    def _list_hedge(chain: list[Figure], fig: Figure) -> str | None:
        """The hedge of a list's first count, for a later count of the list with none of its own ("roughly 350 sexual
        offences and 1,600 violent crimes": both approx); None otherwise."""
        if not chain or chain[0] is fig or fig.norm.get("qualifier", "exact") != "exact":
            return None
        hedge = chain[0].norm.get("qualifier", "exact")
        return hedge if hedge != "exact" else None

    @staticmethod
    def _qualifier(doc: LinkDoc, sent: Sentence, fig: Figure, scope: Scope, earlier_part: Figure | None = None) -> str:
        """The count's own hedge; else approx when its sentence is framed as an estimate, wherever the framing
        stands in it ("Essex Police does not record 6,100 crimes a year, the inspectors have estimated"), or when
        "on average" hedges it (ANNOTATION.md). An "estimated" inside another figure's span is that figure's hedge,
        save the part before this one in a list, whose hedge the list shares ("including an estimated 3,100 violent
        crimes and 150 sexual offences": both approx)."""
        stated = qualifier(doc, fig, scope, fig.norm.get("qualifier", "exact"))
        if stated != "exact":
            return stated
        cues = doc.cues
        if cues.before("average_hedge", fig.start) is not None:
            return "approx"
        for start, _ in cues.within("estimate", sent.start, sent.end):
            if not any(f.start <= start < f.end for f in sent.figures if f is not fig and f is not earlier_part):
                return "approx"
        return stated

    @staticmethod
    def _national_only_by_average(doc: LinkDoc, sent: Sentence) -> bool:
        """'..., and that on average 3,700 crimes of every kind are not recorded each year': the sentence was
        marked national only by 'on average' hedging a count, which says nothing of forces in general, or by a
        national figure of its own ('recorded 88.9 per cent, below the national average of 92.2 per cent, and
        estimated that 18,500 crimes a year were not being recorded')."""
        cues = doc.cues
        found = cues.within("national", sent.start, sent.end)
        starts = [f.start for f in sent.figures if f.ent.label == "COUNT"]
        shares = [f.start for f in sent.figures if f.ent.label == "PERCENT"]
        return bool(found) and all(
            any(0 <= start - end <= 1 and cues.before("average_hedge", start) is not None for start in starts)
            or any(0 <= start - end <= 1 for start in shares) for _, end in found)

    @staticmethod
    def _examined(doc: LinkDoc, sent: Sentence, fig: Figure) -> bool:
        """What an audit examined ('examined 420 incident records', 'Of the 310 violent crimes checked', 'the 260
        crimes assessed'): the audit word right before the count, or in its own noun phrase after it."""
        cues = doc.cues
        before = cues.before("examined_before_count", fig.start, sent.start)
        if before is not None and not cues.within("clause_boundaries", before[1], fig.start):
            return True  # not "in the period inspectors examined, so about 7,000 ... went unlogged"
        found = cues.after("examined_after_count", fig.end, sent.end)
        if found is None:
            return False
        lower, stops = doc.lower, doc.words["sample_phrase_stops"]
        return (not any(lower[i] in stops for i in range(fig.end, found[0]))
                and not cues.within("clause_boundaries", fig.end, found[0]))

    @staticmethod
    def _whole_of_part(doc: LinkDoc, figs: list[Figure], fig: Figure) -> bool:
        """'9 of 87 audited rape reports', '42 of the 420 crimes': the count a part is taken from, never itself
        the count of unrecorded crimes."""
        i = figs.index(fig)
        if not i:
            return False
        part = figs[i - 1]
        return (part.ent.label == "COUNT" and tuple(doc.lower[part.end : fig.start]) in doc.phrases["sample_joins"]
                and part.norm.get("value", 0) <= fig.norm["value"])

    def _follows_examined(self, doc: LinkDoc, sent: Sentence, figs: list[Figure], fig: Figure) -> bool:
        """'Inspectors examined 420 incident records ... . They found 42 that should have been recorded as crimes but
        had not been': the first count of a sentence after one that gives what an audit examined, no larger than
        that, and not an estimate (which extrapolates beyond the sample) nor the consequence of a rate before it in
        its sentence ('the force records 85.2 per cent of violent crime, leaving roughly 1,100 reports unrecorded')."""
        if not sent.index or fig is not next(f for f in figs if f.ent.label == "COUNT"):
            return False
        if any(f.ent.label == "PERCENT" and f.end <= fig.start for f in figs):
            return False
        before = doc.sentences[sent.index - 1]
        if "COUNT" not in before.by_label or doc.cues.within("estimate", sent.start, sent.end):
            return False
        value = fig.norm["value"]
        # Not after a review of every one ('the team reviewed all 1,364 incidents closed as "concern for safety"'): what
        # it found unrecorded is the force's, no sample's (ANNOTATION.md, dev11: a review of every incident)
        return any(f.ent.label == "COUNT" and f.norm.get("form") == "number" and f.norm.get("value", 0) >= value
                   and self._examined(doc, before, f) and doc.word_before(f.start) not in doc.words["whole_set_words"]
                   for f in before.figures)

    @staticmethod
    def _kind_of_sample_failures(doc: LinkDoc, sent: Sentence, state: SharedState, fig: Figure, force: str,
                                 value: float) -> bool:
        """'Of the crimes the force missed, eight were assaults and five were thefts': a count said to be of a crime
        type ("were assaults") within what an audit sample of its force left unrecorded is a breakdown of that
        sample's failures (SCHEMA §5), not a count of the force's unrecorded crime."""
        if fig.end + 1 >= sent.end or doc.lower[fig.end] not in doc.words["copulas"]:
            return False
        if not any(e.start == fig.end + 1 for e in sent.of("CRIME_TYPE")):
            return False
        return any(sample["force"] == force and sample["total"] - sample["recorded"] >= value for _, sample in state.samples)

    @staticmethod
    def _counts_people(doc: LinkDoc, fig: Figure) -> bool:
        """'more than 12,000 crime victims', '3,000 domestic abuse survivors': the head noun after the count is
        people (the word right after it is read by ``about_other_things``)."""
        lower, ends, people = doc.lower, doc.words["noun_phrase_ends"], doc.words["people_nouns"]
        for i in range(fig.end, min(fig.end + _HEAD_NOUN_MOST, doc.n)):
            if lower[i] in people:
                return True
            if lower[i] in ends or not doc.is_lower_word(i):
                return False
        return False

    @staticmethod
    def _after_of_the_whole(doc: LinkDoc, sent: Sentence, figs: list[Figure], found_here: list[Finding]) -> bool:
        """'Of the 9,800 crimes it failed to record, 5,100 were violent': the sentence opens on the count found
        in it, so a later count is a part of that one."""
        if not found_here or doc.lower[sent.start] != "of":
            return False
        whole = found_here[-1]["entities"][0]
        first = figs[0]
        return first.start - sent.start <= 3 and [first.ent.start_char, first.ent.end_char, "COUNT"] == whole

    @staticmethod
    def _said_of_apposed_share(doc: LinkDoc, sent: Sentence, figs: list[Figure], fig: Figure,
                               scope_end: int) -> tuple[str | None, int]:
        """What a percentage in apposition to the count says of recording ('Roughly 6,500 crimes a year, the
        equivalent of 14.2 per cent, are left unrecorded'; 'fails to record 14.2 per cent of crimes, or about 6,500
        a year'), read in the percentage's own scope; None when there is no such percentage. Then where a rate
        period of the count may stand: past the percentage after it ('About 9,500 crimes (14 per cent) a year')."""
        i = figs.index(fig)
        # The next figure, with the words between, then the one before.
        beside = [(i + 1, fig.end, figs[i + 1].start)] if i + 1 < len(figs) else []
        if i:
            beside.append((i - 1, figs[i - 1].end, fig.start))
        for k, start, end in beside:
            if figs[k].ent.label == "PERCENT" and doc.cues.after("share_apposition", start, end) is not None:
                if is_sub_share(doc, figs[k]):
                    break  # "5,600 incidents – 9 per cent of which were not recorded": a share of the count
                share_scope = scope_at(sent, figs, k)
                return polarity(doc, sent, figs[k], share_scope, local_only=True), max(scope_end, share_scope[1])
        return None, scope_end

    @staticmethod
    def _own_words_end(doc: LinkDoc, fig: Figure, scope_end: int) -> int:
        """Where the count's own words end ('3,700 crimes of every kind | are not recorded', '9,000 violent crimes | ,'):
        at a verb, a negation or a punctuation mark, within a few tokens."""
        stops, end = doc.words["sample_phrase_stops"], min(fig.end + _OWN_WORDS, scope_end)
        for i in range(fig.end, end):
            if doc.lower[i] in stops or not doc.is_lower_word(i):
                return i
        return end

    @staticmethod
    def _all_crime_said(doc: LinkDoc, sent: Sentence, fig: Figure, scope_start: int, own_end: int) -> bool:
        """The count's own words say all crime ('3,700 crimes of every kind'), or its scope does before it when its
        own words name no crime type ('while across all crime types some 2,900 go unrecorded')."""
        cues = doc.cues
        if cues.within("all_crime_reset", fig.end, own_end):
            return True
        own_type = any(fig.end <= e.start < own_end for e in sent.of("CRIME_TYPE"))
        return not own_type and bool(cues.within("all_crime_reset", scope_start, fig.start))

    @staticmethod
    def _type_of_rate_before(doc: LinkDoc, sent: Sentence, figs: list[Figure], fig: Figure, own_end: int) -> str | None:
        """'records 89 per cent of violent crimes, leaving 2,700 reports of crime unrecorded': a count whose own
        words name no crime type, put as the consequence of a rate of one crime type before it in its sentence,
        counts that type; not after 'across all crime types'."""
        rates = [f for f in figs if f.end <= fig.start and f.ent.label == "PERCENT"]
        if not rates or is_change(doc, rates[-1]):
            return None
        rate, cues = rates[-1], doc.cues
        if not cues.within("rate_consequence", rate.end, fig.start) or cues.within("all_crime_reset", rate.end, own_end):
            return None
        crime_type = crime_type_for(doc, sent, rate.start, rate.end, scope_of(sent, figs, rate)[0])
        return None if crime_type == "all_crime" else crime_type

    @staticmethod
    def _part_type(doc: LinkDoc, sent: Sentence, figs: list[Figure], fig: Figure, scope_start: int) -> str | None:
        """The crime type that names a part of a count ('1,400 violent crimes', '3,800 of them violent crimes',
        '5,100 of which were violent and 270 sexual'); None when the part names none."""
        crime_type = crime_type_for(doc, sent, fig.start, fig.end, scope_start)
        if crime_type != "all_crime":
            return crime_type
        lower, adjectives, joiners = doc.lower, doc.tables["part_crime_adjectives"], doc.words["part_list_joiners"]
        nxt = next((f.start for f in figs if f.start >= fig.end), sent.end)
        for i in range(fig.end, min(fig.end + _PART_TYPE_MOST, nxt)):
            if lower[i] in adjectives:
                return adjectives[lower[i]]
            if lower[i] in joiners:
                break
        return None

    @staticmethod
    def _coordinated(doc: LinkDoc, sent: Sentence, figs: list[Figure], fig: Figure, last: Finding, scope_start: int) -> bool:
        """A second count joined to the last one by "and", each with a crime type of its own ("fails to
        record roughly 1,100 sexual offences annually and close to 3,000 domestic abuse crimes") or
        each a force's ("Kent and Essex failed to record 4,000 and 7,600 crimes respectively"): two
        statements, not a breakdown."""
        cues = doc.cues
        counts = [f for f in figs if f.end <= fig.start and f.ent.label == "COUNT"]
        if not counts or [counts[-1].ent.start_char, counts[-1].ent.end_char, "COUNT"] != last["entities"][0]:
            return False
        crime_type = crime_type_for(doc, sent, fig.start, fig.end, scope_start)
        respective = bool(cues.within("respectively", sent.start, sent.end))
        if not respective and ("all_crime" in (crime_type, last["crime_type"]) or crime_type == last["crime_type"]):
            return False
        covered = {i for e in sent.of("CRIME_TYPE") for i in range(e.start, e.end)}
        for s_, e_ in cues.within("per_year_between", counts[-1].end, fig.start):
            covered.update(range(s_, e_))
        between = tuple(doc.lower[i] for i in range(counts[-1].end, fig.start) if i not in covered)
        return between in doc.phrases["count_joiners"]

    @staticmethod
    def _listed_part(doc: LinkDoc, sent: Sentence, figs: list[Figure], fig: Figure, listed_parts: set[int]) -> bool:
        """The figure opens a list of parts ("including 1,400 ...", "of which 900 ...") or continues
        one ("... violent crimes and 300 sexual offences", "5,100 of which were violent and 270 sexual"): an
        earlier part, words ending in its crime type, then "and" or ",". Not "of those 1,024 crimes", which
        names the whole again."""
        if doc.cues.before("part_list_openers", fig.start) is not None:
            return True
        if not listed_parts:
            return False  # no list of parts found so far to continue
        before = [f for f in figs if f.end <= fig.start]
        if not before or before[-1].start not in listed_parts or doc.lower[fig.start - 1] not in doc.words["part_list_joiners"]:
            return False
        end = fig.start - 1  # the gap between the earlier part and the joiner ends in a crime type
        return (doc.lower[end - 1] in doc.tables["part_crime_adjectives"]
                or any(e.end == end and e.start >= before[-1].end for e in sent.of("CRIME_TYPE")))

    @staticmethod
    def _vague_parent(doc: LinkDoc, sent: Sentence, figs: list[Figure], fig: Figure) -> Finding | None:
        """An unrecorded count too vague to be a finding ("failing to record thousands of crimes"), as the
        whole that a listed part belongs to; None when the nearest earlier count is not one."""
        counts = [f for f in figs if f.end <= fig.start and f.ent.label == "COUNT"]
        if not counts or counts[-1].norm.get("form") != "vague":
            return None
        whole = counts[-1]
        scope = scope_of(sent, figs, whole)
        if polarity(doc, sent, whole, scope, local_only=True) != "neg":
            return None
        _, scope_end = scope
        return {"type": "unrecorded_count", "per_year": per_year(doc, whole, scope_end)}
