"""What a figure is not: a change, a general figure, a share of the records, a part of another figure.

Each test answers for one figure, from the cues around it; the rules skip a figure that
one of them rules out before looking for its force, year or crime type.
"""

from __future__ import annotations

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figures import Figure, Scope

CUE_READS = CueReads(
    before=("change_before", "margin", "previous_figure", "superlatives_before_general",
            "positive_record_just_before", "negative_record_just_before"),
    after=("change_after", "multiple_after", "other_subject", "composition", "sub_part", "positive_record_just_after",
           "negative_record_just_after", "audit_after_ratio"),
    around=("general_figure", "other_measures"),
    anywhere=("clause_boundaries", "on_average", "plural_forces", "forces_together", "figure_anaphora", "measures_named",
              "positive_record", "negative_record", "national_frames", "force_anaphora", "confidence_frame"),
    words=("difference_units", "composition_negators", "other_count_nouns", "subject_determiners", "verbs_with_down"),
)


_ASIDE = frozenset({"–", "—", "-", ",", ";", "("})  # between a figure and a change word: an aside, not the figure's change
_BOUND_BACK = 4  # tokens before a figure in which "between" makes it a bound of a range ("between 90.9 and 94.3 percent")


def is_change(doc: LinkDoc, fig: Figure) -> bool:
    """'up 8.3%', 'a 13.1% increase', 'over one percentage point' (a difference, never a rate),
    and margins of error '(+/- 2.8 percent)'."""
    cues = doc.cues
    after = cues.after("change_after", fig.end)
    if after is not None and any(w in _ASIDE for w in doc.lower[fig.end:after[0]]):
        after = None  # "risen to 91.3 per cent – better, but still short": an aside on the figure, not its change
    return (doc.lower[fig.end - 1] in doc.words["difference_units"]
            or _changed_before(doc, fig)
            or after is not None
            or cues.after("multiple_after", fig.end) is not None  # "fewer than half the number estimated in 2018"
            or cues.before("margin", fig.start) is not None)


def _changed_before(doc: LinkDoc, fig: Figure) -> bool:
    """A change word right before the figure ('up 8.3%', 'down by 4 per cent'); not the 'down' of a verb ('writes
    down about 95 in every 100 crimes')."""
    said = doc.cues.before("change_before", fig.start)
    return said is not None and not (said[0] > 0 and doc.lower[said[0] - 1] in doc.words["verbs_with_down"])


def is_general(doc: LinkDoc, sent: Sentence, fig: Figure, scope: Scope) -> bool:
    """A national or regional figure ("the average was 83 per cent", "One in three ... nationally"),
    or a measure other than recording ("charged or summonsed in 5.1% of crimes") near the figure."""
    cues = doc.cues
    if not cues.any_in_doc("general_figure") and not cues.any_in_doc("other_measures"):
        return False  # most documents name neither
    for cue in ("general_figure", "other_measures"):
        before, after = cues.around(cue, fig.start, fig.end, scope[0], scope[1])
        if cue == "general_figure" and (before or after) and cues.any_in_doc("on_average"):
            before, after = _averages_of_forces(doc, scope, before), _averages_of_forces(doc, scope, after)
        for s_, e_ in before:
            if ranked_among(doc, sent, s_):
                continue  # "Bedfordshire had the lowest recording rate in the region, at 78 per cent"
            if not any(e_ <= f[1] <= fig.start for f in sent.forces + sent.areas):  # "the average was 83 per cent"
                return True
        if after and not cues.within("clause_boundaries", fig.end, after[0][0]):
            return True  # "One in three violent crimes nationally", not "93%, above the national average"
    return False


def framed_nationally(doc: LinkDoc, sent: Sentence, fig: Figure) -> bool:
    """"Cheshire's results sit against a national picture in which HMIC estimates that 19 per cent of crimes – about
    800,000 a year – go unrecorded": a clause framed as the national picture, after the force the sentence names,
    holds figures of no one force; not when it speaks of the force again before the figure ("Nationally, the
    force's rate ...")."""
    cues = doc.cues
    if not cues.any_in_doc("national_frames"):
        return False
    last_force = max((f[1] for f in sent.forces if f[1] <= fig.start), default=sent.start)
    for start, end in cues.within("national_frames", last_force, fig.start):
        if not cues.within("force_anaphora", end, fig.start) and not any(end <= f[0] < fig.start for f in sent.forces):
            return True
    return False


def of_forces_together(doc: LinkDoc, sent: Sentence, fig: Figure) -> bool:
    """"the two alliance forces between them failed to record more than 14,000 crimes a year": a figure said of
    several forces together before it is no one force's (ANNOTATION.md, dev9), however the forces are named
    ("Together, West Mercia and Warwickshire – which were run as an alliance until 2019 – were failing to record more
    than 11,000 crimes a year", dev10)."""
    cues = doc.cues
    if not cues.any_in_doc("forces_together"):
        return False
    if not cues.within("forces_together", sent.start, fig.start):
        return False
    # "forces" ("the two alliance forces between them"), or two forces named ("Together, West Mercia and Warwickshire ...")
    return (bool(cues.within("plural_forces", sent.start, fig.start))
            or len({f[2] for f in sent.forces if f[1] <= fig.start}) >= 2)


