"""Everything the linker knows of words, built once from its data: cues, force places, honorifics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from pipeline.linking.cues import CueReads, CueSpec
from pipeline.resources import PhraseSet, tokenize_phrase


@dataclass(frozen=True)
class Places:
    """The place names of forces ("Norfolk", "the Isle of Wight"), searchable by token, with their force ids."""

    index: PhraseSet
    ids: dict[tuple[str, ...], str]

    @classmethod
    def from_forces(cls, forces: Mapping[str, Any]) -> Places:
        """From ``data/forces.json``."""
        places = [(p, f["id"]) for f in forces["forces"] for p in f["places"]]
        return cls(PhraseSet([p for p, _ in places]), {tokenize_phrase(p): fid for p, fid in places})


@dataclass(frozen=True)
class Lexicon:
    """The cue file checked against the rules' reads, the force places, and the honorifics of titles."""

    cues: CueSpec
    places: Places
    honorifics: frozenset[str]

    @classmethod
    def build(cls, cue_data: Mapping[str, Any], forces: Mapping[str, Any], titles: Mapping[str, Any],
              reads: Iterable[tuple[str, CueReads]]) -> Lexicon:
        return cls(CueSpec.shared(cue_data, reads), Places.from_forces(forces), frozenset(titles["honorifics"]))
