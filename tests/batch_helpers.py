"""Test-only pipeline loaders for the batch tests: the real pipeline plus one injected component.

They live in an importable module (not a test file) so that spawned worker processes and
Dask workers can unpickle them by name; the shipped pipeline is never changed.
"""

from __future__ import annotations

import os

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import register_extensions

FAIL_MARKER = "TRIGGER-COMPONENT-FAILURE"
DIE_MARKER = "TRIGGER-WORKER-DEATH"
LOADS: list[str] = []  # every load in this process: the Dask test counts them


@Language.component("test_fail_on_marker")
def _fail_on_marker(doc: Doc) -> Doc:
    if FAIL_MARKER in doc.text:
        raise ValueError("injected failure for a test")
    return doc


@Language.component("test_die_on_marker")
def _die_on_marker(doc: Doc) -> Doc:
    if DIE_MARKER in doc.text:
        os._exit(17)  # the worker process dies as on a segfault or the OOM killer
    return doc


def _fresh(model: str, component: str | None) -> Language:
    register_extensions()
    nlp = spacy.load(model)
    if component:
        nlp.add_pipe(component, first=True)
    LOADS.append(model)
    return nlp


def failing_loader(model: str) -> Language:
    return _fresh(model, "test_fail_on_marker")


def dying_loader(model: str) -> Language:
    return _fresh(model, "test_die_on_marker")


def counting_loader(model: str) -> Language:
    return _fresh(model, None)
