"""Entity spans on the constructions of real coverage (issue 13, item 5): table tests per class.

Each class holds the invented examples and negatives of the catalogues
(``shared/real-coverage/constructions-1.md`` C1-C11, ``constructions-2.md`` B1-B10 and A14,
A17, A18) and sentences of our own that vary the cue words, the order and the distance.
Spans follow SCHEMA §5 and ``corpus/ANNOTATION.md`` ("Decisions settled with dev5").

A case is (text, article date, present, absent): every ``present`` entity (label, span
text, subset of its normalised values) must be found; no ``absent`` one (label, span text;
label ``None``: any label) may be.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from tests.conftest import entities

Present = list[tuple[str, str, dict[str, Any]]]
Absent = list[tuple[str | None, str]]
Case = tuple[str, str | None, Present, Absent]

# -- CRIME_TYPE: lexicon variants, multi-word offences, head nouns, premodifiers, ellipsis (C1, B9) ----------
CRIME_TYPES: list[Case] = [
    # dev6: "controlling behaviour" without "coercive"
    ("Some reports of stalking and controlling behaviour were not recorded by Kent Police.", None,
     [("CRIME_TYPE", "controlling behaviour", {"id": "other"})], []),
    # catalogue
    ("The report criticised the handling of child sex abuse by the force.", None,
     [("CRIME_TYPE", "child sex abuse", {"id": "child_sexual_offences"})], []),
    ("Officers were trained to spot Modern Day Slavery.", None,
     [("CRIME_TYPE", "Modern Day Slavery", {"id": "modern_slavery"})], []),
    ("Survivors of rape and sexual abuse were let down.", None,
     [("CRIME_TYPE", "rape", {"id": "rape"}), ("CRIME_TYPE", "sexual abuse", {"id": "sexual_offences"})], []),
    ("The force records violence offences quickly.", None,
     [("CRIME_TYPE", "violence offences", {"id": "violence"})], [("CRIME_TYPE", "violence")]),
    ("especially when dealing with stalking incidents", None,
     [("CRIME_TYPE", "stalking incidents", {"id": "other"})], [("CRIME_TYPE", "stalking")]),
    ("offences such as coercive and controlling behaviour or malicious communications", None,
     [("CRIME_TYPE", "coercive and controlling behaviour", {"id": "other"}),
      ("CRIME_TYPE", "malicious communications", {"id": "other"})], [(None, "offences")]),
    ("Inspectors think about 420 alleged violent offences a year go unrecorded at Essex Police.", None,
     [("CRIME_TYPE", "violent offences", {"id": "violence"})], [("CRIME_TYPE", "alleged violent offences")]),
    ("Victims of domestic abuse incidents were let down.", None,
     [("CRIME_TYPE", "domestic abuse incidents", {"id": "domestic_abuse"})], [("CRIME_TYPE", "domestic abuse")]),
    ("The force recorded violent and sexual crimes badly.", None,
     [("CRIME_TYPE", "violent and sexual crimes", {"id": "violence"})], [("CRIME_TYPE", "sexual crimes")]),
    # negatives: anti-social behaviour, 'reports', plain 'crimes', 'incidents'
    ("Anti-social behaviour is rising in the town.", None, [], [("CRIME_TYPE", "Anti-social behaviour")]),
    ("Anti-social behaviour incidents were left out of the audit.", None, [], [("CRIME_TYPE", "incidents")]),
    ("Of 81 rape reports, 74 were recorded.", None, [("CRIME_TYPE", "rape", {"id": "rape"})], [("CRIME_TYPE", "rape reports")]),
    ("Crimes, offences and incidents were all counted.", None, [],
     [("CRIME_TYPE", "Crimes"), ("CRIME_TYPE", "offences"), ("CRIME_TYPE", "incidents")]),
    # our own
    ("Child sex abuse cases were among those missed by Kent Police.", None,
     [("CRIME_TYPE", "Child sex abuse", {"id": "child_sexual_offences"})], [("CRIME_TYPE", "Child sex abuse cases")]),
    ("The force failed to record allegations of sexual abuse made by children.", None,
     [("CRIME_TYPE", "sexual abuse", {"id": "sexual_offences"})], []),
    ("Modern-day slavery offences are rarely recorded, the report said.", None,
     [("CRIME_TYPE", "Modern-day slavery offences", {"id": "modern_slavery"})], []),
    ("Harassment offences and hate incidents went unrecorded.", None,
     [("CRIME_TYPE", "Harassment offences", {"id": "other"}), ("CRIME_TYPE", "hate incidents", {"id": "hate_crime"})], []),
    ("It missed more than 200 stalking offences in a year.", None,
     [("CRIME_TYPE", "stalking offences", {"id": "other"})], []),
    ("The audit found sexual and violent offences were the worst recorded.", None,
     [("CRIME_TYPE", "sexual and violent offences", {"id": "sexual_offences"})], []),
    ("Violent or sexual crimes made up most of the missing records.", None,
     [("CRIME_TYPE", "Violent or sexual crimes", {"id": "violence"})], []),
    ("Reports of suspected sexual offences were not logged.", None,
     [("CRIME_TYPE", "sexual offences", {"id": "sexual_offences"})], [("CRIME_TYPE", "suspected sexual offences")]),
    ("Controlling or coercive behaviour was seldom recorded as a crime.", None,
     [("CRIME_TYPE", "Controlling or coercive behaviour", {"id": "other"})], []),
    ("Violence with injury, domestic burglary and honour-based violence were under-recorded.", None,
     [("CRIME_TYPE", "Violence with injury", {"id": "violence"}), ("CRIME_TYPE", "domestic burglary", {"id": "burglary"}),
      ("CRIME_TYPE", "honour-based violence", {"id": "other"})], [("CRIME_TYPE", "violence")]),
    # the inspectorate's own category names (dev5's class, sentences our own)
    ("• behavioural crimes (such as harassment and stalking): 71.4 percent", None,
     [("CRIME_TYPE", "behavioural crimes", {"id": "other"}), ("CRIME_TYPE", "harassment", {"id": "other"})], []),
    ("Behavioural crime was the worst recorded category.", None, [("CRIME_TYPE", "Behavioural crime", {"id": "other"})], []),
    ("Officers showed behavioural problems.", None, [], [("CRIME_TYPE", "behavioural")]),
    ("Rape and sexual offences were audited separately.", None,
     [("CRIME_TYPE", "Rape", {"id": "rape"}), ("CRIME_TYPE", "sexual offences", {"id": "sexual_offences"})],
     [("CRIME_TYPE", "Rape and sexual offences")]),
]

# -- INSPECTORATE: name variants, truncations, misprints; never Scotland's (C2, B1, B5) -------------------
INSPECTORATES: list[Case] = [
    # dev6: one typo in a long word of a short form of the name (a letter dropped, two neighbours swapped)
    ("Gwent Police was criticised by Her Majesty's Inspectorate of Constabulay in a report.", None,
     [("INSPECTORATE", "Her Majesty's Inspectorate of Constabulay", {"id": "hmicfrs"})], []),
    ("A report from HM Inspectorate of Constabluary found failings.", None,
     [("INSPECTORATE", "HM Inspectorate of Constabluary", {"id": "hmicfrs"})], []),
    ("The Inspectorat of Constabulary said so.", None, [("INSPECTORATE", "Inspectorat of Constabulary", {"id": "hmicfrs"})], []),
    ("The constabulary said so.", None, [], [("INSPECTORATE", "constabulary")]),
    # dev8, dev9: any one slip in each long word (a letter added or changed too), however many words slip
    ("The report by Her Majesty's Inspectorate of Constabularly was damning.", None,
     [("INSPECTORATE", "Her Majesty's Inspectorate of Constabularly", {"id": "hmicfrs"})], []),
    ("Her Majestys Inspectorate of Constabularys and Fire & Rescue Services published it.", None,
     [("INSPECTORATE", "Her Majestys Inspectorate of Constabularys and Fire & Rescue Services", {"id": "hmicfrs"})], []),
    ("HM Inpsectorate of Constabulary and Fire and Rescue Serivces said so.", None,
     [("INSPECTORATE", "HM Inpsectorate of Constabulary and Fire and Rescue Serivces", {"id": "hmicfrs"})], []),
    ("A review by the Inspectorate of Constabulery found gaps.", None,
     [("INSPECTORATE", "Inspectorate of Constabulery", {"id": "hmicfrs"})], []),
    ("The Inspectorate of Constitutional Affairs and HM Inspectorate of Probation met.", None, [],
     [("INSPECTORATE", "Inspectorate of Constitutional")]),
    # dev9: the fire half of the name abridged ("and Fire Services", "and Fire and Rescue Service")
    ("His Majesty's Inspectorate of Constabulary and Fire Services (HMICFRS) rated the force adequate.", None,
     [("INSPECTORATE", "His Majesty's Inspectorate of Constabulary and Fire Services", {"id": "hmicfrs"}),
      ("INSPECTORATE", "HMICFRS", {"id": "hmicfrs"})], [("INSPECTORATE", "His Majesty's Inspectorate of Constabulary")]),
    ("A report by Her Majesty's Inspectorate of Constabulary and Fire and Rescue Service was published.", None,
     [("INSPECTORATE", "Her Majesty's Inspectorate of Constabulary and Fire and Rescue Service", {"id": "hmicfrs"})], []),
    ("HM Inspectorate of Constabulary and Fire Service inspectors visited.", None,
     [("INSPECTORATE", "HM Inspectorate of Constabulary and Fire Service", {"id": "hmicfrs"})], []),
    # catalogue
    ("The findings came in a report by HM Inspectorate of Constabularies and Fire & Rescue Services.", None,
     [("INSPECTORATE", "HM Inspectorate of Constabularies and Fire & Rescue Services", {"id": "hmicfrs"})], []),
    ("Her Majesty's Inspectorate of Constabulary and Fire & Rescue's Services (HMICFRS) praised the force.", None,
     [("INSPECTORATE", "Her Majesty's Inspectorate of Constabulary and Fire & Rescue's Services", {"id": "hmicfrs"}),
      ("INSPECTORATE", "HMICFRS", {"id": "hmicfrs"})], [("INSPECTORATE", "Her Majesty's Inspectorate of Constabulary")]),
    ("Dorset Police failing victims, says HM Inspectorate", None, [("INSPECTORATE", "HM Inspectorate", {"id": "hmicfrs"})], []),
    ("The force was graded by HMIFRS in the spring.", None, [("INSPECTORATE", "HMIFRS", {"id": "hmicfrs"})], []),
    ("A report from HM Inspectorate for Constabulary and Fire and Rescue Services (HMICFRS) said Durham Constabulary had improved.",
     None, [("INSPECTORATE", "HM Inspectorate for Constabulary and Fire and Rescue Services", {"id": "hmicfrs"}),
            ("INSPECTORATE", "HMICFRS", {"id": "hmicfrs"})], []),
    ("A spokesperson thanked Her Majesty's Inspectorate Constabulary after the visit.", None,
     [("INSPECTORATE", "Her Majesty's Inspectorate Constabulary", {"id": "hmicfrs"})], []),
    ("... set out by Her Majesty's Inspectorate of Constabulary and Fire & Rescue Service (HMICFRS).", None,
     [("INSPECTORATE", "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Service", {"id": "hmicfrs"})], []),
    ("According to HM Inspectorate of Police (HMICFRS), the pattern is widespread.", None,
     [("INSPECTORATE", "HM Inspectorate of Police", {"id": "hmicfrs"}), ("INSPECTORATE", "HMICFRS", {})], []),
    ("A report by Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)this month found gaps.",
     "2021-05-12", [("INSPECTORATE", "HMICFRS", {}), ("DATE", "this month", {"value": "2021-05"})], []),
    # negatives: Scotland's inspectorate, other inspectorates, anaphora, other acronyms
    ("Her Majesty's Inspectorate of Constabulary Scotland (HMICS) helped with the review.", None, [],
     [("INSPECTORATE", "Her Majesty's Inspectorate of Constabulary"), ("INSPECTORATE", "HMICS")]),
    ("HM Inspectorate of Constabulary in Scotland published its own review.", None, [],
     [("INSPECTORATE", "HM Inspectorate of Constabulary")]),
    ("HM Inspectorate of Prisons said the jail was unsafe.", None, [], [("INSPECTORATE", "HM Inspectorate")]),
    ("The inspectorate said the force must improve.", None, [], [("INSPECTORATE", "inspectorate")]),
    ("HMRC and the HMI both wrote to the force.", None, [], [("INSPECTORATE", "HMRC"), ("INSPECTORATE", "HMI")]),
    # our own
    ("His Majesty's Inspectorate of Constabulary and Fire and Rescue Service said so.", None,
     [("INSPECTORATE", "His Majesty's Inspectorate of Constabulary and Fire and Rescue Service", {"id": "hmicfrs"})], []),
    ("Her Majesty’s Inspectorate of Constabularies visited in June.", None,
     [("INSPECTORATE", "Her Majesty’s Inspectorate of Constabularies", {"id": "hmicfrs"})], []),
    ("The HM Inspectorate for Constabulary report was damning.", None,
     [("INSPECTORATE", "HM Inspectorate for Constabulary", {"id": "hmicfrs"})], []),
    ("Inspectors from HMICRFS and HMCIFRS visited twice.", None,
     [("INSPECTORATE", "HMICRFS", {"id": "hmicfrs"}), ("INSPECTORATE", "HMCIFRS", {"id": "hmicfrs"})], []),
    ("HM Inspectorate says Kent Police must do better", None, [("INSPECTORATE", "HM Inspectorate", {"id": "hmicfrs"})], []),
    ("Her Majesty's Inspectorate of Constabulary for Scotland is a separate body.", None, [],
     [("INSPECTORATE", "Her Majesty's Inspectorate of Constabulary")]),
]

# -- COUNT: digits that are not counts; durations; magnitudes; spelled-out percentages; 'up to' (C3, C4, C8, A10, B2, B7, B8)
COUNTS: list[Case] = [
    # catalogue: digits that are not counts (C3)
    ("For media enquiries call 01785 232525.", None, [], [("COUNT", "232525"), ("COUNT", "01785")]),
    ("Pic by Sam Hale SUS-140622-181818001", None, [], [("COUNT", "181818001")]),
    ("Tune in to Radio Wessex 2 tonight for the full story.", None, [], [("COUNT", "2")]),
    # our own
    ("Call the force on 0300 123 4567 to report a crime.", None, [], [("COUNT", "123"), ("COUNT", "4567")]),
    ("Anyone with concerns can contact the force on 101.", None, [], [("COUNT", "101")]),
    ("The public deserve to get through when they dial 999.", None, [], [("COUNT", "999")]),
    # (dev7) the non-emergency number named other ways; a count of 101 stays one
    ("Nearly one in four calls to 101 were abandoned. Too many 101 callers give up. Ring the non-emergency number, 101.",
     None, [], [("COUNT", "101")]),
    ("Up to 101 crimes were missed by the force.", None, [("COUNT", "Up to 101", {})], []),
    ("COMMISSIONER'S UPDATE | June 2022 | Issue 27", None, [], [("COUNT", "27")]),
    ("He told BBC Radio 4 that the force had improved.", None, [], [("COUNT", "4")]),
    ("Kent Police failed to record 4,100 crimes, 74 of them rapes.", None,
     [("COUNT", "4,100", {"value": 4100}), ("COUNT", "74", {"value": 74})], []),
    ("• Of 92 reports of rape we examined, 83 had been recorded.", None,
     [("COUNT", "92", {"value": 92}), ("COUNT", "83", {"value": 83})], []),
    ("Kent Fails To Record 12 Rapes", None, [("COUNT", "12", {"value": 12})], []),
    # durations are DATE, not COUNT (C4, B2)
    ("Inspectors reviewed cases over a 9 month period.", None, [("DATE", "a 9 month period", {})], [("COUNT", "9")]),
    ("Most teams were at least three weeks behind with their audits.", None,
     [("DATE", "at least three weeks", {})], [("COUNT", "at least three")]),
    ("Four crimes were logged after the 48-hour deadline.", None,
     [("COUNT", "Four", {"value": 4}), ("DATE", "48-hour", {})], [("COUNT", "48")]),
    ("Recording often took more than 36 hours.", None, [("DATE", "more than 36 hours", {})], [("COUNT", "more than 36")]),
    ("Inspectors reviewed 75 incidents over an 18 month period.", None,
     [("COUNT", "75", {"value": 75}), ("DATE", "an 18 month period", {})], [("COUNT", "18")]),
    ("We told the force to improve three and a half years ago.", None,
     [("DATE", "three and a half years ago", {})], [("COUNT", "three")]),
    # our own durations
    ("Crimes must be recorded within 24 hours.", None, [("DATE", "24 hours", {"year": None})], [("COUNT", "24")]),
    ("Some reports took almost two weeks to reach the system.", None, [("DATE", "almost two weeks", {})], [("COUNT", "almost two")]),
    ("The audit covered a six-week period in the summer.", None, [("DATE", "a six-week period", {})], [("COUNT", "six")]),
    ("The backlog had built up over a number of years.", None, [("DATE", "a number of years", {})], []),
    ("Recording had been poor for several months and for more than a decade before that.", None,
     [("DATE", "several months", {}), ("DATE", "more than a decade", {})], []),
    ("A decade on, the force has improved.", None, [("DATE", "A decade", {})], []),
    ("The average caller waited one minute and 14 seconds to get through.", None,
     [("DATE", "one minute and 14 seconds", {})], [("COUNT", "one"), ("COUNT", "14")]),
    ("It takes around five minutes to complete.", None, [("DATE", "around five minutes", {})], [("COUNT", "around five")]),
    ("The girl, a 15-year-old, reported it twice.", None, [], [("DATE", "15-year")]),
    # rate periods stay what they were
    ("The force fails to record 4,100 crimes a year, checked every 12 months.", None,
     [("COUNT", "4,100", {"value": 4100})], [(None, "a year"), (None, "12"), (None, "every 12 months")]),
    ("Households will pay £15 more a year for policing.", None, [], [("DATE", "more a year")]),
    # money with a magnitude word is no count, nor is the word left over (dev12)
    ("Our budget has shrunk by £24 million since 2010.", None, [], [("COUNT", "million"), ("COUNT", "24 million")]),
    ("The force saved $3 billion and €2 million over ten years.", None, [], [("COUNT", "billion"), ("COUNT", "million")]),
    ("An estimated 7.3 million crimes went unrecorded, and 2 million more.", None,
     [("COUNT", "An estimated 7.3 million", {"value": 7300000})], [("COUNT", "million")]),
    # fractional magnitudes (B7)
    ("Last year we handled more than a quarter of a million calls.", None,
     [("COUNT", "more than a quarter of a million", {"value": 250000, "qualifier": "more_than"})],
     [("PERCENT", "more than a quarter"), ("COUNT", "a million")]),
    ("Nearly half a million crimes went unrecorded nationally.", None,
     [("COUNT", "Nearly half a million", {"value": 500000, "qualifier": "less_than"})], [("PERCENT", "half")]),
    ("Three quarters of a million reports were checked.", None,
     [("COUNT", "Three quarters of a million", {"value": 750000, "qualifier": "approx"})], []),
    # spelled-out percentages (A10) and compound numbers (C8)
    ("Roughly eighty-seven percent of crimes reported to Staffordshire Police end up recorded.", None,
     [("PERCENT", "Roughly eighty-seven percent", {"value": 87, "qualifier": "approx"})], [("COUNT", "Roughly eighty-seven")]),
    ("Staffordshire Police records eighty-seven per cent of the crimes reported to it.", None,
     [("PERCENT", "eighty-seven per cent", {"value": 87, "qualifier": "exact"})], [("COUNT", "eighty"), ("PERCENT", "seven per cent")]),
    ("Staffordshire Police fails to record twenty-two per cent of crimes.", None,
     [("PERCENT", "twenty-two per cent", {"value": 22})], [("COUNT", "twenty")]),
    ("Almost ninety one per cent of violent crime was recorded.", None,
     [("PERCENT", "Almost ninety one per cent", {"value": 91, "qualifier": "less_than"})], []),
    ("About sixty-five percent were logged correctly.", None, [("PERCENT", "About sixty-five percent", {"value": 65})], []),
    ("Staffordshire Police ranks fourth out of thirty one forces.", None,
     [("COUNT", "thirty one", {"value": 31})], [("COUNT", "thirty"), ("COUNT", "one")]),
    ("Twenty-one forces were inspected.", None, [("COUNT", "Twenty-one", {"value": 21})], []),
    # 'up to' meaning 'has risen to' (A14, B8); a true hedge stays
    ("• Domestic abuse: recording now up to 93% (from 85%)", None,
     [("PERCENT", "93%", {"value": 93, "qualifier": "exact"}), ("PERCENT", "85%", {"value": 85})], [("PERCENT", "up to 93%")]),
    ("Its recording rate for sexual offences is now up to 91.5 per cent, from 84 per cent in 2016.", None,
     [("PERCENT", "91.5 per cent", {"qualifier": "exact"})], [("PERCENT", "up to 91.5 per cent")]),
    ("The rate has gone up to 88 per cent since the last inspection.", None,
     [("PERCENT", "88 per cent", {"qualifier": "exact"})], [("PERCENT", "up to 88 per cent")]),
    ("Recording of violence rose up to 90.2% from 84.1% in 2017.", None,
     [("PERCENT", "90.2%", {"qualifier": "exact"})], []),
    ("The force may be failing to record up to 8 per cent of burglaries.", None,
     [("PERCENT", "up to 8 per cent", {"value": 8, "qualifier": "less_than"})], []),
    ("Up to 1,000 crimes may have gone unrecorded.", None,
     [("COUNT", "Up to 1,000", {"value": 1000, "qualifier": "less_than"})], []),
    # numbers that name a phone service, a picture, a route, a scale or an address are no counts
    # (dev5's classes, sentences our own)
    ("One in five callers to the 101 non-emergency line hung up.", None, [], [("COUNT", "101")]),
    ("The force handled calls to 101 and 999 last year; 999 or 101 callers waited.", None, [],
     [("COUNT", "101"), ("COUNT", "999")]),
    ("Forces are graded on a five-point scale, and the force has a 10-point plan for 40 officers.", None,
     [("COUNT", "40", {"value": 40})], [("COUNT", "five"), ("COUNT", "10")]),
    ("HMICFRS, Globe House, 89 Eccleston Square, London", None, [], [("COUNT", "89")]),
    ("Officers at 10 Downing Street met 14 victims, and 12 road deaths went unrecorded.", None,
     [("COUNT", "14", {"value": 14}), ("COUNT", "12", {"value": 12})], [("COUNT", "10")]),
    ("Image ref 4471\nA picture 12 shows the team; see photo 3.", None, [], [("COUNT", "4471"), ("COUNT", "12"), ("COUNT", "3")]),
    ("2. Route 66 diner named best in county", None, [], [("COUNT", "66")]),
    # (dev10) callers "to" a phone service; a number inside the name of a programme, plan or team; a number with a unit
    # of speed, distance, weight or file size measures, it does not count
    ("Many callers to 101 gave up, and one caller to 111 waited 40 minutes.", None, [], [("COUNT", "101"), ("COUNT", "111")]),
    ("It audited 2,400 offences through its Crime Standards 360 programme and the Vision 2030 strategy.", None,
     [("COUNT", "2,400", {"value": 2400})], [("COUNT", "360"), ("COUNT", "2030")]),
    ("The Operation Safeguard 24 team checked 90 incidents.", None, [("COUNT", "90", {"value": 90})], [("COUNT", "24")]),
    ("Stroud backs 20mph limits; officers seized 10kg of cannabis and 5 km of cable.", None, [],
     [("COUNT", "20"), ("COUNT", "10"), ("COUNT", "5")]),
    ("Download the full report (PDF, 1.4MB)\nDownload the accessible version (ODT, 310 KB)", None, [],
     [("COUNT", "1.4"), ("COUNT", "310")]),
    # (dev12) "only one of" a set of reports is a count; "the only one of the four forces" is not
    ("Only one of the 30 rape reports inspectors checked had not been recorded.", None, [("COUNT", "one", {"value": 1})], []),
    ("Gwent Police was the only one of the four forces to be rated inadequate.", None, [], [("COUNT", "one")]),
    # (dev12) numbers said aloud, as a transcript writes them, are one span each
    ("The report says they went through a hundred and forty-one reports of violent crime.", None,
     [("COUNT", "a hundred and forty-one", {"value": 141})], [("COUNT", "a hundred"), ("COUNT", "forty-one")]),
    ("And a hundred and nine of those had been recorded; two hundred and fifty were not.", None,
     [("COUNT", "a hundred and nine", {"value": 109}), ("COUNT", "two hundred and fifty", {"value": 250})], []),
    ("Humberside Police is recording eighty-four point seven per cent of the crimes reported to it.", None,
     [("PERCENT", "eighty-four point seven per cent", {"value": 84.7})], [("COUNT", "eighty-four")]),
    ("The force records ninety point five percent of crime.", None,
     [("PERCENT", "ninety point five percent", {"value": 90.5})], []),
    # (dev12) a page footer's count and a numbered area for improvement are no counts
    ("Page 1 of 5\nCambridgeshire Police and Crime Panel", None, [], [("COUNT", "5"), ("COUNT", "1")]),
    ("Area for improvement 1\nThe force should record crime more quickly. Cause of concern 2", None, [],
     [("COUNT", "1"), ("COUNT", "2")]),
    ("On page 3, of 120 crimes checked, 100 were recorded.", None, [("COUNT", "120", {}), ("COUNT", "100", {})], []),
    # (dev11) a station's number after its name; an agenda item, a phone option; a reference code's last digits;
    # 999 rung, answered, or named after "101, or"
    ("Kofi Mensah sat down with Irwell 104 this morning. Pic: GMP (REF-180614-1017)", None, [],
     [("COUNT", "104"), ("COUNT", "1017")]),
    ("Ch Insp Daniel Furlong (item 3) said 14 crimes were missed. Call 0161 778 7000 (option 3).", None,
     [("COUNT", "14", {"value": 14})], [("COUNT", "3")]),
    ("She rang 999 in the summer; GMP 999 answer times rose. Ring 101, or 999 in an emergency.", None, [],
     [("COUNT", "999"), ("COUNT", "101")]),
    # a picture's or a document's reference after its label and a colon ('Photo: 3456'); a count after a colon stays
    ("Photo: 3,456\nKent Police recorded 12 more crimes.", None, [("COUNT", "12", {"value": 12})], [("COUNT", "3,456")]),
    ("The chief constable at the launch. Picture: 118 Inspectors found 40 crimes unrecorded.", None,
     [("COUNT", "40", {"value": 40})], [("COUNT", "118")]),
    ("Ref: 20417. Image credit: 52. The total: 75 crimes were missed.", None, [("COUNT", "75", {"value": 75})],
     [("COUNT", "20417"), ("COUNT", "52")]),
]

# word fractions with an adverb or participle of their own, and "half the ..." (dev10)
FRACTIONS: list[Case] = [
    ("The failure rate for violent crimes was a third nationally, and for rape more than a quarter.", None,
     [("PERCENT", "a third", {"value": 33.3}), ("PERCENT", "more than a quarter", {})], []),
    ("Nearly a quarter unrecorded in some places? Around 3,100 go unrecorded – well under half the figure of 2019.", None,
     [("PERCENT", "Nearly a quarter", {}), ("PERCENT", "well under half", {})], []),
    ("A third inspection followed in the second half the year after.", None, [], [("PERCENT", "A third"), ("PERCENT", "half")]),
]

# -- DATE forms (B6, C10) ---------------------------------------------------------------------------------
DATES: list[Case] = [
    # a financial year abbreviated "FY" ("by FY 2021/22", "its FY 2019-20 figures"): one span, the split year's range
    ("By FY 2021/22 the rate had risen to 93 per cent.", None,
     [("DATE", "FY 2021/22", {"value": "2021/2022", "granularity": "range", "year": 2022}), ("PERCENT", "93 per cent", {})], []),
    ("Kent Police said its FY 2019-20 figures showed a rise.", None,
     [("DATE", "FY 2019-20", {"value": "2019/2020", "granularity": "range", "year": 2020})], []),
    ("In FY 2016/17 and FY 2017/18 the force missed 9,000 crimes.", None,
     [("DATE", "FY 2016/17", {"year": 2017}), ("DATE", "FY 2017/18", {"year": 2018})], []),
    # (dev9, dev10) a read's or a video's length; "Wed" in a dateline; "the best part of a year"; "week-long"
    ("By Hannah Greaves\nThursday 15 March 2018 6:00 am\n4 min read\nClick to play – 2 min 14 sec", None,
     [("DATE", "4 min", {}), ("DATE", "2 min 14 sec", {})], [("COUNT", "4"), ("COUNT", "14")]),
    ("By Harriet Colquhoun, Home Affairs Correspondent\nWed 19 Nov 2014 07.12\nAdvertisement", None,
     [("DATE", "Wed 19 Nov 2014 07.12", {"year": 2014})], []),
    ("The study, which took inspectors the best part of a year, found it; the better part of two years went by.", None,
     [("DATE", "the best part of a year", {}), ("DATE", "the better part of two years", {})], []),
    ("Officers ran a week-long crackdown and a month-long review.", None,
     [("DATE", "week-long", {}), ("DATE", "month-long", {})], []),
    # (dev12) a relative period naming its financial year or its place keeps its "the" ("the last financial year", "the
    # final quarter", "the most recent quarter", "the first three hours"); "the first year in which" is no period
    ("The force received 1.9 million calls in the last financial year.", None, [("DATE", "the last financial year", {})], []),
    ("Compliance in the final quarter was 95 per cent; Table 1 sets out the most recent quarter.", None,
     [("DATE", "the final quarter", {}), ("DATE", "the most recent quarter", {})], []),
    ("An officer who has been to an assault in the first three hours of a shift.", None,
     [("DATE", "the first three hours", {})], [("COUNT", "three")]),
    ("This was the first year in which we assessed all three pillars.", None, [], [("DATE", "the first year")]),
    # (dev11) a range of clock times is one span; half of a period is one span ("the first half of last year")
    ("The drop-in runs from 4pm to 7pm on Tuesday; calls came at 9am and 5pm.", "2020-01-01",
     [("DATE", "4pm to 7pm", {}), ("DATE", "9am", {}), ("DATE", "5pm", {})], [("DATE", "4pm"), ("DATE", "9am and 5pm")]),
    ("The audit covered the first half of last year and the second half of 2019.", "2020-01-01",
     [("DATE", "the first half of last year", {"year": 2019}), ("DATE", "the second half of 2019", {"year": 2019})],
     [("DATE", "last year")]),
    # (dev11) "N years on" before "from" or the end of its line, "A year on"; a month in lower case (not "may", "march")
    ("Force now adequate at recording crime, six years on from inadequate verdict\nSix years on\nThe decision was welcome.",
     None, [("DATE", "six years on", {}), ("DATE", "Six years on", {})], []),
    ("A year on, we went along to the meeting. The audit of crimes reported in september found most recorded.", None,
     [("DATE", "A year on", {}), ("DATE", "september", {})], []),
    ("He spent two years on the case. It may rain, and officers march in step.", None, [("DATE", "two years", {})],
     [("DATE", "may"), ("DATE", "march")]),
    # (dev10) an adjective between a duration's number and its unit; a bare period set off from another time
    ("The force was 'turning a corner' after two difficult years, and faces three more months of checks.", None,
     [("DATE", "two difficult years", {}), ("DATE", "three more months", {})], [("COUNT", "two"), ("COUNT", "three")]),
    ("Recording slipped for 18 consecutive months before a long, hard year of work.", None,
     [("DATE", "18 consecutive months", {})], [("COUNT", "18")]),
    ("The figures come a year after a committee of MPs heard claims, and a month before the election.", None,
     [("DATE", "a year", {}), ("DATE", "a month", {})], []),
    # a period counted from an event takes its 'later'/'earlier', as a period before now takes its 'ago' (SCHEMA §5)
    ("Inspectors came back a year later; a week earlier the force had published its plan.", None,
     [("DATE", "a year later", {}), ("DATE", "a week earlier", {})], [("DATE", "a year"), ("DATE", "a week")]),
    ("Kent Police fails to record 5,000 crimes a year, and checks them once a month.", None,
     [("COUNT", "5,000", {"value": 5000})], [("DATE", "a year"), ("DATE", "a month")]),
    # (dev10) a bare year closing a name or a title after a capitalised word is no date, as a publication title's
    # year is not; after a function word, an acronym or a heading in capitals it is
    ("Related documents\nPEEL: Police effectiveness 2017 – Suffolk Constabulary\n• State of Policing 2021", None, [],
     [("DATE", "2017"), ("DATE", "2021")]),
    ("A new team was set up under the force's Project 2020 programme, and its Improvement Plan 2021 set out 14 actions.",
     None, [], [("DATE", "2020"), ("DATE", "2021")]),
    ("Home » Police forces » Suffolk » PEEL assessment 2017", None, [], [("DATE", "2017")]),
    ("The force was inspected in May. In 2014, and again since 2016, the HMIC 2014 audit was cited.", None,
     [("DATE", "2014", {"year": 2014}), ("DATE", "2016", {"year": 2016})], []),
    ("4. PCC PRECEPT – OUTTURN 2017/18\nThe figures for Summer 2019 showed it.", None,
     [("DATE", "2017/18", {})], []),
    ("Contact us | Cookies | © HMICFRS 2022", None, [("DATE", "2022", {"year": 2022})], []),
    # (dev8) clock times alone; a range of days in one month; two months; "over" as a preposition of time or as a
    # hedge; relative days and parts of days; quarters; the first months of a period; seasons with "the"
    ("Live updates\n10:42am\nThe report is out. At 11:05am the chief spoke.", "2023-06-22",
     [("DATE", "10:42am", {"year": 2023}), ("DATE", "11:05am", {})], []),
    ("Inspectors visited Kent Police on 10 and 14 March 2014.", None, [("DATE", "10 and 14 March 2014", {"year": 2014})],
     [("DATE", "14 March 2014")]),
    ("The inspection was carried out over six weeks in June and July.", "2018-09-13",
     [("DATE", "six weeks", {}), ("DATE", "June and July", {})], [("DATE", "over six weeks"), ("DATE", "June")]),
    ("The force turned its recording around in just over four years.", None, [("DATE", "over four years", {})], []),
    ("Over six months, inspectors looked at 300 reports.", None, [("DATE", "six months", {})], [("DATE", "Over six months")]),
    # dev9: a plural time unit alone is a vague period where time measures it; not "in the years since"
    ("Crimes sat on a computer system for weeks.", None, [("DATE", "weeks", {})], []),
    ("Several hundred thousand crimes a year, and a few thousand in Kent, would be missing.", None,
     [("COUNT", "Several hundred thousand", {"form": "vague"}), ("COUNT", "a few thousand", {"form": "vague"})],
     [("COUNT", "hundred thousand"), ("COUNT", "thousand")]),
    ("The force fails to record something like 700,000 crimes a year, nationally.", None,
     [("COUNT", "something like 700,000", {"qualifier": "approx"})], [("COUNT", "700,000")]),
    # dev7-dev9: the financial year with its words, "the same period", "the new year", "a few years ago", "up to a week"
    ("It covered the financial year 2014-15, and financial year 2016/17.", None,
     [("DATE", "the financial year 2014-15", {"value": "2014/2015"}), ("DATE", "financial year 2016/17", {"value": "2016/2017"})],
     [("DATE", "2014-15")]),
    ("For the same period, the force recorded 90.1 per cent, and in the new year it will improve.", None,
     [("DATE", "the same period", {}), ("DATE", "the new year", {})], []),
    ("It was rated inadequate a few years ago, and victims faced delays of up to a week.", None,
     [("DATE", "a few years ago", {}), ("DATE", "up to a week", {})], [("DATE", "a few years")]),
    ("It followed months of controversy, and confidence has taken years to rebuild.", None,
     [("DATE", "months", {}), ("DATE", "years", {})], []),
    ("Safeguarding referrals were made days late.", None, [("DATE", "days", {})], []),
    ("In the years since, it has improved. Those were the days.", None, [], [("DATE", "years"), ("DATE", "days")]),
    ("The force audits its records every three months.", None, [], [("DATE", "months"), ("DATE", "three months")]),
    ("It was published last Tuesday; yesterday afternoon the PCC spoke, and a fortnight ago the force was told.", "2019-09-12",
     [("DATE", "last Tuesday", {}), ("DATE", "yesterday afternoon", {}), ("DATE", "a fortnight ago", {})], []),
    ("Figures for Q1 2021/22 and Q3 2021/22 show the change.", None,
     [("DATE", "Q1 2021/22", {"year": 2021}), ("DATE", "Q3 2021/22", {"year": 2021})], [("DATE", "2021/22")]),
    ("In the first three months of this year, and by the end of next year, and in the autumn of 2020.", "2022-02-10",
     [("DATE", "the first three months of this year", {"year": 2022}), ("DATE", "the end of next year", {"year": 2023}),
      ("DATE", "the autumn of 2020", {"year": 2020})], []),
    ("For the same 12-month period, and a year and a half ago.", None,
     [("DATE", "the same 12-month period", {}), ("DATE", "a year and a half ago", {})], []),
    # negatives: a score, a decimal, a time of day that is a number of crimes
    ("Officers logged 10.42 per cent more calls, and 19.45 of every 100 were missed.", None, [],
     [("DATE", "10.42"), ("DATE", "19.45")]),
    # a period to the end of a month; "a fortnight" as "a week" (dev6)
    ("Kent Police recorded 90 per cent of crime in the year to the end of June 2019.", "2020-05-05",
     [("DATE", "the year to the end of June 2019", {"year": 2019})], [("DATE", "the end of June 2019")]),
    ("Kent Police recorded 90 per cent of crime in the 12 months to the end of March 2018.", "2020-05-05",
     [("DATE", "the 12 months to the end of March 2018", {"year": 2018})], []),
    ("A team spent a fortnight at Kent Police's headquarters.", "2020-05-05", [("DATE", "a fortnight", {})], []),
    # "Today" ending a name in a masthead or sign-up line (scraped debris, dev5) is no date; the day itself is
    ("Sign up to our daily newsletter\nSheffield Courier Today: the day's top stories in one email", "2021-07-06",
     [], [("DATE", "Today")]),
    ("Lincs Today\nNews > Crime > Lincoln", "2020-09-03", [], [("DATE", "Today")]),
    ("Get the Wessex Gazette Today app for the latest news.", "2020-09-03", [], [("DATE", "Today")]),
    ("Today, the inspectorate published its report on Kent Police.", "2020-09-03",
     [("DATE", "Today", {"value": "2020-09-03"})], []),
    ("Kent Police said Today that it accepted the findings.", "2020-09-03", [("DATE", "Today", {})], []),
    ("The report was published today.", "2020-09-03", [("DATE", "today", {"value": "2020-09-03"})], []),
    # catalogue
    ("IN APRIL, Cumbria Constabulary was one of nine forces visited.", "2019-06-01",
     [("DATE", "APRIL", {"value": "2019-04"})], [("DATE", "IN APRIL")]),
    ("The audit took place in September/ October 2019.", None,
     [("DATE", "September/ October 2019", {"year": 2019})], [("DATE", "October 2019")]),
    ("The force returned to routine monitoring in May this year.", "2021-05-12",
     [("DATE", "May this year", {"value": "2021-05", "year": 2021})], [("DATE", "this year")]),
    # our own
    ("IN MARCH 2019 the inspectors arrived.", None, [("DATE", "MARCH 2019", {"year": 2019})], []),
    ("The audit ran in June/July 2018.", None, [("DATE", "June/July 2018", {"year": 2018})], []),
    ("It was last inspected in March last year.", "2021-05-12",
     [("DATE", "March last year", {"value": "2020-03", "year": 2020})], []),
    ("Welcome to the June edition of my newsletter.", "2022-06-10", [("DATE", "June", {})], []),
    ("Home Office data for March shows the force answered 48.6% of calls.", "2023-05-01", [("DATE", "March", {})], []),
    ("We want a plan to close the gap by the spring, and results over the summer.", None,
     [("DATE", "the spring", {"year": None}), ("DATE", "the summer", {"year": None})], []),
    ("Inspectors visited in the 12 months to 30 June 2020.", None,
     [("DATE", "the 12 months to 30 June 2020", {"year": 2020})], [("DATE", "30 June 2020")]),
    ("Figures for the year ending March 2019 were published.", None,
     [("DATE", "the year ending March 2019", {"year": 2019})], []),
    ("Recording improved in recent years and over the last few years.", None,
     [("DATE", "recent years", {}), ("DATE", "the last few years", {})], []),
    # negatives
    ("FORCES MAY BE FAILING VICTIMS", None, [], [("DATE", "MAY")]),
    # bare periods measured by a verb or preposition of time; a part of a period; "May" after a
    # preposition; "Last November"; "Two years on" (dev5's classes, sentences our own)
    ("The force would publish an improvement plan within a month.", None, [("DATE", "a month", {})], []),
    ("Inspectors spent a week at headquarters, and staff now check every log within a day.", None,
     [("DATE", "a week", {}), ("DATE", "a day", {})], []),
    ("The review took a year and the force waited a fortnight for it.", None, [("DATE", "a year", {})], []),
    ("The force audits its records once a month and twice a year.", None, [],
     [("DATE", "a month"), ("DATE", "a year")]),
    ("The plan is due by the end of the year, and training by the end of March.", "2024-06-01",
     [("DATE", "the end of the year", {}), ("DATE", "the end of March", {})], [("DATE", "March")]),
    ("At the start of the month the backlog was cleared; by the end of the month it was back.", None,
     [("DATE", "the start of the month", {}), ("DATE", "the end of the month", {})], []),
    ("The inspection, carried out in May, is part of a rolling programme. Since May, every incident is checked.",
     "2023-09-01", [("DATE", "May", {})], []),
    ("The force was inspected between February and August this year.", "2024-10-01",
     [("DATE", "February and August this year", {})], [("DATE", "August this year")]),
    ("Inspections in March and May last year found gaps.", "2024-10-01",
     [("DATE", "March and May last year", {})], []),
    ("Theresa May said forces may be failing victims.", None, [("PERSON", "Theresa May", {})], [("DATE", "May"), ("DATE", "may")]),
    ("It was recorded inadequate for a second time, and the review took a day.", None, [("DATE", "a day", {})],
     [("DATE", "a second")]),
    ("At the end of the day, the figures were checked at the end of the year.", "2021-03-01",
     [("DATE", "the end of the year", {"year": 2021})], [("DATE", "the end of the day")]),
    ("Two years on, inspectors returned.", "2019-07-11", [("DATE", "Two years on", {"year": None})], []),
    ("Last November, the force set up a new team; next March it reports again.", "2024-05-10",
     [("DATE", "Last November", {"value": "2023-11"}), ("DATE", "next March", {"value": "2025-03"})],
     [("DATE", "November")]),
    ("Two years on, the inspectors found the force had recorded 52 of the 60 crimes.", None,
     [("DATE", "Two years on", {})], [("DATE", "Two years")]),
    ("Three months on. Inspectors returned.", None, [("DATE", "Three months on", {})], []),
    ("She spent two years on the case.", None, [("DATE", "two years", {})], [("DATE", "two years on")]),
]

# -- FORCE and places (C5, C6, B3, B4; places before titles, SCHEMA §5 2026-12-06) --------------------------
FORCES: list[Case] = [
    # a staff body named after its force is not the force (dev12)
    ("The West Midlands Police Federation has today responded to the report.", None, [],
     [("FORCE", "West Midlands Police")]),
    ("Gary Tomlinson, chairman of the Greater Manchester Police Federation, said officers were stretched.", None, [],
     [("FORCE", "Greater Manchester Police")]),
    ("West Midlands Police was inspected, and the Federation said it was unfair.", None,
     [("FORCE", "West Midlands Police", {})], []),
    # dev6: the first places of a coordination before a commissioner's title are the area; a place joined to
    # "the" commissioner is not
    ("Leicester, Leicestershire and Rutland's Police and Crime Commissioner, Simon Ashworth-Bell, said he would watch.",
     None, [("ROLE", "Police and Crime Commissioner", {})], [("FORCE", "Leicestershire")]),
    ("Kent and Essex police and crime commissioners welcomed it.", None, [], [("FORCE", "Kent")]),
    ("Inspectors praised Kent and the police and crime commissioner.", None, [("FORCE", "Kent", {"id": "kent"})], []),
    # catalogue
    ("Staffordshire Police (SP) was told that SP must improve.", None,
     [("FORCE", "Staffordshire Police", {"id": "staffordshire"}), ("FORCE", "SP", {"id": "staffordshire"})], []),
    ("When the figures are published, the public of Staffordshire can be confident in them.", None, [],
     [("FORCE", "Staffordshire")]),
    ("Cheshire & Merseyside\nPolice news story about road safety.", None, [], [("FORCE", "Cheshire"), ("FORCE", "Merseyside")]),
    ("Devon & Cornwall\nA new story about the moors.", None, [], [("FORCE", "Devon & Cornwall")]),
    ("… so that the residents of South Yorkshire can trust the figures.", None, [], [("FORCE", "South Yorkshire")]),
    ("Victims can turn to Nottinghamshire's Victim Care service for help.", None, [], [("FORCE", "Nottinghamshire")]),
    ("Nottinghamshire's recording rate rose to 93%.", None, [("FORCE", "Nottinghamshire", {"id": "nottinghamshire"})], []),
    ("Warwickshire and West Mercia Police said they accepted the findings.", None,
     [("FORCE", "Warwickshire", {"id": "warwickshire"}), ("FORCE", "West Mercia Police", {"id": "west_mercia"})], []),
    ("Warwickshire and West Mercia Constabularies were both rated inadequate.", None,
     [("FORCE", "Warwickshire", {"id": "warwickshire"}), ("FORCE", "West Mercia Constabularies", {"id": "west_mercia"})], []),
    ("Durham and Cleveland Constabularies both got a 'good' for recording crime.", None,
     [("FORCE", "Durham", {"id": "durham"}), ("FORCE", "Cleveland Constabularies", {"id": "cleveland"})], []),
    ("Warwickshire and West Mercia police forces were each judged inadequate on crime recording.", None,
     [("FORCE", "Warwickshire", {}), ("FORCE", "West Mercia police forces", {"id": "west_mercia"})], []),
    ("Cumbria's Police and Crime Commissioner Jo Smith welcomed the report.", None,
     [("ROLE", "Police and Crime Commissioner", {})], [("FORCE", "Cumbria")]),
    ("Home > Local News > Surrey\nBy Daniel Okoro", None, [("PERSON", "Daniel Okoro", {})], [("FORCE", "Surrey")]),
    ("News » Hampshire » Crime\nHampshire police were criticised.", None, [], [("FORCE", "Hampshire")]),
    ("Chief constable of Surrey Police Rhys Bowen said: 'We accept the findings.'", None,
     [("FORCE", "Surrey Police", {"id": "surrey"}), ("ROLE", "Chief constable", {"id": "chief_constable"})], []),
    # our own
    ("Norfolk and Suffolk forces are among the best in the country.", None,
     [("FORCE", "Norfolk", {"id": "norfolk"}), ("FORCE", "Suffolk forces", {"id": "suffolk"})], []),
    ("Cheshire, Lancashire and Cumbria Constabularies signed the pledge.", None,
     [("FORCE", "Cheshire", {}), ("FORCE", "Lancashire", {}), ("FORCE", "Cumbria Constabularies", {"id": "cumbria"})], []),
    ("Devon and Cornwall Police (DCP) recorded more; DCP said it was proud.", None,
     [("FORCE", "Devon and Cornwall Police", {}), ("FORCE", "DCP", {"id": "devon_and_cornwall"})], []),
    ("Kent Police (2017) was inspected.", None, [], [("FORCE", "2017")]),
    ("Lancs Police and Leics Police were both inspected.", None,
     [("FORCE", "Lancs Police", {"id": "lancashire"}), ("FORCE", "Leics Police", {"id": "leicestershire"})], []),
    ("It serves the citizens of Kent and the taxpayers of Essex.", None, [], [("FORCE", "Kent"), ("FORCE", "Essex")]),
    ("Derbyshire's Domestic Abuse Helpline took more calls.", None, [], [("FORCE", "Derbyshire")]),
    ("Kent's Chief Constable Alan Pughsley apologised.", None,
     [("FORCE", "Kent", {"id": "kent"}), ("ROLE", "Chief Constable", {})], []),
    ("Norfolk PCC Lorne Green and Cumbria’s police and crime commissioner were there.", None, [],
     [("FORCE", "Norfolk"), ("FORCE", "Cumbria")]),
    ("Crimes in Norfolk and Suffolk rose.", None, [], [("FORCE", "Norfolk"), ("FORCE", "Suffolk")]),
    # dev9: the counties' short forms alone, where the force is meant ("Good to see Northants doing well")
    ("Good to see Northants doing well for once.", None, [("FORCE", "Northants", {"id": "northamptonshire"})], []),
    ("Notts fared worse than Leics, and Glos was rated good.", None,
     [("FORCE", "Notts", {"id": "nottinghamshire"}), ("FORCE", "Leics", {"id": "leicestershire"}),
      ("FORCE", "Glos", {"id": "gloucestershire"})], []),
    ("Hants and Cambs both record more than nine in ten crimes.", None,
     [("FORCE", "Hants", {"id": "hampshire"}), ("FORCE", "Cambs", {"id": "cambridgeshire"})], []),
    # (dev9, dev10) a page's field of forces, and the inspectorate site's trail of forces or of an inspection
    # programme, name the force; a news site's section trail does not
    ("Published on: 19 May 2022 Force(s): South Wales Publication type: Inspection report", None,
     [("FORCE", "South Wales", {"id": "south_wales"})], []),
    ("Home › Publications › Police forces › Lincolnshire › PEEL 2021/22", None,
     [("FORCE", "Lincolnshire", {"id": "lincolnshire"})], []),
    ("HMICFRS › Publications › Crime data integrity › Lancashire\n\nPublished 18 October 2018", None,
     [("FORCE", "Lancashire", {"id": "lancashire"})], []),
    ("Home > News > Local > Kent > Crime", None, [], [("FORCE", "Kent")]),
    # (dev10) the Yorkshire forces' initials
    ("SYP says 14 people were arrested; WYP and NYP said the same. South Yorkshire Police (SYP) agreed.", None,
     [("FORCE", "SYP", {"id": "south_yorkshire"}), ("FORCE", "WYP", {"id": "west_yorkshire"}),
      ("FORCE", "NYP", {"id": "north_yorkshire"})], []),
    # a place before an MP's title is the constituency (dev9: MPs are ROLE other)
    ("The West Midlands MP Yusuf Karim asked why.", None, [("ROLE", "MP", {"id": "other"})], [("FORCE", "West Midlands")]),
    ("Kent Labour MP Ann Lee and Northants MPs were told.", None, [], [("FORCE", "Kent"), ("FORCE", "Northants")]),
]

# -- PERSON and ROLE (A17, A18, B5, B10, C9) ----------------------------------------------------------------
PEOPLE: list[Case] = [
    # a byline and a signature of a name from the wider list of given names (dev12)
    ("Posted on 14 December 2016 by Francesca Marlowe\nCategories: Blog", None, [("PERSON", "Francesca Marlowe", {})], []),
    ("Francesca Marlowe\nPolice and Crime Commissioner for Hertfordshire", None, [("PERSON", "Francesca Marlowe", {})], []),
    ("Agnieszka Nowak, who chairs the panel, said she was concerned.", None, [("PERSON", "Agnieszka Nowak", {})], []),
    # catalogue
    ("Wiltshire's Police and Crime Commissioner Peter holm issued a statement welcoming the findings.", None,
     [("PERSON", "Peter holm", {}), ("ROLE", "Police and Crime Commissioner", {})], [("PERSON", "Peter")]),
    # dev8, dev9: a fire service's chief officers are ROLE other, and their title is no part of their name
    ("Chief Fire Officer Owen Talbot said the service accepted it. Chief Fire Officer Talbot added more.", None,
     [("ROLE", "Chief Fire Officer", {"id": "other"}), ("PERSON", "Owen Talbot", {}), ("PERSON", "Talbot", {})],
     [("PERSON", "Officer Talbot")]),
    ("Deputy Chief Fire Officer Jan Ross spoke first.", None,
     [("ROLE", "Deputy Chief Fire Officer", {"id": "other"}), ("PERSON", "Jan Ross", {})], []),
    ("Inspector Harriet Vale said the force still had much to do on crime recording.", None,
     [("ROLE", "Inspector", {}), ("PERSON", "Harriet Vale", {})], []),
    ("Inspector Tom Reed, who runs Essex Police's crime bureau, said the findings were fair.", None,
     [("ROLE", "Inspector", {"id": "other"}), ("PERSON", "Tom Reed", {})], []),
    ("Alan PriorAlan Prior\nAlan Prior", None, [("PERSON", "Alan Prior", {})], [("PERSON", "Alan PriorAlan Prior")]),
    # a caption's credit glued to the quotation that opens the next paragraph (dev12)
    ("Chief Constable Adrian Hartwell. Picture: Denise Bradley\"We have a great deal to be proud of,\" he said.", None,
     [("PERSON", "Denise Bradley", {})], [("PERSON", "Denise Bradley\"We")]),
    ("Photo: Sam Okoro“Our officers are stretched,” she said.", None, [("PERSON", "Sam Okoro", {})], []),
    ("Police and Crime Commissioner Dan OkaforSuffolk Police and Crime Commissioner Dan Okafor", None,
     [("PERSON", "Dan Okafor", {})], [("PERSON", "Dan OkaforSuffolk"), ("PERSON", "Dan")]),
    # our own
    ("Commissioner Peter today issued a statement.", None, [], [("PERSON", "Peter today")]),
    # (dev11) a lower-case surname before a past tense without "-ed", or before a comma
    ("As PCC Martin ollerenshaw put it on the night, it was not good enough.", None,
     [("PERSON", "Martin ollerenshaw", {})], [("PERSON", "Martin")]),
    ("Derbyshire PCC Martin ollerenshaw, who attended, agreed. Commissioner Peter now, as before, spoke.", None,
     [("PERSON", "Martin ollerenshaw", {}), ("PERSON", "Peter", {})], [("PERSON", "Peter now")]),
    ("Chief Constable Ian McDonald said the force accepted it; Angus MacPherson agreed.", None,
     [("PERSON", "Ian McDonald", {}), ("PERSON", "Angus MacPherson", {})], []),
    # (dev13) a known given name and a surname before or ending in a place noun name a place
    ("Police cars outside Charles Cross police station in Plymouth (Picture: ref PLY-1)Devon & Cornwall Police has climbed.",
     None, [], [("PERSON", "Charles Cross")]),
    ("The inquiry office on George Street closed in 2019, said Sarah Jones.", None,
     [("PERSON", "Sarah Jones", {})], [("PERSON", "George Street")]),
    ("Officers at the Mary Seacole hospital said the force had improved.", None, [], [("PERSON", "Mary Seacole")]),
    ("Staff moved from Arthur Wood Academy to the new station.", None, [], [("PERSON", "Arthur Wood Academy"), ("PERSON", "Arthur Wood")]),
    ("Daniel Park, the chief constable, said so. James Street, his deputy chief constable, agreed.", None,
     [("PERSON", "Daniel Park", {}), ("PERSON", "James Street", {})], []),
    ("Judge Simon Hirst told him he had been lucky.", None,
     [("ROLE", "Judge", {"id": "other"}), ("PERSON", "Simon Hirst", {})], [("PERSON", "Judge Simon Hirst")]),
    ("The Inspector said little. Judge for yourself.", None, [], [("ROLE", "Inspector"), ("ROLE", "Judge")]),
    ("Detective Inspector Jo Banks led the review.", None, [("ROLE", "Detective Inspector", {}), ("PERSON", "Jo Banks", {})], []),
    # bylines: a name line above its desk line, given names of any origin; "By" is no part of a name
    # (dev5's class, sentences our own)
    ("Force must answer calls faster, says watchdog\n\nFfion Ashworth\nCrime and courts reporter\n9 March 2023", None,
     [("PERSON", "Ffion Ashworth", {})], []),
    ("Force is 'good' overall\nOluwaseun Adeyemi-Hart\nHome Affairs Correspondent\nSign up to our newsletter", None,
     [("PERSON", "Oluwaseun Adeyemi-Hart", {})], []),
    ("Recording rate climbs\n\nKaveh Rostami\nMidlands news team\n15 August 2024", None, [("PERSON", "Kaveh Rostami", {})], []),
    ("COMMENT: Counting every crime matters\n\nBy Frances Ridley, Police and Crime Commissioner for Sussex", None,
     [("PERSON", "Frances Ridley", {})], [("PERSON", "By Frances Ridley")]),
    ("West Midlands Police\nSexual Offences\nCrime reporter", None, [], [("PERSON", "Sexual Offences")]),
    ("Lancashire Constabulary\nHome Affairs Editor", None, [], [(None, "Home Affairs")]),
    # interim and temporary titles, a chief inspector's rank, a deputy PFCC, the fire inspectorate's HM Inspector, a
    # commissioner's long title; a party label before a name is no part of it (dev11; sentences our own)
    ("Interim Chief Constable Ruth Kendal and T/DCC Gareth Lomax met Ch Insp Daniel Furlong.", None,
     [("ROLE", "Interim Chief Constable", {"id": "chief_constable"}), ("ROLE", "T/DCC", {"id": "deputy_chief_constable"}),
      ("ROLE", "Ch Insp", {"id": "other"}), ("PERSON", "Daniel Furlong", {})], []),
    ("Liam Penhaligon, Deputy Police, Fire and Crime Commissioner, and the Deputy PFCC's office replied.", None,
     [("ROLE", "Deputy Police, Fire and Crime Commissioner", {"id": "deputy_police_and_crime_commissioner"}),
      ("ROLE", "Deputy PFCC", {"id": "deputy_police_and_crime_commissioner"})], []),
    ("His Majesty's Inspector of Fire & Rescue Services Andrea Coulthard spoke; Staffordshire Commissioner for Police, "
     "Fire & Rescue and Crime Ifeoma Radcliffe agreed.", None,
     [("ROLE", "His Majesty's Inspector of Fire & Rescue Services", {"id": "other"}),
      ("ROLE", "Commissioner for Police, Fire & Rescue and Crime", {"id": "police_fire_and_crime_commissioner"}),
      ("PERSON", "Ifeoma Radcliffe", {})], []),
    ("Liberal Democrat Kieran Doyle and Conservative Ruairi Done clashed; Norfolk PCC Lorne Green listened.", None,
     [("PERSON", "Kieran Doyle", {}), ("PERSON", "Ruairi Done", {}), ("PERSON", "Lorne Green", {})],
     [("PERSON", "Democrat Kieran Doyle")]),
    # titles and hedges written with a full stop: one span with their stops (dev6; sentences our own)
    ("Det. Supt. Jane Moss and Asst. Ch. Con. Rob Kerr spoke; approx. 8,100 crimes, c. 3,400 of them violent.", None,
     [("ROLE", "Det. Supt.", {"id": "superintendent"}), ("PERSON", "Jane Moss", {}),
      ("ROLE", "Asst. Ch. Con.", {"id": "assistant_chief_constable"}), ("PERSON", "Rob Kerr", {}),
      ("COUNT", "approx. 8,100", {"qualifier": "approx"}), ("COUNT", "c. 3,400", {"qualifier": "approx"})], []),
    # given names beyond the commonest: a commenter's name line, a photographer in a caption, a panel member
    # (dev10, dev5; the list of given names is a lexicon, these sentences our own)
    ("Comments\nMaureen Hollis\nMy neighbour reported a burglary and never got a crime number.", None,
     [("PERSON", "Maureen Hollis", {})], []),
    ("South Yorkshire Police headquarters (Photo: Karl Hodgkiss)", None, [("PERSON", "Karl Hodgkiss", {})], []),
    ("Councillor Siobhan Maguire and Tariq Hussain, an independent member, questioned the figures.", None,
     [("PERSON", "Siobhan Maguire", {}), ("PERSON", "Tariq Hussain", {})], []),
    # a title with its force before the name (dev5's class, sentences our own)
    ("Chief Constable of Dyfed-Powys Police Owain Tudur-Evans said: \"We are delighted.\"", None,
     [("ROLE", "Chief Constable", {}), ("FORCE", "Dyfed-Powys Police", {}), ("PERSON", "Owain Tudur-Evans", {})], []),
    ("The Chief Constable of Kent Police, Alan Pughsley, welcomed the report.", None,
     [("PERSON", "Alan Pughsley", {})], []),
    ("Deputy Chief Constable of Essex Police Rachel Nolan accepted the findings.", None,
     [("PERSON", "Rachel Nolan", {})], [("PERSON", "Essex Police Rachel Nolan")]),
    ("The chief constable of Kent Police said the force would improve.", None, [], [("PERSON", "Kent Police"), ("PERSON", "said")]),
    # a surname with lower-case particles, whole, in every frame; its later mentions with the particles (dev7)
    ("Chief Constable Marcus van der Berg (Picture: Sussex Police)Sussex Police is failing to record crimes.", None,
     [("PERSON", "Marcus van der Berg", {})], [("PERSON", "Marcus"), ("PERSON", "Picture")]),
    ("Hannah de Souza, Sussex Police and Crime Commissioner (Picture: Office of the Sussex PCC)Sussex's commissioner spoke. "
     "Mrs de Souza added: \"It counts.\"", None, [("PERSON", "Hannah de Souza", {}), ("PERSON", "de Souza", {})],
     [("PERSON", "Hannah"), ("PERSON", "Picture")]),
    ("Mr van der Berg said the force accepted the report.", None, [("PERSON", "van der Berg", {})], [("PERSON", "Berg")]),
    ("Inspector Ana dos Santos said the force had improved, and later said dos Santos had been right.", None,
     [("PERSON", "Ana dos Santos", {}), ("PERSON", "dos Santos", {})], []),
    ("The chief constable, Pieter de Vries, said the force would act.", None, [("PERSON", "Pieter de Vries", {})], []),
    # negatives: a particle word with no name after it, or not inside a name
    ("Officers in the van were called. The force de facto recorded most crimes, said Kent Police.", None, [],
     [("PERSON", "van"), ("PERSON", "de facto")]),
    ("Photo: Kent Police\nPicture: Sussex Police", None, [], [("PERSON", "Photo"), ("PERSON", "Picture")]),
    # (dev8) one typo in a long word of a title or a grade: still the title, the grade
    ("Police and Crime Commissoner Gareth Pennock said Warwickshire Police must act.", None,
     [("ROLE", "Police and Crime Commissoner", {"id": "police_and_crime_commissioner"}), ("PERSON", "Gareth Pennock", {})], []),
    ("Chief Constabel Sam Lee agreed. The force requires improvment, inspectors said.", None,
     [("ROLE", "Chief Constabel", {"id": "chief_constable"}), ("GRADE", "requires improvment", {"id": "requires_improvement"})], []),
    ("The constable said the commission met.", None, [], [("ROLE", "constable"), ("ROLE", "commission")]),
    # councillors, a panel's chair and a mayor are ROLE (ANNOTATION.md, minutes' abbreviations; dev7); the panel is no force
    ("Cllr Nasreen Akhtar, chair of the West Yorkshire Police and Crime Panel, spoke.", None,
     [("ROLE", "Cllr", {"id": "other"}), ("PERSON", "Nasreen Akhtar", {}), ("ROLE", "chair", {"id": "other"})],
     [("FORCE", "West Yorkshire Police")]),
    ("PRESENT: Cllr A. Whitfield (Chair), Cllr R. Dhillon", None, [("ROLE", "Chair", {}), ("ROLE", "Cllr", {})], []),
    ("A councillor said the force must improve. Mayor Tracy Brabin welcomed the report.", None,
     [("ROLE", "councillor", {}), ("ROLE", "Mayor", {}), ("PERSON", "Tracy Brabin", {})], []),
    # a mayor's title written in lower case after the place ('Greater Manchester mayor Andy Burnham'), the place no force
    ("Greater Manchester mayor Andy Burnham said GMP had let victims down.", None,
     [("ROLE", "mayor", {"id": "other"}), ("PERSON", "Andy Burnham", {}), ("FORCE", "GMP", {})],
     [("FORCE", "Greater Manchester")]),
    ("The West Midlands mayor, Andy Street, who holds the PCC's powers, said the force must do better.", None,
     [("ROLE", "mayor", {"id": "other"}), ("PERSON", "Andy Street", {})], [("FORCE", "West Midlands")]),
    ("The Kent Police and Crime Plan was published.", None, [], [("FORCE", "Kent Police")]),
    # negatives: the verb, the furniture, the mayor's office
    ("She will chair the meeting, and he chairs the board from his chair.", None, [], [("ROLE", "chair"), ("ROLE", "chairs")]),
    ("The Mayor's Office for Policing and Crime responded.", None, [], [("ROLE", "Mayor")]),
    ("6.2 The Chair thanked the PFCC. Local councillors said it was fine.", None, [("ROLE", "Chair", {})],
     [("ROLE", "councillors")]),
    # (dev10) a name between commas before "said" ("A spokeswoman for the charity Victim Voice, Daniela Roe, said")
    ("A spokeswoman for the charity Victim Voice, Daniela Roe, said: \"We hear it every week.\"", None,
     [("PERSON", "Daniela Roe", {})], []),
    ("The force's press officer, Aled Pryce-Morgan, said the figures were out of date.", None,
     [("PERSON", "Aled Pryce-Morgan", {})], []),
    ("Oluwaseun Adeyemi-Hart said the force had improved.", None, [("PERSON", "Oluwaseun Adeyemi-Hart", {})], []),
    ("In its report, Kent Police, said the inspectors, did well. The report, Counting Crime, said so.", None, [],
     [("PERSON", "Kent Police"), ("PERSON", "Counting Crime")]),
    # dev8, dev9: Members of Parliament and committee chairmen are ROLE other; a name before "MP" is a name
    ("Birmingham Labour MP Yusuf Karim, who sits on the committee, asked why.", None,
     [("ROLE", "MP", {"id": "other"}), ("PERSON", "Yusuf Karim", {})], [("PERSON", "Birmingham Labour")]),
    ("Yusuf Karim MP said the figures were shameful.", None, [("PERSON", "Yusuf Karim", {}), ("ROLE", "MP", {})], []),
    ("Andrew Pellow, chairman of the Commons public administration committee, said it.", None,
     [("PERSON", "Andrew Pellow", {}), ("ROLE", "chairman", {"id": "other"})], []),
    ("Committee chairwoman Jo Bell agreed with the panel's chairperson.", None,
     [("ROLE", "chairwoman", {"id": "other"}), ("PERSON", "Jo Bell", {}), ("ROLE", "chairperson", {"id": "other"})], []),
    ("The Home Secretary told MPs the findings were unacceptable.", None, [], [("ROLE", "MPs")]),
]

# -- GRADE false positives through context (B3 of catalogue 1; GRADE entries belong to the grades work) -----
GRADES: list[Case] = [
    ("An outstanding 96.4 per cent of crimes reported to Durham Constabulary are now recorded.", None,
     [("PERCENT", "96.4 per cent", {})], [("GRADE", "outstanding"), ("GRADE", "An outstanding")]),
    ("Durham Constabulary is recording an outstanding 96.4 per cent of the crimes reported to it.", None, [],
     [("GRADE", "outstanding")]),
    ("Durham Constabulary was rated outstanding for the way it records crime.", None,
     [("GRADE", "outstanding", {"id": "outstanding"})], []),
    ("The force achieved an outstanding 2,000 extra records.", None, [], [("GRADE", "outstanding")]),
    ("It recorded an outstanding 97 per cent, and was rated 'outstanding' overall.", None,
     [("GRADE", "outstanding", {"id": "outstanding"}), ("PERCENT", "97 per cent", {})], []),
    ("Inspectors judged it outstanding: 96.4 per cent of crimes were recorded.", None,
     [("GRADE", "outstanding", {"id": "outstanding"})], []),
    # (dev13) the force's one grade of a kind: "one" after a possessive means "only", no count; the grade is one
    ("Its one good grade was for preventing crime.", None, [("GRADE", "good", {"id": "good"})], [("COUNT", "one")]),
    ("Their one outstanding rating came in 2019, and our one inadequate grade was for call handling.", None,
     [("GRADE", "outstanding", {}), ("GRADE", "inadequate", {})], [("COUNT", "one")]),
]

# -- (dev14) entities of real pages: crime types named as the pages name them, titles of rank and office, a
#    force's bilingual name, a Welsh surname's particle, "estimated" as a verb, clock times with their zone,
#    ranges and periods, numbers that count nothing ----------------------------------------------------------------
DEV14_ENTITIES: list[Case] = [
    ("It covers violence against women and girls (VAWG) and VAWG offences.", None,
     [("CRIME_TYPE", "violence against women and girls", {}), ("CRIME_TYPE", "VAWG", {}), ("CRIME_TYPE", "VAWG offences", {})],
     [("CRIME_TYPE", "violence")]),
    ("Rural crime such as machinery theft, hare coursing and fly-tipping rose, as did threats to kill and dangerous driving.",
     None, [("CRIME_TYPE", "machinery theft", {}), ("CRIME_TYPE", "hare coursing", {}), ("CRIME_TYPE", "fly-tipping", {}),
            ("CRIME_TYPE", "threats to kill", {}), ("CRIME_TYPE", "dangerous driving", {})], [("CRIME_TYPE", "theft")]),
    ("They included several assaults occasioning actual bodily harm and one case of terrorism.", None,
     [("CRIME_TYPE", "assaults occasioning actual bodily harm", {}), ("CRIME_TYPE", "terrorism", {})],
     [("CRIME_TYPE", "assaults"), ("CRIME_TYPE", "actual bodily harm")]),
    ("PC Tom Hallam, a Metropolitan Police officer, resigned. Thefts of a PC were reported.", None,
     [("ROLE", "PC", {"id": "other"}), ("PERSON", "Tom Hallam", {})], []),
    ("Temporary Detective Chief Inspector Ann Lee and T/Chief Supt Laila Farouk spoke.", None,
     [("ROLE", "Temporary Detective Chief Inspector", {}), ("ROLE", "T/Chief Supt", {"id": "chief_superintendent"})],
     [("ROLE", "Detective Chief Inspector"), ("ROLE", "Chief Supt")]),
    ("The Minister of State answered for the Secretary of State for the Home Department.", None,
     [("ROLE", "Minister of State", {"id": "other"}), ("ROLE", "Secretary of State for the Home Department", {"id": "other"})],
     [("ROLE", "Minister")]),
    ("Heddlu Gwent Police and Heddlu Dyfed-Powys Police both replied.", None,
     [("FORCE", "Heddlu Gwent Police", {"id": "gwent"}), ("FORCE", "Heddlu Dyfed-Powys Police", {"id": "dyfed_powys"})], []),
    ("Police and Crime Commissioner Rhodri ap Gwynfor welcomed it.", None, [("PERSON", "Rhodri ap Gwynfor", {})],
     [("PERSON", "Rhodri")]),
    ("It pointed to the Crime Survey, which estimated 9.6 million incidents. HMICFRS estimated 5,000 more, and Kent Police "
     "records an estimated 26,200.", None,
     [("COUNT", "9.6 million", {}), ("COUNT", "5,000", {}), ("COUNT", "an estimated 26,200", {})],
     [("COUNT", "estimated 9.6 million"), ("COUNT", "estimated 5,000")]),
    ("3 March 2016 Last updated at 18:42 GMT\nPublished 6:00am BST", None,
     [("DATE", "18:42 GMT", {}), ("DATE", "6:00am BST", {})], [("DATE", "18:42")]),
    ("Reports published between 2022 and this autumn. Source: HMICFRS PEEL reports, 2022–2024.", "2024-11-04",
     [("DATE", "2022 and this autumn", {}), ("DATE", "2022–2024", {})], [("DATE", "2022")]),
    ("The autumn 2016 sample and that December 2020 inspection both found gaps.", None,
     [("DATE", "autumn 2016", {}), ("DATE", "December 2020", {})], [("DATE", "The autumn"), ("DATE", "that December")]),
    ("It examined crimes from the first half of the year, in the first year of the plan.", None,
     [("DATE", "the first half of the year", {}), ("DATE", "the first year", {})], []),
    ("UIN 21874, tabled on 3 March 2020. It took over 31,000 calls to 999.\nEmergency: 999 Non-emergency: 101", None,
     [("COUNT", "over 31,000", {})], [("COUNT", "21874"), ("COUNT", "999"), ("COUNT", "101")]),
    ("At one time or another 30 were wrong, and one force was rated inadequate.", None,
     [("COUNT", "30", {}), ("COUNT", "one", {})], [("COUNT", "one time")]),
    ("In the rape cases they looked at, just one of 47 had not been correctly recorded.", None,
     [("COUNT", "one", {}), ("COUNT", "47", {})], []),
    ("Its re-inspection report now rates the force good; they did judge it good on leadership, and good in two areas.",
     None, [("GRADE", "good", {"id": "good"})], []),
]

# -- "on average N" is approx (ANNOTATION, Figures), so "on average" is the figure's hedge and part of its span, as
# "about" is; an average stated of something else ("on average forces recorded ...") hedges nothing. --------
AVERAGES: list[Case] = [
    ("It found that on average 1,900 violent crimes are not recorded each year.", None,
     [("COUNT", "on average 1,900", {"value": 1900, "qualifier": "approx"})], [("COUNT", "1,900")]),
    ("The force records on average 85 per cent of reported crime.", None,
     [("PERCENT", "on average 85 per cent", {"value": 85, "qualifier": "approx"})], []),
    ("On average 3,700 crimes of every kind are not recorded each year.", None,
     [("COUNT", "On average 3,700", {"value": 3700, "qualifier": "approx"})], []),
    ("Inspectors said the force missed on average 40 reports of rape a year.", None,
     [("COUNT", "on average 40", {"value": 40, "qualifier": "approx"})], []),
    # negatives: the average is of forces, or of a duration, not a hedge on the figure
    ("While on average forces recorded 85 per cent of crime, Kent Police recorded 80 per cent.", None,
     [("PERCENT", "85 per cent", {"qualifier": "exact"})], []),
    ("Crimes took on average 12 days to be recorded.", None, [("DATE", "12 days", {})], [("COUNT", "on average 12")]),
]

# -- A unit given once for a list of figures, a ratio 'of every', periods counted from an event, clock zones,
# the emergency numbers in a list of services (dev12) -----------------------------------------------------------
LISTED_UNITS: list[Case] = [
    ("Durham tops the table with 96.4 per cent of crimes recorded, then Kent (94.3), Staffordshire (93.8) and Surrey "
     "(91.9).", None, [("PERCENT", "94.3", {"value": 94.3, "qualifier": "exact"}), ("PERCENT", "91.9", {"value": 91.9})],
     [("COUNT", "94.3")]),
    ("Cumbria recorded 95.1 per cent, Cleveland stood at 83.4 and Gwent at 80.2.", None,
     [("PERCENT", "83.4", {"value": 83.4}), ("PERCENT", "80.2", {"value": 80.2})], []),
    ("Some 97.2 per cent were recorded in Norfolk, against Suffolk and Essex (both 90.6).", None,
     [("PERCENT", "90.6", {"value": 90.6})], []),
    # negatives: a noun of its own, no unit given before on the line
    ("Kent records 94.3 per cent of crimes with 1.5 officers per 1,000 people.", None, [], [(None, "1.5")]),
    ("The force was inspected.\nSurrey (91.9) was not.", None, [], [(None, "91.9")]),
    ("Its budget rose by 2.5 to £80m.", None, [], [(None, "2.5")]),
    # 'N of every M' is a ratio; 'N of M' stays an audit's two counts
    ("An internal audit found it recording 89 of every 100 crimes.", None,
     [("PERCENT", "89 of every 100", {"value": 89.0, "qualifier": "approx"})], [("COUNT", "89")]),
    ("Only 7 of every 10 reports of rape were logged.", None, [("PERCENT", "7 of every 10", {"value": 70.0})], []),
    ("Inspectors found 74 of 81 audited rape reports were recorded.", None,
     [("COUNT", "74", {}), ("COUNT", "81", {})], [("PERCENT", "74 of 81")]),
    # a period counted from another event
    ("When she chased it two months later there was still no crime number.", None,
     [("DATE", "two months later", {})], [("DATE", "two months")]),
    ("A year later the force was inspected again.", None, [("DATE", "A year later", {})], []),
    ("Three weeks earlier, the chief constable had promised change.", None, [("DATE", "Three weeks earlier", {})], []),
    ("A few months later the audit was repeated.", None, [("DATE", "A few months later", {})], []),
    # a clock time with its zone
    ("Sunday 9 February 2020 6:00am GMT", "2020-02-09", [("DATE", "Sunday 9 February 2020 6:00am GMT", {})], []),
    ("Updated 14 June 2023, 5:45pm BST", "2023-06-14", [("DATE", "14 June 2023, 5:45pm BST", {})], []),
    # emergency numbers in a list of services, or as the number called
    ("The force was inadequate at answering 999 and non-emergency calls.", None, [], [("COUNT", "999")]),
    ("Officers took 2,000 calls a day to 999.", None, [("COUNT", "2,000", {})], [("COUNT", "999")]),
    ("It was slow at answering 101 or non-emergency contact.", None, [], [("COUNT", "101")]),
]

# -- Periods however named, dates with a part of their year, days in a year named relative to the article; temporary
# ranks written "T/", vice-chairs, a bare "commissioner" (dev13) -------------------------------------------------------
PERIODS_AND_TITLES: list[Case] = [
    ("It failed to record them during a three-month spell last summer.", "2014-01-29",
     [("DATE", "a three-month spell", {}), ("DATE", "last summer", {"year": 2013})], [("DATE", "three-month")]),
    ("The review covered a six-week window in the spring.", None, [("DATE", "a six-week window", {})], []),
    ("It took a sample of calls from June 1 to August 31 last year.", "2014-01-29",
     [("DATE", "June 1 to August 31 last year", {"year": 2013})], [("DATE", "last year")]),
    ("Inspectors came back in March last year.", "2014-01-29", [("DATE", "March last year", {"year": 2013})], []),
    ("Some were still sitting on an open log weeks later.", None, [("DATE", "weeks later", {})], []),
    ("If one force can miss 26 offences in a single summer, what of the rest?", None, [("DATE", "a single summer", {})], []),
    ("It went on for a whole year; a single weekend was enough to show it.", None,
     [("DATE", "a whole year", {}), ("DATE", "a single weekend", {})], []),
    ("That was a fall of 10 per cent on the year before.", None, [("DATE", "the year before", {})], []),
    ("The day before the inspection the force changed its policy.", None, [], [("DATE", "The day before")]),
    ("The aim is to record 95% of crime by the end of 2017.", "2016-09-29", [("DATE", "the end of 2017", {"year": 2017})],
     [("DATE", "2017")]),
    ("Recording improved from the start of 2024.", "2025-03-01", [("DATE", "the start of 2024", {"year": 2024})], []),
    ("Demand peaks in the summer months and over the summer season.", None,
     [("DATE", "the summer months", {}), ("DATE", "the summer season", {})], []),
    ("T/Assistant Chief Constable Nadia Pell, Surrey Police", None,
     [("ROLE", "T/Assistant Chief Constable", {"id": "assistant_chief_constable"}), ("PERSON", "Nadia Pell", {})], []),
    ("T/Deputy Chief Constable Owen Reed said the force had improved.", None,
     [("ROLE", "T/Deputy Chief Constable", {"id": "deputy_chief_constable"})], []),
    ("Cllr David Pryor (Vice-Chairman)", None, [("ROLE", "Vice-Chairman", {"id": "other"})], [("ROLE", "Chairman")]),
    ("Your report quoted the commissioner as saying the force had changed.", None, [("ROLE", "commissioner", {})], []),
    ("The police and crime commissioner said so.", None, [("ROLE", "police and crime commissioner", {})],
     [("ROLE", "commissioner")]),
    # 'as good as' compares; 'one' before its verb is a pronoun; a date and its clock time across a hyphen; a service
    # named for a crime is no crime type, a team keeps its crime type (dev13)
    ("But a grade is only as good as the numbers underneath it.", None, [], [("GRADE", "good")]),
    ("The force was rated good, and it is as good as its neighbours.", None, [("GRADE", "good", {"id": "good"})], []),
    ("I would urge the commissioner, whatever one thinks of his bid, to ask for a visit.", None, [], [("COUNT", "one")]),
    ("As one might expect, the figures were disputed.", None, [], [("COUNT", "one")]),
    ("Tuesday, March 14, 2017 - 07:00", "2017-03-14", [("DATE", "Tuesday, March 14, 2017 - 07:00", {"year": 2017})], []),
    ("Published 3 June 2021 – 14:05", "2021-06-03", [("DATE", "3 June 2021 – 14:05", {"year": 2021})], []),
    ("Seven rape reports referred by a sexual assault referral centre were missed.", None,
     [("CRIME_TYPE", "rape", {})], [("CRIME_TYPE", "sexual assault")]),
    ("Victims were sent to domestic abuse services and a rape crisis centre.", None, [],
     [("CRIME_TYPE", "domestic abuse"), ("CRIME_TYPE", "rape")]),
    ("Detective Inspector Carla Venn leads the force's specialist rape team.", None, [("CRIME_TYPE", "rape", {})], []),
    # a place with a lower-case "force" is the force's name; a season after a preposition of time; a relative period
    # with its part; a shadow minister and a national lead are titles (dev13)
    ("Bedfordshire force 'one of most stretched in country'", None, [("FORCE", "Bedfordshire force", {"id": "bedfordshire"})], []),
    ("A new crime management unit would be fully staffed by spring.", None, [("DATE", "spring", {})], []),
    ("The force held a spring clean of its systems.", None, [], [("DATE", "spring")]),
    ("The inspectorate would publish a national overview early next year.", "2018-05-01",
     [("DATE", "early next year", {"year": 2019})], [("DATE", "next year")]),
    ("Daniel Ashworth-Pryce, Labour's shadow policing minister, said so.", None,
     [("ROLE", "shadow policing minister", {"id": "other"})], [("ROLE", "policing minister")]),
    ("Chief Constable Jo Farrell, the NPCC lead for crime recording, agreed.", None,
     [("ROLE", "NPCC lead for crime recording", {"id": "other"})], []),
    # a deputy mayor's longer title; a place naming a mayoralty is no force; a period of working days; a ranked list
    # of links counts nothing, a comment count does; "one" picking out one sample or check (dev13)
    ("Its Deputy Mayor for Policing, Fire and Crime, Zoe Marchbank, took over when the York and North Yorkshire mayoralty "
     "was created.", None, [("ROLE", "Deputy Mayor for Policing, Fire and Crime", {"id": "deputy_mayor_for_policing_and_crime"})],
     [("FORCE", "North Yorkshire")]),
    ("It checks every referral within one working day, and took three working weeks.", None,
     [("DATE", "one working day", {}), ("DATE", "three working weeks", {})], [("COUNT", "one")]),
    ("Most read\n1 Motorway closed after lorry fire\n2 School praised by Ofsted\n12 crimes were missed.", None,
     [("COUNT", "12", {})], [("COUNT", "1"), ("COUNT", "2")]),
    ("Share this article\n23 Comments\nKent Police was inspected.", None, [("COUNT", "23", {})], []),
    ("In one sample of 96 reports of violent crime, 19 had not been recorded. In one check, inspectors read 210 logs.", None,
     [("COUNT", "96", {}), ("COUNT", "210", {})], [("COUNT", "one")]),
    ("Only one officer was trained.", None, [("COUNT", "one", {})], []),
    # a caption's credit glued to a name by its opening bracket (dev13)
    ("Chief Constable Idris Mallender(Image: Warwickshire Police)Warwickshire Police headquarters", None,
     [("PERSON", "Idris Mallender", {}), ("FORCE", "Warwickshire Police", {})], [("PERSON", "Idris")]),
]

CASES = {"dev14_entities": DEV14_ENTITIES, "periods_and_titles": PERIODS_AND_TITLES, "listed_units": LISTED_UNITS, "average": AVERAGES, "fraction": FRACTIONS, "crime_type": CRIME_TYPES, "inspectorate": INSPECTORATES, "count": COUNTS, "date": DATES,
         "force": FORCES, "person": PEOPLE, "grade": GRADES}


def _found(found: list[tuple[str, str, dict[str, Any]]], label: str, text: str, norm: dict[str, Any]) -> bool:
    return any(l == label and t == text and all((n or {}).get(k) == v for k, v in norm.items()) for l, t, n in found)


@pytest.mark.parametrize(("text", "date", "present", "absent"),
                         [pytest.param(*case, id=f"{kind}-{i}") for kind, cases in CASES.items() for i, case in enumerate(cases)])
def test_real_entities(nlp: Language, text: str, date: str | None, present: Present, absent: Absent) -> None:
    found = entities(nlp, text, date)
    for label, span_text, norm in present:
        assert _found(found, label, span_text, norm), f"{label} {span_text!r} {norm} not in {found}"
    for label, span_text in absent:
        assert not any(t == span_text and (label is None or l == label) for l, t, _ in found), \
            f"{label or 'any'} {span_text!r} should not be tagged: {found}"
