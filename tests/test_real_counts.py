"""Unrecorded counts in the constructions real coverage uses (catalogues 1 and 2, SCHEMA §5 of 2026-12-06):
each class as a table of the catalogue's examples, its negatives and sentences of our own that vary the cue
words, the order and the distance. Only the unrecorded counts of each text are compared."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

UC = "unrecorded_count"


def counts(nlp: Language, text: str, date: str | None = None) -> list[tuple[Any, ...]]:
    """The unrecorded counts of ``text`` as (force, crime_type, value, per_year, qualifier), in order."""
    doc = nlp.make_doc(text)
    doc._.article_date = date
    return [(f["force"], f["crime_type"], f["value"], f["per_year"], f["qualifier"])
            for f in nlp(doc)._.findings if f["type"] == UC]


Case = tuple[str, list[tuple[Any, ...]]]

# No unrecorded count from an audit sample: what was examined, its unrecorded part, nor a breakdown of that
# part (SCHEMA §5, ANNOTATION.md). An estimate for the whole force, after an audit, is still a count.
IN_SAMPLE: list[Case] = [
    ("Durham Constabulary was inspected. Of the 310 violent crimes checked, 47 had not been recorded.", []),
    ("Gwent Police was inspected. Of 1,024 crimes in the audit, 936 had been recorded. That leaves 88 crimes that never "
     "made it onto the system.", []),
    ("Kent Police was inspected. Inspectors examined 420 incident records. They found 42 that should have been recorded "
     "as crimes but had not been.", []),
    # Our own.
    ("Inspectors examined 500 crime reports at Essex Police and found 61 that had not been recorded.", []),
    ("At Surrey Police, 9 of 87 audited rape reports were not recorded.", []),
    ("Of the 30 unrecorded rape reports at Gloucestershire Constabulary, six were later recorded and 13 had not been "
     "recorded at all.", []),
    # Negatives: the force's total, estimated, is a count.
    ("Kent Police audited 1,000 crimes. Inspectors estimate that the force fails to record 9,000 crimes a year.",
     [("kent", "all_crime", 9000, True, "approx")]),
    ("Inspectors found 4,200 crimes at Kent Police that should have been recorded as crimes but had not been.",
     [("kent", "all_crime", 4200, False, "exact")]),
    ("Of the 1,394 crime reports inspectors audited at Essex Police, 402 related to domestic abuse. The force records 85.2 "
     "per cent of violent crime, leaving roughly 1,100 reports unrecorded.", [("essex", "violence", 1100, False, "approx")]),
    ("Kent Police recorded 91.5 per cent of crime in the period inspectors examined, so about 7,000 reported offences "
     "went unlogged.", [("kent", "all_crime", 7000, False, "approx")]),
]

# A count per day, week or month restates a total in other units: no finding (SCHEMA §5).
PER_DAY: list[Case] = [
    ("Around 220 crimes a day go unrecorded by Kent Police, the inspectors say.", []),
    # Our own.
    ("Essex Police fails to record roughly 40 violent crimes each day.", []),
    ("Every week, some 150 crimes are not recorded by Surrey Police.", []),
    ("Sussex Police does not record about 600 crimes a month, the report says.", []),
    # A total restated per day beside it is no count, nor a part of a sample (dev6); the total itself, in this
    # apposition, is not read (left alone: its predicate lies past the restatement).
    ("Kent Police was inspected. Around 11,900 crimes each year – more than 30 a day – are not making it onto the "
     "force's crime system.", []),
    ("Kent Police was inspected. Around 11,900 crimes each year, more than 30 a day, are not recorded.", []),
    # Negatives: a year is a rate.
    ("Kent Police fails to record 8,000 crimes a year.", [("kent", "all_crime", 8000, True, "exact")]),
    ("Every year, some 1,500 crimes are not recorded by Surrey Police.", [("surrey", "all_crime", 1500, True, "approx")]),
]

# A sentence marked national only by a national figure of its own, or by 'on average' hedging the count, still
# gives the force's count; a sentence about forces in general gives none.
NATIONAL_ASIDE: list[Case] = [
    ("Avon and Somerset Police recorded 88.9 per cent of reported crime, below the national average of 92.2 per cent, "
     "and inspectors estimated that 18,500 crimes a year were not being recorded.",
     [("avon_and_somerset", "all_crime", 18500, True, "approx")]),
    ("Kent Police records 90 per cent of crime, against a national average of 92 per cent, so 9,000 crimes a year go "
     "unrecorded.", [("kent", "all_crime", 9000, True, "exact")]),
    ("Essex Police was inspected. The force is below the national average of 91 per cent and fails to record some 5,000 "
     "crimes a year.", [("essex", "all_crime", 5000, True, "approx")]),
    ("Nationally, around 800,000 crimes a year go unrecorded across England and Wales.", []),
]

# A bounded, dated period is no rate: per_year false (ANNOTATION.md, dev2-301).
BOUNDED: list[Case] = [
    ("Over 900 sexual offences went unrecorded by Cumbria Constabulary in the twelve months to March.",
     [("cumbria", "sexual_offences", 900, False, "more_than")]),
    # Our own.
    ("Greater Manchester Police failed to record an estimated 80,100 crimes in the 12 months to 30 June 2020.",
     [("greater_manchester", "all_crime", 80100, False, "approx")]),
    ("Essex Police did not record 2,300 crimes in the twelve months to September 2019.",
     [("essex", "all_crime", 2300, False, "exact")]),
    ("In the 12 months to March 2021, Kent Police failed to record 5,200 crimes.",
     [("kent", "all_crime", 5200, False, "exact")]),
]

# A count given as a range: two findings, the lower bound more_than and the upper less_than, both read with the words
# after the upper bound (its crime type, its rate period); a confidence interval around an estimate gives none
# (ANNOTATION.md, dev8; dev9).
RANGES: list[Case] = [
    ("The inspectorate estimated that Derbyshire alone was failing to record between 10,000 and 14,000 crimes a year.",
     [("derbyshire", "all_crime", 10000, True, "more_than"), ("derbyshire", "all_crime", 14000, True, "less_than")]),
    ("Essex Police fails to record between 2,500 and 3,500 violent crimes each year.",
     [("essex", "violence", 2500, True, "more_than"), ("essex", "violence", 3500, True, "less_than")]),
    ("Based on that audit, they estimate that Kent Police is failing to record between 3,000 and 4,000 crimes a year – "
     "down from more than 9,000 a year in 2019.",
     [("kent", "all_crime", 3000, True, "more_than"), ("kent", "all_crime", 4000, True, "less_than"),
      ("kent", "all_crime", 9000, True, "more_than")]),
    ("Between 700 and 900 sexual offences went unrecorded by Cumbria Constabulary in the twelve months to March.",
     [("cumbria", "sexual_offences", 700, False, "more_than"), ("cumbria", "sexual_offences", 900, False, "less_than")]),
    ("Essex Police fails to record an estimated 2,700 crimes a year; the true figure could be between 2,050 and 3,150, "
     "the inspectorate said.", [("essex", "all_crime", 2700, True, "approx")]),
    ("Kent Police employed between 3,000 and 4,000 officers.", []),
]

# An unstated number of a scale is a vague magnitude: a COUNT span, no finding (dev9).
SOME_SCALE: list[Case] = [
    ("South Yorkshire Police was inspected. Several hundred thousand crimes a year would be missing from the figures.", []),
    ("Kent Police fails to record a few thousand crimes a year.", []),
    ("Essex Police does not record many thousands of crimes.", []),
    ("Essex Police does not record 3,000 crimes a year.", [("essex", "all_crime", 3000, True, "exact")]),
]

# The rate period after the predicate, far from the count (catalogue-2 A11).
PERIOD_AFTER_PREDICATE: list[Case] = [
    ("More than 3,500 crimes reported across the patch covered by Cheshire Constabulary go unrecorded each year, "
     "according to inspectors.", [("cheshire", "all_crime", 3500, True, "more_than")]),
    ("The report estimates that over 900 sexual offences go unrecorded by Cumbria Constabulary every year.",
     [("cumbria", "sexual_offences", 900, True, "more_than")]),
    ("Cumbria Constabulary was inspected. The inspectors estimate that over 1,100 violent offences go unrecorded in "
     "Cumbria every year.", [("cumbria", "violence", 1100, True, "more_than")]),
    # Our own.
    ("Around 2,000 crimes reported to officers by residents of the county are not recorded by Kent Police every year.",
     [("kent", "all_crime", 2000, True, "approx")]),
    ("Some 700 violent offences go unrecorded at Essex Police annually.", [("essex", "violence", 700, True, "approx")]),
    ("Roughly 1,300 crimes are never recorded by Surrey Police each year, the inspectors said.",
     [("surrey", "all_crime", 1300, True, "approx")]),
    # Negative: a clause boundary stops the period.
    ("About 1,300 crimes went unrecorded at Surrey Police, and the force audits its records each year.",
     [("surrey", "all_crime", 1300, False, "approx")]),
]

# A count and a percentage in apposition are one value said twice: the percentage's cue says what the count is
# (catalogue-1 A7, catalogue-2 A21).
APPOSITION: list[Case] = [
    ("Roughly 6,500 crimes a year, the equivalent of 14.2 per cent, are left unrecorded by Cleveland Police.",
     [("cleveland", "all_crime", 6500, True, "approx")]),
    ("Cleveland Police was inspected. Data suggest close to 9,000 offences a year an equivalent of 11.3 per cent are "
     "going unrecorded at the constabulary.", [("cleveland", "all_crime", 9000, True, "less_than")]),
    ("The report estimates that 9 per cent of all crimes reported in Gwent, some 5,600 incidents, were not recorded by "
     "the force.", [("gwent", "all_crime", 5600, False, "approx")]),
    # Our own.
    ("About 4,000 crimes a year, or 7 per cent, are not recorded by Essex Police.", [("essex", "all_crime", 4000, True, "approx")]),
    ("Kent Police fails to record 8 per cent of crimes, or about 9,000 a year.", [("kent", "all_crime", 9000, True, "approx")]),
    ("Some 3,000 crimes (6 per cent) go unrecorded by Surrey Police every year.", [("surrey", "all_crime", 3000, True, "approx")]),
    # A share of every crime reported ("of those reported"), and a share between dashes (dev6).
    ("Kent Police was inspected. About 6,700 crimes a year, or 9 per cent of those reported, are not recorded.",
     [("kent", "all_crime", 6700, True, "approx")]),
    ("Kent Police was inspected. That still leaves about 6,700 crimes a year – nine per cent of everything reported – "
     "that are not being properly recorded.", [("kent", "all_crime", 6700, True, "approx")]),
    ("Some 2,100 violent crimes a year — 12 per cent of those reported by callers — go unrecorded by Dorset Police.",
     [("dorset", "violence", 2100, True, "approx")]),
    # Negatives: staff, not crimes; a share of the count.
    ("Kent Police was inspected. It failed to record 9,000 crimes a year – a third of them violent.",
     [("kent", "all_crime", 9000, True, "exact")]),
    ("Cleveland Police was inspected. About 6,500 officers, the equivalent of 14.2 per cent of the workforce, are not yet "
     "trained in the recording rules.", []),
]

# A count after a rate of one crime type takes that type; "across all crime types" resets it (catalogue-2 A2).
RATE_TYPE: list[Case] = [
    ("Inspectors say Essex Police records 89 per cent of violent crimes, leaving 2,700 reports of crime unrecorded.",
     [("essex", "violence", 2700, False, "exact")]),
    ("Kent Police was inspected. A further finding was that the force records 97 per cent of sexual offences, with 130 "
     "incidents unrecorded.", [("kent", "sexual_offences", 130, False, "exact")]),
    ("Kent Police was inspected. Only 82.6 per cent of reported domestic abuse crimes were recorded, equal to about 640 "
     "not being recorded.", [("kent", "domestic_abuse", 640, False, "approx")]),
    ("Kent Police was inspected. Violent crime was recorded 92.4 per cent of the time, while across all crime types "
     "11,300 reports went unrecorded.", [("kent", "all_crime", 11300, False, "exact")]),
    # Our own.
    ("Surrey Police records 91 per cent of sexual offences, leaving around 200 reports unrecorded.",
     [("surrey", "sexual_offences", 200, False, "approx")]),
    ("Sussex Police recorded 85 per cent of domestic abuse crimes, meaning 900 incidents were not recorded.",
     [("sussex", "domestic_abuse", 900, False, "exact")]),
    ("At Warwickshire Police, inspectors found the force records 85.2 per cent of violent crime, leaving roughly 1,100 "
     "reports unrecorded, while across all crime types some 2,900 go unrecorded each year.",
     [("warwickshire", "violence", 1100, False, "approx"), ("warwickshire", "all_crime", 2900, True, "approx")]),
]

# 'Not recorded' predicates the extractor did not know (catalogue-2 A4).
PREDICATES: list[Case] = [
    # "such crimes" refers back to the crime type of the sentence before (dev6)
    ("Suffolk Constabulary was inspected. The focus would now be on sexual offences. More than 1 in 10 such crimes "
     "still go unrecorded – about 260 a year, the report estimated.", [("suffolk", "sexual_offences", 260, True, "approx")]),
    ("Kent Police was inspected. It was criticised. About 900 such crimes a year go unrecorded.",
     [("kent", "all_crime", 900, True, "approx")]),
    # an adverb between "being" and "recorded" (dev6)
    ("Kent Police was inspected. About 6,700 crimes a year are not being properly recorded.",
     [("kent", "all_crime", 6700, True, "approx")]),
    ("Essex Police was inspected. Some 900 sexual offences a year were not being correctly recorded.",
     [("essex", "sexual_offences", 900, True, "approx")]),
    ("The inspectorate believes almost 6,900 crimes go unreported by Durham Constabulary every year.",
     [("durham", "all_crime", 6900, True, "less_than")]),
    ("Cleveland Police records 89.2 per cent of reported crime, so roughly 5,900 reports from victims do not get "
     "recorded each year.", [("cleveland", "all_crime", 5900, True, "approx")]),
    ("According to the audit, West Mercia Police logged 90.7% of crime, so 8,450 reported offences went unlogged- more "
     "than last time.", [("west_mercia", "all_crime", 8450, False, "exact")]),
    ("Around 40 per cent of burglaries go unreported to the police, a national survey of victims suggests.", []),
    # Our own.
    ("About 1,200 crimes were left off the record by Kent Police last year.", [("kent", "all_crime", 1200, False, "approx")]),
    ("Some 2,500 reports of crime were not put on the system at Essex Police.", [("essex", "all_crime", 2500, False, "approx")]),
    ("Nearly 3,000 violent crimes a year never get recorded by Surrey Police.",
     [("surrey", "violence", 3000, True, "less_than")]),
    ("Sussex Police was inspected. This means that approximately 11,000 crimes reported to the force each year aren't "
     "recorded.", [("sussex", "all_crime", 11000, True, "approx")]),
    ("Around 7,300 crimes reported to West Mercia Police last year were never even recorded, the watchdog says.",
     [("west_mercia", "all_crime", 7300, False, "approx")]),
    ("Greater Manchester Police does not record 1,100 sexual offences a year, the inspectors have estimated.",
     [("greater_manchester", "sexual_offences", 1100, True, "approx")]),
]

# A breakdown of an unrecorded total by crime type: a finding per part, with the total's per_year (catalogue-2 A5).
BREAKDOWNS: list[Case] = [
    ("Nottinghamshire Police failed to record 9,800 crimes – 5,100 of which were violent and 270 sexual.",
     [("nottinghamshire", "all_crime", 9800, False, "exact"), ("nottinghamshire", "violence", 5100, False, "exact"),
      ("nottinghamshire", "sexual_offences", 270, False, "exact")]),
    ("The inspectorate estimates that almost 7,700 crimes a year go unrecorded by Warwickshire Police, including 2,300 "
     "violent crimes and 140 sexual assaults.",
     [("warwickshire", "all_crime", 7700, True, "less_than"), ("warwickshire", "violence", 2300, True, "approx"),
      ("warwickshire", "sexual_offences", 140, True, "approx")]),
    ("Nottinghamshire Police failed to record 9,800 crimes. Of the 9,800 unrecorded crimes, most had been reported by "
     "telephone.", [("nottinghamshire", "all_crime", 9800, False, "exact")]),
    # Our own.
    ("Kent Police fails to record about 6,000 crimes a year, 2,000 of which are violent and 150 sexual.",
     [("kent", "all_crime", 6000, True, "approx"), ("kent", "violence", 2000, True, "exact"),
      ("kent", "sexual_offences", 150, True, "exact")]),
    ("Essex Police failed to record 4,500 crimes, including 1,200 violent crimes and 90 sexual offences.",
     [("essex", "all_crime", 4500, False, "exact"), ("essex", "violence", 1200, False, "exact"),
      ("essex", "sexual_offences", 90, False, "exact")]),
    ("This means that over 6,200 crimes a year are not being recorded by Derbyshire Constabulary – including an estimated "
     "3,100 violent crimes and 150 sexual offences.",
     [("derbyshire", "all_crime", 6200, True, "more_than"), ("derbyshire", "violence", 3100, True, "approx"),
      ("derbyshire", "sexual_offences", 150, True, "approx")]),
]

# A review of every incident (not a sample) finds crimes the force failed to record: an unrecorded count, whether the
# review is in the same sentence or the one before; a 'recorded' that ended its clause before the part is no
# recording of the part (dev12).
REVIEW_OF_EVERY: list[Case] = [
    ("Cambridgeshire Constabulary was inspected. In addition, the team reviewed all 1,364 incidents closed in the quarter. "
     "It identified 57 crimes that had not been recorded, 23 of which were assaults.",
     [("cambridgeshire", "all_crime", 57, False, "exact")]),
    ("Essex Police was inspected. A review of every incident closed as concern for welfare had identified 212 crimes that "
     "had not been recorded, 61 of which were violent offences.",
     [("essex", "all_crime", 212, False, "exact"), ("essex", "violence", 61, False, "exact")]),
    ("Kent Police was inspected. The team looked at every incident closed in March. It found 40 crimes that had not been "
     "recorded.", [("kent", "all_crime", 40, False, "exact")]),
]

# A part or restatement inherits from the count before it: its crime type or its per_year.
INHERITED: list[Case] = [
    ("Of the 9,800 crimes Nottinghamshire Police failed to record, 5,100 were violent.",
     [("nottinghamshire", "all_crime", 9800, False, "exact"), ("nottinghamshire", "violence", 5100, False, "exact")]),
    # Our own.
    ("Kent Police fails to record about 9,000 crimes a year. Of these, 4,200 were reports of violent crime.",
     [("kent", "all_crime", 9000, True, "approx"), ("kent", "violence", 4200, True, "exact")]),
    ("Staffordshire Police fails to record 7,000 crimes a year. In 2017 that figure was 17,600 a year.",
     [("staffordshire", "all_crime", 7000, True, "exact"), ("staffordshire", "all_crime", 17600, True, "exact")]),
    ("Essex Police does not record 6,300 crimes a year, about 3,800 of them violent crimes.",
     [("essex", "all_crime", 6300, True, "exact"), ("essex", "violence", 3800, True, "approx")]),
    # Negative: "3,700 crimes of every kind" is all crime whatever type came before.
    ("Kent Police was inspected. Violent crime is under-recorded, and on average 3,700 crimes of every kind are not "
     "recorded by the force each year.", [("kent", "all_crime", 3700, True, "approx")]),
]

TABLES = {"ranges": RANGES, "some_scale": SOME_SCALE, "in_sample": IN_SAMPLE, "per_day": PER_DAY, "national_aside": NATIONAL_ASIDE, "bounded": BOUNDED, "period_after_predicate": PERIOD_AFTER_PREDICATE,
          "apposition": APPOSITION, "rate_type": RATE_TYPE, "predicates": PREDICATES, "breakdowns": BREAKDOWNS,
          "inherited": INHERITED, "review_of_every": REVIEW_OF_EVERY}
CASES = [pytest.param(text, expected, id=f"{name}-{i}") for name, table in TABLES.items() for i, (text, expected) in enumerate(table)]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_real_counts(nlp: Language, text: str, expected: list[tuple[Any, ...]]) -> None:
    assert counts(nlp, text, "2023-06-15") == expected
