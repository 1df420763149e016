"""Inline markup: ``**bold**`` and ``*italic*`` become real text runs, never literal asterisks."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\*\*(?P<bold>.+?)\*\*|(?<![*\w])\*(?P<italic>[^*\s](?:[^*]*[^*\s])?)\*(?!\*)")


@dataclass(frozen=True)
class Run:
    """A piece of text with uniform emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


def parse_inline(text: str, *, bold: bool = False, italic: bool = False) -> list[Run]:
    """Split ``text`` into runs; ``bold``/``italic`` apply to the whole text.

    Unpaired asterisks are kept as they are (``5 * 3`` stays ``5 * 3``).
    """
    runs: list[Run] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()], bold, italic))
        if match.group("bold") is not None:
            runs.extend(parse_inline(match.group("bold"), bold=True, italic=italic))
        else:
            runs.append(Run(match.group("italic"), bold, True))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:], bold, italic))
    return [run for run in runs if run.text]


def plain_text(text: str) -> str:
    """``text`` without its markup, as a reader hears it (alt text, outlines, titles)."""
    return "".join(run.text for run in parse_inline(text))
