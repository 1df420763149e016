"""Every decision about a native chart, made before anything is drawn: a :class:`ChartPlan`.

Pure: from the chart, its data, the theme and the language to colours, labels, axis bounds
and number formats, without python-pptx. ``render/charts.py`` writes a plan as it is. The
rules, so that a chart never misleads:

* bar and column value axes start at 0 unless the data goes negative (an explicit minimum,
  never the application's automatic one), and either every bar has its value label or the
  axis is shown;
* every slice and series has its own colour (the palette extended with tints and shades);
  a pie or doughnut with more slices than the eye tells apart is a finding;
* a label drawn on a fill gets a colour with at least 4.5:1 contrast on that fill;
* line labels that would collide are moved to the other side of their point, or dropped,
  and the value axis is shown;
* labels and axis follow the data's format: ``#,##0`` for whole data, ``70%`` for percent.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .chartcolors import distinct_colours, label_colour, mix
from .chartdata import ChartData, resolve_data
from .chartlabels import PlotArea, place_line_labels
from .figures import format_figure
from .markup import plain_text
from .messages import say
from .model import Chart, ChartType
from .numformat import number_format_code
from .textfit import face
from .theme import Theme

MAX_SLICES = 6
"""More slices than this, and a pie's colours and angles can no longer be told apart."""
LabelPosition = Literal["outside_end", "center", "above", "below", "none"]
Place = tuple[str | int, ...]
__all__ = ["ChartData", "ChartPlan", "plan_chart", "resolve_data"]
EMU_PER_POINT = 12700


@dataclass(frozen=True)
class PointLabel:
    position: LabelPosition
    """``none``: no label (a gap, or a label that did not fit)."""
    colour: str


@dataclass(frozen=True)
class SeriesPlan:
    name: str
    values: tuple[float | None, ...]
    colour: str
    """The series' fill or line colour."""
    point_colours: tuple[str, ...]
    """One fill per point for pies and doughnuts; empty otherwise."""
    labels: tuple[PointLabel, ...]


@dataclass(frozen=True)
class AxisPlan:
    visible: bool
    minimum: float
    maximum: float
    major_unit: float
    number_format: str
    """The ticks' format: as the data's, with the decimals the ticks need (0, 5, 10: none)."""
    gridline_colour: str | None
    """Light gridlines when the axis is shown, to read values across."""


@dataclass(frozen=True)
class Finding:
    """Something about the chart a reader would misread; ``where`` is relative to the chart."""

    where: Place
    message: str


@dataclass(frozen=True)
class ChartPlan:
    type: ChartType
    title: str | None
    categories: tuple[str, ...]
    series: tuple[SeriesPlan, ...]
    number_format: str
    label_size: float
    value_axis: AxisPlan | None
    """``None`` for pies and doughnuts."""
    category_labels_low: bool
    """Category names at the bottom edge, clear of bars that go negative."""
    legend: Literal["right", "bottom"] | None
    slice_border: str | None
    """A line between slices in the background colour, so neighbours never merge."""
    findings: tuple[Finding, ...] = ()


def plan_chart(
    chart: Chart,
    data: ChartData,
    theme: Theme,
    language: str,
    size_emu: tuple[int, int],
    width_em: Callable[[str], float] | None = None,
) -> ChartPlan:
    """The plan of a native chart of ``size_emu`` (width, height) showing ``data``."""
    measure = width_em or face(theme.fonts.body.standin or theme.fonts.body.name, True).advance
    values = [v for _, series in data.series for v in series]
    label_size = max(theme.sizes.min_body, 12.0)
    findings = _data_findings(chart, data)
    common = {
        "type": chart.type,
        "title": plain_text(chart.title) if chart.title else None,
        "categories": data.categories,
        "number_format": number_format_code(data.format, values, language, data.currency),
        "label_size": label_size,
    }
    if chart.type in ("pie", "doughnut"):
        series, colour_findings = _round_series(chart, data, theme)
        return ChartPlan(
            **common,  # type: ignore[arg-type]
            series=series,
            value_axis=None,
            category_labels_low=False,
            legend="right",
            slice_border=theme.colors.background,
            findings=(*findings, *colour_findings),
        )
    width_pt, height_pt = size_emu[0] / EMU_PER_POINT, size_emu[1] / EMU_PER_POINT
    plot = _plot_size(chart, data, width_pt, height_pt)
    texts = [[_label_text(v, data, language) for v in s] for _, s in data.series]
    fills, colour_findings = _series_colours(len(data.series), theme)
    if chart.type in ("line", "trend"):
        axis, labels = _line_layout(data, texts, plot, label_size, measure, theme, language)
    else:
        axis, labels = _bar_layout(
            chart.type, data, texts, fills, plot, label_size, measure, theme, language
        )
    series_plans = tuple(
        SeriesPlan(name, vals, fills[i], (), labels[i])
        for i, (name, vals) in enumerate(data.series)
    )
    return ChartPlan(
        **common,  # type: ignore[arg-type]
        series=series_plans,
        value_axis=axis,
        category_labels_low=axis.minimum < 0,
        legend="bottom" if len(data.series) > 1 else None,
        slice_border=None,
        findings=(*findings, *colour_findings),
    )


