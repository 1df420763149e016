"""Charts on a slide: a native chart's plan (:func:`~slidegen.chartplan.plan_chart`) or the
gauges of a target chart, the findings either has, and the alt text written from the data
("Grafico a barre: comunicati stampa 475, …") when the deck gives none."""

from __future__ import annotations

import re
from pathlib import Path

from ..chartplan import ChartData, plan_chart, resolve_data
from ..figures import format_figure, missing_word
from ..gaugeplan import GaugePlan, figure_text, plan_gauges
from ..glyphs import missing_characters
from ..markup import plain_text
from ..messages import say
from ..metric import Metric
from ..model import Chart
from ..textfit import face, find_font
from .context import LayoutContext
from .geometry import EMU_PER_INCH, Box
from .shapes import GaugeChartShape, NativeChartShape

TITLE_SPACE = 0.12
"""Of a gauge picture's height, above the gauges, when the chart has a title."""


def chart_shape(
    lc: LayoutContext,
    box: Box,
    chart: Chart,
    metrics: list[Metric] | None,
    series_name: str,
) -> NativeChartShape | GaugeChartShape:
    """A native chart, or gauges (a picture) for targets, which native charts cannot draw
    well; what either plan finds is a finding at the slide's ``chart``."""
    if chart.type == "target":
        gauges = gauge_plans(lc, box, chart)
        _report_missing_glyphs(lc, chart, gauges)
        _report_implicit_percentages(lc, chart)
        if not all(gauge.fits for gauge in gauges):
            lc.warn_at(
                ("chart", "targets"), say("gauges_crowded", size=f"{lc.theme.sizes.min_body:g}")
            )
        return GaugeChartShape(box, chart, gauges, describe(lc, chart, None))
    if chart.categories is None and metrics:
        _report_numbers_written_as_text(lc, metrics)
    data = resolve_data(chart, metrics, series_name)
    plan = plan_chart(chart, data, lc.theme, lc.language, (box.width, box.height))
    for finding in plan.findings:
        lc.warn_at(("chart", *finding.where), finding.message)
    return NativeChartShape(box, plan, describe(lc, chart, data))


_KIND_NAMES = {
    "it": {
        "bar": "Grafico a barre",
        "column": "Grafico a colonne",
        "stacked-bar": "Grafico a barre in pila",
        "stacked-column": "Grafico a colonne in pila",
        "line": "Grafico a linee",
        "pie": "Grafico a torta",
        "doughnut": "Grafico ad anello",
        "target": "Obiettivi",
        "trend": "Andamento nei periodi",
    },
    "en": {
        "bar": "Bar chart",
        "column": "Column chart",
        "stacked-bar": "Stacked bar chart",
        "stacked-column": "Stacked column chart",
        "line": "Line chart",
        "pie": "Pie chart",
        "doughnut": "Doughnut chart",
        "target": "Targets",
        "trend": "Trend over periods",
    },
}
_TARGET_WORD = {"it": "obiettivo", "en": "target"}
_NOW_WORD = {"it": "attuale", "en": "now"}


def describe(lc: LayoutContext, chart: Chart, data: ChartData | None) -> str:
    """Alt text: the deck's own, or the chart's kind, title and every value."""
    if chart.alt:
        return plain_text(chart.alt)
    lang = lc.language.split("-")[0]
    names = _KIND_NAMES.get(lang, _KIND_NAMES["en"])
    head = names[chart.type] + (f" «{plain_text(chart.title)}»" if chart.title else "")
    if chart.targets:
        target, now = _TARGET_WORD.get(lang, "target"), _NOW_WORD.get(lang, "now")
        parts = []
        for t in chart.targets:
            # The figures as the gauges show them: ``10,000 lights``, ``−20%``.
            text = f"{plain_text(t.label)} {target} {figure_text(t.target, t.unit, lc.language)}"
            if t.value is not None:
                text += f" ({now} {figure_text(t.value, t.unit, lc.language)})"
            parts.append(text)
        return f"{head}: " + "; ".join(parts)
    assert data is not None
    parts = []
    for name, values in data.series:
        pairs = ", ".join(
            f"{c} {missing_word(lc.language) if v is None else _figure(lc, data, v)}"
            for c, v in zip(data.categories, values, strict=True)
        )
        parts.append(f"{name}: {pairs}" if len(data.series) > 1 else pairs)
    return f"{head}: " + "; ".join(parts)


