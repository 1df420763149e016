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

from helpers import (
    BuiltCase,
    Project,
    breaking_at_the_hyphen,
    case_names,
    convert_to_pdf,
    need_soffice,
    statement,
    title_breaking_at_the_hyphen,
    title_whose_bound_dash_costs_a_line,
    title_with_a_dash_starting_a_line,
    title_with_a_lone_last_word,
)
from slidegen import compile_deck
from slidegen.layout import EMU_PER_PT, PageGeometry
from slidegen.layout.textplan import Faces, inner_size, text_wrap
from slidegen.layout.titleplan import set_lines, title_boxes
from slidegen.loader import load_yaml
from slidegen.markup import parse_inline
from slidegen.textfit import Line, wrap
from slidegen.theme import Theme
from slidegen.theme_index import builtin_themes

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


def shape_words(shape: object, words: list) -> list:
    """The PDF words drawn inside ``shape``'s box (a hair of slack for glyph overhang)."""
    left, top = shape.left / EMU_PER_PT, shape.top / EMU_PER_PT  # type: ignore[attr-defined]
    right = left + shape.width / EMU_PER_PT  # type: ignore[attr-defined]
    bottom = top + shape.height / EMU_PER_PT  # type: ignore[attr-defined]
    return [
        w for w in words if w[1] >= left - 2 and w[3] <= right + 2 and w[2] >= top - 4
        and w[4] <= bottom + 4
    ]  # fmt: skip


def line_tops(words: list) -> list[float]:
    tops: list[float] = []
    for top in sorted(w[2] for w in words):
        if not tops or top - tops[-1] > 2:
            tops.append(top)
    return tops


def test_rendered_statement_keeps_half_year_on_one_line(rendered) -> None:
    """council-en's statement ended its first line with "half-" before: LibreOffice draws
    "half-year" whole, on the lines the plan counted."""
    prs, pages = rendered("council-en")
    checked = 0
    for slide, words in zip(prs.slides, pages, strict=True):
        for shape in slide.shapes:
            if shape.name != "Statement":
                continue
            drawn = shape_words(shape, words)
            assert not [w[0] for w in drawn if w[0].endswith("-")], [w[0] for w in drawn]
            if "half-year" in shape.text_frame.text:
                assert "half-year" in [w[0] for w in drawn]
                checked += 1
    assert checked == 1


@pytest.mark.parametrize("word", ["socio-sanitari", "medio-lungo"])
def test_rendered_statements_never_break_a_word_at_its_hyphen(
    word: str, project: Project, tmp_path: Path
) -> None:
    """Sentences whose lines would end after the hyphen of ``word`` at the statement's size
    (the plan says so, at the box's full width) are drawn by LibreOffice with the word whole
    on one line, in as many lines as the plan has: the measure the plan narrowed to is the
    one LibreOffice wraps in."""
    theme = Theme.model_validate(load_yaml(builtin_themes() / "cremona" / "theme.yaml").data)
    faces = Faces("Carlito", "Carlito")
    body = PageGeometry.from_theme(theme).body
    width = inner_size(body)[0]
    texts = []
    for skip in (0, 7, 20):  # three sentences, each breaking at the hyphen
        text = breaking_at_the_hyphen(word, width, theme.sizes.statement, faces, skip)
        texts.append(text)
        assert text_wrap(statement(text), width, theme.sizes.statement, faces).hyphen_breaks
    slides = [f"- {{kind: statement, title: Frase {i}, text: '{t}'}}" for i, t in enumerate(texts)]
    compiled = compile_deck(project.write_slides(*slides))
    pptx = tmp_path / "statements.pptx"
    pptx.write_bytes(compiled.data)
    pages = words_by_page(convert_to_pdf([pptx], tmp_path)[pptx])
    prs = Presentation(str(pptx))
    for slide, words, text in zip(prs.slides, pages, texts, strict=True):
        shape = next(s for s in slide.shapes if s.name == "Statement")
        drawn = shape_words(shape, words)
        assert word in [w[0] for w in drawn], (text, [w[0] for w in drawn])
        assert not [w[0] for w in drawn if w[0].endswith("-")]
        size = shape.text_frame.paragraphs[0].runs[0].font.size.pt
        frame = shape.text_frame
        measure = (shape.width - frame.margin_left - frame.margin_right) / EMU_PER_PT
        planned = text_wrap(statement(text), measure, size, faces)
        assert planned.hyphen_breaks == 0
        assert len(line_tops(drawn)) == planned.lines


