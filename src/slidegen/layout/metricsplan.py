"""Where a metrics slide puts its tiles, its chart and its list.

The first arrangement is the house style: tiles left of a slightly wider chart, a list under
both taking two fifths of the body. Wider tile boxes and a smaller list share are tried too,
and in each the tiles in one to four columns (a narrow, tall box beside a chart need not
stack them two by two). Of the arrangements in which nothing overflows, the one with the
largest figures wins, the earlier one (the house style, a wider chart, a roomier list,
fewer columns) unless a later one sets them at least :data:`FIGURE_GAIN` larger; when every
arrangement overflows, the one that overflows least.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..theme import Sizes
from .geometry import Box, grid
from .paras import Para
from .textplan import Faces, plan_text
from .tileplan import TileGridPlan, TileText, figure_limit, plan_tiles

_SPLITS = (
    # (body : list rows, tiles : chart columns)
    ((1.5, 1.0), (1.0, 1.25)),
    ((1.5, 1.0), (1.25, 1.0)),
    ((1.5, 1.0), (1.6, 1.0)),
    ((2.2, 1.0), (1.0, 1.25)),
    ((2.2, 1.0), (1.25, 1.0)),
    ((2.2, 1.0), (1.6, 1.0)),
)
TILE_COLUMNS = (2, 3, 4, 1)
"""Columns of tiles beside a chart, in the order they are preferred."""
FIGURE_GAIN = 1.1
"""How much larger a later arrangement must set the figures to be chosen over an earlier."""
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
    candidates = _candidates(body, gap, len(tiles), items is not None, with_chart)
    largest = figure_limit(len(tiles), sizes)
    chosen: MetricsArrangement | None = None
    best, least = candidates[0], None
    list_overflows: dict[Box, float] = {}  # arrangements that differ in their tiles only
    for candidate in candidates:
        plan, overflow = _overflow(candidate, tiles, items, faces, sizes, list_overflows)
        planned = replace(candidate, tile_plan=plan)
        if overflow <= _FITS:
            if not with_chart:
                return planned  # the tiles span the body: the house style's list share
            if chosen is None or _figure(planned) >= _figure(chosen) * FIGURE_GAIN:
                chosen = planned
            if _figure(chosen) * FIGURE_GAIN > largest:
                break  # no arrangement sets them larger enough to be chosen
        elif chosen is None and (least is None or overflow < least):
            best, least = planned, overflow
    return chosen or best


def _figure(arrangement: MetricsArrangement) -> float:
    assert arrangement.tile_plan is not None
    return arrangement.tile_plan.sizes.figure


def _candidates(
    body: Box, gap: int, count: int, with_list: bool, with_chart: bool
) -> list[MetricsArrangement]:
    """Every arrangement to try, in the order they are preferred; none twice (without a list
    the list share changes nothing, and five tiles in three columns or four are one grid)."""
    columns = [c for c in TILE_COLUMNS if c <= count] or [1]
    seen: dict[tuple[Box, Box | None, Box | None, tuple[int, ...]], MetricsArrangement] = {}
    for rows, split in _SPLITS:
        for tile_columns in columns if with_chart else [4]:
            candidate = _candidate(body, gap, rows, split, tile_columns, with_list, with_chart)
            key = (
                candidate.tiles,
                candidate.chart,
                candidate.list,
                tuple(grid(count, tile_columns)),
            )
            seen.setdefault(key, candidate)
    return list(seen.values())


def _candidate(
    body: Box,
    gap: int,
    rows: tuple[float, float],
    columns: tuple[float, float],
    tile_columns: int,
    with_list: bool,
    with_chart: bool,
) -> MetricsArrangement:
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
    list_overflows: dict[Box, float],
) -> tuple[TileGridPlan, float]:
    """The tiles' plan in ``candidate``, and how far tiles and list overflow there (the
    list's overflow by its box, in ``list_overflows``: planned once per box)."""
    plan = plan_tiles(tiles, candidate.tiles, faces, sizes, max_columns=candidate.tile_columns)
    overflow = plan.overflow
    if items and candidate.list is not None:
        if candidate.list not in list_overflows:
            text = plan_text(
                items, candidate.list, faces, size=sizes.body, min_size=sizes.min_body,
                floor=sizes.min_body, grow_to=sizes.max_body, balance=True,
            )  # fmt: skip
            list_overflows[candidate.list] = text.overflow
        overflow += list_overflows[candidate.list]
    return plan, overflow
