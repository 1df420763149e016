"""``table``: a native PowerPoint table, from the YAML or a CSV file, continued on further
slides when its rows do not fit ("Title (2/3)", the header row repeated)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..figures import word
from ..layout import Box
from ..layout.context import LayoutContext
from ..layout.shapes import Shape, SlidePlan, TableShape
from ..layout.slideplan import content_heading, content_slide
from ..layout.tables import ROWS
from ..layout.text import CAPTION_HEIGHT, caption_shape
from ..markup import plain_text
from ..messages import say
from ..model import Flag, Text, TitledSlide
from ..tablemodel import Table
from ..tableplan import TablePlan, plan_table


class TableSlide(TitledSlide):
    """A table, with an optional caption under it."""

    kind: Literal["table"]
    table: Table
    """The table: its columns and rows, or a CSV file."""
    caption: Text | None = None
    """A line under the table (source, remark)."""
    continue_: Annotated[Flag, Field(alias="continue")] = True
    """Rows that do not fit continue on the next slide; ``false`` keeps one slide (the text
    shrinks to the theme's minimum, and what still does not fit is a finding)."""


_OF = {"it": "di", "en": "of", "fr": "sur", "de": "von"}


def _plan(spec: TableSlide, lc: LayoutContext) -> tuple[TablePlan, Box, Box | None]:
    """The table's plan, the box it fills and the caption's box."""
    body, gap = lc.page.body, lc.page.gap
    sizes = lc.theme.sizes
    caption_box = None
    if spec.caption:
        body, caption_box = body.take_bottom(CAPTION_HEIGHT, gap)
    plan = plan_table(
        spec.table.as_input(lc.language),
        body,
        language=lc.language,
        family=lc.measure_family(),
        heading_family=lc.measure_family(heading=True),
        body_size=sizes.body,
        min_size=sizes.min_body,
        paginate=spec.continue_,
    )
    return plan, body, caption_box


def page_titles(spec: TableSlide, lc: LayoutContext) -> list[str]:
    """The title of each slide the table takes: "Title (2/3)" when it continues."""
    total = len(_plan(spec, lc)[0].pages)
    if total == 1:
        return [spec.title]
    return [f"{spec.title} ({number}/{total})" for number in range(1, total + 1)]


def plan(spec: TableSlide, lc: LayoutContext) -> list[SlidePlan]:
    table = spec.table.as_input(lc.language)
    planned, body, caption_box = _plan(spec, lc)
    if planned.overflow_pt > 0.5:
        overflow, size = f"{planned.overflow_pt:.0f}", f"{planned.size:g}"
        lc.warn(say("table_overflow", overflow=overflow, size=size))
    slides, first_row = [], 1
    for title, page in zip(page_titles(spec, lc), planned.pages, strict=True):
        heading = content_heading(lc, title, spec.subtitle)
        last_row = first_row + len(page.rows) - 1
        alt = (
            f"{plain_text(spec.title)}: {word(ROWS, lc.language)} {first_row}–{last_row} "
            f"{word(_OF, lc.language)} {len(table.rows)}"
        )
        shapes: list[Shape] = [TableShape(body, planned, page, alt)]
        if spec.caption and caption_box:
            shapes.append(caption_shape(lc, caption_box, spec.caption))
        slides.append(content_slide(lc, heading, shapes))
        first_row = last_row + 1
    return slides