def test_rendered_section_titles_never_break_a_word_at_its_hyphen(
    project: Project, tmp_path: Path
) -> None:
    """Section titles whose lines would end after "socio-" at the dividers' size are drawn
    by LibreOffice with the word whole, in as many lines as the plan has: the title's right
    inset holds the measure the plan narrowed to, and its text starts where every title of
    the layout does."""
    theme = Theme.model_validate(load_yaml(builtin_themes() / "cremona" / "theme.yaml").data)
    box = PageGeometry.from_theme(theme).section.title
    width, size, family = inner_size(box)[0], theme.sizes.cover, "Carlito"
    texts = [title_breaking_at_the_hyphen("socio-sanitari", width, size, family, s) for s in (0, 9)]
    sections = "".join(f"  - title: '{text}'\n    slides: []\n" for text in texts)
    deck = project.write_deck(f"deck: {{title: T, date: 2014-12-31}}\nsections:\n{sections}")
    pptx = tmp_path / "sections.pptx"
    pptx.write_bytes(compile_deck(deck).data)
    pages = words_by_page(convert_to_pdf([pptx], tmp_path)[pptx])
    prs = Presentation(str(pptx))
    for slide, words, text in zip(prs.slides, pages, texts, strict=True):
        title = slide.shapes.title
        drawn = words  # a divider without a subtitle shows its title alone
        assert "socio-sanitari" in [w[0] for w in drawn], (text, [w[0] for w in drawn])
        left = (title.left + title.text_frame.margin_left) / EMU_PER_PT
        assert min(w[1] for w in drawn) == pytest.approx(left, abs=3)
        assert not [w[0] for w in drawn if w[0].endswith("-")]
        frame = title.text_frame
        measure = (title.width - frame.margin_left - frame.margin_right) / EMU_PER_PT
        line = Line(tuple(parse_inline(text)), family)
        assert wrap(line, measure / size).hyphen_breaks == 0
        assert len(line_tops(drawn)) == wrap(line, width / size).lines


def test_rendered_titles_of_two_lines_break_evenly(project: Project, tmp_path: Path) -> None:
    """A content title and a section title that would leave their last word alone on the
    second line are drawn by LibreOffice in two lines of which neither is short, starting
    where every title of their layout does."""
    theme = Theme.model_validate(load_yaml(builtin_themes() / "cremona" / "theme.yaml").data)
    page = PageGeometry.from_theme(theme)
    content = title_with_a_lone_last_word(inner_size(page.title)[0], theme.sizes.title, "Carlito")
    section = title_with_a_lone_last_word(
        inner_size(page.section.title)[0], theme.sizes.cover, "Carlito"
    )
    deck = project.write_deck(
        "deck: {title: T, date: 2014-12-31}\nsections:\n"
        f'  - title: "{section}"\n    slides:\n'
        f'      - {{kind: bullets, title: "{content}", items: [Uno, Due]}}\n'
    )
    pptx = tmp_path / "titles.pptx"
    pptx.write_bytes(compile_deck(deck).data)
    pages = words_by_page(convert_to_pdf([pptx], tmp_path)[pptx])
    prs = Presentation(str(pptx))
    for slide, words, text in zip(prs.slides, pages, (section, content), strict=True):
        title = slide.shapes.title
        # A divider without a subtitle shows its title alone (its lines may grow past the
        # box's own height); under a content title, the list.
        drawn = words if text == section else shape_words(title, words)
        assert " ".join(w[0] for w in drawn) == text
        tops = line_tops(drawn)
        assert len(tops) == 2, text
        lines = [[w for w in drawn if abs(w[2] - top) <= 2] for top in tops]
        extents = [max(w[3] for w in ws) - min(w[1] for w in ws) for ws in lines]
        assert len(lines[1]) > 1, text  # the last word has company
        assert min(extents) > max(extents) / 3, (text, extents)
        left = (title.left + title.text_frame.margin_left) / EMU_PER_PT
        assert min(w[1] for w in drawn) == pytest.approx(left, abs=3)
        assert title.text_frame.margin_right > title.text_frame.margin_left  # room on the right


