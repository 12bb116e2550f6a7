"""Turn the data files in ``pipeline/data`` into SpanRuler patterns.

The lexicons are written the way people read them (one spelling per name); this
module expands the spelling variants that real coverage uses (straight and curly
apostrophes, "and"/"&", force name + head noun) so the data stays short. Every
pattern is a phrase pattern: spaCy's PhraseMatcher finds them all in one pass
whatever their number. Registered as ``hmicfrs.patterns.v1`` for the
``[initialize]`` block of the pipeline config.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Any, Iterator

import spacy

from pipeline.candidates import FORCE_PLACE
from pipeline.resources import DataFileError, Problem, data_source, json_path, load_data
from pipeline.schema import CRIME_TYPES, FORCE_IDS, GRADES, INSPECTORATE_ID, ROLE_IDS

# The canonical ids of SCHEMA §2 that each lexicon label's entries may carry.
_LEXICON_IDS = {"INSPECTORATE": (INSPECTORATE_ID,), "ROLE": ROLE_IDS, "CRIME_TYPE": CRIME_TYPES, "GRADE": GRADES}


def spelling_variants(phrase: str) -> set[str]:
    """The phrase with each apostrophe straight or curly and each "and" as "&" or not.

    Every occurrence varies on its own: the inspectorate's official name mixes them
    ("Constabulary and Fire & Rescue Services").
    """
    variants = {phrase}
    for a, b in (("'", "’"), (" and ", " & ")):
        splitter = re.compile(f"({re.escape(a)}|{re.escape(b)})")
        expanded: set[str] = set()
        for variant in variants:
            parts = splitter.split(variant)
            choices = [[part] if i % 2 == 0 else [a, b] for i, part in enumerate(parts)]
            expanded |= {"".join(choice) for choice in product(*choices)}
        variants = expanded
    return variants


# Typos are generated only for the short forms of a name (a long form with a typo still matches its short prefix):
# each variant of each phrase multiplies the patterns.
_TYPO_PHRASE_MOST_WORDS = 5
_TYPO_WORD_LEAST = 8  # shorter words have real words one edit away


def typo_variants(word: str) -> set[str]:
    """The word with one letter dropped or two neighbours swapped ("Constabulay", "Constabluary"): the slips of
    a journalist's typing in a long word; the first letter and its case are kept."""
    if len(word) < _TYPO_WORD_LEAST:
        return set()
    dropped = {word[:i] + word[i + 1 :] for i in range(1, len(word))}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}
    return (dropped | swapped) - {word}


