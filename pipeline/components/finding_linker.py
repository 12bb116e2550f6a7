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


Identity = tuple[tuple[str, str], ...]


def _identity(finding: dict[str, Any]) -> Identity:
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
        # of one type in one sentence are compared field by field, and most places hold
        # one finding, so a place's identities are worked out when its second one comes.
        first_at: dict[tuple[str, int], dict[str, Any]] = {}
        seen_at: dict[tuple[str, int], set[Identity]] = {}
        for rule in self.rules:
            for finding in rule.find(ctx):
                place = (finding["type"], finding["evidence"]["start"])
                first = first_at.setdefault(place, finding)
                if first is not finding:
                    seen = seen_at.get(place)
                    if seen is None:
                        seen = seen_at[place] = {_identity(first)}
                    identity = _identity(finding)
                    if identity in seen:
                        continue
                    seen.add(identity)
                findings.append(finding)
        findings.sort(key=lambda f: (f["evidence"]["start"], f["type"]))
        doc._.findings = findings
        return doc


@Language.factory("finding_linker", default_config={"cues": "finding_cues.json"})
def make_finding_linker(nlp: Language, name: str, cues: str) -> FindingLinker:
    return FindingLinker(name, cues)
