"""The text of a YAML file, line by line, for explaining syntax errors.

A syntax error is explained from the lines around it: their indentation, where their text
starts, which quote or bracket opened where. A suspected mistake is confirmed by mending it
and parsing again (libyaml: milliseconds): a suggestion the parser rejects is never made.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from .messages import quoted

FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (ten times faster on big decks), the pure-Python one
otherwise."""

LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
"""YAML 1.1's line breaks, as PyYAML counts lines."""
ITEM = re.compile(r"(- +)+")
_KEY = re.compile(r"([^\s'\"#][^#]*?):( +|$)")
_LOWER_KEY = re.compile(r"([a-z_][a-z0-9_]*):( +|$)")
_COMMENT = re.compile(r"[ \t]#")


@dataclass(frozen=True)
class Diagnosis:
    """Where the mistake is (1-based line and column) and what to do about it."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class SyntaxFacts:
    """A libyaml (or PyYAML) syntax error, reduced to its words and 1-based positions."""

    problem: str
    context: str
    line: int
    column: int
    start_line: int
    start_column: int

    @classmethod
    def of(cls, error: yaml.MarkedYAMLError) -> SyntaxFacts:
        mark = error.problem_mark or error.context_mark
        start = error.context_mark
        return cls(
            error.problem or "",
            error.context or "",
            mark.line + 1 if mark else 1,
            mark.column + 1 if mark else 1,
            start.line + 1 if start else 0,
            start.column + 1 if start else 0,
        )


def first_error_line(text: str) -> int:
    """The line of the first syntax error in ``text`` (1-based); 0 when it parses."""
    try:
        for _ in yaml.parse(text, Loader=FAST_LOADER):
            pass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return mark.line + 1 if mark else 1
    except (yaml.YAMLError, RecursionError, ValueError):
        return 1
    return 0


class Source:
    """The lines of a YAML text; line numbers are 1-based, as in messages."""

    def __init__(self, text: str) -> None:
        self.lines = LINE_BREAK.split(text)

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def char(self, number: int, column: int) -> str:
        """The character at ``column`` (1-based) of line ``number``; '' past its end."""
        text = self.line(number)
        return text[column - 1] if 0 < column <= len(text) else ""

    def indent(self, number: int) -> int:
        text = self.line(number)
        return len(text) - len(text.lstrip(" "))

    def is_content(self, number: int) -> bool:
        """A line with YAML on it (not blank, not only a comment)."""
        text = self.line(number).strip()
        return bool(text) and not text.startswith("#")

    def content_above(self, number: int, limit: int = 60) -> Iterator[int]:
        """Content lines above line ``number``, nearest first."""
        for above in range(number - 1, max(number - 1 - limit, 0), -1):
            if self.is_content(above):
                yield above

    def block_end(self, number: int, deeper_than: int | None = None) -> int:
        """The last line of line ``number``'s block: it and the lines below indented deeper
        (than it, or than ``deeper_than``)."""
        end = number
        floor = self.indent(number) if deeper_than is None else deeper_than
        for below in range(number + 1, len(self.lines) + 1):
            if self.is_content(below):
                if self.indent(below) <= floor:
                    break
                end = below
        return end

    def mended(self, changes: dict[int, str]) -> str:
        """The text with lines replaced (``{line number: new text}``)."""
        lines = [changes.get(n, text) for n, text in enumerate(self.lines, start=1)]
        return "\n".join(lines)

    def confirms(self, changes: dict[int, str], past: int) -> bool:
        """True if the text with ``changes`` parses, or fails only after line ``past``.

        Only the text up to a little past ``past`` is parsed: an error the cut causes is
        after ``past``, and big files stay fast.
        """
        lines = [changes.get(n, text) for n, text in enumerate(self.lines, start=1)]
        line = first_error_line("\n".join(lines[: past + 20]))
        return line == 0 or line > past

    def text_start(self, number: int) -> int:
        """Where the text of line ``number`` starts (0-based): after the indentation, any '- '
        and a key ('key: '). In a list item only a lowercase key counts: '- Stalls: …' is
        most likely text with a colon in it."""
        text = self.line(number)
        start = self.indent(number)
        item = ITEM.match(text, start)
        if item:
            start = item.end()
        key = (_LOWER_KEY if item else _KEY).match(text, start)
        return key.end() if key else start

    def quoted_from(self, number: int, start: int) -> str:
        """Line ``number`` with its text from ``start`` (0-based) put in quotes, as a fix to
        show: '- Stalls: a: b' → '- "Stalls: a: b"'. A trailing comment is left out."""
        text = self.line(number)
        value = text[start:]
        comment = _COMMENT.search(value)
        if comment:
            value = value[: comment.start()]
        return text[self.indent(number) : start] + quoted(value.strip())


def tokens_before(text: str, line: int, column: int) -> list[yaml.Token]:
    """The tokens that start before ``line``:``column`` (1-based), scanning only up to that
    line; tokens without width (block starts and ends, implicit keys) left out."""
    lines = LINE_BREAK.split(text)
    head = "\n".join(lines[:line])
    found: list[yaml.Token] = []
    try:
        for token in yaml.scan(head, Loader=FAST_LOADER):
            start = (token.start_mark.line + 1, token.start_mark.column + 1)
            if start >= (line, column):
                break
            if token.start_mark.index != token.end_mark.index:
                found.append(token)
    except (yaml.YAMLError, RecursionError, ValueError):
        pass
    return found
