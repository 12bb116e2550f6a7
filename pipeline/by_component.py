"""Documents run a batch at a time, each component over the whole batch before the next.

spaCy's ``nlp(doc)`` takes one document through every component in turn, so each
component's code and data (its rules, lexicons, cue tables) are pushed out of the
processor's caches by the other eight before the next document comes. Run over a batch
instead, component by component (as spaCy's trainable pipes do in their ``pipe``), the
same work costs a fifth less on this corpus's articles, with the same records
(``scripts/benchmark.py`` measures both orders; ``tests/test_by_component.py`` checks the records agree).

Two ways in:
- ``BatchedPipe``: the ``pipe`` method every component of the pipeline has, so that
  ``nlp.pipe`` runs batches of ``[nlp] batch_size`` (the config) this way; spaCy's error
  handler decides, as in its own ``Pipe.pipe``, what a document that makes it raise becomes.
- ``run_components``: what the runners use (``extract_records``, the batch workers). A document
  whose component raised is set aside with its error, exactly as ``nlp(doc)`` would have
  raised it; the others go on.

A batch holds at most ``[nlp] batch_size`` documents and ``BATCH_CHARS`` characters, so a
few long documents do not hold many megabytes of docs alive at once.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, TypeVar

from spacy import util
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

# A batch is cut once it holds this many characters (a document longer than that is a batch of its own).
BATCH_CHARS = 250_000

ErrorHandler = Callable[[str, Any, list[Doc], Exception], Any]
Item = TypeVar("Item")


class BatchedPipe:
    """Mixin for a component: ``pipe`` runs it over a minibatch of docs at a time (see the module docstring).

    The error handler is spaCy's protocol (``Language.set_error_handler``): by default a
    document that makes the component raise raises; a handler that returns drops that document."""

    name: str
    __call__: Callable[[Doc], Doc]  # each component's own

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 32) -> Iterator[Doc]:
        handler = self.get_error_handler()
        for batch in util.minibatch(stream, size=batch_size):
            done: list[Doc] = []
            for doc in batch:
                try:
                    done.append(self(doc))
                except Exception as err:  # noqa: BLE001 - the handler decides, as in spaCy's Pipe.pipe
                    handler(self.name, self, [doc], err)
            yield from done

    def get_error_handler(self) -> ErrorHandler:
        return getattr(self, "error_handler", util.raise_error)

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        self.error_handler = error_handler


def run_components(nlp: Language, docs: list[Doc | Exception]) -> list[Doc | Exception]:
    """``docs`` through every component of ``nlp``, a component over the whole batch at a time.

    Each document ends as ``nlp(doc)`` would have left it, or as the exception that call would
    have raised (an entry that is already an exception stays as it is): a component's
    ``KeyError`` becomes spaCy's E109 ``ValueError``, a component that returns no ``Doc`` E005,
    and a component's error handler is asked first, as ``Language.__call__`` asks it."""
    out = list(docs)
    live = [k for k, doc in enumerate(out) if isinstance(doc, Doc)]
    for name, proc in nlp.pipeline:
        handler = proc.get_error_handler() if hasattr(proc, "get_error_handler") else nlp.default_error_handler
        still: list[int] = []
        for k in live:
            try:
                doc = _call(name, proc, out[k], handler)  # type: ignore[arg-type]
            except Exception as err:  # noqa: BLE001 - one document's failure is its own
                out[k] = err
                continue
            out[k] = doc
            still.append(k)
        live = still
    return out


def _call(name: str, proc: Callable[[Doc], Doc], doc: Doc, handler: ErrorHandler) -> Doc:
    """One component on one doc, with ``Language.__call__``'s errors."""
    try:
        done = proc(doc)
    except KeyError as err:  # as spaCy: typically a component that was never initialised
        raise ValueError(Errors.E109.format(name=name)) from err
    except Exception as err:  # noqa: BLE001 - the handler decides, as in Language.__call__
        handler(name, proc, [doc], err)
        done = doc
    if not isinstance(done, Doc):
        raise ValueError(Errors.E005.format(name=name, returned_type=type(done)))
    return done


def batches(items: Iterable[Item], size: Callable[[Item], int | None], max_docs: int, boundary: int = 0,
            max_chars: int = BATCH_CHARS) -> Iterator[Item | list[Item]]:
    """``items`` in order: runs of documents as lists, each cut at ``max_docs`` documents or ``max_chars``
    characters and at every ``boundary``-th document (0: none; a memory zone's end), and anything else (an input
    problem: ``size`` gives None) alone, between them, where it came."""
    batch: list[Item] = []
    chars = seen = 0
    for item in items:
        length = size(item)
        if length is None:
            if batch:
                yield batch
                batch, chars = [], 0
            yield item
            continue
        batch.append(item)
        chars += length
        seen += 1
        if len(batch) >= max_docs or chars >= max_chars or (boundary and seen % boundary == 0):
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
