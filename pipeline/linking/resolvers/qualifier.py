"""A figure's hedge as the finding states it: its own; approx when its sentence is framed as an estimate or
the figure is an average; no hedge when "up to" says it has risen; flipped when converted."""

from __future__ import annotations

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figures import Figure, Scope
from pipeline.linking.resolvers.polarity import bulleted

CUE_READS = CueReads(before=("risen_to_before", "earlier_figure_before"),
                     anywhere=("estimate", "on_average", "plural_forces", "risen_to", "parts_of_figure"), words=("bullets",))
_PART_AFTER_WHOLE = 10  # tokens after an estimated figure in which "including" opens its parts
_BULLETS_MOST = 12  # bullet lines read back to the line that opens their list
_FLIP = {"more_than": "less_than", "less_than": "more_than"}


def qualifier(doc: LinkDoc, fig: Figure, scope: Scope, stated: str) -> str:
    """The figure's own hedge (it wins over any framing); an unhedged figure is approx when it is an
    average ("on average 3,700 crimes", its scope) or when its sentence is framed as an estimate
    (SCHEMA §5; ANNOTATION: the framing governs its own sentence, like a year): framed before the
    figure ("Inspectors estimate the force now records 90.7 per cent of all crime, 86.1 per cent of
    violent crime and ..."), or after the sentence's last figure (", the inspectors have estimated"). Another
    figure's own "an estimated" frames nothing else ("recorded 90.4%, with an estimated 22,000 ... unrecorded")."""
    if stated == "less_than" and _risen_to(doc, fig):
        return "exact"
    if stated != "exact":
        return stated
    cues = doc.cues
    if (cues.any_in_doc("on_average") and cues.within("on_average", scope[0], scope[1])
            and not cues.within("plural_forces", scope[0], scope[1])):
        return "approx"  # not "91 per cent of crimes, while on average forces recorded 85 per cent"
    if cues.any_in_doc("estimate"):
        sent = _sentence_of(doc, fig.start)
        framing = [m for m in cues.within("estimate", sent.start, sent.end)
                   if not any(f.ent.start <= m[0] and m[1] <= f.ent.end for f in sent.figures)]  # not another's "an estimated"
        if any(m[1] <= fig.start for m in framing):
            return "approx"
        if _part_of_estimate(doc, sent, fig):
            return "approx"
        if framing and framing[-1][0] >= fig.end and not any(f.start >= framing[-1][1] for f in sent.figures):
            return "approx"
        if not framing and _under_estimate_heading(doc, sent):
            return "approx"
    return stated


def _under_estimate_heading(doc: LinkDoc, sent: Sentence) -> bool:
    """"We estimate that the force records: ⏎• 86.8 percent of violent crime; ⏎• 93.1 percent of sexual
    offences": bullets under a line that frames them as an estimate and opens them with a colon continue its
    sentence."""
    index = sent.index
    while index > 0 and index > sent.index - _BULLETS_MOST and bulleted(doc, doc.sentences[index]):
        index -= 1
    opening = doc.sentences[index]
    if index == sent.index or doc.last_word(opening, doc.words["bullets"]) != ":":
        return False
    return any(not any(f.ent.start <= m[0] and m[1] <= f.ent.end for f in opening.figures)
               for m in doc.cues.within("estimate", opening.start, opening.end))


def _part_of_estimate(doc: LinkDoc, sent: Sentence, fig: Figure) -> bool:
    """"an estimated 4,900 crimes a year go unrecorded, including 2,100 violent crimes and 260 sexual offences":
    the parts of an estimated count ("including", "of which", "among them" after it) are estimates too; a
    percentage beside it is not one of its parts."""
    cues = doc.cues
    if fig.ent.label != "COUNT":
        return False  # a rate beside an estimated count is no part of it
    for whole in sent.figures:
        if whole.end > fig.start:
            return False
        if whole.ent.label == "COUNT" and cues.within("estimate", whole.ent.start, whole.ent.end):
            parts = cues.within("parts_of_figure", whole.end, fig.start)
            if parts and parts[0][0] - whole.end <= _PART_AFTER_WHOLE:
                return True
    return False


def _risen_to(doc: LinkDoc, fig: Figure) -> bool:
    """"up to 93%" meaning "has risen to": the figure's own "up to" after a word of rising or of the present
    ("now up to 93%", "has gone up to"), or before an earlier figure ("up to 93% (from 85%)", "up to 91.5
    per cent, from 84 per cent in 2016"). Not "may be failing to record up to 8 per cent"."""
    cues = doc.cues
    start = fig.ent.start
    found = cues.within("risen_to", start, start + 2)
    if not found or found[0][0] != start:
        return False
    if cues.before("risen_to_before", start) is not None:
        return True
    sent = _sentence_of(doc, start)
    later = [f for f in sent.figures if f.start >= fig.end]
    return bool(later) and cues.before("earlier_figure_before", later[0].start, fig.end) is not None


def _sentence_of(doc: LinkDoc, tok: int) -> Sentence:
    """The sentence holding token ``tok`` (sentences are in order: a bisection of their starts)."""
    sentences = doc.sentences
    lo, hi = 0, len(sentences)
    while lo < hi:  # bisect_right on the starts without building a list of them
        mid = (lo + hi) // 2
        if sentences[mid].start <= tok:
            lo = mid + 1
        else:
            hi = mid
    return sentences[lo - 1]


def flipped(qualifier: str) -> str:
    """The hedge of the complement: "almost one in four" unrecorded is "more than" three in four recorded."""
    return _FLIP.get(qualifier, qualifier)
