"""The default deck carries the original text: every line of the seed is on some slide.

The seed (``../shared/seed/sei-mesi-fuori-dal-comune.md``) is the text of the Comune di
Cremona's original slides. Layout and emphasis may change; words may not go missing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from pptx import Presentation

from helpers import DEFAULT_CASE, SHARED, BuiltCase, Project, visible_shapes
from slidegen import compile_deck
from slidegen.outline import slide_texts

SEED = SHARED / "seed" / "sei-mesi-fuori-dal-comune.md"
WORDMARK_LINES = ("cremona", "comune di cremona")
"""The theme's wordmark and footer: printed on every content slide, not written in the deck."""

_BIG_NUMBER = re.compile(r"(?<![\d.,])\d{4,}(?![\d.,]*\d)")
_BOLD_FIGURE = re.compile(r"\*\*\s*(\d[\d.,]*)")


def collapse(text: str) -> str:
    return " ".join(text.split()).casefold()


def seed_text() -> str:
    if not SEED.is_file():
        pytest.fail(f"seed text {SEED} is missing: CI has ../shared beside the repository")
    return SEED.read_text(encoding="utf-8")


def seed_lines(markdown: str) -> list[str]:
    """The seed's lines as a reader sees them: markup removed, hard breaks joined."""
    joined: list[str] = []
    pending = ""
    for raw in markdown.splitlines():
        pending += raw
        if raw.endswith("  "):  # a markdown hard break: the line continues
            pending += " "
            continue
        joined.append(pending)
        pending = ""
    if pending:
        joined.append(pending)
    lines = []
    for line in joined:
        text = re.sub(r"^\s*#+\s*", "", line)
        text = re.sub(r"^\s*-\s+", "", text)
        text = text.replace("**", "").replace("*", "")
        text = collapse(text)
        if text:
            lines.append(text)
    return lines


def italian_grouping(number: str) -> str:
    """``1000`` → ``1.000``: how the deck formats numbers in Italian."""
    return f"{int(number):,}".replace(",", ".")


def variants(line: str) -> set[str]:
    """``line`` with each 4+ digit number as written or grouped the Italian way."""
    numbers = list(_BIG_NUMBER.finditer(line))
    found = set()
    for choice in itertools.product((False, True), repeat=len(numbers)):
        text, offset = line, 0
        for grouped, match in zip(choice, numbers, strict=True):
            if grouped:
                new = italian_grouping(match.group())
                start, end = match.start() + offset, match.end() + offset
                text = text[:start] + new + text[end:]
                offset += len(new) - len(match.group())
        found.add(text)
    return found


@cache
def deck_slides(pptx: Path) -> tuple[str, ...]:
    """Each slide's text: text frames (paragraphs joined by spaces), chart categories, and
    table rows (their cells joined by spaces, in reading order)."""
    texts = list(slide_texts(pptx))
    for index, slide in enumerate(Presentation(str(pptx)).slides):
        for shape in slide.shapes:
            if getattr(shape, "has_chart", False):
                texts[index] += "\n" + "\n".join(map(str, shape.chart.plots[0].categories))
            if getattr(shape, "has_table", False):
                rows = (" ".join(c.text for c in row.cells) for row in shape.table.rows)
                texts[index] += "\n" + "\n".join(rows)
    return tuple(collapse(text) for text in texts)


def footers(pptx: Path) -> list[str | None]:
    """The text of each slide's wordmark and footer (None where a slide has neither)."""
    found: list[str | None] = []
    for slide in Presentation(str(pptx)).slides:
        shown = {s.name: s.text_frame.text for s in visible_shapes(slide) if s.has_text_frame}
        texts = [shown[name] for name in ("Wordmark", "Footer") if name in shown]
        found.append(collapse(" ".join(texts)) if texts else None)
    return found


@pytest.fixture(scope="module")
def default_deck(built_case: Callable[[str], BuiltCase]) -> Path:
    return built_case(DEFAULT_CASE).pptx


