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

from pipeline.resources import load_json

# Label a bare place name gets until the force-context rule decides it names the force.
FORCE_PLACE = "FORCE_PLACE"


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


def lexicon_patterns(lexicon: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Phrase patterns (case-insensitive) and exact token patterns for each entry."""
    for entry in lexicon["entries"]:
        phrases = list(entry.get("phrases", []))
        if entry["label"] == "ROLE":
            # Titles of office also appear in the plural ("chief constables", "PCCs").
            phrases += [p + "s" for p in phrases if not p.endswith("s")]
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


@spacy.registry.misc("hmicfrs.patterns.v1")
def make_patterns(forces: str = "forces.json", lexicon: str = "lexicon.json") -> list[dict[str, Any]]:
    """The phrase patterns of every name, title and category, from ``pipeline/data``."""
    patterns = list(force_patterns(load_json(forces)))
    patterns.extend(lexicon_patterns(load_json(lexicon)))
    return patterns
