"""Metric tiles: sized to their content, set in balanced rows, figures on one baseline.

Few tiles are big numbers (the figure grows up to twice the theme's metric size for one
tile); qualifier, unit, label and notes are set smaller than the figure but never below the
theme's minimum. Every tile of a grid has the same size, each row is centred, the grid is
centred in its box; in each row the figures share a baseline, whatever sits above them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..textfit import Line, count_lines, face, widest_word
from ..theme import Sizes
from .geometry import EMU_PER_PT, Box, grid, inches, points
from .paras import Para
from .textplan import STEP, Faces, ParaPlan, TextPlan

FIGURE_GROWTH = {1: 2.0, 2: 1.75, 3: 1.5}
"""How much larger than the theme's metric size the figure may be, for so few tiles."""
FIGURE_FLOOR_SHARE = 0.5
"""The figure shrinks to fit down to this share of the metric size (not below twice the
minimum text size)."""
UNIT_SCALE = 0.55
"""A unit ("%", "days", "£m") beside its figure, relative to the figure."""
WIDTH_SLACK = 0.04
CORNERS_Y = 6.0
"""Points a rounded tile's corners take from the height of its text area."""
HEIGHT_SLACK = 0.06
"""Room kept free under a tile's text: a renderer that wraps one word earlier than measured
adds a line."""
GAP = inches(0.2)
PAD_X, PAD_Y, TIGHT_PAD_Y = inches(0.14), inches(0.14), inches(0.05)
PADDING = 2 * (PAD_X + points(4)) / EMU_PER_PT + 8.0
"""Points a tile's text loses across: padding, the frame's insets, and the few points the
rounded corners take from its text area."""


@dataclass(frozen=True)
class TileText:
    """One tile's paragraphs by role; the figure paragraph's runs are the number, then the
    unit (its ``run_scales`` are set by the plan)."""

    figure: Para
    label: Para
    qualifier: Para | None = None
    details: tuple[Para, ...] = ()
    """Notes, the change since the previous period, the target: the smallest lines."""

    @property
    def paras(self) -> list[Para]:
        head = [self.qualifier] if self.qualifier else []
        return [*head, self.figure, self.label, *self.details]


@dataclass(frozen=True)
class RoleSizes:
    """The sizes (points) of a grid's figure and of the text around it."""

    figure: float
    qualifier: float
    label: float
    detail: float

    @classmethod
    def at(cls, figure: float, sizes: Sizes) -> RoleSizes:
        def between(share: float, high: float) -> float:
            return round(max(sizes.min_body, min(figure * share, high)) * 2) / 2

        return cls(
            figure,
            between(0.5, min(sizes.max_body, figure * 0.6)),
            between(0.45, sizes.max_body),
            between(0.36, sizes.body * 0.8),
        )


@dataclass(frozen=True)
class TilePlan:
    """Where one tile goes and how its text is set."""

    box: Box
    text: TextPlan


@dataclass(frozen=True)
class TileGridPlan:
    """Every tile of a grid; ``rows`` counts tiles per row; ``overflow`` (points) how far the
    tallest tile's text runs past its tile at the smallest sizes, or its widest figure or
    word past its width (0: it fits)."""

    tiles: tuple[TilePlan, ...]
    rows: tuple[int, ...]
    sizes: RoleSizes
    overflow: float
    baselines: tuple[float, ...]
    """Per tile, the figure's first-line top from the slide's top (points): equal in a row."""


def plan_tiles(
    tiles: list[TileText], box: Box, faces: Faces, sizes: Sizes, *, max_columns: int = 4
) -> TileGridPlan:
    """The largest figure (from the theme's metric size, grown for few tiles) at which every
    tile fits a grid of balanced rows in ``box``; the tiles sized to the fullest one. Tiles
    that do not fit even with the smallest figure lose some of their padding first."""
    rows = grid(len(tiles), max_columns)
    measures = [_TileMeasures.of(tile, faces) for tile in tiles]
    plan = _fit(tiles, measures, box, rows, sizes, PAD_Y)
    if plan.overflow:
        tight = _fit(tiles, measures, box, rows, sizes, TIGHT_PAD_Y)
        plan = tight if tight.overflow < plan.overflow else plan
    return plan


def figure_limit(count: int, sizes: Sizes) -> float:
    """The largest figure ``count`` tiles are set at: the theme's metric size, grown for few."""
    return sizes.metric * FIGURE_GROWTH.get(count, 1.0)


