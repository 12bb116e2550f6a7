"""Component ``person_tagger``: PERSON candidates from titles, roles and speech, no model needed.

Names in this coverage arrive in a few fixed frames: after an honorific ("Ms
Billingham") or a title of office ("Police and Crime Commissioner Angus
Macpherson"), before an appositive role ("Rod Hansen, chief constable"), around a
speech verb ("said Zoe Billingham"), after a byline's "By", or as a known given name
followed by a surname. Once a full name is found, later bare surnames are the same
person. Words come from ``data/titles.json`` and ``data/first_names.txt``, which are
saved with the pipeline (``DataBacked``).

Python visits only the words that open a frame: they are found for the whole doc
at once, from the tokens' string ids (``TokenView.lower_ids``) with numpy, and so
are the later surnames (a short doc's words are looked up one by one instead: there
the numpy calls cost more than they save). The tests of a name's words are memoised
per text.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from pipeline._speed import IdFilter, TokenView, token_view
from pipeline.candidates import Candidate, add_candidates, board_candidates, span_group_candidates
from pipeline.by_component import BatchedPipe
from pipeline.components.data_backed import DataBacked
from pipeline.extensions import CANDIDATES_KEY, register_extensions

_NAME_SHAPE = re.compile(r"^(?:[A-Z][a-zà-ÿ]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+|[A-Z][a-zà-ÿ]*['’][A-Z]?[a-zà-ÿ]+|[A-Z]\.?)$")
_BLOCKING_LABELS = {"FORCE", "FORCE_PLACE", "INSPECTORATE", "ROLE", "DATE", "CRIME_TYPE", "COUNT", "PERCENT"}
_AFTER_ROLE_SKIP = {",", ")", "(", "’s", "'s"}
MAX_NAME_TOKENS = 4
# Candidates that may also be part of a name, so they block none: the month "May" ("Theresa May"), which
# the context rules keep only after a preposition of time.
_NAME_LIKE_IDS = frozenset({"may"})
_MEMO_LIMIT = 100_000
# A byline's desk line is short ("Crime and courts reporter"): its last word is at most this far from its start.
_MAX_DESK_TOKENS = 6
# Up to this many distinct surnames a document is compared once per surname; beyond, in one pass.
_FEW_SURNAMES = 8
# Endings of lower-case words that are not surnames after a given name ("Peter recently said", "Peter, having").
_NOT_SURNAME_ENDINGS = ("ly", "ed", "ing")
# Below this many tokens (a headline, a caption) Python looks every word up in a set:
# the numpy filter's calls cost more than the look-ups.
SHORT_DOC = 32


def _first_names(text: str) -> frozenset[str]:
    """The words of a word list: whitespace-separated, ``#`` lines are comments."""
    words = []
    for line in text.splitlines():
        if not line.startswith("#"):
            words.extend(line.split())
    return frozenset(words)


