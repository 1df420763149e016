"""The command line: subcommands, options, exit codes; and the installed console script."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation

import slidegen
from helpers import (
    MINIMAL_DECK,
    REPO,
    TRACEBACK,
    Project,
    assert_clean_exit,
    error_lines,
    run_cli,
    visible_shapes,
)
from slidegen.slides import KINDS
from slidegen.theme_index import builtin_themes
from slidegen.version import COMMIT, VERSION

ALL_KINDS = set(KINDS)

LONG_ITEM = (
    "Ricognizione e riorganizzazione degli strumenti comunicativi verso l'esterno e "
    "verso l'interno, con campagne per cantieri, fondo di solidarietà e Tari"
)
OVERFLOWING_DECK = (
    "deck:\n  title: Too much\nsections:\n  - divider: false\n    slides:\n"
    "      - kind: bullets\n        title: A wall of text\n        continue: false\n"
    "        items:\n" + "".join(f"          - {LONG_ITEM} {n}\n" for n in range(38))
)
"""38 long items kept on one slide: valid (a list holds up to 40) but far more than a slide
can hold (without ``continue: false`` they would continue on further slides)."""


def shapes_named(pptx: Path, slide: int) -> list[str]:
    """Names of what a slide shows: its shapes and its layout's brand chrome."""
    return [s.name for s in visible_shapes(Presentation(str(pptx)).slides[slide])]


# -- themes, schema, version ------------------------------------------------------------------


def theme_rows(stdout: str) -> dict[str, tuple[str, str]]:
    """``slidegen themes`` output: name → (where it comes from, description)."""
    rows = [line.split("\t") for line in stdout.splitlines()]
    assert all(len(row) == 3 for row in rows), stdout
    return {name: (origin, about) for name, origin, about in rows}


def test_themes_lists_the_builtin_themes(project: Project) -> None:
    result = run_cli("themes", cwd=project.root)
    assert_clean_exit(result, 0)
    rows = theme_rows(result.stdout)
    assert set(rows) == {"cremona", "neutral"}
    assert rows["cremona"][0] == rows["neutral"][0] == "built-in"
    assert rows["cremona"][1].startswith("Identità del Comune di Cremona")
    assert rows["neutral"][1].startswith("Neutral")


def test_builtin_themes_are_package_data() -> None:
    folder = builtin_themes()
    assert folder.is_relative_to(Path(slidegen.__file__).parent)
    assert sorted(p.name for p in folder.iterdir() if (p / "theme.yaml").is_file()) == [
        "cremona",
        "neutral",
    ]
    assert (folder / "neutral" / "neutral-mark.png").is_file()  # the neutral theme's logo


def test_themes_include_the_projects_own(project: Project) -> None:
    folder = project.root / "themes" / "civic"
    folder.mkdir(parents=True)
    shutil.copyfile(builtin_themes() / "neutral" / "theme.yaml", folder / "theme.yaml")
    shutil.copyfile(builtin_themes() / "neutral" / "neutral-mark.png", folder / "neutral-mark.png")
    result = run_cli("themes", cwd=project.root)
    assert_clean_exit(result, 0)
    rows = theme_rows(result.stdout)
    assert list(rows) == ["civic", "cremona", "neutral"]
    assert rows["civic"] == ("project", "Neutral blue-grey, Arial, no wordmark")
    # The project's theme builds, with its logo beside its manifest.
    project.write_deck(MINIMAL_DECK.replace("  date:", "  theme: civic\n  date:"))
    assert_clean_exit(run_cli("build", "-o", "civic.pptx", cwd=project.root), 0)


def test_a_project_theme_replaces_the_builtin_one_of_its_name(project: Project) -> None:
    folder = project.root / "themes" / "cremona"
    folder.mkdir(parents=True)
    text = (builtin_themes() / "cremona" / "theme.yaml").read_text(encoding="utf-8")
    (folder / "theme.yaml").write_text(
        text.replace("description: Identità", "description: Nostra identità"), encoding="utf-8"
    )
    result = run_cli("themes", cwd=project.root)
    assert_clean_exit(result, 0)
    assert theme_rows(result.stdout)["cremona"] == (
        "project, replaces built-in",
        "Nostra identità del Comune di Cremona (rosso istituzionale, Calibri)",
    )


