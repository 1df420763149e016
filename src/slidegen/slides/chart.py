"""``chart``: a chart with its data, an optional caption and a short list beside it."""

from __future__ import annotations

from typing import Literal

from pptx.slide import Slide
from pydantic import field_validator

from ..layout import inches
from ..layout.paras import Para, bullet_paras
from ..markup import plain_text
from ..messages import say
from ..model import BulletList, Chart, Text, TitledSlide
from ..render.charts import add_chart
from ..render.context import RenderContext
from ..render.page import content_slide
from ..render.text import add_text, list_plan


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


def render(spec: ChartSlide, ctx: RenderContext) -> Slide:
    slide = content_slide(ctx, spec.title, spec.subtitle)
    body, gap = ctx.page.body, ctx.page.gap
    sizes, colors = ctx.theme.sizes, ctx.theme.colors
    caption_box = None
    if spec.caption:
        body, caption_box = body.take_bottom(inches(0.5), gap)
    if spec.items:
        list_box, body = body.split_columns(2, gap * 2, weights=[1, 1.5])
        paras = bullet_paras(spec.items, emphasis_color=colors.primary)
        plan = list_plan(ctx, list_box, paras)
        add_text(ctx, list_box, paras, name="List", size=plan.size, plan=plan)
    add_chart(ctx, slide, body, spec.chart, None, plain_text(spec.title))
    if spec.caption and caption_box:
        caption = [Para.of(spec.caption, color=colors.muted, align="center")]
        add_text(
            ctx,
            caption_box,
            caption,
            name="Caption",
            size=sizes.body * 0.8,
            min_size=sizes.min_body,
        )
    return slide
