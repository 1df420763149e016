"""``bullets``: a list nested up to three levels, with an optional metrics strip, and a chart
or a table beside it."""

from __future__ import annotations

from typing import Annotated, Literal

from pptx.slide import Slide
from pydantic import Field, field_validator, model_validator

from ..layout import inches
from ..layout.geometry import Box
from ..layout.paras import bullet_paras
from ..layout.textplan import plan_text
from ..markup import plain_text
from ..messages import say
from ..metric import MetricList
from ..model import Bullet, BulletList, Chart, Flag, TitledSlide, check_depth
from ..render.charts import add_chart
from ..render.context import RenderContext
from ..render.page import content_slide
from ..render.table import add_attached_table, attached_table
from ..render.text import add_text, faces, fit_size, list_plan
from ..render.tiles import add_metric_tiles
from ..tablemodel import Table

STRIP_HEIGHT = inches(1.55)


def strip_height(body: Box) -> int:
    """The height of the metric strip under a list or columns: :data:`STRIP_HEIGHT`, or less
    on a short slide, so that the text above it keeps at least as much room as the strip."""
    return min(STRIP_HEIGHT, body.height // 2)


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


def list_pages(spec: BulletsSlide, ctx: RenderContext) -> list[tuple[int, list[Bullet]]]:
    """The top-level items of each slide the list takes, with the number of the first: in
    as few slides as hold them at the theme's minimum size, shared out evenly (40 items in
    three slides are 14, 13 and 13, not 18, 18 and 4)."""
    items = list(spec.items)
    if spec.chart or spec.table or spec.metrics or not spec.continue_ or _fits(spec, ctx, items, 1):
        return [(1, items)]
    greedy = _split(spec, ctx, items, cap=len(items))
    even = _split(spec, ctx, items, cap=-(-len(items) // len(greedy)))
    return even if len(even) == len(greedy) else greedy


def _split(
    spec: BulletsSlide, ctx: RenderContext, items: list[Bullet], cap: int
) -> list[tuple[int, list[Bullet]]]:
    pages: list[tuple[int, list[Bullet]]] = []
    start = 0
    while start < len(items):
        end = start + 1
        while (
            end < len(items)
            and end - start < cap
            and _fits(spec, ctx, items[start : end + 1], start + 1)
        ):
            end += 1
        pages.append((start + 1, items[start:end]))
        start = end
    return pages


def _fits(spec: BulletsSlide, ctx: RenderContext, items: list[Bullet], first: int) -> bool:
    sizes = ctx.theme.sizes
    paras = bullet_paras(items, spec.numbered, number_from=first)
    plan = plan_text(
        paras, ctx.page.body, faces(ctx), size=sizes.min_body, min_size=sizes.min_body,
        floor=sizes.min_body,
    )  # fmt: skip
    return plan.overflow <= 0.5


def page_titles(spec: BulletsSlide, ctx: RenderContext) -> list[str]:
    """The title of each slide the list takes: "Title (2/3)" when it continues."""
    total = len(list_pages(spec, ctx))
    if total == 1:
        return [spec.title]
    return [f"{spec.title} ({number}/{total})" for number in range(1, total + 1)]


def render(spec: BulletsSlide, ctx: RenderContext) -> list[Slide]:
    pages = list_pages(spec, ctx)
    if len(pages) == 1:
        return [_render_page(spec, ctx, spec.title, pages[0][1], 1)]
    # A continued list is one list: one size on all its slides, the largest all can take.
    sizes = ctx.theme.sizes
    shared = min(
        _fitted_size(spec, ctx, items, first, sizes.body, sizes.min_body) for first, items in pages
    )
    return [
        _render_page(spec, ctx, title, items, first, shared)
        for title, (first, items) in zip(page_titles(spec, ctx), pages, strict=True)
    ]


def _fitted_size(
    spec: BulletsSlide, ctx: RenderContext, items: list[Bullet], first: int, size: float,
    floor: float,
) -> float:  # fmt: skip
    paras = bullet_paras(items, spec.numbered, number_from=first)
    plan = plan_text(paras, ctx.page.body, faces(ctx), size=size, min_size=floor, floor=floor)
    return plan.size


def _render_page(
    spec: BulletsSlide,
    ctx: RenderContext,
    title: str,
    items: list[Bullet],
    first: int,
    size: float | None = None,
) -> Slide:
    slide = content_slide(ctx, title, spec.subtitle)
    body, gap = ctx.page.body, ctx.page.gap
    strip = chart_box = table = None
    # Geometry first, then shapes in reading order: list, chart or table beside it, strip
    # under both.
    if spec.metrics:
        body, strip = body.take_bottom(strip_height(body), gap)
    if spec.chart:
        body, chart_box = body.split_columns(2, gap * 2, weights=[1.1, 1])
    if spec.table:
        table = attached_table(ctx, body, spec.table.as_input(ctx.language), "beside")
        body = table.rest
    paras = bullet_paras(
        items, spec.numbered, emphasis_color=ctx.theme.colors.primary, number_from=first
    )
    if size is None:
        plan = list_plan(ctx, body, paras)
    else:  # a slide of a continued list: the size all its slides share
        plan = fit_size(ctx, body, paras, name="List", size=size, min_size=size, balance=True)
    add_text(ctx, body, paras, name="List", size=plan.size, plan=plan)
    if spec.chart and chart_box:
        add_chart(ctx, slide, chart_box, spec.chart, None, plain_text(spec.title))
    if table:
        add_attached_table(ctx, table, plain_text(spec.title))
    if spec.metrics and strip:
        add_metric_tiles(ctx, slide, strip, spec.metrics, max_columns=len(spec.metrics))
    return slide
