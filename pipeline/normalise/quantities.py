"""Normalise PERCENT and COUNT spans: value, qualifier and the form the figure took.

quantulum3 parses worded and scaled numbers ("twenty-one thousand", "1.2 million").
It gets the proportion forms of news copy wrong (it reads "one in four" as 4 and
"five out of six" as 5 and 6), so ratios, word fractions, hedges and vague
magnitudes are handled here from the tables in ``data/word_sets.json``. Plain
numerals take a fast path: quantulum3 costs about 0.3 ms a call.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.loaded_data import load_json

_NUMERAL = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_PERCENT_TAIL = re.compile(r"\s*(%|per\s*[-–]?\s*cent|percent|pc|pct|percentage\s+points?)\.?$", re.IGNORECASE)
# "one in four", "five out of six", "one in every ten", and hyphenated: "one-in-five", "1-in-10".
# "one in four", "five out of six", "89 of every 100" ("of" only before "every": "74 of 81" is an audit's two counts)
_RATIO = re.compile(r"^(?P<n>.+?)[\s\-–]+(?:in|out\s+of|of(?=[\s\-–]+every\b))[\s\-–]+(?:every[\s\-–]+)?(?P<d>.+)$",
                    re.IGNORECASE)
# A rate whose unit a list gave once, at its first figure ("96.4 per cent, followed by ... Kent (94.3)"): only the
# resolver's list rule (data/context_rules.json) makes such a span, so a bare decimal alone reads as a share here.
_ELIDED_PERCENT = re.compile(r"^\d{1,3}\.\d{1,2}$")


class QuantityError(ValueError):
    """Text that does not read as a quantity."""


@dataclass(frozen=True)
class Quantity:
    value: float | int
    qualifier: str
    form: str

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "qualifier": self.qualifier, "form": self.form}


def _tables() -> dict[str, Any]:
    return load_json("word_sets.json")


@lru_cache(maxsize=1)
def _ratio_noun() -> re.Pattern[str]:
    """The noun a ratio may hold between its numbers ("one crime in seven"): the figure grammar's RATIO_NOUN."""
    nouns = load_json("figure_grammar.json")["word_parts"]["RATIO_NOUN"]
    return re.compile(r"^(?P<n>\S+)\s+(?:" + "|".join(map(re.escape, nouns)) + r")s?(?=[\s\-–]+(?:in|out\s+of)\b)", re.IGNORECASE)


def _without_ratio_noun(core: str) -> str:
    """'one crime in seven' -> 'one in seven'; other text as it is."""
    return _ratio_noun().sub(r"\g<n>", core, count=1)


def split_hedge(text: str) -> tuple[str | None, str]:
    """Split a leading hedge phrase off ``text``: ("nearly", "8,000")."""
    lowered = text.lower()
    best: str | None = None
    for hedge in _tables()["hedges"]:
        if lowered.startswith(hedge + " ") and (best is None or len(hedge) > len(best)):
            best = hedge
    if best is None:
        return None, text.strip()
    return best, text[len(best) :].strip()


def hedge_qualifier(hedge: str | None) -> str | None:
    return None if hedge is None else _tables()["hedges"][hedge.lower()]


# "eighty-seven", "thirty one": tens and units, hyphenated or not.
_COMPOUND = re.compile(r"^(?P<tens>[a-z]+ty)[\s\-]+(?P<units>[a-z]+)$")
# "a quarter of a million", "three quarters of a million", "half a million": a fraction of a scale word.
_FRACTION_OF_SCALE = re.compile(r"^(?P<fraction>(?:an?|one|two|three|four)[\s\-]+[a-z]+|half)\s+(?:of\s+)?an?\s+(?P<scale>[a-z]+)$")


@lru_cache(maxsize=8192)
def parse_number(text: str) -> float:
    """A cardinal number in digits or words; raises QuantityError otherwise."""
    cleaned = text.strip().lower().replace("\u2013", "-")
    if _NUMERAL.match(cleaned):
        return float(cleaned.replace(",", ""))
    words = _tables()["number_words"]
    if cleaned in words:
        return float(words[cleaned])
    compound = _COMPOUND.match(cleaned)
    if compound and words.get(compound["tens"], 0) >= 20 and 1 <= words.get(compound["units"], 0) <= 9:
        return float(words[compound["tens"]] + words[compound["units"]])
    of_scale = _FRACTION_OF_SCALE.match(cleaned)
    if of_scale and of_scale["scale"] in _tables()["scales"]:
        fraction = _fraction_percent(of_scale["fraction"])
        if fraction is not None:
            return round(_tables()["scales"][of_scale["scale"]] * _exact_fraction(of_scale["fraction"]))
    scales = _tables()["scales"]
    parts = cleaned.split()
    if len(parts) == 2 and parts[1] in scales and _NUMERAL.match(parts[0]):
        return float(parts[0].replace(",", "")) * scales[parts[1]]
    if cleaned.isalpha():
        # A lone word that is not a number word ("third", "first") is not a cardinal.
        raise QuantityError(f"not a cardinal number: {text!r}")
    whole, point, digits = cleaned.partition(" point ")
    if point and digits and all(d in words and 0 <= words[d] <= 9 for d in digits.split()):
        # "eighty-four point seven" (said aloud, as a transcript writes it): the digits after "point", one word each
        return float(f"{int(parse_number(whole))}.{''.join(str(words[d]) for d in digits.split())}")
    return _quantulum_number(cleaned)