def _figure(lc: LayoutContext, data: ChartData, value: float) -> str:
    return format_figure(value, lc.language, data.format, data.currency)


def gauge_plans(lc: LayoutContext, box: Box, chart: Chart) -> tuple[GaugePlan, ...]:
    width, height = box.width / EMU_PER_INCH, box.height / EMU_PER_INCH
    family = lc.measure_family()
    return plan_gauges(
        list(chart.targets or []),
        lc.language,
        (width, height),
        TITLE_SPACE if chart.title else 0.0,
        lc.theme.sizes.min_body,
        lambda text, bold: face(family, bold).advance(text),
        lc.theme.colors,
    )


_GROUPED = re.compile(r"^[-+]?\d{1,3}([.,\u00a0\u202f' ]\d{3})+([.,]\d+)?$")
"""A figure with a thousands separator (``3,480``, ``1.000``): text to the deck, which
reads the same in every language, and so not charted."""


def _report_numbers_written_as_text(lc: LayoutContext, metrics: list[Metric]) -> None:
    """A finding for each metric a chart of the slide's metrics leaves out because its
    figure, written with a thousands separator, is text (the tile shows it as written)."""
    for index, metric in enumerate(metrics):
        found = _GROUPED.match(metric.value.strip()) if isinstance(metric.value, str) else None
        if found is None:
            continue
        whole, fraction = found.group(0), found.group(2) or ""
        plain = re.sub(r"\D", "", whole[: len(whole) - len(fraction)])
        if fraction:
            plain += "." + fraction[1:]
        label = plain_text(metric.label or "")
        message = say("metric_not_charted", label=label, figure=whole, plain=plain)
        lc.warn_at(("metrics", index), message)


def _report_implicit_percentages(lc: LayoutContext, chart: Chart) -> None:
    """A finding for a target over 100 whose unit is the default ``%``: most likely a count
    whose ``unit`` was not written (``8,200%`` of street lights)."""
    for index, target in enumerate(chart.targets or []):
        if "unit" in target.model_fields_set:
            continue
        largest = max(abs(x) for x in (target.target, target.value) if x is not None)
        if largest > 100:
            figure = format_figure(largest, lc.language, "number")
            lc.warn_at(("chart", "targets", index), say("target_implicit_percent", figure=figure))


def _report_missing_glyphs(lc: LayoutContext, chart: Chart, plans: tuple[GaugePlan, ...]) -> None:
    """A finding for each text of the picture with characters its font has no glyph for,
    at the key the text comes from (matplotlib would draw a box and warn on stderr)."""
    drawn: list[tuple[tuple[str | int, ...], str, bool]] = []
    if chart.title:
        drawn.append((("chart", "title"), plain_text(chart.title), True))
    for index, plan in enumerate(plans):
        where: tuple[str | int, ...] = ("chart", "targets", index)
        drawn.append(((*where, "label"), plan.label.text.replace("\n", " "), True))
        for text, bold in ((plan.figure, True), (plan.caption, False), (plan.status, False)):
            if text is not None:
                drawn.append((where, text.text, bold))
    for where, text, bold in drawn:
        path = _font_file(lc, bold)
        missing = missing_characters(path, text) if path else []
        if path and missing:
            listed = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing)
            lc.warn_at(where, say("glyphs_missing", font=path.stem, chars=listed))


def _font_file(lc: LayoutContext, bold: bool) -> Path | None:
    """The file the gauge picture is drawn with: the theme's font, or matplotlib's own
    sans-serif when the theme's is not installed (only then is matplotlib imported to ask)."""
    path = find_font(lc.measure_family(), bold, False)
    if path:
        return path
    from matplotlib.font_manager import FontProperties, findfont

    return Path(findfont(FontProperties(family="sans-serif", weight="bold" if bold else "normal")))
