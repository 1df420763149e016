"""What a metric tile says: the figure and its unit, the label, the qualifier, and the small
lines under them (missing, note, change since the previous period, target)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..changes import PeriodChange, Tone, describe_change
from ..figures import format_figure, missing_word, target_word, versus_word
from ..markup import Run, plain_text
from ..messages import say
from ..metric import Metric
from .context import LayoutContext
from .geometry import Box
from .paras import Para
from .shapes import TilesShape
from .tileplan import UNIT_SCALE, TileGridPlan, TileText, plan_tiles

MISSING_FIGURE = "—"


def format_metric_value(lc: LayoutContext, metric: Metric) -> str:
    """The figure as the deck's language writes it, with its unit; a dash when missing."""
    number, unit = figure_parts(lc, metric)
    return number + unit


def figure_parts(lc: LayoutContext, metric: Metric) -> tuple[str, str]:
    """The figure and the unit written after it (``("47.5", "%")``, ``("9", " days")``), so
    that the unit can be set smaller; the unit is ``""`` when there is none."""
    if metric.value is None:
        return MISSING_FIGURE, ""
    if not isinstance(metric.value, int | float):
        return plain_text(str(metric.value)), ""
    text = format_figure(metric.value, lc.language, metric.format, metric.currency)
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


def change_since_previous(lc: LayoutContext, metric: Metric) -> Change | None:
    """``▲ +25 (+5,3%) rispetto a …``; None when either value is missing or text."""
    described = describe_change(
        PeriodChange(metric.value, metric.previous, metric.format, metric.currency, metric.good),
        lc.language,
    )
    if described is None:
        return None
    label = keep_together(plain_text(metric.previous_label or ""))
    versus = f" {versus_word(lc.language)}\u00a0{label}".rstrip("\u00a0 ")
    return Change(described.text + versus, tone_color(lc, described.tone))


def tone_color(lc: LayoutContext, tone: Tone) -> str:
    """The theme's colour for a change's tone."""
    colors = lc.theme.colors
    return {"positive": colors.positive, "negative": colors.negative}.get(tone, colors.muted)


def target_line(lc: LayoutContext, metric: Metric) -> str | None:
    """``obiettivo 70% · 86%`` — the target and how far the value has come towards it."""
    if metric.target is None:
        return None
    goal = format_figure(metric.target, lc.language, metric.format, metric.currency)
    if metric.unit == "%" and metric.format == "number":
        goal += "%"
    line = f"{target_word(lc.language)} {goal}"
    if isinstance(metric.value, int | float) and metric.target:
        progress = metric.value / metric.target * 100
        if abs(progress) < 100_000:
            line += f" · {format_figure(progress, lc.language, 'percent')}"
    return line


def tile_text(lc: LayoutContext, metric: Metric) -> TileText:
    """One tile's paragraphs by role: qualifier, figure and unit, label, the small lines."""
    colors = lc.theme.colors
    figure_color = colors.negative if metric.missing else colors.primary
    number, unit = figure_parts(lc, metric)
    runs = (Run(number, bold=True), Run(unit, bold=True)) if unit else (Run(number, bold=True),)
    figure = Para(
        runs,
        heading=True,
        color=figure_color,
        emphasis_color=figure_color,
        align="center",
        space_before=0,
        run_scales=(1.0, UNIT_SCALE),
    )
    qualifier = None
    if metric.qualifier:
        qualifier = Para.of(
            metric.qualifier, heading=True, color=colors.primary, align="center", space_before=0
        )
    label = Para.of(
        metric.label or "",
        color=colors.text,
        align="center",
        emphasis_color=colors.primary,
        space_before=0.15,
    )
    return TileText(figure, label, qualifier, tuple(_detail_paras(lc, metric)))


def _detail_paras(lc: LayoutContext, metric: Metric) -> list[Para]:
    """The small lines under the label: missing, note, change, target."""
    colors = lc.theme.colors
    lines: list[tuple[str, str, float]] = []
    if metric.missing:
        lines.append((missing_word(lc.language), colors.negative, 0.1))
    if metric.note:
        lines.append((metric.note, colors.muted, 0.1))
    change = change_since_previous(lc, metric)
    if change:
        lines.append((change.text, change.color, 0.15))
    target = target_line(lc, metric)
    if target:
        lines.append((target, colors.muted, 0.1))
    return [
        Para.of(text, color=color, align="center", space_before=space)
        for text, color, space in lines
    ]


def tiles_shape(
    lc: LayoutContext,
    box: Box,
    metrics: Sequence[Metric] | Sequence[TileText],
    *,
    max_columns: int = 4,
    plan: TileGridPlan | None = None,
) -> TilesShape:
    """Tiles for ``metrics`` (or their texts, :func:`tile_text`) in ``box``, as
    :func:`plan_tiles` sets them: one size for every tile, balanced rows, figures of a row
    on one baseline; ``plan``: theirs in ``box``, when made already. A finding when they
    overflow even at the theme's minimum."""
    texts = tuple(m if isinstance(m, TileText) else tile_text(lc, m) for m in metrics)
    if plan is None:
        plan = plan_tiles(list(texts), box, lc.faces, lc.theme.sizes, max_columns=max_columns)
    if plan.overflow > 0.5:
        overflow, size = f"{plan.overflow:.0f}", f"{plan.sizes.label:g}"
        lc.warn(say("tiles_overflow", overflow=overflow, size=size))
    return TilesShape(texts, plan)
