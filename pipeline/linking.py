"""Linking rules: from entities and cues to SCHEMA §2 findings, one small class per finding type.

Each rule reads a ``LinkContext``: the document's sentences (with the force each is
about, from ``force_focus``), its entities with their normalised values, and the
cue phrases of ``data/finding_cues.json``. The decisions shared by all rules live
on the context: which force a figure belongs to (the nearest force named before it
in its sentence, else after it, else the sentence's focus), which year governs it,
which crime type it counts, whether it counts recorded or unrecorded crimes.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from operator import attrgetter
from types import MappingProxyType
from typing import Any, ClassVar, Iterator, Mapping, NamedTuple

from spacy.tokens import Doc

from pipeline.candidates import EntityRow, entity_rows
from pipeline.cues import Cues
from pipeline.resources import PhraseSet, load_json
from pipeline.schema import DEFAULT_AREA, FINDING_FIELDS
from pipeline._speed import TokenView, token_view

_FLIP = {"more_than": "less_than", "less_than": "more_than"}
_CRIME_NOUNS = frozenset({"crime", "crimes", "offences", "offence", "reports", "incidents", "allegations"})
# Recording rates in this coverage are recorded shares of at least a half; a smaller
# share said about recording is the unrecorded share (and the converse).
_PLAUSIBLE_RATE = 50.0
_START = attrgetter("start")
_DIFFERENCE_UNITS = frozenset({"point", "points", "pts", "pp"})  # "6.5 percentage points": a difference
# Verbs by which an inspection or report states a figure ("the previous inspection, in 2017, found ...").
_REPORTING = frozenset({"found", "showed", "estimated", "concluded", "revealed", "said", "reported"})
# The distance of a missing cue (see ``LinkContext._distance``). No cue is this far from a figure
# in a document of fewer than _FAR / 6 tokens: a distance counts each token once and each clause
# boundary (at least a token) five times more.
_FAR = 10**6


# An entity is the row the resolver recorded (token and character offsets, label, canonical
# id): made once for the whole pipeline. Its normalised value is read when a rule needs it
# (``LinkContext.norm``), for a figure once, when the figure is found.
Ent = EntityRow


class Figure(NamedTuple):
    """A PERCENT or COUNT; ``start``/``end`` cover a hedged figure and its precise form in brackets."""

    ent: Ent
    start: int
    end: int
    norm: dict[str, Any]  # the entity's normalised value


Named = list[Any]  # a force or area named in a sentence: [start, end, force id]
Scope = tuple[int, int]  # tokens [start, end): the stretch of a sentence that speaks of one figure


class Sentence:
    """A sentence as ``force_focus`` described it, with its entities by label and its figures.

    A plain class with slots, and sentences without entities share one empty mapping:
    a document has dozens of sentences, and every object made here is one more for the
    garbage collector to visit while the document is alive. What the rules ask of a
    sentence for each of its figures (its forces outside comparisons, its crime types
    and dates) is worked out once, when first asked, and kept here.
    """

    __slots__ = ("index", "start", "end", "start_char", "end_char", "forces", "focus_before", "national", "debris", "areas",
                 "by_label", "figures", "main_forces", "crime_types", "dated")

    def __init__(self, index: int, record: dict[str, Any]) -> None:
        self.index = index
        self.start: int = record["tok_start"]
        self.end: int = record["tok_end"]
        self.start_char: int = record["start"]
        self.end_char: int = record["end"]
        # Forces and areas stay the [start, end, id] lists force_focus wrote (read, never changed).
        self.forces: list[Named] = record["forces"]
        self.focus_before: str | None = record["focus_before"]
        self.national: bool = record["national"]
        self.debris: bool = record.get("debris", False)  # a link to another story: no statement of this one
        self.areas: list[Named] = record.get("areas", _EMPTY)
        self.by_label: Mapping[str, list[Ent]] = _NO_ENTITIES
        self.figures: list[Figure] = _EMPTY
        self.main_forces: list[Named] | None = None  # LinkContext.force_for
        self.crime_types: tuple[dict[int, Ent], list[Ent]] | None = None  # LinkContext.crime_type_for
        self.dated: tuple[list[Figure], dict[Ent, int | None], list[Ent], list[Figure], set[int]] | None = None  # year_for

    def of(self, label: str) -> list[Ent]:
        """The sentence's entities of ``label``, in order (the shared list: do not change it)."""
        return self.by_label.get(label, _EMPTY)


_NO_ENTITIES: Mapping[str, list[Ent]] = MappingProxyType({})
_EMPTY: list[Any] = []  # what a sentence has of a label it lacks, and its figures if none: never changed


@lru_cache(maxsize=16)
def _word_set(cues: Cues, name: str) -> frozenset[str]:
    return frozenset(cues.data[name])


@lru_cache(maxsize=1)
def _place_index() -> PhraseSet:
    forces = load_json("forces.json")["forces"]
    return PhraseSet([p for f in forces for p in f["places"]])


@lru_cache(maxsize=1)
def _place_ids() -> dict[tuple[str, ...], str]:
    from pipeline.resources import tokenize_phrase

    return {tokenize_phrase(p): f["id"] for f in load_json("forces.json")["forces"] for p in f["places"]}


