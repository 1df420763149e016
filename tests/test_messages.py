"""Messages for the people who write decks: plain words, at the mistake, saying what to do.

* ``tests/errors/<case>.yaml`` with ``<case>.expected`` (and ``.expected.it``), the exact
  stderr of ``slidegen check`` (empty when the deck is accepted): one case per mistake people
  make, in the YAML, the theme, images, CSV files and period files (the data the cases read
  is beside them, in ``files/`` and ``themes/``);
* one-keystroke edits (a quote, colon, dash, space, tab or bracket added or deleted) of every
  line of the default deck that break the YAML give one located message on the edited line
  (±1) that says what to do, in no parser's jargon;
* the lenient readings (colours, dates) and the source excerpt under a message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
import yaml

from helpers import DEFAULT_DECK, TESTS, TRACEBACK, Project, run_cli
from slidegen import loader, yamltext
from slidegen.dates import meant_date
from slidegen.errors import DeckError, Location, Problem
from slidegen.theme import as_hex_colour

ERRORS = TESTS / "errors"
CASES = sorted(path.stem for path in ERRORS.glob("*.yaml"))


LANGUAGES = {"en": ".expected", "it": ".expected.it"}
"""The file of each language's expected output, beside ``<case>.yaml``."""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES)
def test_error_corpus(case: str, language: str, update_expected: bool) -> None:
    """``slidegen --lang <language> check <case>.yaml`` prints exactly ``<case>.expected``
    (English) or ``<case>.expected.it`` (Italian) on stderr. After a deliberate change of the
    messages: ``pytest tests/test_messages.py --update-expected``, then read the diff."""
    expectation = ERRORS / f"{case}{LANGUAGES[language]}"
    result = run_cli("--lang", language, "check", f"{case}.yaml", cwd=ERRORS)
    assert TRACEBACK not in result.output
    if update_expected:
        expectation.write_text(result.stderr, encoding="utf-8")
    expected = expectation.read_text(encoding="utf-8")
    assert result.stderr == expected
    assert result.exit_code == (1 if expected else 0), result.output


def test_corpus_cases_all_have_expectations() -> None:
    assert len(CASES) >= 25
    for suffix in LANGUAGES.values():
        assert sorted(p.name.removesuffix(suffix) for p in ERRORS.glob(f"*{suffix}")) == CASES


def test_corpus_expectations_differ_by_language() -> None:
    """Every message of the corpus is translated: no Italian expectation repeats an English
    line (apart from source lines and carets, which are the user's text)."""
    for case in CASES:
        english = (ERRORS / f"{case}.expected").read_text(encoding="utf-8").splitlines()
        italian = (ERRORS / f"{case}.expected.it").read_text(encoding="utf-8").splitlines()
        assert len(english) == len(italian), case
        for line_en, line_it in zip(english, italian, strict=True):
            if not line_en.startswith(" "):
                assert line_en != line_it, case


def test_syntax_error_in_json_keeps_the_place_and_the_source_line() -> None:
    result = run_cli("check", "--format", "json", "colon-in-title.yaml", cwd=ERRORS)
    assert result.exit_code == 1
    (error,) = json.loads(result.stdout)["errors"]
    assert error == {
        "file": "colon-in-title.yaml",
        "line": 8,
        "column": 24,
        "severity": "error",
        "path": "",
        "place": "",
        "message": "this text contains ': ' — put it in quotes: title: \"Bilancio: le scelte\"",
        "source": "        title: Bilancio: le scelte",
    }


# -- one keystroke away from the default deck -----------------------------------------------------

KEYSTROKES = "\"':-[]{} \t"
STRIDE = 5
"""Of the edits of each line of the default deck, every 5th is tried, starting one further
on each line: every line is edited, and each kind of edit (which character, where) comes
round on every fifth line. All edits: ``python tests/test_messages.py`` (about a minute)."""
CLI_EVERY = 40
"""One edit in 40 of the sample goes through the command line too (exit code, JSON)."""
PARSER_WORDS = re.compile(
    r"while (scanning|parsing)|could not find expected|did not find|<block end>|"
    r"<block mapping start>|cannot start any token|mapping values are not allowed|"
    r"expected alphabetic|found character|found unexpected|block sequence entries"
)
WHAT_TO_DO = re.compile(
    r"\b(put|use|add|write|remove|give|start|delete|separate|check|line it up)\b"
)


