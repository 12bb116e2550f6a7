"""Score predictions against gold exactly as SCHEMA §4 says.

Entities: micro and per-label precision/recall/F1, strict (same start, end, label)
and lenient (an overlapping span of the same label). Findings: per document, sets
of core tuples, micro and per type (recording rates match within ±0.05); over
matched pairs the accuracy of year, qualifier and per_year; and a strict F1 whose
tuples include them. Error listings say, per document, what was missed and what
was invented, so a person can see why.

Predictions are paired with gold documents by :func:`match_predictions`: by id, else by
text, so output whose ids differ from gold's (``extract`` names a .txt file's article by its
path, gold by its own ids) is still scored against the right document.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from pipeline.finding_types import REGISTRY
from pipeline.schema import ENTITY_LABELS


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    micro: PRF = field(default_factory=PRF)
    per_label: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))

    def add(self, label: str, score: PRF) -> None:
        self.per_label[label].add(score)
        self.micro.add(score)

    def as_dict(self) -> dict[str, Any]:
        return {"micro": self.micro.as_dict(), "per_label": {k: v.as_dict() for k, v in sorted(self.per_label.items())}}


# -- pairing predictions with gold ------------------------------------------

def text_key(text: str) -> str:
    """A sha256 of the text as a person reads it: Unicode NFC, runs of whitespace as one space, trimmed.

    Pairs a prediction with its gold document when a copy changed only line endings or spacing."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass
class Matching:
    """Which prediction each gold document is scored against, and how it was found."""

    preds: dict[str, dict[str, Any]]  # gold id -> its prediction
    by_id: list[str] = field(default_factory=list)
    by_text: list[str] = field(default_factory=list)  # gold ids paired by exact or normalised text
    unmatched: list[str] = field(default_factory=list)  # gold ids with no prediction: scored as all missed
    text_differs: list[str] = field(default_factory=list)  # paired by id, but the texts are not the same

    @property
    def matched(self) -> int:
        return len(self.by_id) + len(self.by_text)

    def describe(self) -> str:
        total = self.matched + len(self.unmatched)
        return (f"{total} gold documents: {len(self.by_id)} matched to a prediction by id, "
                f"{len(self.by_text)} by text, {len(self.unmatched)} not at all")


def match_predictions(gold: Iterable[Mapping[str, Any]], predictions: Iterable[Mapping[str, Any]]) -> Matching:
    """Pair each gold document with a prediction: the one with its id; failing that, the one with
    its exact text; failing that, the one whose normalised text hashes the same (``text_key``).
    A prediction is used once; predictions for no gold document are left out of the scores."""
    preds = [dict(p) for p in predictions]
    by_id = {p["id"]: p for p in preds if isinstance(p.get("id"), str)}
    used: set[int] = set()
    matching = Matching({})
    pending = []
    for record in gold:
        pred = by_id.get(record["id"])
        if pred is None:
            pending.append(record)
            continue
        matching.preds[record["id"]] = pred
        matching.by_id.append(record["id"])
        used.add(id(pred))
        if pred.get("text") is not None and pred.get("text") != record.get("text"):
            matching.text_differs.append(record["id"])
    if pending:
        free = [p for p in preds if id(p) not in used and isinstance(p.get("text"), str)]
        by_text: dict[str, dict[str, Any]] = {}
        by_key: dict[str, dict[str, Any]] = {}
        for pred in free:
            by_text.setdefault(pred["text"], pred)
            by_key.setdefault(text_key(pred["text"]), pred)
        for record in pending:
            text = record.get("text", "")
            pred = by_text.get(text)
            if pred is None or id(pred) in used:
                pred = by_key.get(text_key(text))
            if pred is None or id(pred) in used:
                matching.unmatched.append(record["id"])
                continue
            used.add(id(pred))
            matching.preds[record["id"]] = pred
            matching.by_text.append(record["id"])
    return matching


