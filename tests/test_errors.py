"""User errors: exact messages on stderr, located ``file:line:col: key.path: message``, exit 1.

Every failing run also ends with the summary line and writes nothing. Usage errors exit 2.
"""

from __future__ import annotations

import textwrap
import typing
from pathlib import Path

import pytest
from pptx import Presentation

from helpers import LOCATED, Project, assert_clean_exit, error_lines, run_cli
from slidegen.model import ChartType
from slidegen.slides import KINDS

HEAD = """\
deck:
  title: T
sections:
  - divider: false
    slides:
"""
"""Five lines: the slides given to :func:`deck_with` start on line 6, indented 6."""


def deck_with(slides: str) -> str:
    return HEAD + textwrap.indent(textwrap.dedent(slides).lstrip("\n"), " " * 6)


def fails(project: Project, text: str, *extra: str) -> list[str]:
    """Build ``text``: exit 1, no traceback, nothing written; the error lines."""
    project.write_deck(text)
    before = project.files()
    result = run_cli("build", "deck.yaml", "-o", "out.pptx", *extra, cwd=project.root)
    assert_clean_exit(result, 1)
    assert result.stdout == ""
    lines = error_lines(result)
    count = sum(1 for line in lines if not line.startswith(" "))  # not a source line or caret
    assert result.stderr.splitlines()[-1] == (
        f"slidegen: {count} error{'s' if count != 1 else ''}; nothing written"
    )
    assert project.files() == before, "a failing build wrote something"
    return lines


# -- YAML syntax ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "deck:\n  title: a: b\n",
            [
                "deck.yaml:2:11: this text contains ': ' — put it in quotes: title: \"a: b\"",
                "      title: a: b",
                "              ^",
            ],
        ),
        (
            "deck:\n\ttitle: T\n",
            [
                "deck.yaml:2:1: a tab is used for indenting: use spaces",
                "    \\ttitle: T",
                "    ^",
            ],
        ),
    ],
    ids=["colon-in-value", "tab"],
)
def test_yaml_syntax_error_is_located(project: Project, text: str, expected: list[str]) -> None:
    assert fails(project, text) == expected


UNCLOSED = {
    "flow-sequence": (
        "deck:\n  title: [a\nsections: x\n",
        "deck.yaml:2:10: the list opened with '[' here is never closed: add ']' at its end",
    ),
    "quoted-scalar": (
        'deck:\n  title: "T\nsections: []\n',
        'deck.yaml:2:10: the quote (") opened here is never closed: add " at the end of the text',
    ),
}
"""Constructs opened on line 2 and never closed: libyaml notices later in the file, the
message points where they opened."""


@pytest.mark.parametrize("name", UNCLOSED)
def test_unclosed_construct_is_located_where_it_opened(project: Project, name: str) -> None:
    text, expected = UNCLOSED[name]
    headline, source, caret = fails(project, text)
    assert headline == expected
    assert source == "    " + text.splitlines()[1]
    assert caret == " " * 13 + "^"


def test_raw_control_character_in_file_is_located(project: Project) -> None:
    lines = fails(project, "deck:\n  title: A\x07B\nsections: []\n")
    assert lines == [
        "deck.yaml:2:11: the invisible character U+0007 is not allowed in a YAML file: delete it",
        "      title: A\\x07B",
        "              ^",
    ]


def test_file_not_found(project: Project) -> None:
    result = run_cli("build", "missing.yaml", cwd=project.root)
    assert_clean_exit(result, 1)
    assert result.stderr == "missing.yaml: file not found\nslidegen: 1 error; nothing written\n"


def test_not_utf8(project: Project) -> None:
    project.deck.write_bytes(b"deck:\n  title: caf\xe9\n")
    result = run_cli("build", "deck.yaml", cwd=project.root)
    assert_clean_exit(result, 1)
    # Line 2, column 13: the é, counted as an editor counts (not byte 18).
    assert error_lines(result) == [
        "deck.yaml:2:13: not UTF-8 text (Latin-1 or Windows-1252, perhaps): save it as UTF-8"
    ]


