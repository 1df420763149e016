"""Titles: one size for every slide of a layout, wrapping before shrinking, top-anchored.

A deck whose titles take a dozen sizes reads as unfinished. The size of a layout's titles is
decided once for the whole deck, before any slide is rendered: the theme's size when every
title fits the layout's title box (content slides: two lines) at it, else the largest size
at which they all do; never below a floor. The title that forced a smaller size, or that
does not fit even at the floor, is a located finding. A title's lines break evenly, never
after a word's hyphen, and never before a dash (:func:`set_title`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..markup import parse_inline
from ..messages import say
from ..textfit import Line, count_lines, face, wrap
from ..theme import Theme
from .geometry import (
    CLOSING,
    CONTENT,
    COVER,
    EMU_PER_PT,
    SECTION,
    TITLE_LINES,
    Box,
    PageGeometry,
    points,
)
from .textplan import INSET_Y, STEP, inner_size


@dataclass(frozen=True)
class TitleBox:
    """A layout's title: its box, the theme's size for it, and how many lines it may take."""

    box: Box
    size: float
    max_lines: int
    floor: float


@dataclass(frozen=True)
class TitleEntry:
    """One slide's title: its layout, text, and the key path where the deck defines it."""

    layout: str
    text: str
    place: tuple[str | int, ...]


@dataclass(frozen=True)
class TitleFinding:
    place: tuple[str | int, ...]
    message: str


@dataclass(frozen=True)
class TitleSizes:
    """The size of each layout's titles, and the findings about titles that did not fit."""

    sizes: dict[str, float]
    findings: tuple[TitleFinding, ...]
    lines: dict[str, int]
    """Per layout, the most lines any of its titles takes at its size."""


@dataclass(frozen=True)
class TitlePlan:
    """One title set at its layout's size: how many lines it takes, and where the text below
    it (a subtitle) starts, in EMU."""

    size: float
    lines: int
    box: Box
    text_bottom: int


def title_boxes(theme: Theme, page: PageGeometry) -> dict[str, TitleBox]:
    """Each layout's title box and size: content slides two lines at the theme's title size;
    the full-bleed ones (cover, dividers, closing) as many lines as their frame holds."""
    sizes = theme.sizes

    def title(box: Box, size: float, max_lines: int) -> TitleBox:
        return TitleBox(box, size, max_lines, max(sizes.min_body, size * page.title_floor_share))

    return {
        CONTENT: title(page.title, sizes.title, TITLE_LINES),
        COVER: title(page.cover.title, sizes.cover, 99),
        SECTION: title(page.section.title, sizes.cover, 99),
        CLOSING: title(page.closing.title, sizes.title * 1.2, 99),
    }


_SPACE_BEFORE_DASH = re.compile(r" (?=[–—])")


def bind_dashes(title: str) -> str:
    """``title`` with each spaced dash bound to the word before it by a no-break space
    ("Comune – esempio" → "Comune\u00a0– esempio"), as a typesetter would: a line may end
    with the dash but never start with one, at any measure, and the renderer breaks it where
    the plan does. A dash between figures ("2014–2015") has no space to bind."""
    return _SPACE_BEFORE_DASH.sub("\u00a0", title)


def set_title(text: str, title: TitleBox, size: float, family: str) -> str:
    """``text`` as its layout sets it at ``size``: with its dashes bound (:func:`bind_dashes`)
    unless the word going down with its dash would take a line the box does not have. A
    content title that would need a third line for it keeps the dash free rather than make
    every title of its layout smaller; a divider's, with room below, takes the line."""
    bound = bind_dashes(text)
    if bound == text:
        return text
    width = inner_size(title.box)[0]
    room = max(title_lines(text, width, size, family), _allowed_lines(title, size, family))
    return bound if title_lines(bound, width, size, family) <= room else text


def set_lines(text: str, title: TitleBox, size: float, family: str) -> int:
    """Lines ``text`` takes as its layout sets it (:func:`set_title`) at ``size``."""
    set_as = set_title(text, title, size, family)
    return title_lines(set_as, inner_size(title.box)[0], size, family)


def title_lines(text: str, width_pt: float, size: float, family: str) -> int:
    """Lines ``text`` wraps to at ``size`` in a title ``width_pt`` wide."""
    return count_lines(Line(tuple(parse_inline(text)), family), width_pt / size)


_MAX_MEASURES = 200
"""How many narrower measures are tried for one title (each moves at least one word)."""


def hyphen_free_spare(text: str, width_pt: float, size: float, family: str) -> float:
    """How much narrower (points) than ``width_pt`` to set a title so that no line ends
    after a hyphen inside a word (``half-`` / ``year``), without taking another line: 0 when
    none ends so, or when no such measure exists. The measure is the middle of the widths
    that wrap the title the same, so that a renderer measuring a hair differently breaks
    where the plan does."""
    line = Line(tuple(parse_inline(text)), family)
    first = wrap(line, width_pt / size)
    if not first.hyphen_breaks:
        return 0.0
    measure = width_pt
    for _ in range(_MAX_MEASURES):
        wrapped = wrap(line, measure / size)
        if wrapped.broken_word or wrapped.lines > first.lines:
            return 0.0
        if not wrapped.hyphen_breaks:
            middle = (wrapped.narrowest + min(wrapped.widest, width_pt / size)) * size / 2
            return width_pt - middle
        measure = min(measure, wrapped.narrowest * size) - 0.01
    return 0.0


