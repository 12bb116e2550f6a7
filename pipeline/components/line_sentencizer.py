"""Component ``line_sentencizer``: sentence boundaries at final punctuation and at line breaks.

The rule is spaCy's Sentencizer's (a sentence ends at a token in ``punct_chars``; the
next token that is neither punctuation nor such a token starts the next one), plus:
a line break ends a sentence, because headlines, captions, bylines and scraped debris
carry no full stop and would otherwise be glued to the next paragraph, giving findings
the wrong evidence, unless it is a single break before a lower-case word (a sentence
wrapped inside, whose verb would otherwise lose its subject), nor the breaks around advert lines
that interrupt a sentence ("examined, ⏎Advertisement ⏎Hide Ad ⏎96 had been recorded"); and the leading
` date YYYY-MM-DD ` marker is a sentence of its own.

It reads the shared ``TokenView`` (one ``to_array`` call for the early components)
instead of visiting every ``Token``, and Python visits only the punctuation and space
tokens, the only ones that can end a sentence: on this corpus a small fraction of the
Sentencizer's cost. The starts it sets are also left on the view
(``TokenView.sent_starts``), so ``force_focus`` need not read them back from the doc.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Iterable

import numpy
from spacy.attrs import SENT_START
from spacy.lang.lex_attrs import is_punct
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from pipeline._speed import token_view
from pipeline.components.article_date import MARKER_TOKENS
from pipeline.by_component import BatchedPipe
from pipeline.components.data_backed import DataBacked
from pipeline.schema import DATE_MARKER


# A capital with no space before it, after a lower-case letter, a closing bracket or a quote mark: the candidates
# for a glued word (a cheap search: most capitals follow a space), each then checked as the tokenizer's glued-word
# infixes split (``pipeline/tokenizer.py``).
_GLUED_CANDIDATE = re.compile(r"[A-Z](?<=[a-z)'’\"][A-Z])")
_QUOTES = "'’\""
_DEBRIS_LINE_TOKENS = 6  # tokens of an advert line ("Story continues below")
_LIST_NUMBER_DIGITS = 2  # a numbered list's number ("43."), not a year closing a line ("2014.")


def _glued_at(source: str, at: int) -> bool:
    """The capital at ``at`` begins a word glued to the one before: a capitalised word (or "A", "I") after two
    lower-case letters (not "Mac"), or a capitalised word after a letter or digit and a closing bracket, or a
    capital after two lower-case letters and a quote mark."""
    before, after = source[at - 1], source[at + 1 : at + 2]
    if before == ")":
        return at >= 2 and source[at - 2].isalnum() and after.islower()
    if before in _QUOTES:
        return at >= 3 and source[at - 3 : at - 1].isalpha() and source[at - 3 : at - 1].islower()
    if not (at >= 2 and source[at - 2].islower()) or source[at - 3 : at] == "Mac":
        return False
    return after.islower() or (source[at] in "AI" and not after.isalpha())


def _wraps_before_number(text: list[str], i: int, wrap_words: frozenset[str]) -> bool:
    """A single line break at ``i`` between a word that cannot end a sentence and a number ("an estimated ⏎91.2 per
    cent", "failed to record ⏎9,000 crimes", "Of the ⏎120"): the sentence wraps. Not a line that ends on another
    word ("Published 3 hours ago ⏎12 crimes were missed"), a bullet's number ("1.", "2)"), nor a dateline under a
    headline ("for crime recording ⏎8 August 2017": a capitalised word after the number)."""
    after = text[i + 1]
    if not (after[:1].isdigit() and i and text[i - 1].lower() in wrap_words):
        return False
    then = text[i + 2] if len(text) > i + 2 else ""
    return not (then in (".", ")") and after.isdigit()) and not then[:1].isupper()


def _numbers_list_line(view: Any, i: int) -> bool:
    """The full stop at ``i`` closes a numbered list's number at the start of a line ("2. Surrey Police – 96.1% –
    Good (2022)", "3. Record crimes within 24 hours"): the line goes on after it, in the same sentence."""
    text = view.text
    if i == 0 or i + 1 >= len(text) or not text[i - 1].isdigit() or len(text[i - 1]) > _LIST_NUMBER_DIGITS:
        return False
    if i >= 2 and "\n" not in text[i - 2]:
        return False  # not at a line's start: "... in 2014." or "... rose to 12."
    return text[i + 1][:1].isupper()


class LineSentencizer(BatchedPipe, DataBacked):
    """Sentences at final punctuation and line breaks; the words after which a line wraps come from
    ``word_sets.json`` (phrasing: ``line_wrap_words``), saved with the pipeline."""

    def __init__(self, name: str = "line_sentencizer", *, punct_chars: Iterable[str] | None = None) -> None:
        self.name = name
        self.data_files = {"word_sets": "word_sets.json"}
        self.wrap_words: frozenset[str] = frozenset()
        self.abbreviations: frozenset[str] = frozenset()
        self.dotted_titles: frozenset[str] = frozenset()
        self.debris_lines: frozenset[str] = frozenset()
        self._load_package_data()
        self.punct_chars = list(punct_chars) if punct_chars is not None else list(Sentencizer.default_punct_chars)
        self._end_chars = frozenset(self.punct_chars)
        # Every default end character is punctuation to spaCy; a configured one may not be.
        self._ends_are_punct = all(is_punct(c) for c in self.punct_chars)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        view = token_view(doc)
        text = view.text
        # Only punctuation and space tokens can end a sentence: Python visits just those.
        punct = view.is_punct.nonzero()[0].tolist()
        end_chars = self._end_chars
        ends = [i for i in (punct if self._ends_are_punct else range(n)) if text[i] in end_chars
                and not (text[i] == "." and (self._abbreviated(view, i) or text[i - 1][-1:].isdigit() and _numbers_list_line(view, i)))]
        # A single line break before a lower-case word (not a bullet) is a break inside a sentence, as scraped
        # pages and narrow columns wrap them ("84.7% of the violent offences reported to the force ⏎were
        # recorded"); a heading line is followed by a capital, a blank line ends a paragraph. Written inline,
        # the next word asked first: this runs for every line break.
        ends += [i for i in view.is_space.nonzero()[0].tolist() if "\n" in text[i]
                 and not (i + 1 < n and text[i].count("\n") == 1
                          and (text[i + 1][:1].islower() or _wraps_before_number(text, i, self.wrap_words)))]
        if self.debris_lines:
            ends = self._without_debris_bridges(view, ends)
        # A sentence starts at the first word (neither punctuation nor an end) after an end.
        not_words = set(punct)
        not_words.update(ends)
        starts = {0}
        for i in ends:
            i += 1
            while i in not_words:
                i += 1
            if i < n:
                starts.add(i)
        # A capital glued to the word or bracket before it is a line break scraping lost, between a caption
        # and the next paragraph ("... from January to June last year, the report saysA police force is failing
        # to record ...", "(Image: Kent Police)The force said"): the tokenizer split the two, and the second starts
        # a sentence, so the caption's date or force is not the finding's.
        source = view.source
        for found in _GLUED_CANDIDATE.finditer(source):
            at = found.start()
            if _glued_at(source, at):
                i = bisect_left(view.offsets, at)
                if i < n and view.offsets[i] == at:
                    starts.add(i)
        if "date" in text[:MARKER_TOKENS] and (marker := DATE_MARKER.match(view.span_text(0, min(n, MARKER_TOKENS)))):
            # The " date YYYY-MM-DD " marker is metadata, not part of the first sentence.
            # The offsets as a list (made here for the later components too): a bisection, not a numpy call.
            body = bisect_left(view.offsets, marker.end())
            if body < n:
                starts.add(body)
        flags = numpy.full(n, -1, dtype="int64")
        view.sent_starts = sorted(starts)
        flags[view.sent_starts] = 1
        doc.from_array([SENT_START], flags.view("uint64").reshape(-1, 1))
        return doc

    def _without_debris_bridges(self, view: Any, ends: list[int]) -> list[int]:
        """The ends less the line breaks around advert lines that interrupt a sentence ("Of the 104 reports of rape that
        inspectors examined, ⏎Advertisement ⏎Hide Ad ⏎96 had been recorded correctly."): the line before ends on a
        comma or a word a line wraps after, the one after the adverts opens on a lower-case word or a number. Only a
        break after such a word is looked past, so most documents cost one look per line break."""
        text, lower, wrap_words = view.text, view.lower, self.wrap_words
        breaks = [i for i in ends if "\n" in text[i]]
        dropped: set[int] = set()
        for k, first in enumerate(breaks):
            if not first or (lower[first - 1] != "," and lower[first - 1] not in wrap_words):
                continue
            m = k
            while m + 1 < len(breaks) and view.span_text(breaks[m] + 1, breaks[m + 1]).strip().lower() in self.debris_lines:
                m += 1
            # the last advert line may itself wrap into the sentence ("Hide Ad ⏎around one in eight ..."), so that its
            # break ends nothing: the sentence goes on after it (and it may be the only advert line: "Skip Ad ⏎one in ten")
            j = self._past_wrapped_debris(view, breaks[m] + 1)
            if m == k and j == first + 1:
                continue  # no advert line after the break
            after = text[j] if j < len(text) else ""
            if after[:1].islower() or after[:1].isdigit():
                dropped.update(breaks[k : m + 1])
        return [i for i in ends if i not in dropped] if dropped else ends

    def _past_wrapped_debris(self, view: Any, i: int) -> int:
        """The token after an advert line that starts at ``i`` and that the text runs on from, its line break read as a
        wrap ("Hide Ad ⏎around one in eight ..."); else ``i``."""
        text, n = view.text, len(view.text)
        if i >= n or view.lower[i] not in self.debris_first_words:
            return i  # no advert line starts here (the common case: asked once per wrapped line break)
        for size in range(1, min(_DEBRIS_LINE_TOKENS, n - i)):
            if view.span_text(i, i + size).lower() in self.debris_lines:
                after = text[i + size]
                return i + size if after[:1].islower() or after[:1].isdigit() else i
        return i

    def _abbreviated(self, view: Any, i: int) -> bool:
        """The full stop at ``i`` closes an abbreviation written against it ('approx. 8,100', 'est. a year',
        'Det. Supt. Jane Moss'), and the sentence goes on: before a lower-case word or a number after an
        abbreviation, before a capitalised word too after a title (the name or the rest of the title)."""
        text = view.text
        if i == 0 or i + 1 >= len(text) or view.offsets[i] != view.offsets[i - 1] + len(text[i - 1]):
            return False
        word, after = text[i - 1].lower(), text[i + 1]
        if "\n" in after or after[:1] == " ":
            return False  # a line break or a gap after the stop ends the sentence as it would anyway
        if word in self.abbreviations:
            return after[:1].islower() or after[:1].isdigit()
        return word in self.dotted_titles and after[:1].isalpha()

    def _build(self, data: dict[str, Any]) -> None:
        phrasing = data["word_sets"]["phrasing"]
        self.wrap_words = frozenset(phrasing["line_wrap_words"]["words"])
        self.abbreviations = frozenset(phrasing["dotted_abbreviations"]["words"])
        self.dotted_titles = frozenset(phrasing["dotted_titles"]["words"])
        self.debris_lines = frozenset(phrasing["inline_debris_lines"]["words"])
        self.debris_first_words = frozenset(line.split()[0] for line in self.debris_lines)


@Language.factory(
    "hmicfrs_line_sentencizer",
    default_config={"punct_chars": None},
    assigns=["token.is_sent_start", "doc.sents"],
)
def make_line_sentencizer(nlp: Language, name: str, punct_chars: list[str] | None) -> LineSentencizer:
    return LineSentencizer(name, punct_chars=punct_chars)
