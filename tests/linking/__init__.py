"""Unit tests of ``pipeline/linking``, one file per module, on hand-built documents (no built model)."""
