"""Component ``force_focus``: which police force each sentence is about, in ``doc._.sentences``.

The decisions are ``pipeline/linking/focus.py``'s: the last force named up to a sentence
is its focus ("the force", topic switches), sentences about forces in general are
national, and links to other stories are debris. Its cue lists
(``data/finding_cues.json``) are saved with the pipeline (``DataBacked``).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.by_component import BatchedPipe
from pipeline.components.data_backed import DataBacked
from pipeline.extensions import register_extensions
from pipeline.linking import CueSpec, SentenceFocus, cue_readers


class ForceFocus(BatchedPipe, DataBacked):
    def __init__(self, name: str = "force_focus", cues: str = "finding_cues.json") -> None:
        register_extensions()
        self.name = name
        self.data_files = {"cues": cues}
        self._load_package_data()

    def _build(self, data: dict[str, Any]) -> None:
        # The linker's spec too, when built from the same file: a document's cues are scanned once for both.
        self.focus = SentenceFocus(CueSpec.shared(data["cues"], cue_readers()))

    def __call__(self, doc: Doc) -> Doc:
        doc._.sentences = self.focus(doc)
        return doc


@Language.factory(
    "hmicfrs_force_focus",
    default_config={"cues": "finding_cues.json"},
    assigns=["doc._.sentences"],
    requires=["token.is_sent_start", "doc.ents", "token.ent_kb_id", "doc._.force_areas"],
)
def make_force_focus(nlp: Language, name: str, cues: str) -> ForceFocus:
    return ForceFocus(name, cues)
