"""Where a problem is in the deck, for programs and for people.

The key path ``('sections', 2, 'slides', 1, 'columns', 0, 'items', 1)`` is written
``sections[2].slides[1].columns[0].items[1]`` for programs (``--format json``'s ``path``) and
``section 3 «In relazione con altri territori», slide 2 «Con altri sindaci», column 1,
item 2`` for people: counted from 1, with the titles the deck gives them, in the run's
language. Other keys stay keys as written in the file (``chart.type``).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .i18n import N_, _
from .messages import shortened

KeyPath = tuple[str | int, ...]

NOUNS = {
    "sections": N_("section {number}"),
    "slides": N_("slide {number}"),
    "columns": N_("column {number}"),
    "items": N_("item {number}"),
    "rows": N_("row {number}"),
    "series": N_("series {number}"),
    "categories": N_("category {number}"),
    "values": N_("value {number}"),
    "targets": N_("target {number}"),
    "metrics": N_("metric {number}"),
    "keywords": N_("keyword {number}"),
    "milestones": N_("milestone {number}"),
}
"""What one element of each list of the deck format is called; an element of another list
is an item (``colors.chart, item 2``)."""
CELL = N_("cell {number}")
"""An element of a list inside a list (a table's row)."""
TITLE_KEYS = ("title", "heading", "name", "label")
"""The keys whose text names an element (a slide's title, a column's heading); a title with
control characters is not repeated (it has a message of its own)."""
TITLE_LIMIT = 50


class Key(NamedTuple):
    """A key path in both spellings."""

    path: str = ""
    place: str = ""


NO_KEY = Key()
"""No place in the deck (the theme's logo, a file named on the command line)."""


def format_path(path: KeyPath) -> str:
    """``('sections', 2, 'title')`` → ``sections[2].title``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def describe_place(path: KeyPath, data: Any) -> str:
    """``('sections', 2, 'slides', 3, 'chart', 'type')`` → ``section 3 «…», slide 4 «…»,
    chart.type``; the titles come from ``data``, the deck as loaded."""
    words: list[str] = []
    keys: list[str] = []
    node, above = data, None
    for index, part in enumerate(path):
        if isinstance(part, int):
            list_key = keys.pop() if keys and keys[-1] in NOUNS else None
            if keys:  # a list slidegen has no word for stays a key: its elements are items
                words.append(".".join(keys))
                keys = []
            node = _child(node, part)
            # A place inside the title itself does not repeat it (it may be what is wrong).
            titled = path[index + 1 : index + 2] not in {(key,) for key in TITLE_KEYS}
            words.append(_element(list_key, above, part + 1, node if titled else None))
        else:
            keys.append(part)
            node = _child(node, part)
        above = part
    if keys:
        words.append(".".join(keys))
    return ", ".join(words)


def key_of(path: KeyPath, data: Any) -> Key:
    """The key path ``path`` in both spellings."""
    return Key(format_path(path), describe_place(path, data))


def _element(list_key: str | None, above: str | int | None, number: int, node: Any) -> str:
    if list_key is not None:
        noun = _(NOUNS[list_key]).format(number=number)
    elif isinstance(above, int):
        noun = _(CELL).format(number=number)
    else:
        noun = _(NOUNS["items"]).format(number=number)
    title = _title(node)
    return f"{noun} «{title}»" if title else noun


def _title(node: Any) -> str:
    if not isinstance(node, dict):
        return ""
    for key in TITLE_KEYS:
        title = node.get(key)
        if isinstance(title, str) and title.strip() and title.isprintable():
            return shortened(" ".join(title.split()), TITLE_LIMIT)
    return ""


def _child(node: Any, part: str | int) -> Any:
    if isinstance(part, int):
        return node[part] if isinstance(node, list) and 0 <= part < len(node) else None
    return node.get(part) if isinstance(node, dict) else None
