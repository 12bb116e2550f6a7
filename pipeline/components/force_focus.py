"""Component ``force_focus``: which police force each sentence is about.

News copy names a force once and then says "the force", "the constabulary", "it",
"its"; round-ups switch from one force to the next ("The watchdog also published a
report on Leicestershire ... the force recorded 84.1%"). The focus of a sentence is
the last force named up to and including it, so anaphora and topic switches both
resolve to the force most recently in the reader's mind. A sentence about forces in
general ("nationally", "across England and Wales") that names no force is marked
national: its figures are not any one force's.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.candidates import entity_rows
from pipeline.cues import Cues, load_cues
from pipeline.extensions import register_extensions
from pipeline.token_view import token_view


class ForceFocus:
    def __init__(self, name: str = "force_focus", cues: str = "finding_cues.json") -> None:
        register_extensions()
        self.name = name
        self.cues: Cues = load_cues(cues)

    def __call__(self, doc: Doc) -> Doc:
        view = token_view(doc)
        text = view.source
        forces = [(e.start, e.end, e.kb_id) for e in entity_rows(doc) if e.label == "FORCE"]
        areas = [tuple(a) for a in (doc._.force_areas or [])]
        sentences: list[dict[str, Any]] = []
        focus: str | None = None
        for sent in doc.sents:
            named = [list(f) for f in forces if sent.start <= f[0] < sent.end]
            placed = [list(a) for a in areas if sent.start <= a[0] < sent.end]
            previous = focus
            # A related-story link ("READ MORE: Gwent Police chief ...") names a force the text is not about.
            debris = self.cues.follows(view, "debris", sent.start, 2) is not None
            if debris:
                named, placed = [], []
            elif named:
                focus = named[-1][2]
            elif placed:
                focus = placed[-1][2]
            national = not named and not placed and self.cues.find(view, "national", sent.start, sent.end) != []
            start, end = sent.start_char, sent.end_char
            while end > start and text[end - 1].isspace():  # evidence without the line breaks around it
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            sentences.append({
                "start": start, "end": end,
                "tok_start": sent.start, "tok_end": sent.end,
                "forces": named, "areas": placed, "focus_before": previous, "focus": focus, "national": national,
            })
        doc._.sentences = sentences
        return doc


@Language.factory("force_focus", default_config={"cues": "finding_cues.json"})
def make_force_focus(nlp: Language, name: str, cues: str) -> ForceFocus:
    return ForceFocus(name, cues)
