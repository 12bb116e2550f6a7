"""Whether a figure counts recorded crimes ("pos"), unrecorded ones ("neg"), or neither is said (None).

The nearest kind of cue wins, distance counting each token once and each clause
boundary between the cue and the figure five times more. A figure whose scope holds no
cue looks wider: its sentence, the sentence before when this one points back ("This
represents nearly one in five (19.6%)"), and for a list line the line that opens the list.
"""

from __future__ import annotations

from typing import Iterator

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figures import Figure, Scope

CUE_READS = CueReads(before=("unreal_modals", "restated_figure", "equivalent_figure"), after=("told_to_police",),
                     anywhere=("positive_record", "negative_record", "clause_boundaries"),
                     words=("anaphoric_openers", "bullets", "conjunct_openers"))
# The distance of a missing cue. No cue is this far from a figure in a document of fewer
# than _FAR / 6 tokens: a distance counts each token once and each clause boundary (at
# least a token) five times more. (Far past any document, so that a long one takes the
# same path as a short one.)
_FAR = 10**15
_BOUNDARY_COST = 5  # tokens a clause boundary (or a conjunct's coordinator) between a figure and a cue counts for
_UNTOLD = "untold"  # the nearest cue says victims did not tell the police: the figure says nothing of recording
_LIST_LINE_MOST = 24  # tokens: a line of a table or bullet list, not a paragraph
_LIST_LOOK_BACK = 25  # sentences: how far back a list line looks for the line that opens its list
_HEADING_MOST = 8  # tokens: a list's heading ("Key findings", "Force | Rate | Grade"), which names no measure of its own
_ROWS_LEAST = 3  # force-figure pairs in a line that make it a flattened table
_ROW_GAP_MOST = 2  # tokens between a row's force and its figure (": ", " (", " – ")
_HEADINGS_MOST = 3  # short lines over a list read up through for the paragraph that says what it measures


def polarity(doc: LinkDoc, sent: Sentence, fig: Figure, scope: Scope, local_only: bool = False) -> str | None:
    """"neg" if the figure counts unrecorded crimes, "pos" if recorded ones, None if neither is said."""
    found = _polarity_within(doc, fig, *scope)
    if found is None and not local_only:
        for lo, hi in _wider_cue_ranges(doc, sent, fig):
            found = _polarity_within(doc, fig, lo, hi)
            if found is not None:
                break
    return None if found == _UNTOLD else found


def _polarity_within(doc: LinkDoc, fig: Figure, lo: int, hi: int) -> str | None:
    """The polarity the cues within tokens [lo, hi) give a figure: the nearest kind of cue wins (``_UNTOLD``
    when the nearest says what victims did not tell the police)."""
    cues = doc.cues
    neg = cues.within("negative_record", lo, hi)
    untold: list[tuple[int, int]] = []
    if neg and cues.any_in_doc("told_to_police"):
        # "40 per cent of burglaries go unreported to the police": victims not telling, not the force not recording.
        untold = [n for n in neg if cues.after("told_to_police", n[1]) is not None]
        neg = [n for n in neg if n not in untold]
    pos = cues.within("positive_record", lo, hi)
    if pos and cues.any_in_doc("unreal_modals"):
        # "42 that should have been recorded as crimes but had not been": what ought to be, not what is.
        pos = [p for p in pos if cues.before("unreal_modals", p[0]) is None]
    if neg and pos:
        pos = [p for p in pos if not any(p[0] < n[1] and n[0] < p[1] for n in neg)]
    if untold and min(_distance(doc, fig, m) for m in untold) < min(
            (_distance(doc, fig, m) for m in neg + pos), default=_FAR):
        return _UNTOLD  # the figure is of what victims did not tell the police
    if not (neg or pos):
        return None
    if not (neg and pos) and doc.n < _FAR // 6:
        return "neg" if neg else "pos"  # one kind of cue alone: nothing to weigh it against
    best_neg = min((_distance(doc, fig, m) for m in neg), default=_FAR)
    best_pos = min((_distance(doc, fig, m) for m in pos), default=_FAR)
    return "neg" if best_neg <= best_pos else "pos"


def _wider_cue_ranges(doc: LinkDoc, sent: Sentence, fig: Figure) -> Iterator[Scope]:
    """Where to look for a figure's polarity cue when its scope holds none, nearest first (each
    range worked out only if the ones before it held no cue)."""
    yield sent.start, sent.end
    if sent.index > 0 and (doc.lower[sent.start] in doc.words["anaphoric_openers"] or _asked_before(doc, sent)
                           or restates_measure(doc, sent, fig.start) or _fronted_crime_type(doc, sent)):
        # "This represents nearly one in five"; "So what is our recording rate?" then "Approximately 89.6 per cent";
        # "The new report puts that figure at 92.4 per cent"; "The rate for violence is 89.7 percent. For sexual
        # offences it is 96.1 percent."
        before = doc.sentences[sent.index - 1]
        yield before.start, before.end
    if is_list_line(doc, sent) and (before := list_opening(doc, sent)) is not None:
        # "Cheshire Constabulary – Inadequate – 86.7%": the cue is in the line that opens the list.
        yield before.start, before.end
        # "Key findings", "Force | Rate | Grade", "Here is how they compare:" over the list: the paragraph
        # above these short lines says what the list's figures measure
        # ("Highest ... Lowest": a heading inside the list reads up past the rows above it to the list's opening)
        k, headings = before.index, 0
        while k > 0 and headings < _HEADINGS_MOST and _short_heading(doc.sentences[k]):
            above = doc.sentences[k - 1]
            if is_list_line(doc, above) and (above := list_opening(doc, above)) is None:
                break
            yield above.start, above.end
            k, headings = above.index, headings + 1


