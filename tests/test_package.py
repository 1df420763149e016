"""The package as a user gets it: build the sdist and wheel, install the wheel into a fresh
virtual environment, and use slidegen from an empty folder (no checkout, no themes/ beside it).

Slow (a venv and ~40 locked packages from pip's cache), so everything shares one install.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation

from helpers import REPO
from test_quick import CLICK, LOADED

# Everything a checkout holds that the build must not see (local state, outputs).
IGNORED = shutil.ignore_patterns(
    ".venv*", "output", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
    ".ruff_cache", ".hypothesis", "_version.py",
)  # fmt: skip


@dataclass(frozen=True)
class Installed:
    bin: Path
    wheel: Path
    sdist: Path
    build_log: str

    def run(self, *args: str | os.PathLike[str], cwd: Path) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        return subprocess.run(
            [str(self.bin / "slidegen"), *map(str, args)],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )


def _run(*args: str | os.PathLike[str], cwd: Path) -> str:
    done = subprocess.run(
        list(map(str, args)), cwd=cwd, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("package")
    source = root / "source"
    # The working tree as it is (git metadata included: the version names the commit).
    shutil.copytree(REPO, source, ignore=IGNORED)
    log = _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", root / "dist", ".",
               cwd=source)  # fmt: skip
    [wheel] = (root / "dist").glob("*.whl")
    [sdist] = (root / "dist").glob("*.tar.gz")
    venv = root / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=root)
    pip = [
        venv / "bin" / "python",
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]
    _run(*pip, "--require-hashes", "--no-deps", "-r", REPO / "requirements.lock", cwd=root)
    _run(*pip, "--no-deps", wheel, cwd=root)
    _run(venv / "bin" / "python", "-m", "pip", "check", cwd=root)  # the wheel's requirements hold
    return Installed(venv / "bin", wheel, sdist, log)


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


def test_build_is_clean(installed: Installed) -> None:
    assert "deprecat" not in installed.build_log.lower(), installed.build_log
    warnings = [
        line
        for line in installed.build_log.splitlines()
        if "warn" in line.lower()
        # PYTHONDONTWRITEBYTECODE in the environment, not a packaging problem.
        and "byte-compiling is disabled" not in line
    ]
    assert warnings == []


@pytest.mark.parametrize("member", [
    "slidegen/themes/cremona/theme.yaml",
    "slidegen/themes/neutral/theme.yaml",
    "slidegen/themes/neutral/neutral-mark.png",
    "slidegen/starter/it-IT/deck.yaml",
    "slidegen/starter/en-GB/period.yaml",
    "slidegen/starter/assets/piazza.png",
    "slidegen/preview/page/index.html",
    "slidegen/preview/page/preview.css",
    "slidegen/preview/page/preview.js",
    "slidegen/_version.py",
    "slidegen/py.typed",
    "slidegen/locale/slidegen.pot",
    "slidegen/locale/it/LC_MESSAGES/slidegen.po",
    "slidegen/locale/it/LC_MESSAGES/slidegen.mo",
])  # fmt: skip
def test_wheel_and_sdist_carry_the_package_data(installed: Installed, member: str) -> None:
    assert member in zipfile.ZipFile(installed.wheel).namelist()
    with tarfile.open(installed.sdist) as sdist:
        names = [name.partition("/")[2] for name in sdist.getnames()]
    assert f"src/{member}" in names


def test_version_names_the_commit_it_was_built_from(installed: Installed, empty: Path) -> None:
    head = _run("git", "rev-parse", "HEAD", cwd=REPO).strip()
    done = installed.run("--version", cwd=empty)
    assert done.returncode == 0, done.stderr
    # The wheel is built from the sdist, which has no git: the commit comes abbreviated.
    match = re.fullmatch(r"slidegen \S+\+g([0-9a-f]+)\S* \(commit ([0-9a-f]+)\)\n", done.stdout)
    assert match, done.stdout
    assert match.group(1) == match.group(2)
    assert head.startswith(match.group(2)) and len(match.group(2)) >= 7


def test_the_installed_command_speaks_italian(installed: Installed, empty: Path) -> None:
    """The message catalogue is package data: found from any folder."""
    done = installed.run("--lang", "it", "check", cwd=empty)
    assert done.returncode == 1
    assert done.stderr == (
        "deck.yaml: file non trovato\nslidegen: 1 errore; non è stato scritto nulla\n"
    )


def test_themes_are_built_in_from_any_folder(installed: Installed, empty: Path) -> None:
    done = installed.run("themes", cwd=empty)
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert [(name, origin) for name, origin, _ in rows] == [
        ("cremona", "built-in"),
        ("neutral", "built-in"),
    ]


def test_the_installed_help_is_clicks_without_click(installed: Installed, empty: Path) -> None:
    """The wheel's shipped help screens are for the click it installs with: ``--help`` is
    answered before click is imported, with what click prints."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "COLUMNS")}

    def child(script: str) -> subprocess.CompletedProcess[bytes]:
        command = [installed.bin / "python", "-c", script, "--lang", "it", "build", "--help"]
        return subprocess.run(command, cwd=empty, env=env, capture_output=True, timeout=300)

    quick, slow = child(LOADED), child(CLICK)
    assert quick.returncode == slow.returncode == 0, quick.stderr
    assert quick.stdout == slow.stdout
    assert quick.stdout.startswith(b"Uso: slidegen build [OPTIONS] [DECK]")
    assert "click" not in ast.literal_eval(quick.stderr.decode().splitlines()[-1])


def test_init_then_build_from_an_empty_folder(installed: Installed, empty: Path) -> None:
    done = installed.run("init", "demo", cwd=empty)
    assert done.returncode == 0, done.stderr
    demo = empty / "demo"
    done = installed.run("build", cwd=demo)
    assert done.returncode == 0, done.stderr
    [deck] = (demo / "output").glob("*.pptx")
    assert len(Presentation(str(deck)).slides) == 15
    done = installed.run("build", "--theme", "cremona", "-o", "cremona.pptx", cwd=demo)
    assert done.returncode == 0, done.stderr


def test_a_deck_without_a_theme_builds_with_the_neutral_logo(
    installed: Installed, empty: Path
) -> None:
    (empty / "deck.yaml").write_text(
        "deck:\n  title: Bare\n  date: 2026-01-01\nsections:\n"
        "  - divider: false\n    slides:\n      - kind: title\n"
        "      - {kind: bullets, title: A list, items: [one, two]}\n",
        encoding="utf-8",
    )
    for args in (("build",), ("build", "--theme", "neutral", "-o", "neutral.pptx")):
        done = installed.run(*args, cwd=empty)
        assert done.returncode == 0, done.stderr
    layout_images = [
        shape
        for layout in Presentation(str(empty / "neutral.pptx")).slide_layouts
        for shape in layout.shapes
        if shape.shape_type == 13  # a picture: the neutral theme's logo, shipped in the wheel
    ]
    assert layout_images


@pytest.mark.parametrize(
    "deck",
    [REPO / "deck.yaml", *sorted((REPO / "examples").glob("*/deck.yaml"))],
    ids=lambda p: p.parent.name,
)
def test_the_readme_decks_build_with_the_installed_wheel(
    installed: Installed, empty: Path, deck: Path
) -> None:
    copy = empty / "project"
    shutil.copytree(deck.parent, copy, ignore=IGNORED)
    done = installed.run("build", "--strict", "-o", "out.pptx", cwd=copy)
    assert done.returncode == 0, done.stderr
    assert (copy / "out.pptx").is_file()
