"""Components built from named data files, which they save with the pipeline and are rebuilt from on load.

Modelled on spaCy's ``SpanRuler``: what a component was built from goes into its folder
of the pipeline directory (``to_disk``, or ``to_bytes`` for the same in memory), and
``from_disk`` rebuilds the component from those copies, so ``models/hmicfrs`` holds the
rules it was built with whatever ``pipeline/data`` holds now. A component names its files
in ``data_files`` (what each is for, and its file name, which may come from the config)
and turns their parsed contents into its rules in ``_build``: the one place that reads
data, whether it comes from the package (the factory, so ``add_pipe`` works without
``initialize``) or from a saved copy. Files are saved verbatim, so the copy in the model
reads like the original, comments and all.

A pipeline loaded from disk need not find the package's files at all: a factory that
cannot read them leaves its component waiting for ``from_disk``, and a component used or
saved before its data arrived says so instead of failing on a missing attribute. None of
this runs per document: a waiting component is an instance of a subclass that raises
(``_Waiting``), and becomes an instance of its own class again when its data arrives.
(Not a ``__getattr__`` on the mixin: spaCy's ``Language.__call__`` asks every component
for a ``get_error_handler`` it lacks, for every document, and a Python ``__getattr__``
makes each of those failed look-ups cost microseconds.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterable

from spacy import util

from pipeline import loaded_data, resources

class DataNotLoaded(RuntimeError):
    """A component whose data files were neither in the package nor loaded from a saved pipeline."""


def parse_data(file_name: str, text: str) -> Any:
    """A data file's contents: JSON parsed, any other file (a word list) as its text."""
    return json.loads(text) if file_name.endswith(".json") else text


def package_file(file_name: str) -> Path:
    """Where the package keeps ``file_name`` (read at call time: tests point the package elsewhere)."""
    return resources.DATA_DIR / file_name


class DataBacked:
    """Mixin for a component built from named data files; see the module docstring.

    Subclasses set ``name`` and ``data_files`` (part -> file name), call
    ``_load_package_data()`` in ``__init__`` and implement ``_build(data)`` (part -> parsed
    file). ``read_by_name`` lists the parts that code the component calls also looks up by
    file name (``pipeline/loaded_data.py``): a loaded pipeline registers its copies of them.
    """

    name: str
    data_files: dict[str, str]
    read_by_name: tuple[str, ...] = ()
    _ready_class: type | None = None  # set on the waiting subclass: the class to go back to

    def _build(self, data: dict[str, Any]) -> None:
        """Turn the parsed data files (by part) into the component's rules."""
        raise NotImplementedError

    # -- loading -------------------------------------------------------------
    def _load_package_data(self) -> None:
        """Build from the package's files; if one is missing, wait for ``from_disk``/``from_bytes``."""
        try:
            texts = {part: package_file(file).read_text(encoding="utf-8") for part, file in self.data_files.items()}
        except FileNotFoundError as err:
            self._missing_data = f"{err.filename} is not there and no saved copy was loaded"
            self.__class__ = _waiting(type(self))
            return
        self._load(texts, lambda file: resources.data_source(file))

    def _load(self, texts: dict[str, str], source: Callable[[str], str]) -> dict[str, Any]:
        """The one way in for data: parse each file's text, check it, and build from it; returns the parsed files.

        ``source`` names where a file came from in an error (the package's file, a model folder)."""
        missing = [self.data_files[part] for part in self.data_files if part not in texts]
        if missing:
            raise ValueError(f"{self.name}: no copy of {', '.join(missing)} to build from")
        data = {part: parse_data(self.data_files[part], texts[part]) for part in self.data_files}
        self._sources = {part: source(file) for part, file in self.data_files.items()}
        for part, parsed in data.items():  # each file against its schema, wherever the copy came from
            resources.validate_data(self.data_files[part], parsed, source=self._sources[part])
        self._build(data)
        self._texts = dict(texts)
        if self._ready_class is not None:  # it was waiting for this
            self.__class__ = self._ready_class
            del self._missing_data
        return data

    def data_source(self, part: str) -> str:
        """Where the data file of ``part`` was read from, as an error names it (valid during ``_build``)."""
        return self._sources[part]

    def _load_saved(self, texts: dict[str, str], source: Callable[[str], str]) -> None:
        """Build from saved copies, and make them what the readers by name see."""
        data = self._load(texts, source)
        for part in self.read_by_name:
            loaded_data.register(self.data_files[part], data[part])

    def data_texts(self) -> dict[str, str]:
        """Each data file's text (by file name), as saved with the pipeline."""
        return {self.data_files[part]: text for part, text in self._texts.items()}

    # -- serialisation (spaCy's protocol) ------------------------------------
    def _current_texts(self) -> dict[str, str]:
        """The texts held now (none while waiting): what a partial load (``exclude``) keeps."""
        return dict(self.__dict__.get("_texts") or {})

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write each data file, verbatim, into the component's folder."""
        writers = {file: _writer(self._texts[part]) for part, file in self.data_files.items()}
        util.to_disk(path, writers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DataBacked:
        """Rebuild from the copies in the component's folder."""
        texts = self._current_texts()
        readers = {file: _reader(texts, part) for part, file in self.data_files.items()}
        util.from_disk(path, readers, exclude)
        self._load_saved(texts, lambda file: str(Path(path) / file))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Each data file's text, by file name, as ``to_disk`` writes them."""
        getters: dict[str, Callable[[], Any]] = {file: _getter(self._texts[part]) for part, file in self.data_files.items()}
        return util.to_bytes(getters, exclude)  # msgpack takes the texts as they are

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> DataBacked:
        """Rebuild from the copies in ``bytes_data``."""
        texts = self._current_texts()
        setters = {file: _setter(texts, part) for part, file in self.data_files.items()}
        util.from_bytes(bytes_data, setters, exclude)
        self._load_saved(texts, lambda file: f"{file} (saved with {self.name}, read from bytes)")
        return self


class _Waiting:
    """Put in front of a component's class while it waits for its data: using or saving it says what is missing."""

    name: str
    _missing_data: str

    def _not_loaded(self) -> DataNotLoaded:
        return DataNotLoaded(f"{self.name}: no data to work from ({self._missing_data})")

    def __call__(self, doc: Any) -> Any:
        raise self._not_loaded()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        raise self._not_loaded()

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        raise self._not_loaded()

    def data_texts(self) -> dict[str, str]:
        raise self._not_loaded()


_WAITING: dict[type, type] = {}


def _waiting(cls: type) -> type:
    """The waiting form of a data-backed component class (one per class)."""
    found = _WAITING.get(cls)
    if found is None:
        found = _WAITING[cls] = type(cls.__name__, (_Waiting, cls), {"_ready_class": cls, "__module__": cls.__module__})
    return found


def _writer(text: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    return write


def _reader(texts: dict[str, str], part: str) -> Callable[[Path], None]:
    def read(path: Path) -> None:
        texts[part] = path.read_text(encoding="utf-8")

    return read


def _getter(text: str) -> Callable[[], str]:
    return lambda: text


def _setter(texts: dict[str, str], part: str) -> Callable[[Any], None]:
    """What ``util.from_bytes`` calls with the value ``_getter`` gave ``util.to_bytes`` (a string, back from msgpack)."""

    def set_text(text: Any) -> None:
        texts[part] = text

    return set_text
