"""A table in a deck: its columns and rows, or a CSV file. A ``table`` slide shows one on its
own; ``bullets`` beside the list and ``metrics`` under the tiles.

A column says how its cells are written: numbers in the deck's language (``number``,
``percent``, ``currency``…), ``date`` (``2014-07-15``, ``2014-07``), or ``change: true``,
whose cells name a metric (``{giunte}``) and show its change since the previous period as
the tiles do (``▲ +5 (+15,6%)``, green when it went the good way).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, InstanceOf, model_validator
from pydantic.json_schema import SkipJsonSchema

from .changes import PeriodChange, change_header
from .messages import say
from .model import MAX_TEXT, Flag, ShortText, StrictModel, _as_text
from .tableplan import CellFormat, Figure, TableInput

MAX_COLUMNS = 8
MAX_ROWS = 200


def _cell(value: Any) -> Any:
    """Numbers stay numbers (an int is a float here); text is checked like any text. A quoted
    ``"0123"`` stays the text written."""
    if isinstance(value, PeriodChange | Figure):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return _as_text(value) if value is not None else None


Cell = Annotated[
    float
    | Annotated[str, Field(max_length=MAX_TEXT)]
    | SkipJsonSchema[InstanceOf[PeriodChange]]
    | SkipJsonSchema[InstanceOf[Figure]]
    | None,
    BeforeValidator(_cell),
]
"""A number (formatted as the column says), a text, or empty. In a change column the period's
figures fill in a :class:`PeriodChange` for each ``{id}``, and elsewhere a :class:`Figure`
for a cell that is just ``{id}``."""


class TableColumn(StrictModel):
    """A column: its header and how its cells are written."""

    name: ShortText | None = None
    """The header (a change column without one is headed ``Variazione rispetto a …``)."""
    format: (
        Literal["text", "number", "percent", "currency", "compact", "compact-currency", "date"]
        | None
    ) = None
    """How cells are written: ``number``, ``percent`` (70 → 70%), ``currency``, ``compact``,
    ``compact-currency``, ``date`` (``2014-07-15`` → 15 lug 2014, ``2014-07`` → lug 2014), or
    ``text``; by default ``number`` when every cell is a number (or a metric's figure, in the
    metric's format), else text."""
    currency: str = Field("EUR", pattern=r"^[A-Z]{3}$")
    """ISO 4217 code for the currency formats."""
    change: Flag = False
    """Each cell is a metric id in braces (``"{giunte}"``) and shows that metric's change since
    the previous period, as the tiles do: ``▲ +5 (+15,6%)``, coloured when the metric says
    which way is good; ``—`` when a period has no number."""

    @model_validator(mode="after")
    def _named(self) -> TableColumn:
        if self.name is None and not self.change:
            raise ValueError(say("column_needs_name"))
        if self.change and self.format is not None:
            raise ValueError(say("change_column_format"))
        return self


class Table(StrictModel):
    """A table: ``columns`` and ``rows``, or ``data: file.csv`` (header row first)."""

    columns: list[TableColumn | ShortText] | None = Field(None, max_length=MAX_COLUMNS)
    """The columns, left to right: a header, or ``{name, format, change}``."""
    rows: list[list[Cell]] | None = Field(None, max_length=MAX_ROWS)
    """The rows, each with one cell per column; ``{id}`` in a cell is a metric's figure."""
    data: ShortText | None = None
    """A CSV file (relative to the deck) whose header row names the columns; ``{period}``
    becomes the period being built."""

    @model_validator(mode="after")
    def _rows_match_columns(self) -> Table:
        if self.data is not None:
            if self.rows is not None:
                raise ValueError(say("rows_or_data"))
            if any(c.change for c in self.full_columns):
                raise ValueError(say("change_column_csv"))
            return self
        if not self.columns or self.rows is None:
            raise ValueError(say("table_needs_rows"))
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(
                    say("row_cells", row=number, cells=len(row), columns=len(self.columns))
                )
        return self

    @property
    def full_columns(self) -> list[TableColumn]:
        return [
            c if isinstance(c, TableColumn) else TableColumn(name=c) for c in self.columns or []
        ]

    def as_input(self, language: str = "en") -> TableInput:
        columns = self.full_columns
        rows = [tuple(row) for row in self.rows or []]
        formats: list[CellFormat | None] = []
        for index, column in enumerate(columns):
            cells = [row[index] for row in rows if row[index] is not None]
            numeric = bool(cells) and all(isinstance(c, int | float | Figure) for c in cells)
            chosen = "change" if column.change else column.format
            chosen = chosen or ("number" if numeric else "text")
            formats.append(None if chosen == "text" else chosen)  # type: ignore[arg-type]
        currency = next((c.currency for c in columns if c.format), "EUR")
        headers = tuple(c.name or change_header(language, None) for c in columns)
        return TableInput(headers, tuple(rows), tuple(formats), currency)
