"""``columns``: two or three lists side by side, each with an optional heading."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..layout.context import LayoutContext
from ..layout.paras import Para, bullet_paras
from ..layout.shapes import Shape, SlidePlan
from ..layout.slideplan import content_heading, content_slide
from ..layout.text import fit_set
from ..layout.tiletext import tiles_shape
from ..markup import parse_inline
from ..metric import MetricList
from ..model import Column, TitledSlide
from .bullets import strip_height


class ColumnsSlide(TitledSlide):
    """Two or three lists side by side, each with an optional heading."""

    kind: Literal["columns"]
    columns: list[Column] = Field(min_length=2, max_length=3)
    """The columns, left to right."""
    metrics: MetricList | None = None
    """Key figures shown as a strip of tiles under the columns."""


def column_paras(lc: LayoutContext, column: Column) -> list[Para]:
    colors = lc.theme.colors
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


def plan(spec: ColumnsSlide, lc: LayoutContext) -> SlidePlan:
    heading = content_heading(lc, spec.title, spec.subtitle)
    body, gap = lc.page.body, lc.page.gap
    strip = None
    if spec.metrics:
        body, strip = body.take_bottom(strip_height(body), gap)
    boxes = body.split_columns(len(spec.columns), gap * 2)
    contents = [column_paras(lc, column) for column in spec.columns]
    names = [f"Column {i}" for i in range(1, len(boxes) + 1)]
    # One size for all columns, so they read as a set; they start level.
    shapes: list[Shape] = [*fit_set(lc, boxes, contents, names)]
    if spec.metrics and strip:
        shapes.append(tiles_shape(lc, strip, spec.metrics, max_columns=len(spec.metrics)))
    return content_slide(lc, heading, shapes)
