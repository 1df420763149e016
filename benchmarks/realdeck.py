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


def scaled_deck(deck: dict[str, Any], n: int) -> dict[str, Any]:
    """``deck`` with its sections repeated until it has about ``n`` slides; every copy's
    titles carry its round (titles stay unique), the cover only once."""
    per_round = slide_count(deck)
    rounds = max(1, round(n / per_round))
    sections = []
    for round_number in range(1, rounds + 1):
        for section in deck["sections"]:
            section = copy.deepcopy(section)
            if round_number > 1:
                section["slides"] = [s for s in section["slides"] if s.get("kind") != "title"]
                if section.get("title"):
                    section["title"] = f"{section['title']} ({round_number})"
                for slide in section["slides"]:
                    if slide.get("title"):
                        slide["title"] = f"{slide['title']} ({round_number})"
            if section["slides"] or section.get("title"):
                sections.append(section)
    return {**deck, "sections": sections}


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
