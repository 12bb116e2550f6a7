"""The rule data files are checked when the pipeline loads: a mistake fails loudly, naming the file and the place.

Each test copies the shipped data files to a temporary folder, makes one mistake there
and loads it the way the pipeline does; the error must name the file, give the JSON
path of the mistake and say what is wrong.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from pipeline import resources
from pipeline.components.figure_tagger import TEXT_PARTS, FigureTagger, _digit_parts, grammar_problems
from pipeline.context_rules import Condition, load_context_rules
from pipeline.context_rules.rule import ContextRule
from pipeline.patterns import make_patterns, name_problems
from pipeline.resources import DataFileError, load_data, load_json, validate_data

SCHEMA_FILES = ("forces", "lexicon", "titles", "word_sets", "figure_grammar", "context_rules")


def _clear_caches() -> None:
    resources.load_json.cache_clear()
    resources.load_data.cache_clear()
    resources._schema.cache_clear()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of ``pipeline/data`` that the loaders read instead (the real files are read again afterwards)."""
    copy = tmp_path / "data"
    shutil.copytree(resources.DATA_DIR, copy)
    monkeypatch.setattr(resources, "DATA_DIR", copy)
    monkeypatch.setattr(resources, "SCHEMA_DIR", copy / "schemas")
    _clear_caches()
    yield copy
    _clear_caches()


def _edit(folder: Path, name: str, change: Callable[[Any], None]) -> None:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _clear_caches()


def _fails(load: Callable[[], Any], folder: Path, name: str, where: str, *what: str) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        load()
    message = str(caught.value)
    assert str(folder / name) in message, message
    assert f"at {where}:" in message, message
    for words in what:
        assert words in message, message
    return caught.value


# -- the shipped files ---------------------------------------------------------------

def test_a_key_written_twice_is_an_error_not_a_silent_replacement(data_dir: Path) -> None:
    """Two changes that each add an entry of one name ('relative_pronouns') must not merge into one silently."""
    path = data_dir / "finding_cues.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"words": {', '"words": {\n  "crime_nouns": {"doc": "again", "words": ["x"]},', 1), encoding="utf-8")
    _clear_caches()
    error = _fails(lambda: load_json("finding_cues.json"), data_dir, "finding_cues.json", "$", "'crime_nouns'", "more than once")
    assert len(error.problems) == 1


@pytest.mark.parametrize("stem", SCHEMA_FILES)
def test_every_shipped_data_file_has_a_schema_and_passes_it(stem: str) -> None:
    assert resources.schema_file(f"{stem}.json").exists()
    validate_data(f"{stem}.json", load_json(f"{stem}.json"))


def test_the_shipped_files_pass_the_checks_a_schema_cannot_make() -> None:
    assert grammar_problems(load_data("figure_grammar.json"), load_data("word_sets.json")["sets"]) == []
    assert name_problems(load_data("forces.json"), load_data("lexicon.json")) == ([], [])
    assert len(load_context_rules()) == len(load_data("context_rules.json")["rules"])
    FigureTagger()
    assert make_patterns()


def test_the_cue_file_loads_through_load_data_against_its_own_schema(data_dir: Path) -> None:
    # finding_cues.json's format and schema belong to the linker; load_data checks it like any other.
    assert resources.schema_file("finding_cues.json").exists()
    assert load_data("finding_cues.json") == json.loads((data_dir / "finding_cues.json").read_text(encoding="utf-8"))
    _edit(data_dir, "finding_cues.json", lambda d: d.update(cue_typo={}))
    _fails(lambda: load_data("finding_cues.json"), data_dir, "finding_cues.json", "$.cue_typo", "unknown key 'cue_typo'")


def test_a_file_without_a_schema_loads_unchecked_and_is_checked_once_one_exists(data_dir: Path) -> None:
    name = "notes.json"
    (data_dir / name).write_text(json.dumps({"_doc": "a file of notes", "notes": ["a"]}), encoding="utf-8")
    assert not resources.schema_file(name).exists()
    assert load_data(name) == {"_doc": "a file of notes", "notes": ["a"]}
    (data_dir / "schemas" / "notes.schema.json").write_text(json.dumps({
        "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
        "properties": {"_doc": {"type": "string"}}, "additionalProperties": False}), encoding="utf-8")
    _clear_caches()
    _fails(lambda: load_data(name), data_dir, name, "$.notes", "unknown key 'notes'")


# -- each kind of mistake --------------------------------------------------------------

