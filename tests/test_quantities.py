"""Quantity normalisation: real phrasings from coverage, plus properties over generated numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalise.quantities import QuantityError, normalise_count, normalise_percent, parse_number

PERCENTS = [
    # a noun between a ratio's numbers (dev6)
    ("about one crime in seven", 14.3, "approx", "ratio"),
    ("nine crimes in every ten", 90.0, "approx", "ratio"),
    ("One case in four", 25.0, "approx", "ratio"),
    ("90.9 per cent", 90.9, "exact", "percent"),
    ("78.2%", 78.2, "exact", "percent"),
    ("12.3 percent", 12.3, "exact", "percent"),
    ("around 76 per cent", 76, "approx", "percent"),
    ("almost one in four", 25.0, "less_than", "ratio"),
    ("around one in eight", 12.5, "approx", "ratio"),
    ("1 in 5", 20.0, "approx", "ratio"),
    ("five out of six", 83.3, "approx", "ratio"),
    ("nine out of every ten", 90.0, "approx", "ratio"),
    ("a third", 33.3, "approx", "fraction"),
    ("two-thirds", 66.7, "approx", "fraction"),
    ("About three quarters", 75.0, "approx", "fraction"),
    ("one fifth", 20.0, "approx", "fraction"),
    ("more than half", 50.0, "more_than", "fraction"),
    ("nearly a third", 33.3, "less_than", "fraction"),
    ("an estimated 95.1 percent", 95.1, "approx", "percent"),
    ("fewer than 85 per cent", 85, "less_than", "percent"),
    ("at least 90%", 90, "more_than", "percent"),
    ("up to 1 in 10", 10.0, "less_than", "ratio"),
    ("one-in-five", 20.0, "approx", "ratio"),
    ("almost one-in-four", 25.0, "less_than", "ratio"),
]

COUNTS = [
    ("over 4,100", 4100, "more_than"),
    ("about 21,200", 21200, "approx"),
    ("more than 16,600", 16600, "more_than"),
    ("nearly 8,000", 8000, "less_than"),
    ("74", 74, "exact"),
    ("around 50", 50, "approx"),
    ("some 800,000", 800000, "approx"),
    ("six", 6, "exact"),
    ("1.2 million", 1200000, "exact"),
    ("twenty-one thousand", 21000, "exact"),
    ("tens of thousands", 20000, "approx"),
    ("thousands", 2000, "approx"),
    ("an estimated 26,200", 26200, "approx"),
    ("up to 1,200", 1200, "less_than"),
    ("at least 4,000", 4000, "more_than"),
]


@pytest.mark.parametrize(("text", "value", "qualifier", "form"), PERCENTS)
def test_percent_phrasings(text: str, value: float, qualifier: str, form: str) -> None:
    q = normalise_percent(text)
    assert (q.value, q.qualifier, q.form) == (value, qualifier, form)


@pytest.mark.parametrize(("text", "value", "qualifier"), COUNTS)
def test_count_phrasings(text: str, value: int, qualifier: str) -> None:
    q = normalise_count(text)
    assert (q.value, q.qualifier) == (value, qualifier)


@pytest.mark.parametrize("text", ["several hundred thousand", "a few thousand", "many thousands", "Several thousand",
                                  "a few hundred", "many millions"])
def test_an_unstated_number_of_a_scale_is_vague(text: str) -> None:
    """"several hundred thousand crimes" is a magnitude, never the figure 100,000 (dev9)."""
    q = normalise_count(text)
    assert q.form == "vague" and q.qualifier == "approx" and q.value >= 300


def test_quantulum_misreadings_are_corrected() -> None:
    # quantulum3 alone reads "one in four" as 4 and "five out of six" as 5 and 6.
    assert normalise_percent("one in four").value == 25.0
    assert normalise_percent("five out of six").value == 83.3


@pytest.mark.parametrize("text", ["third", "first", "the", "per cent", "5 in 0"])
def test_non_quantities_raise(text: str) -> None:
    with pytest.raises((QuantityError, ValueError)):
        normalise_percent(text) if " " in text else parse_number(text)


@given(st.integers(min_value=0, max_value=10**9))
def test_grouped_numerals_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert normalise_count(f"more than {n:,}").qualifier == "more_than"


@given(st.integers(min_value=1, max_value=100), st.integers(min_value=1, max_value=100), st.sampled_from([" in ", "-in-", " in every ", "-in-every-", " of every "]))
def test_ratios_are_shares(a: int, b: int, joint: str) -> None:
    if a > b:
        with pytest.raises(QuantityError):
            normalise_percent(f"{a}{joint}{b}")
    else:
        assert normalise_percent(f"{a}{joint}{b}").value == round(100 * a / b, 1)


@given(st.decimals(min_value=0, max_value=200, places=1))
def test_a_bare_decimal_is_a_listed_share_up_to_100(value: object) -> None:
    """'then Kent (94.3)': the unit given once for a list (dev12); a decimal past 100 is no share."""
    text = f"{value}"
    if "." not in text:
        return
    if float(text) <= 100:
        assert normalise_percent(text).value == pytest.approx(float(text))
        assert normalise_percent(text).qualifier == "exact"
    else:
        with pytest.raises(QuantityError):
            normalise_percent(text)


def test_of_alone_is_no_ratio() -> None:
    """'74 of 81' is an audit's two counts; only 'of every' makes a share."""
    with pytest.raises(QuantityError):
        normalise_percent("74 of 81")


@given(st.decimals(min_value=0, max_value=100, places=1))
def test_percent_values_survive_every_spelling(value: object) -> None:
    for suffix in ("%", " per cent", " percent"):
        assert normalise_percent(f"{value}{suffix}").value == pytest.approx(float(value))  # type: ignore[arg-type]


@given(st.text(max_size=40))
def test_arbitrary_text_raises_only_quantity_errors(text: str) -> None:
    for fn in (normalise_percent, normalise_count):
        try:
            fn(text)
        except (QuantityError, ValueError):
            pass


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@given(st.integers(min_value=20, max_value=99), st.integers(min_value=0, max_value=9))
def test_word_decimals_read_digit_by_digit(whole: int, tenth: int) -> None:
    """'eighty-four point seven' as a transcript writes a figure said aloud (dev12)."""
    tens, units = divmod(whole, 10)
    words = _TENS[tens] + (f"-{_UNITS[units]}" if units else "")
    assert parse_number(f"{words} point {_UNITS[tenth]}") == pytest.approx(whole + tenth / 10)
    assert normalise_percent(f"{words} point {_UNITS[tenth]} per cent").value == pytest.approx(whole + tenth / 10)


@given(st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=99).filter(lambda r: not 10 <= r <= 19))
def test_hundreds_and_a_rest_said_aloud(hundreds: int, rest: int) -> None:
    """'a hundred and forty-one', 'two hundred and fifty' (ten to nineteen, single words, are left to the table)."""
    tens, units = divmod(rest, 10)
    rest_words = _UNITS[units] if tens == 0 else _TENS[tens] + (f"-{_UNITS[units]}" if units else "")
    head = "a" if hundreds == 1 else _UNITS[hundreds]
    assert parse_number(f"{head} hundred and {rest_words}") == 100 * hundreds + rest
