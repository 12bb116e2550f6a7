"""Component ``finding_linker``: the SCHEMA §2 findings of a document, in ``doc._.findings``.

It runs the rules of ``pipeline.linking`` (one module per finding type, in a declared
order) and keeps one copy of each finding per sentence. Every finding carries its
evidence (the sentence's character offsets) and the entity spans it was built from.

What the rules read is saved with the pipeline (``DataBacked``): the cue lists
(``data/finding_cues.json``), the forces' places (``forces.json``) and the honorifics of
titles (``titles.json``). ``score`` gives the project's finding scores
(``pipeline.evaluate``) to ``nlp.evaluate``.
"""

from __future__ import annotations

from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example, validate_examples

from pipeline.by_component import BatchedPipe
from pipeline.components.data_backed import DataBacked
from pipeline.evaluate import PRF, score_findings
from pipeline.extensions import register_extensions
from pipeline.linking import Linker, build_lexicon


class FindingLinker(BatchedPipe, DataBacked):
    def __init__(self, name: str = "finding_linker", cues: str = "finding_cues.json") -> None:
        register_extensions()
        self.name = name
        self.data_files = {"cues": cues, "forces": "forces.json", "titles": "titles.json"}
        self._load_package_data()

    def _build(self, data: dict[str, Any]) -> None:
        self.linker = Linker(build_lexicon(data["cues"], data["forces"], data["titles"]))

    def __call__(self, doc: Doc) -> Doc:
        doc._.findings = self.linker(doc)
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
