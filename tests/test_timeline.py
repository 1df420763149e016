"""The ``timeline`` kind: plans (spacing, alternating labels, past and future) and the slide."""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from helpers import CASES, Project, assert_clean_exit, build, error_lines, run_cli
from slidegen.layout import Box, inches
from slidegen.timelineplan import MilestoneDate, plan_timeline

BODY = Box(inches(0.6), inches(1.6), inches(12.1), inches(5.2))
GAP = inches(0.2)


def dates(*texts: str) -> list[MilestoneDate]:
    return [MilestoneDate.parse(t) for t in texts]


def test_milestones_are_evenly_spaced_on_one_line_inside_the_body() -> None:
    plan = plan_timeline(dates("2014", "2015", "2016"), BODY, GAP, None)
    centres = [m.dot.left + m.dot.width // 2 for m in plan.milestones]
    steps = {b - a for a, b in itertools.pairwise(centres)}
    assert max(steps) - min(steps) <= 1
    assert {m.dot.top + m.dot.height // 2 for m in plan.milestones} == {plan.line.top}
    for m in plan.milestones:
        assert BODY.left <= m.label.left and m.label.right <= BODY.right
        assert BODY.top <= m.label.top and m.label.bottom <= BODY.bottom
        assert not m.above  # few milestones: every label under the line


def test_many_milestones_alternate_so_labels_never_overlap() -> None:
    plan = plan_timeline(dates(*(f"2014-{m:02d}" for m in range(1, 9))), BODY, GAP, None)
    assert [m.above for m in plan.milestones] == [True, False] * 4
    for side in (True, False):
        labels = [m.label for m in plan.milestones if m.above is side]
        for a, b in itertools.pairwise(labels):
            assert a.right <= b.left
    for m in plan.milestones:  # labels above end over the line, those below start under it
        if m.above:
            assert m.label.bottom <= m.dot.top
        else:
            assert m.label.top >= m.dot.bottom


def test_past_and_future_from_the_deck_date() -> None:
    plan = plan_timeline(
        dates("2014-07", "2014-12-31", "2015-01", "2015"), BODY, GAP, datetime.date(2014, 12, 31)
    )
    assert [m.past for m in plan.milestones] == [True, True, False, False]
    assert {m.past for m in plan_timeline(dates("2014", "2015"), BODY, GAP, None).milestones} == {
        None
    }


@pytest.mark.parametrize(
    ("text", "label_it", "label_en"),
    [("2014", "2014", "2014"), ("2014-07", "lug 2014", "Jul 2014"), ("2014-07-15", "15 lug 2014",
      "15 Jul 2014")],
)  # fmt: skip
def test_dates_are_written_in_the_deck_language(text: str, label_it: str, label_en: str) -> None:
    assert MilestoneDate.parse(text).label("it-IT") == label_it
    assert MilestoneDate.parse(text).label("en-GB") == label_en


@pytest.fixture(scope="module")
def timeline_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("timeline") / "timeline.pptx"
    return build(CASES / "timeline" / "deck.yaml", output=out).output


def test_dots_are_filled_when_done_and_outlined_when_to_come(timeline_case: Path) -> None:
    slide = Presentation(str(timeline_case)).slides[0]
    fills = [
        str(shape.fill.fore_color.rgb) for shape in slide.shapes if shape.name.startswith("Dot")
    ]
    # Deck date 2015-01-31: July, October and December 2014 are done.
    assert fills == ["A6192E"] * 3 + ["FFFFFF"] * 3
    labels = [shape.text_frame.text for shape in slide.shapes if shape.name.startswith("Mile")]
    assert labels[0] == "lug 2014\nInsediamento della Giunta"
    assert labels[2] == "22 dic 2014\nPrimo resoconto in consiglio comunale\nsulle partecipate"


def test_reading_order_is_chronological(timeline_case: Path) -> None:
    slide = Presentation(str(timeline_case)).slides[0]
    names = [shape.name for shape in slide.shapes][1:]  # after the title
    assert names[0] == "Timeline"
    assert names[1:5] == ["Dot 1", "Milestone 1", "Dot 2", "Milestone 2"]
    line = next(s for s in slide.shapes if s.name == "Timeline")
    assert line.width > Emu(inches(10))


@pytest.mark.parametrize(
    ("milestones", "message"),
    [
        ("[{date: 2015, text: a}, {date: 2014, text: b}]", "milestones go earliest first"),
        ("[{date: 2014-13, text: a}, {date: 2015, text: b}]", "there is no month 13"),
        ("[{date: luglio 2014, text: a}, {date: 2015, text: b}]", "write 2014, 2014-07 or"),
        ("[{date: 2014, text: a}]", "at least 2 items"),
    ],
)
def test_bad_milestones_are_located_errors(project: Project, milestones: str, message: str) -> None:
    project.write_slides(
        f"""
        - kind: timeline
          title: Steps
          milestones: {milestones}
        """
    )
    result = run_cli("build", cwd=project.root)
    assert_clean_exit(result, 1)
    [line] = error_lines(result)
    assert line.startswith("deck.yaml:")
    assert message in line