def test_not_utf8_csv_is_located_too(project: Project) -> None:
    (project.root / "s.csv").write_bytes("mese,valore\nluglio,1\ncaffè,2\n".encode("latin-1"))
    project.write_deck(
        """
        deck: {title: T, date: 2014-12-31}
        sections:
          - divider: false
            slides:
              - {kind: chart, title: C, chart: {type: column, data: s.csv}}
        """
    )
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        "s.csv:3:5: not UTF-8 CSV (Latin-1 or Windows-1252, perhaps): save it as UTF-8"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "deck.yaml: expected a mapping with 'deck' and 'sections' at the top level"),
        (
            "- a\n- b\n",
            "deck.yaml:1:1: expected a mapping with 'deck' and 'sections' at the top level",
        ),
    ],
    ids=["empty", "list"],
)
def test_top_level_must_be_a_mapping(project: Project, text: str, expected: str) -> None:
    assert fails(project, text) == [expected]


# -- keys ----------------------------------------------------------------------------------


def test_unknown_key_did_you_mean(project: Project) -> None:
    lines = fails(
        project,
        deck_with("""
            - kind: bullets
              title: X
              subtitel: Y
              items: [a]
        """),
    )
    assert lines == [
        "deck.yaml:8:9: section 1, slide 1 «X», subtitel: unknown key 'subtitel' "
        "(did you mean 'subtitle'?)"
    ]


def test_misspelt_required_key_reports_both_sides(project: Project) -> None:
    """``titel`` is unknown and ``title`` is then missing: both, located, in line order."""
    lines = fails(
        project,
        deck_with("""
            - kind: bullets
              titel: X
              items: [a]
        """),
    )
    assert lines == [
        "deck.yaml:6:9: section 1, slide 1, title: missing required key 'title'",
        "deck.yaml:7:9: section 1, slide 1, titel: unknown key 'titel' (did you mean 'title'?)",
    ]


def test_unknown_key_without_a_close_match_lists_allowed_keys(project: Project) -> None:
    lines = fails(
        project,
        deck_with("""
            - kind: statement
              title: X
              text: Y
              colour: red
        """),
    )
    assert lines == [
        "deck.yaml:9:9: section 1, slide 1 «X», colour: unknown key 'colour'; "
        "allowed: items, kind, notes, subtitle, text, title"
    ]


def test_unknown_key_in_deck_metadata(project: Project) -> None:
    lines = fails(project, "deck:\n  title: T\n  organisation: X\nsections: []\n")
    assert lines[0] == (
        "deck.yaml:3:3: deck.organisation: unknown key 'organisation' "
        "(did you mean 'organization'?)"
    )


def test_missing_required_key(project: Project) -> None:
    lines = fails(
        project,
        deck_with("""
            - kind: bullets
              title: X
        """),
    )
    assert lines == ["deck.yaml:6:9: section 1, slide 1 «X», items: missing required key 'items'"]


def test_missing_kind(project: Project) -> None:
    lines = fails(project, deck_with("- title: X\n"))
    assert lines == [
        "deck.yaml:6:9: section 1, slide 1 «X»: missing required key 'kind' "
        "(the slide's kind, e.g. 'bullets')"
    ]


def test_duplicate_key(project: Project) -> None:
    lines = fails(project, "deck:\n  title: T\n  title: U\nsections: []\n")
    assert lines == ["deck.yaml:3:3: duplicate key 'title' (first defined on line 2)"]


def test_section_with_divider_needs_title(project: Project) -> None:
    lines = fails(project, "deck:\n  title: T\nsections:\n  - slides: []\n")
    assert lines == [
        "deck.yaml:4:5: section 1: a section with a divider needs a 'title' (or 'divider: false')"
    ]


# -- literals ------------------------------------------------------------------------------

KINDS_LISTED = ", ".join(repr(kind) for kind in KINDS)
"""The slide kinds in the order the message lists them (the registry's order)."""
CHART_TYPES_LISTED = ", ".join(repr(t) for t in typing.get_args(ChartType))


