"""Tables planned before they are drawn: column widths from measured text, rows per slide.

Pure: the plan is computed from the table's cells, the theme's fonts and sizes and the body
box, without python-pptx, so the rules are tested on plans (``tests/test_table.py``).

- Numbers are right-aligned and written as the deck's language writes them, in the column's
  format; so are dates (``15 lug 2014``: right-aligned, the years line up) and changes since
  the previous period (``▲ +5 (+15,6%)``, toned positive or negative as the tiles are); text
  columns are left-aligned.
- Each column is as wide as its widest cell, measured; when the table is wider than the body,
  numeric columns keep their width and text columns share what is left and wrap.
- A table that does not fit shrinks towards the theme's minimum size; rows that do not fit
  even then continue on the next slide, the header repeated ("Title (2/3)") and the rows
  balanced between the slides, unless the deck asks for one slide: then what does not fit is
  a finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .changes import NO_CHANGE, PeriodChange, Tone, describe_change
from .figures import FigureFormat, format_figure
from .layout import EMU_PER_PT, Box
from .layout.textplan import SPARE_ABOVE
from .markup import parse_inline
from .textfit import Line, count_lines, face

CELL_INSET_X_PT = 5.0
CELL_INSET_Y_PT = 3.0
TABLE_SCALE = 0.8
"""Table text is set at this share of the theme's body size (a table is denser than a list)."""
LINE_SPACING = 1.0


@dataclass(frozen=True)
class ColumnPlan:
    header: str
    width: int
    """EMU."""
    align: str
    """``left`` for text, ``right`` for numbers, dates and changes."""


@dataclass(frozen=True)
class PagePlan:
    """The rows of one slide of the table (the header row is repeated on each)."""

    rows: tuple[tuple[str, ...], ...]
    row_heights: tuple[int, ...]
    """EMU, the header row's first."""
    top: int = 0
    """EMU from the top of the box: a short table is not stranded at the top of the slide,
    but set like a short list, two fifths of the spare room above it."""
    tones: tuple[tuple[Tone | None, ...], ...] = ()
    """Per row and cell, the tone of a change (``None``: the text colour); empty: none."""


@dataclass(frozen=True)
class TablePlan:
    columns: tuple[ColumnPlan, ...]
    pages: tuple[PagePlan, ...]
    size: float
    """Text size in points."""
    overflow_pt: float = 0.0
    """How far the rows run past the box (only when the deck asks for one slide)."""


@dataclass(frozen=True)
class TableInput:
    """What the layout needs of a table: header, cells and each column's format."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str | float | Figure | PeriodChange | None, ...], ...]
    formats: tuple[CellFormat | None, ...]
    """``None`` is a text column."""
    currency: str = "EUR"


CellFormat = FigureFormat | Literal["date", "change"]


@dataclass(frozen=True)
class Figure:
    """A metric's figure in a cell: written in the metric's own format, with its unit, so a
    column may mix counts and percentages."""

    value: float
    format: FigureFormat = "number"
    currency: str = "EUR"
    unit: str | None = None

    def text(self, language: str) -> str:
        written = format_figure(self.value, language, self.format, self.currency)
        if not self.unit or self.format in ("percent", "currency", "compact-currency"):
            return written
        return written + (self.unit if self.unit == "%" else f"\u00a0{self.unit}")


def cell_text(
    value: str | float | Figure | PeriodChange | None,
    fmt: CellFormat | None,
    language: str,
    cur: str,
) -> tuple[str, Tone | None]:
    """A cell as the slide shows it, and the tone of a change."""
    if isinstance(value, Figure):
        return value.text(language), None
    if isinstance(value, PeriodChange):
        described = describe_change(value, language)
        return (described.text, described.tone) if described else (NO_CHANGE, "muted")
    if value is None:
        return "", None
    if fmt == "date" and isinstance(value, str | float):
        year = isinstance(value, float) and value.is_integer()  # 2014, written as a number
        return date_text(str(int(value)) if year else str(value), language), None
    if isinstance(value, int | float) and fmt not in (None, "date", "change"):
        return format_figure(value, language, fmt, cur), None  # type: ignore[arg-type]
    return str(value), None


def date_text(value: str, language: str) -> str:
    """``15 lug 2014``, ``lug 2014``: as timelines write their dates; the text as written
    when it is no date (the resolve stage has reported it)."""
    from .timelineplan import MilestoneDate

    try:
        return MilestoneDate.parse(value).label(language)
    except ValueError:
        return value


def plan_table(
    table: TableInput,
    box: Box,
    *,
    language: str,
    family: str,
    heading_family: str,
    body_size: float,
    min_size: float,
    paginate: bool,
) -> TablePlan:
    """Widths, sizes and the split into slides of ``table`` set in ``box``."""
    cells = [
        [
            cell_text(value, fmt, language, table.currency)
            for value, fmt in zip(row, table.formats, strict=True)
        ]
        for row in table.rows
    ]
    texts = tuple(tuple(text for text, _ in row) for row in cells)
    tones = tuple(tuple(tone for _, tone in row) for row in cells)
    size = table_size(body_size, min_size)
    while True:  # shrink towards the minimum while that keeps the table on one slide
        widths = _column_widths(table, texts, box.width, size, family, heading_family)
        heights = [_row_height(table.headers, widths, size, heading_family, bold=True)]
        heights += [_row_height(row, widths, size, family) for row in texts]
        if sum(heights) <= box.height or size <= min_size:
            break
        size = max(min_size, size - 0.5)
    columns = tuple(
        ColumnPlan(header, width, "left" if fmt is None else "right")
        for header, width, fmt in zip(table.headers, widths, table.formats, strict=True)
    )
    if sum(heights) <= box.height:
        top = round((box.height - sum(heights)) * SPARE_ABOVE)
        return TablePlan(columns, (PagePlan(texts, tuple(heights), top, tones),), size)
    if paginate:
        return TablePlan(columns, _paginate(texts, tones, heights, box.height), size)
    # One slide, as the deck asks: every row stays, and what runs past the box is reported.
    overflow = (sum(heights) - box.height) / EMU_PER_PT
    page = PagePlan(texts, tuple(heights), tones=tones)
    return TablePlan(columns, (page,), size, overflow_pt=overflow)


def _natural_width_pt(text: str, size: float, family: str, bold: bool = False) -> float:
    """Width of ``text`` on one line, in points, with the cell's insets."""
    em = sum(face(family, bold or r.bold, r.italic).advance(r.text) for r in parse_inline(text))
    return em * size + 2 * CELL_INSET_X_PT


