"""The linking rules, one module per finding type, and the order they run in.

Audit samples run first: the counts they are read from ("74 of 81", "Of the 310 checked,
47 had not been recorded") are not read again as unrecorded counts, and a count equal to
a sample's remainder is that part of the sample, no unrecorded count. The order is
checked against what each rule declares it writes and reads (``LinkRule.writes``/``reads``)
when the linker is built.
"""

from __future__ import annotations

from pipeline.linking.rules.audit_sample import AuditSampleRule
from pipeline.linking.rules.base import LinkRule
from pipeline.linking.rules.grade import GradeRule
from pipeline.linking.rules.official import OfficialRule
from pipeline.linking.rules.recording_rate import RecordingRateRule
from pipeline.linking.rules.unrecorded_count import UnrecordedCountRule

RULE_ORDER: tuple[type[LinkRule], ...] = (AuditSampleRule, RecordingRateRule, UnrecordedCountRule, GradeRule, OfficialRule)

__all__ = ["RULE_ORDER", "LinkRule", "AuditSampleRule", "RecordingRateRule", "UnrecordedCountRule", "GradeRule", "OfficialRule"]