class LinkContext:
    """Everything the rules share about one document."""

    def __init__(self, doc: Doc, cues: Cues) -> None:
        self.doc = doc
        self.cues = cues
        self.view: TokenView = token_view(doc)
        self.m = cues.scan(self.view)
        ext = doc._
        date = ext.article_date
        self.article_year: int | None = int(date[:4]) if date else None
        self.sentences = [Sentence(i, record) for i, record in enumerate(ext.sentences or [])]
        self.with_label: dict[str, list[Sentence]] = {}  # the sentences holding each label, in order
        self._norms: dict[str, dict[str, Any]] = ext.ent_norms or {}
        self._add_entities(entity_rows(doc))
        self.other_nouns = _word_set(cues, "other_count_nouns")
        self.type_links = _word_set(cues, "crime_type_links")
        self.used_counts: set[int] = set()
        self.listed_parts: set[int] = set()  # starts of counts found as listed parts ("including 1,400 ...")
        self.samples: list[tuple[int, dict[str, Any]]] = []  # (sentence index, audit finding)

    def _add_entities(self, rows: list[Ent]) -> None:
        """Each entity to its sentence, by label; then each sentence's figures.

        Entities and sentences are both in order: the sentence an entity falls in is found
        by bisecting the sentences' ends from the last one, and its mapping is kept at hand
        for the entities after it (a sentence has a few entities, a document dozens)."""
        sentences = self.sentences
        ends = [sent.end for sent in sentences]
        with_label = self.with_label
        k, end = -1, -1  # the current sentence and its end; none yet
        by_label: dict[str, list[Ent]] = {}
        skip = False  # the current sentence links to another story: its entities state nothing here
        for e in rows:
            if e.start >= end:
                k = bisect_right(ends, e.start, k + 1)
                if k == len(sentences):
                    break  # past the last sentence
                sent, end = sentences[k], ends[k]
                skip = sent.debris
                if not skip:
                    by_label = sent.by_label = {}  # type: ignore[assignment]
            if skip:
                continue
            label = e.label
            same_label = by_label.get(label)
            if same_label is None:
                by_label[label] = [e]
                holding = with_label.get(label)
                if holding is None:
                    with_label[label] = [sent]
                else:
                    holding.append(sent)
            else:
                same_label.append(e)
        figured = with_label.get("PERCENT", _EMPTY) + with_label.get("COUNT", _EMPTY)
        for sent in figured:
            if sent.figures is _EMPTY:  # a sentence with both kinds is listed twice
                sent.figures = self._find_figures(sent)

    def norm(self, ent: Ent) -> dict[str, Any]:
        """The entity's normalised value, from ``entity_normaliser`` (empty if it has none)."""
        return self._norms.get(f"{ent.start_char}:{ent.end_char}", {})

    def rest_of_sample(self, sent: Sentence, force: str, value: int) -> dict[str, Any] | None:
        """The audit sample, in this or the previous sentence, whose unrecorded remainder is ``value``."""
        for index, sample in reversed(self.samples):
            if sent.index - 1 <= index <= sent.index and sample["force"] == force and sample["total"] - sample["recorded"] == value:
                return sample
        return None

    # -- figures -------------------------------------------------------------
    def _find_figures(self, sent: Sentence) -> list[Figure]:
        """Figures in order; "nearly one in five (19.6%)" is one figure, the bracketed one."""
        percents, counts = sent.of("PERCENT"), sent.of("COUNT")
        ents = sorted(percents + counts, key=_START) if percents and counts else percents or counts
        text, n, norms = self.view.text, self.view.n, self._norms
        new = tuple.__new__  # Figure(...) runs a Python-level __new__; this builds the same tuple in C
        out: list[Figure] = []
        i, last = 0, len(ents) - 1
        while i <= last:
            e = ents[i]
            nxt = ents[i + 1] if i < last else None
            if (nxt is not None and nxt.label == e.label and nxt.end < n and text[nxt.end] == ")"
                    and text[nxt.start - 1] == "(" and self._only_words_between(e.end, nxt.start - 1)):
                out.append(new(Figure, (nxt, e.start, nxt.end + 1, norms.get(f"{nxt.start_char}:{nxt.end_char}", {}))))
                i += 2  # the bracketed figure stands for both
            else:
                out.append(new(Figure, (e, e.start, e.end, norms.get(f"{e.start_char}:{e.end_char}", {}))))
                i += 1
        return out

    def _only_words_between(self, start: int, end: int, most: int = 3) -> bool:
        """At most ``most`` lower-case words from ``start`` to ``end``: "nine in 10 crimes (91.4%)" pairs its figures."""
        return end - start <= most and all(self.view.is_lower_word(i) for i in range(start, end))

    @staticmethod
    def scope(sent: Sentence, figs: list[Figure], fig: Figure) -> Scope:
        """From the previous figure's end to the next figure's start, within the sentence."""
        return _scope_at(sent, figs, figs.index(fig))

    def polarity(self, sent: Sentence, fig: Figure, scope: Scope, local_only: bool = False) -> str | None:
        """"neg" if the figure counts unrecorded crimes, "pos" if recorded ones, None if neither is said.

        A sentence that opens by pointing back ("This represents nearly one in five (19.6%)")
        takes the cue of the sentence before it."""
        found = self._polarity_within(fig, *scope)
        if found is None and not local_only:
            for lo, hi in self._wider_cue_ranges(sent):
                found = self._polarity_within(fig, lo, hi)
                if found is not None:
                    break
        return found

    def _polarity_within(self, fig: Figure, lo: int, hi: int) -> str | None:
        """The polarity the cues within tokens [lo, hi) give a figure: the nearest kind of cue wins."""
        neg = self.m.find("negative_record", lo, hi)
        pos = self.m.find("positive_record", lo, hi)
        if pos and self.m.matches["unreal_modals"]:
            # "42 that should have been recorded as crimes but had not been": what ought to be, not what is.
            pos = [p for p in pos if self.m.precedes("unreal_modals", p[0], 2) is None]
        if neg and pos:
            pos = [p for p in pos if not any(p[0] < n[1] and n[0] < p[1] for n in neg)]
        if not (neg or pos):
            return None
        if not (neg and pos) and self.view.n < _FAR // 6:
            return "neg" if neg else "pos"  # one kind of cue alone: nothing to weigh it against
        best_neg = min((self._distance(fig, m) for m in neg), default=_FAR)
        best_pos = min((self._distance(fig, m) for m in pos), default=_FAR)
        return "neg" if best_neg <= best_pos else "pos"

    def _wider_cue_ranges(self, sent: Sentence) -> Iterator[Scope]:
        """Where to look for a figure's polarity cue when its scope holds none, nearest first (each
        range worked out only if the ones before it held no cue)."""
        yield sent.start, sent.end
        if sent.index > 0 and self.view.lower[sent.start] in self.cues.data["anaphoric_openers"]:
            before = self.sentences[sent.index - 1]
            yield before.start, before.end
        if self._list_line(sent):
            # "Cheshire Constabulary – Inadequate – 86.7%": the cue is in the line that opens the list.
            for before in reversed(self.sentences[max(sent.index - 25, 0) : sent.index]):
                if not self._list_line(before):
                    yield before.start, before.end
                    break

    def _list_line(self, sent: Sentence) -> bool:
        """A short line naming a force and giving a figure or grade, as in a table or bullet list."""
        return (sent.end - sent.start <= 24 and bool(sent.forces)
                and not self.m.find("positive_record", sent.start, sent.end)
                and not self.m.find("negative_record", sent.start, sent.end))

    def _distance(self, fig: Figure, cue: tuple[int, int]) -> int:
        """Tokens between a figure and a cue, each clause boundary between them counting five more."""
        lo, hi = (cue[1], fig.start) if cue[1] <= fig.start else (fig.end, cue[0])
        boundaries = len(self.m.find("clause_boundaries", lo, hi))
        return max(hi - lo, 0) + 5 * boundaries

    def is_change(self, fig: Figure) -> bool:
        """'up 8.3%', 'a 13.1% increase', 'over one percentage point' (a difference, never a rate),
        and margins of error '(+/- 2.8 percent)'."""
        return (self.view.lower[fig.end - 1] in _DIFFERENCE_UNITS
                or self.m.precedes("change_before", fig.start, 1) is not None
                or self.m.follows("change_after", fig.end, 2) is not None
                or self.m.precedes("margin", fig.start, 1) is not None)

    def is_general(self, sent: Sentence, fig: Figure, scope: Scope) -> bool:
        """A national or regional figure ("the average was 83 per cent", "One in three ... nationally"),
        or a measure other than recording ("charged or summonsed in 5.1% of crimes") near the figure."""
        matches = self.m.matches
        if not matches["general_figure"] and not matches["other_measures"]:
            return False  # most documents name neither
        lo, hi = max(scope[0], fig.start - 6), min(scope[1], fig.end + 4)  # a window before the figure, it, and one after
        for cue in ("general_figure", "other_measures"):
            if not self.m.find(cue, lo, hi):
                continue  # most figures have no such cue near them: one look for both windows
            for s_, e_ in self.m.find(cue, lo, fig.start):
                if self._ranked_among(sent, s_):
                    continue  # "Bedfordshire had the lowest recording rate in the region, at 78 per cent"
                if not any(e_ <= f[1] <= fig.start for f in sent.forces + sent.areas):  # "the average was 83 per cent"
                    return True
            after = self.m.find(cue, fig.end, hi)
            if after and not self.m.find("clause_boundaries", fig.end, after[0][0]):
                return True  # "One in three violent crimes nationally", not "93%, above the national average"
        return False

    def is_composition(self, fig: Figure, scope: Scope) -> bool:
        """'60 per cent of the crimes recorded were violent offences': a share of what the records hold,
        said in the figure's own clause, not the share recorded."""
        found = self.m.find("composition", fig.end, min(fig.end + 8, scope[1]))
        return bool(found) and not self.m.find("clause_boundaries", fig.end, found[0][0]) and \
            self.view.lower[found[0][0] - 1] not in ("not", "never", "un")

    def _ranked_among(self, sent: Sentence, cue_start: int) -> bool:
        """The region or country only ranks a force named before it: a superlative just before the cue."""
        return (self.m.find("superlatives", max(cue_start - 5, sent.start), cue_start) != []
                and any(f[1] <= cue_start for f in sent.forces + sent.areas))

    def is_sub_share(self, fig: Figure) -> bool:
        """'about 9,000 crimes, around a third of which are violent': a share of another figure,
        unless recording is what is said of it ('97 per cent of which was recorded')."""
        part = self.m.follows("sub_part", fig.end, 1)
        if part is None:
            return False
        if self.m.find("positive_record", max(fig.start - 3, 0), fig.start) or self.m.find("negative_record", max(fig.start - 4, 0), fig.start):
            return False  # "recorded 91.7 per cent of them"
        window_end = min(fig.end + 6, self.view.n)
        return not (self.m.find("positive_record", fig.end, window_end)
                    or self.m.find("negative_record", fig.end, window_end))

    def is_previous_figure(self, fig: Figure) -> bool:
        """'up from 84.7% in 2014': an earlier figure, dated by the date after it."""
        return self.m.precedes("previous_figure", fig.start, 1) is not None

    def about_other_things(self, fig: Figure) -> bool:
        view = self.view
        if self.m.follows("other_subject", fig.end, 2) is not None:
            return True
        return fig.end < view.n and view.lower[fig.end] in self.other_nouns

    # -- shared attributes ---------------------------------------------------
    def force_for(self, sent: Sentence, tok: int, end: int | None = None) -> str | None:
        """The force a figure at ``tok`` belongs to: one named right after it ("82.1 per cent at
        Cheshire Constabulary"); else the nearest named before it in the sentence, else after it,
        leaving aside forces in comparisons ("second behind Dorset"); else an area named in the
        sentence ("In Gwent, inspectors found ..."); else the force the text was about."""
        if end is not None and end + 1 < self.view.n and self.view.lower[end] in ("at", "for", "by", "in"):
            for f in sent.forces + sent.areas:
                if f[0] == end + 1:
                    return f[2]
        main = sent.main_forces
        if main is None:
            main = sent.main_forces = [f for f in sent.forces if not self.in_comparison(sent, f[0])]
        if len(main) > 1 and self.m.matches["respectively"]:
            respective = self._respective_force(sent, main, tok)
            if respective is not None:
                return respective
        for named in (main or sent.forces, sent.areas):
            if named:  # else the next kind, then the focus
                nearest = _nearest(named, tok)
                if nearest is not None:
                    return nearest[2]
        if sent.focus_before is None and not sent.national:
            return self._force_named_next(sent)
        return sent.focus_before

    def _respective_force(self, sent: Sentence, forces: list[Named], tok: int) -> str | None:
        """"Cumbria and Lancashire recorded 92.1 per cent and 88.4 per cent respectively": the figures
        of one kind pair with the forces in order, when there are as many of each."""
        if not self.m.find("respectively", sent.start, sent.end):
            return None
        fig = next((f for f in sent.figures if f.start <= tok < f.end), None)
        if fig is None:
            return None
        same_kind = [f for f in sent.figures if f.ent.label == fig.ent.label]
        return forces[same_kind.index(fig)][2] if len(same_kind) == len(forces) else None

    _ONE_FORCE = frozenset({"force", "constabulary"})

    def _force_named_next(self, sent: Sentence) -> str | None:
        """A headline or lede before any force is named ("Police force 'failing to record one in six
        crimes'", "A police force is failing to record ..."): about one force, singular, the one
        the article names next; None when the sentence speaks of no single force."""
        lower = self.view.lower
        named = {i for ents in sent.by_label.values() for e in ents for i in range(e.start, e.end)}
        if not any(lower[i] in self._ONE_FORCE and i not in named for i in range(sent.start, sent.end)):
            return None  # not "Inspectorate of Constabulary": a word of a name says nothing of a force
        for later in self.sentences[sent.index + 1 :]:
            if later.forces:
                return later.forces[0][2]
        return None

    _COMPARISON = {"behind", "than", "like", "unlike", "ahead", "below", "above", "alongside", "including", "which", "whose"}

    def in_comparison(self, sent: Sentence, tok: int) -> bool:
        """A force named inside a comparison or relative clause ("behind Dorset", "which shares ... with X")."""
        i = tok - 1
        while i >= sent.start and self.view.lower[i] not in (",", "–", "—", "(", ")"):
            if self.view.lower[i] in self._COMPARISON:
                return True
            i -= 1
        return False

    def crime_type_for(self, sent: Sentence, fig_start: int, fig_end: int, scope_start: int) -> str:
        lower, links = self.view.lower, self.type_links
        if sent.crime_types is None:
            # The sentence's crime types by start, and those not blocked ("such as rape"), for all its figures.
            types = sent.of("CRIME_TYPE")
            sent.crime_types = ({e.start: e for e in types}, [e for e in types if not self._blocked_type(e)])
        ct_at, unblocked = sent.crime_types
        i, stop = fig_end, min(fig_end + 6, sent.end)
        while i < stop:
            if i in ct_at:
                return ct_at[i].kb_id
            word = lower[i]
            if word in _CRIME_NOUNS:
                if i + 1 < sent.end and lower[i + 1] == "of":  # "reports of rape"
                    i += 2
                    continue
                # "Sexual offences fared better: 57 out of the 63 reports ...": the topic before
                # the colon says which reports.
                return self._topic_before_colon(sent, unblocked, fig_start) or "all_crime"
            if word not in links:
                break
            i += 1
        # The nearest crime type before the figure, within its scope if there is one there.
        nearest: Ent | None = None
        for e in reversed(unblocked):
            if e.end <= fig_start:
                if e.start >= scope_start:
                    return e.kb_id
                if nearest is None:
                    nearest = e
        return nearest.kb_id if nearest is not None else "all_crime"

    def _topic_before_colon(self, sent: Sentence, types: list[Ent], fig_start: int) -> str | None:
        """The crime type that heads the sentence before a colon in front of the figure, if any."""
        lower = self.view.lower
        colon = next((i for i in range(fig_start - 1, sent.start - 1, -1) if lower[i] == ":"), None)
        if colon is None:
            return None
        heads = [e for e in types if e.end <= colon and e.start <= sent.start + 1]
        return heads[0].kb_id if heads else None

    def _blocked_type(self, ent: Ent) -> bool:
        return self.m.precedes("crime_type_blockers", ent.start, 3) is not None

    def year_for(self, sent: Sentence, figs: list[Figure], fig: Figure | Ent) -> int | None:
        if "DATE" not in sent.by_label:
            return self.article_year
        # The same for every figure of the sentence (with the same list of figures): worked out once.
        dated = sent.dated
        if dated is None or dated[0] is not figs:
            years = {d: self.norm(d).get("year") for d in sent.of("DATE")}
            dates = [d for d, year in years.items() if year is not None]
            previous = [f for f in figs if self.is_previous_figure(f)] if dates else []
            claimed = {id(next((d for d in dates if d.start >= f.end), None)) for f in previous}
            dated = sent.dated = (figs, years, dates, previous, claimed)
        _, years, dates, previous, claimed = dated
        if not dates:
            return self.article_year
        if isinstance(fig, Figure) and fig in previous:
            after = [d for d in dates if d.start >= fig.end]
            return years[after[0]] if after else self.article_year
        usable = [d for d in dates if id(d) not in claimed and self._governs(d, fig)]
        if not usable:
            return self.article_year
        return years[min(usable, key=lambda d: min(abs(d.start - fig.end), abs(fig.start - d.end)))]

    def _governs(self, date: Ent, fig: Figure | Ent) -> bool:
        """A date before a figure governs it unless it dates something else ("since the last
        report, in 2014"; but "the last inspection, in 2016, when it recorded 89.1%"); a date
        after it governs it only within its clause ("not recorded in 2013"). Between the two, a word
        of the present ("In 2019 it was rated good; now it is rated inadequate") dates the figure
        to the article instead."""
        if date.start >= fig.end:
            return not self.m.find("clause_boundaries", fig.end, date.start)
        if self.m.find("present_time", date.end, fig.start):
            return False
        if self.m.precedes("date_blockers", date.start, 4) is None:
            return True
        lower = self.view.lower
        before, between = lower[max(date.start - 8, 0) : date.start], lower[date.end : fig.start]
        # "the last inspection, in 2016, when it recorded 89.1%"; "When the force was last inspected, in 2014, it ..."
        if "when" in between or "when" in before:
            return True
        # "Its previous inspection, in 2017, found it recorded 83 per cent": that inspection's own finding
        # (not "Since the last inspection, in 2014, inspectors have found ...").
        return (self.m.precedes("past_inspection", date.start, 4) is not None and "since" not in before
                and not _REPORTING.isdisjoint(between[:3]))

    def qualifier(self, fig: Figure, scope: Scope, stated: str) -> str:
        """The figure's own hedge; an exact figure framed as an estimate ("we estimate that ...
        fails to record 21,200") is approx (SCHEMA §5). The framing precedes the figure in its clause."""
        if stated == "exact" and self.m.find("estimate", scope[0], fig.start):
            return "approx"
        return stated

    def per_year(self, fig: Figure, scope_end: int, sent: Sentence | None = None, figs: list[Figure] | None = None) -> bool:
        """A rate period after the count ("4,100 crimes a year"), or, given its sentence, one before it
        with no other figure between ("In a year, inspectors said, more than 5,000 ... never make it")."""
        if self.m.follows("per_year", fig.end, min(8, max(scope_end - fig.end, 1))) is not None:
            return True
        if sent is None or figs is None:
            return False
        before = self.m.find("per_year_before", sent.start, fig.start)
        return bool(before) and not any(before[-1][1] <= f.start and f.end <= fig.start for f in figs if f is not fig)

    def place_before(self, tok: int, window: int = 6) -> str | None:
        """A force's place name ending within ``window`` tokens before ``tok`` ("Norfolk PCC")."""
        view, places, ids = self.view, _place_index(), _place_ids()
        for end in range(tok, max(tok - window, 0), -1):
            length = places.ends_at(view.lower, end)
            if length:
                return ids[tuple(view.lower[end - length : end])]
            if view.lower[end - 1] in {".", ":", ";", "\n", '"', "“", "”"} or "\n" in view.text[end - 1]:
                break
        return None


