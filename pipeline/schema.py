"""The contract of ../shared/SCHEMA.md as Python constants.

Every component, the gold validator and the scorer import their vocabulary from
here so a label or id can only be spelled one way in the code base. The labels and
ids are kept in ``pipeline.ids``; the finding constants are derived from the
descriptions in ``pipeline.finding_types``, their single source. They are snapshots
taken at import, plain dicts for the linker's hot path: code that must also see a
type registered later (a test's toy type) reads ``pipeline.finding_types.REGISTRY``.
"""

from __future__ import annotations

import re
from typing import Final

from pipeline.finding_types import REGISTRY as _REGISTRY
from pipeline.ids import (
    AREA_IDS,
    CRIME_TYPES,
    DEFAULT_AREA,
    ENTITY_LABELS,
    FORCE_IDS,
    GRADES,
    INSPECTORATE_ID,
    ORGANISATION_IDS,
    OTHER_FORCES,
    QUALIFIERS,
    ROLE_IDS,
    TERRITORIAL_FORCES,
)

__all__ = [
    "AREA_IDS", "CORE_FIELDS", "CRIME_TYPES", "DATE_MARKER", "DEFAULT_AREA", "ENTITY_LABELS", "FINDING_FIELDS", "FINDING_TYPES",
    "FORCE_IDS", "GRADES", "INSPECTORATE_ID", "ORGANISATION_IDS", "OTHER_FORCES", "QUALIFIERS", "RATE_TOLERANCE",
    "ROLE_IDS", "STRICT_FIELDS", "TERRITORIAL_FORCES", "marker_date",
]

FINDING_TYPES: Final[tuple[str, ...]] = _REGISTRY.names()

# Fields each finding type carries (SCHEMA §2), in output order.
FINDING_FIELDS: Final[dict[str, tuple[str, ...]]] = {t.name: t.field_names for t in _REGISTRY.types()}

# The core tuple the scorer matches on (SCHEMA §4), and the extra fields of strict scoring.
CORE_FIELDS: Final[dict[str, tuple[str, ...]]] = {t.name: t.core for t in _REGISTRY.types()}
STRICT_FIELDS: Final[dict[str, tuple[str, ...]]] = {t.name: t.strict for t in _REGISTRY.types()}
RATE_TOLERANCE: Final[float] = _REGISTRY["recording_rate"].field("value").tolerance  # type: ignore[union-attr,assignment]

# Some articles begin with a metadata marker " date YYYY-MM-DD " before the body (SCHEMA preamble).
DATE_MARKER: Final = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2}) ")


def marker_date(text: str) -> str | None:
    """The article date from a leading `` date YYYY-MM-DD `` marker, if present."""
    match = DATE_MARKER.match(text)
    return match.group(1) if match else None
