"""Component ``finding_linker``: the SCHEMA §2 findings of a document, in ``doc._.findings``.

It composes the rules of ``pipeline.linking`` (audit samples first, so their counts
are not read again as unrecorded counts) and keeps one copy of each finding per
sentence. Every finding carries its evidence (the sentence's character offsets) and
the entity spans it was built from.

Its cue lists (``data/finding_cues.json``) are saved with the pipeline (``DataBacked``), and
so is ``forces.json``, which ``pipeline.linking`` reads by name for the places of a grade's
area.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.data_backed import DataBacked, shared
from pipeline.cues import Cues
from pipeline.extensions import register_extensions
from pipeline.linking import RULES, LinkContext


Identity = tuple[tuple[str, str], ...]


def _identity(finding: dict[str, Any]) -> Identity:
    """What makes two findings the same: all their fields but the entities, as text."""
    return tuple([(k, str(v)) for k, v in finding.items() if k != "entities"])


class FindingLinker(DataBacked):
    # pipeline.linking reads forces.json by name (pipeline/loaded_data.py).
    read_by_name = ("forces",)

    def __init__(self, name: str = "finding_linker", cues: str = "finding_cues.json") -> None:
        register_extensions()
        self.name = name
        self.rules = [rule() for rule in RULES]
        self.data_files = {"cues": cues, "forces": "forces.json"}
        self._load_package_data()

    def _build(self, data: dict[str, Any]) -> None:
        # force_focus's Cues too, when built from the same file: a document's cues are scanned once for both.
        self.cues: Cues = shared(Cues, data["cues"])

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


@Language.factory(
    "hmicfrs_finding_linker",
    default_config={"cues": "finding_cues.json"},
    assigns=["doc._.findings"],
    requires=["doc._.sentences", "doc.ents", "token.ent_kb_id", "doc._.ent_norms", "doc._.article_date"],
)
def make_finding_linker(nlp: Language, name: str, cues: str) -> FindingLinker:
    return FindingLinker(name, cues)
