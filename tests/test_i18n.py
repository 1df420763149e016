"""slidegen speaks English and Italian: the language of a run, its messages, places and help.

The catalogue (``src/slidegen/locale``) is kept in sync with the English text in the source:
a new message without an Italian translation fails here (``make messages`` re-extracts).
"""

from __future__ import annotations

import gettext
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import click
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from helpers import REPO, Project, assert_clean_exit, error_lines, run_cli
from slidegen import i18n
from slidegen.cli import main
from slidegen.i18n import choose_language, use_language
from slidegen.places import describe_place, format_path
from slidegen.slides import KINDS

SOURCE = REPO / "src" / "slidegen"
LOCALE = SOURCE / "locale"
TRANSLATIONS = i18n.LANGUAGES[1:]
"""Every language but English, the source text."""
KEYWORDS = {**DEFAULT_KEYWORDS, "NN_": (1, 2)}
"""What ``make messages`` extracts (its ``MESSAGE_KEYWORDS``): gettext's usual markers and
``NN_(singular, plural)``."""


# -- the language of a run --------------------------------------------------------------------


def test_the_languages_are_those_with_a_catalogue() -> None:
    assert i18n.LANGUAGES == ("en", "it")


@pytest.mark.parametrize(
    ("option", "environ", "language"),
    [
        (None, {}, "en"),
        (None, {"LANG": "it_IT.UTF-8"}, "it"),
        (None, {"LANG": "it_CH"}, "it"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LANG": "en_GB.UTF-8", "LC_MESSAGES": "it_IT.UTF-8"}, "it"),
        (None, {"LC_MESSAGES": "it_IT.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        (None, {"LC_ALL": "", "LANG": "it_IT.UTF-8"}, "it"),
        ("en", {"LC_ALL": "it_IT.UTF-8"}, "en"),
        ("it", {"LANG": "C"}, "it"),
    ],
)
def test_language_of_a_run(option: str | None, environ: dict[str, str], language: str) -> None:
    """``--lang``, else the first of LC_ALL, LC_MESSAGES, LANG that is set, else English."""
    assert choose_language(option, environ) == language


BAD_DECK = """\
deck:
  title: Relazione di fine mandato
sections:
  - title: Il mandato
    slides:
      - kind: bullets
        title: Le priorità
        itmes: [uno]
"""

ENGLISH_LINES = [
    "deck.yaml:6:9: section 1 «Il mandato», slide 1 «Le priorità», items: "
    "missing required key 'items'",
    "deck.yaml:8:9: section 1 «Il mandato», slide 1 «Le priorità», itmes: "
    "unknown key 'itmes' (did you mean 'items'?)",
]
ITALIAN_LINES = [
    "deck.yaml:6:9: sezione 1 «Il mandato», slide 1 «Le priorità», items: "
    "manca la chiave obbligatoria 'items'",
    "deck.yaml:8:9: sezione 1 «Il mandato», slide 1 «Le priorità», itmes: "
    "chiave sconosciuta 'itmes' (forse 'items'?)",
]
ENGLISH_SUMMARY = "slidegen: 2 errors; nothing written"
ITALIAN_SUMMARY = "slidegen: 2 errori; non è stato scritto nulla"


@pytest.mark.parametrize(
    ("args", "environ", "lines", "summary"),
    [
        ((), {}, ENGLISH_LINES, ENGLISH_SUMMARY),
        (("--lang", "it"), {}, ITALIAN_LINES, ITALIAN_SUMMARY),
        ((), {"LANG": "it_IT.UTF-8"}, ITALIAN_LINES, ITALIAN_SUMMARY),
        (("--lang", "en"), {"LANG": "it_IT.UTF-8"}, ENGLISH_LINES, ENGLISH_SUMMARY),
        (("--lang=it",), {"LC_ALL": "en_GB.UTF-8"}, ITALIAN_LINES, ITALIAN_SUMMARY),
    ],
    ids=["default", "--lang it", "LANG", "--lang over LANG", "--lang= over LC_ALL"],
)  # fmt: skip
def test_messages_follow_the_language(
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    environ: dict[str, str],
    lines: list[str],
    summary: str,
) -> None:
    for variable, value in environ.items():
        monkeypatch.setenv(variable, value)
    project.write_deck(BAD_DECK)
    result = run_cli(*args, "check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == lines
    assert result.stderr.splitlines()[-1] == summary


def test_an_italian_run_leaves_the_library_in_english(project: Project) -> None:
    project.write_deck(BAD_DECK)
    assert run_cli("--lang", "it", "check", cwd=project.root).exit_code == 1
    assert i18n.current_language() == "en"


def test_an_unknown_language_is_a_usage_error(project: Project) -> None:
    result = run_cli("--lang", "de", "check", cwd=project.root)
    assert_clean_exit(result, 2)
    assert "'de' is not one of 'en', 'it'" in result.stderr


def test_the_console_script_reads_the_locale(tmp_path: Path) -> None:
    """The installed entry point (not click's test runner) follows LANG by itself."""
    (tmp_path / "deck.yaml").write_text(BAD_DECK, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", "from slidegen.cli import run; run()", "check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"LANG": "it_IT.UTF-8", "PATH": ""},
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [*ITALIAN_LINES, ITALIAN_SUMMARY]


@pytest.mark.parametrize(
    ("language", "summary"),
    [
        ("en", "deck.yaml: ok (2 slides, 0 findings)"),
        ("it", "deck.yaml: ok (2 slide, 0 segnalazioni)"),
    ],
)
def test_the_summary_of_a_good_deck(project: Project, language: str, summary: str) -> None:
    project.write_deck(BAD_DECK.replace("itmes", "items"))
    result = run_cli("--lang", language, "check", cwd=project.root)
    assert_clean_exit(result, 0)
    assert result.stdout == summary + "\n"


# -- validation messages in Italian -----------------------------------------------------------


def italian_errors(project: Project, slide: str) -> list[str]:
    """The Italian messages of a deck whose first slide is ``slide`` (starts on line 6)."""
    head = "deck:\n  title: T\nsections:\n  - divider: false\n    slides:\n"
    project.write_deck(head + textwrap.indent(textwrap.dedent(slide), " " * 6))
    result = run_cli("--lang", "it", "check", cwd=project.root)
    assert_clean_exit(result, 1)
    return error_lines(result)


@pytest.mark.parametrize(
    ("slide", "expected"),
    [
        (
            "- kind: bulets\n  title: X\n",
            "deck.yaml:6:15: sezione 1, slide 1 «X», kind: atteso un tipo di slide tra "
            f"{', '.join(repr(kind) for kind in KINDS)}; trovato 'bulets' (forse 'bullets'?)",
        ),
        (
            "- kind: chart\n  title: Incontri\n  chart: {type: barr, categories: [a], "
            "series: [{name: s, values: [1]}]}\n",
            "deck.yaml:8:23: sezione 1, slide 1 «Incontri», chart.type: atteso uno tra 'bar', "
            "'column', 'stacked-bar', 'stacked-column', 'line', 'pie', 'doughnut', 'target', "
            "'trend'; trovato 'barr' (forse 'bar'?)",
        ),
        (
            "- kind: bullets\n  title: X\n  items: [a]\n  numbered: forse\n",
            "deck.yaml:9:19: sezione 1, slide 1 «X», numbered: atteso true o false; "
            "trovato 'forse'",
        ),
        (
            "- kind: bullets\n  title: [a, b]\n  items: [a]\n",
            "deck.yaml:7:16: sezione 1, slide 1, title: atteso un testo; trovato ['a', 'b']",
        ),
        (
            "- kind: chart\n  title: C\n  chart: {type: bar, categories: [a], "
            "series: [{name: s, values: [-1e30]}]}\n",
            "deck.yaml:8:73: sezione 1, slide 1 «C», chart, serie 1 «s», valore 1: deve essere "
            "almeno -1e+15; trovato -1e+30",
        ),
        (
            "- kind: columns\n  title: X\n  columns: [{items: [a]}]\n",
            "deck.yaml:8:18: sezione 1, slide 1 «X», columns: richiede almeno 2 voci, non 1",
        ),
    ],
    ids=["slide-kind", "chart-type", "yes-no", "text", "number-range", "list-length"],
)
def test_validation_messages_in_italian(project: Project, slide: str, expected: str) -> None:
    assert italian_errors(project, slide) == [expected]


def test_json_keeps_the_machine_path_and_adds_the_place_in_the_language(project: Project) -> None:
    project.write_deck(BAD_DECK)
    result = run_cli("--lang", "it", "check", "--format", "json", cwd=project.root)
    assert result.exit_code == 1
    first, second = json.loads(result.stdout)["errors"]
    assert (first["path"], first["place"]) == (
        "sections[0].slides[0].items",
        "sezione 1 «Il mandato», slide 1 «Le priorità», items",
    )
    assert second["message"] == "chiave sconosciuta 'itmes' (forse 'items'?)"


# -- places in words ----------------------------------------------------------------------


MANDATE = {
    "sections": [
        {"title": "Il Comune"},
        {"title": "La città"},
        {
            "title": "In relazione con altri territori",
            "slides": [
                {"title": "Gemellaggi"},
                {"title": "Con altri sindaci", "columns": [{"items": ["a", "b"]}]},
                {"title": "Reti"},
                {"title": "Incontri", "chart": {"type": "barr"}},
            ],
        },
    ]
}
COLUMN_ITEM = ("sections", 2, "slides", 1, "columns", 0, "items", 1)


@pytest.mark.parametrize(
    ("path", "language", "place"),
    [
        (COLUMN_ITEM, "en", "section 3 «In relazione con altri territori», slide 2 «Con altri "
         "sindaci», column 1, item 2"),
        (COLUMN_ITEM, "it", "sezione 3 «In relazione con altri territori», slide 2 «Con altri "
         "sindaci», colonna 1, voce 2"),
        (("sections", 2, "slides", 3, "chart", "type"), "en",
         "section 3 «In relazione con altri territori», slide 4 «Incontri», chart.type"),
        (("sections", 2, "slides", 3, "title"), "it",
         "sezione 3 «In relazione con altri territori», slide 4, title"),
        (("deck", "title"), "it", "deck.title"),
        (("sections", 9, "slides", 0), "en", "section 10, slide 1"),
        (("colors", "chart", 1), "it", "colors.chart, voce 2"),
        (("sections", 0, "slides", 0, "rows", 1, 2), "it",
         "sezione 1 «Il Comune», slide 1, riga 2, cella 3"),
        ((), "en", ""),
    ],
)  # fmt: skip
def test_places_in_words(path: tuple[str | int, ...], language: str, place: str) -> None:
    """Counted from 1, with the titles the deck gives; a place inside a title does not
    repeat it; keys stay keys."""
    use_language(language)
    assert describe_place(path, MANDATE) == place


def test_the_machine_path_stays_zero_based() -> None:
    assert format_path(COLUMN_ITEM) == "sections[2].slides[1].columns[0].items[1]"


def test_a_long_title_is_shortened_in_the_place() -> None:
    data = {"sections": [{"title": "Un titolo " * 10}]}
    assert describe_place(("sections", 0), data) == (
        "section 1 «Un titolo Un titolo Un titolo Un titolo Un titolo…»"
    )


# -- the command line's help -----------------------------------------------------------------


def command_paths(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command of the command line, subgroups' too, as the words that name it."""
    paths = [path]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            paths += command_paths(command, (*path, name))
        else:
            paths.append((*path, name))
    return paths


@pytest.mark.parametrize("path", command_paths(main), ids=lambda p: " ".join(p) or "slidegen")
def test_every_help_screen_speaks_italian(project: Project, path: tuple[str, ...]) -> None:
    """click's own words (headings, the help option) are Italian on every screen, those of
    commands added from other modules and of subgroups (``template inspect``) too."""
    result = run_cli("--lang", "it", *path, "--help", cwd=project.root)
    assert_clean_exit(result, 0)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Uso: ") and "Opzioni:" in lines, result.stdout
    assert re.search(r"-h, --help +Mostra questo aiuto ed esce\.", result.stdout)
    english = ("Usage:", "Options:", "Commands:", "Show this message and exit.")
    assert not [word for word in english if word in result.stdout]


def test_help_in_italian(project: Project) -> None:
    result = run_cli("--lang", "it", "check", "--help", cwd=project.root)
    assert_clean_exit(result, 0)
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"Uso: \S+ check \[OPTIONS\] \[DECK\]", lines[0])
    assert "Opzioni:" in lines
    assert "  Controlla DECK, lo impagina in memoria e riporta le segnalazioni; non scrive" in lines
    assert re.search(r"-h, --help +Mostra questo aiuto ed esce\.", result.stdout)
    assert re.search(r"--strict +Esce con 1 se ci sono segnalazioni\.", result.stdout)


def test_group_help_in_italian_from_the_locale(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    result = run_cli("--help", cwd=project.root)
    assert_clean_exit(result, 0)
    assert "Comandi:" in result.stdout
    assert re.search(r"--lang \[en\|it\] +La lingua dei messaggi", result.stdout)
    assert re.search(r"--version +Mostra la versione ed esce\.", result.stdout)
    assert re.search(r"check +Controlla DECK", result.stdout)
    english = run_cli("--lang", "en", "--help", cwd=project.root).stdout
    assert "Commands:" in english and "Comandi:" not in english


def all_help_texts() -> list[str]:
    """The English help of the group, every command and every option."""
    use_language("en")
    texts = []
    for command in (main, *main.commands.values()):  # type: ignore[attr-defined]
        texts.append(vars(command).get("english_help", command.help))
        for param in command.params:
            if isinstance(param, click.Option) and param.help:
                texts.append(vars(param).get("english_help", param.help))
    return texts


def test_every_help_text_is_in_the_catalogue() -> None:
    """A help text not marked with N_() would stay English in every language."""
    texts = all_help_texts()
    assert len(texts) > 30
    unmarked = [text for text in texts if text not in extracted_messages()]
    assert unmarked == []


# -- the catalogue is in sync with the source ------------------------------------------------


def extracted_messages() -> dict[str, str | tuple[str, str]]:
    """Every message marked in the source, keyed by its (singular) English text."""
    found: dict[str, str | tuple[str, str]] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        SOURCE, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        found[message[0] if isinstance(message, tuple) else message] = message
    return found


def catalogue(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def test_make_messages_extracts_the_same_markers() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "MESSAGE_KEYWORDS := -k NN_:1,2" in makefile


def test_the_template_has_every_message_of_the_source() -> None:
    template = catalogue(LOCALE / "slidegen.pot")
    assert {m.id for m in template if m.id} == set(extracted_messages().values()), (
        "run 'make messages' and translate what is new"
    )


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_message_is_translated(language: str) -> None:
    po = catalogue(LOCALE / language / "LC_MESSAGES" / "slidegen.po")
    translated = {m.id: m for m in po if m.id}
    assert set(translated) == set(extracted_messages().values()), "run 'make messages'"
    untranslated = [
        m.id
        for m in translated.values()
        if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else [m.string])
    ]
    assert untranslated == []


PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translations_keep_the_placeholders(language: str) -> None:
    """``{fix}``, ``{key}``…: what is filled in (the user's text) must survive translation."""
    po = catalogue(LOCALE / language / "LC_MESSAGES" / "slidegen.po")
    for message in po:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            assert placeholders(string) == placeholders(ids[-1]), message.id


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_the_compiled_catalogue_matches_the_po(language: str) -> None:
    """The .mo slidegen reads is the .po compiled (``make messages`` compiles it)."""
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "slidegen.mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for message in catalogue(folder / "slidegen.po"):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            assert compiled.ngettext(*message.id, 1) == message.string[0]
            assert compiled.ngettext(*message.id, 2) == message.string[1]
        else:
            assert compiled.gettext(message.id) == message.string
