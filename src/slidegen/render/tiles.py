"""Metric tiles: value, label, qualifier, note, change since the previous period, target."""

from __future__ import annotations

from dataclasses import dataclass

from pptx.enum.shapes import MSO_SHAPE
from pptx.slide import Slide
from pptx.util import Emu

from ..figures import (
    format_figure,
    format_signed,
    missing_word,
    target_word,
    unchanged_word,
    versus_word,
)
from ..layout import Box, grid, inches
from ..markup import Run, plain_text
from ..metric import Metric
from .context import RenderContext
from .page import solid_fill
from .text import Para, fit_size, write_paras

MISSING_FIGURE = "—"
# Labels are set at ~45% of the figure's size: the figure is what the eye should catch.
LABEL_SCALE = 0.45


def format_metric_value(ctx: RenderContext, metric: Metric) -> str:
    """The figure as the deck's language writes it, with its unit; a dash when missing."""
    if metric.value is None:
        return MISSING_FIGURE
    if not isinstance(metric.value, int | float):
        return plain_text(str(metric.value))
    text = format_figure(metric.value, ctx.language, metric.format, metric.currency)
    if metric.unit and metric.format not in ("percent", "currency", "compact-currency"):
        unit = plain_text(metric.unit)
        text += unit if unit == "%" else f" {unit}"
    return text


@dataclass(frozen=True)
class Change:
    """The change since the previous period, ready to print: text and colour."""

    text: str
    color: str


def change_since_previous(ctx: RenderContext, metric: Metric) -> Change | None:
    """``▲ +25 (+5,3%) rispetto a …``; None when either value is missing or text."""
    now, before = metric.value, metric.previous
    if not isinstance(now, int | float) or not isinstance(before, int | float):
        return None
    if isinstance(now, bool) or isinstance(before, bool):
        return None
    colors = ctx.theme.colors
    versus = f" {versus_word(ctx.language)} {plain_text(metric.previous_label or '')}".rstrip()
    delta = now - before
    if delta == 0:
        return Change(f"= {unchanged_word(ctx.language)}{versus}", colors.muted)
    arrow = "▲" if delta > 0 else "▼"
    kind = "number" if metric.format == "percent" else metric.format
    text = f"{arrow} {format_signed(delta, ctx.language, kind, metric.currency)}"
    if metric.format == "percent":
        text += " p.p." if ctx.language.startswith("it") else " pts"
    elif before != 0 and abs(delta / before) < 1000:  # a percentage past 100,000% says nothing
        text += f" ({format_signed(delta / abs(before) * 100, ctx.language, 'percent')})"
    if metric.good is None:
        color = colors.muted
    else:
        improved = (delta > 0) == (metric.good == "up")
        color = colors.positive if improved else colors.negative
    return Change(text + versus, color)


def target_line(ctx: RenderContext, metric: Metric) -> str | None:
    """``obiettivo 70% · 86%`` — the target and how far the value has come towards it."""
    if metric.target is None:
        return None
    goal = format_figure(metric.target, ctx.language, metric.format, metric.currency)
    if metric.unit == "%" and metric.format == "number":
        goal += "%"
    line = f"{target_word(ctx.language)} {goal}"
    if isinstance(metric.value, int | float) and metric.target:
        progress = metric.value / metric.target * 100
        if abs(progress) < 100_000:
            line += f" · {format_figure(progress, ctx.language, 'percent')}"
    return line


@dataclass(frozen=True)
class MetricTile:
    """One tile's paragraphs."""

    metric: Metric
    value: str

    def paras(self, ctx: RenderContext) -> list[Para]:
        colors, metric = ctx.theme.colors, self.metric
        small = LABEL_SCALE * 0.8
        paras: list[Para] = []
        if metric.qualifier:
            paras.append(
                Para.of(
                    metric.qualifier,
                    heading=True,
                    scale=LABEL_SCALE * 1.2,
                    color=colors.primary,
                    align="center",
                    space_before=0,
                )
            )
        figure_color = colors.negative if metric.missing else colors.primary
        paras.append(
            Para(
                (Run(self.value, bold=True),),
                heading=True,
                color=figure_color,
                emphasis_color=figure_color,
                align="center",
                space_before=0,
            )
        )
        paras.append(
            Para.of(
                metric.label or "",
                scale=LABEL_SCALE,
                color=colors.text,
                align="center",
                emphasis_color=colors.primary,
                space_before=0.15,
            )
        )
        if metric.missing:
            paras.append(
                Para.of(
                    missing_word(ctx.language),
                    scale=small,
                    color=colors.negative,
                    align="center",
                    space_before=0.1,
                )
            )
        if metric.note:
            paras.append(
                Para.of(
                    metric.note, scale=small, color=colors.muted, align="center", space_before=0.1
                )
            )
        change = change_since_previous(ctx, metric)
        if change:
            paras.append(
                Para.of(
                    change.text, scale=small, color=change.color, align="center", space_before=0.15
                )
            )
        target = target_line(ctx, metric)
        if target:
            paras.append(
                Para.of(target, scale=small, color=colors.muted, align="center", space_before=0.1)
            )
        return paras


def add_metric_tiles(
    ctx: RenderContext, slide: Slide, box: Box, metrics: list[Metric], *, max_columns: int = 4
) -> None:
    """Tiles for ``metrics`` filling ``box``; one common type size so the row reads evenly."""
    gap = inches(0.18)
    rows = grid(len(metrics), max_columns)
    tile_boxes: list[Box] = []
    for row_box, count in zip(box.split_rows(len(rows), gap), rows, strict=True):
        tile_boxes.extend(row_box.split_columns(count, gap))
    tiles = [MetricTile(m, format_metric_value(ctx, m)) for m in metrics]
    size = min(
        fit_size(
            ctx,
            tile_box.inset(inches(0.08)),
            tile.paras(ctx),
            name="Metric tile",
            size=ctx.theme.sizes.metric,
            min_size=ctx.theme.sizes.min_body / LABEL_SCALE,
        )
        for tile, tile_box in zip(tiles, tile_boxes, strict=True)
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
        write_paras(ctx, shape.text_frame, tile.paras(ctx), size, anchor="middle")
