"""Normalise DATE spans with dateparser, relative to the article's date.

British text: day-month order (``en-GB`` locale, ``DATE_ORDER=DMY``), and relative
expressions ("yesterday", "this month", "last year") resolve against the article
date passed as ``RELATIVE_BASE``. dateparser is called on the matched span only and
its answers are cached by (text, base). Ranges are split and each end parsed; a period
named by its length and end ("the year to June 2016") becomes the months it covers; a part
of a period ("earlier this year", "the end of 2019") is the period, and a season is its
year ("the summer of 2018"; "last winter" by the article date, in the year it ends); years,
ISO dates and financial years take a fast path, and so do the commonest forms
("9 February 2017", "Tuesday 9 February 2017", "February 2017", "9 March", "June",
"yesterday", "last year", "two years ago", "next month"), read directly with the answer dateparser gives (tested
against it).
"""

from __future__ import annotations

import calendar
import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

_YEAR = re.compile(r"^(?:(?:early|late|mid|spring|summer|autumn|winter)[\s-]+)?((?:19|20)\d{2})$", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
# "2016/17", "the 2022/23 financial year": a financial or policing year, ending in its second year.
_SPLIT_YEAR = re.compile(r"^(?:the\s+)?(?:(?:financial|fiscal)\s+year\s+|fy\s+)?((?:19|20)\d{2})\s*[/–-]\s*(\d{2}|\d{4})"
                         r"(?:\s+(?:financial|fiscal|policing|reporting|performance))?(?:\s+year)?$", re.IGNORECASE)
# "last December", "next March": the month's latest occurrence before the article date, or its next after it.
_RELATIVE_MONTH = re.compile(r"^(?P<which>last|this|next)\s+(?P<month>[a-z]+)$", re.IGNORECASE)
_RANGE = re.compile(r"^(?P<a>.+?)\s*(?:\bto\b|\buntil\b|\band\b|–|-|(?<=[a-z])/(?=\s*[a-z]))\s*(?P<b>.+)$", re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm|gmt|bst|a\.m\.|p\.m\.)?|\b\d{1,2}\s*(?:am|pm)\b", re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A span of time, not a point in it: "an 11-month period", "more than 36 hours", "the 48-hour", "a decade",
# "one minute and 14 seconds", "4 min", "week-long" (a singular day, week, month or year only after a number or
# before "long": not "last year").
_DURATION = re.compile(r"(?:\b(?:period|spell|stretch|window|span|timeframe|seconds?|secs?|minutes?|mins?|hours?|days|weeks|months|years|decades?)"
                       r"|(?:\d|\bone|\ban?)[\s-]+(?:(?:single|whole|full|entire)\s+)?(?:day|week|weekend|month|year)|\b(?:day|week|month|year)[\s-]+long)$",
                       re.IGNORECASE)
_AGO_HEDGE = re.compile(r"^(?:over|about|around|almost|nearly|some|just|more than|less than|under)\s+(?=.*\bago$)", re.IGNORECASE)
# Days or months without a year, then the year named relative to the article ("June 1 to August 31 last year").
_IN_RELATIVE_YEAR = re.compile(r"^(?P<head>.*?[A-Za-z0-9].*?)\s+(?P<which>last|this|next)\s+year$", re.IGNORECASE)
_CONTEXT_RELATIVE = re.compile(r"^the\s+(?:(?:previous|same|following|preceding|prior)\b|(?:day|week|month|year)\s+before$)"
                               r"|^an?\s+(?:single|whole|full|entire)\s+\w+$", re.IGNORECASE)
# A part of a period ("earlier this year", "the end of 2019", "the first half of last year"):
# normalised as the period it is part of, which is what a finding's year needs.
_PART_OF = re.compile(
    r"^(?:the\s+)?(?:(?:very\s+)?(?:start|beginning|end|middle|first\s+half|second\s+half|first\s+quarter"
    r"|last\s+quarter|final\s+quarter|second\s+quarter|third\s+quarter|fourth\s+quarter)\s+of"
    r"|earlier|later|early|late|mid|middle)[\s-]+(?:in\s+)?(?P<rest>.+)$", re.IGNORECASE)
# Seasons: months each one starts in (winter starts in December and runs into the next year).
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON = re.compile(r"^(?:the\s+)?(?P<season>spring|summer|autumn|winter)(?:\s+of)?\s+(?P<year>(?:19|20)\d{2})$",
                     re.IGNORECASE)
# "the summer", "the spring": a season the text is about, with no year of its own.
_THE_SEASON = re.compile(r"^the\s+(?:spring|summer|autumn|winter)$", re.IGNORECASE)
# "Two years on", "six months later": after some other event the text names, not before the article.
_LATER_ON = re.compile(r"\b(?:days|weeks|months|years|decades)\s+(?:on|later)$", re.IGNORECASE)
# "the year", "the month" inside a part of a period ("the end of the year"): the current one.
_THE_UNIT = re.compile(r"^the\s+(?P<unit>year|month|week)$", re.IGNORECASE)
# "May this year", "March last year": a month of the year named relative to the article date.
_MONTH_OF_YEAR = re.compile(r"^(?P<month>[a-z]+)\s+(?P<which>this|last|next|current)\s+year$", re.IGNORECASE)
# "Q3 2021/22" (a quarter of the financial year, April to March), "Q1 2023" (of the calendar year).
_QUARTER = re.compile(r"^q(?P<q>[1-4])\s+(?P<year>(?:19|20)\d{2})(?:\s*/\s*(?P<end>\d{2}|\d{4}))?$", re.IGNORECASE)
# "the first three months of this year", "the last six months of 2019": the months of the period named.
_FIRST_MONTHS = re.compile(r"^the\s+(?:first|opening)\s+\S+\s+months\s+of\s+(?P<rest>.+)$", re.IGNORECASE)
_RELATIVE_SEASON = re.compile(r"^(?P<which>this|last|next|previous|past|coming)\s+(?P<season>spring|summer|autumn|winter)$",
                              re.IGNORECASE)


@dataclass(frozen=True)
class NormalDate:
    """``value``: ISO date, ``YYYY-MM``, ``YYYY`` or ``start/end``; None if unresolvable."""

    value: str | None
    granularity: str
    year: int | None

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "granularity": self.granularity, "year": self.year}


