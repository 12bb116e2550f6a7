"""Which year a figure or grade is of: a date in its sentence that governs it, else the article's year.

A figure after "up from" is an earlier one, dated by the date after it, and that date
dates nothing else; of the other dates, the nearest one that governs the figure wins.
"""

from __future__ import annotations

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figure_tests import is_previous_figure
from pipeline.linking.figures import Ent, Figure

CUE_READS = CueReads(before=("date_blockers", "past_inspection"), anywhere=("clause_boundaries", "present_time"),
                     words=("reporting_verbs", "relative_openers", "report_words", "earlier_words", "rating_verbs",
                            "present_main_verbs", "bullets", "past_copulas", "contrast_openers"))
_LINE_SENTENCES_MOST = 6  # sentences read back to the start of a line for the year that opens it
_LINE_YEAR_MARKS = frozenset({"-", "–", "—", ":"})  # after a year opening a line: the line is of that year
_LOOK_BACK = 8  # tokens before a date in which "when" or "since" is read
_PRESENT_AFTER_MOST = 6  # tokens after a figure, in its clause, in which a word of the present dates it to the article
_REPORTING_MOST = 3  # a past inspection's reporting verb is among the first tokens after its date
_APPOSITION_MOST = 3  # tokens before a date in which the comma setting it off after an earlier inspection stands ("published in")
_ROW_MOST = 24  # tokens: a table's or ranked list's row, not a paragraph
_RELATIVE_BACK = 15  # tokens before a date in which the ", which" opening its clause is read


def year_for(doc: LinkDoc, sent: Sentence, figs: list[Figure], fig: Figure | Ent) -> int | None:
    """The year of ``fig`` (a figure among ``figs``, or an entity such as a grade) in ``sent``."""
    if "DATE" not in sent.by_label:
        return _line_opening_year(doc, sent)
    # The same for every figure of the sentence (with the same list of figures): worked out once.
    dated = sent.dated
    if dated is None or dated[0] is not figs:
        years = {d: doc.norm(d).get("year") for d in sent.of("DATE")}
        dates = [d for d, year in years.items() if year is not None]
        previous = [f for f in figs if is_previous_figure(doc, f)] if dates else []
        claimed = {id(next((d for d in dates if d.start >= f.end), None)) for f in previous}
        dated = sent.dated = (figs, years, dates, previous, claimed)
    _, years, dates, previous, claimed = dated
    if not dates:
        return doc.article_year
    if isinstance(fig, Figure) and fig in previous:
        after = [d for d in dates if d.start >= fig.end]
        return years[after[0]] if after else doc.article_year
    if (row := dates[-1]).start >= fig.end and _closes_row(doc, sent, row):
        return years[row]  # "2. Surrey Police – 96.1% – Good (2022)": a row's year in brackets dates the whole row
    usable = [d for d in dates if id(d) not in claimed and _governs(doc, sent, d, fig)
              and not doc.aside_apart(sent, d.start, d.end, fig.start)]  # not "94.2% (2020: 77.7%)"
    if not usable:
        return doc.article_year
    return years[min(usable, key=lambda d: min(abs(d.start - fig.end), abs(fig.start - d.end)))]


def _line_opening_year(doc: LinkDoc, sent: Sentence) -> int | None:
    """For a sentence with no date: the year that opens its line before a dash or colon ('• 2016 - the first crime
    data integrity inspection graded the force ... . Inspectors estimated that it was recording around 88 per cent'),
    as a timeline's lines are dated; else the article's year."""
    bullets, lower = doc.words["bullets"], doc.lower
    line = sent
    for _ in range(_LINE_SENTENCES_MOST):
        i = line.start - 1
        while i >= 0 and (lower[i] in bullets or not lower[i].strip() and "\n" not in lower[i]):
            i -= 1
        if i < 0 or "\n" in lower[i] or line.index == 0:
            break
        line = doc.sentences[line.index - 1]
    else:
        return doc.article_year
    dates = line.of("DATE")
    if not dates:
        return doc.article_year
    first = dates[0]
    year = doc.norm(first).get("year")
    if first.start != doc.first_word_at(line, bullets) or year is None or first.end >= line.end or lower[first.end] not in _LINE_YEAR_MARKS:
        return doc.article_year
    return year


