"""Real content for the benchmark: the repository's deck scaled to n slides (its sections
repeated, titles numbered, images and target charts kept), and the same text as Markdown for
pandoc."""

from __future__ import annotations

import copy
from typing import Any


def slide_count(deck: dict[str, Any]) -> int:
    return sum(
        int(bool(s.get("title")) and s.get("divider", True)) + len(s["slides"])
        for s in deck["sections"]
    )


MAX_SECTIONS = 500
"""The deck format's cap on sections: a deck of short sections repeats slides inside them."""


def scaled_deck(deck: dict[str, Any], n: int) -> dict[str, Any]:
    """``deck`` with its sections repeated until it has about ``n`` slides; every copy's
    titles carry its round (titles stay unique), the cover only once. Past the format's 500
    sections, a round's slides join the same section of an earlier round."""
    allowed = max(1, MAX_SECTIONS // max(1, len(deck["sections"])))
    rounds = _rounds(deck, n, allowed)
    sections: list[dict[str, Any]] = []
    for round_number in range(1, rounds + 1):
        copies = [_copy(section, round_number) for section in deck["sections"]]
        if round_number <= allowed:
            sections += [c for c in copies if c["slides"] or c.get("title")]
            continue
        host = (round_number - 1) % allowed  # an earlier round's sections take the slides
        kept = [
            c
            for c in (_copy(s, host + 1) for s in deck["sections"])
            if c["slides"] or c.get("title")
        ]
        offset = host * len(kept)
        for index, copy_ in enumerate(c for c in copies if c["slides"] or c.get("title")):
            sections[offset + index]["slides"] += copy_["slides"]
    return {**deck, "sections": sections}


def _rounds(deck: dict[str, Any], n: int, allowed: int) -> int:
    """How many rounds make closest to ``n`` slides (merged rounds add no dividers)."""
    sections = deck["sections"]
    dividers = sum(int(bool(s.get("title")) and s.get("divider", True)) for s in sections)
    covers = sum(1 for s in sections for slide in s["slides"] if slide.get("kind") == "title")
    content = sum(len(s["slides"]) for s in sections) - covers

    def count(r: int) -> int:
        return covers + r * content + min(r, allowed) * dividers

    rounds = 1
    while count(rounds + 1) <= n or abs(count(rounds + 1) - n) < abs(count(rounds) - n):
        rounds += 1
    return rounds


def _copy(section: dict[str, Any], round_number: int) -> dict[str, Any]:
    section = copy.deepcopy(section)
    if round_number > 1:
        section["slides"] = [s for s in section["slides"] if s.get("kind") != "title"]
        if section.get("title"):
            section["title"] = f"{section['title']} ({round_number})"
        for slide in section["slides"]:
            if slide.get("title"):
                slide["title"] = f"{slide['title']} ({round_number})"
    return section


def as_markdown(deck: dict[str, Any]) -> str:
    """The deck's text for pandoc: a ``#`` heading and a bullet list per slide, notes kept."""
    info = deck["deck"]
    out = [f"% {info['title']}\n% {info.get('subtitle', '')}\n"]
    for section in deck["sections"]:
        if section.get("title") and section.get("divider", True):
            out.append(f"# {section['title']}\n")
        for slide in section["slides"]:
            if slide.get("kind") == "title":
                continue
            lines = [f"# {slide.get('title', '')}", ""]
            lines += _items(slide.get("items", []), 0)
            for column in slide.get("columns", []):
                lines += [f"- {column.get('heading', '')}", *_items(column["items"], 1)]
            lines += [f"- {_text(m)}" for m in slide.get("metrics", []) + slide.get("keywords", [])]
            lines += [slide[key] for key in ("text", "caption", "tagline") if key in slide]
            if "image" in slide:
                lines.append(f"![{slide.get('alt', '')}]({slide['image']})")
            notes = slide.get("notes")
            out.append("\n".join(lines) + (f"\n\n::: notes\n{notes}\n:::\n" if notes else "\n"))
    return "\n".join(out)


def _items(items: list[Any], level: int) -> list[str]:
    lines = []
    for item in items:
        lines.append(f"{'    ' * level}- {_text(item)}")
        if isinstance(item, dict):
            lines += _items(item.get("items", []), level + 1)
    return lines


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("text") or value.get("label") or value.get("value") or "")
    return str(value)
