"""Which crime type a figure counts: one right after it ("74 of 81 audited rape reports"), or named after its
plain crime noun ("offences involving domestic violence"); else plain crimes after it ("crimes", unless a
topic heads the sentence before a colon, or the figure's "with ..." clause speaks of the crime type its
main clause fronts); else the nearest crime type before it (within its scope first), not one inside an aside
the figure stands outside ("Violent crime – which takes in stalking – was recorded at 87.2 per cent"); else
all crime.
Crimes against a group of victims ("crimes where the victim was vulnerable") are `other`."""

from __future__ import annotations

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figures import Ent
from pipeline.linking.resolvers.polarity import is_list_line, list_opening, restates_measure

CUE_READS = CueReads(before=("crime_type_blockers",), after=("crime_postmodifiers", "victim_groups"),
                     anywhere=("victim_groups_anywhere", "respectively", "all_crime_reset"),
                     words=("crime_type_links", "crime_nouns", "referring_determiners", "typed_after_with", "whole_markers",
                            "postmodifier_skips", "back_determiners", "sample_size_determiners", "bullets", "topic_openers", "total_row_labels"),
                     tables=("part_crime_adjectives",))
_AFTER_MOST = 6  # tokens after a figure in which its crime type is looked for
_BRACKET_MOST = 12  # tokens of a bracket right after a figure (a margin, a count) that the look for its crime type passes
_OTHER = "other"  # crimes against a group of victims (SCHEMA §5)
_COMPARED = frozenset({"than", "with", "against", "to"})  # words before a comparison's standard
_ALL_KINDS = frozenset({"crime", "types", "type", "kinds", "kind"})  # words of an all-crime reset that name crime's kinds
_OVERALL_BACK = 5  # tokens before a figure in which "overall" names its measure ("its overall recording rate, 84 per cent")


