"""Write a planned table as a native PowerPoint table (editable, read cell by cell by screen
readers): brand-coloured header row, banded rows, the plan's widths, heights and alignment."""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR
from pptx.slide import Slide
from pptx.util import Emu, Pt

from ..layout.paras import Para
from ..layout.shapes import TableShape
from ..layout.tiletext import tone_color
from ..tableplan import CELL_INSET_X_PT, CELL_INSET_Y_PT
from .context import RenderContext
from .text import write_paras


def write_table(ctx: RenderContext, slide: Slide, shape: TableShape) -> None:
    """The table of one slide (the header row and the page's rows) as planned."""
    box, plan, page = shape.box, shape.plan, shape.page
    colors = ctx.theme.colors
    rows = [tuple(c.header for c in plan.columns), *page.rows]
    height = sum(page.row_heights)
    frame = slide.shapes.add_table(
        len(rows),
        len(plan.columns),
        Emu(box.left),
        Emu(box.top + page.top),
        Emu(box.width),
        Emu(height),
    )
    frame.name = "Table"
    frame._element.nvGraphicFramePr.cNvPr.set("descr", shape.alt)
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
