"""The layout stage on its own: a whole deck laid out into frozen plans without python-pptx,
``check`` stopping there with every finding a build reports, and the design rules read off
the plans of real decks."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
import typing
from pathlib import Path

import pytest

from helpers import CASES, DEFAULT_DECK
from slidegen.build import compile_deck
from slidegen.layout.deck import DeckPlan
from slidegen.layout.geometry import CONTENT
from slidegen.layout.shapes import (
    GaugeChartShape,
    PlaceholderText,
    Shape,
    SlidePlan,
    TextShape,
    TilesShape,
)
from slidegen.pipeline import check_deck, lay_out, prepare
from slidegen.render.shapes import WRITERS
from slidegen.slides import KINDS

COUNCIL = CASES / "council-en" / "deck.yaml"

CROWDED = """\
deck:
  title: Crowded
  language: en
  date: 2025-06-30
sections:
  - title: Too much on one slide
    slides:
      - kind: bullets
        title: Every ward's request, in full
        continue: false
        items:
{items}
      - kind: chart
        title: Spending by service
        chart:
          type: pie
          categories: [{categories}]
          series: [{{name: Spend, values: [{values}]}}]
      - kind: chart
        title: Four targets with long names
        chart:
          type: target
          targets:
{targets}
      - kind: table
        title: Every road resurfaced
        continue: false
        table:
          columns: [Road, Ward, Metres]
          rows:
{rows}
"""


def crowded_deck(tmp_path: Path) -> Path:
    items = "\n".join(
        f"          - Ward {n} asks for a longer consultation on the parking scheme"
        for n in range(40)
    )
    categories = ", ".join(f"Service {n}" for n in range(12))
    values = ", ".join(str(10 + n) for n in range(12))
    rows = "\n".join(f"            - [Road {n}, Ward {n % 9}, {100 + n}]" for n in range(80))
    long = "of every council building and school and library converted to renewable heat"
    targets = "\n".join(
        f"            - {{label: Share {n} {long}, value: 38, target: 60}}" for n in range(4)
    )
    path = tmp_path / "deck.yaml"
    text = CROWDED.format(
        items=items, categories=categories, values=values, rows=rows, targets=targets
    )
    path.write_text(text, encoding="utf-8")
    return path


def planned(deck: Path) -> DeckPlan:
    return lay_out(prepare(deck))


def test_check_never_imports_the_writers(tmp_path: Path) -> None:
    child = textwrap.dedent(
        f"""
        import sys
        from slidegen.cli import main
        try:
            main(["check", {str(crowded_deck(tmp_path))!r}], standalone_mode=False)
        finally:
            print(sorted(m for m in sys.modules if m.split(".")[0] in ("pptx", "xlsxwriter")
                         or m.startswith("slidegen.render")))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, check=True
    )
    assert "findings" in result.stdout  # the check ran to its end
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    "deck", [DEFAULT_DECK, COUNCIL, "crowded"], ids=["default", "council-en", "crowded"]
)
def test_check_reports_exactly_what_a_build_reports(deck: Path | str, tmp_path: Path) -> None:
    path = crowded_deck(tmp_path) if deck == "crowded" else Path(deck)
    checked = check_deck(path)
    compiled = compile_deck(path)
    assert checked.findings == compiled.findings
    assert checked.slides == compiled.slides
    if deck == "crowded":  # the comparison is not between two empty lists
        messages = " ".join(p.message for p in checked.findings)
        assert "List" in messages and "slices" in messages and "table" in messages.lower()


def test_every_kind_of_shape_has_a_writer() -> None:
    shapes = set(typing.get_args(Shape))
    # The placeholder's text is written into the slide's own placeholder, before the rest.
    assert set(WRITERS) | {PlaceholderText} == shapes


def slide_plans(plan: DeckPlan) -> list[SlidePlan]:
    return [slide.plan for slide in plan.slides]


@pytest.mark.parametrize("deck", [DEFAULT_DECK, COUNCIL], ids=["default", "council-en"])
def test_plans_are_frozen_and_cover_every_slide(deck: Path) -> None:
    plan = planned(deck)
    assert len(plan.slides) == compile_deck(deck).slides
    for slide in slide_plans(plan):
        for value in (slide, *slide.shapes):
            assert dataclasses.is_dataclass(value)
            assert type(value).__dataclass_params__.frozen  # type: ignore[attr-defined]
    if deck == COUNCIL:  # the second deck is meant to show every kind
        assert {slide.kind for slide in plan.slides} == set(KINDS)


@pytest.mark.parametrize("deck", [DEFAULT_DECK, COUNCIL], ids=["default", "council-en"])
def test_nothing_is_planned_below_the_theme_minimum(deck: Path) -> None:
    plan = planned(deck)
    floor = plan.context.theme.sizes.min_body
    for slide in slide_plans(plan):
        for shape in slide.shapes:
            if isinstance(shape, TextShape | PlaceholderText):
                assert shape.plan.smallest >= floor - 1e-9, (slide.title, shape.name)
            if isinstance(shape, TilesShape):
                sizes = shape.plan.sizes
                assert min(sizes.label, sizes.detail) >= floor - 1e-9, slide.title
            if isinstance(shape, GaugeChartShape):
                for gauge in shape.gauges:
                    texts = (gauge.figure, gauge.caption, gauge.status, gauge.label)
                    assert gauge.fits, slide.title
                    assert all(t.size >= floor - 1e-9 for t in texts if t), slide.title