def _spans(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    return [(s["start"], s["end"], s["label"]) for s in record.get("spans", [])]


@dataclass
class EntityReport:
    strict: Scores
    lenient: Scores
    errors: dict[str, dict[str, list[tuple[int, int, str, str]]]]


def score_entities(gold: Iterable[dict[str, Any]], pred_by_id: dict[str, dict[str, Any]]) -> EntityReport:
    strict, lenient = Scores(), Scores()
    errors: dict[str, dict[str, list[tuple[int, int, str, str]]]] = {}
    for record in gold:
        text = record["text"]
        predicted = pred_by_id.get(record["id"], {"spans": []})
        gold_spans, pred_spans = set(_spans(record)), set(_spans(predicted))
        for label in ENTITY_LABELS:
            g = {s for s in gold_spans if s[2] == label}
            p = {s for s in pred_spans if s[2] == label}
            tp = len(g & p)
            strict.add(label, PRF(tp, len(p) - tp, len(g) - tp))
            overlaps = lambda a, b: a[0] < b[1] and b[0] < a[1]  # noqa: E731
            p_hit = sum(1 for x in p if any(overlaps(x, y) for y in g))
            g_hit = sum(1 for y in g if any(overlaps(x, y) for x in p))
            lenient.add(label, PRF(p_hit, len(p) - p_hit, len(g) - g_hit))
        missed = sorted(gold_spans - pred_spans)
        invented = sorted(pred_spans - gold_spans)
        if missed or invented:
            errors[record["id"]] = {
                "false_negatives": [(s, e, lab, text[s:e]) for s, e, lab in missed],
                "false_positives": [(s, e, lab, text[s:e]) for s, e, lab in invented],
            }
    return EntityReport(strict, lenient, errors)


# -- findings ---------------------------------------------------------------

def _core_matches(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same type and core tuple, numbers within their field's tolerance (rates ±0.05)."""
    return a["type"] == b["type"] and REGISTRY[a["type"]].core_matches(a, b)


def _strict_matches(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _core_matches(a, b) and all(a.get(f) == b.get(f) for f in REGISTRY[a["type"]].strict)


def _dedupe(findings: list[dict[str, Any]], same: Any) -> list[dict[str, Any]]:
    unique: list[dict[str, Any]] = []
    for finding in findings:
        if finding.get("type") in REGISTRY and not any(same(finding, u) for u in unique):
            unique.append(finding)
    return unique


def scored_attributes() -> tuple[str, ...]:
    """The attributes whose accuracy is reported: every strict field, in the order types list them."""
    return tuple(dict.fromkeys(name for t in REGISTRY.types() for name in t.strict))


def _match(gold: list[dict[str, Any]], pred: list[dict[str, Any]], same: Any) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Greedy one-to-one matching of two sets of findings."""
    pairs = []
    free = list(pred)
    for g in gold:
        for p in free:
            if same(g, p):
                pairs.append((g, p))
                free.remove(p)
                break
    return pairs


@dataclass
class FindingReport:
    core: Scores
    strict: Scores
    attribute_accuracy: dict[str, dict[str, float | int]]
    errors: dict[str, dict[str, list[dict[str, Any]]]]


def score_findings(gold: Iterable[dict[str, Any]], pred_by_id: dict[str, dict[str, Any]]) -> FindingReport:
    core, strict = Scores(), Scores()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    errors: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for record in gold:
        predicted = pred_by_id.get(record["id"], {"findings": []}).get("findings", [])
        g_core = _dedupe(record.get("findings", []), _core_matches)
        p_core = _dedupe(predicted, _core_matches)
        g_strict = _dedupe(record.get("findings", []), _strict_matches)
        p_strict = _dedupe(predicted, _strict_matches)
        for description in REGISTRY.types():
            ftype = description.name
            gs = [f for f in g_core if f["type"] == ftype]
            ps = [f for f in p_core if f["type"] == ftype]
            pairs = _match(gs, ps, _core_matches)
            core.add(ftype, PRF(len(pairs), len(ps) - len(pairs), len(gs) - len(pairs)))
            for g, p in pairs:
                for attr in description.strict:
                    total[attr] += 1
                    right[attr] += g.get(attr) == p.get(attr)
            gs2 = [f for f in g_strict if f["type"] == ftype]
            ps2 = [f for f in p_strict if f["type"] == ftype]
            pairs2 = _match(gs2, ps2, _strict_matches)
            strict.add(ftype, PRF(len(pairs2), len(ps2) - len(pairs2), len(gs2) - len(pairs2)))
        matched = _match(g_strict, p_strict, _strict_matches)
        missed = [g for g in g_strict if not any(g is m[0] for m in matched)]
        invented = [p for p in p_strict if not any(p is m[1] for m in matched)]
        if missed or invented:
            errors[record["id"]] = {"false_negatives": missed, "false_positives": invented}
    accuracy = {
        attr: {"accuracy": round(right[attr] / total[attr], 4) if total[attr] else 0.0, "n": total[attr]}
        for attr in scored_attributes()
    }
    return FindingReport(core, strict, accuracy, errors)
