"""Component ``line_sentencizer``: sentence boundaries at final punctuation and at line breaks.

The rule is spaCy's Sentencizer's (a sentence ends at a token in ``punct_chars``; the
next token that is neither punctuation nor such a token starts the next one), plus:
a line break ends a sentence, because headlines, captions, bylines and scraped debris
carry no full stop and would otherwise be glued to the next paragraph, giving findings
the wrong evidence; and the leading ` date YYYY-MM-DD ` marker is a sentence of its own. It works on attribute arrays instead of visiting every ``Token``:
on this corpus that is a small fraction of the Sentencizer's cost.
"""

from __future__ import annotations

from typing import Iterable

import numpy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, ORTH, SENT_START
from spacy.lang.lex_attrs import is_punct
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.schema import DATE_MARKER


class LineSentencizer:
    def __init__(self, name: str = "line_sentencizer", *, punct_chars: Iterable[str] | None = None) -> None:
        self.name = name
        self.punct_chars = list(punct_chars) if punct_chars is not None else list(Sentencizer.default_punct_chars)
        self._end_ids = frozenset(get_string_id(c) for c in self.punct_chars)
        # Every default end character is punctuation to spaCy; a configured one may not be.
        self._ends_are_punct = all(is_punct(c) for c in self.punct_chars)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        rows = doc.to_array([ORTH, IS_PUNCT, IS_SPACE])
        # Only punctuation and space tokens can end a sentence: Python visits just those.
        ends = numpy.zeros(n, dtype=bool)
        orths = rows[:, 0].tolist()
        end_ids = self._end_ids
        for i in numpy.flatnonzero(rows[:, 1]).tolist() if self._ends_are_punct else range(n):
            if orths[i] in end_ids:
                ends[i] = True
        strings = doc.vocab.strings
        for i in numpy.flatnonzero(rows[:, 2]).tolist():
            if "\n" in strings[orths[i]]:
                ends[i] = True
        words = numpy.flatnonzero((rows[:, 1] == 0) & ~ends)
        after = numpy.searchsorted(words, numpy.flatnonzero(ends), side="right")
        starts = numpy.full(n, -1, dtype="int64")
        starts[words[after[after < len(words)]]] = 1
        starts[0] = 1
        marker = DATE_MARKER.match(doc[: min(n, 9)].text)
        if marker:
            # The " date YYYY-MM-DD " marker is metadata, not part of the first sentence.
            idx = doc.to_array([IDX])
            body = int(numpy.searchsorted(idx, marker.end(), side="left"))
            if body < n:
                starts[body] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc

    def to_disk(self, path: str, *, exclude: Iterable[str] = ()) -> None:  # no state beyond the config
        return None

    def from_disk(self, path: str, *, exclude: Iterable[str] = ()) -> LineSentencizer:
        return self


@Language.factory("line_sentencizer", default_config={"punct_chars": None})
def make_line_sentencizer(nlp: Language, name: str, punct_chars: list[str] | None) -> LineSentencizer:
    return LineSentencizer(name, punct_chars=punct_chars)
