"""Where line-chart value labels go: above or below their point, or nowhere when both collide.

Pure geometry in points on an estimate of the plot area. Labels are placed category by
category, the highest value first; a label that would overlap a label already placed, a
marker or the plot's edge tries the other side, and is dropped when both sides are taken
(the chart then shows its value axis instead).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

LinePosition = Literal["above", "below", "none"]

LABEL_GAP = 4.0
"""Points between a marker's centre and its label."""
MARKER_HALF = 4.0
"""Half a marker's size, in points."""
LINE_HEIGHT = 1.2
"""A label's height, in em."""


Rect = tuple[float, float, float, float]
"""left, bottom, right, top (points from the plot's bottom left): a marker or a label. Plain
tuples: a chart of many points tries each label against every marker and label."""


def _overlaps_any(box: Rect, taken: list[Rect]) -> bool:
    left, bottom, right, top = box
    return any(left < r and l_ < right and bottom < t and b < top for l_, b, r, t in taken)


@dataclass(frozen=True)
class PlotArea:
    """The plot's size in points and its value range (the axis bounds)."""

    width: float
    height: float
    minimum: float
    maximum: float

    def y(self, value: float) -> float:
        span = (self.maximum - self.minimum) or 1.0
        return (value - self.minimum) / span * self.height

    def x(self, index: int, count: int) -> float:
        return (index + 0.5) * self.width / max(count, 1)  # categories centred in their slots


def place_line_labels(
    series: Sequence[Sequence[float | None]],
    texts: Sequence[Sequence[str]],
    plot: PlotArea,
    size: float,
    width_em: Callable[[str], float],
) -> tuple[tuple[LinePosition, ...], ...]:
    """A position per point of each series (``none`` for a gap or a dropped label)."""
    count = max((len(values) for values in series), default=0)
    height = size * LINE_HEIGHT
    markers = [
        _around(plot.x(i, count), plot.y(v), MARKER_HALF, MARKER_HALF)
        for values in series
        for i, v in enumerate(values)
        if v is not None
    ]
    taken = list(markers)  # every marker, then each label as it is placed
    positions: list[list[LinePosition]] = [["none"] * len(values) for values in series]
    for index in range(count):
        present = [(s, v[index]) for s, v in enumerate(series) if v[index] is not None]
        present.sort(key=lambda pair: -pair[1])  # type: ignore[arg-type,operator]
        for rank, (s, value) in enumerate(present):
            x, y = plot.x(index, count), plot.y(value)  # type: ignore[arg-type]
            half_width = width_em(texts[s][index]) * size / 2
            # The highest tries above first, the others below first: crossing lines part.
            order: tuple[LinePosition, ...] = (
                ("above", "below") if rank == 0 else ("below", "above")
            )
            for side in order:
                box = _label_box(x, y, half_width, height, side)
                if _fits(box, plot) and not _overlaps_any(box, taken):
                    positions[s][index] = side
                    taken.append(box)
                    break
    return tuple(tuple(p) for p in positions)


def _around(x: float, y: float, half_width: float, half_height: float) -> Rect:
    return (x - half_width, y - half_height, x + half_width, y + half_height)


def _label_box(x: float, y: float, half_width: float, height: float, side: LinePosition) -> Rect:
    if side == "above":
        return (x - half_width, y + LABEL_GAP, x + half_width, y + LABEL_GAP + height)
    return (x - half_width, y - LABEL_GAP - height, x + half_width, y - LABEL_GAP)


def _fits(box: Rect, plot: PlotArea) -> bool:
    # Labels may reach a little past the sides (the chart's margin), never below the axis.
    left, bottom, _, top = box
    return bottom >= 0 and top <= plot.height + 2 and left >= -8
