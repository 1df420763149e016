"""Where a metrics slide puts its tiles, its chart and its list.

The first arrangement is the house style: tiles left of a slightly wider chart, a list under
both taking two fifths of the body. A narrower page (a 4:3 template) or longer labels may
not hold the tiles there even at the smallest text, so wider tile columns, more columns of
tiles and a smaller list share are tried in turn: the first in which nothing overflows wins,
else the one that overflows least.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..theme import Sizes
from .geometry import Box
from .paras import Para
from .textplan import Faces, plan_text
from .tileplan import TileGridPlan, TileText, plan_tiles

_SPLITS = (
    # (body : list rows, tiles : chart columns, tile columns)
    ((1.5, 1.0), (1.0, 1.25), 2),
    ((1.5, 1.0), (1.25, 1.0), 2),
    ((1.5, 1.0), (1.6, 1.0), 3),
    ((2.2, 1.0), (1.0, 1.25), 2),
    ((2.2, 1.0), (1.25, 1.0), 2),
    ((2.2, 1.0), (1.6, 1.0), 3),
)
_FITS = 0.5
"""Overflow in points that counts as none."""


@dataclass(frozen=True)
class MetricsArrangement:
    tiles: Box
    chart: Box | None
    list: Box | None
    tile_columns: int
    tile_plan: TileGridPlan | None = None
    """The tiles planned in ``tiles`` when choosing the arrangement (no need to again)."""


def arrange_metrics(
    body: Box,
    gap: int,
    tiles: list[TileText],
    items: list[Para] | None,
    with_chart: bool,
    faces: Faces,
    sizes: Sizes,
) -> MetricsArrangement:
    """The arrangement of a metrics slide's tiles (with a chart and a list, when it has
    them) in ``body``."""
    if not with_chart and not items:
        return MetricsArrangement(body, None, None, 4)
    candidates = [_candidate(body, gap, split, items is not None, with_chart) for split in _SPLITS]
    if not with_chart:
        candidates = list({(c.tiles, c.list): c for c in candidates}.values())
    best, least = candidates[0], None
    for candidate in candidates:
        plan, overflow = _overflow(candidate, tiles, items, faces, sizes)
        planned = replace(candidate, tile_plan=plan)
        if overflow <= _FITS:
            return planned
        if least is None or overflow < least:
            best, least = planned, overflow
    return best


def _candidate(
    body: Box,
    gap: int,
    split: tuple[tuple[float, float], tuple[float, float], int],
    with_list: bool,
    with_chart: bool,
) -> MetricsArrangement:
    rows, columns, tile_columns = split
    list_box = None
    if with_list:
        body, list_box = body.split_rows(2, gap, weights=list(rows))
    if not with_chart:
        return MetricsArrangement(body, None, list_box, 4)
    tiles_box, chart_box = body.split_columns(2, gap * 2, weights=list(columns))
    return MetricsArrangement(tiles_box, chart_box, list_box, tile_columns)


def _overflow(
    candidate: MetricsArrangement,
    tiles: list[TileText],
    items: list[Para] | None,
    faces: Faces,
    sizes: Sizes,
) -> tuple[TileGridPlan, float]:
    """The tiles' plan in ``candidate``, and how far tiles and list overflow there."""
    plan = plan_tiles(tiles, candidate.tiles, faces, sizes, max_columns=candidate.tile_columns)
    overflow = plan.overflow
    if items and candidate.list is not None:
        text = plan_text(
            items, candidate.list, faces, size=sizes.body, min_size=sizes.min_body,
            floor=sizes.min_body, grow_to=sizes.max_body, balance=True,
        )  # fmt: skip
        overflow += text.overflow
    return plan, overflow
