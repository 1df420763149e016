"""The frame every slide plan shares: its layout and its title (at the deck's one size for
that layout), and on content slides the subtitle under the title's last line."""

from __future__ import annotations

from collections.abc import Sequence

from .context import LayoutContext
from .geometry import CONTENT, Box
from .paras import INHERIT, Para
from .shapes import PlaceholderText, Shape, SlidePlan, TextShape
from .text import fit_size, text_shape
from .titleplan import plan_title


def slide_plan(
    lc: LayoutContext,
    layout: str,
    title: str,
    shapes: Sequence[Shape],
    *,
    align: str = "left",
    anchor: str = "middle",
) -> SlidePlan:
    """A slide on ``layout`` titled ``title``: the title placeholder (screen readers and the
    outline view read it), set where the layout puts it; on a template, with the template's
    alignment and anchor."""
    if lc.on_template:
        align = anchor = INHERIT
    return SlidePlan(layout, title, lc.title_colors[layout], align, anchor, tuple(shapes))


def content_slide(
    lc: LayoutContext, title: str, subtitle: str | None, shapes: Sequence[Shape]
) -> SlidePlan:
    """A content slide: the title at the top, an optional subtitle right under its last
    line, then ``shapes``. The accent bar, footer and slide number come from the layout."""
    header: list[Shape] = []
    if subtitle:
        header.append(subtitle_shape(lc, title, subtitle))
    return slide_plan(lc, CONTENT, title, [*header, *shapes], anchor="top")


def subtitle_shape(lc: LayoutContext, title: str, subtitle: str) -> TextShape:
    room = lc.page.subtitle
    if lc.on_template:  # a template's title box is its own
        top = room.top
    else:
        size = lc.title_sizes[CONTENT]
        top = plan_title(title, lc.title_boxes[CONTENT], size, lc.measure_family(True)).text_bottom
    return text_shape(
        lc,
        Box(room.left, top, room.width, room.bottom - top),
        [Para.of(subtitle, color=lc.theme.colors.muted, heading=True)],
        name="Subtitle",
        size=lc.theme.sizes.subtitle,
        min_size=lc.theme.sizes.min_body,
    )


def placeholder_text(
    lc: LayoutContext, box: Box, paras: Sequence[Para], *, name: str, size: float, min_size: float
) -> PlaceholderText:
    """Text for the slide's own text placeholder, which sits at the layout's ``box``: shrunk
    from ``size`` towards ``min_size`` until it fits; on a template, set as its placeholder
    says."""
    plan = fit_size(lc, box, paras, name=name, size=size, min_size=min_size)
    return PlaceholderText(box, tuple(paras), plan, name, inherit=lc.on_template)
