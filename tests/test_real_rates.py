"""Table tests: the constructions of real coverage that decide recording rates, the force a figure belongs to,
qualifiers, officials and sentences (issue 13; ``shared/real-coverage/constructions-1.md`` and ``-2.md``).

Each class has the catalogue's examples (every one invented there), its negatives, and sentences of our
own that vary the cue words, the order and the distance. A case is a text, its article date, the finding
types it is judged on, and the findings of those types it must give (none: an empty list). The first
table runs the whole pipeline; the second hands the linker the entities that the entity components are
being taught to tag (spelled-out percentages, a bare "Inspector", a lower-case surname), so that the
linking side of those classes is pinned down now.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from pipeline.linking import Linker
from pipeline.schema import CORE_FIELDS, STRICT_FIELDS

from linking.builders import lexicon, make_doc, pct

RR, UC, AS, GR, OF = "recording_rate", "unrecorded_count", "audit_sample", "grade", "official"


def rate(force: str, value: float, qualifier: str = "exact", crime_type: str = "all_crime", year: int | None = None) -> dict[str, Any]:
    return {"type": RR, "force": force, "crime_type": crime_type, "value": value, "qualifier": qualifier, "year": year}


def count(force: str, value: int, qualifier: str = "exact", crime_type: str = "all_crime", per_year: bool = False,
          year: int | None = None) -> dict[str, Any]:
    return {"type": UC, "force": force, "crime_type": crime_type, "value": value, "per_year": per_year,
            "qualifier": qualifier, "year": year}


def official(person: str, role: str, organisation: str) -> dict[str, Any]:
    return {"type": OF, "person": person, "role": role, "organisation": organisation}


def _key(f: dict[str, Any]) -> tuple[Any, ...]:
    fields = CORE_FIELDS[f["type"]] + STRICT_FIELDS[f["type"]]
    return (f["type"],) + tuple(round(f[k], 1) if k == "value" and isinstance(f[k], float) else f.get(k) for k in fields)


def _judged(found: list[dict[str, Any]], types: tuple[str, ...]) -> list[tuple[Any, ...]]:
    return sorted((_key(f) for f in found if f["type"] in types), key=repr)


Case = tuple[str, str, str | None, tuple[str, ...], list[dict[str, Any]]]
R_ = (RR,)
RU = (RR, UC)
O_ = (OF,)

CASES: list[Case] = [
    # ---- Figures: a ratio or word fraction without a hedge is approx; a percentage numeral exact (SCHEMA §5).
    ("ratio", "Cumbria Constabulary fails to record one in six crimes.", None, R_, [rate("cumbria", 83.3, "approx")]),
    ("ratio", "Nine out of 10 crimes reported to Kent Police are recorded.", None, R_, [rate("kent", 90.0, "approx")]),
    ("ratio", "Five out of six crimes reported to Gwent Police were recorded.", None, R_, [rate("gwent", 83.3, "approx")]),
    ("ratio", "Essex Police was inspected. A third of violent crimes reported to the force are not recorded.", None, R_,
     [rate("essex", 66.7, "approx", "violence")]),
    ("ratio", "Kent Police records 83.6% of crimes reported to it.", None, R_, [rate("kent", 83.6)]),
    # a noun between the numbers (dev6)
    ("ratio", "The Met failed to record about one crime in seven, the report said.", None, R_,
     [rate("metropolitan", 85.7, "approx")]),
    ("ratio", "Kent Police records nine crimes in every ten.", None, R_, [rate("kent", 90.0, "approx")]),
    ("ratio", "One case in four at Kent Police went unrecorded.", None, R_, [rate("kent", 75.0, "approx")]),
    ("ratio", "Kent Police examined 40 cases in 2019.", None, RU, []),
    ("ratio", "1 in 5 crimes reported to Dorset Police go unrecorded.", None, R_, [rate("dorset", 80.0, "approx")]),
    ("ratio", "Roughly nine out of every ten crimes reported to Surrey Police are recorded.", None, R_,
     [rate("surrey", 90.0, "approx")]),
    ("ratio", "Norfolk Constabulary was inspected. The force now records 19 in every 20 crimes.", None, R_,
     [rate("norfolk", 95.0, "approx")]),
    ("ratio", "Almost one in four crimes reported to Leicestershire Police is not recorded.", None, R_,
     [rate("leicestershire", 75.0, "more_than")]),
    ("ratio", "Sussex Police fails to record nearly one in five (19.6%) crimes.", None, R_, [rate("sussex", 80.4)]),
    ("ratio", "Two-thirds of sexual offences reported to Cleveland Police are recorded.", "2019-03-01", R_,
     [rate("cleveland", 66.7, "approx", "sexual_offences", 2019)]),
    # ---- "such crimes" and "these offences" take the crime type named before them, in the sentence before if not
    # in their own (dev6).
    ("such_crimes", "Suffolk Constabulary was inspected. The focus would now be on sexual offences. More than 1 in 10 such "
     "crimes still go unrecorded.", None, R_, [rate("suffolk", 90.0, "less_than", "sexual_offences")]),
    ("such_crimes", "Kent Police was inspected. Violent crime was the weak spot. The force failed to record 12 per cent of "
     "these offences.", None, R_, [rate("kent", 88.0, "exact", "violence")]),
    ("such_crimes", "Kent Police was inspected. It was criticised. The force failed to record 12 per cent of such crimes.",
     None, R_, [rate("kent", 88.0)]),
    ("such_crimes", "Kent Police was inspected. Violent crime was the weak spot. Other crimes fared better, but the force "
     "failed to record 12 per cent of such crimes.", None, R_, [rate("kent", 88.0)]),
    # ---- An aim is no rate; "reckoning" and "calculated" frame an estimate (dev6).
    ("aim", 'Leicestershire Police was inspected. "I want us to be recording at least 95 per cent of crime within the '
     'next year," he said.', None, RU, []),
    ("aim", "Kent Police aims to record 98 per cent of crime by 2026.", None, RU, []),
    ("aim", "Essex Police was inspected. The chief constable has set the force a target of 96 per cent of crimes recorded.",
     None, RU, []),
    ("aim", "Kent Police records 94 per cent of crime, and aims to do better.", None, R_, [rate("kent", 94.0)]),
    ("estimate_framing", "Thames Valley Police was inspected. By the inspectorate's reckoning, the force put 90.6 per cent "
     "of reported crime on record.", None, R_, [rate("thames_valley", 90.6, "approx")]),
    ("estimate_framing", "Essex Police was inspected. Inspectors calculated that around 6,400 crimes a year are being lost "
     "across all crime types.", None, (UC,), [count("essex", 6400, "approx", per_year=True)]),
    ("estimate_framing", "Inspectors estimate Thames Valley Police leaves 2,900 domestic abuse crimes off its books "
     "annually.", None, (UC,), [count("thames_valley", 2900, "approx", "domestic_abuse", per_year=True)]),
    ("estimate_framing", "Devon and Cornwall Police was inspected. In the county, 2,000 crimes a year never reached the books.", None, (UC,),
     [count("devon_and_cornwall", 2000, per_year=True)]),
    # the parts of an estimated count are estimates; a rate or a count in another sentence is not (dev7, cat. 1 A6)
    ("estimate_parts", "Lincolnshire Police was inspected. This means that an estimated 4,900 crimes a year go unrecorded, "
     "including 2,100 violent crimes and 260 sexual offences.", None, (UC,),
     [count("lincolnshire", 4900, "approx", per_year=True), count("lincolnshire", 2100, "approx", "violence", per_year=True),
      count("lincolnshire", 260, "approx", "sexual_offences", per_year=True)]),
    ("estimate_parts", "Kent Police fails to record an estimated 9,000 crimes a year, of which 2,000 are violent.", None, (UC,),
     [count("kent", 9000, "approx", per_year=True), count("kent", 2000, "approx", "violence", per_year=True)]),
    ("estimate_parts", "Kent Police recorded 90.4 per cent of crimes, with an estimated 22,000 crimes unrecorded. It failed to "
     "record 3,000 violent crimes.", None, RU,
     [rate("kent", 90.4), count("kent", 22000, "approx"), count("kent", 3000, "exact", "violence")]),
    # ---- "on average" is approx; an average of forces stays general.
    ("average", "Kent Police was inspected. On average, the force records 91 per cent of crimes reported to it.", None, R_,
     [rate("kent", 91.0, "approx")]),
    ("average", "Kent Police records, on average, 91 per cent of reported crimes.", None, R_, [rate("kent", 91.0, "approx")]),
    ("average", "Kent Police records 91 per cent of reported crimes on average.", None, R_, [rate("kent", 91.0, "approx")]),
    ("average", "Kent Police was inspected. On average 3,700 crimes of every kind are not recorded each year.", None, (UC,),
     [count("kent", 3700, "approx", per_year=True)]),
    ("average", "Cumbria Constabulary was inspected in March. Across England and Wales, forces recorded 85.1% of crimes on average.",
     None, R_, []),
    ("average", "Cumbria Constabulary was inspected. On average, forces recorded 85 per cent of crimes.", None, R_, []),
    ("average", "Kent Police recorded 91 per cent of crimes, while on average forces recorded 85 per cent.", None, R_,
     [rate("kent", 91.0)]),
    # ---- Estimate framing governs its own sentence and every figure in it; a hedge on the figure wins.
    ("estimate", "Gwent Police was inspected. Inspectors estimate the force now records 90.7 per cent of all crime, "
     "86.1 per cent of violent crime and 95.3 per cent of sexual offences.", None, R_,
     [rate("gwent", 90.7, "approx"), rate("gwent", 86.1, "approx", "violence"), rate("gwent", 95.3, "approx", "sexual_offences")]),
    ("estimate", "Gwent Police was inspected. The constabulary is estimated to be recording: 90.7 per cent of all crime; "
     "86.1 per cent of violence; and 95.3 per cent of sexual offences.", None, R_,
     [rate("gwent", 90.7, "approx"), rate("gwent", 86.1, "approx", "violence"), rate("gwent", 95.3, "approx", "sexual_offences")]),
    ("estimate", "We estimate that Gwent Police records about 90 per cent of crime and over 85 per cent of violent crime.", None, R_,
     [rate("gwent", 90.0, "approx"), rate("gwent", 85.0, "more_than", "violence")]),
    ("estimate", "Essex Police does not record 6,100 crimes a year, the inspectors have estimated.", None, (UC,),
     [count("essex", 6100, "approx", per_year=True)]),
    ("estimate", "Merseyside Police is estimated to fail to record over 12,800 crimes a year, which amounts to 11.6 per cent "
     "of reported crime.", None, RU, [count("merseyside", 12800, "more_than", per_year=True), rate("merseyside", 88.4, "approx")]),
    ("estimate", "Merseyside Police failed to record 12,800 crimes last year – 11.6 per cent of the total.", None, R_,
     [rate("merseyside", 88.4)]),
    ("estimate", "Sussex Police records 89.2 per cent of crime and 84.0 per cent of violent crime, inspectors estimated.", None, R_,
     [rate("sussex", 89.2, "approx"), rate("sussex", 84.0, "approx", "violence")]),
    ("estimate", "The report estimates that Dorset Police fails to record 8.2 per cent of crimes; for sexual offences it is "
     "11.0 per cent.", None, R_, [rate("dorset", 91.8, "approx"), rate("dorset", 89.0, "approx", "sexual_offences")]),
    ("estimate", "Inspectors estimate Kent Police records 88 per cent of crime. For violent crime the figure was 84.4 per cent.",
     None, R_, [rate("kent", 88.0, "approx"), rate("kent", 84.4, "exact", "violence")]),
    ("estimate", "It is estimated that Norfolk Constabulary records 93.5 per cent of reported crime.", None, R_,
     [rate("norfolk", 93.5, "approx")]),
    ("estimate", "Kent Police recorded 91 per cent of crimes, but inspectors estimated the national rate at 88 per cent.", None, R_,
     [rate("kent", 91.0)]),
    # ---- "up to N%" meaning "has risen to": no hedge; the earlier figure is a finding with its own year.
    ("risen", "Kent Police was inspected.\n• Domestic abuse: recording now up to 93% (from 85%)", None, R_,
     [rate("kent", 93.0, "exact", "domestic_abuse"), rate("kent", 85.0, "exact", "domestic_abuse")]),
    ("risen", "Kent Police was inspected. Its recording rate for sexual offences is now up to 91.5 per cent, from 84 per cent "
     "in 2016.", None, R_, [rate("kent", 91.5, "exact", "sexual_offences"), rate("kent", 84.0, "exact", "sexual_offences", 2016)]),
    ("risen", "Kent Police was inspected. The force may be failing to record up to 8 per cent of burglaries.", None, R_,
     [rate("kent", 92.0, "more_than", "burglary")]),
    ("risen", "Essex Police's recording rate for violent crime has gone up to 94.1 per cent.", None, R_,
     [rate("essex", 94.1, "exact", "violence")]),
    ("risen", "Essex Police was inspected. Recording of rape is up to 96 per cent (was 88 per cent).", "2022-05-01", R_,
     [rate("essex", 96.0, "exact", "rape", 2022), rate("essex", 88.0, "exact", "rape", 2022)]),
    ("risen", "Up to 12 per cent of violent crimes reported to Kent Police are not recorded.", None, R_,
     [rate("kent", 88.0, "more_than", "violence")]),
    # ---- A force known only as "the force"/"our" beside an average: the force's figure is a finding (cat. 1 A5).
    ("force_average", "Suffolk Constabulary praised in new report\nA review by the inspectorate found the force recorded 89.3 per "
     "cent of all crimes – above the national average of 80 per cent – and said staff understood the rules.", None, R_,
     [rate("suffolk", 89.3)]),
    ("force_average", "Cumbria Constabulary was inspected in March. Chief Constable Gareth Pryce said: 'Our compliance figure for "
     "crime recording is now 86.2 per cent, slightly better than the national average of 85.1 per cent.'", None, (RR, OF),
     [rate("cumbria", 86.2), official("Gareth Pryce", "chief_constable", "cumbria")]),
    ("force_average", "Cumbria Constabulary was inspected in March. Inspectors found the constabulary failed to record 13.8% of "
     "crime in the incidents they checked, slightly better than the 15% average across forces.", None, R_, [rate("cumbria", 86.2)]),
    ("force_average", "Lancashire Constabulary was inspected. The constabulary now records 92.4 per cent of crimes, well above "
     "the national average.", None, R_, [rate("lancashire", 92.4)]),
    ("force_average", "Kent Police was inspected. Nationally, forces record 90 per cent of crimes; the force records 94 per cent.",
     None, R_, [rate("kent", 94.0)]),
    ("force_average", "Kent Police was inspected. The national average recording rate is 90 per cent.", None, R_, []),
    ("force_average", "Dorset Police was inspected. Chief Constable Amy Stone said: 'We now record 95 per cent of crimes, better "
     "than the national average.'", None, R_, [rate("dorset", 95.0)]),
    ("force_average", "Dorset Police was inspected. HM Inspector Zoe Billingham said: 'Nationally, we found forces record 88 per "
     "cent of crimes on average.'", None, R_, []),
    # ---- Figures about forces in general are no findings (cat. 1 B2, cat. 2 A12).
    ("forces_general", "Cumbria Constabulary was inspected. Inspectors found that in two-thirds of forces the right recording "
     "decision was made at least 92 per cent of the time.", None, R_, []),
    ("forces_general", "Cumbria Constabulary was inspected. In four out of five forces, over 85 per cent of crimes were recorded "
     "correctly.", None, R_, []),
    ("forces_general", "Cumbria Constabulary made the right recording decision at least 92 per cent of the time.", None, R_,
     [rate("cumbria", 92.0, "more_than")]),
    ("forces_general", "Merseyside Police was inspected. The chief inspector's national review found more than 650,000 crimes a "
     "year were going unrecorded, with sexual offences under-recorded by 21 per cent.", None, RU, []),
    ("forces_general", "Merseyside Police was inspected. Nationally, roughly one rape record in six was cancelled without good "
     "reason.", None, RU, []),
    ("forces_general", "Merseyside Police was inspected. In Merseyside, inspectors looked at 215 incident records and found the "
     "force had recorded 172 of the 205 that were crimes.", None, R_, []),
    ("forces_general", "Cumbria Constabulary was inspected. In 30 of the 43 forces, more than 90 per cent of crimes were recorded.",
     None, R_, []),
    ("forces_general", "Cumbria Constabulary was inspected. Most forces now record over 90 per cent of reported crime.", None, R_, []),
    ("forces_general", "Cumbria Constabulary was inspected. Across many forces, one in six violent crimes was still not recorded.",
     None, R_, []),
    ("forces_general", "Cumbria Constabulary was inspected. The constabulary was one of five forces to record more than 95 per "
     "cent of crimes.", None, R_, [rate("cumbria", 95.0, "more_than")]),
    # ---- Proportions of recommendations (or officers, victims) are no recording rate (cat. 1 B1).
    ("not_crimes", "Cumbria Constabulary has acted on fewer than a third of the recommendations from our previous report, which "
     "is holding back its crime-recording arrangements.", None, R_, []),
    ("not_crimes", "Cumbria Constabulary has carried out just under half of the recommendations we made, and its crime-recording "
     "has suffered.", None, R_, []),
    ("not_crimes", "Cumbria Constabulary fails to record almost half of reported rapes.", None, R_,
     [rate("cumbria", 50.0, "more_than", "rape")]),
    ("not_crimes", "Dorset Police has implemented two-thirds of the recommendations in our 2014 crime-recording report.", None,
     R_, []),
    ("not_crimes", "Only 40 per cent of the force's officers had been trained in crime recording, Dorset Police said.", None, R_, []),
    ("not_crimes", "In Kent, safeguarding had been put in place for 96 per cent of the victims whose crimes went unrecorded.",
     None, R_, []),
    ("not_crimes", "Staffordshire Police was inspected. Around a third of the cancelled rape records we reviewed had been "
     "cancelled without enough evidence.", None, R_, []),
    ("not_crimes", "Staffordshire Police was inspected. At the time of our inspection, 64 percent of call handlers had completed "
     "the new crime recording course.", None, R_, []),
    ("not_crimes", "Kent Police was inspected. Only 55 per cent of its supervisors had checked crime records, and 70 per cent of "
     "respondents said recording was a priority.", None, R_, []),
    ("not_crimes", "Kent Police was inspected. Just 45 per cent of personnel had been trained to record crime.", None, R_, []),
    # ---- The crime type in a postmodifier of the crime noun (cat. 1 A3 (b)).
    ("postmodifier", "Some 18% of offences involving domestic violence are not being recorded by Durham Constabulary.", None, R_,
     [rate("durham", 82.0, "approx", "domestic_abuse")]),
    ("postmodifier", "Cheshire Constabulary was inspected. Roughly 15% of crimes linked to domestic abuse are going unrecorded in "
     "Cheshire, the report found.", None, R_, [rate("cheshire", 85.0, "approx", "domestic_abuse")]),
    ("postmodifier", "Kent Police failed to record 12 per cent of reports involving sexual offences.", None, R_,
     [rate("kent", 88.0, "exact", "sexual_offences")]),
    ("postmodifier", "Kent Police records 85 per cent of offences connected to domestic abuse.", None, R_,
     [rate("kent", 85.0, "exact", "domestic_abuse")]),
    ("postmodifier", "About a fifth of the crimes related to hate crime reported to Essex Police went unrecorded.", None, R_,
     [rate("essex", 80.0, "approx", "hate_crime")]),
    ("postmodifier", "Kent Police records 92 per cent of crimes, including those involving domestic abuse.", None, R_,
     [rate("kent", 92.0)]),
    # ---- The crime type after a sample's size: "92% of the 175 violent crimes" (dev14).
    ("after_size", "We recorded 92% of the 175 violent crimes the inspectors checked, Gwent Police said.", None, R_,
     [rate("gwent", 92.0, "exact", "violence")]),
    ("after_size", "Gwent Police recorded 90 per cent of 64 rape reports in the sample.", None, R_,
     [rate("gwent", 90.0, "exact", "rape")]),
    ("after_size", "Inspectors found Kent Police had recorded 85% of the 1,200 reports of sexual offences they examined.",
     None, R_, [rate("kent", 85.0, "exact", "sexual_offences")]),
    ("after_size", "Kent Police recorded 88% of the 240 crimes in the sample.", None, R_, [rate("kent", 88.0)]),
    # ---- A crime type fronted as the topic, the figure in a ", with ..." clause (cat. 2 A7).
    ("with_topic", "Violent crime stands out, with nearly a third of the incidents reported to Lincolnshire Police left "
     "unrecorded.", None, R_, [rate("lincolnshire", 66.7, "more_than", "violence")]),
    ("with_topic", "Kent Police was inspected. Inspectors singled out sexual offences as a worry, with an estimated 310 of them "
     "not recorded each year.", None, (UC,), [count("kent", 310, "approx", "sexual_offences", per_year=True)]),
    ("with_topic", "Kent Police was inspected. The figures for domestic abuse are 'troubling', with around 1,250 reports each "
     "year left unrecorded.", None, (UC,), [count("kent", 1250, "approx", "domestic_abuse", per_year=True)]),
    ("with_topic", "Sexual offences were the weakest area, with only 78 per cent of such crimes recorded by Kent Police.", None, R_,
     [rate("kent", 78.0, "exact", "sexual_offences")]),
    ("with_topic", "Rape reports stood out, with around one in ten of the reports examined by inspectors left off the books.",
     None, R_, []),
    ("with_topic", "Violent crime has risen, with nearly half of such incidents happening at night.", None, R_, []),
    ("with_topic", "Kent Police recorded 95 per cent of rapes, with 91 per cent of crimes overall recorded.", None, R_,
     [rate("kent", 95.0, "exact", "rape"), rate("kent", 91.0)]),
    ("with_topic", "West Midlands Police was inspected. Violent crime fared worse, with 85.7 per cent of offences recorded.", None,
     R_, [rate("west_midlands", 85.7, "exact", "violence")]),
    ("with_topic", "Burglary was the weak spot for Kent Police, with only 82 per cent of crimes recorded.", None, R_,
     [rate("kent", 82.0, "exact", "burglary")]),
    ("with_topic", "Kent Police was inspected. Sexual offences did better, with 96 per cent of cases recorded.", None, R_,
     [rate("kent", 96.0, "exact", "sexual_offences")]),
    ("with_topic", "Kent Police recorded 95 per cent of rapes, with 91 per cent of all crimes recorded.", None, R_,
     [rate("kent", 95.0, "exact", "rape"), rate("kent", 91.0)]),
    # ---- Sub-populations of victims are `other` (cat. 2 A19; ANNOTATION).
    ("victims", "Kent Police was inspected. The audit picked out 37 crimes where the victim was vulnerable, and just under half "
     "of them had not been recorded.", None, R_, [rate("kent", 50.0, "more_than", "other")]),
    ("victims", "Kent Police was inspected. Of 28 crimes against elderly people in the sample, nearly half went unrecorded.", None,
     R_, [rate("kent", 50.0, "more_than", "other")]),
    ("victims", "Kent Police recorded only 80 per cent of crimes against vulnerable victims.", None, R_,
     [rate("kent", 80.0, "exact", "other")]),
    ("victims", "Around 15 per cent of crimes where the victim was a child were not recorded by Kent Police.", None, R_,
     [rate("kent", 85.0, "approx", "other")]),
    ("victims", "Kent Police records 92 per cent of crimes reported by victims.", None, R_, [rate("kent", 92.0)]),
    ("victims", "Lincolnshire Police was inspected. Crimes reported by vulnerable victims were among the most likely to be "
     "missed, with nearly a quarter of them not recorded.", None, R_, [rate("lincolnshire", 75.0, "more_than", "other")]),
    ("victims", "Kent Police recorded 81 per cent of crimes reported by elderly people.", None, R_, [rate("kent", 81.0, "exact", "other")]),
    ("victims", "Of the offences reported by disabled people, Kent Police failed to record about 30 per cent.", None, R_,
     [rate("kent", 70.0, "approx", "other")]),
    # ---- "never even recorded", "not even recorded": a negation with an intensifier (cat. 1 A11).
    ("even", "Close to 5,600 crimes reported to West Mercia Police last year were never even recorded, the watchdog says.",
     "2018-02-01", (UC,), [count("west_mercia", 5600, "less_than", year=2017)]),
    ("even", "West Mercia Police was inspected. Around 1,900 reports of violence were not even recorded, the inspectors found.",
     None, (UC,), [count("west_mercia", 1900, "approx", "violence")]),
    ("even", "More than half of the rapes reported to West Mercia Police were never even recorded.", None, R_,
     [rate("west_mercia", 50.0, "less_than", "rape")]),
    ("even", "Some 3,000 crimes reported to Kent Police were not even logged.", None, (UC,), [count("kent", 3000, "approx")]),
    # ---- "go unreported" meaning unrecorded; not "unreported to the police" (cat. 2 A4).
    ("unreported", "The inspectorate believes almost 6,900 crimes go unreported by Durham Constabulary every year.", None, (UC,),
     [count("durham", 6900, "less_than", per_year=True)]),
    ("unreported", "Durham Constabulary was inspected. Around 12 per cent of crimes go unreported by the force.", None, R_,
     [rate("durham", 88.0, "approx")]),
    ("unreported", "Around 40 per cent of burglaries go unreported to the police, a national survey of victims suggests.", None,
     RU, []),
    ("unreported", "Kent Police was inspected. Many victims never come forward: about 40 per cent of thefts go unreported to "
     "police, a survey suggests.", None, RU, []),
    ("unreported", "Kent Police was inspected. About 20 per cent of crime goes unreported to police, the force said, but of "
     "crimes that are reported it records 94 per cent.", None, R_, [rate("kent", 94.0)]),
    ("unreported", "Half of all sexual offences went unreported by Kent Police.", None, R_,
     [rate("kent", 50.0, "approx", "sexual_offences")]),
    # ---- Officials: role + "of" + force before the name (cat. 1 A13).
    ("official_of", "Chief constable of Surrey Police Rhys Bowen said: 'We accept the findings.'", None, O_,
     [official("Rhys Bowen", "chief_constable", "surrey")]),
    ("official_of", "Chief Constable of Surrey Police, Rhys Bowen, said the force would publish a plan.", None, O_,
     [official("Rhys Bowen", "chief_constable", "surrey")]),
    ("official_of", "Deputy Chief Constable of Avon and Somerset Police Laura Finch said the force would act quickly.", None, O_,
     [official("Laura Finch", "deputy_chief_constable", "avon_and_somerset")]),
    ("official_of", "Kent Police was inspected. Assistant Chief Constable of Essex Police Sam Ward welcomed the report.", None, O_,
     [official("Sam Ward", "assistant_chief_constable", "essex")]),
    ("official_of", "Chief Constable of West Midlands Police, Anna Clarke, said lessons had been learned.", None, O_,
     [official("Anna Clarke", "chief_constable", "west_midlands")]),
    ("official_of", "The chief constable of the Metropolitan Police, Ben Harrington, accepted the findings.", None, O_,
     [official("Ben Harrington", "chief_constable", "metropolitan")]),
    ("official_of", "The chief constable of Essex Police said the report was fair.", None, O_, []),
    # ---- a date in the first clause, after its own force, does not date a contrasted clause about another force;
    #      a date opening the sentence frames every clause (dev12)
    ("contrast_year", "Gloucestershire Constabulary was inspected. Wiltshire Police was graded requires improvement for "
     "crime recording in 2018, while Avon and Somerset Constabulary was found to record around 92 per cent of crime.",
     "2019-10-03", R_, [rate("avon_and_somerset", 92.0, "approx", year=2019)]),
    ("contrast_year", "Kent Police recorded 88 per cent of crime in 2016, but Essex Police records 93 per cent.",
     "2019-10-03", R_, [rate("kent", 88.0, year=2016), rate("essex", 93.0, year=2019)]),
    ("contrast_year", "In 2014 Cumbria Constabulary recorded 91 per cent of the crimes in its sample, while Derbyshire "
     "Constabulary fell short at 77 per cent.", "2019-10-03", R_,
     [rate("cumbria", 91.0, year=2014), rate("derbyshire", 77.0, year=2014)]),
    # ---- a force's own rate named with its possessive; a past-tense figure of an earlier inspection takes that
    #      inspection's date (dev12)
    ("possessive_rate", "Gwent Police was inspected. Gwent's rate for violent crime, by contrast, was 84.3 per cent, the "
     "inspectorate said.", "2021-03-18", R_, [rate("gwent", 84.3, crime_type="violence", year=2021)]),
    ("possessive_rate", "Kent Police was inspected. In our previous inspection, published in 2022, the force's rate was an "
     "estimated 94.8 percent.", "2024-06-01", R_, [rate("kent", 94.8, "approx", year=2022)]),
    ("possessive_rate", "Kent Police was inspected. Since our previous inspection, published in 2022, the force's rate "
     "is now 96.0 percent.", "2024-06-01", R_, [rate("kent", 96.0, year=2024)]),
    # ---- the date of an earlier grading in a participle clause does not date the main clause in the present (dev12)
    ("participle_year", "Durham Constabulary, graded outstanding for crime recording in 2019, tops our table with an "
     "estimated 96.4 per cent of crimes recorded.", "2020-02-09", R_, [rate("durham", 96.4, "approx", year=2020)]),
    ("participle_year", "Kent Police, rated inadequate in 2016, now records 93 per cent of crime.", "2020-02-09", R_,
     [rate("kent", 93.0, year=2020)]),
    ("participle_year", "Kent Police, inspected in 2016, recorded 83 per cent of crime.", "2020-02-09", R_,
     [rate("kent", 83.0, year=2016)]),
    # ---- the inspectorate's own estimate after a national average is the force's; a share of crimes recorded late is
    #      timeliness, not recording, unless the time limit is another clause's (dev12)
    ("after_average", "Northumbria Police was inspected. We estimate that the force records 90.3 percent of all reported "
     "crime. The average for the forces we have inspected so far in this cycle is 92.4 percent. For violence against the "
     "person we estimate the figure is 87.6 percent, and for sexual offences, 93.1 percent.", None, R_,
     [rate("northumbria", 90.3, "approx"), rate("northumbria", 87.6, "approx", "violence"),
      rate("northumbria", 93.1, "approx", "sexual_offences")]),
    ("timeliness", "Northumbria Police was inspected. In 22 percent of the crimes we audited, the crime wasn't recorded "
     "within 24 hours.", None, R_, []),
    ("timeliness", "Kent Police was inspected. The force recorded 31 percent of rapes more than 72 hours after the report.",
     None, R_, []),
    ("timeliness", "Lincolnshire Police was inspected. Our own audits put our compliance at 93 per cent, and our crime "
     "bureau now reviews every incident closed by the control room within 24 hours.", None, R_, [rate("lincolnshire", 93.0)]),
    ("participle_year", "Kent Police, which was the first force to be graded outstanding for crime recording, in 2017, "
     "still records an estimated 96.6% of crime.", "2023-05-10", R_, [rate("kent", 96.6, "approx", year=2023)]),
    # ---- "Today it is about one in thirteen" goes on with the measure of the sentence before, for now (dev12)
    ("today_it_is", "Northumbria Police was inspected. Two years ago almost one in six crimes reported to it went "
     "unrecorded. Today it is about one in thirteen.", "2019-08-29", R_,
     [rate("northumbria", 83.3, "more_than", year=2017), rate("northumbria", 92.3, "approx", year=2019)]),
    ("today_it_is", "Cleveland Police was inspected. \"In 2019 we were failing to record something like one crime in six. "
     "Now it is about one in twenty.\"", "2024-03-01", R_,
     [rate("cleveland", 83.3, "approx", year=2019), rate("cleveland", 95.0, "approx", year=2024)]),
    # ---- a sentence fronted by another crime type goes on with the measure of the sentence before (dev12)
    ("fronted_next", "Northumbria Police was inspected. The rate for violence against the person is 89.7 percent. For "
     "sexual offences it is 96.1 percent.", None, R_,
     [rate("northumbria", 89.7, crime_type="violence"), rate("northumbria", 96.1, crime_type="sexual_offences")]),
    ("fronted_next", "Kent Police records 92 per cent of violent crime. For rape, the figure was 97 per cent.", None, R_,
     [rate("kent", 92.0, crime_type="violence"), rate("kent", 97.0, crime_type="rape")]),
    ("fronted_next", "Kent Police records 92 per cent of violent crime. For burglary, detection fell by 5 per cent.", None, R_,
     [rate("kent", 92.0, crime_type="violence")]),
    # ---- the failure said by an elliptical 'did not.' after what should have been (dev12)
    ("elliptical_not", "West Midlands Police was inspected. Roughly one in five crimes that should have made it onto the "
     "force's books therefore did not.", "2014-11-19", R_, [rate("west_midlands", 80.0, "approx", year=2014)]),
    ("elliptical_not", "Kent Police was inspected. About one in ten crimes that ought to have been logged did not, the "
     "report said.", "2014-11-19", R_, [rate("kent", 90.0, "approx", year=2014)]),
    ("elliptical_not", "Kent Police was inspected. A third of the rapes that should have been recorded did not.",
     "2014-11-19", R_, [rate("kent", 66.7, "approx", "rape", year=2014)]),
    # ---- the name after a title before one in an appositive ('..., Neville Ormsby, and the Chief Constable, Nicola
    #      Ashworth-Byrne'); an acting commissioner; a commissioner's chief executive and a minister give none (dev12)
    ("title_then_name", "Cambridgeshire Constabulary was inspected. The plan was agreed by the Acting Police and Crime "
     "Commissioner, Neville Ormsby, and the Chief Constable, Nicola Ashworth-Byrne, in December 2019.", None, O_,
     [official("Neville Ormsby", "police_and_crime_commissioner", "cambridgeshire"),
      official("Nicola Ashworth-Byrne", "chief_constable", "cambridgeshire")]),
    ("title_then_name", "Alison Hernandez, Devon and Cornwall's police and crime commissioner, said she had asked for a plan.",
     None, O_, [official("Alison Hernandez", "police_and_crime_commissioner", "devon_and_cornwall")]),
    ("title_then_name", "Kent Police was inspected. Contact officer: Dorothy Vance-Holt, Chief Executive. The Minister for "
     "Crime, Policing and Fire (Chris Hale) replied.", None, O_, []),
    ("title_then_name", "Gwent Police. Prif Gwnstabl Dros Dro Carys Powell said the force accepted the report.", None, O_,
     [official("Carys Powell", "chief_constable", "gwent")]),
    # ---- A place named in a comparison inside what an official says is not their force (dev11): the force the
    #      text is about is.
    ("compared_place", "Suffolk Constabulary was told it requires improvement.\nDeputy Chief Constable Owen Strachey said "
     "the unit would \"bring us up to the standard our colleagues in Norfolk have achieved\".", None, O_,
     [official("Owen Strachey", "deputy_chief_constable", "suffolk")]),
    ("compared_place", "Gwent Police has been graded good. Chief Constable Ann Rees said the force wanted to be judged "
     "alongside Dyfed-Powys in future.", None, O_, [official("Ann Rees", "chief_constable", "gwent")]),
    ("compared_place", "Lincolnshire Police was inspected. Superintendent Mo Khan said that, like Leicestershire, the "
     "force had hired auditors.", None, O_, [official("Mo Khan", "superintendent", "lincolnshire")]),
    ("compared_place", "Cumbria Constabulary was inspected. Lancashire's Ch Supt Ian Lowe said his officers had seen "
     "the same.", None, O_, [official("Ian Lowe", "chief_superintendent", "lancashire")]),
    # ---- Abbreviations and titles written with a full stop end no sentence (dev6's minutes; sentences our own):
    #      the hedge stays on its figure, the title on its name.
    ("dotted", "Kent Police fails to record approx. 8,100 crimes per annum.", None, (UC,),
     [count("kent", 8100, "approx", per_year=True)]),
    ("dotted", "Hertfordshire Constabulary: the report est. 4,200 crimes a year go unrecorded.", None, (UC,),
     [count("hertfordshire", 4200, "approx", per_year=True)]),
    ("dotted", "Det. Supt. Jane Moss, of Kent Police, said the force had improved. Ch. Con. Alan Reid agreed.", None, O_,
     [official("Jane Moss", "superintendent", "kent"), official("Alan Reid", "chief_constable", "kent")]),
    ("dotted", "Essex Police Det. Ch. Supt. Ray Hall said: \"We accept it.\"", None, O_,
     [official("Ray Hall", "chief_superintendent", "essex")]),
    ("dotted", "The answer was no. Kent Police records 90 per cent of crime. Ask Dr. Who.", None, R_, [rate("kent", 90.0)]),
    # ---- "write down" is recording in plain words (easy-read pages, dev11); "writes down" is no fall of a figure;
    #      "N out of every M" is a share however large; "NAME is TITLE" names the official.
    ("plain_words", "Dyfed-Powys Police was inspected. We think the force writes down about 95 in every 100 crimes that "
     "people tell it about.", None, R_, [rate("dyfed_powys", 95.0, "approx")]),
    ("plain_words", "Kent Police writes down 93 per cent of the crimes reported to it.", None, R_, [rate("kent", 93.0)]),
    ("plain_words", "Kent Police records 95 out of every 100 crimes; recorded crime is down 4 per cent.", None, R_,
     [rate("kent", 95.0, "approx")]),
    ("copula_title", "Who led this inspection\nSiân Pritchard-Lowe is His Majesty's Inspector of Constabulary.", None, O_,
     [official("Siân Pritchard-Lowe", "hm_inspector_of_constabulary", "hmicfrs")]),
    ("copula_title", "Kent Police was inspected. Mark Jones was the force's chief constable at the time.", None, O_,
     [official("Mark Jones", "chief_constable", "kent")]),
    ("copula_title", "Kent Police was inspected. Mark Jones is not happy, the chief constable said.", None, O_, []),
    ("copula_title", "Staffordshire Police was inspected. His Majesty's Inspector of Fire & Rescue Services Andrea "
     "Coulthard said the service was good.", None, O_, [official("Andrea Coulthard", "other", "hmicfrs")]),
    # ---- "the force's rates were A and B respectively" after an elliptical coordination (dev11); a count in the
    #      conjunct after a rate takes its own cue, not the rate's ("... recorded and about 4,300 ... going unrecorded")
    ("rates_for", "Norfolk Constabulary was inspected. For violent and sexual offences, the force's rates were 91.9 per "
     "cent and 96.0 per cent respectively.", None, R_,
     [rate("norfolk", 91.9, "exact", "violence"), rate("norfolk", 96.0, "exact", "sexual_offences")]),
    ("conjuncts", "Suffolk Constabulary was told it requires improvement, with an estimated 90.2 per cent of crimes "
     "recorded and about 4,300 reports a year going unrecorded.", None, RU,
     [rate("suffolk", 90.2, "approx"), count("suffolk", 4300, "approx", per_year=True)]),
    ("conjuncts", "Kent Police recorded most crimes, but about 1,200 a year went unrecorded.", None, (UC,),
     [count("kent", 1200, "approx", per_year=True)]),
    # ---- a crime type fronted as the topic, set off by a comma, is what a plain crime noun after the figure counts
    ("fronted_topic", "Greater Manchester Police was inspected. For violent crime, only 83.6% of reports made it on to the "
     "system; for sexual offences the figure was 89.2%.", None, R_,
     [rate("greater_manchester", 83.6, "exact", "violence"), rate("greater_manchester", 89.2, "exact", "sexual_offences")]),
    ("fronted_topic", "Kent Police was inspected. On rape, 91 per cent of reports were recorded.", None, R_,
     [rate("kent", 91.0, "exact", "rape")]),
    ("fronted_topic", "Kent Police was inspected. For the force as a whole, 91 per cent of reports were recorded.", None, R_,
     [rate("kent", 91.0)]),
    # ---- a table run into one line: each percentage is of its own row's label, not of the next row's (dev11)
    ("run_on_table", "Essex Police was inspected.\nTable 2: Crime recording audit Crime type Crimes that should have been "
     "recorded Crimes recorded Compliance Violence against the person 240 219 91.3% Sexual offences (excl. rape) 75 71 94.7% "
     "Rape 32 32 100% Stalking and harassment 88 74 84.1% All crime types 435 396 91.0%", None, R_,
     [rate("essex", 91.3, "exact", "violence"), rate("essex", 94.7, "exact", "sexual_offences"), rate("essex", 100.0, "exact", "rape"),
      rate("essex", 84.1, "exact", "other"), rate("essex", 91.0)]),
    ("run_on_table", "Northamptonshire Police was inspected. Its recording of violent crime was weaker than its overall "
     "figure, at 88.7 per cent.", None, R_, [rate("northamptonshire", 88.7, "exact", "violence")]),
    # ---- the sentence after a national one, going on with "the figure", is national too; one on the force is not (dev11)
    ("national_goes_on", "Hampshire Constabulary was inspected.\n\nAcross the country, the inspectorate concluded that about "
     "19 per cent of crimes reported to police were not being recorded. Violent and sexual offences were the worst affected: "
     "for sexual offences the figure was 26 per cent, and for violence against the person it was one in three.", None, R_, []),
    ("national_goes_on", "Hampshire Constabulary was inspected. Nationally, 81 per cent of crime is recorded. For the force "
     "the figure was 89 per cent.", None, R_, [rate("hampshire", 89.0)]),
    # ---- what a speaker asks for is no rate
    ("aspiration", "Leicestershire Police was inspected. She said she would ask the chief constable for \"a recording rate "
     "above 95 per cent within two years\".", None, R_, []),
    # ---- "the rate falls to" (dev11)
    ("rate_moves_to", "Cumbria Constabulary records an estimated 90.3 per cent of the crimes reported to it. For violent "
     "crime, the rate falls to 84.6 per cent.", None, R_,
     [rate("cumbria", 90.3, "approx"), rate("cumbria", 84.6, "exact", "violence")]),
    ("rate_moves_to", "Kent Police was inspected. For sexual offences the figure rose to 93 per cent.", None, R_,
     [rate("kent", 93.0, "exact", "sexual_offences")]),
    # ---- a year opening a timeline's line before a dash or colon dates every sentence on the line (dev11)
    ("line_year", "Staffordshire Police timeline\n• 2016 - the first inspection graded the force as requires improvement. "
     "Inspectors estimated that it was recording around 88 per cent of crimes.\n• 2018: the force recorded 94.6 per cent of "
     "reported crime.", None, R_,
     [rate("staffordshire", 88.0, "approx", year=2016), rate("staffordshire", 94.6, "exact", year=2018)]),
    ("line_year", "Kent Police: 2014 was a bad year. The force records 88 per cent of crime.", None, R_, [rate("kent", 88.0)]),
    # ---- "The rates for X and for Y are A and B respectively" (dev11)
    ("rates_for", "Essex Police was inspected. The estimated rates for violence against the person and for sexual offences "
     "are 85.2 per cent and 94.6 per cent respectively.", None, R_,
     [rate("essex", 85.2, "approx", "violence"), rate("essex", 94.6, "approx", "sexual_offences")]),
    ("rates_for", "Kent Police was inspected. Its rates for rape and for domestic abuse were 91 per cent and 88 per cent "
     "respectively.", None, R_, [rate("kent", 91.0, "exact", "rape"), rate("kent", 88.0, "exact", "domestic_abuse")]),
    # ---- Officials: a name before an appositive title with a possessive determiner (cat. 1 A12).
    ("official_possessive", "Amanda Pearce, the eastern region's HM Inspector of Constabulary, told reporters that Dorset Police "
     "had improved.", None, O_, [official("Amanda Pearce", "hm_inspector_of_constabulary", "hmicfrs")]),
    ("official_possessive", "Dorset Police was inspected. The findings were presented by Amanda Pearce, the area's HM Inspector of "
     "Constabulary.", None, O_, [official("Amanda Pearce", "hm_inspector_of_constabulary", "hmicfrs")]),
    ("official_possessive", "Amanda Pearce, the region's leading victims' campaigner, said Dorset Police must improve.", None, O_, []),
    ("official_possessive", "Matt Parr, the region's new HM Inspector of Constabulary, welcomed the progress Kent Police had made.",
     None, O_, [official("Matt Parr", "hm_inspector_of_constabulary", "hmicfrs")]),
    ("official_possessive", "Kent Police was inspected. Andy Cooke, the western area's HM Inspector, said the force had improved.",
     None, O_, [official("Andy Cooke", "hm_inspector_of_constabulary", "hmicfrs")]),
    ("official_possessive", "Jane Doe, the county force's deputy chief constable, said Kent Police would act.", None, O_,
     [official("Jane Doe", "deputy_chief_constable", "kent")]),
    # ---- A name, then a relative clause that gives the title ("who became the county's first ...").
    ("official_relative", "Staffordshire Commissioner Matthew Ellis, who became the county’s first Police, Fire and Crime "
     "Commissioner last year, said: “The people of Staffordshire can now have real confidence.”", None, O_,
     [official("Matthew Ellis", "police_fire_and_crime_commissioner", "staffordshire")]),
    ("official_relative", "Kent Police was inspected. Sarah Lee, who was elected Police and Crime Commissioner in 2021, said the "
     "report was fair.", None, O_, [official("Sarah Lee", "police_and_crime_commissioner", "kent")]),
    ("official_relative", "Kent Police was inspected. Sarah Lee, who was the first to complain, met the Chief Constable.", None,
     O_, []),
    # ---- A signature or byline: the name alone on its line, the title opening the next (dev2's newsletter sign-off).
    ("official_signature", "My survey closes on 30 June.\n\nHelen Ashdown\nKent Police and Crime Commissioner\n\nFollow me on "
     "social media", None, O_, [official("Helen Ashdown", "police_and_crime_commissioner", "kent")]),
    ("official_signature", "Kent Police was inspected.\n\nJohn Smith\nChief Constable, Kent Police", None, O_,
     [official("John Smith", "chief_constable", "kent")]),
    ("official_signature", "Sussex Police was inspected.\n\nJane Roe\nDeputy Chief Constable\nSussex Police", None, O_,
     [official("Jane Roe", "deputy_chief_constable", "sussex")]),
    ("official_signature", "Kent Police was inspected.\n\nJohn Smith\nThe report was welcomed by the Chief Constable.", None,
     O_, []),
    ("official_signature", "Kent Police was inspected. John Smith said it was fair.\nChief Constable Amy Stone agreed.", None, O_,
     [official("Amy Stone", "chief_constable", "kent")]),
    # ---- A single line break inside a sentence, before a lower-case word, does not end it (cat. 2 A6).
    ("line_break", "Kent Police was inspected. Just 84.7% of the violent offences reported to the force \nwere recorded, so more "
     "than 2,100 of them went unrecorded.", None, R_, [rate("kent", 84.7, "exact", "violence")]),
    ("line_break", "Kent Police was inspected. Of the sexual offences reported, 96.2 per cent \nwere recorded, which leaves about "
     "45 unrecorded.", None, R_, [rate("kent", 96.2, "exact", "sexual_offences")]),
    ("line_break", "How the force did \nSussex Police now records 90.5% of reported crime.", None, R_, [rate("sussex", 90.5)]),
    ("line_break", "Kent Police was inspected. The report found that the force recorded 91 per cent of\ncrimes reported to it.",
     None, R_, [rate("kent", 91.0)]),
    ("line_break", "Kent Police was inspected. Inspectors found that the force had failed to record\nnearly one in five violent "
     "crimes.", None, R_, [rate("kent", 80.0, "more_than", "violence")]),
    ("line_break", "Recording in Essex\n\nthe force now records 93 per cent of crimes, said Essex Police.", None, R_,
     [rate("essex", 93.0)]),
    # ---- A force in a comparison whose relative clause states the figure.
    ("relative", "Thames Valley Police recorded 88 per cent of crimes, behind Hampshire Constabulary, which recorded 91 per cent.",
     None, R_, [rate("thames_valley", 88.0), rate("hampshire", 91.0)]),
    ("relative", "Kent Police recorded 90 per cent, level with Essex Police but behind Surrey Police, whose recording rate was "
     "94 per cent.", None, R_, [rate("kent", 90.0), rate("surrey", 94.0)]),
    ("relative", "Kent Police, which shares a control room with Essex Police, recorded 91 per cent of crimes.", None, R_,
     [rate("kent", 91.0)]),
    ("relative", "Dorset Police was rated good. It recorded 93 per cent of crimes, ahead of Devon and Cornwall Police, with which "
     "it shares a crime bureau, and which recorded 89 per cent.", None, R_, [rate("dorset", 93.0), rate("devon_and_cornwall", 89.0)]),
    # ---- "the figure" of a measure other than recording, named in the sentence before (dev3's charge rates).
    ("other_measure", "Kent Police was inspected. A suspect was charged in 6.1% of crimes recorded by the force, against a national "
     "charge rate of 7%. For burglary the figure was just 3.2%, and for rape 2.4%.", None, R_, []),
    ("other_measure", "Kent Police was inspected. Its detection rate was 12 per cent. For violent crime the figure stood at 9 per cent.",
     None, R_, []),
    ("other_measure", "Kent Police was inspected. The force recorded 91% of crimes reported to it. For burglary the figure was 96.8%.",
     None, R_, [rate("kent", 91.0), rate("kent", 96.8, "exact", "burglary")]),
    ("other_measure", "Kent Police was inspected. Few suspects were charged. For violent crime the recording rate was 88 per cent.",
     None, R_, [rate("kent", 88.0, "exact", "violence")]),
    # ---- "the estimated rate", "its rate for": a rate named without "recording" (dev5).
    ("rate_named", "Derbyshire Constabulary was inspected. Inspectors estimated that the force records 90.4 per cent of crimes "
     "reported to it. For violent crime the estimated rate was 86.7 per cent, and for sexual offences 91.9 per cent.", None, R_,
     [rate("derbyshire", 90.4, "approx"), rate("derbyshire", 86.7, "approx", "violence"),
      rate("derbyshire", 91.9, "approx", "sexual_offences")]),
    ("rate_named", "Lincolnshire Police was inspected. The estimated rate for violent crime was lower still, at 83.9 per cent.",
     None, R_, [rate("lincolnshire", 83.9, "approx", "violence")]),
    ("rate_named", "Cleveland Police was inspected. And the Metropolitan Police Service, the country's largest force, was rated "
     "requires improvement. Its rate for crimes related to domestic abuse was just under nine in ten (88.6 per cent).", None, R_,
     [rate("metropolitan", 88.6, "exact", "domestic_abuse")]),
    ("rate_named", "Essex Police was inspected. Their rate for burglary was 95 per cent.", None, R_, [rate("essex", 95.0, "exact", "burglary")]),
    ("rate_named", "Kent Police was inspected. Its rate was 93 per cent for sexual offences.", None, R_,
     [rate("kent", 93.0, "exact", "sexual_offences")]),
    ("rate_named", "Kent Police was inspected. For reports involving violence, the estimated rate was 84 per cent.", None, R_,
     [rate("kent", 84.0, "approx", "violence")]),
    ("rate_named", "Kent Police was inspected. A suspect was charged in 6.1% of crimes. For burglary the estimated rate was just "
     "3.2%.", None, R_, []),
    ("rate_named", "Kent Police records 92 per cent of crimes, including those involving domestic abuse.", None, R_, [rate("kent", 92.0)]),
    # ---- A speaker's quotation beside a national average, over several paragraphs (cat. 1 A5; dev5).
    ("quotation", "Avon and Somerset Constabulary was inspected. Chief Constable of Avon and Somerset Constabulary, Marcus Ndiaye, "
     "said:\n\n\"We are disappointed with this grade, but we do not dispute the findings.\n\n\"Since the inspection we have "
     "put 60 additional staff into our crime recording team. Our own internal audits show our compliance has since risen to "
     "91.3 per cent – better, but still short of the national average – and I am determined we will close that gap.\"", None, R_,
     [rate("avon_and_somerset", 91.3)]),
    ("quotation", "Kent Police was inspected. Chief Constable Amy Stone said: “We accept the findings. We now record 94 per cent "
     "of crimes, well above the national average.”", None, R_, [rate("kent", 94.0)]),
    ("quotation", "Kent Police was inspected. Chief Constable Amy Stone said: \"We accept the findings.\"\n\nNationally, our "
     "forces record 88 per cent of crimes on average, the inspectorate said.", None, R_, []),
    ("quotation", "Kent Police was inspected. Chief Constable Amy Stone said: \"We accept the findings.\"\n\nThe report said "
     "that nationally we record 88 per cent of crimes.", None, R_, []),
    ("quotation", "Kent Police was inspected. Chief Constable Amy Stone said: \"Our compliance is now 92 per cent – better than "
     "before.\"", None, R_, [rate("kent", 92.0)]),
    # ---- A change word after a dash or comma is an aside on the figure, not its change.
    ("aside", "Kent Police was inspected. Its recording rate rose to 91 per cent, 4 per cent higher than in 2016.", None, R_,
     [rate("kent", 91.0)]),
    ("aside", "Kent Police was inspected. Its recording rate was 3 per cent higher than in 2016.", None, R_, []),
    ("aside", "Kent Police was inspected. The force now records 90 per cent of crimes – better than most forces.", None, R_,
     [rate("kent", 90.0)]),
    # ---- Bullet lines under a line that says what they count (dev5).
    ("bullets", "Northamptonshire Police was inspected. Our audit found that the force recorded:\n\n• violent crime: 81.0 "
     "percent;\n• sexual offences: 90.5 percent;\n• domestic abuse crimes: 82.7 percent.", None, R_,
     [rate("northamptonshire", 81.0, "exact", "violence"), rate("northamptonshire", 90.5, "exact", "sexual_offences"),
      rate("northamptonshire", 82.7, "exact", "domestic_abuse")]),
    ("bullets", "Kent Police was inspected. Inspectors found that it failed to record:\n- 12 percent of violent crime;\n- 20 "
     "percent of sexual offences.", None, R_,
     [rate("kent", 88.0, "exact", "violence"), rate("kent", 80.0, "exact", "sexual_offences")]),
    ("bullets", "Kent Police was inspected. Key numbers:\n\n• violent crime: 81.0 percent of victims were satisfied;\n• charge "
     "rate: 7 percent.", None, R_, []),
    ("bullets", "Kent Police was inspected. Of the crimes it recorded:\n\n• burglary: 93.0 percent;\n• hate crime: 88.5 percent.",
     None, R_, [rate("kent", 93.0, "exact", "burglary"), rate("kent", 88.5, "exact", "hate_crime")]),
    # ---- A ratio of two numbers said of audited items is an audit sample, not a rate (ANNOTATION; dev5).
    ("audit_ratio", "Staffordshire Police was inspected. We found that 11 out of 15 audited rape reports were correctly recorded.",
     None, R_, []),
    ("audit_ratio", "Kent Police was inspected. It found that nine out of 12 rape reports examined had been recorded.", None, R_, []),
    ("audit_ratio", "Kent Police was inspected. 18 out of 20 sampled crimes against vulnerable victims were recorded.", None, R_, []),
    ("audit_ratio", "Kent Police was inspected. Nine out of 10 crimes reported to the force were recorded, the audit found.", None,
     R_, [rate("kent", 90.0, "approx")]),
    ("audit_ratio", "Kent Police was inspected. In the audit, five out of six crimes were recorded.", None, R_,
     [rate("kent", 83.3, "approx")]),
    # ---- "the figure is", pointing back to the rate the sentence before gave (dev4's "Today the figure is ...").
    ("figure_is", "North Yorkshire Police was inspected. Eight years ago, almost 15 in every 100 crimes did not make it onto the "
     "books. Today the figure is fewer than seven in 100.", None, R_,
     [rate("north_yorkshire", 85.0, "more_than"), rate("north_yorkshire", 93.0, "more_than")]),
    ("figure_is", "Kent Police was inspected. Some years ago it recorded 80 per cent of crimes. Now the figure is 92 per cent.",
     None, R_, [rate("kent", 80.0), rate("kent", 92.0)]),
    ("figure_is", "Kent Police was inspected. It failed to record one in ten crimes. Today the figure is fewer than one in 20.",
     None, R_, [rate("kent", 90.0, "approx"), rate("kent", 95.0, "more_than")]),
    ("figure_is", "Kent Police was inspected. Its charge rate was 7 per cent. Today the figure is 9 per cent.", None, R_, []),
    # ---- A councillor or a panel's chair holds no office of the force; a mayor with a PCC's powers does (dev7).
    ("offices", "Cllr Nasreen Akhtar, chair of the West Yorkshire Police and Crime Panel, said the panel would meet.", None, O_,
     []),
    ("offices", "Councillor Bob Hale, who chairs Kent's police and crime panel, said Kent Police must improve.", None, O_, []),
    ("offices", "The Mayor of West Yorkshire, Hannah Crossfield, holds the powers of the police and crime commissioner. Mayor "
     "Hannah Crossfield said: \"West Yorkshire Police has improved.\"", None, O_,
     [official("Hannah Crossfield", "other", "west_yorkshire")]),
    ("offices", "Greater Manchester mayor Andy Burnham, who holds the police and crime commissioner's powers, said GMP "
     "had let victims down.", None, O_, [official("Andy Burnham", "other", "greater_manchester")]),
    # ---- A clause framed as the national picture after the force the sentence names holds no force's figure (dev7,
    #      cat. 2 A12); the force's own figure before it, or the force spoken of again, stays the force's.
    ("national_frame", "Cheshire's results sit against a national picture in which HMIC estimates that 19 per cent of crimes – "
     "about 800,000 a year – go unrecorded.", None, RU, []),
    ("national_frame", "Cheshire Constabulary recorded 88 per cent of crimes, while nationally, 19 per cent of crimes go "
     "unrecorded.", None, RU, [rate("cheshire", 88.0)]),
    ("national_frame", "Kent Police fails to record 4,000 crimes a year; across England and Wales as a whole, 800,000 crimes go "
     "unrecorded.", None, RU, [count("kent", 4000, per_year=True)]),
    ("national_frame", "Kent Police recorded 91 per cent; nationally, the force's figure of 9 per cent unrecorded put it in the "
     "top ten.", None, R_, [rate("kent", 91.0)]),
    ("national_frame", "Northamptonshire Police recorded 92.4 per cent. The average recording rate across the forces inspected "
     "so far is 91.9 per cent, so Northamptonshire sits a little above it.", None, R_, [rate("northamptonshire", 92.4)]),
    ("national_frame", "North Wales Police recorded 87 per cent and Devon and Cornwall Police 79 per cent, while the average "
     "across our most similar forces was 84 per cent.", None, R_, [rate("north_wales", 87.0), rate("devon_and_cornwall", 79.0)]),
    # ---- What an aside between dashes or brackets names is not said of the figure outside it (dev7): its crime
    #      types, its dates.
    ("aside", "Sussex Police was inspected. Violent crime – a category that takes in everything from common assault to "
     "stalking and harassment – was recorded at a lower rate, 87.2 per cent.", "2021-06-10", R_,
     [rate("sussex", 87.2, "exact", "violence", 2021)]),
    ("aside", "Greater Manchester Police was inspected.\n• Crime recorded overall: 94.2% (2020: 77.7%)", "2025-03-13", R_,
     [rate("greater_manchester", 94.2, year=2025), rate("greater_manchester", 77.7, year=2020)]),
    ("aside", "Kent Police recorded 90 per cent – up from 85 per cent in 2019 – of crimes reported to it.", "2023-01-05", R_,
     [rate("kent", 90.0, year=2023), rate("kent", 85.0, year=2019)]),
    ("aside", "Kent Police recorded 86 per cent of sexual offences (up from 80 per cent in 2019).", "2023-01-05", R_,
     [rate("kent", 86.0, "exact", "sexual_offences", 2023), rate("kent", 80.0, "exact", "sexual_offences", 2019)]),
    # ---- A national figure named a little further after it ("the 81% HMIC found across England and Wales") (dev7).
    ("national_after", "In 2014 Dyfed-Powys Police recorded just under 87 per cent – better than the 81% HMIC found across "
     "England and Wales.", "2015-08-18", R_, [rate("dyfed_powys", 87.0, "less_than", year=2014)]),
    ("national_after", "Kent Police recorded 91 per cent, against 88 per cent for forces across England and Wales.", None, R_,
     [rate("kent", 91.0)]),
    # ---- The same measure put again for another year: "put the figure at" (dev7).
    ("restated", "The inspectorate estimates that about 23,400 crimes reported to GMP each year are not recorded. In 2020 the "
     "inspectorate's previous report put the figure at more than 80,000 a year.", "2025-03-13", (UC,),
     [count("greater_manchester", 23400, "approx", per_year=True, year=2025),
      count("greater_manchester", 80000, "more_than", per_year=True, year=2020)]),
    ("offices", "Greater Manchester's Deputy Mayor for Policing, Crime, Criminal Justice and Fire, Helen Barraclough, said GMP "
     "had turned a corner.", None, O_, [official("Helen Barraclough", "deputy_mayor_for_policing_and_crime", "greater_manchester")]),
    # ---- A list under a short heading ("Key findings") takes its measure from the paragraph above the heading (dev8).
    ("headed_list", "The inspection found that Lincolnshire Police now records 91.4% of reported crime.\n\nKey findings\n\n"
     "• Violent crime: 87.9% (up from 78.0%)\n• Domestic abuse: 90.2%\n", "2017-11-23", R_,
     [rate("lincolnshire", 91.4, year=2017), rate("lincolnshire", 87.9, "exact", "violence", 2017),
      rate("lincolnshire", 78.0, "exact", "violence", 2017), rate("lincolnshire", 90.2, "exact", "domestic_abuse", 2017)]),
    ("headed_list", "Inspectors found Kent Police failed to record too many crimes.\nAt a glance\n- Sexual offences: 12%\n", None,
     R_, [rate("kent", 88.0, "exact", "sexual_offences")]),
    ("headed_list", "Kent Police was inspected.\n\nKey numbers\n\n• Charge rate: 7%\n• Violent crime: 12%\n", None, R_, []),
    ("headed_list", "The watchdog checks how many of the crimes reported to each force it actually puts on its books.\n\nHere "
     "is how they compare:\n\nForce | Rate | Grade\nDurham Constabulary | 95.1% | Good\nCleveland Police | 83.4% | Requires "
     "improvement\n", None, R_, [rate("durham", 95.1), rate("cleveland", 83.4)]),
    ("headed_list", "The watchdog checks how quickly each force answers 999 calls.\n\nHere is how they compare:\n\nForce | "
     "Rate\nDurham Constabulary | 95.1%\nCleveland Police | 83.4%\n", None, R_, []),
    # ---- A force named as a partner ("Its collaboration with Norfolk Constabulary") takes no focus (dev10).
    ("partner", "Suffolk Constabulary was inspected. Its collaboration with Norfolk Constabulary continues to save money.\n\n"
     "Our 2014 audit found that the force had recorded 93 of the 106 crimes we examined.", "2018-03-22", (AS,),
     [{"type": AS, "force": "suffolk", "crime_type": "all_crime", "recorded": 93, "total": 106, "year": 2014}]),
    ("partner", "Kent Police, which works in partnership with Essex Police on serious crime, was inspected. The force "
     "records 92 per cent of crime.", "2018-03-22", R_, [rate("kent", 92.0, year=2018)]),
    # ---- A figure named just after "overall" and its measure noun counts all crime; not the standard of a
    #      comparison ("weaker than its overall figure, at 88.7 per cent") (dev10).
    ("overall", "In Cheshire the gap was sharpest for violence: the constabulary failed to record almost one in three "
     "violent crimes, although its overall figure, 84 per cent, was close to the average.", "2014-11-19", R_,
     [rate("cheshire", 66.7, "more_than", "violence", 2014), rate("cheshire", 84.0, "exact", "all_crime", 2014)]),
    ("overall", "Kent Police recorded 80 per cent of violent crime; its overall recording rate, 91 per cent, was better.",
     "2014-11-19", R_, [rate("kent", 80.0, "exact", "violence", 2014), rate("kent", 91.0, "exact", "all_crime", 2014)]),
    ("overall", "Inspectors said Kent Police's recording of violent crime was weaker than its overall figure, at 88.7 per "
     "cent.", "2023-05-01", R_, [rate("kent", 88.7, "exact", "violence", 2023)]),
    # ---- A grading's date in a relative clause before a main clause in the present is not the figure's (dev10); after
    #      a past main clause it may be ("..., which was rated good in its 2022 PEEL report, was estimated to record").
    ("graded_relative", "Neighbouring Durham Constabulary, which was graded outstanding for crime recording in 2023, "
     "records an estimated 96.8 per cent of crimes.", "2025-06-12", R_, [rate("durham", 96.8, "approx", year=2025)]),
    ("graded_relative", "Durham Constabulary, which was rated good for recording data about crime in its 2022 PEEL "
     "report, was estimated to record about 95.4 per cent of crime.", "2023-06-15", R_,
     [rate("durham", 95.4, "approx", year=2022)]),
    ("graded_relative", "Kent Police, which was judged inadequate in 2019, now records 94 per cent of crime.", "2024-01-10",
     R_, [rate("kent", 94.0, year=2024)]),
    # ---- "never appear in its figures" says a count is unrecorded (dev10).
    ("never_appear", "For sexual offences the Met's rate fell to 77 per cent – meaning that roughly 4,000 sexual offences "
     "reported to the Met each year never appear in its figures.", "2014-11-19", RU,
     [rate("metropolitan", 77.0, "exact", "sexual_offences", 2014),
      count("metropolitan", 4000, "approx", "sexual_offences", per_year=True, year=2014)]),
    ("never_appear", "Kent Police was inspected. About 2,000 crimes a year do not appear in the force's records.", None, (UC,),
     [count("kent", 2000, "approx", per_year=True)]),
    # ---- Figures before "respectively" take the crime types named with them, in order, an elliptical coordination's
    #      two among them ("sexual and violent crime") (dev10).
    ("respectively", "Devon and Cornwall Police was inspected. For sexual offences and violent crime, the force's "
     "recording rates were 89.2 per cent and 87.5 per cent respectively.", None, R_,
     [rate("devon_and_cornwall", 89.2, "exact", "sexual_offences"), rate("devon_and_cornwall", 87.5, "exact", "violence")]),
    ("respectively", "Kent Police was inspected. For sexual and violent crime, the recording rates were 89.2 per cent and "
     "87.5 per cent respectively.", None, R_,
     [rate("kent", 89.2, "exact", "sexual_offences"), rate("kent", 87.5, "exact", "violence")]),
    ("respectively", "Kent Police was inspected. It recorded 91.2 per cent and 86.1 per cent of violence against the "
     "person and sexual offences respectively.", None, R_,
     [rate("kent", 91.2, "exact", "violence"), rate("kent", 86.1, "exact", "sexual_offences")]),
    ("respectively", "Kent Police was inspected. It recorded 89.2 per cent of sexual and violent crime.", None, R_,
     [rate("kent", 89.2, "exact", "sexual_offences")]),
    # ---- "made it onto the system" says recorded (dev10).
    ("on_the_system", "Gloucestershire Constabulary was inspected. In 2022, they found, fewer than three quarters of "
     "reports of domestic abuse made it onto the system.", "2024-04-18", R_,
     [rate("gloucestershire", 75.0, "less_than", "domestic_abuse", 2022)]),
    # ---- A figure of forces named together ("Together, West Mercia and Warwickshire ... were failing to record") is no
    #      one force's (dev10).
    ("forces_together", "Together, West Mercia and Warwickshire – which were run as an alliance until 2019 – were failing "
     "to record more than 11,000 crimes a year.", "2023-05-01", RU, []),
    # ---- A force named as what another is compared with takes no focus; after a paragraph comparing others with
    #      the text's own force, the next paragraph is about that force again (dev6-703, dev8); a plain round-up
    #      switches for good.
    ("compared", "Suffolk's Police and Crime Commissioner, Tom Vesey, said Suffolk Constabulary had not kept pace with "
     "Norfolk.\n\nAssistant Chief Constable Rachel Kearns said the force had begun retraining its call handlers.", None, O_,
     [official("Tom Vesey", "police_and_crime_commissioner", "suffolk"),
      official("Rachel Kearns", "assistant_chief_constable", "suffolk")]),
    ("compared", "Dyfed-Powys Police recorded 90 per cent of crimes. Dyfed-Powys Police welcomed the report.\n\nThe force also "
     "compared favourably with its most similar forces. North Wales Police recorded 87 per cent and Devon and Cornwall "
     "Police 79 per cent.\n\nFor sexual offences the picture was worse: the force recorded only two-thirds of them.", None,
     R_, [rate("dyfed_powys", 90.0), rate("north_wales", 87.0), rate("devon_and_cornwall", 79.0),
          rate("dyfed_powys", 66.7, "approx", "sexual_offences")]),
    ("compared", "Kent Police recorded 90 per cent.\n\nEssex Police recorded 85 per cent.\n\nThe force said it would "
     "improve, and recorded 88 per cent of violent crime.", None, R_,
     [rate("kent", 90.0), rate("essex", 85.0), rate("essex", 88.0, "exact", "violence")]),
    # ---- An FAQ page (dev8): an answer takes its measure from the question above it; "in the region of" is a hedge,
    #      no region; a share restating a count keeps the count for its parts after it; "the rate is".
    ("faq", "Surrey Police was inspected.\nHow many crimes did we fail to record?\nThe inspectorate estimates that we fail to "
     "record in the region of 7,100 crimes a year. That is just over one in ten of the crimes reported to us.\nAround 2,900 "
     "of those are violent crimes and approximately 260 are sexual offences.\n\nSo what is our recording rate?\n"
     "Approximately 89.6 per cent for all crime. For violent crime the rate is 84.3 per cent.", "2018-08-09", RU,
     [count("surrey", 7100, "approx", per_year=True, year=2018), rate("surrey", 90.0, "less_than", year=2018),
      count("surrey", 2900, "approx", "violence", per_year=True, year=2018),
      count("surrey", 260, "approx", "sexual_offences", per_year=True, year=2018),
      rate("surrey", 89.6, "approx", year=2018), rate("surrey", 84.3, "exact", "violence", 2018)]),
    ("faq", "Kent Police was inspected.\nHow many officers do we have?\nApproximately 3,600, or 92 per cent of our target.",
     None, RU, []),
    # ---- A crime type after a figure's bracket; a count put as "the equivalent of" a typed rate takes its type (dev8).
    ("type_after_bracket", "Dyfed-Powys Police was inspected. We estimate the force records 84.7 percent (+/- 3.72 percent) of "
     "reported violence offences.", None, R_, [rate("dyfed_powys", 84.7, "approx", "violence")]),
    ("type_after_bracket", "Kent Police records 91 per cent (up from 85 per cent) of sexual offences.", None, R_,
     [rate("kent", 91.0, "exact", "sexual_offences"), rate("kent", 85.0, "exact", "sexual_offences")]),
    ("rate_consequence", "West Yorkshire Police was inspected. About 8 per cent of violent offences reported to the force are "
     "not recorded, the equivalent of around 5,500 crimes a year.", None, (UC,),
     [count("west_yorkshire", 5500, "approx", "violence", per_year=True)]),
    # ---- A table's rows run into one line of any length (dev9): each force takes the figure right after it, and the
    #      measure comes from the line that opens the list; a line of prose naming forces is no table.
    ("flattened_rows", "The share of crimes in each sample that had been recorded was:\n\nStaffordshire 96%, Kent 90%, "
     "Sussex 89%, Cleveland 89%, West Yorkshire 86%, Essex 85%, Greater Manchester 83%, Lancashire 80%.", None, R_,
     [rate("staffordshire", 96.0), rate("kent", 90.0), rate("sussex", 89.0), rate("cleveland", 89.0),
      rate("west_yorkshire", 86.0), rate("essex", 85.0), rate("greater_manchester", 83.0), rate("lancashire", 80.0)]),
    ("flattened_rows", "Inspectors checked how many crimes each force recorded. Results:\nDurham: 94.1 per cent, Cleveland: "
     "83.9 per cent, Northumbria: 88.4 per cent, Cumbria: 90.2 per cent, North Yorkshire: 86.0 per cent, Humberside: 85.5 "
     "per cent.", None, R_,
     [rate("durham", 94.1), rate("cleveland", 83.9), rate("northumbria", 88.4), rate("cumbria", 90.2),
      rate("north_yorkshire", 86.0), rate("humberside", 85.5)]),
    ("flattened_rows", "The proportion of violent crimes recorded by each force in the region:\nKent (81%), Surrey (79%), "
     "Sussex (84%), Hampshire (77%), Thames Valley (80%), Essex (78%), Hertfordshire (82%).", None, R_,
     [rate("kent", 81.0, "exact", "violence"), rate("surrey", 79.0, "exact", "violence"),
      rate("sussex", 84.0, "exact", "violence"), rate("hampshire", 77.0, "exact", "violence"),
      rate("thames_valley", 80.0, "exact", "violence"), rate("essex", 78.0, "exact", "violence"),
      rate("hertfordshire", 82.0, "exact", "violence")]),
    # negatives: what the row figures measure is not recording; shares of budget said in a long sentence of prose
    ("flattened_rows", "The share of each force's budget spent on call handling was:\nKent 12%, Essex 9%, Sussex 11%, "
     "Surrey 10%, Hampshire 8%, Dorset 7%, Wiltshire 9%, Gwent 6%.", None, R_, []),
    ("flattened_rows", "Kent was praised, Essex was criticised and Sussex was told that Surrey, Hampshire and Dorset had all "
     "done better than it had in the year before, when 70 per cent of officers said morale was low.", None, R_, []),
    # ---- "... that should have been recorded were not": the verb's denial, not a share of the records (dev9).
    ("elliptical_denial", "In Devon and Cornwall, nearly a quarter of crimes that should have been recorded were not.", None,
     R_, [rate("devon_and_cornwall", 75.0, "more_than")]),
    ("elliptical_denial", "Kent Police was inspected. About 12 per cent of the crimes that ought to have been recorded "
     "were not, inspectors said.", None, R_, [rate("kent", 88.0, "approx")]),
    ("elliptical_denial", "Essex Police was inspected. One in five of the violent crimes that should have been recorded were "
     "not.", None, R_, [rate("essex", 80.0, "approx", "violence")]),
    ("elliptical_denial", "Surrey Police was inspected. 60 per cent of the crimes recorded were not violent.", None, R_, []),
    ("elliptical_denial", "Surrey Police was inspected. 60 per cent of the crimes recorded were violent.", None, R_, []),
    # ---- Bullets under a line that frames them as an estimate and opens them with a colon are estimates (dev9).
    ("estimate_heading", "Lincolnshire Police was inspected.\n\nWe estimate that the force records:\n• 86.8 percent "
     "(+/- 3.54 percent) of violence against the person offences; and\n• 93.1 percent (+/- 2.97 percent) of sexual "
     "offences (including rape).", None, R_,
     [rate("lincolnshire", 86.8, "approx", "violence"), rate("lincolnshire", 93.1, "approx", "sexual_offences")]),
    ("estimate_heading", "Kent Police was inspected. Inspectors have estimated the following recording rates:\n- all crime: "
     "91.2 per cent\n- violent crime: 88.0 per cent", None, R_,
     [rate("kent", 91.2, "approx"), rate("kent", 88.0, "approx", "violence")]),
    ("estimate_heading", "Essex Police was inspected.\nOur audit found that the force records:\n• 86.8 percent of violence "
     "against the person offences; and\n• 93.1 percent of sexual offences.", None, R_,
     [rate("essex", 86.8, "exact", "violence"), rate("essex", 93.1, "exact", "sexual_offences")]),
    ("estimate_heading", "Essex Police was inspected. It is estimated that 9,000 crimes go unrecorded. The force records:\n"
     "• 90.1 per cent of all crime.", None, R_, [rate("essex", 90.1)]),
    # ---- Bullets under a line that frames them as the national picture and opens them with a colon are national;
    #      a margin of error said in words is no rate; a figure of several forces together is no one force's (dev9).
    ("national_bullets", "West Midlands Police recorded 81% of the crimes inspectors checked.\n\nHMIC says that nationally:\n"
     "• about 19% of crimes reported to police are not recorded\n• for sexual offences the figure is 26%\n• for violence "
     "against the person it is 33%\n\nShare", None, R_, [rate("west_midlands", 81.0)]),
    ("national_bullets", "Kent Police recorded 90 per cent of crimes. Across England and Wales as a whole:\n- 81 per cent "
     "of crimes were recorded\n- 74 per cent of sexual offences were recorded", None, R_, [rate("kent", 90.0)]),
    ("national_bullets", "Kent Police was inspected. Nationally, the picture is mixed. The force's own figures:\n• about 19% "
     "of crimes reported to it are not recorded", None, R_, [rate("kent", 81.0, "approx")]),
    ("margin_in_words", "Cleveland Police was inspected. The reports carry margins of error of up to 10 per cent either way.",
     None, R_, []),
    ("margin_in_words", "Kent Police records 91 per cent of crimes, with a margin of error of 2.1 per cent.", None, R_,
     [rate("kent", 91.0)]),
    ("margin_in_words", "Essex Police records 88.4 per cent of crime, give or take 1.5 per cent.", None, R_,
     [rate("essex", 88.4)]),
    ("forces_together", "Northamptonshire Police was inspected. The inspectorate said the two alliance forces between them "
     "failed to record more than 14,000 crimes a year.", None, RU, []),
    ("forces_together", "Kent Police fails to record 5,000 crimes a year. Together with Essex, the two forces miss 9,000 "
     "crimes.", None, RU, [count("kent", 5000, per_year=True)]),
    ("forces_together", "Warwickshire and West Mercia police forces each recorded 88 per cent of crimes.", None, R_,
     [rate("warwickshire", 88.0), rate("west_mercia", 88.0)]),
    # ---- A crime type as the topic of a sentence with no figure: the next sentence's bare figure counts it (dev9).
    ("topic_before", "Lancashire Police was inspected. The picture on sexual offences was little better. An estimated 540 a "
     "year are not being recorded.", None, RU, [count("lancashire", 540, "approx", "sexual_offences", per_year=True)]),
    ("topic_before", "Lancashire Police was inspected. Rape was a particular concern. The force failed to record 12 per "
     "cent.", None, R_, [rate("lancashire", 88.0, "exact", "rape")]),
    ("topic_before", "Kent Police was inspected.\n\nBurglary\n\nInspectors estimate the force records about 95 per cent.",
     None, R_, [rate("kent", 95.0, "approx", "burglary")]),
    ("topic_before", "Lancashire Police was inspected. Rape was a particular concern. The force failed to record 12 per "
     "cent of all crime.", None, R_, [rate("lancashire", 88.0)]),
    ("topic_before", "Lancashire Police was inspected. Rape and burglary were concerns. The force failed to record 12 per "
     "cent.", None, R_, [rate("lancashire", 88.0)]),
    # ---- A figure restating the measure of the sentence before ("puts that figure at", "that figure rose to") takes its
    #      cue and its crime type from there (dev7, dev9); a restated share of something else stays nothing.
    ("restated", "When HMICFRS last examined crime recording in Gloucestershire, in 2019, it estimated that the force was "
     "recording 83.1 per cent of crimes reported to it. The new report puts that figure at 92.4 per cent.", "2022-03-24", R_,
     [rate("gloucestershire", 83.1, "approx", year=2019), rate("gloucestershire", 92.4, year=2022)]),
    ("restated", "Dyfed-Powys Police recorded 83 per cent of violent crime in 2014. By 2015 that figure rose to 91 percent.",
     "2016-02-01", R_, [rate("dyfed_powys", 83.0, "exact", "violence", 2014), rate("dyfed_powys", 91.0, "exact", "violence", 2015)]),
    ("restated", "Kent Police failed to record 12 per cent of sexual offences. Last year the figure was 18 per cent.",
     "2019-05-01", R_, [rate("kent", 88.0, "exact", "sexual_offences", 2019), rate("kent", 82.0, "exact", "sexual_offences", 2018)]),
    ("restated", "Kent Police has 3,000 officers, 12 per cent of them new. The new report puts that figure at 15 per cent.",
     None, R_, []),
    ("restated", "HMICFRS estimates that Heddlu Dyfed-Powys now records 93.4 per cent of reported crime. In 2014, the "
     "equivalent figure from the inspectors' audit was 81 per cent.", "2025-03-12", R_,
     [rate("dyfed_powys", 93.4, "approx", year=2025), rate("dyfed_powys", 81.0, year=2014)]),
    ("restated", "Kent Police records 90 per cent of violent crime. Five years ago the comparable rate was 78 per cent.",
     "2025-03-12", R_, [rate("kent", 90.0, "exact", "violence", 2025), rate("kent", 78.0, "exact", "violence", 2020)]),
    # ---- A date set off by a comma after an earlier inspection the figure's clause names dates the figure (dev9).
    ("earlier_inspection_date", "We estimate that South Wales Police records 92.6 percent of reported crime. That is below "
     "the 96.1 percent we estimated at our last crime data integrity inspection, in 2018.", "2022-05-19", R_,
     [rate("south_wales", 92.6, "approx", year=2022), rate("south_wales", 96.1, "approx", year=2018)]),
    ("earlier_inspection_date", "Kent Police now records 95 per cent of crime, against 88 per cent at the previous PEEL "
     "inspection, in 2017.", "2022-05-19", R_, [rate("kent", 95.0, year=2022), rate("kent", 88.0, year=2017)]),
    ("earlier_inspection_date", "Essex Police recorded 85 per cent of crimes in its first crime data integrity report, "
     "published in 2016.", "2022-05-19", R_, [rate("essex", 85.0, year=2016)]),
    ("earlier_inspection_date", "Kent Police recorded 92 per cent this year; its last inspection, in 2016, found 85 per "
     "cent.", "2022-05-19", R_, [rate("kent", 92.0, year=2022), rate("kent", 85.0, year=2016)]),
    # ---- Readers' comments under a "Comments" header after most of the text state nothing of the article; a share
    #      bar's "Comments (12)" under the headline heads nothing (dev7, dev10).
    ("comments", "West Midlands Police records 75 per cent of violent crime, inspectors said. The force said it would "
     "improve, and the chief constable said he was proud of the staff who had worked to put things right.\n\nComments\n"
     "Dave Kinnear\nNearly a quarter unrecorded in some places? Half the stuff never gets recorded.", "2014-11-18", R_,
     [rate("west_midlands", 75.0, "exact", "violence", 2014)]),
    ("comments", "Sussex Police records 91 per cent of crime, the inspectorate said in a report out today, and it is "
     "better than it was. The chief constable said the force had worked hard on its crime recording over the last two "
     "years, and would keep at it.\n\nShow 14 comments\nJules_B · 2 hours ago\nReport a burglary and you get a leaflet. Not "
     "surprised half the stuff never gets recorded.", "2021-05-01", R_, [rate("sussex", 91.0, year=2021)]),
    ("comments", "Comments (12)\nKent Police records 90 per cent of crime, the report says. His comments were noted.",
     "2021-05-01", R_, [rate("kent", 90.0, year=2021)]),
    # ---- A share of an earlier figure ("well under half the figure of six years ago") is a multiple, no rate (dev10).
    ("multiple", "Cleveland Police now fails to record around 3,100 crimes a year – well under half the figure of six "
     "years ago.", "2025-06-12", R_, []),
    ("multiple", "Kent's rate of unrecorded crime is now a third the rate it was. The force records 95 per cent of crime.",
     "2025-06-12", R_, [rate("kent", 95.0, year=2025)]),
    ("multiple", "North Wales Police was inspected. Around 1,800 crimes a year are not recorded – fewer than half the number "
     "the inspectorate estimated in 2018.", "2021-06-01", R_, []),
    ("multiple", "Kent Police records 94 per cent of crime, and now misses about a quarter the total it missed before.",
     "2021-06-01", R_, [rate("kent", 94.0, year=2021)]),
    # a fire service's chief officer gives no official finding (ANNOTATION.md, dev8)
    ("fire_officer", "North Yorkshire Police was inspected. Chief Fire Officer Owen Talbot said the service accepted the "
     "findings, and Chief Constable Lisa Winward welcomed them.", None, O_,
     [official("Lisa Winward", "chief_constable", "north_yorkshire")]),
    # the clause after the name speaks of the force: a rank in it (dev7)
    ("inspector", "HMIC inspected Nottinghamshire Police. Inspector Dawn Clifton, who runs the force's crime management "
     "bureau, said her team checked every incident.", None, O_, [official("Dawn Clifton", "other", "nottinghamshire")]),
    ("inspector", "HMIC inspected Kent Police. Inspector Sam Ray, who leads the constabulary's review team, agreed.", None, O_,
     [official("Sam Ray", "other", "kent")]),
    ("inspector", "HMIC inspected Kent Police. Inspector Harriet Vale said the force still had much to do.", None, O_,
     [official("Harriet Vale", "hm_inspector_of_constabulary", "hmicfrs")]),
    # "our" in the clause after the name: the force's own rank, as a chief constable speaks (dev13)
    ("inspector", "HMIC inspected Wiltshire Police. Inspector Gary Tanswell, who runs our crime standards team, now has nine "
     "auditors.", None, O_, [official("Gary Tanswell", "other", "wiltshire")]),
    ("inspector", "HMIC inspected Gwent Police. Inspector Carys Powell, who manages our incident unit, said call handlers were "
     "retrained.", None, O_, [official("Carys Powell", "other", "gwent")]),
    # ---- A ranked list gives the unit once, at its first figure; the rest are bare decimals (dev12)
    ("ranked", "Durham Constabulary tops the table with 96.4 per cent of crimes recorded, then Kent (94.3) and Surrey "
     "(91.9).", "2020-02-09", R_, [rate("durham", 96.4, year=2020), rate("kent", 94.3, year=2020),
                                  rate("surrey", 91.9, year=2020)]),
    ("ranked", "Recording rates ranged from 95.1 per cent in Cumbria down through Cleveland at 83.4 and, last of all, "
     "Gwent at 80.2.", "2020-02-09", R_, [rate("cumbria", 95.1, year=2020), rate("cleveland", 83.4, year=2020),
                                          rate("gwent", 80.2, year=2020)]),
    ("ranked", "Best was Norfolk Constabulary, recording 97.2 per cent of crime; Suffolk and Essex Police (both 90.6) were "
     "mid-table.", "2019-05-01", R_, [rate("norfolk", 97.2, year=2019), rate("suffolk", 90.6, year=2019),
                                      rate("essex", 90.6, year=2019)]),
    # negatives: a decimal with its own noun, or with no percentage before it on its line
    ("ranked", "Kent Police records 94.3 per cent of crimes and has 1.5 officers per 1,000 people.", "2020-02-09", R_,
     [rate("kent", 94.3, year=2020)]),
    ("ranked", "Kent Police was inspected.\nSurrey Police (91.9) was not.", "2020-02-09", R_, []),
    # ---- One hedge and one rate period over a list of counts, each with its crime type (ANNOTATION: "One hedge over
    # a list"), the verb after the list (dev13)
    ("count_list", "Cleveland Police was audited. The chief said that roughly 350 sexual offences and 1,600 violent crimes a "
     "year were not being recorded.", "2014-01-29", RU,
     [count("cleveland", 350, "approx", "sexual_offences", True, 2014), count("cleveland", 1600, "approx", "violence", True, 2014)]),
    ("count_list", "Kent Police failed to record an estimated 5,100 violent crimes, 900 sexual offences and 270 rapes a year.",
     "2014-01-29", RU, [count("kent", 5100, "approx", "violence", True, 2014),
                        count("kent", 900, "approx", "sexual_offences", True, 2014), count("kent", 270, "approx", "rape", True, 2014)]),
    ("count_list", "About 400 domestic abuse crimes and 120 hate crimes each year go unrecorded by Essex Police.", "2019-01-29",
     RU, [count("essex", 400, "approx", "domestic_abuse", True, 2019), count("essex", 120, "approx", "hate_crime", True, 2019)]),
    # negatives: a period with the first count is its own; the same crime type twice is no list
    ("count_list", "Kent Police fails to record roughly 1,100 sexual offences annually and close to 3,000 domestic abuse "
     "crimes.", "2014-01-29", RU, [count("kent", 1100, "approx", "sexual_offences", True, 2014),
                                    count("kent", 3000, "less_than", "domestic_abuse", True, 2014)]),
    # ---- Recording said as putting crimes on the crime system (dev13); a year after a duration with a hyphen
    ("put_on", "CLEVELAND Police failed to put almost one in seven of the sexual offences reported to it on to the crime "
     "system during a three-month spell last summer.", "2014-01-29", R_,
     [rate("cleveland", 85.7, "more_than", "sexual_offences", 2013)]),
    ("put_on", "Gwent Police did not put 12 per cent of reported crimes on its system in the first half of last year.",
     "2016-03-01", R_, [rate("gwent", 88.0, "exact", year=2015)]),
    ("put_on", "Kent Police failed to put victims first, and 20 per cent of its officers said so.", "2016-03-01", R_, []),
    # ---- A figure denied ("It did not say ..."), a chance rather than a rate, a related story's headline (dev13)
    ("denied", "Staffordshire Police was inspected in 2014. It did not say the force failed to record a third of crime.",
     "2017-03-14", R_, []),
    ("denied", "Kent Police was inspected. The report never claimed that the force recorded only 60 per cent of crime.",
     "2017-03-14", R_, []),
    ("denied", "Kent Police was inspected. It did not say much, but the force recorded 90 per cent of crime.", "2017-03-14",
     R_, []),
    ("chance", "Staffordshire Police was inspected. If you were burgled, there was a one-in-three chance that it never "
     "happened.", "2017-03-14", R_, []),
    # a ranked list's numbered rows under a heading, a heading inside the list ("Lowest") reading up past the rows above
    # it; each row's year in brackets dates its rate (dev14)
    ("ranked_rows", "How the forces compare\nRecording rate and grade at the most recent PEEL inspection (year of report in "
     "brackets)\nHighest\n1. Durham Constabulary – 97.3% – Outstanding (2023)\n2. Surrey Police – 96.1% – Good (2022)\n"
     "Lowest\n40. GMP – 85.7% – Adequate (2023)\n", "2024-11-04", R_,
     [rate("durham", 97.3, year=2023), rate("surrey", 96.1, year=2022), rate("greater_manchester", 85.7, year=2023)]),
    ("ranked_rows", "Crime recording rates, best first:\n1. Kent Police 95.2% (2019)\n2. Essex Police 94.0% (2021)\n",
     "2022-01-10", R_, [rate("kent", 95.2, year=2019), rate("essex", 94.0, year=2021)]),
    ("ranked_rows", "Share of crimes recorded, by force\nTop\n1) Dorset Police: 96%\nBottom\n43) Gwent Police: 82%\n",
     "2022-01-10", R_, [rate("dorset", 96.0, year=2022), rate("gwent", 82.0, year=2022)]),
    # (dev14) recording said through logging or making it onto the system; an elliptical present-tense "are not."
    ("logged", "Derbyshire police 'require improvement' on recording crime\n\nForce logs roughly nine in every ten crimes "
     "reported to it", "2018-11-08", R_, [rate("derbyshire", 90.0, "approx", year=2018)]),
    ("logged", "Staffordshire Police was inspected in 2022, when inspectors said the force was failing to log roughly 8,700 "
     "crimes a year.", "2025-05-02", RU, [count("staffordshire", 8700, "approx", per_year=True, year=2022)]),
    ("logged", "Kent Police was inspected. An estimated 90.2 per cent of crimes reported to Kent Police are now recorded, "
     "meaning about 6,300 crimes each year are not.", "2018-11-08", RU,
     [rate("kent", 90.2, "approx", year=2018), count("kent", 6300, "approx", per_year=True, year=2018)]),
    ("logged", "Kent Police was inspected. They examined 182 domestic abuse crimes and found just 144 of them had made it "
     "onto the force's crime system, or around 79 out of every 100.", "2018-11-08", R_,
     [rate("kent", 79.0, "approx", crime_type="domestic_abuse", year=2018)]),
    # a confidence interval's level and bounds are no rate; a range's bounds are more_than / less_than (dev14, as dev8
    # reads a range of counts)
    ("interval", "Leicestershire Police was inspected. The recording rate is an estimate drawn from a sample, so we give it "
     "with a 95 percent confidence interval: the true figure is likely to lie between 90.9 and 94.3 percent.", "2024-01-01",
     R_, []),
    ("interval", "Kent Police records 92.6 per cent of crime, with a confidence interval of plus or minus 1.5 per cent.",
     "2024-01-01", R_, [rate("kent", 92.6, year=2024)]),
    ("interval", "Kent Police records between 88.1 and 91.5 per cent of crime, inspectors said.", "2024-01-01", R_,
     [rate("kent", 88.1, "more_than", year=2024), rate("kent", 91.5, "less_than", year=2024)]),
    ("interval", "Kent Police fails to record between 8 and 10 per cent of crime.", "2024-01-01", RU,
     [rate("kent", 90.0, "more_than", year=2024)]),
    # a rate after advert lines that break its sentence keeps the crime type the sentence opened on (dev14)
    ("advert_wrap", "Cheshire Constabulary was inspected.\nFor domestic abuse the picture was less rosy, with inspectors "
     "finding that\nAdvertisement\nHide Ad\naround one in eight crimes disclosed by victims had not been recorded.",
     "2022-08-18", R_, [rate("cheshire", 87.5, "approx", crime_type="domestic_abuse", year=2022)]),
    ("advert_wrap", "Kent Police was inspected.\nFor rape the figure was better, with the force recording\nAdvertisement\n"
     "Story continues below\nabout 96 per cent of reports.", "2022-08-18", R_,
     [rate("kent", 96.0, "approx", crime_type="rape", year=2022)]),
    ("advert_wrap", "Kent Police was inspected.\nFor violent crime, inspectors found the force failed to record\nSkip Ad\n"
     "one in ten reports.", "2022-08-18", R_, [rate("kent", 90.0, "approx", crime_type="violence", year=2022)]),
    # a surname of two words or a hyphen stands for the full name given earlier (dev14)
    ("full_name", "Cheshire Constabulary was inspected. The force's Assistant Chief Constable, Nadia Okonedo-Price, said the "
     "force was pleased.\nACC Okonedo-Price added that the force had worked hard.", "2022-08-18", O_,
     [official("Nadia Okonedo-Price", "assistant_chief_constable", "cheshire")] * 2),
    ("full_name", "Dyfed-Powys Police was inspected. Police and Crime Commissioner Rhodri ap Gwynfor welcomed it.\n"
     "Commissioner ap Gwynfor said more was to come.", "2020-06-01", O_,
     [official("Rhodri ap Gwynfor", "police_and_crime_commissioner", "dyfed_powys")]),
    ("full_name", "South Yorkshire Police left Engage. Insp Rhiannon Pask, who leads that team, said it had reviewed 9,000 "
     "incidents.", "2025-06-01", O_, [official("Rhiannon Pask", "other", "south_yorkshire")]),
    ("related_links", "Bedfordshire Police was inspected.\n\nMore on this story\n\nPolice 'failing to record' 80 per cent "
     "of crimes\n18 November 2014\n\nBedfordshire force records 70 per cent\n3 September 2015", "2015-11-20", R_, []),
    ("related_links", "Related Topics\nBedfordshire Police\n\nImage caption,\nBedfordshire Police records 91 per cent of "
     "crime, the inspectors said", "2015-11-20", R_, [rate("bedfordshire", 91.0, year=2015)]),
]


@pytest.mark.parametrize("kind, text, date, types, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_real_coverage_constructions(nlp: Language, kind: str, text: str, date: str | None, types: tuple[str, ...],
                                     expected: list[dict[str, Any]]) -> None:
    doc = nlp.make_doc(text)
    doc._.article_date = date
    found = list(nlp(doc)._.findings)
    assert _judged(found, types) == _judged(expected, types)


# (text, entities as the entity components are being taught to tag them, types judged, findings)
LINKED: list[tuple[str, str, list[tuple[Any, ...]], tuple[str, ...], list[dict[str, Any]]]] = [
    # ---- Spelled-out percentages, once tagged one PERCENT (cat. 1 A10).
    ("spelled", "Roughly eighty-seven percent of crimes reported to Staffordshire Police end up recorded.",
     [("Roughly eighty-seven percent", "PERCENT", pct(87.0, "approx")), ("Staffordshire Police", "FORCE", "staffordshire")],
     R_, [rate("staffordshire", 87.0, "approx")]),
    ("spelled", "Staffordshire Police records eighty-seven per cent of the crimes reported to it.",
     [("Staffordshire Police", "FORCE", "staffordshire"), ("eighty-seven per cent", "PERCENT", pct(87.0))],
     R_, [rate("staffordshire", 87.0)]),
    ("spelled", "Staffordshire Police fails to record twenty-two per cent of crimes.",
     [("Staffordshire Police", "FORCE", "staffordshire"), ("twenty-two per cent", "PERCENT", pct(22.0))],
     RU, [rate("staffordshire", 78.0)]),
    ("spelled", "Nearly thirty per cent of violent crimes reported to Kent Police were not recorded.",
     [("Nearly thirty per cent", "PERCENT", pct(30.0, "less_than")), ("violent crimes", "CRIME_TYPE", "violence"),
      ("Kent Police", "FORCE", "kent")], R_, [rate("kent", 70.0, "more_than", "violence")]),
    ("spelled", "Kent Police now records ninety-one point four per cent of all crime.",
     [("Kent Police", "FORCE", "kent"), ("ninety-one point four per cent", "PERCENT", pct(91.4))], R_, [rate("kent", 91.4)]),
    # ---- A bare "Inspector": of the inspectorate, or a police rank (cat. 2 A17; ANNOTATION).
    ("inspector", "The inspectorate published its report on Essex Police. Inspector Harriet Vale said the force still had much to "
     "do on crime recording.",
     [("Essex Police", "FORCE", "essex"), ("Inspector", "ROLE", "other"), ("Harriet Vale", "PERSON")],
     O_, [official("Harriet Vale", "hm_inspector_of_constabulary", "hmicfrs")]),
    ("inspector", "HMICFRS inspected Essex Police. Inspector Tom Reed, who runs Essex Police's crime bureau, said the findings "
     "were fair.",
     [("HMICFRS", "INSPECTORATE", "hmicfrs"), ("Essex Police", "FORCE", "essex"), ("Inspector", "ROLE", "other"),
      ("Tom Reed", "PERSON"), ("Essex Police", "FORCE", "essex")],
     O_, [official("Tom Reed", "other", "essex")]),
    ("inspector", "HMICFRS inspected Kent Police. Kent Police Inspector Sam Cole said the team had worked hard.",
     [("HMICFRS", "INSPECTORATE", "hmicfrs"), ("Kent Police", "FORCE", "kent"), ("Kent Police", "FORCE", "kent"),
      ("Inspector", "ROLE", "other"), ("Sam Cole", "PERSON")],
     O_, [official("Sam Cole", "other", "kent")]),
    ("inspector", "Her Majesty's Inspectorate of Constabulary looked at Kent Police. Inspector Ruth Hale said Kent Police had "
     "improved.",
     [("Her Majesty's Inspectorate of Constabulary", "INSPECTORATE", "hmicfrs"), ("Kent Police", "FORCE", "kent"),
      ("Inspector", "ROLE", "hm_inspector_of_constabulary"), ("Ruth Hale", "PERSON"), ("Kent Police", "FORCE", "kent")],
     O_, [official("Ruth Hale", "hm_inspector_of_constabulary", "hmicfrs")]),
    ("inspector", "Kent Police held a briefing. Inspector Dan Moss of Kent Police explained the new crime bureau.",
     [("Kent Police", "FORCE", "kent"), ("Inspector", "ROLE", "other"), ("Dan Moss", "PERSON"), ("Kent Police", "FORCE", "kent")],
     O_, [official("Dan Moss", "other", "kent")]),
    # ---- A lower-case surname is part of the person's name (cat. 2 A18).
    ("lower_surname", "Wiltshire's Police and Crime Commissioner Peter holm issued a statement welcoming the findings.",
     [("Police and Crime Commissioner", "ROLE", "police_and_crime_commissioner"), ("Peter holm", "PERSON")],
     O_, [official("Peter holm", "police_and_crime_commissioner", "wiltshire")]),
    ("lower_surname", "Chief Constable jo da silva said Kent Police accepted the findings. Later Ms silva added more.",
     [("Chief Constable", "ROLE", "chief_constable"), ("jo da silva", "PERSON"), ("Kent Police", "FORCE", "kent")],
     O_, [official("jo da silva", "chief_constable", "kent")]),
    ("lower_surname", "Dorset Police was inspected. Anna van dyke, the force's deputy chief constable, welcomed it.",
     [("Dorset Police", "FORCE", "dorset"), ("Anna van dyke", "PERSON"), ("deputy chief constable", "ROLE", "deputy_chief_constable")],
     O_, [official("Anna van dyke", "deputy_chief_constable", "dorset")]),
    # a name set off by commas after its title (dev6)
    ("lower_surname", "Leicestershire's police and crime commissioner, Derek mallory, said he would ask for a report.",
     [("police and crime commissioner", "ROLE", "police_and_crime_commissioner"), ("Derek mallory", "PERSON")],
     O_, [official("Derek mallory", "police_and_crime_commissioner", "leicestershire")]),
    ("lower_surname", "Kent's chief constable, Alan pugh, who is new in post, welcomed it.",
     [("Kent", "FORCE", "kent"), ("chief constable", "ROLE", "chief_constable"), ("Alan pugh", "PERSON")],
     O_, [official("Alan pugh", "chief_constable", "kent")]),
    # ---- Two forces under one plural head, or with "each"/"both", share the figure (cat. 2 A13), once both are tagged.
    ("joint", "Warwickshire and West Mercia police forces each recorded 88 per cent of crimes.",
     [("Warwickshire", "FORCE", "warwickshire"), ("West Mercia police forces", "FORCE", "west_mercia"),
      ("88 per cent", "PERCENT", pct(88.0))], R_, [rate("warwickshire", 88.0), rate("west_mercia", 88.0)]),
    ("joint", "Durham and Cleveland Constabularies both recorded about 90 per cent of reported crime.",
     [("Durham", "FORCE", "durham"), ("Cleveland Constabularies", "FORCE", "cleveland"),
      ("about 90 per cent", "PERCENT", pct(90.0, "approx"))], R_, [rate("durham", 90.0, "approx"), rate("cleveland", 90.0, "approx")]),
    ("joint", "Kent Police and Essex Police each record over 90 per cent of crimes.",
     [("Kent Police", "FORCE", "kent"), ("Essex Police", "FORCE", "essex"), ("over 90 per cent", "PERCENT", pct(90.0, "more_than"))],
     R_, [rate("kent", 90.0, "more_than"), rate("essex", 90.0, "more_than")]),
    ("joint", "Durham, unlike neighbouring Cleveland Police, recorded 93 per cent of crimes.",
     [("Durham", "FORCE", "durham"), ("Cleveland Police", "FORCE", "cleveland"), ("93 per cent", "PERCENT", pct(93.0))], R_,
     [rate("durham", 93.0)]),
    ("joint", "Kent Police and Essex Police recorded 88 per cent and 91 per cent respectively.",
     [("Kent Police", "FORCE", "kent"), ("Essex Police", "FORCE", "essex"), ("88 per cent", "PERCENT", pct(88.0)),
      ("91 per cent", "PERCENT", pct(91.0))], R_, [rate("kent", 88.0), rate("essex", 91.0)]),
    # ---- A force named inside a relative clause after the sentence's first force is not the sentence's topic (dev9).
    ("relative_clause", "Warwickshire Police, which shares its control room with West Mercia under the strategic alliance, "
     "records an estimated 85.1 per cent of crime.\n\nAt the force, inspectors found 12 per cent of rapes unrecorded.",
     [("Warwickshire Police", "FORCE", "warwickshire"), ("West Mercia", "FORCE", "west_mercia"),
      ("an estimated 85.1 per cent", "PERCENT", pct(85.1, "approx")), ("12 per cent", "PERCENT", pct(12.0)),
      ("rapes", "CRIME_TYPE", "rape")], R_,
     [rate("warwickshire", 85.1, "approx"), rate("warwickshire", 88.0, "exact", "rape")]),
    ("joint", "Kent Police, like Essex Police, recorded 88 per cent of crimes.",
     [("Kent Police", "FORCE", "kent"), ("Essex Police", "FORCE", "essex"), ("88 per cent", "PERCENT", pct(88.0))], R_,
     [rate("kent", 88.0)]),
    # ---- "up to" meaning risen, once the span is the figure alone (cat. 2 B8): still exact.
    ("risen_span", "Kent Police was inspected.\n• Domestic abuse: recording now up to 93% (from 85%)",
     [("Kent Police", "FORCE", "kent"), ("Domestic abuse", "CRIME_TYPE", "domestic_abuse"), ("93%", "PERCENT", pct(93.0)),
      ("85%", "PERCENT", pct(85.0))], R_, [rate("kent", 93.0, "exact", "domestic_abuse"), rate("kent", 85.0, "exact", "domestic_abuse")]),
]


@pytest.mark.parametrize("kind, text, ents, types, expected", LINKED, ids=[f"{c[0]}-{i}" for i, c in enumerate(LINKED)])
def test_real_coverage_linking(kind: str, text: str, ents: list[tuple[Any, ...]], types: tuple[str, ...],
                               expected: list[dict[str, Any]]) -> None:
    found = Linker(lexicon())(make_doc(text, ents))
    assert _judged(found, types) == _judged(expected, types)


def _sentence_of(nlp: Language, text: str) -> Any:
    sents = list(nlp(text).sents)
    return lambda words: next(i for i, s in enumerate(sents) if words in s.text)


# A single line break before a lower-case word continues the sentence; a line break before a capital ends it.
WRAPPED_LINES = [
    ("The force recorded 84.7% of the violent offences reported to it \nwere recorded.", [("84.7%", "were recorded")], []),
    ("It was 91 per cent of\ncrimes, said the report.", [("91 per cent", "said the report")], []),
    ("Just 84.7% of the violent offences\nreported to the force\nwere recorded.", [("84.7%", "reported to"), ("84.7%", "were recorded")], []),
    ("How the force did \nSussex Police now records 90.5% of reported crime.", [], [("How the force did", "Sussex Police")]),
    ("The inspection found for Suffolk Constabulary:\n• 11 out of 15 audited rape reports were recorded;\n• all others were.",
     [], [("Suffolk Constabulary", "11 out of 15"), ("11 out of 15", "all others")]),
    ("A paragraph ends here\n\nand the next begins in lower case.", [], [("ends here", "and the next")]),
    ("Published 3 hours ago\n12 crimes were missed.", [], [("Published", "12 crimes")]),
    # Before a number, a single break wraps the sentence only after a word that cannot end one (line_wrap_words).
    ("Dorset Police records an estimated\n91.2 per cent of crime.", [("an estimated", "91.2 per cent")], []),
    ("The force failed to record\n9,000 crimes a year.", [("failed to record", "9,000 crimes")], []),
    ("Inspectors estimate the force records\n95.1 per cent of crimes.", [("force records", "95.1 per cent")], []),
    ("Dyfed-Powys Police rated good for crime recording\n8 August 2017", [], [("crime recording", "8 August")]),
    ("Notes to editors\n1. The report is published today.", [], [("Notes to editors", "The report")]),
    ("Inspectors looked at the\n2) records of the force.", [], [("looked at the", "records of")]),
    # a numbered list's number at a line's start stays with its line (dev14); a number closing a line does not
    ("Highest\n1. Durham Constabulary – 97.3%\n2. Surrey Police – 96.1%", [("1.", "Durham"), ("2.", "Surrey")],
     [("Durham", "Surrey"), ("Highest", "Durham")]),
    ("The number rose to 12.\nIt then fell to 9.", [], [("rose to", "then fell")]),
    ("Inspected in 2014.\nThe force improved.", [], [("Inspected", "The force")]),
]

# A capital glued to the word before it starts a sentence.
GLUED_CAPITALS = [
    # A caption glued to the paragraph after it (cat. 1, scraped debris): the capital starts a new sentence.
    ("Inspectors looked at crimes reported from January to June last year, the report saysA police force is failing "
     "to record an estimated 16,700 crimes a year.", [], [("last year", "16,700")]),
    ("Chief Constable Jane Doe (Image: Kent Police)The force said it accepted the findings.", [],
     [("Jane Doe", "accepted the findings")]),
    ("The chief constable at the launch in May last yearSussex Police recorded 90 per cent of crimes.", [],
     [("launch in", "90 per cent")]),
    ("Officers at the station last springThe force now records 94% of crime.", [], [("last spring", "94%")]),
    ("Picture: Essex PoliceI am pleased with the report, said the chief constable.", [], [("Picture", "pleased")]),
    ("The caption read 'The gap is far too wide'HM Inspector Jo Bell said the force must improve.", [],
     [("far too wide", "must improve")]),
    ("Mr O'Neill said the force must improve.", [("O'Neill", "must improve")], []),
    # Not glued: names with an inner capital, brackets before a lower-case word, ordinary spacing.
    ("Chief Constable Ian McDonald said the force recorded 91 per cent of crime.", [("McDonald", "91 per cent")], []),
    ("Angus MacPherson, its commissioner, said 91 per cent was not enough.", [("MacPherson", "91 per cent")], []),
    ("The inspectorate (HMICFRS)this month said 88 per cent were recorded.", [("HMICFRS", "88 per cent")], []),
    ("The report says a police force recorded 88 per cent of crimes.", [("report says", "88 per cent")], []),
]


@pytest.mark.parametrize("text, together, apart", WRAPPED_LINES + GLUED_CAPITALS)
def test_sentence_boundaries_of_wrapped_lines_and_glued_captions(
        nlp: Language, text: str, together: list[tuple[str, str]], apart: list[tuple[str, str]]) -> None:
    at = _sentence_of(nlp, text)
    for a, b in together:
        assert at(a) == at(b), (a, b)
    for a, b in apart:
        assert at(a) != at(b), (a, b)
