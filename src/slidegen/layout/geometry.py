"""Pure geometry: boxes in EMU derived from the theme, testable without a presentation."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..textfit import face

if TYPE_CHECKING:  # geometry reads a theme; the theme's model checks itself with geometry
    from ..theme import Theme

COVER, SECTION, CONTENT, CLOSING = "Cover", "Section divider", "Content", "Closing"
"""The layouts' names: one per kind of slide."""
TITLE_LINES = 2
"""Content titles wrap to two lines before they shrink: their box holds two."""

EMU_PER_INCH = 914400
EMU_PER_PT = 12700
MIN_BODY_INCHES = 1.5
"""The least height a content slide's body may have: room for a chart, a table's rows or two
tiles. A theme whose slide height, margin and title size leave less is refused."""


def inches(value: float) -> int:
    return round(value * EMU_PER_INCH)


def points(value: float) -> int:
    return round(value * EMU_PER_PT)


def slide_length(value: float) -> int:
    """A slide dimension in EMU: ``inches(value)``, except that a value within 0.0005 in of a
    third of an inch is that third exactly.

    Themes write 16:9 as 13.333 in; PowerPoint's widescreen is 13⅓ in (12192000 EMU), and
    anything else shows as a custom size in its Slide Size dialog.
    """
    thirds = round(value * 3)
    if abs(value * 3 - thirds) < 0.0015:
        return round(thirds * EMU_PER_INCH / 3)
    return inches(value)


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    def inset(self, dx: int, dy: int | None = None) -> Box:
        dy = dx if dy is None else dy
        return Box(self.left + dx, self.top + dy, self.width - 2 * dx, self.height - 2 * dy)

    def split_columns(self, count: int, gap: int, weights: list[float] | None = None) -> list[Box]:
        """``count`` boxes side by side, separated by ``gap``; widths follow ``weights``."""
        weights = weights or [1.0] * count
        usable = self.width - gap * (count - 1)
        total = sum(weights)
        boxes, left = [], self.left
        for weight in weights:
            width = round(usable * weight / total)
            boxes.append(Box(left, self.top, width, self.height))
            left += width + gap
        return boxes

    def split_rows(self, count: int, gap: int, weights: list[float] | None = None) -> list[Box]:
        """``count`` boxes stacked top to bottom, separated by ``gap``."""
        weights = weights or [1.0] * count
        usable = self.height - gap * (count - 1)
        total = sum(weights)
        boxes, top = [], self.top
        for weight in weights:
            height = round(usable * weight / total)
            boxes.append(Box(self.left, top, self.width, height))
            top += height + gap
        return boxes

    def take_top(self, height: int, gap: int = 0) -> tuple[Box, Box]:
        """Cut ``height`` off the top: (the cut part, the rest below it after ``gap``)."""
        height = min(height, self.height)
        rest_top = self.top + height + gap
        return (
            Box(self.left, self.top, self.width, height),
            Box(self.left, rest_top, self.width, max(0, self.bottom - rest_top)),
        )

    def take_bottom(self, height: int, gap: int = 0) -> tuple[Box, Box]:
        """Cut ``height`` off the bottom: (the rest above it, the cut part)."""
        height = min(height, self.height)
        cut = Box(self.left, self.bottom - height, self.width, height)
        return Box(self.left, self.top, self.width, max(0, cut.top - gap - self.top)), cut


def grid(count: int, max_columns: int = 4) -> list[int]:
    """Tiles per row for ``count`` tiles: balanced rows, wider rows first (5 → [3, 2])."""
    rows = math.ceil(count / max_columns)
    base, extra = divmod(count, rows)
    return [base + 1] * extra + [base] * (rows - extra)


@dataclass(frozen=True)
class Frame:
    """Where a full-bleed slide (cover, divider, closing) has its title and its text."""

    title: Box
    body: Box