def crime_type_for(doc: LinkDoc, sent: Sentence, fig_start: int, fig_end: int, scope_start: int) -> str:
    """The crime type of the figure at tokens [fig_start, fig_end) whose scope starts at ``scope_start``."""
    lower, links, crime_nouns = doc.lower, doc.words["crime_type_links"], doc.words["crime_nouns"]
    back = doc.words["back_determiners"]  # "such", "these": the crime noun after them refers back
    sizes = doc.words["sample_size_determiners"]
    if sent.crime_types is None:
        # The sentence's crime types by start, and those not blocked ("such as rape"), for all its figures.
        types = sent.of("CRIME_TYPE")
        sent.crime_types = ({e.start: e for e in types}, [e for e in types if not _blocked(doc, e)])
    ct_at, unblocked = sent.crime_types
    respective = _respective_type(doc, sent, unblocked, fig_start)
    if respective is not None:
        return respective
    i, stop = fig_end, min(fig_end + _AFTER_MOST, sent.end)
    if i < sent.end and lower[i] == "(":
        # "84.7 percent (+/- 3.72 percent) of reported violence offences": read on past the figure's bracket
        close = next((k for k in range(i + 1, min(i + _BRACKET_MOST, sent.end)) if lower[k] == ")"), None)
        if close is not None:
            i, stop = close + 1, min(close + 1 + _AFTER_MOST, sent.end)
    elif i < sent.end and lower[i] == ")":
        i, stop = i + 1, min(i + 1 + _AFTER_MOST, sent.end)  # "(up from 85 per cent) of sexual offences": the bracket's figure too
    if _next_row_label(doc, sent, fig_start, fig_end, ct_at):
        stop = i  # "... Violence against the person 240 219 91.3% Sexual offences 75 71 94.7%": the next row's label
    while i < stop:
        if i in ct_at:
            return ct_at[i].kb_id
        word = lower[i]
        if word in crime_nouns:
            if i + 1 < sent.end and lower[i + 1] == "of":  # "reports of rape"
                i += 2
                continue
            named = _named_after(doc, sent, ct_at, i + 1)
            if named is not None:
                return named
            # "Sexual offences fared better: 57 out of the 63 reports ...": the topic before the colon says
            # which reports; "Violent crime stands out, with nearly a third of the incidents ...": so does
            # the main clause's crime type for its "with" clause.
            return (_topic_before_colon(doc, sent, unblocked, fig_start) or _topic_fronted(doc, sent, unblocked, fig_start)
                    or _topic_before_with(doc, sent, unblocked, fig_start, i)
                    or (_referred_back(doc, sent, fig_start) if lower[i - 1] in back else None)
                    or (_subject_before(doc, sent) if not unblocked and i == fig_end else None)
                    or "all_crime")
        if word in back and i + 1 < sent.end and lower[i + 1] in crime_nouns:
            return _referred_back(doc, sent, fig_start) or "all_crime"  # "1 in 10 such crimes"
        if word not in links and not (word[:1].isdigit() and lower[i - 1] in sizes):
            break  # a sample's size is passed over: "92% of the 175 violent crimes", "of 64 rape reports"
        i += 1
    if _overall_before(doc, sent, fig_start) or _total_row(doc, sent, fig_start):
        return "all_crime"  # "its overall figure, 84 per cent, was close to the average"; "... Total** 460 398 86.5%"
    # The nearest crime type before the figure, within its scope if there is one there; not past words that say all
    # crime ("... 84.1% All crime types 435 396 91.0%").
    found: Ent | None = None
    reset = [r for r in (doc.cues.within("all_crime_reset", sent.start, fig_start) if doc.cues.any_in_doc("all_crime_reset") else [])
             if any(w in _ALL_KINDS for w in doc.lower[r[0] : r[1]])]  # "All crime types", not "its overall figure"
    for e in reversed(unblocked):
        if any(e.end <= r[0] for r in reset):
            break
        if e.end <= fig_start and not doc.aside_apart(sent, e.start, e.end, fig_start):
            if e.start >= scope_start:
                return e.kb_id
            if found is None:
                found = e
    if found is not None:
        return found.kb_id
    # "37 crimes where the victim was vulnerable, and just under half of them": the crimes the figure refers to.
    if victim_group_before(doc, sent, fig_start):
        return _OTHER
    # "More than 1 in 10 such crimes ... go unrecorded – about 260 a year": what "such crimes" refers back to.
    if any(lower[k] in crime_nouns and lower[k - 1] in back for k in range(max(sent.start, 1), fig_start)):
        return _referred_back(doc, sent, fig_start) or "all_crime"
    return (_list_opening_type(doc, sent) or _restated_type(doc, sent, fig_start)
            or _topic_before(doc, sent, fig_end) or "all_crime")


def _topic_before(doc: LinkDoc, sent: Sentence, fig_end: int) -> str | None:
    """"The picture on sexual offences was little better. An estimated 540 a year are not being recorded": a figure
    with no crime noun of its own, in a sentence naming no crime type, counts the one crime type the sentence before
    names as its topic (a sentence with no figure)."""
    if sent.index == 0:
        return None
    before = doc.sentences[sent.index - 1]
    crime_nouns = doc.words["crime_nouns"]
    if before.figures or any(doc.lower[i] in crime_nouns for i in range(sent.start, min(fig_end + _AFTER_MOST, sent.end))):
        return None  # not "The force recorded 88 per cent of all crime"
    named = {e.kb_id for e in before.of("CRIME_TYPE") if not _blocked(doc, e)}
    return named.pop() if len(named) == 1 else None


def _respective_type(doc: LinkDoc, sent: Sentence, types: list[Ent], fig_start: int) -> str | None:
    """"For sexual offences and violent crime, the recording rates were 89.2 per cent and 87.5 per cent
    respectively": the figures of one label before "respectively" take the crime types named with them, in order
    (those before the first figure, else those between the last figure and "respectively")."""
    if not doc.cues.any_in_doc("respectively"):
        return None
    found = doc.cues.within("respectively", sent.start, sent.end)
    if not found or fig_start >= found[0][0]:
        return None
    cue = found[0][0]
    label = next((f.ent.label for f in sent.figures if f.start == fig_start), None)
    figs = [f for f in sent.figures if f.ent.label == label and f.end <= cue]
    if len(figs) < 2:
        return None
    named = [e for e in types if e.end <= figs[0].start] or [e for e in types if figs[-1].end <= e.start < cue]
    ids = [kb_id for e in named for kb_id in _coordinated_ids(doc, e)]
    if len(ids) < len(figs):
        return None
    ids = ids[-len(figs):] if named[0].end <= figs[0].start else ids[:len(figs)]
    return ids[next(k for k, f in enumerate(figs) if f.start == fig_start)]