_BISECTIONS = 24
"""Halvings of the measure when balancing a title: to well under a point of any box."""


def title_spare(text: str, width_pt: float, size: float, family: str) -> float:
    """How much narrower (points) than ``width_pt`` a title is set, so that its lines break
    evenly and none ends after a word's hyphen (none starts with a dash: see
    :func:`bind_dashes`). A title with a short last line ("… goes, by / service") reads as a
    mistake: a title of several lines takes the narrowest measure that keeps its number of
    lines and ends no line after a hyphen, and sits in the middle of the widths that break
    it the same (or at the box's width, when that is nearer), so a renderer measuring a hair
    differently breaks there too. One line, or no such measure: only
    :func:`hyphen_free_spare`."""
    line = Line(tuple(parse_inline(text)), family)
    full = wrap(line, width_pt / size)
    if full.lines < 2 or full.broken_word:
        return hyphen_free_spare(text, width_pt, size, family)
    measure = _narrowest_measure(line, full.lines, width_pt, size)
    for _ in range(_MAX_MEASURES):
        wrapped = wrap(line, measure / size)
        if wrapped.lines == full.lines and not (wrapped.hyphen_breaks or wrapped.broken_word):
            # As far from both ends of the widths that break it so as the box allows; a
            # title already even at the box's width keeps that width and all its slack.
            middle = (wrapped.narrowest + wrapped.widest) * size / 2
            return max(0.0, width_pt - middle)
        measure = wrapped.widest * size + 0.01  # the next wider way to break it
        if measure > width_pt:
            break
    return hyphen_free_spare(text, width_pt, size, family)


def _narrowest_measure(line: Line, lines: int, width_pt: float, size: float) -> float:
    """The narrowest measure (points, to a fraction of one) that sets ``line`` in ``lines``
    lines without breaking a word."""
    short, enough = 0.0, width_pt
    for _ in range(_BISECTIONS):
        middle = (short + enough) / 2
        wrapped = wrap(line, middle / size)
        if wrapped.lines > lines or wrapped.broken_word:
            short = middle
        else:
            enough = middle
    return enough


def lines_that_fit(box: Box, size: float, family: str) -> int:
    """How many lines of a title at ``size`` the box holds."""
    return max(1, int(inner_size(box)[1] // (face(family).line_height * size)))


def plan_title(text: str, title: TitleBox, size: float, family: str) -> TitlePlan:
    """``text`` in the layout's title box at its layout's ``size``, top-anchored."""
    lines = set_lines(text, title, size, family)
    used = min(lines, lines_that_fit(title.box, size, family)) * face(family).line_height * size
    bottom = title.box.top + INSET_Y + round(used * EMU_PER_PT) + points(2)
    return TitlePlan(size, lines, title.box, min(bottom, title.box.bottom))


def plan_title_sizes(
    entries: list[TitleEntry], boxes: dict[str, TitleBox], family: str
) -> TitleSizes:
    """One size per layout: the largest (from its theme size down, in half points, not below
    its floor) at which every title of that layout fits its lines."""
    sizes: dict[str, float] = {}
    lines: dict[str, int] = {}
    findings: list[TitleFinding] = []
    for layout, title in boxes.items():
        texts = [e for e in entries if e.layout == layout]
        size = title.size
        while size > title.floor and not all(_fits(e.text, title, size, family) for e in texts):
            size = max(title.floor, size - STEP)
        sizes[layout] = size
        used = [set_lines(e.text, title, size, family) for e in texts]
        lines[layout] = min(max(used, default=1), _allowed_lines(title, size, family))
        findings += _title_findings(texts, title, size, family)
    return TitleSizes(sizes, tuple(findings), lines)


def _allowed_lines(title: TitleBox, size: float, family: str) -> int:
    return min(title.max_lines, lines_that_fit(title.box, size, family))


def _fits(text: str, title: TitleBox, size: float, family: str) -> bool:
    return set_lines(text, title, size, family) <= _allowed_lines(title, size, family)


def _title_findings(
    texts: list[TitleEntry], title: TitleBox, size: float, family: str
) -> list[TitleFinding]:
    findings = []
    for entry in texts:
        if not _fits(entry.text, title, size, family):
            lines = set_lines(entry.text, title, size, family)
            allowed = _allowed_lines(title, size, family)
            findings.append(
                TitleFinding(
                    entry.place,
                    say("title_too_long", lines=lines, size=f"{size:g}", allowed=allowed),
                )
            )
        elif size < title.size and not _fits(entry.text, title, title.size, family):
            lines = set_lines(entry.text, title, title.size, family)
            findings.append(
                TitleFinding(
                    entry.place,
                    say(
                        "title_shrinks_layout",
                        lines=lines,
                        theme_size=f"{title.size:g}",
                        size=f"{size:g}",
                    ),
                )
            )
    return findings
