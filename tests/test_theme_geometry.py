"""A theme's geometry either leaves room for a title, a body and a footer, or is refused.

Issue 16: a short slide with a wide margin (17 combinations the schema accepted) gave shapes
of negative height, which PowerPoint repairs and matplotlib refuses to draw. The rule now: no
geometry the theme model accepts gives a box of zero or negative size anywhere in a deck.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from helpers import CASES, LOCATED, Project, assert_clean_exit, error_lines, run_cli
from slidegen import build_deck
from slidegen.layout.geometry import MIN_BODY_INCHES, PageGeometry
from slidegen.theme import Theme
from slidegen.theme_index import builtin_themes

CREMONA = yaml.safe_load((builtin_themes() / "cremona" / "theme.yaml").read_text("utf-8"))
EXTENT = re.compile(rb'<a:ext cx="(-?\d+)" cy="(-?\d+)"')
DERANDOMIZED = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def theme_with(width: float, height: float, margin: float, title: float = 30) -> dict[str, Any]:
    theme = {**CREMONA, "geometry": {"width": width, "height": height, "margin": margin}}
    theme["sizes"] = {**CREMONA.get("sizes", {}), "title": title}
    return theme


def accepted(theme: dict[str, Any]) -> Theme | None:
    try:
        return Theme.model_validate(theme)
    except ValidationError:
        return None


# Within the schema's bounds (geometry: 4–56 × 3–56 in, margin 0–3 in; title 12–80 pt).
geometries = st.tuples(
    st.floats(4, 56), st.floats(3, 12), st.floats(0, 3), st.sampled_from([12, 30, 44, 80])
)


@DERANDOMIZED
@given(geometry=geometries)
def test_every_region_of_an_accepted_theme_has_a_size(
    geometry: tuple[float, float, float, float],
) -> None:
    theme = accepted(theme_with(*geometry))
    if theme is None:
        return
    page = PageGeometry.from_theme(theme)
    frames = [page.cover, page.section, page.closing]
    boxes = [page.title, page.subtitle, page.body, page.footer, *page.footer_columns]
    boxes += [box for frame in frames for box in (frame.title, frame.body)]
    assert all(box.width > 0 and box.height > 0 for box in boxes), geometry
    assert page.body.height >= MIN_BODY_INCHES * 914400 - 1


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The deck with one slide of every kind, on a theme of its own (rewritten per example)."""
    root = tmp_path_factory.mktemp("geometry")
    shutil.copytree(CASES / "kinds", root, dirs_exist_ok=True)
    deck = root / "deck.yaml"
    deck.write_text(deck.read_text("utf-8").replace("theme: cremona", "theme: probe"), "utf-8")
    (root / "themes" / "probe").mkdir(parents=True)
    return root


def extents(pptx: Path) -> list[tuple[str, int, int]]:
    with zipfile.ZipFile(pptx) as package:
        return [
            (name, int(cx), int(cy))
            for name in package.namelist()
            if name.startswith("ppt/slides/slide") and name.endswith(".xml")
            for cx, cy in EXTENT.findall(package.read(name))
        ]


@settings(DERANDOMIZED, max_examples=25)
@given(geometry=geometries)
def test_no_accepted_geometry_gives_a_shape_without_size(
    every_kind: Path, geometry: tuple[float, float, float, float]
) -> None:
    theme = theme_with(*geometry)
    if accepted(theme) is None:
        return
    (every_kind / "themes" / "probe" / "theme.yaml").write_text(yaml.safe_dump(theme), "utf-8")
    built = build_deck(every_kind / "deck.yaml", output=every_kind / "out.pptx")
    shapes = extents(built.output)
    assert shapes
    assert [shape for shape in shapes if shape[1] <= 0 or shape[2] <= 0] == [], geometry


# The narrowest accepted body for each width and margin, found by search: the edge cases.
EDGES = [(4, 4.45, 0), (4, 4.7, 1), (13.333, 4.45, 0), (13.333, 5.9, 3), (56, 4.7, 1)]


@pytest.mark.parametrize(("width", "height", "margin"), EDGES)
def test_the_shortest_accepted_slides_have_shapes_with_sizes(
    every_kind: Path, width: float, height: float, margin: float
) -> None:
    assert accepted(theme_with(width, height, margin)) is not None
    assert accepted(theme_with(width, height - 0.05, margin)) is None  # it is the edge
    theme = yaml.safe_dump(theme_with(width, height, margin))
    (every_kind / "themes" / "probe" / "theme.yaml").write_text(theme, "utf-8")
    built = build_deck(every_kind / "deck.yaml", output=every_kind / "out.pptx")
    assert all(cx > 0 and cy > 0 for _, cx, cy in extents(built.output))


@pytest.mark.parametrize(
    ("width", "height", "margin", "title"),
    [(4, 3, 0, 30), (13.333, 3, 3, 30), (20, 3, 2, 30), (5, 4, 1.2, 30), (13.333, 5, 0.6, 80)],
)
def test_a_slide_too_short_for_its_body_is_refused_at_its_height(
    project: Project, width: float, height: float, margin: float, title: float
) -> None:
    theme = project.root / "themes" / "short" / "theme.yaml"
    theme.parent.mkdir(parents=True)
    theme.write_text(yaml.safe_dump(theme_with(width, height, margin, title)), "utf-8")
    project.write_slides("- {kind: title}", deck="{title: T, date: 2014-12-31, theme: short}")
    result = run_cli("build", "deck.yaml", cwd=project.root)
    assert_clean_exit(result, 1)
    (line,) = error_lines(result)
    assert LOCATED.match(line), line
    assert line.startswith("themes/short/theme.yaml:"), line
    assert "geometry.height" in line
    assert f"a slide {height:g} in high leaves" in line
    assert "make the slide taller, or the margin or the title size smaller" in line
    assert not (project.root / "output").exists()