def _nearest(named: list[Named], tok: int) -> Named | None:
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


def _scope_at(sent: Sentence, figs: list[Figure], i: int) -> Scope:
    """The scope of the ``i``-th figure: from the previous figure's end to the next one's start, within the sentence."""
    return (figs[i - 1].end if i else sent.start, figs[i + 1].start if i + 1 < len(figs) else sent.end)


def scoped(sent: Sentence, figs: list[Figure]) -> Iterator[tuple[Figure, Scope]]:
    """Each figure with its scope (as ``LinkContext.scope``), worked out once for all the checks made of it."""
    for i, fig in enumerate(figs):
        yield fig, _scope_at(sent, figs, i)


def make_finding(ftype: str, sent: Sentence, ents: list[Ent], **fields: Any) -> dict[str, Any]:
    """A finding with its SCHEMA fields in order, the sentence as evidence, and its entities."""
    finding: dict[str, Any] = {"type": ftype}
    names = FINDING_FIELDS[ftype]
    if tuple(fields) == names:
        finding.update(fields)  # the rules give the fields in SCHEMA order: copied in one call
    else:
        for name in names:
            finding[name] = fields[name]
    finding["evidence"] = {"start": sent.start_char, "end": sent.end_char}
    finding["entities"] = [[e.start_char, e.end_char, e.label] for e in ents]
    return finding


