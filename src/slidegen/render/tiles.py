"""Metric tiles as planned: a rounded tile each, its text set as the grid plan says."""

from __future__ import annotations

from pptx.slide import Slide

from ..layout.shapes import TilesShape
from .context import RenderContext
from .stamp import add_tile
from .text import write_paras


def write_tiles(ctx: RenderContext, slide: Slide, tiles: TilesShape) -> None:
    shapes = slide.shapes
    first_id = shapes._next_shape_id  # the tiles take the ids after it, in order
    for index, (text, tile) in enumerate(zip(tiles.texts, tiles.plan.tiles, strict=True)):
        shape = add_tile(
            shapes, first_id + index, f"Metric {index + 1}", tile.box, ctx.theme.colors.surface
        )
        write_paras(ctx, shape.text_frame, text.paras, tile.text)
