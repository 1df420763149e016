"""Text on a slide: paragraphs fitted into their box at the largest size that holds them, a
finding when even the theme's minimum does not."""

from __future__ import annotations

from collections.abc import Sequence

from ..messages import say
from .context import LayoutContext
from .geometry import EMU_PER_PT, Box, inches
from .paras import Para
from .shapes import TextShape
from .textplan import INSET_Y, Faces, TextPlan, lay_out, plan_text, plan_text_set


def text_shape(
    lc: LayoutContext,
    box: Box,
    paras: Sequence[Para],
    *,
    name: str,
    size: float,
    min_size: float | None = None,
    anchor: str = "top",
    grow_to: float | None = None,
    balance: bool = False,
) -> TextShape:
    """A text box at ``box``, shrunk from ``size`` towards ``min_size`` until it fits
    (growing to ``grow_to`` first when it fits there; ``balance``: short text centred, with
    air between its items); a finding naming the slide and ``name`` when even ``min_size``
    overflows."""
    plan = fit_size(
        lc,
        box,
        paras,
        name=name,
        size=size,
        min_size=min_size,
        grow_to=grow_to,
        balance=balance,
    )
    return TextShape(box, tuple(paras), plan, name, anchor)


CAPTION_HEIGHT = inches(0.5)
"""The room a caption takes under a chart, a picture or a table."""


def caption_shape(lc: LayoutContext, box: Box, text: str) -> TextShape:
    """A line under a chart, a picture or a table (source, remark): muted, centred, a little
    smaller than body text."""
    sizes = lc.theme.sizes
    caption = Para.of(text, color=lc.theme.colors.muted, align="center")
    return text_shape(
        lc, box, [caption], name="Caption", size=sizes.body * 0.8, min_size=sizes.min_body
    )


def list_shape(lc: LayoutContext, box: Box, paras: Sequence[Para], name: str = "List") -> TextShape:
    """A list in ``box``: larger (up to ``max_body``) when it is short, balanced in its box,
    shrunk towards ``min_body`` when it is long."""
    sizes = lc.theme.sizes
    return text_shape(
        lc,
        box,
        paras,
        name=name,
        size=sizes.body,
        min_size=sizes.min_body,
        grow_to=sizes.max_body,
        balance=True,
    )


def fit_size(
    lc: LayoutContext,
    box: Box,
    paras: Sequence[Para],
    *,
    name: str,
    size: float,
    min_size: float | None = None,
    grow_to: float | None = None,
    balance: bool = False,
) -> TextPlan:
    """The plan of ``paras`` in ``box`` at the largest size (≤ ``size``) that fits, no
    paragraph below the theme's minimum; a finding when none fits."""
    floor = min(lc.theme.sizes.min_body, min_size or size)
    plan = plan_text(
        list(paras),
        box,
        lc.faces,
        size=size,
        min_size=min_size,
        floor=floor,
        grow_to=grow_to,
        balance=balance,
        open_above=open_above(lc, box, box.width) if balance else None,
    )
    warn_overflow(lc, name, plan, box)
    return plan


def fit_set(
    lc: LayoutContext, boxes: list[Box], texts: list[list[Para]], names: list[str]
) -> list[TextShape]:
    """Lists side by side (columns) at one size, from the theme's body size (or larger, up to
    ``max_body``, when they are short) down to ``min_body``, balanced together."""
    sizes = lc.theme.sizes
    plans = plan_text_set(
        texts,
        boxes,
        lc.faces,
        size=sizes.body,
        min_size=sizes.min_body,
        floor=sizes.min_body,
        grow_to=sizes.max_body,
        balance=True,
        open_above=open_above(lc, boxes[0], boxes[-1].right - boxes[0].left),
    )
    shapes = []
    for name, plan, box, paras in zip(names, plans, boxes, texts, strict=True):
        warn_overflow(lc, name, plan, box)
        shapes.append(TextShape(box, tuple(paras), plan, name))
    return shapes


def open_above(lc: LayoutContext, box: Box, width: int) -> float | None:
    """The empty page (points) between the slide's heading and ``box`` (of texts ``width``
    wide in all), when they fill the top of the body alone; None beside a chart or a table,
    under tiles, or off a content slide."""
    body = lc.page.body
    if lc.heading_bottom is None or box.top != body.top or width < body.width - EMU_PER_PT:
        return None
    return max(0.0, (body.top - lc.page.gap - lc.heading_bottom) / EMU_PER_PT)


def warn_overflow(lc: LayoutContext, name: str, plan: TextPlan, box: Box) -> None:
    if plan.overflow > 0.5:
        height_pt = (box.height - 2 * INSET_Y) / EMU_PER_PT
        lc.warn(
            say(
                "text_overflow",
                name=name,
                overflow=f"{plan.overflow:.0f}",
                size=f"{plan.size:g}",
                height=f"{height_pt:.0f}",
            )
        )


def fixed_plan(faces: Faces, paras: Sequence[Para], size: float) -> TextPlan:
    """``paras`` at ``size`` as they are (no fitting): for titles and chrome, whose size is
    the deck's."""
    laid = tuple(lay_out(list(paras), 10_000.0, size, faces, 0.0))
    return TextPlan(size, laid, sum(p.height for p in laid), 0.0)