def _governs(doc: LinkDoc, sent: Sentence, date: Ent, fig: Figure | Ent) -> bool:
    """A date before a figure governs it unless it dates something else ("since the last
    report, in 2014"; but "the last inspection, in 2016, when it recorded 89.1%"); a date
    after it governs it only within its clause ("not recorded in 2013"). Between the two, a word
    of the present ("In 2019 it was rated good; now it is rated inadequate") dates the figure
    to the article instead."""
    cues = doc.cues
    if date.start >= fig.end:
        # a hyphen inside another date ("during a three-month spell last summer") bounds no clause
        bounds = [b for b in cues.within("clause_boundaries", fig.end, date.start)
                  if not any(d.start <= b[0] < d.end for d in sent.of("DATE"))]
        return not bounds or _earlier_inspection_dated(doc, fig, date, bounds) or _grading_dated(doc, fig, date, bounds)
    if cues.within("present_time", date.end, fig.start) or _in_closed_relative(doc, date, fig):
        return False
    if _contrasted_subject_between(doc, sent, date, fig):
        return False  # "Wiltshire Police was graded ... in 2018, while Avon and Somerset was found to record 92 per cent"
    if _present_after(doc, fig):
        return False  # "... published in 2022, rated the force good ...; it has been graded adequate in that area this time"
    if cues.before("date_blockers", date.start) is None:
        return True
    lower = doc.lower
    before, between = lower[max(date.start - _LOOK_BACK, 0) : date.start], lower[date.end : fig.start]
    # "the last inspection, in 2016, when it recorded 89.1%"; "When the force was last inspected, in 2014, it ..."
    if "when" in between or "when" in before:
        return True
    # "Its previous inspection, in 2017, found it recorded 83 per cent": that inspection's own finding
    # (not "Since the last inspection, in 2014, inspectors have found ...").
    # "In our previous inspection, published in 2022, the force's rate was an estimated 94.8 percent": so is a figure
    # said in the past tense there.
    return (cues.before("past_inspection", date.start) is not None and "since" not in before
            and (not doc.words["reporting_verbs"].isdisjoint(between[:_REPORTING_MOST])
                 or not doc.words["past_copulas"].isdisjoint(between)))


def _closes_row(doc: LinkDoc, sent: Sentence, date: Ent) -> bool:
    """The date, in brackets, closes a short line that names a force: a table or ranked list's row ("2. Surrey
    Police – 96.1% – Good (2022)")."""
    lower = doc.lower
    if not sent.forces or sent.end - sent.start > _ROW_MOST or date.start == 0 or lower[date.start - 1] != "(":
        return False
    return date.end < sent.end and lower[date.end] == ")" and all(not w.strip() for w in lower[date.end + 1 : sent.end])


def _contrasted_subject_between(doc: LinkDoc, sent: Sentence, date: Ent, fig: Figure | Ent) -> bool:
    """Between the date and the figure a clause of contrast opens on another subject, a force ('..., while Avon and
    Somerset Constabulary was found to record ...', 'but Dorset Police recorded ...'): the date is the first clause's,
    whose own subject came before it. (A date that opens the sentence, before any force, frames every clause: "In
    2014 Cumbria recorded 91 per cent ..., while Derbyshire fell short of it at 77 per cent".)"""
    if not any(e.start < date.start for e in sent.of("FORCE")):
        return False
    lower, openers = doc.lower, doc.words["contrast_openers"]
    for i in range(date.end, fig.start):
        if lower[i] in openers:
            j = i + 1
            while j < fig.start and lower[j] == "the":
                j += 1
            if any(e.start == j for e in sent.of("FORCE")):
                return True
    return False


