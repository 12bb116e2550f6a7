"""Which police force each sentence is about, which sentences speak of forces in general, and which are
links to other stories.

News copy names a force once and then says "the force", "the constabulary", "it",
"its"; round-ups switch from one force to the next ("The watchdog also published a
report on Leicestershire ... the force recorded 84.1%"). The focus of a sentence is
the last force named up to and including it, so anaphora and topic switches both
resolve to the force most recently in the reader's mind. A sentence about forces in
general ("nationally", "across England and Wales", "in two-thirds of forces") that names
no force, and does not speak of the force in focus ("the force", "the constabulary", "our"
in a quote by its officer), is national: its figures are not any one force's. A region or
country that only ranks the force ("the standout performer in the region", "the worst in
the country") does not make it so, nor does an average the force is compared with ("the
force recorded 89.3 per cent, above the national average"): only that average is no
finding. Links to other stories ("Read more: ...", the lines under a bare "More on this
story") are debris: the linker reads no statement in them, and their forces move no focus.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Iterable, NamedTuple, Sequence

from spacy.attrs import SENT_START
from spacy.tokens import Doc

from pipeline.candidates import EntityRow, entity_rows
from pipeline.linking.cues import CueQuery, CueReads, CueSpec
from pipeline._speed import TokenView, token_view

CUE_READS = CueReads(before=("superlatives",), after=("forces_counted",),
                     anywhere=("national", "debris", "comment_headers", "force_anaphora", "speaker_anaphora", "on_average",
                               "plural_forces", "comparison_frames", "region_hedge", "figure_anaphora"),
                     words=("past_office_words", "past_office_links", "bullets", "relative_openers", "comment_header_words",
                            "own_estimate_verbs"),
                     ids=("inspectorate_roles",))
_LINK_LINE_MOST = 25  # tokens: a headline, not a paragraph
_COMMENTS_AFTER = 0.6  # share of the text before a comments header that heads readers' comments (not a share bar's)
_COMPARED_WITHIN = 3  # tokens after a comparison's words in which a force named is the one compared with
_MAIN_FORCE_LEAD = 2  # times as often as the other a force is named, to be the text's own force


class SentenceOffsets(NamedTuple):
    """Token and character offsets of a document's sentences, a list of each."""

    starts: list[int]
    ends: list[int]
    start_chars: list[int]
    end_chars: list[int]


def sentence_offsets(doc: Doc, view: TokenView) -> SentenceOffsets:
    """Sentence offsets from the starts ``line_sentencizer`` left on the view (``doc.sents`` builds a Span per sentence)."""
    n = len(doc)
    if not n:
        return SentenceOffsets([], [], [], [])
    starts = view.sent_starts
    if starts is None:  # the sentences were set by another component: read them from the doc
        starts = (doc.to_array(SENT_START) == 1).nonzero()[0].tolist()
    if not starts or starts[0] != 0:
        starts = [0, *starts]
    ends = starts[1:] + [n]
    text = view.text
    firsts, lasts = [], []
    for s, e in zip(starts, ends):
        # Evidence leaves out the whitespace tokens (line breaks) at either end of a sentence.
        first, last = s, e - 1
        while last > first and not text[last].strip():
            last -= 1
        while first < last and not text[first].strip():
            first += 1
        firsts.append(first)
        lasts.append(last)
    offsets = view.offsets  # shared with the resolver, which made it
    end_chars = [offsets[last] + len(text[last].rstrip()) for last in lasts]
    return SentenceOffsets(starts, ends, [offsets[first] for first in firsts], end_chars)


def _by_sentence(spans: Iterable[Sequence[Any]], starts: list[int]) -> dict[int, list[list[Any]]]:
    """``[start, end, id]`` spans grouped by the sentence (index) their first token is in, in order."""
    grouped: dict[int, list[list[Any]]] = {}
    for span in spans:
        grouped.setdefault(bisect_right(starts, span[0]) - 1, []).append(list(span))
    return grouped


