"""``linker.py``: the rules in their declared order (checked against the shared state they write and read), each
finding kept once per place, findings sorted by evidence start then type; the lexicon checked against the rules."""

from __future__ import annotations

from typing import Any, ClassVar, Iterator

import pytest

from pipeline.linking import CueDataError, Linker, RULE_ORDER, build_lexicon, check_rule_order, cue_readers
from pipeline.linking.document import LinkDoc
from pipeline.linking.findings import Finding, make_finding
from pipeline.linking.rules import AuditSampleRule, GradeRule, OfficialRule, RecordingRateRule, UnrecordedCountRule
from pipeline.linking.rules.base import LinkRule
from pipeline.linking.state import STATE_FIELDS, SharedState
from pipeline.resources import load_json

from .builders import fields, lexicon, make_doc, num, pct

KENT = ("Kent Police", "FORCE", "kent")


class ReadsSamples(LinkRule):
    finding_type = "unrecorded_count"
    reads = frozenset({"samples"})


class WritesSamples(LinkRule):
    finding_type = "audit_sample"
    writes = frozenset({"samples"})


class NamesNothing(LinkRule):
    finding_type = "grade"
    writes = frozenset({"nonesuch"})


def test_the_declared_order_passes() -> None:
    check_rule_order(RULE_ORDER)
    assert RULE_ORDER[0] is AuditSampleRule and RULE_ORDER.index(AuditSampleRule) < RULE_ORDER.index(UnrecordedCountRule)


def test_a_rule_reading_shared_state_before_any_rule_writes_it_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"ReadsSamples reads \['samples'\] before any rule writes it"):
        check_rule_order([ReadsSamples, WritesSamples])
    check_rule_order([WritesSamples, ReadsSamples])
    with pytest.raises(ValueError, match="UnrecordedCountRule reads"):
        check_rule_order([UnrecordedCountRule, AuditSampleRule])


def test_a_rule_may_read_what_it_writes_itself() -> None:
    assert AuditSampleRule.reads <= AuditSampleRule.writes
    check_rule_order([AuditSampleRule])


def test_a_rule_naming_shared_state_that_does_not_exist_is_rejected() -> None:
    assert "nonesuch" not in STATE_FIELDS
    with pytest.raises(ValueError, match=r"NamesNothing names shared state that does not exist: \['nonesuch'\]"):
        check_rule_order([NamesNothing])


def test_the_linker_checks_its_order_when_built() -> None:
    with pytest.raises(ValueError, match="before any rule writes it"):
        Linker(lexicon(), [UnrecordedCountRule, AuditSampleRule])


def test_every_rule_and_reading_module_declares_its_cues() -> None:
    names = [name for name, _ in cue_readers()]
    assert "pipeline.linking.focus" in names and "pipeline.linking.resolvers.force" in names
    assert "pipeline.linking.rules.grade.GradeRule" in names and "pipeline.linking.rules.areas" in names
    assert "pipeline.linking.rules.audit_pairs" in names
    assert len(names) == len(set(names)) == 10 + len(RULE_ORDER)


def test_a_lexicon_for_rules_that_leave_cues_unread_fails() -> None:
    with pytest.raises(CueDataError, match="no rule reads"):
        build_lexicon(load_json("finding_cues.json"), load_json("forces.json"), load_json("titles.json"), rules=[GradeRule])


# --- what the linker does with the findings of its rules ---------------------------------------

class _Scripted(LinkRule):
    """A rule that gives the findings of its script: (sentence index, type, fields)."""

    script: ClassVar[list[tuple[int, str, dict[str, Any]]]] = []

    def find(self, doc: LinkDoc, state: SharedState) -> Iterator[Finding]:
        for index, ftype, values in self.script:
            sent = doc.sentences[index]
            ents = sent.of("COUNT") or sent.of("FORCE")
            yield make_finding(ftype, sent, ents, **values)


def _scripted(name: str, script: list[tuple[int, str, dict[str, Any]]]) -> type[LinkRule]:
    return type(name, (_Scripted,), {"script": script, "finding_type": script[0][1]})


GRADE = {"force": "kent", "area": "crime_data_integrity", "grade": "good", "year": 2023}
RATE = {"force": "kent", "crime_type": "all_crime", "value": 90.0, "qualifier": "exact", "year": 2023}
OFFICIAL = {"person": "Alan Pughsley", "role": "chief_constable", "organisation": "kent"}
TWO = "Kent Police was inspected. It recorded 90 per cent and 7,600 crimes were missed."
TWO_ENTS = [KENT, ("90 per cent", "PERCENT", pct(90.0)), ("7,600", "COUNT", num(7600))]