def _coordinated_ids(doc: LinkDoc, e: Ent) -> list[str]:
    """The crime types a span names: one, or two for an elliptical coordination whose second modifier names a type
    of its own ("sexual and violent crime": sexual offences, then violence)."""
    lower, adjectives = doc.lower, doc.tables["part_crime_adjectives"]
    if e.end - e.start >= 4 and lower[e.start + 1] in ("and", "or") and lower[e.start + 2] in adjectives:
        return [e.kb_id, adjectives[lower[e.start + 2]]]
    return [e.kb_id]


def _overall_before(doc: LinkDoc, sent: Sentence, fig_start: int) -> bool:
    """"In Cheshire the gap was sharpest for violence: ..., although its overall figure, 84 per cent, was close to the
    average": a figure named just after "overall" and its measure noun counts crimes of every kind, whatever crime
    type the sentence named before."""
    lower, whole = doc.lower, doc.words["whole_markers"]
    for k in range(fig_start - 1, max(sent.start, fig_start - _OVERALL_BACK) - 1, -1):
        if lower[k] in whole and lower[k] != "all":
            # not the standard of a comparison ("weaker than its overall figure, at 88.7 per cent")
            return not any(lower[j] in _COMPARED for j in range(max(sent.start, k - 2), k))
        if lower[k] in doc.words["crime_nouns"] or not (lower[k].isalpha() or lower[k] == ","):
            return False  # "its overall rate for violent crime was ...": the crime type is nearer
    return False


def _subject_before(doc: LinkDoc, sent: Sentence) -> str | None:
    """"Sexual offences were dealt with more carefully. Of the 17 reports inspectors looked at, only one had not been
    recorded.": a figure's own plain crime noun, in a sentence naming no crime type, is the one crime type the
    sentence before (with no figure) opens on as its subject; not "12 per cent of all crime"."""
    if sent.index == 0:
        return None
    before = doc.sentences[sent.index - 1]
    if before.figures:
        return None
    named = [e for e in before.of("CRIME_TYPE") if not _blocked(doc, e)]
    if not named or len({e.kb_id for e in named}) != 1 or named[0].start != before.start:
        return None
    return named[0].kb_id


def _restated_type(doc: LinkDoc, sent: Sentence, fig_start: int) -> str | None:
    """"Dyfed-Powys Police recorded 83 per cent of violent crime in 2014. By 2015 that figure rose to 91 percent.": a
    figure restating the measure of the sentence before counts the crime type that sentence last named."""
    if sent.index == 0 or not restates_measure(doc, sent, fig_start):
        return None
    before = doc.sentences[sent.index - 1]
    named = [e for e in before.of("CRIME_TYPE") if not _blocked(doc, e)]
    return named[-1].kb_id if named else None


def _list_opening_type(doc: LinkDoc, sent: Sentence) -> str | None:
    """"The proportion of violent crimes recorded by each force: ⏎Kent (81%), Surrey (79%), ...": a list line
    naming no crime type counts the one crime type of the line that opens its list with a colon."""
    if not is_list_line(doc, sent) or (before := list_opening(doc, sent)) is None:
        return None
    types = {e.kb_id for e in before.of("CRIME_TYPE") if not _blocked(doc, e)}
    return types.pop() if doc.last_word(before, doc.words["bullets"]) == ":" and len(types) == 1 else None


