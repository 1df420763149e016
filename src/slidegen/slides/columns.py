"""``columns``: two or three lists side by side, each with an optional heading."""

from __future__ import annotations

from typing import Literal

from pptx.slide import Slide
from pydantic import Field

from ..layout.paras import Para, bullet_paras
from ..markup import parse_inline
from ..metric import MetricList
from ..model import Column, TitledSlide
from ..render.context import RenderContext
from ..render.page import content_slide
from ..render.text import add_text, fit_set
from ..render.tiles import add_metric_tiles
from .bullets import strip_height


class ColumnsSlide(TitledSlide):
    """Two or three lists side by side, each with an optional heading."""

    kind: Literal["columns"]
    columns: list[Column] = Field(min_length=2, max_length=3)
    """The columns, left to right."""
    metrics: MetricList | None = None
    """Key figures shown as a strip of tiles under the columns."""


def column_paras(ctx: RenderContext, column: Column) -> list[Para]:
    colors = ctx.theme.colors
    paras = []
    if column.heading:
        paras.append(
            Para(
                tuple(parse_inline(column.heading, bold=True)),
                heading=True,
                color=colors.primary,
                emphasis_color=colors.primary,
                scale=1.05,
                space_before=0,
            )
        )
    paras.extend(bullet_paras(column.items, column.numbered, emphasis_color=colors.primary))
    return paras


def render(spec: ColumnsSlide, ctx: RenderContext) -> Slide:
    slide = content_slide(ctx, spec.title, spec.subtitle)
    body, gap = ctx.page.body, ctx.page.gap
    strip = None
    if spec.metrics:
        body, strip = body.take_bottom(strip_height(body), gap)
    boxes = body.split_columns(len(spec.columns), gap * 2)
    contents = [column_paras(ctx, column) for column in spec.columns]
    names = [f"Column {i}" for i in range(1, len(boxes) + 1)]
    # One size for all columns, so they read as a set; they start level.
    plans = fit_set(ctx, boxes, contents, names)
    for name, box, paras, plan in zip(names, boxes, contents, plans, strict=True):
        add_text(ctx, box, paras, name=name, size=plan.size, plan=plan)
    if spec.metrics and strip:
        add_metric_tiles(ctx, slide, strip, spec.metrics, max_columns=len(spec.metrics))
    return slide
