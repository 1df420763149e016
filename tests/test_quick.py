"""``slidegen themes`` and ``slidegen schema`` are answered before click is imported (issue 14):
byte for byte what the click commands print, with their exit code, in every language; any
other shape of the arguments is click's to answer."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from slidegen.i18n import LANGUAGES, LOCALE_VARIABLES
from slidegen.quick import quick_command
from slidegen.theme_index import builtin_themes

NAMED = "import sys\nsys.argv[0] = 'slidegen'\n"  # as the console script is called
QUICK = NAMED + "from slidegen.launch import run\nrun()\n"
"""The console command's entry point (``slidegen.launch:run``), given ``sys.argv``."""
CLICK = NAMED + "from slidegen.cli import run\nrun()\n"
"""The click command line alone: what a quick answer must equal."""
LOADED = NAMED + (
    "from slidegen.launch import run\ntry:\n    run()\nfinally:\n"
    "    print(sorted({m.split('.')[0] for m in sys.modules}), file=sys.stderr)\n"
)
"""QUICK, then the top-level modules it loaded, on stderr."""
LOCALES = {"en": "en_GB.UTF-8", "it": "it_IT.UTF-8"}
QUICK_SHAPES = [
    ["themes"],
    ["schema"],
    ["--lang", "it", "themes"],
    ["--lang=en", "themes"],
    ["--lang", "IT", "schema"],
]


def run(
    script: str, args: list[str], cwd: Path, locale: str, **env: str
) -> subprocess.CompletedProcess[bytes]:
    """``slidegen ARGS`` in a child through ``script``, in ``locale``; output as bytes."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in LOCALE_VARIABLES and not key.endswith("_COMPLETE")
    }
    environ.update(LANG=locale, **env)
    return subprocess.run(
        [sys.executable, "-c", script, *args], cwd=cwd, env=environ, capture_output=True
    )


def assert_same(
    quick: subprocess.CompletedProcess[bytes], slow: subprocess.CompletedProcess[bytes]
) -> None:
    assert quick.stdout == slow.stdout
    assert quick.stderr == slow.stderr
    assert quick.returncode == slow.returncode


@pytest.fixture
def themed(tmp_path: Path) -> Path:
    """A project whose themes/ has one of each kind of entry ``slidegen themes`` lists."""
    themes = tmp_path / "themes"
    for name in ("neutral", "civic", "broken", "nameless", "my theme", "empty"):
        (themes / name).mkdir(parents=True)
    shutil.copyfile(builtin_themes() / "neutral" / "theme.yaml", themes / "neutral" / "theme.yaml")
    (themes / "civic" / "theme.yaml").write_text(
        'name: Civic\ndescription: "  Città\\n  al   centro  "\n', encoding="utf-8"
    )
    (themes / "broken" / "theme.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    (themes / "nameless" / "theme.yaml").write_text("colors: {}\n", encoding="utf-8")
    (themes / "my theme" / "theme.yaml").write_text("name: Spaced\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("args", QUICK_SHAPES, ids=" ".join)
def test_a_quick_answer_is_the_click_commands(themed: Path, args: list[str], language: str) -> None:
    quick = run(QUICK, args, themed, LOCALES[language])
    slow = run(CLICK, args, themed, LOCALES[language])
    assert_same(quick, slow)
    assert quick.returncode == 0
    command, option = quick_command(args) or ("", None)
    if command == "themes":
        origin = {"en": b"\tproject, replaces built-in\t", "it": b"\tprogetto, sostituisce"}
        assert origin[(option or language).lower()] in quick.stdout
        assert b"civic\t" in quick.stdout and b"my theme" not in quick.stdout


@pytest.mark.parametrize("args", QUICK_SHAPES, ids=" ".join)
def test_a_quick_answer_imports_neither_click_nor_the_library(
    themed: Path, args: list[str]
) -> None:
    done = run(LOADED, args, themed, LOCALES["it"])
    assert done.returncode == 0
    loaded = set(ast.literal_eval(done.stderr.decode().splitlines()[-1]))
    heavy = {"click", "typing", "pydantic", "pptx", "babel", "lxml", "PIL", "fontTools"}
    assert loaded & heavy == set()
    # Where a theme comes from is shipped in each language: no catalogue is read either.
    assert "gettext" not in loaded
    if args[-1] == "schema":
        assert {"yaml", "json", "pathlib"} & loaded == set()


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "fr", "themes"],  # not a language of --lang: click's usage error
        ["--lang", "themes"],
        ["themes", "--project", "."],
        ["themes", "extra"],
        ["--help", "themes"],
        ["schema", "--help"],
        ["--", "themes"],
    ],
    ids=" ".join,
)
def test_any_other_shape_is_clicks_to_answer(themed: Path, args: list[str]) -> None:
    assert quick_command(args) is None
    assert_same(run(QUICK, args, themed, LOCALES["it"]), run(CLICK, args, themed, LOCALES["it"]))


def test_the_quick_shapes() -> None:
    assert quick_command(["themes"]) == ("themes", None)
    assert quick_command(["--lang", "It", "schema"]) == ("schema", "It")
    assert quick_command(["--lang=en", "themes"]) == ("themes", "en")
    assert quick_command(["--lang=", "themes"]) is None
    assert quick_command(["--lang", "it", "--lang", "en", "themes"]) is None
    assert quick_command([]) is None


def test_a_description_with_terminal_codes_is_left_to_click(themed: Path) -> None:
    """click strips ANSI codes from what it writes to a pipe: its command answers."""
    (themed / "themes" / "civic" / "theme.yaml").write_text(
        'description: "red \\e[31mtext\\e[0m"\n', encoding="utf-8"
    )
    quick = run(QUICK, ["themes"], themed, LOCALES["en"])
    assert_same(quick, run(CLICK, ["themes"], themed, LOCALES["en"]))
    assert b"civic\tproject\tred text\n" in quick.stdout


def test_shell_completion_is_left_to_click(themed: Path) -> None:
    args = ["themes"]
    completing = {
        "_SLIDEGEN_COMPLETE": "bash_complete",
        "COMP_WORDS": "slidegen the",
        "COMP_CWORD": "1",
    }
    quick = run(QUICK, args, themed, LOCALES["en"], **completing)
    slow = run(CLICK, args, themed, LOCALES["en"], **completing)
    assert_same(quick, slow)
    assert quick.stdout == b"plain,themes\n"


def test_an_ascii_stdout_is_left_to_click(themed: Path) -> None:
    """click writes UTF-8 to a stream that claims ASCII (a misconfigured locale)."""
    args, ascii_out = ["--lang", "it", "themes"], {"PYTHONIOENCODING": "ascii:backslashreplace"}
    quick = run(QUICK, args, themed, LOCALES["it"], **ascii_out)
    assert_same(quick, run(CLICK, args, themed, LOCALES["it"], **ascii_out))
    assert "Città al centro".encode() in quick.stdout


@pytest.mark.parametrize(
    "args", [["schema"], ["themes"], ["--help"], ["--lang", "it", "build", "-h"]]
)
def test_a_closed_pipe_ends_both_ways_alike(themed: Path, args: list[str]) -> None:
    """``slidegen schema | head``: exit 1, nothing on stderr (click's way with EPIPE)."""
    ends = []
    for script in (QUICK, CLICK):
        read, write = os.pipe()
        os.close(read)
        try:
            done = subprocess.run(
                [sys.executable, "-c", script, *args],
                cwd=themed,
                stdout=write,
                stderr=subprocess.PIPE,
            )
        finally:
            os.close(write)
        ends.append((done.returncode, done.stderr))
    assert ends[0] == ends[1] == (1, b"")
