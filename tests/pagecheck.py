"""Is any rendered word outside the box it belongs in? Words from a PDF (poppler's
``pdftotext -bbox``) against the boxes of the slide's shapes (python-pptx resolves a
placeholder's box through its layout and master, as PowerPoint does)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
TOLERANCE_PT = 2.0
"""Glyphs may reach past the box by a hair (italic overhang)."""


@dataclass(frozen=True)
class Rect:
    left: float
    top: float
    right: float
    bottom: float

    def holds(self, word: Rect) -> bool:
        # A word's box is its font's full height, which reaches past the line it sits on.
        slack_y = max(TOLERANCE_PT, 0.2 * (word.bottom - word.top))
        return (
            word.left >= self.left - TOLERANCE_PT
            and word.right <= self.right + TOLERANCE_PT
            and word.top >= self.top - slack_y
            and word.bottom <= self.bottom + slack_y
        )


def words_outside_boxes(pptx: Path, pdf: Path) -> list[str]:
    """``slide N: 'word'`` for every word drawn outside every shape of its slide."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext (poppler-utils) is needed to check rendered pages")
    done = subprocess.run(
        [pdftotext, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    prs = Presentation(str(pptx))
    slide_width = prs.slide_width or 1
    outside = []
    pages = _PAGE.findall(done.stdout)
    for number, (slide, (width, _height, words)) in enumerate(
        zip(prs.slides, pages, strict=True), start=1
    ):
        scale = float(width) / slide_width  # points per EMU
        layout = slide.slide_layout
        drawn = [
            *slide.shapes,
            *(shape for shape in layout.shapes if not shape.is_placeholder),
            *(shape for shape in layout.slide_master.shapes if not shape.is_placeholder),
        ]
        boxes = [box for box in map(lambda shape: _rect(shape, scale), drawn) if box]
        for x0, y0, x1, y1, text in _WORD.findall(words):
            word = Rect(float(x0), float(y0), float(x1), float(y1))
            if not any(box.holds(word) for box in boxes):
                outside.append(f"slide {number}: {html.unescape(text)!r}")
    return outside


def _rect(shape: object, scale: float) -> Rect | None:
    left, top = getattr(shape, "left", None), getattr(shape, "top", None)
    width, height = getattr(shape, "width", None), getattr(shape, "height", None)
    if None in (left, top, width, height):
        return None
    return Rect(left * scale, top * scale, (left + width) * scale, (top + height) * scale)  # type: ignore[operator]
