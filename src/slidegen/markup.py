"""Inline markup: ``**bold**``, ``*italic*`` and ``***both***`` become real text runs.

Delimiters pair up the way Markdown readers expect: an opening run of asterisks is followed
by a non-space, a closing one preceded by one, and emphasis nests (``*see **this** now*``).
Asterisks that pair with nothing stay as they are (``5 * 3``). Line breaks inside a text
become spaces: a slide's text box wraps lines itself. Speaker notes keep them
(:func:`parse_paragraphs`): a blank line starts a paragraph, a single break is a line break.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import quote

_DELIMITER = re.compile(r"\*+")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


@dataclass(frozen=True)
class Run:
    """A piece of text with uniform emphasis, optionally a link."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass
class _Delimiter:
    start: int
    length: int
    can_open: bool
    can_close: bool


def _delimiters(text: str) -> list[_Delimiter]:
    found = []
    for match in _DELIMITER.finditer(text):
        before = text[match.start() - 1] if match.start() > 0 else " "
        after = text[match.end()] if match.end() < len(text) else " "
        length = len(match.group())
        # A lone '*' inside a word (2*x, word*not) is a character, not emphasis.
        can_open = not after.isspace() and not (length == 1 and before.isalnum())
        found.append(_Delimiter(match.start(), length, can_open, not before.isspace()))
    return found


def _take_opener(openers: list[_Delimiter], wanted: int) -> tuple[int, int] | None:
    """Start and length of the opener a closer of ``wanted`` asterisks closes, if any.

    The nearest opener of the same length wins; a ``***`` opener can give part of itself.
    Openers between it and the closer pair with nothing and stay literal.
    """
    for index in range(len(openers) - 1, -1, -1):
        opener = openers[index]
        if opener.length == wanted or (opener.length == 3 and wanted < 3):
            del openers[index + 1 :]
            if opener.length == wanted:
                openers.pop()
                return opener.start, wanted
            opener.length -= wanted  # the inner part of '***' closes first
            return opener.start + opener.length, wanted
    return None


def _emphasis_spans(text: str) -> tuple[list[tuple[int, int, bool, bool]], set[int]]:
    """Pairs of delimiters as (start, end, bold, italic) spans, and the hidden characters."""
    spans: list[tuple[int, int, bool, bool]] = []
    hidden: set[int] = set()
    openers: list[_Delimiter] = []
    for delimiter in _delimiters(text):
        remaining, position = delimiter.length, delimiter.start
        while delimiter.can_close and remaining:
            taken = None
            for size in (remaining,) if remaining < 3 else (3, 2, 1):
                taken = _take_opener(openers, size)
                if taken:
                    break
            if taken is None:
                break
            start, used = taken
            spans.append((start + used, position, used >= 2, used in (1, 3)))
            hidden.update(range(start, start + used))
            hidden.update(range(position, position + used))
            position += used
            remaining -= used
        if remaining and delimiter.can_open and remaining <= 3:
            openers.append(_Delimiter(position, remaining, True, False))
    return spans, hidden


LINK = re.compile(r"\[(?P<text>[^\[\]\n]+)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))+)\)")
"""``[text](https://…)``: a link, as in Markdown. The URL may hold balanced parentheses
(``https://it.wikipedia.org/wiki/Cremona_(città)``), as CommonMark allows.

The link text holds no ``[``: a search from each ``[`` then stops at the next one, so the
pattern costs time in proportion to the text. (With ``[`` allowed, each of 300,000 ``[``
scanned to the end of the notes: minutes. ``[a [b](url)`` is ``[a `` and a link ``b``, as
in CommonMark.)"""

# Printable ASCII but the characters RFC 3986 never allows in a URI (space is never in a link).
_URI_SAFE = "".join(chr(c) for c in range(33, 127) if chr(c) not in '<>"{}|\\^`')


