"""Fixtures: throwaway projects, the library and CLI entry points, decks built once a session."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

from helpers import BuiltCase, Project, build, case_deck, run_cli
from slidegen import SlidegenError, compile_deck
from slidegen.build import BuildResult
from slidegen.i18n import ENGLISH, use_language

# Messages are expected in English unless a test chooses a language: the locale of the
# machine running the suite must not change them (subprocesses inherit this too).
for _variable in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"
# What builds measure of their fonts is kept in a folder of the session's own, never in the
# user's cache (subprocesses inherit this too); tests of the cache choose their own.
os.environ["SLIDEGEN_CACHE_DIR"] = _MEASUREMENTS = tempfile.mkdtemp(prefix="slidegen-cache-")
atexit.register(shutil.rmtree, _MEASUREMENTS, ignore_errors=True)


@pytest.fixture(autouse=True)
def english_after_each_test() -> Iterator[None]:
    """A test that switches the language in-process does not leave it switched."""
    yield
    use_language(ENGLISH)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/cases/*/expected.txt from the current build instead of comparing",
    )
    parser.addoption(
        "--update-expected",
        action="store_true",
        default=False,
        help="rewrite tests/errors/*.expected and *.expected.it from the current messages",
    )


@pytest.fixture(scope="session")
def update_expected(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-expected"))


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """An empty project folder; write its deck with ``project.write_deck(text)``."""
    root = tmp_path / "project"
    root.mkdir()
    return Project(root)


@pytest.fixture(name="build")
def build_fixture() -> Callable[..., BuildResult]:
    """``build(path, output=..., theme_name=..., strict=...)``: ``slidegen.build_deck``."""
    return build


@pytest.fixture(name="run_cli")
def run_cli_fixture() -> Callable[..., Result]:
    """``run_cli(*args, cwd=folder)``: the click command in-process (click's CliRunner)."""
    return run_cli


@pytest.fixture(scope="session")
def built_case(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], BuiltCase]:
    """``built_case(name)``: that case's deck, built once per session into a temp folder.

    Builds go through ``compile_deck`` with a private cache folder, so nothing is written
    next to the case decks (nor into the repository's ``output/``).
    """
    built: dict[str, BuiltCase] = {}

    def get(case: str) -> BuiltCase:
        if case not in built:
            deck = case_deck(case)
            folder = tmp_path_factory.mktemp(f"case-{case}")
            try:
                compiled = compile_deck(deck, cache_dir=folder / ".cache")
            except SlidegenError as error:
                pytest.fail(f"case {case} ({deck}) does not build:\n{error}")
            pptx = folder / f"{case}.pptx"
            pptx.write_bytes(compiled.data)
            built[case] = BuiltCase(deck, pptx, compiled.slides, tuple(compiled.findings))
        return built[case]

    return get
