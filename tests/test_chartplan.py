"""Charts that never mislead: the rules, tested on plans (no python-pptx, no rendering)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from slidegen.chartcolors import MIN_DELTA_E, delta_e, distinct_colours
from slidegen.chartdata import resolve_data
from slidegen.chartplan import MAX_SLICES, ChartPlan, axis_bounds, nice_step, plan_chart
from slidegen.checks import contrast_ratio
from slidegen.gaugeplan import plan_gauges, shared_scale
from slidegen.metric import Metric
from slidegen.model import Chart, Target
from slidegen.numformat import number_format_code
from slidegen.theme import Theme
from slidegen.theme_loader import load_theme

EMU = 914400
SIZE = (7 * EMU, 4 * EMU)


def theme(name: str = "cremona") -> Theme:
    return load_theme(name, Path(__file__).parent).theme


def width_em(text: str) -> float:
    return len(text) * 0.55


def plan(chart: dict[str, Any], language: str = "it-IT", name: str = "cremona") -> ChartPlan:
    model = Chart.model_validate(chart)
    data = resolve_data(model, None, "s")
    return plan_chart(model, data, theme(name), language, SIZE, width_em)


def bars(kind: str, *values: float, **extra: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "categories": [f"c{i}" for i in range(len(values))],
        "series": [{"name": "s", "values": list(values)}],
        **extra,
    }


# -- value axes -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["bar", "column", "stacked-bar", "stacked-column"])
def test_bar_axes_start_at_zero_for_a_narrow_range(kind: str) -> None:
    """13 vs 11 is drawn 13:11, not 3:1 as an automatic axis from 10 would."""
    axis = plan(bars(kind, 13, 11, 11)).value_axis
    assert axis is not None
    assert axis.minimum == 0
    assert axis.maximum >= 13


def test_bar_axis_goes_below_zero_only_for_negative_data() -> None:
    axis = plan(bars("column", 12, -7)).value_axis
    assert axis is not None and axis.minimum <= -7 < 0 and axis.maximum >= 12
    assert plan(bars("column", 12, -7)).category_labels_low


def test_every_bar_labelled_or_the_axis_shown() -> None:
    labelled = plan(bars("column", 475, 670, 1000))
    assert all(label.position == "outside_end" for label in labelled.series[0].labels)
    assert labelled.value_axis is not None and not labelled.value_axis.visible
    # A segment too thin for its label loses the label: the axis is then shown.
    stacked = plan(
        {
            "type": "stacked-column",
            "categories": ["a", "b"],
            "series": [{"name": "big", "values": [500, 480]}, {"name": "tiny", "values": [1, 2]}],
        }
    )
    assert [label.position for label in stacked.series[1].labels] == ["none", "none"]
    assert stacked.value_axis is not None and stacked.value_axis.visible


def test_axis_bounds_are_round_and_cover_the_data() -> None:
    assert axis_bounds(0, 13) == (0, 15, 5)
    low, high, step = axis_bounds(-7, 12)
    assert low <= -7 and high >= 12 and low % step == 0 and high % step == 0


# -- colours --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["cremona", "neutral"])
def test_every_slice_has_its_own_colour(name: str) -> None:
    """The palette has six colours: a pie of eight extends it with tints and shades."""
    pie = plan(bars("pie", 30, 25, 15, 10, 8, 6, 4, 2), name=name)
    fills = pie.series[0].point_colours
    assert len(set(fills)) == 8
    for first, second in itertools.combinations(fills, 2):
        assert delta_e(first, second) >= MIN_DELTA_E


def test_a_pie_with_more_slices_than_eyes_tell_apart_is_a_finding() -> None:
    values = list(range(MAX_SLICES + 1, 0, -1))
    findings = plan(bars("pie", *values)).findings
    assert [f.where for f in findings] == [("categories",)]
    assert "bar chart" in findings[0].message
    assert not plan(bars("pie", *values[:MAX_SLICES])).findings


def test_series_colours_are_distinct() -> None:
    chart = {
        "type": "line",
        "categories": ["a", "b"],
        "series": [{"name": f"s{i}", "values": [i, i + 1]} for i in range(9)],
    }
    colours = [s.colour for s in plan(chart).series]
    assert len(set(colours)) == 9


def test_colours_that_run_out_still_differ_from_their_neighbours() -> None:
    fills, distinct = distinct_colours(40, ["A6192E", "4D4D4D", "D0606E"], [], "FFFFFF")
    assert 3 <= distinct < 40
    assert all(a != b for a, b in zip(fills, fills[1:] + fills[:1], strict=True))


@pytest.mark.parametrize("name", ["cremona", "neutral"])
@pytest.mark.parametrize("kind", ["stacked-bar", "stacked-column", "doughnut"])
def test_labels_on_fills_reach_4_5_to_1(kind: str, name: str) -> None:
    """Dark text on dark segments was 2.3:1; each label's colour is chosen for its fill."""
    chart = {
        "type": kind,
        "categories": ["a", "b", "c", "d", "e", "f"],
        "series": [{"name": f"s{i}", "values": [40, 40, 40, 40, 40, 40]} for i in range(6)],
    }
    if kind == "doughnut":
        chart["series"] = chart["series"][:1]
    result = plan(chart, name=name)
    checked = 0
    for series in result.series:
        fills = series.point_colours or (series.colour,) * len(series.labels)
        for label, fill in zip(series.labels, fills, strict=True):
            assert label.position == "center"
            assert contrast_ratio(label.colour, fill) >= 4.5, (label.colour, fill)
            checked += 1
    assert checked >= 6


