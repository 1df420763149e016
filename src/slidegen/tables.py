"""Tabular series from CSV files: a chart's ``data: file.csv``.

The first column holds the categories, each other column a series named by the header row.
Cells are numbers (``475``, ``2.5``; ``2,5`` too when the file is separated by semicolons,
as Italian spreadsheets save it) or empty (a gap, never 0). Errors point at the cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .assets import project_file
from .csvfile import NotANumber, csv_number, read_rows
from .deck import Deck
from .errors import DeckError, Location, Problem
from .loader import Loaded, Path_
from .messages import say
from .model import Chart, Series
from .places import Key, key_of
from .tablecells import cell_problems
from .tablemodel import Table


def load_tables(
    deck: Deck, loaded: Loaded, project: Path, period: str | None
) -> tuple[Deck, list[Path]]:
    """The deck with every CSV-backed chart and table filled in, and the CSV files read."""
    problems: list[Problem] = []
    read: list[Path] = []
    cache: dict[tuple[Any, Path], Any] = {}  # each file read once per use
    resolved: dict[str, Path] = {}  # a name found once is found again (a deck reuses files)

    def read_once(node: Chart | Table, path: Path_, reader: Any) -> Any:
        relative = (node.data or "").replace("{period}", period or "")
        try:
            file = resolved.get(relative)
            if file is None:
                where, key = loaded.locate((*path, "data")), key_of((*path, "data"), loaded.data)
                file = resolved[relative] = _resolve(relative, project, where, key)
            if (reader, file) not in cache:
                cache[reader, file] = None  # a second use of a broken file is not reported twice
                cache[reader, file] = reader(file, project)
                read.append(file)
        except DeckError as error:
            problems.extend(error.problems)
            return None
        return cache[reader, file]

    def fill(node: Any, path: Path_) -> Any:
        if isinstance(node, Chart) and node.data is not None:
            table = read_once(node, path, read_table)
            if table is None:
                return node
            categories, series = table
            return node.model_copy(update={"categories": categories, "series": series})
        if isinstance(node, Table) and node.data is not None:
            cells = read_once(node, path, read_table_cells)
            if cells is None:
                return node
            return _table_from_csv(node, path, *cells, loaded, problems)
        if isinstance(node, BaseModel):
            updates = {}
            for name in type(node).model_fields:
                value = getattr(node, name)
                new = fill(value, (*path, name))
                if new is not value:
                    updates[name] = new
            return node.model_copy(update=updates) if updates else node
        if isinstance(node, list):
            items = [fill(item, (*path, i)) for i, item in enumerate(node)]
            return items if any(a is not b for a, b in zip(items, node, strict=True)) else node
        return node

    filled = fill(deck, ())
    if problems:
        raise DeckError(problems)
    return filled, read


def _table_from_csv(
    table: Table,
    path: Path_,
    header: list[str],
    rows: list[list[float | str | None]],
    lines: list[Location],
    loaded: Loaded,
    problems: list[Problem],
) -> Table:
    """The table with the CSV's rows; its columns are the YAML's when given (names and
    formats), else the CSV's header row."""
    columns: list[Any] = list(table.columns) if table.columns else list(header)
    if len(columns) != len(header):
        problems.append(
            Problem(
                loaded.locate((*path, "columns")),
                say("csv_columns_given", given=len(columns), count=len(header)),
                *key_of((*path, "columns"), loaded.data),
            )
        )
        return table
    filled = table.model_copy(update={"columns": columns, "rows": rows})

    def locate(row: int, column: int) -> tuple[Location, str, str]:
        return lines[row], "", ""

    problems.extend(cell_problems(filled, locate))
    return filled


def _resolve(relative: str, project: Path, where: Location, key: Key) -> Path:
    file = project_file(relative, project, where, key)
    if not file.exists():
        raise DeckError(Problem(where, say("csv_not_found", name=relative), *key))
    return file  # a folder, a pipe or a device: reading it says which


CsvCells = tuple[list[str], list[list[float | str | None]], list[Location]]


def read_table_cells(file: Path, project: Path) -> CsvCells:
    """Header and cells of a CSV table for a ``table`` slide: numbers where a cell is one
    (``2,5`` too in semicolon files), text otherwise, None for empty cells; and the file
    where each row is."""
    rows = read_rows(file, project, min_columns=1)
    header = [cell.strip() for cell in rows.numbered[0][1]]
    problems, cells = [], []
    for line, row in rows.numbered[1:]:
        if len(row) != len(header):
            problems.append(
                Problem(
                    Location(rows.name, line, 1),
                    say("csv_cells", cells=len(row), count=len(header)),
                )
            )
            continue
        parsed = []
        for cell in row:
            number = csv_number(cell.strip(), rows.delimiter)
            parsed.append(cell.strip() if isinstance(number, NotANumber) else number)
        cells.append(parsed)
    if problems:
        raise DeckError(problems)
    return header, cells, [Location(rows.name, line, 1) for line, _ in rows.numbered[1:]]


def read_table(file: Path, project: Path) -> tuple[list[str], list[Series]]:
    """Categories and series of a CSV table; a located error for anything unreadable."""
    rows = read_rows(file, project)
    name, delimiter, numbered = rows.name, rows.delimiter, rows.numbered
    header = [cell.strip() for cell in numbered[0][1]]
    problems: list[Problem] = []
    categories: list[str] = []
    columns: list[list[float | None]] = [[] for _ in header[1:]]
    for line, row in numbered[1:]:
        if len(row) != len(header):
            problems.append(
                Problem(
                    Location(name, line, 1), say("csv_cells", cells=len(row), count=len(header))
                )
            )
            continue
        categories.append(row[0].strip())
        for index, cell in enumerate(row[1:]):
            value = csv_number(cell.strip(), delimiter)
            if isinstance(value, NotANumber):
                column = sum(len(c) + 1 for c in row[: index + 1]) + 1
                message = say(
                    "csv_bad_cell",
                    cell=cell.strip()[:80],
                    column=header[index + 1][:80],
                    reason=value.reason,
                )
                problems.append(Problem(Location(name, line, column), message))
                value = None
            columns[index].append(value)  # type: ignore[arg-type]
    if problems:
        raise DeckError(problems)
    series = [
        Series(name=title or f"Serie {i}", values=values)
        for i, (title, values) in enumerate(zip(header[1:], columns, strict=True), start=1)
    ]
    return categories, series