def _averages_of_forces(doc: LinkDoc, scope: Scope, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """General-figure cues less an "on average" said of one force's figure ("On average, the force records
    91 per cent of crimes": a hedge, approx); "while on average forces recorded 85 per cent" is general."""
    cues = doc.cues
    if cues.within("plural_forces", scope[0], scope[1]):
        return found
    return [m for m in found if not cues.within("on_average", m[0], m[1])]


def ranked_among(doc: LinkDoc, sent: Sentence, cue_start: int) -> bool:
    """The region or country only ranks a force named before it: a superlative just before the cue."""
    return (doc.cues.before("superlatives_before_general", cue_start, sent.start) is not None
            and any(f[1] <= cue_start for f in sent.forces + sent.areas))


def is_composition(doc: LinkDoc, fig: Figure, scope: Scope) -> bool:
    """'60 per cent of the crimes recorded were violent offences': a share of what the records hold,
    said in the figure's own clause, not the share recorded."""
    found = doc.cues.after("composition", fig.end, scope[1])
    return (found is not None and not doc.cues.within("clause_boundaries", fig.end, found[0])
            and doc.lower[found[0] - 1] not in doc.words["composition_negators"] and not _elliptical_denial(doc, found[1]))


def _elliptical_denial(doc: LinkDoc, at: int) -> bool:
    """'... that should have been recorded were not.': the verb's denial closes the clause, so "recorded were" says
    what was not recorded, not what the records hold."""
    lower = doc.lower
    return (at + 1 < doc.n and lower[at] in doc.words["composition_negators"]
            and not (lower[at + 1][:1].isalnum() or lower[at + 1] in ("-", "–")))


def is_sub_share(doc: LinkDoc, fig: Figure) -> bool:
    """'about 9,000 crimes, around a third of which are violent': a share of another figure,
    unless recording is what is said of it ('97 per cent of which was recorded'), or the share is of every
    such crime ('9 per cent of those reported')."""
    cues = doc.cues
    part = cues.after("sub_part", fig.end)
    if part is None:
        return False
    if part[1] < doc.n and doc.lower[part[1]].endswith("ed") and doc.is_lower_word(part[1]):
        return False  # "9 per cent of those reported": of every such crime, not of the figure beside it
    if cues.before("positive_record_just_before", fig.start) or cues.before("negative_record_just_before", fig.start):
        return False  # "recorded 91.7 per cent of them"
    return not (cues.after("positive_record_just_after", fig.end) or cues.after("negative_record_just_after", fig.end))


def is_audit_ratio(doc: LinkDoc, fig: Figure) -> bool:
    """'11 out of 15 audited rape reports were correctly recorded': a ratio of two numbers said of the items
    an audit looked at is an audit sample, not a recording rate ('one in six crimes' names no audit)."""
    if fig.norm.get("form") != "ratio" or not doc.cues.any_in_doc("audit_after_ratio"):
        return False
    return "out" in doc.lower[fig.start:fig.end] and doc.cues.after("audit_after_ratio", fig.end) is not None


def is_previous_figure(doc: LinkDoc, fig: Figure) -> bool:
    """'up from 84.7% in 2014': an earlier figure, dated by the date after it."""
    return doc.cues.before("previous_figure", fig.start) is not None


def about_other_things(doc: LinkDoc, fig: Figure) -> bool:
    """'of victims', '300 officers', '12 weeks', 'of the recommendations', "of the force's staff": the
    figure counts something other than crimes."""
    if doc.cues.after("other_subject", fig.end) is not None:
        return True
    lower, n, i = doc.lower, doc.n, fig.end
    if i < n and lower[i] == "of":
        # "fewer than a third of the recommendations", "40 per cent of its officers": the head after determiners.
        i += 1
        determiners = doc.words["subject_determiners"]
        while i < n and lower[i] in determiners:
            i += 1
        if i + 1 < n and lower[i + 1] in determiners:
            i += 2  # a possessor: "of the force's staff"
        if i == fig.end + 1:
            return False  # "of police records": only what other_subject names follows "of" directly
    return i < n and lower[i] in doc.words["other_count_nouns"]


def of_the_measure_before(doc: LinkDoc, sent: Sentence) -> bool:
    """'For burglary the figure was just 3.2%, and for rape 2.4%' after a sentence whose last measure is not
    recording ('charged or summonsed in 5.1% of crimes recorded by ..., against a national charge rate'):
    "the figure" is that measure's, when nothing else in the sentence speaks of recording."""
    cues = doc.cues
    if sent.index == 0 or not cues.any_in_doc("figure_anaphora") or not cues.any_in_doc("measures_named"):
        return False
    pointers = cues.within("figure_anaphora", sent.start, sent.end)
    if not pointers:
        return False
    said = cues.within("positive_record", sent.start, sent.end) + cues.within("negative_record", sent.start, sent.end)
    if any(not any(p[0] <= m[0] and m[1] <= p[1] for p in pointers) for m in said):
        return False  # a recording cue of its own
    before = doc.sentences[sent.index - 1]
    measures = cues.within("measures_named", before.start, before.end)
    if not measures:
        return False
    recording = cues.within("positive_record", before.start, before.end) + cues.within("negative_record", before.start, before.end)
    return not any(m[0] > measures[-1][0] for m in recording)  # the measure is the last one the sentence names


def is_interval_bound(doc: LinkDoc, sent: Sentence, fig: Figure) -> bool:
    """'with a 95 percent confidence interval: the true figure is likely to lie between 90.9 and 94.3 percent': in a
    sentence that gives a confidence interval, the level ('95 percent confidence') and each bound of a range ('between
    X and Y') are no measured rate."""
    if not doc.cues.within("confidence_frame", sent.start, sent.end):
        return False
    lower = doc.lower
    if fig.end < sent.end and lower[fig.end] == "confidence":
        return True
    back = lower[max(sent.start, fig.start - _BOUND_BACK) : fig.start]
    return "between" in back
