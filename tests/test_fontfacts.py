"""What a build measures of its fonts is kept for the next build or check (issue 14): the
same bytes from a cold cache, a warm one or none; a warm check measures nothing and never
imports fontTools; a font changed in place, a damaged entry or a cache that cannot be written
only means measuring again."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import Project, run_cli
from slidegen import fontfacts
from slidegen.fontfacts import FontFacts, cache_folder, facts, keep_learned
from slidegen.textfit import FaceMetrics, find_font

DEFAULT_DECK = Path(__file__).parent.parent / "deck.yaml"
REPO = DEFAULT_DECK.parent


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of this test's own, and no facts read before it."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("SLIDEGEN_CACHE_DIR", str(folder))
    monkeypatch.setattr(fontfacts, "_facts", {})
    yield folder


def a_font(tmp_path: Path) -> Path:
    """A copy of an installed font, to change in place."""
    found = find_font("Carlito", False, False) or find_font("Liberation Sans", False, False)
    if found is None:
        pytest.skip("neither Carlito nor Liberation Sans is installed")
    copy = tmp_path / found.name
    shutil.copyfile(found, copy)
    return copy


def child_check(deck: Path, cache: Path) -> dict[str, object]:
    """``check`` in a fresh process: how many widths it measured, and what it imported."""
    script = textwrap.dedent(
        f"""
        import json, sys
        from PIL import ImageFont
        measured = []
        real = ImageFont.FreeTypeFont.getlength
        def counted(self, *args, **kwargs):
            measured.append(1)
            return real(self, *args, **kwargs)
        ImageFont.FreeTypeFont.getlength = counted
        from slidegen.cli import main
        try:
            main(["check", {str(deck)!r}], standalone_mode=False)
        finally:
            print(json.dumps({{"measured": len(measured),
                               "fontTools": "fontTools" in sys.modules}}))
        """
    )
    env = {**os.environ, "SLIDEGEN_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_warm_check_measures_nothing_and_reads_no_character_map(
    tmp_path: Path, cache: Path
) -> None:
    cold = child_check(DEFAULT_DECK, cache)
    assert cold["measured"] and cold["fontTools"]  # the default deck has gauges: a picture
    assert not cache.exists()  # check writes nothing, the cache included

    build = [sys.executable, "-m", "slidegen", "build", str(DEFAULT_DECK)]
    env = {**os.environ, "SLIDEGEN_CACHE_DIR": str(cache)}
    subprocess.run([*build, "-o", str(tmp_path / "deck.pptx")], cwd=REPO, env=env, check=True)
    assert sorted(p.suffix for p in (cache / "fonts").iterdir())  # an entry per font file

    warm = child_check(DEFAULT_DECK, cache)
    assert warm == {"measured": 0, "fontTools": False}


def test_the_same_bytes_from_a_cold_cache_a_warm_one_and_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    decks = {}
    for run, folder in (("none", ""), ("cold", str(tmp_path / "c")), ("warm", str(tmp_path / "c"))):
        env = {**os.environ, "SLIDEGEN_CACHE_DIR": folder}
        out = tmp_path / f"{run}.pptx"
        subprocess.run(
            [sys.executable, "-m", "slidegen", "build", str(DEFAULT_DECK), "-o", str(out)],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
        )
        decks[run] = out.read_bytes()
    assert decks["none"] == decks["cold"] == decks["warm"]
    assert list((tmp_path / "c" / "fonts").iterdir())


def test_what_is_kept_is_what_was_measured(tmp_path: Path, cache: Path) -> None:
    font = a_font(tmp_path)
    measured = FaceMetrics(font)
    widths = {word: measured.advance(word) for word in ("Cremona", "475", "comunicati stampa")}
    height = measured.line_height
    keep_learned()

    fontfacts._facts.clear()
    read_back = FaceMetrics(font)
    assert read_back._facts.advances == widths
    assert {word: read_back.advance(word) for word in widths} == widths
    assert read_back.line_height == height
    assert "_font" not in read_back.__dict__  # answered without opening the font


def test_a_character_map_is_kept_as_ranges_and_read_back_whole(tmp_path: Path, cache: Path) -> None:
    from slidegen.glyphs import _characters

    font = a_font(tmp_path)
    fresh = _characters(font)
    assert fresh and ord("A") in fresh
    keep_learned()
    (entry,) = (cache / "fonts").iterdir()
    kept = json.loads(entry.read_text())["code_points"]
    assert len(kept) < len(fresh) / 4  # runs of code points, not every one

    fontfacts._facts.clear()
    assert _characters(font) == fresh


def test_a_font_changed_in_place_is_measured_again(tmp_path: Path, cache: Path) -> None:
    font = a_font(tmp_path)
    facts(font).learn_advance("Cremona", 1.0)
    keep_learned()
    fontfacts._facts.clear()
    assert facts(font).advances == {"Cremona": 1.0}

    stat = font.stat()
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    fontfacts._facts.clear()
    assert facts(font).advances == {}


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b'{"format": 1, "advances": {"Cremona": "wide"}}',
        b'{"format": 1, "advances": [1, 2]}',
        b'{"format": 999, "advances": {}}',
        b'{"format": 1, "advances": {}, "code_points": [["a", 2]]}',
        b'{"format": 1, "advances": {}, "code_points": [[0, 99999999999]]}',
        b'{"format": 1, "advances": {"Cremona": NaN}}',
        b'{"format": 1, "advances": {"Cremona": -1.0}}',
        b'{"format": 1, "advances": {}, "line_height": "tall"}',
        b"[]",
    ],
)
def test_a_damaged_entry_is_measured_again(tmp_path: Path, cache: Path, damage: bytes) -> None:
    font = a_font(tmp_path)
    facts(font).learn_advance("Cremona", 1.0)
    keep_learned()
    (entry,) = (cache / "fonts").iterdir()
    entry.write_bytes(damage)

    fontfacts._facts.clear()
    assert facts(font).advances == {}
    width = FaceMetrics(font).advance("Cremona")
    assert 0.1 < width < 10
    keep_learned()  # and the entry is whole again
    assert json.loads(entry.read_text())["advances"]["Cremona"] == width


def test_a_cache_that_cannot_be_written_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("SLIDEGEN_CACHE_DIR", str(blocked / "cache"))
    project = Project(tmp_path / "deck")
    project.root.mkdir()
    project.write_slides("- kind: bullets\n  title: Cremona\n  items: [Uno, Due]\n")
    result = run_cli("build", "deck.yaml", cwd=project.root)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_the_cache_folder_follows_the_platforms_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLIDEGEN_CACHE_DIR", "")
    assert cache_folder() is None
    monkeypatch.delenv("SLIDEGEN_CACHE_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
        assert cache_folder() == Path("/somewhere/slidegen")
        monkeypatch.delenv("XDG_CACHE_HOME")
        assert cache_folder() == Path.home() / ".cache" / "slidegen"


def test_facts_of_no_cache_are_never_kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SLIDEGEN_CACHE_DIR", "")
    monkeypatch.setattr(fontfacts, "_facts", {})
    font = a_font(tmp_path)
    assert facts(font) == FontFacts()
    FaceMetrics(font).advance("Cremona")
    keep_learned()  # nowhere to keep it: nothing written, nothing raised
    assert facts(font).entry is None