def test_rendered_titles_never_start_a_line_with_a_dash(project: Project, tmp_path: Path) -> None:
    """Titles whose first line would end just before the dash, at the box's full width:
    dividers' whose every two-line measure starts the second line with it (the dash and its
    word take a third line), and content slides' (a balanced measure keeps the dash up).
    LibreOffice draws each dash after the word before it, on no line's start, in as many
    lines as the plan counts."""
    theme = Theme.model_validate(load_yaml(builtin_themes() / "cremona" / "theme.yaml").data)
    boxes = title_boxes(theme, PageGeometry.from_theme(theme))
    width = {layout: inner_size(box.box)[0] for layout, box in boxes.items()}
    texts = [
        ("Section divider", title_whose_bound_dash_costs_a_line(
            width["Section divider"], boxes["Section divider"].size, "Carlito", skip))
        for skip in range(3)
    ] + [
        ("Content", title_with_a_dash_starting_a_line(
            width["Content"], boxes["Content"].size, "Carlito", skip))
        for skip in range(3)
    ]  # fmt: skip
    bullets = '  - divider: false\n    slides:\n      - {{kind: bullets, title: "{}", items: [U]}}'
    bullets += "\n"
    sections = "".join(
        f'  - title: "{text}"\n    slides: []\n'
        if layout == "Section divider"
        else bullets.format(text)
        for layout, text in texts
    )
    deck = project.write_deck(f"deck: {{title: T, date: 2014-12-31}}\nsections:\n{sections}")
    pptx = tmp_path / "dashes.pptx"
    pptx.write_bytes(compile_deck(deck).data)
    pages = words_by_page(convert_to_pdf([pptx], tmp_path)[pptx])
    prs = Presentation(str(pptx))
    assert len(pages) == len(texts)
    for slide, words, (layout, text) in zip(prs.slides, pages, texts, strict=True):
        drawn = words if layout == "Section divider" else shape_words(slide.shapes.title, words)
        tops = line_tops(drawn)
        lines = [[w for w in drawn if abs(w[2] - top) <= 2] for top in tops]
        starts = [min(line, key=lambda w: w[1])[0] for line in lines]
        assert any("–" in w[0] for w in drawn), drawn
        assert not [start for start in starts if start.startswith("–")], (text, drawn)
        assert len(tops) == set_lines(text, boxes[layout], boxes[layout].size, "Carlito"), text


def test_rendered_short_lists_are_centred_under_their_heading(rendered) -> None:
    """A short list alone in the body: as much air between the heading's last line (less
    the page's gap) and the list as between the list and the bottom of its box, whether
    the slide has a subtitle, a one-line title of two, or neither."""
    checked = 0
    for case, required in (("_default", {21, 12, 25}), ("council-en", {4})):
        prs, pages = rendered(case)
        pages_of = [PageGeometry.from_theme(theme_of(prs), title_lines=n) for n in (1, 2)]
        body_tops = {page.body.top for page in pages_of}  # under one title line, or two
        body, gap = pages_of[0].body, pages_of[0].gap / EMU_PER_PT
        seen = set()
        for number, (slide, words) in enumerate(zip(prs.slides, pages, strict=True), start=1):
            shapes = {shape.name: shape for shape in slide.shapes}
            box = shapes.get("List")
            if box is None or box.top not in body_tops or box.width < body.width - 12700:
                continue
            drawn = shape_words(box, words)
            heading = [w for n in ("Title 1", "Subtitle") if n in shapes for w in
                       shape_words(shapes[n], words)]  # fmt: skip
            top, bottom = min(w[2] for w in drawn), max(w[4] for w in drawn)
            if top - box.top / EMU_PER_PT < 4:
                continue  # a full list, at the top of its box
            above = top - max(w[4] for w in heading) - gap
            below = (box.top + box.height) / EMU_PER_PT - bottom
            assert abs(above - below) <= 4, (case, number, above, below)
            seen.add(number)
            checked += 1
        assert required <= seen, (case, seen)
    assert checked >= 8
