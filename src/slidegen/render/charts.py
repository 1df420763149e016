"""Charts: native PowerPoint charts (editable, data embedded) and matplotlib images.

Both get alt text; when the deck gives none it is written from the data
("Grafico a barre: comunicati stampa 475, …").
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu, Pt

from ..figures import missing_word
from ..layout import Box
from ..markup import plain_text
from ..metric import Metric
from ..model import Chart
from ..save import deterministic_zip
from .context import RenderContext

_NATIVE = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked-bar": XL_CHART_TYPE.BAR_STACKED,
    "stacked-column": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
    "doughnut": XL_CHART_TYPE.DOUGHNUT,
    "trend": XL_CHART_TYPE.LINE_MARKERS,
}
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


@dataclass(frozen=True)
class ChartData:
    """Categories and named series, resolved from the chart itself or the slide's metrics."""

    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]


def resolve_data(chart: Chart, metrics: list[Metric] | None, series_name: str) -> ChartData:
    """The chart's own data, or else the numeric metrics of its slide (one series)."""
    if chart.categories is not None and chart.series is not None:
        return ChartData(
            tuple(plain_text(c) for c in chart.categories),
            tuple((plain_text(s.name), tuple(s.values)) for s in chart.series),
        )
    # Numeric metrics, and missing ones as gaps (never drawn as 0); text values are not data.
    charted = [m for m in metrics or [] if isinstance(m.value, int | float) or m.missing]
    return ChartData(
        tuple(plain_text(m.label or "") for m in charted),
        ((series_name, tuple(None if m.missing else float(m.value) for m in charted)),),  # type: ignore[arg-type]
    )


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
            f"{c} {missing_word(ctx.language) if v is None else ctx.format_number(v)}"
            for c, v in zip(data.categories, values, strict=True)
        )
        parts.append(f"{name}: {pairs}" if len(data.series) > 1 else pairs)
    return f"{head}: " + "; ".join(parts)


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
    chart_data = CategoryChartData(number_format="#,##0.##")
    chart_data.categories = list(data.categories)
    for name, values in data.series:
        chart_data.add_series(name, values)
    frame = slide.shapes.add_chart(
        _NATIVE[chart.type],
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
        chart_data,
    )
    frame.name = f"Chart: {plain_text(chart.title)}" if chart.title else "Chart"
    frame._element.nvGraphicFramePr.cNvPr.set("descr", describe(ctx, chart, data))
    _style(ctx, frame.chart, chart, multi_series=len(data.series) > 1)
    _positive_axis_ids(frame.chart)
    _explicit_defaults(frame.chart)
    # The embedded workbook carries its creation time: rewrite it for reproducible builds.
    workbook = frame.chart.part.chart_workbook.xlsx_part
    workbook.blob = deterministic_zip(workbook.blob, ctx.stamp)


