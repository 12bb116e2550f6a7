"""The contract's labels and ids (../shared/SCHEMA.md §1–2) as Python constants.

They live apart from ``pipeline.schema`` so that ``pipeline.finding_types`` can check
values against them while ``pipeline.schema`` derives its finding constants from the
descriptions: one import direction, no cycle. Import them from ``pipeline.schema``,
which re-exports every one.
"""

from __future__ import annotations

from typing import Final

ENTITY_LABELS: Final = (
    "FORCE",
    "INSPECTORATE",
    "PERSON",
    "ROLE",
    "PERCENT",
    "COUNT",
    "CRIME_TYPE",
    "GRADE",
    "DATE",
)

TERRITORIAL_FORCES: Final = (
    "avon_and_somerset", "bedfordshire", "cambridgeshire", "cheshire", "city_of_london",
    "cleveland", "cumbria", "derbyshire", "devon_and_cornwall", "dorset", "durham",
    "dyfed_powys", "essex", "gloucestershire", "greater_manchester", "gwent", "hampshire",
    "hertfordshire", "humberside", "kent", "lancashire", "leicestershire", "lincolnshire",
    "merseyside", "metropolitan", "norfolk", "north_wales", "north_yorkshire",
    "northamptonshire", "northumbria", "nottinghamshire", "south_wales", "south_yorkshire",
    "staffordshire", "suffolk", "surrey", "sussex", "thames_valley", "warwickshire",
    "west_mercia", "west_midlands", "west_yorkshire", "wiltshire",
)
OTHER_FORCES: Final = (
    "british_transport_police", "civil_nuclear", "ministry_of_defence", "psni",
    "police_scotland",
)
FORCE_IDS: Final = TERRITORIAL_FORCES + OTHER_FORCES
INSPECTORATE_ID: Final = "hmicfrs"
ORGANISATION_IDS: Final = FORCE_IDS + (INSPECTORATE_ID,)

ROLE_IDS: Final = (
    "hm_chief_inspector_of_constabulary", "hm_inspector_of_constabulary", "chief_constable",
    "deputy_chief_constable", "assistant_chief_constable", "chief_superintendent",
    "superintendent", "police_and_crime_commissioner",
    "deputy_police_and_crime_commissioner", "police_fire_and_crime_commissioner",
    "deputy_mayor_for_policing_and_crime", "other",
)
CRIME_TYPES: Final = (
    "all_crime", "violence", "sexual_offences", "rape", "domestic_abuse", "modern_slavery",
    "burglary", "criminal_damage", "hate_crime", "child_sexual_offences", "other",
)
# "adequate": PEEL's grade since 2021, between good and requires improvement (SCHEMA §5, 2026-12-06).
GRADES: Final = ("outstanding", "good", "adequate", "requires_improvement", "inadequate")
DEFAULT_AREA: Final = "crime_data_integrity"
# The closed list of SCHEMA §5 (2026-12-06): crime recording and the three questions of a
# 2016-2020 crime data integrity report; PEEL's areas since 2021; PEEL's pillars 2014-2020; other.
AREA_IDS: Final = (
    DEFAULT_AREA, "recording_reported_crime", "systems_and_processes", "leadership_and_culture",
    "preventing_crime", "treatment_of_the_public", "responding_to_the_public", "investigating_crime",
    "protecting_vulnerable_people", "managing_offenders", "developing_a_positive_workplace",
    "leadership_and_force_management", "good_use_of_resources",
    "effectiveness", "efficiency", "legitimacy", "leadership",
    "other",
)
QUALIFIERS: Final = ("exact", "approx", "more_than", "less_than")