def natural_width(
    table: TableInput, *, language: str, family: str, heading_family: str, size: float
) -> int:
    """EMU the table takes with no cell wrapped (headers down to their longest word)."""
    texts = [
        [
            cell_text(v, f, language, table.currency)[0]
            for v, f in zip(row, table.formats, strict=True)
        ]
        for row in table.rows
    ]
    return round(sum(_natural_widths(table, texts, size, family, heading_family)) * EMU_PER_PT)


def table_size(body_size: float, min_size: float) -> float:
    """The size a table's text starts from: a share of the body size, never below the minimum."""
    return max(min_size, round(body_size * TABLE_SCALE * 2) / 2)


def _natural_widths(
    table: TableInput,
    texts: Sequence[Sequence[str]],
    size: float,
    family: str,
    heading_family: str,
) -> list[float]:
    """Points each column takes with its cells on one line."""
    natural = []
    for index, header in enumerate(table.headers):
        cells = [row[index] for row in texts]
        widest = max([_natural_width_pt(c, size, family) for c in cells], default=0.0)
        heading = _natural_width_pt(header, size, heading_family, bold=True)
        # A header may wrap over a narrow numeric column, but not below its longest word.
        longest_word = max(
            (_natural_width_pt(w, size, heading_family, bold=True) for w in header.split()),
            default=0.0,
        )
        natural.append(max(widest, min(heading, max(widest, longest_word))))
    return natural


def _column_widths(
    table: TableInput,
    texts: Sequence[Sequence[str]],
    total: int,
    size: float,
    family: str,
    heading_family: str,
) -> list[int]:
    natural = _natural_widths(table, texts, size, family, heading_family)
    total_pt = total / EMU_PER_PT
    if sum(natural) <= total_pt:
        extra = (total_pt - sum(natural)) / len(natural)
        widths_pt = [n + extra for n in natural]
    else:
        numeric = [fmt is not None for fmt in table.formats]
        fixed = sum(n for n, is_number in zip(natural, numeric, strict=True) if is_number)
        flexible = sum(n for n, is_number in zip(natural, numeric, strict=True) if not is_number)
        room = max(total_pt - fixed, total_pt * 0.3)
        share = room / flexible if flexible else 1.0
        widths_pt = [
            n if is_number and fixed < total_pt else n * share
            for n, is_number in zip(natural, numeric, strict=True)
        ]
        scale = total_pt / sum(widths_pt)
        widths_pt = [w * scale for w in widths_pt]
    widths = [round(w * EMU_PER_PT) for w in widths_pt]
    widths[-1] += total - sum(widths)  # rounding: the columns fill the box exactly
    return widths


def _row_height(
    cells: Sequence[str], widths: Sequence[int], size: float, family: str, bold: bool = False
) -> int:
    lines = 1
    for text, width in zip(cells, widths, strict=True):
        runs = tuple(parse_inline(text)) if text else ()
        if bold:
            runs = tuple(r.__class__(r.text, True, r.italic, r.link) for r in runs)
        available_em = (width / EMU_PER_PT - 2 * CELL_INSET_X_PT) / size
        lines = max(lines, count_lines(Line(runs, family), available_em) if runs else 1)
    line_pt = face(family, bold).line_height * size * LINE_SPACING
    return round((lines * line_pt + 2 * CELL_INSET_Y_PT) * EMU_PER_PT)


def _paginate(
    texts: Sequence[tuple[str, ...]],
    tones: Sequence[tuple[Tone | None, ...]],
    heights: Sequence[int],
    room: int,
) -> tuple[PagePlan, ...]:
    """Rows in order under the repeated header, in as few slides as fit them, balanced: 60
    rows in 4 slides are 15 each, not 18, 18, 18 and 6."""
    greedy = _split(heights, room, cap=len(texts))
    cap = -(-len(texts) // len(greedy))  # ceiling
    balanced = _split(heights, room, cap)
    chosen = balanced if len(balanced) == len(greedy) else greedy
    header = heights[0]
    return tuple(
        PagePlan(
            tuple(texts[start:end]),
            (header, *heights[1 + start : 1 + end]),
            tones=tuple(tones[start:end]),
        )
        for start, end in chosen
    )


def _split(heights: Sequence[int], room: int, cap: int) -> list[tuple[int, int]]:
    """(start, end) row ranges: at most ``cap`` rows a slide, and at least one."""
    header, body = heights[0], heights[1:]
    ranges: list[tuple[int, int]] = []
    start = 0
    while start < len(body) or not ranges:
        used, end = header, start
        while end < len(body) and end - start < cap and (used + body[end] <= room or end == start):
            used += body[end]
            end += 1
        ranges.append((start, end))
        start = end
    return ranges
