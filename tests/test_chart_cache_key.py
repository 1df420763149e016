"""The chart image cache is keyed by everything that draws it: data, libraries, font files."""

from __future__ import annotations

from pathlib import Path

import pytest

import slidegen
from helpers import Project
from slidegen.render import chart_env

TARGET_DECK = """\
deck:
  title: Obiettivi
  language: it-IT
  theme: neutral
sections:
  - divider: false
    slides:
      - kind: chart
        title: Goals
        chart:
          type: target
          targets: [{label: Raccolta, target: 70}]
"""


def cached_names(project: Project, cache: Path) -> set[str]:
    compiled = slidegen.compile_deck(project.deck, cache_dir=cache)
    slidegen.build.store_cache(compiled)
    return {p.name for p in cache.glob("*.png")}


@pytest.mark.parametrize("library", chart_env.DRAWING_LIBRARIES)
def test_another_drawing_library_version_draws_again(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, library: str
) -> None:
    project.write_deck(TARGET_DECK)
    cache = tmp_path / "cache"
    first = cached_names(project, cache)
    assert len(first) == 1
    assert cached_names(project, cache) == first  # same environment: the cached image is used
    versions = dict(chart_env.library_versions(), **{library: "999.0"})
    monkeypatch.setattr(chart_env, "library_versions", lambda: versions)
    assert len(cached_names(project, cache) - first) == 1


def test_another_font_file_draws_again(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write_deck(TARGET_DECK)
    cache = tmp_path / "cache"
    first = cached_names(project, cache)
    monkeypatch.setattr(chart_env, "file_sha256", lambda path: "0" * 64)
    assert len(cached_names(project, cache) - first) == 1


def test_the_key_names_libraries_and_font_hashes() -> None:
    drawn = chart_env.drawing_environment("Carlito")
    assert set(drawn["libraries"]) == {"matplotlib", "Pillow", "numpy"}  # type: ignore[arg-type]
    fonts = drawn["fonts"]
    assert set(fonts) == {"regular", "bold"}  # type: ignore[arg-type]
    assert all(len(v) == 64 for v in fonts.values())  # type: ignore[union-attr]
