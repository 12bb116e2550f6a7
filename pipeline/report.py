"""Plain-text tables for scores and summaries: what a person reads after a run."""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable, Mapping

from pipeline.evaluate import EntityReport, FindingReport, Scores
from pipeline.finding_types import REGISTRY
from pipeline.schema import ENTITY_LABELS


def _row(name: str, cells: Iterable[str]) -> str:
    return f"{name:<24}" + "".join(f"{c:>26}" for c in cells)


def _prf(scores: Scores, label: str | None) -> str:
    s = scores.micro if label is None else scores.per_label.get(label)
    if s is None or s.tp + s.fp + s.fn == 0:
        return "-"
    return f"{s.precision:.2f}/{s.recall:.2f}/{s.f1:.3f}"


def entity_table(pipeline: EntityReport, baselines: dict[str, EntityReport]) -> str:
    heads = ["pipeline strict", "pipeline lenient"] + [f"{name} strict" for name in baselines]
    lines = ["entities (P/R/F1)", _row("label", heads)]
    for label in list(ENTITY_LABELS) + [None]:
        n = (pipeline.strict.micro if label is None else pipeline.strict.per_label.get(label))
        support = (n.tp + n.fn) if n else 0
        cells = [_prf(pipeline.strict, label), _prf(pipeline.lenient, label)]
        cells += [_prf(b.strict, label) for b in baselines.values()]
        lines.append(_row(f"{label or 'micro'} ({support})", cells))
    return "\n".join(lines)


def finding_table(pipeline: FindingReport, baselines: dict[str, FindingReport]) -> str:
    heads = ["pipeline core", "pipeline strict"] + [f"{name} core" for name in baselines]
    lines = ["findings (P/R/F1)", _row("type", heads)]
    for ftype in list(REGISTRY.names()) + [None]:
        n = pipeline.core.micro if ftype is None else pipeline.core.per_label.get(ftype)
        support = (n.tp + n.fn) if n else 0
        cells = [_prf(pipeline.core, ftype), _prf(pipeline.strict, ftype)]
        cells += [_prf(b.core, ftype) for b in baselines.values()]
        lines.append(_row(f"{ftype or 'micro'} ({support})", cells))
    acc = ", ".join(f"{k} {v['accuracy']:.2f} (n={v['n']})" for k, v in pipeline.attribute_accuracy.items())
    lines.append(f"attribute accuracy over matched pairs: {acc}")
    return "\n".join(lines)


def error_listing(entity_errors: dict[str, Any], finding_errors: dict[str, Any]) -> str:
    lines = []
    for doc_id in sorted(set(entity_errors) | set(finding_errors)):
        lines.append(f"== {doc_id}")
        ents = entity_errors.get(doc_id, {})
        for kind, sign in (("false_negatives", "-"), ("false_positives", "+")):
            for start, end, label, text in ents.get(kind, []):
                lines.append(f"  {sign} {label:<12} {start:>5}-{end:<5} {text!r}")
        finds = finding_errors.get(doc_id, {})
        for kind, sign in (("false_negatives", "-"), ("false_positives", "+")):
            for finding in finds.get(kind, []):
                core = {k: v for k, v in finding.items() if k not in ("evidence", "entities")}
                lines.append(f"  {sign} FINDING {core}")
    return "\n".join(lines)


def summary(records: list[dict[str, Any]], problems: int) -> str:
    labels = Counter(s["label"] for r in records for s in r["spans"])
    types = Counter(f["type"] for r in records for f in r["findings"])
    return count_summary(len(records), problems, labels, types)


def count_summary(extracted: int, problems: int, labels: Mapping[str, int], types: Mapping[str, int],
                  skipped: int = 0) -> str:
    """The run in three lines, from counts alone (a batch never holds its records)."""
    first = f"documents: {extracted} extracted, {problems} reported bad and skipped"
    if skipped:
        first += f", {skipped} already done"
    lines = [first]
    lines.append("entities:  " + ", ".join(f"{lab} {labels.get(lab, 0)}" for lab in ENTITY_LABELS))
    lines.append("findings:  " + ", ".join(f"{t} {types.get(t, 0)}" for t in REGISTRY.names()))
    return "\n".join(lines)