def test_themes_lists_another_projects_themes(project: Project, tmp_path: Path) -> None:
    folder = project.root / "themes" / "civic"
    folder.mkdir(parents=True)
    shutil.copyfile(builtin_themes() / "cremona" / "theme.yaml", folder / "theme.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run_cli("themes", "--project", project.root, cwd=elsewhere)
    assert_clean_exit(result, 0)
    assert list(theme_rows(result.stdout)) == ["civic", "cremona", "neutral"]


def test_a_project_theme_logo_may_be_relative_to_the_project(project: Project) -> None:
    # The older convention: the logo's path is relative to the project holding themes/.
    folder = project.root / "themes" / "civic"
    folder.mkdir(parents=True)
    text = (builtin_themes() / "neutral" / "theme.yaml").read_text(encoding="utf-8")
    (folder / "theme.yaml").write_text(
        re.sub(r"(?m)^logo: .*$", "logo: assets/mark.png", text), encoding="utf-8"
    )
    project.add_image("assets/mark.png")
    project.write_deck(MINIMAL_DECK.replace("  date:", "  theme: civic\n  date:"))
    assert_clean_exit(run_cli("build", "-o", "civic.pptx", cwd=project.root), 0)
    (project.root / "assets" / "mark.png").unlink()
    result = run_cli("build", "-o", "civic.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    assert "image 'assets/mark.png' not found" in result.stderr


def test_schema_is_json_with_every_slide_kind(project: Project) -> None:
    result = run_cli("schema", cwd=project.root)
    assert_clean_exit(result, 0)
    schema = json.loads(result.stdout)
    assert {"deck", "sections"} <= set(schema["properties"])
    assert {"deck", "sections"} <= set(schema["required"])
    assert schema["additionalProperties"] is False
    defs = schema["$defs"]
    union = defs["Section"]["properties"]["slides"]["items"]
    assert set(union["discriminator"]["mapping"]) == ALL_KINDS
    kinds = {
        defs[option["$ref"].rsplit("/", 1)[-1]]["properties"]["kind"]["const"]
        for option in union["oneOf"]
    }
    assert kinds == ALL_KINDS


def test_version_names_the_commit(project: Project) -> None:
    result = run_cli("--version", cwd=project.root)
    assert_clean_exit(result, 0)
    assert result.stdout == f"slidegen {VERSION} (commit {COMMIT})\n"
    if (REPO / ".git").exists():
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        assert head == COMMIT, "the version file is stale: 'make test' rewrites it"
        assert f"+g{head[:7]}" in VERSION


@pytest.mark.parametrize(
    "args", [("--bogus",), ("build", "--bogus"), ("themes", "extra"), ("nonsense",)]
)
def test_usage_error_exits_2(project: Project, args: tuple[str, ...]) -> None:
    result = run_cli(*args, cwd=project.root)
    assert_clean_exit(result, 2)
    assert "Error:" in result.stderr
    assert result.stdout == ""


# -- check ------------------------------------------------------------------------------------


def test_check_writes_nothing(project: Project) -> None:
    project.write_deck(
        MINIMAL_DECK + "      - kind: chart\n        title: Goals\n        chart:\n"
        "          type: target\n          targets: [{label: Raccolta, target: 70}]\n"
    )
    before = project.files()
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 0)
    assert result.stdout == "deck.yaml: ok (3 slides, 0 findings)\n"
    assert project.files() == before
    assert sorted(p.name for p in project.root.iterdir()) == ["deck.yaml"]


def test_check_reports_errors_like_build(project: Project) -> None:
    project.write_deck(MINIMAL_DECK.replace("kind: bullets", "kind: bulets"))
    result = run_cli("check", "deck.yaml", cwd=project.root)
    assert_clean_exit(result, 1)
    (line,) = error_lines(result)
    assert line.startswith(
        "deck.yaml:8:15: section 1, slide 2 «A list», kind: expected slide kind "
    )
    assert line.endswith("got 'bulets' (did you mean 'bullets'?)")


# -- build ------------------------------------------------------------------------------------


def test_build_with_output_and_theme(project: Project, tmp_path: Path) -> None:
    project.write_deck(MINIMAL_DECK)
    output = tmp_path / "elsewhere" / "deck.pptx"
    result = run_cli("build", "-o", output, "--theme", "neutral", cwd=project.root)
    assert_clean_exit(result, 0)
    assert result.stdout == f"wrote {output} (2 slides)\n"
    assert result.stderr == ""
    names = shapes_named(output, 1)
    assert "Logo" in names  # the neutral theme's logo, not Cremona's footer
    assert "Footer" not in names
    prs = Presentation(str(output))
    fonts = {
        run.font.name
        for shape in prs.slides[1].shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    }
    assert fonts == {"Arial"}


def test_build_default_deck_argument(project: Project) -> None:
    project.write_deck(MINIMAL_DECK)
    result = run_cli("build", cwd=project.root)
    assert_clean_exit(result, 0)
    assert result.stdout == f"wrote {project.root / 'output' / 'minimal-deck.pptx'} (2 slides)\n"


def test_overflow_is_a_warning_without_strict(project: Project) -> None:
    project.write_deck(OVERFLOWING_DECK)
    result = run_cli("build", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 0)
    (warning,) = result.stderr.splitlines()
    assert warning.startswith(
        "deck.yaml:6:9: warning: section 1, slide 1 «A wall of text»: text in 'List' "
    )
    assert "overflows its box" in warning
    assert (project.root / "out.pptx").is_file()


def test_strict_turns_a_finding_into_an_error(project: Project) -> None:
    project.write_deck(OVERFLOWING_DECK)
    before = project.files()
    result = run_cli("build", "--strict", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    (line,) = error_lines(result)
    assert line.startswith(
        "deck.yaml:6:9: section 1, slide 1 «A wall of text»: text in 'List' overflows"
    )
    assert "warning" not in line
    assert result.stderr.endswith("slidegen: 1 error; nothing written\n")
    assert project.files() == before


def test_check_strict_exits_1_on_findings(project: Project) -> None:
    project.write_deck(OVERFLOWING_DECK)
    assert_clean_exit(run_cli("check", cwd=project.root), 0)
    assert_clean_exit(run_cli("check", "--strict", cwd=project.root), 1)


def test_duplicate_titles_are_a_finding(project: Project) -> None:
    project.write_deck(
        MINIMAL_DECK + "      - kind: bullets\n        title: A list\n        items: [x]\n"
    )
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 0)
    assert result.stderr == (
        "deck.yaml:12:16: warning: section 1, slide 3, title: slide title 'A list' is also "
        "used on line 9; titles should be unique\n"
    )


# -- the installed console script ----------------------------------------------------------------


def console_script() -> str:
    script = Path(sys.executable).with_name("slidegen")
    found = str(script) if script.is_file() else shutil.which("slidegen")
    assert found, "the slidegen console script is not installed (pip install -e .)"
    return found


def test_console_script_exit_codes_without_traceback(project: Project) -> None:
    script = console_script()
    project.write_deck(MINIMAL_DECK)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [script, *args],
            cwd=project.root,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    ok = run("build", "-o", "out.pptx")
    assert (ok.returncode, ok.stderr) == (0, "")
    assert ok.stdout == "wrote out.pptx (2 slides)\n"

    project.write_deck(
        MINIMAL_DECK + "        titel: x\n"  # line 11, in the last slide
    )
    bad = run("build", "-o", "out.pptx")
    assert bad.returncode == 1
    assert TRACEBACK not in bad.stderr
    assert bad.stderr.splitlines() == [
        "deck.yaml:11:9: section 1, slide 2 «A list», titel: unknown key 'titel' "
        "(did you mean 'title'?)",
        "slidegen: 1 error; nothing written",
    ]

    usage = run("build", "--no-such-option")
    assert usage.returncode == 2
    assert TRACEBACK not in usage.stderr
    assert "No such option" in usage.stderr

    project.write_deck(MINIMAL_DECK)
    unwritable = run("build", "-o", "deck.yaml/out.pptx")
    assert unwritable.returncode == 1
    assert TRACEBACK not in unwritable.stderr
    assert unwritable.stderr.startswith("deck.yaml/out.pptx: ")


HEAVY = ("pptx", "pydantic", "matplotlib", "PIL", "babel", "lxml", "numpy")


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["themes"],
        ["schema"],
        ["build", "--help"],
        ["--lang", "it", "--help"],
    ],
)
def test_quick_commands_load_no_heavy_library(args: list[str], tmp_path: Path) -> None:
    """What people run to look around starts fast: no python-pptx, pydantic, matplotlib…
    (their import is most of a build's start-up time)."""
    script = (
        "import sys\n"
        "from slidegen.cli import main\n"
        f"main({args!r}, standalone_mode=False)\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1] == "[]"


def test_a_theme_folder_whose_name_cannot_be_used_is_not_listed(project: Project) -> None:
    folder = project.root / "themes" / "my theme"
    folder.mkdir(parents=True)
    shutil.copyfile(builtin_themes() / "cremona" / "theme.yaml", folder / "theme.yaml")
    result = run_cli("themes", cwd=project.root)
    assert_clean_exit(result, 0)
    assert list(theme_rows(result.stdout)) == ["cremona", "neutral"]
    project.write_deck(MINIMAL_DECK.replace("  date:", "  theme: my theme\n  date:"))
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert "unknown theme 'my theme'; available: cremona, neutral" in result.stderr


BLOCKED_IMPORT = """
import sys
sys.modules["matplotlib"] = None  # as if it were not installed: importing it fails
sys.argv = ["slidegen", *sys.argv[1:]]
from slidegen.launch import run
run()
"""


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", "the Python package 'matplotlib' it needs is not installed here"),
        ("it", "il pacchetto Python 'matplotlib' che gli serve non è installato qui"),
    ],
)
def test_a_missing_dependency_is_said_in_words_not_a_traceback(
    project: Project, tmp_path: Path, language: str, says: str
) -> None:
    """An environment made by hand without matplotlib (imported only when a target chart is
    drawn): the build says which package is missing and how to reinstall, exits 1, and
    writes nothing."""
    deck = project.write_deck(
        """
        deck: {title: Obiettivi, date: 2014-12-31}
        sections:
          - title: Ambiente
            slides:
              - kind: chart
                title: Obiettivi al 2030
                chart:
                  type: target
                  targets:
                    - {label: Raccolta differenziata, value: 47.5, target: 65, unit: "%"}
        """
    )
    env = {**os.environ, "SLIDEGEN_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", BLOCKED_IMPORT, "--lang", language, "build", str(deck)],
        cwd=project.root, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert says in done.stderr and "pip install --force-reinstall slidegen" in done.stderr
    assert not (project.root / "output").exists() or not list(
        (project.root / "output").glob("*.pptx")
    )
