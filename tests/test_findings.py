"""Findings from the phrasing of real coverage: conversions, force resolution, years, and what is
not a finding. Each case is a short text and the findings it must (or must not) give."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from pipeline.schema import CORE_FIELDS, STRICT_FIELDS


def findings(nlp: Language, text: str, date: str | None = None) -> list[dict[str, Any]]:
    doc = nlp.make_doc(text)
    doc._.article_date = date
    return list(nlp(doc)._.findings)


def _key(f: dict[str, Any]) -> tuple[Any, ...]:
    fields = CORE_FIELDS[f["type"]] + STRICT_FIELDS[f["type"]]
    return (f["type"],) + tuple(f.get(k) for k in fields)


RR, UC, AS, GR, OF = "recording_rate", "unrecorded_count", "audit_sample", "grade", "official"

CASES: list[tuple[str, str | None, list[dict[str, Any]]]] = [
    ("Leicestershire Police is failing to record almost one in four crimes reported to it.", "2017-09-07",
     [{"type": RR, "force": "leicestershire", "crime_type": "all_crime", "value": 75.0, "qualifier": "more_than", "year": 2017}]),
    ("Leicestershire Police was inspected. The force records around 76 per cent of crimes reported to it.", "2017-09-07",
     [{"type": RR, "force": "leicestershire", "crime_type": "all_crime", "value": 76.0, "qualifier": "approx", "year": 2017}]),
    ("Wiltshire Police fails to record over 4,100 reported crimes a year.", None,
     [{"type": UC, "force": "wiltshire", "crime_type": "all_crime", "value": 4100, "per_year": True, "qualifier": "more_than", "year": None}]),
    ("Wiltshire Police was inspected. Violent crimes were under-reported by 12.3 per cent, with more than 1,800 a year going unrecorded.", None,
     [{"type": RR, "force": "wiltshire", "crime_type": "violence", "value": 87.7, "qualifier": "exact", "year": None},
      {"type": UC, "force": "wiltshire", "crime_type": "violence", "value": 1800, "per_year": True, "qualifier": "more_than", "year": None}]),
    ("Leicestershire Police was criticised. I am disappointed to find that a third of reported violent crimes are not properly recorded.", "2017-09-07",
     [{"type": RR, "force": "leicestershire", "crime_type": "violence", "value": 66.7, "qualifier": "approx", "year": 2017}]),
    ("In 2017 the same watchdog said five out of six reported crimes were recorded by West Midlands Police - but 38,800 each year were not.", "2019-01-15",
     [{"type": RR, "force": "west_midlands", "crime_type": "all_crime", "value": 83.3, "qualifier": "approx", "year": 2017},
      {"type": UC, "force": "west_midlands", "crime_type": "all_crime", "value": 38800, "per_year": True, "qualifier": "exact", "year": 2017}]),
    ("Sussex Police was inspected. Some 19.6 per cent of crimes were falling by the wayside.", "2018-01-01",
     [{"type": RR, "force": "sussex", "crime_type": "all_crime", "value": 80.4, "qualifier": "approx", "year": 2018}]),
    ("Wiltshire Police was audited: 74 of 81 audited rape reports were recorded accurately.", None,
     [{"type": AS, "force": "wiltshire", "crime_type": "rape", "recorded": 74, "total": 81, "year": None}]),
    # A hedged figure with the precise one in brackets is one finding, nouns between them or not.
    ("Just over nine in 10 crimes (91.4%) reported to Durham Constabulary are now recorded.", None,
     [{"type": RR, "force": "durham", "crime_type": "all_crime", "value": 91.4, "qualifier": "exact", "year": None}]),
    # "x out of y" with y over 20 is a sample, hedge or no hedge.
    ("Some 72 out of 80 reports of rape were recorded correctly by Avon and Somerset Constabulary.", None,
     [{"type": AS, "force": "avon_and_somerset", "crime_type": "rape", "recorded": 72, "total": 80, "year": None}]),
    # A crime type heading the sentence before a colon says which reports the sample is of.
    ("Dyfed-Powys Police was inspected. Rape did better: 41 of the 44 reports audited had been recorded.", None,
     [{"type": AS, "force": "dyfed_powys", "crime_type": "rape", "recorded": 41, "total": 44, "year": None}]),
    ("Dyfed-Powys Police was inspected. Overall: 41 of the 44 reports audited had been recorded.", None,
     [{"type": AS, "force": "dyfed_powys", "crime_type": "all_crime", "recorded": 41, "total": 44, "year": None}]),
    ("West Midlands Police was re-inspected. Of the 2,176 reports of crime audited, 470 related to domestic abuse - of these 354 were recorded.", "2019-01-15",
     [{"type": AS, "force": "west_midlands", "crime_type": "domestic_abuse", "recorded": 354, "total": 470, "year": 2019}]),
    ("Gloucestershire police has been rated 'inadequate' after the inspection.", "2018-01-01",
     [{"type": GR, "force": "gloucestershire", "area": "crime_data_integrity", "grade": "inadequate", "year": 2018}]),
    ("The inspectorate rated two forces – Thames Valley and North Yorkshire – as inadequate.", "2020-01-01",
     [{"type": GR, "force": "thames_valley", "area": "crime_data_integrity", "grade": "inadequate", "year": 2020},
      {"type": GR, "force": "north_yorkshire", "area": "crime_data_integrity", "grade": "inadequate", "year": 2020}]),
    ("Wiltshire Police was inspected. The force was rated outstanding for the leadership and culture from senior officers.", None,
     [{"type": GR, "force": "wiltshire", "area": "leadership_and_culture", "grade": "outstanding", "year": None}]),
    ("HM Inspector of Constabulary Zoe Billingham said the findings were of concern.", None,
     [{"type": OF, "person": "Zoe Billingham", "role": "hm_inspector_of_constabulary", "organisation": "hmicfrs"}]),
    ("Wiltshire and Swindon Police and Crime Commissioner Angus Macpherson said it mattered.", None,
     [{"type": OF, "person": "Angus Macpherson", "role": "police_and_crime_commissioner", "organisation": "wiltshire"}]),
    ("Gloucestershire Constabulary was criticised. Responding to the report, chief constable Rod Hansen said it was a failure.", None,
     [{"type": OF, "person": "Rod Hansen", "role": "chief_constable", "organisation": "gloucestershire"}]),
    ("West Midlands Police was rated inadequate. The watchdog also published a report on Leicestershire. In 2018, the force recorded around 84.1% of reported crime, up 8.3% from the previous year.", "2019-01-15",
     [{"type": GR, "force": "west_midlands", "area": "crime_data_integrity", "grade": "inadequate", "year": 2019},
      {"type": RR, "force": "leicestershire", "crime_type": "all_crime", "value": 84.1, "qualifier": "approx", "year": 2018}]),
    ("Hertfordshire Constabulary fails to record nearly one in five (19.6%) of crimes.", "2017-02-09",
     [{"type": RR, "force": "hertfordshire", "crime_type": "all_crime", "value": 80.4, "qualifier": "exact", "year": 2017}]),
    ("Kent Police was inspected. The report estimated that the force fails to record 9,200 crimes a year.", "2016-01-01",
     [{"type": UC, "force": "kent", "crime_type": "all_crime", "value": 9200, "per_year": True, "qualifier": "approx", "year": 2016}]),
    ("In Gwent, inspectors found that five out of six reported crimes were recorded.", "2018-06-01",
     [{"type": RR, "force": "gwent", "crime_type": "all_crime", "value": 83.3, "qualifier": "approx", "year": 2018}]),
    ("Kent Police was inspected for the period 1 October 2015 to 31 March 2016, when it recorded 83.6 per cent of crimes.", "2017-01-10",
     [{"type": RR, "force": "kent", "crime_type": "all_crime", "value": 83.6, "qualifier": "exact", "year": 2016}]),
    ("Below is the share of reported crime each force records.\n\nForce – Grade – Crimes recorded\n\n"
     "Cheshire Constabulary – Inadequate – 86.7%\nDurham Constabulary – Outstanding – 96.0%\n", "2019-03-28",
     [{"type": RR, "force": "cheshire", "crime_type": "all_crime", "value": 86.7, "qualifier": "exact", "year": 2019},
      {"type": RR, "force": "durham", "crime_type": "all_crime", "value": 96.0, "qualifier": "exact", "year": 2019},
      {"type": GR, "force": "cheshire", "area": "crime_data_integrity", "grade": "inadequate", "year": 2019},
      {"type": GR, "force": "durham", "area": "crime_data_integrity", "grade": "outstanding", "year": 2019}]),
    ("Cleveland Police was inspected. It estimates the force now fails to record roughly 4,000 crimes a year, down from more than 11,000 in 2019.", "2023-09-14",
     [{"type": UC, "force": "cleveland", "crime_type": "all_crime", "value": 4000, "per_year": True, "qualifier": "approx", "year": 2023},
      {"type": UC, "force": "cleveland", "crime_type": "all_crime", "value": 11000, "per_year": True, "qualifier": "more_than", "year": 2019}]),
    ("North Wales Police was inspected. They estimated about 6,300 crimes a year go unrecorded, about 3,800 of them violent crimes.", "2017-11-16",
     [{"type": UC, "force": "north_wales", "crime_type": "all_crime", "value": 6300, "per_year": True, "qualifier": "approx", "year": 2017},
      {"type": UC, "force": "north_wales", "crime_type": "violence", "value": 3800, "per_year": True, "qualifier": "approx", "year": 2017}]),
    ("South Wales Police was praised.\nREAD MORE: Gwent Police chief constable announces retirement\n"
     "Supt Emma Lloyd, who heads the force's crime standards unit, said it was good news.", None,
     [{"type": OF, "person": "Emma Lloyd", "role": "superintendent", "organisation": "south_wales"}]),
    ("Dyfed-Powys Police recorded 91.9 per cent of crimes. That compares with 86.7 per cent when the force was last inspected, in 2016.", "2021-03-04",
     [{"type": RR, "force": "dyfed_powys", "crime_type": "all_crime", "value": 91.9, "qualifier": "exact", "year": 2021},
      {"type": RR, "force": "dyfed_powys", "crime_type": "all_crime", "value": 86.7, "qualifier": "exact", "year": 2016}]),
    # A list of parts after "including" belongs to the count before it, even one too vague to be a finding.
    ("Lincolnshire Police is failing to record about 6,300 crimes a year, including 300 sexual offences and 1,400 violent crimes.", "2023-06-15",
     [{"type": UC, "force": "lincolnshire", "crime_type": "all_crime", "value": 6300, "per_year": True, "qualifier": "approx", "year": 2023},
      {"type": UC, "force": "lincolnshire", "crime_type": "sexual_offences", "value": 300, "per_year": True, "qualifier": "exact", "year": 2023},
      {"type": UC, "force": "lincolnshire", "crime_type": "violence", "value": 1400, "per_year": True, "qualifier": "exact", "year": 2023}]),
    # The first part's hedge is the list's (ANNOTATION: "One hedge over a list"; dev6 and dev13 gold read it so).
    ("Lincolnshire Police is failing to record thousands of crimes a year, including about 1,400 violent crimes and 300 sexual offences.", "2023-06-15",
     [{"type": UC, "force": "lincolnshire", "crime_type": "violence", "value": 1400, "per_year": True, "qualifier": "approx", "year": 2023},
      {"type": UC, "force": "lincolnshire", "crime_type": "sexual_offences", "value": 300, "per_year": True, "qualifier": "approx", "year": 2023}]),
    # "of those N" names the whole again: not a listed part of anything before it. The 88 left over is part of
    # the sample, no unrecorded count (SCHEMA §5, 2026-12-06).
    ("Gwent Police was inspected. Of 1,024 crimes in the audit, 936 had been recorded. That leaves 88 crimes that never made it onto "
     "the system. Of those 1,024 crimes, 286 involved violence - and of these, 241 were recorded.", None,
     [{"type": AS, "force": "gwent", "crime_type": "all_crime", "recorded": 936, "total": 1024, "year": None},
      {"type": AS, "force": "gwent", "crime_type": "violence", "recorded": 241, "total": 286, "year": None}]),
    ("Kent Police recorded 90 per cent of crimes reported; crimes not recorded were mostly violent.", "2023-06-15",
     [{"type": RR, "force": "kent", "crime_type": "all_crime", "value": 90.0, "qualifier": "exact", "year": 2023}]),
    ("Kent Police was rated good, not outstanding.", "2023-06-15",
     [{"type": GR, "force": "kent", "area": "crime_data_integrity", "grade": "good", "year": 2023}]),
    # An earlier inspection's own finding takes its year; "since" that inspection does not.
    ("Kent Police was inspected. Its previous inspection, in 2017, found it recorded 83 per cent of crimes.", "2023-06-15",
     [{"type": RR, "force": "kent", "crime_type": "all_crime", "value": 83.0, "qualifier": "exact", "year": 2017}]),
    ("Kent Police was inspected. Since the last inspection, in 2014, the force has recorded 90 per cent of crimes.", "2023-06-15",
     [{"type": RR, "force": "kent", "crime_type": "all_crime", "value": 90.0, "qualifier": "exact", "year": 2023}]),
    # "respectively" pairs the figures of one kind with the forces, in order.
    ("Cumbria and Lancashire recorded 92.1 per cent and 88.4 per cent of crimes respectively.", "2023-06-15",
     [{"type": RR, "force": "cumbria", "crime_type": "all_crime", "value": 92.1, "qualifier": "exact", "year": 2023},
      {"type": RR, "force": "lancashire", "crime_type": "all_crime", "value": 88.4, "qualifier": "exact", "year": 2023}]),
    ("Kent Police and Essex Police failed to record 4,000 and 7,600 crimes respectively.", "2023-06-15",
     [{"type": UC, "force": "kent", "crime_type": "all_crime", "value": 4000, "per_year": False, "qualifier": "exact", "year": 2023},
      {"type": UC, "force": "essex", "crime_type": "all_crime", "value": 7600, "per_year": False, "qualifier": "exact", "year": 2023}]),
    # A rate period may open the sentence; two counts joined by "and", each with its own crime type, are two findings.
    ("Northumbria Police was inspected. In a year, inspectors said, that means more than 5,000 violent crimes are reported "
     "to the force but never make it onto its systems.", "2019-08-20",
     [{"type": UC, "force": "northumbria", "crime_type": "violence", "value": 5000, "per_year": True, "qualifier": "more_than", "year": 2019}]),
    ("Inspectors estimated that Northumbria Police fails to record roughly 1,100 sexual offences annually and close to 3,000 "
     "domestic abuse crimes every 12 months.", "2019-08-20",
     [{"type": UC, "force": "northumbria", "crime_type": "sexual_offences", "value": 1100, "per_year": True, "qualifier": "approx", "year": 2019},
      {"type": UC, "force": "northumbria", "crime_type": "domestic_abuse", "value": 3000, "per_year": True, "qualifier": "less_than", "year": 2019}]),
    # A region that only ranks the force does not make the sentence national.
    ("Norfolk Constabulary was inspected. The force was the standout performer in the region, rated outstanding for recording "
     "data about crime and good for preventing crime and for its treatment of the public.", "2022-09-29",
     [{"type": GR, "force": "norfolk", "area": "crime_data_integrity", "grade": "outstanding", "year": 2022},
      {"type": GR, "force": "norfolk", "area": "preventing_crime", "grade": "good", "year": 2022},
      {"type": GR, "force": "norfolk", "area": "treatment_of_the_public", "grade": "good", "year": 2022}]),
    # A superlative ranks the force within its region: the figure is still the force's own.
    ("Bedfordshire Police had the lowest recording rate in the region, at 78 per cent.", "2014-11-18",
     [{"type": RR, "force": "bedfordshire", "crime_type": "all_crime", "value": 78.0, "qualifier": "exact", "year": 2014}]),
    # Links to other stories state nothing about this one: under a bare "More on this story" up to a blank
    # line, or after "Read more:"; nor do their forces change the focus.
    ("Kent Police has been rated good for crime recording.\n\nMore on this story\nEssex Police fails to record one in 10 crimes\n"
     "Surrey Police chief constable Tim De Meyer to retire\n\nThe force's chief constable, Alan Pughsley, welcomed the report.\n"
     "Read more: Essex Police fails to record 7,600 crimes a year", "2023-06-15",
     [{"type": GR, "force": "kent", "area": "crime_data_integrity", "grade": "good", "year": 2023},
      {"type": OF, "person": "Alan Pughsley", "role": "chief_constable", "organisation": "kent"}]),
    # A headline and lede before any force is named speak of the force the article names next.
    ("Police force 'failing to record one in six crimes'\nA police force is failing to record more than 16,000 crimes a year, "
     "a watchdog has said.\nNorthumbria Police records 84.5% of crimes reported to it.", "2024-05-02",
     [{"type": RR, "force": "northumbria", "crime_type": "all_crime", "value": 83.3, "qualifier": "approx", "year": 2024},
      {"type": UC, "force": "northumbria", "crime_type": "all_crime", "value": 16000, "per_year": True, "qualifier": "more_than", "year": 2024},
      {"type": RR, "force": "northumbria", "crime_type": "all_crime", "value": 84.5, "qualifier": "exact", "year": 2024}]),
    # Hyphenated ratios are proportions, not counts.
    ("Kent Police fails to record one-in-five crimes.", "2023-06-15",
     [{"type": RR, "force": "kent", "crime_type": "all_crime", "value": 80.0, "qualifier": "approx", "year": 2023}]),
    ("Kent Police fails to record 1-in-10 crimes.", "2023-06-15",
     [{"type": RR, "force": "kent", "crime_type": "all_crime", "value": 90.0, "qualifier": "approx", "year": 2023}]),
    # "should have been recorded" is what ought to be: the 42 are part of the audit of incidents, not the force's
    # count, and no total of crimes is said (SCHEMA §5, ANNOTATION.md Audits): no finding.
    ("Kent Police was inspected. Inspectors examined 420 incident records. They found 42 that should have been recorded as crimes "
     "but had not been.", "2014-06-12", []),
    # "should have been recorded" is what ought to be: the contrast after it says what is.
    ("Kent Police was inspected. Inspectors found 4,200 crimes that should have been recorded as crimes but had not been.", "2014-06-12",
     [{"type": UC, "force": "kent", "crime_type": "all_crime", "value": 4200, "per_year": False, "qualifier": "exact", "year": 2014}]),
    # "N out of M" with a grouped total is an audit sample too; "sampled" links the total to its crime type.
    ("At Essex Police, 1,905 out of 2,176 crimes audited were correctly recorded.", "2023-06-15",
     [{"type": AS, "force": "essex", "crime_type": "all_crime", "recorded": 1905, "total": 2176, "year": 2023}]),
    ("Essex Police had recorded 88 of the 100 sampled rape reports.", "2023-06-15",
     [{"type": AS, "force": "essex", "crime_type": "rape", "recorded": 88, "total": 100, "year": 2023}]),
    # A count in a sentence that points back ("That equates to ...") takes the cue of the sentence before.
    ("Kent Police fails to record 8 per cent of crimes. That equates to some 9,500 crimes every year.", "2023-06-15",
     [{"type": RR, "force": "kent", "crime_type": "all_crime", "value": 92.0, "qualifier": "exact", "year": 2023},
      {"type": UC, "force": "kent", "crime_type": "all_crime", "value": 9500, "per_year": True, "qualifier": "approx", "year": 2023}]),
    ("Kent Police records 92 per cent of crimes. That equates to some 140,000 crimes every year.", "2023-06-15",
     [{"type": RR, "force": "kent", "crime_type": "all_crime", "value": 92.0, "qualifier": "exact", "year": 2023}]),
    ("Essex Police was inspected. Roger Hirst, who oversees the force as police, fire and crime commissioner, said he was pleased.", None,
     [{"type": OF, "person": "Roger Hirst", "role": "police_fire_and_crime_commissioner", "organisation": "essex"}]),
    # A sentence opening on the sample the one before audited: the total, force and crime type are read there.
    ("Inspectors examined 60 violent crimes reported to Kent Police. Of these, 52 had been recorded.", "2023-06-15",
     [{"type": AS, "force": "kent", "crime_type": "violence", "recorded": 52, "total": 60, "year": 2023}]),
    # "all N ... in the sample ... recorded": a sample recorded in full.
    ("Gwent Police was inspected. Modern slavery: all 12 modern slavery crimes in the sample had been recorded.", None,
     [{"type": AS, "force": "gwent", "crime_type": "modern_slavery", "recorded": 12, "total": 12, "year": None}]),
    # "all but N" of an audited total: the recorded count is the rest.
    ("The inspectorate examined 58 rape reports made to Durham Constabulary and found that all but three had been recorded.", "2023-06-15",
     [{"type": AS, "force": "durham", "crime_type": "rape", "recorded": 55, "total": 58, "year": 2023}]),
    ("Inspectors examined 40 reports of rape made to Kent Police and found all but one had been correctly recorded.", "2023-06-15",
     [{"type": AS, "force": "kent", "crime_type": "rape", "recorded": 39, "total": 40, "year": 2023}]),
    # "the same rating it received in 2016": that earlier grade is a finding of its own, with its year.
    ("Northumbria Police was inspected. The inspectorate graded the force as requires improvement, the same rating it received in 2016.", "2019-08-20",
     [{"type": GR, "force": "northumbria", "area": "crime_data_integrity", "grade": "requires_improvement", "year": 2019},
      {"type": GR, "force": "northumbria", "area": "crime_data_integrity", "grade": "requires_improvement", "year": 2016}]),
    # A word of the present between a year and a figure dates the figure to the article.
    ("In 2019, inspectors graded Lancashire Constabulary as good; now it has been rated inadequate.", "2023-06-15",
     [{"type": GR, "force": "lancashire", "area": "crime_data_integrity", "grade": "good", "year": 2019},
      {"type": GR, "force": "lancashire", "area": "crime_data_integrity", "grade": "inadequate", "year": 2023}]),
    ("Kent Police was rated inadequate in 2014 but has since improved to good.", "2023-06-15",
     [{"type": GR, "force": "kent", "area": "crime_data_integrity", "grade": "inadequate", "year": 2014},
      {"type": GR, "force": "kent", "area": "crime_data_integrity", "grade": "good", "year": 2023}]),
    ("The 2016 report said Kent Police recorded 83.6 per cent of crimes, while the latest puts the figure at 96.1 per cent.", "2023-06-15",
     [{"type": RR, "force": "kent", "crime_type": "all_crime", "value": 83.6, "qualifier": "exact", "year": 2016},
      {"type": RR, "force": "kent", "crime_type": "all_crime", "value": 96.1, "qualifier": "exact", "year": 2023}]),
    ("In 2016 Kent Police was rated inadequate, but today the force records 96.1 per cent of crime.", "2023-06-15",
     [{"type": GR, "force": "kent", "area": "crime_data_integrity", "grade": "inadequate", "year": 2016},
      {"type": RR, "force": "kent", "crime_type": "all_crime", "value": 96.1, "qualifier": "exact", "year": 2023}]),
]

NOT_FINDINGS: list[tuple[str, str]] = [
    ("About three quarters of police forces have been inspected and of those, two-thirds were rated as either \"inadequate\" or \"requiring improvement\".", "general grades of forces"),
    ("Nationally, forces recorded 81 per cent of crimes, a national crime-recording rate unchanged since 2014.", "a national rate"),
    ("Kent Police was inspected. The recording rate in the region was 88 per cent.", "a regional rate, ranking no force"),
    ("Kent Police was inspected. Nationally, forces recorded 81 per cent of crimes, the best in the country.", "national, whatever it ranks"),
    ("Kent Police has 3,600 officers and 2,000 staff.", "staff numbers"),
    ("Kent Police was inspected. All 5,000 officers were recorded as trained.", "'all N' that is no audit sample"),
    ("Kent Police recorded more crime, up 8.3% from the previous year.", "a change is not a rate"),
    ("Kent Police was inspected. Among 49 victims who should have been told a crime had been cancelled, 15 were not informed.", "cancelled-crime decisions"),
    ("Kent Police was inspected. Decisions to cancel recorded crimes were found to be correct in 49 of the 52 cases reviewed.", "cancelled-crime decisions"),
    ("A force spokesman said the force records crime properly.", "an unnamed spokesman"),
    ("Home Secretary Priti Patel said forces must record every crime.", "a minister"),
    ("Forces are graded outstanding, good, requires improvement or inadequate.", "the grading scale itself"),
    ("North Wales Police was slow to record some crimes, with 64 of 1,112 reports audited taking longer than the 24 hours allowed.", "timeliness, not recording"),
    ("Lincolnshire Police is failing to record thousands of crimes a year.", "a vague magnitude is not a value"),
    ("Kent Police is no longer inadequate at recording crime.", "a negated grade"),
    ("Kent Police has 3,600 officers. Of these, 52 were recorded as off sick.", "no audit in the sentence before"),
    ("Kent Police was inspected. About 60 per cent of the crimes recorded were violent offences.", "a share of what the records hold"),
    ("Kent Police has never been rated outstanding.", "a negated grade"),
    ("Police 'fail to record 800,000 crimes a year'\nKent Police was inspected.", "a headline about police in general, not the force named next"),
    ("Across the forces Her Majesty's Inspectorate of Constabulary has inspected, 89 per cent of violent offences were recorded.\n"
     "Kent Police was inspected.", "'Constabulary' in the inspectorate's name is no single force"),
]


@pytest.mark.parametrize(("text", "date", "expected"), CASES)
def test_findings(nlp: Language, text: str, date: str | None, expected: list[dict[str, Any]]) -> None:
    found = findings(nlp, text, date)
    assert sorted(map(_key, found)) == sorted(map(_key, expected)), found


@pytest.mark.parametrize(("text", "why"), NOT_FINDINGS)
def test_not_findings(nlp: Language, text: str, why: str) -> None:
    assert findings(nlp, text) == [], why


def test_findings_carry_evidence_and_their_entities(nlp: Language) -> None:
    text = "Gloucestershire police has been rated 'inadequate'. In total 81.6 per cent of all crimes were recorded."
    doc = nlp(text)
    for finding in doc._.findings:
        evidence = text[finding["evidence"]["start"] : finding["evidence"]["end"]]
        assert evidence.strip() and all(evidence in s.text or s.text in evidence for s in doc.sents if s.start_char == finding["evidence"]["start"])
        for start, end, label in finding["entities"]:
            assert any(e.start_char == start and e.end_char == end and e.label_ == label for e in doc.ents)
            assert finding["evidence"]["start"] <= start < end <= finding["evidence"]["end"]
    rate = next(f for f in doc._.findings if f["type"] == "recording_rate")
    assert text[rate["evidence"]["start"] : rate["evidence"]["end"]] == "In total 81.6 per cent of all crimes were recorded."
