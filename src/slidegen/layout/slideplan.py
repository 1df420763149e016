"""The frame every slide plan shares: its layout and its title (at the deck's one size for
that layout), and on content slides the subtitle under the title's last line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .context import LayoutContext
from .geometry import CONTENT, Box, points
from .paras import INHERIT, Para
from .shapes import PlaceholderText, Shape, SlidePlan
from .text import fit_size, text_shape
from .textplan import INSET_Y, inner_size
from .titleplan import plan_title, set_title, title_spare


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
    # A template's title keeps its layout's alignment (the slide inherits it): the kind's
    # own layout when the theme gives it one, as the slide is made on that.
    starts = lc.kind_title_aligns.get(lc.kind) or lc.title_aligns.get(layout, align)
    if lc.on_template:
        align = anchor = INHERIT
    width = inner_size(lc.title_boxes[layout].box)[0]
    family = lc.measure_family(heading=True)
    size = lc.title_sizes[layout]
    title = set_title(title, lc.title_boxes[layout], size, family)  # as it was measured
    spare = title_spare(title, width, size, family)
    # On the side the text does not start from; halved either side when centred.
    sides = {"left": (0.0, spare), "right": (spare, 0.0)}.get(starts, (spare / 2, spare / 2))
    colour = lc.kind_title_colors.get(lc.kind) or lc.title_colors[layout]
    return SlidePlan(layout, title, colour, align, anchor, tuple(shapes), title_spare=sides)


@dataclass(frozen=True)
class Heading:
    """A content slide's title and subtitle, planned before its body (a short text alone in
    the body is balanced in the room under them)."""

    title: str
    shapes: tuple[Shape, ...]
    """The subtitle, when there is one."""
    bottom: int
    """Where the title's (or subtitle's) last line ends, in EMU."""


def content_heading(lc: LayoutContext, title: str, subtitle: str | None) -> Heading:
    """Plan a content slide's heading: the title at the deck's size, an optional subtitle
    right under its last line; ``lc.heading_bottom`` says where it ends, for the body."""
    size = lc.title_sizes[CONTENT]
    placed = plan_title(title, lc.title_boxes[CONTENT], size, lc.measure_family(heading=True))
    # Under a title anchored elsewhere than at the top (a template's): its box's end.
    at_top = lc.page.title_at_top
    bottom = placed.text_bottom if at_top else placed.box.bottom
    shapes: list[Shape] = []
    if subtitle:
        room = lc.page.subtitle
        top = room.top if lc.on_template else placed.text_bottom  # a template's title box
        written = text_shape(
            lc,
            Box(room.left, top, room.width, room.bottom - top),
            [Para.of(subtitle, color=lc.theme.colors.muted, heading=True)],
            name="Subtitle",
            size=lc.theme.sizes.subtitle,
            min_size=lc.theme.sizes.min_body,
        )
        shapes.append(written)
        # As right under a top-anchored title (a template's subtitle box starts a hair lower,
        # under its title box's inset): the text under it is balanced as on slidegen's page.
        start = min(top, placed.text_bottom) if at_top else top
        bottom = start + INSET_Y + points(written.plan.height)
    lc.heading_bottom = bottom
    return Heading(title, tuple(shapes), bottom)


def content_slide(lc: LayoutContext, heading: Heading, shapes: Sequence[Shape]) -> SlidePlan:
    """A content slide: its heading (:func:`content_heading`), then ``shapes``. The accent
    bar, footer and slide number come from the layout."""
    lc.heading_bottom = None  # the next slide's body is planned under its own heading
    return slide_plan(lc, CONTENT, heading.title, [*heading.shapes, *shapes], anchor="top")


def placeholder_text(
    lc: LayoutContext, box: Box, paras: Sequence[Para], *, name: str, size: float, min_size: float
) -> PlaceholderText:
    """Text for the slide's own text placeholder, which sits at the layout's ``box``: shrunk
    from ``size`` towards ``min_size`` until it fits; on a template, set as its placeholder
    says."""
    plan = fit_size(lc, box, paras, name=name, size=size, min_size=min_size)
    return PlaceholderText(box, tuple(paras), plan, name, inherit=lc.on_template)