def test_identical_findings_at_one_place_are_kept_once() -> None:
    doc = make_doc(TWO, TWO_ENTS)
    first = _scripted("First", [(1, "grade", GRADE), (1, "grade", GRADE)])
    second = _scripted("Second", [(1, "grade", GRADE), (1, "grade", {**GRADE, "grade": "outstanding"})])
    found = Linker(lexicon(), [first, second])(doc)
    assert [f["grade"] for f in found] == ["good", "outstanding"]


def test_findings_the_same_but_for_their_entities_are_the_same() -> None:
    doc = make_doc(TWO, TWO_ENTS)

    class Other(_Scripted):
        finding_type = "grade"
        script = [(1, "grade", GRADE)]

        def find(self, doc: LinkDoc, state: SharedState) -> Iterator[Finding]:
            for finding in super().find(doc, state):
                yield {**finding, "entities": []}

    found = Linker(lexicon(), [_scripted("First", [(1, "grade", GRADE)]), Other])(doc)
    assert len(found) == 1 and found[0]["entities"] != []  # the first one kept


def test_the_same_fields_at_two_places_are_two_findings() -> None:
    doc = make_doc("Kent Police was rated good. Kent Police was rated good.", [KENT, KENT])
    found = Linker(lexicon(), [_scripted("Twice", [(0, "grade", GRADE), (1, "grade", GRADE)])])(doc)
    assert [f["evidence"]["start"] for f in found] == [0, 28]


def test_findings_are_sorted_by_evidence_start_then_type() -> None:
    doc = make_doc(TWO, TWO_ENTS)
    late = _scripted("Late", [(1, "recording_rate", RATE), (0, "official", OFFICIAL)])
    early = _scripted("Early", [(1, "grade", GRADE), (0, "grade", GRADE)])
    found = Linker(lexicon(), [late, early])(doc)
    assert [(f["evidence"]["start"], f["type"]) for f in found] == [(0, "grade"), (0, "official"), (27, "grade"), (27, "recording_rate")]


def test_the_rules_in_order_over_a_hand_built_document() -> None:
    text = ("Gwent Police was inspected. Of 1,024 crimes in the audit, 936 had been recorded. That leaves 88 crimes that never made "
            "it onto the system. Of those 1,024 crimes, 286 involved violence - and of these, 241 were recorded.\n"
            "Chief constable Pam Kelly said it was rated good.")
    ents = [("Gwent Police", "FORCE", "gwent"), ("1,024", "COUNT", num(1024)), ("936", "COUNT", num(936)), ("88", "COUNT", num(88)),
            ("1,024", "COUNT", num(1024)), ("286", "COUNT", num(286)), ("violence", "CRIME_TYPE", "violence"),
            ("241", "COUNT", num(241)), ("Chief constable", "ROLE", "chief_constable"), ("Pam Kelly", "PERSON"), ("good", "GRADE", "good")]
    found = Linker(lexicon())(make_doc(text, ents, date="2023-06-15"))
    assert fields(found) == [
        # The 88 left over is the rest of the sample the audit rule found first: no unrecorded count (SCHEMA §5).
        {"type": "audit_sample", "force": "gwent", "crime_type": "all_crime", "recorded": 936, "total": 1024, "year": 2023},
        {"type": "audit_sample", "force": "gwent", "crime_type": "violence", "recorded": 241, "total": 286, "year": 2023},
        {"type": "grade", "force": "gwent", "area": "crime_data_integrity", "grade": "good", "year": 2023},
        {"type": "official", "person": "Pam Kelly", "role": "chief_constable", "organisation": "gwent"},
    ]
    starts = [f["evidence"]["start"] for f in found]
    assert starts == sorted(starts)


def test_a_document_with_no_entities_gives_no_findings() -> None:
    assert Linker(lexicon())(make_doc("Nothing to see here. Nor here.")) == []


def test_the_linker_runs_every_rule_of_the_order() -> None:
    linker = Linker(lexicon())
    assert [type(rule) for rule in linker.rules] == [AuditSampleRule, RecordingRateRule, UnrecordedCountRule, GradeRule, OfficialRule]
