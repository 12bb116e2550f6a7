"""The cue file is checked data: a mistake in it fails loudly when the pipeline loads, and what each module
reads of it is what that module declares."""

from __future__ import annotations

import ast
import copy
import inspect
import sys
from dataclasses import fields
from types import ModuleType
from typing import Any, Callable

import pytest

from pipeline.linking import CueReads, CueSpec, build_lexicon, cue_readers
from pipeline.linking import figure_tests, focus
from pipeline.linking.resolvers import crime_type, force, per_year, polarity, qualifier, year
from pipeline.linking.rules import RULE_ORDER, areas, audit_pairs
from pipeline.resources import DataFileError, load_json

CUES = load_json("finding_cues.json")


def _spec(change: Callable[[dict[str, Any]], None]) -> CueSpec:
    data = copy.deepcopy(CUES)
    change(data)
    return CueSpec(data, cue_readers())


def test_the_shipped_cue_file_passes_every_check() -> None:
    spec = CueSpec(CUES, cue_readers())
    assert spec.cues["hypothetical"].direction == "before" and spec.cues["hypothetical"].window == 4
    lexicon = build_lexicon(CUES, load_json("forces.json"), load_json("titles.json"))
    assert "Sir" in lexicon.honorifics


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    *parents, last = path.split("/")

    def change(data: dict[str, Any]) -> None:
        for part in parents:
            data = data[part]
        data[last] = value
    return change


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    *parents, last = path.split("/")

    def change(data: dict[str, Any]) -> None:
        for part in parents:
            data = data[part]
        del data[last]
    return change


MISTAKES = [
    # (what is wrong, the change, words the message must hold)
    ("a misspelt key in a cue", _set("cues/hypothetical/windw", 4), ["cues.hypothetical", "windw"]),
    ("an unknown direction", _set("cues/hypothetical/direction", "behind"), ["cues.hypothetical", "behind"]),
    ("a before cue without a window", _delete("cues/hypothetical/window"), ["cues.hypothetical", "window"]),
    ("a window on an 'anywhere' cue", _set("cues/audit/window", 3), ["cues.audit"]),
    ("a window of the wrong type", _set("cues/hypothetical/window", "4"), ["cues.hypothetical"]),
    ("an entry without its doc", _delete("cues/negations/doc"), ["cues.negations", "doc"]),
    ("a cue read one way but declared another", _set("cues/hypothetical/direction", "after"), ["hypothetical", "'before'"]),
    ("a cue no rule reads", _set("cues/unused_cue", {"doc": "a cue nobody reads at all", "direction": "anywhere", "phrases": ["x"]}),
     ["no rule reads", "cues.unused_cue"]),
    ("a word set no rule reads", _set("words/unused_words", {"doc": "words nobody reads at all", "words": ["x"]}),
     ["no rule reads", "words.unused_words"]),
    ("a cue a rule reads is missing", _delete("cues/hypothetical"), ["cues.hypothetical", "does not have"]),
    ("same_as naming nothing", _set("cues/sub_part_opening/same_as", "sub_parts"), ["sub_part_opening", "sub_parts"]),
    ("a 'word' of two tokens, which can never match one", _set("words/crime_nouns/words", ["crime", "sexual offences"]),
     ["words.crime_nouns", "sexual offences"]),
    ("an empty phrase list", _set("cues/negations/phrases", []), ["cues.negations"]),
    ("an unknown section", _set("cue", {}), ["cue"]),
]


@pytest.mark.parametrize("what,change,words", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_a_mistake_in_the_cue_file_fails_loudly_naming_file_and_place(what: str, change: Callable[[dict[str, Any]], None],
                                                                      words: list[str]) -> None:
    with pytest.raises(DataFileError) as raised:
        _spec(change)
    message = str(raised.value)
    assert message.startswith("finding_cues.json"), message
    for word in words:
        assert word in message, message


# -- what each module reads is what it declares ---------------------------------------------------

_CUE_METHODS = {"before": "before", "after": "after", "around": "around", "within": "anywhere", "in_doc": "anywhere"}
_SECTIONS = ("words", "phrases", "tables", "ids")


def _literal_reads(tree: ast.AST) -> tuple[set[tuple[str, str]], set[str]]:
    """(direction or section, name) read with a literal name under ``tree``, and the names asked ``any_in_doc``."""
    reads: set[tuple[str, str]] = set()
    anywhere: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if node.func.attr in _CUE_METHODS:
                    reads.add((_CUE_METHODS[node.func.attr], first.value))
                elif node.func.attr == "any_in_doc":
                    anywhere.add(first.value)
        if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr in _SECTIONS
                and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)):
            reads.add((node.value.attr, node.slice.value))
    return reads, anywhere


def _declared(reads: CueReads) -> set[tuple[str, str]]:
    return {(f.name, name) for f in fields(CueReads) for name in getattr(reads, f.name)}


def _readers() -> list[tuple[str, ast.AST, CueReads]]:
    modules: list[ModuleType] = [figure_tests, focus, crime_type, force, per_year, polarity, qualifier, year, audit_pairs, areas]
    found = [(m.__name__, ast.parse(inspect.getsource(m)), m.CUE_READS) for m in modules]
    return found + [(rule.__name__, ast.parse(inspect.getsource(sys.modules[rule.__module__])), rule.cue_reads) for rule in RULE_ORDER]


@pytest.mark.parametrize("name,tree,declared", _readers(), ids=[r[0] for r in _readers()])
def test_every_cue_a_module_reads_is_declared_and_every_declared_cue_is_read(name: str, tree: ast.AST, declared: CueReads) -> None:
    reads, any_in_doc = _literal_reads(tree)
    declared_set = _declared(declared)
    assert reads <= declared_set, f"{name} reads {sorted(reads - declared_set)} without declaring them"
    cue_names = {n for section, n in declared_set if section not in _SECTIONS}
    assert any_in_doc <= cue_names
    declaration = {id(node) for call in ast.walk(tree) if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "CueReads"
                   for node in ast.walk(call)}
    constants = {node.value for node in ast.walk(tree)
                 if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in declaration}
    assert {n for _, n in declared_set} <= constants, f"{name} declares reads it never makes: {sorted({n for _, n in declared_set} - constants)}"