def test_wrong_slide_kind_did_you_mean(project: Project) -> None:
    lines = fails(
        project,
        deck_with("""
            - kind: bulets
              title: X
              items: [a]
        """),
    )
    assert lines == [
        f"deck.yaml:6:15: section 1, slide 1 «X», kind: expected slide kind {KINDS_LISTED}; "
        "got 'bulets' (did you mean 'bullets'?)"
    ]


def test_wrong_slide_kind_without_close_match(project: Project) -> None:
    """``barr`` is close to the chart type 'bar', to no slide kind: no misleading hint."""
    lines = fails(project, deck_with("- kind: barr\n  title: X\n"))
    assert lines == [
        f"deck.yaml:6:15: section 1, slide 1 «X», kind: expected slide kind {KINDS_LISTED}; "
        "got 'barr'"
    ]


def test_wrong_slide_kind_points_at_the_kind(project: Project) -> None:
    lines = fails(
        project,
        deck_with("""
            - title: X
              kind: bulets
              items: [a]
        """),
    )
    assert lines[0].startswith("deck.yaml:7:")


@pytest.mark.parametrize(("typo", "hint"), [("barr", "bar"), ("pi", "pie"), ("colum", "column")])
def test_wrong_chart_type(project: Project, typo: str, hint: str) -> None:
    lines = fails(
        project,
        deck_with(f"""
            - kind: chart
              title: X
              chart:
                type: {typo}
                categories: [a]
                series: [{{name: s, values: [1]}}]
        """),
    )
    assert lines == [
        f"deck.yaml:9:17: section 1, slide 1 «X», chart.type: expected {CHART_TYPES_LISTED}; "
        f"got '{typo}' (did you mean '{hint}'?)"
    ]


def test_several_errors_all_reported_sorted_by_line(project: Project) -> None:
    lines = fails(
        project,
        deck_with("""
            - kind: bulets
              title: Z
            - kind: chart
              title: Y
              chart: {type: pi, categories: [a], series: [{name: s, values: [1]}]}
            - kind: bullets
              title: X
              subtitel: S
              items: [a]
              numbered: maybe
        """),
    )
    assert lines == [
        f"deck.yaml:6:15: section 1, slide 1 «Z», kind: expected slide kind {KINDS_LISTED}; "
        "got 'bulets' (did you mean 'bullets'?)",
        f"deck.yaml:10:23: section 1, slide 2 «Y», chart.type: expected {CHART_TYPES_LISTED}; "
        "got 'pi' (did you mean 'pie'?)",
        "deck.yaml:13:9: section 1, slide 3 «X», subtitel: unknown key 'subtitel' "
        "(did you mean 'subtitle'?)",
        "deck.yaml:15:19: section 1, slide 3 «X», numbered: expected true or false; got 'maybe'",
    ]


def test_several_asset_errors_all_reported(project: Project) -> None:
    project.add_image("assets/mark.png")
    lines = fails(
        project,
        deck_with("""
            - kind: image
              title: A
              image: assets/mrak.png
              alt: a
            - kind: image
              title: B
              image: ../x.png
              alt: b
        """),
    )
    assert lines == [
        "deck.yaml:8:16: section 1, slide 1 «A», image: image 'assets/mrak.png' not found; "
        "files in assets/: mark.png",
        "deck.yaml:12:16: section 1, slide 2 «B», image: '../x.png' must be a path inside the "
        "project (relative, without '..')",
    ]


# -- YAML's surprises are refused ------------------------------------------------------------


def test_alias_refused(project: Project) -> None:
    lines = fails(project, "deck:\n  title: T\nsections:\n  - title: x\n  - title: *t\n")
    assert lines == [
        'deck.yaml:5:12: this text starts with * — put it in quotes: - title: "*t"',
        "      - title: *t",
        "               ^",
    ]


def test_anchor_refused(project: Project) -> None:
    lines = fails(project, "deck:\n  title: &t T\nsections:\n  - title: *t\n")
    assert lines == [
        'deck.yaml:2:10: this text starts with & — put it in quotes: title: "&t T"',
        "      title: &t T",
        "             ^",
    ]


