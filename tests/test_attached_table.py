"""Tables that share their slide (beside a list, under tiles), change columns and date
columns: rules on plans, and what the built .pptx holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from helpers import CASES, Project, assert_clean_exit, build, error_lines, run_cli
from slidegen.layout import Box, inches
from slidegen.layout.attached import TILES_MIN_HEIGHT, TableFonts, plan_attached
from slidegen.tableplan import TableInput
from slidegen.theme_loader import load_theme

BODY = Box(inches(0.6), inches(1.6), inches(12.1), inches(5.2))
GAP = inches(0.2)
FONTS = TableFonts("it-IT", "Carlito", "Carlito", 20, 12)


def table(rows: int, text: str = "Giunta") -> TableInput:
    return TableInput(
        ("Organo", "Sedute"),
        tuple((f"{text} {n}", float(n)) for n in range(rows)),
        (None, "number"),
    )


def test_beside_a_list_the_table_takes_what_its_cells_want_within_limits() -> None:
    usable = BODY.width - 2 * GAP
    narrow = plan_attached(table(3), BODY, GAP, "beside", FONTS)
    assert narrow.box.width == round(usable / 3)  # never narrower than a third
    assert narrow.box.right == BODY.right and narrow.rest.right < narrow.box.left
    wide = plan_attached(table(3, "Commissione consiliare " * 6), BODY, GAP, "beside", FONTS)
    assert wide.box.width == round(usable * 0.55)  # the list keeps 45%
    assert wide.plan.overflow_pt == 0


def test_under_tiles_the_table_takes_its_height_and_the_tiles_keep_a_strip() -> None:
    short = plan_attached(table(3), BODY, GAP, "under", FONTS)
    assert short.box.bottom == BODY.bottom
    assert short.box.height == sum(short.plan.pages[0].row_heights)
    assert short.rest.bottom + GAP == short.box.top
    assert short.rest.height > TILES_MIN_HEIGHT
    # Centred, at least 60% of the body wide.
    assert short.box.width >= 0.6 * BODY.width - 1
    assert short.box.left - BODY.left == BODY.right - short.box.right


def test_an_attached_table_never_continues_it_shrinks_then_overflows() -> None:
    long = plan_attached(table(30), BODY, GAP, "under", FONTS)
    assert len(long.plan.pages) == 1 and len(long.plan.pages[0].rows) == 30
    assert long.plan.size == 12 and long.plan.overflow_pt > 0
    assert long.rest.height >= TILES_MIN_HEIGHT


# -- the .pptx --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def attached_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("attached") / "attached.pptx"
    built = build(CASES / "table-attached" / "deck.yaml", output=out)
    assert not built.findings
    return built.output


def _shape(slide: object, name: str) -> object:
    return next(s for s in slide.shapes if s.name == name)  # type: ignore[attr-defined]


def _colour(cell: object) -> str:
    run = cell.text_frame.paragraphs[0].runs[0]  # type: ignore[attr-defined]
    return str(run.font.color.rgb)


def test_a_table_beside_the_list_with_changes_coloured_as_the_tiles(attached_case: Path) -> None:
    slide = Presentation(str(attached_case)).slides[0]
    listed, framed = _shape(slide, "List"), _shape(slide, "Table")
    assert framed.left > listed.left + listed.width  # beside, to the right
    rows = [[c.text for c in row.cells] for row in framed.table.rows]
    assert rows == [
        ["Organo", "Sedute", "Variazione rispetto a Gennaio – Giugno 2014"],
        ["Giunte", "37", "▲\u00a0+7 (+23,3%)"],
        ["PreGiunte", "10", "▼\u00a0−2 (−16,7%)"],
        ["Consigli comunali", "8", "= invariato"],
    ]
    colors = load_theme("cremona", CASES).theme.colors
    giunte, pregiunte, consigli = (list(framed.table.rows)[i].cells[2] for i in (1, 2, 3))
    assert _colour(giunte) == colors.positive.upper()
    assert _colour(pregiunte) == colors.negative.upper()
    assert _colour(consigli) == colors.muted.upper()  # no 'good' direction: muted
    aligns = [
        c.text_frame.paragraphs[0]._p.pPr.get("algn") for c in list(framed.table.rows)[1].cells
    ]
    assert aligns == ["l", "r", "r"]


def test_dates_are_written_in_the_deck_language_and_right_aligned(attached_case: Path) -> None:
    framed = _shape(Presentation(str(attached_case)).slides[1], "Table")
    dates = [row.cells[1] for row in list(framed.table.rows)[1:]]
    assert [c.text for c in dates] == ["lug 2014", "22 dic 2014", "feb 2015"]
    assert {c.text_frame.paragraphs[0]._p.pPr.get("algn") for c in dates} == {"r"}


def test_a_table_under_the_tiles_mixes_each_metric_format(attached_case: Path) -> None:
    slide = Presentation(str(attached_case)).slides[2]
    tiles = [s for s in slide.shapes if s.name.startswith("Metric ")]
    framed = _shape(slide, "Table")
    assert framed.top >= max(t.top + t.height for t in tiles)
    rows = [[c.text for c in row.cells] for row in list(framed.table.rows)[1:]]
    assert [r[1] for r in rows] == ["475", "670", "51%"]  # each figure in its metric's format
    assert rows[2][2] == "▲\u00a0+2,5 p.p."  # a percentage changes by points, as on the tile


def test_a_metric_new_this_period_has_no_change(attached_case: Path) -> None:
    framed = _shape(Presentation(str(attached_case)).slides[3], "Table")
    assert [c.text for c in list(framed.table.rows)[2].cells] == [
        "Quartieri (nuovi da luglio)",
        "42",
        "—",
    ]


# -- mistakes ---------------------------------------------------------------------------------


def test_a_bad_date_is_located_at_its_cell(project: Project) -> None:
    project.write_slides(
        """
        - kind: table
          title: Tappe
          table:
            columns: [Tappa, {name: Data, format: date}]
            rows:
              - [Avvio, 2014-07]
              - [Verifica, 31/12/2014]
        """
    )
    result = run_cli("check", "deck.yaml", cwd=project.root)
    assert_clean_exit(result, 1)
    (line,) = error_lines(result)
    assert line.startswith("deck.yaml:11:")
    assert "'31/12/2014' is not a date: write 2014-12-31 (YYYY-MM-DD) or 2014-12 (YYYY-MM)" in line


def test_a_change_cell_must_name_a_metric(project: Project) -> None:
    project.write_slides(
        """
        - kind: table
          title: Variazioni
          table:
            columns: [Organo, {change: true}]
            rows:
              - [Giunte, 37]
        """
    )
    result = run_cli("check", "deck.yaml", cwd=project.root)
    assert_clean_exit(result, 1)
    (line,) = error_lines(result)
    assert line.startswith("deck.yaml:10:")
    assert "names a metric in braces, e.g. \"{giunte}\"; got '37'" in line


def test_a_chart_and_a_table_beside_one_list_is_refused(project: Project) -> None:
    project.write_slides(
        """
        - kind: bullets
          title: Troppo
          items: [uno]
          chart: {type: bar, categories: [a], series: [{name: s, values: [1]}]}
          table: {columns: [A], rows: [[x]]}
        """
    )
    result = run_cli("check", "deck.yaml", cwd=project.root)
    assert_clean_exit(result, 1)
    assert "a chart and a table both go beside the list" in result.stderr


def test_an_attached_table_that_does_not_fit_is_a_finding_at_the_table(project: Project) -> None:
    rows = ", ".join(f"[Riga {n}, {n}]" for n in range(40))
    project.write_slides(
        f"""
        - kind: bullets
          title: Lunga
          items: [uno]
          table:
            columns: [Voce, Valore]
            rows: [{rows}]
        """
    )
    built = build(project.deck, output=project.root / "out.pptx")
    (finding,) = built.findings
    assert finding.path == "sections[0].slides[0].table"
    assert "past its room at 12 pt" in finding.message
    assert len(Presentation(str(built.output)).slides) == 1  # it does not continue


def test_a_bad_date_in_a_csv_file_is_located_at_its_line(project: Project) -> None:
    (project.root / "tappe.csv").write_text(
        "Tappa,Data\nAvvio,2014-07\nVerifica,2014-13\n", encoding="utf-8"
    )
    project.write_slides(
        """
        - kind: table
          title: Tappe
          table: {data: tappe.csv, columns: [Tappa, {name: Data, format: date}]}
        """
    )
    result = run_cli("check", "deck.yaml", cwd=project.root)
    assert_clean_exit(result, 1)
    (line,) = error_lines(result)
    assert line.startswith("tappe.csv:3:1: '2014-13' is not a date")


def test_english_dates_and_a_change_column_from_a_csv_file_is_refused(project: Project) -> None:
    project.write_slides(
        """
        - kind: table
          title: Steps
          table:
            columns: [Step, {name: When, format: date}]
            rows: [[Start, 2014-07-15], [Review, 2015]]
        """,
        deck="{title: T, date: 2014-12-31, language: en-GB}",
    )
    prs = Presentation(str(build(project.deck, output=project.root / "o.pptx").output))
    framed = _shape(prs.slides[0], "Table")
    assert [row.cells[1].text for row in list(framed.table.rows)[1:]] == ["15 Jul 2014", "2015"]
    project.write_slides(
        """
        - kind: table
          title: Steps
          table: {data: steps.csv, columns: [Step, {change: true}]}
        """
    )
    result = run_cli("check", "deck.yaml", cwd=project.root)
    assert_clean_exit(result, 1)
    assert "a change column reads the period's figures" in result.stderr
