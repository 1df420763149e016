"""``slidegen init``: a starter project that builds at once and never overwrites anything."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from helpers import all_text, assert_clean_exit, error_lines, run_cli
from slidegen.init import current_half_year
from slidegen.slides import KINDS
from slidegen.theme_index import builtin_themes

PERIOD = "2026-H2"


def init(folder: Path, *args: str) -> list[str]:
    result = run_cli("init", folder.name, "--period", PERIOD, *args, cwd=folder.parent)
    assert_clean_exit(result, 0)
    return result.stdout.splitlines()


def project_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("language", ["it-IT", "en-GB"])
def test_init_makes_a_project_that_builds_strictly(tmp_path: Path, language: str) -> None:
    folder = tmp_path / "demo"
    lines = init(folder, "--language", language)
    assert lines[-1] == "next: cd demo && slidegen build"
    assert project_files(folder) == [
        "assets/piazza.png",
        f"data/periods/{PERIOD}.yaml",
        "deck.schema.json",
        "deck.yaml",
    ]
    result = run_cli("build", "--strict", cwd=folder)
    assert_clean_exit(result, 0)
    assert result.stderr == ""  # no findings either
    built = next((folder / "output").glob("*.pptx"))
    assert built.name.endswith(f"-{PERIOD}.pptx")
    prs = Presentation(str(built))
    # One slide per kind, plus the two titled sections' dividers and the agenda shown again
    # before the second section.
    assert len(prs.slides) == len(KINDS) + 3
    text = all_text(prs)
    # The language is the deck's: its words and its number format.
    words = {"it-IT": ("Sei mesi di lavoro", "64,5%"), "en-GB": ("Six months of work", "64.5%")}
    for word in words[language]:
        assert word in text


@pytest.mark.parametrize("language", ["it-IT", "en-GB"])
def test_the_starter_deck_uses_every_slide_kind_once(tmp_path: Path, language: str) -> None:
    folder = tmp_path / "demo"
    init(folder, "--language", language)
    deck = yaml.safe_load((folder / "deck.yaml").read_text(encoding="utf-8"))
    kinds = [slide["kind"] for section in deck["sections"] for slide in section["slides"]]
    assert sorted(kinds) == sorted(KINDS)
    assert deck["deck"]["language"] == language
    assert deck["deck"]["theme"] == "neutral"
    text = (folder / "deck.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=deck.schema.json\n")
    assert text.count("\n#") >= 10  # commented for the office, not bare data


def test_the_first_period_is_marked_as_sample_figures(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    init(folder)
    period = yaml.safe_load((folder / "data" / "periods" / f"{PERIOD}.yaml").read_text("utf-8"))
    assert period["period"] == PERIOD
    assert period["label"] == "Luglio – Dicembre 2026"
    assert (str(period["start"]), str(period["end"])) == ("2026-07-01", "2026-12-31")
    assert period["sample"] is True
    deck = yaml.safe_load((folder / "deck.yaml").read_text(encoding="utf-8"))
    assert set(period["values"]) == set(deck["metrics"])


def test_init_without_a_period_starts_with_the_current_half_year(tmp_path: Path) -> None:
    import datetime

    result = run_cli("init", "demo", cwd=tmp_path)
    assert_clean_exit(result, 0)
    today = current_half_year(datetime.date.today())
    assert (tmp_path / "demo" / "data" / "periods" / f"{today}.yaml").is_file()
    assert current_half_year(datetime.date(2027, 6, 30)) == "2027-H1"
    assert current_half_year(datetime.date(2027, 7, 1)) == "2027-H2"


def test_init_with_another_theme(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    init(folder, "--theme", "cremona")
    assert "  theme: cremona " in (folder / "deck.yaml").read_text(encoding="utf-8")
    assert_clean_exit(run_cli("build", cwd=folder), 0)


def test_copy_theme_puts_the_theme_in_the_project_where_it_is_used(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    init(folder, "--copy-theme")
    copied = folder / "themes" / "neutral"
    original = builtin_themes() / "neutral"
    assert sorted(p.name for p in copied.iterdir()) == sorted(p.name for p in original.iterdir())
    assert (copied / "theme.yaml").read_bytes() == (original / "theme.yaml").read_bytes()
    # The project's copy wins: a change there shows in the deck.
    manifest = copied / "theme.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('primary: "1F4E79"', 'primary: "7A1F5C"'),
        encoding="utf-8",
    )
    result = run_cli("themes", cwd=folder)
    assert "neutral\tproject, replaces built-in\t" in result.stdout
    assert_clean_exit(run_cli("build", "-o", "mine.pptx", cwd=folder), 0)
    theme_xml = (
        Presentation(str(folder / "mine.pptx")).slide_master.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
        )
    ).blob
    assert b"7A1F5C" in theme_xml


def test_init_never_overwrites_and_writes_nothing_when_it_refuses(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "deck.yaml").write_text("mine\n", encoding="utf-8")
    result = run_cli("init", "demo", cwd=tmp_path)
    assert_clean_exit(result, 1)
    [line] = error_lines(result)
    assert line == (
        f"{folder.resolve()}: already holds deck.yaml; 'slidegen init' never overwrites a file "
        "(choose another folder, or move those files away)"
    )
    assert project_files(folder) == ["deck.yaml"]
    assert (folder / "deck.yaml").read_text(encoding="utf-8") == "mine\n"


def test_init_twice_refuses_the_second_time(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    init(folder)
    before = {name: (folder / name).read_bytes() for name in project_files(folder)}
    result = run_cli("init", "demo", "--copy-theme", cwd=tmp_path)
    assert_clean_exit(result, 1)
    assert "already holds deck.yaml, data/periods/" in result.stderr
    assert not (folder / "themes").exists()  # not even the files that did not clash
    assert {name: (folder / name).read_bytes() for name in project_files(folder)} == before


def test_init_into_the_current_folder(tmp_path: Path) -> None:
    result = run_cli("init", cwd=tmp_path)
    assert_clean_exit(result, 0)
    assert result.stdout.splitlines()[-1] == "next: slidegen build"
    assert (tmp_path / "deck.yaml").is_file()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ("--theme", "nope"),
            1,
            "--theme: unknown theme 'nope'; built-in themes: cremona, neutral",
        ),
        (("--language", "fr-FR"), 2, "Invalid value for '--language'"),
    ],
)
def test_init_refuses_unknown_themes_and_languages(
    tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    result = run_cli("init", "demo", *args, cwd=tmp_path)
    assert_clean_exit(result, code)
    assert message in result.stderr
    assert not (tmp_path / "demo").exists()


def test_init_into_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "demo").write_text("a file\n", encoding="utf-8")
    result = run_cli("init", "demo", cwd=tmp_path)
    assert_clean_exit(result, 2)  # click: a folder was asked for
    assert (tmp_path / "demo").read_text(encoding="utf-8") == "a file\n"
