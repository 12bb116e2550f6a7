"""Component ``force_focus``: which police force each sentence is about, in ``doc._.sentences``.

The decisions are ``pipeline/linking/focus.py``'s: the last force named up to a sentence
is its focus ("the force", topic switches), sentences about forces in general are
national, and links to other stories are debris.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import register_extensions
from pipeline.linking import CueSpec, SentenceFocus, cue_readers
from pipeline.resources import load_json


class ForceFocus:
    def __init__(self, name: str = "force_focus", cues: str = "finding_cues.json") -> None:
        register_extensions()
        self.name = name
        self.focus = SentenceFocus(CueSpec.shared(load_json(cues), cue_readers()))

    def __call__(self, doc: Doc) -> Doc:
        doc._.sentences = self.focus(doc)
        return doc


@Language.factory("force_focus", default_config={"cues": "finding_cues.json"})
def make_force_focus(nlp: Language, name: str, cues: str) -> ForceFocus:
    return ForceFocus(name, cues)
