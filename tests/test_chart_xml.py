"""Charts that never mislead, in the built file: the chart XML says what the plan decided,
findings are located in the deck, and LibreOffice draws bars in proportion."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation

from helpers import Project, assert_clean_exit, need_soffice, require, run_cli
from slidegen.build import BuildResult
from slidegen.checks import contrast_ratio
from slidegen.errors import DeckError

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
DECK = """\
deck:
  title: Charts
  language: en-GB
  date: 2014-12-31
sections:
  - divider: false
    slides:
      - kind: chart
        title: Meetings
        chart: {type: column, categories: [Aem, Lgh, Padania Acque],
                series: [{name: Meetings, values: [13, 11, 11]}]}
      - kind: metrics
        title: Satisfaction
        metrics: ["**72%** residents satisfied", "**64%** businesses satisfied"]
        chart: {type: bar}
      - kind: chart
        title: Stacked
        chart:
          type: stacked-bar
          categories: [Q1, Q2]
          series:
            - {name: Council, values: [17, 20]}
            - {name: Committees, values: [9, 8]}
            - {name: Public, values: [8, 9]}
      - kind: chart
        title: Crossing
        chart:
          type: line
          categories: [a, b, c]
          series:
            - {name: Up, values: [10, 15, 20]}
            - {name: Down, values: [20, 15, 10]}
"""
PIE = """\
      - kind: chart
        title: Budget
        chart:
          type: pie
          categories: [Roads, Schools, Welfare, Culture, Sport, Police, Parks]
          series: [{name: Budget, values: [30, 25, 15, 10, 8, 6, 4]}]
"""


def chart_xml(pptx: Path, slide: int) -> etree._Element:
    prs = Presentation(str(pptx))
    (frame,) = [s for s in prs.slides[slide].shapes if s.has_chart]
    return etree.fromstring(frame.chart.part.blob)


@pytest.fixture
def built(project: Project, build: Callable[..., BuildResult]) -> BuildResult:
    return build(project.write_deck(DECK))


def test_bar_value_axes_start_at_zero(built: BuildResult) -> None:
    for slide in (0, 1, 2):
        xml = chart_xml(built.output, slide)
        assert xml.xpath("//c:valAx/c:scaling/c:min/@val", namespaces=NS) == ["0"]


def test_category_labels_stay_level_and_wrap(built: BuildResult) -> None:
    """Not turned on a slant where they do not fit side by side (a narrow chart)."""
    for slide in (0, 1, 2):
        body = chart_xml(built.output, slide).xpath("//c:catAx/c:txPr/a:bodyPr", namespaces=NS)
        assert [(b.get("rot"), b.get("vert")) for b in body] == [("0", "horz")]


def test_label_formats_follow_the_data(built: BuildResult) -> None:
    whole = chart_xml(built.output, 0).xpath("//c:dLbls/c:numFmt/@formatCode", namespaces=NS)
    assert whole == ["#,##0"]
    percent = chart_xml(built.output, 1).xpath("//c:dLbl/c:numFmt/@formatCode", namespaces=NS)
    assert set(percent) == {'#,##0"%"'}
    every = chart_xml(built.output, 3).xpath("//c:numFmt/@formatCode", namespaces=NS)
    assert every and not any(code.endswith(".##") for code in every)


def test_stacked_labels_contrast_with_their_segment(built: BuildResult) -> None:
    xml = chart_xml(built.output, 2)
    checked = 0
    for series in xml.xpath("//c:ser", namespaces=NS):
        (fill,) = series.xpath("c:spPr/a:solidFill/a:srgbClr/@val", namespaces=NS)
        colours = series.xpath("c:dLbls/c:dLbl//a:defRPr//a:srgbClr/@val", namespaces=NS)
        assert len(colours) == 2
        for colour in colours:
            assert contrast_ratio(colour, fill) >= 4.5, (colour, fill)
            checked += 1
    assert checked == 6


def test_crossing_line_labels_take_both_sides(built: BuildResult) -> None:
    xml = chart_xml(built.output, 3)
    sides = [
        series.xpath("c:dLbls/c:dLbl/c:dLblPos/@val", namespaces=NS)
        for series in xml.xpath("//c:ser", namespaces=NS)
    ]
    assert sides[0][0] == "b" and sides[1][0] == "t"
    assert sides[0][2] == "t" and sides[1][2] == "b"


def test_pie_slices_have_distinct_fills_and_too_many_is_a_located_finding(
    project: Project, build: Callable[..., BuildResult]
) -> None:
    deck = project.write_deck(DECK + PIE)
    result = build(deck)
    fills = chart_xml(result.output, 4).xpath(
        "//c:dPt/c:spPr/a:solidFill/a:srgbClr/@val", namespaces=NS
    )
    assert len(fills) == 7 == len(set(fills))
    (finding,) = result.findings
    line = (
        deck.read_text()
        .splitlines()
        .index("          categories: [Roads, Schools, Welfare, Culture, Sport, Police, Parks]")
        + 1
    )
    assert (finding.location.line, finding.path) == (line, "sections[0].slides[4].chart.categories")
    assert "bar chart" in finding.message
    with pytest.raises(DeckError, match="7 slices"):
        build(deck, output=project.root / "strict.pptx", strict=True)


def _bar_heights(png: Path, colour: tuple[int, int, int]) -> list[int]:
    """Heights in pixels of the columns drawn in ``colour`` (wider than 20 px)."""
    image = Image.open(png).convert("RGB")
    width, height = image.size
    pixels = image.load()
    runs = []
    for x in range(width):
        run = best = 0
        for y in range(height):
            close = all(abs(p - q) < 40 for p, q in zip(pixels[x, y], colour, strict=True))
            run = run + 1 if close else 0
            best = max(best, run)
        runs.append(best)
    bars, current = [], []
    for value in [*runs, 0]:
        if value > 20:
            current.append(value)
        elif current:
            if len(current) > 20:
                bars.append(max(current))
            current = []
    return bars


def test_libreoffice_draws_13_against_11_in_proportion(
    project: Project, build: Callable[..., BuildResult]
) -> None:
    """PowerPoint's and LibreOffice's automatic axis starts narrow ranges near the data
    (13 vs 11 drawn 3:1); the written minimum keeps them 13:11."""
    need_soffice()
    require(shutil.which("pdftoppm") is not None, "pdftoppm (poppler) is not installed")
    result = build(project.write_deck(DECK), png=True)
    bars = _bar_heights(result.pngs[0], (0xA6, 0x19, 0x2E))
    assert len(bars) == 3, bars
    assert bars[0] / bars[1] == pytest.approx(13 / 11, rel=0.06)
    assert bars[1] == pytest.approx(bars[2], abs=2)


@pytest.mark.parametrize("label", ["Obiettivo $____$", "Budget: $5M of $10M", r"\frac{1}{2} $x^2$"])
def test_gauge_labels_with_dollar_signs_are_text_not_tex(project: Project, label: str) -> None:
    # matplotlib reads $…$ as mathtext unless told not to: one crashed, one lost its spaces.
    project.write_slides(
        f"""
        - kind: chart
          title: Targets
          chart:
            type: target
            targets: [{{label: {json.dumps(label)}, target: 70, value: 35}}]
        """,
        deck="{title: Gauges, date: 2014-12-31}",
    )
    result = run_cli("build", "-o", "gauges.pptx", cwd=project.root)
    assert_clean_exit(result, 0)
