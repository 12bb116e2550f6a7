"""Component ``finding_linker``: the SCHEMA §2 findings of a document, in ``doc._.findings``.

It runs the rules of ``pipeline.linking`` (one module per finding type, in a declared
order) and keeps one copy of each finding per sentence. Every finding carries its
evidence (the sentence's character offsets) and the entity spans it was built from.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import register_extensions
from pipeline.linking import Linker, build_lexicon
from pipeline.resources import load_json


class FindingLinker:
    def __init__(self, name: str = "finding_linker", cues: str = "finding_cues.json") -> None:
        register_extensions()
        self.name = name
        self.linker = Linker(build_lexicon(load_json(cues), load_json("forces.json"), load_json("titles.json")))

    def __call__(self, doc: Doc) -> Doc:
        doc._.findings = self.linker(doc)
        return doc


@Language.factory("finding_linker", default_config={"cues": "finding_cues.json"})
def make_finding_linker(nlp: Language, name: str, cues: str) -> FindingLinker:
    return FindingLinker(name, cues)
