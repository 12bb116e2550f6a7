"""The inspection areas a grade is given for, as coverage names them (SCHEMA §5's closed list of area ids).

Areas are read as coordinated phrases ("conjuncts"), each giving at most one area: the first
wording of the ``areas`` table or paraphrase marker of ``area_words`` in it ("the way it
investigates offences" → investigating_crime). A conjunct with neither that reads as an area
phrase (a gerund, "how ...", "its ...") after a grading frame is an area the list lacks:
``other``. Where they stand:

- after the grade, from a frame word ("good for preventing crime and for its treatment of the
  public", "Good – in spending its budget wisely, as well as looking after ...");
- before it, as what is graded ("Preventing crime – good", "Three areas – X, Y and Z – were
  each graded ...", "Its strategic planning ... was rated 'Inadequate'");
- earlier in the sentence, when the grade refers back to them ("... earning a 'good' grade for
  each of the two");
- in the next sentence, after a grade for a number of areas ("inadequate in three of them.
  Those three included ...");
- in the question a grade answers ("How effective is the force at recording reported crime?
  Requires improvement").

A grade for areas that are counted and not named ("good in three areas") names none: no finding.
"""

from __future__ import annotations

from pipeline.ids import AREA_IDS
from pipeline.linking.cues import CUE_FILE, CueDataError, CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figures import Ent
from pipeline.linking.lexicon import Lexicon
from pipeline.linking.resolvers.polarity import asks, bulleted
from pipeline.resources import PhraseSet, json_path, tokenize_phrase
from pipeline.schema import DEFAULT_AREA

# The nouns after a grade word that name it ("its one good grade was for ..."): a copula may follow them.
_GRADE_NOUNS = frozenset({"grade", "grades", "rating", "ratings"})
# Before "requires improvement", these make it the grade's name, not the verb said of a subject ("moved from requires
# improvement to adequate").
_GRADE_NAMING_PREPOSITIONS = frozenset({"from", "to", "of"})
# A copula right after these has the subject of the clause before ("... in 2018 and is now good").
_ELIDED_SUBJECT_JOINERS = frozenset({"and", "but"})

CUE_READS = CueReads(words=("area_frames", "grade_trailers", "area_joiners", "area_determiners", "area_stops", "clause_verbs",
                            "subject_pronouns", "subject_bounds", "possessives", "non_area_words", "area_counters", "area_nouns", "area_to_grade", "rating_verbs",
                            "list_marks", "bullets", "empty_list_words", "quote_marks", "copulas", "neutral_subjects", "negated_subjects", "area_list_openers", "area_list_verbs",
                            "report_words", "bare_count_words", "relative_openers", "overall_words"),
                     phrases=("area_joiner_phrases", "area_appositions", "page_furniture_lines", "area_backrefs", "area_single_backrefs", "area_frame_phrases", "fronted_areas"), tables=("areas", "area_words"),
                     anywhere=("wider_inspection", "plural_forces"))

UNNAMED = None  # the grade is for areas it does not name (or is no rating): no finding
_STRETCH_MOST = 40  # tokens after a grade read for its areas
_REPORT_NAME_MOST = 4  # tokens before a report's word in which its area is named ("the legitimacy report found")
_ASIDE_MARKS = frozenset({",", "–", "—"})  # marks that close an aside between a subject and its grade
_SUBJECT_ASIDE_MOST = 16  # tokens of an aside between a subject and its grade ("– whether it treats ... fairly –")
_ASIDE_MOST = 10  # tokens of an aside between a report and its rating verb ("report, published in November 2015, had rated")
_AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "is", "also", "then"})
_SECTION_SENTENCES_MOST = 6  # sentences read back for the inspection a section is about
_CRIME_RECORDING_AREA = "crime_data_integrity"
_SUBJECT_MOST = 30  # tokens before a grade read for the areas it is said of
_GERUND_LEAST = 6  # a gerund is a word ending in "ing" at least this long ("being" is not one: non_area_words)
_LIST_VERB_WITHIN = 4  # tokens at the opening of the next sentence that may hold "included", "were", ":"
_POSSESSIVE_WITHIN = 4  # tokens at a subject's opening that may hold its possessive ("its", "the force's")
_COUNT_DIGITS_MOST = 2  # "in 12 areas" counts areas; "in 2019" is a year
_COUNT_MOST = 6  # tokens of a count of areas ("each of the nine areas")
_FIGURES = ("PERCENT", "COUNT")
_PHRASE_MOST = 5  # the longest back-reference or fronting phrase ("on the question of")
_HEAD_MOST = 3  # the opening words of a phrase that show it is no area
_NOT_AREAS = ("FORCE", "INSPECTORATE", "PERSON", "ROLE", "PERCENT", "COUNT", "DATE")  # what no area phrase holds
_CDI_QUESTIONS = frozenset({"recording_reported_crime", "systems_and_processes", "leadership_and_culture"})
_RELATIVE_AREAS_MOST = 12  # tokens before a grade in which "areas where" opens the clause it stands in
_TABLE_GRADES_LEAST = 2  # capitalised grades on one line, each over its area names: a judgement table run into a line
_GROUPED_GRADES_LEAST = 3  # grade lines of a judgement table with a line per cell, grouped by grade
_BULLET_AREA_MOST = 8  # words of a bullet line under a grade heading that names an area ("• Treatment of the public")
_TABLE_ROW_MOST = 16  # tokens of a judgement table's row naming an area the list does not
_WHERE_MOST = 6  # tokens before a grade in which the "where" opening its clause stands ("..., where it requires")
_AREA_WORDS_MOST = 8  # tokens of an area's wording ending at a comma
_VERB_GRADE = "requires_improvement"  # a grade said as a verb ("its handling of calls requires improvement")


