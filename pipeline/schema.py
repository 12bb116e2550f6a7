"""The contract of ../shared/SCHEMA.md as Python constants.

Every component, the gold validator and the scorer import their vocabulary from
here so a label or id can only be spelled one way in the code base.
"""

from __future__ import annotations

import re
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
GRADES: Final = ("outstanding", "good", "requires_improvement", "inadequate")
DEFAULT_AREA: Final = "crime_data_integrity"
QUALIFIERS: Final = ("exact", "approx", "more_than", "less_than")

FINDING_TYPES: Final = ("recording_rate", "unrecorded_count", "audit_sample", "grade", "official")

# Fields each finding type carries (SCHEMA §2), in output order.
FINDING_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "recording_rate": ("force", "crime_type", "value", "qualifier", "year"),
    "unrecorded_count": ("force", "crime_type", "value", "per_year", "qualifier", "year"),
    "audit_sample": ("force", "crime_type", "recorded", "total", "year"),
    "grade": ("force", "area", "grade", "year"),
    "official": ("person", "role", "organisation"),
}

# The core tuple the scorer matches on (SCHEMA §4), and the extra fields of strict scoring.
CORE_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "recording_rate": ("force", "crime_type", "value"),
    "unrecorded_count": ("force", "crime_type", "value"),
    "audit_sample": ("force", "crime_type", "recorded", "total"),
    "grade": ("force", "area", "grade"),
    "official": ("person", "role", "organisation"),
}
STRICT_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "recording_rate": ("year", "qualifier"),
    "unrecorded_count": ("year", "qualifier", "per_year"),
    "audit_sample": ("year",),
    "grade": ("year",),
    "official": (),
}
RATE_TOLERANCE: Final = 0.05

# Some articles begin with a metadata marker " date YYYY-MM-DD " before the body (SCHEMA preamble).
DATE_MARKER: Final = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2}) ")


def marker_date(text: str) -> str | None:
    """The article date from a leading `` date YYYY-MM-DD `` marker, if present."""
    match = DATE_MARKER.match(text)
    return match.group(1) if match else None
