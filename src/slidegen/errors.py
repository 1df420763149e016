"""User-facing errors: one base class, one place that decides exit codes.

Exit codes (also documented in the README):

* ``0`` success
* ``1`` the deck, its theme or one of its assets is wrong (``SlidegenError``)
* ``2`` usage error (unknown option, missing argument; raised by click)

Bugs in slidegen itself stay tracebacks; user errors never are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .i18n import N_, _

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _printable(text: str) -> str:
    """User text quoted in a message, on one line and without terminal control sequences."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


EXCERPT_INDENT = "    "
EXCERPT_WIDTH = 100
"""Longer source lines are shown as a window around the column, cut with …."""


def _width(text: str) -> int:
    """Terminal columns ``text`` takes: wide East Asian characters two, combining marks none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def excerpt(source: str, column: int) -> list[str]:
    """The source line under a message, and a caret under ``column`` (1-based), each indented.

    Control characters are escaped as in messages; the caret follows the escaped text.
    """
    index = max(column - 1, 0)
    start = max(0, min(index - EXCERPT_WIDTH // 2, len(source) - EXCERPT_WIDTH))
    end = start + EXCERPT_WIDTH
    before = ("…" if start else "") + _printable(source[start:index])
    after = _printable(source[index:end]) + ("…" if end < len(source) else "")
    return [
        f"{EXCERPT_INDENT}{before}{after}",
        f"{EXCERPT_INDENT}{' ' * _width(before)}^",
    ]


SEVERITIES = {"error": N_("error"), "warning": N_("warning")}
"""How each severity is named in front of a message (an error is not named)."""

EXIT_OK = 0
EXIT_DECK_ERROR = 1
EXIT_USAGE = 2


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; ``line`` and ``column`` are 1-based (0 = unknown)."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One located finding: ``deck.yaml:12:5: section 1 «Bilancio», title: message``.

    ``path`` is the key path for programs (``sections[0].title``), ``place`` the same place
    in words for people (:mod:`slidegen.places`); messages show ``place`` when it is known.
    ``source`` is the text of the line the location points into, when showing it helps (YAML
    syntax errors): it is printed under the message with a caret under the column.
    """

    location: Location
    message: str
    path: str = ""
    place: str = ""
    severity: str = "error"
    source: str | None = None

    def to_dict(self) -> dict[str, str | int]:
        """The problem as JSON-ready data (``--format json``); ``source`` only when known."""
        data: dict[str, str | int] = {
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "severity": self.severity,
            "path": self.path,
            "place": self.place or self.path,
            "message": self.message,
        }
        if self.source is not None:
            data["source"] = self.source
        return data

    def headline(self) -> str:
        """The located message on one line: user text quoted in a message or a key path may
        hold line breaks or escape sequences, which are escaped."""
        message = _printable(self.message)
        where = f"{_printable(str(self.location))}: "
        prefix = (
            ""
            if self.severity == "error"
            else f"{_(SEVERITIES.get(self.severity, self.severity))}: "
        )
        shown = self.place or self.path
        what = f"{_printable(shown)}: " if shown else ""
        return f"{where}{prefix}{what}{message}"

    def __str__(self) -> str:
        if self.source is None or not self.location.line:
            return self.headline()
        return "\n".join([self.headline(), *excerpt(self.source, self.location.column)])


class SlidegenError(Exception):
    """Base class of every error caused by the user's input; carries one or more problems."""

    exit_code = EXIT_DECK_ERROR

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(Location("slidegen"), problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = sorted(problems, key=lambda p: p.location)
        super().__init__("\n".join(str(p) for p in self.problems))


class DeckError(SlidegenError):
    """The deck file cannot be read or does not follow the deck format."""


class ThemeError(SlidegenError):
    """The theme is unknown or its manifest is wrong."""


class AssetError(SlidegenError):
    """An asset (image, logo) is missing, outside the project or unreadable."""


class OutputError(SlidegenError):
    """The output cannot be written (folder missing or read-only, disk full)."""
