"""What one rule leaves for the rules after it, in one document: declared, not set on a shared context.

Each rule says which of these fields it writes and which it reads
(``LinkRule.writes``/``reads``), and the linker checks, when it is built, that a field is
written by a rule no later than any rule that reads it. So "audit samples before
unrecorded counts" is a stated dependency, not an accident of the order of a list.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from pipeline.linking.figures import Figure
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
    # What should have been recorded, said in a sentence that does not say how many were ("identified 119
    # reports that should have been recorded as crimes."), by that sentence's index: the next sentence may
    # ("All but 17 of them had been.").
    open_totals: dict[int, Figure] = field(default_factory=dict)

    def sample_with_rest(self, force: str, value: int) -> Finding | None:
        """The audit sample of ``force`` whose unrecorded remainder is ``value``, stated anywhere in the document.

        Such a count is part of the sample, not the force's total (SCHEMA §5, 2026-12-06): "of these
        354 were recorded ... 116 were not recorded", and later "the 88 missed crimes had all since been
        recorded" after "of 1,024 crimes identified in the audit, 936 had been recorded"."""
        # An index of the samples by (force, remainder), the first sample of each, made again when samples
        # were added since: a look-up per count, not a pass over every sample (quadratic in a long document).
        index, indexed = self._rests
        if indexed != len(self.samples):
            for _, sample in self.samples[indexed:]:
                index.setdefault((sample["force"], sample["total"] - sample["recorded"]), sample)
            self._rests = (index, len(self.samples))
        return index.get((force, value))

    def sample_rests(self) -> tuple[dict[tuple[str | None, float], int], set[float]]:
        """Each (force, unrecorded remainder) of the samples with the sentence of the last sample that has it,
        and the remainders: kept up to date as samples are added, not rebuilt for every sentence."""
        rests, values, indexed = self._rest_sentences
        if indexed != len(self.samples):
            for index, sample in self.samples[indexed:]:
                rest = sample["total"] - sample["recorded"]
                rests[(sample["force"], rest)] = index
                values.add(rest)
            self._rest_sentences = (rests, values, len(self.samples))
        return rests, values

    # The indexes of ``sample_with_rest`` and ``sample_rests`` and how many samples each holds: no fields rules share.
    _rests: tuple[dict[tuple[str, float], Finding], int] = field(default_factory=lambda: ({}, 0), repr=False, compare=False)
    _rest_sentences: tuple[dict[tuple[str | None, float], int], set[float], int] = field(
        default_factory=lambda: ({}, set(), 0), repr=False, compare=False)


STATE_FIELDS = frozenset(f.name for f in fields(SharedState) if not f.name.startswith("_"))
