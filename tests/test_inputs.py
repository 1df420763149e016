"""One input policy: decks, themes, period files and CSV tables are read from regular files
only, with a cap, and stay inside the project (links included)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import MINIMAL_DECK, Project, assert_clean_exit, error_lines, run_cli


def check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``slidegen check`` in a process of its own, bounded: a FIFO once hung it forever."""
    return subprocess.run(
        [sys.executable, "-m", "slidegen", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_deck_that_is_a_named_pipe_is_refused_not_waited_for(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "deck.yaml")
    done = check(tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        "deck.yaml: is not a regular file (a named pipe); a YAML file is read from an ordinary "
        "file only"
    )


def test_a_device_is_refused_although_it_says_it_is_empty(tmp_path: Path) -> None:
    done = check(tmp_path, "/dev/zero")
    assert done.returncode == 1
    assert "is not a regular file (a device)" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_csv_table_that_is_a_named_pipe_is_refused(project: Project) -> None:
    project.write_slides(
        """
        - kind: chart
          title: From a file
          chart: {type: column, data: serie.csv}
        """
    )
    os.mkfifo(project.root / "serie.csv")
    done = check(project.root)
    assert done.returncode == 1
    assert "serie.csv: is not a regular file (a named pipe)" in done.stderr


def test_a_period_file_linked_from_outside_the_project_is_refused(
    project: Project, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(
        "period: 2014-H2\nlabel: L\nstart: 2014-07-01\nend: 2014-12-31\nvalues: {a: 1}\n",
        encoding="utf-8",
    )
    project.write_deck(
        MINIMAL_DECK.replace(
            "sections:", "data: {periods: data}\nmetrics: {a: {label: A}}\nsections:"
        )
    )
    (project.root / "data").mkdir()
    (project.root / "data" / "2014-H2.yaml").symlink_to(outside)
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    [line] = error_lines(result)
    assert line == "data/2014-H2.yaml: is a link to a file outside the project; copy it in"


@pytest.mark.parametrize("name", ["deck.yaml"])
def test_a_link_inside_the_project_is_read(project: Project, name: str) -> None:
    real = project.root / "real.yaml"
    real.write_text(MINIMAL_DECK, encoding="utf-8")
    (project.root / name).symlink_to(real)
    assert_clean_exit(run_cli("check", cwd=project.root), 0)


def _image_deck(project: Project, name: str) -> None:
    project.write_slides(f"- {{kind: image, title: I, image: assets/{name}, alt: A picture}}")


@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_a_cut_picture_is_refused_not_embedded_broken(project: Project, kind: str) -> None:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 50, 50)).save(buffer, kind)
    data = buffer.getvalue()
    name = f"cut.{kind.lower()}"
    (project.root / "assets").mkdir()
    (project.root / "assets" / name).write_bytes(data[: len(data) * 2 // 3])
    _image_deck(project, name)
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert f"'assets/{name}' is not a readable image" in result.stderr


def test_a_picture_too_thin_to_place_is_refused(project: Project) -> None:
    from PIL import Image

    (project.root / "assets").mkdir()
    Image.new("RGB", (3000, 10)).save(project.root / "assets" / "thin.png")
    _image_deck(project, "thin.png")
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert "is 3000×10 pixels: too thin to place" in result.stderr


GAUGE_DECK = """
deck: {title: T, date: 2014-12-31}
sections:
  - divider: false
    slides:
      - kind: chart
        title: Targets
        chart: {type: target, targets: [{label: Raccolta, target: 70, value: 35}]}
"""


@pytest.mark.parametrize("damage", [b"", b"\x89PNG\r\n\x1a\n cut short"])
def test_a_damaged_chart_cache_is_drawn_again(project: Project, damage: bytes) -> None:
    project.write_deck(GAUGE_DECK)
    assert_clean_exit(run_cli("build", "-o", "first.pptx", cwd=project.root), 0)
    [cached] = (project.root / "output" / ".cache").glob("*.png")
    good = cached.read_bytes()
    cached.write_bytes(damage)
    assert_clean_exit(run_cli("build", "-o", "second.pptx", cwd=project.root), 0)
    assert cached.read_bytes() == good  # drawn again, and the cache mended
    first = (project.root / "first.pptx").read_bytes()
    assert (project.root / "second.pptx").read_bytes() == first
