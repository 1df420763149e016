"""Links in text: ``[text](https://…)`` becomes a real hyperlink; bad or over-long ones are
located errors (PowerPoint drops links past ~2,000 characters when it repairs a file)."""

from __future__ import annotations

import io

from pptx import Presentation

from helpers import Project, assert_clean_exit, error_lines, run_cli
from slidegen import compile_deck
from slidegen.markup import Run, link_target, parse_inline, parse_paragraphs, plain_text

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
    long_url = "https://a.it/" + "à" * 400  # 413 characters, 2,413 percent-encoded
    items = f'"[x]({long_url})", "[y](javascript:alert)"'
    project.write_deck(DECK.format(items=items))
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        "deck.yaml:7:17: section 1, slide 1 «Link», item 1: link is 2,413 characters long; "
        "PowerPoint accepts at most 2,000",
        f"deck.yaml:7:{17 + len(long_url) + 9}: section 1, slide 1 «Link», item 2: link "
        "'javascript:alert' must start with https://, http:// or mailto:",
    ]


def test_link_urls_may_hold_balanced_parentheses() -> None:
    url = "https://it.wikipedia.org/wiki/Cremona_(città)"
    assert parse_inline(f"Vedi [Cremona]({url}) ora") == [
        Run("Vedi "),
        Run("Cremona", link=url),
        Run(" ora"),
    ]
    # An unbalanced ')' still ends the link, as in CommonMark.
    assert parse_inline("([a](https://a.it/x))") == [
        Run("("),
        Run("a", link="https://a.it/x"),
        Run(")"),
    ]


def test_link_targets_are_ascii_uris() -> None:
    assert link_target("https://it.wikipedia.org/wiki/Cremona_(città)") == (
        "https://it.wikipedia.org/wiki/Cremona_(citt%C3%A0)"
    )
    assert link_target("https://a.it/a%20b?q=1&r=[2]#x") == "https://a.it/a%20b?q=1&r=[2]#x"
    assert link_target('https://a.it/{x}|"y"') == "https://a.it/%7Bx%7D%7C%22y%22"


def test_link_length_counts_the_encoded_target(project: Project) -> None:
    """PowerPoint's limit applies to what the file holds: each 'è' is 6 characters there."""
    url = "https://a.it/" + "è" * 340  # 353 characters as written, 2,053 encoded
    project.write_deck(DECK.format(items=f'"[x]({url})"'))
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert "link is 2,053 characters long" in result.stderr


def test_paragraphs_and_line_breaks_of_notes() -> None:
    text = "Uno **due\ntre** quattro\r\n\n \n  Cinque [*sei*](https://a.it)\nsette"
    assert parse_paragraphs(text) == [
        [Run("Uno "), Run("due\ntre", bold=True), Run(" quattro")],
        [Run("Cinque "), Run("sei", italic=True, link="https://a.it"), Run("\nsette")],
    ]
    assert parse_paragraphs("\n\n") == []


def test_a_stray_percent_and_a_second_hash_are_escaped() -> None:
    """A URI holds only %XX escapes and one fragment (RFC 3986): ISO 29500 needs a URI."""
    assert link_target("https://a.it/100%/x#/route#b") == "https://a.it/100%25/x#/route%23b"
    assert link_target("https://a.it/%C3%A0%2") == "https://a.it/%C3%A0%252"
    assert link_target("https://a.it/?q=1#top") == "https://a.it/?q=1#top"
