"""slidegen's version: the one place it is written (pyproject.toml reads it from here).

A constant rather than importlib.metadata, which costs ~25 ms at every start.
"""

__version__ = "0.1.0"
