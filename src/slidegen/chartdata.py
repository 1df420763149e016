"""What a chart draws: categories and series, from the chart or its slide's metrics, and
how the values are written (the metrics' format, so a percent stays a percent)."""

from __future__ import annotations

from dataclasses import dataclass

from .figures import FigureFormat
from .markup import plain_text
from .metric import Metric
from .model import Chart


@dataclass(frozen=True)
class ChartData:
    """Categories and named series, resolved from the chart itself or the slide's metrics,
    and how their values are written."""

    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]
    format: FigureFormat = "number"
    currency: str = "EUR"
    mixed_formats: bool = False
    """The charted metrics are written in different formats (one axis cannot show them)."""


def resolve_data(chart: Chart, metrics: list[Metric] | None, series_name: str) -> ChartData:
    """The chart's own data, or else the numeric metrics of its slide (one series)."""
    if chart.categories is not None and chart.series is not None:
        return ChartData(
            tuple(plain_text(c) for c in chart.categories),
            tuple((plain_text(s.name), tuple(s.values)) for s in chart.series),
            chart.format or "number",
            chart.currency,
        )
    # Numeric metrics, and missing ones as gaps (never drawn as 0); text values are not data.
    charted = [m for m in metrics or [] if isinstance(m.value, int | float) or m.missing]
    formats = {_metric_format(m) for m in charted}
    shared = formats.pop() if len(formats) == 1 else "number"
    return ChartData(
        tuple(plain_text(m.label or "") for m in charted),
        ((series_name, tuple(None if m.missing else float(m.value) for m in charted)),),  # type: ignore[arg-type]
        chart.format or shared,
        charted[0].currency if charted else chart.currency,
        mixed_formats=chart.format is None and len(formats) > 0,
    )


def _metric_format(metric: Metric) -> FigureFormat:
    """A metric written ``72%`` (unit ``%``) is a percent, whatever its declared format."""
    return "percent" if metric.unit == "%" and metric.format == "number" else metric.format