class LinkRule:
    """One kind of finding."""

    finding_type: ClassVar[str]

    def find(self, ctx: LinkContext) -> Iterator[dict[str, Any]]:
        raise NotImplementedError


class AuditSampleRule(LinkRule):
    """'74 of 81 audited rape reports recorded'; 'of 314 ... had only recorded 260';
    'Of the 2,176 audited, 470 related to domestic abuse - of these 354 were recorded'."""

    finding_type = "audit_sample"
    _JOIN = {("of",), ("out", "of"), ("of", "the"), ("out", "of", "the"), ("of", "a"), ("out", "of", "a")}
    _TOTAL_INTRO = {"of", "from", "among", "out"}

    def find(self, ctx: LinkContext) -> Iterator[dict[str, Any]]:
        view = ctx.view
        for sent in ctx.with_label.get("COUNT", []):
            if sent.national:
                continue
            counts = [f for f in sent.figures if f.ent.label == "COUNT" and f.norm.get("form") == "number"]
            for whole in counts:
                if self._all_recorded(ctx, sent, whole) and (finding := self._make(ctx, sent, counts, whole, whole, whole)):
                    yield finding
            if counts and (finding := self._of_previous_total(ctx, sent, counts[0])) is not None:
                yield finding
            if len(counts) < 2:
                continue
            blockers = ctx.m.find("audit_blockers", sent.start, sent.end)
            audited = bool(ctx.m.find("audit", sent.start, sent.end))
            recorded = bool(ctx.m.find("positive_record", sent.start, sent.end))
            for a, b in zip(counts, counts[1:]):
                if not (audited or recorded) or tuple(view.lower[a.end : b.start]) not in self._JOIN:
                    continue  # not "74 of 81" in a sentence about auditing or recording (the cheapest test first)
                if any(start < b.end for start, _ in blockers):
                    continue  # "decisions to cancel crimes were correct in 49 of the 52": not recording
                if ctx.m.find("timeliness", b.end, min(b.end + 6, sent.end)):
                    continue  # "64 of 1,112 reports audited taking longer than the 24 hours": timeliness
                if ctx.about_other_things(b):
                    continue
                if ctx.polarity(sent, b, ctx.scope(sent, counts, b)) == "neg" and not recorded:
                    continue
                if (finding := self._make(ctx, sent, counts, a, b, b)) is not None:
                    yield finding
            for r in counts:
                if r.start in ctx.used_counts or not self._says_recorded(ctx, r) or any(start < r.end for start, _ in blockers):
                    continue
                total = self._total_for(ctx, counts, r)
                if total is not None and (finding := self._make(ctx, sent, counts, r, total, total)) is not None:
                    yield finding

    def _of_previous_total(self, ctx: LinkContext, sent: Sentence, r: Figure) -> dict[str, Any] | None:
        """'Inspectors examined 60 violent crimes ... . Of these, 52 had been recorded.': a sentence that opens
        on the sample the sentence before it audited; the total, its force and crime type are read there."""
        if sent.index == 0 or ctx.m.follows("sub_part", sent.start, 2) is None or r.start in ctx.used_counts:
            return None
        before = ctx.sentences[sent.index - 1]
        totals = [f for f in before.figures if f.ent.label == "COUNT" and f.norm.get("form") == "number"]
        if (not totals or totals[-1].start in ctx.used_counts or not ctx.m.find("audit", before.start, before.end)
                or totals[-1].norm.get("value", 0) < r.norm.get("value", 0) or not self._says_recorded(ctx, r)):
            return None
        total = totals[-1]
        force = ctx.force_for(before, total.start, total.end)
        if force is None:
            return None
        ctx.used_counts.update({r.start, total.start})
        finding = make_finding(
            "audit_sample", sent, [r.ent, total.ent],
            force=force, crime_type=ctx.crime_type_for(before, total.start, total.end, before.start),
            recorded=int(r.norm["value"]), total=int(total.norm["value"]), year=ctx.year_for(before, before.figures, total),
        )
        ctx.samples.append((sent.index, finding))
        return finding

    def _all_recorded(self, ctx: LinkContext, sent: Sentence, r: Figure) -> bool:
        """'all 12 modern slavery crimes in the sample had been recorded': a sample recorded in full."""
        view = ctx.view
        if r.start == 0 or view.lower[r.start - 1] != "all" or r.start in ctx.used_counts:
            return False
        if not ctx.m.find("audit", sent.start, sent.end) or ctx.m.find("audit_blockers", sent.start, sent.end):
            return False
        return self._says_recorded(ctx, r, window=10)

    def _says_recorded(self, ctx: LinkContext, r: Figure, window: int = 6) -> bool:
        """'354 were recorded', '185 of these had been recorded', 'had only recorded 260', 'only 89 were.'"""
        view = ctx.view
        after = view.lower[r.end : r.end + window]
        if "not" in after[:4] or "n't" in after[:4] or ctx.m.follows("negative_record", r.end, 4) is not None:
            return False
        if "recorded" in after and "." not in after[: after.index("recorded")]:
            return True
        if after[:2] in (["were", "."], ["was", "."], ["had", "."]) and ctx.m.precedes("sub_part", r.start, 3):
            return True
        return "recorded" in view.lower[max(r.start - 2, 0) : r.start]

    def _total_for(self, ctx: LinkContext, counts: list[Figure], r: Figure) -> Figure | None:
        view = ctx.view
        earlier = [c for c in counts if c.end <= r.start]
        if not earlier:
            return None
        # "of these, 354 were recorded", "of which 911 had been", "185 of these had been recorded"
        if ctx.m.precedes("sub_part", r.start, 3) is not None or ctx.m.follows("sub_part", r.end, 1) is not None:
            return earlier[-1] if earlier[-1].norm.get("value", 0) >= r.norm.get("value", 0) else None
        for c in reversed(earlier):
            intro = view.lower[max(c.start - 2, 0) : c.start]
            introduced = any(w in self._TOTAL_INTRO for w in intro) or ctx.m.precedes("audit", c.start, 2) is not None
            if introduced and c.norm.get("value", 0) >= r.norm.get("value", 0):
                return c
        return None

    def _make(self, ctx: LinkContext, sent: Sentence, counts: list[Figure], rec: Figure, total: Figure, typed: Figure) -> dict[str, Any] | None:
        """The finding, or None when no force is in view (a sample must belong to a force)."""
        ctx.used_counts.update({rec.start, total.start})
        force = ctx.force_for(sent, total.start, total.end)
        if force is None:
            return None
        recorded, whole = rec.norm["value"], total.norm["value"]
        if ctx.m.precedes("all_but", rec.start, 1) is not None and recorded < whole:
            recorded = whole - recorded  # "examined 58 rape reports and found all but three had been recorded"
        crime_type = ctx.crime_type_for(sent, typed.start, typed.end, min(rec.start, total.start))
        if crime_type == "all_crime":
            # "of 314 crimes that HMICFRS deemed to be related to domestic abuse, ... recorded 260"
            between = [e for e in sent.of("CRIME_TYPE") if total.end <= e.start and e.end <= rec.start]
            if between:
                crime_type = between[0].kb_id
        finding = make_finding(
            "audit_sample", sent, [rec.ent, total.ent],
            force=force, crime_type=crime_type,
            recorded=int(recorded), total=int(whole), year=ctx.year_for(sent, counts, rec),
        )
        ctx.samples.append((sent.index, finding))
        return finding