def _label_text(value: float | None, data: ChartData, language: str) -> str:
    return "" if value is None else format_figure(value, language, data.format, data.currency)


def _plot_size(
    chart: Chart, data: ChartData, width_pt: float, height_pt: float
) -> tuple[float, float]:
    """An estimate of the plot area: the frame less title, legend and category labels."""
    height = height_pt - 14 - (30 if chart.title else 0) - (28 if len(data.series) > 1 else 0)
    if chart.type in ("bar", "stacked-bar"):
        longest = max((len(c) for c in data.categories), default=0)
        return max(width_pt - 20 - min(longest, 30) * 6.5, 40.0), max(height, 40.0)
    return max(width_pt - 50, 40.0), max(height - 24, 40.0)


def _data_findings(chart: Chart, data: ChartData) -> list[Finding]:
    findings = []
    if data.mixed_formats:
        findings.append(
            Finding(
                ("type",),
                say("chart_mixed_formats"),
            )
        )
    if chart.type in ("pie", "doughnut"):
        count = len(data.categories)
        if count > MAX_SLICES:
            findings.append(
                Finding(
                    ("categories",),
                    say("chart_too_many_slices", type=chart.type, count=count, limit=MAX_SLICES),
                )
            )
        if any(v is not None and v < 0 for _, s in data.series for v in s):
            findings.append(Finding(("series",), say("chart_negative_slices", type=chart.type)))
        if len(data.series) > 1 and chart.type == "pie":
            findings.append(Finding(("series",), say("chart_pie_series")))
    return findings


def _theme_colours(theme: Theme) -> list[str]:
    colours = theme.colors
    return [colours.primary, colours.text, colours.muted]


def _series_colours(count: int, theme: Theme) -> tuple[list[str], list[Finding]]:
    fills, distinct = distinct_colours(
        count, theme.colors.chart, _theme_colours(theme), theme.colors.background
    )
    if distinct >= count:
        return fills, []
    return fills, [
        Finding(
            ("series",),
            say("chart_series_colours", count=count, distinct=distinct),
        )
    ]


def _round_series(
    chart: Chart, data: ChartData, theme: Theme
) -> tuple[tuple[SeriesPlan, ...], list[Finding]]:
    """Pies and doughnuts: a colour per slice; labels outside a pie, on a doughnut's ring."""
    count = len(data.categories)
    fills, distinct = distinct_colours(
        count, theme.colors.chart, _theme_colours(theme), theme.colors.background
    )
    findings = []
    if distinct < count and count <= MAX_SLICES:
        findings.append(
            Finding(("categories",), say("chart_slice_colours", count=count, distinct=distinct))
        )
    on_background = label_colour(theme.colors.background, [theme.colors.text])
    plans = []
    # A pie draws one series (PowerPoint's too): the others are a finding, not in the plan.
    drawn = data.series[:1] if chart.type == "pie" else data.series
    for name, values in drawn:
        labels = tuple(
            PointLabel("none", on_background)
            if value is None
            else PointLabel("outside_end", on_background)
            if chart.type == "pie"
            else PointLabel("center", label_colour(fill, _label_choices(theme)))
            for value, fill in zip(values, fills, strict=True)
        )
        plans.append(SeriesPlan(name, values, fills[0], tuple(fills), labels))
    return tuple(plans), findings


