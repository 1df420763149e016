"""Write a planned table as a native PowerPoint table (editable, read cell by cell by screen
readers): brand-coloured header row, banded rows, the plan's widths, heights and alignment."""

from __future__ import annotations

from typing import Literal

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Emu, Pt

from ..figures import word
from ..layout import Box
from ..layout.attached import AttachedTable, TableFonts, plan_attached
from ..layout.paras import Para
from ..messages import say
from ..tableplan import CELL_INSET_X_PT, CELL_INSET_Y_PT, PagePlan, TableInput, TablePlan
from .context import RenderContext
from .text import write_paras
from .tiles import tone_color


def add_table(ctx: RenderContext, box: Box, plan: TablePlan, page: PagePlan, alt: str) -> None:
    """The table of one slide of ``plan`` (header row and ``page``'s rows) at ``box``."""
    colors = ctx.theme.colors
    rows = [tuple(c.header for c in plan.columns), *page.rows]
    height = sum(page.row_heights)
    frame = ctx.slide.shapes.add_table(  # type: ignore[union-attr]
        len(rows),
        len(plan.columns),
        Emu(box.left),
        Emu(box.top + page.top),
        Emu(box.width),
        Emu(height),
    )
    frame.name = "Table"
    frame._element.nvGraphicFramePr.cNvPr.set("descr", alt)
    table = frame.table
    table.first_row, table.horz_banding = True, True  # what the rows are, for assistive tech
    for column, planned in zip(table.columns, plan.columns, strict=True):
        column.width = Emu(planned.width)
    for index, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
        row.height = Emu(page.row_heights[index])
        header = index == 0
        fill = (
            colors.primary if header else (colors.surface if index % 2 == 0 else colors.background)
        )
        tones = page.tones[index - 1] if index and page.tones else (None,) * len(cells)
        for cell, text, planned, tone in zip(row.cells, cells, plan.columns, tones, strict=True):
            text_colour = (
                colors.on_primary if header else tone_color(ctx, tone) if tone else colors.text
            )
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(fill)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            cell.margin_left = cell.margin_right = Pt(CELL_INSET_X_PT)
            cell.margin_top = cell.margin_bottom = Pt(CELL_INSET_Y_PT)
            para = Para.of(
                f"**{text}**" if header and text else text,
                color=text_colour,
                emphasis_color=text_colour,
                heading=header,
                align=planned.align,
            )
            write_paras(ctx, cell.text_frame, [para], plan.size, anchor="middle")


ROWS = {"it": "righe", "en": "rows", "fr": "lignes", "de": "Zeilen"}
"""The word for a table's rows in its alt text, by language."""


def table_fonts(ctx: RenderContext) -> TableFonts:
    """The theme's fonts and sizes a table is measured with."""
    sizes = ctx.theme.sizes
    return TableFonts(
        ctx.language, ctx.measure_family(), ctx.measure_family(heading=True), sizes.body,
        sizes.min_body,
    )  # fmt: skip


def attached_table(
    ctx: RenderContext, body: Box, table: TableInput, where: Literal["beside", "under"]
) -> AttachedTable:
    """The plan of a table beside or under the slide's other content (:func:`plan_attached`);
    what does not fit is a finding at the slide's ``table``."""
    attached = plan_attached(table, body, ctx.page.gap, where, table_fonts(ctx))
    plan = attached.plan
    if plan.overflow_pt > 0.5:
        ctx.warn_at(
            ("table",),
            say(
                "attached_table_overflow", overflow=f"{plan.overflow_pt:.0f}", size=f"{plan.size:g}"
            ),
        )
    return attached


def add_attached_table(ctx: RenderContext, attached: AttachedTable, title: str) -> None:
    """Draw a planned attached table; its alt text names the slide and the rows."""
    rows = len(attached.plan.pages[0].rows)
    alt = f"{title}: {rows} {word(ROWS, ctx.language)}"
    add_table(ctx, attached.box, attached.plan, attached.plan.pages[0], alt)
