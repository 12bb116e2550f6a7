"""Pure functions that turn a matched span's text into normalised values.

They run only on matched spans, never over whole texts, and cache their answers:
the same phrasings ("per cent", "yesterday") recur across thousands of articles.
"""
