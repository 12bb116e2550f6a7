"""Grades: 'rated as inadequate'; 'rated two forces – Thames Valley and North Yorkshire – as inadequate';
'inadequate for recording data about crime and for responding to the public' (one finding per area);
'Preventing crime – good' (a PEEL list line); where the areas stand and how they are named is ``areas.py``."""

from __future__ import annotations

from typing import Iterator

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Named, Sentence
from pipeline.linking.figures import Ent
from pipeline.linking.findings import Finding, make_finding
from pipeline.linking.lexicon import Lexicon
from pipeline.linking.resolvers.force import force_for
from pipeline.linking.resolvers.year import year_for
from pipeline.linking.resolvers.polarity import bulleted
from pipeline.linking.rules.areas import UNNAMED, AreaReader, alone_on_line
from pipeline.linking.rules.base import LinkRule
from pipeline.linking.state import SharedState
from pipeline.schema import DEFAULT_AREA

_SCALE_MOST = 24  # three or more grades within this many tokens, with only joiners between, are the scale itself
_SCALE_ENDS = frozenset({"outstanding", "inadequate"})  # the best and the worst grade: "from outstanding to inadequate"
_SCALE_LINES_LEAST = 3  # bullet lines of different grades, one after another, that are the grading scale listed
_DATE_AFTER_SAME_GRADE = 6  # tokens after "the same rating" within which its date is read
_REPORT_AFTER_MOST = 14  # tokens after a grade in which the report that gave it is named
_REPORT_TO_DATE_MOST = 6  # tokens between the report that gave a grade and its date
_HEADING_MOST = 8  # tokens: a section's heading line ("Northamptonshire Fire and Rescue Service")
_MOVE_WORDS = 3  # tokens before a grade in which "from" or "to" says it is the grade moved from or to ('from the "')
_APPOSITION_DATE_MOST = 8  # tokens after 'the grade' in an apposition in which its date stands ('we were given in 2021')
_OVERALL_WITHIN = 4  # tokens either side of a grade where "overall" makes it an overall judgement


