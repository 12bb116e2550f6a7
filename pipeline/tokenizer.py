"""The tokenizer: spaCy's English tokenizer, reading non-breaking and thin spaces as spaces,
splitting a margin sign off its figure ("+/-2.5%", "±2.5%"), "pc" off a number ("88.7pc"),
the hyphens of a ratio ("1-in-10"), a dash glued to the word before it ("unlogged- more"), and words
that scraping glued together ("(HMICFRS)this month", "Alan PriorAlan Prior", "September/ October");
an emoticon never swallows a digit ("(8)").

Scraped pages are full of U+00A0 ("90.9\\u00a0per cent", "Kent\\u00a0Police"). spaCy makes
each such character a token of its own, which splits "per cent" and force names and
breaks every pattern across them. Each is replaced one-for-one by a plain space before
tokenising, so offsets are unchanged; the verbatim text is kept on the doc
(``doc._.raw_text``) for output and evidence. So is a single line break that wraps a
sentence before a lower-case word.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import register_extensions

_ODD_SPACES = "\u00a0\u2007\u2009\u200a\u202f\u205f\u3000\u2002\u2003\u2004\u2005\u2006\u2008"
SPACE_LIKE = {ord(c): " " for c in _ODD_SPACES}
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")
# A single line break inside a sentence: after a word or comma, before a lower-case word (a narrow column or a
# scraped page wrapping "29 of them had never ⏎been recorded"). Read as the space it stands for, so that the words
# either side make one phrase ("never been recorded", "violent ⏎crime"); a blank line or a break before a capital,
# a bullet or a number stays a break.
# (The search looks for the line break first and checks the text before it only there: it runs on every text.)
_BREAK_BEFORE_LOWER = re.compile(r"\n(?=[ \t]*[a-z])")
_WRAP_AFTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz,;")
_MARGIN_SIGNS = [r"/-", "±"]
# The affix regexes are tried at every character of every token the cache does not hold, so each
# pattern states first what fails fastest (the dash, the slash, the capital), then looks behind:
# "-(?<=[A-Za-z]-)" matches what "(?<=[A-Za-z])-" does, "p(?<=[0-9]p)ct?" what "(?<=[0-9])(?:pc|pct)" does.
_GLUED_UNITS = [r"p(?<=[0-9]p)ct?", r"/(?<=[A-Za-z]/)"]
_RATIO_HYPHENS = [r"(?<=\bin)-(?=[0-9])"]
_GLUED_DASHES = [r"-(?<=[A-Za-z]-)"]
_DIGIT_EMOTICON = re.compile(r"^[0-9](?![0-9]*[ap]\.?m\.?$)")
# Scraped pages lose the space after a bracket or between a caption and the next line: a closing
# bracket before a letter ("(HMICFRS)this month"), and a capitalised word glued to the end of a
# lower-case one ("Alan PriorAlan Prior", "Dan OkaforSuffolk Police"), or the word "A" or "I" so glued
# ("the report saysA police force is failing"), or a closing quote glued to a capital ("far too wide'HM Inspector";
# "O'Neill" keeps its one letter before the quote); a double quote so glued is a token of its own ("Picture: Denise
# Bradley"We have ..."), and so is an opening bracket glued between a name and a caption's credit ("Chief Constable
# Idris Mallender(Image: Warwickshire Police)"). Two lower-case letters
# must come before the capital, and not "Mac": "McDonald", "DeSouza", "MacPherson" stay whole.
_GLUED_WORDS = [r"\)(?<=[A-Za-z0-9]\))(?=[A-Za-z])", r"(?=[A-Z][a-z])(?<=[a-z]{2})(?<!Mac)", r"(?=[AI]$)(?<=[a-z]{2})",
                 r"(?=[A-Z])(?<=[a-z]{2}['’])", r"[\"“”](?<=[a-z]{2}[\"“”])(?=[A-Z])", r"\((?<=[a-z]{2}\()(?=[A-Z])"]


# Distinct words remembered as already in the inner tokenizer's cache (see ``_cache_words``); past this
# many the memory starts afresh (a word is then tokenised alone once more: a cost, never a change).
_KNOWN_WORDS_LIMIT = 500_000
# Inside memory zones (``pipeline.extract.extraction_zone``) spaCy caches nothing, and whatever a word
# made there is freed when the zone ends. Between zones the words seen in at least ``_LEARN_MIN_DOCS``
# documents (in this zone or earlier ones) are tokenised alone, outside any zone, so they are cached for
# good: common words stay fast, rare ones (names, figures) stay transient. At most ``_LEARNED_LIMIT`` words
# are ever learned this way, and at most ``_PENDING_LIMIT`` counted (the count starts afresh past it), so
# memory stays bounded however much new text comes.
_LEARN_MIN_DOCS = 2
_LEARNED_LIMIT = 50_000
_PENDING_LIMIT = 100_000


def spaces_normalised(text: str) -> str | None:
    """``text`` with each odd space and each line break wrapping a sentence replaced one-for-one by a plain space;
    None if it has neither."""
    odd = _ODD_SPACE.search(text)
    wraps = _wrapping_breaks(text) if "\n" in text else []
    if not (odd or wraps):
        return None
    if odd:
        text = text.translate(SPACE_LIKE)
    if wraps:
        pieces, last = [], 0
        for at in wraps:
            pieces += [text[last:at], " "]
            last = at + 1
        text = "".join(pieces) + text[last:]
    return text


def _wrapping_breaks(text: str) -> list[int]:
    """Where a single line break wraps a sentence: after a word or comma (spaces and tabs aside), before a lower-case
    word."""
    found = []
    for match in _BREAK_BEFORE_LOWER.finditer(text):
        j = match.start() - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j >= 0 and text[j] in _WRAP_AFTER:
            found.append(match.start())
    return found


class SpaceNormalisingTokenizer:
    """Wraps a spaCy tokenizer; serialises as the tokenizer it wraps.

    It also keeps the inner tokenizer's cache filled. spaCy caches how it split each
    whitespace-separated word, but stops saving to the cache for the rest of a text once
    any word in it hit a special case ("Mr.", "don't", ":)"; spaCy issue #1250): so in
    nearly every article most words are split afresh by the affix regexes, each time they
    are seen. Tokenised alone, a word is cached (unless it holds a special case itself),
    and how a word splits does not depend on the words around it, so each new word is
    tokenised alone once, before the text: the tokens are the same, and later texts find
    their words in the cache.
    """

    def __init__(self, inner: Any) -> None:
        register_extensions()
        self.inner = inner
        self._known_words: set[str] = set()
        self._pending: Counter[str] = Counter()  # new words met in the current zone: in how many documents
        self._learned = 0  # words learned between zones so far (never more than ``_LEARNED_LIMIT``)

    def __call__(self, text: str) -> Doc:
        spaced = spaces_normalised(text)
        if spaced is None:
            self._cache_words(text)
            doc = self.inner(text)
        else:
            self._cache_words(spaced)
            doc = self.inner(spaced)
            doc._.raw_text = text
        doc._.tokenised_text = spaced or text  # so the doc's text need not be joined again from its tokens
        return doc

    def _cache_words(self, text: str) -> None:
        """Tokenise alone each word of ``text`` not seen before, so the inner tokenizer caches it.

        Inside a memory zone spaCy saves nothing to its cache: the new words are only counted,
        for ``learn_words`` to cache the common ones once the zone has ended."""
        inner = self.inner
        known = self._known_words
        if inner.vocab.in_memory_zone:
            if self._learned < _LEARNED_LIMIT:
                if len(self._pending) > _PENDING_LIMIT:
                    self._pending.clear()
                self._pending.update(set(text.split()).difference(known))
            return
        new = set(text.split()).difference(known)
        if new:
            self._tokenise_alone(new)

    def _tokenise_alone(self, words: Iterable[str]) -> None:
        """Tokenise each word alone, outside any zone, so the inner tokenizer caches it; remember it as known."""
        words = list(words)
        known, inner = self._known_words, self.inner
        if len(known) + len(words) > _KNOWN_WORDS_LIMIT:
            known.clear()
        for word in words:
            inner(word)
        known.update(words)

    def learn_words(self) -> int:
        """Cache for good the words counted in zones that ``_LEARN_MIN_DOCS`` documents used; how many.

        Called outside any zone (a call inside one does nothing): each word is tokenised alone, so
        its lexemes are permanent and the inner tokenizer caches it, as ``_cache_words`` does outside zones."""
        inner = self.inner
        if inner.vocab.in_memory_zone:
            return 0
        pending = self._pending
        room = _LEARNED_LIMIT - self._learned
        common = [word for word, docs in pending.items() if docs >= _LEARN_MIN_DOCS][:max(room, 0)]
        if not common:
            return 0
        for word in common:
            del pending[word]
        self._tokenise_alone(common)
        self._learned += len(common)
        return len(common)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:  # vocab, rules, explain, ...
        return getattr(self.inner, name)

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> SpaceNormalisingTokenizer:
        self.inner.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> SpaceNormalisingTokenizer:
        self.inner.from_bytes(data, **kwargs)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (SpaceNormalisingTokenizer, (self.inner,))


_WEEKDAY_NOT_CONTRACTION = frozenset({"Wed", "WED"})


@spacy.registry.tokenizers("hmicfrs.Tokenizer.v1")
def make_tokenizer() -> Callable[[Language], SpaceNormalisingTokenizer]:
    base = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()

    def create(nlp: Language) -> SpaceNormalisingTokenizer:
        inner = base(nlp)
        # A margin of error glued to its figure ("+/-2.5%", "±2.5%") splits off the sign,
        # so the figure can be tagged on its own (SCHEMA §5: "+/- 1.66 percent" -> "1.66 percent").
        inner.prefix_search = spacy.util.compile_prefix_regex([*nlp.Defaults.prefixes, *_MARGIN_SIGNS]).search
        # "88.7pc" (the tabloids' per cent) splits like "88.7%", so the figure and its unit are two tokens;
        # a slash glued to a word ("September/ October 2019") splits off, as it does between two words; and a
        # dash glued to the word before it ("went unlogged- more than last time") splits off, so the word is itself.
        inner.suffix_search = spacy.util.compile_suffix_regex([*nlp.Defaults.suffixes, *_GLUED_UNITS, *_GLUED_DASHES]).search
        # "1-in-10" splits like "one-in-ten": spaCy leaves a hyphen before a digit ("in-10") inside the token;
        # and glued words split where the space was lost.
        inner.infix_finditer = spacy.util.compile_infix_regex([*nlp.Defaults.infixes, *_RATIO_HYPHENS, *_GLUED_WORDS]).finditer
        # spaCy keeps emoticons that begin with a digit ("8)", "8D", "0_0") whole: "Comments (8)" would hide
        # its count inside "8)". Clock times ("10am") keep their special cases.
        inner.rules = {text: tokens for text, tokens in inner.rules.items() if not _DIGIT_EMOTICON.match(text)}
        # spaCy reads "Wed" as "We'd" without its apostrophe ("We" + "d"): in a dateline it is Wednesday
        # ("Wed 19 Nov 2014 07.12"). Lower-case "wed" keeps the contraction.
        inner.rules = {text: tokens for text, tokens in inner.rules.items() if text not in _WEEKDAY_NOT_CONTRACTION}
        return SpaceNormalisingTokenizer(inner)

    return create