def test_seed_lines_are_normalised() -> None:
    markdown = (
        "## PERCHE' «FUORI DAL COMUNE»?\n\n- con **la** città\n"
        "Categorie produttive  \nCliniche, e centri  \nanziani\n"
        "*Campeggio, ATS*  \n**Interazione**\n### **PROGRAMMAZIONE**\n"
    )
    assert seed_lines(markdown) == [
        "perche' «fuori dal comune»?",
        "con la città",
        "categorie produttive cliniche, e centri anziani",
        "campeggio, ats interazione",
        "programmazione",
    ]


def test_number_variants() -> None:
    assert variants("oltre 1000 appuntamenti") == {
        "oltre 1000 appuntamenti",
        "oltre 1.000 appuntamenti",
    }
    assert len(variants("1000 e 2014")) == 4
    assert variants("475 comunicati, 2,2 milioni") == {"475 comunicati, 2,2 milioni"}


def test_every_seed_line_is_in_the_default_deck(default_deck: Path) -> None:
    slides = deck_slides(default_deck)
    missing = [
        line
        for line in seed_lines(seed_text())
        if line not in WORDMARK_LINES
        and not any(v in slide for v in variants(line) for slide in slides)
    ]
    assert not missing, "seed lines not found on any slide:\n" + "\n".join(missing)


def test_wordmark_lines_come_from_the_footer(default_deck: Path) -> None:
    """'Cremona' and 'COMUNE DI CREMONA' are in the seed's footer; the theme prints them."""
    lines = seed_lines(seed_text())
    assert all(mark in lines for mark in WORDMARK_LINES)
    prs = Presentation(str(default_deck))
    per_slide = footers(default_deck)
    content = [
        i
        for i, slide in enumerate(prs.slides)
        if any(s.name == "Accent bar" for s in visible_shapes(slide))
    ]
    assert content, "no content slides"
    for index in content:
        assert per_slide[index] == "cremona comune di cremona", f"slide {index + 1}"


def test_every_bold_figure_is_a_tile_a_statement_or_a_table_figure(default_deck: Path) -> None:
    """A ``**475** …`` in the seed is a key figure: a metric tile's value, in a statement, or
    a figure cell of a table (a right-aligned cell: a number column)."""
    shown: set[str] = set()
    for slide in Presentation(str(default_deck)).slides:
        for shape in slide.shapes:
            if getattr(shape, "has_table", False):
                for row in list(shape.table.rows)[1:]:
                    for cell in row.cells:
                        if cell.text_frame.paragraphs[0]._p.pPr.get("algn") == "r":
                            shown.update(re.findall(r"\d[\d.]*", cell.text))
            if not shape.has_text_frame:
                continue
            if re.fullmatch(r"Metric \d+", shape.name) or shape.name == "Statement":
                for paragraph in shape.text_frame.paragraphs:
                    bold = [r.text for r in paragraph.runs if r.font.bold]
                    shown.update(re.findall(r"\d[\d.]*", " ".join(bold)))
    figures = {m.group(1).rstrip(".,") for m in _BOLD_FIGURE.finditer(seed_text())}
    assert figures, "no bold figures found in the seed"
    missing = sorted(
        (f for f in figures if f not in shown and italian_grouping(f) not in shown), key=int
    )
    assert not missing, f"bold figures neither a tile, a statement nor in a table: {missing}"


def test_slide_texts_include_chart_categories(project: Project) -> None:
    project.write_deck(
        """
        deck: {title: T}
        sections:
          - divider: false
            slides:
              - kind: chart
                title: C
                chart:
                  type: column
                  categories: [Aem, Padania Acque]
                  series: [{name: s, values: [1, 2]}]
        """
    )
    pptx = project.root / "c.pptx"
    pptx.write_bytes(compile_deck(project.deck).data)
    assert "Padania Acque" in slide_texts(pptx)[0]


def test_deck_slides_sees_tiles_as_one_line(default_deck: Path) -> None:
    """Paragraphs of a tile join with spaces, so '37 Giunte' is found as written."""
    slides = deck_slides(default_deck)
    assert any("37 giunte" in slide for slide in slides)
    assert any("oltre cento incontri di staff" in slide for slide in slides)
