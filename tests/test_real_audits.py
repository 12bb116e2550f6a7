"""Audit samples as real coverage states them, class by class (issue 13; SCHEMA §5 "Audits" and
"Figures"; ANNOTATION.md "Decisions settled with dev5": Audits; the real-coverage catalogues).

Each class holds the catalogues' invented examples and negatives and sentences of our own that
vary the cue words, the order and the distance. A case lists every finding of the checked types
the text must give (audit samples, unrecorded counts and recording rates unless it says
otherwise): an audit must not leak into the other two, nor a general share into an audit. Rates
and counts are compared on their core fields (their hedges and periods are other rules' work);
audit samples on their core fields and year.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from pipeline.schema import CORE_FIELDS

from tests.conftest import entities

AS, UC, RR = "audit_sample", "unrecorded_count", "recording_rate"
ALL = (AS, UC, RR)


def S(force: str, crime_type: str, recorded: int, total: int, year: int | None = None) -> dict[str, Any]:
    return {"type": AS, "force": force, "crime_type": crime_type, "recorded": recorded, "total": total, "year": year}


def R(force: str, crime_type: str, value: float) -> dict[str, Any]:
    return {"type": RR, "force": force, "crime_type": crime_type, "value": value}


def U(force: str, crime_type: str, value: int) -> dict[str, Any]:
    return {"type": UC, "force": force, "crime_type": crime_type, "value": value}


def _key(f: dict[str, Any]) -> tuple[Any, ...]:
    fields = CORE_FIELDS[f["type"]] + (("year",) if f["type"] == AS else ())
    return (f["type"],) + tuple(f.get(k) for k in fields)


def findings(nlp: Language, text: str, date: str | None) -> list[dict[str, Any]]:
    doc = nlp.make_doc(text)
    doc._.article_date = date
    return list(nlp(doc)._.findings)


# (class, text, article date, the findings of the checked types, the checked types)
Case = tuple[str, str, str | None, list[dict[str, Any]], tuple[str, ...]]

CASES: list[Case] = [
    # -- A whole sample whose verb is left out, the recording said in the sentence before (an aside between); a
    #    quantifier after the verb ('were all recorded') (dev14; our own phrasings).
    ("whole_elliptical", "Kent Police was inspected. Of 40 rape reports, 31 had been recorded. All 12 modern slavery crimes "
     "in the sample, by contrast, had been.", None, [S("kent", "rape", 31, 40), S("kent", "modern_slavery", 12, 12)], ALL),
    ("whole_elliptical", "Kent Police was inspected. Inspectors found 50 of 58 burglaries had been recorded correctly. Every "
     "one of the 9 hate crimes, too, had been.", None, [S("kent", "burglary", 50, 58), S("kent", "hate_crime", 9, 9)], ALL),
    ("whole_elliptical", "Kent Police was inspected.\nInspectors also went through 96 reports of violence in detail.\n"
     "Eleven of them had never been recorded.\nAll 12 modern slavery crimes in the sample, by contrast, had been.", None,
     [S("kent", "violence", 85, 96), S("kent", "modern_slavery", 12, 12)], (AS,)),
    ("whole_elliptical", "Kent Police was inspected. The 15 rape reports in the sample had all been recorded.", None,
     [S("kent", "rape", 15, 15)], ALL),
    ("whole_elliptical", "Kent Police was inspected. The 22 reports of domestic abuse that inspectors examined were all "
     "recorded correctly.", None, [S("kent", "domestic_abuse", 22, 22)], ALL),
    # ... not across a paragraph break, nor after a failure, nor of other things
    ("whole_elliptical", "Kent Police was inspected. Of 40 rape reports, 31 had been recorded.\n\nAll 12 modern slavery "
     "crimes had been.", None, [S("kent", "rape", 31, 40)], (AS,)),
    ("whole_elliptical", "Kent Police was inspected. The 15 officers in the team were all trained.", None, [], ALL),
    # -- The recorded part said as being on the force's records, or ending up as crimes (our own phrasings).
    ("on_its_records", "In the sample of 120 crimes reported to Kent Police, just 98 ended up on its records.", None,
     [S("kent", "all_crime", 98, 120)], ALL),
    ("on_its_records", "Of the 80 violent crimes inspectors checked at Kent Police, 71 were on the force's records.", None,
     [S("kent", "violence", 71, 80)], ALL),
    ("on_its_records", "Inspectors reviewed 64 rape reports made to Kent Police, of which 58 ended up as crimes.", None,
     [S("kent", "rape", 58, 64)], ALL),
    ("on_its_records", "Inspectors checked 80 violent crimes reported to Kent Police; nine were not on its records.", None,
     [S("kent", "violence", 71, 80)], ALL),
    # -- "N should have been recorded, but only M were": M of N; the examined number is never the total.
    ("should_have_been", "An audit of 203 call logs at Cheshire Constabulary showed 171 needed to be recorded as crimes, "
     "yet only 137 were.", None, [S("cheshire", "all_crime", 137, 171)], ALL),
    ("should_have_been", "Inspectors went through 188 call logs at Lincolnshire Police. While 150 of them should have been "
     "recorded as offences, only 126 were.", None, [S("lincolnshire", "all_crime", 126, 150)], ALL),
    ("should_have_been", "Lincolnshire Police was criticised. Among 72 referrals made by partner agencies, just five ended up "
     "recorded as crimes although 23 should have been.", None, [S("lincolnshire", "all_crime", 5, 23)], ALL),
    ("should_have_been", "Cumbria Constabulary was inspected. According to the review, 96 of the incidents checked in Cumbria "
     "amounted to crimes, yet only 58 had been recorded.", None, [S("cumbria", "all_crime", 58, 96)], ALL),
    ("should_have_been", "Inspectors went through 340 incident logs at Wiltshire Police; 276 of them ought to have become "
     "crime records, but just 208 did.", None, [S("wiltshire", "all_crime", 208, 276)], ALL),
    ("should_have_been", "Wiltshire Police was inspected. Inspectors went through 400 incident logs. Of those, inspectors "
     "judged that 190 should have been crimes, yet the force had put only 141 on record.", None,
     [S("wiltshire", "all_crime", 141, 190)], ALL),
    ("should_have_been", "In Merseyside, inspectors looked at 215 incident records and found the force had recorded 172 of the "
     "205 that were crimes.", None, [S("merseyside", "all_crime", 172, 205)], ALL),
    ("should_have_been", "Merseyside Police recorded 131 of the 164 crimes in the sample.", None,
     [S("merseyside", "all_crime", 131, 164)], ALL),
    # Without a stated M there is no finding, and the counts give no unrecorded count either.
    ("should_have_been", "Cheshire Constabulary was inspected. Of 150 incident records examined, 22 should have been recorded "
     "as offences.", None, [], ALL),
    # Our own: other modal verbs, the recorded number first or far after, the sample's crime type.
    ("should_have_been", "Kent Police was inspected. Inspectors reviewed 310 incident logs; they found 240 should have been "
     "recorded as crimes but only 198 had been.", "2019-04-02", [S("kent", "all_crime", 198, 240, 2019)], ALL),
    ("should_have_been", "Sussex Police was inspected. Only 64 of the reports had been recorded as crimes, although inspectors "
     "said 80 ought to have been.", None, [S("sussex", "all_crime", 64, 80)], ALL),
    ("should_have_been", "At Dorset Police, 112 of the 450 incidents the inspectors examined should have been recorded as "
     "crimes; the force had recorded 97 of them.", None, [S("dorset", "all_crime", 97, 112)], ALL),
    ("should_have_been", "Essex Police was inspected. Inspectors decided that 58 of the 75 domestic abuse incidents they "
     "checked were crimes, yet only 41 had been recorded.", None, [S("essex", "domestic_abuse", 41, 58)], ALL),
    ("should_have_been", "Norfolk Constabulary was inspected. The force should have recorded 120 crimes from the 180 calls "
     "examined, but it recorded only 93.", None, [S("norfolk", "all_crime", 93, 120)], ALL),
    ("should_have_been", "Derbyshire Constabulary was inspected. The inspectors found that 88 of the 102 crimes that should "
     "have been recorded had been.", None, [S("derbyshire", "all_crime", 88, 102)], ALL),
    ("should_have_been", "Derbyshire Constabulary was inspected. The inspectors found that 8 of the 102 crimes that should have "
     "been recorded were not.", None, [S("derbyshire", "all_crime", 94, 102)], ALL),
    ("should_have_been", "Derbyshire Constabulary was inspected. From a sample of 250 incident logs, inspectors found 61 crimes "
     "that should have been recorded, of which 49 were.", None, [S("derbyshire", "all_crime", 49, 61)], ALL),
    ("should_have_been", "Gwent Police was inspected. Of the 56 reports of rape that should have been recorded, 52 were.", None,
     [S("gwent", "rape", 52, 56)], ALL),
    ("should_have_been", "Derbyshire Constabulary was inspected. Of 134 reports the inspectors judged to be crimes, the force "
     "had recorded 119.", None, [S("derbyshire", "all_crime", 119, 134)], ALL),
    ("across_sentences", "Dorset Police was inspected. Inspectors examined 81 rape reports. They found 74 had been correctly "
     "recorded.", None, [S("dorset", "rape", 74, 81)], ALL),
    ("plain_pairs", "Dorset Police was inspected. Of the 81 rape reports examined, only 58 had been crimed.", None,
     [S("dorset", "rape", 58, 81)], ALL),
    ("should_have_been", "Durham Constabulary was inspected. Of the 90 incidents reviewed, 35 should have been recorded as "
     "crimes.", None, [], ALL),
    ("should_have_been", "Kent Police was inspected. Inspectors judged that 230 of the 300 logs should have become crime "
     "records.", None, [], ALL),

    # -- An audit said through what was not recorded: the rest of the sample; the failures give no unrecorded count.
    ("through_unrecorded", "Gwent Police was inspected. Of the 310 violent crimes checked, 47 had not been recorded.", None,
     [S("gwent", "violence", 263, 310)], ALL),
    ("through_unrecorded", "Humberside Police was inspected. Inspectors concluded that 9 of 87 audited rape reports had been "
     "misclassified or not recorded.", None, [S("humberside", "rape", 78, 87)], ALL),
    ("through_unrecorded", "Gwent Police was inspected. About 16% of crimes linked to domestic abuse go unrecorded in Gwent, the "
     "inspector found of the 260 crimes assessed relating to domestic abuse 42 of them were not recorded.", None,
     [S("gwent", "domestic_abuse", 218, 260)], (AS, UC)),
    # Our own: "went unrecorded", "failed to record N", "never recorded", a dated article, a control.
    ("through_unrecorded", "Kent Police was inspected. In the audit, 7 of 81 crimes at Kent Police went unrecorded.", None,
     [S("kent", "all_crime", 74, 81)], ALL),
    ("through_unrecorded", "Inspectors sampled 120 reports of violent crime at Avon and Somerset Police and found that 19 had "
     "not been recorded.", None, [S("avon_and_somerset", "violence", 101, 120)], ALL),
    ("through_unrecorded", "Thames Valley Police was inspected. Of the 45 sexual offences in the sample, the force had failed "
     "to record 6.", None, [S("thames_valley", "sexual_offences", 39, 45)], ALL),
    ("through_unrecorded", "Cleveland Police was inspected. A dip sample of 64 domestic abuse crimes found 11 were never "
     "recorded, the report said.", "2019-05-01", [S("cleveland", "domestic_abuse", 53, 64, 2019)], ALL),
    ("through_unrecorded", "Cleveland Police fails to record 9,000 crimes a year.", None,
     [U("cleveland", "all_crime", 9000)], ALL),
    ("through_unrecorded", "Kent Police was inspected. Of the 50,000 crimes reported to the force, 7,000 were not recorded, "
     "inspectors who examined its records said.", None, [U("kent", "all_crime", 7000)], (AS, UC)),
    ("through_unrecorded", "Kent Police was inspected. Of the 96 rape reports examined, 89 were recorded but 7 were not.", None,
     [S("kent", "rape", 89, 96)], ALL),
    ("through_unrecorded", "Gwent Police failed to record 47 of the 310 violent crimes checked.", None,
     [S("gwent", "violence", 263, 310)], ALL),
    ("through_unrecorded", "Derbyshire Constabulary was inspected. Inspectors reviewed 75 reports of rape; 70 had been "
     "recorded and 5 had not.", None, [S("derbyshire", "rape", 70, 75)], ALL),
    # Failures of two kinds, the wrong type or none (dev5): the rest of the sample; the wrong type alone is no finding.
    ("misrecorded_or_not", "Avon and Somerset Constabulary was inspected. Inspectors also found that 9 of the 87 rape reports "
     "they audited had either been recorded under the wrong crime type or not recorded at all.", None,
     [S("avon_and_somerset", "rape", 78, 87)], ALL),
    ("misrecorded_or_not", "Essex Police was inspected. Of the 50 violent crimes audited, 8 were either recorded as the wrong "
     "offence or never recorded.", None, [S("essex", "violence", 42, 50)], ALL),
    ("misrecorded_or_not", "Essex Police was inspected. Inspectors sampled 64 burglaries and found 10 had been misclassified "
     "or not recorded at all.", None, [S("essex", "burglary", 54, 64)], ALL),
    ("misrecorded_or_not", "Essex Police was inspected. In the audit, 11 of the 64 domestic abuse crimes checked had been "
     "wrongly classified or had gone unrecorded.", "2022-03-01", [S("essex", "domestic_abuse", 53, 64, 2022)], ALL),
    ("misrecorded_or_not", "Essex Police was inspected. Of the 87 rape reports audited, 9 had been recorded as the wrong crime.",
     None, [], ALL),
    ("across_sentences", "Dorset Police was inspected. Inspectors examined 81 rape reports. The audit showed 7 had not been "
     "recorded.", None, [S("dorset", "rape", 74, 81)], ALL),
    ("through_unrecorded", "Dorset Police was inspected. The audit found 30 out of 117 rape reports had not been recorded.", None,
     [S("dorset", "rape", 87, 117)], ALL),
    ("through_unrecorded", "Dorset Police was inspected. Three out of 15 audited rape reports had not been recorded.", None,
     [S("dorset", "rape", 12, 15)], ALL),
    ("across_sentences", "Dorset Police was inspected. Inspectors examined the force's handling of 81 rape reports. Overall, "
     "7,000 crimes a year are not recorded.", None, [U("dorset", "all_crime", 7000)], (AS, UC)),
    ("through_unrecorded", "Inspectors examined 60 violent crimes reported to Kent Police. Of these, 8 had not been recorded.",
     "2023-06-15", [S("kent", "violence", 52, 60, 2023)], ALL),

    # -- The rest of a sample said on its own, and its breakdown: part of the audit, no unrecorded count.
    ("rest_of_sample", "Leicestershire Police was inspected. Of 96 rape reports examined by inspectors, 89 had been recorded "
     "correctly. Seven had not been recorded at all.", None, [S("leicestershire", "rape", 89, 96)], ALL),
    ("rest_of_sample", "West Midlands Police was re-inspected. Of the 470 domestic abuse crimes audited, 354 were recorded. "
     "Figures showed 116 were not recorded, including 95 offences classed as violent.", "2019-01-15",
     [S("west_midlands", "domestic_abuse", 354, 470, 2019)], ALL),
    ("rest_of_sample", "Gloucestershire Constabulary was inspected. In total, 87 out of 117 audited rape reports were "
     "accurately recorded. Of the 30 unrecorded rape reports, six were incorrectly classified as other crimes and 13 had "
     "not been recorded at all.", None, [S("gloucestershire", "rape", 87, 117)], ALL),
    ("rest_of_sample", "South Yorkshire Police recorded 71 of the 92 crime reports inspectors examined, with 21 not recorded "
     "at all.", None, [S("south_yorkshire", "all_crime", 71, 92)], ALL),
    # The rest said in the next sentence in words of its own (dev4): still part of the audit.
    ("rest_of_sample", "Gwent Police was inspected. Overall: of 1,024 crimes identified in the audit, 936 had been recorded. "
     "That leaves 88 crimes that never made it onto the force's system.", None, [S("gwent", "all_crime", 936, 1024)], ALL),
    ("rest_of_sample", "Kent Police was inspected. Of the 60 rape reports audited, 52 had been recorded. The other eight "
     "rapes were left off the force's system.", None, [S("kent", "rape", 52, 60)], ALL),
    ("rest_of_sample", "Kent Police was inspected. Inspectors found that 130 of the 150 crimes they sampled were recorded. "
     "The remaining 20 crimes were never put on the system.", None, [S("kent", "all_crime", 130, 150)], ALL),
    # Named back as that rest further on (dev4): 'the 88 missed crimes', 'those eight unrecorded rapes'.
    ("rest_of_sample", "Gwent Police was inspected. Overall: of 1,024 crimes identified in the audit, 936 had been recorded. "
     "The force is improving. Its chief said it was a good report. A superintendent said the 88 missed crimes had all since "
     "been recorded.", None, [S("gwent", "all_crime", 936, 1024)], ALL),
    ("rest_of_sample", "Kent Police was inspected. Of the 60 rape reports audited, 52 had been recorded. The chief constable "
     "apologised. She said those eight unrecorded rapes were now being investigated.", None, [S("kent", "rape", 52, 60)], ALL),
    ("rest_of_sample", "Kent Police was inspected. Inspectors found that 130 of the 150 crimes they sampled were recorded. "
     "Officers have been retrained. The 20 crimes that were missed have since been added to the system.", None,
     [S("kent", "all_crime", 130, 150)], ALL),
    ("rest_of_sample", "Kent Police was inspected. Of the 60 rape reports audited, 52 had been recorded. The force fails to "
     "record 8,000 crimes a year.", None, [S("kent", "rape", 52, 60), U("kent", "all_crime", 8000)], ALL),
    ("rest_of_sample", "Kent Police was inspected. Inspectors examined 420 incident records. They found 42 that should "
     "have been recorded as crimes but had not been.", None, [], ALL),
    ("rest_of_sample", "Kent Police fails to record 9,200 crimes a year, of which 3,000 should have been recorded as violent "
     "crimes.", None, [U("kent", "all_crime", 9200)], (AS, UC)),

    # -- "X out of Y" where Y is an examined sample: two counts and an audit, whatever Y's size.
    ("small_sample", "The inspection found for Suffolk Constabulary:\n• 11 out of 15 audited rape reports were correctly "
     "recorded;\n• 18 out of 20 audited crimes against vulnerable victims were recorded.", None,
     [S("suffolk", "rape", 11, 15), S("suffolk", "other", 18, 20)], ALL),
    ("small_sample", "Humberside Police was inspected. Nine out of ten audited rape reports were recorded.", None,
     [S("humberside", "rape", 9, 10)], ALL),
    ("small_sample", "Four out of five crimes reported to Humberside Police are recorded, the inspectorate said.", None,
     [R("humberside", "all_crime", 80.0)], ALL),
    ("small_sample", "In Gwent, inspectors found that five out of six reported crimes were recorded.", None,
     [R("gwent", "all_crime", 83.3)], ALL),
    # Our own: the sample word after the crime noun, "in the sample", a dash-bullet, and general shares.
    ("small_sample", "Norfolk Constabulary was inspected. Of the domestic abuse crimes, 14 out of 16 sampled were recorded "
     "correctly.", None, [S("norfolk", "domestic_abuse", 14, 16)], ALL),
    ("small_sample", "Bedfordshire Police was inspected. Eight out of 12 rape reports examined by inspectors had been "
     "recorded.", None, [S("bedfordshire", "rape", 8, 12)], ALL),
    ("small_sample", "At Dorset Police, seven out of nine reports of modern slavery in the sample were correctly recorded.",
     None, [S("dorset", "modern_slavery", 7, 9)], ALL),
    ("small_sample", "Inspectors found at Gwent Police:\n- 19 out of 20 dip-sampled sexual offences were recorded", None,
     [S("gwent", "sexual_offences", 19, 20)], ALL),
    ("small_sample", "Nine out of ten crimes reported to Dorset Police are now recorded.", None,
     [R("dorset", "all_crime", 90.0)], ALL),
    ("small_sample", "Inspectors examined the force's records and found that nine out of ten crimes were recorded at "
     "Dorset Police.", None, [R("dorset", "all_crime", 90.0)], ALL),
    ("small_sample", "Dorset Police was inspected. Seven out of ten victims surveyed said they were satisfied.", None, [], ALL),

    # -- "all / every one / none" of a sample as its recorded number.
    ("whole_or_none", "A dip-check of eleven rape reports at Lincolnshire Police showed that all of them had been correctly "
     "recorded.", None, [S("lincolnshire", "rape", 11, 11)], ALL),
    ("whole_or_none", "Lincolnshire Police was inspected. The team checked 14 rape reports and found every one had been "
     "recorded correctly.", None, [S("lincolnshire", "rape", 14, 14)], ALL),
    ("whole_or_none", "Lincolnshire Police was inspected. None of the eight rape reports sampled had been recorded.", None,
     [S("lincolnshire", "rape", 0, 8)], ALL),
    ("whole_or_none", "Inspectors found that all reports of rape are treated seriously by Lincolnshire Police.", None, [], ALL),
    # Our own: "each of them", "all of the N", "not one of the N", "found none", "every one of them".
    ("whole_or_none", "Wiltshire Police was inspected. Inspectors audited 23 hate crimes; each of them had been recorded.",
     None, [S("wiltshire", "hate_crime", 23, 23)], ALL),
    ("whole_or_none", "At Kent Police, all of the 30 hate crimes that were sampled had been correctly recorded.", None,
     [S("kent", "hate_crime", 30, 30)], ALL),
    ("whole_or_none", "Dorset Police was inspected. Not one of the nine modern slavery crimes examined had been recorded.",
     None, [S("dorset", "modern_slavery", 0, 9)], ALL),
    ("whole_or_none", "Dorset Police was inspected. Inspectors reviewed six reports of rape and found none had been "
     "recorded.", None, [S("dorset", "rape", 0, 6)], ALL),
    ("whole_or_none", "Cumbria Constabulary was inspected. The audit looked at 17 burglaries, and every one of them had "
     "been recorded correctly.", None, [S("cumbria", "burglary", 17, 17)], ALL),
    # The recording said far after the count (dev5), or elliptically after a recording said before it (dev5).
    ("whole_or_none", "Northamptonshire Police was inspected. None of the seven rape reports passed to the force by social "
     "workers and sampled by inspectors had been recorded as a crime.", None, [S("northamptonshire", "rape", 0, 7)], ALL),
    ("whole_or_none", "Kent Police was inspected. All 25 of the hate crimes referred by partner agencies and checked by the "
     "inspection team had been recorded.", None, [S("kent", "hate_crime", 25, 25)], ALL),
    ("whole_or_none", "Kent Police was inspected. Not one of the 12 reports of rape that council staff passed to the police "
     "and that inspectors examined had been recorded.", None, [S("kent", "rape", 0, 12)], ALL),
    ("whole_or_none", "North Wales Police was inspected. A check of 15 reports of modern slavery found that 14 had been "
     "correctly recorded, and all 21 reports of rape in the sample had been.", None,
     [S("north_wales", "modern_slavery", 14, 15), S("north_wales", "rape", 21, 21)], ALL),
    ("whole_or_none", "Kent Police was inspected. Of the 30 violent crimes sampled, 27 were recorded, and all 16 rape "
     "reports examined were.", None, [S("kent", "violence", 27, 30), S("kent", "rape", 16, 16)], ALL),
    ("whole_or_none", "Kent Police was inspected. Inspectors found that 40 of the 44 rape reports audited had been recorded; "
     "all of the 12 burglaries checked had been.", None,
     [S("kent", "rape", 40, 44), S("kent", "burglary", 12, 12)], ALL),
    ("whole_or_none", "Kent Police was inspected. All 40 rape reports in the sample had been.", None, [], ALL),
    ("whole_or_none", "Cumbria Constabulary was inspected. All 2,000 officers have been trained in the recording rules.",
     None, [], ALL),
    ("whole_or_none", "Kent Police was inspected. Inspectors checked 40 rape reports and found all of them had been dealt "
     "with quickly.", None, [], ALL),
    ("whole_or_none", "Kent Police was inspected. In the audit, none of the 43 forces had recorded every crime.", None, [], ALL),

    # -- Audits of cancelled records, of crime types, of what victims were told: no recording finding.
    ("not_recording", "Durham Constabulary was reviewed. Eight of the 16 sexual offence records it had cancelled were "
     "cancelled wrongly, the review found.", None, [], ALL),
    ("not_recording", "Durham Constabulary was reviewed. In a sample, four of the 22 rape reports the force had cancelled "
     "were wrongly cancelled.", None, [], ALL),
    ("not_recording", "Of 60 audited rape reports, Staffordshire Police recorded 52.", None,
     [S("staffordshire", "rape", 52, 60)], ALL),
    ("not_recording", "Durham Constabulary was reviewed. Of 28 rapes the force had written off as no crime, 9 should have "
     "been investigated.", None, [], ALL),
    ("not_recording", "Seventeen forces cancelled rape reports they should have kept, with Sussex Police getting 41 per cent "
     "of its sampled cancellations wrong.", None, [], ALL),
    ("not_recording", "Sussex Police was inspected. One in 12 cancelled violent crime records should have stayed on the "
     "books.", None, [], ALL),
    ("not_recording", "Sussex Police was inspected. Nationally, roughly one rape record in six was cancelled without good "
     "reason.", None, [], ALL),
    # Our own.
    ("not_recording", "Kent Police was inspected. Of 42 cancelled rape records, 30 had been cancelled correctly.", None, [], ALL),
    ("not_recording", "Essex Police was inspected. Inspectors found that 14 of the 60 no-crime decisions they reviewed were "
     "wrong.", None, [], ALL),
    ("not_recording", "Essex Police was inspected. Of the 120 crimes audited, 9 had been recorded under the wrong crime type.",
     None, [], ALL),
    ("not_recording", "Kent Police was inspected. In 31 of the 40 cases examined, victims had been told of the decision.",
     None, [], ALL),
    ("not_recording", "Kent Police was inspected. Victims had been told about the outcome in 31 of the 40 crimes audited.",
     None, [], ALL),

    ("not_recording", "Dorset Police was inspected. Of 28 rapes reviewed, 9 were no-crimed wrongly.", None, [], ALL),
    # Samples of investigations (dev5): their quality, not recording.
    ("not_recording", "Lancashire Constabulary was inspected. In 12 of the 60 investigations they reviewed, no supervisor "
     "had set out a plan for the officer in the case.", None, [], ALL),
    ("not_recording", "Kent Police was inspected. Inspectors reviewed 50 investigations and found that 41 of them had been "
     "properly supervised.", None, [], ALL),
    ("not_recording", "Kent Police was inspected. In 9 of the 30 investigations examined, victims were not updated.", None,
     [], ALL),
    ("not_recording", "Kent Police was inspected. Of the 45 investigations audited, 30 had been properly supervised.", None,
     [], ALL),
    ("not_recording", "Derbyshire Constabulary was inspected. Of 120 crimes examined, only 95 were correctly recorded within "
     "24 hours.", None, [], ALL),

    # -- Breakdowns of failures, sub-counts, two sample sizes, incidents closed: no further finding.
    ("other_numbers", "Gwent Police was inspected. During the audit, inspectors examined more than 1,600 incident records and "
     "about 380 directly recorded crimes.", None, [], ALL),
    ("other_numbers", "Gwent Police was inspected. Of 260 incidents examined, 31 had been closed with no crime record made.",
     None, [], ALL),
    ("other_numbers", "Gwent Police was inspected. Of the 310 violent crimes checked, 47 had not been recorded; this included "
     "30 assaults.", None, [S("gwent", "violence", 263, 310)], ALL),
    ("other_numbers", "Gwent Police was inspected. Of 150 crimes audited, only 130 had been recorded, and 9 of those under "
     "the wrong crime type.", None, [S("gwent", "all_crime", 130, 150)], ALL),
    # Our own.
    ("other_numbers", "Kent Police was inspected. Inspectors looked at 900 incident logs and 250 crime reports.", None, [], ALL),
    ("other_numbers", "Kent Police was inspected. The audit covered 1,200 incidents and 410 recorded crimes.", None, [], ALL),
    ("other_numbers", "Essex Police was inspected. Of 80 burglaries audited, 72 had been recorded, although 5 of these were "
     "recorded late.", None, [S("essex", "burglary", 72, 80)], ALL),
    ("other_numbers", "Essex Police was inspected. Of 95 rape reports examined, 12 had not been recorded: four were logged as "
     "incidents and eight were misclassified.", None, [S("essex", "rape", 83, 95)], ALL),

    # -- Crimes against a group of victims are `other`.
    ("victim_group", "Wiltshire Police was inspected. Of 40 crimes against vulnerable victims in the sample, 33 had been "
     "recorded.", None, [S("wiltshire", "other", 33, 40)], ALL),
    ("victim_group", "Wiltshire Police was inspected. Inspectors audited 25 crimes against elderly people and found that 21 "
     "had been recorded.", None, [S("wiltshire", "other", 21, 25)], ALL),
    ("victim_group", "Wiltshire Police was inspected. In the audit, 18 of the 22 crimes where the victim was vulnerable had "
     "been recorded.", None, [S("wiltshire", "other", 18, 22)], ALL),
    ("victim_group", "Wiltshire Police was inspected. Of 40 audited crimes, 33 had been recorded.", None,
     [S("wiltshire", "all_crime", 33, 40)], ALL),
    # Crimes reported by a group of victims (dev5).
    ("victim_group", "Cheshire Constabulary was inspected. We reviewed 38 crimes reported by vulnerable victims; 31 of these "
     "had been recorded.", None, [S("cheshire", "other", 31, 38)], ALL),
    ("victim_group", "Cheshire Constabulary was inspected. Of the 45 crimes reported by elderly people that inspectors "
     "sampled, 40 had been recorded.", None, [S("cheshire", "other", 40, 45)], ALL),
    ("victim_group", "Cheshire Constabulary was inspected. Inspectors found that 27 of the 30 audited crimes affecting "
     "vulnerable adults had been recorded.", None, [S("cheshire", "other", 27, 30)], ALL),
    # however the group is said (dev9)
    ("victim_group", "Lincolnshire Police was inspected. We examined 124 crimes reported by victims who were vulnerable, for "
     "example because of their age. The force had recorded 103 of them.", None, [S("lincolnshire", "other", 103, 124)], ALL),
    ("victim_group", "Kent Police was inspected. Of 60 crimes against people who had a learning disability, inspectors "
     "found 48 had been recorded.", None, [S("kent", "other", 48, 60)], ALL),
    ("victim_group", "Essex Police was inspected. We audited 90 crimes reported by victims. The force had recorded 81 of "
     "them.", None, [S("essex", "all_crime", 81, 90)], ALL),

    # -- A list of forces and their pairs under a heading that names the audit sample (dev5).
    ("listed", "HOW OUR REGION'S FORCES DID\n(crimes in the audit sample that should have been recorded, and how many "
     "were)\n\nNorthumbria Police – 92 of 104\nDurham Constabulary – 101 of 112\nCleveland Police – 78 of 98\n\n"
     "The Home Secretary said the findings were unacceptable.", "2014-11-18",
     [S("northumbria", "all_crime", 92, 104, 2014), S("durham", "all_crime", 101, 112, 2014),
      S("cleveland", "all_crime", 78, 98, 2014)], (AS, UC)),
    ("listed", "Crimes recorded out of those audited by the inspectorate:\n• Kent Police: 45 of 50\n• Essex Police: 61 of 70"
     "\n• Sussex Police: 38 out of 44", None,
     [S("kent", "all_crime", 45, 50), S("essex", "all_crime", 61, 70), S("sussex", "all_crime", 38, 44)], (AS, UC)),
    ("listed", "What the dip-sample found, force by force:\n\nSurrey Police - 70 of 81\nThames Valley Police - 120 of 131",
     None, [S("surrey", "all_crime", 70, 81), S("thames_valley", "all_crime", 120, 131)], (AS, UC)),
    # A bullet line with only a crime type or force and its pair, after a bullet line that was an audit sample, goes on
    # with that line's verb (our own phrasings).
    ("sibling_bullet", "Dyfed-Powys Police was inspected.\n• 47 of 50 rape reports were recorded correctly;\n• 121 of 140 "
     "violent crimes;\n• 88 out of 95 domestic abuse crimes.", None,
     [S("dyfed_powys", "rape", 47, 50), S("dyfed_powys", "violence", 121, 140), S("dyfed_powys", "domestic_abuse", 88, 95)],
     (AS, UC)),
    ("sibling_bullet", "What we found at Dyfed-Powys Police:\n• rape: 47 of 50 reports recorded correctly;\n• violence: "
     "121 of 140;\n• domestic abuse – 88 out of 95.", None,
     [S("dyfed_powys", "rape", 47, 50), S("dyfed_powys", "violence", 121, 140), S("dyfed_powys", "domestic_abuse", 88, 95)],
     (AS, UC)),
    ("sibling_bullet", "The audit in numbers:\n- Kent Police recorded 45 of the 50 rapes it examined;\n- Essex Police: 61 "
     "of 70 rapes", None, [S("kent", "rape", 45, 50), S("essex", "rape", 61, 70)], (AS, UC)),
    # ... not a line that says something else, nor one after a line that was no sample, nor one after a blank line
    ("sibling_bullet", "Dyfed-Powys Police was inspected.\n• 47 of 50 rape reports were recorded correctly;\n• 12 of 20 "
     "victims were told of the outcome.", None, [S("dyfed_powys", "rape", 47, 50)], (AS, UC)),
    ("sibling_bullet", "Dyfed-Powys Police was inspected.\n• 30 of 40 officers were trained;\n• 121 of 140 violent crimes.",
     None, [], (AS, UC)),
    ("sibling_bullet", "Dyfed-Powys Police was inspected.\n• 47 of 50 rape reports were recorded correctly.\n\nStaffing:\n"
     "• Patrol 121 of 140", None, [S("dyfed_powys", "rape", 47, 50)], (AS, UC)),
    # Not under an audit heading, or a line that says more: no sample from the list.
    ("listed", "Areas rated good, by force:\nKent Police – 5 of 8\nEssex Police – 6 of 8", None, [], (AS, UC)),
    ("listed", "Officers in post this year:\nKent Police – 3,100 of 3,400\nEssex Police – 2,900 of 3,000", None, [],
     (AS, UC)),
    ("listed", "Inspectors audited crime records.\nKent Police – 45 of 50 staff have been trained.", None, [], (AS, UC)),

    # -- The crime type named as the sentence's topic, before its first figure (dev5).
    ("topic_type", "Lancashire Constabulary was inspected. Of the 58 violent crimes checked, 17 had not been recorded. The "
     "picture for sexual offences was better: all but three of the 41 reports inspectors examined had been correctly "
     "logged.", None, [S("lancashire", "violence", 41, 58), S("lancashire", "sexual_offences", 38, 41)], ALL),
    ("topic_type", "Kent Police was inspected. For rape, 52 of the 60 reports audited had been recorded.", None,
     [S("kent", "rape", 52, 60)], ALL),
    ("topic_type", "Kent Police was inspected. On domestic abuse, inspectors found that 70 of the 80 reports they examined "
     "had been recorded.", None, [S("kent", "domestic_abuse", 70, 80)], ALL),
    ("topic_type", "Kent Police was inspected. Of the 60 rape reports audited, 52 had been recorded. When it came to "
     "burglary, the force had recorded 35 of the 40 reports sampled.", None,
     [S("kent", "rape", 52, 60), S("kent", "burglary", 35, 40)], ALL),
    # Two crime types before the figures, or a figure between: the sample's own nouns decide.
    ("topic_type", "Kent Police was inspected. For rape and burglary, 52 of the 60 reports audited had been recorded.", None,
     [S("kent", "all_crime", 52, 60)], ALL),
    ("topic_type", "Kent Police was inspected. The force recorded 90 per cent of violent crime, and 52 of the 60 reports "
     "audited had been recorded.", None, [R("kent", "violence", 90.0), S("kent", "all_crime", 52, 60)], ALL),
    # -- A line break inside the sentence (a wrapped column, a scraped page): a cue's window counts words, so the
    # break between "Of" and "the 53" does not put the cue out of reach; a break between paragraphs still ends it.
    # (the sample is the one examined the sentence before; its year is the second sentence's, none in an undated
    # article: the period of the first does not carry over, ANNOTATION.md "An audit's year")
    ("line_break", "Inspectors examined 53 reports of sexual offences made to Lancashire Constabulary in 2014. Of\nthe 53, "
     "47 had been recorded as crimes.", None, [S("lancashire", "sexual_offences", 47, 53, None)], ALL),
    ("line_break", "Inspectors examined 40 reports of rape made to Dorset Police. Of\nthese, 36 had been recorded as "
     "crimes.", None, [S("dorset", "rape", 36, 40)], ALL),
    ("line_break", "When Gwent Police was last inspected, in 2016, the figure was 86.0 per cent.\n\nCancelled crimes: "
     "inspectors looked at 40 cancelled reports.", None, [R("gwent", "all_crime", 86.0)], ALL),
    ("line_break", "Dorset Police recorded 81 of the\n90 audited rape reports.", None, [S("dorset", "rape", 81, 90)], ALL),
    ("line_break", "Inspectors audited 120 reports of violence made to Dorset Police. Of these\n120 reports, 104 were\n"
     "recorded.", None, [S("dorset", "violence", 104, 120)], ALL),
    ("line_break", "Dorset Police was found to be recording an estimated\n91.2 per cent of crimes reported to it.", None,
     [R("dorset", "all_crime", 91.2)], ALL),
    ("line_break", "Dorset Police failed to record\n9,000 crimes a year, the inspectorate said.", None,
     [U("dorset", "all_crime", 9000)], ALL),
    # The rest named back further on, a break between "the" and its figure: still that rest, not a count of the force.
    ("line_break", "Gwent Police was inspected. Overall: of 1,024 crimes identified in the audit, 936 had been recorded. "
     "The force is improving. Its chief said it was a good report. A superintendent said the\n88 missed crimes had all "
     "since been recorded.", None, [S("gwent", "all_crime", 936, 1024)], ALL),
    ("line_break", "Kent Police was inspected. Of the 60 rape reports audited, 52 had been recorded. The chief constable "
     "apologised. She said those\neight unrecorded rapes were now being investigated.", None,
     [S("kent", "rape", 52, 60)], ALL),
    # -- The sample named again in the next sentence ("Of these 90", "the 64"): its part is the other count, and its
    # crime type is the one the sentence before gave the examined reports.
    ("named_back", "An audit of 90 reports of violence at Kent Police was carried out. Of those 90, 81 had been "
     "recorded.", None, [S("kent", "violence", 81, 90)], ALL),
    ("named_back", "Inspectors examined 90 reports of violence at Kent Police. Of the 90, 81 had been recorded.", None,
     [S("kent", "violence", 81, 90)], ALL),
    ("named_back", "Inspectors examined 90 reports of violence at Kent Police. Of these 90, nine had not been recorded.",
     None, [S("kent", "violence", 81, 90)], ALL),
    ("named_back", "Inspectors reviewed 64 rape reports held by Avon and Somerset Constabulary. They found that 60 of the "
     "64 were recorded.", None, [S("avon_and_somerset", "rape", 60, 64)], ALL),
    # -- "All but N" in the sentence after the sample: the rest of it was recorded, not N (dev6).
    ("all_but_next", "Kent Police was inspected. Inspectors examined 99 reports of rape. All but three had been recorded "
     "correctly.", None, [S("kent", "rape", 96, 99)], ALL),
    ("all_but_next", "Inspectors checked 41 sexual offences at Essex Police. All bar two had been recorded.", None,
     [S("essex", "sexual_offences", 39, 41)], ALL),
    ("all_but_next", "Kent Police was inspected. Inspectors examined 60 reports of violence. Of these, 52 had been "
     "recorded.", None, [S("kent", "violence", 52, 60)], ALL),
    # -- The audit said as a noun or another verb: "a check of", "a review of", "went through", "traced" (dev6).
    ("audit_words", "Kent Police was inspected. A check of 42 reports of modern slavery found that every one had been "
     "recorded correctly.", None, [S("kent", "modern_slavery", 42, 42)], ALL),
    ("audit_words", "Kent Police was inspected. A review of 60 rape reports found that 52 had been recorded.", None,
     [S("kent", "rape", 52, 60)], ALL),
    ("audit_words", "Kent Police was inspected. Inspectors went through 80 reports of violence. Of these, 71 had been "
     "recorded.", None, [S("kent", "violence", 71, 80)], ALL),
    ("audit_words", "Inspectors traced 73 reports of domestic abuse made to Dorset Police and found 61 of them had been "
     "recorded.", None, [S("dorset", "domestic_abuse", 61, 73)], ALL),
    # -- The audit word further after the total ("in that part of the sample") (dev6).
    ("audit_after_total", "Kent Police was inspected. Of the 64 domestic abuse crimes in that part of the sample, 11 had not "
     "been recorded.", None, [S("kent", "domestic_abuse", 53, 64)], ALL),
    ("audit_after_total", "Kent Police was inspected. Of the 40 rape reports passed on by hospitals and later examined, 36 "
     "had been recorded.", None, [S("kent", "rape", 36, 40)], ALL),
    # -- "such crimes" after crimes against a group of victims in its own sentence are those crimes (dev6).
    ("victim_group", "Cambridgeshire Police was inspected. Domestic abuse was well recorded. Crimes against vulnerable people "
     "were less likely to be recorded, with 84 of the 101 such crimes in the sample on the books.", None,
     [S("cambridgeshire", "other", 84, 101)], ALL),
    # -- A date in a past-perfect relative clause dates that clause, not the audit after it (dev6).
    ("relative_date", "Sussex Police, which had been warned about its recording in 2013, did better than most: inspectors "
     "found it had recorded 91 of the 102 crimes they checked.", "2014-11-19", [S("sussex", "all_crime", 91, 102, 2014)], ALL),
    ("relative_date", "West Yorkshire Police was inspected. The audit, which looked at crimes reported in October 2019, found "
     "1,046 crimes that should have been recorded; 978 of them had been.", "2020-07-01",
     [S("west_yorkshire", "all_crime", 978, 1046, 2019)], ALL),
    # -- More audit verbs: "pulled", "after examining", "combed through" (dev6 residuals).
    ("audit_words", "Kent Police was inspected. Inspectors pulled 104 reports of rape from the force's systems. Twelve of "
     "them had not been recorded as crimes.", None, [S("kent", "rape", 92, 104)], ALL),
    ("audit_words", "Kent Police was inspected. After examining 90 reports of stalking, inspectors found 81 of them had "
     "been recorded.", None, [S("kent", "other", 81, 90)], ALL),
    ("audit_words", "Kent Police was inspected. The team combed through 48 reports of hate crime. Of those, 40 had been "
     "recorded.", None, [S("kent", "hate_crime", 40, 48)], ALL),
    # -- A small definite set said recorded in full, not at all or through its failures, with no audit word: an
    #    examined sample (SCHEMA §5); a share of many crimes, a rate per month or a count of forces is not.
    ("unannounced", "Leicestershire Police was inspected. On domestic abuse: \"We found that 9 out of 64 reports of domestic "
     "abuse had not been recorded as crimes.\"", None, [S("leicestershire", "domestic_abuse", 55, 64)], ALL),
    ("unannounced", "Gwent Police was inspected. Among the report's other findings:\n• None of the six rape reports passed "
     "to the force by hospitals and support services had been recorded as a crime", None, [S("gwent", "rape", 0, 6)], ALL),
    ("unannounced", "The watchdog said 14 out of 80 reports of violence at Dyfed-Powys Police were never recorded.", None,
     [S("dyfed_powys", "violence", 66, 80)], ALL),
    ("unannounced", "Essex Police was inspected. All 12 rape reports passed on by the sexual assault referral centre had "
     "been properly recorded, the report said.", None, [S("essex", "rape", 12, 12)], ALL),
    ("unannounced", "Essex Police was inspected. Nationally, 4,000 of the 50,000 crimes reported were not recorded.", None,
     [], (AS,)),
    ("unannounced", "Essex Police was inspected. Some 120 of the 800 crimes reported each month are not recorded.", None,
     [], (AS,)),
    ("unannounced", "Essex Police was inspected. None of the 43 forces had recorded every crime.", None, [], ALL),
    # -- The part restated ("and the three that had not ..."): still one number of the sample before (dev6).
    ("all_but_next", "Inspectors examined 99 reports of rape at Bedfordshire Police. All but three had been recorded "
     "correctly, and the three that had not were put on the system as soon as inspectors raised them.", None,
     [S("bedfordshire", "rape", 96, 99)], ALL),
    ("all_but_next", "Inspectors checked 30 reports of stalking at Kent Police. All but two were recorded, and those two "
     "were recorded within a day of the visit.", None, [S("kent", "other", 28, 30)], ALL),
    # -- Recorded said as being on the force's system or books (dev6).
    ("on_the_system", "In Hampshire, inspectors traced 131 reports that should have become crime records and found 112 "
     "of them on the force's system.", None, [S("hampshire", "all_crime", 112, 131)], ALL),
    ("on_the_system", "Inspectors checked 70 reports of violence made to Surrey Police and found 63 on its books.", None,
     [S("surrey", "violence", 63, 70)], ALL),
    # -- "all but N" after a colon, its total an examined sample named before it (dev6).
    ("all_but_next", "Cambridgeshire Police was inspected. The 75 domestic abuse crimes in the sample fared better: all but "
     "six had been recorded.", None, [S("cambridgeshire", "domestic_abuse", 69, 75)], ALL),
    ("all_but_next", "Cambridgeshire Police was inspected. The 40 rape reports the inspectors examined told a similar story: "
     "all but four had been recorded.", None, [S("cambridgeshire", "rape", 36, 40)], ALL),
    # -- "had been" / "were" closing a list line, with no full stop (dev7).
    ("should_have_been", "Lincolnshire Police was inspected.\n• Sexual offences – 118 of the 125 that should have been recorded "
     "had been\n• Rape – 40 of the 41 that should have been recorded had been", None,
     [S("lincolnshire", "sexual_offences", 118, 125), S("lincolnshire", "rape", 40, 41)], ALL),
    ("should_have_been", "Kent Police was inspected.\n- Violent crime: 200 of the 230 that ought to have been recorded were", None,
     [S("kent", "violence", 200, 230)], ALL),
    # -- What should have been recorded in one sentence, how many were in the next (dev7).
    ("should_then_next", "At Cheshire Constabulary, the inspectors identified 119 reports that should have been recorded as "
     "crimes. All but 17 of them had been.", None, [S("cheshire", "all_crime", 102, 119)], ALL),
    ("should_then_next", "Gloucestershire Constabulary was inspected. Inspectors also checked 40 incidents that had been closed "
     "as anti-social behaviour. They found that 11 of them should have been recorded as crimes. Only 7 were.", None,
     [S("gloucestershire", "all_crime", 7, 11)], ALL),
    ("should_then_next", "HMIC's audit of Lancashire Constabulary examined 146 reports that should have been recorded as crimes. "
     "The force had recorded 121 of them.", None, [S("lancashire", "all_crime", 121, 146)], ALL),
    ("should_then_next", "Kent Police was inspected. Inspectors found 60 reports of rape that ought to have been recorded. Nine "
     "of them had not been.", None, [S("kent", "rape", 51, 60)], ALL),
    ("should_then_next", "Kent Police said 300 crimes should have been recorded last year. It has since hired 12 staff.", None,
     [], (AS,)),
    # -- A sentence opening on a part of the sample before it, its recording said further on (dev7).
    ("opens_on_part", "Northamptonshire Police was inspected. \"We reviewed 36 reports of stalking. In 29 of these, the force had "
     "recorded the crime as it should have.\"", None, [S("northamptonshire", "other", 29, 36)], ALL),
    ("opens_on_part", "Kent Police was inspected. Inspectors examined 40 reports of rape. In five of them, the crime had not "
     "been recorded at all.", None, [S("kent", "rape", 35, 40)], ALL),
    ("opens_on_part", "Lincolnshire Police was inspected. We reviewed 64 investigations. In 19 of them, the victim had not been "
     "kept updated.", None, [], ALL),
    ("opens_on_part", "Kent Police was inspected. We reviewed 64 reports of rape. In 19 of them, the victims were not told of "
     "the outcome.", None, [], (AS,)),
    # -- "made it on to the books" is recorded (dev7).
    ("on_the_system", "Nottinghamshire Police was inspected. Of 38 violent crimes in the sample, 30 had made it on to the "
     "force's books.", None, [S("nottinghamshire", "violence", 30, 38)], ALL),
    # -- A pair in brackets after the percentage it makes is that rate's sample (dev7); one that does not is no sample.
    ("behind_rate", "Gloucestershire Constabulary was inspected. Recording rates:\n• Domestic abuse: 97.0 per cent (64 of 66)\n"
     "• Rape: 93.1 per cent (162 of 174)\n• Stalking: 80 per cent (4 of 6)", None,
     [S("gloucestershire", "domestic_abuse", 64, 66), S("gloucestershire", "rape", 162, 174),
      R("gloucestershire", "domestic_abuse", 97.0), R("gloucestershire", "rape", 93.1), R("gloucestershire", "other", 80.0)], ALL),
    ("behind_rate", "Kent Police was inspected. Violent crime: 90 per cent (12 of 14 forces did worse).", None, [], (AS,)),
    # -- (dev8) how many were recorded, with its parts or another clause after it; the total named again; the rest of
    #    a sample and its breakdown in the next sentence are no sample of their own; "never been put on the system".
    ("should_then_next", "Northamptonshire Police was inspected. We examined 120 reports of crime logged as incidents. Of "
     "these, 97 should have been recorded as crimes. The force had recorded 81, and six of these had been recorded as the "
     "wrong type of crime. Of the 16 that had not been recorded, nine were reports of violence.", None,
     [S("northamptonshire", "all_crime", 81, 97)], ALL),
    ("should_then_next", "Dyfed-Powys Police was inspected. Inspectors examined 118 incident records and found that 93 of them "
     "should have resulted in a crime being recorded. Of those 93, 84 had been recorded.", None,
     [S("dyfed_powys", "all_crime", 84, 93)], ALL),
    # the sample's part in one clause, another count in a later clause of the same sentence (dev9)
    ("part_then_clause", "Warwickshire Police was inspected. At the force, inspectors checked 28 reports of rape. Four had "
     "not been recorded as crimes, and in one case the victim had waited over a month.", None,
     [S("warwickshire", "rape", 24, 28)], ALL),
    ("part_then_clause", "Kent Police was inspected. Inspectors examined 60 violent crimes. Of these, 52 had been "
     "recorded; in two cases the victim was not told.", None, [S("kent", "violence", 52, 60)], ALL),
    ("part_then_clause", "Kent Police was inspected. Inspectors examined 60 violent crimes. Of these, 52 had been recorded, "
     "and the eight that had not were mostly assaults.", None, [S("kent", "violence", 52, 60)], ALL),
    ("all_but_next", "Northamptonshire Police was inspected. We reviewed 28 reports of rape. All but three had been recorded "
     "as crimes, although in five cases the record had been created late.", None,
     [S("northamptonshire", "rape", 25, 28)], ALL),
    ("through_unrecorded", "Nottinghamshire Police was inspected. Of the 96 domestic abuse crimes they checked, 14 had never "
     "been put on the system.", None, [S("nottinghamshire", "domestic_abuse", 82, 96)], ALL),
    # -- a line break that wraps a sentence before a lower-case word is the space it stands for: the phrase it splits
    #    still says what it says (dev9)
    ("wrapped", "Lancashire Police was inspected. During their visit they examined 134 reports of violent crime; 29 of them "
     "had never\nbeen recorded.", "2016-05-05", [S("lancashire", "violence", 105, 134, 2016)], ALL),
    ("wrapped", "Kent Police was inspected. Inspectors checked 60 rape reports and found that 51 had been\ncorrectly "
     "recorded.", None, [S("kent", "rape", 51, 60)], ALL),
    ("wrapped", "Essex Police was inspected. Of the 90 reports of sexual\noffences we examined, 12 had not been\nrecorded.",
     None, [S("essex", "sexual_offences", 78, 90)], ALL),
    ("wrapped", "Essex Police was inspected. Of the 90 reports we examined, 12 had not been recorded\n\nbut 40 officers were "
     "trained.", None, [S("essex", "all_crime", 78, 90)], ALL),
    # -- a whole set as the object of a recording verb said before it ("had recorded every one of the 14 ..."), on its
    #    own or coordinated after another sample; not a set with a verb of its own (dev9)
    ("whole_as_object", "Durham came out best. The force had recorded all but seven of the 120 crimes in its sample, and "
     "every one of the 14 rape reports inspectors checked.", None,
     [S("durham", "all_crime", 113, 120), S("durham", "rape", 14, 14)], ALL),
    ("whole_as_object", "Kent Police was inspected. The force recorded all 11 of the modern slavery crimes in our sample.",
     None, [S("kent", "modern_slavery", 11, 11)], ALL),
    ("whole_as_object", "Essex Police was inspected. Inspectors found the force had correctly recorded each of the 23 "
     "burglaries they examined.", None, [S("essex", "burglary", 23, 23)], ALL),
    ("whole_as_object", "Kent Police was inspected. The force recorded 113 of 120 crimes, and all 14 rape reports were "
     "checked.", None, [S("kent", "all_crime", 113, 120)], ALL),
    # -- lines of crime types and their pairs under a heading that says what should have been recorded and what was
    #    (dev9): each line a sample of its crime type; a heading about something else makes none.
    ("typed_list", "Lincolnshire Police was inspected.\n\nCrimes that should have been recorded, and how many the force "
     "recorded:\nViolence against the person offences – 276 of 318\nSexual offences (excluding rape) – 149 of 160\n"
     "Domestic abuse crimes – 127 of 142", "2020-09-29",
     [S("lincolnshire", "violence", 276, 318, 2020), S("lincolnshire", "sexual_offences", 149, 160, 2020),
      S("lincolnshire", "domestic_abuse", 127, 142, 2020)], ALL),
    ("typed_list", "Kent Police was inspected. The force recorded the following numbers of the crimes we audited:\n"
     "• Rape: 45 of 49\n• Violent crime: 201 of 233", None,
     [S("kent", "rape", 45, 49), S("kent", "violence", 201, 233)], ALL),
    ("typed_list", "Essex Police was inspected.\nHow many reports the force recorded, of those it should have recorded:\n"
     "Burglary - 88 of 90\nCriminal damage - 61 of 70", None,
     [S("essex", "burglary", 88, 90), S("essex", "criminal_damage", 61, 70)], ALL),
    ("typed_list", "Essex Police was inspected.\nOfficers in each team, and how many of them were trained:\n"
     "Violent crime – 41 of 50\nSexual offences – 12 of 15", None, [], ALL),
    ("typed_list", "Essex Police was inspected.\nCrimes that went unrecorded, by type:\nViolent crime – 41 of 50\n"
     "Burglary – 12 of 15", None, [], (AS,)),
    # -- a sample of plain crime nouns after a sentence opening on a crime type as its subject, with no figure: that
    #    crime type's sample (dev10); "only one" / "just one" of a sample is a count, "only one of the four" is not.
    ("topic_subject", "North Yorkshire Police was inspected.\n\nSexual offences were dealt with more carefully than "
     "elsewhere. Of the 17 reports inspectors looked at, only one had not been recorded.", None,
     [S("north_yorkshire", "sexual_offences", 16, 17)], ALL),
    ("topic_subject", "Kent Police was inspected. Rape was handled with more care. Of the 40 reports examined, 38 had "
     "been recorded.", None, [S("kent", "rape", 38, 40)], ALL),
    ("topic_subject", "Essex Police was inspected. Domestic abuse remained a weak spot for the force. Inspectors checked "
     "30 reports; just one had not been recorded.", None, [S("essex", "domestic_abuse", 29, 30)], ALL),
    ("topic_subject", "Kent Police was inspected. Inspectors said rape was a concern. Of the 60 crimes examined, 50 were "
     "recorded.", None, [S("kent", "all_crime", 50, 60)], ALL),
    ("topic_subject", "Kent Police was inspected. Rape reports rose by 12 per cent. Of the 60 crimes examined, 50 were "
     "recorded.", None, [S("kent", "all_crime", 50, 60)], (AS,)),
    ("only_one", "North Wales Police was inspected. Inspectors checked 16 reports of rape; just one had not been "
     "recorded.", None, [S("north_wales", "rape", 15, 16)], ALL),
    ("only_one", "Gwent Police was inspected. Of 22 stalking reports in the sample, only one was missed.", None,
     [S("gwent", "other", 21, 22)], ALL),
    # -- "on the books", "on the system" say the recorded part of a sample (dev10)
    ("on_the_books", "North Wales Police was inspected. Of 58 reports of domestic abuse examined, 54 were on the books.",
     None, [S("north_wales", "domestic_abuse", 54, 58)], ALL),
    ("on_the_books", "Kent Police was inspected. All but three of the 38 rape reports in the sample were on the system.",
     None, [S("kent", "rape", 35, 38)], ALL),
    # -- ratios on bullet lines under an opening line that names the audit: each a sample, however small (dev10)
    ("audit_bullets", "Devon and Cornwall Police was inspected.\n\nAmong the other findings of the audit, which covered "
     "crimes reported over six months:\n- 41 of the 55 crimes against vulnerable adults that were checked had been "
     "recorded\n- only two out of nine reports of modern slavery had been recorded\n- all 30 reports of rape in the "
     "sample were recorded correctly", "2020-09-03",
     [S("devon_and_cornwall", "other", 41, 55, 2020), S("devon_and_cornwall", "modern_slavery", 2, 9, 2020),
      S("devon_and_cornwall", "rape", 30, 30, 2020)], ALL),
    ("audit_bullets", "Kent Police was inspected. What the inspectors' sample showed:\n• three out of four stalking "
     "reports were recorded\n• five out of six reports of burglary were recorded", None,
     [S("kent", "other", 3, 4), S("kent", "burglary", 5, 6)], ALL),
    ("audit_bullets", "Kent Police was inspected.\n\nKey points:\n- four out of five crimes are recorded", None,
     [R("kent", "all_crime", 80.0)], ALL),
    # -- bullet lines under a heading that says what was recorded, or names the audit, with a colon: each line's pair
    #    is a sample whatever its words ('crimes against vulnerable victims', 'stalking and harassment crimes'), and
    #    "all N" on such a line is the whole of a sample (dev11)
    ("recorded_heading", "Hampshire Constabulary was inspected.\n\nOf the crimes that should have been recorded, the "
     "constabulary recorded:\n• 414 of 452 crimes of violence;\n• 52 of 61 crimes against vulnerable victims; and\n"
     "• all 11 reports of modern slavery.", "2020-02-27",
     [S("hampshire", "violence", 414, 452, 2020), S("hampshire", "other", 52, 61, 2020),
      S("hampshire", "modern_slavery", 11, 11, 2020)], ALL),
    ("recorded_heading", "Kent Police was inspected.\nCrimes the force recorded, out of those it should have:\n"
     "- 38 of 47 stalking and harassment crimes\n- 97 of 103 sexual offences", None,
     [S("kent", "other", 38, 47), S("kent", "sexual_offences", 97, 103)], ALL),
    ("recorded_heading", "Essex Police was inspected. In our audit sample:\n* 20 of 24 reports of rape were recorded\n"
     "* all 9 crimes of modern slavery", None, [S("essex", "rape", 20, 24), S("essex", "modern_slavery", 9, 9)], ALL),
    ("recorded_heading", "Kent Police was inspected. The force told us:\n• 40 of 50 officers have been trained\n"
     "• all 12 call handlers", None, [], (AS,)),
    # -- "written down" is recorded in plain words (easy-read pages, dev11)
    ("plain_words", "Dyfed-Powys Police was inspected.\nWe checked some reports to see if the force wrote them down.\n"
     "• We looked at 38 reports of rape. The force had written down all 38.\n• We looked at 80 reports of violent crime. "
     "The force wrote down 74.\n• We looked at 15 reports of modern slavery. 2 of these were not written down.", None,
     [S("dyfed_powys", "rape", 38, 38), S("dyfed_powys", "violence", 74, 80), S("dyfed_powys", "modern_slavery", 13, 15)], ALL),
    # -- bullet lines under "The report's findings included:" after a sentence that tells of the audit: failures, "none",
    #    a crime type with its exception in brackets, a group of victims (dev11)
    ("findings_list", "Essex Police was inspected. Inspectors examined crime reports made between November and April. "
     "The report's findings included:\n\n• sexual offences (excluding rape): 36 out of 41 recorded correctly\n"
     "• domestic abuse: 9 of 58 crimes were not recorded\n• modern slavery: of four reports, none had been recorded as a "
     "crime\n• crimes reported by people with mental ill health: 12 of 15 recorded", None,
     [S("essex", "sexual_offences", 36, 41), S("essex", "domestic_abuse", 49, 58), S("essex", "modern_slavery", 0, 4),
      S("essex", "other", 12, 15)], ALL),
    ("findings_list", "Kent Police was inspected. We audited 300 records. What we found:\n- violence (other than common "
     "assault): 7 of 60 were missed\n- stalking: none of the 5 reports had been recorded", None,
     [S("kent", "violence", 53, 60), S("kent", "other", 0, 5)], ALL),
    # -- what is no sample: a population and what the force recorded in a year; a set found unrecorded and put right
    ("not_samples", "Notes to editors\n3. Essex Police serves a population of around 1.8 million people and recorded more "
     "than 145,000 crimes in 2016/17.\n4. All 44 of the crimes found unrecorded in the inspectors' sample have since been "
     "recorded.", None, [], ALL),
    ("not_samples", "Kent Police was inspected. All 12 of the rapes the audit found unrecorded have now been recorded.", None,
     [], (AS,)),
    # -- "such crimes" after a sentence on a group of victims; what should have been recorded said before its count,
    #    the part elliptically "of those" (dev11)
    ("such_victims", "Cumbria Constabulary was inspected. A further check looked at crimes where the victim was a child "
     "or a vulnerable adult. Of the 47 such crimes in the sample, nine had not been recorded.", None,
     [S("cumbria", "other", 38, 47)], ALL),
    ("should_before", "Hampshire Constabulary was inspected. Among the crimes that should have been recorded were 42 "
     "reports of violent crime, and only 33 of those had been.", None, [S("hampshire", "violence", 33, 42)], ALL),
    ("should_before", "Kent Police was inspected. The crimes that should have been recorded were 60 burglaries; 51 of "
     "them were.", None, [S("kent", "burglary", 51, 60)], ALL),
    ("should_before", "Suffolk Constabulary was inspected.\nOf the 94 violent crimes that should have been recorded, the "
     "force logged all but 11.", None, [S("suffolk", "violence", 83, 94)], ALL),
    # -- "should have been recorded as rape" names the sample's crime type; "Of 31 ... , 25 were." (dev11)
    ("recorded_as", "Merseyside Police, by contrast, had 214 incident logs checked by inspectors, who found that 37 should "
     "have been recorded as rape.\nOnly 29 were.", None, [S("merseyside", "rape", 29, 37)], ALL),
    ("opening_total", "Kent Police was inspected. Inspectors looked at 40 reports of rape. Of 31 reports of stalking in the "
     "same sample, 25 were.", None, [S("kent", "other", 25, 31)], ALL),
    ("opening_total", "Essex Police was inspected. Among the 50 burglaries in the sample, 44 were.", None,
     [S("essex", "burglary", 44, 50)], ALL),
    # -- what should have been recorded, then how many were not; the logs that described crimes; "a check of";
    #    crimes "that inspectors found" were examined (dev11)
    ("should_then_failed", "Bedfordshire Police was inspected. Domestic abuse fared little better: of the 176 domestic "
     "abuse crimes in the sample that should have been recorded, 36 were not.", None,
     [S("bedfordshire", "domestic_abuse", 140, 176)], ALL),
    ("should_then_failed", "Staffordshire Police was inspected. As part of the inspection they checked 120 reports of "
     "violent crime that should have been recorded. Nine of them hadn't been, and a further four had been recorded as the "
     "wrong offence.", None, [S("staffordshire", "violence", 111, 120)], ALL),
    ("should_then_failed", "At Bedfordshire Police, inspectors went through 131 incident logs and concluded that 104 of "
     "them described crimes. Only 87 had been recorded as such.", None, [S("bedfordshire", "all_crime", 87, 104)], ALL),
    ("check_of", "Greater Manchester Police was inspected. A separate check of 12 rape reports found that every one had "
     "been recorded properly.", None, [S("greater_manchester", "rape", 12, 12)], ALL),
    ("check_of", "Greater Manchester Police was inspected. Of the 112 crimes that inspectors found had been passed to the "
     "force by schools, hospitals and social services, 20 were never recorded.", None,
     [S("greater_manchester", "all_crime", 92, 112)], ALL),
    # -- a sample in one clause, and what should have been recorded of another set in the next: both; the second's
    #    crime type is the group of victims its examined set names (dev11)
    ("two_samples", "Staffordshire Police was inspected. Of 60 reports of domestic abuse they examined, 57 had been "
     "recorded correctly, and they sampled 66 incidents involving vulnerable people, finding 30 should have been recorded "
     "as crimes and 27 had been.", None,
     [S("staffordshire", "domestic_abuse", 57, 60), S("staffordshire", "other", 27, 30)], ALL),
    ("two_samples", "Kent Police was inspected. Of 45 rape reports inspectors examined, 41 had been recorded, and of the "
     "20 referrals from schools they read, 12 should have been crimes and only 9 were.", None,
     [S("kent", "rape", 41, 45), S("kent", "all_crime", 9, 12)], ALL),
    # -- a pair over another measure than recording is no sample; a crime type "alongside" another is no figure's (dev11)
    ("other_measure", "Cheshire Constabulary was inspected. In 14 of the 52 domestic abuse cases we reviewed, suspects "
     "weren't arrested for more than a week.", None, [], (AS,)),
    ("other_measure", "Kent Police was inspected. Of the 40 rape reports we checked, 31 had been recorded, and in 12 of "
     "the 31 the suspect was arrested within a day.", None, [S("kent", "rape", 31, 40)], (AS,)),
    ("alongside", "Cheshire Constabulary was inspected. The force should make sure that it records stalking and "
     "harassment offences when they are reported alongside domestic abuse. In our audit, 9 of 31 such crimes hadn't "
     "been recorded.", None, [S("cheshire", "other", 22, 31)], ALL),
    # -- "none of" the reports, however long what describes them before "recorded"
    ("none_long", "Hampshire Constabulary was inspected. None of the four reports of rape made to the force by a third "
     "party, such as a friend or a support worker, had been recorded.", None, [S("hampshire", "rape", 0, 4)], ALL),
    ("none_long", "Kent Police was inspected. Not one of the six crimes of stalking passed on to officers by the "
     "county council's safeguarding team during the period had been recorded.", None, [S("kent", "other", 0, 6)], ALL),
    # -- a sentence opening on part of what the audit sentence before counted takes its crime type
    ("of_these_type", "Hampshire Constabulary was inspected. We also looked at 29 reports of rape that the force had "
     "logged as incidents. Of these, 24 should have been recorded as crimes and 21 were.", None,
     [S("hampshire", "rape", 21, 24)], ALL),
    ("of_these_type", "Kent Police was inspected. Inspectors examined 60 domestic abuse incidents. Of those, 45 were crimes "
     "and 40 had been recorded.", None, [S("kent", "domestic_abuse", 40, 45)], ALL),
    # -- "recorded as they should have been" compares how a part was recorded; no count is of what should have been
    #    (dev8; the should-have-been audits of A2 stay as they were)
    ("as_they_should", "Cheshire Constabulary was inspected.\n\nInspectors examined 40 reports of rape. Eight had not been "
     "recorded as they should have been.", None, [S("cheshire", "rape", 32, 40)], ALL),
    ("as_they_should", "Cheshire Constabulary was inspected. Inspectors looked at 55 rape reports; 9 of them had not been "
     "recorded as they should have been.", None, [S("cheshire", "rape", 46, 55)], ALL),
    ("as_they_should", "Kent Police was inspected. Of 60 rape reports in the sample, 52 had been recorded as it should have "
     "been done.", None, [S("kent", "rape", 52, 60)], ALL),
    ("as_they_should", "Of 52 rape reports checked at Kent Police, 44 were recorded as they should have been and eight were "
     "not.", None, [S("kent", "rape", 44, 52)], ALL),
    # -- a sample's total in one sentence and its recorded part in the next: the year is the second sentence's, a
    #    period in the first does not carry over (ANNOTATION.md, Audits: an audit's year; dev11)
    ("year_of_part", "Gwent Police was inspected. Inspectors pulled 90 reports of rape made during the first half of "
     "last year.\nOf those, 71 had been recorded as crimes.", "2019-05-02", [S("gwent", "rape", 71, 90, 2019)], ALL),
    ("year_of_part", "Kent Police was inspected. The team examined 64 violent crimes reported between January and June "
     "2016. Of these, 50 had been recorded.", "2017-02-10", [S("kent", "violence", 50, 64, 2017)], ALL),
    ("year_of_part", "Kent Police was inspected. The team examined 64 violent crimes reported in 2016. In 2017 the "
     "force had recorded 50 of them.", "2018-02-10", [S("kent", "violence", 50, 64, 2017)], ALL),
    # -- what should have been recorded said as what the records contained, and the recorded part named against it
    #    again in the next sentence ('71 of those 89'); the breakdown of that part is no count of its own (dev12)
    ("contained_crime", "Cambridgeshire Constabulary was inspected. We reviewed 126 incident records. In our view, 89 of "
     "them contained a report of a crime that the force was required to record.\nThe constabulary had recorded 71 of "
     "those 89. Of the 71, six had been given the wrong crime classification and nine were not recorded within the 72 "
     "hours that the rules allow.", "2014-11-18", [S("cambridgeshire", "all_crime", 71, 89, 2014)], ALL),
    ("contained_crime", "Norfolk Constabulary was inspected. We examined 80 incident logs. Of these, 52 contained a "
     "report of crime that the force should have recorded.\nThe force had recorded 44 of those 52.", "2019-11-18",
     [S("norfolk", "all_crime", 44, 52, 2019)], ALL),
    ("contained_crime", "Dorset Police was inspected. The force recorded 51 of the 60 crimes we checked. Of the 51, four "
     "were recorded late and two under the wrong crime type.", "2019-11-18", [S("dorset", "all_crime", 51, 60, 2019)], ALL),
    # -- a part of the sample named again with 'those'/'these' and said through its failures (dev12)
    ("named_again", "Cambridgeshire Constabulary was inspected. Violent crime made up 31 of the 89 crimes and was where "
     "most of the failures lay: eight of those 31 had not been recorded at all.", "2014-11-18",
     [S("cambridgeshire", "violence", 23, 31, 2014)], ALL),
    ("named_again", "Dorset Police was inspected. Inspectors examined 60 reports. Sexual offences made up 14 of the 60, "
     "and three of these 14 had not been recorded.", "2019-11-18", [S("dorset", "sexual_offences", 11, 14, 2019)], ALL),
    # -- the next sentence opens on the whole sample, or none of it, said recorded (dev12)
    ("whole_next", "Cambridgeshire Constabulary was inspected. Inspectors looked separately at 22 rape reports. Every one "
     "had been recorded as a crime, 20 of them within 72 hours.", "2014-11-18", [S("cambridgeshire", "rape", 22, 22, 2014)], ALL),
    ("whole_next", "Dorset Police was inspected. The auditors checked 18 reports of stalking.\nAll had been recorded "
     "correctly.", "2019-11-18", [S("dorset", "other", 18, 18, 2019)], ALL),
    ("whole_next", "Kent Police was inspected. Inspectors examined 35 rape reports. \"All of them had been properly "
     "recorded,\" the report said.", "2015-03-01", [S("kent", "rape", 35, 35, 2015)], ALL),
    ("whole_next", "Dorset Police was inspected. The auditors checked 18 reports of stalking. Not one had been recorded, "
     "the report said.", "2019-11-18", [S("dorset", "other", 0, 18, 2019)], ALL),
    ("whole_next", "Kent Police was inspected. We checked nine reports of modern slavery. None had been recorded.",
     "2019-11-18", [S("kent", "modern_slavery", 0, 9, 2019)], ALL),
    ("whole_next", "Dorset Police was inspected. The auditors checked 18 reports of stalking. All were passed to the "
     "safeguarding team.", "2019-11-18", [], ALL),
    ("whole_next", "Kent Police was inspected. Inspectors examined 35 decisions to cancel rape reports. All of them had "
     "been recorded first.", "2019-11-18", [], (AS,)),
    # -- the sentence before, about the audit, looked at a group of victims' crimes: the sample is theirs (dev12)
    ("victims_before", "Gwent Police was inspected. The inspectors also looked at crimes reported by victims who are "
     "vulnerable. We had recorded 61 of the 74 that we should have.", "2022-06-01", [S("gwent", "other", 61, 74, 2022)], ALL),
    ("victims_before", "Kent Police was inspected. Inspectors then examined crimes against elderly people. The force had "
     "recorded 20 of the 25 in the sample.", "2022-06-01", [S("kent", "other", 20, 25, 2022)], ALL),
    ("victims_before", "Kent Police was inspected. Inspectors then examined reports of burglary. The force had recorded 20 "
     "of the 25 in the sample.", "2022-06-01", [S("kent", "burglary", 20, 25, 2022)], ALL),
    # -- crimes found among anti-social behaviour incidents are a sub-population: `other` (ANNOTATION.md, dev11)
    ("victims_on_behalf", "Gloucestershire Constabulary was inspected. Our audit found:\n• 3 of 5 crimes reported on "
     "behalf of vulnerable adults were recorded", "2019-10-03", [S("gloucestershire", "other", 3, 5, 2019)], ALL),
    ("asb_incidents", "Cambridgeshire Constabulary was inspected. Of 50 anti-social behaviour incidents we reviewed, seven "
     "should have been recorded as crimes. The force had recorded two.", "2014-11-18",
     [S("cambridgeshire", "other", 2, 7, 2014)], ALL),
    ("asb_incidents", "Kent Police was inspected. Inspectors examined 40 ASB incidents and found 12 that should have been "
     "recorded as crimes; only 9 were.", "2019-11-18", [S("kent", "other", 9, 12, 2019)], ALL),
    ("asb_incidents", "Kent Police was inspected. Auditors reviewed 75 reports of anti-social behaviour. Eleven should have "
     "been recorded as crimes, and the force had recorded six.", "2019-11-18", [S("kent", "other", 6, 11, 2019)], ALL),
    # -- an elliptical 'had been' before a dash; another sample in a clause of its own after one read (dev12)
    ("dash_elliptical", "When HMIC audited Norfolk's crime records last year, it found that of 94 reports that should "
     "have been recorded as crimes, 83 had been – and that among 19 reports of sexual offences, three had not been "
     "recorded at all.", "2015-11-05", [S("norfolk", "all_crime", 83, 94, 2014), S("norfolk", "sexual_offences", 16, 19, 2014)], ALL),
    ("dash_elliptical", "Kent Police was inspected. In 2015 inspectors examined 64 reports that should have been recorded "
     "as crimes; 52 had been – a rate of 81 per cent.", "2016-11-05",
     [S("kent", "all_crime", 52, 64, 2015), R("kent", "all_crime", 81.0)], ALL),
    ("dash_elliptical", "Kent Police was inspected. Inspectors checked 64 reports that should have been recorded as "
     "crimes and found 52 had been, while of 20 rape reports, four had not been recorded.", "2016-11-05",
     [S("kent", "all_crime", 52, 64, 2016), S("kent", "rape", 16, 20, 2016)], ALL),
    # -- a sample picked out, its failures said after 'of them' (dev12)
    ("picked_out", "West Midlands Police was inspected. The inspectors picked out 41 violent crimes, and 15 of them had "
     "been left off the books altogether.", "2014-11-19", [S("west_midlands", "violence", 26, 41, 2014)], ALL),
    ("picked_out", "Kent Police was inspected. Auditors pulled out 30 rape reports; 4 of them had never been recorded.",
     "2014-11-19", [S("kent", "rape", 26, 30, 2014)], ALL),
    # -- recording said as turning reports into crimes (dev12)
    ("turned_into", "Dorset Police was inspected. Of 20 rape reports checked, only 14 had been turned into a crime "
     "record.", "2017-11-19", [S("dorset", "rape", 14, 20, 2017)], ALL),
    ("turned_into", "Dorset Police was inspected. Inspectors checked 9 rape reports and found none had been converted "
     "into crimes.", "2017-11-19", [S("dorset", "rape", 0, 9, 2017)], ALL),
    # -- what should have been recorded said far after its count; the sample's total named again in a later sentence
    #    that gives a part of it and that part's failures; the rest of a sample named back is no sample (dev12)
    ("named_total", "Northumbria Police was inspected. We examined 1,208 incident records. In 473 of them we found reports "
     "of crime that the force should have recorded. It had recorded 437.\n\nViolent crime remains the weak point. Among "
     "the 473 crimes were 262 reports of violence, and the force had failed to record 31 of these, most of them common "
     "assaults.", "2019-08-29", [S("northumbria", "all_crime", 437, 473, 2019), S("northumbria", "violence", 231, 262, 2019)], ALL),
    ("named_total", "Kent Police was inspected. Inspectors checked 200 crimes and found 180 had been recorded. Of the 200, "
     "40 were sexual offences, and the force had not recorded six of these.", "2019-08-29",
     [S("kent", "all_crime", 180, 200, 2019), S("kent", "sexual_offences", 34, 40, 2019)], ALL),
    ("named_total", "Northumbria Police was inspected. Of the 92 reports of rape that we reviewed, all but five had been "
     "recorded correctly. In two of the five, the force had recorded a lesser sexual offence instead.", "2019-08-29",
     [S("northumbria", "rape", 87, 92, 2019)], ALL),
    # -- a sample counted as part of what the sentence before examined takes that set's crime type (dev12)
    ("part_of_before", "Essex Police was inspected. During our fieldwork we also dip-sampled 40 domestic abuse incidents. "
     "We judged that 17 of them should have been recorded as crimes, and found that all but one had been.", "2019-09-27",
     [S("essex", "domestic_abuse", 16, 17, 2019)], ALL),
    ("part_of_before", "Kent Police was inspected. Inspectors checked 25 reports of stalking. They found 20 of them had "
     "been recorded.", "2019-09-27", [S("kent", "other", 20, 25, 2019)], ALL),
    # -- none of a sample said missed is the whole sample recorded; after a should-have-been reading too (dev12)
    ("none_missed", "South Wales Police was inspected. Of 230 crimes in the South Wales sample that ought to have been "
     "recorded, all but 11 were, and none of the 58 rapes examined had been missed.", "2021-03-18",
     [S("south_wales", "all_crime", 219, 230, 2021), S("south_wales", "rape", 58, 58, 2021)], ALL),
    ("none_missed", "Kent Police was inspected. Not one of the 20 rape reports we checked had gone unrecorded.",
     "2021-03-18", [S("kent", "rape", 20, 20, 2021)], ALL),
    ("none_missed", "Kent Police was inspected. None of the 12 rape reports we checked had been recorded.",
     "2021-03-18", [S("kent", "rape", 0, 12, 2021)], ALL),
    # -- a negation inside the count's relative clause: the count is what was not recorded (dev12)
    ("relative_negated", "Leicestershire Police was inspected. When they went through 120 reports of violent crime, they "
     "found 22 that the force had not recorded.", "2025-03-01", [S("leicestershire", "violence", 98, 120, 2025)], ALL),
    ("relative_negated", "Kent Police was inspected. Inspectors checked 60 rape reports and found 8 the force had never "
     "recorded.", "2025-03-01", [S("kent", "rape", 52, 60, 2025)], ALL),
    ("relative_negated", "Kent Police was inspected. Inspectors checked 60 rape reports and found 52 that the force had "
     "recorded.", "2025-03-01", [S("kent", "rape", 52, 60, 2025)], ALL),
    # -- what should have been recorded said as reports that "described" crimes of a type; the whole of it (or none)
    #    recorded in the next sentence, with no count there (dev12)
    ("described_crimes", "Northumbria Police was inspected. We looked at 19 referrals passed to the force through the "
     "National Referral Mechanism. In our view, 16 of them described modern slavery crimes. The force had recorded every "
     "one.", "2019-08-29", [S("northumbria", "modern_slavery", 16, 16, 2019)], ALL),
    ("described_crimes", "Kent Police was inspected. We examined 60 incident logs; 12 of them disclosed sexual offences. "
     "The force had recorded none of them.", "2019-08-29", [S("kent", "sexual_offences", 0, 12, 2019)], ALL),
    ("described_crimes", "Kent Police was inspected. We examined 60 incident logs; 12 of them disclosed sexual offences. "
     "The force had recorded nine.", "2019-08-29", [S("kent", "sexual_offences", 9, 12, 2019)], ALL),
    ("described_crimes", "Kent Police was inspected. We examined 60 incident logs; 12 of them described domestic abuse. "
     "The force was praised for every one of its officers.", "2019-08-29", [], (AS,)),
    # -- the failures first, then the total "out of" what was examined; not a yearly total out of what was reported
    ("out_of_after", "Kent Police was inspected. Auditors found 14 stalking offences that had gone unrecorded out of 60 "
     "checked.", "2023-05-01", [S("kent", "other", 46, 60, 2023)], (AS,)),
    ("out_of_after", "Kent Police was inspected. Inspectors found 9 rapes that had not been recorded out of the 45 they "
     "examined.", "2023-05-01", [S("kent", "rape", 36, 45, 2023)], ALL),
    ("out_of_after", "Kent Police was inspected. The force failed to record 14,000 crimes out of 120,000 reported each "
     "year.", "2023-05-01", [], (AS,)),
    # -- "only one of" / "just one of" a set of reports is a count, the few of a sample; with an elliptical "had not
    #    been." after the pair, the part is what was not recorded (dev12)
    ("one_of_reports", "Gwent Police was inspected. Only one of the 30 rape reports inspectors checked had not been "
     "recorded.", "2021-03-18", [S("gwent", "rape", 29, 30, 2021)], ALL),
    ("one_of_reports", "Gwent Police was inspected. Just one of the 43 rape reports they examined had not been.",
     "2021-03-18", [S("gwent", "rape", 42, 43, 2021)], ALL),
    ("one_of_reports", "Gwent Police was inspected. Just 12 of the 14 crimes of stalking we examined had not been.",
     "2021-03-18", [S("gwent", "other", 2, 14, 2021)], ALL),
    # -- an audit table run into one line or kept on its lines: two bare counts and the percentage that is the
    #    smaller's share of the larger are a row's sample, whichever column comes first (dev11)
    ("table_row", "Cheshire Constabulary's crime recording audit, quarter two. Crime type Should have been recorded "
     "Recorded Compliance Violence with injury 120 104 86.7% Rape 18 17 94.4% All crime 300 262 87.3%", "2023-07-18",
     [S("cheshire", "violence", 104, 120, 2023), R("cheshire", "violence", 86.7), S("cheshire", "rape", 17, 18, 2023),
      R("cheshire", "rape", 94.4), S("cheshire", "all_crime", 262, 300, 2023), R("cheshire", "all_crime", 87.3)], ALL),
    ("table_row", "Kent Police audit of crime recording: Category Recorded Should have been recorded % Domestic abuse "
     "51 60 85% Rape 20 20 100%", "2021-03-02",
     [S("kent", "domestic_abuse", 51, 60, 2021), R("kent", "domestic_abuse", 85.0), S("kent", "rape", 20, 20, 2021),
      R("kent", "rape", 100.0)], ALL),
    ("table_row", "Cambridgeshire Constabulary was inspected. Table 1: Crime recording audit results, Q4 2019/20 Crime type "
     "Crimes that should have been recorded Crimes recorded Compliance Stalking and harassment 94 71 75.5% Sexual "
     "offences (exc. rape) 47 44 93.6% Rape 21 21 100.0% Domestic abuse* 163 139 85.3% Total** 460 398 86.5%",
     "2020-06-24",
     [S("cambridgeshire", "other", 71, 94, 2020), R("cambridgeshire", "other", 75.5),
      S("cambridgeshire", "sexual_offences", 44, 47, 2020), R("cambridgeshire", "sexual_offences", 93.6),
      S("cambridgeshire", "rape", 21, 21, 2020), R("cambridgeshire", "rape", 100.0),
      S("cambridgeshire", "domestic_abuse", 139, 163, 2020), R("cambridgeshire", "domestic_abuse", 85.3),
      S("cambridgeshire", "all_crime", 398, 460, 2020), R("cambridgeshire", "all_crime", 86.5)], ALL),
    ("table_row", "Kent Police audit of crime recording: Category Audited Recorded % Burglary 40 38 95.0% Total 300 270 90.0%",
     "2021-03-02", [S("kent", "burglary", 38, 40, 2021), R("kent", "burglary", 95.0), S("kent", "all_crime", 270, 300, 2021),
                    R("kent", "all_crime", 90.0)], ALL),
    ("table_row", "Cheshire Constabulary's crime recording audit. Crime type Should have been recorded Not recorded "
     "Missed Violence 120 16 13.3%", "2022-01-10",
     [S("cheshire", "violence", 104, 120, 2022), R("cheshire", "violence", 86.7)], ALL),
    # -- a sample of crimes reported for a group of victims, the group after a clause about the sample (dev13)
    ("victim_group", "Bedfordshire Police was inspected. Of the 88 crimes in our sample that were reported by or on behalf "
     "of vulnerable adults and children, 74 had been recorded.", "2020-01-16", [S("bedfordshire", "other", 74, 88, 2020)], ALL),
    ("victim_group", "Bedfordshire Police was inspected. Of the 60 crimes we looked at that had been reported by people "
     "at risk of harm, 51 had been recorded.", "2020-01-16", [S("bedfordshire", "other", 51, 60, 2020)], ALL),
    ("victim_group", "Bedfordshire Police was inspected. Inspectors checked 40 crimes in the sample that involved "
     "vulnerable victims; 35 had been recorded.", "2020-01-16", [S("bedfordshire", "other", 35, 40, 2020)], ALL),
    # the group on the next bullet line is that line's, not this one's
    ("victim_group", "Lincolnshire Police was inspected.\n• Modern slavery – all 7 reports we checked had been recorded\n"
     "• Crimes against vulnerable victims – the force recorded 41 of 47", "2021-05-01",
     [S("lincolnshire", "modern_slavery", 7, 7, 2021), S("lincolnshire", "other", 41, 47, 2021)], (AS,)),
    # -- forces named as partners in the work ("shared with", "working with") are no switch of topic (dev13)
    ("partners", "Bedfordshire Police has made progress. Much of it came from work shared with Hertfordshire Constabulary "
     "and Cambridgeshire Constabulary. But the force kept its own unit. It had recorded 481 of the 529 crimes we checked.",
     "2020-01-16", [S("bedfordshire", "all_crime", 481, 529, 2020)], (AS,)),
    ("partners", "Norfolk Constabulary was inspected. Working with Suffolk Constabulary, it has trained its call handlers. "
     "The force recorded 93 of the 100 crimes inspectors examined.", "2020-01-16",
     [S("norfolk", "all_crime", 93, 100, 2020)], (AS,)),
    ("partners", "Warwickshire Police was inspected. The force, together with West Mercia Police, runs one control room. "
     "It had recorded 70 of the 80 crimes we checked.", "2020-01-16", [S("warwickshire", "all_crime", 70, 80, 2020)], (AS,)),
    # -- a pair in brackets after a whole percentage, to its rounding ("94% (136 of 145)": 93.8), on any line of a list
    ("bracketed_pair", "In the forces below, the sample was large enough to say what share had been recorded:\n\n"
     "• Avon and Somerset Constabulary: 85%\n• Dyfed-Powys Police: 94% (136 of 145)\n• GMP: 90%", "2014-11-18",
     [S("dyfed_powys", "all_crime", 136, 145, 2014)], (AS,)),
    ("bracketed_pair", "Kent Police recorded 83% of the crimes (151 of 181) that inspectors checked.", "2014-11-18",
     [S("kent", "all_crime", 151, 181, 2014)], (AS,)),
    # -- recorded, and a further N under the wrong crime type: recorded too (ANNOTATION: failures of two kinds) (dev13)
    ("misclassified", "Bedfordshire Police was inspected. The sample held 529 reports of crime that should have been "
     "recorded. The force had recorded 481 of them correctly and a further seven under the wrong crime type.",
     "2020-01-16", [S("bedfordshire", "all_crime", 488, 529, 2020)], ALL),
    ("misclassified", "Kent Police was inspected. Inspectors found 200 crimes that should have been recorded. The force had "
     "recorded 180 of them, and another five under the wrong offence.", "2020-01-16", [S("kent", "all_crime", 185, 200, 2020)], ALL),
    # -- an audit over two sentences takes the year of the inspection its sample's sentence names; the period of the
    # sampled records dates nothing (ANNOTATION: an audit's year) (dev13)
    ("year_across", "Bedfordshire Police was inspected. HMIC's 2014 crime data inspection examined 187 crimes that should "
     "have been recorded by Beds Police. Only 142 of them had been.", "2015-11-20",
     [S("bedfordshire", "all_crime", 142, 187, 2014)], ALL),
    ("year_across", "Essex Police was inspected. The 2016 audit looked at 90 reports of rape. Of those, 80 had been "
     "recorded.", "2018-11-20", [S("essex", "rape", 80, 90, 2016)], ALL),
    ("year_across", "Dyfed-Powys Police was inspected. Inspectors examined 118 incident records created between 1 November "
     "2012 and 31 October 2013 and found that 93 of them should have resulted in a crime being recorded. Of those 93, 84 "
     "had been recorded.", "2014-01-30", [S("dyfed_powys", "all_crime", 84, 93, 2014)], ALL),
    # -- the unrecorded part said elliptically after "of those" ("and just seven of those had not been.") (dev13)
    ("elliptical_unrecorded", "Bedfordshire Police was inspected. Its own audit of 400 incidents in September found 118 "
     "that should have been recorded as crimes, and just seven of those had not been.", "2015-11-20",
     [S("bedfordshire", "all_crime", 111, 118, 2015)], ALL),
    ("elliptical_unrecorded", "Kent Police was inspected. Inspectors found 60 crimes that should have been recorded, and "
     "five of these had not been.", "2015-11-20", [S("kent", "all_crime", 55, 60, 2015)], ALL),
    # -- a total without a noun of its own counts what the audit before it counted ("all 64 that we looked at") (dev13)
    ("headless_total", "Bedfordshire Police was inspected. In 2018, 11 of the 57 rape reports we audited had not been "
     "recorded. This time the force had recorded all 64 that we looked at.", "2020-01-16",
     [S("bedfordshire", "rape", 46, 57, 2018), S("bedfordshire", "rape", 64, 64, 2020)], (AS,)),
    ("headless_total", "Kent Police was inspected. Inspectors examined 40 reports of stalking. This year the force had "
     "recorded 35 of the 38 we checked.", "2020-01-16", [S("kent", "other", 35, 38, 2020)], (AS,)),
    # -- a sample compared with another in its sentence is of the same kind (dev13)
    ("compared_sample", "Bedfordshire Police was inspected. Of the 88 crimes in our sample that were reported by or on "
     "behalf of vulnerable adults and children, 74 had been recorded, compared with 39 of 70 in 2018.", "2020-01-16",
     [S("bedfordshire", "other", 74, 88, 2020), S("bedfordshire", "other", 39, 70, 2018)], (AS,)),
    ("compared_sample", "Kent Police was inspected. Of the 50 rape reports examined, 45 had been recorded, compared with "
     "30 of 48 in 2016.", "2020-01-16", [S("kent", "rape", 45, 50, 2020), S("kent", "rape", 30, 48, 2016)], (AS,)),
    # -- a force the text leaves unnamed gives no finding to the force in focus (dev13)
    ("unnamed_force", "Gwent Police was inspected. In Gwent, inspectors examined 58 reports of sexual offences and found "
     "that 17 of them had not been recorded. In one other force, which the report does not name, none of the seven "
     "rape reports referred by a sexual assault referral centre had been recorded.", "2014-11-18",
     [S("gwent", "sexual_offences", 41, 58, 2014)], (AS,)),
    ("unnamed_force", "Kent Police was inspected. In another force, inspectors found that 20 of 30 rape reports had been "
     "recorded.", "2014-11-18", [], (AS,)),
    # -- the failures "missing from a sample of M" / "in a sample of M": the rest recorded (dev13)
    ("failures_of_sample", "Cumbria Constabulary was inspected. The force fared worse four years ago, when HMIC's 2014 "
     "national audit found 17 crimes missing from a sample of 95.", "2018-05-24", [S("cumbria", "all_crime", 78, 95, 2014)], ALL),
    ("failures_of_sample", "Cumbria Constabulary was inspected. Inspectors found 12 unrecorded crimes in a sample of 80.",
     "2018-05-24", [S("cumbria", "all_crime", 68, 80, 2018)], ALL),
    ("failures_of_sample", "Kent Police was inspected. Auditors found 9 rapes had not been recorded from the sample of 70 "
     "rape reports.", "2018-05-24", [S("kent", "rape", 61, 70, 2018)], ALL),
    # -- an advert scraped into the middle of the sentence (dev13)
    ("advert_inside", "Cumbria Constabulary was inspected.\n\nOf the 104 reports of rape that inspectors examined,\n"
     "Advertisement\nHide Ad\n96 had been recorded correctly.", "2018-05-24", [S("cumbria", "rape", 96, 104, 2018)], ALL),
    ("advert_inside", "Kent Police was inspected.\n\nInspectors checked 50 reports of stalking and found that\nAdvertisement\n"
     "only 41 had been recorded.", "2018-05-24", [S("kent", "other", 41, 50, 2018)], ALL),
    # -- a relative clause's own failure verb ("found 21 that the force had failed to record") (dev13)
    ("relative_failure", "Cleveland Police was inspected. Inspectors examined 58 reports of stalking and harassment and "
     "found 21 that the force had failed to record.", "2020-02-02", [S("cleveland", "other", 37, 58, 2020)], ALL),
    ("relative_failure", "Kent Police was inspected. Inspectors examined 90 rape reports and found 12 which officers had "
     "never recorded.", "2020-02-02", [S("kent", "rape", 78, 90, 2020)], ALL),
    # -- crimes found in what was examined, all of them recorded, said after a semicolon (dev13)
    ("whole_examined", "North Wales Police was inspected. Inspectors found 61 hate crimes in the incidents they checked; "
     "every one had been recorded.", "2021-06-01", [S("north_wales", "hate_crime", 61, 61, 2021)], ALL),
    ("whole_examined", "Kent Police was inspected. The audit found 14 reports of modern slavery in the sample, and every one "
     "had been recorded.", "2021-06-01", [S("kent", "modern_slavery", 14, 14, 2021)], ALL),
    # -- an audit table whose header names its columns: what should have been recorded (or was examined), what was
    #    recorded (or was not) (dev14)
    ("column_table", "Northamptonshire Police was inspected. Our audit of sexual offences is shown below.\n\nCrime type | "
     "Should have been recorded | Recorded\nRape | 62 | 57\nOther sexual offences | 71 | 60\n", "2018-08-01",
     [S("northamptonshire", "rape", 57, 62, 2018), S("northamptonshire", "sexual_offences", 60, 71, 2018)], ALL),
    ("column_table", "Kent Police was inspected.\n\nCrime type | Examined | Not recorded\nViolence | 120 | 14\nRape | 40 | 2\n",
     "2018-08-01", [S("kent", "violence", 106, 120, 2018), S("kent", "rape", 38, 40, 2018)], ALL),
    ("column_table", "Kent Police was inspected.\n\nSample | Audited | Recorded correctly\nDomestic abuse | 90 | 81\n",
     "2018-08-01", [S("kent", "domestic_abuse", 81, 90, 2018)], ALL),
    ("column_table", "Kent Police was inspected.\n\nForce | Calls | Answered\nKent | 120 | 14\n", "2018-08-01", [], ALL),
    # -- the sample's size in the sentence after the one that says how many were (not) recorded (dev14)
    ("size_after", "Humberside Police was inspected. Of the reports of rape that inspectors examined, five had not been "
     "recorded as crimes when they should have been. The sample was 31 reports.", "2014-11-27",
     [S("humberside", "rape", 26, 31, 2014)], ALL),
    ("size_after", "Kent Police was inspected. Inspectors found that 44 of the violent crimes they audited had been recorded. "
     "The sample comprised 50 reports.", "2014-11-27", [S("kent", "violence", 44, 50, 2014)], ALL),
    ("size_after", "Kent Police was inspected. In the reports of stalking we checked, nine had never been recorded.\nThe sample "
     "size was 38.", "2014-11-27", [S("kent", "other", 29, 38, 2014)], ALL),
    # -- the failures of a sample the sentence before examined, said through "no crime record" (dev14)
    ("no_record_made", "Northamptonshire Police was inspected. We reviewed 54 crimes reported to the PPU in this way. In 16 of "
     "them no crime record had been made.", "2018-08-01", [S("northamptonshire", "all_crime", 38, 54, 2018)], ALL),
    ("no_record_made", "Kent Police was inspected. Inspectors examined 40 reports of rape. In seven of these no crime had been "
     "recorded.", "2018-08-01", [S("kent", "rape", 33, 40, 2018)], ALL),
    ("no_record_made", "Kent Police was inspected. Inspectors examined 60 reports of domestic abuse. In 12 of those, no crime "
     "record was made.", "2018-08-01", [S("kent", "domestic_abuse", 48, 60, 2018)], ALL),
    # -- "all but N" said elliptically in the sentence after the examined sample (dev14)
    ("all_but_elliptical", "Thames Valley Police was audited. Auditors picked 250 crimes reported during August and checked "
     "whether each had gone on to the system. All but 19 had.", "2015-10-01", [S("thames_valley", "all_crime", 231, 250, 2015)], ALL),
    ("all_but_elliptical", "Kent Police was inspected. Inspectors sampled 80 reports of violence to see if they were recorded. "
     "All but six were.", "2015-10-01", [S("kent", "violence", 74, 80, 2015)], ALL),
    ("all_but_elliptical", "Kent Police was inspected. The inspectors examined 45 rape reports. All but two of them had been.",
     "2015-10-01", [S("kent", "rape", 43, 45, 2015)], ALL),
    # -- "just one of N" is the few of a sample, a bare count after "of" its total (dev14)
    ("just_one_of", "Dyfed-Powys Police was inspected. In the rape cases they looked at, just one of 47 had not been "
     "correctly recorded.", "2020-06-01", [S("dyfed_powys", "rape", 46, 47, 2020)], ALL),
    ("just_one_of", "Kent Police was inspected. Of the stalking reports checked, only one of 30 had been missed.", "2020-06-01",
     [S("kent", "other", 29, 30, 2020)], ALL),
    ("just_one_of", "Kent Police was inspected. Inspectors found that just one of 12 rape reports had been recorded.", "2020-06-01",
     [S("kent", "rape", 1, 12, 2020)], ALL),
    # -- failures "within 72 hours" are timeliness, the sample recorded in full in the end (dev14)
    ("timely_failures", "Derbyshire Constabulary was inspected.\n• Three of the 19 rape reports we examined had not been "
     "recorded as crimes within 72 hours, as the rules require; all 19 had been recorded in the end.", "2014-11-18",
     [S("derbyshire", "rape", 19, 19, 2014)], ALL),
    ("timely_failures", "Kent Police was inspected. Inspectors found that 5 of the 40 crimes they checked were not recorded "
     "within 24 hours.", "2014-11-18", [], (AS,)),
    ("timely_failures", "Kent Police was inspected. Of 60 reports audited, 12 were not recorded within the 72 hours the rules "
     "allow.", "2014-11-18", [], (AS,)),
    # -- what should have been recorded said through appearing on the books; its whole recorded later in the same
    #    sentence, elliptically or not (dev14)
    ("should_then_whole", "Devon and Cornwall Police fared worse. Inspectors picked out 158 reports that should have "
     "appeared on its books as crimes; 118 had.", "2014-05-01", [S("devon_and_cornwall", "all_crime", 118, 158, 2014)], ALL),
    ("should_then_whole", "Suffolk Constabulary was inspected. They found 21 stalking reports that should have been "
     "recorded as crimes, and every one of them had been.", "2019-05-01", [S("suffolk", "other", 21, 21, 2019)], ALL),
    ("should_then_whole", "Kent Police was inspected. Inspectors found 14 rapes that should have been recorded, and all of "
     "them had been recorded.", "2019-05-01", [S("kent", "rape", 14, 14, 2019)], ALL),
    ("should_then_whole", "Kent Police was inspected. Inspectors found 9 crimes that should have been recorded; none had "
     "been.", "2019-05-01", [S("kent", "all_crime", 0, 9, 2019)], ALL),
    # -- a capitalised name with "National" in it is no national frame (dev14)
    ("national_names", "Northamptonshire Police was inspected. We also looked for modern slavery crimes in referrals made under "
     "the National Referral Mechanism and found 12 that should have been recorded.\nOnly five were.", "2018-08-01",
     [S("northamptonshire", "modern_slavery", 5, 12, 2018)], ALL),
    ("national_names", "Kent Police was inspected. Of 30 cases passed on by the National Crime Agency, inspectors found 25 had "
     "been recorded.", "2018-08-01", [S("kent", "all_crime", 25, 30, 2018)], ALL),
    ("national_names", "Nationally, inspectors found 19 per cent of crimes were not recorded; across forces, 80 of 100 audited "
     "reports were recorded.", "2018-08-01", [], ALL),
]

# Texts that must not give these findings (core fields; whatever else they give is another case's business).
ABSENT: list[tuple[str, str, list[dict[str, Any]]]] = [
    # A breakdown of the failures already counted: no sample of them, no count of each part.
    ("other_numbers", "Kent Police was inspected. Inspectors checked 40 rape reports and found 34 had been recorded. Of the six "
     "rapes that went unrecorded, two were logged as incidents, three were misclassified and one was not recorded at all.",
     [S("kent", "rape", 2, 6), S("kent", "rape", 3, 6), U("kent", "rape", 2), U("kent", "rape", 3), U("kent", "rape", 1)]),
    # A breakdown by crime type of what the sample left unrecorded, said without its total (dev10).
    ("other_numbers", "Of the 146 crime reports that inspectors traced through West Yorkshire Police's systems, 127 had "
     "been recorded.\n\nOf the crimes the force missed, eight were assaults and five were thefts.",
     [U("west_yorkshire", "other", 8), U("west_yorkshire", "all_crime", 8), U("west_yorkshire", "other", 5)]),
    # A share of what was missed, said as what the missed crimes were: no rate (dev10).
    ("other_numbers", "North Wales Police was inspected. About a third of the crimes that had been missed were reports "
     "passed on by other agencies.", [R("north_wales", "all_crime", 66.7), R("north_wales", "all_crime", 33.3)]),
    ("other_numbers", "Kent Police was inspected. Half of the crimes that went unrecorded were assaults.",
     [R("kent", "all_crime", 50.0), R("kent", "other", 50.0)]),
    ("other_numbers", "Kent Police recorded 81 of the 95 crimes in the sample. Among those it failed to record, six were "
     "burglaries.", [U("kent", "burglary", 6), U("kent", "all_crime", 6)]),
    ("through_unrecorded", "Gwent Police was inspected. Of the 310 violent crimes checked, 47 had not been recorded.",
     [U("gwent", "violence", 47), U("gwent", "all_crime", 47), U("gwent", "violence", 310)]),
    # A ratio of records the force cancelled: an audit of cancellations, no recording rate (SCHEMA §5, Audits).
    ("cancelled", "Gwent Police was inspected.\n• Nine out of 20 crime records that the force had cancelled should have "
     "been left in place", [R("gwent", "all_crime", 55.0), R("gwent", "all_crime", 45.0)]),
    ("cancelled", "Kent Police was inspected. Three in ten of the rapes it had no-crimed should have stood.",
     [R("kent", "rape", 70.0), R("kent", "rape", 30.0)]),
    # A cancellation audit said over two sentences: its total and its part are no sample (dev11).
    ("cancelled", "Surrey Police was inspected. The inspectors also looked at 3,246 decisions to cancel – or "
     "\"no-crime\" – records. Among 623 no-crimed rapes, 37 per cent should never have been cancelled.",
     [S("surrey", "all_crime", 623, 3246), S("surrey", "rape", 623, 3246)]),
    ("cancelled", "Kent Police was inspected. Inspectors examined 120 decisions to cancel crime records. Of these, 96 "
     "had been cancelled correctly.", [S("kent", "all_crime", 96, 120), S("kent", "all_crime", 24, 120)]),
    ("cancelled", "Dorset Police was inspected. The audit covered 45 rapes the force had no-crimed. Of those, 12 should "
     "not have been cancelled.", [S("dorset", "rape", 33, 45), S("dorset", "rape", 12, 45)]),
    # Forces counted and graded: no sample of crimes (dev12).
    ("forces_graded", "Derbyshire Constabulary was inspected. Two of the three were judged to require improvement at "
     "recording data about crime.", [S("derbyshire", "all_crime", 2, 3)]),
    # Victims told how to complain: another measure of the same cases, no sample (dev12).
    ("other_measure", "Northumbria Police was inspected. The force told victims how to make a complaint in 49 of the 70 "
     "cases we looked at.", [S("northumbria", "all_crime", 49, 70)]),
    # Two counts and a share that is not the one's part of the other, or counts of calls: no table row.
    ("table_row", "Kent Police was inspected. Its audit found 412 crimes among 600 incidents, 68.7% of them violent.",
     [S("kent", "all_crime", 412, 600), S("kent", "violence", 412, 600)]),
    ("table_row", "Gwent Police performance table: Calls answered 1,204 1,100 91.4% Emergency attendance 340 300 88.2%",
     [S("gwent", "all_crime", 1100, 1204), S("gwent", "all_crime", 300, 340)]),
    ("table_row", "Kent Police's audit of crime recording found compliance of 240 219 90.1% in the quarter.",
     [S("kent", "all_crime", 219, 240)]),
]


# "X out of Y": two COUNTs where Y was examined, one PERCENT where it is a general share (SCHEMA §5, Figures).
SPANS: list[tuple[str, list[tuple[str, str]]]] = [
    ("• 11 out of 15 audited rape reports were correctly recorded;", [("COUNT", "11"), ("COUNT", "15")]),
    ("Nine out of ten audited rape reports were recorded.", [("COUNT", "Nine"), ("COUNT", "ten")]),
    ("Of the domestic abuse crimes, 14 out of 16 sampled were recorded correctly.", [("COUNT", "14"), ("COUNT", "16")]),
    ("Seven out of nine reports of modern slavery in the sample were correctly recorded.", [("COUNT", "Seven"), ("COUNT", "nine")]),
    ("Some 72 out of 80 reports of rape were recorded correctly.", [("COUNT", "Some 72"), ("COUNT", "80")]),
    ("Four out of five crimes reported to the force are recorded.", [("PERCENT", "Four out of five")]),
    ("Nine out of ten crimes were recorded, a sample of the force's records showed.", [("PERCENT", "Nine out of ten")]),
]


def _ids(cases: list[Any]) -> list[str]:
    return [f"{c[0]}-{i}" for i, c in enumerate(cases)]


@pytest.mark.parametrize("cls,text,date,expected,checked", CASES, ids=_ids(CASES))
def test_audit_readings(nlp: Language, cls: str, text: str, date: str | None, expected: list[dict[str, Any]],
                        checked: tuple[str, ...]) -> None:
    got = sorted({_key(f) for f in findings(nlp, text, date) if f["type"] in checked}, key=repr)
    assert got == sorted({_key(f) for f in expected}, key=repr)


@pytest.mark.parametrize("text,figures", SPANS)
def test_examined_samples_are_two_counts(nlp: Language, text: str, figures: list[tuple[str, str]]) -> None:
    assert [(label, span) for label, span, _ in entities(nlp, text) if label in ("COUNT", "PERCENT")] == figures


@pytest.mark.parametrize("cls,text,absent", ABSENT, ids=_ids(ABSENT))
def test_not_read_from_audits(nlp: Language, cls: str, text: str, absent: list[dict[str, Any]]) -> None:
    core = lambda f: (f["type"],) + tuple(f.get(k) for k in CORE_FIELDS[f["type"]])  # noqa: E731
    got = {core(f) for f in findings(nlp, text, None)}
    assert not got & {core(f) for f in absent}
