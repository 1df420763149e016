"""Write a slide plan: the slide on its layout, its title, then each planned shape by its
writer, in the plan's (reading) order. Nothing is decided here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.slide import Slide
from pptx.util import Emu, Pt

from ..layout.shapes import (
    DotShape,
    GaugeChartShape,
    LineShape,
    NativeChartShape,
    PictureShape,
    PlaceholderText,
    SlidePlan,
    TableShape,
    TextShape,
    TilesShape,
)
from .charts import write_chart
from .context import RenderContext
from .page import fill_placeholder, new_slide, write_title
from .table import write_table
from .text import add_text
from .tiles import write_tiles


def write_slide(ctx: RenderContext, plan: SlidePlan, kind: str) -> Slide:
    """The slide ``plan`` describes, on its layout (or the kind's own, on a template)."""
    made = new_slide(ctx, plan.layout, kind, keep_text=plan.keeps_text_placeholder)
    write_title(ctx, made.title, plan)
    for shape in plan.shapes:
        if isinstance(shape, PlaceholderText):
            fill_placeholder(ctx, made, shape)
    made.drop_unkept()
    slide = made.slide
    for shape in plan.shapes:
        if not isinstance(shape, PlaceholderText):
            WRITERS[type(shape)](ctx, slide, shape)
    return slide


def _text(ctx: RenderContext, slide: Slide, shape: TextShape) -> None:
    add_text(ctx, slide.shapes, shape)


def _gauges(ctx: RenderContext, slide: Slide, shape: GaugeChartShape) -> None:
    from .image_chart import write_gauges  # matplotlib only when a deck draws gauges

    write_gauges(ctx, slide, shape)


def _picture(ctx: RenderContext, slide: Slide, shape: PictureShape) -> None:
    box = shape.box
    picture = slide.shapes.add_picture(
        str(shape.path), Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    picture.name = f"Picture: {shape.path.name}"
    picture._element.nvPicPr.cNvPr.set("descr", shape.alt)


def _line(ctx: RenderContext, slide: Slide, shape: LineShape) -> None:
    box = shape.box
    line = slide.shapes.add_connector(
        MSO_CONNECTOR.STRAIGHT, Emu(box.left), Emu(box.top), Emu(box.right), Emu(box.top)
    )
    line.name = shape.name
    line.line.color.rgb = RGBColor.from_string(shape.color)
    line.line.width = Pt(shape.width_pt)


def _dot(ctx: RenderContext, slide: Slide, shape: DotShape) -> None:
    box = shape.box
    dot = slide.shapes.add_shape(
        MSO_SHAPE.OVAL, Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    dot.name = shape.name
    dot.shadow.inherit = False
    dot.line.color.rgb = RGBColor.from_string(shape.line)
    dot.line.width = Pt(shape.line_pt)
    dot.fill.solid()
    dot.fill.fore_color.rgb = RGBColor.from_string(shape.fill)


WRITERS: dict[type, Callable[[RenderContext, Slide, Any], None]] = {
    TextShape: _text,
    TilesShape: write_tiles,
    NativeChartShape: write_chart,
    GaugeChartShape: _gauges,
    TableShape: write_table,
    PictureShape: _picture,
    LineShape: _line,
    DotShape: _dot,
}
"""Per shape type of a plan, the function that writes it on a slide."""
