"""hmicfrs-extract: facts about police crime recording from news coverage of HMICFRS inspections."""

__version__ = "0.1.0"
