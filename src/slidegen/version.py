"""slidegen's version and the commit it was built from.

Both come from git through setuptools-scm, which writes ``_version.py`` when slidegen is built
or installed (read here as a constant: importlib.metadata costs ~25 ms at every start).
"""

from __future__ import annotations

try:
    from ._version import __commit__, __version__
except ImportError:  # a source tree that was never built or installed
    __version__, __commit__ = "0.0.0+unknown", "None"

VERSION: str = __version__


def _commit() -> str | None:
    if __commit__ not in ("", "None"):
        return __commit__.removeprefix("g")
    # Built from an sdist there is no git to ask: the version's local part still names the
    # commit, abbreviated (0.1.dev38+g2739dc92a.d20261201).
    import re  # only for a version without its commit: not at every start

    match = re.search(r"\+g([0-9a-f]{7,40})", VERSION)
    return match.group(1) if match else None


COMMIT: str | None = _commit()
"""The git commit slidegen was built from (whole, or abbreviated when built from an sdist),
or None when it was built from a released version."""


def describe() -> str:
    """``0.1.dev60+gb94f9f0 (commit b94f9f0)``: what ``slidegen --version`` prints."""
    return f"{VERSION} (commit {COMMIT})" if COMMIT else VERSION