def one_slip_from(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one slip: a letter dropped, added or changed, or two neighbours
    swapped; the first letter is kept (both lower-case). The matching side of ``typo_variants``, which also
    reads the slips too many to list as patterns (an added or changed letter: "Constabularly")."""
    if word == target or word[:1] != target[:1] or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == target[diff[1]] and word[diff[1]] == target[diff[0]])
    longer, shorter = (word, target) if len(word) > len(target) else (target, word)
    i = next((k for k, (a, b) in enumerate(zip(longer, shorter)) if a != b), len(shorter))
    return longer[i + 1:] == shorter[i:]


def with_typos(phrases: list[str], words: list[str]) -> list[str]:
    """The phrases, and each short one with one of ``words`` mistyped (one typo a phrase)."""
    wanted = {w.lower() for w in words}
    typed: list[str] = []
    for phrase in phrases:
        tokens = phrase.split(" ")
        if len(tokens) > _TYPO_PHRASE_MOST_WORDS:
            continue
        for i, token in enumerate(tokens):
            if token.lower() in wanted:
                typed += [" ".join(tokens[:i] + [typo] + tokens[i + 1 :]) for typo in sorted(typo_variants(token))]
    return list(dict.fromkeys(phrases + typed))


def force_patterns(forces: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Full force names (place + head, listed names), aliases, and bare places."""
    heads = forces["force_heads"]
    for force in forces["forces"]:
        fid = force["id"]
        full = set(force["names"])
        for place in force["places"]:
            full |= {f"{place} {head}" for head in heads}
        for name in sorted(set().union(*(spelling_variants(n) for n in full)) if full else ()):
            yield {"label": "FORCE", "pattern": name, "id": fid}
        for alias in force["aliases"]:
            yield {"label": "FORCE", "pattern": alias, "id": fid}
        for place in sorted(set().union(*(spelling_variants(p) for p in force["places"])) if force["places"] else ()):
            yield {"label": FORCE_PLACE, "pattern": place, "id": fid}


def crime_type_heads(lexicon: dict[str, Any]) -> tuple[str, ...]:
    """The head nouns a crime category keeps inside its span ("offences", "incidents"); none if the file lists none."""
    return tuple(lexicon.get("crime_type_heads", {}).get("heads", ()))


def with_heads(phrases: list[str], heads: tuple[str, ...]) -> list[str]:
    """The phrases, and each that does not end in a head noun followed by every head ("stalking" -> "stalking incidents")."""
    bare = [p for p in phrases if p.rsplit(" ", 1)[-1].lower() not in heads]
    return list(dict.fromkeys(phrases + [f"{p} {head}" for p in bare for head in heads]))


def with_dotted_abbreviations(phrases: list[str], abbreviations: frozenset[str]) -> list[str]:
    """Each title also with a full stop after any of its abbreviated words ("Det. Supt.", "Ch. Con.", "Asst Ch.
    Con."), as some papers and releases write them; the phrase as written stays first."""
    out: list[str] = []
    for phrase in phrases:
        words = phrase.split(" ")
        choices = [[w, w + "."] if w.lower() in abbreviations else [w] for w in words]
        out += [" ".join(choice) for choice in product(*choices)]
    return out


def lexicon_patterns(lexicon: dict[str, Any], dotted: frozenset[str] = frozenset()) -> Iterator[dict[str, Any]]:
    """Phrase patterns (case-insensitive) and exact token patterns for each entry; ``dotted``: the abbreviated
    words of titles that may carry a full stop."""
    heads = crime_type_heads(lexicon)
    for entry in lexicon["entries"]:
        phrases = list(entry.get("phrases", []))
        if entry["label"] == "ROLE":
            # Titles of office also appear in the plural ("chief constables", "PCCs").
            phrases += [p + "s" for p in phrases if not p.endswith("s")]
            phrases = with_dotted_abbreviations(phrases, dotted)
        elif entry["label"] == "CRIME_TYPE":
            # A category keeps its head noun (SCHEMA §5): "violence offences", "stalking incidents".
            phrases = with_heads(phrases, heads)
        if entry.get("typos_of"):
            phrases = with_typos(phrases, entry["typos_of"])
        for phrase in phrases:
            for variant in sorted(spelling_variants(phrase)):
                yield {"label": entry["label"], "pattern": variant, "id": entry["id"]}
        for exact in entry.get("exact", []):
            yield {"label": entry["label"], "pattern": exact, "id": entry["id"]}


def exact_forms(forces: dict[str, Any], lexicon: dict[str, Any]) -> frozenset[str]:
    """Names that count only in their exact casing ("Met" the force, not "met" the verb).

    They are matched case-insensitively with every other phrase (one PhraseMatcher
    pass) and the resolver drops a match whose casing differs.
    """
    forms = {alias for force in forces["forces"] for alias in force["aliases"]}
    forms |= {exact for entry in lexicon["entries"] for exact in entry.get("exact", [])}
    return frozenset(forms)


def name_problems(forces: dict[str, Any], lexicon: dict[str, Any]) -> tuple[list[Problem], list[Problem]]:
    """Ids that are not SCHEMA §2's, in forces.json and in lexicon.json: a misspelt id would reach the records."""
    in_forces = [(json_path(["forces", i, "id"]), f"{force['id']!r} is not a force id of SCHEMA §2")
                 for i, force in enumerate(forces["forces"]) if force["id"] not in FORCE_IDS]
    in_lexicon: list[Problem] = []
    for i, entry in enumerate(lexicon["entries"]):
        label, id_ = entry["label"], entry["id"]
        if label not in _LEXICON_IDS:
            in_lexicon.append((json_path(["entries", i, "label"]),
                               f"{label!r} is not a lexicon label ({', '.join(sorted(_LEXICON_IDS))})"))
        elif id_ not in _LEXICON_IDS[label]:
            in_lexicon.append((json_path(["entries", i, "id"]), f"{id_!r} is not a SCHEMA §2 id of {label}"))
    return in_forces, in_lexicon


@spacy.registry.misc("hmicfrs.patterns.v1")
def make_patterns(forces: str = "forces.json", lexicon: str = "lexicon.json", word_sets: str = "word_sets.json") -> list[dict[str, Any]]:
    """The phrase patterns of every name, title and category, from ``pipeline/data`` (checked first)."""
    force_data, lexicon_data = load_data(forces), load_data(lexicon)
    dotted = frozenset(load_data(word_sets)["phrasing"]["dotted_titles"]["words"])
    for name, problems in zip((forces, lexicon), name_problems(force_data, lexicon_data)):
        if problems:
            raise DataFileError(data_source(name), problems)
    patterns = list(force_patterns(force_data))
    patterns.extend(lexicon_patterns(lexicon_data, dotted))
    return patterns