_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR4 = r"(?P<year>(?:19|20)\d{2})"
_ABSOLUTE = [
    (re.compile(rf"^{_DAY}\s+{_MONTH}\.?\s+{_YEAR4}$", re.IGNORECASE), "day"),
    (re.compile(rf"^{_MONTH}\.?\s+{_DAY}\s+{_YEAR4}$", re.IGNORECASE), "day"),
    (re.compile(rf"^{_MONTH}\.?\s+{_YEAR4}$", re.IGNORECASE), "month"),
]
# Without a year, dateparser (PREFER_DATES_FROM past) takes the latest such day or month
# on or before the article date.
_NO_YEAR = [
    (re.compile(rf"^{_DAY}\s+{_MONTH}\.?$", re.IGNORECASE), "day"),
    (re.compile(rf"^{_MONTH}\.?\s+{_DAY}$", re.IGNORECASE), "day"),
    (re.compile(rf"^{_MONTH}\.?$", re.IGNORECASE), "month"),
]
# A weekday before a full date ("Tuesday 12 May 2016") changes nothing in dateparser's answer.
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?\s+",
                      re.IGNORECASE)
_RELATIVE_DAYS = {"today": 0, "yesterday": 1}
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# "two years ago", "18 months ago", "a week ago", "five days ago"
_AGO = re.compile(r"^(?P<n>" + "|".join(_COUNT_WORDS) + r"|\d{1,2})\s+(?P<unit>year|month|week|day)s?\s+ago$", re.IGNORECASE)
# "the year to June 2016", "the 12 months to the end of March", "the past six months to 31 March 2016",
# "the 12-month period to March 2016": a period named by its length and its end.
_PERIOD_TO = re.compile(
    r"^the\s+(?:(?:past|last|previous)\s+)?(?:(?P<year>year)|(?P<n>" + "|".join(w for w in _COUNT_WORDS if len(w) > 2)
    + r"|\d{1,2})[\s-]+months?(?:\s+period)?)\s+(?:to|ending|up\s+to)\s+(?:the\s+end\s+of\s+)?(?P<end>.+)$",
    re.IGNORECASE)
