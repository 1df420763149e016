"""Golden outlines: what a reader and an editor find in each built deck.

``tests/cases/<case>/deck.yaml`` is built and its outline (``slidegen.outline.dump_outline``)
compared with ``tests/cases/<case>/expected.txt``; the ``_default`` case is the repository's
own ``deck.yaml``. After a deliberate change: ``pytest tests/test_golden.py --update-golden``,
then read the diff.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from helpers import CASES, DEFAULT_CASE, BuiltCase, case_names
from slidegen.outline import dump_outline


@pytest.mark.parametrize("case", case_names())
def test_outline_matches_golden(
    case: str, built_case: Callable[[str], BuiltCase], update_golden: bool
) -> None:
    outline = dump_outline(built_case(case).pptx)
    expected_file = CASES / case / "expected.txt"
    if update_golden:
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(outline, encoding="utf-8")
        return
    assert expected_file.is_file(), f"no {expected_file}; generate it with --update-golden"
    expected = expected_file.read_text(encoding="utf-8")
    if outline != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                outline.splitlines(keepends=True),
                f"{case}/expected.txt",
                f"{case} (built)",
            )
        )
        pytest.fail(f"outline of case {case!r} differs from its golden file:\n{diff}")


EXPECTED_FINDINGS = {
    # The second deck shows a pie of eight services on purpose (every slice its own
    # colour); eight slices are more than eyes tell apart, and slidegen says so.
    "council-en": ["a pie with 8 slices is hard to read"],
}


@pytest.mark.parametrize("case", case_names())
def test_case_builds_with_no_findings_but_its_known_ones(
    case: str, built_case: Callable[[str], BuiltCase]
) -> None:
    """The golden decks are well laid out: no text overflows, no duplicate titles; only the
    findings a case is written to show."""
    findings = [f.message for f in built_case(case).findings]
    expected = EXPECTED_FINDINGS.get(case, [])
    assert len(findings) == len(expected), "\n".join(findings)
    for message, wanted in zip(sorted(findings), sorted(expected), strict=True):
        assert message.startswith(wanted), message


@pytest.mark.parametrize("case", case_names())
def test_slide_count_matches_file(case: str, built_case: Callable[[str], BuiltCase]) -> None:
    built = built_case(case)
    assert len(Presentation(str(built.pptx)).slides) == built.slides > 0


def test_every_case_folder_has_a_deck_or_is_default() -> None:
    """A case folder without a deck would be silently skipped by the parametrisation."""
    for folder in CASES.iterdir():
        if folder.is_dir() and folder.name != DEFAULT_CASE:
            assert (folder / "deck.yaml").is_file(), f"{folder} has no deck.yaml"


def tile_rows(slide: object) -> list[int]:
    """Tiles per row, top to bottom, from the 'Metric N' shapes' positions."""
    tops: dict[int, int] = {}
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if shape.name.startswith("Metric "):
            tops[shape.top] = tops.get(shape.top, 0) + 1
    return [tops[top] for top in sorted(tops)]


def test_metric_tiles_form_balanced_rows(built_case: Callable[[str], BuiltCase]) -> None:
    slides = Presentation(str(built_case("metrics-grid").pptx)).slides
    assert [tile_rows(slides[i]) for i in range(3)] == [[1], [3, 2], [4, 4]]
    # Beside a chart, a list under both: two by two would set the figures small; one row of
    # four sets them larger, and nothing overflows.
    assert tile_rows(slides[3]) == [4]


def test_tiles_in_a_row_share_size_and_do_not_overlap(
    built_case: Callable[[str], BuiltCase],
) -> None:
    prs = Presentation(str(built_case("metrics-grid").pptx))
    for slide in prs.slides:
        tiles = sorted(
            (s for s in slide.shapes if s.name.startswith("Metric ")), key=lambda s: (s.top, s.left)
        )
        for a, b in itertools.pairwise(tiles):
            if a.top == b.top:
                assert b.left >= a.left + a.width
                assert (a.width, a.height) == pytest.approx((b.width, b.height), abs=2)
        for tile in tiles:
            assert tile.left >= 0 and tile.left + tile.width <= prs.slide_width
            assert tile.top >= 0 and tile.top + tile.height <= prs.slide_height


def markers(paragraph: object) -> str:
    """'number', 'bullet' or 'none': the list formatting PowerPoint keeps when editing."""
    ppr = paragraph._p.pPr  # type: ignore[attr-defined]
    if ppr is not None and ppr.find(qn("a:buAutoNum")) is not None:
        return "number"
    if ppr is not None and ppr.find(qn("a:buChar")) is not None:
        return "bullet"
    return "none"


def test_lists_use_real_bullets_and_numbering(built_case: Callable[[str], BuiltCase]) -> None:
    slides = Presentation(str(built_case("bullets-nested").pptx)).slides
    nested, numbered = (
        next(s for s in slides[i].shapes if s.name == "List").text_frame for i in (0, 1)
    )
    assert [(p.level, markers(p)) for p in numbered.paragraphs] == [
        (0, "number"),
        (0, "number"),
        (1, "bullet"),
        (1, "bullet"),
        (0, "number"),
    ]
    # The note under "Level two" is an unmarked italic line one level deeper.
    assert [(p.level, markers(p)) for p in nested.paragraphs][:4] == [
        (0, "bullet"),
        (1, "bullet"),
        (2, "none"),
        (2, "bullet"),
    ]


def test_runs_carry_the_deck_language(built_case: Callable[[str], BuiltCase]) -> None:
    for case, language in (("bullets-nested", "it-IT"), ("chart-native", "en-GB")):
        prs = Presentation(str(built_case(case).pptx))
        langs = {
            run._r.get_or_add_rPr().get("lang")
            for slide in prs.slides
            for shape in slide.shapes
            if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs
            for run in paragraph.runs
        }
        assert langs == {language}, case
