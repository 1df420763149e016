"""Pure geometry: boxes, splits and tile grids."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slidegen.layout import EMU_PER_INCH, Box, PageGeometry, grid, inches, points, slide_length
from slidegen.loader import load_yaml
from slidegen.theme import Theme
from slidegen.theme_index import builtin_themes


@pytest.mark.parametrize(
    ("count", "rows"),
    [
        (1, [1]),
        (2, [2]),
        (3, [3]),
        (4, [4]),
        (5, [3, 2]),
        (6, [3, 3]),
        (7, [4, 3]),
        (8, [4, 4]),
    ],
)
def test_grid(count: int, rows: list[int]) -> None:
    assert grid(count) == rows


def test_grid_with_two_columns() -> None:
    assert grid(5, max_columns=2) == [2, 2, 1]
    assert grid(4, max_columns=2) == [2, 2]
    assert grid(1, max_columns=2) == [1]


@given(count=st.integers(1, 40), max_columns=st.integers(1, 8))
def test_grid_is_balanced(count: int, max_columns: int) -> None:
    rows = grid(count, max_columns)
    assert sum(rows) == count
    assert max(rows) <= max_columns
    assert max(rows) - min(rows) <= 1
    assert rows == sorted(rows, reverse=True)  # wider rows first
    assert len(rows) == -(-count // max_columns)  # as few rows as the columns allow


def test_units() -> None:
    assert inches(1) == EMU_PER_INCH == 914400
    assert points(1) == 12700
    assert inches(13.333) == 12191695


def test_box_edges_and_inset() -> None:
    box = Box(100, 200, 1000, 500)
    assert (box.right, box.bottom) == (1100, 700)
    assert box.inset(10) == Box(110, 210, 980, 480)
    assert box.inset(10, 20) == Box(110, 220, 980, 460)


def test_split_columns_equal() -> None:
    assert Box(0, 0, 1000, 50).split_columns(2, 100) == [
        Box(0, 0, 450, 50),
        Box(550, 0, 450, 50),
    ]


def test_split_columns_weighted() -> None:
    left, right = Box(0, 0, 1100, 50).split_columns(2, 100, weights=[3, 1])
    assert (left.width, right.width) == (750, 250)
    assert right.left == left.right + 100
    assert right.right == 1100


def test_split_rows_weighted() -> None:
    top, bottom = Box(0, 0, 80, 1100).split_rows(2, 100, weights=[1.5, 1])
    assert top == Box(0, 0, 80, 600)
    assert bottom == Box(0, 700, 80, 400)


@given(
    width=st.integers(1000, 20_000_000),
    count=st.integers(1, 8),
    gap=st.integers(0, 200_000),
    weights=st.lists(st.floats(0.2, 5), min_size=8, max_size=8),
)
def test_split_sums_to_the_box(width: int, count: int, gap: int, weights: list[float]) -> None:
    """Widths plus gaps fill the box, up to rounding (at most 1 EMU per part)."""
    box = Box(7, 11, width, width)
    columns = box.split_columns(count, gap, weights[:count])
    rows = box.split_rows(count, gap, weights[:count])
    assert len(columns) == len(rows) == count
    assert abs(sum(c.width for c in columns) + gap * (count - 1) - width) <= count
    assert abs(sum(r.height for r in rows) + gap * (count - 1) - width) <= count
    assert columns[0].left == 7
    assert rows[0].top == 11
    for before, after in itertools.pairwise(columns):
        assert after.left == before.right + gap
        assert (after.top, after.height) == (11, width)
    for before, after in itertools.pairwise(rows):
        assert after.top == before.bottom + gap
        assert (after.left, after.width) == (7, width)


def test_take_top_and_bottom() -> None:
    box = Box(0, 0, 100, 1000)
    assert box.take_top(300, 50) == (Box(0, 0, 100, 300), Box(0, 350, 100, 650))
    assert box.take_bottom(300, 50) == (Box(0, 0, 100, 650), Box(0, 700, 100, 300))


def test_take_more_than_there_is() -> None:
    box = Box(0, 0, 100, 1000)
    cut, rest = box.take_top(5000, 10)
    assert cut == box
    assert rest.height == 0
    above, cut = box.take_bottom(5000, 10)
    assert cut == box
    assert above.height == 0


@pytest.mark.parametrize("theme_name", ["cremona", "neutral"])
def test_page_regions_stack_without_overlap(theme_name: str) -> None:
    theme = Theme.model_validate(load_yaml(builtin_themes() / theme_name / "theme.yaml").data)
    page = PageGeometry.from_theme(theme)
    assert page.slide == Box(0, 0, 12192000, 6858000)  # PowerPoint's widescreen, exactly
    assert page.title.bottom == page.subtitle.top
    assert page.body.top == page.subtitle.bottom + page.gap
    assert page.body.bottom == page.footer.top - page.gap
    for region in (page.title, page.subtitle, page.body, page.footer):
        assert region.left == inches(theme.geometry.margin)
        assert region.right == page.slide.right - inches(theme.geometry.margin)
        assert region.height > 0
        assert region.top >= 0 and region.bottom <= page.slide.bottom
    assert page.body.height > page.slide.height / 2  # the body is most of the slide


@pytest.mark.parametrize(
    ("inches_given", "emu"),
    [
        (13.333, 12192000),  # 13⅓ in: PowerPoint's widescreen width
        (13.3333, 12192000),
        (6.667, 6096000),  # 6⅔ in
        (7.5, 6858000),
        (10, 9144000),
        (10.5, 9601200),  # not near a third: exactly as written
        (13.3, 12161520),
        (13.34, 12198096),
    ],
)
def test_slide_lengths_are_exact_and_thirds_of_an_inch_are_whole(
    inches_given: float, emu: int
) -> None:
    assert slide_length(inches_given) == emu


@pytest.mark.parametrize("theme_name", ["cremona", "neutral"])
def test_full_bleed_frames_and_footer_columns_stay_on_the_slide(theme_name: str) -> None:
    theme = Theme.model_validate(load_yaml(builtin_themes() / theme_name / "theme.yaml").data)
    page = PageGeometry.from_theme(theme)
    for frame in (page.cover, page.section, page.closing):
        assert frame.title.bottom <= frame.body.top
        assert frame.body.height > 0
        assert frame.title.left > 0 and frame.body.right < page.slide.right
    for columns in (page.footer_columns, page.cover_footer_columns):
        assert columns[0].left == page.footer.left and columns[-1].right == page.footer.right
        for left, right in itertools.pairwise(columns):
            assert left.right + page.gap == right.left  # side by side, never overlapping
