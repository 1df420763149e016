"""``chart``: a chart with its data, an optional caption and a short list beside it."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from ..layout.charts import chart_shape
from ..layout.context import LayoutContext
from ..layout.paras import bullet_paras
from ..layout.shapes import Shape, SlidePlan
from ..layout.slideplan import content_heading, content_slide
from ..layout.text import CAPTION_HEIGHT, caption_shape, list_shape
from ..markup import plain_text
from ..messages import say
from ..model import BulletList, Chart, Text, TitledSlide


class ChartSlide(TitledSlide):
    """A chart, with an optional caption under it and a short list beside it."""

    kind: Literal["chart"]
    chart: Chart
    """The chart, with its data."""
    caption: Text | None = None
    """A line under the chart (source, remark)."""
    items: BulletList | None = None
    """A short list beside the chart."""

    @field_validator("chart")
    @classmethod
    def _needs_data(cls, chart: Chart) -> Chart:
        if not chart.has_data:
            raise ValueError(say("chart_slide_needs_data"))
        return chart


def plan(spec: ChartSlide, lc: LayoutContext) -> SlidePlan:
    heading = content_heading(lc, spec.title, spec.subtitle)
    body, gap = lc.page.body, lc.page.gap
    colors = lc.theme.colors
    caption_box = None
    shapes: list[Shape] = []
    if spec.caption:
        body, caption_box = body.take_bottom(CAPTION_HEIGHT, gap)
    if spec.items:
        list_box, body = body.split_columns(2, gap * 2, weights=[1, 1.5])
        shapes.append(
            list_shape(lc, list_box, bullet_paras(spec.items, emphasis_color=colors.primary))
        )
    shapes.append(chart_shape(lc, body, spec.chart, None, plain_text(spec.title)))
    if spec.caption and caption_box:
        shapes.append(caption_shape(lc, caption_box, spec.caption))
    return content_slide(lc, heading, shapes)