@dataclass(frozen=True)
class _TileMeasures:
    """What one tile's text measures at size 1 (em), whatever size a trial sets it at:
    widths in em scale with the size, so the size search only multiplies."""

    figure_runs: tuple[tuple[float, float], ...]
    """Per run of the figure (the number, then its unit): its advance and its scale."""
    roles: tuple[str, ...]
    """The role (a :class:`RoleSizes` field) of each paragraph after the figure: label,
    qualifier, details."""
    one_line: tuple[float, ...]
    """Each of those paragraphs on one line."""
    widest_words: tuple[float, ...]
    """Each one's widest word: narrower than it, the tile would break a word across lines
    ("Septe" / "mber")."""
    lines: tuple[tuple[Line, str] | None, ...]
    """Per paragraph in reading order (``TileText.paras``), what wraps and its role; None for
    the figure, which never wraps (the tile is at least as wide as it)."""
    space_before: tuple[float, ...]
    line_heights: tuple[float, ...]

    @classmethod
    def of(cls, tile: TileText, faces: Faces) -> _TileMeasures:
        metrics = face(faces.heading, bold=True)
        figure = tile.figure
        figure_runs = tuple(
            (metrics.advance(run.text), figure.run_scale(i)) for i, run in enumerate(figure.runs)
        )
        roles: list[str] = []
        one_line: list[float] = []
        widest: list[float] = []
        role_of: dict[int, str] = {}
        for para, role in _roles(tile):
            family = faces.of(para)
            roles.append(role)
            one_line.append(sum(face(family, r.bold, r.italic).advance(r.text) for r in para.runs))
            widest.append(widest_word(Line(para.runs, family)))
            role_of[id(para)] = role
        lines = tuple(
            None if para is figure else (Line(para.runs, faces.of(para)), role_of[id(para)])
            for para in tile.paras
        )
        return cls(
            figure_runs,
            tuple(roles),
            tuple(one_line),
            tuple(widest),
            lines,
            tuple(para.space_before for para in tile.paras),
            tuple(face(faces.of(para)).line_height for para in tile.paras),
        )

    def figure_width(self, roles: RoleSizes) -> float:
        """The figure and its unit on one line, in points."""
        return sum(advance * roles.figure * scale for advance, scale in self.figure_runs)

    def natural_width(self, roles: RoleSizes) -> float:
        """Points the tile's text wants (no padding): the figure, each paragraph on one line."""
        widest = self.figure_width(roles)
        for line, role in zip(self.one_line, self.roles, strict=True):
            widest = max(widest, line * getattr(roles, role))
        return widest

    def widest_word(self, roles: RoleSizes) -> float:
        return max(
            word * getattr(roles, role)
            for word, role in zip(self.widest_words, self.roles, strict=True)
        )


def _roles(tile: TileText) -> list[tuple[Para, str]]:
    """The paragraphs after the figure, each with its role."""
    roles = [(tile.label, "label")]
    if tile.qualifier:
        roles.append((tile.qualifier, "qualifier"))
    return roles + [(detail, "detail") for detail in tile.details]


def _fit(
    tiles: list[TileText],
    measures: list[_TileMeasures],
    box: Box,
    rows: list[int],
    sizes: Sizes,
    pad_y: int,
) -> TileGridPlan:
    cell_width = (box.width - GAP * (rows[0] - 1)) / rows[0] / EMU_PER_PT
    cell_height = (box.height - GAP * (len(rows) - 1)) / len(rows) / EMU_PER_PT
    top = figure_limit(len(tiles), sizes)
    floor = max(sizes.metric * FIGURE_FLOOR_SHARE, 2 * sizes.min_body)
    steps = [top]  # from the largest figure down, in half points, to the floor
    while steps[-1] > floor:
        steps.append(max(floor, steps[-1] - STEP))

    def measured(figure: float, probe: bool = False) -> _Trial:
        """The tiles at ``figure``; a ``probe`` too wide for its cell is not laid out (only
        whether it fits is asked of it)."""
        roles = RoleSizes.at(figure, sizes)
        figures = max(m.figure_width(roles) for m in measures) * (1 + WIDTH_SLACK)
        words = max(m.widest_word(roles) for m in measures) / (1 - WIDTH_SLACK)
        too_wide = max(figures, words) + PADDING - cell_width
        if probe and too_wide > 0:
            return _Trial(False, roles, cell_width, [], math.inf, too_wide)
        natural = max(m.natural_width(roles) for m in measures)
        # Room for the renderers' own rounding: a label measured to the point would wrap.
        width = min(cell_width, natural * (1 + WIDTH_SLACK) + PADDING)
        laid = [_lay_out(m, roles, width) for m in measures]
        height = max(_height(plans) for plans in laid) + 2 * pad_y / EMU_PER_PT + CORNERS_Y
        fits = height * (1 + HEIGHT_SLACK) <= cell_height and too_wide <= 0
        return _Trial(fits, roles, width, laid, height, max(0.0, too_wide))

    # Smaller figures only ever take less room: the largest that fits, by halving.
    trial, low, high = measured(top), 1, len(steps) - 1
    if not trial.fits:
        trial = measured(steps[high])
        while trial.fits and low < high:
            middle = (low + high) // 2
            probe = measured(steps[middle], probe=True)
            if probe.fits:
                trial, high = probe, middle
            else:
                low = middle + 1
    overflow = max(0.0, trial.height - cell_height, trial.too_wide)
    height = min(trial.height, cell_height)
    return _place(box, rows, tiles, trial.laid, trial.roles, trial.width, height, overflow)


