"""A table that shares its slide: beside a list (``bullets``) or under tiles (``metrics``).

Pure rules, tested on plans (``tests/test_attached_table.py``):

- Beside a list the table is as wide as its cells on one line want, but never narrower than
  a third of the body nor wider than 55% of it: the list keeps at least 45% to be read.
- Under tiles the table takes the height its rows want, up to 55% of the body; the tiles
  keep the rest, and never less than a strip of tiles (1.55 in). It is as wide as its cells
  want, at least 60% of the body, and centred under the tiles.
- An attached table never continues on another slide (its slide has other content that
  would be repeated or lost): it shrinks down to the theme's minimum size, and what still
  does not fit is a finding at the slide's ``table``. A table of its own (``kind: table``)
  continues.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..tableplan import TableInput, TablePlan, natural_width, plan_table, table_size
from .geometry import Box, inches

BESIDE_MIN_SHARE = 1 / 3
BESIDE_MAX_SHARE = 0.55
UNDER_MAX_SHARE = 0.55
UNDER_MIN_WIDTH_SHARE = 0.6
TILES_MIN_HEIGHT = inches(1.55)
WIDTH_SLACK = 1.12


@dataclass(frozen=True)
class TableFonts:
    """What a table's text is measured with."""

    language: str
    family: str
    heading_family: str
    body_size: float
    min_size: float


@dataclass(frozen=True)
class AttachedTable:
    """Where the slide's other content goes, and the table's box and plan."""

    rest: Box
    box: Box
    plan: TablePlan


def plan_attached(
    table: TableInput, body: Box, gap: int, where: Literal["beside", "under"], fonts: TableFonts
) -> AttachedTable:
    """The table beside (to the right of) or under the rest of ``body``."""
    if where == "beside":
        return _beside(table, body, gap, fonts)
    return _under(table, body, gap, fonts)


def _plan(table: TableInput, box: Box, fonts: TableFonts) -> TablePlan:
    return plan_table(
        table, box, language=fonts.language, family=fonts.family,
        heading_family=fonts.heading_family, body_size=fonts.body_size,
        min_size=fonts.min_size, paginate=False,
    )  # fmt: skip


def _wanted(table: TableInput, fonts: TableFonts) -> int:
    """EMU the table's cells want on one line, at the size a table starts from, with room
    for the renderers' rounding and for the arrows of changes, drawn from a fallback font."""
    return round(WIDTH_SLACK * natural_width(
        table, language=fonts.language, family=fonts.family,
        heading_family=fonts.heading_family, size=table_size(fonts.body_size, fonts.min_size),
    ))  # fmt: skip


def _beside(table: TableInput, body: Box, gap: int, fonts: TableFonts) -> AttachedTable:
    space = 2 * gap  # as between a list and a chart
    usable = body.width - space
    wanted = _wanted(table, fonts)
    width = round(min(max(wanted, usable * BESIDE_MIN_SHARE), usable * BESIDE_MAX_SHARE))
    rest = Box(body.left, body.top, usable - width, body.height)
    box = Box(body.right - width, body.top, width, body.height)
    return AttachedTable(rest, box, _plan(table, box, fonts))


def _under(table: TableInput, body: Box, gap: int, fonts: TableFonts) -> AttachedTable:
    room = min(round(body.height * UNDER_MAX_SHARE), body.height - TILES_MIN_HEIGHT - gap)
    width = min(body.width, max(_wanted(table, fonts), round(body.width * UNDER_MIN_WIDTH_SHARE)))
    left = body.left + (body.width - width) // 2
    trial = _plan(table, Box(left, body.top, width, room), fonts)
    height = min(room, sum(trial.pages[0].row_heights))
    box = Box(left, body.bottom - height, width, height)
    rest = Box(body.left, body.top, body.width, body.height - height - gap)
    return AttachedTable(rest, box, _plan(table, box, fonts))
