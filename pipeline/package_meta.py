"""What the built pipeline says about itself: the ``meta.json`` that ``spacy package`` turns into a package.

``spacy assemble`` writes spaCy's placeholder meta (name ``pipeline``, version ``0.0.0``); the
config's ``[initialize.after_init]`` calls :func:`make_meta_setter` instead, so every assembled
pipeline carries the project's name, version and requirements, however it was built. The
version is read from the package (``pipeline.__version__``, the one place it is written), and
the pipeline package requires exactly that version of ``hmicfrs-extract``, whose factories it runs.
"""

from __future__ import annotations

import re
from importlib import metadata
from typing import Callable

import spacy
from spacy.language import Language

import pipeline

DISTRIBUTION = "hmicfrs-extract"  # the project's name on PyPI and in pip
PIPELINE_NAME = "hmicfrs"  # the meta's name, as the config sets it
PIPELINE_PACKAGE = f"en_{PIPELINE_NAME}"  # what ``spacy package`` names it: ``{lang}_{name}``
_SPACY_REQUIREMENT = re.compile(r"spacy\s*([<>=!~][^;]*)")  # "spacy<3.9,>=3.8", no extra or marker


def spacy_range() -> str | None:
    """The spaCy versions the installed project accepts (pyproject's pin), if its metadata is there."""
    try:
        requirements = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return None
    for line in requirements:
        found = _SPACY_REQUIREMENT.fullmatch(line.strip())
        if found:
            return found.group(1).replace(" ", "")
    return None


@spacy.registry.callbacks("hmicfrs.pipeline_meta.v1")
def make_meta_setter(name: str, description: str, author: str, email: str, url: str,
                     license: str) -> Callable[[Language], Language]:
    """The ``after_init`` callback: the config's fields, plus the version and requirements from the package."""

    def set_meta(nlp: Language) -> Language:
        version = pipeline.__version__
        nlp.meta.update({
            "name": name, "version": version, "description": description, "author": author,
            "email": email, "url": url, "license": license,
            "requirements": [f"{DISTRIBUTION}=={version}"],
        })
        accepted = spacy_range()
        if accepted:
            nlp.meta["spacy_version"] = accepted
        return nlp

    return set_meta
