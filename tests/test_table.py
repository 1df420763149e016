"""The ``table`` kind: rules on plans (widths, alignment, shrinking, continuation) and the
native tables written into the .pptx."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from helpers import (
    CASES,
    Project,
    assert_clean_exit,
    build,
    error_lines,
    need_soffice,
    ooxml_check,
    pdf_pages,
    run_cli,
)
from slidegen.layout import EMU_PER_PT, Box, inches
from slidegen.tableplan import TableInput, plan_table

BOX = Box(inches(0.6), inches(1.6), inches(12.1), inches(5.2))


def plan(rows: int, *, paginate: bool = True, long: str = "", min_size: float = 12) -> object:
    table = TableInput(
        ("Committee", "Meetings", "Attendance"),
        tuple((f"Committee {n}{long}", float(n), 70.5 + n % 9) for n in range(rows)),
        (None, "number", "percent"),
    )
    return plan_table(
        table,
        BOX,
        language="en-GB",
        family="Carlito",
        heading_family="Carlito",
        body_size=20,
        min_size=min_size,
        paginate=paginate,
    )


def test_columns_fill_the_box_and_numbers_are_right_aligned() -> None:
    planned = plan(5)
    assert sum(c.width for c in planned.columns) == BOX.width
    assert [c.align for c in planned.columns] == ["left", "right", "right"]
    assert planned.pages[0].rows[0] == ("Committee 0", "0", "70.5%")


def test_a_short_table_stays_on_one_slide_at_the_table_size() -> None:
    planned = plan(5)
    assert len(planned.pages) == 1
    assert planned.size == 16  # 0.8 × the theme's 20 pt body
    assert sum(planned.pages[0].row_heights) <= BOX.height


def test_a_table_shrinks_before_it_continues() -> None:
    planned = plan(16)
    assert len(planned.pages) == 1
    assert 12 <= planned.size < 16


def test_sixty_rows_continue_on_balanced_slides_with_every_row_once() -> None:
    planned = plan(60)
    assert planned.size == 12  # the theme's minimum, before continuing
    counts = [len(page.rows) for page in planned.pages]
    assert len(counts) > 1 and max(counts) - min(counts) <= 1
    rows = [row for page in planned.pages for row in page.rows]
    assert [row[0] for row in rows] == [f"Committee {n}" for n in range(60)]
    for page in planned.pages:
        assert sum(page.row_heights) <= BOX.height  # header repeated, and it fits


def test_long_text_wraps_in_its_column_and_rows_grow() -> None:
    long = " of the borough council and its neighbourhood partnership boards" * 2
    planned = plan(3, long=long)
    text_column, *numbers = planned.columns
    assert text_column.width > max(c.width for c in numbers)
    short = plan(3)
    assert planned.pages[0].row_heights[1] > short.pages[0].row_heights[1]


def test_one_slide_when_asked_reports_the_overflow() -> None:
    planned = plan(60, paginate=False)
    assert len(planned.pages) == 1 and len(planned.pages[0].rows) == 60
    assert planned.size == 12
    assert planned.overflow_pt > 0


# -- the .pptx --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def table_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("table") / "table.pptx"
    return build(CASES / "table" / "deck.yaml", output=out).output


def tables(pptx: Path) -> list[tuple[str, object]]:
    prs = Presentation(str(pptx))
    found = []
    for slide in prs.slides:
        title = slide.shapes.title.text
        for shape in slide.shapes:
            if shape.has_table:
                found.append((title, shape))
    return found


def test_native_tables_with_the_header_on_every_continued_slide(table_case: Path) -> None:
    found = tables(table_case)
    titles = [title for title, _ in found]
    assert titles == [
        "Progetti finanziati",
        "Incontri per commissione (1/4)",
        "Incontri per commissione (2/4)",
        "Incontri per commissione (3/4)",
        "Incontri per commissione (4/4)",
        "Una sola slide",
    ]
    continued = [shape.table for title, shape in found if "commissione" in title]
    for table in continued:
        assert [c.text for c in table.rows[0].cells] == [
            "Commissione",
            "Sedute",
            "Delibere",
            "Presenze %",
        ]
        assert table.first_row and table.horz_banding
    body_rows = [tuple(c.text for c in row.cells) for t in continued for row in list(t.rows)[1:]]
    assert len(body_rows) == 60 and len(set(body_rows)) == 60
    assert body_rows[0] == ("Giunta 1", "2", "5", "70,5")  # "70,5" from a semicolon CSV


def test_cells_are_formatted_for_the_language_and_aligned(table_case: Path) -> None:
    _, shape = tables(table_case)[0]
    row = shape.table.rows[1]
    assert [c.text for c in row.cells] == [
        "Cremona smart city",
        "1.250.000,00\u00a0€",
        "62,5%",
        "In corso",
    ]
    aligns = [c.text_frame.paragraphs[0]._p.pPr.get("algn") for c in row.cells]
    assert aligns == ["l", "r", "r", "l"]
    assert shape.table.rows[1].cells[3].text_frame.paragraphs[0].runs[0].font.bold


def test_alt_text_and_notes_follow_the_split(table_case: Path) -> None:
    found = tables(table_case)
    alts = [shape._element.nvGraphicFramePr.cNvPr.get("descr") for _, shape in found]
    assert alts[1:5] == [
        "Incontri per commissione: righe 1–15 di 60",
        "Incontri per commissione: righe 16–30 di 60",
        "Incontri per commissione: righe 31–45 di 60",
        "Incontri per commissione: righe 46–60 di 60",
    ]
    prs = Presentation(str(table_case))
    notes = [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in prs.slides]
    assert notes[0] == "Le note restano sulla prima slide."
    assert notes[1:] == [""] * 5


@pytest.mark.parametrize("script", ["check_xsd.py", "check_opc.py"])
def test_tables_are_valid_ooxml(table_case: Path, script: str) -> None:
    result = ooxml_check(script, table_case)
    assert result.returncode == 0, result.stdout + result.stderr


def test_tables_render_one_page_per_slide_with_text_inside_the_table(
    table_case: Path, tmp_path: Path
) -> None:
    need_soffice()
    from slidegen.export import export

    pdf = tmp_path / "table.pdf"
    export(table_case, len(Presentation(str(table_case)).slides), pdf=pdf, png_dir=None)
    assert pdf_pages(pdf) == 6
    # The first continued slide: every word of its cells is drawn inside the table's frame.
    _, shape = tables(table_case)[1]
    top, bottom = shape.top / EMU_PER_PT, (shape.top + shape.height) / EMU_PER_PT
    left, right = shape.left / EMU_PER_PT, (shape.left + shape.width) / EMU_PER_PT
    cell_words = {w for row in shape.table.rows for c in row.cells for w in c.text.split()}
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "2", "-l", "2", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    boxes = [
        (float(x0), float(y0), float(x1), float(y1), word)
        for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
            html,
        )
    ]
    footer = Presentation(str(table_case)).slide_height / EMU_PER_PT - 60  # slide number there
    inside = [b for b in boxes if b[4] in cell_words and top - 1 <= b[1] < footer]
    assert len(inside) >= 60
    for x0, _y0, x1, y1, word in inside:
        assert left - 1 <= x0 and x1 <= right + 1 and y1 <= bottom + 1, (word, y1, bottom)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            "{columns: [A, B], rows: [[1, 2], [3]]}",
            "row 2 has 1 cells; the table has 2 columns",
        ),
        ("{columns: [A], rows: [[1]], data: x.csv}", "give either 'rows' or 'data'"),
        ("{columns: [A]}", "a table needs 'columns' and 'rows' (or 'data: file.csv')"),
        ("{data: missing.csv}", "data file 'missing.csv' not found"),
    ],
)
def test_bad_tables_are_located_errors(project: Project, table: str, message: str) -> None:
    project.write_slides(
        f"""
        - kind: table
          title: A table
          table: {table}
        """
    )
    result = run_cli("build", cwd=project.root)
    assert_clean_exit(result, 1)
    [line] = error_lines(result)
    assert line.startswith("deck.yaml:7:")
    assert message in line


def test_one_slide_table_that_overflows_is_a_finding(project: Project) -> None:
    rows = ", ".join(f"[Row {n}, {n}]" for n in range(40))
    project.write_slides(
        f"""
        - kind: table
          title: Too long
          continue: false
          table: {{columns: [Name, Value], rows: [{rows}]}}
        """
    )
    result = run_cli("build", "--strict", cwd=project.root)
    assert_clean_exit(result, 1)
    assert "the table runs" in result.stderr and "past the slide at 12 pt" in result.stderr
    assert_clean_exit(run_cli("build", cwd=project.root), 0)
    prs = Presentation(str(next((project.root / "output").glob("*.pptx"))))
    assert len(prs.slides) == 1


def test_row_heights_are_the_plan_s(table_case: Path) -> None:
    _, shape = tables(table_case)[1]
    heights = [row.height / EMU_PER_PT for row in shape.table.rows]
    assert len(set(heights)) == 1 and heights[0] > 12


def test_a_short_table_is_set_like_a_short_list_not_stranded_at_the_top() -> None:
    planned = plan(3)
    [page] = planned.pages
    spare = BOX.height - sum(page.row_heights)
    assert page.top == round(spare * 0.4)
    continued = plan(60)
    assert {p.top for p in continued.pages} == {0}  # full slides start at the top
