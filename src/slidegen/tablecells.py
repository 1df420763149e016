"""Table cells that need more than the model: a period's figures, dates, changes.

- ``{id}`` alone in a cell becomes the metric's figure, right-aligned and written in the
  metric's format with its unit (in the column's, when the column names one); ``{id}``
  inside a text is the figure written, as in any text.
- In a change column (``change: true``) each ``{id}`` becomes the metric's value now and in
  the previous period; the layout writes the change as the tiles do.
- Date cells (``format: date``) are ``2014-07-15``, ``2014-07`` or ``2014``; anything else is
  a located error with the date it probably means in the right form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .changes import PeriodChange, change_header
from .dates import meant_date
from .errors import Location, Problem
from .markup import plain_text
from .messages import say
from .metric import MetricDefinition
from .periods import Period
from .tablemodel import Table, TableColumn
from .tableplan import Figure
from .timelineplan import MilestoneDate

_ONE_ID = re.compile(r"^\s*\{([a-z][a-z0-9_]*)\}\s*$")

Locate = Callable[[int, int], tuple[Location, str, str]]
"""Row and column index → where the cell is written (location, key path, place)."""


def metric_id(cell: Any) -> str | None:
    """The metric id of a cell that is exactly ``{id}``."""
    match = _ONE_ID.match(cell) if isinstance(cell, str) else None
    return match.group(1) if match else None


def cell_problems(table: Table, locate: Locate) -> list[Problem]:
    """Dates that are not dates, and change cells that name no metric, each at its cell."""
    columns = table.full_columns
    problems = []
    for r, row in enumerate(table.rows or []):
        for c, (cell, column) in enumerate(zip(row, columns, strict=True)):
            message = _cell_message(cell, column)
            if message:
                where, path, place = locate(r, c)
                problems.append(Problem(where, message, path, place))
    return problems


def _cell_message(cell: Any, column: TableColumn) -> str | None:
    if cell is None or isinstance(cell, PeriodChange):
        return None
    if column.change and metric_id(cell) is None:
        return say("change_cell", got=_shown(cell))
    if column.format == "date":
        text = str(int(cell)) if isinstance(cell, float) and cell.is_integer() else str(cell)
        try:
            MilestoneDate.parse(text)
        except ValueError:
            example = meant_date(text)
            day = example.isoformat() if example else "2014-07-15"
            return say("table_date", got=_shown(cell), example=day, month=day[:7])
    return None


def _shown(cell: Any) -> str:
    """The cell as written: ``37``, not ``37.0``."""
    whole = isinstance(cell, float) and cell.is_integer()
    text = str(int(cell)) if whole else str(cell)
    return f"'{text[:60]}'"


class TableFiller:
    """Fills a table's cells from the period being built and the one before it."""

    def __init__(
        self,
        catalogue: dict[str, MetricDefinition],
        current: Period,
        previous: Period | None,
        language: str,
        text: Callable[[str], str],
    ) -> None:
        self.catalogue, self.current, self.previous = catalogue, current, previous
        self.language, self.text = language, text

    def fill(self, table: Table) -> Table:
        columns = table.full_columns
        rows = [
            [self._cell(cell, column) for cell, column in zip(row, columns, strict=True)]
            for row in table.rows or []
        ]
        filled = [self._column(c) for c in columns]
        return table.model_copy(update={"columns": filled, "rows": rows})

    def _cell(self, cell: Any, column: TableColumn) -> Any:
        known = metric_id(cell)
        if known and known in self.catalogue:
            definition = self.catalogue[known]
            if column.change:
                return self._change(known, definition)
            entry = self.current.entry(known)
            if entry is not None and _is_number(entry.value):
                value = float(entry.value)  # type: ignore[arg-type]
                if column.format is not None:
                    return value  # the column says how
                unit = plain_text(definition.unit) if definition.unit else None
                return Figure(value, definition.format, definition.currency, unit)
        return self.text(cell) if isinstance(cell, str) else cell

    def _change(self, known: str, definition: MetricDefinition) -> PeriodChange:
        now = self.current.entry(known)
        before = self.previous.entry(known) if self.previous else None
        return PeriodChange(
            now.value if now else None,
            before.value if before else None,
            definition.format,
            definition.currency,
            definition.good,
        )

    def _column(self, column: TableColumn) -> TableColumn:
        update: dict[str, Any] = {}
        if column.name is not None:
            update["name"] = self.text(column.name)
        elif column.change:
            label = self.previous.data.label if self.previous else None
            update["name"] = change_header(self.language, label)
        return column.model_copy(update=update)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