def _named_after(doc: LinkDoc, sent: Sentence, ct_at: dict[int, Ent], i: int) -> str | None:
    """The crime type a plain crime noun ending before token ``i`` is said to be of: after a postmodifier
    ("offences involving domestic violence", "crimes linked to domestic abuse"), or `other` for a group
    of victims ("crimes against vulnerable victims"); None if neither follows it."""
    cues = doc.cues
    if i >= sent.end:
        return None
    if cues.after("victim_groups", i) is not None:
        return _OTHER
    found = cues.after("crime_postmodifiers", i)
    if found is None:
        return None
    j, skips = found[1], doc.words["postmodifier_skips"]
    while j < sent.end and doc.lower[j] in skips:
        j += 1
    named = ct_at.get(j)
    return named.kb_id if named is not None else None


def _referred_back(doc: LinkDoc, sent: Sentence, fig_start: int) -> str | None:
    """The crime type "such crimes", "these offences" refer back to: the last one named before the figure in its
    sentence, else the last one the sentence before names ("... the focus would now be on sexual offences. More
    than 1 in 10 such crimes ... go unrecorded")."""
    before = [e for e in sent.of("CRIME_TYPE") if e.end <= fig_start and not _blocked(doc, e)]
    if before:
        return before[-1].kb_id
    if victim_group_before(doc, sent, fig_start):
        return _OTHER  # "Crimes against vulnerable people ..., with 84 of the 101 such crimes in the sample"
    lower, nouns, back = doc.lower, doc.words["crime_nouns"], doc.words["back_determiners"]
    if sent.index == 0 or any(lower[k] in nouns and lower[k - 1] not in back for k in range(sent.start + 1, fig_start)) \
            or lower[sent.start] in nouns:
        return None  # its own sentence speaks of crimes before it: "such" refers to those
    previous = doc.sentences[sent.index - 1]
    named = [e for e in previous.of("CRIME_TYPE") if not _blocked(doc, e)]
    if named:
        return named[-1].kb_id
    # "A further check looked at crimes where the victim was a child or a vulnerable adult. Of the 47 such crimes ..."
    return _OTHER if victim_group_before(doc, previous, previous.end) else None


def _next_row_label(doc: LinkDoc, sent: Sentence, fig_start: int, fig_end: int, ct_at: dict[int, Ent]) -> bool:
    """A crime type (or words naming all crime) right after a percentage, itself followed by a number (past a
    bracket): the label of the next row of a table run into one line ("Violence against the person 240 219 91.3%
    Sexual offences (excl. rape) 75 71 94.7%", "... 84.1% All crime types 435 396 91.0%"), not what the percentage is
    of."""
    if not any(f.start == fig_start and f.ent.label == "PERCENT" for f in sent.figures):
        return False
    lower = doc.lower
    ct = ct_at.get(fig_end)
    if ct is None:
        reset = doc.cues.within("all_crime_reset", fig_end, min(fig_end + 4, sent.end)) if doc.cues.any_in_doc("all_crime_reset") else []
        if not reset or reset[0][0] != fig_end:
            return False
        return any(f.start == reset[0][1] for f in sent.figures)
    k = ct.end
    coordinated = next((e for e in sent.of("CRIME_TYPE") if e.start == k + 1), None)
    if coordinated is not None and lower[k] in ("and", "&", "or"):
        k = coordinated.end  # "Stalking and harassment 88 74 84.1%"
    if k < sent.end and lower[k] == "(":
        k = next((j + 1 for j in range(k + 1, min(k + _BRACKET_MOST, sent.end)) if lower[j] == ")"), k)
    while k < sent.end and _footnote_mark(lower[k]):
        k += 1  # "Domestic abuse* 163 139 85.3%"
    return any(f.start == k for f in sent.figures)


def _footnote_mark(word: str) -> bool:
    """'*', '**', '†': a mark that sends a table's label to a note below it."""
    return bool(word) and all(ch in "*†‡" for ch in word)