@pytest.mark.parametrize("literal", [".nan", ".NaN", ".inf", "-.inf"])
def test_not_finite_number_rejected_with_location(project: Project, literal: str) -> None:
    lines = fails(
        project,
        deck_with(f"""
            - kind: chart
              title: X
              chart:
                type: bar
                categories: [a, b]
                series: [{{name: s, values: [1, {literal}]}}]
        """),
    )
    assert lines == [
        f"deck.yaml:11:42: '{literal}' is not a finite number; "
        "write the value as text in quotes if meant"
    ]


def test_plain_scalars_keep_the_text_written(project: Project, tmp_path: Path) -> None:
    """``NO``, ``0123``, ``12:30``, ``1.10`` stay exactly as written in titles and labels."""
    project.write_deck(
        """
        deck:
          title: NO
          date: 2014-12-31
        sections:
          - divider: false
            slides:
              - kind: bullets
                title: 12:30
                items: [NO, 0123, 12:30, 1.10, 1e3, +5, off, y]
              - kind: metrics
                title: 1.10
                metrics:
                  - {value: 0123, label: NO}
                  - {value: 12:30, label: 1.10}
                  - {value: 7, label: 0123}
        """
    )
    output = tmp_path / "out.pptx"
    result = run_cli("build", "deck.yaml", "-o", output, cwd=project.root)
    assert_clean_exit(result, 0)
    prs = Presentation(str(output))
    assert prs.core_properties.title == "NO"
    first, second = prs.slides
    assert first.shapes.title.text_frame.text == "12:30"
    items = next(s for s in first.shapes if s.name == "List").text_frame
    assert [p.text for p in items.paragraphs] == [
        "NO", "0123", "12:30", "1.10", "1e3", "+5", "off", "y",
    ]  # fmt: skip
    assert second.shapes.title.text_frame.text == "1.10"
    tiles = {
        s.name: [p.text for p in s.text_frame.paragraphs]
        for s in second.shapes
        if s.name.startswith("Metric ")
    }
    assert tiles == {
        "Metric 1": ["0123", "NO"],
        "Metric 2": ["12:30", "1.10"],
        "Metric 3": ["7", "0123"],
    }


def test_boolean_spellings_kept_as_written(project: Project) -> None:
    project.write_deck(deck_with("- kind: bullets\n  title: TRUE\n  items: [True, FALSE]\n"))
    from slidegen import load_deck

    deck, _ = load_deck(project.deck)
    slide = deck.sections[0].slides[0]
    assert (slide.title, [i.text for i in slide.items]) == ("TRUE", ["True", "FALSE"])


# -- themes and assets -----------------------------------------------------------------------


def test_unknown_theme_names_the_available_ones(project: Project) -> None:
    lines = fails(project, "deck:\n  title: T\n  theme: cremone\nsections:\n  - title: S\n")
    assert lines == ["deck.yaml:3:10: unknown theme 'cremone'; available: cremona, neutral"]


def test_unknown_theme_lists_project_themes_too(project: Project) -> None:
    (project.root / "themes" / "mine").mkdir(parents=True)
    (project.root / "themes" / "mine" / "theme.yaml").write_text("name: Mine\n")
    lines = fails(project, "deck:\n  title: T\n  theme: nope\nsections:\n  - title: S\n")
    assert lines == ["deck.yaml:3:10: unknown theme 'nope'; available: cremona, mine, neutral"]


def test_unknown_command_line_theme_is_not_blamed_on_the_deck(project: Project) -> None:
    project.write_deck(deck_with("- kind: title\n"))
    result = run_cli("build", "deck.yaml", "--theme", "nope", cwd=project.root)
    assert_clean_exit(result, 1)
    (line,) = error_lines(result)
    assert "unknown theme 'nope'; available: cremona, neutral" in line
    assert not LOCATED.match(line), line


def test_missing_image_names_the_files_that_exist(project: Project) -> None:
    project.add_image("assets/logo.png")
    project.add_image("assets/piazza.png")
    (project.root / "assets" / ".hidden.png").write_bytes(b"")
    lines = fails(
        project, deck_with("- kind: image\n  title: X\n  image: assets/piaza.png\n  alt: a\n")
    )
    assert lines == [
        "deck.yaml:8:16: section 1, slide 1 «X», image: image 'assets/piaza.png' not found; "
        "files in assets/: logo.png, piazza.png"
    ]