# -- line labels ----------------------------------------------------------------------------


def test_line_labels_of_crossing_series_never_overlap() -> None:
    """Where two lines meet, one label goes above and the other below, or one is dropped
    and the axis is shown."""
    chart = {
        "type": "line",
        "categories": ["a", "b", "c", "d"],
        "series": [
            {"name": "up", "values": [10, 14, 14, 20]},
            {"name": "down", "values": [20, 14.5, 14, 10]},
        ],
    }
    result = plan(chart)
    at = [[label.position for label in s.labels] for s in result.series]
    assert at[0][0] == "below" and at[1][0] == "above"  # the higher value's label on top
    assert at[0][3] == "above" and at[1][3] == "below"
    for index in (1, 2):  # nearly equal values: never both above or both below
        pair = {at[0][index], at[1][index]}
        assert pair in ({"above", "below"}, {"above", "none"}, {"below", "none"})
    dropped = any("none" in row for row in at)
    assert result.value_axis is not None and result.value_axis.visible == dropped


def test_identical_lines_drop_labels_and_show_the_axis() -> None:
    chart = {
        "type": "line",
        "categories": ["a", "b"],
        "series": [{"name": f"s{i}", "values": [50, 50]} for i in range(3)],
    }
    result = plan(chart)
    assert any(label.position == "none" for s in result.series for label in s.labels)
    assert result.value_axis is not None and result.value_axis.visible


# -- number formats -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "values", "language", "code"),
    [
        ("number", [475, 670], "it-IT", "#,##0"),
        ("number", [10, 11.5], "en-GB", "#,##0.0"),
        ("number", [1.25], "en-GB", "#,##0.00"),
        ("percent", [72, 64], "en-GB", '#,##0"%"'),
        ("currency", [1000], "it-IT", '#,##0" €"'),
        ("currency", [1000], "en-GB", '"€"#,##0'),
        ("compact", [2_200_000], "it-IT", '#,##0.0,," Mln"'),
        ("compact", [250_000], "it-IT", "#,##0"),
    ],
)
def test_number_formats_follow_the_metric(
    kind: Any, values: list[float], language: str, code: str
) -> None:
    assert number_format_code(kind, values, language) == code


def test_no_format_ends_in_a_bare_decimal_point() -> None:
    for kind in ("number", "percent", "currency", "compact", "compact-currency"):
        for values in ([475], [1.5], [2_200_000]):
            code = number_format_code(kind, values, "it-IT")  # type: ignore[arg-type]
            assert ".#" not in code and not code.rstrip('"%€ ').endswith("."), code


def test_automatic_chart_of_percent_metrics_keeps_the_percent() -> None:
    metrics = [Metric.model_validate(m) for m in ("**72%** residents", "**64%** businesses")]
    chart = Chart(type="column")
    data = resolve_data(chart, metrics, "s")
    result = plan_chart(chart, data, theme(), "en-GB", SIZE, width_em)
    assert result.number_format == '#,##0"%"'
    assert result.value_axis is not None and result.value_axis.minimum == 0


