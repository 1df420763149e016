"""The chart writer slidegen had before ``render/chartxml.py`` and ``render/chartbook.py``:
python-pptx's ``add_chart`` (its XML template and its XlsxWriter workbook), then slidegen's
edits of the chart's tree, then the workbook's zip rewritten with fixed times; its workbooks
kept text as text (``render/package.py`` set XlsxWriter's options for it, as
:func:`text_only_workbooks` does here). The reference ``tests/test_chart_writer.py`` holds the
fast writer to, byte for byte; kept as it was.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import Any
from xml.sax.saxutils import quoteattr

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import _BaseWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
)
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.slide import Slide
from pptx.util import Emu, Pt

from slidegen.chartplan import ChartPlan, SeriesPlan
from slidegen.layout.shapes import NativeChartShape
from slidegen.render.context import RenderContext
from slidegen.save import deterministic_zip

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


@contextlib.contextmanager
def _text_only_worksheet(self: Any, xlsx_file: Any) -> Iterator[tuple[Any, Any]]:
    from xlsxwriter import Workbook

    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = Workbook(xlsx_file, options)
    worksheet = workbook.add_worksheet()
    yield workbook, worksheet
    workbook.close()


@contextlib.contextmanager
def text_only_workbooks() -> Iterator[None]:
    """python-pptx's chart workbooks with text kept as text (``=1+1`` no formula)."""
    saved = _BaseWorkbookWriter._open_worksheet
    _BaseWorkbookWriter._open_worksheet = _text_only_worksheet  # type: ignore[method-assign]
    try:
        yield
    finally:
        _BaseWorkbookWriter._open_worksheet = saved  # type: ignore[method-assign]


def _text_only(function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        with text_only_workbooks():
            return function(*args, **kwargs)

    return wrapped


@_text_only
def write_chart(ctx: RenderContext, slide: Slide, shape: NativeChartShape) -> None:
    """A native chart exactly as planned: nothing is decided here."""
    box, plan, alt = shape.box, shape.plan, shape.alt
    chart_data = CategoryChartData(number_format=plan.number_format)
    chart_data.categories = list(plan.categories)
    for series in plan.series:
        chart_data.add_series(series.name, series.values)
    frame = slide.shapes.add_chart(
        _NATIVE[plan.type],
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
        chart_data,
    )
    frame.name = f"Chart: {plan.title}" if plan.title else "Chart"
    frame._element.nvGraphicFramePr.cNvPr.set("descr", alt)
    native = frame.chart
    _write_text(ctx, native, plan)
    for series_plan, series in zip(plan.series, native.plots[0].series, strict=True):
        _write_series(ctx, series, series_plan, plan)
    if plan.value_axis is not None:
        _write_axes(ctx, native, plan)
    _write_legend(native, plan)
    _positive_axis_ids(native)
    _explicit_defaults(native)
    # The embedded workbook carries its creation time: rewrite it for reproducible builds.
    workbook = native.part.chart_workbook.xlsx_part
    workbook.blob = deterministic_zip(workbook.blob, ctx.stamp)


def _write_text(ctx: RenderContext, native: object, plan: ChartPlan) -> None:
    theme = ctx.theme
    native.font.size = Pt(plan.label_size)  # type: ignore[attr-defined]
    native.font.name = theme.fonts.body.name  # type: ignore[attr-defined]
    native.font.color.rgb = RGBColor.from_string(theme.colors.text)  # type: ignore[attr-defined]
    native.has_title = bool(plan.title)  # type: ignore[attr-defined]
    if plan.title:
        title_frame = native.chart_title.text_frame  # type: ignore[attr-defined]
        title_frame.text = plan.title
        run_font = title_frame.paragraphs[0].runs[0].font
        run_font.size, run_font.bold = Pt(theme.sizes.body * 0.8), True
        run_font.color.rgb = RGBColor.from_string(theme.colors.primary)
    plot = native.plots[0]  # type: ignore[attr-defined]
    plot.vary_by_categories = plan.type in ("pie", "doughnut")
    if plan.type in ("bar", "column"):
        plot.gap_width = 60


def _write_series(
    ctx: RenderContext, series: object, plan_series: SeriesPlan, plan: ChartPlan
) -> None:
    colour = RGBColor.from_string(plan_series.colour)
    if plan.type in ("line", "trend"):
        series.format.line.color.rgb = colour  # type: ignore[attr-defined]
        series.format.line.width = Pt(2.5)  # type: ignore[attr-defined]
        series.smooth = False  # type: ignore[attr-defined]
        marker = series.marker  # type: ignore[attr-defined]
        marker.style, marker.size = XL_MARKER_STYLE.CIRCLE, 7
        marker.format.fill.solid()
        marker.format.fill.fore_color.rgb = colour
        marker.format.line.color.rgb = colour
    elif plan_series.point_colours:
        for point, fill in zip(series.points, plan_series.point_colours, strict=False):  # type: ignore[attr-defined]
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = RGBColor.from_string(fill)
            if plan.slice_border:
                point.format.line.color.rgb = RGBColor.from_string(plan.slice_border)
                point.format.line.width = Pt(1.5)
    else:
        series.format.fill.solid()  # type: ignore[attr-defined]
        series.format.fill.fore_color.rgb = colour  # type: ignore[attr-defined]
    _write_labels(ctx, series._element, plan_series, plan)  # type: ignore[attr-defined]


_POSITIONS = {"outside_end": "outEnd", "center": "ctr", "above": "t", "below": "b"}


def _write_labels(
    ctx: RenderContext, ser: object, plan_series: SeriesPlan, plan: ChartPlan
) -> None:
    """The series' ``c:dLbls``: one ``c:dLbl`` per point with its own colour and position,
    or deleted where the plan drops the label."""
    labels = ser.get_or_add_dLbls()  # type: ignore[attr-defined]
    for child in list(labels):
        labels.remove(child)
    shown = [label for label in plan_series.labels if label.position != "none"]
    for index, label in enumerate(plan_series.labels):
        if label.position == "none":
            body = '<c:delete val="1"/>'
        else:
            body = _label_body(ctx, plan, label.colour, label.position)
        labels.append(
            parse_xml(f'<c:dLbl {nsdecls("c", "a")}><c:idx val="{index}"/>{body}</c:dLbl>')
        )
    default = shown[0] if shown else None
    body = _label_body(ctx, plan, default.colour, default.position) if default else _NO_LABELS
    for child in parse_xml(f"<c:dLbls {nsdecls('c', 'a')}>{body}</c:dLbls>"):
        labels.append(child)


_NO_LABELS = (
    '<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>'
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>'
)


def _label_body(ctx: RenderContext, plan: ChartPlan, colour: str, position: str) -> str:
    """Number format, no box, bold text in ``colour``, position (doughnuts take none)."""
    size = round(plan.label_size * 100)
    font = quoteattr(ctx.theme.fonts.body.name)
    place = "" if plan.type == "doughnut" else f'<c:dLblPos val="{_POSITIONS[position]}"/>'
    return (
        f'<c:numFmt formatCode={quoteattr(plan.number_format)} sourceLinked="0"/>'
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}" b="1">'
        f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:latin typeface={font}/>'
        "</a:defRPr></a:pPr></a:p></c:txPr>"
        f"{place}" + _NO_LABELS.replace('showVal val="0"', 'showVal val="1"')
    )


