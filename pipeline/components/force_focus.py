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

from typing import Any, NamedTuple

import numpy
from spacy.attrs import IDX, SENT_START

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.candidates import EntityRow, entity_rows
from pipeline.cues import Cues, load_cues
from pipeline.extensions import register_extensions
from pipeline.token_view import TokenView, token_view


class _Sent(NamedTuple):
    start: int
    end: int
    start_char: int
    end_char: int


def _sentences(doc: Doc, view: TokenView) -> list[_Sent]:
    """Sentence offsets read from arrays (``doc.sents`` builds a Span per sentence)."""
    if not len(doc):
        return []
    rows = doc.to_array([SENT_START, IDX])
    starts = numpy.flatnonzero(rows[:, 0] == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    idx = rows[:, 1].tolist()
    ends = starts[1:] + [len(doc)]
    out = []
    for s, e in zip(starts, ends):
        # Evidence leaves out the whitespace tokens (line breaks) at either end of a sentence.
        first, last = s, e - 1
        while last > first and not view.text[last].strip():
            last -= 1
        while first < last and not view.text[first].strip():
            first += 1
        out.append(_Sent(s, e, idx[first], idx[last] + len(view.text[last].rstrip())))
    return out


class ForceFocus:
    def __init__(self, name: str = "force_focus", cues: str = "finding_cues.json") -> None:
        register_extensions()
        self.name = name
        self.cues: Cues = load_cues(cues)

    _PAST = frozenset({"former", "ex", "ex-", "retired", "previously"})

    def _past_offices(self, view: TokenView, rows: list[EntityRow]) -> set[int]:
        """Starts of forces named as someone's past office ("Mr Cooke, a former chief constable of
        Merseyside Police"): a biography, not a switch of topic."""
        starts = {e.start for e in rows if e.label == "FORCE"}
        past = set()
        for e in rows:
            if e.label == "ROLE" and e.start > 0 and view.lower[e.start - 1] in self._PAST:
                if e.end + 1 >= view.n or view.lower[e.end] not in ("of", "at", "for"):
                    continue
                force_start = e.end + 2 if view.lower[e.end + 1] == "the" else e.end + 1
                if force_start in starts:
                    past.add(force_start)
        return past

    def __call__(self, doc: Doc) -> Doc:
        view = token_view(doc)
        cues = self.cues.scan(view)
        rows = entity_rows(doc)
        forces = [(e.start, e.end, e.kb_id) for e in rows if e.label == "FORCE"]
        past = self._past_offices(view, rows)
        areas = [tuple(a) for a in (doc._.force_areas or [])]
        sentences: list[dict[str, Any]] = []
        focus: str | None = None
        for sent in _sentences(doc, view):
            named = [list(f) for f in forces if sent.start <= f[0] < sent.end]
            placed = [list(a) for a in areas if sent.start <= a[0] < sent.end]
            previous = focus
            # A related-story link ("READ MORE: Gwent Police chief ...") names a force the text is not about.
            debris = cues.follows("debris", sent.start, 2) is not None
            if debris:
                named, placed = [], []
            elif topical := [f for f in named if f[0] not in past]:
                focus = topical[-1][2]
            elif placed:
                focus = placed[-1][2]
            national = not named and not placed and cues.find("national", sent.start, sent.end) != []
            start, end = sent.start_char, sent.end_char
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