class RecordingRateRule(LinkRule):
    """'records around 76 per cent of crimes'; 'fails to record almost one in four' -> 75.0 more_than."""

    finding_type = "recording_rate"

    def find(self, ctx: LinkContext) -> Iterator[dict[str, Any]]:
        for sent in ctx.with_label.get("PERCENT", []):
            if sent.national:
                continue
            figs = sent.figures
            for fig, scope in scoped(sent, figs):
                ent = fig.ent
                value = fig.norm.get("value")
                if ent.label != "PERCENT" or value is None or not 0 <= value <= 100:
                    continue
                if ctx.is_change(fig) or ctx.about_other_things(fig) or ctx.is_sub_share(fig) or ctx.is_general(sent, fig, scope):
                    continue
                if ctx.is_composition(fig, scope):
                    continue
                polarity = ctx.polarity(sent, fig, scope)
                force = ctx.force_for(sent, fig.start, fig.end)
                if polarity is None or force is None:
                    continue
                qualifier = ctx.qualifier(fig, scope, fig.norm.get("qualifier", "exact"))
                if polarity == "neg" and value > _PLAUSIBLE_RATE >= 100.0 - value:
                    polarity = "pos"  # "at 90.8 per cent" beside another clause's "not recorded"
                elif polarity == "pos" and value < _PLAUSIBLE_RATE <= 100.0 - value:
                    polarity = "neg"
                if polarity == "neg":
                    value, qualifier = 100.0 - value, _FLIP.get(qualifier, qualifier)
                yield make_finding(
                    "recording_rate", sent, [ent],
                    force=force, crime_type=ctx.crime_type_for(sent, fig.start, fig.end, scope[0]),
                    value=round(float(value), 1), qualifier=qualifier, year=ctx.year_for(sent, figs, fig),
                )