def _total_row(doc: LinkDoc, sent: Sentence, fig_start: int) -> bool:
    """The figure is in a table row labelled as the total ('Total** 460 398 86.5%', 'Overall 435 396 91.0%'): back
    over the row's bare numbers and a footnote mark, the label is a word for all crime."""
    lower = doc.lower
    i, counted = fig_start, any(f.start == fig_start and f.ent.label == "COUNT" for f in sent.figures)
    while i > sent.start:
        j = i - 1
        while j > sent.start and not lower[j].strip():
            j -= 1
        fig = next((f for f in sent.figures if f.end == j + 1 and f.ent.label == "COUNT"), None)
        if fig is not None:
            i, counted = fig.start, True
        elif _footnote_mark(lower[j]):
            i = j
        else:
            return counted and lower[j] in doc.words["total_row_labels"]
    return False


def _topic_fronted(doc: LinkDoc, sent: Sentence, types: list[Ent], fig_start: int) -> str | None:
    """The crime type a sentence opens on as its topic, set off by a comma before the figure ("For violent crime, only
    83.6% of reports made it on to the system")."""
    lower = doc.lower
    start = doc.first_word_at(sent, doc.words["bullets"])
    if start >= fig_start or lower[start] not in doc.words["topic_openers"]:
        return None
    head = next((e for e in types if e.start == start + 1), None)
    if head is None or head.end >= fig_start or lower[head.end] != ",":
        return None
    return head.kb_id


def _topic_before_colon(doc: LinkDoc, sent: Sentence, types: list[Ent], fig_start: int) -> str | None:
    """The crime type that heads the sentence before a colon in front of the figure, if any."""
    lower = doc.lower
    colon = next((i for i in range(fig_start - 1, sent.start - 1, -1) if lower[i] == ":"), None)
    if colon is None:
        return None
    heads = [e for e in types if e.end <= colon and e.start <= sent.start + 1]
    return heads[0].kb_id if heads else None


def _topic_before_with(doc: LinkDoc, sent: Sentence, types: list[Ent], fig_start: int, noun: int) -> str | None:
    """The crime type of the main clause when the figure is in a ", with ..." clause after it and its noun
    refers back ("Violent crime stands out, with nearly a third of the incidents ... left unrecorded";
    "... 97 per cent of sexual offences, with 130 incidents unrecorded"), not "with 91 per cent of crimes
    overall": a noun after "the", "these", "such", or a plain noun that takes its type from the topic."""
    lower, whole = doc.lower, doc.words["whole_markers"]
    if not (lower[noun] in doc.words["typed_after_with"] or lower[noun - 1] in doc.words["referring_determiners"]):
        return None
    if lower[noun - 1] in whole or (noun + 1 < sent.end and lower[noun + 1] in whole):
        return None  # "with 91 per cent of crimes overall": every kind
    for i in range(fig_start - 1, sent.start, -1):
        word = lower[i]
        if word == "with" and lower[i - 1] == ",":
            before = [e for e in types if e.end <= i - 1]
            return before[-1].kb_id if before else None
        if word in (",", ";", ":", "–", "—"):
            return None
    return None


def victim_group_before(doc: LinkDoc, sent: Sentence, fig_start: int) -> bool:
    """A plain crime noun said of a group of victims before the figure in its sentence ("Of 28 crimes against
    elderly people in the sample, nearly half went unrecorded")."""
    if not doc.cues.any_in_doc("victim_groups_anywhere"):
        return False
    crime_nouns = doc.words["crime_nouns"]
    return any(s > sent.start and doc.lower[s - 1] in crime_nouns
               for s, _ in doc.cues.within("victim_groups_anywhere", sent.start, fig_start))


def _blocked(doc: LinkDoc, ent: Ent) -> bool:
    """'such as rape', 'including burglary': an example or a part, not what a figure counts; but a
    postmodifier of a plain crime noun names what it counts ('Its rate for crimes related to domestic abuse')."""
    found = doc.cues.before("crime_type_blockers", ent.start)
    if found is None:
        return False
    at = found[0]
    return not (at > 0 and doc.lower[at - 1] in doc.words["crime_nouns"]
                and doc.cues.after("crime_postmodifiers", at) is not None)
