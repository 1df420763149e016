"""``metrics``: one to eight key-figure tiles; optionally a chart of them, and a list or a
table under them."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from ..layout.charts import chart_shape
from ..layout.context import LayoutContext
from ..layout.metricsplan import arrange_metrics
from ..layout.paras import bullet_paras
from ..layout.shapes import Shape, SlidePlan
from ..layout.slideplan import content_heading, content_slide
from ..layout.tables import attached_table, attached_table_shape
from ..layout.text import list_shape
from ..layout.tiletext import tile_text, tiles_shape
from ..markup import plain_text
from ..messages import say
from ..metric import MetricList
from ..model import BulletList, Chart, TitledSlide
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


def plan(spec: MetricsSlide, lc: LayoutContext) -> SlidePlan:
    heading = content_heading(lc, spec.title, spec.subtitle)
    texts = [tile_text(lc, metric) for metric in spec.metrics]
    paras = bullet_paras(spec.items, emphasis_color=lc.theme.colors.primary) if spec.items else None
    body, table = lc.page.body, None
    if spec.table:  # under the tiles (a list and a table on one slide are refused)
        table = attached_table(lc, body, spec.table.as_input(lc.language), "under")
        body = table.rest
    place = arrange_metrics(
        body, lc.page.gap, texts, paras, spec.chart is not None, lc.faces, lc.theme.sizes
    )
    shapes: list[Shape] = [
        tiles_shape(lc, place.tiles, texts, max_columns=place.tile_columns, plan=place.tile_plan)
    ]
    if spec.chart and place.chart:
        shapes.append(
            chart_shape(lc, place.chart, spec.chart, spec.metrics, plain_text(spec.title))
        )
    if paras and place.list:
        shapes.append(list_shape(lc, place.list, paras))
    if table:
        shapes.append(attached_table_shape(lc, table, plain_text(spec.title)))
    return content_slide(lc, heading, shapes)
