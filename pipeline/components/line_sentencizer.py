"""Component ``line_sentencizer``: spaCy's Sentencizer, with a line break also ending a sentence.

Headlines, captions, bylines and scraped debris carry no final full stop, so the
punctuation rule alone would glue them to the next paragraph and findings would
take the wrong evidence. spaCy tokenises a run of line breaks as one whitespace
token; adding those tokens to the sentencizer's punctuation set splits there at
no extra cost.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.pipeline import Sentencizer

LINE_BREAK_TOKENS = tuple("\n" * k + " " * j for k in range(1, 9) for j in range(0, 4)) + tuple(
    " " * j + "\n" * k for k in range(1, 9) for j in range(1, 4)
)


class LineSentencizer(Sentencizer):
    def __init__(self, name: str = "line_sentencizer", *, punct_chars: Iterable[str] | None = None, overwrite: bool = False) -> None:
        chars = list(punct_chars) if punct_chars is not None else list(Sentencizer.default_punct_chars)
        super().__init__(name, punct_chars=chars + list(LINE_BREAK_TOKENS), overwrite=overwrite)


@Language.factory("line_sentencizer", default_config={"punct_chars": None, "overwrite": False})
def make_line_sentencizer(nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool) -> LineSentencizer:
    return LineSentencizer(name, punct_chars=punct_chars, overwrite=overwrite)
