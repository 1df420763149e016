"""Costs stay linear in the input: every free text has a cap, checked before anything else
reads it, and the link pattern scans each character a bounded number of times.

Issue 16: a 1 MB subtitle took 88 s (text fitting measures it at every size step), 300,000
``[`` in the notes ran for minutes (the link pattern was quadratic). The timings themselves
are in ``benchmarks/hostile.py``; the tests here assert the structure that keeps them short.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from helpers import LOCATED, Project, assert_clean_exit, error_lines, run_cli
from slidegen.markup import LINK
from slidegen.model import MAX_NOTES, MAX_TEXT
from slidegen.schema_generator import deck_schema

BOUNDED = {"maxLength", "enum", "const", "pattern", "format"}
"""What keeps a string in the schema short: a cap, a list of choices or a fixed form."""


def strings(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every ``"type": "string"`` in a JSON Schema, with where it is."""
    if isinstance(node, dict):
        if node.get("type") == "string":
            yield path, node
        for key, value in node.items():
            yield from strings(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, f"{path}/{index}")


def test_every_text_in_the_deck_format_has_a_cap() -> None:
    schema = deck_schema()
    found = list(strings(schema))
    assert len(found) > 40  # the walk reaches into every kind
    unbounded = [path for path, node in found if not BOUNDED & node.keys()]
    assert unbounded == []
    caps = {node["maxLength"] for _, node in found if "maxLength" in node}
    assert max(caps) == MAX_NOTES


@pytest.mark.parametrize(
    ("field", "slide", "limit"),
    [
        ("subtitle", "{kind: title, subtitle: 'TEXT'}", MAX_TEXT),
        ("caption", "{kind: image, title: I, image: a.png, alt: A, caption: 'TEXT'}", MAX_TEXT),
        ("notes", "{kind: statement, title: S, text: S, notes: 'TEXT'}", MAX_NOTES),
        ("note", "{kind: bullets, title: B, items: [{text: x, note: 'TEXT'}]}", MAX_TEXT),
    ],
)
def test_text_over_its_cap_is_a_located_error(
    project: Project, field: str, slide: str, limit: int
) -> None:
    project.write_slides("- " + slide.replace("TEXT", "[" * 300_000))
    started = time.perf_counter()
    result = run_cli("build", "deck.yaml", cwd=project.root)
    assert time.perf_counter() - started < 30  # minutes before the cap
    assert_clean_exit(result, 1)
    (line,) = error_lines(result)
    assert LOCATED.match(line), line
    assert line.endswith(f" {field}: takes at most {limit} characters, not 300000"), line


def test_text_at_its_cap_builds(project: Project) -> None:
    notes = "[" * (MAX_NOTES - 20) + "](https://x.it"
    subtitle = ("parola " * MAX_TEXT)[:MAX_TEXT]
    project.write_slides(f"- {{kind: title, subtitle: '{subtitle}', notes: '{notes}'}}")
    result = run_cli("build", "deck.yaml", cwd=project.root)
    assert_clean_exit(result, 0)


def test_the_link_pattern_is_linear_in_the_brackets() -> None:
    """From each ``[`` the search stops at the next one: 40,000 of them are one pass (the
    quadratic pattern took about 6 s here, and minutes at 300,000)."""
    text = "[" * 40_000 + "](https://example.org"
    started = time.perf_counter()
    assert list(LINK.finditer(text)) == []
    assert time.perf_counter() - started < 1.0
    assert LINK.match("[a[b](https://x.it)") is None  # a link's text never spans a '['


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("[a [b](https://x.it)", [("b", "https://x.it")]),
        ("[Cremona](https://it.wikipedia.org/wiki/Cremona_(città))", None),
        ("[one](https://a.it) and [two](mailto:b@c.it)", [("one", None), ("two", None)]),
    ],
)
def test_links_are_still_found(text: str, links: list[tuple[str, str | None]] | None) -> None:
    found = [(match["text"], match["url"]) for match in LINK.finditer(text)]
    if links is None:
        assert found == [("Cremona", "https://it.wikipedia.org/wiki/Cremona_(città)")]
        return
    assert [name for name, _ in found] == [name for name, _ in links]
    assert all(url == want for (_, url), (_, want) in zip(found, links, strict=True) if want)
