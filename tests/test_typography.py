"""The layout rules on the built decks, and in LibreOffice's rendering of them: one title
size and one title position on every content slide, no text below the theme's minimum, tile
figures of a row on one baseline, period labels unbroken."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from helpers import BuiltCase, case_names, need_soffice
from slidegen.layout import EMU_PER_PT
from slidegen.loader import load_yaml
from slidegen.theme import Theme, builtin_themes

XHTML = "{http://www.w3.org/1999/xhtml}"


def theme_of(prs: object) -> Theme:
    font = next(
        r.get("typeface")
        for r in prs.slides[1]._element.iter(qn("a:latin"))  # type: ignore[attr-defined]
    )
    name = "cremona" if font == "Calibri" else "neutral"
    return Theme.model_validate(load_yaml(builtin_themes() / name / "theme.yaml").data)


def content_titles(prs: object) -> list[object]:
    return [
        s.shapes.title
        for s in prs.slides  # type: ignore[attr-defined]
        if s.slide_layout.name == "Content"
    ]


@pytest.mark.parametrize("case", case_names())
def test_every_content_title_is_set_at_one_size(
    case: str, built_case: Callable[[str], BuiltCase]
) -> None:
    prs = Presentation(str(built_case(case).pptx))
    sizes = {
        r.font.size.pt for t in content_titles(prs) for p in t.text_frame.paragraphs for r in p.runs
    }
    assert len(sizes) == 1, sizes
    anchors = {t.text_frame._txBody.bodyPr.get("anchor") for t in content_titles(prs)}
    assert anchors == {"t"}


@pytest.mark.parametrize("case", case_names())
def test_no_text_on_a_slide_is_smaller_than_min_body(
    case: str, built_case: Callable[[str], BuiltCase]
) -> None:
    """Every run with a size of its own (lists, tiles, captions, tables, titles); the footer
    placeholders inherit the theme's footer size from the layout."""
    prs = Presentation(str(built_case(case).pptx))
    minimum = theme_of(prs).sizes.min_body
    small = [
        (
            number,
            run.getparent().getparent().getparent().getparent().getparent().get("name"),
            run.get("sz"),
        )
        for number, slide in enumerate(prs.slides, start=1)
        for run in slide._element.iter(qn("a:rPr"))
        if run.get("sz")
        and int(run.get("sz")) < minimum * 100
        and (run.getparent().findtext(qn("a:t")) or "").strip()
    ]
    assert not small, small


def test_period_labels_never_break_inside(built_case: Callable[[str], BuiltCase]) -> None:
    prs = Presentation(str(built_case("council-en").pptx))
    changes = [
        p.text
        for s in prs.slides
        for shape in s.shapes
        if shape.name.startswith("Metric ")
        for p in shape.text_frame.paragraphs
        if p.text[:1] in "▲▼="
    ]
    assert changes
    for text in changes:
        assert text.endswith("vs\u00a0April\u00a0–\u00a0September\u00a02025"), text


def test_units_are_smaller_than_their_figures(built_case: Callable[[str], BuiltCase]) -> None:
    prs = Presentation(str(built_case("council-en").pptx))
    units = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name.startswith("Metric "):
                runs = next(p for p in shape.text_frame.paragraphs if p.runs[0].font.bold).runs
                if len(runs) == 2:
                    units += 1
                    assert runs[1].font.size.pt < runs[0].font.size.pt * 0.6
                    assert runs[1].text.strip("\u00a0") in ("%", "£m", "days")
    assert units >= 5


# -- In LibreOffice's rendering -------------------------------------------------------------------


def words_by_page(pdf: Path) -> list[list[tuple[str, float, float, float, float]]]:
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", html))
    return [
        [
            (w.text or "", *(float(w.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in page.iter(f"{XHTML}word")
        ]
        for page in root.iter(f"{XHTML}page")
    ]


@pytest.fixture(scope="module")
def rendered(built_case: Callable[[str], BuiltCase], tmp_path_factory: pytest.TempPathFactory):
    """``rendered(case)``: the case's presentation and the words of each PDF page."""
    soffice = need_soffice()
    folder = tmp_path_factory.mktemp("typography")
    done: dict[str, tuple[object, list]] = {}

    def get(case: str) -> tuple[object, list]:
        if case not in done:
            pptx = built_case(case).pptx
            subprocess.run(
                [soffice, f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless",
                 "--convert-to", "pdf", "--outdir", str(folder), str(pptx)],
                check=True, capture_output=True, timeout=240,
            )  # fmt: skip
            done[case] = (Presentation(str(pptx)), words_by_page(folder / f"{pptx.stem}.pdf"))
        return done[case]

    return get


@pytest.mark.parametrize("case", ["council-en", "metrics-grid"])
def test_rendered_tile_figures_of_a_row_share_a_baseline(case: str, rendered) -> None:
    prs, pages = rendered(case)
    rows_checked = 0
    for slide, words in zip(prs.slides, pages, strict=True):
        rows: dict[int, list[float]] = {}
        for shape in slide.shapes:
            if not shape.name.startswith("Metric "):
                continue
            figure = next(p for p in shape.text_frame.paragraphs if p.runs and p.runs[0].font.bold)
            first = figure.runs[0].text.split()[0]
            left, right = shape.left / EMU_PER_PT, (shape.left + shape.width) / EMU_PER_PT
            drawn = [w for w in words if w[0] == first and left <= w[1] and w[3] <= right]
            assert drawn, f"figure {first!r} not found in the PDF"
            rows.setdefault(shape.top, []).append(min(drawn, key=lambda w: w[2])[4])
        for bottoms in rows.values():
            if len(bottoms) > 1:
                rows_checked += 1
                assert max(bottoms) - min(bottoms) < 0.5, bottoms
    assert rows_checked >= 2


@pytest.mark.parametrize("case", ["council-en", "_default"])
def test_rendered_titles_start_at_the_same_height_on_every_content_slide(
    case: str,
    rendered,
) -> None:
    prs, pages = rendered(case)
    tops = []
    for slide, words in zip(prs.slides, pages, strict=True):
        if slide.slide_layout.name != "Content":
            continue
        first = slide.shapes.title.text_frame.text.split()[0]
        tops.append(min(w[2] for w in words if w[0] == first))
    assert len(tops) > 5
    assert max(tops) - min(tops) < 0.5, tops