class SentenceFocus:
    """The sentence records of ``doc._.sentences``: offsets, forces and areas named, focus, national, debris."""

    def __init__(self, spec: CueSpec) -> None:
        self.spec = spec
        self.past_words = spec.words["past_office_words"]
        self.past_links = spec.words["past_office_links"]
        self.inspectorate_roles = spec.ids["inspectorate_roles"]
        self.bullets = spec.words["bullets"]
        self.relatives = spec.words["relative_openers"]
        self.comment_header_words = spec.words["comment_header_words"]
        self.own_estimates = spec.words["own_estimate_verbs"]

    def _past_offices(self, view: TokenView, rows: list[EntityRow], starts: set[int]) -> set[int]:
        """Starts of forces (among ``starts``) named as someone's past office ("Mr Cooke, a former chief
        constable of Merseyside Police"): a biography, not a switch of topic."""
        past = set()
        for e in rows:
            if e.label == "ROLE" and e.start > 0 and view.lower[e.start - 1] in self.past_words:
                if e.end + 1 >= view.n or view.lower[e.end] not in self.past_links:
                    continue
                force_start = e.end + 2 if view.lower[e.end + 1] == "the" else e.end + 1
                if force_start in starts:
                    past.add(force_start)
        return past

    def _subject_of_relative(self, lower: list[str], topical: list[tuple[int, int, str]], end: int) -> str | None:
        """"Warwickshire Police, which shares its control room with West Mercia, records an estimated 85.1 per cent":
        the forces named inside a relative clause after the sentence's first force are not its topic; the first is."""
        first = topical[0]
        if len(topical) < 2 or first[1] + 1 >= end or lower[first[1]] != "," or lower[first[1] + 1] not in self.relatives:
            return None
        close = next((i for i in range(first[1] + 2, end) if lower[i] in (",", ";", ".")), end)
        return first[2] if all(f[0] < close for f in topical[1:]) else None

    @staticmethod
    def _compared(cues: CueQuery, forces: list[tuple[int, int, str]]) -> set[int]:
        """Starts of forces named as what another is compared with ("Suffolk has not kept pace with Norfolk",
        "ahead of Essex"): the comparison's standard, not a switch of topic."""
        ends = [end for _, end in cues.in_doc("comparison_frames")]
        return {f[0] for f in forces if any(0 <= f[0] - end <= _COMPARED_WITHIN for end in ends)}

    @staticmethod
    def _link_lines(view: TokenView, sents: SentenceOffsets, debris: dict[int, int]) -> set[int]:
        """Sentences that are links to other stories, to be read as no statement at all: a line opening
        "Read more:" and the lines under a bare "More on this story" or "Related Topics", up to a
        line after a blank line that has no date line under it, or a long one. Their forces, figures and officials belong
        to those other stories."""
        text, links = view.text, set()
        under_header = False
        for k, (start, end) in enumerate(zip(sents.starts, sents.ends)):
            first = start if text[start].strip() else start + 1
            cue_end = debris.get(first)
            if cue_end is not None:
                rest = [t for t in text[cue_end:end] if t.strip()]
                if rest[:1] == [":"] or not rest:
                    links.add(k)
                under_header = not rest  # a header alone on its line: the lines below it are links
                continue
            if under_header:
                gap = view.source[sents.end_chars[k - 1] : sents.start_chars[k]]
                # links may stand a blank line apart, each over its date line ("More on this story ⏎⏎ Police 'failing to
                # record' 800,000 crimes a year ⏎ 18 November 2014 ⏎⏎ ..."); after a blank line, a line with no date line
                # under it is the text again ("Related Topics ⏎ Bedfordshire Police ⏎⏎ Image caption, ...")
                if end - start > _LINK_LINE_MOST or (gap.count("\n") >= 2 and not _over_date_line(view.source, sents, k)):
                    under_header = False
                else:
                    links.add(k)
        return links

    @staticmethod
    def _comment_lines(view: TokenView, sents: SentenceOffsets, headers: list[tuple[int, int]],
                       header_words: frozenset[str]) -> set[int]:
        """Sentences under a readers' comments header ("Comments (12)", "Join the conversation") alone on its line,
        after most of the text: what readers write states nothing of the article. A share bar's "Comments (12)"
        under the headline heads nothing."""
        text = view.text
        for start, end in headers:
            line_start, line_end = view.line_start(start), view.line_end(end)
            rest = [t for t in text[line_start:start] + text[end:line_end] if t.strip()]
            if any(not (t in "():" or t.isdigit() or t.lower() in header_words) for t in rest):
                continue  # a word of prose ("his comments were ...")
            header_char = view.offsets[start]
            if header_char < _COMMENTS_AFTER * len(view.source):
                continue
            return {k for k, begin in enumerate(sents.start_chars) if begin >= header_char}
        return set()

    def _national(self, cues: CueQuery, sents: SentenceOffsets, rows: list[EntityRow], lower: list[str],
                  text: list[str]) -> set[int]:
        """Sentences holding a whole "national" cue that no superlative just before it turns into a ranking, nor
        a body's name holds ("the National Referral Mechanism", "the Office for National Statistics"), or a figure
        that counts forces ("in two-thirds of forces", "In four out of five forces"); less those that speak of
        the force in focus."""
        national_in = set()
        starts = sents.starts
        for cue_start, cue_end in cues.in_doc("national"):
            k = bisect_right(starts, cue_start) - 1
            if cue_end > sents.ends[k]:
                continue
            # "The force was the standout performer in the region": the region ranks the force.
            if cues.before("superlatives", cue_start, starts[k]) is not None:
                continue
            # "referrals made under the National Referral Mechanism": a capitalised name, not the nation's forces
            if cue_end - cue_start == 1 and text[cue_start][:1].isupper() and _name_goes_on(text, cue_end, sents.ends[k]):
                continue
            # "we fail to record in the region of 7,100 crimes": a hedge, no region
            if any(h_start <= cue_start and cue_end <= h_end for h_start, h_end in cues.within("region_hedge", starts[k], sents.ends[k])):
                continue
            # "on average 3,700 crimes ... are not recorded each year" is the force's average; "On average,
            # forces recorded 85 per cent" is not.
            if cues.within("on_average", cue_start, cue_end) and not cues.within("plural_forces", starts[k], sents.ends[k]):
                continue
            national_in.add(k)
        if cues.any_in_doc("forces_counted"):
            for e in rows:
                if (e.label == "PERCENT" or e.label == "COUNT") and cues.after("forces_counted", e.end) is not None:
                    national_in.add(bisect_right(starts, e.start) - 1)
        if national_in:
            national_in -= self._speaking_of_the_force(cues, sents, rows, national_in, lower)
            national_in |= self._bullets_under(national_in, sents, rows, lower)
            national_in |= self._figure_restated(cues, national_in, sents, rows, lower, self.own_estimates)
        return national_in

    @staticmethod
    def _figure_restated(cues: CueQuery, national_in: set[int], sents: SentenceOffsets, rows: list[EntityRow],
                         lower: list[str], own_estimates: frozenset[str]) -> set[int]:
        """The sentence right after a national one, in its paragraph, that goes on with "the figure" and names no
        force nor "the force" ("Across the country, ... about 19 per cent of crimes ... were not being recorded. Violent
        and sexual offences were the worst affected: for sexual offences the figure was 26 per cent"): national too."""
        starts, ends = sents.starts, sents.ends
        named = {bisect_right(starts, e.start) - 1 for e in rows if e.label == "FORCE"}
        found: set[int] = set()
        for k in sorted(national_in - named):
            j = k + 1
            if j >= len(starts) or j in named or j in national_in or any("\n" in w for w in lower[ends[k] - 1 : starts[j] + 1]):
                continue
            if cues.within("figure_anaphora", starts[j], ends[j]) and not cues.within("force_anaphora", starts[j], ends[j]):
                words = lower[starts[j] : ends[j]]
                if any(w == "we" and nxt in own_estimates for w, nxt in zip(words, words[1:])):
                    continue  # "For violence against the person we estimate the figure is 87.6 percent": the inspected force's
                found.add(j)
        return found

    def _bullets_under(self, national_in: set[int], sents: SentenceOffsets, rows: list[EntityRow],
                       lower: list[str]) -> set[int]:
        """The bullet lines of a list opened by a national line ending in a colon ("HMIC says that nationally: ⏎•
        about 19% of crimes ... ⏎• for sexual offences the figure is 26%"): the national picture too, up to a line
        that names a force or is no bullet."""
        bullets, starts, ends = self.bullets, sents.starts, sents.ends
        named = {bisect_right(starts, e.start) - 1 for e in rows if e.label == "FORCE"}
        under: set[int] = set()
        for k in sorted(national_in):
            words = [w for w in lower[starts[k] : ends[k]] if w.strip()]
            if ":" not in words[-2:]:
                continue  # not a list's opening line
            j = k + 1
            # the sentencizer leaves a line's bullet mark at the end of the line before it
            while j < len(starts) and j not in named and words and words[-1] in bullets:
                under.add(j)
                words = [w for w in lower[starts[j] : ends[j]] if w.strip()]
                j += 1
        return under

    def _speaking_of_the_force(self, cues: CueQuery, sents: SentenceOffsets, rows: list[EntityRow], among: set[int],
                               lower: list[str]) -> set[int]:
        """Sentences (of ``among``) that speak of the force in focus: "the force", "the constabulary", or
        "our"/"we" beside the title of someone who speaks for a force ("Chief Constable Gareth Pryce said:
        'Our compliance figure ... is now 86.2 per cent, slightly better than the national average'"), or
        in the quotation that follows that title."""
        starts = sents.starts
        speaking = {k for s, _ in cues.in_doc("force_anaphora") if (k := bisect_right(starts, s) - 1) in among}
        if cues.any_in_doc("speaker_anaphora"):
            officers = {bisect_right(starts, e.start) - 1 for e in rows
                        if e.label == "ROLE" and e.kb_id not in self.inspectorate_roles and e.kb_id != "other"}
            officers |= _quoted_after(officers, sents, lower, max(among))
            speaking.update(k for s, _ in cues.in_doc("speaker_anaphora")
                            if (k := bisect_right(starts, s) - 1) in among and k in officers)
        return speaking

    def __call__(self, doc: Doc) -> list[dict[str, Any]]:
        view = token_view(doc)
        cues = self.spec.query(view)
        rows = entity_rows(doc)
        sents = sentence_offsets(doc, view)
        starts = sents.starts
        forces = [(e.start, e.end, e.kb_id) for e in rows if e.label == "FORCE"]
        named_in = _by_sentence(forces, starts)
        placed_in = _by_sentence(doc._.force_areas or (), starts)
        past = self._past_offices(view, rows, {f[0] for f in forces}) if forces else set()
        comparisons = bool(forces) and cues.any_in_doc("comparison_frames")
        named_times: dict[str, int] = {}
        if comparisons:
            past |= self._compared(cues, forces)
            for f in forces:
                named_times[f[2]] = named_times.get(f[2], 0) + 1
        resume: str | None = None  # the text's own force, to return to after a paragraph comparing others with it
        comparing = False  # the current paragraph compares forces
        # A related-story link ("READ MORE: Gwent Police chief ...") names a force the text is not about.
        debris = {s: e for s, e in cues.in_doc("debris")}
        links = self._link_lines(view, sents, debris) if debris else set()
        if cues.any_in_doc("comment_headers"):
            links |= self._comment_lines(view, sents, cues.in_doc("comment_headers"), self.comment_header_words)
        national_in = self._national(cues, sents, rows, view.lower, view.text)
        sentences: list[dict[str, Any]] = []
        focus: str | None = None
        text = view.source
        for k, (start, end, start_char, end_char) in enumerate(zip(*sents)):
            named = named_in.get(k, [])
            placed = placed_in.get(k, [])
            if comparisons:
                if (comparing or resume is not None) and k and "\n" in text[sents.end_chars[k - 1] : start_char]:
                    # a new paragraph: "For rape ... the picture was less positive" after the comparison paragraph
                    if resume is not None and not named and not placed:
                        focus = resume
                    resume, comparing = None, False
                if cues.within("comparison_frames", start, end):
                    comparing = True
                if comparing and resume is None and focus is not None and any(f[2] != focus for f in named):
                    if all(named_times.get(f[2], 0) * _MAIN_FORCE_LEAD <= named_times.get(focus, 0)
                           for f in named if f[2] != focus):
                        resume = focus
            previous = focus
            if k in links or (debris and (start in debris or start + 1 in debris)):
                named, placed = [], []
            elif named and (topical := [f for f in named if f[0] not in past]):
                focus = self._subject_of_relative(view.lower, topical, end) or topical[-1][2]
            elif placed:
                focus = placed[-1][2]
            national = not named and not placed and k in national_in
            sentences.append({
                "start": start_char, "end": end_char,
                "tok_start": start, "tok_end": end,
                "forces": named, "areas": placed, "focus_before": previous, "focus": focus, "national": national,
                "debris": k in links,
            })
        return sentences