class PersonTagger(BatchedPipe, DataBacked):
    def __init__(self, name: str = "person_tagger", spans_key: str = CANDIDATES_KEY) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.data_files = {"titles": "titles.json", "first_names": "first_names.txt"}
        self._load_package_data()

    def _build(self, data: dict[str, Any]) -> None:
        """The word sets of the frames and the filter of the words that open one."""
        titles = data["titles"]
        self.honorifics = frozenset(titles["honorifics"])
        self.speech_verbs = frozenset(titles["speech_verbs"])
        self.byline_words = frozenset(titles["byline_words"])
        self.not_names = frozenset(titles["not_names"])
        self.organisation_words = frozenset(titles["organisation_words"])
        self.organisation_links = frozenset(titles["organisation_links"])
        self.not_surnames = frozenset(titles["not_surnames"])
        self.verbs_after_names = frozenset(titles["verbs_after_names"])
        self.desk_words = frozenset(titles.get("byline_desk_words", ()))
        self.name_particles = frozenset(titles.get("name_particles", ()))
        self.postnominals = frozenset(titles.get("postnominal_roles", ()))
        self.place_heads = frozenset(titles.get("place_heads", ()))
        self.first_names = _first_names(data["first_names"])
        # Words that open one of the frames below; every other token is skipped. They
        # are looked for by lower-case form, all tokens at once; a few other words
        # pass too (the filter is not exact), and open no frame.
        self.triggers = self.honorifics | self.first_names | self.byline_words
        # Every frame below opens on a token whose lower-case form is one of these.
        self._trigger_lower = frozenset({w.lower() for w in self.triggers} | self.speech_verbs | self.desk_words)
        self._trigger_filter = IdFilter(self._trigger_lower,
                                        common=STOP_WORDS | {w.lower() for w in self.not_names | self.organisation_words})
        self._name_shaped: dict[str, bool] = {}

    # -- token tests -------------------------------------------------------
    def _learn_name_shape(self, text: str) -> bool:
        """Whether the text can be part of a name, memoised in ``_name_shaped`` (the same words recur)."""
        shaped = text not in self.not_names and text not in self.honorifics and bool(_NAME_SHAPE.match(text))
        if len(self._name_shaped) > _MEMO_LIMIT:
            self._name_shaped.clear()
        self._name_shaped[text] = shaped
        return shaped

    def _organisation_name(self, view: TokenView, start: int) -> bool:
        """The run before 'said' names an organisation: 'the charity Safe Harbour', 'Office for National Statistics'."""
        if start == 0:
            return False
        before = view.lower[start - 1]
        if before in self.organisation_words:
            return True
        return before in self.organisation_links and start >= 2 and view.text[start - 2][:1].isupper()

    def _place_name(self, view: TokenView, end: int) -> bool:
        """The run names a place, not a person: a place noun ends it ("George Street") or follows it, after
        "police" or not ("Charles Cross police station", "Mary Seacole hospital")."""
        heads, lower = self.place_heads, view.lower
        if lower[end - 1] in heads:
            return True
        after = end + (end + 1 < view.n and lower[end] == "police")
        return after < view.n and lower[after] in heads and view.text[after].islower()

    # -- frames ------------------------------------------------------------
    def _openers(self, view: TokenView) -> list[int]:
        """The tokens that may open a frame (a few others too; never one fewer)."""
        if view.n < SHORT_DOC:
            triggers = self._trigger_lower
            return [i for i, word in enumerate(view.lower) if word in triggers]
        return self._trigger_filter.may_contain(view.lower_ids).nonzero()[0].tolist()

    def _find(self, view: TokenView, roles: list[tuple[int, int]], blocked: bytearray) -> list[tuple[int, int]]:
        """Every (start, end) a frame reads as a name; ``blocked`` marks the tokens inside entities of other kinds."""
        found: list[tuple[int, int]] = []
        text, space, n = view.text, view.space, view.n
        shaped, learn_name_shape = self._name_shaped, self._learn_name_shape

        def name_like(i: int) -> bool:
            if blocked[i]:
                return False
            known = shaped.get(text[i])
            return learn_name_shape(text[i]) if known is None else known

        def glued(j: int) -> bool:
            """Token ``j`` was glued to the word before it by scraping ("Alan PriorAlan Prior"): a new name begins."""
            return not space[j - 1] and text[j - 1][-1:].isalpha()

        particles, lower = self.name_particles, view.lower

        def particle(k: int) -> bool:
            """A surname's lower-case particle ("van", "de") at token ``k``."""
            return lower[k] in particles and text[k].islower()

        def past_particles(j: int) -> int:
            """Past the particles of a surname at ``j`` ("van der" in "van der Berg") when a name's word follows
            them; ``j`` itself when there are none."""
            k = j
            while k < n and k - j < 2 and particle(k) and not blocked[k]:
                k += 1
            return k if k > j and k < n and name_like(k) else j

        def run_from(i: int, particle_first: bool = False) -> int:
            """End (exclusive) of the run of name tokens starting at ``i``; a surname's particles inside it ("Marcus
            van der Berg"), or opening it after an honorific (``particle_first``: "Mrs de Souza")."""
            j = i
            while j < n and j - i < MAX_NAME_TOKENS and (j == i or not glued(j)):
                if not name_like(j):
                    k = past_particles(j) if (j > i or particle_first) else j
                    if k == j or k - i >= MAX_NAME_TOKENS:
                        break
                    j = k
                    continue
                if j + 2 < n and text[j + 1] == "-" and not space[j] and name_like(j + 2):
                    j += 3
                    continue
                j += 1
            return j

        def run_to(end: int) -> int:
            """Start of the run of name tokens ending just before ``end``, with a surname's particles ("van der
            Berg said") or its hyphen ("Adeyemi-Hart said")."""
            i = end
            while i > 0 and end - i < MAX_NAME_TOKENS and (i == end or not glued(i)):
                if name_like(i - 1):
                    i -= 1
                elif i < end and i >= 2 and text[i - 1] == "-" and not space[i - 2] and not space[i - 1] and name_like(i - 2):
                    i -= 2  # a double-barrelled surname: "Adeyemi-Hart said"
                elif i < end and particle(i - 1) and not blocked[i - 1]:
                    i -= 1
                else:
                    break
            return i

        def lower_surname(start: int, end: int) -> int:
            """The end of a titled name whose surname is in lower case ("Commissioner Peter holm issued"): a known
            given name, then a lower-case word that is no function word, adverb or verb form, before a verb (a
            past tense without "-ed" too: "PCC Martin ollerenshaw put it") or a comma ("its commissioner, Derek
            mallory, said")."""
            if end != start + 1 or text[start] not in self.first_names or end + 1 >= n or not space[start]:
                return end
            word, verb = view.lower[end], view.lower[end + 1]
            set_off = verb == ","  # "its commissioner, Derek mallory, said", "PCC Martin ollerenshaw, who attended"
            if (text[end].isalpha() and text[end].islower() and len(word) > 2 and not view.is_stop(end)
                    and word not in self.speech_verbs and word not in self.not_surnames and not word.endswith(_NOT_SURNAME_ENDINGS)
                    and (verb in self.speech_verbs or verb.endswith("ed") or verb in self.verbs_after_names or set_off)):
                return end + 1
            return end

        def add(start: int, end: int, min_len: int = 1) -> None:
            # Single capitals ("J.") can only sit inside a longer name.
            while end > start and len(text[end - 1].rstrip(".")) <= 1:
                end -= 1
            if end - start >= min_len and len(text[start].rstrip(".")) > 1:
                found.append((start, end))

        def byline_above(desk: int) -> None:
            """A byline's name line above its desk line ("Ffion Ashworth\\nCrime and courts reporter"): the line
            before the one ending in ``desk`` holds nothing but a name of two or three words."""
            if desk + 1 < n and not view.is_line_break(desk + 1):
                return
            j = desk
            while j > 0 and desk - j < _MAX_DESK_TOKENS and not view.is_line_break(j - 1):
                j -= 1
            if j < 2 or not view.is_line_break(j - 1):
                return
            start = j - 1
            while start > 0 and j - 1 - start < MAX_NAME_TOKENS + 2 and not view.is_line_break(start - 1):
                start -= 1
            if start == 0 or view.is_line_break(start - 1):
                end = run_from(start)
                if end == j - 1:
                    add(start, end, min_len=2)

        honorifics, first_names, desk_words = self.honorifics, self.first_names, self.desk_words
        speech_verbs, byline_words = self.speech_verbs, self.byline_words
        for i in self._openers(view):
            word = text[i]
            if word in honorifics and i + 1 < n:
                start = i + 1 + (text[i + 1] == ".")
                while start < n and text[start] in honorifics:
                    start += 1
                add(start, lower_surname(start, run_from(start, particle_first=True)))
            elif word in first_names and name_like(i):
                end = run_from(i)
                if end - i < 2 or not self._place_name(view, end):
                    add(i, end, min_len=2)
            elif view.lower[i] in speech_verbs and i + 1 < n:
                add(i + 1, run_from(i + 1), min_len=2)
                start = run_to(i)
                if start < i:
                    if not self._organisation_name(view, start):
                        add(start, i, min_len=2)
                elif i > 2 and text[i - 1] == ",":
                    # "A spokeswoman for the charity Victim Voice, Daniela Roe, said": a name between commas
                    start = run_to(i - 1)
                    if 0 < start < i - 1 and text[start - 1] == ",":
                        add(start, i - 1, min_len=2)
            elif word in byline_words and (i == 0 or view.is_line_break(i - 1)):
                add(i + 1, run_from(i + 1), min_len=2)
            elif view.lower[i] in desk_words:
                byline_above(i)
        for role_start, role_end in roles:
            start = role_end
            while start < n and start - role_end < 3 and text[start] in _AFTER_ROLE_SKIP:
                start += 1
            while start < n and text[start] in self.honorifics:
                start += 1
            add(start, lower_surname(start, run_from(start, particle_first=True)))
            if (role_end - role_start == 1 and text[role_start] in self.postnominals
                    and not (role_end < n and name_like(role_end))):
                add(run_to(role_start), role_start, min_len=2)  # "Yusuf Karim MP", not "Labour MP Yusuf Karim"
            # Appositive: "Rod Hansen, chief constable" / "Jane Doe, the force's deputy chief constable".
            for comma in range(role_start - 1, max(role_start - 5, 0), -1):
                if text[comma] in {".", ":", ";", '"', "“", "”"} or "\n" in text[comma]:
                    break
                if text[comma] == ",":
                    add(run_to(comma), comma, min_len=2)
                    break
        # Later bare surnames of people already named in full ("Billingham said").
        surname_ends = {end for start, end in found if end - start >= 2}
        if surname_ends:
            orth_ids = view.orth_ids
            surnames = set(orth_ids[[end - 1 for end in surname_ends]].tolist())  # a set: numpy.unique costs more here
            if len(surnames) <= _FEW_SURNAMES:  # a comparison each is cheaper than isin's set-up, and bounded
                is_surname = numpy.zeros(n, dtype=bool)
                for surname_id in surnames:
                    is_surname |= orth_ids == surname_id
            else:  # one pass over the doc whatever the number of surnames (a comparison each was quadratic)
                is_surname = numpy.isin(orth_ids, numpy.fromiter(surnames, dtype=orth_ids.dtype, count=len(surnames)))
            taken = {i for start, end in found for i in range(start, end)}
            for i in is_surname.nonzero()[0].tolist():
                if i not in taken and name_like(i):
                    start = i
                    while start > 0 and start - i > -2 and particle(start - 1):
                        start -= 1  # "... said de Souza": the surname's particles with it
                    if start == i or all(k not in taken for k in range(start, i)):
                        found.append((start, i + 1))
        return found

    def __call__(self, doc: Doc) -> Doc:
        view = token_view(doc)
        candidates = span_group_candidates(doc, self.spans_key) + board_candidates(doc)
        blocked = bytearray(view.n)
        force_ends: dict[int, int] = {}
        role_spans: list[tuple[int, int]] = []
        for start, end, label, id_ in candidates:  # one pass: a document has a few hundred candidates
            if label not in _BLOCKING_LABELS:
                continue
            if label == "FORCE":
                force_ends[start] = end
            elif label == "ROLE":
                role_spans.append((start, end))
            if id_ not in _NAME_LIKE_IDS:
                if end - start == 1:  # most are one token
                    blocked[start] = 1
                else:
                    blocked[start:end] = b"\x01" * (end - start)
        # A title with its force ("Chief Constable of Dyfed-Powys Police Owain Tudur-Evans"): the name follows the force.
        lower, n = view.lower, view.n
        roles = [(start, force_ends.get(end + 1, end) if end < n and lower[end] == "of" else end) for start, end in role_spans]
        found = self._find(view, roles, blocked)
        add_candidates(doc, (Candidate(start, end, "PERSON", "") for start, end in sorted(set(found))))
        return doc


# It reads the candidates before it (roles open frames; other entities block names) and adds its own.
@Language.factory(
    "hmicfrs_person_tagger",
    default_config={"spans_key": CANDIDATES_KEY},
    assigns=["doc._.candidates"],
    requires=["doc._.candidates"],
)
def make_person_tagger(nlp: Language, name: str, spans_key: str) -> PersonTagger:
    return PersonTagger(name, spans_key)
