"""``bullets``: a list nested up to three levels, with an optional metrics strip or chart."""

from __future__ import annotations

from typing import Literal

from pptx.slide import Slide
from pydantic import field_validator

from ..layout import inches
from ..layout.paras import bullet_paras
from ..markup import plain_text
from ..metric import MetricList
from ..model import BulletList, Chart, Flag, TitledSlide, check_depth
from ..render.charts import add_chart
from ..render.context import RenderContext
from ..render.page import content_slide
from ..render.text import add_text, list_plan
from ..render.tiles import add_metric_tiles

STRIP_HEIGHT = inches(1.55)


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

    _depth = field_validator("items")(check_depth)

    @field_validator("chart")
    @classmethod
    def _chart_has_data(cls, chart: Chart | None) -> Chart | None:
        if chart is not None and not chart.has_data:
            raise ValueError("this chart needs its own 'categories' and 'series' (or 'targets')")
        return chart


def render(spec: BulletsSlide, ctx: RenderContext) -> Slide:
    slide = content_slide(ctx, spec.title, spec.subtitle)
    body, gap = ctx.page.body, ctx.page.gap
    strip = chart_box = None
    # Geometry first, then shapes in reading order: list, chart beside it, strip under both.
    if spec.metrics:
        body, strip = body.take_bottom(STRIP_HEIGHT, gap)
    if spec.chart:
        body, chart_box = body.split_columns(2, gap * 2, weights=[1.1, 1])
    paras = bullet_paras(spec.items, spec.numbered, emphasis_color=ctx.theme.colors.primary)
    plan = list_plan(ctx, body, paras)
    add_text(ctx, body, paras, name="List", size=plan.size, plan=plan)
    if spec.chart and chart_box:
        add_chart(ctx, slide, chart_box, spec.chart, None, plain_text(spec.title))
    if spec.metrics and strip:
        add_metric_tiles(ctx, slide, strip, spec.metrics, max_columns=len(spec.metrics))
    return slide
