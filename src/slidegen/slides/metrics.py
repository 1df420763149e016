"""``metrics``: one to eight key-figure tiles; optionally a chart of them, and a list or a
table under them."""

from __future__ import annotations

from typing import Literal

from pptx.slide import Slide
from pydantic import model_validator

from ..layout.metricsplan import arrange_metrics
from ..layout.paras import bullet_paras
from ..markup import plain_text
from ..messages import say
from ..metric import MetricList
from ..model import BulletList, Chart, TitledSlide
from ..render.charts import add_chart
from ..render.context import RenderContext
from ..render.page import content_slide
from ..render.table import add_attached_table, attached_table
from ..render.text import add_text, faces, list_plan
from ..render.tiles import add_metric_tiles, tile_text
from ..tablemodel import Table


class MetricsSlide(TitledSlide):
    """Key-figure tiles laid out automatically; optionally a chart and a list."""

    kind: Literal["metrics"]
    metrics: MetricList
    """The figures: ``"**475** comunicati stampa"`` or ``{value, label, qualifier, note}``."""
    chart: Chart | None = None
    """A chart; without data of its own it draws the numeric metrics above."""
    items: BulletList | None = None
    """A list under the tiles."""
    table: Table | None = None
    """A table under the tiles (and the chart), as on a ``table`` slide; it keeps to this
    slide (it shrinks to the theme's minimum size, then what does not fit is a finding)."""

    @model_validator(mode="after")
    def _chart_has_data(self) -> MetricsSlide:
        numeric = sum(1 for m in self.metrics if m.is_numeric or m.id)
        if self.chart and not self.chart.has_data and numeric < 2:
            raise ValueError(say("metrics_chart_without_data"))
        if self.items and self.table:
            raise ValueError(say("list_and_table_under_tiles"))
        return self


def render(spec: MetricsSlide, ctx: RenderContext) -> Slide:
    slide = content_slide(ctx, spec.title, spec.subtitle)
    texts = [tile_text(ctx, metric) for metric in spec.metrics]
    paras = (
        bullet_paras(spec.items, emphasis_color=ctx.theme.colors.primary) if spec.items else None
    )
    body, table = ctx.page.body, None
    if spec.table:  # under the tiles (a list and a table on one slide are refused)
        table = attached_table(ctx, body, spec.table.as_input(ctx.language), "under")
        body = table.rest
    place = arrange_metrics(
        body, ctx.page.gap, texts, paras, spec.chart is not None, faces(ctx), ctx.theme.sizes
    )
    add_metric_tiles(
        ctx, slide, place.tiles, texts, max_columns=place.tile_columns, plan=place.tile_plan
    )
    if spec.chart and place.chart:
        add_chart(ctx, slide, place.chart, spec.chart, spec.metrics, plain_text(spec.title))
    if paras and place.list:
        plan = list_plan(ctx, place.list, paras)
        add_text(ctx, place.list, paras, name="List", size=plan.size, plan=plan)
    if table:
        add_attached_table(ctx, table, plain_text(spec.title))
    return slide