def test_metrics_of_mixed_formats_are_a_finding() -> None:
    metrics = [Metric.model_validate(m) for m in ("**72%** residents", "**640** businesses")]
    chart = Chart(type="bar")
    result = plan_chart(chart, resolve_data(chart, metrics, "s"), theme(), "en-GB", SIZE, width_em)
    assert [f.where for f in result.findings] == [("type",)]


# -- gauges ---------------------------------------------------------------------------------


LEAST = 12.0  # the cremona theme's min_body


def gauges(
    *targets: dict[str, Any], size: tuple[float, float] = (7.0, 4.0), language: str = "it-IT"
) -> list[Any]:
    models = [Target.model_validate(t) for t in targets]
    return list(
        plan_gauges(models, language, size, 0.12, LEAST, lambda t, b: width_em(t), theme().colors)
    )


def inside_the_ring(text: Any, size: tuple[float, float], count: int) -> bool:
    """Every line's em box within 0.66 ring radii of the centre (clear of the target tick,
    which reaches 0.72), lines 1.2 em apart around the text's centre ``y``."""
    per_unit = min(size[0] / count / 2.5, size[1] * 0.88 / 2.65) * 72  # points per radius
    lines = text.text.split("\n")
    step = 1.2 * text.size / per_unit
    for index, line in enumerate(lines):
        centre = text.y + (len(lines) / 2 - index - 0.5) * step
        half_width = width_em(line) * text.size / per_unit / 2
        for dy in (-0.5, 0.5):
            y = centre + dy * text.size / per_unit
            if half_width**2 + y**2 > 0.66**2 + 1e-9:
                return False
    return True


def test_gauge_shows_the_achieved_value_not_the_target() -> None:
    (gauge,) = gauges({"label": "Raccolta", "target": 70, "value": 52})
    assert gauge.figure is not None and gauge.figure.text == "52%"
    assert gauge.caption.text == "obiettivo 70%"
    assert gauge.filled == pytest.approx(0.52) and gauge.target_at == pytest.approx(0.70)


def test_gauge_without_a_value_is_empty_and_says_so() -> None:
    (gauge,) = gauges({"label": "Raccolta", "target": 70})
    assert gauge.figure is None and gauge.filled == 0
    assert gauge.caption.text == "obiettivo 70%" and gauge.status is not None
    assert gauge.caption.size < 20  # small type, not a big figure
    # As large as a caption would be (not shrunk to the least size), inside the ring.
    (full,) = gauges({"label": "Raccolta", "target": 70, "value": 52})
    assert gauge.caption.size == gauge.status.size == full.caption.size
    assert inside_the_ring(gauge.caption, (7.0, 4.0), 1)


def test_gauges_of_one_unit_share_one_scale() -> None:
    plans = gauges(
        {"label": "a", "target": 70, "value": 10},
        {"label": "b", "target": 20, "value": 10},
    )
    assert {p.scale for p in plans} == {100}
    assert plans[0].filled == plans[1].filled
    units = [Target(label="t", target=10_000, value=12_500, unit="alberi")]
    assert shared_scale(units, "alberi") >= 12_500


def test_gauge_text_fits_inside_the_ring() -> None:
    """A big figure shrinks to the ring's inner width (1.3 radii) instead of overflowing."""
    plans = gauges(
        *({"label": "x", "target": 10_000, "value": 12_345_678, "unit": "alberi"},) * 4,
        size=(7.0, 3.0),
    )
    for gauge in plans:
        for text in (gauge.figure, gauge.caption):
            assert text is not None and inside_the_ring(text, (7.0, 3.0), 4)


def test_gauges_of_a_row_share_their_sizes_and_keep_their_text_in_the_ring() -> None:
    size = (10.0, 4.4)
    plans = gauges(
        {"label": "Household waste recycled", "target": 65, "value": 47.5},
        {"label": "Emissions cut", "target": 60, "value": 38},
        {"label": "Street lights", "target": 10_000, "value": 8_200, "unit": "lights"},
        size=size,
        language="en-GB",
    )
    assert len({p.figure.size for p in plans}) == 1
    assert len({p.caption.size for p in plans}) == 1
    assert all(p.fits and p.caption.size >= LEAST for p in plans)
    for gauge in plans:
        assert inside_the_ring(gauge.figure, size, 3) and inside_the_ring(gauge.caption, size, 3)
    # A word unit is said once, in the caption; a long caption breaks after its first word,
    # never between a figure and its unit.
    assert plans[2].figure.text == "8,200"
    assert plans[2].caption.text == "target\n10,000 lights"
    assert plans[0].figure.text == "47.5%" and plans[0].caption.text == "target 65%"


