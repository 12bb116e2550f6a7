"""Component ``figure_tagger``: PERCENT, COUNT, DATE (and clock TIME) candidates from a grammar,
and the inspectorate's name as journalists write it (INSPECTORATE).

Each token is first given its *parts*: word classes from ``data/word_sets.json``
("per", "cent", month names, fraction words, hedges...) and digit shapes (a year,
a day of the month, a clock time). The rules of ``data/figure_grammar.json`` are
sequences of parts; every way a rule matches becomes a candidate and the resolver
keeps the longest.

Python touches only the tokens that can matter. A token's parts are a bit mask,
and they depend only on its string (its text, and its lower-case form's place in the
lexicon), so the masks of a whole doc come from a small direct-mapped cache indexed
by the low bits of the tokens' string ids (``TokenView.orth_ids``): a few numpy steps,
and Python works out only the tokens whose slot holds another string (word classes
by the id of the lower-case form, digit shapes from the text). Each rule is expanded into its plain sequences (each
optional element kept or left out); which sequences can match from a token depends
only on its mask and its neighbour's, so that choice, and the outcome of the
sequences of one or two parts, is memoised per pair of masks.

Why not spaCy's ``Matcher``: its cost grows with the number of patterns times the
number of tokens. Measured here on the corpus, the 67 token patterns this grammar
replaces cost 9 ms a document, seven times the tokenizer; this tagger costs a small
fraction of that, which keeps the whole pipeline within a third of a bare spaCy's
throughput. Phrase lexicons stay on spaCy's SpanRuler, whose PhraseMatcher does not
slow down with the number of phrases.

The grammar and the word sets are saved with the pipeline (``DataBacked``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from typing import Any, Iterable, NamedTuple

import numpy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline._speed import token_view
from pipeline.candidates import CANDIDATE_LABELS, Candidate, add_candidates
from pipeline.by_component import BatchedPipe
from pipeline.components.data_backed import DataBacked
from pipeline.extensions import register_extensions
from pipeline.patterns import one_slip_from
from pipeline.resources import DataFileError, Problem, json_path

_NUMERAL = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_ORDINAL_DAY = re.compile(r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)$")
_NUMDATE = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.](?:\d{2}|\d{4})$")
_FINANCIAL_YEAR = re.compile(r"^(?:19|20)\d{2}(?:/(?:\d{2}|\d{4})|[–-](?:19|20)\d{2})$")  # "2016/17", "2022–2024"
_MODIFIED_YEAR = re.compile(r"^(?:mid|early|late)[-–](?:19[5-9]\d|20[0-4]\d)$", re.IGNORECASE)
_CLOCK = re.compile(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d$")
_CLOCK_AM_PM = re.compile(r"^(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?(?:am|pm)$", re.IGNORECASE)
# The inspectorate's acronym as it is misprinted ("HMIFRS", "HMICRFS", "HMCIFRS"): HM, then I and the
# letters of C, F, R, S with a C or an F among them. Not Scotland's inspectorate, "HMICS" (ANNOTATION, dev5).
_INSPECTORATE_ACRONYM = re.compile(r"^HM(?:I(?=[A-Z]*[CF])[CFRS]{1,5}|CIF[CFRS]{0,3})$")
_OTHER_INSPECTORATES = frozenset({"HMICS"})

@dataclass(frozen=True)
class Element:
    part: str
    optional: bool


@dataclass(frozen=True)
class GrammarRule:
    label: str
    id: str
    seq: tuple[Element, ...]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GrammarRule:
        seq = tuple(Element(p.rstrip("?").removeprefix("cap:"), p.endswith("?")) for p in data["seq"])
        return cls(data["label"], data["id"], seq)

    def sequences(self) -> set[tuple[str, ...]]:
        """The rule as plain sequences of parts: each optional element kept or left out (empty ones dropped)."""
        found: set[tuple[str, ...]] = {()}
        for element in self.seq:
            extended = {parts + (element.part,) for parts in found}
            found = found | extended if element.optional else extended
        return found - {()}


# The mask cache's slots are the low 16 bits of a token's string id: about 1 MB, and on
# this corpus (3000 words) three misses a document.
_SLOTS = (1 << 16) - 1


# The parts read off a token's text rather than listed as words: what ``_digit_parts`` and
# ``_text_mask`` can give (NUM is also every number word of word_sets.json). A rule may name
# these without the grammar declaring them.
TEXT_PARTS = frozenset({"NUM", "YEAR", "DAY", "D2", "HOUR", "CLOCK", "NUMDATE", "FINANCIAL_YEAR", "CLOCK_AM_PM",
                        "MODIFIED_YEAR", "INSPECTORATE_ACRONYM"})


def _digit_parts(text: str) -> set[str]:
    """Parts read off a token that starts with a digit (a year, a day, a clock time...)."""
    parts: set[str] = set()
    if _NUMERAL.match(text):
        parts.add("NUM")
        if "," not in text and "." not in text:
            value = int(text)
            if len(text) == 4 and 1950 <= value <= 2049:
                parts.add("YEAR")
            if 1 <= value <= 31 and len(text) <= 2:
                parts.add("DAY")
            if len(text) == 2:
                parts.add("D2")
            if 1 <= value <= 12 and len(text) <= 2:
                parts.add("HOUR")
        if _CLOCK.match(text):
            parts.add("CLOCK")
    elif _ORDINAL_DAY.match(text):
        parts.add("DAY")
    elif _NUMDATE.match(text):
        parts.add("NUMDATE")
    elif _FINANCIAL_YEAR.match(text):
        parts.add("FINANCIAL_YEAR")
    elif _CLOCK.match(text):
        parts.add("CLOCK")
    elif _CLOCK_AM_PM.match(text):
        parts.add("CLOCK_AM_PM")
    return parts


def grammar_problems(grammar: dict[str, Any], sets: dict[str, list[str]]) -> list[Problem]:
    """What is wrong with a grammar that its schema cannot say: (JSON path, problem).

    Every part a rule names must be one the grammar declares (``word_parts``, or
    ``cased_parts`` written ``cap:NAME``) or one read off the text (``TEXT_PARTS``), every
    ``$set`` a set of word_sets.json, and every label a candidate label: otherwise the
    rule would silently never match.
    """
    problems: list[Problem] = []
    for table in ("word_parts", "cased_parts"):
        for part, spec in grammar[table].items():
            if isinstance(spec, str) and spec[1:] not in sets:
                problems.append((json_path([table, part]), f"{spec!r} names no set of word_sets.json"))
    word_parts, cased_parts = set(grammar["word_parts"]), set(grammar["cased_parts"])
    for i, part in enumerate(grammar.get("typo_tolerant_parts", {}).get("parts", ())):
        if part not in word_parts:
            problems.append((json_path(["typo_tolerant_parts", "parts", i]), f"{part!r} is not one of word_parts"))
    for i, rule in enumerate(grammar["rules"]):
        if rule["label"] not in CANDIDATE_LABELS:
            problems.append((json_path(["rules", i, "label"]), f"unknown candidate label {rule['label']!r} "
                                                                f"(known: {', '.join(sorted(CANDIDATE_LABELS))})"))
        for j, written in enumerate(rule["seq"]):
            part = written.rstrip("?")
            where = json_path(["rules", i, "seq", j])
            if part.startswith("cap:"):
                if part[4:] not in cased_parts:
                    problems.append((where, f"{part[4:]!r} is not one of cased_parts ({', '.join(sorted(cased_parts))})"))
            elif part in cased_parts:
                problems.append((where, f"{part!r} is a cased part: write it 'cap:{part}'"))
            elif part not in word_parts and part not in TEXT_PARTS:
                problems.append((where, f"{part!r} is not a part the grammar declares (word_parts, cased_parts) "
                                        f"nor one read off the text ({', '.join(sorted(TEXT_PARTS))})"))
    return problems


_MEMO_LIMIT = 200_000
_as_candidate = partial(tuple.__new__, Candidate)  # (start, end, label, id) as a Candidate, in C


class _Sequence(NamedTuple):
    """One of a rule's sequences, whose first two parts a token and its neighbour have: the rest still to check."""

    length: int
    label: str
    id: str
    rest: tuple[tuple[int, int], ...]  # (offset from the start, bit mask of the part)