@pytest.mark.parametrize("path", ["../x.png", "assets/../../x.png", "/etc/hostname"])
def test_image_path_outside_the_project(project: Project, path: str) -> None:
    lines = fails(project, deck_with(f"- kind: image\n  title: X\n  image: {path}\n  alt: a\n"))
    assert lines == [
        f"deck.yaml:8:16: section 1, slide 1 «X», image: '{path}' must be a path inside the "
        "project (relative, without '..')"
    ]


def test_image_symlink_out_of_the_project(project: Project, tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"")
    (project.root / "assets").mkdir()
    (project.root / "assets" / "link.png").symlink_to(outside)
    lines = fails(
        project, deck_with("- kind: image\n  title: X\n  image: assets/link.png\n  alt: a\n")
    )
    assert lines == [
        "deck.yaml:8:16: section 1, slide 1 «X», image: 'assets/link.png' points outside the "
        "project"
    ]


def test_image_that_is_not_an_image(project: Project) -> None:
    (project.root / "assets").mkdir()
    (project.root / "assets" / "fake.png").write_text("not a picture")
    lines = fails(
        project, deck_with("- kind: image\n  title: X\n  image: assets/fake.png\n  alt: a\n")
    )
    assert lines == [
        "deck.yaml:8:16: section 1, slide 1 «X», image: 'assets/fake.png' is not a readable "
        "image (PNG, JPEG, GIF, BMP, TIFF)"
    ]


# -- text --------------------------------------------------------------------------------------


def test_control_character_in_text(project: Project) -> None:
    lines = fails(
        project,
        deck_with("""
            - kind: bullets
              title: "A\\x07B"
              items: ["ok", "x\\x01y"]
        """),
    )
    assert lines == [
        "deck.yaml:7:16: section 1, slide 1, title: contains the control character U+0007",
        "deck.yaml:8:23: section 1, slide 1, item 2: contains the control character U+0001",
    ]


@pytest.mark.parametrize(
    "slide",
    [
        "- kind: statement\n  title: X\n  text: >\n    Oltre mille\n    appuntamenti\n",
        "- kind: bullets\n  title: X\n  items:\n    - |\n      one\n      two\n",
        '- kind: bullets\n  title: "A\\rB"\n  items: [a]\n',
        '- kind: bullets\n  title: "A\\u0085B"\n  items: [a]\n',
    ],
    ids=["folded-statement", "literal-item", "carriage-return", "next-line"],
)
def test_line_breaks_in_text_never_crash(project: Project, slide: str) -> None:
    project.write_deck(deck_with(slide))
    result = run_cli("check", "deck.yaml", cwd=project.root)
    assert not isinstance(result.exception, RuntimeError), repr(result.exception)
    assert result.exit_code in (0, 1)
    if result.exit_code == 1:
        assert all(LOCATED.match(line) for line in error_lines(result))


def test_null_list_item(project: Project) -> None:
    lines = fails(project, deck_with("- kind: bullets\n  title: X\n  items:\n    - a\n    -\n"))
    assert len(lines) == 1
    assert lines[0].startswith("deck.yaml:10:12: section 1, slide 1 «X», item 2: ")


# -- limits --------------------------------------------------------------------------------------


def test_too_many_metrics(project: Project) -> None:
    metrics = ", ".join(f"'**{n}** m{n}'" for n in range(1, 10))
    lines = fails(project, deck_with(f"- kind: metrics\n  title: X\n  metrics: [{metrics}]\n"))
    assert len(lines) == 1
    assert lines[0].startswith("deck.yaml:8:18: section 1, slide 1 «X», metrics: ")
    assert "at most 8 items" in lines[0]
    assert "not 9" in lines[0]


@pytest.mark.parametrize(("count", "bound"), [(1, "at least 2 items"), (4, "at most 3 items")])
def test_columns_count(project: Project, count: int, bound: str) -> None:
    columns = ", ".join(["{items: [a]}"] * count)
    lines = fails(project, deck_with(f"- kind: columns\n  title: X\n  columns: [{columns}]\n"))
    assert len(lines) == 1
    assert lines[0].startswith("deck.yaml:8:18: section 1, slide 1 «X», columns: ")
    assert bound in lines[0]
    assert f"not {count}" in lines[0]


