"""Building a finding: its SCHEMA §2 fields in order, the sentence as its evidence, the entities it was read from."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pipeline.schema import FINDING_FIELDS

if TYPE_CHECKING:
    from pipeline.linking.document import Sentence
    from pipeline.linking.figures import Ent

Finding = dict[str, Any]  # a SCHEMA §2 finding, with "evidence" and "entities"


def make_finding(ftype: str, sent: Sentence, ents: list[Ent], **fields: Any) -> Finding:
    """A finding with its SCHEMA fields in order, the sentence as evidence, and its entities."""
    finding: Finding = {"type": ftype}
    names = FINDING_FIELDS[ftype]
    if tuple(fields) == names:
        finding.update(fields)  # the rules give the fields in SCHEMA order: copied in one call
    else:
        for name in names:
            finding[name] = fields[name]
    finding["evidence"] = {"start": sent.start_char, "end": sent.end_char}
    finding["entities"] = [[e.start_char, e.end_char, e.label] for e in ents]
    return finding