def _fronted_crime_type(doc: LinkDoc, sent: Sentence) -> bool:
    """The sentence opens on a crime type as its topic ('For sexual offences it is 96.1 percent', 'For rape, the figure
    was 97 per cent'): it goes on with the measure of the sentence before, for another crime type."""
    return doc.lower[sent.start] == "for" and any(e.start == sent.start + 1 for e in sent.of("CRIME_TYPE"))


def list_opening(doc: LinkDoc, sent: Sentence) -> Sentence | None:
    """The line that opens the list a list line belongs to: the nearest line before it that is no list line
    (within ``_LIST_LOOK_BACK`` sentences); None if there is none."""
    for before in reversed(doc.sentences[max(sent.index - _LIST_LOOK_BACK, 0) : sent.index]):
        if not is_list_line(doc, before):
            return before
    return None


def restates_measure(doc: LinkDoc, sent: Sentence, fig_start: int) -> bool:
    """The figure at ``fig_start`` restates the measure of the sentence before ("that figure rose to", "The new
    report puts that figure at", "the equivalent figure from the inspectors' audit was")."""
    cues = doc.cues
    return (cues.before("restated_figure", fig_start) is not None
            or cues.before("equivalent_figure", fig_start, sent.start) is not None)


def _short_heading(sent: Sentence) -> bool:
    """A short line with no figure: a list's heading or its table's header."""
    return sent.end - sent.start <= _HEADING_MOST and not sent.figures


def _asked_before(doc: LinkDoc, sent: Sentence) -> bool:
    """The sentence before is a question this one answers (an FAQ page's heading, an interview)."""
    return asks(doc, doc.sentences[sent.index - 1])


def asks(doc: LinkDoc, sent: Sentence) -> bool:
    """The line is a question: its last word, whitespace left aside, is "?"."""
    return doc.last_word(sent) == "?"


def is_list_line(doc: LinkDoc, sent: Sentence) -> bool:
    """A short line naming a force or opening with a bullet, giving a figure or grade, as in a table or bullet
    list ("• violent crime: 81.0 percent;" under "Our audit found that the force recorded:"), or a table's rows
    run into one line of any length ("Staffordshire 96%, Kent 90%, Sussex 89%, ...")."""
    if sent.end - sent.start <= _LIST_LINE_MOST:
        if not (sent.forces or bulleted(doc, sent)):
            return False
    elif not _flattened_rows(sent):
        return False
    return (not doc.cues.within("positive_record", sent.start, sent.end)
            and not doc.cues.within("negative_record", sent.start, sent.end))


def _flattened_rows(sent: Sentence) -> bool:
    """Three or more forces, each followed at once by its one figure ("Kent 90%", "Gwent: 74%", "Essex (85%)"):
    a table whose rows lost their line breaks."""
    forces, figures = sent.forces, sent.figures
    if len(forces) < _ROWS_LEAST or len(figures) != len(forces):
        return False
    return all(0 <= fig.start - force[1] <= _ROW_GAP_MOST for force, fig in zip(forces, figures))


def _distance(doc: LinkDoc, fig: Figure, cue: tuple[int, int]) -> int:
    """Tokens between a figure and a cue, each clause boundary between them counting five more; so does a
    coordinator between a cue before the figure and the figure, which opens the figure's own conjunct ("with 90.2
    per cent of crimes recorded and about 4,300 reports a year going unrecorded")."""
    lo, hi = (cue[1], fig.start) if cue[1] <= fig.start else (fig.end, cue[0])
    boundaries = len(doc.cues.within("clause_boundaries", lo, hi))
    if cue[1] <= fig.start:
        coordinators = doc.words["conjunct_openers"]
        boundaries += any(w in coordinators for w in doc.lower[lo:hi])
    return max(hi - lo, 0) + _BOUNDARY_COST * boundaries


def bulleted(doc: LinkDoc, sent: Sentence) -> bool:
    """Whether the line opens with a bullet mark: its first word, or the last of the sentence before (where
    the sentence splitter leaves a mark that starts a line)."""
    bullets = doc.words["bullets"]
    first = next((w for w in doc.lower[sent.start:sent.end] if w.strip()), "")
    if first in bullets:
        return True
    lo = doc.sentences[sent.index - 1].start if sent.index > 0 else sent.start
    last = next((w for w in reversed(doc.lower[lo:sent.start]) if w.strip()), "")
    return last in bullets
