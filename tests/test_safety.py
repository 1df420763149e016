"""Output safety: failed builds write nothing, writes are atomic, builds are reproducible."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import (
    MINIMAL_DECK,
    TRACEBACK,
    Project,
    assert_clean_exit,
    error_lines,
    need_soffice,
    run_cli,
)
from slidegen import OutputError
from slidegen.build import BuildResult

BROKEN_DECK = MINIMAL_DECK.replace("title: A list", "titel: A list")


def temp_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob(".*.tmp")) + sorted(folder.rglob("*.tmp"))


def zip_entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


# -- failing builds write nothing ----------------------------------------------------------------


def test_failing_build_leaves_existing_output_byte_identical(project: Project) -> None:
    project.write_deck(MINIMAL_DECK)
    assert_clean_exit(run_cli("build", "-o", "out/deck.pptx", cwd=project.root), 0)
    before = project.files()
    assert "out/deck.pptx" in before

    project.write_deck(BROKEN_DECK)
    before["deck.yaml"] = project.deck.read_bytes()
    result = run_cli("build", "-o", "out/deck.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    assert result.stderr.endswith("slidegen: 2 errors; nothing written\n")
    assert project.files() == before


def test_failing_build_with_default_output_creates_nothing(project: Project) -> None:
    project.write_deck(BROKEN_DECK)
    result = run_cli("build", cwd=project.root)
    assert_clean_exit(result, 1)
    assert sorted(p.name for p in project.root.iterdir()) == ["deck.yaml"]


def test_failing_asset_check_writes_nothing(project: Project) -> None:
    project.write_deck(
        MINIMAL_DECK + "      - kind: image\n        title: Pic\n        image: nope.png\n"
        "        alt: a picture\n"
    )
    result = run_cli("build", cwd=project.root)
    assert_clean_exit(result, 1)
    assert sorted(p.name for p in project.root.iterdir()) == ["deck.yaml"]


STRICT_FAILING_WITH_TARGET_CHART = """\
deck:
  title: T
sections:
  - divider: false
    slides:
      - kind: bullets
        title: Same
        items: [a]
        chart:
          type: target
          targets: [{label: Raccolta differenziata, target: 70}]
      - kind: bullets
        title: Same
        items: [b]
"""


def test_strict_failure_writes_no_cache_either(project: Project) -> None:
    project.write_deck(STRICT_FAILING_WITH_TARGET_CHART)
    result = run_cli("build", "--strict", cwd=project.root)
    assert_clean_exit(result, 1)
    assert "nothing written" in result.stderr
    assert sorted(p.name for p in project.root.iterdir()) == ["deck.yaml"]


# -- output locations -------------------------------------------------------------------------


def test_default_output_is_output_slug_pptx(
    project: Project, build: Callable[..., BuildResult]
) -> None:
    project.write_deck(MINIMAL_DECK)
    result = build(project.deck)
    assert result.output == project.root / "output" / "minimal-deck.pptx"
    assert result.output.is_file()
    assert result.slides == 2


def test_output_under_a_regular_file_is_a_located_error(project: Project) -> None:
    """Root ignores chmod, so an unwritable folder is made with a file where a folder goes."""
    project.write_deck(MINIMAL_DECK)
    (project.root / "somefile").write_text("I am a file\n")
    before = project.files()
    result = run_cli("build", "-o", "somefile/deck.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    (line,) = error_lines(result)
    assert line.startswith("somefile/deck.pptx: ")
    assert TRACEBACK not in result.stderr
    assert result.stderr.endswith("slidegen: 1 error; nothing written\n")
    assert project.files() == before


def test_output_under_a_regular_file_says_why(project: Project) -> None:
    project.write_deck(MINIMAL_DECK)
    (project.root / "somefile").write_text("I am a file\n")
    result = run_cli("build", "-o", "somefile/deck.pptx", cwd=project.root)
    (line,) = error_lines(result)
    assert re.search(r"not a (folder|directory)", line, re.IGNORECASE), line


def test_output_deeper_under_a_regular_file(project: Project) -> None:
    project.write_deck(MINIMAL_DECK)
    (project.root / "somefile").write_text("I am a file\n")
    result = run_cli("build", "-o", "somefile/sub/deck.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == ["somefile/sub/deck.pptx: 'somefile' is a file, not a folder"]


def test_output_that_is_a_folder_is_a_usage_error(project: Project) -> None:
    project.write_deck(MINIMAL_DECK)
    (project.root / "out").mkdir()
    result = run_cli("build", "-o", "out", cwd=project.root)
    assert_clean_exit(result, 2)
    assert "is a directory" in result.stderr


def test_output_error_from_the_library(project: Project, build: Callable[..., BuildResult]) -> None:
    project.write_deck(MINIMAL_DECK)
    (project.root / "somefile").write_text("")
    with pytest.raises(OutputError) as caught:
        build(project.deck, output=project.root / "somefile" / "deck.pptx")
    assert caught.value.exit_code == 1
    assert len(caught.value.problems) == 1


# -- atomic writes ----------------------------------------------------------------------------


def test_no_temporary_files_left_after_success(
    project: Project, build: Callable[..., BuildResult]
) -> None:
    project.write_deck(MINIMAL_DECK)
    out = project.root / "out"
    build(project.deck, output=out / "deck.pptx")
    build(project.deck, output=out / "deck.pptx")  # replacing an existing file
    assert temp_files(project.root) == []
    assert sorted(p.name for p in out.iterdir()) == ["deck.pptx"]


def test_failed_rename_keeps_old_output_and_removes_temp_file(
    project: Project, build: Callable[..., BuildResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write_deck(MINIMAL_DECK)
    output = project.root / "deck.pptx"
    build(project.deck, output=output)
    old = output.read_bytes()

    def disk_full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("slidegen.save.os.replace", disk_full)
    project.write_deck(MINIMAL_DECK.replace("[one, two]", "[one, two, three]"))
    with pytest.raises(OutputError) as caught:
        build(project.deck, output=output)
    assert str(caught.value) == f"{output}: cannot write: No space left on device"
    assert output.read_bytes() == old
    assert temp_files(project.root) == []


# -- reproducibility ----------------------------------------------------------------------------


def test_two_builds_are_byte_identical(
    project: Project, build: Callable[..., BuildResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project.add_image("assets/mark.png")
    project.write_deck(
        MINIMAL_DECK
        + """\
      - kind: metrics
        title: Figures
        metrics: ["**475** comunicati", "**80** brevi"]
        chart: {type: bar}
      - kind: chart
        title: Targets
        chart:
          type: target
          targets: [{label: Raccolta, target: 70}]
      - kind: image
        title: Mark
        image: assets/mark.png
        alt: A mark
