"""Synthetic decks for the benchmark: every slide kind in a cycle, ~30% with native charts, and
the same content as Markdown for pandoc; and the one-bullet edit of the default deck."""

from __future__ import annotations

import random
import re
from typing import Any

CYCLE = ("section", "bullets", "chart", "columns", "metrics", "bullets+chart", "statement")
CYCLE += ("metrics+chart", "image", "bullets")  # 3 charts in 10 slides: 150 in 500
CHART_TYPES = ("bar", "column", "pie", "line")
WORDS = ("Bilancio", "Quartieri", "Scuole", "Cultura", "Mobilità", "Ambiente", "Sport", "Lavoro")


def chart_spec(i: int, rnd: random.Random) -> dict[str, Any]:
    kind = CHART_TYPES[(i // 10 + i % 10) % len(CHART_TYPES)]
    categories = [WORDS[(i + k) % len(WORDS)] for k in range(3 + (i // 10 + i) % 6)]
    series = [
        {"name": f"{2013 + s}", "values": [rnd.randint(2, 99) for _ in categories]}
        for s in range(1 if kind == "pie" else 1 + i % 2)
    ]
    return {"type": kind, "categories": categories, "series": series}


def synthetic_slide(i: int, last: int) -> dict[str, Any]:
    rnd = random.Random(i)
    word = WORDS[i % len(WORDS)]
    if i == 0:
        return {"kind": "title"}
    kind = "closing" if i == last else CYCLE[i % len(CYCLE)]
    slide: dict[str, Any] = {"kind": kind.split("+")[0], "title": f"{word} {i}"}
    items = [f"Punto {k} su **{word.lower()}**" for k in range(1, 3 + i % 3)]
    metrics = [f"**{rnd.randint(5, 999)}** {w.lower()}" for w in WORDS[: 2 + i % 3]]
    if kind == "bullets":
        slide |= {"items": [*items, {"text": "Dettaglio", "items": ["Uno", "Due"]}]}
    elif kind == "bullets+chart":
        slide |= {"items": items, "chart": chart_spec(i, rnd)}
    elif kind == "chart":
        slide |= {"chart": chart_spec(i, rnd), "caption": f"Fonte: ufficio {i}"}
    elif kind == "columns":
        slide["columns"] = [{"heading": w, "items": items[:3]} for w in WORDS[:2]]
    elif kind.startswith("metrics"):
        slide["metrics"] = metrics
        if kind == "metrics+chart":
            slide["chart"] = chart_spec(i, rnd)
    elif kind == "statement":
        slide["text"] = f"Oltre **{rnd.randint(100, 999)} INCONTRI** in {word.lower()}"
    elif kind == "closing":
        slide["keywords"] = list(WORDS[:4])
    elif kind == "image":
        slide |= {"image": "assets/neutral-mark.png", "alt": f"Marchio {i}"}
    slide["notes"] = f"Note per la slide {i}."
    return slide


def synthetic_deck(n: int) -> dict[str, Any]:
    info = {"title": f"Benchmark {n}", "subtitle": "Slide sintetiche", "language": "it-IT"}
    slides = [synthetic_slide(i, n - 1) for i in range(n)]
    return {"deck": info | {"theme": "cremona"}, "sections": [{"divider": False, "slides": slides}]}


def as_markdown(deck: dict[str, Any]) -> str:
    """The same content for pandoc: ``# title`` and a bullet list per slide."""
    out = [f"% {deck['deck']['title']}\n% {deck['deck']['subtitle']}\n"]
    for slide in deck["sections"][0]["slides"][1:]:
        lines = [f"# {slide['title']}", ""]
        for item in slide.get("items", []):
            lines += [f"- {item}"] if isinstance(item, str) else [f"- {item['text']}"]
            lines += [f"    - {sub}" for sub in (item["items"] if isinstance(item, dict) else [])]
        for column in slide.get("columns", []):
            lines += [f"- {column['heading']}", *(f"    - {x}" for x in column["items"])]
        lines += [f"- {m}" for m in slide.get("metrics", []) + slide.get("keywords", [])]
        if chart := slide.get("chart"):
            for series in chart["series"]:
                pairs = zip(chart["categories"], series["values"], strict=True)
                lines += [f"- {series['name']}", *(f"    - {c}: {v}" for c, v in pairs)]
        lines += [slide[key] for key in ("text", "caption") if key in slide]
        if "image" in slide:
            lines.append(f"![{slide['alt']}]({slide['image']})")
        out.append("\n".join(lines) + f"\n\n::: notes\n{slide['notes']}\n:::\n")
    return "\n".join(out)


def edit_one_bullet(text: str) -> str:
    """Append a word to the first plain bullet under an ``items:`` key (text-only edit)."""
    lines, key = text.splitlines(keepends=True), ""
    for n, line in enumerate(lines):
        stripped = line.strip()
        if key == "items:" and re.fullmatch(r"- [^\W\d][^:#\"'\[{]*", stripped):
            lines[n] = line.rstrip("\n") + " (rev.)\n"
            return "".join(lines)
        if stripped.endswith(":") and not stripped.startswith("#"):
            key = stripped.removeprefix("- ")
    raise ValueError("no plain bullet under 'items:' found in deck.yaml")
