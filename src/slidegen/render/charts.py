"""Charts: native PowerPoint charts (editable, data embedded) and matplotlib images.

Both get alt text; when the deck gives none it is written from the data
("Grafico a barre: comunicati stampa 475, …").
"""

from __future__ import annotations

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.chart import ChartPart
from pptx.parts.embeddedpackage import EmbeddedXlsxPart
from pptx.slide import Slide
from pptx.util import Emu

from ..chartplan import ChartData, ChartPlan, plan_chart, resolve_data
from ..figures import format_figure, missing_word
from ..layout import Box
from ..markup import plain_text
from ..metric import Metric
from ..model import Chart
from .chartbook import workbook_blob
from .chartxml import chart_xml
from .context import RenderContext
from .written import written_part

_KIND_NAMES = {
    "it": {
        "bar": "Grafico a barre",
        "column": "Grafico a colonne",
        "stacked-bar": "Grafico a barre in pila",
        "stacked-column": "Grafico a colonne in pila",
        "line": "Grafico a linee",
        "pie": "Grafico a torta",
        "doughnut": "Grafico ad anello",
        "target": "Obiettivi",
        "trend": "Andamento nei periodi",
    },
    "en": {
        "bar": "Bar chart",
        "column": "Column chart",
        "stacked-bar": "Stacked bar chart",
        "stacked-column": "Stacked column chart",
        "line": "Line chart",
        "pie": "Pie chart",
        "doughnut": "Doughnut chart",
        "target": "Targets",
        "trend": "Trend over periods",
    },
}
_TARGET_WORD = {"it": "obiettivo", "en": "target"}
_NOW_WORD = {"it": "attuale", "en": "now"}


def describe(ctx: RenderContext, chart: Chart, data: ChartData | None) -> str:
    """Alt text: the deck's own, or the chart's kind, title and every value."""
    if chart.alt:
        return plain_text(chart.alt)
    lang = ctx.language.split("-")[0]
    names = _KIND_NAMES.get(lang, _KIND_NAMES["en"])
    head = names[chart.type] + (f" «{plain_text(chart.title)}»" if chart.title else "")
    if chart.targets:
        target, now = _TARGET_WORD.get(lang, "target"), _NOW_WORD.get(lang, "now")
        parts = []
        for t in chart.targets:
            text = f"{plain_text(t.label)} {target} {ctx.format_number(t.target)}{t.unit}"
            if t.value is not None:
                text += f" ({now} {ctx.format_number(t.value)}{t.unit})"
            parts.append(text)
        return f"{head}: " + "; ".join(parts)
    assert data is not None
    parts = []
    for name, values in data.series:
        pairs = ", ".join(
            f"{c} {missing_word(ctx.language) if v is None else _figure(ctx, data, v)}"
            for c, v in zip(data.categories, values, strict=True)
        )
        parts.append(f"{name}: {pairs}" if len(data.series) > 1 else pairs)
    return f"{head}: " + "; ".join(parts)


def _figure(ctx: RenderContext, data: ChartData, value: float) -> str:
    return format_figure(value, ctx.language, data.format, data.currency)


def add_chart(
    ctx: RenderContext,
    slide: Slide,
    box: Box,
    chart: Chart,
    metrics: list[Metric] | None,
    series_name: str,
) -> None:
    """A native chart, or a matplotlib picture for kinds native charts cannot draw well."""
    if chart.type == "target":
        from .image_chart import add_target_chart  # matplotlib only when a deck needs it

        add_target_chart(ctx, slide, box, chart, describe(ctx, chart, None))
        return
    data = resolve_data(chart, metrics, series_name)
    add_native_chart(ctx, slide, box, chart, data)


def add_native_chart(
    ctx: RenderContext, slide: Slide, box: Box, chart: Chart, data: ChartData
) -> None:
    """Plan the chart, report what the plan found, and write the plan."""
    plan = plan_chart(chart, data, ctx.theme, ctx.language, (box.width, box.height))
    for finding in plan.findings:
        ctx.warn_at(("chart", *finding.where), finding.message)
    write_chart(ctx, slide, box, plan, describe(ctx, chart, data))


def write_chart(ctx: RenderContext, slide: Slide, box: Box, plan: ChartPlan, alt: str) -> None:
    """A native chart exactly as planned: nothing is decided here.

    The chart part and its workbook are written as bytes from the plan (:mod:`.chartxml`,
    :mod:`.chartbook`): the bytes python-pptx's chart writer and the edits of its tree made
    (``tests/chart_reference.py``), in about 0.5 ms instead of 9, and with no tree kept.
    """
    package = slide.part.package
    chart = written_part(
        ChartPart, package.next_partname(ChartPart.partname_template), CT.DML_CHART, package
    )
    series = [(s.name, s.values) for s in plan.series]
    workbook = EmbeddedXlsxPart.new(
        workbook_blob(plan.categories, series, plan.number_format, ctx.stamp), package
    )
    chart._written = chart_xml(  # type: ignore[attr-defined]
        plan, ctx.theme, ctx.language, chart.relate_to(workbook, RT.PACKAGE)
    )
    frame = slide.shapes._add_chart_graphicFrame(  # python-pptx's own frame for a chart part
        slide.part.relate_to(chart, RT.CHART),
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
    )
    properties = frame.nvGraphicFramePr.cNvPr
    properties.set("name", f"Chart: {plan.title}" if plan.title else "Chart")
    properties.set("descr", alt)