class _Plan(NamedTuple):
    """What to do at a token, given its parts and its neighbour's."""

    matched: tuple[tuple[int, str, str], ...]  # (length, label, id): sequences of one or two parts, matched
    to_check: tuple[_Sequence, ...]  # longer sequences whose first two parts match


class FigureTagger(BatchedPipe, DataBacked):
    # The quantity normaliser reads the grammar's ratio nouns by name ("one crime in seven"; pipeline/loaded_data.py).
    read_by_name = ("grammar",)

    def __init__(self, name: str = "figure_tagger", grammar: str = "figure_grammar.json") -> None:
        register_extensions()
        self.name = name
        self.data_files = {"grammar": grammar, "word_sets": "word_sets.json"}
        self._load_package_data()

    def _build(self, files: dict[str, Any]) -> None:
        """The part masks, rule sequences and caches, from the grammar and the word sets."""
        data = files["grammar"]
        word_sets = files["word_sets"]
        sets = word_sets["sets"]
        problems = grammar_problems(data, sets)
        if problems:
            raise DataFileError(self.data_source("grammar"), problems)

        def words(spec: str | list[str]) -> list[str]:
            return sets[spec[1:]] if isinstance(spec, str) else spec

        word_parts: dict[str, set[str]] = {}
        for part, spec in data["word_parts"].items():
            for word in words(spec):
                word_parts.setdefault(word.lower(), set()).add(part)
        for word in word_sets["number_words"]:
            if word not in ("a", "an"):
                word_parts.setdefault(word, set()).add("NUM")
        tolerant = data.get("typo_tolerant_parts", {})
        self._least_slip_length = tolerant.get("least_length", 0)
        # (word, its part's mask) for each long word whose slips carry its part ("Constabularly").
        self._slip_targets = [(word.lower(), part) for part in tolerant.get("parts", ())
                              for word in words(data["word_parts"][part])
                              if len(word) >= self._least_slip_length]
        cased_parts: dict[str, set[str]] = {}
        for part, spec in data["cased_parts"].items():
            for word in words(spec):
                cased_parts.setdefault(word, set()).add(part)
        self.rules = [GrammarRule.from_dict(r) for r in data["rules"]]

        # Each part is a bit of a Python int (so any number of parts), a token's parts the sum of their bits.
        self._bits: dict[str, int] = {}
        self.sequences = [(rule, tuple(self._mask([part]) for part in parts))
                          for rule in self.rules for parts in sorted(rule.sequences())]
        self.starter_mask = self._mask(parts[0] for rule in self.rules for parts in rule.sequences())
        self._slip_targets = [(word, self._mask([part])) for word, part in self._slip_targets]
        # Rules look this many tokens past their start: the masks are padded with as many empty ones.
        self._reach = max(len(rule.seq) for rule in self.rules)

        # Cased words are looked for only among the tokens whose lower-case form is one's.
        self._cased_masks = {get_string_id(word): self._mask(sorted(ps)) for word, ps in cased_parts.items()}
        self._cased_lower = {get_string_id(word.lower()) for word in cased_parts}
        self._word_masks = {get_string_id(word): self._mask(sorted(ps)) for word, ps in word_parts.items()}
        # A direct-mapped cache of token masks by string id: slot ``id & mask`` holds one id, its
        # mask (a Python int, so a doc's masks are a list without converting each) and whether it
        # can begin a rule. Slots start as id 0's (the empty string), whose mask is 0: a true entry.
        self._slot_ids = numpy.zeros(_SLOTS + 1, dtype=numpy.uint64)
        self._slot_masks = numpy.zeros(_SLOTS + 1, dtype=object)
        self._slot_starts = numpy.zeros(_SLOTS + 1, dtype=bool)
        self._plans: dict[tuple[int, int], _Plan] = {}

    def _mask(self, parts: Iterable[str]) -> int:
        """The bit mask of ``parts`` (a part seen for the first time gets the next bit)."""
        mask = 0
        for part in parts:
            mask |= self._bits.setdefault(part, 1 << len(self._bits))
        return mask

    def _text_mask(self, text: str) -> int:
        """The parts read off a token's text: digit shapes, an "early-2010", the inspectorate's acronym."""
        if text[:1].isdigit():
            return self._mask(sorted(_digit_parts(text)))
        if ("-" in text or "–" in text) and _MODIFIED_YEAR.match(text):
            return self._mask(["MODIFIED_YEAR"])
        if text[:2] == "HM" and _INSPECTORATE_ACRONYM.match(text) and text not in _OTHER_INSPECTORATES:
            return self._mask(["INSPECTORATE_ACRONYM"])
        return 0

    def _token_mask(self, text: str, orth: int, lower: int) -> int:
        """A token's mask, worked out: its word classes, its cased word's, its digit shapes."""
        mask = self._word_masks.get(lower, 0) | self._text_mask(text)
        if lower in self._cased_lower:
            mask |= self._cased_masks.get(orth, 0)
        if not mask and len(text) >= self._least_slip_length and text.isalpha():
            folded = text.lower()
            for word, part in self._slip_targets:
                if one_slip_from(folded, word):
                    mask |= part
        return mask

    def _token_masks(self, doc: Doc) -> tuple[list[int], list[int]]:
        """The mask of every token (and of the padding after them), and the tokens that can begin a rule."""
        view = token_view(doc)
        ids = view.orth_ids
        slots = ids & numpy.uint64(_SLOTS)
        masks: list[int] = self._slot_masks[slots].tolist()
        starts = self._slot_starts[slots]
        missed = (self._slot_ids[slots] != ids).nonzero()[0]
        if len(missed):
            # Each missed word is worked out once, however often the doc holds it (a long report repeats its
            # new words: worked out at every occurrence, they cost more per character the longer it is).
            # Each miss is fixed in the doc's masks, so two of its ids sharing a slot are both right.
            lower_ids, text = view.lower_ids, view.text
            known: dict[int, tuple[int, bool]] = {}
            for i in missed.tolist():
                orth = int(ids[i])
                worked_out = known.get(orth)
                if worked_out is None:
                    slot = orth & _SLOTS
                    mask = self._token_mask(text[i], orth, int(lower_ids[i]))
                    worked_out = known[orth] = mask, bool(mask & self.starter_mask)
                    self._slot_ids[slot] = orth
                    self._slot_masks[slot] = mask
                    self._slot_starts[slot] = worked_out[1]
                masks[i], starts[i] = worked_out
        return masks + [0] * self._reach, starts.nonzero()[0].tolist()

    def _plan(self, first: int, second: int) -> _Plan:
        """The sequences that can match from a token with mask ``first`` followed by one with mask ``second``."""
        matched: set[tuple[int, str, str]] = set()
        to_check: list[_Sequence] = []
        for rule, bits in self.sequences:
            if not first & bits[0] or (len(bits) > 1 and not second & bits[1]):
                continue
            if len(bits) <= 2:
                matched.add((len(bits), rule.label, rule.id))
            else:
                to_check.append(_Sequence(len(bits), rule.label, rule.id, tuple(enumerate(bits))[2:]))
        if len(self._plans) > _MEMO_LIMIT:
            self._plans.clear()
        plan = self._plans[first, second] = _Plan(tuple(matched), tuple(to_check))
        return plan

    def candidates(self, doc: Doc) -> set[tuple[int, int, str, str]]:
        """(start, end, label, rule id) of every way a rule matches in ``doc``."""
        masks, starters = self._token_masks(doc)
        plans = self._plans
        found: set[tuple[int, int, str, str]] = set()
        for i in starters:
            pair = masks[i], masks[i + 1]
            matched, to_check = plans.get(pair) or self._plan(*pair)
            for length, label, rule_id in matched:
                found.add((i, i + length, label, rule_id))
            for length, label, rule_id, rest in to_check:
                for offset, bit in rest:
                    if not masks[i + offset] & bit:
                        break
                else:
                    found.add((i, i + length, label, rule_id))
        return found

    def __call__(self, doc: Doc) -> Doc:
        # The found tuples become Candidates without a Python-level call each (``Candidate._make`` is one).
        add_candidates(doc, map(_as_candidate, sorted(self.candidates(doc))))
        return doc


@Language.factory("hmicfrs_figure_tagger", default_config={"grammar": "figure_grammar.json"}, assigns=["doc._.candidates"])
def make_figure_tagger(nlp: Language, name: str, grammar: str) -> FigureTagger:
    return FigureTagger(name, grammar)