def _line_words(doc: LinkDoc, line: Sentence, skip: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The first and past-the-last tokens of a line's words: whitespace and marks in ``skip`` at either end, and a
    closing colon, left out (the sentencizer leaves the next line's bullet at the end of this one: "Good\n•")."""
    lower, start, end = doc.lower, line.start, line.end
    while start < end and (not lower[start].strip() or lower[start] in skip):
        start += 1
    while end > start and (not lower[end - 1].strip() or lower[end - 1] == ":" or lower[end - 1] in skip):
        end -= 1
    return start, end


def alone_on_line(doc: LinkDoc, sent: Sentence, grade: Ent) -> bool:
    """The grade is all its line holds, but for whitespace, bullets before it and a colon after it."""
    start, end = _line_words(doc, sent, skip=doc.words["bullets"])
    return start == grade.start and end == grade.end


def area_tables(lexicon: Lexicon) -> tuple[dict[str, str], dict[str, str]]:
    """The ``areas`` and ``area_words`` tables, every id checked against SCHEMA's closed list (at load)."""
    tables = lexicon.cues.tables
    problems = [(json_path(["tables", name, "map", phrase]), f"{area!r} is not one of SCHEMA §5's area ids")
                for name in ("areas", "area_words") for phrase, area in tables[name].items() if area not in AREA_IDS]
    if problems:
        raise CueDataError(CUE_FILE, problems)
    return tables["areas"], tables["area_words"]


class AreaReader:
    """Reads the areas of a grade from the phrasing around it; the words it needs come from the cue data."""

    def __init__(self, lexicon: Lexicon) -> None:
        wordings, markers = area_tables(lexicon)
        # Every "and" of a wording may be written "&" ("Leadership & culture: good", "Systems & processes").
        wordings = {**wordings, **{p.replace(" and ", " & "): a for p, a in wordings.items() if " and " in p}}
        self.wordings = PhraseSet(list(wordings))
        self.phrases = PhraseSet(list(wordings) + list(markers))  # wordings first: the longest match wins
        self.ids = {tokenize_phrase(p): a for p, a in markers.items()}
        self.ids.update({tokenize_phrase(p): a for p, a in wordings.items()})

    # -- the pieces ------------------------------------------------------------------------------------------
    def match(self, doc: LinkDoc, i: int) -> tuple[int, str | None]:
        """The area wording or marker starting at token ``i``: its length and id (0, None if none)."""
        length = self.phrases.match_at(doc.lower, i)
        return (length, self.ids[tuple(doc.lower[i : i + length])]) if length else (0, None)

    def in_crime_recording_section(self, doc: LinkDoc, sent: Sentence) -> bool:
        """The nearest sentence at or before ``sent`` (within a few) that names an inspection names crime data integrity
        rather than PEEL ("46/16 HMIC CRIME DATA INTEGRITY INSPECTION OF SURREY POLICE ... HMIC had graded the force as
        requires improvement overall"): an overall grade there is crime recording's, whatever else the page covers."""
        for back in range(_SECTION_SENTENCES_MOST):
            if sent.index - back < 0:
                return False
            line = doc.sentences[sent.index - back]
            if doc.cues.within("wider_inspection", line.start, line.end):
                return False
            if any(self.match(doc, i)[1] == _CRIME_RECORDING_AREA for i in range(line.start, line.end)):
                return True
        return False

    def _joiner(self, doc: LinkDoc, i: int) -> int:
        """The length of a joiner of conjuncts at ``i`` (",", "and", "as well as"), 0 if none."""
        lower = doc.lower
        if lower[i] in doc.words["area_joiners"]:
            return 1
        for length in (3, 2):
            if tuple(lower[i : i + length]) in doc.phrases["area_joiner_phrases"]:
                return length
        return 0

    @staticmethod
    def _gerund(word: str) -> bool:
        return len(word) >= _GERUND_LEAST and word.endswith("ing") and word.isalpha()

    def _opener(self, doc: LinkDoc, i: int) -> str | None:
        """What begins a conjunct at ``i``: 'frame' (for, in, at, on), 'area' (a wording or marker), 'phrase' (a gerund,
        "how", a determiner: an area phrase, or not), or None (no area)."""
        word, words = doc.lower[i], doc.words
        if word in words["area_frames"]:
            return "frame"
        if self.phrases.match_at(doc.lower, i):
            return "area"
        if word in words["area_determiners"] or (self._gerund(word) and word not in words["non_area_words"]):
            return "phrase"
        return None

    def _area_like(self, doc: LinkDoc, sent: Sentence, start: int, end: int) -> bool:
        """Tokens [start, end) read as an area phrase that names no known area ("its service to victims"), not as a
        time, a report, a number or a pronoun ("its own report", "the first time", "2019", "it"), nor a lone gerund
        shared with the conjunct after it ("building, supporting and protecting the workforce")."""
        lower, words = doc.lower, doc.words
        k = start
        while k < end and lower[k] in words["area_determiners"]:
            k += 1
        if k >= end or not lower[k].isalpha() or end - start == 1 and self._gerund(lower[k]):
            return False
        first = lower[k]
        if (first in words["area_counters"] or first in words["subject_pronouns"] or first in words["area_nouns"]
                or not doc.is_lower_word(k)):
            return False  # a count, a pronoun, or a name ("in the East of England")
        non_area = words["non_area_words"]
        head = range(k, min(end, k + _HEAD_MOST))  # "its own report"; not "its handling of rape reports"
        return not any(lower[j] in non_area for j in head) and not self._holds_entity(sent, k, end, _NOT_AREAS)

    @staticmethod
    def _holds_entity(sent: Sentence, start: int, end: int, labels: tuple[str, ...] | None = None) -> bool:
        """An entity (of ``labels``, else of any label) starts within tokens [start, end) of the sentence."""
        for label, ents in sent.by_label.items():
            if labels is None or label in labels:
                if any(start <= e.start < end for e in ents):
                    return True
        return False

    def _clause_verb(self, doc: LinkDoc, i: int, start: int) -> bool:
        """A finite verb at ``i`` that opens a clause of its own ("its effectiveness report is due"), not one after a
        pronoun inside an area phrase ("the way it is recording crime")."""
        return doc.lower[i] in doc.words["clause_verbs"] and (i == start or doc.lower[i - 1] not in doc.words["subject_pronouns"])

    # -- conjuncts -------------------------------------------------------------------------------------------
    def conjuncts(self, doc: LinkDoc, sent: Sentence, start: int, stop: int, other: bool,
                  markers: bool = True) -> tuple[list[str], int]:
        """The areas of the coordinated phrases in tokens [start, stop), and where the last one read ends.

        ``other``: a phrase that names no known area is ``other``. ``markers``: paraphrase markers count (else
        only the table's wordings). The first phrase that is no area ends the reading ("in its latest inspection");
        a phrase after the first must open like an area, and names ``other`` only after a frame word ("..., and in
        treating the public fairly"): a participle clause (", having judged it inadequate", ", recording 96 per cent")
        or the subject of a clause of its own ("and effectiveness was rated ...") is no area."""
        lower, stops = doc.lower, doc.words["area_stops"]
        found: list[str] = []
        end = start
        i, first = start, True
        while i < stop:
            opener = self._opener(doc, i)
            if not first and opener is None:
                break
            if opener == "frame":
                i += 1
            begin, area, clause = i, None, False
            while i < stop and lower[i] not in stops and not self._joiner(doc, i):
                if self._clause_verb(doc, i, begin):
                    clause = True
                    break
                if area is None:
                    length, area = self.match(doc, i)
                    if area is not None and not markers and not self.wordings.match_at(lower, i):
                        area = None
                    if length:
                        i += length
                        continue
                i += 1
            if clause and not first:
                break
            if area is not None and (first or not self._holds_entity(sent, begin, i, _FIGURES)):
                found.append(area)
                end = i
            elif other and (first or opener == "frame") and self._area_like(doc, sent, begin, i):
                found.append("other")
                end = i
            elif i - begin == 1 and self._gerund(lower[begin]):
                pass  # "building, supporting and protecting the workforce": shares the phrase after it
            else:
                break
            if not clause and found and i < stop and lower[i] == ";" and (after := self._area_after_semicolon(doc, i, stop)):
                i, first = after, False  # "police powers and public treatment; preventing and deterring crime; ..."
                continue
            if clause or i >= stop or lower[i] in stops:
                break
            if area is not None or found:
                first = False
            while i < stop and (joined := self._joiner(doc, i)):
                i += joined
        return found, end

    def _area_after_semicolon(self, doc: LinkDoc, semicolon: int, stop: int) -> int | None:
        """Where the next item of a list of areas separated by semicolons starts (after an "and"), if it names an area
        of the table; else None: a semicolon ends the areas of a grade unless the list goes on with one."""
        j = semicolon + 1
        if j < stop and doc.lower[j] == "and":
            j += 1
        return j if j < stop and self.match(doc, j)[1] is not None else None

    # -- where the areas stand -------------------------------------------------------------------------------
    def after(self, doc: LinkDoc, sent: Sentence, grade: Ent, stop: int) -> tuple[list[str] | None, int]:
        """The areas named after a grade, up to ``stop``: a list (empty: none named), or UNNAMED for counted areas
        ("good in three areas") that no apposition names; and where the reading ended."""
        lower, words = doc.lower, doc.words
        stop = min(stop, grade.end + _STRETCH_MOST)
        i, trailers, copulas = grade.end, words["grade_trailers"], words["copulas"]
        # "a 'good' grade for", "Good – in ...", "good, particularly for ..." (a comma only before another trailer),
        # "its one good grade was for ..." (a copula only after the grade's noun)
        while i < stop and (lower[i] in trailers or lower[i] == "," and i + 1 < stop and lower[i + 1] in trailers
                            or lower[i] in copulas and i > grade.end and lower[i - 1] in _GRADE_NOUNS):
            i += 1
        if i < stop and (framed := _phrase_at(doc, "area_frame_phrases", i)):
            return self.conjuncts(doc, sent, i + framed, stop, other=True)  # "when it comes to answering calls ..."
        if (i + 1 < stop and lower[i] in ("are", "were") and grade.start >= 2
                and lower[grade.start - 1] in words["rating_verbs"] and lower[grade.start - 2] in words["area_nouns"]):
            # "The four areas graded adequate are police powers and public treatment; preventing and deterring crime; ..."
            return self.conjuncts(doc, sent, i + 1, stop, other=True)
        if i >= stop or lower[i] not in words["area_frames"]:
            return [], grade.end
        k = i + 1
        if _phrase_at(doc, "area_single_backrefs", k):
            # "rated inadequate in that area": the area named last, in this sentence or the one before
            return self.last_named(doc, sent, grade), k
        backref = _phrase_at(doc, "area_backrefs", k)
        while k < stop and lower[k] in words["area_determiners"]:
            k += 1
        if backref:
            # "for both its leadership and culture and its systems ...", "for each of the three questions: X; Y; Z"
            found, end = self.conjuncts(doc, sent, i, stop, other=False)
            if found:
                return found, end
            if self._counts_areas(doc, k, stop) and (counted := self._counted(doc, sent, k, stop))[0]:
                return counted
            return self.before_in_sentence(doc, sent, grade), k
        if self._counts_areas(doc, k, stop):
            return self._counted(doc, sent, k, stop)
        return self.conjuncts(doc, sent, i, stop, other=True)

    def _counts_areas(self, doc: LinkDoc, k: int, stop: int) -> bool:
        """A number of areas starts at ``k``: counting words ("three", "a number of", "each of the nine", "12") that end
        on an area noun or the end of the phrase ("in three areas", "in four and ...", "in several."), not a
        superlative or a year ("in its most recent inspection", "in 2019")."""
        lower, words = doc.lower, doc.words
        counters, skip = words["area_counters"], words["area_determiners"]
        i, counted = k, False
        while i < stop and i < k + _COUNT_MOST:
            word = lower[i]
            if word in counters or (word.isdigit() and len(word) <= _COUNT_DIGITS_MOST):
                counted = True
            elif word != "of" and word not in skip:
                break
            i += 1
        if not counted:
            return False
        return i >= stop or lower[i] in words["area_nouns"] or lower[i] in words["area_stops"] or bool(self._joiner(doc, i))

    def _counted(self, doc: LinkDoc, sent: Sentence, k: int, stop: int) -> tuple[list[str] | None, int]:
        """Areas counted, not named ("in three areas", "in two of them"): only those an apposition names ("..., one
        of them the way it records crime", "..., including how it responds to the public")."""
        lower, stops = doc.lower, doc.words["area_stops"]
        i = k
        while i < stop and lower[i] not in stops and not self._joiner(doc, i):
            i += 1
        for length in (4, 3, 2, 1):
            if tuple(lower[i : i + length]) in doc.phrases["area_appositions"]:
                found, end = self.conjuncts(doc, sent, i + length, stop, other=True)
                if lower[i] == ":":
                    found, end = self._semicolon_list(doc, sent, found, end, stop)
                return (found or UNNAMED), end
        return UNNAMED, i

    def _semicolon_list(self, doc: LinkDoc, sent: Sentence, found: list[str], end: int, stop: int) -> tuple[list[str], int]:
        """The items after the first of a list that a colon opens and semicolons divide ("each of the three questions:
        how effective it is at recording reported crime; its systems and processes; and its leadership and
        culture"): each item is read like the first."""
        lower, joiners = doc.lower, doc.words["area_joiners"]
        while found and end < stop:
            i = end
            while i < stop and lower[i] != ";" and lower[i] not in doc.words["area_stops"]:
                i += 1  # the rest of the item last read ("... at recording reported crime")
            if i >= stop or lower[i] != ";":
                break
            i += 1
            while i < stop and lower[i] in joiners:
                i += 1
            more, read_to = self.conjuncts(doc, sent, i, stop, other=True)
            if not more:
                break
            found, end = found + more, read_to
        return found, end

    def before_in_sentence(self, doc: LinkDoc, sent: Sentence, grade: Ent) -> list[str] | None:
        """The areas named earlier in the sentence, which a back-reference grades ("for each of the two", "in both
        areas"): every wording or marker before the grade; UNNAMED if there are none."""
        return self._named_between(doc, sent.start, grade.start) or UNNAMED

    def _named_between(self, doc: LinkDoc, start: int, end: int) -> list[str]:
        """The areas whose wordings or markers start in tokens [start, end), in order, each once."""
        found, i = [], start
        while i < end:
            length, area = self.match(doc, i)
            if area is not None:
                found.append(area)
                i += length
            else:
                i += 1
        return list(dict.fromkeys(found))

    def last_named(self, doc: LinkDoc, sent: Sentence, grade: Ent) -> list[str] | None:
        """The one area named last before the grade, in its sentence or else the sentence before; UNNAMED if none."""
        named = self._named_between(doc, sent.start, grade.start)
        if not named and sent.index > 0:
            before = doc.sentences[sent.index - 1]
            named = self._named_between(doc, before.start, before.end)
        return named[-1:] or UNNAMED

    def where_before(self, doc: LinkDoc, sent: Sentence, grade: Ent) -> list[str]:
        """"rated good in every area except protecting vulnerable people, where it requires improvement": a grade in a
        "where" clause is of the area right before the clause's comma."""
        lower = doc.lower
        where = next((j for j in range(grade.start - 1, max(sent.start, grade.start - _WHERE_MOST) , -1)
                      if lower[j] == "where"), None)
        if where is None or where - 1 <= sent.start or lower[where - 1] != ",":
            return []
        comma = where - 1
        for j in range(comma - 1, max(sent.start - 1, comma - _AREA_WORDS_MOST - 1), -1):
            length, area = self.match(doc, j)
            if area is not None and j + length == comma:
                return [area]
        return []

    def before(self, doc: LinkDoc, sent: Sentence, grade: Ent, floor: int) -> list[str] | None:
        """The areas a grade is said of before it ("Preventing crime – good", "X, Y and Z, which were all judged to be
        good", "Its strategic planning ... was rated 'Inadequate'", "rated Devon and Cornwall's crime recording as
        requires improvement"): a list (empty: the subject is a force or says nothing of an area), or UNNAMED when
        the subject counts areas, denies them, or is described rather than graded ("the force's service to victims
        is inadequate")."""
        lower, words = doc.lower, doc.words
        floor = max(floor, grade.start - _SUBJECT_MOST)
        i, rated, comma, copula = grade.start, False, False, False
        while i > floor and (lower[i - 1] in words["area_to_grade"]
                             or (lower[i - 1] == "of" and i - 2 > floor and lower[i - 2] in ("both", "all", "each"))):
            word = lower[i - 1]
            # "..., both of which were also said to require improvement": said to be graded
            rated = rated or word in words["rating_verbs"] or word in words["list_marks"] or (word == "said" and lower[i] == "to")
            copula = copula or word in words["copulas"]
            comma = comma or word == ","
            i -= 1
        s = i - 1  # the subject's last token
        if s < floor:
            return []
        if lower[i] in _ASIDE_MARKS:
            s = self._past_aside(doc, i, s, floor)  # "Its efficiency, graded last October, was good"
        if self._neutral(doc, sent, s):
            return self._report_area(doc, sent, s, floor)
        if copula and lower[s] in _ELIDED_SUBJECT_JOINERS:
            return []  # "Kent Police was rated inadequate in 2018 and is now good": the subject is the first clause's
        if lower[s] in words["area_nouns"]:
            return UNNAMED  # "Two of its nine graded areas were inadequate"
        if (lower[s].isdigit() or lower[s] in words["bare_count_words"]) and (s == floor or not lower[s - 1].isalpha() or lower[s - 1] == "and"):
            return UNNAMED  # "Of the nine questions we graded, six were judged good": a count of areas left unnamed
        r = self._region_start(doc, sent, s, floor)
        if comma and r - 2 >= floor and lower[r - 1] in words["relative_openers"] and lower[r - 2] == ",":
            s = r - 3  # "Its leadership and culture, which drive accurate crime recording, were rated good"
            if s < floor or self._neutral(doc, sent, s):
                return []
            r = self._region_start(doc, sent, s, floor)
        if lower[r] in words["negated_subjects"]:
            return UNNAMED  # "No part of the force's work was graded outstanding"
        if ((lower[r].isdigit() or lower[r] in words["bare_count_words"]) and lower[r] != "one"
                and doc.cues.within("plural_forces", r, s + 1)):
            # "Two of the other forces inspected this year were rated good": forces counted, not the force's areas; not
            # "one of the few forces in the north to be graded good"
            return UNNAMED
        rated = rated or (r > floor and lower[r - 1] in words["rating_verbs"])  # "rated X's crime recording as ..."
        possessive = any(lower[j] in words["possessives"] for j in range(r, min(r + _POSSESSIVE_WITHIN, s + 1)))
        found, _ = self.conjuncts(doc, sent, r, s + 1, other=rated and possessive, markers=rated)
        if found:
            return list(dict.fromkeys(found))
        # Said of something with "is", or with the verb "requires improvement" itself: described, not rated.
        if not rated and lower[s].isalpha() and (copula or (i == grade.start and grade.kb_id == _VERB_GRADE
                                                            and lower[grade.start - 1] not in _GRADE_NAMING_PREPOSITIONS)):
            return UNNAMED  # (not "moved from requires improvement to adequate": after a preposition it names the grade)
        return []

    @staticmethod
    def _past_aside(doc: LinkDoc, close: int, s: int, floor: int) -> int:
        """The subject's last token before an aside that the mark at ``close`` ends, when the aside opens on a past
        participle or "whether" ("Its efficiency, graded last October, was good", "its legitimacy – whether it treats
        the public and its own workforce fairly – requires improvement"); else ``s``."""
        lower = doc.lower
        opening = next((m for m in range(close - 1, max(floor, close - _SUBJECT_ASIDE_MOST), -1) if lower[m] == lower[close]),
                       None)
        if opening is None or opening - 1 < floor or opening + 1 >= close:
            return s
        first = lower[opening + 1]
        return opening - 1 if first == "whether" or (first.endswith("ed") and first.isalpha()) else s

    def _report_area(self, doc: LinkDoc, sent: Sentence, s: int, floor: int) -> list[str]:
        """'the legitimacy report found the force to be good', 'HMIC's efficiency inspection rated Kent Police good':
        the force is graded by a report that names its area just before its word for report and the rating verb."""
        lower, words = doc.lower, doc.words
        j = next((f.start for f in sent.of("FORCE") if f.start <= s < f.end), s)
        while j > floor and lower[j - 1] in ("the", "this", "our", "its"):
            j -= 1
        k = j - 1  # the rating verb
        if k - 1 <= floor or lower[k] not in words["rating_verbs"]:
            return []
        r = k - 1  # the word for report: past an auxiliary ("had rated") and an aside ("report, published in February, had")
        while r > floor and lower[r] in _AUXILIARIES:
            r -= 1
        if lower[r] == ",":
            opening = next((m for m in range(r - 1, max(floor, r - _ASIDE_MOST), -1) if lower[m] == ","), None)
            if opening is not None:
                r = opening - 1
        if r <= floor or lower[r] not in words["report_words"]:
            return []
        return self._named_between(doc, max(floor, r - _REPORT_NAME_MOST), r)[-1:]

    def _neutral(self, doc: LinkDoc, sent: Sentence, s: int) -> bool:
        """The subject ends in a force, an anaphor of one, or a word for the grade itself ("its rating was good")."""
        if doc.lower[s] in doc.words["neutral_subjects"]:
            return True
        return any(f[0] <= s < f[1] for f in sent.forces) or any(e.start <= s < e.end for e in sent.of("FORCE"))

    @staticmethod
    def _region_start(doc: LinkDoc, sent: Sentence, s: int, floor: int) -> int:
        """Where the subject ending at ``s`` begins: after the nearest clause stop, finite verb or subject bound
        before it ("told that its crime recording requires improvement"), or after a force or a date named in it
        ("Devon and Cornwall's crime recording", "in 2015, effectiveness"), joiners and possessives passed over."""
        lower, words = doc.lower, doc.words
        stops, verbs, bounds = words["area_stops"], words["clause_verbs"], words["subject_bounds"]
        r = s
        while r > floor and lower[r - 1] not in stops and lower[r - 1] not in verbs and lower[r - 1] not in bounds:
            r -= 1
        for named in sent.of("FORCE") + sent.of("DATE"):
            if r <= named.end - 1 < s:
                r = named.end  # "Devon and Cornwall's crime recording", "Last time, in 2015, effectiveness was graded"
        while r < s and (lower[r] in words["area_joiners"] or (lower[r] in words["possessives"] and not lower[r].isalpha())):
            r += 1
        return r

    def question_before(self, doc: LinkDoc, sent: Sentence, grade: Ent) -> list[str]:
        """A grade opening its sentence after a question that names an area: a CDI report's question and its answer
        ("How effective is the force at recording reported crime? Requires improvement"); only the table's wordings."""
        if sent.index == 0 or any(doc.lower[i].isalnum() for i in range(sent.start, grade.start)):
            return []  # only a bullet or a line break may stand before the answer
        prev = doc.sentences[sent.index - 1]
        if self._heads_questions(doc, sent):
            return []  # the grade heads the questions under it (``questions_below``), it answers none above
        return self._question_areas(doc, prev)

    def _question_areas(self, doc: LinkDoc, line: Sentence) -> list[str]:
        """The table's wordings in a line that is a question ("How effective is the force at recording reported
        crime?"); none when the line asks nothing."""
        if not asks(doc, line):
            return []
        lower = doc.lower
        found, i = [], line.start
        while i < line.end:
            length = self.wordings.match_at(lower, i)
            if length:
                wording = tuple(lower[i : i + length])
                # "How effective is the force at tackling serious and organised crime?": a question under the pillar,
                # which asks about its own area (the pillar's own question names what it covers, or the pillar alone)
                if not (wording[:1] == ("how",) and wording[-2:] == ("the", "force") and i + length < line.end - 1
                        and lower[i + length] in ("at", "in")):
                    found.append(self.ids[wording])
                i += length
            else:
                i += 1
        if not _CDI_QUESTIONS.isdisjoint(found):
            # "How well do the force's systems and processes support accurate crime recording?": the question's own
            # area; the crime recording it serves is the overall judgement's
            found = [a for a in found if a != DEFAULT_AREA]
        if not found and lower[line.start] == "how":
            # a PEEL question in its own words ("How well does the force use its resources?", "How well is the force
            # planning for the future?"): its paraphrase markers, else an area of its own (`other`)
            found = self._named_between(doc, line.start, line.end)[-1:] or ["other"]
        return list(dict.fromkeys(found))

    def _heads_questions(self, doc: LinkDoc, sent: Sentence) -> bool:
        """The grade line stands in a block of grade lines and questions that opens on a grade and closes on a
        question ("The force's grades were:", then "Requires improvement", a question, "Good", two questions): each
        grade heads the questions under it. A block that closes on a grade is a report's questions each followed by
        its answer, an overall judgement perhaps before them."""
        def kind(k: int) -> str | None:
            line = doc.sentences[k]
            if self._question_areas(doc, line):
                return "question"
            grades = line.of("GRADE")
            return "grade" if grades and alone_on_line(doc, line, grades[0]) else None

        first = sent.index
        while first > 0 and kind(first - 1) is not None:
            first -= 1
        last = sent.index
        while last + 1 < len(doc.sentences) and kind(last + 1) is not None:
            last += 1
        return kind(first) == "grade" and kind(last) == "question"

    def questions_below(self, doc: LinkDoc, sent: Sentence, grade: Ent) -> list[str]:
        """A grade alone on its line heading the questions under it ("Requires improvement", then "How effective is
        the force at recording reported crime?"; "Good", then the questions on systems and on leadership): each
        question's area, when the block opens on a grade line (``_heads_questions``)."""
        if not alone_on_line(doc, sent, grade) or not self._heads_questions(doc, sent):
            return []
        found: list[str] = []
        for line in doc.sentences[sent.index + 1 :]:
            areas = self._question_areas(doc, line)
            if not areas:
                break
            found.extend(areas)
        return list(dict.fromkeys(found))

    def line_before(self, doc: LinkDoc, sent: Sentence, grade: Ent) -> list[str]:
        """A grade alone on its line under a line that is nothing but an area (an inspectorate page's judgement table:
        "Leadership and culture" then "Good"): that area; only the table's wordings."""
        if sent.index == 0 or not alone_on_line(doc, sent, grade):
            return []
        prev, lower = doc.sentences[sent.index - 1], doc.lower
        if bulleted(doc, prev):
            return []  # the last line of the list under the grade heading above
        start, end = _line_words(doc, prev)
        length = self.wordings.match_at(lower, start) if start < end else 0
        if length and start + length == end:
            return [self.ids[tuple(lower[start : start + length])]]
        if start >= end or lower[end - 1] in (".", "?"):
            return []
        if end - start > _BULLET_AREA_MOST:
            return self._unlisted_row(doc, sent, start, end)
        # "Preventing crime and anti-social behaviour", "Engaging with and treating the public with fairness and
        # respect": a short line that names one area, worded longer than the table's wording
        found: list[str] = []
        i = start
        while i < end:
            length, area = self.match(doc, i)
            if area is not None:
                found.append(area)
            i += max(length, 1)
        if not found:
            return self._unlisted_row(doc, sent, start, end)
        return found[:1] if len(set(found)) == 1 else []

    def _unlisted_row(self, doc: LinkDoc, sent: Sentence, start: int, end: int) -> list[str]:
        """"Strategic planning, organisational management and value for money" then "Good", between other rows of a
        judgement table: an area all the same, one SCHEMA's list does not name (`other`); not an "Overall judgement"
        row (the inspection's own grade), nor a line that names an area of the list."""
        if (end - start > _TABLE_ROW_MOST or any(doc.lower[j] in doc.words["overall_words"] for j in range(start, end))
                or any(self.match(doc, j)[1] is not None for j in range(start, end))):
            return []
        return ["other"] if self._in_judgement_table(doc, sent) else []

    @staticmethod
    def _in_judgement_table(doc: LinkDoc, sent: Sentence) -> bool:
        """The grade's line is a row of a judgement table run one cell per line: the row above (two lines up) also
        ends in a grade alone on its line, or the row below (two lines down) does."""
        for k in (sent.index - 2, sent.index + 2):
            if 0 <= k < len(doc.sentences):
                row = doc.sentences[k]
                if any(alone_on_line(doc, row, g) for g in row.of("GRADE")):
                    return True
        return False

    def listed_below(self, doc: LinkDoc, sent: Sentence, grade: Ent) -> list[str] | None:
        """A grade heading bullet lines that name areas: alone on its line ("Good", then "• Recording data about crime",
        "• Treatment of the public"), perhaps over a line that introduces the list ("Requires improvement", "The force
        needs to get better at:"), or in a line that itself opens the list ("The force is good at:", then "• writing
        down the crimes that people tell it about"): each bullet's area, by its wording or by the one area its words
        mark (``other`` for an area the list lacks); UNNAMED when the only bullet says there is none ("Inadequate",
        then "• None"), or when the grade heads a line that opens the list with the same grade (that line's reading
        gives the findings)."""
        lines = doc.sentences[sent.index + 1 :]
        if alone_on_line(doc, sent, grade):
            if lines and not bulleted(doc, lines[0]) and self.opens_list(doc, lines[0]):
                intro = lines[0].of("GRADE")
                if intro:
                    return UNNAMED if all(g.kb_id == grade.kb_id for g in intro) else []
                lines = lines[1:]  # "Requires improvement" / "The force needs to get better at:" / "• ..."
        elif not (len(sent.of("GRADE")) == 1 and self.opens_list(doc, sent)):
            return []
        lower, bullets = doc.lower, doc.words["bullets"]
        areas: list[str] = []
        nothing = False
        furniture = doc.phrases["page_furniture_lines"]
        for line in lines:
            start, end = _line_words(doc, line, skip=bullets)
            if tuple(lower[start:end]) in furniture:
                continue  # "Advertisement", "Hide Ad" scraped between two bullets
            if start >= end or not bulleted(doc, line) or line.of("GRADE"):
                break  # not a bullet line, or the next heading
            length, area = self.match(doc, start)
            if area is None:
                named = self._named_between(doc, start, end)
                area = named[0] if len(named) == 1 else None
            if area is not None:
                areas.append(area)
            elif lower[start] in doc.words["empty_list_words"]:
                nothing = True  # "• None"
            elif end - start <= _BULLET_AREA_MOST and lower[end - 1] != ".":
                areas.append("other")  # an area the list lacks, named as a list names one
            else:
                break  # a sentence, not an area: no grade heading's list
        return areas or (UNNAMED if nothing else [])

    def flattened_table(self, doc: LinkDoc, sent: Sentence, grades: list[Ent]) -> list[list[str]] | None:
        """An inspectorate page's judgement table run into one line ("Outstanding No areas Good Recording data about
        crime Managing offenders and suspects Adequate Police powers and public treatment ... Inadequate Protecting
        vulnerable people"): the areas under each grade, in order; None when the line is no such table. Every stretch
        between capitalised grades is a run of area names, each opening on a capital with an area's wording or
        marker, or says there is none ("No areas"); a lower-case word goes on the name before it."""
        if len(grades) < _TABLE_GRADES_LEAST or any(not doc.text[g.start][:1].isupper() for g in grades):
            return None
        start, end = _line_words(doc, sent, skip=doc.words["bullets"])
        if grades[0].start != start:
            return None
        text, lower = doc.text, doc.lower
        table: list[list[str]] = []
        for k, grade in enumerate(grades):
            stop = grades[k + 1].start if k + 1 < len(grades) else end
            areas: list[str] = []
            i = grade.end
            while i < stop:
                if not text[i][:1].isupper():
                    return None  # a sentence, not a row of area names
                j = i + 1
                while j < stop and not text[j][:1].isupper():
                    j += 1  # "Managing offenders and suspects", "Building, supporting and protecting the workforce"
                if lower[i] in doc.words["empty_list_words"]:
                    i = j
                    continue  # "No areas"
                named = self._named_between(doc, i, j)
                if len(named) != 1:
                    return None
                areas.append(named[0])
                i = j
            table.append(areas)
        return table

    def grouped_table(self, doc: LinkDoc) -> tuple[dict[int, list[str]], set[int]]:
        """A judgement table with a line per cell, grouped by grade ("Outstanding ⏎ None ⏎ Good ⏎ Investigating crime ⏎
        Protecting vulnerable people ⏎ Adequate ⏎ Recording data about crime ..."): the areas on the lines under each
        grade line, up to the next grade line, by the grade line's index; and every line of such tables. Such a table
        opens on a capitalised grade alone on its line that follows no area's line (where an area's line comes
        first, each grade is the area's above it: "Recording data about crime ⏎ Adequate"), and holds at least
        ``_GROUPED_GRADES_LEAST`` grade lines; every line of it is a grade, an area's name, or says there is none."""
        under: dict[int, list[str]] = {}
        lines: set[int] = set()
        graded = doc.with_label.get("GRADE", [])
        if len(graded) < _GROUPED_GRADES_LEAST:
            return under, lines  # most documents: too few grades for such a table
        sentences, done = doc.sentences, 0
        for first in graded:
            k = first.index
            if k < done or self._line_cell(doc, first)[0] != "grade" or (k and self._line_cell(doc, sentences[k - 1])[0] == "area"):
                continue
            table: dict[int, list[str]] = {}
            grade_line = end = k
            while end < len(sentences):
                kind, area = self._line_cell(doc, sentences[end])
                if kind == "grade":
                    grade_line = end
                    table[end] = []
                elif kind == "area":
                    table[grade_line].append(area)
                elif kind != "none":
                    break
                end += 1
            # every grade has a line under it, its areas or that it has none (where a grade line ends the run, each
            # grade was the area's above it: "Engaging with and treating the public ... ⏎ Good ⏎ Preventing crime ⏎ Good")
            if len(table) >= _GROUPED_GRADES_LEAST and all(g + 1 < end and g + 1 not in table for g in table):
                under.update(table)
                lines.update(range(k, end))
            done = end
        return under, lines

    def _line_cell(self, doc: LinkDoc, line: Sentence) -> tuple[str | None, str | None]:
        """What a line of a judgement table holds: ("grade", None) for a capitalised grade alone on its line, ("area",
        its id) for one area's name and nothing else, ("none", None) for "None" or "No areas"; (None, None) else."""
        grades = line.of("GRADE")
        if grades:
            alone = len(grades) == 1 and alone_on_line(doc, line, grades[0]) and doc.text[grades[0].start][:1].isupper()
            return ("grade", None) if alone else (None, None)
        start, end = _line_words(doc, line, skip=doc.words["bullets"])
        if start >= end:
            return None, None
        if doc.lower[start] in doc.words["empty_list_words"] and end - start <= 2:
            return "none", None
        # one area's name ("Managing offenders and suspects"), not a sentence: a few words, no full stop
        area = self.match(doc, start)[1]
        if (area is None or not doc.text[start][:1].isupper() or end - start > _BULLET_AREA_MOST or doc.lower[end - 1] == "."
                or len(self._named_between(doc, start, end)) != 1):
            return None, None
        return "area", area

    @staticmethod
    def opens_list(doc: LinkDoc, line: Sentence) -> bool:
        """The line ends in a colon and the next line is a bullet line ("The force is good at:" then "• ...")."""
        if doc.last_word(line, doc.words["bullets"]) != ":" or line.index + 1 >= len(doc.sentences):
            return False
        return bulleted(doc, doc.sentences[line.index + 1])

    @staticmethod
    def in_areas_relative(doc: LinkDoc, sent: Sentence, grade: Ent) -> bool:
        """'the three areas where the Inspectorate says it still requires improvement', 'the areas in which it was
        rated good': the grade in a relative clause on areas counted or referred to, not named."""
        lower, nouns = doc.lower, doc.words["area_nouns"]
        for k in range(grade.start - 1, max(sent.start, grade.start - _RELATIVE_AREAS_MOST) - 1, -1):
            word = lower[k]
            if word in (".", ";") or any(g.end == k + 1 for g in sent.of("GRADE")):
                return False
            if word == "where" and k - 1 >= sent.start and lower[k - 1] in nouns:
                return True
            if word == "which" and k - 2 >= sent.start and lower[k - 1] == "in" and lower[k - 2] in nouns:
                return True
        return False

    def headed_line(self, doc: LinkDoc, sent: Sentence, grade: Ent) -> tuple[list[str], int]:
        """A grade opening its line, then a colon or a dash and the areas it is given, one after another ("• Good:
        Recording data about crime, Preventing crime, Managing offenders and suspects"; "Requires improvement –
        Responding to the public; Protecting vulnerable people"): each area (``other`` for one the table lacks), and
        where the reading ended; nothing when the line goes on as a sentence."""
        start, end = _line_words(doc, sent, skip=doc.words["bullets"])
        lower = doc.lower
        if start != grade.start:
            return [], grade.end
        i = grade.end
        while i < end and lower[i] in doc.words["quote_marks"]:
            i += 1
        if i >= end or lower[i] not in doc.words["list_marks"] or (i + 1 < end and lower[i + 1] in doc.words["area_frames"]):
            return [], grade.end  # no list, or "Good – in preventing crime ...", which ``after`` reads
        found: list[str] = []
        read_to = i
        i += 1
        while i < end:
            more, stopped = self.conjuncts(doc, sent, i, end, other=True)
            if not more:
                break
            found += more
            read_to = i = stopped
            while i < end:
                if lower[i] in (",", ";"):
                    i += 1
                elif joined := self._joiner(doc, i):
                    i += joined
                else:
                    break
        return (list(dict.fromkeys(found)) if read_to >= end - 1 else []), read_to

    def fronted(self, doc: LinkDoc, sent: Sentence, grade: Ent) -> list[str]:
        """Areas fronted before a comma at the sentence's opening ("For preventing crime, Kent was rated outstanding",
        "When it comes to investigating crime, the force was rated good"): only the table's wordings."""
        start = sent.start
        if doc.lower[start] not in doc.words["area_frames"]:
            start += _phrase_at(doc, "fronted_areas", start)
            if start == sent.start:
                return []
        comma = next((i for i in range(start, grade.start) if doc.lower[i] == ","), None)
        if comma is None:
            return []
        found, _ = self.conjuncts(doc, sent, start, comma, other=False, markers=False)
        return list(dict.fromkeys(found))

    def named_next(self, doc: LinkDoc, sent: Sentence) -> list[str]:
        """Areas counted in one sentence and named in the next: "Those three included how it keeps at-risk children
        safe and how it deals with dangerous offenders." (only the areas named)."""
        if sent.index + 1 >= len(doc.sentences):
            return []
        nxt = doc.sentences[sent.index + 1]
        lower, words = doc.lower, doc.words
        if nxt.start >= nxt.end or lower[nxt.start] not in words["area_list_openers"]:
            return []
        for i in range(nxt.start + 1, min(nxt.start + 1 + _LIST_VERB_WITHIN, nxt.end)):
            if lower[i] in words["area_list_verbs"]:
                j = i + 1
                while j < nxt.end and lower[j] in words["area_list_verbs"]:
                    j += 1
                found, _ = self.conjuncts(doc, nxt, j, nxt.end, other=True)
                return list(dict.fromkeys(found))
        return []


def _phrase_at(doc: LinkDoc, name: str, i: int) -> int:
    """The length of the longest phrase of the ``phrases`` entry ``name`` starting at token ``i`` (0 if none)."""
    phrases = doc.phrases[name]
    for length in range(_PHRASE_MOST, 0, -1):
        if tuple(doc.lower[i : i + length]) in phrases:
            return length
    return 0