def test_an_unknown_key_fails(data_dir: Path) -> None:
    _edit(data_dir, "context_rules.json", lambda d: d["rules"][2].update(lable="FORCE_PLACE"))
    _fails(load_context_rules, data_dir, "context_rules.json", "$.rules[2].lable", "unknown key 'lable'")


def test_an_unknown_key_in_a_force_fails(data_dir: Path) -> None:
    _edit(data_dir, "forces.json", lambda d: d["forces"][5].update(alias=["K"]))
    _fails(lambda: load_data("forces.json"), data_dir, "forces.json", "$.forces[5].alias", "unknown key 'alias'")


def test_a_misspelt_grammar_part_fails(data_dir: Path) -> None:
    _edit(data_dir, "figure_grammar.json", lambda d: d["rules"][1]["seq"].__setitem__(1, "PRE"))
    _fails(FigureTagger, data_dir, "figure_grammar.json", "$.rules[1].seq[1]", "'PRE' is not a part the grammar declares")


def test_a_cased_part_written_without_cap_fails(data_dir: Path) -> None:
    rules = load_json("figure_grammar.json")["rules"]
    i = next(i for i, rule in enumerate(rules) if rule["seq"] == ["cap:MONTH_NAME"])
    _edit(data_dir, "figure_grammar.json", lambda d: d["rules"][i].update(seq=["MONTH_NAME"]))
    _fails(FigureTagger, data_dir, "figure_grammar.json", f"$.rules[{i}].seq[0]", "write it 'cap:MONTH_NAME'")


def test_a_misspelt_word_set_reference_fails(data_dir: Path) -> None:
    _edit(data_dir, "figure_grammar.json", lambda d: d["word_parts"].update(PCT="$percent_word"))
    _fails(FigureTagger, data_dir, "figure_grammar.json", "$.word_parts.PCT", "'$percent_word' names no set")


def test_a_misspelt_condition_name_fails(data_dir: Path) -> None:
    def misspell(rules: dict[str, Any]) -> None:
        when = rules["rules"][0]["when"]
        when["precceded_by"] = when.pop("preceded_by")
    _edit(data_dir, "context_rules.json", misspell)
    _fails(load_context_rules, data_dir, "context_rules.json", "$.rules[0].when.precceded_by",
           "unknown condition 'precceded_by'", "preceded_by")


def test_an_unknown_condition_parameter_fails(data_dir: Path) -> None:
    _edit(data_dir, "context_rules.json", lambda d: d["rules"][0]["when"]["preceded_by"].update(windw=2))
    _fails(load_context_rules, data_dir, "context_rules.json", "$.rules[0].when.preceded_by.windw",
           "unknown parameter 'windw'")


def test_a_parameter_a_condition_does_not_take_fails(data_dir: Path) -> None:
    # ``skip`` belongs to followed_by; preceded_by would silently ignore it.
    _edit(data_dir, "context_rules.json", lambda d: d["rules"][0]["when"]["preceded_by"].update(skip=["'s"]))
    _fails(load_context_rules, data_dir, "context_rules.json", "$.rules[0].when.preceded_by.skip", "unknown parameter 'skip'")


def test_a_wrong_type_fails(data_dir: Path) -> None:
    _edit(data_dir, "context_rules.json", lambda d: d["rules"][0]["when"]["preceded_by"].update(window="1"))
    _fails(load_context_rules, data_dir, "context_rules.json", "$.rules[0].when.preceded_by.window",
           "'1' is not of type integer")


def test_a_wrong_type_in_a_schema_checked_file_fails(data_dir: Path) -> None:
    _edit(data_dir, "forces.json", lambda d: d["forces"][3].update(places="Kent"))
    _fails(lambda: load_data("forces.json"), data_dir, "forces.json", "$.forces[3].places", "is not of type array")


def test_a_wrong_value_in_a_table_fails(data_dir: Path) -> None:
    _edit(data_dir, "word_sets.json", lambda d: d["hedges"].update({"well over": "more"}))
    _fails(lambda: load_data("word_sets.json"), data_dir, "word_sets.json", '$.hedges["well over"]', "'more'")


def test_an_unknown_label_in_a_context_rule_fails(data_dir: Path) -> None:
    _edit(data_dir, "context_rules.json", lambda d: d["rules"][1].update(label="PLACE"))
    _fails(load_context_rules, data_dir, "context_rules.json", "$.rules[1].label", "unknown candidate label 'PLACE'")


