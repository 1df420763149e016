"""slidegen's version and the commit it was built from.

Both come from git through setuptools-scm, which writes ``_version.py`` when slidegen is built
or installed (read here as a constant: importlib.metadata costs ~25 ms at every start).
"""

from __future__ import annotations

try:
    from ._version import __commit__, __version__
except ImportError:  # a source tree that was never built or installed
    __version__, __commit__ = "0.0.0+unknown", "None"

COMMIT: str | None = __commit__.removeprefix("g") if __commit__ not in ("", "None") else None
"""The git commit slidegen was built from (abbreviated), or None outside a git checkout."""

VERSION: str = __version__


def describe() -> str:
    """``0.1.dev60+gb94f9f0 (commit b94f9f0)``: what ``slidegen --version`` prints."""
    return f"{VERSION} (commit {COMMIT})" if COMMIT else VERSION
