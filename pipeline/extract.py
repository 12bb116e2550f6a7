"""Run the pipeline over articles and turn each doc into a SCHEMA §3 record.

Which pipeline runs is decided in one place, :func:`resolve_model`: a directory holding a
``config.cfg`` or the name of an installed pipeline package, and by default the ``HMICFRS_MODEL``
environment variable, the installed ``en_hmicfrs`` package, or ``models/hmicfrs`` in the checkout
the package was imported from (never a path relative to the working directory).
"""

from __future__ import annotations

import gc
import os
import warnings
from contextlib import ExitStack, contextmanager
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Generator, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline._speed import token_view
from pipeline.by_component import batches, run_components
from pipeline.extensions import register_extensions
from pipeline.candidates import entity_rows
from pipeline.io import Article, InputProblem
from pipeline.package_meta import PIPELINE_PACKAGE  # also registers the meta callback the config names

DEFAULT_MODEL = PIPELINE_PACKAGE  # the installed pipeline package (``pip install dist/en_hmicfrs-*.whl``)
MODEL_ENV = "HMICFRS_MODEL"  # a pipeline directory or package name that overrides the default
PROJECT_ROOT = Path(__file__).resolve().parent.parent  # the checkout, when the package runs from one
PROJECT_MODEL = PROJECT_ROOT / "models" / "hmicfrs"  # what ``make models`` builds there
CONFIG_PATH = Path(__file__).resolve().parent / "configs" / "hmicfrs.cfg"  # shipped with the package
_NO_NORM: dict[str, Any] = {}  # an entity's values when the normaliser gave none (never changed)


class NoPipelineError(FileNotFoundError):
    """No pipeline where one was asked for (an OSError, so the CLI reports it in one line)."""


def installed_pipelines() -> list[str]:
    """Names of the installed spaCy pipeline packages (their ``spacy_models`` entry points), none imported."""
    return sorted({entry.name for entry in metadata.entry_points(group="spacy_models")})


def _is_pipeline_dir(path: Path) -> bool:
    return (path / "config.cfg").is_file()


def _resolve_given(spec: str | Path, origin: str) -> str | Path:
    """A spec someone gave: a pipeline directory first, else an installed package of that name."""
    path = Path(spec)
    if _is_pipeline_dir(path):
        return path
    installed = installed_pipelines()
    if str(spec) in installed:
        return str(spec)
    raise NoPipelineError(
        f"no pipeline at {origin}: not a directory holding config.cfg, nor an installed pipeline package "
        f"(installed: {', '.join(installed) or 'none'}); run `make models`, or install dist/{DEFAULT_MODEL}-*.whl")


def resolve_model(spec: str | Path | None = None) -> str | Path:
    """Which pipeline to load: a directory (returned as a ``Path``) or an installed package (its name).

    ``None`` (or ``""``) means the default: ``$HMICFRS_MODEL`` when set, else the installed
    ``en_hmicfrs`` package, else ``models/hmicfrs`` of this checkout; an error that lists what
    was tried when there is none."""
    if spec is not None and str(spec) != "":
        return _resolve_given(spec, str(spec))
    from_env = os.environ.get(MODEL_ENV, "")
    if from_env:
        return _resolve_given(from_env, f"{MODEL_ENV}={from_env}")
    if DEFAULT_MODEL in installed_pipelines():
        return DEFAULT_MODEL
    if _is_pipeline_dir(PROJECT_MODEL):
        return PROJECT_MODEL
    raise NoPipelineError(
        f"no pipeline: tried ${MODEL_ENV} (not set), the package {DEFAULT_MODEL} (not installed), "
        f"{PROJECT_MODEL} (not built); install dist/{DEFAULT_MODEL}-*.whl, run `make models`, "
        f"or pass --model DIR_OR_PACKAGE")


def model_directory(spec: str | Path | None = None) -> Path:
    """The directory the pipeline is loaded from (for an installed package, the data inside it)."""
    resolved = resolve_model(spec)
    if isinstance(resolved, Path):
        return resolved
    package = spacy.util.get_package_path(resolved)
    meta = spacy.util.get_model_meta(package)
    return package / f"{meta['lang']}_{meta['name']}-{meta['version']}"  # as spaCy's load_model_from_init_py


def load_pipeline(model: str | Path | None = None) -> Language:
    """The built pipeline (see :func:`resolve_model`); a clear error when there is none."""
    register_extensions()
    return _load(resolve_model(model))


@lru_cache(maxsize=4)
def _load(resolved: str | Path) -> Language:
    nlp = spacy.load(resolved)
    warm_parsers()
    # Everything loaded so far lives as long as the process: frozen, the collector stops walking it
    # at every full collection (which made long documents cost more per character).
    gc.collect()
    gc.freeze()
    return nlp


