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

    # Token starts of the counts an audit sample was read from or accounts for (its recorded part,
    # its total, the failures it was said through, the incidents examined beside it): no other
    # audit sample or unrecorded count is read from them.
    sample_counts: set[int] = field(default_factory=set)
    # The audit samples found, with the index of the sentence that states each: an unrecorded
    # count equal to a sample's remainder ("116 were not recorded") is that part of the sample,
    # not the force's count, and gives no unrecorded count (SCHEMA §5, Audits).
    samples: list[tuple[int, Finding]] = field(default_factory=list)

    def rest_of_sample(self, sent_index: int, force: str, value: int) -> Finding | None:
        """The audit sample, in this or the previous sentence, whose unrecorded remainder is ``value``."""
        for index, sample in reversed(self.samples):
            if sent_index - 1 <= index <= sent_index and sample["force"] == force and sample["total"] - sample["recorded"] == value:
                return sample
        return None


STATE_FIELDS = frozenset(f.name for f in fields(SharedState))