@dataclass(frozen=True)
class _Trial:
    """The tiles laid out at one figure size."""

    fits: bool
    roles: RoleSizes
    width: float
    laid: list[list[ParaPlan]]
    height: float
    too_wide: float = 0.0
    """Points the widest figure or word is wider than its tile's text (0: none is)."""


def _lay_out(measures: _TileMeasures, roles: RoleSizes, width: float) -> list[ParaPlan]:
    """The tile's paragraphs, in reading order, at the grid's sizes in a tile ``width`` wide."""
    text_width = width - PADDING  # the corners take from the text area too
    usable = text_width * (1 - WIDTH_SLACK)  # wrap early rather than late
    plans = []
    for index, wraps in enumerate(measures.lines):
        if wraps is None:
            size, lines = roles.figure, 1  # the figure
        else:
            line, role = wraps
            size = getattr(roles, role)
            lines = count_lines(line, usable / size)
        before = measures.space_before[index] * size if index else 0.0
        plans.append(ParaPlan(size, 0.0, 0.0, before, lines, measures.line_heights[index] * size))
    return plans


def _height(plans: list[ParaPlan]) -> float:
    return sum(p.height for p in plans)


def _above_figure(tile: TileText, plans: list[ParaPlan]) -> float:
    """How far below the text's top the figure's line starts (the qualifier's height)."""
    return plans[0].height if tile.qualifier else 0.0


def _place(
    box: Box,
    rows: list[int],
    tiles: list[TileText],
    laid: list[list[ParaPlan]],
    roles: RoleSizes,
    width: float,
    height: float,
    overflow: float,
) -> TileGridPlan:
    """Tiles of ``width`` × ``height`` points, each row centred, the grid centred in ``box``;
    in each row, every tile's text starts so that the figures line up."""
    tile_w, tile_h = round(width * EMU_PER_PT), round(height * EMU_PER_PT)
    grid_h = len(rows) * tile_h + (len(rows) - 1) * GAP
    top = box.top + max(0, (box.height - grid_h) // 2)
    placed: list[TilePlan] = []
    baselines: list[float] = []
    start = 0
    for count in rows:
        members = range(start, start + count)
        above = max(_above_figure(tiles[i], laid[i]) for i in members)
        below = max(_height(laid[i]) - _above_figure(tiles[i], laid[i]) for i in members)
        offset = max(0.0, (height - above - below) / 2)
        left = box.left + (box.width - (count * tile_w + (count - 1) * GAP)) // 2
        for column, i in enumerate(members):
            pad = offset + above - _above_figure(tiles[i], laid[i])
            text = TextPlan(
                roles.figure, tuple(laid[i]), _height(laid[i]), overflow, "top", pad,
                pad_x=PAD_X / EMU_PER_PT,
            )  # fmt: skip
            tile_box = Box(left + column * (tile_w + GAP), top, tile_w, tile_h)
            placed.append(TilePlan(tile_box, text))
            baselines.append(top / EMU_PER_PT + offset + above)
        top += tile_h + GAP
        start += count
    return TileGridPlan(tuple(placed), tuple(rows), roles, overflow, tuple(baselines))