def warm_parsers() -> None:
    """Import and run once the parsers the normalisers load lazily, so no document pays their first parse.

    quantulum3 reads its unit and entity tables on its first parse (seconds), dateparser its
    language data; done here, once per process (each worker loads the pipeline once)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import dateparser  # type: ignore[import-untyped]
        from quantulum3 import parser  # type: ignore[import-untyped]

        parser.parse("12,345")
        dateparser.date.DateDataParser(languages=["en"], locales=["en-GB"]).get_date_data("7 September 2017")


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article_date = article.date
    doc._.doc_id = article.id
    doc._.source = article.source
    return doc


def doc_to_record(doc: Doc, text: str | None = None) -> dict[str, Any]:
    """The SCHEMA §3 record of a processed doc; spans carry their normalised values.

    ``text`` is the article as read, when the caller has it (rebuilding it from the doc costs a pass)."""
    text = text or doc._.raw_text or token_view(doc).source
    norm_of = (doc._.ent_norms or {}).get
    # One dict display per entity, its values unpacked into it (as ``dict.update`` would add them, in C).
    spans = [{"start": start, "end": end, "label": label, "text": text[start:end], **norm_of(f"{start}:{end}", _NO_NORM)}
             for _, _, label, _, start, end in entity_rows(doc)]
    return {
        "id": doc._.doc_id,
        "source": doc._.source,
        "date": doc._.article_date,
        "text": text,
        "spans": spans,
        "findings": list(doc._.findings or []),
    }


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off while one document runs, and let run after it.

    A document's tokens, spans and findings all stay alive until its record is built, so every
    collection during it walks them again for nothing: the longer the document, the more such
    walks and the longer each (11% of the cost per character at 2M characters). Held off, the
    collector runs once the document is done (its counters keep counting meanwhile), over what the
    document left; memory freed by reference counting is freed as before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def records_of(nlp: Language, articles: list[Article]) -> list[dict[str, Any] | Exception]:
    """The records of a batch of articles, in order, run component by component (``pipeline.by_component``);
    for a document that made a component (or its record) raise, that exception: the rest go on."""
    with collector_paused():
        made: list[Doc | Exception] = []
        for article in articles:
            try:
                made.append(make_doc(nlp, article))
            except Exception as err:  # noqa: BLE001 - one bad document must not stop the batch
                made.append(err)
        ran = run_components(nlp, made)
        del made
        records: list[dict[str, Any] | Exception] = []
        for article, doc in zip(articles, ran):
            if isinstance(doc, Doc):
                try:
                    records.append(doc_to_record(doc, article.text))
                except Exception as err:  # noqa: BLE001
                    records.append(err)
            else:
                records.append(doc)
        return records


def pipeline_problem(article: Article, err: Exception) -> InputProblem:
    """The input problem of an article the pipeline failed on."""
    return InputProblem(article.source, f"pipeline failed on {article.id!r}: {type(err).__name__}: {err}")


ZONE_DOCS = 64  # documents processed in one memory zone (see ``extraction_zone``)


def in_memory_zone(nlp: Language) -> bool:
    """Whether ``nlp`` is inside a memory zone now (spaCy's stubs lack the property)."""
    return bool(getattr(nlp.vocab, "in_memory_zone", False))


@contextmanager
def extraction_zone(nlp: Language) -> Iterator[None]:
    """spaCy's memory zone: the words, strings and docs made inside it are freed when it ends.

    Without it spaCy's vocabulary keeps every new word it sees, so memory grows with new text.
    Whatever leaves the zone must be plain data (records are built inside it). When it ends,
    the tokenizer caches for good the words common in it (``SpaceNormalisingTokenizer.learn_words``),
    so common words keep their fast path. Inside a caller's zone it adds nothing (zones do not nest)."""
    if in_memory_zone(nlp):
        yield
        return
    with nlp.memory_zone():
        yield
    learn_words = getattr(nlp.tokenizer, "learn_words", None)
    if learn_words is not None:
        learn_words()


def extract_records(
    nlp: Language, items: Iterable[Article | InputProblem], zone_docs: int = ZONE_DOCS
) -> Generator[dict[str, Any] | InputProblem, None, None]:
    """Records for articles, in order; problems (unreadable input, a component that raised) pass through.

    Articles run in batches of ``nlp.batch_size`` (``pipeline.by_component``), so a record comes out once its
    batch is done. Every ``zone_docs`` documents run in one memory zone (``extraction_zone``; 0: none), so
    memory stays flat over any amount of new text; a batch never spans two zones, and each record is
    built, as plain data, inside its zone."""
    zone = ExitStack()
    in_zone = 0
    try:
        for batch in batches(items, article_chars, nlp.batch_size, zone_docs):
            if not isinstance(batch, list):
                yield batch
                continue
            if zone_docs and not in_zone:
                zone.enter_context(extraction_zone(nlp))
            for article, record in zip(batch, records_of(nlp, batch)):  # no Doc of the zone is left in this frame
                yield pipeline_problem(article, record) if isinstance(record, Exception) else record
            in_zone += len(batch)
            if zone_docs and in_zone >= zone_docs:
                zone.close()
                in_zone = 0
    finally:
        zone.close()


def article_chars(item: Article | InputProblem) -> int | None:
    """An article's length in characters (what a batch is cut by; 0 for a text that is no string, which fails
    later as its own problem); None for an input problem."""
    if not isinstance(item, Article):
        return None
    return len(item.text) if isinstance(item.text, str) else 0
