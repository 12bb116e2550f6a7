"""The knowledge base: extraction output as RDF in an embedded pyoxigraph store.

``KnowledgeBase(path).load_records(records)`` is the whole API most callers need; see
docs/knowledge-base.md for the vocabulary, the graphs and the consolidation rule.
"""

from pipeline.kb.consolidate import ConsolidatedFact, Mention, consolidate
from pipeline.kb.store import DEFAULT_STORE, KnowledgeBase, KnowledgeBaseError, LoadReport

__all__ = ["ConsolidatedFact", "DEFAULT_STORE", "KnowledgeBase", "KnowledgeBaseError", "LoadReport", "Mention",
           "consolidate"]