# A related story's date line ("18 November 2014", "3 Sept 2015", "June 26, 2017", "2017-06-26").
_DATE_LINE = re.compile(r"^\s*(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$")


def _over_date_line(source: str, sents: SentenceOffsets, k: int) -> bool:
    """Sentence ``k`` is one line with a date alone on the next: a related story's headline and its date, or the date."""
    if _DATE_LINE.match(source[sents.start_chars[k] : sents.end_chars[k]]):
        return True
    if k + 1 >= len(sents.start_chars):
        return False
    gap = source[sents.end_chars[k] : sents.start_chars[k + 1]]
    return gap.count("\n") == 1 and _DATE_LINE.match(source[sents.start_chars[k + 1] : sents.end_chars[k + 1]]) is not None


_OPENERS, _CLOSERS = frozenset({"“", "‘"}), frozenset({"”", "’"})
_QUOTE_MOST = 8  # sentences: how far a speaker's quotation is followed


def _quoted_after(officers: set[int], sents: SentenceOffsets, lower: list[str], last: int) -> set[int]:
    """The sentences of the quotation that follows a speaker's title ('Chief Constable Marcus Ndiaye said:' then
    '"We are disappointed ... Our own audits show our compliance has risen to 91.3 per cent'): each next
    sentence (up to ``last``) whose first word is inside a quotation opened from the title on. A straight
    quotation mark opens after a line break or a colon, and closes elsewhere; a paragraph of a quotation
    may end unclosed when the next opens again."""
    quoted: set[int] = set()
    for k in officers:
        depth, stop = 0, min(last, k + _QUOTE_MOST, len(sents.starts) - 1)
        for j in range(k, stop + 1):
            first = True
            for i in range(sents.starts[j], sents.ends[j]):
                w = lower[i]
                if w == '"':
                    depth = 1 if (i == 0 or not lower[i - 1].strip() or lower[i - 1] == ":") else 0
                elif w in _OPENERS:
                    depth += 1
                elif w in _CLOSERS and depth > 0:
                    depth -= 1
                elif j > k and first and w.strip():
                    if depth <= 0:
                        break
                    quoted.add(j)
                    first = False
            if j > k and j not in quoted:
                break
    return quoted


def _name_goes_on(text: list[str], i: int, end: int) -> bool:
    """A capitalised word at ``i`` (before the sentence's ``end``) carries on the name a capitalised cue opens."""
    return i < end and text[i][:1].isupper() and text[i].isalpha()