def _label_choices(theme: Theme) -> list[str]:
    """Label colours on a fill, in order of preference: the theme's text, then its light."""
    return [theme.colors.text, theme.colors.on_primary, theme.colors.background]


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10ⁿ) giving about ``ticks`` intervals."""
    # A denormal span divides to 0.0, where log10 fails: the smallest normal float instead.
    raw = max((span or 1.0) / ticks, sys.float_info.min)
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw - 1e-12)


def axis_bounds(low: float, high: float) -> tuple[float, float, float]:
    """Axis minimum, maximum and step covering ``low``–``high``, from 0 unless data is negative.

    ``high`` already includes the room labels need.
    """
    low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high = low + 1.0
    step = nice_step(high - low)
    return math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step, step


def _tick_format(
    data: ChartData, minimum: float, maximum: float, step: float, language: str
) -> str:
    ticks = [minimum + i * step for i in range(round((maximum - minimum) / step) + 1)]
    return number_format_code(data.format, ticks, language, data.currency)


def _gridline(theme: Theme) -> str:
    return mix(theme.colors.muted, theme.colors.background, 0.75)


def _bar_layout(
    kind: ChartType,
    data: ChartData,
    texts: list[list[str]],
    fills: list[str],
    plot: tuple[float, float],
    size: float,
    width_em: Callable[[str], float],
    theme: Theme,
    language: str,
) -> tuple[AxisPlan, list[tuple[PointLabel, ...]]]:
    """Bars: labels outside their end, or centred on stacked segments when they fit there."""
    horizontal = kind in ("bar", "stacked-bar")
    stacked = kind.startswith("stacked")
    low, high = _bar_extent(data, stacked)
    length = plot[0] if horizontal else plot[1]
    # Outside-end labels need room past the longest bar.
    widest = max((width_em(t) * size for s in texts for t in s), default=0.0)
    room = 0.0 if stacked else (widest + 8 if horizontal else size * 1.5)
    share = min(room / length, 0.5) if length else 0.0
    minimum, maximum, step = axis_bounds(low / (1 - share), high / (1 - share))
    per_unit = length / ((maximum - minimum) or 1.0)
    on_background = label_colour(theme.colors.background, [theme.colors.text])
    labels = []
    for s, (_, values) in enumerate(data.series):
        row = []
        for value, text in zip(values, texts[s], strict=True):
            if value is None:
                row.append(PointLabel("none", on_background))
            elif not stacked:
                row.append(PointLabel("outside_end", on_background))
            else:
                extent = abs(value) * per_unit
                needed = width_em(text) * size + 4 if horizontal else size * 1.3
                fits = extent >= needed
                colour = label_colour(fills[s], _label_choices(theme))
                row.append(PointLabel("center" if fits else "none", colour))
        labels.append(tuple(row))
    every_bar_labelled = all(
        label.position != "none" or value is None
        for row, (_, values) in zip(labels, data.series, strict=True)
        for label, value in zip(row, values, strict=True)
    )
    visible = not every_bar_labelled
    axis = AxisPlan(
        visible,
        minimum,
        maximum,
        step,
        _tick_format(data, minimum, maximum, step, language),
        _gridline(theme) if visible else None,
    )
    return axis, labels


def _bar_extent(data: ChartData, stacked: bool) -> tuple[float, float]:
    """The lowest and highest value bars reach (stack totals for stacked bars)."""
    if not stacked:
        values = [v for _, s in data.series for v in s if v is not None]
        return min(values, default=0.0), max(values, default=0.0)
    lows, highs = [0.0], [0.0]
    for index in range(len(data.categories)):
        column = [s[index] for _, s in data.series if s[index] is not None]
        highs.append(sum(v for v in column if v > 0))  # type: ignore[misc]
        lows.append(sum(v for v in column if v < 0))  # type: ignore[misc]
    return min(lows), max(highs)


def _line_layout(
    data: ChartData,
    texts: list[list[str]],
    plot: tuple[float, float],
    size: float,
    width_em: Callable[[str], float],
    theme: Theme,
    language: str,
) -> tuple[AxisPlan, list[tuple[PointLabel, ...]]]:
    """Lines: labels above or below their points where they do not collide."""
    values = [v for _, s in data.series for v in s if v is not None]
    low, high = min(values, default=0.0), max(values, default=0.0)
    room = (size * 1.6) / plot[1] if plot[1] else 0.0
    span = (high - min(low, 0.0)) or 1.0
    minimum, maximum, step = axis_bounds(low, high + span * room / (1 - room))
    area = PlotArea(plot[0], plot[1], minimum, maximum)
    positions = place_line_labels([s for _, s in data.series], texts, area, size, width_em)
    colour = label_colour(theme.colors.background, [theme.colors.text])
    labels = [tuple(PointLabel(p, colour) for p in row) for row in positions]
    dropped = any(
        p == "none" and v is not None
        for row, (_, s) in zip(positions, data.series, strict=True)
        for p, v in zip(row, s, strict=True)
    )
    axis = AxisPlan(
        dropped,
        minimum,
        maximum,
        step,
        _tick_format(data, minimum, maximum, step, language),
        _gridline(theme) if dropped else None,
    )
    return axis, labels