def _write_axes(ctx: RenderContext, native: object, plan: ChartPlan) -> None:
    axis_plan = plan.value_axis
    assert axis_plan is not None
    colours = ctx.theme.colors
    value_axis = native.value_axis  # type: ignore[attr-defined]
    value_axis.minimum_scale = axis_plan.minimum
    value_axis.maximum_scale = axis_plan.maximum
    value_axis.major_unit = axis_plan.major_unit
    value_axis.visible = axis_plan.visible
    for bound in value_axis._element.iter(qn("c:min"), qn("c:max"), qn("c:majorUnit")):
        number = float(bound.get("val"))
        bound.set("val", str(int(number)) if number.is_integer() else repr(number))  # 0, not 0.0
    value_axis.has_major_gridlines = axis_plan.gridline_colour is not None
    if axis_plan.gridline_colour:
        gridlines = value_axis.major_gridlines.format.line
        gridlines.color.rgb = RGBColor.from_string(axis_plan.gridline_colour)
        gridlines.width = Pt(0.75)
    value_axis.format.line.fill.background()
    ticks = value_axis.tick_labels
    ticks.number_format, ticks.number_format_is_linked = axis_plan.number_format, False
    ticks.font.size = Pt(plan.label_size)
    ticks.font.color.rgb = RGBColor.from_string(colours.muted)
    category_axis = native.category_axis  # type: ignore[attr-defined]
    category_axis.tick_labels.font.size = Pt(plan.label_size)
    # Category labels stay level and wrap: PowerPoint and LibreOffice turn labels that do not
    # fit side by side on a slant, and a slanted label is read with a tilted head.
    body = category_axis._element.find(f"{qn('c:txPr')}/{qn('a:bodyPr')}")
    if body is not None:
        body.set("rot", "0")
        body.set("vert", "horz")
    category_axis.format.line.color.rgb = RGBColor.from_string(colours.muted)
    if plan.category_labels_low:
        category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    if plan.type in ("bar", "stacked-bar"):
        category_axis.reverse_order = True  # first category on top, as it reads


def _write_legend(native: object, plan: ChartPlan) -> None:
    native.has_legend = plan.legend is not None  # type: ignore[attr-defined]
    if plan.legend is None:
        return
    legend = native.legend  # type: ignore[attr-defined]
    legend.position = (
        XL_LEGEND_POSITION.RIGHT if plan.legend == "right" else XL_LEGEND_POSITION.BOTTOM
    )
    legend.include_in_layout = False
    legend.font.size = Pt(plan.label_size)


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


def workbook(
    categories: list[str],
    series: list[tuple[str, list[float | None]]],
    number_format: str,
    stamp: object,
) -> bytes:
    """python-pptx's workbook for this data, as the writer above embedded it."""
    chart_data = CategoryChartData(number_format=number_format)
    chart_data.categories = categories
    for name, values in series:
        chart_data.add_series(name, values)
    with text_only_workbooks():
        return deterministic_zip(chart_data.xlsx_blob, stamp)  # type: ignore[arg-type]
