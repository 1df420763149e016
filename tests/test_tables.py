"""Charts that read their table from a CSV file (``chart: {data: file.csv}``)."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from helpers import REPO, Project, assert_clean_exit, error_lines, run_cli
from slidegen import compile_deck

DECK = """\
deck: {{title: Tabelle, language: it-IT}}
sections:
  - divider: false
    slides:
      - kind: chart
        title: Mensile
        chart: {{type: column, data: {data}}}
"""


def chart_of(data: bytes) -> dict[str, object]:
    prs = Presentation(io.BytesIO(data))
    frame = next(s for slide in prs.slides for s in slide.shapes if getattr(s, "has_chart", False))
    plot = frame.chart.plots[0]
    return {
        "categories": list(plot.categories),
        **{s.name: list(s.values) for s in plot.series},
    }


def test_comma_separated_table(project: Project) -> None:
    (project.root / "t.csv").write_text("mese,a,b\nluglio,1,2.5\nagosto,3,\n")
    compiled = compile_deck(project.write_deck(DECK.format(data="t.csv")))
    assert chart_of(compiled.data) == {
        "categories": ["luglio", "agosto"],
        "a": [1.0, 3.0],
        "b": [2.5, None],  # an empty cell is a gap, never 0
    }
    assert project.root / "t.csv" in compiled.sources


def test_semicolons_and_decimal_commas_as_italian_spreadsheets_save(project: Project) -> None:
    (project.root / "t.csv").write_text("mese;valore\nluglio;2,5\nagosto;10\n", encoding="utf-8")
    compiled = compile_deck(project.write_deck(DECK.format(data="t.csv")))
    assert chart_of(compiled.data)["valore"] == [2.5, 10.0]


def test_period_in_the_path(project: Project) -> None:
    (project.root / "data" / "periods").mkdir(parents=True)
    (project.root / "data" / "periods" / "2014-H2.yaml").write_text(
        "period: 2014-H2\nlabel: L\nstart: 2014-07-01\nend: 2014-12-31\nvalues: {}\n"
    )
    (project.root / "2014-H2-mensile.csv").write_text("mese,n\nluglio,4\n")
    deck = DECK.format(data="'{period}-mensile.csv'").replace(
        "sections:", "data: {periods: data/periods}\nsections:"
    )
    compiled = compile_deck(project.write_deck(deck))
    assert chart_of(compiled.data)["n"] == [4.0]


def test_bad_cell_is_located_once(project: Project) -> None:
    (project.root / "t.csv").write_text("mese,a\nluglio,7x\n")
    deck = DECK.format(data="t.csv") + (
        "      - kind: chart\n        title: Ancora\n        chart: {type: bar, data: t.csv}\n"
    )
    project.write_deck(deck)
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        "t.csv:2:8: '7x' in column 'a' is not a number: write it in digits (e.g. 12 or 2,5), "
        "or leave the cell empty"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("missing.csv", "data file 'missing.csv' not found"),
        ("../t.csv", "'../t.csv' must be a path inside the project (relative, without '..')"),
    ],
)
def test_missing_or_outside_file_is_located_in_the_deck(
    project: Project, data: str, message: str
) -> None:
    project.write_deck(DECK.format(data=data))
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        f"deck.yaml:7:37: section 1, slide 1 «Mensile», chart.data: {message}"
    ]


def test_chart_with_data_takes_no_other_data(project: Project) -> None:
    project.write_deck(DECK.format(data="t.csv, categories: [a], series: [{name: s, values: [1]}]"))
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result)[0].endswith("a chart with 'data' (a CSV file) takes no other data")


def test_the_csv_example_builds() -> None:
    compiled = compile_deck(REPO / "examples" / "serie-csv" / "deck.yaml")
    assert compiled.findings == []
    chart = chart_of(compiled.data)
    assert chart["categories"][0] == "luglio"
    assert chart["comunicati stampa"][:2] == [70.0, 41.0]


def test_mac_line_endings_and_tabs_read_as_spreadsheets_save(project: Project) -> None:
    # Excel's "CSV (Macintosh)" ends lines with CR alone; "Text (Tab delimited)" uses tabs.
    for name, data in [
        ("mac.csv", b"mese,incontri\rluglio,13\ragosto,11\r"),
        ("tab.csv", b"mese\tincontri\nluglio\t13\nagosto\t11\n"),
    ]:
        (project.root / name).write_bytes(data)
        project.write_deck(DECK.format(data=name))
        compiled = compile_deck(project.deck)
        assert chart_of(compiled.data) == {
            "categories": ["luglio", "agosto"],
            "incontri": [13.0, 11.0],
        }


NOT_A_NUMBER = (
    "in column 'valore' is not a number: write it in digits (e.g. 12 or 2,5), or leave the "
    "cell empty"
)
HOSTILE_CSV = {
    "escape": ("mese,valore\nlu\x1bglio,1\n", "s.csv:2:1: contains the control character U+001B"),
    "huge": (
        "mese,valore\nluglio,1e16\n",
        "s.csv:2:8: '1e16' in column 'valore' is beyond 1e+15: a typo?",
    ),
    "arabic-digits": ("mese,valore\nluglio,١٢٣\n", f"s.csv:2:8: '١٢٣' {NOT_A_NUMBER}"),
    "underscore": ("mese,valore\nluglio,1_000\n", f"s.csv:2:8: '1_000' {NOT_A_NUMBER}"),
    "fullwidth": ("mese,valore\nluglio,１２\n", f"s.csv:2:8: '１２' {NOT_A_NUMBER}"),
    # After a quoted cell that spans two lines, the next row is on line 4.
    "quoted-newline": ('mese;valore\nluglio;"1\n2"\nagosto;x\n', f"s.csv:4:8: 'x' {NOT_A_NUMBER}"),
    "long-name": (
        "mese," + "v" * 3000 + "\nluglio,1\n",
        "s.csv:1:6: a column name of 3,000 characters; at most 255",
    ),
    "long-cell": (
        "mese,valore\n" + "x" * 200_000 + ",1\n",
        "s.csv:2:1: cannot read this row: a cell is longer than 131,072 characters",
    ),
}


@pytest.mark.parametrize(("content", "message"), HOSTILE_CSV.values(), ids=HOSTILE_CSV.keys())
def test_hostile_csv_cells_are_located_errors(project: Project, content: str, message: str) -> None:
    (project.root / "s.csv").write_text(content, encoding="utf-8")
    project.write_deck(DECK.format(data="s.csv"))
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    lines = error_lines(result)
    assert message in lines, lines