def keystroke_edits(line: str) -> Iterator[str]:
    """``line`` with one of :data:`KEYSTROKES` added (at the start, after the indentation,
    after '- ' or ': ', in the middle, at the end) or deleted (wherever one is)."""
    indent = len(line) - len(line.lstrip(" "))
    spots = {0, indent, len(line), (indent + len(line)) // 2}
    spots.update(m.end() for m in re.finditer(r"- |: ", line))
    for spot in sorted(spots):
        for key in KEYSTROKES:
            yield line[:spot] + key + line[spot:]
    for index, char in enumerate(line):
        if char in KEYSTROKES:
            yield line[:index] + line[index + 1 :]


def broken_decks(stride: int = STRIDE) -> Iterator[tuple[int, str]]:
    """(edited line, deck text) for each edit of the sample that makes the YAML invalid:
    on every line of YAML (not blank, not a comment), every ``stride``-th edit."""
    lines = DEFAULT_DECK.read_text(encoding="utf-8").split("\n")
    yaml_lines = [n for n, text in enumerate(lines) if text.strip() and text.lstrip()[0] != "#"]
    for order, number in enumerate(yaml_lines):
        edits = list(dict.fromkeys(keystroke_edits(lines[number])))
        for edited in edits[order % stride :: stride]:
            text = "\n".join([*lines[:number], edited, *lines[number + 1 :]])
            if yamltext.first_error_line(text):
                yield number + 1, text


def keystroke_problem(number: int, text: str) -> str | None:
    """What is wrong with the message for the edit on line ``number``; None when it is one
    located message on that line (±1) that says what to do, in no parser's jargon."""
    try:
        loader.load_yaml_text(text, "deck.yaml")
    except DeckError as error:
        problems = error.problems
    else:
        return f"edit on line {number}: no error"
    if len(problems) != 1:
        return f"edit on line {number}: {len(problems)} messages: {problems}"
    (problem,) = problems
    where = f"edit on line {number}: {problem.location}: {problem.message}"
    located = abs(problem.location.line - number) <= 1
    plain = not PARSER_WORDS.search(problem.message) and WHAT_TO_DO.search(problem.message)
    shown = problem.source == text.split("\n")[problem.location.line - 1]
    return None if located and plain and shown else where


def test_one_keystroke_from_the_default_deck() -> None:
    """Every line of the default deck, a fifth of its one-keystroke edits (~2,500 in all)."""
    checked = [keystroke_problem(number, text) for number, text in broken_decks()]
    assert len(checked) > 2000
    assert [problem for problem in checked if problem] == []


def test_one_keystroke_through_the_command_line(project: Project) -> None:
    """Through ``slidegen check --format json``: exit 1, one error, with its source line."""
    checked = 0
    for index, (number, text) in enumerate(broken_decks()):
        if index % CLI_EVERY:
            continue
        project.deck.write_text(text, encoding="utf-8")
        result = run_cli("check", "--format", "json", "deck.yaml", cwd=project.root)
        assert TRACEBACK not in result.output
        assert result.exit_code == 1, result.output
        (error,) = json.loads(result.stdout)["errors"]
        assert abs(error["line"] - number) <= 1, (number, error)
        assert error["source"] == text.split("\n")[error["line"] - 1], (number, error)
        checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    ("edited", "line", "message"),
    [
        ("          -- items:", 245, "this line starts with -, which does not belong there"),
        ("          -items:", 245, "a list item needs a space after '-': write - items:"),
        ("           items:", 245, "this line is the first item of the list that goes on at line "
         "250: start it with '- ' like the others: write - items:"),
    ],
    ids=["dash-doubled", "dash-without-space", "dash-deleted"],
)  # fmt: skip
def test_a_first_list_item_that_lost_its_dash(edited: str, line: int, message: str) -> None:
    """The first of the columns' items on line 245 of the default deck: libyaml notices only
    at the second item, five lines below; the message is at the first."""
    lines = DEFAULT_DECK.read_text(encoding="utf-8").split("\n")
    assert lines[244] == "          - items:"
    text = "\n".join([*lines[:244], edited, *lines[245:]])
    with pytest.raises(DeckError) as caught:
        loader.load_yaml_text(text, "deck.yaml")
    (problem,) = caught.value.problems
    assert problem.location.line == line
    assert problem.message.startswith(message)


