"""The project's speed machinery, behind a narrow interface (see each module's docstring for why it is fast)."""
