"""The consolidation rule on hand-written mentions: grouping keys, each step of the preference
order, the stated reason, and that input order never changes the answer."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from pipeline.kb.consolidate import (
    NO_CONFLICT,
    PREFERENCE_STEPS,
    Mention,
    consolidate,
    group_key,
    normalise_name,
)


def rate(iri: str, article: str, date: str | None, value: float, qualifier: str, *, year: int | None = 2018,
         inspectorate: bool = False, start: int | None = 0, force: str = "kent") -> Mention:
    fields: dict[str, Any] = {"type": "recording_rate", "force": force, "crime_type": "all_crime",
                              "value": value, "qualifier": qualifier, "year": year}
    return Mention(iri, article, date, fields, stated_by_inspectorate=inspectorate, evidence_start=start)


def official(iri: str, article: str, person: str) -> Mention:
    fields = {"type": "official", "person": person, "role": "hm_inspector_of_constabulary", "organisation": "hmicfrs"}
    return Mention(iri, article, None, fields)


def only(mentions: list[Mention]):
    facts = consolidate(mentions)
    assert len(facts) == 1, [f.key for f in facts]
    return facts[0]


@pytest.mark.parametrize("name", ["Zoë Billingham", "Zoe Billingham", "ZOE  BILLINGHAM", " zoe\tbillingham "])
def test_names_fold_accents_case_and_white_space(name: str) -> None:
    assert normalise_name(name) == "zoe billingham"


def test_spellings_of_one_official_are_one_fact_without_conflict() -> None:
    fact = only([official("f1", "a", "Zoë Billingham"), official("f2", "b", "Zoe Billingham")])
    assert fact.key == ("official", "zoe billingham", "hm_inspector_of_constabulary", "hmicfrs")
    assert fact.sources == ["a", "b"]
    assert not fact.conflict and fact.reason == NO_CONFLICT and fact.values_summary() == ""


def test_exact_beats_hedged_even_when_the_hedge_is_the_inspectorates_and_newer() -> None:
    hedged = rate("f1", "new", "2019-01-01", 76.0, "approx", inspectorate=True)
    exact = rate("f2", "old", "2018-01-01", 75.8, "exact")
    fact = only([hedged, exact])
    assert fact.preferred is exact and fact.conflict
    assert fact.reason == PREFERENCE_STEPS[0]
    assert fact.values == (("75.8", 1), ("76.0", 1))


@pytest.mark.parametrize("hedge", ["approx", "more_than", "less_than"])
def test_all_hedges_rank_alike_so_the_inspectorate_decides(hedge: str) -> None:
    paraphrase = rate("f1", "new", "2019-01-01", 75.0, "approx")
    inspectorate = rate("f2", "old", "2018-01-01", 76.0, hedge, inspectorate=True)
    fact = only([paraphrase, inspectorate])
    assert fact.preferred is inspectorate
    assert fact.reason == PREFERENCE_STEPS[1]


def test_then_the_more_recent_article_and_an_undated_one_counts_as_oldest() -> None:
    undated = rate("f1", "a", None, 80.0, "exact")
    older = rate("f2", "b", "2018-03-01", 81.0, "exact")
    newer = rate("f3", "c", "2018-09-01", 82.0, "exact")
    fact = only([undated, older, newer])
    assert [m.finding_iri for m in fact.mentions] == ["f3", "f2", "f1"]
    assert fact.reason == PREFERENCE_STEPS[2]


def test_tie_break_is_deterministic_whatever_the_input_order() -> None:
    mentions = [rate("f3", "b", "2018-01-01", 80.0, "exact", start=5),
                rate("f2", "a", "2018-01-01", 81.0, "exact", start=90),
                rate("f1", "a", "2018-01-01", 82.0, "exact", start=10)]
    answers = {only(list(order)).preferred.finding_iri for order in itertools.permutations(mentions)}
    assert answers == {"f1"}  # article 'a' before 'b', then the earlier evidence offset
    assert only(mentions).reason == PREFERENCE_STEPS[3]


def test_same_value_with_different_hedges_is_no_conflict_and_the_exact_one_is_shown() -> None:
    counts = [Mention(f"f{i}", art, "2017-09-07", {"type": "unrecorded_count", "force": "leicestershire",
                                                   "crime_type": "all_crime", "value": 21200, "per_year": True,
                                                   "qualifier": q, "year": 2017})
              for i, (art, q) in enumerate([("seed", "approx"), ("seed", "approx"), ("dev", "exact")])]
    fact = only(counts)
    assert not fact.conflict and fact.reason == NO_CONFLICT
    assert fact.preferred.article_id == "dev" and fact.preferred.qualifier == "exact"
    assert fact.values == (("21200 a year", 3),)


def test_a_yearly_count_and_a_one_off_count_are_different_values() -> None:
    base = {"type": "unrecorded_count", "force": "kent", "crime_type": "violence", "value": 16000,
            "qualifier": "exact", "year": 2019}
    fact = only([Mention("f1", "a", None, {**base, "per_year": True}),
                 Mention("f2", "b", None, {**base, "per_year": False})])
    assert fact.conflict and {v for v, _ in fact.values} == {"16000 a year", "16000"}


def test_year_comes_from_the_text_else_the_article_date() -> None:
    stated = rate("f1", "a", "2019-01-15", 83.3, "exact", year=2017)
    dated = rate("f2", "b", "2017-06-01", 84.7, "exact", year=None)
    other_year = rate("f3", "c", "2019-01-15", 90.0, "exact", year=None)
    facts = consolidate([stated, dated, other_year])
    assert [f.key for f in facts] == [("recording_rate", "kent", "all_crime", "2017"),
                                      ("recording_rate", "kent", "all_crime", "2019")]
    assert facts[0].year == 2017 and len(facts[0].mentions) == 2


def test_without_any_year_mentions_stay_within_their_article() -> None:
    a1 = rate("f1", "a", None, 80.0, "exact", year=None)
    a2 = rate("f2", "a", None, 80.0, "approx", year=None)
    b1 = rate("f3", "b", None, 70.0, "exact", year=None)
    facts = consolidate([a1, a2, b1])
    assert [f.key for f in facts] == [("recording_rate", "kent", "all_crime", "unknown", "a"),
                                      ("recording_rate", "kent", "all_crime", "unknown", "b")]
    assert all(not f.conflict and f.year is None for f in facts)


def test_grades_group_by_area_and_crime_types_apart() -> None:
    grade = {"type": "grade", "force": "wiltshire", "year": 2017}
    cdi = Mention("g1", "a", None, {**grade, "area": "crime_data_integrity", "grade": "good"})
    culture = Mention("g2", "a", None, {**grade, "area": "leadership_and_culture", "grade": "outstanding"})
    violence = Mention("r1", "a", None, {"type": "recording_rate", "force": "wiltshire", "crime_type": "violence",
                                         "value": 87.7, "qualifier": "exact", "year": 2017})
    keys = sorted(group_key(m) for m in (cdi, culture, violence))
    assert keys == [("grade", "wiltshire", "crime_data_integrity", "2017"),
                    ("grade", "wiltshire", "leadership_and_culture", "2017"),
                    ("recording_rate", "wiltshire", "violence", "2017")]
    assert len(consolidate([cdi, culture, violence])) == 3


def test_fact_ids_depend_on_the_key_only() -> None:
    first = only([rate("f1", "a", None, 80.0, "exact")])
    second = only([rate("f9", "z", "2018-02-02", 99.0, "approx")])
    assert first.fact_id == second.fact_id and len(first.fact_id) == 20


def test_a_fact_with_many_sources_names_a_few_in_its_line_and_counts_the_rest() -> None:
    many = only([rate(f"f{i}", f"art-{i:03d}", "2018-06-01", 81.5, "exact") for i in range(40)])
    line = many.describe()
    assert line.endswith("(40 articles: art-000, art-001, art-002, art-003, art-004 and 35 more)")
    few = only([rate(f"f{i}", f"art-{i}", "2018-06-01", 81.5, "exact") for i in range(2)])
    assert few.describe().endswith("(2 articles: art-0, art-1)")