# Steps back (negative: forward) from the article date, by the period they name.
_RELATIVE_STEPS = {"next month": ("month", -1), "next year": ("year", -1), "this week": ("week", 0),
                   "last week": ("week", 1)}
_RELATIVE_PERIODS = {"this month": ("month", 0), "last month": ("month", 1), "this year": ("year", 0), "last year": ("year", 1)}
# dateparser's readings of the forms live pages and releases use, read directly (tests/test_dates.py checks they agree):
# a weekday alone is the last one before the article's day, a part of a day its hour, a fortnight two weeks back.
_WEEKDAYS = {name: i for i, names in enumerate([("mon", "monday"), ("tue", "tues", "tuesday"), ("wed", "wednesday"),
                                                 ("thu", "thur", "thurs", "thursday"), ("fri", "friday"), ("sat", "saturday"),
                                                 ("sun", "sunday")]) for name in names}
_LAST_WEEKDAY = re.compile(r"^(?:last\s+|on\s+)?(?P<day>[a-z]+)\.?$", re.IGNORECASE)
_PARTS_OF_DAY = {"this morning": (0, 9), "this afternoon": (0, 15), "this evening": (0, 18), "tonight": (0, 20),
                 "yesterday morning": (1, 9), "yesterday afternoon": (1, 15), "yesterday evening": (1, 18),
                 "last night": (1, 20)}
_HOURS_AGO = re.compile(r"^(?P<n>" + "|".join(_COUNT_WORDS) + r"|\d{1,2})\s+hours?\s+ago$", re.IGNORECASE)
_NUMERIC_DAY = re.compile(r"^(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d{2})$")
_YEAR4_ALONE = re.compile(r"^(?:19|20)\d{2}$")
_TRAILING_AT = re.compile(r"\s+at$", re.IGNORECASE)  # "12 June 2025 at" once the clock time is gone


def _parse_common(text: str, base: date | None) -> tuple[datetime, str] | None:
    """The forms most articles use, read directly; the same answer dateparser gives, without its cost.

    dateparser spends about half a millisecond on every call, which made date
    normalisation the dearest step on unseen text. Anything not listed here goes
    to dateparser (``tests/test_dates.py`` checks the two agree on these forms)."""
    text = _TRAILING_AT.sub("", text)
    numeric = _NUMERIC_DAY.match(text)
    if numeric:  # day first, as in Britain
        try:
            return datetime(int(numeric["year"]), int(numeric["month"]), int(numeric["day"])), "day"
        except ValueError:
            return None
    undated = _WEEKDAY.sub("", text, count=1)
    for pattern, period in _ABSOLUTE:
        found = pattern.match(undated)
        if found:
            day = int(found["day"]) if period == "day" else 1
            try:
                return datetime(int(found["year"]), _MONTHS[found["month"].lower()], day), period
            except ValueError:
                return None  # "31 February 2017": dateparser decides
    if base is None:
        return None
    relative = _parse_relative(text, base)
    if relative is not None:
        return relative
    for pattern, period in _NO_YEAR:
        found = pattern.match(undated)
        if found:
            month, day = _MONTHS[found["month"].lower()], int(found["day"]) if period == "day" else 1
            year = base.year if (month, day if period == "day" else 1) <= (base.month, base.day if period == "day" else 1) else base.year - 1
            try:
                return datetime(year, month, day), period
            except ValueError:
                return None  # "29 February" in a year without one: dateparser decides
    return None


