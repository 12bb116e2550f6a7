"""Unrecorded counts: 'fails to record over 4,100 reported crimes a year'; '116 were not recorded';
'Of these, 4,200 were reports of violent crime'; 'thousands of crimes, including 1,400 violent crimes
and 300 sexual offences' (a finding per part)."""

from __future__ import annotations

from typing import Iterator

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figure_tests import about_other_things, is_previous_figure
from pipeline.linking.figures import Figure, Scope, scope_of, scoped
from pipeline.linking.findings import Finding, make_finding
from pipeline.linking.resolvers.crime_type import crime_type_for
from pipeline.linking.resolvers.force import force_for
from pipeline.linking.resolvers.per_year import per_year
from pipeline.linking.resolvers.polarity import polarity
from pipeline.linking.resolvers.qualifier import qualifier
from pipeline.linking.resolvers.year import year_for
from pipeline.linking.rules.base import LinkRule
from pipeline.linking.state import SharedState


class UnrecordedCountRule(LinkRule):
    """A COUNT said not to be recorded, or a part of one (by crime type), of one force.

    Within a document, the parts of a list ("including 1,400 violent crimes and 300 sexual
    offences") are remembered as they are found, so that the next item continues the list.
    """

    finding_type = "unrecorded_count"
    cue_reads = CueReads(before=("part_list_openers",), after=("sub_part", "sub_part_opening"),
                         anywhere=("respectively", "per_year_between"),
                         words=("anaphoric_openers", "part_list_joiners"), phrases=("count_joiners",))
    reads = frozenset({"sample_counts", "samples"})

    def find(self, doc: LinkDoc, state: SharedState) -> Iterator[Finding]:
        listed: set[int] = set()  # starts of counts found as listed parts ("including 1,400 ...")
        previous: Finding | None = None
        for sent in doc.sentences:
            figs = sent.figures
            if not figs and not sent.forces:
                continue
            found_here: list[Finding] = []
            if not sent.national and "COUNT" in sent.by_label:
                for fig, scope in scoped(sent, figs):
                    if fig.ent.label != "COUNT":
                        continue
                    finding = self._finding(doc, state, sent, figs, fig, scope, previous, found_here, listed)
                    if finding is not None:
                        found_here.append(finding)
                        yield finding
            if found_here:
                previous = found_here[-1]
            elif figs or sent.forces:
                previous = None

    def _finding(self, doc: LinkDoc, state: SharedState, sent: Sentence, figs: list[Figure], fig: Figure, scope: Scope,
                 previous: Finding | None, found_here: list[Finding], listed_parts: set[int]) -> Finding | None:
        """The unrecorded count ``fig`` (a COUNT) states, or None."""
        ent = fig.ent
        value = fig.norm.get("value")
        if value is None or fig.norm.get("form") == "vague":
            return None  # "tens of thousands" is not a figure a dataset can hold
        if fig.start in state.sample_counts or about_other_things(doc, fig):
            return None
        scope_start, scope_end = scope
        said = polarity(doc, sent, fig, scope, local_only=True)
        if said is None and fig is figs[0] and doc.lower[sent.start] in doc.words["anaphoric_openers"]:
            # "Kent fails to record 8 per cent of crimes. That equates to some 9,500 crimes every year."
            said = polarity(doc, sent, fig, scope)
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
        yearly = per_year(doc, fig, scope_end, sent, figs)
        # A part is smaller than its whole: not "of those 1,024 crimes" after "88 ... never made it".
        smaller = parent is not None and value < parent.get("value", float("inf"))
        # "about 6,300 ..., about 3,800 of them violent crimes", "thousands of crimes, including 1,400
        # violent crimes and 300 sexual offences": a part of that count, named by its crime type.
        typed_part = (smaller and (listed or doc.cues.after("sub_part", fig.end) is not None)
                      and crime_type_for(doc, sent, fig.start, fig.end, scope_start) != "all_crime")
        if typed_part and listed:
            listed_parts.add(fig.start)
        if typed_part:
            yearly = yearly or parent["per_year"]  # type: ignore[index]
        elif said != "neg":
            if parent is None:
                return None
            if is_previous_figure(doc, fig) and found_here:
                # "fails to record roughly 4,000 crimes a year, down from more than 11,000 in 2019"
                yearly = yearly or parent["per_year"]
            elif doc.cues.after("sub_part_opening", sent.start) is not None and fig == figs[0] and parent is previous and smaller:
                # "Of these, 4,200 were reports of violent crime": part of the previous sentence's count.
                yearly = yearly or parent["per_year"]
            else:
                return None
        elif found_here and not is_previous_figure(doc, fig) and not coordinated:
            return None  # a breakdown of the count already found in this sentence
        force = force_for(doc, sent, fig.start, fig.end)
        if force is None:
            return None
        if state.rest_of_sample(sent.index, force, int(value)) is not None:
            # "116 were not recorded" after "of these 354 were recorded" (of 470): the rest of that sample, part of
            # the audit, not the force's count (SCHEMA §5, Audits).
            return None
        crime_type = crime_type_for(doc, sent, fig.start, fig.end, scope_start)
        year = year_for(doc, sent, figs, fig)
        return make_finding(
            "unrecorded_count", sent, [ent],
            force=force, crime_type=crime_type, value=int(value), per_year=yearly,
            qualifier=qualifier(doc, fig, scope, fig.norm.get("qualifier", "exact")), year=year,
        )

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
        one ("... violent crimes and 300 sexual offences"): an earlier part, its crime type, then "and" or ",".
        Not "of those 1,024 crimes", which names the whole again."""
        if doc.cues.before("part_list_openers", fig.start) is not None:
            return True
        if not listed_parts:
            return False  # no list of parts found so far to continue
        before = [f for f in figs if f.end <= fig.start]
        if not before or before[-1].start not in listed_parts or doc.lower[fig.start - 1] not in doc.words["part_list_joiners"]:
            return False
        gap = (before[-1].end, fig.start - 1)
        return any((e.start, e.end) == gap for e in sent.of("CRIME_TYPE"))

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