_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def link_target(url: str) -> str:
    """``url`` as a hyperlink's relationship target: an IRI's non-ASCII characters (and the
    few ASCII ones a URI cannot hold) percent-encoded as UTF-8 (RFC 3987 §3.1).

    A ``%`` that starts no escape (``100%``) becomes ``%25``, and a ``#`` after the first
    (hash-routed sites: ``#/route#part``) ``%23``: a URI holds one fragment and only
    ``%XX`` escapes (RFC 3986 §2.1, §3.5), and ISO 29500 requires a valid URI.
    """
    before, hash_mark, fragment = url.partition("#")
    escaped = before + hash_mark + fragment.replace("#", "%23")
    return quote(_STRAY_PERCENT.sub("%25", escaped), safe=_URI_SAFE)


def parse_inline(
    text: str, *, bold: bool = False, italic: bool = False, keep_breaks: bool = False
) -> list[Run]:
    """Split ``text`` into runs; ``bold``/``italic`` apply to the whole text.

    ``[text](url)`` becomes a linked run (emphasis inside a link's text works; emphasis
    across a link's edge does not). Line breaks become spaces, or ``\\n`` in the runs'
    text with ``keep_breaks``.
    """
    # The layout measures a text many times as it fits it: each is parsed once (runs are
    # frozen; the list is the caller's own).
    return list(_parsed(text, bold, italic, keep_breaks))


@functools.lru_cache(maxsize=4096)
def _parsed(text: str, bold: bool, italic: bool, keep_breaks: bool) -> tuple[Run, ...]:
    return tuple(_parse(text, bold, italic, keep_breaks))


def _parse(text: str, bold: bool, italic: bool, keep_breaks: bool) -> list[Run]:
    if "](" not in text:
        return _emphasis_runs(text, bold, italic, keep_breaks)
    runs: list[Run] = []
    position = 0
    for match in LINK.finditer(text):
        runs += _emphasis_runs(text[position : match.start()], bold, italic, keep_breaks)
        url = match.group("url")
        runs += [
            Run(r.text, r.bold, r.italic, url)
            for r in _emphasis_runs(match.group("text"), bold, italic)
        ]
        position = match.end()
    return runs + _emphasis_runs(text[position:], bold, italic, keep_breaks)


def parse_paragraphs(text: str) -> list[list[Run]]:
    """Text of several paragraphs (speaker notes): each paragraph's runs.

    A blank line ends a paragraph; a single line break stays in its run's text as ``\\n``.
    """
    blocks = _BLANK_LINES.split(_LINE_BREAK.sub("\n", text).strip())
    return [parse_inline(block.strip("\n"), keep_breaks=True) for block in blocks if block.strip()]


def _emphasis_runs(text: str, bold: bool, italic: bool, keep_breaks: bool = False) -> list[Run]:
    text = _LINE_BREAK.sub("\n" if keep_breaks else " ", text)
    if "*" not in text:
        return [Run(text, bold, italic)] if text else []
    spans, hidden = _emphasis_spans(text)
    # Per-character emphasis from the spans, via running counts (spans may nest).
    bold_edges, italic_edges = [0] * (len(text) + 1), [0] * (len(text) + 1)
    for start, end, is_bold, is_italic in spans:
        if is_bold:
            bold_edges[start] += 1
            bold_edges[end] -= 1
        if is_italic:
            italic_edges[start] += 1
            italic_edges[end] -= 1
    pieces: list[tuple[list[str], bool, bool]] = []  # characters of each run, its emphasis
    bold_depth = italic_depth = 0
    for index, char in enumerate(text):
        bold_depth += bold_edges[index]
        italic_depth += italic_edges[index]
        if index in hidden:
            continue
        is_bold, is_italic = bold or bold_depth > 0, italic or italic_depth > 0
        if pieces and pieces[-1][1] == is_bold and pieces[-1][2] == is_italic:
            pieces[-1][0].append(char)
        else:
            pieces.append(([char], is_bold, is_italic))
    return [Run("".join(chars), is_bold, is_italic) for chars, is_bold, is_italic in pieces]


def plain_text(text: str) -> str:
    """``text`` without its markup, as a reader hears it (alt text, outlines, titles)."""
    return "".join(run.text for run in parse_inline(text))