def _quantulum_number(text: str) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        quantities = parser.parse(text)
    if len(quantities) != 1 or quantities[0].unit.name not in ("dimensionless", "percentage", "per cent"):
        raise QuantityError(f"not a single number: {text!r}")
    return float(quantities[0].value)


def _tidy(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _exact_fraction(core: str) -> float:
    """'a quarter' -> 0.25, 'three quarters' -> 0.75, 'half' -> 0.5 (a word fraction already read by ``_fraction_percent``)."""
    words = re.split(r"[\s\-–]+", core.lower().strip())
    if words == ["half"]:
        return 0.5
    return parse_number(words[0]) / _tables()["denominators"][words[1]]


def _fraction_percent(core: str) -> float | None:
    """'a third' -> 33.3, 'two-thirds' -> 66.7, 'half' -> 50.0; None if not a word fraction."""
    words = re.split(r"[\s\-–]+", core.lower().strip())
    denominators = _tables()["denominators"]
    if words == ["half"]:
        return 50.0
    if len(words) == 2 and words[1] in denominators:
        numerator = parse_number(words[0])
        return round(100.0 * numerator / denominators[words[1]], 1)
    return None


@lru_cache(maxsize=8192)
def normalise_percent(text: str) -> Quantity:
    """'almost one in four' -> 25.0 less_than; 'one in five' -> 20.0 approx; '90.9 per cent' -> 90.9 exact."""
    hedge, core = split_hedge(text)
    qualifier = hedge_qualifier(hedge)
    tail = _PERCENT_TAIL.search(core)
    if tail:
        value = round(parse_number(core[: tail.start()]), 2)
        return Quantity(_tidy(value), qualifier or "exact", "percent")
    ratio = _RATIO.match(_without_ratio_noun(core))
    if ratio:
        numerator, denominator = parse_number(ratio["n"]), parse_number(ratio["d"])
        if denominator <= 0 or numerator > denominator:
            raise QuantityError(f"not a proportion: {text!r}")
        # A ratio, like a word fraction, is how coverage rounds a measured rate: approx unless hedged (SCHEMA §5).
        return Quantity(round(100.0 * numerator / denominator, 1), qualifier or "approx", "ratio")
    fraction = _fraction_percent(core)
    if fraction is not None:
        # A word fraction is a rounded figure: approx unless hedged (SCHEMA §5).
        return Quantity(fraction, qualifier or "approx", "fraction")
    if _ELIDED_PERCENT.match(core) and float(core) <= 100:
        return Quantity(_tidy(float(core)), qualifier or "exact", "elided")
    raise QuantityError(f"not a proportion: {text!r}")


# "a few thousand", "several hundred thousand", "many millions": an unstated number of a scale
_SOME_SCALE = re.compile(r"^(?:a\s+)?(?:few|several|many)\s+(?P<scale>(?:hundred|thousand|million)(?:\s+(?:thousand|million))?)s?$",
                         re.IGNORECASE)
_SOME = 3  # "a few", "several": about three of the scale


@lru_cache(maxsize=8192)
def normalise_count(text: str) -> Quantity:
    """'over 4,100' -> 4100 more_than; 'tens of thousands' -> 20000 approx."""
    hedge, core = split_hedge(text)
    qualifier = hedge_qualifier(hedge)
    vague = _tables()["vague_values"].get(core.lower())
    if vague is not None:
        return Quantity(vague, qualifier or "approx", "vague")
    some = _SOME_SCALE.match(core)
    if some:  # "several hundred thousand", "a few thousand": a magnitude, no figure a dataset can hold
        scale = parse_number(some["scale"])
        return Quantity(_tidy(_SOME * scale), qualifier or "approx", "vague")
    value = parse_number(core)
    if _FRACTION_OF_SCALE.match(core.lower().strip()):
        # "a quarter of a million" is a rounded magnitude, like a word fraction: approx unless hedged.
        return Quantity(_tidy(value), qualifier or "approx", "magnitude")
    return Quantity(_tidy(round(value, 2)), qualifier or "exact", "number")