class UnrecordedCountRule(LinkRule):
    """'fails to record over 4,100 reported crimes a year'; '116 were not recorded'; 'Of these, 4,200 were ...'."""

    finding_type = "unrecorded_count"

    def find(self, ctx: LinkContext) -> Iterator[dict[str, Any]]:
        previous: dict[str, Any] | None = None
        for sent in ctx.sentences:
            figs = sent.figures
            if not figs and not sent.forces:
                continue
            found_here: list[dict[str, Any]] = []
            if not sent.national and "COUNT" in sent.by_label:
                for fig, scope in scoped(sent, figs):
                    if fig.ent.label != "COUNT":
                        continue
                    finding = self._finding(ctx, sent, figs, fig, scope, previous, found_here)
                    if finding is not None:
                        found_here.append(finding)
                        yield finding
            if found_here:
                previous = found_here[-1]
            elif figs or sent.forces:
                previous = None

    def _finding(self, ctx: LinkContext, sent: Sentence, figs: list[Figure], fig: Figure, scope: Scope,
                 previous: dict[str, Any] | None, found_here: list[dict[str, Any]]) -> dict[str, Any] | None:
        """The unrecorded count ``fig`` (a COUNT) states, or None."""
        ent = fig.ent
        value = fig.norm.get("value")
        if value is None or fig.norm.get("form") == "vague":
            return None  # "tens of thousands" is not a figure a dataset can hold
        if fig.start in ctx.used_counts or ctx.about_other_things(fig):
            return None
        scope_start, scope_end = scope
        polarity = ctx.polarity(sent, fig, scope, local_only=True)
        if polarity is None and fig is figs[0] and ctx.view.lower[sent.start] in ctx.cues.data["anaphoric_openers"]:
            # "Kent fails to record 8 per cent of crimes. That equates to some 9,500 crimes every year."
            polarity = ctx.polarity(sent, fig, scope)
        coordinated = bool(found_here) and self._coordinated(ctx, sent, figs, fig, found_here[-1], scope_start)
        if coordinated:
            polarity = "neg"  # "fails to record 1,100 sexual offences and 3,000 domestic abuse crimes": the same verb
        parent = found_here[-1] if found_here else previous
        if parent is not None and parent["type"] != "unrecorded_count":
            parent = None
        listed = self._listed_part(ctx, sent, figs, fig)
        if listed:  # a list of parts belongs to the first count of this sentence, perhaps one too vague to be a finding
            parent = (found_here[0] if found_here else None) or self._vague_parent(ctx, sent, figs, fig)
        if parent is None and polarity != "neg":
            return None  # not said to be unrecorded, nor a part of a count that is
        per_year = ctx.per_year(fig, scope_end, sent, figs)
        # A part is smaller than its whole: not "of those 1,024 crimes" after "88 ... never made it".
        smaller = parent is not None and value < parent.get("value", float("inf"))
        # "about 6,300 ..., about 3,800 of them violent crimes", "thousands of crimes, including 1,400
        # violent crimes and 300 sexual offences": a part of that count, named by its crime type.
        typed_part = (smaller and (listed or ctx.m.follows("sub_part", fig.end, 1) is not None)
                      and ctx.crime_type_for(sent, fig.start, fig.end, scope_start) != "all_crime")
        if typed_part and listed:
            ctx.listed_parts.add(fig.start)
        if typed_part:
            per_year = per_year or parent["per_year"]  # type: ignore[index]
        elif polarity != "neg":
            if parent is None:
                return None
            if ctx.is_previous_figure(fig) and found_here:
                # "fails to record roughly 4,000 crimes a year, down from more than 11,000 in 2019"
                per_year = per_year or parent["per_year"]
            elif ctx.m.follows("sub_part", sent.start, 2) is not None and fig == figs[0] and parent is previous and smaller:
                # "Of these, 4,200 were reports of violent crime": part of the previous sentence's count.
                per_year = per_year or parent["per_year"]
            else:
                return None
        elif found_here and not ctx.is_previous_figure(fig) and not coordinated:
            return None  # a breakdown of the count already found in this sentence
        force = ctx.force_for(sent, fig.start, fig.end)
        if force is None:
            return None
        crime_type = ctx.crime_type_for(sent, fig.start, fig.end, scope_start)
        year = ctx.year_for(sent, figs, fig)
        sample = ctx.rest_of_sample(sent, force, int(value))
        if sample is not None and crime_type == "all_crime":
            # "116 were not recorded" after "of these 354 were recorded" (of 470): the rest of that sample.
            crime_type, year = sample["crime_type"], sample["year"]
        return make_finding(
            "unrecorded_count", sent, [ent],
            force=force, crime_type=crime_type, value=int(value), per_year=per_year,
            qualifier=ctx.qualifier(fig, scope, fig.norm.get("qualifier", "exact")), year=year,
        )


    _AND = (["and"], [",", "and"], [","])

    @staticmethod
    def _coordinated(ctx: LinkContext, sent: Sentence, figs: list[Figure], fig: Figure, last: dict[str, Any],
                     scope_start: int) -> bool:
        """A second count joined to the last one by "and", each with a crime type of its own ("fails to
        record roughly 1,100 sexual offences annually and close to 3,000 domestic abuse crimes") or
        each a force's ("Kent and Essex failed to record 4,000 and 7,600 crimes respectively"): two
        statements, not a breakdown."""
        counts = [f for f in figs if f.end <= fig.start and f.ent.label == "COUNT"]
        if not counts or [counts[-1].ent.start_char, counts[-1].ent.end_char, "COUNT"] != last["entities"][0]:
            return False
        crime_type = ctx.crime_type_for(sent, fig.start, fig.end, scope_start)
        respective = bool(ctx.m.find("respectively", sent.start, sent.end))
        if not respective and ("all_crime" in (crime_type, last["crime_type"]) or crime_type == last["crime_type"]):
            return False
        covered = {i for e in sent.of("CRIME_TYPE") for i in range(e.start, e.end)}
        for s_, e_ in ctx.m.find("per_year", counts[-1].end, fig.start):
            covered.update(range(s_, e_))
        between = [ctx.view.lower[i] for i in range(counts[-1].end, fig.start) if i not in covered]
        return between in UnrecordedCountRule._AND

    @staticmethod
    def _listed_part(ctx: LinkContext, sent: Sentence, figs: list[Figure], fig: Figure) -> bool:
        """The figure opens a list of parts ("including 1,400 ...", "of which 900 ...") or continues
        one ("... violent crimes and 300 sexual offences"): an earlier part, its crime type, then "and" or ",".
        Not "of those 1,024 crimes", which names the whole again."""
        if ctx.m.precedes("part_list_openers", fig.start, 1) is not None:
            return True
        if not ctx.listed_parts:
            return False  # no list of parts found so far to continue
        before = [f for f in figs if f.end <= fig.start]
        if not before or before[-1].start not in ctx.listed_parts or ctx.view.lower[fig.start - 1] not in ("and", ","):
            return False
        gap = (before[-1].end, fig.start - 1)
        return any((e.start, e.end) == gap for e in sent.of("CRIME_TYPE"))

    @staticmethod
    def _vague_parent(ctx: LinkContext, sent: Sentence, figs: list[Figure], fig: Figure) -> dict[str, Any] | None:
        """An unrecorded count too vague to be a finding ("failing to record thousands of crimes"), as the
        whole that a listed part belongs to; None when the nearest earlier count is not one."""
        counts = [f for f in figs if f.end <= fig.start and f.ent.label == "COUNT"]
        if not counts or counts[-1].norm.get("form") != "vague":
            return None
        whole = counts[-1]
        scope = ctx.scope(sent, figs, whole)
        if ctx.polarity(sent, whole, scope, local_only=True) != "neg":
            return None
        _, scope_end = scope
        return {"type": "unrecorded_count", "per_year": ctx.per_year(whole, scope_end)}


