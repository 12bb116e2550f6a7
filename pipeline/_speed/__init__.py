"""The speed machinery, behind the few names the rest of the package uses.

The components were made fast by visiting only the tokens that can matter: a doc's
token columns are read once into a shared ``TokenView`` (``view.py``), its words are
found among a word list's by their string ids with a few numpy steps (``id_lookup.py``),
phrase lists are found in one pass at the few tokens where a phrase can begin
(``scan_index.py``), and what the project keeps per document lives in one record dropped
with the doc (``state.py``). Rules import from here, never from the modules, so the machinery can
change without touching them.
"""

from pipeline._speed.id_lookup import IdFilter, IdTable
from pipeline._speed.scan_index import Match, PhraseScanner
from pipeline._speed.state import DocState, doc_state
from pipeline._speed.view import TokenView, span_text, token_view

__all__ = ["DocState", "IdFilter", "IdTable", "Match", "PhraseScanner", "TokenView", "doc_state", "span_text",
           "token_view"]
