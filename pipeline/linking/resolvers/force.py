"""Which force a figure or grade belongs to.

One named right after the figure ("82.1 per cent at Cheshire Constabulary"); else the
nearest named before it in its sentence, else after it, leaving aside forces in
comparisons ("second behind Dorset"); else an area named in the sentence ("In Gwent,
inspectors found ..."), again not one compared ("our colleagues in Norfolk"); else the force the text was about (``force_focus``).
"""

from __future__ import annotations

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Named, Sentence

CUE_READS = CueReads(anywhere=("respectively",),
                     words=("force_after_figure", "one_force_words", "comparison_words", "comparison_stops", "place_stops",
                            "relative_pronouns", "grade_list_joiners", "joint_force_markers"))
_JOINT_MARKER_MOST = 3  # tokens after a group of forces in which 'each' or 'both' says they share the figure
_RELATIVE_MOST = 14  # tokens from a compared force to a figure in the relative clause that describes it


def force_for(doc: LinkDoc, sent: Sentence, tok: int, end: int | None = None) -> str | None:
    """The force the figure at tokens [tok, end) belongs to (``end`` None: a position only)."""
    if end is not None and end + 1 < doc.n and doc.lower[end] in doc.words["force_after_figure"]:
        for f in sent.forces + sent.areas:
            if f[0] == end + 1:
                return f[2]
    main = sent.main_forces
    if main is None:
        main = sent.main_forces = [f for f in sent.forces if not in_comparison(doc, sent, f[0])]
    if len(main) < len(sent.forces):
        described = _described_in_relative_clause(doc, sent, main, tok)
        if described is not None:
            return described
    if len(main) > 1 and doc.cues.any_in_doc("respectively"):
        respective = _respective_force(doc, sent, main, tok)
        if respective is not None:
            return respective
    # With only compared forces named, one before the figure may own it ("Like Essex, ... 90 per cent"),
    # not one after it ("It recorded 93 per cent, ahead of Devon and Cornwall Police"): the focus does.
    areas = [a for a in sent.areas if not in_comparison(doc, sent, a[0])] if sent.areas else sent.areas
    for named in (main or [f for f in sent.forces if f[1] <= tok], areas):
        if named:  # else the next kind, then the focus
            found = nearest(named, tok)
            if found is not None:
                return found[2]
    if sent.focus_before is None and not sent.national:
        return _force_named_next(doc, sent)
    return sent.focus_before


def _respective_force(doc: LinkDoc, sent: Sentence, forces: list[Named], tok: int) -> str | None:
    """"Cumbria and Lancashire recorded 92.1 per cent and 88.4 per cent respectively": the figures
    of one kind pair with the forces in order, when there are as many of each."""
    if not doc.cues.within("respectively", sent.start, sent.end):
        return None
    fig = next((f for f in sent.figures if f.start <= tok < f.end), None)
    if fig is None:
        return None
    same_kind = [f for f in sent.figures if f.ent.label == fig.ent.label]
    return forces[same_kind.index(fig)][2] if len(same_kind) == len(forces) else None


def _described_in_relative_clause(doc: LinkDoc, sent: Sentence, main: list[Named], tok: int) -> str | None:
    """A force in a comparison whose relative clause states the figure ("behind Hampshire Constabulary, with
    which it shares several specialist units and which recorded 91 per cent"): that force's own figure,
    when no other force is named between them."""
    before = [f for f in sent.forces if f[1] <= tok]
    if not before or before[-1] in main or tok - before[-1][1] > _RELATIVE_MOST:
        return None
    compared = before[-1]
    lower, relatives = doc.lower, doc.words["relative_pronouns"]
    between = range(compared[1], tok)
    if any(lower[i] in (";", ".", ":") for i in between) or not any(lower[i] in relatives for i in between):
        return None
    return compared[2]


def _force_named_next(doc: LinkDoc, sent: Sentence) -> str | None:
    """A headline or lede before any force is named ("Police force 'failing to record one in six
    crimes'", "A police force is failing to record ..."): about one force, singular, the one
    the article names next; None when the sentence speaks of no single force."""
    lower, one_force = doc.lower, doc.words["one_force_words"]
    named = {i for ents in sent.by_label.values() for e in ents for i in range(e.start, e.end)}
    if not any(lower[i] in one_force and i not in named for i in range(sent.start, sent.end)):
        return None  # not "Inspectorate of Constabulary": a word of a name says nothing of a force
    for later in doc.sentences[sent.index + 1 :]:
        if later.forces:
            return later.forces[0][2]
    return None


def in_comparison(doc: LinkDoc, sent: Sentence, tok: int) -> bool:
    """A force named inside a comparison or relative clause ("behind Dorset", "which shares ... with X"); a
    figure's hedge is no comparison."""
    lower, stops, comparison = doc.lower, doc.words["comparison_stops"], doc.words["comparison_words"]
    i = tok - 1
    while i >= sent.start and lower[i] not in stops:
        if lower[i] in comparison and not any(f.ent.start <= i < f.ent.end for f in sent.figures):
            return True  # not the hedge of a figure ("More than half of the rapes reported to West Mercia Police")
        i -= 1
    return False


def nearest(named: list[Named], tok: int) -> Named | None:
    """The last of ``named`` ending by token ``tok``, else the first starting from it."""
    last = None
    for f in named:
        if f[1] <= tok:
            last = f
    if last is not None:
        return last
    for f in named:
        if f[0] >= tok:
            return f
    return None


def place_before(doc: LinkDoc, tok: int, window: int = 6) -> str | None:
    """The force whose place name ends within ``window`` tokens before ``tok`` ("Norfolk PCC"), in its clause."""
    lower, places, stops = doc.lower, doc.places, doc.words["place_stops"]
    for end in range(tok, max(tok - window, 0), -1):
        length = places.index.ends_at(lower, end)
        if length:
            return places.ids[tuple(lower[end - length : end])]
        if lower[end - 1] in stops or "\n" in doc.text[end - 1]:
            break
    return None


def joint_forces(doc: LinkDoc, sent: Sentence, force: str, tok: int) -> list[str]:
    """The forces that share a figure with ``force`` (its own first): those joined to it in one group before
    the figure under a plural head or with 'each'/'both' ('Warwickshire and West Mercia police forces each
    recorded 88 per cent'); just ``force`` otherwise, or when 'respectively' pairs figures with forces."""
    if len(sent.forces) < 2 or doc.cues.within("respectively", sent.start, sent.end):
        return [force]
    lower, joiners, markers = doc.lower, doc.words["grade_list_joiners"], doc.words["joint_force_markers"]
    before = [f for f in sent.forces if f[1] <= tok]
    if not before or before[-1][2] != force:
        return [force]
    group = [before[-1]]
    for prev in reversed(before[:-1]):
        between = lower[prev[1] : group[0][0]]
        if not between or not all(w in joiners for w in between):
            break
        group.insert(0, prev)
    if len(group) < 2:
        return [force]
    last = group[-1][1]
    marked = lower[last - 1] in markers or any(w in markers for w in lower[last : min(last + _JOINT_MARKER_MOST, tok)])
    if not marked:
        return [force]
    return list(dict.fromkeys([force] + [f[2] for f in group]))
