"""CSV files in every dialect Excel and LibreOffice write, generated: comma, semicolon (with
decimal commas, as an Italian Excel writes them) and tab separated; minimal, full or
non-numeric quoting; CRLF, LF and CR-only line ends; with or without a byte-order mark;
cells holding the separators, quotes and line breaks. Each reads back as it was written."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, note
from hypothesis import strategies as st

from slidegen.csvfile import csv_number, read_rows
from test_hostile import examples

# Text a spreadsheet user types: letters, digits, spaces, commas and semicolons, quotes, a
# line break (a tab is what moves to the next cell: no one types one inside a cell).
TEXT = st.text(alphabet=st.sampled_from("abcXYZàèé 0123;,\"'\n-"), min_size=2, max_size=12).filter(
    lambda t: (
        t == t.strip() and sum(c.isalpha() for c in t) >= 2 and t.count(";") + t.count(",") <= 1
    )
)
"""A label has words, and a separator at most once ("Spesa, in euro"; "Rossi; Bianchi"):
cells of separators (";;XX" in a comma file) make files no one, and no program, can tell
the separator of."""
LABEL = st.text(alphabet=st.sampled_from("abcXYZàèé 0123\"'\n-"), min_size=2, max_size=12).filter(
    lambda t: t == t.strip() and sum(c.isalpha() for c in t) >= 2
)
"""A row's label: words, quotes, a line break; the separators go in the header's names."""
NUMBER = st.decimals(min_value=-99999, max_value=99999, places=2, allow_nan=False)
DIALECTS = st.fixed_dictionaries(
    {
        "delimiter": st.sampled_from([",", ";", "\t"]),
        "lineterminator": st.sampled_from(["\r\n", "\n", "\r"]),
        "quoting": st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
        "bom": st.booleans(),
    }
)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[object]]]:
    columns = draw(st.integers(min_value=2, max_value=4))
    header = draw(st.lists(TEXT, min_size=columns, max_size=columns, unique=True))
    rows = draw(
        st.lists(
            st.tuples(LABEL, st.lists(NUMBER, min_size=columns - 1, max_size=columns - 1)),
            min_size=1,
            max_size=12,
        )
    )
    return header, [[label, *values] for label, values in rows]


def written(
    header: list[str], rows: list[list[object]], dialect: dict[str, object]
) -> tuple[bytes, list[list[str]]]:
    """The file's bytes as a spreadsheet saves it, and each row's cells as text."""
    decimal = "," if dialect["delimiter"] == ";" else "."
    texts = [header] + [
        [str(row[0]), *(f"{value:.2f}".replace(".", decimal) for value in row[1:])] for row in rows
    ]
    lines = []
    for row in texts:
        # Spreadsheets quote a cell holding a line break, whatever ends their lines: a
        # writer told "\r\n" quotes both; the row's own end is put on after.
        out = io.StringIO(newline="")
        csv.writer(
            out,
            delimiter=str(dialect["delimiter"]),
            lineterminator="\r\n",
            quoting=int(dialect["quoting"]),  # type: ignore[arg-type]
        ).writerow(row)
        lines.append(out.getvalue().removesuffix("\r\n"))
    terminator = str(dialect["lineterminator"])
    data = (terminator.join(lines) + terminator).encode()
    return (b"\xef\xbb\xbf" + data if dialect["bom"] else data), texts


@examples(120)
@given(table=tables(), dialect=DIALECTS)
def test_every_dialect_reads_back_as_written(
    tmp_path_factory: object, table: tuple[list[str], list[list[object]]], dialect: dict
) -> None:
    folder = Path(tmp_path_factory.mktemp("csv"))  # type: ignore[attr-defined]
    header, rows = table
    data, texts = written(header, rows, dialect)
    note(repr(data))
    (folder / "data.csv").write_bytes(data)
    read = read_rows(folder / "data.csv", folder)
    # Line ends inside quoted cells are read as LF, whatever the file's own line ends.
    expected = [[cell.replace("\r\n", "\n").replace("\r", "\n") for cell in row] for row in texts]
    assert [row for _, row in read.numbered] == expected
    assert read.delimiter == dialect["delimiter"]
    for row, source in zip(read.numbered[1:], rows, strict=True):
        for cell, value in zip(row[1][1:], source[1:], strict=True):
            assert csv_number(cell, read.delimiter) == float(value)  # type: ignore[arg-type]


def test_a_semicolon_file_with_a_comma_in_its_header(tmp_path: Path) -> None:
    """It splits evenly at commas too (2 cells a row), and csv.Sniffer takes them."""
    (tmp_path / "spesa.csv").write_bytes(b"Voce;Spesa, in euro\r\nScuole;1,50\r\nStrade;2,25\r\n")
    read = read_rows(tmp_path / "spesa.csv", tmp_path)
    assert read.delimiter == ";"
    assert [row for _, row in read.numbered] == [
        ["Voce", "Spesa, in euro"],
        ["Scuole", "1,50"],
        ["Strade", "2,25"],
    ]
