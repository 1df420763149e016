"""Native PowerPoint charts (editable, their data embedded), written as planned."""

from __future__ import annotations

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.chart import ChartPart
from pptx.parts.embeddedpackage import EmbeddedXlsxPart
from pptx.slide import Slide
from pptx.util import Emu

from ..layout.shapes import NativeChartShape
from .chartbook import workbook_blob
from .chartxml import chart_xml
from .context import RenderContext
from .written import written_part


def write_chart(ctx: RenderContext, slide: Slide, shape: NativeChartShape) -> None:
    """A native chart exactly as planned: nothing is decided here.

    The chart part and its workbook are written as bytes from the plan (:mod:`.chartxml`,
    :mod:`.chartbook`): the bytes python-pptx's chart writer and the edits of its tree made
    (``tests/chart_reference.py``), in about 0.5 ms instead of 9, and with no tree kept.
    """
    box, plan, alt = shape.box, shape.plan, shape.alt
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