def test_an_unknown_label_in_a_condition_fails(data_dir: Path) -> None:
    # The first rule whose ``when`` has a label condition, wherever rules are added before it.
    i = next(i for i, rule in enumerate(load_json("context_rules.json")["rules"]) if "preceded_by_label" in rule["when"])
    _edit(data_dir, "context_rules.json", lambda d: d["rules"][i]["when"]["preceded_by_label"].update(labels=["FORCES"]))
    _fails(load_context_rules, data_dir, "context_rules.json", f"$.rules[{i}].when.preceded_by_label.labels[0]", "'FORCES'")


def test_a_missing_key_and_a_misplaced_one_fail_together(data_dir: Path) -> None:
    def break_rule(rules: dict[str, Any]) -> None:
        del rules["rules"][4]["comment"]
        rules["rules"][4]["to"] = "FORCE"  # a reject rule takes no new label
    _edit(data_dir, "context_rules.json", break_rule)
    error = _fails(load_context_rules, data_dir, "context_rules.json", "$.rules[4].comment", "missing (required)")
    assert ("$.rules[4].to", "not allowed here: only a relabel rule takes a new label") in error.problems


def test_a_force_id_that_is_not_schemas_fails_when_the_patterns_are_made(data_dir: Path) -> None:
    _edit(data_dir, "forces.json", lambda d: d["forces"][0].update(id="avon_somerset"))
    _fails(make_patterns, data_dir, "forces.json", "$.forces[0].id", "'avon_somerset' is not a force id")


def test_data_from_elsewhere_is_checked_against_the_same_schema() -> None:
    titles = dict(load_json("titles.json"), honorifics="Mr")
    with pytest.raises(DataFileError) as caught:
        validate_data("titles.json", titles, source="models/hmicfrs/person_tagger/titles.json")
    assert isinstance(caught.value, ValueError)
    assert caught.value.problems == [("$.honorifics", "'Mr' is not of type array")]
    assert str(caught.value).startswith("models/hmicfrs/person_tagger/titles.json, at $.honorifics:")


def test_a_rule_built_from_its_dict_is_checked_too() -> None:
    with pytest.raises(DataFileError, match=r"at \$\.when\.followed_by\.word: unknown parameter 'word'"):
        ContextRule.from_dict({"comment": "c", "label": "COUNT", "action": "reject", "when": {"followed_by": {"word": ["x"]}}})


# -- the schemas and the registry document the formats -------------------------------------

def _object_schemas(schema: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(schema, dict):
        if schema.get("type") == "object":
            yield path, schema
        for key, value in schema.items():
            yield from _object_schemas(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for i, value in enumerate(schema):
            yield from _object_schemas(value, f"{path}/{i}")


@pytest.mark.parametrize("stem", SCHEMA_FILES)
def test_every_schema_is_draft_2020_12_closed_and_described(stem: str) -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads(resources.schema_file(f"{stem}.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema.get("description")
    for path, found in _object_schemas(schema):
        # A record's keys are fixed (no other key allowed); a map's keys are data, and its values are checked.
        # A condition's parameters are checked against what the condition declares, in the registry.
        closed = found.get("additionalProperties")
        parameters = stem == "context_rules" and path.endswith(("/when/additionalProperties", "/unless/items/additionalProperties"))
        assert closed is False or (isinstance(closed, dict) and "properties" not in found) or parameters, path
        for key, field in found.get("properties", {}).items():
            assert field.get("description"), f"{path}/properties/{key} has no description"


def test_every_condition_documents_itself_and_its_parameters() -> None:
    assert set(Condition.kinds) >= {"preceded_by", "followed_by", "followed_by_label", "preceded_by_label", "line_start",
                                    "next_is_title", "prev_is_title", "next_is_content_word", "capitalised", "quoted"}
    for key, kind in Condition.kinds.items():
        assert kind.__doc__, key
        assert set(kind.required) <= set(kind.takes), key
        for name, param in kind.takes.items():
            assert param.get("description"), f"{key}.{name}"


def test_text_parts_are_every_part_read_off_a_token() -> None:
    samples = ["7", "12", "31", "2017", "09", "1,234", "3.5", "21st", "3rd", "12/03/2017", "2016/17", "10:30", "10.30",
               "9am", "10.30pm", "0", "99999", "1950", "2049"]
    found = set().union(*(_digit_parts(s) for s in samples))
    assert found <= TEXT_PARTS
    # Read by _text_mask: "mid-2017", and the inspectorate's acronym as it is misprinted ("HMIFRS").
    assert TEXT_PARTS - found == {"MODIFIED_YEAR", "INSPECTORATE_ACRONYM"}
