"""Grades: 'rated as inadequate'; 'rated two forces – Thames Valley and North Yorkshire – as inadequate';
'inadequate for recording data about crime and for responding to the public' (one finding per area);
'Preventing crime – good' (a PEEL list line)."""

from __future__ import annotations

from typing import Iterator

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Named, Sentence
from pipeline.linking.figures import Ent
from pipeline.linking.findings import Finding, make_finding
from pipeline.linking.lexicon import Lexicon
from pipeline.linking.resolvers.force import force_for
from pipeline.linking.resolvers.year import year_for
from pipeline.linking.rules.base import LinkRule
from pipeline.linking.state import SharedState
from pipeline.resources import PhraseSet, tokenize_phrase
from pipeline.schema import DEFAULT_AREA

_SCALE_MOST = 12  # three or more grades within this many tokens are the scale itself, not a judgement
_DATE_AFTER_SAME_GRADE = 6  # tokens after "the same rating" within which its date is read
_AREA_TO_GRADE_MOST = 3  # words between an area and the grade after it in a list line
_NO_GRADE = "adequate"  # areas named after this word are not the grade's ("good for X, adequate for Y")


class GradeRule(LinkRule):
    """A GRADE of one force (or a group of forces listed together), per inspection area named."""

    finding_type = "grade"
    cue_reads = CueReads(before=("hypothetical", "negations"), after=("same_grade",), anywhere=("plural_forces",),
                         words=("area_to_grade", "grade_list_joiners", "modifier_words"), tables=("areas",))

    def __init__(self, lexicon: Lexicon) -> None:
        areas = lexicon.cues.tables["areas"]
        self.area_names = PhraseSet(list(areas))
        self.area_ids = {tokenize_phrase(name): area for name, area in areas.items()}

    def find(self, doc: LinkDoc, state: SharedState) -> Iterator[Finding]:
        cues = doc.cues
        for sent in doc.with_label.get("GRADE", []):
            grades = sent.of("GRADE")
            if sent.national:
                continue
            if not sent.forces and cues.within("plural_forces", sent.start, sent.end):
                continue  # "Two forces were rated inadequate": forces in general
            figs = sent.figures
            if len({g.kb_id for g in grades}) >= 3 and grades[-1].end - grades[0].start <= _SCALE_MOST:
                continue  # "outstanding, good, requires improvement or inadequate": the scale itself
            for k, grade in enumerate(grades):
                # "could be rated inadequate if ...", "is no longer inadequate", "has never been rated outstanding"
                if cues.before("hypothetical", grade.start) is not None or cues.before("negations", grade.start) is not None:
                    continue
                # "inadequate for recording data about crime and for responding to the public": one per area.
                stop = grades[k + 1].start if k + 1 < len(grades) else sent.end
                found_areas = self._areas_after(doc, grade.end, stop)
                if not found_areas:
                    found_areas = self._area_before(doc, grade, grades[k - 1].end if k else sent.start)
                years = [year_for(doc, sent, figs, grade)]
                earlier = self._same_grade_before(doc, sent, grade)
                if earlier is not None and earlier not in years:
                    years.append(earlier)
                for force in self._forces(doc, sent, grade):
                    for area in dict.fromkeys(found_areas or [DEFAULT_AREA]):
                        for year in years:
                            yield make_finding("grade", sent, [grade], force=force, area=area, grade=grade.kb_id, year=year)

    def _areas_after(self, doc: LinkDoc, start: int, stop: int) -> list[str]:
        """The areas named after a grade, from ``start`` up to ``stop`` or the word "adequate".

        Only a word that begins an area's name is looked up further: most words in the
        stretch (often up to the sentence's end) begin none."""
        lower, names = doc.lower, self.area_names
        found: list[str] = []
        first_words = names.first_words
        i = start
        while i < stop and lower[i] != _NO_GRADE:
            length = names.match_at(lower, i) if lower[i] in first_words else 0
            if length:
                found.append(self.area_ids[tuple(lower[i : i + length])])
                i += length
            else:
                i += 1
        return found

    @staticmethod
    def _same_grade_before(doc: LinkDoc, sent: Sentence, grade: Ent) -> int | None:
        """'graded the force as requires improvement, the same rating it received in 2016': the year
        of that earlier grade, a finding of its own."""
        following = [g.start for g in sent.of("GRADE") if g.start >= grade.end]
        # Past the area it is for ("requires improvement for recording data about crime – the same grade ...").
        same = doc.cues.after("same_grade", grade.end, min([sent.end, *following]))
        if same is None:
            return None
        after = same[1]
        for date in sent.of("DATE"):
            if after <= date.start <= after + _DATE_AFTER_SAME_GRADE:
                return doc.norm(date).get("year")
        return None

    def _area_before(self, doc: LinkDoc, grade: Ent, floor: int) -> list[str]:
        """A PEEL list line, "Preventing crime – good" or "Investigating crime: requires improvement"."""
        lower, to_grade = doc.lower, doc.words["area_to_grade"]
        i = grade.start
        while i > floor and grade.start - i < _AREA_TO_GRADE_MOST and lower[i - 1] in to_grade:
            i -= 1
        if i == grade.start:
            return []
        length = self.area_names.ends_at(lower, i)
        if not length or i - length < floor:
            return []
        return [self.area_ids[tuple(lower[i - length : i])]]

    @staticmethod
    def _forces(doc: LinkDoc, sent: Sentence, grade: Ent) -> list[str]:
        """The forces a grade is given to: the group of forces named before it (else after it), leaving aside
        forces in relative or comparative clauses; else the force resolved for its position."""
        if not sent.forces:
            force = force_for(doc, sent, grade.start)
            return [force] if force else []
        joiners = doc.words["grade_list_joiners"]
        groups: list[list[Named]] = [[sent.forces[0]]]
        for prev, cur in zip(sent.forces, sent.forces[1:]):
            between = doc.lower[prev[1] : cur[0]]
            if between and all(w in joiners for w in between):
                groups[-1].append(cur)
            else:
                groups.append([cur])
        groups = [g for g in groups if not _in_modifier(doc, sent, g)] or groups
        before = [g for g in groups if g[-1][1] <= grade.start]
        after = [g for g in groups if g[0][0] >= grade.end]
        chosen = before[-1] if before else after[0] if after else groups[-1]
        return list(dict.fromkeys(f[2] for f in chosen))


def _in_modifier(doc: LinkDoc, sent: Sentence, group: list[Named]) -> bool:
    """Forces named in a relative or comparative clause ("which shares units with X and Y")."""
    lower, modifiers = doc.lower, doc.words["modifier_words"]
    i = group[0][0] - 1
    while i >= sent.start and lower[i] != ",":
        if lower[i] in modifiers:
            return True
        i -= 1
    return False
