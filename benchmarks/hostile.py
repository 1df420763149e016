"""Runaway-cost benchmark (issue 16): hostile sizes must cost time in proportion to them.

Run from the project root (a few minutes; ``--quick`` stops at 5,000 slides):

    .venv/bin/python benchmarks/hostile.py [--quick]

* n slides (2,500 → 20,000): python-pptx alone scans the slide list on every ``add_slide``
  (223 s for 20,000 before ``slidegen.render.package``); the goal is ms/slide at the largest
  size ≤ 1.5 × ms/slide at the smallest.
* a subtitle and notes at their caps (:data:`slidegen.model.MAX_TEXT`, ``MAX_NOTES``), the
  notes all ``[``: the goal is under 10 s each (before the caps and the linear link pattern:
  88 s for a 1 MB subtitle, minutes for 300,000 ``[``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from slidegen import build_deck
from slidegen.model import MAX_NOTES, MAX_TEXT


def timed_build(folder: Path, deck: str) -> float:
    """Seconds to build ``deck`` (its YAML text) in ``folder``."""
    source = folder / "deck.yaml"
    source.write_text(deck, encoding="utf-8")
    started = time.perf_counter()
    build_deck(source, output=folder / "out.pptx")
    return time.perf_counter() - started


def many_slides(count: int, per_section: int = 1_000) -> str:
    """A deck of ``count`` short list slides, in sections (a section takes at most 5,000)."""
    sections = []
    for first in range(0, count, per_section):
        slides = "".join(
            f"      - {{kind: bullets, title: Slide {i}, items: [one, two], notes: N{i}}}\n"
            for i in range(first, min(count, first + per_section))
        )
        sections.append(f"  - divider: false\n    slides:\n{slides}")
    return "deck: {title: Many, date: 2014-12-31}\nsections:\n" + "".join(sections)


def text_at_the_caps() -> str:
    subtitle = ("parola " * MAX_TEXT)[:MAX_TEXT]
    notes = "[" * (MAX_NOTES - 20) + "](https://x.it"
    return (
        f"deck: {{title: Caps, date: 2014-12-31, subtitle: '{subtitle}'}}\nsections:\n"
        f"  - divider: false\n    slides:\n      - {{kind: title, notes: '{notes}'}}\n"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 to 5,000 slides")
    options = parser.parse_args(argv)
    sizes = (500, 5_000) if options.quick else (2_500, 20_000)
    passed = True
    with tempfile.TemporaryDirectory() as folder:
        per_slide = []
        for count in sizes:
            seconds = timed_build(Path(folder), many_slides(count))
            per_slide.append(1000 * seconds / count)
            print(f"{count:>6} slides: {seconds:7.1f} s  {per_slide[-1]:.2f} ms/slide")
        linear = per_slide[-1] <= 1.5 * per_slide[0]
        print(f"linear (≤ 1.5 × ms/slide): {'PASS' if linear else 'FAIL'}")
        seconds = timed_build(Path(folder), text_at_the_caps())
        capped = seconds < 10
        print(f"text at the caps: {seconds:.1f} s  {'PASS' if capped else 'FAIL'}")
        passed = linear and capped
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
