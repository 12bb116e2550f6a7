"""The data files of ``pipeline/data`` and the phrase sets read from them, in one place.

Every module that reads a rule file reads it through here (``load_data``), so a file
is parsed and checked once per process and shared, and phrases are tokenised the one
way documents are.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

DATA_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """The parsed contents of ``pipeline/data/<name>``, read once per process (callers must not change them).

    A key written twice in one object is an error: JSON keeps the last silently, so an entry
    added by one change would quietly replace another's of the same name."""

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: set[str] = set()
        twice = sorted({k for k, _ in pairs if k in seen or seen.add(k)})  # type: ignore[func-returns-value]
        if twice:
            raise DataFileError(str(path), [("$", f"key {k!r} is written more than once in one object") for k in twice])
        return dict(pairs)

    path = DATA_DIR / name
    return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=unique)


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy  # here, not at the top: modules that only read data files need not load spaCy

    return spacy.blank("en").tokenizer


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """Lower-cased tokens of a phrase, split exactly as documents are ("police, fire")."""
    return tuple(t.lower_ for t in _tokenizer()(phrase))


class PhraseSet:
    """A set of phrases, searchable at a token position."""

    def __init__(self, phrases: list[str]) -> None:
        self.by_length: dict[int, set[tuple[str, ...]]] = {}
        for phrase in phrases:
            tokens = tokenize_phrase(phrase)
            self.by_length.setdefault(len(tokens), set()).add(tokens)
        self.lengths = sorted(self.by_length, reverse=True)
        # Most tokens cannot begin or end a phrase: one set look-up rules them out.
        self.first_words = frozenset(p[0] for group in self.by_length.values() for p in group if p)
        self.last_words = frozenset(p[-1] for group in self.by_length.values() for p in group if p)

    def match_at(self, lower: list[str], i: int) -> int:
        """Length of the longest phrase starting at token ``i`` (0 if none)."""
        if not 0 <= i < len(lower) or lower[i] not in self.first_words:
            return 0
        for length in self.lengths:
            if i + length <= len(lower) and tuple(lower[i : i + length]) in self.by_length[length]:
                return length
        return 0

    def ends_at(self, lower: list[str], end: int) -> int:
        """Length of the longest phrase ending just before token ``end`` (0 if none)."""
        if not 0 < end <= len(lower) or lower[end - 1] not in self.last_words:
            return 0
        for length in self.lengths:
            if end - length >= 0 and tuple(lower[end - length : end]) in self.by_length[length]:
                return length
        return 0


# -- validation ------------------------------------------------------------------
# A data file whose format has a JSON Schema (``data/schemas/<stem>.schema.json``) is
# checked against it when it is loaded, so a misspelt key or a wrong type fails at load
# with the file, the place and the problem, instead of silently matching nothing. The
# checks a schema cannot express (a grammar part the grammar declares, a condition the
# registry knows) are made by the module that knows them, and raise the same error.

SCHEMA_DIR = DATA_DIR / "schemas"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

Problem = tuple[str, str]  # (JSON path, what is wrong there)


class DataFileError(ValueError):
    """A data file, or data standing in for one, that breaks its format: every problem with its JSON path."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        if len(problems) == 1:
            message = f"{source}, at {problems[0][0]}: {problems[0][1]}"
        else:
            message = f"{source}: {len(problems)} problems\n" + "\n".join(f"  at {where}: {what}" for where, what in problems)
        super().__init__(message)


def json_path(parts: Iterable[str | int], root: str = "$") -> str:
    """A place in a JSON document written as a path: ``$.rules[3].when.preceded_by``."""
    path = root
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _NAME.match(part):
            path += f".{part}"
        else:
            path += f"[{json.dumps(part, ensure_ascii=False)}]"
    return path


def schema_problems(schema: dict[str, Any], instance: Any, root: str = "$", key: str = "key") -> list[Problem]:
    """Every way ``instance`` breaks ``schema`` (JSON Schema 2020-12), in document order.

    ``root``: the path of ``instance`` in its document; ``key``: what a key of its objects
    is called in an error ("unknown parameter").
    """
    errors = sorted(_validator(json.dumps(schema, sort_keys=True)).iter_errors(instance), key=_document_order)
    # dict.fromkeys: one error per missing key names them all, so the same problem can come twice.
    return list(dict.fromkeys(problem for error in errors for problem in _describe(error, root, key)))


def _document_order(error: Any) -> list[tuple[int, int, str]]:
    return [(0, part, "") if isinstance(part, int) else (1, 0, part) for part in error.absolute_path]


@lru_cache(maxsize=64)
def _validator(schema_text: str) -> Any:
    # Imported here: only loading data pays for it, and a module that merely reads a file does not.
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _describe(error: Any, root: str, noun: str) -> list[Problem]:
    """The problem a jsonschema error reports, said plainly; an unknown key is named in the path."""
    where = json_path(error.absolute_path, root)
    if error.validator == "additionalProperties" and error.validator_value is False:
        known = sorted(error.schema.get("properties", {}))
        allowed = f"known: {', '.join(known)}" if known else f"no {noun} is allowed"
        return [(json_path([*error.absolute_path, key], root), f"unknown {noun} {key!r} ({allowed})")
                for key in error.instance if key not in error.schema.get("properties", {})]
    if error.validator == "required" and isinstance(error.instance, dict):
        return [(json_path([*error.absolute_path, key], root), "missing (required)")
                for key in error.validator_value if key not in error.instance]
    if error.validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else " or ".join(error.validator_value)
        return [(where, f"{_brief(error.instance)} is not of type {expected}")]
    if error.validator in ("anyOf", "oneOf") and error.context:
        if all(e.validator == "required" for e in error.context):
            keys = sorted({key for e in error.context for key in e.validator_value})
            return [(where, "needs one of the keys " + ", ".join(keys))]
        return [(where, f"{_brief(error.instance)} is none of the allowed forms: "
                 + "; or ".join(sorted({e.message for e in error.context})))]
    if error.validator == "not" and error.validator_value == {}:  # a key that may not be there
        reason = error.schema.get("description")
        return [(where, "not allowed here" + (f": {reason}" if reason else ""))]
    return [(where, error.message)]


def _brief(value: Any) -> str:
    """A value as an error message shows it: a short repr, or what kind of thing it is."""
    if isinstance(value, dict):
        return "the object"
    if isinstance(value, list):
        return "the array" if value else "[]"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def schema_file(name: str) -> Path:
    """Where the schema of data file ``name`` is (it may not exist): ``data/schemas/<stem>.schema.json``."""
    return SCHEMA_DIR / f"{Path(name).stem}.schema.json"


@lru_cache(maxsize=None)
def _schema(name: str) -> dict[str, Any] | None:
    path = schema_file(name)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def validate_data(name: str, data: Any, source: str | None = None) -> None:
    """Check ``data`` against the schema of data file ``name``, if it has one; raise ``DataFileError``.

    For data that did not come from ``pipeline/data`` (a saved model, a test): ``source``
    says where it came from in the error.
    """
    schema = _schema(name)
    if schema is None:
        return
    problems = schema_problems(schema, data)
    if problems:
        raise DataFileError(source or name, problems)


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """``pipeline/data/<name>``, parsed and checked against its schema (if it has one), once per process."""
    data = load_json(name)
    validate_data(name, data, source=data_source(name))
    return data


def data_source(name: str) -> str:
    """Data file ``name`` as an error names it: ``pipeline/data/<name>``, or its full path if the data is elsewhere."""
    path = DATA_DIR / name
    try:
        return path.relative_to(Path(__file__).parent.parent).as_posix()
    except ValueError:
        return str(path)
