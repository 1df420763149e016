"""``slidegen --help`` (and every command's) answered before click is imported, and the built-in
themes listed without PyYAML (issue 14): the shipped screens and theme index are what click and
PyYAML give now (else `make prerendered`), a quick answer is byte for byte click's, and a run
unlike the one the screens were rendered for is click's to answer."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from slidegen import prerendered_help_en, prerendered_themes, quick_help, theme_index
from slidegen.i18n import LANGUAGES
from slidegen.prerender import (
    THEMES_MODULE,
    builtin_manifests,
    click_help,
    click_version,
    help_commands,
    help_module,
    screens_path,
    themes_module,
)
from slidegen.quick_help import help_request, shipped_screens
from slidegen.theme_index import builtin_themes, describe_theme
from test_quick import CLICK, LOADED, LOCALES, QUICK, assert_same, run

REGENERATE = "the shipped screens are out of date: run `make prerendered` and commit them"
HELP_SHAPES = [
    ["--help"],
    ["-h"],
    ["--lang", "it", "--help"],
    ["--lang=EN", "build", "--help"],
    ["template", "inspect", "-h"],
    ["--lang", "it", "themes", "--help"],
    ["new-period", "-h"],
]


def loaded_modules(done: subprocess.CompletedProcess[bytes]) -> set[str]:
    """The top-level modules a LOADED child imported (its last line on stderr)."""
    return set(ast.literal_eval(done.stderr.decode().splitlines()[-1]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_help_screens_are_what_click_prints(language: str) -> None:
    shipped = shipped_screens(language)
    assert list(shipped) == help_commands(), REGENERATE
    stale = [c or "slidegen" for c in shipped if shipped[c] != click_help(language, c)]
    assert stale == [], f"{REGENERATE} (differ in {language}: {', '.join(stale)})"


def test_the_help_modules_are_as_written_for_this_click() -> None:
    for language in LANGUAGES:
        written = help_module(language, shipped_screens(language), click_version())
        assert screens_path(language).read_text(encoding="utf-8") == written, REGENERATE
    assert shipped_screens("xx") == {}


def test_the_theme_index_is_the_builtin_manifests() -> None:
    written = themes_module(builtin_manifests())
    message = "the built-in theme index is out of date: run `make prerendered` and commit it"
    assert THEMES_MODULE.read_text(encoding="utf-8") == written, message
    assert len(prerendered_themes.DESCRIPTIONS) == len(builtin_manifests())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("args", HELP_SHAPES, ids=" ".join)
def test_a_quick_help_screen_is_clicks(tmp_path: Path, args: list[str], language: str) -> None:
    quick = run(QUICK, args, tmp_path, LOCALES[language])
    assert_same(quick, run(CLICK, args, tmp_path, LOCALES[language]))
    assert quick.returncode == 0 and quick.stdout.startswith((b"Usage: slidegen", b"Uso: slidegen"))


@pytest.mark.parametrize("args", HELP_SHAPES, ids=" ".join)
def test_a_quick_help_screen_imports_neither_click_nor_the_library(
    tmp_path: Path, args: list[str]
) -> None:
    done = run(LOADED, args, tmp_path, LOCALES["it"])
    assert done.returncode == 0
    heavy = {"click", "typing", "yaml", "pathlib", "gettext", "pydantic", "pptx", "babel"}
    assert loaded_modules(done) & heavy == set()


@pytest.mark.parametrize("columns", ["40", "79"])
def test_a_narrower_terminal_is_left_to_click(tmp_path: Path, columns: str) -> None:
    """click wraps to the terminal (at most 80 columns): the shipped screens are for 80."""
    args = ["--lang", "it", "build", "--help"]
    quick = run(LOADED, args, tmp_path, LOCALES["en"], COLUMNS=columns)
    slow = run(CLICK, args, tmp_path, LOCALES["en"], COLUMNS=columns)
    assert quick.stdout == slow.stdout and quick.returncode == slow.returncode == 0
    assert "click" in loaded_modules(quick)
    assert quick.stdout.decode() != shipped_screens("it")["build"]


def test_a_wider_terminal_is_answered_quickly(tmp_path: Path) -> None:
    done = run(LOADED, ["--help"], tmp_path, LOCALES["en"], COLUMNS="200")
    assert done.stdout.decode() == shipped_screens("en")[""]
    assert "click" not in loaded_modules(done)


def test_python_m_slidegen_is_named_by_click(tmp_path: Path) -> None:
    """``python -m slidegen`` shows that name, not the one the screens were rendered with."""
    done = subprocess.run(
        [sys.executable, "-m", "slidegen", "--help"], cwd=tmp_path, capture_output=True
    )
    assert done.returncode == 0
    assert done.stdout.startswith(b"Usage: python -m slidegen [OPTIONS] COMMAND")


@pytest.mark.parametrize(
    "args",
    [
        ["build", "deck.yaml", "--help"],
        ["build", "--strict", "--help"],
        ["bogus", "--help"],
        ["--lang", "fr", "--help"],
        ["--lang", "--help"],
        ["--lang", "it", "--lang", "en", "--help"],
        ["--", "--help"],
        ["--help", "build"],
    ],
    ids=" ".join,
)
def test_any_other_help_shape_is_clicks_to_answer(tmp_path: Path, args: list[str]) -> None:
    if help_request(args) is not None:
        command, _ = help_request(args)  # type: ignore[misc]
        assert command not in shipped_screens("en")
    quick = run(QUICK, args, tmp_path, LOCALES["it"])
    assert_same(quick, run(CLICK, args, tmp_path, LOCALES["it"]))


def test_help_under_shell_completion_is_left_to_click(tmp_path: Path) -> None:
    completing = {"_SLIDEGEN_COMPLETE": "bash_complete", "COMP_WORDS": "slidegen --he"}
    quick = run(QUICK, ["--help"], tmp_path, LOCALES["en"], COMP_CWORD="1", **completing)
    assert_same(
        quick, run(CLICK, ["--help"], tmp_path, LOCALES["en"], COMP_CWORD="1", **completing)
    )
    assert quick.stdout == b"plain,--help\n"


def test_help_on_an_ascii_stdout_is_left_to_click(tmp_path: Path) -> None:
    args, ascii_out = ["--lang", "it", "--help"], {"PYTHONIOENCODING": "ascii:backslashreplace"}
    quick = run(QUICK, args, tmp_path, LOCALES["it"], **ascii_out)
    assert_same(quick, run(CLICK, args, tmp_path, LOCALES["it"], **ascii_out))
    assert "c'è un errore".encode() in quick.stdout


@pytest.mark.parametrize("columns", [None, "", "wide", "0", "-3", "52", "79", "80", "240"])
def test_terminal_columns_are_counted_as_shutil_counts_them(
    monkeypatch: pytest.MonkeyPatch, columns: str | None
) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert quick_help.terminal_columns() == shutil.get_terminal_size().columns


@pytest.mark.parametrize(
    "differs",
    ["program", "click version", "click catalogue"],
)
def test_a_run_unlike_the_rendered_one_is_left_to_click(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    differs: str,
) -> None:
    monkeypatch.setattr(sys, "argv", ["slidegen", "--help"])
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))  # a script's
    monkeypatch.setenv("COLUMNS", "100")
    for name in list(os.environ):
        if name.endswith("_COMPLETE"):
            monkeypatch.delenv(name)
    assert quick_help.answer(["--help"])  # as rendered: answered
    assert capsys.readouterr().out == shipped_screens("en")[""]
    if differs == "program":
        monkeypatch.setattr(sys, "argv", ["slidegen-dev", "--help"])
    elif differs == "click version":
        monkeypatch.setattr(prerendered_help_en, "CLICK_VERSION", "8.0.0")
    else:  # a catalogue of gettext's default domain, which click's words are looked up in
        (tmp_path / "share" / "locale" / "it" / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / "share" / "locale" / "it" / "LC_MESSAGES" / "messages.mo").write_bytes(b"")
        monkeypatch.setattr(sys, "base_prefix", str(tmp_path))
    assert not quick_help.answer(["--help"])
    assert capsys.readouterr().out == ""


def test_the_installed_click_is_found_without_importing_it() -> None:
    from importlib.metadata import version

    assert quick_help.installed_click_is(version("click"))
    assert not quick_help.installed_click_is("0.0.1")


# -- the built-in themes without PyYAML ---------------------------------------------------------


@pytest.mark.parametrize("args", [["themes"], ["--lang", "it", "themes"]], ids=" ".join)
def test_builtin_themes_are_listed_without_pyyaml(tmp_path: Path, args: list[str]) -> None:
    quick = run(LOADED, args, tmp_path, LOCALES["en"])
    assert quick.stdout == run(CLICK, args, tmp_path, LOCALES["en"]).stdout
    assert quick.stdout.count(b"\tbuilt-in\t") + quick.stdout.count(b"\tincluso\t") == 2
    assert {"yaml", "pathlib", "click"} & loaded_modules(quick) == set()


def test_an_unchanged_copy_of_a_builtin_manifest_is_read_from_the_index(tmp_path: Path) -> None:
    """``init --copy-theme`` makes one: its description is the built-in one's, from the same
    bytes."""
    for name, copy in (("neutral", "neutral"), ("cremona", "civic")):
        (tmp_path / "themes" / copy).mkdir(parents=True)
        shutil.copyfile(
            builtin_themes() / name / "theme.yaml", tmp_path / "themes" / copy / "theme.yaml"
        )
    quick = run(LOADED, ["themes"], tmp_path, LOCALES["it"])
    assert quick.stdout == run(CLICK, ["themes"], tmp_path, LOCALES["it"]).stdout
    assert b"neutral\tprogetto, sostituisce" in quick.stdout
    assert "yaml" not in loaded_modules(quick)


def test_a_manifest_that_differs_from_the_index_is_read_with_pyyaml(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    read = []

    def described(manifest: bytes) -> str:
        read.append(manifest)
        return "read with PyYAML"

    monkeypatch.setattr(theme_index, "describe_manifest", described)
    neutral = builtin_themes() / "neutral"
    assert describe_theme(neutral) == "Neutral blue-grey, Arial, no wordmark"
    assert read == []
    changed = (neutral / "theme.yaml").read_bytes() + b"# one more line\n"
    (tmp_path / "theme.yaml").write_bytes(changed)
    assert describe_theme(tmp_path) == "read with PyYAML"
    assert read == [changed]
    # A built-in manifest edited after the index was made is read again too.
    monkeypatch.setattr(prerendered_themes, "DESCRIPTIONS", {})
    assert describe_theme(neutral) == "read with PyYAML"
