"""Grades as real coverage states them (issue 13, item 4; catalogues of real coverage 1 and 2; SCHEMA §5 of
2026-12-06): the grade ``adequate``, SCHEMA's closed list of area ids, one finding per named area, no finding for
counted or unnamed areas, ``other`` for an area named that is not in the list, and never a crime-recording grade
invented from another area.

Each class is a table: the catalogues' (invented) examples and negatives, then sentences of our own that vary the
cue words, the order and the distance. A case is a text, the article's date and the grade findings it must give
(force, area, grade, year); other finding types are not compared here.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from spacy.language import Language

from pipeline.ids import AREA_IDS
from pipeline.linking import CueDataError, build_lexicon
from pipeline.linking.rules.areas import AreaReader
from pipeline.linking.rules.grade import GradeRule
from pipeline.resources import load_json

from tests.linking.builders import build, fields, run

CaseRow = tuple[str, str | None, set[tuple[str, str, str, int | None]]]
CDI = "crime_data_integrity"


def _run(nlp: Language, text: str, date: str | None) -> Any:
    doc = nlp.make_doc(text)
    doc._.article_date = date
    return nlp(doc)


def grades(nlp: Language, text: str, date: str | None = None) -> set[tuple[str, str, str, int | None]]:
    found = [f for f in _run(nlp, text, date)._.findings if f["type"] == "grade"]
    return {(f["force"], f["area"], f["grade"], f["year"]) for f in found}


def grade_spans(nlp: Language, text: str) -> list[str]:
    doc = _run(nlp, text, None)
    raw = doc._.raw_text or doc.text
    return [raw[e.start_char : e.end_char] for e in doc.ents if e.label_ == "GRADE"]


NORFOLK = "Norfolk Constabulary was inspected. "
KENT = "Kent Police was inspected. "

# -- the grade "adequate" (SCHEMA §5, 2026-12-06) ----------------------------------------------------------
ADEQUATE: list[CaseRow] = [
    # catalogue 1, A1 negative (now a grade of its own): not good, not requires improvement, and no other grade relabelled.
    (NORFOLK + "It was graded 'Adequate' for recording data about crime.", None, {("norfolk", CDI, "adequate", None)}),
    # own: another area, another verb; a list line; "adequate" beside other grades in one sentence.
    ("Suffolk Constabulary was judged adequate at preventing crime.", None, {("suffolk", "preventing_crime", "adequate", None)}),
    (KENT + "Its grades were:\nProtecting vulnerable people – adequate\nManaging offenders – good\n", "2022-03-01",
     {("kent", "protecting_vulnerable_people", "adequate", 2022), ("kent", "managing_offenders", "good", 2022)}),
    ("Cleveland Police \"requires improvement\" at investigating crime and managing offenders, and was \"adequate\" at "
     "preventing crime.", None,
     {("cleveland", "investigating_crime", "requires_improvement", None), ("cleveland", "managing_offenders", "requires_improvement", None),
      ("cleveland", "preventing_crime", "adequate", None)}),
    ("Kent Police was rated adequate for investigating crime but inadequate for responding to the public.", None,
     {("kent", "investigating_crime", "adequate", None), ("kent", "responding_to_the_public", "inadequate", None)}),
    # negatives: the ordinary adjective.
    (KENT + "The force did not have adequate resources to audit its records.", None, set()),
    (KENT + "Inspectors said staffing levels were not adequate.", None, set()),
]

# -- area wordings mapped to SCHEMA's closed list (ANNOTATION.md, "Decisions settled with dev5") --------------
AREA_WORDINGS: list[CaseRow] = [
    (KENT + "In 2017 it was rated good for leadership.", None, {("kent", "leadership", "good", 2017)}),
    (KENT + "It was rated good for leadership and force management.", None, {("kent", "leadership_and_force_management", "good", None)}),
    (KENT + "It was rated outstanding for police powers and public treatment.", None, {("kent", "treatment_of_the_public", "outstanding", None)}),
    (KENT + "It was rated good for its use of resources.", None, {("kent", "good_use_of_resources", "good", None)}),
    (KENT + "It was rated inadequate at answering calls.", None, {("kent", "responding_to_the_public", "inadequate", None)}),
    (KENT + "It was rated inadequate for handling emergency calls.", None, {("kent", "responding_to_the_public", "inadequate", None)}),
    (KENT + "It requires improvement in supervising investigations.", None, {("kent", "investigating_crime", "requires_improvement", None)}),
    (KENT + "It was judged good at keeping at-risk children safe.", None, {("kent", "protecting_vulnerable_people", "good", None)}),
    (KENT + "It was graded good for systems and processes.", None, {("kent", "systems_and_processes", "good", None)}),
    (KENT + "It was rated good for the way it records crime.", None, {("kent", CDI, "good", None)}),
    (KENT + "It was rated outstanding for managing suspects.", None, {("kent", "managing_offenders", "outstanding", None)}),
    (KENT + "It was rated good for its efficiency and for its legitimacy.", None,
     {("kent", "efficiency", "good", None), ("kent", "legitimacy", "good", None)}),
    # an area named that is not in the list: other, never crime data integrity.
    (KENT + "It was rated inadequate for its service to victims.", None, {("kent", "other", "inadequate", None)}),
    (KENT + "It was rated good for its work with partner agencies.", None, {("kent", "other", "good", None)}),
    (KENT + "It was rated inadequate for its handling of rape reports.", None, {("kent", "other", "inadequate", None)}),
    # a phrase after "in"/"at"/"for" that is no area: the grade is the force's crime-recording grade.
    (KENT + "It was rated good in its latest inspection.", None, {("kent", CDI, "good", None)}),
    (KENT + "It was rated inadequate for the first time.", None, {("kent", CDI, "inadequate", None)}),
    ("Kent Police was rated good in 2019.", None, {("kent", CDI, "good", 2019)}),
    (KENT + "It was rated requires improvement in the East of England.", None, {("kent", CDI, "requires_improvement", None)}),
    (KENT + "It was rated good for a second year running.", None, {("kent", CDI, "good", None)}),
    (KENT + "It was rated inadequate in its most recent inspection.", None, {("kent", CDI, "inadequate", None)}),
    (KENT + "It was rated good, particularly for investigating crime.", None, {("kent", "investigating_crime", "good", None)}),
    # the area fronted at the sentence's opening
    (KENT + "For preventing crime, the force was rated outstanding.", None, {("kent", "preventing_crime", "outstanding", None)}),
    (KENT + "When it comes to investigating crime, Kent was graded good.", None, {("kent", "investigating_crime", "good", None)}),
    (KENT + "In its latest report, the inspectorate rated the force good.", None, {("kent", CDI, "good", None)}),
    # ANNOTATION.md, "Overall": an overall judgement of a wider inspection (PEEL) names no area; of a crime-recording one, CDI.
    (KENT + "In its latest PEEL inspection the force was rated good overall.", None, set()),
    (KENT + "The PEEL report gave the force an overall grade of requires improvement, and rated it good at preventing crime.",
     None, {("kent", "preventing_crime", "good", None)}),
    (KENT + "Its crime data integrity inspection rated it good overall.", None, {("kent", CDI, "good", None)}),
]

# -- catalogue 1, A1: paraphrased areas, areas before the grade, long coordinations --------------------------
MULTI_AREA: list[CaseRow] = [
    ("Inspectors judged Norfolk Constabulary to be 'Good' at managing suspects and at preventing and deterring crime.", None,
     {("norfolk", "managing_offenders", "good", None), ("norfolk", "preventing_crime", "good", None)}),
    (NORFOLK + "Three areas – investigating crime, responding to the public and protecting vulnerable people – were each graded "
     "'Requires Improvement'.", None,
     {("norfolk", "investigating_crime", "requires_improvement", None), ("norfolk", "responding_to_the_public", "requires_improvement", None),
      ("norfolk", "protecting_vulnerable_people", "requires_improvement", None)}),
    ("Norfolk Constabulary requires improvement in building, supporting and protecting the workforce, and in treating the public "
     "fairly.", None,
     {("norfolk", "developing_a_positive_workplace", "requires_improvement", None),
      ("norfolk", "treatment_of_the_public", "requires_improvement", None)}),
    (NORFOLK + "Its strategic planning, organisational management and value for money was rated 'Inadequate'.", None,
     {("norfolk", "other", "inadequate", None)}),
    # own: the areas before the grade with "which were all judged", another order, a longer distance.
    (KENT + "Preventing crime, investigating crime and managing offenders, which were all judged to be good, were singled out.", None,
     {("kent", "preventing_crime", "good", None), ("kent", "investigating_crime", "good", None), ("kent", "managing_offenders", "good", None)}),
    (KENT + "Its handling of emergency calls and its supervision of investigations were both rated inadequate.", None,
     {("kent", "responding_to_the_public", "inadequate", None), ("kent", "investigating_crime", "inadequate", None)}),
    ("Essex Police was rated outstanding for the way it treats the public, good at preventing and deterring anti-social "
     "behaviour, and requires improvement in protecting vulnerable people and in managing offenders.", None,
     {("essex", "treatment_of_the_public", "outstanding", None), ("essex", "preventing_crime", "good", None),
      ("essex", "protecting_vulnerable_people", "requires_improvement", None), ("essex", "managing_offenders", "requires_improvement", None)}),
    ("Durham Constabulary was rated good at investigating and preventing crime.", None,
     {("durham", "investigating_crime", "good", None), ("durham", "preventing_crime", "good", None)}),
    ("Hampshire Constabulary has been rated good at recording data about crime in its latest inspection, but still requires "
     "improvement in the way it investigates offences, the watchdog has said.", None,
     {("hampshire", CDI, "good", None), ("hampshire", "investigating_crime", "requires_improvement", None)}),
]

# -- catalogue 1, B3 (and D8): an evaluative word is no grade ---------------------------------------------
EVALUATIVE: list[CaseRow] = [
    ("An outstanding 96.4 per cent of crimes reported to Durham Constabulary are now recorded.", None, set()),
    ("Durham Constabulary is recording an outstanding 96.4 per cent of the crimes reported to it.", None, set()),
    ("Durham Constabulary was rated outstanding for the way it records crime.", None, {("durham", CDI, "outstanding", None)}),
    # D8: a verdict of "good arrangements" is praise, not a grade.
    ("The commissioner welcomed the watchdog's verdict of 'good arrangements for recording crime' at Kent Police.", None, set()),
    # own
    ("Kent Police now records a good 93 per cent of crimes reported to it.", None, set()),
    (KENT + "It achieved an outstanding 97.2% recording rate for sexual offences.", None, set()),
    ("An outstanding 1,200 more crimes were recorded by Kent Police than last year.", None, set()),
    ("Kent Police was rated outstanding, recording 96.4 per cent of crimes.", None, {("kent", CDI, "outstanding", None)}),
    # ANNOTATION.md: "the service to victims is inadequate" describes, it does not rate (catalogue 2, A1 (d)).
    ("Cumbria Constabulary was inspected. 'The force's service to victims is inadequate and it still does not record crime well "
     "enough,' the inspector said.", None, set()),
    (KENT + "Inspectors said its response to missing children was inadequate.", None, set()),
    (KENT + "The quality of its crime reports is good, inspectors said.", None, set()),
    (KENT + "Its crime recording is good, inspectors said.", None, {("kent", CDI, "good", None)}),
    (KENT + "Its performance was inadequate.", None, {("kent", CDI, "inadequate", None)}),
    # (dev13) "its one/only good grade was for X": the grade is the force's, for the area after the copula
    ("Warwickshire Police was rated adequate at keeping vulnerable people safe. Its one good grade was for preventing crime and "
     "anti-social behaviour.", None, {("warwickshire", "protecting_vulnerable_people", "adequate", None),
                                      ("warwickshire", "preventing_crime", "good", None)}),
    (KENT + "Its only good grade was for the way it treats the public.", None, {("kent", "treatment_of_the_public", "good", None)}),
    (KENT + "Its single outstanding rating is in managing offenders.", None, {("kent", "managing_offenders", "outstanding", None)}),
    # a table line keeps its grade before the rate: only a determiner makes the grade word praise of a figure
    ("Cumbria Constabulary Outstanding 96.0%", None, {("cumbria", CDI, "outstanding", None)}),
]

EVALUATIVE_SPANS: list[tuple[str, list[str]]] = [
    ("An outstanding 96.4 per cent of crimes reported to Durham Constabulary are now recorded.", []),
    ("Durham Constabulary is recording an outstanding 96.4 per cent of the crimes reported to it.", []),
    ("Kent Police now records a good 93 per cent of crimes reported to it.", []),
    ("An outstanding 1,200 more crimes were recorded by Kent Police than last year.", []),
    ("Durham Constabulary was rated outstanding for the way it records crime.", ["outstanding"]),
    ("Kent Police was graded 'Adequate' for recording data about crime.", ["Adequate"]),
    ("Kent Police was rated good in three areas, adequate in four and requires improvement in one.",
     ["good", "adequate", "requires improvement"]),
    # (dev13) a grade named as the force's one grade of its kind; praise of a grade in general is none
    ("Its one good grade was for preventing crime and anti-social behaviour.", ["good"]),
    ("Their only outstanding rating came in treating the public fairly.", ["outstanding"]),
    ("A good grade is welcome, said the chief constable.", []),
    ("The force did not have adequate resources.", []),
    # the grading scale is tagged grade by grade (its findings: none, see unnamed_areas); "good enough" is no grade
    ("Since 2021 forces have been graded on a five-point scale: outstanding, good, adequate, requires improvement or inadequate.",
     ["outstanding", "good", "adequate", "requires improvement", "inadequate"]),
    ("Each force is then given one of four grades: outstanding, good, requires improvement or inadequate.",
     ["outstanding", "good", "requires improvement", "inadequate"]),
    ("Forces may be rated outstanding or good, or told they require improvement.", ["outstanding", "good", "require improvement"]),
    ("Better than most is not the same as good enough.", []),
    ("That leaves the force adequate or better in eight of the nine areas.", ["adequate"]),
    ("That makes the force good or better in most areas.", ["good"]),
    ("Kent Police's recording is still not good enough, the commissioner said.", []),
]

# -- D2, D3 and counted areas (catalogue 1, D2; catalogue 2, A9) ----------------------------------------------
UNNAMED_AREAS: list[CaseRow] = [
    ("Dorset Police was inspected. The force was judged inadequate in a number of areas.", None, set()),
    ("Dorset Police was inspected. Two of its nine graded areas were inadequate.", None, set()),
    # D3: an area named only as the basis of an overall judgement does not take it.
    ("Dorset Police was inspected. The inspection also covered leadership and culture, and on that basis Dorset Police was judged "
     "to require improvement.", None, {("dorset", CDI, "requires_improvement", None)}),
    # catalogue 2, A9
    ("Greater Manchester Police was inspected. None of the eleven areas was judged inadequate.", None, set()),
    ("Greater Manchester Police was rated good in three areas, adequate in four and requires improvement in one.", None, set()),
    ("Greater Manchester Police was inspected. No part of the force's work was graded outstanding this time.", None, set()),
    ("Greater Manchester Police was rated good in two areas, one of them the way it records crime.", None,
     {("greater_manchester", CDI, "good", None)}),
    # own
    (KENT + "It was graded good in most areas and outstanding in several.", None, set()),
    ("Kent Police was rated inadequate in four of the nine areas inspected.", None, set()),
    (KENT + "Not one of the areas inspected was rated inadequate.", None, set()),
    (KENT + "It was judged requires improvement in two areas, including how it responds to the public.", None,
     {("kent", "responding_to_the_public", "requires_improvement", None)}),
    (KENT + "Neither area was graded outstanding.", None, set()),
    (KENT + "It was rated good in each of the nine areas.", None, set()),
    (KENT + "It was rated good in all but one area.", None, set()),
    # (dev13) the rest of the areas, counted or not, are no named area
    ("Warwickshire Police was rated adequate at keeping vulnerable people safe, and it requires improvement in the remaining "
     "three areas.", None, {("warwickshire", "protecting_vulnerable_people", "adequate", None)}),
    (KENT + "It requires improvement in the remaining areas.", None, set()),
    (KENT + "It was rated good at preventing crime and adequate in all the rest.", None, {("kent", "preventing_crime", "good", None)}),
    (KENT + "It was judged good in two additional areas this year.", None, set()),
    # the grading scale itself is no judgement; grades with their own dates are
    ("Forces are graded outstanding, good, requires improvement or inadequate.", None, set()),
    (KENT + "Each force is audited and graded 'outstanding', 'good', 'requires improvement' or 'inadequate'.", None, set()),
    (KENT + "In 2016 it was rated inadequate, in 2019 requires improvement and now good.", "2024-01-10",
     {("kent", CDI, "inadequate", 2016), ("kent", CDI, "requires_improvement", 2019), ("kent", CDI, "good", 2024)}),
]

# -- (dev14) areas counted over the bullet lines a colon opens: each bullet is a named area, adverts between them
#    scraped in or not
COUNTED_OVER_BULLETS: list[CaseRow] = [
    ("Cheshire Constabulary was inspected.\nThe force was graded 'adequate' in four areas of its work:\n• preventing crime and "
     "anti-social behaviour\n• investigating crime\nAdvertisement\nHide Ad\n• protecting vulnerable people\n• building, "
     "supporting and protecting its workforce\nInspectors said more.", "2022-08-18",
     {("cheshire", "preventing_crime", "adequate", 2022), ("cheshire", "investigating_crime", "adequate", 2022),
      ("cheshire", "protecting_vulnerable_people", "adequate", 2022), ("cheshire", "developing_a_positive_workplace", "adequate", 2022)}),
    (KENT + "It was rated good in two areas:\n- treatment of the public\n- managing offenders and suspects\n", "2023-01-05",
     {("kent", "treatment_of_the_public", "good", 2023), ("kent", "managing_offenders", "good", 2023)}),
    (KENT + "Inspectors judged it to require improvement in three of the nine areas:\n• responding to the public\n"
     "Skip Ad\n• investigating crime\n• recording data about crime\n", "2023-01-05",
     {("kent", "responding_to_the_public", "requires_improvement", 2023), ("kent", "investigating_crime", "requires_improvement", 2023),
      ("kent", CDI, "requires_improvement", 2023)}),
    # no colon, no list: counted and unnamed
    (KENT + "It was rated good in two areas.\n• Kent has 3,800 officers\n", "2023-01-05", set()),
]

# -- (dev14) a grade after a rating verb in any form; never Police Scotland's (HMICS inspects it, HMICFRS grades it not)
RATING_VERBS_AND_SCOTLAND: list[CaseRow] = [
    ("Suffolk Constabulary was re-inspected. Its re-inspection report, published on 20 June, now rates the force good.",
     "2019-06-20", {("suffolk", CDI, "good", 2019)}),
    ("Nottinghamshire Police fared better, with HMICFRS finding the force recorded 92.7 per cent of crimes and rating it good.",
     "2018-11-08", {("nottinghamshire", CDI, "good", 2018)}),
    ("Norfolk Constabulary was inspected. They did, however, judge it good on leadership and culture.", "2017-04-01",
     {("norfolk", "leadership_and_culture", "good", 2017)}),
    # a grade recalled with no date ("after being branded inadequate") is stated where the text dates it
    ("Dyfed-Powys Police crime recording now 'good' after being branded inadequate", "2020-06-01",
     {("dyfed_powys", CDI, "good", 2020)}),
    ("Kent Police, having been rated inadequate in 2016, is now good.", "2020-06-01",
     {("kent", CDI, "inadequate", 2016), ("kent", CDI, "good", 2020)}),
    ("Essex Police, previously graded requires improvement, was rated good this year.", "2020-06-01",
     {("essex", CDI, "good", 2020)}),
    # a grade moved from: dated by its apposition or by the earlier year the sentence names, else stated elsewhere; the
    # grade moved to is the article's (dev14; dev13, dev7, dev9, dev10 read the same way)
    ("Gwent Police was inspected. Our crime data integrity has moved from requires improvement, the grade we were given in "
     "2021, to adequate.", "2023-06-01", {("gwent", CDI, "requires_improvement", 2021), ("gwent", CDI, "adequate", 2023)}),
    ("Kent Police was rated inadequate – the rating it received in 2018 – and is now good.", "2023-06-01",
     {("kent", CDI, "inadequate", 2018), ("kent", CDI, "good", 2023)}),
    ("Devon and Cornwall Police recorded 94.3 per cent of crime in 2025, up from 81.6 per cent in 2022, and its grade for "
     "recording data about crime has gone from inadequate to adequate.", "2025-05-20",
     {("devon_and_cornwall", CDI, "inadequate", 2022), ("devon_and_cornwall", CDI, "adequate", 2025)}),
    ("Staffordshire Police\nCrime recording improves as inspectors lift grade from 'inadequate'", "2020-01-30", set()),
    (KENT + "Its crime recording has moved from requires improvement to adequate.", "2023-06-01", {("kent", CDI, "adequate", 2023)}),
    # a copula after "and" has the first clause's subject, the force
    ("Kent Police was rated inadequate in 2018 and is now good.", "2023-06-01",
     {("kent", CDI, "inadequate", 2018), ("kent", CDI, "good", 2023)}),
    ("Essex Police was found wanting in 2016 but is now outstanding.", "2023-06-01", {("essex", CDI, "outstanding", 2023)}),
    ("HM Inspectorate of Constabulary in Scotland (HMICS) will look at how Police Scotland records crime.\nA reader writes: "
     "\"The police are rated 'adequate' and everyone acts like that's fine.\"", "2025-05-02", set()),
]

# -- (dev14) the subject set off from its grade by an aside that opens on a participle or "whether"; PEEL's
#    2014-17 questions in paraphrase
ASIDES_AND_PILLARS: list[CaseRow] = [
    ("Northamptonshire Police fared worse. It was also told its legitimacy – whether it treats the public and its own "
     "workforce fairly – requires improvement. Its efficiency, graded last October, was good.", "2016-03-03",
     {("northamptonshire", "legitimacy", "requires_improvement", 2016), ("northamptonshire", "efficiency", "good", 2015)}),
    (KENT + "Its effectiveness, assessed in the autumn, was judged inadequate.", "2016-03-03",
     {("kent", "effectiveness", "inadequate", 2016)}),
    (KENT + "Its crime recording, rated last year, was outstanding.", "2016-03-03", {("kent", CDI, "outstanding", 2015)}),
    ("Northamptonshire Police fared worse. HMIC said the force requires improvement in how well it keeps people safe and "
     "reduces crime, and inspectors were critical of the way it tackles serious and organised crime, which was judged "
     "inadequate.", "2016-03-03",
     {("northamptonshire", "effectiveness", "requires_improvement", 2016), ("northamptonshire", "other", "inadequate", 2016)}),
    (KENT + "It was rated good at keeping people safe and reducing crime.", "2016-03-03", {("kent", "effectiveness", "good", 2016)}),
    (KENT + "It requires improvement at tackling serious and organised crime.", "2016-03-03", {("kent", "other", "requires_improvement", 2016)}),
]

# -- catalogue 2, A1 (a)-(d) ---------------------------------------------------------------------------------
PARAPHRASED: list[CaseRow] = [
    # (a) a bullet "Grade – in <paraphrase>, as well as <paraphrase>" under a heading
    ("How was Cheshire Constabulary graded?\n• Good – in spending its budget wisely, as well as looking after the wellbeing of "
     "its officers and staff\n• Outstanding – in treating members of the public fairly and with respect", "2021-05-12",
     {("cheshire", "good_use_of_resources", "good", 2021), ("cheshire", "developing_a_positive_workplace", "good", 2021),
      ("cheshire", "treatment_of_the_public", "outstanding", 2021)}),
    # (b) areas named earlier, graded by a back-reference
    ("Staffordshire Police has improved the supervision of its investigations and the way it answers calls from the public, "
     "earning a 'good' grade for each of the two.", "2021-05-12",
     {("staffordshire", "investigating_crime", "good", 2021), ("staffordshire", "responding_to_the_public", "good", 2021)}),
    ("Northamptonshire Police has sharpened how it oversees casework and how it handles emergency calls, with inspectors rating "
     "it 'requires improvement' in both areas.", "2021-05-12",
     {("northamptonshire", "investigating_crime", "requires_improvement", 2021),
      ("northamptonshire", "responding_to_the_public", "requires_improvement", 2021)}),
    # (c) "N of these" areas named in the next sentence; the unnamed third gives nothing
    ("Cumbria Constabulary was assessed on eight areas and judged inadequate in three of them. Those three included how it keeps "
     "at-risk children safe and how it deals with dangerous offenders.", "2021-05-12",
     {("cumbria", "protecting_vulnerable_people", "inadequate", 2021), ("cumbria", "managing_offenders", "inadequate", 2021)}),
    # own (a): other bullets, a colon, another joiner
    ("How did Kent Police do?\n• Requires improvement – in answering 999 calls quickly and in managing registered sex offenders\n"
     "• Good – at spending its budget wisely", None,
     {("kent", "responding_to_the_public", "requires_improvement", None), ("kent", "managing_offenders", "requires_improvement", None),
      ("kent", "good_use_of_resources", "good", None)}),
    ("Suffolk Constabulary's grades:\n• Outstanding: in looking after the wellbeing of officers and staff, and in treating people "
     "fairly", None,
     {("suffolk", "developing_a_positive_workplace", "outstanding", None), ("suffolk", "treatment_of_the_public", "outstanding", None)}),
    # own (b): another back-reference, the areas further away
    ("Lancashire Constabulary has changed how it supervises investigations and, after two years of work, how it protects "
     "vulnerable people, and inspectors rated it good for both.", None,
     {("lancashire", "investigating_crime", "good", None), ("lancashire", "protecting_vulnerable_people", "good", None)}),
    ("Dorset Police has overhauled its response to emergency calls and its approach to preventing crime, earning an "
     "'outstanding' in each of them.", None,
     {("dorset", "responding_to_the_public", "outstanding", None), ("dorset", "preventing_crime", "outstanding", None)}),
    # own (c): "of these", the areas listed after a colon
    ("Avon and Somerset Police was graded in nine areas and found to require improvement in two of these. They were: how it "
     "investigates crime and how it manages offenders.", None,
     {("avon_and_somerset", "investigating_crime", "requires_improvement", None),
      ("avon_and_somerset", "managing_offenders", "requires_improvement", None)}),
    # own (c), negative: the next sentence names nothing
    ("Avon and Somerset Police was found to require improvement in two areas. The report was published on Tuesday.", None, set()),
]

# -- catalogue 2, A13: two forces under one plural head, the grade side --------------------------------------
TWO_FORCES: list[CaseRow] = [
    ("Warwickshire and West Mercia police forces were each judged inadequate on crime recording.", None,
     {("warwickshire", CDI, "inadequate", None), ("west_mercia", CDI, "inadequate", None)}),
    ("Durham, unlike neighbouring Cleveland Police, was rated good.", None, {("durham", CDI, "good", None)}),
    # own
    ("Inspectors rated Norfolk and Suffolk constabularies outstanding for crime recording.", None,
     {("norfolk", CDI, "outstanding", None), ("suffolk", CDI, "outstanding", None)}),
]
# Needs the FORCE spans "Durham" + "Cleveland Constabularies" (the entity engineers' part, ANNOTATION.md "two forces under
# one plural head"): with them the grade rule gives both forces (tests/linking/test_linking_rule_grade.py checks that side).
TWO_FORCES_SHARED_HEAD: list[CaseRow] = [
    ("Durham and Cleveland Constabularies both got a 'good' for recording crime.", None,
     {("durham", CDI, "good", None), ("cleveland", CDI, "good", None)}),
    ("Warwickshire and West Mercia Police were both rated good for preventing crime.", None,
     {("warwickshire", "preventing_crime", "good", None), ("west_mercia", "preventing_crime", "good", None)}),
    # own: lower-case plural head, "each" after the verb, another grade and area.
    ("Norfolk and Suffolk constabularies were each graded requires improvement for managing offenders.", None,
     {("norfolk", "managing_offenders", "requires_improvement", None), ("suffolk", "managing_offenders", "requires_improvement", None)}),
]

# -- catalogue 2, A15: leadership and culture is not duplicated as crime data integrity ----------------------
LEADERSHIP: list[CaseRow] = [
    ("Cleveland Police did earn a 'good' for the leadership and culture that underpin accurate crime recording.", None,
     {("cleveland", "leadership_and_culture", "good", None)}),
    ("Cleveland Police was inspected. It was judged outstanding for leadership and culture in relation to crime recording.", None,
     {("cleveland", "leadership_and_culture", "outstanding", None)}),
    # own
    ("Avon and Somerset Constabulary has been rated outstanding for the leadership and culture it has developed around crime "
     "recording.", "2019-03-21", {("avon_and_somerset", "leadership_and_culture", "outstanding", 2019)}),
    (KENT + "Its leadership and culture, which drive accurate crime recording, were rated good.", None,
     {("kent", "leadership_and_culture", "good", None)}),
    (KENT + "It was rated good for leadership and culture and outstanding for crime recording.", None,
     {("kent", "leadership_and_culture", "good", None), ("kent", CDI, "outstanding", None)}),
    # PEEL's "leadership" pillar is not CDI's leadership and culture.
    (KENT + "In 2016 the force was rated good for leadership.", None, {("kent", "leadership", "good", 2016)}),
]

# -- catalogue 2, A16: a grade's year from the report date in its sentence ------------------------------------
REPORT_YEAR: list[CaseRow] = [
    ("Staffordshire Police was graded 'inadequate' for its crime recording in the inspectorate's last report, which came out in "
     "October 2016.", "2018-11-02", {("staffordshire", CDI, "inadequate", 2016)}),
    ("Staffordshire Police, last inspected in 2016, is now rated good.", "2018-11-02", {("staffordshire", CDI, "good", 2018)}),
    # own
    ("Kent Police was rated requires improvement in its previous report, published in March 2017.", "2019-05-01",
     {("kent", CDI, "requires_improvement", 2017)}),
    ("Kent Police was rated inadequate for crime recording in a report that was published in 2015, but has improved since.",
     "2019-05-01", {("kent", CDI, "inadequate", 2015)}),
    ("Kent Police was rated good in the latest inspection, and another report will come out in 2020.", "2019-05-01",
     {("kent", CDI, "good", 2019)}),
]

# each grade in a multi-grade sentence takes the date in its own clause
OWN_YEARS: list[CaseRow] = [
    ("Kent Police was rated good in 2019 and outstanding in 2023.", "2024-01-10",
     {("kent", CDI, "good", 2019), ("kent", CDI, "outstanding", 2023)}),
    # a date after the grade that names no year leaves the article's year
    ("Kent Police got a 'good' for recording crime in reports published over the past two months.", "2019-07-11",
     {("kent", CDI, "good", 2019)}),
    ("Kent Police was rated good for recording crime in a report published last week.", "2019-07-11", {("kent", CDI, "good", 2019)}),
    ("Kent Police was rated good for recording crime in a report out this month, and inadequate in 2016.", "2019-07-11",
     {("kent", CDI, "good", 2019), ("kent", CDI, "inadequate", 2016)}),
]

# -- catalogue 2, A22: no extra grade from a clause that names an area with no grade --------------------------
NO_EXTRA: list[CaseRow] = [
    ("Cambridgeshire Constabulary was rated 'good' for efficiency (March 2018), and its effectiveness report is due in the summer "
     "(it was rated 'requires improvement' for effectiveness in 2016).", "2021-05-12",
     {("cambridgeshire", "efficiency", "good", 2018), ("cambridgeshire", "effectiveness", "requires_improvement", 2016)}),
    # own
    (KENT + "It was rated good for legitimacy, while its efficiency inspection has not yet been published.", None,
     {("kent", "legitimacy", "good", None)}),
    (KENT + "It was rated outstanding for preventing crime; its handling of calls will be inspected next year.", None,
     {("kent", "preventing_crime", "outstanding", None)}),
    (KENT + "It was graded good for efficiency, and effectiveness was rated requires improvement.", None,
     {("kent", "efficiency", "good", None), ("kent", "effectiveness", "requires_improvement", None)}),
]

# -- a CDI report's three questions (SCHEMA §5): their wordings, "both X and Y", a list a colon opens ------------
CDI_QUESTIONS: list[CaseRow] = [
    (KENT + "The force was graded good overall, and good for both its leadership and culture and its systems and processes, "
     "but it requires improvement in recording reported crime, the report says.", None,
     {("kent", CDI, "good", None), ("kent", "leadership_and_culture", "good", None), ("kent", "systems_and_processes", "good", None),
      ("kent", "recording_reported_crime", "requires_improvement", None)}),
    (KENT + "It was graded good for how effectively it records reported crime, but requires improvement for its systems and processes.",
     None, {("kent", "recording_reported_crime", "good", None), ("kent", "systems_and_processes", "requires_improvement", None)}),
    (KENT + "The force was graded good for each of the three questions the inspection asks: how effective it is at recording "
     "reported crime; its systems and processes; and its leadership and culture.", None,
     {("kent", "recording_reported_crime", "good", None), ("kent", "systems_and_processes", "good", None),
      ("kent", "leadership_and_culture", "good", None)}),
    # own: another frame and counter, another order, a grade said as a verb
    (KENT + "Inspectors rated the constabulary outstanding on all three questions: how well it records reported crime; its systems "
     "and processes; and its leadership and culture.", None,
     {("kent", "recording_reported_crime", "outstanding", None), ("kent", "systems_and_processes", "outstanding", None),
      ("kent", "leadership_and_culture", "outstanding", None)}),
    (KENT + "It was rated good for both its systems and processes and the leadership and culture behind them.", None,
     {("kent", "systems_and_processes", "good", None), ("kent", "leadership_and_culture", "good", None)}),
    (KENT + "It requires improvement at recording reported crime.", None, {("kent", "recording_reported_crime", "requires_improvement", None)}),
    # negative: the questions counted and not named
    (KENT + "It was judged inadequate for each of the three questions, the report said.", None, set()),
    # a list of the questions, each answered by its grade
    (KENT + "HMICFRS graded Kent Police as requires improvement overall. The force was graded:\n• How effective is the force at "
     "recording reported crime? Requires improvement\n• Systems and processes: Good\n• Leadership and culture: Good", None,
     {("kent", CDI, "requires_improvement", None), ("kent", "recording_reported_crime", "requires_improvement", None),
      ("kent", "systems_and_processes", "good", None), ("kent", "leadership_and_culture", "good", None)}),
    (KENT + "How effective is the force at recording reported crime?\nGood", None, {("kent", "recording_reported_crime", "good", None)}),
    (KENT + "Was the force good at preventing crime? Good, the report said.", None, {("kent", "preventing_crime", "good", None)}),
    # negative: a question that names no area leaves the grade the force's crime-recording one
    (KENT + "How well does the force record crime?\nGood", None, {("kent", CDI, "good", None)}),
]

# -- words between a grade and its frame ("a grade came for", "adequate or better in") and counts of areas ---------
GRADE_FRAMES: list[CaseRow] = [
    (KENT + 'Its only "good" grade came for building, supporting and protecting its workforce.', None,
     {("kent", "developing_a_positive_workplace", "good", None)}),
    (KENT + "Its one 'outstanding' rating came for preventing crime.", None, {("kent", "preventing_crime", "outstanding", None)}),
    (KENT + "It was rated good or better for investigating crime.", None, {("kent", "investigating_crime", "good", None)}),
    (KENT + "As well as its good grade for recording data about crime, the force was rated good for preventing crime.", None,
     {("kent", CDI, "good", None), ("kent", "preventing_crime", "good", None)}),
    (KENT + "Its outstanding rating for managing offenders was kept.", None, {("kent", "managing_offenders", "outstanding", None)}),
    # negatives: counted areas after "or better", "further", "other"
    (KENT + "The force has been rated adequate or better in almost every area of its work by the police inspectorate.", None, set()),
    (KENT + "Kent Police was rated 'good' or better in all but one area.", None, set()),
    (KENT + "The inspectors judged the force adequate in four further areas.", None, set()),
    (KENT + "It was judged good in two other areas.", None, set()),
    (KENT + "That leaves the force adequate or better in eight of the nine areas.", None, set()),
    (KENT + "The force was adequate or better for investigating crime.", None, {("kent", "investigating_crime", "adequate", None)}),
    # negatives: a grade in a relative clause on areas ("the areas that require improvement") names none
    (KENT + "I will hold the Chief Constable to account for the areas that require improvement, through my board.", None, set()),
    (KENT + "The chief constable said the areas that require improvement would be addressed.", None, set()),
    (KENT + "He will tackle the areas which were rated inadequate.", None, set()),
]

# -- where the grade word stands: before "grade", between spaced hyphens, "good both for"; "&" in an area (dev6) --------
GRADE_PLACEMENT: list[CaseRow] = [
    (KENT + "It was graded outstanding for its leadership and culture, and good both for how well it records reported "
     "crime and for its systems and processes.", None,
     {("kent", "leadership_and_culture", "outstanding", None), ("kent", "recording_reported_crime", "good", None),
      ("kent", "systems_and_processes", "good", None)}),
    (KENT + "It was rated good both at preventing crime and at managing offenders.", None,
     {("kent", "preventing_crime", "good", None), ("kent", "managing_offenders", "good", None)}),
    (KENT + "The report handed the force its best grade - good - for treating members of the public with fairness.", None,
     {("kent", "treatment_of_the_public", "good", None)}),
    (KENT + "Its worst grade - inadequate - came for responding to the public.", None,
     {("kent", "responding_to_the_public", "inadequate", None)}),
    (KENT + "Alongside its adequate grade for recording data about crime, the force was rated good for preventing crime.",
     None, {("kent", CDI, "adequate", None), ("kent", "preventing_crime", "good", None)}),
    (KENT + "The adequate rating for investigating crime disappointed the chief constable.", None,
     {("kent", "investigating_crime", "adequate", None)}),
    (KENT + "The commissioner said the adequate grade was \"a starting point\".", None, {("kent", CDI, "adequate", None)}),
    (KENT + "Leadership & culture: good. Systems & processes: requires improvement.", "2018-07-05",
     {("kent", "leadership_and_culture", "good", 2018), ("kent", "systems_and_processes", "requires_improvement", 2018)}),
    # negatives: praise of a grade, a compound, the ordinary adjective after a word that measures it
    (KENT + "A good grade is welcome, but more must be done.", None, set()),
    (KENT + "The win gave officers a feel-good boost.", None, set()),
    (KENT + "Officers said staffing on nights was barely adequate for the demand.", None, set()),
    (KENT + "The number of call handlers was less than adequate for the winter.", None, set()),
]

# -- a grade heading over bullet lines of areas; a judgement table's area line over its grade line (dev6, dev5) ------
GRADE_LISTS: list[CaseRow] = [
    (KENT + "Its grades were:\n\nOutstanding\n• Preventing crime and anti-social behaviour\n\nGood\n• Recording data "
     "about crime\n• Treatment of the public\n• Good use of resources\n\nAdequate\n• Investigating crime\n• Managing "
     "offenders and suspects\n\nInadequate\n• None\n\nThe chief constable was proud.", None,
     {("kent", "preventing_crime", "outstanding", None), ("kent", CDI, "good", None),
      ("kent", "treatment_of_the_public", "good", None), ("kent", "good_use_of_resources", "good", None),
      ("kent", "investigating_crime", "adequate", None), ("kent", "managing_offenders", "adequate", None)}),
    (KENT + "Its grades:\nGood:\n- Preventing crime\n- Treating the public fairly\nRequires improvement:\n- Responding to "
     "the public\nThe force said it would improve.", None,
     {("kent", "preventing_crime", "good", None), ("kent", "treatment_of_the_public", "good", None),
      ("kent", "responding_to_the_public", "requires_improvement", None)}),
    (KENT + "Grades:\nGood\n• Engaging with rural communities\nThe end.", None, {("kent", "other", "good", None)}),
    ("Cheshire Constabulary: Crime Data Integrity inspection 2018\nOur judgements\nOverall judgement\nRequires "
     "improvement\nHow effective is the force at recording reported crime?\nRequires improvement\nLeadership and "
     "culture\nGood\nSystems and processes\nRequires improvement\nKey findings", "2018-06-19",
     {("cheshire", CDI, "requires_improvement", 2018), ("cheshire", "recording_reported_crime", "requires_improvement", 2018),
      ("cheshire", "leadership_and_culture", "good", 2018), ("cheshire", "systems_and_processes", "requires_improvement", 2018)}),
    # negatives: a heading over "• None"; a bullet that is a sentence, not an area, leaves the plain reading
    (KENT + "Its grades:\nInadequate\n• None\nThe end.", None, set()),
    (KENT + "\nGood\n• Its officers were kind to victims of burglary.\nThe end.", None, {("kent", CDI, "good", None)}),
]

# -- a grade opening its line, then a colon or dash and the areas it is given (dev7) ----------------------------------
HEADED_LINES: list[CaseRow] = [
    ("West Yorkshire Police was inspected.\n\n• Good: Recording data about crime, Preventing crime, Managing offenders and "
     "suspects\n• Adequate: Police powers and public treatment, Investigating crime\n• Requires improvement: Responding to "
     "the public, Building, supporting and protecting the workforce\n", None,
     {("west_yorkshire", CDI, "good", None), ("west_yorkshire", "preventing_crime", "good", None),
      ("west_yorkshire", "managing_offenders", "good", None), ("west_yorkshire", "treatment_of_the_public", "adequate", None),
      ("west_yorkshire", "investigating_crime", "adequate", None),
      ("west_yorkshire", "responding_to_the_public", "requires_improvement", None),
      ("west_yorkshire", "developing_a_positive_workplace", "requires_improvement", None)}),
    (KENT + "\nGood – Preventing crime; Investigating crime\nRequires improvement – Responding to the public\n", "2023-04-02",
     {("kent", "preventing_crime", "good", 2023), ("kent", "investigating_crime", "good", 2023),
      ("kent", "responding_to_the_public", "requires_improvement", 2023)}),
    (KENT + "\n- 'Adequate': Managing offenders and suspects, and Protecting vulnerable people\n", None,
     {("kent", "managing_offenders", "adequate", None), ("kent", "protecting_vulnerable_people", "adequate", None)}),
    # negatives: a frame word after the dash is the plain reading's; two grades sharing a denied subject give nothing
    (KENT + "\n• Good – in preventing crime and anti-social behaviour\n", None, {("kent", "preventing_crime", "good", None)}),
    (KENT + "No area was graded outstanding or inadequate.", None, set()),
    (KENT + "None of its areas was rated inadequate, outstanding or good.", None, set()),
]

# -- a judgement table whose area lines are worded longer than the table's wordings (dev7) ----------------------------
LONG_TABLE_LINES: list[CaseRow] = [
    ("Lincolnshire Police\nOur judgements\nEngaging with and treating the public with fairness and respect\nGood\nPreventing "
     "crime and anti-social behaviour\nGood\nManaging offenders and suspects\nAdequate\n", "2022-04-14",
     {("lincolnshire", "treatment_of_the_public", "good", 2022), ("lincolnshire", "preventing_crime", "good", 2022),
      ("lincolnshire", "managing_offenders", "adequate", 2022)}),
    (KENT + "\nProtecting vulnerable people and victims\nRequires improvement\nInvestigating crime effectively\nAdequate\n",
     None, {("kent", "protecting_vulnerable_people", "requires_improvement", None), ("kent", "investigating_crime", "adequate", None)}),
    # negative: a sentence above the grade line is no table row
    (KENT + "\nThe force is working on preventing crime and anti-social behaviour.\nGood\n", None, {("kent", CDI, "good", None)}),
]

# -- a grade right after the force it is given to, as headlines put it; "good to have", "good that" are praise (dev7) --
HEADLINE_AND_PRAISE: list[CaseRow] = [
    ("Watchdog rates Cleveland inadequate and Durham good - here's how they compare", "2018-06-14",
     {("cleveland", CDI, "inadequate", 2018), ("durham", CDI, "good", 2018)}),
    ("Inspectors: Kent good, Essex requires improvement", "2019-03-01",
     {("kent", CDI, "good", 2019), ("essex", CDI, "requires_improvement", 2019)}),
    (KENT + '"It is good to have that confirmed independently," he said.', None, set()),
    (KENT + "It was good that the report came out before the election.", None, set()),
    (KENT + "Kent Police good news: crime is down.", None, set()),
]

# -- a grade in a 'when' clause takes the clause's date; one in 'the areas where ...' names no area; 'the way it uses
#    its powers' is the treatment of the public (dev7) -----------------------------------------------------------------
CLAUSES: list[CaseRow] = [
    ("On crime recording, inspectors estimated that Sussex Police now records 94.4 per cent of crimes. That is up from an "
     "estimated 88.9 per cent in 2018, when a crime data integrity inspection rated the force requires improvement.",
     "2023-11-09", {("sussex", CDI, "requires_improvement", 2018)}),
    (KENT + "It was last inspected in March 2019, when inspectors graded it inadequate.", "2021-02-01",
     {("kent", CDI, "inadequate", 2019)}),
    ("GMP said: \"I will keep holding GMP to account on the three areas where the Inspectorate says it still requires "
     "improvement.\"", None, set()),
    (KENT + "The chief constable spoke about the areas in which the force was rated inadequate.", None, set()),
    (KENT + "It found that both its systems and processes and its effectiveness at recording reported crime require "
     "improvement.", None, {("kent", "systems_and_processes", "requires_improvement", None),
                            ("kent", "recording_reported_crime", "requires_improvement", None)}),
    (KENT + "The force was judged good at preventing crime and at the way it uses its powers and treats the public.", None,
     {("kent", "preventing_crime", "good", None), ("kent", "treatment_of_the_public", "good", None)}),
]

# -- grade lines heading the CDI questions under them, told from questions each followed by its answer (dev7) ------
QUESTION_HEADINGS: list[CaseRow] = [
    ("Staffordshire Police was inspected. The force's grades were:\n\nRequires improvement\nHow effective is the force at "
     "recording reported crime?\n\nGood\nHow well do the force's systems and processes support accurate crime recording?\n"
     "How well do the force's leadership and culture support accurate crime recording?\n\nThe chief constable was pleased.",
     "2020-01-30", {("staffordshire", "recording_reported_crime", "requires_improvement", 2020),
                    ("staffordshire", "systems_and_processes", "good", 2020),
                    ("staffordshire", "leadership_and_culture", "good", 2020)}),
    ("Kent Police was inspected.\nGood\nHow effective is the force at recording reported crime?\nHow well do its leadership "
     "and culture support accurate crime recording?\nInadequate\nHow well do its systems and processes support it?\nEnd.",
     None, {("kent", "recording_reported_crime", "good", None), ("kent", "leadership_and_culture", "good", None),
            ("kent", "systems_and_processes", "inadequate", None)}),
    # PEEL's pillar questions, each followed by its grade (dev8)
    ("Staffordshire Police was inspected.\nHow effective is the force at keeping people safe and reducing crime?\n\nRequires "
     "improvement\n\nHow efficient is the force at keeping people safe and reducing crime?\n\nGood\n\nHow legitimate is the "
     "force at keeping people safe and reducing crime?\n\nGood\n", "2017-04-27",
     {("staffordshire", "effectiveness", "requires_improvement", 2017), ("staffordshire", "efficiency", "good", 2017),
      ("staffordshire", "legitimacy", "good", 2017)}),
    # the other layout: each question, then its answer
    ("Kent Police was inspected.\nHow effective is the force at recording reported crime?\nGood\nHow well do the force's "
     "systems and processes support accurate crime recording?\nInadequate\nKey findings", None,
     {("kent", "recording_reported_crime", "good", None), ("kent", "systems_and_processes", "inadequate", None)}),
]

# -- a fire and rescue service's grades in a police-and-fire statement are not the police force's (dev8, dev9) --------
FIRE_SERVICE: list[CaseRow] = [
    # (dev11) one sentence naming both: each grade belongs to the nearer organisation before it; a new paragraph on
    # "the service" goes on about the fire service
    ("Staffordshire Police has been rated good at recording crime, while Staffordshire Fire and Rescue Service has kept "
     "its good grade for understanding the risk of fire.", "2024-01-25", {("staffordshire", CDI, "good", 2024)}),
    ("Kent Fire and Rescue Service was rated inadequate for its culture, but Kent Police was judged good at recording "
     "crime.", None, {("kent", CDI, "good", None)}),
    ("Staffordshire Police was inspected.\n\nFire\nStaffordshire Fire and Rescue Service was inspected in September "
     "2023. Inspectors graded it good in understanding fires.\n\nIn its previous inspection, in 2021, the service was "
     "rated good for effectiveness and for efficiency, but requires improvement for people.", "2024-01-25", set()),
    ("Northamptonshire Police\n\nThe inspectorate found the force to be good at recording data about crime.\n\n"
     "Northamptonshire Fire and Rescue Service\n\nThe fire service was judged good at responding to fires. It requires "
     "improvement at promoting the right values and culture, and it was found inadequate at ensuring fairness.\n\n"
     "Commissioner Ellery said the constabulary's good grade for crime data was deserved.", "2023-08-17",
     {("northamptonshire", CDI, "good", 2023)}),
    ("North Yorkshire Police was inspected earlier this month. The inspectorate rated the fire and rescue service as requires "
     "improvement in all three of its pillars. In 2019 the service was judged good for people.\n\nThe PEEL report on "
     "North Yorkshire Police graded the force good at recording data about crime.", "2022-07-28",
     {("north_yorkshire", CDI, "good", 2022)}),
    ("Kent Police was inspected. For the fire service, the report is a difficult read. Being graded inadequate for "
     "values and culture is not acceptable.\n\nFor the police, it was rated good at recording data about crime.", None,
     {("kent", CDI, "good", None)}),
    # the inspectorate's full name and a commissioner's title name no fire service
    ("His Majesty's Inspectorate of Constabulary and Fire Services (HMICFRS) rated Cleveland Police adequate for recording "
     "data about crime.", None, {("cleveland", CDI, "adequate", None)}),
    ("The Police, Fire and Crime Commissioner welcomed the report, which graded Essex Police good at recording data about "
     "crime.", None, {("essex", CDI, "good", None)}),
    ("HM Inspectorate of Constabulary and Fire & Rescue Services found Surrey Police inadequate at recording data about "
     "crime.", None, {("surrey", CDI, "inadequate", None)}),
]

# -- a grade's area said by reference: "in that area" (the area named last), ", where it requires improvement" (dev9) ---
AREA_BY_REFERENCE: list[CaseRow] = [
    ("South Yorkshire Police requires improvement at preventing crime and at protecting vulnerable people, although "
     "inspectors said it had made progress in the second of those. In the 2015 assessment it had been rated inadequate in "
     "that area.", "2017-03-02", {("south_yorkshire", "preventing_crime", "requires_improvement", 2017),
                                  ("south_yorkshire", "protecting_vulnerable_people", "requires_improvement", 2017),
                                  ("south_yorkshire", "protecting_vulnerable_people", "inadequate", 2015)}),
    (KENT + "Inspectors looked closely at how it investigates crime. It was rated good in this area.", None,
     {("kent", "investigating_crime", "good", None)}),
    (KENT + "Its crime recording was rated inadequate, and it was rated inadequate in that respect in 2016 too.", None,
     {("kent", CDI, "inadequate", None), ("kent", CDI, "inadequate", 2016)}),
    ("West Yorkshire, the largest of the four, was rated good in every area except protecting vulnerable people, where it "
     "requires improvement.", None, {("west_yorkshire", "protecting_vulnerable_people", "requires_improvement", None)}),
    (KENT + "The force was judged good in most areas, apart from responding to the public, where it was found inadequate.", None,
     {("kent", "responding_to_the_public", "inadequate", None)}),
    # longer frames of the area after the grade ("when it comes to", "in terms of") (dev9)
    ("Cleveland Police was inspected. Inspectors found the force good at preventing crime, but said it still requires "
     "improvement when it comes to answering calls from the public.", None,
     {("cleveland", "preventing_crime", "good", None), ("cleveland", "responding_to_the_public", "requires_improvement", None)}),
    (KENT + "It was rated inadequate in terms of how it investigates crime.", None, {("kent", "investigating_crime", "inadequate", None)}),
    (KENT + "It was graded good with regard to managing offenders.", None, {("kent", "managing_offenders", "good", None)}),
    # the grade moved to after the one moved from: a date between them is the earlier grade's (dev9)
    ("Gloucestershire Constabulary has moved up from the \"inadequate\" grade it was given for crime recording in 2019 to "
     "\"adequate\", according to a report published today.", "2022-03-24",
     {("gloucestershire", CDI, "inadequate", 2019), ("gloucestershire", CDI, "adequate", 2022)}),
    (KENT + "Its crime recording went from inadequate in 2016 to good.", "2018-06-01",
     {("kent", CDI, "inadequate", 2016), ("kent", CDI, "good", 2018)}),
    (KENT + "It was rated good in 2021, up from inadequate in 2017.", "2022-06-01",
     {("kent", CDI, "good", 2021), ("kent", CDI, "inadequate", 2017)}),
    # a grade said not to have been given (dev9)
    ("Lancashire Constabulary was inspected. We didn't give the force an outstanding or an inadequate grade in any area. "
     "It was rated good at preventing crime.", None, {("lancashire", "preventing_crime", "good", None)}),
    (KENT + "Inspectors did not give it an inadequate grade for crime recording.", None, set()),
    (KENT + "It has not been awarded an outstanding grade for recording data about crime since 2015.", None, set()),
    # negatives: "where" of a place, a reference with no area before it
    (KENT + "The force, where morale is high, was rated good at preventing crime.", None,
     {("kent", "preventing_crime", "good", None)}),
    (KENT + "It was rated inadequate in that area.", None, set()),
    # a pillar by reference ("in this pillar"), the PEEL effectiveness question's wording (dev10)
    ("Suffolk Constabulary – PEEL assessment 2017\n\nEffectiveness: Good (report published 22 March 2018)\nSuffolk "
     "Constabulary is good at keeping people safe and reducing crime. This is an improvement on 2016, when we judged the "
     "force to require improvement in this pillar.", "2018-03-22",
     {("suffolk", "effectiveness", "good", 2018), ("suffolk", "effectiveness", "requires_improvement", 2016)}),
    (KENT + "Efficiency: Good\nIn 2016 it was rated inadequate in that pillar.", "2018-03-22",
     {("kent", "efficiency", "good", 2018), ("kent", "efficiency", "inadequate", 2016)}),
]

# a grade named as the grade given ("today's grade of requires improvement reflects that"); a word of the present after
# a grade in its clause dates it to the article, whatever date stands before (dev10)
GRADE_GIVEN = [
    ("Northamptonshire Police was inspected. \"In 2022 we were graded inadequate for answering calls. Today's grade of "
     "requires improvement for answering calls reflects our progress.\"", "2025-02-13",
     {("northamptonshire", "responding_to_the_public", "inadequate", 2022),
      ("northamptonshire", "responding_to_the_public", "requires_improvement", 2025)}),
    ("The previous PEEL report, published in 2022, rated Northamptonshire Police good for preventing crime; it has been "
     "graded adequate in that area this time.", "2025-02-13",
     {("northamptonshire", "preventing_crime", "good", 2022), ("northamptonshire", "preventing_crime", "adequate", 2025)}),
    (KENT + "In 2019 it was rated good for preventing crime, and it is rated adequate for preventing crime now.",
     "2024-01-01", {("kent", "preventing_crime", "good", 2019), ("kent", "preventing_crime", "adequate", 2024)}),
]

# the areas named after "The N areas graded X are": a list, with semicolons between its items (dev10)
AREAS_AFTER_COPULA = [
    ("Northamptonshire Police was inspected.\n\nNotes to editors\n• The four areas graded adequate are police powers and "
     "public treatment; preventing and deterring crime; building, supporting and protecting the workforce; and leadership "
     "and force management.", "2025-02-13",
     {("northamptonshire", "treatment_of_the_public", "adequate", 2025), ("northamptonshire", "preventing_crime", "adequate", 2025),
      ("northamptonshire", "developing_a_positive_workplace", "adequate", 2025),
      ("northamptonshire", "leadership_and_force_management", "adequate", 2025)}),
    (KENT + "The two areas rated good were investigating crime and managing offenders.", None,
     {("kent", "investigating_crime", "good", None), ("kent", "managing_offenders", "good", None)}),
    (KENT + "It is good at preventing crime; it requires improvement in investigating crime.", None,
     {("kent", "preventing_crime", "good", None), ("kent", "investigating_crime", "requires_improvement", None)}),
]

# "how good", and a degree word before a grade word, are no grade (dev10)
NOT_GRADES = [
    ("This inspection assessed how good Lincolnshire Police is in ten areas of policing.", None, set()),
    ("Kent Police was inspected. A councillor said the force's recording was \"wholly inadequate\".", None, set()),
    (KENT + "Officers showed how inadequate the old system was, and it was rated good at preventing crime.", None,
     {("kent", "preventing_crime", "good", None)}),
]

# a list of areas under a grade: a line that opens it with a colon ("The force is good at:"), or a grade heading over
# such a line; areas in plain words (easy-read pages); the grading scale as a bullet list is no grade (dev11)
LISTS_UNDER_GRADES = [
    ("We looked at Dyfed-Powys Police.\n\nGood\nThe force is good at:\n• writing down the crimes that people tell it about\n"
     "• stopping crime before it happens\n\nRequires improvement\nThe force needs to get better at:\n"
     "• looking into crimes and finding out who did them", None,
     {("dyfed_powys", "crime_data_integrity", "good", None), ("dyfed_powys", "preventing_crime", "good", None),
      ("dyfed_powys", "investigating_crime", "requires_improvement", None)}),
    (KENT + "It is adequate at:\n- looking after its officers and staff\n- being well led and well run\n"
     "- answering calls from the public", None,
     {("kent", "developing_a_positive_workplace", "adequate", None), ("kent", "leadership_and_force_management", "adequate", None),
      ("kent", "responding_to_the_public", "adequate", None)}),
    (KENT + "Inspectors rated the force outstanding for:\n* keeping track of people who have committed crimes, such as sex "
     "offenders", None, {("kent", "managing_offenders", "outstanding", None)}),
    (KENT + "How we give grades\nFrom best to worst, they are:\n• outstanding\n• good\n• adequate\n• requires improvement\n"
     "• inadequate", None, set()),
    (KENT + "The grades, best first:\n- Outstanding\n- Good\n- Requires improvement", None, set()),
]

# a grade with its area elided takes the area the sentence's grade before it named; a negation written without its
# apostrophe still denies (dev11)
ELIDED_AREAS = [
    ("HMIC rated Dyfed-Powys Police good for effectiveness in its annual PEEL assessment, an improvement on last year, "
     "when the force was told it required improvement.", "2015-11-27",
     {("dyfed_powys", "effectiveness", "good", 2015), ("dyfed_powys", "effectiveness", "requires_improvement", 2014)}),
    ("South Wales Police was rated good for effectiveness, while North Wales Police was told it requires improvement.",
     "2015-11-27", {("south_wales", "effectiveness", "good", 2015), ("north_wales", "effectiveness", "requires_improvement", 2015)}),
    (KENT + "It was rated good for preventing crime but inadequate.", None,
     {("kent", "preventing_crime", "good", None), ("kent", "preventing_crime", "inadequate", None)}),
    (KENT + "It was judged to require improvement for effectiveness, although it wasnt rated inadequate for anything.",
     None, {("kent", "effectiveness", "requires_improvement", None)}),
    (KENT + "\"I want us to be rated good next time the inspectors come,\" the chief constable said.", None, set()),
    (KENT + "\"I want this force to be rated outstanding next time round,\" she said.", None, set()),
]

# an inspectorate page's judgement table run into one line: each capitalised grade over the area names after it
# (dev11)
FLATTENED_TABLES = [
    ("Home › Publications › Police forces › Cheshire › PEEL 2023–2025\nOur judgements\nThis inspection assessed Cheshire "
     "Constabulary in nine areas of policing.\nOutstanding No areas Good Recording data about crime Managing offenders and "
     "suspects Adequate Police powers and public treatment Preventing and deterring crime and antisocial behaviour Leadership "
     "and force management Requires improvement Responding to the public Investigating crime Building, supporting and "
     "protecting the workforce Inadequate Protecting vulnerable people", "2024-05-14",
     {("cheshire", "crime_data_integrity", "good", 2024), ("cheshire", "managing_offenders", "good", 2024),
      ("cheshire", "treatment_of_the_public", "adequate", 2024), ("cheshire", "preventing_crime", "adequate", 2024),
      ("cheshire", "leadership_and_force_management", "adequate", 2024),
      ("cheshire", "responding_to_the_public", "requires_improvement", 2024),
      ("cheshire", "investigating_crime", "requires_improvement", 2024),
      ("cheshire", "developing_a_positive_workplace", "requires_improvement", 2024),
      ("cheshire", "protecting_vulnerable_people", "inadequate", 2024)}),
    (KENT + "Our judgements\nGood Investigating crime Inadequate Responding to the public Protecting vulnerable people", None,
     {("kent", "investigating_crime", "good", None), ("kent", "responding_to_the_public", "inadequate", None),
      ("kent", "protecting_vulnerable_people", "inadequate", None)}),
]

# the same table with a line per cell, grouped by grade: each grade line over the area lines under it (our own pages);
# not where an area's line comes first ("Recording data about crime ⏎ Adequate": each grade is the area's above it)
GROUPED_TABLE_LINES = [
    ("PEEL 2023–25: Kent Police\nOur judgements\nOutstanding\nPreventing crime\nGood\nInvestigating crime\nProtecting "
     "vulnerable people\nAdequate\nRecording data about crime\nResponding to the public\nRequires improvement\nManaging "
     "offenders\nInadequate\nNone", "2024-03-01",
     {("kent", "preventing_crime", "outstanding", 2024), ("kent", "investigating_crime", "good", 2024),
      ("kent", "protecting_vulnerable_people", "good", 2024), ("kent", "crime_data_integrity", "adequate", 2024),
      ("kent", "responding_to_the_public", "adequate", 2024), ("kent", "managing_offenders", "requires_improvement", 2024)}),
    ("PEEL 2023–25: Kent Police\nOutstanding\nNo areas\nGood\nRecording data about crime\nManaging offenders and suspects\n"
     "Adequate\nPolice powers and public treatment\nRequires improvement\nResponding to the public\nInadequate\nProtecting "
     "vulnerable people\nThe force must improve.", "2024-03-01",
     {("kent", "crime_data_integrity", "good", 2024), ("kent", "managing_offenders", "good", 2024),
      ("kent", "treatment_of_the_public", "adequate", 2024), ("kent", "responding_to_the_public", "requires_improvement", 2024),
      ("kent", "protecting_vulnerable_people", "inadequate", 2024)}),
    ("Essex Police – our judgements\n• Good\n• Investigating crime\n• Adequate\n• Recording data about crime\n• Preventing "
     "crime\n• Requires improvement\n• Responding to the public", "2024-06-01",
     {("essex", "investigating_crime", "good", 2024), ("essex", "crime_data_integrity", "adequate", 2024),
      ("essex", "preventing_crime", "adequate", 2024), ("essex", "responding_to_the_public", "requires_improvement", 2024)}),
    ("PEEL 2023–25: Kent Police\nOur judgements\nRecording data about crime\nAdequate\nInvestigating crime\nGood\n"
     "Responding to the public\nRequires improvement", "2024-03-01",
     {("kent", "crime_data_integrity", "adequate", 2024), ("kent", "investigating_crime", "good", 2024),
      ("kent", "responding_to_the_public", "requires_improvement", 2024)}),
]

# a grade coordinated after another, its area after "at"; the grade a force "received for" an area; a grade said
# after a list of areas with "both of which were said to" (dev12)
REPORTED_GRADES = [
    (KENT + "Inspectors found it outstanding in planning for its future, and good at using its resources to meet demand.",
     None, {("kent", "other", "outstanding", None), ("kent", "good_use_of_resources", "good", None)}),
    (KENT + "That is a step back from the good grade it received for effectiveness in 2014.", None,
     {("kent", "effectiveness", "good", 2014)}),
    (KENT + "It has lost the requires improvement grade it was given for legitimacy last year.", "2016-03-01",
     {("kent", "legitimacy", "requires_improvement", 2015)}),
    ("Norfolk Constabulary requires improvement for effectiveness, with inspectors singling out its investigation of "
     "crime and its work with vulnerable victims, both of which were also said to require improvement.", None,
     {("norfolk", "effectiveness", "requires_improvement", None), ("norfolk", "investigating_crime", "requires_improvement", None),
      ("norfolk", "protecting_vulnerable_people", "requires_improvement", None)}),
    # an area after a date in its subject; a report named by its area grades the force
    ("Hertfordshire Constabulary was inspected. Last time, in 2015, effectiveness was graded requires improvement, mainly "
     "because of how the force protected vulnerable people.", None, {("hertfordshire", "effectiveness", "requires_improvement", 2015)}),
    (KENT + "In November the Constabulary was rated good for efficiency, and last week the legitimacy report found the "
     "force to be good as well.", "2016-12-14", {("kent", "efficiency", "good", 2016), ("kent", "legitimacy", "good", 2016)}),
    (KENT + "HMIC's efficiency inspection rated Kent Police good, and its legitimacy report judged it outstanding.", None,
     {("kent", "efficiency", "good", None), ("kent", "legitimacy", "outstanding", None)}),
    (KENT + "The latest report found the force to be good.", None, {("kent", "crime_data_integrity", "good", None)}),
    # PEEL 2018/19 questions in their own words, each with its grade: the question's area (a pillar's "How effective
    # is the force at ..." asks about the area after "at"), its paraphrase marker, else an area of its own; counted
    # questions left unnamed give none; "which we have judged" grades the phrase before it
    ("Essex Police was inspected.\nEfficiency\nHow well does the force use its resources? Requires improvement\nHow "
     "well is the force planning for the future? Requires improvement\nLegitimacy\nHow well does the force ensure that "
     "its workforce behaves ethically and lawfully? Good\nHow well does the force treat its workforce? Outstanding", None,
     {("essex", "good_use_of_resources", "requires_improvement", None), ("essex", "other", "requires_improvement", None),
      ("essex", "other", "good", None), ("essex", "developing_a_positive_workplace", "outstanding", None)}),
    ("Essex Police was inspected.\nHow effective is the force at investigating crime and reducing re-offending?\n"
     "Requires improvement", None, {("essex", "investigating_crime", "requires_improvement", None)}),
    (KENT + "Of the nine questions we graded, six were judged good or outstanding and three require improvement.", None,
     set()),
    (KENT + "\"The force should be proud of the way it treats its officers and staff, which we have judged outstanding.\"",
     None, {("kent", "developing_a_positive_workplace", "outstanding", None)}),
    (KENT + "It requires improvement in how efficiently it operates, and it is good at operating fairly and legitimately.",
     None, {("kent", "efficiency", "requires_improvement", None), ("kent", "legitimacy", "good", None)}),
    # a neighbouring force named in an aside (a caption glued before it) is compared, no switch of topic: the next
    # paragraph's grades are the text's own force's; "its leadership and management" is the 2021 area (dev12)
    ("Cumbria Constabulary has been graded in nine areas.\nCumbria Constabulary headquarters (Photo: S Walker)Neighbouring "
     "Lancashire Constabulary was rated good for crime recording last year.\nThe remaining four areas – the way the force "
     "treats the public, how it protects vulnerable people, how it looks after its workforce, and its leadership and "
     "management – were all rated adequate.", "2024-06-27",
     {("lancashire", "crime_data_integrity", "good", 2023), ("cumbria", "treatment_of_the_public", "adequate", 2024),
      ("cumbria", "protecting_vulnerable_people", "adequate", 2024), ("cumbria", "developing_a_positive_workplace", "adequate", 2024),
      ("cumbria", "leadership_and_force_management", "adequate", 2024)}),
    ("Kent Police was inspected.\nNeighbouring Essex Police was rated good for investigating crime.\nKent Police was rated "
     "adequate for investigating crime.", None,
     {("essex", "investigating_crime", "good", None), ("kent", "investigating_crime", "adequate", None)}),
    # a grade's date set off by commas after it dates the grade, not the main clause in the present (dev12)
    ("My hon. Friend will know that Kent Police, which was the first force to be graded outstanding for crime recording, "
     "in 2017, still records an estimated 96.6% of crime.", "2023-05-10", {("kent", "crime_data_integrity", "outstanding", 2017)}),
    ("Kent Police was rated good for crime recording, in 2019, and inadequate in 2022.", "2023-05-10",
     {("kent", "crime_data_integrity", "good", 2019), ("kent", "crime_data_integrity", "inadequate", 2022)}),
    # "judged them inadequate": the arrangements named before are the force's crime recording (dev12)
    ("Northumbria Police was inspected. When we last inspected Northumbria Police's crime-recording arrangements, in 2017, "
     "we judged them inadequate.", "2019-08-29", {("northumbria", "crime_data_integrity", "inadequate", 2017)}),
    # forces counted without a name in a sentence naming none ("Two of the three were judged ...") give no grade, nor
    # their count a sample; a force named as "the only one of the four" keeps its grade (dev12)
    ("Three police forces were inspected in the same round. Two of the three were judged to require improvement at "
     "recording data about crime, and the third was rated inadequate.", "2025-03-01", set()),
    ("Gloucestershire Constabulary is the only one of the four to be rated inadequate by the inspectorate.", "2019-10-03",
     {("gloucestershire", "crime_data_integrity", "inadequate", 2019)}),
    # the two ends of the scale, from one to the other, are the scale, no grade (dev12)
    (KENT + "Our grades run from outstanding to inadequate. No part of the force's work was judged inadequate.", None, set()),
    (KENT + "Grades range from outstanding to inadequate, and the force was rated good.", None,
     {("kent", "crime_data_integrity", "good", None)}),
    # the alternative set aside ("rather than", "instead of") is no grade
    ("Humberside Police was inspected. They rated our leadership and culture as requiring improvement rather than "
     "inadequate, because they could see the commitment from the top.", None,
     {("humberside", "leadership_and_culture", "requires_improvement", None)}),
    (KENT + "It was rated inadequate rather than requires improvement, as many had expected.", None,
     {("kent", "crime_data_integrity", "inadequate", None)}),
    (KENT + "Crime recording was judged good as opposed to outstanding.", None, {("kent", "crime_data_integrity", "good", None)}),
    (KENT + "Its investigation of crime and its protection of vulnerable people were both said to require improvement.",
     None, {("kent", "investigating_crime", "requires_improvement", None),
            ("kent", "protecting_vulnerable_people", "requires_improvement", None)}),
]

# A report named for its area grades the force, past an auxiliary and an aside ("HMIC's efficiency report, published in
# November 2015, had rated the force good"); an overall grade in a section about crime data integrity is crime
# recording's though the page covers PEEL; the 2014-16 PEEL questions in their own words (dev13)
REPORTS_AND_SECTIONS = [
    ("Surrey Police was inspected. HMIC's efficiency report, published in November 2015, had rated the force good. Its "
     "legitimacy report, published in February, had graded it good as well.", "2016-09-29",
     {("surrey", "efficiency", "good", 2015), ("surrey", "legitimacy", "good", 2016)}),
    ("Kent Police was inspected. The effectiveness report, out in March, has rated the force requires improvement.",
     "2017-09-29", {("kent", "effectiveness", "requires_improvement", 2017)}),
    ("PEEL was discussed first.\n\n46/16 HMIC CRIME DATA INTEGRITY INSPECTION OF SURREY POLICE\nThe Commissioner "
     "introduced the report. HMIC had graded the force as requires improvement overall.", "2016-09-29",
     {("surrey", CDI, "requires_improvement", 2016)}),
    ("Kent Police had its PEEL inspection. HMIC had graded the force as good overall.", "2016-09-29", set()),
    ("Surrey Police was inspected. Inspectors had judged the force good at preventing crime and tackling anti-social "
     "behaviour, but had found that it required improvement in investigating crime and reducing re-offending, in "
     "protecting vulnerable people from harm, and in tackling serious and organised crime.", "2016-09-29",
     {("surrey", "preventing_crime", "good", 2016), ("surrey", "investigating_crime", "requires_improvement", 2016),
      ("surrey", "protecting_vulnerable_people", "requires_improvement", 2016), ("surrey", "other", "requires_improvement", 2016)}),
    ("Essex Police was inspected. It requires improvement at investigating crime and reducing re-offending.", "2016-09-29",
     {("essex", "investigating_crime", "requires_improvement", 2016)}),
    # a second subject after "but", its areas set off by commas, is graded itself, not a relative clause (dev13)
    ("Cumbria Constabulary was inspected. The constabulary was judged good for its leadership and culture, but its systems "
     "and processes, and its effectiveness at recording reported crime, were both found to require improvement.",
     "2018-05-24", {("cumbria", "leadership_and_culture", "good", 2018), ("cumbria", "systems_and_processes", "requires_improvement", 2018),
                    ("cumbria", "recording_reported_crime", "requires_improvement", 2018)}),
    ("Kent Police was inspected. Its leadership and culture, which drive accurate crime recording, were rated good.",
     "2018-05-24", {("kent", "leadership_and_culture", "good", 2018)}),
    # a grade asked about, foreseen or feared is no grade (dev13)
    ("Wiltshire Police was inspected.\nQ: Will the force be rated good next time?\nNobody in this building thinks we'll be "
     "rated outstanding next time, but I'd be very disappointed if we were still inadequate.", "2019-04-01", set()),
    ("Surrey Police was inspected. She was confident that the force will be judged good next time.", "2016-09-29", set()),
    ("Surrey Police was inspected. The force will be rated in the spring; last time it was rated good.", "2016-09-29",
     {("surrey", CDI, "good", 2016)}),
    # forces counted as the subject are graded, not the force named after them; "one of the few forces" keeps its grade
    ("Staffordshire Police was inspected. Two of the other forces inspected this year were rated good, and Staffordshire "
     "Police, which was rated outstanding in the spring, records more than 96 per cent of crime.", "2020-02-02",
     {("staffordshire", CDI, "outstanding", 2020)}),
    ("Cumbria Constabulary was inspected. It makes Cumbria one of the few forces in the north of England to be graded good.",
     "2017-02-02", {("cumbria", CDI, "good", 2017)}),
    # a judgement table's row whose area SCHEMA's list does not name is `other`, not crime recording (dev13)
    ("Hampshire Constabulary was inspected.\nArea of policing\nGrade\nInvestigating crime\nRequires improvement\n"
     "Strategic planning, organisational management and value for money\nGood\nRecording data about crime\nAdequate",
     "2022-05-01", {("hampshire", "investigating_crime", "requires_improvement", 2022), ("hampshire", "other", "good", 2022),
                    ("hampshire", CDI, "adequate", 2022)}),
    ("Dyfed-Powys Police was inspected.\nQuestion\nGrade\nOverall judgment\nRequires improvement\nHow effective is the force "
     "at recording reported crime?\nRequires improvement", "2018-05-01",
     {("dyfed_powys", CDI, "requires_improvement", 2018), ("dyfed_powys", "recording_reported_crime", "requires_improvement", 2018)}),
]

TABLES = {"reports_and_sections": REPORTS_AND_SECTIONS,
    "counted_over_bullets": COUNTED_OVER_BULLETS, "asides_and_pillars": ASIDES_AND_PILLARS,
    "rating_verbs_and_scotland": RATING_VERBS_AND_SCOTLAND,
    "reported_grades": REPORTED_GRADES,
    "flattened_tables": FLATTENED_TABLES, "grouped_table_lines": GROUPED_TABLE_LINES, "elided_areas": ELIDED_AREAS,
    "lists_under_grades": LISTS_UNDER_GRADES,
    "fire_service": FIRE_SERVICE,
    "area_by_reference": AREA_BY_REFERENCE,
    "adequate": ADEQUATE, "area_wordings": AREA_WORDINGS, "multi_area": MULTI_AREA, "evaluative": EVALUATIVE,
    "unnamed_areas": UNNAMED_AREAS, "paraphrased": PARAPHRASED, "two_forces": TWO_FORCES + TWO_FORCES_SHARED_HEAD, "leadership": LEADERSHIP,
    "report_year": REPORT_YEAR + OWN_YEARS, "no_extra": NO_EXTRA, "cdi_questions": CDI_QUESTIONS, "grade_frames": GRADE_FRAMES,
    "grade_placement": GRADE_PLACEMENT, "grade_lists": GRADE_LISTS, "headed_lines": HEADED_LINES,
    "long_table_lines": LONG_TABLE_LINES, "headline_and_praise": HEADLINE_AND_PRAISE,
    "clauses": CLAUSES, "question_headings": QUESTION_HEADINGS, "not_grades": NOT_GRADES,
    "areas_after_copula": AREAS_AFTER_COPULA, "grade_given": GRADE_GIVEN,
}
CASES = [pytest.param(text, date, want, id=f"{name}-{i}") for name, rows in TABLES.items() for i, (text, date, want) in enumerate(rows)]


@pytest.mark.parametrize(("text", "date", "want"), CASES)
def test_grades(nlp: Language, text: str, date: str | None, want: set[tuple[str, str, str, int | None]]) -> None:
    assert grades(nlp, text, date) == want


@pytest.mark.parametrize(("text", "want"), EVALUATIVE_SPANS)
def test_grade_spans(nlp: Language, text: str, want: list[str]) -> None:
    assert grade_spans(nlp, text) == want


def test_every_area_is_a_schema_id(nlp: Language) -> None:
    every = {f["area"] for rows in TABLES.values() for text, date, _ in rows for f in _run(nlp, text, date)._.findings
             if f["type"] == "grade"}
    assert every <= set(AREA_IDS)


def test_two_forces_under_one_plural_head_with_their_spans() -> None:
    """The grade side of catalogue 2, A13: given the two FORCE spans ANNOTATION.md asks for, one finding per force."""
    text = "Durham and Cleveland Constabularies both got a 'good' for recording crime."
    ents = [("Durham", "FORCE", "durham"), ("Cleveland Constabularies", "FORCE", "cleveland"), ("good", "GRADE", "good")]
    found = fields(run(GradeRule, build(text, ents=ents, date="2021-05-12")))
    assert found == [{"type": "grade", "force": "durham", "area": CDI, "grade": "good", "year": 2021},
                     {"type": "grade", "force": "cleveland", "area": CDI, "grade": "good", "year": 2021}]


def test_an_area_id_outside_schemas_list_fails_at_load() -> None:
    """Every value of the area tables is one of SCHEMA §5's ids (pipeline.ids.AREA_IDS), checked when the linker is built."""
    data = copy.deepcopy(load_json("finding_cues.json"))  # the loaded data is shared: never change it
    data["tables"]["areas"]["map"]["leadership"] = "leadership_and_culture_pillar"
    data["tables"]["area_words"]["map"]["casework"] = "casework"
    lexicon = build_lexicon(data, load_json("forces.json"), load_json("titles.json"))
    with pytest.raises(CueDataError) as raised:
        AreaReader(lexicon)
    message = str(raised.value)
    assert message.startswith("finding_cues.json")
    assert "tables.areas.map" in message and "leadership_and_culture_pillar" in message
    assert "tables.area_words.map" in message and "'casework'" in message
