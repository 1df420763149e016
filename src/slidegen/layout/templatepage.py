"""The page of a deck built on a template: every region from the placeholders of the layouts
it uses, so slides inherit the template's positions instead of slidegen's own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..textfit import face
from .geometry import (
    CLOSING,
    CONTENT,
    COVER,
    SECTION,
    TITLE_LINES,
    Box,
    Frame,
    PageGeometry,
    inches,
    points,
)

if TYPE_CHECKING:  # a template is read by the theme (lxml): the layout only reads its boxes
    from ..template.mapping import LayoutChoice
    from ..template.reading import Layout, TemplateInfo
    from ..theme import Theme

_FOOTER_TYPES = ("ftr", "dt", "sldNum")
TEMPLATE_TITLE_FLOOR_SHARE = 0.5
"""A template's title box may hold one line only: its titles shrink further before they
overflow (PowerPoint's own autofit would shrink them too)."""


def page_from_template(
    theme: Theme, info: TemplateInfo, choice: LayoutChoice, title_lines: int = TITLE_LINES
) -> PageGeometry:
    """Content slides: the content layout's title, then a subtitle's line and the body from
    its content placeholder; cover, divider and closing: their layouts' title and text.

    A top-anchored title box holding more lines than the deck's titles take gives the room
    of the lines not taken to the body, as slidegen's own layouts do."""
    slide = Box(0, 0, info.width, info.height)
    gap = max(inches(0.1), min(inches(0.2), round(info.height * 0.03)))
    content = choice.roles[CONTENT]
    title = _title_box(content, slide)
    footer = _footer_box(content, slide)
    text = content.text.box if content.text is not None and content.text.box else None
    area = text or Box(title.left, title.bottom + gap, title.width, footer.top - gap - title.bottom)
    area = _above(area, footer, gap)
    freed = _freed(theme, content, title, title_lines, area)
    subtitle_height = points(theme.sizes.subtitle * 1.3 + 6)
    if area.top - title.bottom >= subtitle_height:  # the subtitle in the gap under the title
        subtitle = Box(area.left, title.bottom - freed, area.width, subtitle_height)
        body_top = area.top - freed
    else:  # at the top of the content area
        subtitle = Box(area.left, max(title.bottom, area.top - subtitle_height) - freed,
                       area.width, subtitle_height)  # fmt: skip
        body_top = max(area.top - freed, subtitle.bottom + gap)
    body = Box(area.left, body_top, area.width, max(0, area.bottom - body_top))
    return PageGeometry(
        slide,
        title,
        subtitle,
        body,
        footer,
        gap,
        cover=_frame(choice.roles[COVER], slide, gap),
        section=_frame(choice.roles[SECTION], slide, gap),
        closing=_frame(choice.roles[CLOSING], slide, gap),
        title_floor_share=TEMPLATE_TITLE_FLOOR_SHARE,
        title_at_top=content.title_anchor == "t",
    )


def _freed(theme: Theme, layout: Layout, title: Box, lines: int, area: Box) -> int:
    """How far the body may move up: the room of the title lines no title takes, when the
    title sits at the top of its box and none of the template's graphics is in that room."""
    if layout.title_anchor != "t":
        return 0
    heading = theme.fonts.heading
    line = face(heading.standin or heading.name).line_height * theme.sizes.title
    used = title.top + points(lines * line + 6)
    freed = max(0, title.bottom - used)
    band = Box(area.left, used, area.width, max(0, area.top - used))
    if freed and any(_overlaps(band, graphic) for graphic in layout.graphics):
        return 0
    return freed


def _overlaps(first: Box, second: Box) -> bool:
    return min(first.right, second.right) > max(first.left, second.left) and min(
        first.bottom, second.bottom
    ) > max(first.top, second.top)


def _title_box(layout: Layout, slide: Box) -> Box:
    placeholder = layout.title
    if placeholder is not None and placeholder.box is not None:
        return _on_slide(placeholder.box, slide)
    margin = round(slide.width * 0.05)  # a template that says nothing: PowerPoint's defaults
    return Box(
        margin, round(slide.height * 0.04), slide.width - 2 * margin, round(slide.height * 0.17)
    )


def _footer_box(layout: Layout, slide: Box) -> Box:
    """The row the layout's footer, date and slide number share; a strip at the bottom edge
    when it has none."""
    boxes = [
        _on_slide(ph.box, slide)
        for ph in layout.placeholders
        if ph.type in _FOOTER_TYPES and ph.box is not None
    ]
    if not boxes:
        height = round(slide.height * 0.07)
        return Box(
            round(slide.width * 0.05), slide.bottom - height, round(slide.width * 0.9), height
        )
    left, top = min(b.left for b in boxes), min(b.top for b in boxes)
    right, bottom = max(b.right for b in boxes), max(b.bottom for b in boxes)
    return Box(left, top, right - left, bottom - top)


def _frame(layout: Layout, slide: Box, gap: int) -> Frame:
    """A cover, divider or closing: its title box, and its text box (or the room under the
    title down to the footer)."""
    title = _title_box(layout, slide)
    text = layout.text
    if text is not None and text.box is not None:
        return Frame(title, _on_slide(text.box, slide))
    top = title.bottom + gap
    footer = _footer_box(layout, slide)
    return Frame(title, Box(title.left, top, title.width, max(0, footer.top - gap - top)))


def _above(area: Box, footer: Box, gap: int) -> Box:
    """``area`` ending above the footer row when it would run into it."""
    if area.bottom <= footer.top or area.top >= footer.top:
        return area
    return Box(area.left, area.top, area.width, max(0, footer.top - gap - area.top))


def _on_slide(box: Box, slide: Box) -> Box:
    """``box`` clipped to the slide (templates place prompt boxes past the edge)."""
    left, top = max(0, box.left), max(0, box.top)
    right, bottom = min(slide.right, box.right), min(slide.bottom, box.bottom)
    return Box(left, top, max(0, right - left), max(0, bottom - top))