def _style(ctx: RenderContext, native: object, chart: Chart, multi_series: bool) -> None:
    theme = ctx.theme
    palette = [RGBColor.from_string(c) for c in theme.colors.chart]
    text_color = RGBColor.from_string(theme.colors.text)
    native.font.size = Pt(max(theme.sizes.min_body, 12))  # type: ignore[attr-defined]
    native.font.name = theme.fonts.body.name  # type: ignore[attr-defined]
    native.font.color.rgb = text_color  # type: ignore[attr-defined]
    native.has_title = bool(chart.title)  # type: ignore[attr-defined]
    if chart.title:
        title_frame = native.chart_title.text_frame  # type: ignore[attr-defined]
        title_frame.text = plain_text(chart.title)
        run_font = title_frame.paragraphs[0].runs[0].font
        run_font.size, run_font.bold = Pt(theme.sizes.body * 0.8), True
        run_font.color.rgb = RGBColor.from_string(theme.colors.primary)
    plot = native.plots[0]  # type: ignore[attr-defined]
    round_chart = chart.type in ("pie", "doughnut")
    plot.vary_by_categories = round_chart
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = "#,##0.##", False
    labels.font.size = Pt(max(theme.sizes.min_body, 12))
    labels.font.bold = True
    if round_chart:
        labels.position = XL_LABEL_POSITION.OUTSIDE_END if chart.type == "pie" else None
        labels.show_percentage, labels.show_value = False, True
        for index, point in enumerate(plot.series[0].points):
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = palette[index % len(palette)]
    else:
        if chart.type in ("bar", "column"):
            plot.gap_width = 60
        labels.position = (
            XL_LABEL_POSITION.CENTER
            if chart.type.startswith("stacked")
            else XL_LABEL_POSITION.OUTSIDE_END
            if chart.type not in ("line", "trend")
            else XL_LABEL_POSITION.ABOVE
        )
        for index, series in enumerate(plot.series):
            color = palette[index % len(palette)]
            if chart.type in ("line", "trend"):
                series.format.line.color.rgb = color
                series.format.line.width = Pt(2.5)
                series.smooth = False
            else:
                series.format.fill.solid()
                series.format.fill.fore_color.rgb = color
        value_axis = native.value_axis  # type: ignore[attr-defined]
        value_axis.has_major_gridlines = False
        value_axis.visible = False
        category_axis = native.category_axis  # type: ignore[attr-defined]
        category_axis.tick_labels.font.size = Pt(max(theme.sizes.min_body, 12))
        category_axis.format.line.color.rgb = RGBColor.from_string(theme.colors.muted)
        if chart.type in ("bar", "stacked-bar"):
            category_axis.reverse_order = True  # first category on top, as it reads
    native.has_legend = round_chart or multi_series  # type: ignore[attr-defined]
    if native.has_legend:  # type: ignore[attr-defined]
        native.legend.position = (
            XL_LEGEND_POSITION.RIGHT if round_chart else XL_LEGEND_POSITION.BOTTOM
        )  # type: ignore[attr-defined]
        native.legend.include_in_layout = False  # type: ignore[attr-defined]
        native.legend.font.size = Pt(max(theme.sizes.min_body, 12))  # type: ignore[attr-defined]


def _positive_axis_ids(native: object) -> None:
    """python-pptx 1.0.2 writes negative axis ids, invalid as ``xs:unsignedInt``; renumber them."""
    space = native._chartSpace  # type: ignore[attr-defined]
    renumbered: dict[str, str] = {}
    for element in space.iter(qn("c:axId"), qn("c:crossAx")):
        old = element.get("val")
        new = renumbered.setdefault(old, str(50_000_000 + len(renumbered) + 1))
        element.set("val", new)


# The chart elements of type CT_Boolean (dml-chart.xsd); c:marker is one only in a chart group.
_BOOLEANS = {
    qn(f"c:{name}")
    for name in (
        *("delete", "autoTitleDeleted", "varyColors", "smooth", "showLegendKey", "showVal"),
        *("showCatName", "showSerName", "showPercent", "showBubbleSize", "showLeaderLines"),
        *("invertIfNegative", "plotVisOnly", "roundedCorners", "date1904", "overlay", "auto"),
        *("noMultiLvlLbl", "bubble3D", "wireframe", "applyToFront", "applyToSides"),
        *("applyToEnd", "showDLblsOverMax", "marker"),
    )
}


def _explicit_defaults(native: object) -> None:
    """Write what PowerPoint always writes and python-pptx leaves to defaults readers disagree
    on: ``val`` on every boolean (python-pptx writes ``<c:delete/>`` for a hidden axis; the
    schema default is true, some readers still show the axis) and square corners
    (``c:roundedCorners`` defaults to true)."""
    space = native._chartSpace  # type: ignore[attr-defined]
    series_marker = qn("c:ser")
    for element in space.iter(*_BOOLEANS):
        bare = element.get("val") is None and len(element) == 0
        if bare and element.getparent().tag != series_marker:  # c:ser/c:marker is CT_Marker
            element.set("val", "1")
    if space.find(qn("c:roundedCorners")) is None:
        corners = etree.Element(qn("c:roundedCorners"), val="0")
        date1904 = space.find(qn("c:date1904"))  # CT_ChartSpace: date1904, lang, roundedCorners
        if date1904 is not None:
            date1904.addnext(corners)
        else:
            space.insert(0, corners)