def _present_after(doc: LinkDoc, fig: Figure | Ent) -> bool:
    """A word of the present right after the figure in its clause ("graded adequate in that area this time",
    "records 93 per cent now"): the figure is the article's, whatever date stands before it."""
    lower, cues = doc.lower, doc.cues
    bounds = cues.within("clause_boundaries", fig.end, min(len(lower), fig.end + _PRESENT_AFTER_MOST))
    stop = bounds[0][0] if bounds else min(len(lower), fig.end + _PRESENT_AFTER_MOST)
    # a coordinated clause ("in 2019 requires improvement and now good") or the sentence's end closes it too
    stop = next((k for k in range(fig.end, stop) if lower[k] in (".", "and", "or") or "\n" in lower[k]), stop)
    return bool(cues.within("present_time", fig.end, stop))


def _earlier_inspection_dated(doc: LinkDoc, fig: Figure | Ent, date: Ent, bounds: list[tuple[int, int]]) -> bool:
    """"the 96.1 percent we estimated at our last crime data integrity inspection, in 2018": the date set off by a
    comma right after an earlier inspection that the figure's clause names is that inspection's, and the figure's."""
    if any(start < date.start - _APPOSITION_MOST for start, _ in bounds):
        return False  # another clause between the figure and the date
    between = doc.lower[fig.end : date.start]
    report = max((i for i, w in enumerate(between) if w in doc.words["report_words"]), default=None)
    return report is not None and not doc.words["earlier_words"].isdisjoint(between[:report])


def _grading_dated(doc: LinkDoc, fig: Figure | Ent, date: Ent, bounds: list[tuple[int, int]]) -> bool:
    """'the first force to be graded outstanding for crime recording, in 2017, still records ...': a grade's own date,
    set off by commas right after the grade and its area."""
    lower = doc.lower
    return (not isinstance(fig, Figure) and len(bounds) == 1 and date.start >= 2 and lower[date.start - 1] == "in"
            and lower[date.start - 2] == "," and bounds[0][0] == date.start - 2
            and date.end < len(lower) and lower[date.end] == ",")


def _in_closed_relative(doc: LinkDoc, date: Ent, fig: Figure | Ent) -> bool:
    """The date lies in a relative clause in the past perfect, set off by commas, that closes before the figure
    ("Sussex Police, which had been warned about its recording in 2013, did better: ... recorded 91 of the 102
    crimes"), or in the passive of a grading before a main clause in the present ("Durham Constabulary, which was
    graded outstanding for crime recording in 2023, records an estimated 96.8 per cent") or in a participle clause of
    one ("Durham Constabulary, graded outstanding ... in 2019, tops our table"): an earlier event, not the figure's
    time. ("The inspection, which examined reports made in 2020, found that 91.9 per cent ..." dates the figure: its
    clause is the inspection's own.)"""
    lower, openers = doc.lower, doc.words["relative_openers"]

    def closing() -> int | None:
        """Where the clause holding the date closes: the first comma after it, before the figure."""
        return next((j for j in range(date.end, fig.start) if lower[j] == ","), None)

    def present_after(close: int | None) -> bool:
        """A main verb in the present right after the clause ('..., tops our table', '..., records')."""
        return close is not None and close + 1 < fig.start and lower[close + 1] in doc.words["present_main_verbs"]

    i = date.start - 1
    while i > 0 and date.start - i <= _RELATIVE_BACK and lower[i] not in (".", ";", ":"):
        if lower[i] in doc.words["rating_verbs"] and lower[i - 1] == ",":
            # "Durham Constabulary, graded outstanding for crime recording in 2019, tops our table with 96.4 per cent": a
            # participle clause of an earlier grading before a main clause in the present
            return present_after(closing())
        if lower[i] in openers and lower[i - 1] == ",":
            # "..., which was graded outstanding for crime recording in 2023, records 96.8 per cent": the grade's date
            close = closing()
            if close is None or i + 1 >= date.start:
                return False
            graded = (lower[i + 1] in ("was", "were") and any(w in doc.words["rating_verbs"] for w in lower[i + 2 : date.start])
                      and present_after(close))
            return lower[i + 1] == "had" or graded
        i -= 1
    return False