def test_without_libyaml_the_corpus_is_still_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML's own parser words its errors differently; the explanations do not depend on it."""
    monkeypatch.setattr(yamltext, "FAST_LOADER", yaml.SafeLoader)
    monkeypatch.setattr(loader, "FAST_LOADER", yaml.SafeLoader)
    for case in CASES:
        expected = (ERRORS / f"{case}.expected").read_text(encoding="utf-8")
        result = run_cli("check", f"{case}.yaml", cwd=ERRORS)
        assert result.stderr == expected, case


# -- lenient readings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "colour"),
    [("00546B", "00546B"), ("#00546B", "00546B"), ("#00546b", "00546B"), ("05b", "0055BB"),
     ("#FFF", "FFFFFF"), (" #a6192e ", "A6192E")],
)  # fmt: skip
def test_colours_as_brand_manuals_write_them(written: str, colour: str) -> None:
    assert as_hex_colour(written) == colour


@pytest.mark.parametrize("written", ["#00546", "red", "#GG0000", "##00546B", ""])
def test_colour_that_is_not_one(written: str) -> None:
    with pytest.raises(ValueError) as caught:
        as_hex_colour(written)
    assert str(caught.value) == (
        f'expected a colour as 6 hexadecimal digits, e.g. "#00546B"; got {written!r}'
    )


@pytest.mark.parametrize(
    ("written", "meant"),
    [("31/03/2026", "2026-03-31"), ("31.03.2026", "2026-03-31"), ("31-3-2026", "2026-03-31"),
     ("2026/3/31", "2026-03-31"), ("March 31 2026", "2026-03-31"), ("March 31, 2026", "2026-03-31"),
     ("31 marzo 2026", "2026-03-31"), ("3 Apr 2026", "2026-04-03"), ("03/04/2026", "2026-04-03"),
     ("12/31/2026", "2026-12-31"), ("31/31/2026", None), ("domani", None), ("31/03/26", None)],
)  # fmt: skip
def test_dates_in_other_spellings_are_understood_for_the_example(
    written: str, meant: str | None
) -> None:
    day = meant_date(written)
    assert (day.isoformat() if day else None) == meant


# -- the source line under a message ------------------------------------------------------------


def excerpt_of(source: str, column: int) -> list[str]:
    return str(Problem(Location("d.yaml", 3, column), "m", source=source)).split("\n")[1:]


def test_caret_under_the_column_after_escapes_and_wide_characters() -> None:
    assert excerpt_of("a:\tb: c", 5) == ["    a:\\tb: c", " " * 9 + "^"]  # \t shown as 2
    assert excerpt_of("t: 日本: x", 6) == ["    t: 日本: x", " " * 11 + "^"]  # 日本: 4 columns
    assert excerpt_of("t: e\u0301: x", 6) == ["    t: e\u0301: x", " " * 8 + "^"]  # é: 1


def test_long_source_line_is_cut_around_the_column() -> None:
    source = "title: " + "x" * 200 + ": y" + "z" * 200
    shown, caret = excerpt_of(source, 208)
    assert shown.startswith("    …x") and shown.endswith("z…")
    assert len(shown) == 4 + 1 + 100 + 1
    assert shown[caret.index("^")] == ":"


def test_problem_without_source_is_one_line() -> None:
    problem = Problem(Location("d.yaml", 3, 5), "m")
    assert str(problem) == problem.headline() == "d.yaml:3:5: m"
    assert "source" not in problem.to_dict()


if __name__ == "__main__":  # every edit, not only the sample: python tests/test_messages.py
    found = [keystroke_problem(number, text) for number, text in broken_decks(stride=1)]
    print(f"{len(found)} edits break the YAML; {sum(map(bool, found))} badly explained")
    print("\n".join(problem for problem in found if problem))
