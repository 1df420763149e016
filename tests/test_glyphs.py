"""Characters a chart picture's font cannot draw are located findings, the same on a cold
build and on one that takes the picture from the cache; matplotlib's raw "Glyph … missing"
warnings never reach stderr (issue 16)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import LOCATED, Project, assert_clean_exit, run_cli
from slidegen.glyphs import missing_characters
from slidegen.render import image_chart
from slidegen.textfit import find_font

GAUGES = """\
- kind: chart
  title: Targets
  chart:
    type: target
    title: "Mete 中"
    targets:
      - {label: "Raccolta 文 e 中", target: 70, value: 50}
      - {label: Rifiuti, target: -20}
"""
CJK = ("中", "文")  # in none of the fonts slidegen's themes or matplotlib draw gauges with


def drawing_counter(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many pictures matplotlib draws from now on."""
    drawn: list[int] = []
    real = image_chart._drawn

    def counted(*args: Any) -> bytes:
        drawn.append(1)
        return real(*args)

    monkeypatch.setattr(image_chart, "_drawn", counted)
    return drawn


def test_missing_glyphs_are_the_same_findings_cold_and_cached(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write_slides(GAUGES)
    drawn = drawing_counter(monkeypatch)
    cold = run_cli("build", "deck.yaml", cwd=project.root)
    cached = run_cli("build", "deck.yaml", cwd=project.root)
    assert_clean_exit(cold, 0)
    assert_clean_exit(cached, 0)
    assert len(drawn) == 1  # the second build took the picture from the cache
    assert cold.stderr == cached.stderr
    lines = cold.stderr.splitlines()
    assert len(lines) == 2, cold.stderr
    assert all(LOCATED.match(line) and ": warning: " in line for line in lines)
    title, label = lines
    assert "chart.title: the font " in title and "'中' (U+4E2D)" in title
    assert "target 1, label:" in label
    assert "'文' (U+6587), '中' (U+4E2D): the chart shows an empty box" in label
    assert "Glyph" not in cold.stderr and "Warning" not in cold.stderr


def test_a_strict_build_stops_at_a_missing_glyph(project: Project) -> None:
    project.write_slides(GAUGES)
    result = run_cli("build", "deck.yaml", "--strict", cwd=project.root)
    assert result.exit_code == 1
    assert "has no glyph for" in result.stderr


def test_characters_the_font_has_are_not_missing() -> None:
    path = find_font("Carlito", False, False) or find_font("Liberation Sans", False, False)
    if path is None:
        pytest.skip("neither Carlito nor Liberation Sans is installed")
    assert missing_characters(path, "Raccolta differenziata: 70% → più") in ([], ["→"])
    assert missing_characters(path, "a 中 b 中\n文") == list(CJK[:1]) + list(CJK[1:])


def test_an_unreadable_font_file_reports_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    assert missing_characters(broken, "中") == []


def test_the_characters_are_those_of_the_fonts_own_character_map() -> None:
    """Glyphs are numbered, not named, when the map is read (faster): the same code points."""
    from fontTools.ttLib import TTFont

    from slidegen.glyphs import _characters

    families = ("Carlito", "Liberation Sans", "DejaVu Sans")
    paths = {find_font(family, bold, False) for family in families for bold in (False, True)}
    paths.discard(None)
    if not paths:
        pytest.skip("none of Carlito, Liberation Sans, DejaVu Sans is installed")
    for path in sorted(p for p in paths if p is not None):
        with TTFont(path, lazy=True, fontNumber=0) as font:
            named = font.getBestCmap() or {}
        assert _characters(path) == frozenset(named), path