def test_gauges_too_small_for_their_text_are_a_finding(tmp_path: Path) -> None:
    deck = crowded_deck(tmp_path)
    (finding,) = [f for f in planned(deck).findings if "rings" in f.message]
    lines = deck.read_text(encoding="utf-8").splitlines()
    assert finding.path.endswith("chart.targets")
    assert lines[finding.location.line - 1].lstrip().startswith("- {label: Share 0")


@pytest.mark.parametrize("deck", [DEFAULT_DECK, COUNCIL], ids=["default", "council-en"])
def test_tile_figures_of_a_row_share_a_baseline(deck: Path) -> None:
    for slide in slide_plans(planned(deck)):
        for shape in slide.shapes:
            if not isinstance(shape, TilesShape):
                continue
            rows: dict[int, set[float]] = {}
            for tile, baseline in zip(shape.plan.tiles, shape.plan.baselines, strict=True):
                rows.setdefault(tile.box.top, set()).add(round(baseline, 3))
            assert rows and all(len(baselines) == 1 for baselines in rows.values()), slide.title


def test_content_titles_start_at_one_place_at_one_size() -> None:
    plan = planned(COUNCIL)
    content = [s for s in slide_plans(plan) if s.layout == CONTENT]
    assert len(content) >= 15
    assert {s.title_anchor for s in content} == {"top"}
    # Where a content title starts, and its size, are the layout's: one for every slide.
    assert {plan.context.title_boxes[s.layout].box for s in content} == {plan.page.title}


SHORT_LIST_AND_ONE_FIGURE = """\
deck: {title: Short, language: en, date: 2025-06-30}
sections:
  - divider: false
    slides:
      - kind: bullets
        title: Police
        items: [New organisation, Presence in the wards, Coordination with the other forces]
        metrics: ["**5** more officers"]
      - kind: bullets
        title: Police, in full
        items:
"""


def test_tiles_under_a_short_list_grow_into_the_room_it_leaves(tmp_path: Path) -> None:
    long = "\n".join(f"          - Item {n} of a long list that takes its room" for n in range(9))
    deck = tmp_path / "deck.yaml"
    deck.write_text(SHORT_LIST_AND_ONE_FIGURE + long + '\n        metrics: ["**5** more"]\n')
    short, full = (slide.plan for slide in planned(deck).slides)

    def parts(plan: SlidePlan) -> tuple[TextShape, TilesShape]:
        text = next(s for s in plan.shapes if isinstance(s, TextShape) and s.name == "List")
        return text, next(s for s in plan.shapes if isinstance(s, TilesShape))

    (short_list, short_tiles), (full_list, full_tiles) = parts(short), parts(full)
    assert short_tiles.plan.sizes.figure > full_tiles.plan.sizes.figure
    assert short_tiles.plan.tiles[0].box.height > full_tiles.plan.tiles[0].box.height
    assert short_list.plan.overflow == full_list.plan.overflow == 0
    assert short_list.plan.size >= 20  # the theme's body size: not shrunk for the tiles


def test_a_count_left_in_the_default_percent_is_a_finding(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(
        textwrap.dedent("""\
            deck: {title: Lights, language: en, date: 2025-06-30}
            sections:
              - divider: false
                slides:
                  - kind: chart
                    title: Street lights
                    chart:
                      type: target
                      targets:
                        - {label: Converted to LED, value: 8200, target: 10000}
                        - {label: Recycled, value: 47.5, target: 65}
                        - {label: Trees planted, value: 820, target: 1000, unit: ""}
            """),
        encoding="utf-8",
    )
    findings = planned(deck).findings
    assert [(f.location.line, f.path) for f in findings] == [
        (10, "sections[0].slides[0].chart.targets[0]")
    ]
    assert "10,000%" in findings[0].message and "unit" in findings[0].message


def test_a_chart_of_the_slide_s_metrics_says_which_it_leaves_out(tmp_path: Path) -> None:
    """``3,480`` is text to the deck (it reads differently across languages): the tile shows
    it, the chart cannot, and says so at the metric, with the figure to write instead."""
    deck = tmp_path / "deck.yaml"
    deck.write_text(
        textwrap.dedent("""\
            deck: {title: Repairs, language: en-GB, date: 2025-06-30}
            sections:
              - divider: false
                slides:
                  - kind: metrics
                    title: Repairs
                    metrics:
                      - "**247** homes completed"
                      - "**3,480** potholes repaired"
                      - "Over **1.000,5** tonnes"
                      - "**MANY** volunteers"
                      - "**23** apprentices"
                    chart: {type: bar}
            """),
        encoding="utf-8",
    )
    findings = planned(deck).findings
    assert [(f.location.line, f.path) for f in findings] == [
        (9, "sections[0].slides[0].metrics[1]"),
        (10, "sections[0].slides[0].metrics[2]"),
    ]
    assert "write 3480 to chart it" in findings[0].message
    assert "write 1000.5 to chart it" in findings[1].message
