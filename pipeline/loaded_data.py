"""The data files that rule code looks up by name: a loaded pipeline's saved copies, else the package's.

Components are handed the data they are built from (``components/data_backed.py``), but
one reader looks a file up by name wherever it is called from:
``pipeline.normalise.quantities`` (``word_sets.json``: the hedges, number words and scales
of every figure the resolver checks and the normaliser reads; ``figure_grammar.json``: the
nouns a ratio may hold, "one crime in seven"). When a pipeline is
loaded from disk or bytes, the components whose output goes through that reader
register their saved copies here, so a loaded pipeline reads the rules it was built with
even if ``pipeline/data`` has changed since.

Those readers keep one copy per process and memoise what they work out from it, so a
process holds one copy of each file: a pipeline whose copy differs from one registered
earlier fails to load, rather than mixing the two. Registering happens at load, never
per document; a look-up here costs a dict ``get`` on top of the package reader's cache.
"""

from __future__ import annotations

from typing import Any

from pipeline import resources

_registered: dict[str, Any] = {}


def load_json(name: str) -> Any:
    """The parsed data file ``name``: a loaded pipeline's copy if one registered it, else ``pipeline/data``'s."""
    found = _registered.get(name)
    return resources.load_data(name) if found is None else found


def register(name: str, data: Any) -> None:
    """Make readers by name see ``data`` (a loaded pipeline's saved copy) as the data file ``name``."""
    held = _registered.get(name)
    if held is not None and held != data:
        raise ValueError(
            f"{name}: a pipeline loaded earlier in this process was built from another copy of it, and the "
            "code that reads it by name holds one copy per process; load the two pipelines in separate processes"
        )
    _registered[name] = data


def registered(name: str) -> Any | None:
    """The copy of ``name`` a loaded pipeline registered, if any."""
    return _registered.get(name)