"""
    )
    first = build(project.deck, output=project.root / "a.pptx").output.read_bytes()
    # The second build finds the target chart in the cache: the bytes must not change.
    second = build(project.deck, output=project.root / "b.pptx").output.read_bytes()
    assert first == second
    core = zip_entries(project.root / "a.pptx")["docProps/core.xml"].decode()
    assert "2014-12-31T00:00:00Z" in core  # deck.date, never the clock


def test_source_date_epoch_changes_only_timestamps(
    project: Project, build: Callable[..., BuildResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write_deck(MINIMAL_DECK)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    plain = zip_entries(build(project.deck, output=project.root / "plain.pptx").output)

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1420113600")  # 2015-01-01T12:00:00Z
    monkeypatch.setenv("TZ", "America/New_York")
    first_path = build(project.deck, output=project.root / "sde1.pptx").output
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    second_path = build(project.deck, output=project.root / "sde2.pptx").output
    assert first_path.read_bytes() == second_path.read_bytes(), "SOURCE_DATE_EPOCH build varies"

    stamped = zip_entries(first_path)
    assert list(stamped) == list(plain)
    differing = [name for name in plain if plain[name] != stamped[name]]
    assert differing == ["docProps/core.xml"]
    times = re.compile(rb"(<(dcterms:created|dcterms:modified|cp:lastPrinted)\b[^>]*>)[^<]*(</\2>)")
    assert times.sub(rb"\1T\3", plain["docProps/core.xml"]) == times.sub(
        rb"\1T\3", stamped["docProps/core.xml"]
    )
    core = stamped["docProps/core.xml"].decode()
    assert core.count("2015-01-01T12:00:00Z") == 3  # created, modified, last printed


def test_zip_entries_have_fixed_timestamps(
    project: Project, build: Callable[..., BuildResult]
) -> None:
    project.write_deck(MINIMAL_DECK)
    data = build(project.deck, output=project.root / "deck.pptx").output.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("value", ["soon", "-5", "1.5e9", "999999999999", "100"])
def test_an_unusable_source_date_epoch_is_an_error_not_ignored(
    project: Project, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    project.write_deck(MINIMAL_DECK)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    result = run_cli("build", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    [line] = error_lines(result)
    assert line.startswith(f"SOURCE_DATE_EPOCH: '{value}' is not a usable time: give the seconds")
    assert not (project.root / "out.pptx").exists()


def test_an_empty_source_date_epoch_is_unset(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write_deck(MINIMAL_DECK)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert_clean_exit(run_cli("build", "-o", "out.pptx", cwd=project.root), 0)


def test_an_output_name_too_long_for_the_file_system_is_an_error(project: Project) -> None:
    project.write_deck(MINIMAL_DECK)
    result = run_cli("build", "-o", "x" * 300 + ".pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    [line] = error_lines(result)
    assert line.endswith(
        ": the file name is 305 bytes long; file systems take 255: give a shorter name"
    )


def test_png_export_into_a_file_says_so_and_keeps_the_deck(project: Project) -> None:
    need_soffice()
    project.write_deck(MINIMAL_DECK)
    (project.root / "out-png").write_text("in the way\n", encoding="utf-8")
    result = run_cli("build", "-o", "out.pptx", "--png", cwd=project.root)
    assert_clean_exit(result, 1)
    lines = result.stderr.splitlines()
    assert lines[0].endswith("out-png: is a file; the PNGs need a folder here")
    assert lines[-1].endswith("out.pptx was written, the export was not")
    assert (project.root / "out.pptx").is_file()