class GradeRule(LinkRule):
    """'rated as inadequate'; 'rated two forces – Thames Valley and North Yorkshire – as inadequate'."""

    finding_type = "grade"
    _LIST_JOINERS = {",", "and", "&", "–", "-", "—"}

    def find(self, ctx: LinkContext) -> Iterator[dict[str, Any]]:
        view, cues = ctx.view, ctx.cues
        areas, area_cues = cues.data["areas"], self._area_cues(cues)
        for sent in ctx.with_label.get("GRADE", []):
            grades = sent.of("GRADE")
            if sent.national:
                continue
            general = not sent.forces and "forces" in view.lower[sent.start : sent.end]
            if general:
                continue
            figs = sent.figures
            if len({g.kb_id for g in grades}) >= 3 and grades[-1].end - grades[0].start <= 12:
                continue  # "outstanding, good, requires improvement or inadequate": the scale itself
            for k, grade in enumerate(grades):
                # "could be rated inadequate if ...", "is no longer inadequate", "has never been rated outstanding"
                if ctx.m.precedes("hypothetical", grade.start, 4) is not None or ctx.m.precedes("negations", grade.start, 3) is not None:
                    continue
                # "inadequate for recording data about crime and for responding to the public": one per area.
                stop = grades[k + 1].start if k + 1 < len(grades) else sent.end
                found_areas = self._areas_after(view.lower, area_cues, areas, grade.end, stop)
                if not found_areas:
                    found_areas = self._area_before(ctx, area_cues, areas, grade, grades[k - 1].end if k else sent.start)
                years = [ctx.year_for(sent, figs, grade)]
                earlier = self._same_grade_before(ctx, sent, grade)
                if earlier is not None and earlier not in years:
                    years.append(earlier)
                for force in self._forces(ctx, sent, grade):
                    for area in dict.fromkeys(found_areas or [DEFAULT_AREA]):
                        for year in years:
                            yield make_finding("grade", sent, [grade], force=force, area=area, grade=grade.kb_id, year=year)

    @staticmethod
    def _areas_after(lower: list[str], area_cues: PhraseSet, areas: dict[str, str], start: int, stop: int) -> list[str]:
        """The areas named after a grade, from ``start`` up to ``stop`` or the word "adequate".

        Only a word that begins an area's name is looked up further: most words in the
        stretch (often up to the sentence's end) begin none."""
        found: list[str] = []
        first_words = area_cues.first_words
        i = start
        while i < stop and lower[i] != "adequate":
            length = area_cues.match_at(lower, i) if lower[i] in first_words else 0
            if length:
                found.append(areas[" ".join(lower[i : i + length])])
                i += length
            else:
                i += 1
        return found

    @staticmethod
    def _same_grade_before(ctx: LinkContext, sent: Sentence, grade: Ent) -> int | None:
        """'graded the force as requires improvement, the same rating it received in 2016': the year
        of that earlier grade, a finding of its own."""
        following = [g.start for g in sent.of("GRADE") if g.start >= grade.end]
        # Past the area it is for ("requires improvement for recording data about crime – the same grade ...").
        same = ctx.m.find("same_grade", grade.end, min([grade.end + 12, sent.end, *following]))
        if not same:
            return None
        after = same[0][1]
        for date in sent.of("DATE"):
            if after <= date.start <= after + 6:
                return ctx.norm(date).get("year")
        return None

    _AREA_TO_GRADE = {"–", "-", "—", ":", "was", "were", "is", "are", "rated", "graded", "as", "'", "‘", "’", '"', "“"}

    def _area_before(self, ctx: LinkContext, area_cues: PhraseSet, areas: dict[str, str], grade: Ent, floor: int) -> list[str]:
        """A PEEL list line, "Preventing crime – good" or "Investigating crime: requires improvement"."""
        lower = ctx.view.lower
        i = grade.start
        while i > floor and grade.start - i < 3 and lower[i - 1] in self._AREA_TO_GRADE:
            i -= 1
        if i == grade.start:
            return []
        length = area_cues.ends_at(lower, i)
        if not length or i - length < floor:
            return []
        return [areas[" ".join(lower[i - length : i])]]

    @staticmethod
    @lru_cache(maxsize=4)
    def _area_cues(cues: Cues) -> PhraseSet:
        return PhraseSet(list(cues.data["areas"]))

    def _forces(self, ctx: LinkContext, sent: Sentence, grade: Ent) -> list[str]:
        if not sent.forces:
            force = ctx.force_for(sent, grade.start)
            return [force] if force else []
        groups: list[list[Named]] = [[sent.forces[0]]]
        for prev, cur in zip(sent.forces, sent.forces[1:]):
            between = ctx.view.lower[prev[1] : cur[0]]
            if between and all(w in self._LIST_JOINERS for w in between):
                groups[-1].append(cur)
            else:
                groups.append([cur])
        groups = [g for g in groups if not self._modifier(ctx, sent, g)] or groups
        before = [g for g in groups if g[-1][1] <= grade.start]
        after = [g for g in groups if g[0][0] >= grade.end]
        chosen = before[-1] if before else after[0] if after else groups[-1]
        return list(dict.fromkeys(f[2] for f in chosen))

    _MODIFIER_WORDS = {"which", "who", "whose", "that", "with", "alongside", "like", "unlike", "including", "than", "as"}

    def _modifier(self, ctx: LinkContext, sent: Sentence, group: list[Named]) -> bool:
        """Forces named in a relative or comparative clause ("which shares units with X and Y")."""
        i = group[0][0] - 1
        while i >= sent.start and ctx.view.lower[i] != ",":
            if ctx.view.lower[i] in self._MODIFIER_WORDS:
                return True
            i -= 1
        return False


