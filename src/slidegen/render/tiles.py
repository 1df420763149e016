"""Metric tiles: value, label, qualifier, note, change since the previous period, target."""

from __future__ import annotations

from dataclasses import dataclass

from pptx.enum.shapes import MSO_SHAPE
from pptx.slide import Slide
from pptx.util import Emu

from ..changes import PeriodChange, Tone, describe_change
from ..figures import format_figure, missing_word, target_word, versus_word
from ..layout import Box
from ..layout.paras import Para
from ..layout.tileplan import UNIT_SCALE, TileGridPlan, TileText, plan_tiles
from ..markup import Run, plain_text
from ..messages import say
from ..metric import Metric
from .context import RenderContext
from .page import solid_fill
from .text import faces, write_paras

MISSING_FIGURE = "—"


def format_metric_value(ctx: RenderContext, metric: Metric) -> str:
    """The figure as the deck's language writes it, with its unit; a dash when missing."""
    number, unit = figure_parts(ctx, metric)
    return number + unit


def figure_parts(ctx: RenderContext, metric: Metric) -> tuple[str, str]:
    """The figure and the unit written after it (``("47.5", "%")``, ``("9", " days")``), so
    that the unit can be set smaller; the unit is ``""`` when there is none."""
    if metric.value is None:
        return MISSING_FIGURE, ""
    if not isinstance(metric.value, int | float):
        return plain_text(str(metric.value)), ""
    text = format_figure(metric.value, ctx.language, metric.format, metric.currency)
    if metric.unit and metric.format not in ("percent", "currency", "compact-currency"):
        unit = plain_text(metric.unit)
        return text, unit if unit == "%" else f"\u00a0{unit}"
    if metric.format == "percent" and text.endswith("%"):
        number = text[:-1].rstrip("\u00a0 ")
        return number, text[len(number) :]
    return text, ""


def keep_together(text: str) -> str:
    """``text`` with non-breaking spaces: a period label never breaks inside."""
    return text.replace(" ", "\u00a0")


@dataclass(frozen=True)
class Change:
    """The change since the previous period, ready to print: text and colour."""

    text: str
    color: str


def change_since_previous(ctx: RenderContext, metric: Metric) -> Change | None:
    """``▲ +25 (+5,3%) rispetto a …``; None when either value is missing or text."""
    described = describe_change(
        PeriodChange(metric.value, metric.previous, metric.format, metric.currency, metric.good),
        ctx.language,
    )
    if described is None:
        return None
    label = keep_together(plain_text(metric.previous_label or ""))
    versus = f" {versus_word(ctx.language)}\u00a0{label}".rstrip("\u00a0 ")
    return Change(described.text + versus, tone_color(ctx, described.tone))


def tone_color(ctx: RenderContext, tone: Tone) -> str:
    """The theme's colour for a change's tone."""
    colors = ctx.theme.colors
    return {"positive": colors.positive, "negative": colors.negative}.get(tone, colors.muted)


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


def tile_text(ctx: RenderContext, metric: Metric) -> TileText:
    """One tile's paragraphs by role: qualifier, figure and unit, label, the small lines."""
    colors = ctx.theme.colors
    figure_color = colors.negative if metric.missing else colors.primary
    number, unit = figure_parts(ctx, metric)
    runs = (Run(number, bold=True), Run(unit, bold=True)) if unit else (Run(number, bold=True),)
    figure = Para(
        runs, heading=True, color=figure_color, emphasis_color=figure_color, align="center",
        space_before=0, run_scales=(1.0, UNIT_SCALE),
    )  # fmt: skip
    qualifier = None
    if metric.qualifier:
        qualifier = Para.of(
            metric.qualifier, heading=True, color=colors.primary, align="center", space_before=0
        )
    label = Para.of(
        metric.label or "", color=colors.text, align="center", emphasis_color=colors.primary,
        space_before=0.15,
    )  # fmt: skip
    return TileText(figure, label, qualifier, tuple(_detail_paras(ctx, metric)))


def _detail_paras(ctx: RenderContext, metric: Metric) -> list[Para]:
    """The small lines under the label: missing, note, change, target."""
    colors = ctx.theme.colors
    lines: list[tuple[str, str, float]] = []
    if metric.missing:
        lines.append((missing_word(ctx.language), colors.negative, 0.1))
    if metric.note:
        lines.append((metric.note, colors.muted, 0.1))
    change = change_since_previous(ctx, metric)
    if change:
        lines.append((change.text, change.color, 0.15))
    target = target_line(ctx, metric)
    if target:
        lines.append((target, colors.muted, 0.1))
    return [
        Para.of(text, color=color, align="center", space_before=space)
        for text, color, space in lines
    ]


def add_metric_tiles(
    ctx: RenderContext,
    slide: Slide,
    box: Box,
    metrics: list[Metric] | list[TileText],
    *,
    max_columns: int = 4,
    plan: TileGridPlan | None = None,
) -> TileGridPlan:
    """Tiles for ``metrics`` (or their texts, :func:`tile_text`) in ``box``, as
    :func:`plan_tiles` sets them: one size for every tile, balanced rows, figures of a row
    on one baseline; ``plan``: theirs in ``box``, when made already."""
    texts = [m if isinstance(m, TileText) else tile_text(ctx, m) for m in metrics]
    if plan is None:  # else planned for ``box`` already
        plan = plan_tiles(texts, box, faces(ctx), ctx.theme.sizes, max_columns=max_columns)
    if plan.overflow > 0.5:
        overflow, size = f"{plan.overflow:.0f}", f"{plan.sizes.label:g}"
        ctx.warn(say("tiles_overflow", overflow=overflow, size=size))
    for index, (text, tile) in enumerate(zip(texts, plan.tiles, strict=True), start=1):
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
    return plan
