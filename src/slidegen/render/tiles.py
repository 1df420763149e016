"""Metric tiles as planned: a rounded tile each, its text set as the grid plan says."""

from __future__ import annotations

from pptx.enum.shapes import MSO_SHAPE
from pptx.slide import Slide
from pptx.util import Emu

from ..layout.shapes import TilesShape
from .context import RenderContext
from .page import solid_fill
from .text import write_paras


def write_tiles(ctx: RenderContext, slide: Slide, tiles: TilesShape) -> None:
    for index, (text, tile) in enumerate(zip(tiles.texts, tiles.plan.tiles, strict=True), start=1):
        box = tile.box
        shape = slide.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE, Emu(box.left), Emu(box.top), Emu(box.width),
            Emu(box.height),
        )  # fmt: skip
        shape.adjustments[0] = 0.08
        shape.name = f"Metric {index}"
        solid_fill(shape, ctx.theme.colors.surface)
        shape.shadow.inherit = False
        write_paras(ctx, shape.text_frame, text.paras, tile.text)
