"""Component ``person_tagger``: PERSON candidates from titles, roles and speech, no model needed.

Names in this coverage arrive in a few fixed frames: after an honorific ("Ms
Billingham") or a title of office ("Police and Crime Commissioner Angus
Macpherson"), before an appositive role ("Rod Hansen, chief constable"), around a
speech verb ("said Zoe Billingham"), after a byline's "By", or as a known given name
followed by a surname. Once a full name is found, later bare surnames are the same
person. Words come from ``data/titles.json`` and ``data/first_names.txt``.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.extensions import CANDIDATES_KEY, register_extensions
from pipeline.patterns import DATA_DIR, load_json

_NAME_SHAPE = re.compile(r"^(?:[A-Z][a-zà-ÿ]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+|[A-Z][a-zà-ÿ]*['’][A-Z]?[a-zà-ÿ]+|[A-Z]\.?)$")
_BLOCKING_LABELS = {"FORCE", "FORCE_PLACE", "INSPECTORATE", "ROLE", "DATE", "CRIME_TYPE", "COUNT", "PERCENT"}
_AFTER_ROLE_SKIP = {",", ")", "(", "’s", "'s"}
MAX_NAME_TOKENS = 4


def _load_first_names(path: Path) -> frozenset[str]:
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.extend(line.split())
    return frozenset(words)


class PersonTagger:
    def __init__(self, name: str = "person_tagger", spans_key: str = CANDIDATES_KEY) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        titles = load_json("titles.json")
        self.honorifics = frozenset(titles["honorifics"])
        self.speech_verbs = frozenset(titles["speech_verbs"])
        self.byline_words = frozenset(titles["byline_words"])
        self.not_names = frozenset(titles["not_names"])
        self.first_names = _load_first_names(DATA_DIR / "first_names.txt")

    # -- token tests -------------------------------------------------------
    def _name_like(self, token: Token, blocked: set[int]) -> bool:
        return (
            token.i not in blocked
            and token.text not in self.not_names
            and token.text not in self.honorifics
            and bool(_NAME_SHAPE.match(token.text))
        )

    def _run_from(self, doc: Doc, i: int, blocked: set[int]) -> int:
        """End (exclusive) of the run of name tokens starting at ``i``."""
        j = i
        while j < len(doc) and j - i < MAX_NAME_TOKENS and self._name_like(doc[j], blocked):
            if "\n" in doc[j].whitespace_:
                return j + 1
            if j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and self._name_like(doc[j + 2], blocked):
                j += 3
                continue
            j += 1
        return j

    def _run_to(self, doc: Doc, end: int, blocked: set[int]) -> int:
        """Start of the run of name tokens ending just before ``end``."""
        i = end
        while i > 0 and end - i < MAX_NAME_TOKENS and self._name_like(doc[i - 1], blocked) and "\n" not in doc[i - 1].whitespace_:
            i -= 1
        return i

    # -- frames ------------------------------------------------------------
    def _find(self, doc: Doc, roles: list[Span], blocked: set[int]) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []

        def add(start: int, end: int, min_len: int = 1) -> None:
            # Single capitals ("J.") can only sit inside a longer name.
            while end > start and len(doc[end - 1].text.rstrip(".")) <= 1:
                end -= 1
            if end - start >= min_len and len(doc[start].text.rstrip(".")) > 1:
                found.append((start, end))

        for token in doc:
            i = token.i
            if token.text in self.honorifics and i + 1 < len(doc):
                start = i + 1 + (doc[i + 1].text == ".")
                while start < len(doc) and doc[start].text in self.honorifics:
                    start += 1
                add(start, self._run_from(doc, start, blocked))
            elif token.text in self.first_names and self._name_like(token, blocked):
                add(i, self._run_from(doc, i, blocked), min_len=2)
            elif token.lower_ in self.speech_verbs and i + 1 < len(doc):
                add(i + 1, self._run_from(doc, i + 1, blocked), min_len=2)
                start = self._run_to(doc, i, blocked)
                add(start, i, min_len=2)
            elif token.text in self.byline_words and (i == 0 or "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text):
                add(i + 1, self._run_from(doc, i + 1, blocked), min_len=2)
        for role in roles:
            start = role.end
            while start < len(doc) and start - role.end < 3 and doc[start].text in _AFTER_ROLE_SKIP:
                start += 1
            while start < len(doc) and doc[start].text in self.honorifics:
                start += 1
            add(start, self._run_from(doc, start, blocked))
            # Appositive: "Rod Hansen, chief constable" / "Jane Doe, the force's deputy chief constable".
            for comma in range(role.start - 1, max(role.start - 5, 0), -1):
                if doc[comma].is_sent_end or doc[comma].text in {".", ":", ";", '"', "“", "”"}:
                    break
                if doc[comma].text == ",":
                    add(self._run_to(doc, comma, blocked), comma, min_len=2)
                    break
        return found

    def __call__(self, doc: Doc) -> Doc:
        candidates = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        blocked = {i for span in candidates if span.label_ in _BLOCKING_LABELS for i in range(span.start, span.end)}
        roles = [s for s in candidates if s.label_ == "ROLE"]
        found = self._find(doc, roles, blocked)
        # Later bare surnames of people already named ("Mr Parr" -> "Parr" handled above; "Parr said").
        surnames = {doc[end - 1].text for start, end in found if end - start >= 2}
        taken = {i for start, end in found for i in range(start, end)}
        for token in doc:
            if token.text in surnames and token.i not in taken and self._name_like(token, blocked):
                found.append((token.i, token.i + 1))
        new = [Span(doc, start, end, label="PERSON") for start, end in sorted(set(found))]
        doc.spans[self.spans_key] = candidates + new
        return doc


@Language.factory("person_tagger", default_config={"spans_key": CANDIDATES_KEY})
def make_person_tagger(nlp: Language, name: str, spans_key: str) -> PersonTagger:
    return PersonTagger(name, spans_key)
