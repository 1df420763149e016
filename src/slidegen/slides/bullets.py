"""``bullets``: a list nested up to three levels, with an optional metrics strip, and a chart
or a table beside it."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from ..layout import inches
from ..layout.charts import chart_shape
from ..layout.context import LayoutContext
from ..layout.geometry import Box, points
from ..layout.paras import Para, bullet_paras
from ..layout.shapes import Shape, SlidePlan, TextShape
from ..layout.slideplan import content_heading, content_slide
from ..layout.tables import attached_table, attached_table_shape
from ..layout.text import fit_size, list_shape
from ..layout.textplan import INSET_Y, plan_text
from ..layout.tiletext import tiles_shape
from ..markup import plain_text
from ..messages import say
from ..metric import MetricList
from ..model import Bullet, BulletList, Chart, Flag, TitledSlide, check_depth
from ..tablemodel import Table

STRIP_HEIGHT = inches(1.55)


def strip_height(body: Box) -> int:
    """The height of the metric strip under a list or columns: :data:`STRIP_HEIGHT`, or less
    on a short slide, so that the text above it keeps at least as much room as the strip."""
    return min(STRIP_HEIGHT, body.height // 2)


def tile_strip_height(lc: LayoutContext, body: Box, paras: list[Para]) -> int:
    """The strip under a list spanning the slide: what the list leaves at the theme's body
    size (the tiles' figures grow into it), at least :func:`strip_height`, at most half of
    the body."""
    sizes = lc.theme.sizes
    natural = plan_text(paras, body, lc.faces, size=sizes.body, min_size=sizes.body,
                        floor=sizes.min_body)  # fmt: skip
    needed = points(natural.height) + 2 * INSET_Y + lc.page.gap
    return min(max(strip_height(body), body.height - needed), body.height // 2)


class BulletsSlide(TitledSlide):
    """A list, optionally with a strip of metric tiles under it or a chart beside it."""

    kind: Literal["bullets"]
    items: BulletList
    """The list; an item is a string or ``{text, note, items}``."""
    numbered: Flag = False
    """Number the top-level items."""
    metrics: MetricList | None = None
    """Key figures shown as a strip of tiles under the list."""
    chart: Chart | None = None
    """A chart beside the list (with its own data)."""
    table: Table | None = None
    """A table beside the list, as on a ``table`` slide; it keeps to this slide (it shrinks
    to the theme's minimum size, then what does not fit is a finding)."""
    continue_: Annotated[Flag, Field(alias="continue")] = True
    """A list that does not fit even at the theme's minimum size continues on the next slide
    ("Title (2/2)"); ``false`` keeps one slide (the overflow is then a finding). Lists with a
    chart, a table or tiles keep one slide."""

    _depth = field_validator("items")(check_depth)

    @model_validator(mode="after")
    def _one_beside(self) -> BulletsSlide:
        if self.chart is not None and self.table is not None:
            raise ValueError(say("chart_and_table_beside"))
        return self

    @field_validator("chart")
    @classmethod
    def _chart_has_data(cls, chart: Chart | None) -> Chart | None:
        if chart is not None and not chart.has_data:
            raise ValueError(say("chart_needs_own_data"))
        return chart


def list_pages(spec: BulletsSlide, lc: LayoutContext) -> list[tuple[int, list[Bullet]]]:
    """The top-level items of each slide the list takes, with the number of the first: in
    as few slides as hold them at the theme's minimum size, shared out evenly (40 items in
    three slides are 14, 13 and 13, not 18, 18 and 4)."""
    items = list(spec.items)
    if spec.chart or spec.table or spec.metrics or not spec.continue_ or _fits(spec, lc, items, 1):
        return [(1, items)]
    greedy = _split(spec, lc, items, cap=len(items))
    even = _split(spec, lc, items, cap=-(-len(items) // len(greedy)))
    return even if len(even) == len(greedy) else greedy


def _split(
    spec: BulletsSlide, lc: LayoutContext, items: list[Bullet], cap: int
) -> list[tuple[int, list[Bullet]]]:
    pages: list[tuple[int, list[Bullet]]] = []
    start = 0
    while start < len(items):
        end = start + 1
        while (
            end < len(items)
            and end - start < cap
            and _fits(spec, lc, items[start : end + 1], start + 1)
        ):
            end += 1
        pages.append((start + 1, items[start:end]))
        start = end
    return pages


def _fits(spec: BulletsSlide, lc: LayoutContext, items: list[Bullet], first: int) -> bool:
    sizes = lc.theme.sizes
    paras = bullet_paras(items, spec.numbered, number_from=first)
    plan = plan_text(
        paras,
        lc.page.body,
        lc.faces,
        size=sizes.min_body,
        min_size=sizes.min_body,
        floor=sizes.min_body,
    )
    return plan.overflow <= 0.5


def page_titles(spec: BulletsSlide, lc: LayoutContext) -> list[str]:
    """The title of each slide the list takes: "Title (2/3)" when it continues."""
    total = len(list_pages(spec, lc))
    if total == 1:
        return [spec.title]
    return [f"{spec.title} ({number}/{total})" for number in range(1, total + 1)]


def plan(spec: BulletsSlide, lc: LayoutContext) -> list[SlidePlan]:
    pages = list_pages(spec, lc)
    if len(pages) == 1:
        return [_plan_page(spec, lc, spec.title, pages[0][1], 1)]
    # A continued list is one list: one size on all its slides, the largest all can take.
    sizes = lc.theme.sizes
    shared = min(
        _fitted_size(spec, lc, items, first, sizes.body, sizes.min_body) for first, items in pages
    )
    return [
        _plan_page(spec, lc, title, items, first, shared)
        for title, (first, items) in zip(page_titles(spec, lc), pages, strict=True)
    ]


def _fitted_size(
    spec: BulletsSlide,
    lc: LayoutContext,
    items: list[Bullet],
    first: int,
    size: float,
    floor: float,
) -> float:
    paras = bullet_paras(items, spec.numbered, number_from=first)
    plan = plan_text(paras, lc.page.body, lc.faces, size=size, min_size=floor, floor=floor)
    return plan.size


def _plan_page(
    spec: BulletsSlide,
    lc: LayoutContext,
    title: str,
    items: list[Bullet],
    first: int,
    size: float | None = None,
) -> SlidePlan:
    heading = content_heading(lc, title, spec.subtitle)
    body, gap = lc.page.body, lc.page.gap
    strip = chart_box = table = None
    # Geometry first, then shapes in reading order: list, chart or table beside it, strip
    # under both.
    paras = bullet_paras(
        items, spec.numbered, emphasis_color=lc.theme.colors.primary, number_from=first
    )
    if spec.metrics:
        alone = not (spec.chart or spec.table)  # the list spans the slide above the tiles
        height = tile_strip_height(lc, body, paras) if alone else strip_height(body)
        body, strip = body.take_bottom(height, gap)
    if spec.chart:
        body, chart_box = body.split_columns(2, gap * 2, weights=[1.1, 1])
    if spec.table:
        table = attached_table(lc, body, spec.table.as_input(lc.language), "beside")
        body = table.rest
    shapes: list[Shape] = []
    if size is None:
        shapes.append(list_shape(lc, body, paras))
    else:  # a slide of a continued list: the size all its slides share
        fitted = fit_size(lc, body, paras, name="List", size=size, min_size=size, balance=True)
        shapes.append(TextShape(body, tuple(paras), fitted, "List"))
    if spec.chart and chart_box:
        shapes.append(chart_shape(lc, chart_box, spec.chart, None, plain_text(spec.title)))
    if table:
        shapes.append(attached_table_shape(lc, table, plain_text(spec.title)))
    if spec.metrics and strip:
        shapes.append(tiles_shape(lc, strip, spec.metrics, max_columns=len(spec.metrics)))
    return content_slide(lc, heading, shapes)