def test_nesting_four_levels_deep(project: Project) -> None:
    lines = fails(
        project,
        deck_with("""
            - kind: bullets
              title: X
              items:
                - text: a
                  items:
                    - text: b
                      items:
                        - text: c
                          items: [d]
        """),
    )
    assert lines == [
        "deck.yaml:9:11: section 1, slide 1 «X», items: lists nest at most three levels deep"
    ]


def test_three_levels_are_fine(project: Project) -> None:
    project.write_deck(
        deck_with("""
            - kind: bullets
              title: X
              items:
                - text: a
                  items:
                    - text: b
                      items: [c]
        """)
    )
    assert_clean_exit(run_cli("check", "deck.yaml", cwd=project.root), 0)


def test_metric_short_form_needs_bold(project: Project) -> None:
    (line,) = fails(
        project, deck_with("- kind: metrics\n  title: X\n  metrics: ['475 comunicati']\n")
    )
    assert line.startswith(
        "deck.yaml:8:19: section 1, slide 1 «X», metric 1: a metric in short form needs its "
        "value in bold, e.g. '**475** comunicati stampa'"
    )


def test_series_length_must_match_categories(project: Project) -> None:
    lines = fails(
        project,
        deck_with("""
            - kind: bullets
              title: X
              items: [a]
              chart:
                type: bar
                categories: [a, b]
                series: [{name: s, values: [1]}]
        """),
    )
    assert lines == [
        "deck.yaml:10:11: section 1, slide 1 «X», chart: series 's' has 1 values for 2 categories"
    ]


def test_chart_slide_error_path_is_not_doubled(project: Project) -> None:
    lines = fails(
        project,
        deck_with("""
            - kind: chart
              title: X
              chart:
                type: bar
                categories: [a, b]
                series: [{name: s, values: [1]}]
        """),
    )
    assert lines == [
        "deck.yaml:9:11: section 1, slide 1 «X», chart: series 's' has 1 values for 2 categories"
    ]


# -- usage errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [("build", "--nope"), ("frobnicate",), ("build", "a.yaml", "b.yaml"), ("check", "--theme")],
)
def test_usage_errors_exit_2(project: Project, args: tuple[str, ...]) -> None:
    result = run_cli(*args, cwd=project.root)
    assert_clean_exit(result, 2)
    assert result.stderr.splitlines()[-1].startswith("Error: ")
    assert project.files() == {}


@pytest.mark.parametrize(
    ("metric", "shown"),
    [("**1.000** appuntamenti", "1.000"), ("**0123** codice", "0123")],
    ids=["italian-thousands", "leading-zero"],
)
def test_short_form_metric_keeps_its_figure(
    project: Project, tmp_path: Path, metric: str, shown: str
) -> None:
    project.write_deck(deck_with(f"- kind: metrics\n  title: M\n  metrics: ['{metric}']\n"))
    output = tmp_path / "out.pptx"
    assert_clean_exit(run_cli("build", "-o", output, cwd=project.root), 0)
    (tile,) = (s for s in Presentation(str(output)).slides[0].shapes if s.name == "Metric 1")
    assert tile.text_frame.paragraphs[0].text == shown


@pytest.mark.parametrize(
    ("line", "got"),
    [
        ("divider: NO", "'NO'"),
        ("divider: yes", "'yes'"),
        ("divider: 1", "1"),
        ("divider: On", "'On'"),
    ],
)
def test_a_flag_is_true_or_false_only(project: Project, line: str, got: str) -> None:
    # YAML 1.1's yes/no/on/off/1 are not booleans here: they are read as the text written.
    project.write_deck(
        f"""
        deck: {{title: T, date: 2014-12-31}}
        sections:
          - {line}
            slides:
              - {{kind: bullets, title: A, items: [a]}}
        """
    )
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    [message] = error_lines(result)
    column = line.index(":") + 7
    assert message == (
        f"deck.yaml:3:{column}: section 1, divider: expected true or false; got {got}"
    )