def _parse_relative(text: str, base: date) -> tuple[datetime, str] | None:
    """A moment said relative to the article's day: "yesterday", "last Tuesday", "this morning", "two years ago"."""
    day = datetime(base.year, base.month, base.day)
    lowered = text.lower()
    if lowered.startswith("the ") and lowered.split()[1:2] in (["next"], ["last"]):
        lowered = lowered[4:]  # "the next month" is "next month"
    weekday = _LAST_WEEKDAY.match(lowered)
    if weekday and weekday["day"] in _WEEKDAYS:
        return day - timedelta(days=(base.weekday() - _WEEKDAYS[weekday["day"]]) % 7 or 7), "day"
    if lowered in _PARTS_OF_DAY:
        back, hour = _PARTS_OF_DAY[lowered]
        return day - timedelta(days=back) + timedelta(hours=hour), "part_of_day"
    if lowered in ("a fortnight", "a fortnight ago"):
        return day - timedelta(days=14), "week"
    if lowered == "next week":
        return day + timedelta(days=7), "week"
    hours = _HOURS_AGO.match(lowered)
    if hours:
        n = hours["n"]
        return day - timedelta(hours=_COUNT_WORDS[n] if n in _COUNT_WORDS else int(n)), "time"
    month_of_year = _MONTH_OF_YEAR.match(lowered)
    if month_of_year and month_of_year["month"] in _MONTHS:  # "March this year": dateparser reads nothing
        in_year = base.year + {"last": -1, "next": 1}.get(month_of_year["which"], 0)
        return datetime(in_year, _MONTHS[month_of_year["month"]], 1), "month"
    year = _YEAR4_ALONE.match(lowered)
    if year:
        return datetime(int(year[0]), base.month, 1), "year"
    if lowered in _RELATIVE_DAYS:
        return datetime(base.year, base.month, base.day) - timedelta(days=_RELATIVE_DAYS[lowered]), "day"
    step = _RELATIVE_PERIODS.get(lowered) or _RELATIVE_STEPS.get(lowered)
    if step is None:
        ago = _AGO.match(lowered)
        if ago is None:
            return None
        n = ago["n"]
        step = (ago["unit"], _COUNT_WORDS[n] if n in _COUNT_WORDS else int(n))
    return _step_back(base, *step)


