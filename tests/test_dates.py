"""Date normalisation with dateparser relative to the article date (British day-month order)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalise.dates import normalise_date

CASES = [
    ("yesterday", "2017-09-07", "2017-09-06", 2017),
    ("today", "2017-09-07", "2017-09-07", 2017),
    ("this month", "2017-09-07", "2017-09", 2017),
    ("last year", "2017-09-07", "2016", 2016),
    ("1 March to 31 May", "2019-01-15", "2018-03-01/2018-05-31", 2018),
    ("Tuesday Nov 18, 2014", None, "2014-11-18", 2014),
    ("9 February 2017", None, "2017-02-09", 2017),
    ("2014", None, "2014", 2014),
    ("2017-09-07", None, "2017-09-07", 2017),
    ("10/03/2017", None, "2017-03-10", 2017),
    ("1 October 2015 to 31 March 2016", None, "2015-10-01/2016-03-31", 2016),
    ("June and November 2017", None, "2017-06/2017-11", 2017),
    ("2016/17", None, "2016/2017", 2017),
    ("18 November 2014 10:32", None, "2014-11-18", 2014),
    ("November 2014", None, "2014-11", 2014),
    # A period named by its length and its end: the months it covers, its end year (SCHEMA §5).
    ("the 12 months to June 2020", "2024-03-01", "2019-07/2020-06", 2020),
    ("the year to June", "2019-10-17", "2018-07/2019-06", 2019),
    ("the 12 months to the end of June", "2019-10-17", "2018-07/2019-06", 2019),
    ("the year to 31 March 2016", None, "2015-04-01/2016-03-31", 2016),
    ("the 12-month period to March 2016", None, "2015-04/2016-03", 2016),
    ("the six months to September 2024", None, "2024-04/2024-09", 2024),
    ("2019-03-12T10:00:00Z", None, "2019-03-12", 2019),
    ("the 2022/23 financial year", None, "2022/2023", 2023),
    ("last December", "2023-06-15", "2022-12", 2022),
    ("last March", "2023-06-15", "2023-03", 2023),
    ("next June", "2023-06-15", "2024-06", 2024),
    # A part of a period is the period it is part of.
    ("earlier this year", "2021-05-20", "2021", 2021),
    ("later this month", "2021-05-20", "2021-05", 2021),
    ("the end of 2019", None, "2019", 2019),
    ("the first half of last year", "2021-05-20", "2020", 2020),
    ("late last year", "2021-05-20", "2020", 2020),
    ("the end of June 2016", None, "2016-06", 2016),
    # Seasons: with a year, that year; relative ones by the article date, in the year they end.
    ("the summer of 2018", None, "2018", 2018),
    ("autumn of 2021", None, "2021", 2021),
    ("last summer", "2019-01-31", "2018", 2018),
    ("last summer", "2019-10-02", "2019", 2019),
    ("last summer", "2019-07-15", "2018", 2018),  # this summer is still under way
    ("this autumn", "2019-12-20", "2019", 2019),
    ("next spring", "2019-06-15", "2020", 2020),
    ("last winter", "2019-06-15", "2019", 2019),  # December 2018 to February 2019
    ("this winter", "2019-01-10", "2019", 2019),
    # (dev8) quarters of the financial year (April to March) and of the calendar year; a range of days in one
    # month; the first months of a period; a clock time alone is the article's day.
    ("Q3 2021/22", None, "2021-10/2021-12", 2021),
    ("Q4 2021/22", None, "2022-01/2022-03", 2022),
    ("Q1 2023", None, "2023-01/2023-03", 2023),
    ("10 and 14 March 2014", None, "2014-03-10/2014-03-14", 2014),
    ("the first three months of this year", "2022-02-10", "2022", 2022),
    ("the first six months of 2019", None, "2019", 2019),
    ("the autumn of 2020", None, "2020", 2020),
    ("the end of next year", "2022-02-10", "2023", 2023),
    ("10:42am", "2023-06-22", "2023-06-22", 2023),
    ("4.10pm", "2018-11-07", "2018-11-07", 2018),
]


@pytest.mark.parametrize(("text", "base", "value", "year"), CASES)
def test_dates(text: str, base: str | None, value: str, year: int) -> None:
    d = normalise_date(text, base)
    assert (d.value, d.year) == (value, year)


@pytest.mark.parametrize("text", ["yesterday", "this month", "18 November", "last summer", "earlier this year"])
def test_relative_dates_without_an_article_date_stay_unresolved(text: str) -> None:
    assert normalise_date(text, None).year is None


@pytest.mark.parametrize("text", ["the previous year", "an 11-month period"])
def test_text_relative_expressions_are_not_guessed(text: str) -> None:
    assert normalise_date(text, "2019-01-15").value is None


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2040, 12, 31)))
def test_day_month_year_is_read_day_first(day: date) -> None:
    text = f"{day.day} {day.strftime('%B')} {day.year}"
    assert normalise_date(text, None).value == day.isoformat()
    assert normalise_date(day.strftime("%d/%m/%Y"), None).value == day.isoformat()


@settings(max_examples=30, deadline=None)
@given(st.dates(min_value=date(1995, 1, 2), max_value=date(2040, 12, 31)))
def test_yesterday_is_the_day_before_the_article(base: date) -> None:
    assert normalise_date("yesterday", base.isoformat()).value == (base - timedelta(days=1)).isoformat()


_FAST_FORMS = st.sampled_from(
    ["{d} {B} {Y}", "{d} {b} {Y}", "{d}th {B} {Y}", "{B} {d} {Y}", "{b}. {d} {Y}", "{B} {Y}", "{b} {Y}", "{B_lower} {Y}",
     "yesterday", "today", "Today", "this month", "last month", "this year", "last year", "Last Year",
     "{A} {d} {B} {Y}", "{a} {b} {d} {Y}", "{d} {B}", "{B} {d}", "{d}th {b}", "{B}", "{b}", "{b}.", "{A} {d} {B}",
     "{d} years ago", "{d} months ago", "{d} weeks ago", "{d} days ago", "two years ago", "A year ago", "a month ago",
     "three weeks ago", "next month", "next year", "this week", "last week",
     "{A}", "{a}", "last {A}", "on {A}", "{A} {d} {B} {Y} at", "{d} {B} {Y} at", "{B} {d} {Y} at", "{d}/{m}/{Y}",
     "{dd}/{mm}/{Y}", "{Y}", "this morning", "this afternoon", "this evening", "tonight", "yesterday morning",
     "yesterday afternoon", "yesterday evening", "last night", "{d} hours ago", "an hour ago", "two hours ago",
     "next week", "the next month", "the next year", "the last year", "the last month", "the last week",
     "a fortnight", "a fortnight ago"]
)


@settings(max_examples=400, deadline=None)
@given(_FAST_FORMS, st.dates(min_value=date(1995, 1, 1), max_value=date(2040, 12, 31)),
       st.none() | st.dates(min_value=date(1995, 1, 1), max_value=date(2040, 12, 31)), st.integers(1, 31))
def test_the_direct_reading_of_common_forms_agrees_with_dateparser(form: str, moment: date, base: date | None, day: int) -> None:
    """The shortcut may only save time: where it answers, dateparser must say the same."""
    from pipeline.normalise.dates import _parse_common, _parse_with_dateparser

    text = form.format(d=day, B=moment.strftime("%B"), b=moment.strftime("%b"), B_lower=moment.strftime("%B").lower(), Y=moment.year,
                       A=moment.strftime("%A"), a=moment.strftime("%a"), m=moment.month, mm=f"{moment.month:02d}",
                       dd=f"{day:02d}")
    direct = _parse_common(text, base)
    if direct is not None:
        assert direct == _parse_with_dateparser(text, base), text
    elif "{" not in form and base is not None:
        raise AssertionError(f"{text!r} should be read directly")


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2040, 12, 31)), st.integers(1, 36))
def test_a_period_to_a_day_ends_on_it_and_starts_the_day_after_the_same_day_earlier(end: date, months: int) -> None:
    result = normalise_date(f"the {months} months to {end.day} {end.strftime('%B')} {end.year}", None)
    start, stop = result.value.split("/")
    assert stop == end.isoformat() and result.year == end.year
    assert start <= stop
    first = date.fromisoformat(start) - timedelta(days=1)  # the same day (or the month's last), months earlier
    assert (end.year * 12 + end.month) - (first.year * 12 + first.month) == months


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["spring", "summer", "autumn", "winter"]), st.dates(min_value=date(1995, 1, 1), max_value=date(2040, 12, 31)))
def test_last_this_and_next_season_come_in_order(season: str, base: date) -> None:
    last, this, upcoming = (normalise_date(f"{which} {season}", base.isoformat()).year for which in ("last", "this", "next"))
    assert last is not None and this is not None and upcoming is not None
    assert last <= this <= upcoming and last < upcoming
    assert base.year - 1 <= last <= base.year and base.year <= upcoming <= base.year + 2


def test_an_impossible_iso_date_is_not_passed_on() -> None:
    assert normalise_date("2019-13-45").value is None


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["january", "March", "june", "September", "december"]), st.dates(min_value=date(1995, 1, 1), max_value=date(2040, 12, 31)))
def test_last_and_next_month_name_fall_either_side_of_the_article(month: str, base: date) -> None:
    last = normalise_date(f"last {month}", base.isoformat()).value
    upcoming = normalise_date(f"next {month}", base.isoformat()).value
    assert last is not None and upcoming is not None
    this_month = f"{base.year:04d}-{base.month:02d}"
    assert last < this_month < upcoming and int(upcoming[:4]) - int(last[:4]) in (1, 2)


# Digit-free texts of real pages that dateparser reads nothing in (the normaliser remembers them by text alone).
_UNREAD_BY_DATEPARSER = ["the past year", "earlier", "the coming year", "the new year", "this weekend", "the quarter",
                         "the most recent quarter", "that month", "later", "a few years ago", "spring", "one working day",
                         "the end of February", "three and a half years ago", "the last financial year"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_UNREAD_BY_DATEPARSER), st.none() | st.dates(min_value=date(1995, 1, 1), max_value=date(2040, 12, 31)))
def test_what_dateparser_cannot_read_without_a_digit_it_cannot_read_from_any_day(text: str, base: date | None) -> None:
    """The reason the normaliser may remember such a failure by its text alone, whatever article it came from."""
    from pipeline.normalise.dates import _parse, _parse_with_dateparser

    assert _parse_with_dateparser(text, base) is None
    assert _parse(text, base) is None


def test_a_digit_free_failure_reaches_dateparser_once_whatever_the_article_date(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.normalise.dates as dates

    asked: list[str] = []
    real = dates._parse_with_dateparser
    monkeypatch.setattr(dates, "_parse_with_dateparser", lambda text, base: asked.append(text) or real(text, base))
    monkeypatch.setattr(dates, "_UNREAD", set())
    dates._parse.cache_clear()
    for day in (date(2016, 3, 1), date(2019, 7, 9), date(2024, 1, 31)):
        assert dates._parse("the summer season", day) is None
        assert dates._parse("the 2 months before", day) == real("the 2 months before", day)  # a digit: asked each time
    assert asked.count("the summer season") == 1 and asked.count("the 2 months before") == 3