def test_an_empty_ring_sets_its_text_as_the_others_captions_inside_the_ring() -> None:
    size = (10.0, 4.4)
    plans = gauges(
        {"label": "Recycled", "target": 65, "value": 47.5},
        {"label": "Bike sharing", "target": 1_200_000, "unit": "km"},
        size=size,
        language="en-GB",
    )
    full, empty = plans
    assert empty.figure is None and empty.status is not None and empty.fits
    assert empty.caption.size == empty.status.size <= full.caption.size
    assert empty.caption.size >= LEAST
    assert inside_the_ring(empty.caption, size, 2) and inside_the_ring(empty.status, size, 2)


def test_gauges_too_small_for_their_text_at_the_least_size_say_so() -> None:
    """Rings that cannot hold their text at the theme's minimum keep it inside, smaller,
    and say so (the layout turns that into a finding); a long label does the same."""
    many = {"label": "x", "target": 10_000, "value": 8_200, "unit": "alberi"}
    plans = gauges(many, many, many, many, size=(7.0, 3.0))
    assert not any(p.fits for p in plans)
    assert all(inside_the_ring(p.caption, (7.0, 3.0), 4) for p in plans)
    roomy = {"label": "x", "target": 60, "value": 38}
    assert all(p.fits for p in gauges(roomy, roomy, size=(10.0, 4.4)))
    long = {**roomy, "label": "Council emissions cut since 2019 across every council building"}
    assert not any(p.fits for p in gauges(long, roomy, roomy, roomy, size=(6.0, 3.0)))


@pytest.mark.parametrize("span", [5e-324, 1e-310, 0.0, 1e300])
def test_nice_step_of_extreme_spans_is_a_positive_step(span: float) -> None:
    # Found by the hostile tests: a bar of 5e-324 made log10(0) fail.
    step = nice_step(span)
    assert step > 0 and step >= span / 5


def test_a_pie_with_several_series_plans_the_first_and_says_so() -> None:
    # Found by the hostile tests: the plan had two series, PowerPoint's pie draws one.
    planned = plan(
        {"type": "pie", "categories": ["a", "b"],
         "series": [{"name": "one", "values": [1, 2]}, {"name": "two", "values": [3, 4]}]}
    )  # fmt: skip
    assert [s.name for s in planned.series] == ["one"]
    assert any("a pie shows one series" in f.message for f in planned.findings)


def test_gauge_labels_keep_to_their_slot_and_figures_clear_their_caption() -> None:
    long = "Council emissions cut since 2019"
    plans = gauges(
        *({"label": long, "target": 60, "value": 38},) * 3,
        {"label": "Street lights converted", "target": 10_000, "value": 8_200, "unit": "lights"},
        size=(12.0, 5.0),
    )
    per_unit = min(12.0 / 4 / 2.5, 5.0 * 0.88 / 2.65)  # inches per ring radius
    points_per_radius = per_unit * 72
    assert all(gauge.fits for gauge in plans)
    for gauge in plans:
        lines = gauge.label.text.split("\n")
        assert len(lines) <= 2 and gauge.label.size >= LEAST
        # Neighbouring labels never touch: each keeps to 90% of its slot.
        assert max(width_em(line) for line in lines) * gauge.label.size <= 12.0 / 4 * 72 * 0.9
        assert gauge.figure is not None
        figure_lines = gauge.figure.text.count("\n") + 1
        figure_bottom = (
            gauge.figure.y - figure_lines * 1.2 * gauge.figure.size / points_per_radius / 2
        )
        caption_top = gauge.caption.y + 1.2 * gauge.caption.size / points_per_radius / 2
        assert figure_bottom > caption_top
        assert gauge.figure.y + figure_lines * 0.6 * gauge.figure.size / points_per_radius < 0.78
