"""Links in text: ``[text](https://…)`` becomes a real hyperlink; bad or over-long ones are
located errors (PowerPoint drops links past ~2,000 characters when it repairs a file)."""

from __future__ import annotations

import io

from pptx import Presentation

from helpers import Project, assert_clean_exit, error_lines, run_cli
from slidegen import compile_deck
from slidegen.markup import Run, parse_inline, plain_text

DECK = """\
deck: {{title: Links}}
sections:
  - divider: false
    slides:
      - kind: bullets
        title: Link
        items: [{items}]
"""


def test_parse_links_with_emphasis_inside() -> None:
    assert parse_inline("Il [**sito**](https://a.it) nuovo") == [
        Run("Il "),
        Run("sito", bold=True, link="https://a.it"),
        Run(" nuovo"),
    ]
    assert plain_text("Il [sito](https://a.it)") == "Il sito"


def test_links_become_hyperlinks(project: Project) -> None:
    items = '"Il [**sito**](https://www.comune.cremona.it) e [posta](mailto:a@b.it)"'
    compiled = compile_deck(project.write_deck(DECK.format(items=items)))
    prs = Presentation(io.BytesIO(compiled.data))
    shape = next(s for s in prs.slides[0].shapes if s.name == "List")
    runs = shape.text_frame.paragraphs[0].runs
    assert [(r.text, r.hyperlink.address) for r in runs] == [
        ("Il ", None),
        ("sito", "https://www.comune.cremona.it"),
        (" e ", None),
        ("posta", "mailto:a@b.it"),
    ]


def test_over_long_and_unsafe_links_are_located_errors(project: Project) -> None:
    long_url = "https://a.it/" + "a" * 2100
    items = f'"[x]({long_url})", "[y](javascript:alert)"'
    project.write_deck(DECK.format(items=items))
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        "deck.yaml:7:17: sections[0].slides[0].items[0]: link is 2,113 characters long; "
        "PowerPoint accepts at most 2,000",
        f"deck.yaml:7:{17 + len(long_url) + 9}: sections[0].slides[0].items[1]: link "
        "'javascript:alert' must start with https://, http:// or mailto:",
    ]
