"""Candidates the entity resolver assembles from neighbouring ones: what no single pattern covers.

Date ranges and dates with their clock time ("1 March to 31 May", "9 March, 10.30am",
"September/ October 2019"); an elliptical coordination of crime categories ("violent and
sexual crimes", ANNOTATION, dev5); two forces under one head ("Warwickshire and West Mercia
Police"); a force's acronym in brackets and its later uses ("Staffordshire Police (SP) ...
SP"). Each works on the candidates of one document, plain tuples, and looks only at the
few tokens next to them.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline._speed import TokenView
from pipeline.candidates import FORCE_PLACE, Candidate
from pipeline.patterns import with_heads

_DATE_PARTS = {"iso", "dmy", "mdy", "my", "year", "numeric"}
_YEARLIKE = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")


def assemble_dates(view: TokenView, dates_and_times: list[Candidate], date_time_joiners: frozenset[str],
                   range_joiners: frozenset[str]) -> list[Candidate]:
    """Date ranges ('1 March to 31 May'), ranges of clock times ('4pm to 7pm') and date-and-time pairs merged into one
    DATE each."""
    dates = sorted(dates_and_times, key=lambda c: (c.start, -(c.end - c.start)))
    longest: dict[int, Candidate] = {}
    for c in dates:
        if c.start not in longest:
            longest[c.start] = c
    merged: list[Candidate] = []
    for c in dates:
        for gap in (0, 1):
            other = longest.get(c.end + gap)
            if other is None:
                continue
            joiner = view.lower[c.end] if gap else ""
            if c.label != other.label and joiner in date_time_joiners:  # a DATE and a TIME
                date_id = c.id if c.label == "DATE" else other.id
                merged.append(Candidate(c.start, other.end, "DATE", date_id))
            elif gap and c.label == other.label == "DATE" and is_range(view, c, other, joiner, range_joiners):
                merged.append(Candidate(c.start, other.end, "DATE", "range"))
            elif gap and c.label == other.label == "TIME" and joiner in range_joiners and joiner != "and":
                merged.append(Candidate(c.start, other.end, "DATE", "range"))  # "from 4pm to 7pm": one span of time
    # "June 1 to August 31 last year": days or a range without a year, then the year named relative to the article
    for c in [*dates, *merged]:
        other = longest.get(c.end)
        if (other is not None and c.label == other.label == "DATE" and c.id in _DATE_PARTS | {"range"}
                and view.span_text(other.start, other.end).lower() in _RELATIVE_YEARS
                and not any(_YEARLIKE.match(view.text[i]) for i in range(c.start, c.end))):
            merged.append(Candidate(c.start, other.end, "DATE", c.id))
    return merged


_RELATIVE_YEARS = frozenset({"last year", "this year", "next year"})


def is_range(view: TokenView, first: Candidate, second: Candidate, joiner: str, range_joiners: frozenset[str]) -> bool:
    """'1 March to 31 May', 'between June and November 2017', 'between 2022 and this autumn', 'February and August 2014', 'February and
    August this year' (a month of the year named relative to the article date holds its year), 'June and July'."""
    if joiner == "and" and first.start > 0 and view.lower[first.start - 1] == "between":
        return True  # "between 2022 and this autumn": the frame makes any two dates a range (dev14)
    relative_second = second.id == "relative_month" and view.lower[second.end - 1] == "year"
    if first.id not in _DATE_PARTS or (second.id not in _DATE_PARTS and not relative_second) or joiner not in range_joiners:
        return False
    if joiner != "and":
        return True
    between = first.start > 0 and view.lower[first.start - 1] == "between"
    has_year = lambda c: any(_YEARLIKE.match(view.text[i]) for i in range(c.start, c.end))  # noqa: E731
    # "in June and July": two month names with nothing else are the months of one period (dev8)
    months = first.id == second.id == "my" and first.end - first.start == 1 and second.end - second.start == 1
    return between or months or (not has_year(first) and (relative_second or has_year(second)))


def with_force_names(view: TokenView, found: list[Candidate], forces: list[Candidate],
                     places: set[tuple[int, int, str]]) -> list[Candidate]:
    """The candidates, with a place that begins a full force name set aside and a force's bracketed
    acronym added.

    A place inside "West Mercia Police" is not a place the context rules should judge: when the
    next capital rejects it, that rejection would spread along "Warwickshire and West Mercia
    Police" to "Warwickshire" (ANNOTATION, dev5: two FORCE spans). It stays among the places, so
    it is still an area where the full name is not chosen. "Staffordshire Police (SP) ... SP must
    improve": an acronym in brackets after a force's name, made of its initials, is its own FORCE
    span (SCHEMA §1), and so is every later use of it.
    """
    starts = {c.start for c in forces}
    if places and not starts.isdisjoint(p[0] for p in places):
        found = [c for c in found if c.label != FORCE_PLACE or c.start not in starts]
    text, n = view.text, view.n
    acronyms = [(text[end + 1], id_) for start, end, _, id_ in forces
                if end + 2 < n and text[end] == "(" and text[end + 2] == ")" and is_acronym_of(text[end + 1], text[start:end])]
    if acronyms:
        # Every use of each acronym, found in one pass over the doc (not one per bracketed acronym).
        uses: dict[str, list[int]] = {acronym: [] for acronym, _ in acronyms}
        for i, word in enumerate(text):
            if word in uses:
                uses[word].append(i)
        for acronym, id_ in acronyms:
            found.extend(Candidate(i, i + 1, "FORCE", id_) for i in uses[acronym])
    return found


def is_acronym_of(token: str, name: list[str]) -> bool:
    """``token`` is a force name's acronym: its capitals, 2 to 6, the initials of the name's capitalised
    words ("SP" of "Staffordshire Police", "PSNI" of "Police Service of Northern Ireland")."""
    if not (2 <= len(token) <= 6 and token.isalpha() and token.isupper()):
        return False
    return token == "".join(word[0] for word in name if word[:1].isupper() and word.isalpha())


def elliptical_modifiers(lexicon: dict[str, Any]) -> tuple[dict[tuple[str, str], str], frozenset[str]]:
    """(modifier, head) -> category id, for the modifiers of an elliptical coordination, and its coordinators.

    "violent" with "crimes" is a category ("violent crimes") but "violent" alone is none: in "violent
    and sexual crimes" the head is shared, and the span is one, of the first-named category.
    """
    settings = lexicon.get("crime_type_heads", {})
    heads = tuple(settings.get("heads", ()))
    phrases: dict[tuple[str, ...], str] = {}
    for entry in lexicon["entries"]:
        if entry["label"] == "CRIME_TYPE":
            for phrase in with_heads(list(entry.get("phrases", [])), heads):
                phrases.setdefault(tuple(phrase.lower().split()), entry["id"])
    modifiers = {(words[0], words[1]): id_ for words, id_ in phrases.items()
                 if len(words) == 2 and words[1] in heads and (words[0],) not in phrases}
    return modifiers, frozenset(settings.get("coordinators", ()))