@dataclass(frozen=True)
class PageGeometry:
    """The fixed regions of each slide layout: content slides, cover, divider, closing."""

    slide: Box
    title: Box
    subtitle: Box
    body: Box
    footer: Box
    gap: int
    cover: Frame
    section: Frame
    closing: Frame
    title_floor_share: float = 0.7
    """Titles never shrink below this share of their layout's size (a template's title
    boxes, not slidegen's, may hold one line only: there, further)."""
    title_at_top: bool = True
    """Whether a content slide's title text starts at the top of its box (slidegen's, and a
    template's whose title is top-anchored): then where its last line ends is known."""

    @property
    def footer_columns(self) -> tuple[Box, Box, Box]:
        """Footer, date and slide number along the bottom edge, left to right."""
        brand, date, number = self.footer.split_columns(3, self.gap, weights=[2, 1, 2])
        return brand, date, number

    @property
    def cover_footer_columns(self) -> tuple[Box, Box, Box, Box]:
        """On the cover: footer, date, slide number, and the wordmark at the right edge."""
        footer, date, number, wordmark = self.footer.split_columns(4, self.gap, [2, 1, 1, 1])
        return footer, date, number, wordmark

    @classmethod
    def from_theme(cls, theme: Theme, title_lines: int = TITLE_LINES) -> PageGeometry:
        """The regions for ``theme``; the content title's box holds ``title_lines`` lines (a
        deck whose titles all fit one line keeps the room of the second for its body)."""
        geo = theme.geometry
        slide = Box(0, 0, slide_length(geo.width), slide_length(geo.height))
        margin = inches(geo.margin)
        content = slide.inset(margin, 0)
        gap = inches(0.2)
        heading = theme.fonts.heading
        line = face(heading.standin or heading.name).line_height * theme.sizes.title
        title_height = points(title_lines * line + 6)  # the lines and the frame's insets
        subtitle_height = points(theme.sizes.subtitle * 1.3 + 6)
        footer_height = inches(0.55)
        top = inches(max(0.35, geo.margin * 0.6))
        title = Box(content.left, top, content.width, title_height)
        subtitle = Box(content.left, title.bottom, content.width, subtitle_height)
        footer = Box(
            content.left, slide.bottom - footer_height - inches(0.1), content.width, footer_height
        )
        body_top = subtitle.bottom + gap
        body = Box(content.left, body_top, content.width, footer.top - gap - body_top)
        wide = inches(geo.margin * 1.6)
        cover = _frame(slide.inset(wide, inches(0.8)), 0.5, gap_above=inches(0.25))
        section = _frame(slide.inset(wide, inches(1.0)), 0.6, inset=inches(0.2))
        closing = _frame(slide.inset(wide, inches(0.6)), 0.2)
        return cls(slide, title, subtitle, body, footer, gap, cover, section, closing)


def _frame(content: Box, title_share: float, *, inset: int = 0, gap_above: int = 0) -> Frame:
    """The title across the top ``title_share`` of ``content``, the text below it (``inset``
    from above and below, or ``gap_above`` below the title only)."""
    title, rest = content.take_top(round(content.height * title_share), gap_above)
    return Frame(title, rest.inset(0, inset))


def body_shortfall(theme: Theme) -> tuple[float, float] | None:
    """(the body's height, the least it needs) in inches when ``theme`` leaves a content
    slide's body less than :data:`MIN_BODY_INCHES` under a two-line title; ``None`` when
    there is room. A short slide with a wide margin or a large title gives a body of no
    height, or of a negative one, which PowerPoint repairs and matplotlib cannot draw."""
    page = PageGeometry.from_theme(theme)
    frames = (page.cover, page.section, page.closing)
    if page.body.height >= inches(MIN_BODY_INCHES) and all(
        box.width > 0 and box.height > 0 for frame in frames for box in (frame.title, frame.body)
    ):
        return None
    return page.body.height / EMU_PER_INCH, MIN_BODY_INCHES
