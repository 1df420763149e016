"""CSV files as spreadsheets save them: comma, semicolon or tab separated (found by
``csv.Sniffer``), any line ending (Excel's "CSV (Macintosh)" ends lines with CR alone), with
every problem located at its line and column, never a traceback."""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import DeckError, Location, Problem
from .i18n import N_
from .inputs import decode_utf8, read_input
from .messages import say
from .model import MAX_NUMBER

MAX_CSV_BYTES = 2 * 1024 * 1024
MAX_ROWS = 200
MAX_NAME = 255
"""A column name longer than this is not a name (a header row pasted into one cell)."""
_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")  # ASCII only
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class CsvRows:
    """A CSV file's non-empty rows with the line each starts on, and its separator."""

    name: str
    delimiter: str
    numbered: list[tuple[int, list[str]]]


@dataclass(frozen=True)
class NotANumber:
    """Why a cell is not a usable number."""

    reason: str


def read_rows(file: Path, project: Path, min_columns: int = 2) -> CsvRows:
    """The rows of a CSV file; a located error for anything unreadable, for control
    characters, over-long names, and fewer than a header row and one row of data."""
    name = str(file.resolve().relative_to(project.resolve()))
    data = read_input(file, Location(name), MAX_CSV_BYTES, N_("CSV file"))
    text = decode_utf8(data, name, N_("CSV"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    delimiter = _delimiter(text)
    numbered = _parse(text, delimiter, name)
    if len(numbered) < 2 or len(numbered[0][1]) < min_columns:
        raise DeckError(
            Problem(
                Location(name, 1, 1),
                say("csv_too_short_chart" if min_columns > 1 else "csv_too_short"),
            )
        )
    if len(numbered) - 1 > MAX_ROWS:
        raise DeckError(Problem(Location(name), say("csv_too_many_rows", limit=f"{MAX_ROWS:,}")))
    _check_cells(numbered, name)
    return CsvRows(name, delimiter, numbered)


_DELIMITERS = (",", ";", "\t")
_SAMPLE_LINES = 50


def _delimiter(text: str) -> str:
    """The separator: of those that split the first lines into the same number of columns
    (two or more), the one that leaves fewest cells holding another separator (a decimal
    comma in a semicolon file does not count); ``csv.Sniffer``'s guess among equals. A
    semicolon file whose header says "Spesa, in euro" over cells of "1,50" splits evenly at
    commas too, and the sniffer takes them."""
    sample = "\n".join(text.split("\n", _SAMPLE_LINES)[:_SAMPLE_LINES])
    try:
        sniffed = csv.Sniffer().sniff(sample[:8192], delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        first = text.split("\n", 1)[0]
        sniffed = ";" if first.count(";") > first.count(",") else ","
    scores = {d: _stray_cells(sample, d) for d in (sniffed, *_DELIMITERS)}
    even = {d: score for d, score in scores.items() if score is not None}
    return min(even, key=lambda d: even[d]) if even else sniffed  # min keeps the first


def _stray_cells(sample: str, delimiter: str) -> int | None:
    """Cells of ``sample`` split at ``delimiter`` that hold another separator; ``None`` when
    it does not make two or more rows of the same two or more columns."""
    try:
        rows = [row for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(row)]
    except csv.Error:
        return None
    # A header and a row at least (a quote misread at another separator swallows the rest
    # of the file into one row).
    if len(rows) < 2 or len(rows[0]) < 2 or any(len(row) != len(rows[0]) for row in rows):
        return None
    others = [d for d in _DELIMITERS if d != delimiter]
    return sum(
        1
        for row in rows
        for cell in row
        if any(d in cell for d in others) and not _decimal_comma(cell, delimiter)
    )


def _decimal_comma(cell: str, delimiter: str) -> bool:
    return delimiter == ";" and not isinstance(csv_number(cell.strip(), delimiter), NotANumber)


def _parse(text: str, delimiter: str, name: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    numbered, start = [], 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                numbered.append((start, row))
            start = reader.line_num + 1  # a quoted cell may span lines: the next row starts here
    except csv.Error as error:
        reason = str(error)
        if "field larger than field limit" in reason:
            reason = say("csv_cell_too_long", limit=f"{csv.field_size_limit():,}")
        where = Location(name, start, 1)
        raise DeckError(Problem(where, say("csv_unreadable_row", reason=reason))) from None
    return numbered


def _check_cells(numbered: list[tuple[int, list[str]]], name: str) -> None:
    problems = []
    for line, row in numbered:
        for index, cell in enumerate(row):
            column = sum(len(c) + 1 for c in row[:index]) + 1
            bad = _CONTROL.search(cell)
            if bad:
                message = say("contains_control_character", code=ord(bad.group()))
                problems.append(Problem(Location(name, line, column), message))
    header_line, header = numbered[0]
    for index, cell in enumerate(header):
        if len(cell.strip()) > MAX_NAME:
            column = sum(len(c) + 1 for c in header[:index]) + 1
            problems.append(
                Problem(
                    Location(name, header_line, column),
                    say("csv_long_name", length=f"{len(cell.strip()):,}", limit=MAX_NAME),
                )
            )
    if problems:
        raise DeckError(problems)


def csv_number(cell: str, delimiter: str) -> float | NotANumber | None:
    """The number in ``cell`` (``2,5`` too in semicolon files), None when empty. Only the
    ASCII digits count: ``１２`` and ``1_000`` are not numbers a spreadsheet writes."""
    if not cell:
        return None
    text = cell.replace(",", ".") if delimiter == ";" and cell.count(",") == 1 else cell
    if not _NUMBER.fullmatch(text):
        return NotANumber(say("csv_not_a_number"))
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        return NotANumber(say("csv_number_too_big", limit=f"{MAX_NUMBER:.0e}"))
    return value