def _step_back(base: date, period: str, back: int) -> tuple[datetime, str]:
    """``base`` moved ``back`` periods into the past, as dateparser reports it (a month or year starts on the 1st)."""
    if period in ("day", "week"):
        return datetime(base.year, base.month, base.day) - timedelta(days=back * (7 if period == "week" else 1)), period
    if period == "year":
        return datetime(base.year - back, base.month, 1), period
    month_index = base.year * 12 + base.month - 1 - back
    return datetime(month_index // 12, month_index % 12 + 1, 1), period


# Texts without a digit that dateparser read nothing in. Whether it reads anything in such a text does not depend
# on the day it counts from (only a date with a day of the month can exist in one year and not in another), so
# "the past year" or "earlier", met in article after article with a different date each time, reaches it once.
_UNREAD: set[str] = set()
_UNREAD_MOST = 16384


@lru_cache(maxsize=16384)
def _parse(text: str, base: date | None) -> tuple[datetime, str] | None:
    """A moment and its period ("day", "month", "year", ...) for one date expression."""
    common = _parse_common(text, base)
    if common is not None or text in _UNREAD:
        return common
    parsed = _parse_with_dateparser(text, base)
    if parsed is None and not any(c.isdigit() for c in text):
        if len(_UNREAD) >= _UNREAD_MOST:
            _UNREAD.clear()
        _UNREAD.add(text)
    return parsed


def _parse_with_dateparser(text: str, base: date | None) -> tuple[datetime, str] | None:
    import dateparser  # deferred: its import and first parse are slow

    settings: dict[str, Any] = {
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DATES_FROM": "past",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser = dateparser.date.DateDataParser(languages=["en"], locales=["en-GB"], settings=settings)
        data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


def _format(moment: datetime, period: str) -> str:
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    return moment.date().isoformat()


@lru_cache(maxsize=16384)
def normalise_date(text: str, base_iso: str | None = None) -> NormalDate:
    """Normalise one DATE span; ``base_iso`` is the article date (ISO) or None."""
    base = date.fromisoformat(base_iso) if base_iso else None
    if _ISO.match(text.strip()):  # a date, or a timestamp whose date is what counts
        try:
            day = date.fromisoformat(text.strip()[:10])
        except ValueError:
            return NormalDate(None, "unparsed", None)  # "2019-13-45"
        return NormalDate(day.isoformat(), "day", day.year)
    cleaned = " ".join(_CLOCK.sub(" ", text).replace(",", " ").split())
    if not cleaned:  # a clock time alone ("10:42am" on a live page): the article's day
        return NormalDate(base.isoformat(), "day", base.year) if base else NormalDate(None, "relative", None)
    cleaned = _AGO_HEDGE.sub("", cleaned)
    in_year = _IN_RELATIVE_YEAR.match(cleaned)
    if in_year and base is not None:
        # "June 1 to August 31 last year": the days as read at the end of the year named
        named = base.year + {"last": -1, "this": 0, "next": 1}[in_year["which"].lower()]
        head = normalise_date(in_year["head"], date(named, 12, 31).isoformat())
        if head.year == named:
            return head
    quarter = _QUARTER.match(cleaned)
    if quarter:
        return _normalise_quarter(int(quarter["q"]), int(quarter["year"]), quarter["end"] is not None)
    first_months = _FIRST_MONTHS.match(cleaned)
    if first_months:
        whole = normalise_date(first_months["rest"], base_iso)
        if whole.granularity == "year":
            return whole
    year = _YEAR.match(cleaned)
    if year:
        return NormalDate(year.group(1), "year", int(year.group(1)))
    season = _SEASON.match(cleaned)
    if season:  # "the summer of 2018", "autumn 2021": the stated year, as "spring 2014" is
        return NormalDate(season["year"], "year", int(season["year"]))
    part = _PART_OF.match(cleaned)
    if part:
        # "the end of the year", "the end of the month": the article's own year or month.
        rest = _THE_UNIT.sub(r"this \g<unit>", part["rest"])
        whole = normalise_date(rest, base_iso)
        if whole.value is not None and whole.granularity in ("year", "month"):
            return whole
    if _LATER_ON.search(cleaned):
        return NormalDate(None, "relative", None)
    if _THE_SEASON.match(cleaned):
        return NormalDate(None, "relative", None)
    month_of_year = _MONTH_OF_YEAR.match(cleaned)
    if month_of_year and month_of_year["month"].lower() in _MONTHS:
        if base is None:
            return NormalDate(None, "relative", None)
        in_year = base.year + {"last": -1, "next": 1}.get(month_of_year["which"].lower(), 0)
        return NormalDate(f"{in_year:04d}-{_MONTHS[month_of_year['month'].lower()]:02d}", "month", in_year)
    relative_month = _RELATIVE_MONTH.match(cleaned)
    if relative_month and base is not None and relative_month["month"].lower() in _MONTHS:
        month = _MONTHS[relative_month["month"].lower()]
        which = relative_month["which"].lower()
        in_year = base.year - (month >= base.month) if which == "last" else base.year + (which == "next" and month <= base.month)
        return NormalDate(f"{in_year:04d}-{month:02d}", "month", in_year)
    relative_season = _RELATIVE_SEASON.match(cleaned)
    if relative_season and base is not None:
        season_year = _season_year(relative_season["which"].lower(), relative_season["season"].lower(), base)
        return NormalDate(str(season_year), "year", season_year)
    split_year = _SPLIT_YEAR.match(cleaned)
    if split_year:
        start = int(split_year.group(1))
        end_text = split_year.group(2)
        end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
        return NormalDate(f"{start}/{end}", "range", end)
    if _CONTEXT_RELATIVE.match(cleaned) or _DURATION.search(cleaned) and not cleaned.lower().endswith("ago"):
        # "the previous year", "an 11-month period": relative to the text, not the article date.
        return NormalDate(None, "duration" if _DURATION.search(cleaned) else "relative", None)
    if base is None and not _HAS_YEAR.search(cleaned):
        # Without an article date, "yesterday" or "January to June" has no year to resolve to.
        return NormalDate(None, "relative", None)
    period_to = _PERIOD_TO.match(cleaned)
    if period_to:
        n = (period_to["n"] or "12").lower()
        return _normalise_period_to(_COUNT_WORDS[n] if n in _COUNT_WORDS else int(n), period_to["end"], base)
    ranged = _RANGE.match(cleaned)
    if ranged and _parse(ranged["b"], base) and _parse(ranged["a"], base):
        return _normalise_range(ranged["a"], ranged["b"], base)
    parsed = _parse(cleaned, base)
    if parsed is None:
        return NormalDate(None, "unparsed", None)
    moment, period = parsed
    if period == "day" and base is not None and not re.search(r"\d", cleaned) and cleaned.lower().split()[-1] in ("month", "year", "week"):
        period = cleaned.lower().split()[-1] if cleaned.lower().split()[-1] != "week" else "day"
    return NormalDate(_format(moment, period), period, moment.year)


def _season_year(which: str, season: str, base: date) -> int:
    """The year of a season named relative to the article date, by the month it ends in (last
    winter, said in June 2023, is December 2022 to February 2023: 2023). "Last summer" is the
    latest summer over before the article date, "next spring" the first to start after it,
    "this autumn" the one of the article's year (a winter under way is "this winter")."""
    start_month = _SEASON_START[season]

    def span(year: int) -> tuple[date, date]:
        start = date(year, start_month, 1)
        after = year * 12 + start_month - 1 + 3  # the month after the season's three
        return start, date(after // 12, after % 12 + 1, 1)

    starts = range(base.year - 2, base.year + 2)
    if which in ("last", "previous", "past"):
        chosen = max(y for y in starts if span(y)[1] <= base)
    elif which in ("next", "coming"):
        chosen = min(y for y in starts if span(y)[0] > base)
    else:  # "this": the one starting in the article's year; a winter under way began the year before
        chosen = base.year - 1 if season == "winter" and base < span(base.year - 1)[1] else base.year
    return (span(chosen)[1] - timedelta(days=1)).year


def _normalise_quarter(q: int, start_year: int, financial: bool) -> NormalDate:
    """A quarter as the months it covers: of a financial year ("Q3 2021/22": October to December 2021, "Q4
    2021/22": January to March 2022), else of the calendar year ("Q1 2023": January to March 2023)."""
    if financial:
        first_month = 4 + 3 * (q - 1)
        year = start_year + (first_month > 12)
        first_month = (first_month - 1) % 12 + 1
    else:
        first_month, year = 1 + 3 * (q - 1), start_year
    return NormalDate(f"{year:04d}-{first_month:02d}/{year:04d}-{first_month + 2:02d}", "range", year)


def _normalise_range(first: str, second: str, base: date | None) -> NormalDate:
    # Either side may fail to parse once the end's year is added to the start ("1/1/55 - March"):
    # then the range is unparsed, never an error that costs its article.
    end_parsed = _parse(second, base)
    if end_parsed is None:
        return NormalDate(None, "unparsed", None)
    end, end_period = end_parsed
    if first.strip().isdigit() and len(first.strip()) <= 2:
        first = f"{first.strip()} {end.strftime('%B')}"  # "10 and 14 March 2014": the day of the end's month
    if not _HAS_YEAR.search(first):
        first = f"{first} {end.year}"
    start_parsed = _parse(first, base)
    if start_parsed is None:
        return NormalDate(None, "unparsed", None)
    start, start_period = start_parsed
    return NormalDate(f"{_format(start, start_period)}/{_format(end, end_period)}", "range", end.year)


def _normalise_period_to(months: int, end_text: str, base: date | None) -> NormalDate:
    """``months`` months ending with the month or day ``end_text`` names (SCHEMA: a period gives its end year)."""
    parsed = _parse(end_text, base)
    if parsed is None or parsed[1] not in ("month", "day") or not 1 <= months <= 120:
        return NormalDate(None, "unparsed", None)
    end, period = parsed
    if period == "month":
        start = _format(_step_back(end, "month", months - 1)[0], "month")
    else:
        # The day after the same day a period earlier: the year to 31 March 2016 starts on 1 April 2015.
        before = _step_back(end, "month", months)[0]
        last_day = calendar.monthrange(before.year, before.month)[1]
        start = (before.replace(day=min(end.day, last_day)) + timedelta(days=1)).date().isoformat()
    return NormalDate(f"{start}/{_format(end, period)}", "range", end.year)