class GradeRule(LinkRule):
    """A GRADE of one force (or a group of forces listed together), per inspection area named."""

    finding_type = "grade"
    cue_reads = CueReads(before=("hypothetical", "negations", "withheld_grades", "earlier_grade"),
                         after=("same_grade", "grade_apposition"),
                         anywhere=("plural_forces", "clause_boundaries", "wider_inspection", "fire_service"),
                         words=("grade_list_joiners", "grade_scale_joiners", "modifier_words", "report_words", "report_date_links", "overall_words"),
                         ids=("ungraded_forces",))

    def __init__(self, lexicon: Lexicon) -> None:
        self.areas = AreaReader(lexicon)

    def find(self, doc: LinkDoc, state: SharedState) -> Iterator[Finding]:
        cues = doc.cues
        fire_named = cues.any_in_doc("fire_service")
        fire = self._about_fire_service(doc) if fire_named else set()
        scale_lines = self._scale_lines(doc)
        grouped, grouped_lines = self.areas.grouped_table(doc)
        for sent in doc.with_label.get("GRADE", []):
            grades = sent.of("GRADE")
            if sent.national or sent.index in fire or sent.index in scale_lines:
                continue
            if sent.index in grouped_lines:
                # a judgement table with a line per cell, grouped by grade: the areas on the lines under this grade
                yield from self._cell(doc, sent, grades[0], grouped.get(sent.index, []))
                continue
            if not sent.forces and cues.within("plural_forces", sent.start, sent.end):
                continue  # "Two forces were rated inadequate": forces in general
            figs = sent.figures
            if self._scale(doc, grades):
                continue  # "outstanding, good, requires improvement or inadequate": the scale itself
            ends = self._scale_ends(doc, grades)
            if ends:
                grades = [g for g in grades if g.start not in ends]  # "Our grades run from outstanding to inadequate"
                if not grades:
                    continue
            table = self.areas.flattened_table(doc, sent, grades)
            if table is not None:
                for grade, areas in zip(grades, table):
                    yield from self._cell(doc, sent, grade, areas)
                continue
            floor = sent.start  # where the areas of the grade before end: no grade reads back past it
            areas: list[str] | None = []
            named_before: list[str] = []  # the areas the sentence's last grade named, for an elliptical one after it
            fire_here = self._fire_named(doc, sent) if fire_named else []
            for k, grade in enumerate(grades):
                stop = grades[k + 1].start if k + 1 < len(grades) else sent.end
                if areas is UNNAMED and self._coordinated(doc, grades[k - 1], grade):
                    floor = grade.end
                    continue  # "No area was graded outstanding or inadequate": the second grade has the first's subject
                areas, read_to = self._areas(doc, sent, grade, stop, floor)
                floor = max(grade.end, read_to)
                if fire_here and self._fire_grade(sent, grade, fire_here):
                    continue
                # "could be rated inadequate if ...", "is no longer inadequate", "has never been rated outstanding"
                if (cues.before("hypothetical", grade.start) is not None or cues.before("negations", grade.start) is not None
                        or cues.before("withheld_grades", grade.start, sent.start) is not None):
                    continue
                if areas is UNNAMED:
                    continue  # "good in three areas", "None of the eleven areas ...", "the service to victims is inadequate"
                if areas:
                    named_before = areas
                elif named_before:
                    # "rated good for effectiveness, an improvement on last year, when it required improvement", "... good
                    # for effectiveness, while North Wales Police was told it requires improvement": the area is elided
                    areas = named_before
                years = [self._year(doc, sent, figs, grade, stop)]
                recalled = cues.before("earlier_grade", grade.start, sent.start)
                if years[0] == doc.article_year and recalled is not None and "to" not in doc.lower[recalled[1] : grade.start]:
                    # "has moved from requires improvement to adequate" (not the grade moved to): an earlier grade, of
                    # the earlier year the sentence names ("up from 81.6 per cent in 2022, and its grade has gone from
                    # inadequate to adequate"); with none ("now 'good' after being branded inadequate") it is stated
                    # where the text dates it
                    earlier = self._earlier_year(doc, sent)
                    if earlier is None:
                        continue
                    years = [earlier]
                earlier = self._same_grade_before(doc, sent, grade)
                if earlier is not None and earlier not in years:
                    years.append(earlier)
                for force in self._forces(doc, sent, grade):
                    for area in dict.fromkeys(areas or [DEFAULT_AREA]):
                        for year in years:
                            yield make_finding("grade", sent, [grade], force=force, area=area, grade=grade.kb_id, year=year)

    @staticmethod
    def _about_fire_service(doc: LinkDoc) -> set[int]:
        """The sentences about a fire and rescue service, whose grades are not a police force's: one naming it and
        no police force ("The inspectorate rated the fire and rescue service as requires improvement"), the rest of
        its paragraph ("In 2019 the service was judged good"), and the section under a heading line naming it, up
        to a sentence or heading that names a police force."""
        cues, about = doc.cues, set()
        on = headed = False
        for sent in doc.sentences:
            if on and not headed and sent.index and "\n" in doc.lower[sent.start - 1]:
                on = False  # a new paragraph
            named = GradeRule._fire_named(doc, sent)
            police = [f for f in sent.forces if not any(f[1] == m[0] for m in named)]  # not "North Yorkshire Fire ..."
            if police:
                on = headed = False
            elif named:
                on, headed = True, headed or sent.end - sent.start <= _HEADING_MOST
            elif not on and about and sent.index - 1 in about and GradeRule._the_service(doc, sent):
                on = True  # a new paragraph on "the service" ("In its previous inspection, in 2021, the service was ...")
            if on:
                about.add(sent.index)
        return about

    @staticmethod
    def _fire_named(doc: LinkDoc, sent: Sentence) -> list[tuple[int, int]]:
        """Where the sentence names a fire and rescue service: not inside the inspectorate's name ("... Constabulary
        and Fire & Rescue Services") nor a title."""
        named = doc.cues.within("fire_service", sent.start, sent.end)
        if named:
            names = sent.of("INSPECTORATE") + sent.of("ROLE")
            named = [m for m in named if not any(e.start <= m[0] < e.end for e in names)
                     and not (doc.lower[m[0] - 1] in ("and", "&") and doc.lower[m[0] - 2].startswith("constabular"))]
        return named

    @staticmethod
    def _the_service(doc: LinkDoc, sent: Sentence) -> bool:
        """The sentence speaks of "the service" (a fire and rescue service named before) and names no police force."""
        lower = doc.lower
        return not sent.forces and any(lower[i] == "service" and lower[i - 1] in ("the", "its") for i in range(sent.start + 1, sent.end))

    @staticmethod
    def _fire_grade(sent: Sentence, grade: Ent, fire_here: list[tuple[int, int]]) -> bool:
        """In a sentence naming both a police force and a fire and rescue service, the grade whose nearest
        organisation before it is the fire service ("Staffordshire Police has been rated good at recording crime,
        while Staffordshire Fire and Rescue Service has kept its good grade for understanding the risk of fire");
        ``fire_here``: where the sentence names the fire service (``_fire_named``, read once per sentence)."""
        named = [m for m in fire_here if m[0] < grade.start]
        if not named:
            return False
        police = [f[0] for f in sent.forces if f[0] < grade.start and not any(f[1] == m[0] for m in named)]
        return max(m[0] for m in named) > max(police, default=-1)

    @staticmethod
    def _scale_lines(doc: LinkDoc) -> set[int]:
        """The lines of a list that is the grading scale ("From best to worst, they are:", "• outstanding", "• good",
        "• adequate", ...): a run of bullet lines that each hold one grade and nothing else, three grades or more."""
        scale: set[int] = set()
        run: list[Sentence] = []
        for sent in [*doc.with_label.get("GRADE", []), None]:
            lone = (sent is not None and len(sent.of("GRADE")) == 1 and bulleted(doc, sent)
                    and alone_on_line(doc, sent, sent.of("GRADE")[0]))
            if lone and (not run or run[-1].index + 1 == sent.index):
                run.append(sent)
                continue
            if len({s.of("GRADE")[0].kb_id for s in run}) >= _SCALE_LINES_LEAST:
                scale.update(s.index for s in run)
            run = [sent] if lone else []
        return scale

    @staticmethod
    def _coordinated(doc: LinkDoc, before: Ent, grade: Ent) -> bool:
        """Two grades joined only by 'or', 'and', 'nor' or a comma ('outstanding or inadequate')."""
        joiners = doc.words["grade_scale_joiners"]
        return all(doc.lower[i] in joiners for i in range(before.end, grade.start))

    @staticmethod
    def _scale_ends(doc: LinkDoc, grades: list[Ent]) -> set[int]:
        """Where the scale's two ends stand, named from one to the other ('Our grades run from outstanding to
        inadequate'): no grade given."""
        ends: set[int] = set()
        for a, b in zip(grades, grades[1:]):
            if ({a.kb_id, b.kb_id} == _SCALE_ENDS and doc.words_between(a.end, b.start) == ("to",)
                    and doc.word_before(a.start) == "from"):
                ends.update((a.start, b.start))
        return ends

    @staticmethod
    def _scale(doc: LinkDoc, grades: list[Ent]) -> bool:
        """Three or more different grades close together, joined only by commas, 'or' and the like: the grading scale."""
        if len({g.kb_id for g in grades}) < 3 or grades[-1].end - grades[0].start > _SCALE_MOST:
            return False
        joiners = doc.words["grade_scale_joiners"]
        return all(doc.lower[i] in joiners for a, b in zip(grades, grades[1:]) for i in range(a.end, b.start))

    def _areas(self, doc: LinkDoc, sent: Sentence, grade: Ent, stop: int, floor: int) -> tuple[list[str] | None, int]:
        """The areas of a grade (UNNAMED: none that gives a finding) and where reading them ended: those named after
        it, else (for a number of areas) those the next sentence names, else those it is said of before it, else
        those fronted at the sentence's opening, asked about in the question it answers, on the bullet lines under
        it (a grade heading) or on the line above it (a judgement table). A grade 'overall' in a
        wider inspection than crime recording names none."""
        if self.areas.in_areas_relative(doc, sent, grade):
            return UNNAMED, grade.end
        headed, read_to = self.areas.headed_line(doc, sent, grade)
        if headed:
            return headed, read_to
        areas, read_to = self.areas.after(doc, sent, grade, stop)
        if areas is UNNAMED:
            # "Those three included ..." next; or counted over the bullet lines a colon opens ("graded 'adequate' in
            # four areas of its work:" then "• preventing crime ...")
            listed = self.areas.listed_below(doc, sent, grade) if self.areas.opens_list(doc, sent) else []
            return (self.areas.named_next(doc, sent) or listed or UNNAMED), read_to
        if not areas:
            areas = self.areas.where_before(doc, sent, grade) or self.areas.before(doc, sent, grade, floor)
        if areas == []:
            areas = (self.areas.fronted(doc, sent, grade) or self.areas.questions_below(doc, sent, grade)
                     or self.areas.question_before(doc, sent, grade))
        if areas == []:
            listed = self.areas.listed_below(doc, sent, grade)
            if listed is UNNAMED:
                return UNNAMED, read_to  # a heading over "• None"
            areas = listed or self.areas.line_before(doc, sent, grade)
        if (areas == [] and doc.cues.any_in_doc("wider_inspection") and self._overall(doc, sent, grade)
                and not self.areas.in_crime_recording_section(doc, sent)):
            return UNNAMED, read_to
        return areas, read_to

    @staticmethod
    def _overall(doc: LinkDoc, sent: Sentence, grade: Ent) -> bool:
        """'overall' next to the grade ('rated good overall', 'an overall grade of good')."""
        near = range(max(sent.start, grade.start - _OVERALL_WITHIN), min(sent.end, grade.end + _OVERALL_WITHIN))
        return any(doc.lower[i] in doc.words["overall_words"] for i in near)

    def _cell(self, doc: LinkDoc, sent: Sentence, grade: Ent, areas: list[str]) -> Iterator[Finding]:
        """The findings of one grade cell of a judgement table (run into a line, or a line per cell): the grade of each
        area under it, for each force the line is about."""
        year = self._year(doc, sent, sent.figures, grade, grade.end)
        for force in self._forces(doc, sent, grade):
            for area in dict.fromkeys(areas):
                yield make_finding("grade", sent, [grade], force=force, area=area, grade=grade.kb_id, year=year)

    def _year(self, doc: LinkDoc, sent: Sentence, figs: list, grade: Ent, stop: int) -> int | None:
        """The grade's year: a date after it in its own clause, before the next grade ('rated good in 2019 and
        outstanding in 2023'); else the date that governs it; else the date of the report said to have given it
        ('graded inadequate ... in the inspectorate's last report, which came out in October 2016'); else the
        article's."""
        if "DATE" not in sent.by_label:
            return doc.article_year
        when = self._when_clause_date(doc, sent, grade)
        if when is not None:
            return when
        named = doc.cues.after("grade_apposition", grade.end, sent.end)
        if named is not None and named[0] == grade.end:
            # "moved from requires improvement, the grade we were given in 2021, to adequate"
            for date in sent.of("DATE"):
                if named[1] <= date.start <= named[1] + _APPOSITION_DATE_MOST and (dated := doc.norm(date).get("year")):
                    return dated
        for date in sent.of("DATE"):
            if grade.end <= date.start < stop and not doc.cues.within("clause_boundaries", grade.end, date.start):
                if (dated := doc.norm(date).get("year")) is not None:
                    return dated  # "in reports published over the past two months" names no year: read on
                break
        if self._to_after_from(doc, sent, grade):
            return doc.article_year  # "moved up from the 'inadequate' grade it was given in 2019 to 'adequate'"
        year = year_for(doc, sent, figs, grade)
        if year != doc.article_year:
            return year
        lower, reports = doc.lower, doc.words["report_words"]
        report = next((i + 1 for i in range(grade.end, min(stop, grade.end + _REPORT_AFTER_MOST)) if lower[i] in reports), None)
        if report is None:
            return year
        links = doc.words["report_date_links"]
        for date in sent.of("DATE"):
            if report <= date.start <= report + _REPORT_TO_DATE_MOST:
                if all(lower[i] in links for i in range(report, date.start)):
                    return doc.norm(date).get("year") or year
                break
        return year

    @staticmethod
    def _earlier_year(doc: LinkDoc, sent: Sentence) -> int | None:
        """The earliest year before the article's that a date of the sentence names; None if none does."""
        years = [y for d in sent.of("DATE") if (y := doc.norm(d).get("year")) is not None
                 and (doc.article_year is None or y < doc.article_year)]
        return min(years) if years else None

    @staticmethod
    def _to_after_from(doc: LinkDoc, sent: Sentence, grade: Ent) -> bool:
        """The grade a force moved to from an earlier one said before it in the sentence ("has moved up from the
        'inadequate' grade it was given for crime recording in 2019 to 'adequate'"): a date between the two is the
        earlier grade's."""
        lower = doc.lower
        if "to" not in lower[max(sent.start, grade.start - _MOVE_WORDS) : grade.start]:
            return False
        return any("from" in lower[max(sent.start, g.start - _MOVE_WORDS) : g.start]
                   for g in sent.of("GRADE") if g.end <= grade.start)

    @staticmethod
    def _when_clause_date(doc: LinkDoc, sent: Sentence, grade: Ent) -> int | None:
        """'up from 88.9 per cent in 2018, when a crime data integrity inspection rated the force requires
        improvement': the grade in a 'when' clause is of the date the clause hangs on."""
        dates = [d for d in sent.of("DATE") if d.end <= grade.start]
        if not dates:
            return None
        date = dates[-1]
        lower = doc.lower
        words = [w for w in lower[date.end : min(date.end + 3, grade.start)] if w.strip()]
        if "when" not in words[:2] or "." in lower[date.end : grade.start]:
            return None
        return doc.norm(date).get("year")

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

    @staticmethod
    def _forces(doc: LinkDoc, sent: Sentence, grade: Ent) -> list[str]:
        """The forces a grade is given to: the group of forces named before it (else after it), leaving aside
        forces in relative or comparative clauses; else the force resolved for its position. Never a force the
        inspectorate does not grade (Police Scotland: HMICS inspects it)."""
        if not sent.forces:
            force = force_for(doc, sent, grade.start)
            return [force] if force and force not in doc.ids["ungraded_forces"] else []
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
        return list(dict.fromkeys(f[2] for f in chosen if f[2] not in doc.ids["ungraded_forces"]))


def _in_modifier(doc: LinkDoc, sent: Sentence, group: list[Named]) -> bool:
    """Forces named in a relative or comparative clause ("which shares units with X and Y")."""
    lower, modifiers = doc.lower, doc.words["modifier_words"]
    i = group[0][0] - 1
    while i >= sent.start and lower[i] != ",":
        if lower[i] in modifiers:
            return True
        i -= 1
    return False