class OfficialRule(LinkRule):
    """A named person with a title of office in a force or the inspectorate."""

    finding_type = "official"
    _BETWEEN = {",", "the", "a", "its", "their", "'s", "’s", "'", "’", "force", "force's", "deputy", "now", "acting", "temporary",
                "who", "is", "was", "then", "took", "over", "as", "became", "succeeded", "has", "been", "appointed",
                "named", "and", "&", "former", "county", "county's", "new", "\n",
                "oversees", "leads", "heads", "serves", "runs"}  # "Roger Hirst, who oversees the force as ... commissioner"

    def find(self, ctx: LinkContext) -> Iterator[dict[str, Any]]:
        view = ctx.view
        if "ROLE" not in ctx.with_label or "PERSON" not in ctx.with_label:
            return
        found = []
        full_names: dict[str, str] | None = None
        for sent in ctx.with_label["ROLE"]:
            people = sent.of("PERSON")
            if not people:
                continue
            for role in sent.of("ROLE"):
                person = self._person_for(ctx, sent, role, people)
                if person is None:
                    continue
                organisation = self._organisation(ctx, sent, role, person)
                if organisation is None:
                    continue
                name = view.span_text(person.start, person.end)
                # "Supt Banks added": the person introduced earlier as "Superintendent Jo Banks".
                if full_names is None:
                    full_names = self._full_names(ctx)
                name = full_names.get(name, name)
                found.append(make_finding("official", sent, [person, role], person=name, role=role.kb_id, organisation=organisation))
        # "Commissioner Okonkwo said": a bare title for someone whose office the text has named.
        specific = {f["person"] for f in found if f["role"] != "other"}
        yield from (f for f in found if f["role"] != "other" or f["person"] not in specific)

    @staticmethod
    def _full_names(ctx: LinkContext) -> dict[str, str]:
        """The full name each surname, or each first name that begins only one, stands for."""
        view = ctx.view
        full_names: dict[str, str] = {}
        begun_by: dict[str, str | None] = {}  # the full name each first name begins; None if it begins several
        for sent in ctx.with_label["PERSON"]:
            for person in sent.of("PERSON"):
                name = view.span_text(person.start, person.end)
                if " " in name:
                    full_names.setdefault(view.text[person.end - 1], name)
                    first = view.text[person.start]
                    if begun_by.setdefault(first, name) != name:
                        begun_by[first] = None
        # "As your deputy PCC, Tom also chairs": a first name alone stands for the one full name it begins.
        for first, begun in begun_by.items():
            if begun is not None:
                full_names.setdefault(first, begun)
        return full_names

    def _person_for(self, ctx: LinkContext, sent: Sentence, role: Ent, people: list[Ent]) -> Ent | None:
        view = ctx.view
        for person in people:
            between = view.text[role.end : person.start]
            if person.start >= role.end and len(between) <= 3 and all(t in self._TITLES for t in between):
                return person
            if person.start >= role.end and between[:1] == ["for"] and len(between) <= 5 and ctx.place_before(person.start, 4):
                return person  # "Police and Crime Commissioner for Bedfordshire Kathryn Holloway"
            if (person.start >= role.end and between[:1] == ["for"] and between[-1:] == [","] and len(between) <= 10
                    and all(t[:1].isupper() or t in self._PLACE_JOINERS for t in between[1:])):
                return person  # "The Police and Crime Commissioner for Hampshire and the Isle of Wight, Claire Lavington"
            gap = view.text[person.end : role.start]
            if role.start >= person.end and (gap[:1] == [","] or (gap and "\n" in gap[0])) and len(gap) <= 9 and all(
                    t.lower() in self._BETWEEN or t[:1].isupper() or "\n" in t for t in gap):
                return person
        return None

    _PLACE_JOINERS = {"and", "&", "the", "of", ","}
    _TITLES = {",", ")", "(", "Sir", "Dame", "Mr", "Mrs", "Ms", "Dr", "Lord", "Baroness", "Lady", "Professor"}

    def _organisation(self, ctx: LinkContext, sent: Sentence, role: Ent, person: Ent) -> str | None:
        cues, view = ctx.cues, ctx.view
        if role.kb_id in cues.data["inspectorate_roles"]:
            return "hmicfrs"
        if role.kb_id == "other" and " ".join(view.lower[role.start : role.end]) in _word_set(cues, "non_police_offices"):
            return None
        if role.kb_id in cues.data["commissioner_roles"] or role.kb_id in cues.data["london_roles"]:
            place = ctx.place_before(role.start, 8)
            if place is None and view.lower[role.end : role.end + 1] == ["for"]:
                place = _place_ids().get(tuple(view.lower[role.end + 1 : role.end + 3])) or _place_ids().get(
                    tuple(view.lower[role.end + 1 : role.end + 2]))
            if place is not None:
                return place
        # A force named right before the title or after the appositive ("Leicestershire Ch Con", "of Kent Police").
        first = min(role.start, person.start)
        last = max(role.end, person.end)
        adjacent = [f for f in sent.forces if first - 3 <= f[1] <= first or last <= f[0] <= last + 3]
        if adjacent:
            return adjacent[0][2]
        force = ctx.force_for(sent, first)
        return force if force is not None else cues.data["london_roles"].get(role.kb_id)


RULES: tuple[type[LinkRule], ...] = (AuditSampleRule, RecordingRateRule, UnrecordedCountRule, GradeRule, OfficialRule)
