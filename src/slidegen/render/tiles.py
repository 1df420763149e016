"""Metric tiles: value, label, optional qualifier and note, laid out in balanced rows."""

from __future__ import annotations

from dataclasses import dataclass

from pptx.enum.shapes import MSO_SHAPE
from pptx.slide import Slide
from pptx.util import Emu

from ..layout import Box, grid, inches
from ..markup import Run
from ..model import Metric
from .context import RenderContext
from .page import solid_fill
from .text import Para, fit_size, write_paras


@dataclass(frozen=True)
class MetricTile:
    """One tile's paragraphs; ``value`` is already formatted for the deck's language."""

    metric: Metric
    value: str

    def paras(self, ctx: RenderContext, label_scale: float) -> list[Para]:
        colors = ctx.theme.colors
        paras: list[Para] = []
        if self.metric.qualifier:
            paras.append(
                Para.of(
                    self.metric.qualifier,
                    heading=True,
                    scale=label_scale * 1.2,
                    color=colors.primary,
                    align="center",
                    space_before=0,
                )
            )
        figure = [Run(self.value, bold=True)]
        if self.metric.unit:
            figure.append(
                Run(
                    self.metric.unit if self.metric.unit == "%" else f" {self.metric.unit}",
                    bold=True,
                )
            )
        paras += [
            Para(
                tuple(figure),
                heading=True,
                color=colors.primary,
                emphasis_color=colors.primary,
                align="center",
                space_before=0,
            ),
            Para.of(
                self.metric.label,
                scale=label_scale,
                color=colors.text,
                align="center",
                emphasis_color=colors.primary,
                space_before=0.15,
            ),
        ]
        if self.metric.note:
            paras.append(
                Para.of(
                    self.metric.note,
                    scale=label_scale * 0.8,
                    color=colors.muted,
                    align="center",
                    space_before=0.1,
                )
            )
        return paras


def format_metric_value(ctx: RenderContext, metric: Metric) -> str:
    if isinstance(metric.value, int | float):
        return ctx.format_number(metric.value)
    return str(metric.value)


def add_metric_tiles(
    ctx: RenderContext, slide: Slide, box: Box, metrics: list[Metric], *, max_columns: int = 4
) -> None:
    """Tiles for ``metrics`` filling ``box``; one common type size so the row reads evenly."""
    gap = inches(0.18)
    rows = grid(len(metrics), max_columns)
    row_boxes = box.split_rows(len(rows), gap)
    tile_boxes: list[Box] = []
    for row_box, count in zip(row_boxes, rows, strict=True):
        tile_boxes.extend(row_box.split_columns(count, gap))
    tiles = [MetricTile(m, format_metric_value(ctx, m)) for m in metrics]
    # Labels are set at ~45% of the figure's size: the figure is what the eye should catch.
    label_scale = 0.45
    size = min(
        fit_size(
            ctx,
            tb.inset(inches(0.08)),
            tile.paras(ctx, label_scale),
            name="Metric tile",
            size=ctx.theme.sizes.metric,
            min_size=ctx.theme.sizes.min_body / label_scale,
        )
        for tile, tb in zip(tiles, tile_boxes, strict=True)
    )
    for index, (tile, tile_box) in enumerate(zip(tiles, tile_boxes, strict=True), start=1):
        shape = slide.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE,
            Emu(tile_box.left),
            Emu(tile_box.top),
            Emu(tile_box.width),
            Emu(tile_box.height),
        )
        shape.adjustments[0] = 0.08
        shape.name = f"Metric {index}"
        solid_fill(shape, ctx.theme.colors.surface)
        shape.shadow.inherit = False
        frame = shape.text_frame
        write_paras(ctx, frame, tile.paras(ctx, label_scale), size, anchor="middle")
