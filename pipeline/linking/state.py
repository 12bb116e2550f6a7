"""What one rule leaves for the rules after it, in one document: declared, not set on a shared context.

Each rule says which of these fields it writes and which it reads
(``LinkRule.writes``/``reads``), and the linker checks, when it is built, that a field is
written by a rule no later than any rule that reads it. So "audit samples before
unrecorded counts" is a stated dependency, not an accident of the order of a list.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from pipeline.linking.findings import Finding


@dataclass
class SharedState:
    """The fields rules share within one document."""

    # Token starts of the counts an audit sample was read from: its recorded part and total, and
    # the unrecorded part when the sample is stated through it ("Of the 310 violent crimes checked,
    # 47 had not been recorded" is 263 of 310: the 47 and the 310 go here). No other audit sample
    # or unrecorded count is read from them.
    sample_counts: set[int] = field(default_factory=set)
    # The audit samples found, with the index of the sentence that states each: a count equal to a
    # sample's remainder ("116 were not recorded", "That leaves 88 crimes") is part of that sample.
    samples: list[tuple[int, Finding]] = field(default_factory=list)

    def sample_with_rest(self, force: str, value: int) -> Finding | None:
        """The audit sample of ``force`` whose unrecorded remainder is ``value``, stated anywhere in the document.

        Such a count is part of the sample, not the force's total (SCHEMA §5, 2026-12-06): "of these
        354 were recorded ... 116 were not recorded", and later "the 88 missed crimes had all since been
        recorded" after "of 1,024 crimes identified in the audit, 936 had been recorded"."""
        for _, sample in self.samples:
            if sample["force"] == force and sample["total"] - sample["recorded"] == value:
                return sample
        return None


STATE_FIELDS = frozenset(f.name for f in fields(SharedState))
