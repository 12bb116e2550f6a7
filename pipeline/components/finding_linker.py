"""Component ``finding_linker``: the SCHEMA §2 findings of a document, in ``doc._.findings``.

It composes the rules of ``pipeline.linking`` (audit samples first, so their counts
are not read again as unrecorded counts) and keeps one copy of each finding per
sentence. Every finding carries its evidence (the sentence's character offsets) and
the entity spans it was built from.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.cues import load_cues
from pipeline.extensions import register_extensions
from pipeline.linking import RULES, LinkContext


def _identity(finding: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """What makes two findings the same: all their fields but the entities, as text."""
    return tuple([(k, str(v)) for k, v in finding.items() if k != "entities"])


class FindingLinker:
    def __init__(self, name: str = "finding_linker", cues: str = "finding_cues.json") -> None:
        register_extensions()
        self.name = name
        self.cues = load_cues(cues)
        self.rules = [rule() for rule in RULES]

    def __call__(self, doc: Doc) -> Doc:
        ctx = LinkContext(doc, self.cues)
        findings: list[dict[str, Any]] = []
        # Findings the same in every field share their type and evidence: only findings
        # of one type in one sentence are compared field by field.
        by_place: dict[tuple[str, int], list[dict[str, Any]]] = {}
        for rule in self.rules:
            for finding in rule.find(ctx):
                place = (finding["type"], finding["evidence"]["start"])
                earlier = by_place.setdefault(place, [])
                if earlier and any(_identity(finding) == _identity(e) for e in earlier):
                    continue
                earlier.append(finding)
                findings.append(finding)
        findings.sort(key=lambda f: (f["evidence"]["start"], f["type"]))
        doc._.findings = findings
        return doc


@Language.factory("finding_linker", default_config={"cues": "finding_cues.json"})
def make_finding_linker(nlp: Language, name: str, cues: str) -> FindingLinker:
    return FindingLinker(name, cues)
