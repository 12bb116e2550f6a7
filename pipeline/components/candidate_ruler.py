"""Component ``candidate_ruler``: spaCy's SpanRuler, writing its matches as candidates.

Every force name and variant, role, the inspectorate's names, crime types and grades
are phrase patterns (``pipeline/patterns.py`` builds them from ``data/forces.json``
and ``data/lexicon.json``). spaCy's ``SpanRuler`` keeps them, validates them, adds
them and saves them with the pipeline; this subclass inherits all of that and
changes only what a match becomes. The SpanRuler makes a ``Span`` of each match and
stores a ``SpanGroup``, which the taggers after it must read back; here a match goes
straight onto the candidate board as a plain tuple (``pipeline/candidates.py``), in
the order the SpanRuler would have stored it. Matching is a third of the cost of
the SpanRuler on this corpus.
"""

from __future__ import annotations

from itertools import chain

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.by_component import BatchedPipe
from pipeline.candidates import Candidate, add_candidates
from pipeline.extensions import register_extensions


class CandidateRuler(BatchedPipe, SpanRuler):
    def __init__(self, nlp: Language, name: str = "candidate_ruler", *,
                 phrase_matcher_attr: str | None = "LOWER", validate: bool = True) -> None:
        register_extensions()
        # No scorer: candidates are not scored against gold (the SpanRuler's default would score
        # an empty doc.spans["ruler"]); the entity_resolver scores the entities chosen from them.
        super().__init__(nlp, name, spans_key=None, phrase_matcher_attr=phrase_matcher_attr,
                         validate=validate, overwrite=False, scorer=None)

    def __call__(self, doc: Doc) -> Doc:
        matches = self.phrase_matcher(doc)
        if len(self.matcher):  # token patterns, if any were added
            matches = chain(self.matcher(doc), matches)
        sort_keys, key_of = self._sort_keys, self._sort_key
        # A Span sorts by offsets, then by the string ids of its label and id.
        rows = sorted({(start, end, *(sort_keys.get(m_id) or key_of(m_id))) for m_id, start, end in matches if start != end})
        new = tuple.__new__  # Candidate(...) runs a Python-level __new__; this builds the same tuple in C
        add_candidates(doc, [new(Candidate, (start, end, label, span_id)) for start, end, _, _, label, span_id in rows])
        return doc

    def _sort_key(self, match_id: int) -> tuple[int, int, str, str]:
        """String ids of a match's label and span id (for the order), then the strings themselves."""
        found = self._match_label_id_map[match_id]
        key = self._sort_keys[match_id] = (get_string_id(found["label"]), get_string_id(found["id"]), found["label"], found["id"])
        return key

    def clear(self) -> None:
        super().clear()
        self._sort_keys: dict[int, tuple[int, int, str, str]] = {}


@Language.factory(
    "hmicfrs_candidate_ruler",
    default_config={"phrase_matcher_attr": "LOWER", "validate": True},
    assigns=["doc._.candidates"],
)
def make_candidate_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None, validate: bool) -> CandidateRuler:
    return CandidateRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=validate)
