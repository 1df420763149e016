"""``table``: a native PowerPoint table, from the YAML or a CSV file, continued on further
slides when its rows do not fit ("Title (2/3)", the header row repeated)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pptx.slide import Slide
from pydantic import BeforeValidator, Field, model_validator

from ..figures import FigureFormat, word
from ..layout import Box, inches
from ..layout.paras import Para
from ..markup import plain_text
from ..model import MAX_TEXT, Flag, ShortText, StrictModel, Text, TitledSlide, _as_text
from ..render.context import RenderContext
from ..render.page import content_slide
from ..render.table import add_table
from ..render.text import add_text
from ..tableplan import TableInput, TablePlan, plan_table

MAX_COLUMNS = 8
MAX_ROWS = 200

ColumnFormat = Literal["text", "number", "percent", "currency", "compact", "compact-currency"]


def _cell(value: Any) -> Any:
    """Numbers stay numbers (an int is a float here); text is checked like any text. A quoted
    ``"0123"`` stays the text written."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return _as_text(value) if value is not None else None


Cell = Annotated[float | Annotated[str, Field(max_length=MAX_TEXT)] | None, BeforeValidator(_cell)]
"""A number (formatted as the column says), a text, or empty."""


class TableColumn(StrictModel):
    """A column: its header and how its numbers are written."""

    name: ShortText
    """The header."""
    format: (
        Literal["text", "number", "percent", "currency", "compact", "compact-currency"] | None
    ) = None
    """How numbers are written; by default ``number`` when every cell is a number, else text."""
    currency: str = Field("EUR", pattern=r"^[A-Z]{3}$")
    """ISO 4217 code for the currency formats."""


class Table(StrictModel):
    """A table: ``columns`` and ``rows``, or ``data: file.csv`` (header row first)."""

    columns: list[TableColumn | ShortText] | None = Field(None, max_length=MAX_COLUMNS)
    """The columns, left to right: a header, or ``{name, format}``."""
    rows: list[list[Cell]] | None = Field(None, max_length=MAX_ROWS)
    """The rows, each with one cell per column."""
    data: ShortText | None = None
    """A CSV file (relative to the deck) whose header row names the columns; ``{period}``
    becomes the period being built."""

    @model_validator(mode="after")
    def _rows_match_columns(self) -> Table:
        if self.data is not None:
            if self.rows is not None:
                raise ValueError("give either 'rows' or 'data' (a CSV file), not both")
            return self
        if not self.columns or self.rows is None:
            raise ValueError("a table needs 'columns' and 'rows' (or 'data: file.csv')")
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"row {number} has {len(row)} cells; the table has {len(self.columns)} columns"
                )
        return self

    def as_input(self) -> TableInput:
        columns = [
            c if isinstance(c, TableColumn) else TableColumn(name=c) for c in self.columns or []
        ]
        rows = [tuple(row) for row in self.rows or []]
        formats: list[FigureFormat | None] = []
        for index, column in enumerate(columns):
            cells = [row[index] for row in rows if row[index] is not None]
            numeric = bool(cells) and all(isinstance(c, int | float) for c in cells)
            chosen = column.format or ("number" if numeric else "text")
            formats.append(None if chosen == "text" else chosen)  # type: ignore[arg-type]
        currency = next((c.currency for c in columns if c.format), "EUR")
        return TableInput(tuple(c.name for c in columns), tuple(rows), tuple(formats), currency)


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


_ROWS = {"it": "righe", "en": "rows", "fr": "lignes", "de": "Zeilen"}
_OF = {"it": "di", "en": "of", "fr": "sur", "de": "von"}


def _plan(spec: TableSlide, ctx: RenderContext) -> tuple[TablePlan, Box, Box | None]:
    """The table's plan, the box it fills and the caption's box."""
    body, gap = ctx.page.body, ctx.page.gap
    sizes = ctx.theme.sizes
    caption_box = None
    if spec.caption:
        body, caption_box = body.take_bottom(inches(0.5), gap)
    plan = plan_table(
        spec.table.as_input(),
        body,
        language=ctx.language,
        family=ctx.measure_family(),
        heading_family=ctx.measure_family(heading=True),
        body_size=sizes.body,
        min_size=sizes.min_body,
        paginate=spec.continue_,
    )
    return plan, body, caption_box


def page_titles(spec: TableSlide, ctx: RenderContext) -> list[str]:
    """The title of each slide the table takes: "Title (2/3)" when it continues."""
    total = len(_plan(spec, ctx)[0].pages)
    if total == 1:
        return [spec.title]
    return [f"{spec.title} ({number}/{total})" for number in range(1, total + 1)]


def render(spec: TableSlide, ctx: RenderContext) -> list[Slide]:
    sizes = ctx.theme.sizes
    table = spec.table.as_input()
    plan, body, caption_box = _plan(spec, ctx)
    if plan.overflow_pt > 0.5:
        ctx.warn(
            f"the table runs {plan.overflow_pt:.0f} pt past the slide at {plan.size:g} pt; "
            "remove 'continue: false' to continue it on the next slide, or shorten it"
        )
    slides, first_row = [], 1
    for title, page in zip(page_titles(spec, ctx), plan.pages, strict=True):
        slides.append(content_slide(ctx, title, spec.subtitle))
        last_row = first_row + len(page.rows) - 1
        alt = (
            f"{plain_text(spec.title)}: {word(_ROWS, ctx.language)} {first_row}–{last_row} "
            f"{word(_OF, ctx.language)} {len(table.rows)}"
        )
        add_table(ctx, body, plan, page, alt)
        if spec.caption and caption_box:
            caption = [Para.of(spec.caption, color=ctx.theme.colors.muted, align="center")]
            add_text(
                ctx, caption_box, caption, name="Caption", size=sizes.body * 0.8,
                min_size=sizes.min_body,
            )  # fmt: skip
        first_row = last_row + 1
    return slides
