"""Component ``finding_linker``: the SCHEMA §2 findings of a document, in ``doc._.findings``.

It composes the rules of ``pipeline.linking`` (audit samples first, so their counts
are not read again as unrecorded counts) and keeps one copy of each finding per
sentence. Every finding carries its evidence (the sentence's character offsets) and
the entity spans it was built from.

Its cue lists (``data/finding_cues.json``) are saved with the pipeline (``DataBacked``), and
so is ``forces.json``, which ``pipeline.linking`` reads by name for the places of a grade's
area. ``score`` gives the project's finding scores (``pipeline.evaluate``) to ``nlp.evaluate``.
"""

from __future__ import annotations

from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example, validate_examples

from pipeline.components.data_backed import DataBacked, shared
from pipeline.cues import Cues
from pipeline.evaluate import PRF, score_findings
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

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Finding scores from the project's scorer (SCHEMA §4), as flat keys for ``nlp.evaluate``.

        Each example is one record: the reference's ``_.findings`` are the gold, the
        predicted doc's the prediction. ``findings_core_*`` match the core tuple,
        ``findings_strict_*`` also year, qualifier and per-year; ``findings_per_type`` is
        the core score of each type; ``findings_<attr>_acc`` the attribute accuracy over
        core matches.
        """
        validate_examples(examples, "FindingLinker.score")
        gold, predicted = [], {}
        for i, eg in enumerate(examples):
            gold.append({"id": str(i), "findings": list(eg.reference._.findings or ())})  # a tuple, from a DocBin
            predicted[str(i)] = {"findings": list(eg.predicted._.findings or ())}
        report = score_findings(gold, predicted)
        scores: dict[str, Any] = {}
        for kind, prf in (("core", report.core.micro), ("strict", report.strict.micro)):
            scores.update(_prf(f"findings_{kind}", prf))
        scores["findings_per_type"] = {ftype: _prf_dict(prf) for ftype, prf in sorted(report.core.per_label.items())}
        for attr, accuracy in report.attribute_accuracy.items():
            scores[f"findings_{attr}_acc"] = accuracy["accuracy"] if accuracy["n"] else None
        return scores


def _prf(prefix: str, prf: PRF) -> dict[str, float]:
    return {f"{prefix}_p": prf.precision, f"{prefix}_r": prf.recall, f"{prefix}_f": prf.f1}


def _prf_dict(prf: PRF) -> dict[str, float]:
    """One type's scores in the shape of spaCy's ``*_per_type`` entries."""
    return {"p": prf.precision, "r": prf.recall, "f": prf.f1}


@Language.factory(
    "hmicfrs_finding_linker",
    default_config={"cues": "finding_cues.json"},
    assigns=["doc._.findings"],
    requires=["doc._.sentences", "doc.ents", "token.ent_kb_id", "doc._.ent_norms", "doc._.article_date"],
    default_score_weights={
        "findings_core_f": 1.0, "findings_core_p": 0.0, "findings_core_r": 0.0,
        "findings_strict_f": 0.0, "findings_strict_p": None, "findings_strict_r": None,
        "findings_per_type": None, "findings_year_acc": None, "findings_qualifier_acc": None,
        "findings_per_year_acc": None,
    },
)
def make_finding_linker(nlp: Language, name: str, cues: str) -> FindingLinker:
    return FindingLinker(name, cues)
