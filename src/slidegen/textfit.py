"""Measure text with real font metrics and find the size at which it fits a box.

Fonts are the theme's metric-compatible stand-ins (Carlito for Calibri, Liberation Sans for
Arial), looked up in the usual font folders and read with Pillow (a python-pptx dependency).
Measuring with the same metrics LibreOffice and PowerPoint use is what lets slidegen know,
before anyone opens the file, whether a bullet runs off the slide.
"""

from __future__ import annotations

import functools
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

from .fontfacts import FontFacts, facts
from .markup import Run

_REFERENCE_SIZE = 200  # measure at a large pixel size and scale linearly
_FALLBACK_ADVANCE = 0.52  # average advance (em) of a sans-serif, when no font file is found
_FALLBACK_LINE = 1.2
_MIN_LINE = 1.2
_REGULAR = ("book", "roman", "normal")


def _font_dirs() -> list[Path]:
    dirs = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        Path.home() / ".fonts",
        Path.home() / ".local/share/fonts",
    ]
    if sys.platform == "darwin":
        dirs += [
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts"),
            Path.home() / "Library/Fonts",
        ]
    if sys.platform == "win32":
        dirs.append(Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts")
    return [d for d in dirs if d.is_dir()]


@functools.cache
def _font_files() -> tuple[Path, ...]:
    files: list[Path] = []
    for folder in _font_dirs():
        files.extend(p for p in folder.rglob("*") if p.suffix.lower() in (".ttf", ".otf"))
    return tuple(sorted(files))


@functools.cache
def find_font(family: str, bold: bool, italic: bool) -> Path | None:
    """The file of ``family`` in the wanted style, or None if it is not installed."""
    stem = family.replace(" ", "").lower()
    wanted = {
        (False, False): "regular",
        (True, False): "bold",
        (False, True): "italic",
        (True, True): "bold italic",
    }[(bold, italic)]
    for path in _font_files():
        if not path.name.replace(" ", "").lower().startswith(stem):
            continue
        try:
            name, style = ImageFont.truetype(str(path), 10).getname()
        except OSError:
            continue
        style = (style or "").lower()
        style = "regular" if style in _REGULAR else style  # DejaVu's regular is "Book"
        if (name or "").lower() == family.lower() and style == wanted:
            return path
    return None


@dataclass(frozen=True)
class FaceMetrics:
    """Widths and line height of one font face, in em."""

    path: Path | None

    @functools.cached_property
    def _font(self) -> ImageFont.FreeTypeFont | None:
        return ImageFont.truetype(str(self.path), _REFERENCE_SIZE) if self.path else None

    @functools.cached_property
    def _facts(self) -> FontFacts:
        # What earlier builds measured with this file: a warm build opens no font at all.
        return facts(self.path) if self.path else FontFacts()

    def advance(self, text: str) -> float:
        """Width of ``text`` in em.

        Widths in em do not depend on the size, so each word is measured once per face (and
        kept between builds, :mod:`slidegen.fontfacts`): the size search in :func:`fit_text`
        only adds numbers.
        """
        known = self._facts.advances.get(text)
        if known is not None:
            return known
        if self._font is None:
            return len(text) * _FALLBACK_ADVANCE
        width = self._font.getlength(text) / _REFERENCE_SIZE
        self._facts.learn_advance(text, width)
        return width

    @functools.cached_property
    def line_height(self) -> float:
        """Single line spacing in em (ascent + descent, as LibreOffice and PowerPoint use)."""
        if self._facts.line_height is not None:
            return self._facts.line_height
        if self._font is None:
            return _FALLBACK_LINE
        # FreeType's height = ascender + descender + line gap: single spacing in both apps,
        # except that neither sets lines closer than 1.2 em (LibreOffice's PDFs of Liberation
        # Sans, whose own height is 1.15 em, have lines 1.2 em apart).
        height = max(self._font.font.height / _REFERENCE_SIZE, _MIN_LINE)
        self._facts.learn_line_height(height)
        return height


@functools.cache
def face(family: str, bold: bool = False, italic: bool = False) -> FaceMetrics:
    return FaceMetrics(find_font(family, bold, italic) or find_font(family, False, False))


@dataclass(frozen=True)
class Line:
    """A paragraph to measure: its runs, relative size, left indent and spacing (in em)."""

    runs: tuple[Run, ...]
    family: str
    scale: float = 1.0
    indent_em: float = 0.0
    space_before_em: float = 0.0
    line_spacing: float = 1.0


@functools.lru_cache(maxsize=8192)
def _word_widths(line: Line) -> tuple[tuple[float, float], ...]:
    """Each word's width with its trailing space and without, in em at scale 1.

    Cached per paragraph: the size search measures the same paragraphs at every step.
    """
    widths: list[tuple[float, float]] = []
    for run in line.runs:
        metrics = face(line.family, run.bold, run.italic)
        for piece in _pieces(run.text):
            widths.append((metrics.advance(piece), metrics.advance(piece.rstrip())))
    return tuple(widths)


def count_lines(line: Line, width_em: float) -> int:
    """Lines ``line`` wraps to in a box ``width_em`` wide (greedy, like text engines)."""
    lines, used = 1, 0.0
    available = max(width_em - line.indent_em, 1.0)
    for full, bare in _word_widths(line):
        width, visible = full * line.scale, bare * line.scale
        if used and used + visible > available:
            lines += 1
            used = 0.0
        # A single word wider than the box breaks across lines.
        if visible > available:
            broken = math.ceil(visible / available) - 1
            lines += broken
            visible -= broken * available
            width -= broken * available
        used += width
    return lines


def widest_word(line: Line) -> float:
    """The widest piece of ``line`` no line break may split (em, at its scale): a box
    narrower than it breaks a word across lines."""
    return max((bare for _, bare in _word_widths(line)), default=0.0) * line.scale


@functools.lru_cache(maxsize=1024)
def _hyphen_ends(line: Line) -> tuple[bool, ...]:
    """Per piece of :func:`_word_widths`, whether a line break after it would cut a word at
    its hyphen ("socio-" of "socio-sanitari"; not "2014 -" nor a hyphen before a space)."""
    pieces = [piece for run in line.runs for piece in _pieces(run.text)]
    return tuple(
        len(piece) > 1
        and piece.endswith("-")
        and piece[-2].isalnum()
        and index + 1 < len(pieces)
        and not pieces[index + 1][:1].isspace()
        for index, piece in enumerate(pieces)
    )


def _pieces(text: str) -> list[str]:
    """``text`` cut where lines may break: after a space or a hyphen, never at a no-break
    space. Not after "/": LibreOffice keeps "su/con" whole, and measuring it whole can only
    err towards more lines."""
    pieces, token = [], ""
    for char in text:
        token += char
        if char in " -":
            pieces.append(token)
            token = ""
    return [*pieces, token] if token else pieces


@dataclass(frozen=True)
class Wrap:
    """How a paragraph wraps in a box: its lines, how many of them end after a hyphen inside
    a word, and the widths (em, like the box's) between which it wraps just so: narrower
    than ``narrowest`` a line loses a word, from ``widest`` on one takes the next."""

    lines: int
    hyphen_breaks: int
    narrowest: float
    widest: float
    broken_word: bool = False
    """A word wider than the box is broken across lines."""


def wrap(line: Line, width_em: float) -> Wrap:
    """Where ``line`` breaks in a box ``width_em`` wide: the same greedy wrap as
    :func:`count_lines`, with where it breaks and how far the box may change before a break
    moves."""
    available = max(width_em - line.indent_em, 1.0)
    hyphens = _hyphen_ends(line)
    lines, breaks_at_hyphen, broken = 1, 0, False
    used = shown = 0.0  # the current line: with the last piece's trailing space, without
    narrowest, widest = 0.0, math.inf
    for index, (full, bare) in enumerate(_word_widths(line)):
        width, visible = full * line.scale, bare * line.scale
        if used and used + visible > available:
            widest = min(widest, used + visible)
            narrowest = max(narrowest, shown)
            breaks_at_hyphen += hyphens[index - 1]
            lines += 1
            used = shown = 0.0
        if visible > available:
            broken = True
            pieces = math.ceil(visible / available) - 1
            lines += pieces
            visible -= pieces * available
            width -= pieces * available
        shown = used + visible
        used += width
    narrowest = max(narrowest, shown)
    if broken:
        narrowest = available
    return Wrap(
        lines,
        breaks_at_hyphen,
        narrowest + line.indent_em,
        widest + line.indent_em,
        broken,
    )


def text_height_em(lines: list[Line], width_em: float) -> float:
    """Height of the paragraphs in em of the frame's size."""
    total = 0.0
    for index, line in enumerate(lines):
        metrics = face(line.family)
        per_line = metrics.line_height * line.scale * line.line_spacing
        total += count_lines(line, width_em) * per_line
        if index:
            total += line.space_before_em * line.scale
    return total


@dataclass(frozen=True)
class Fit:
    """The chosen size and how far the text overflows its box at that size (0 = it fits)."""

    size: float
    overflow_pt: float


def fit_text(
    lines: list[Line], width_pt: float, height_pt: float, max_size: float, min_size: float
) -> Fit:
    """Largest size in [min_size, max_size] (half-point steps) at which ``lines`` fit the box."""
    size = max_size
    while True:
        height = text_height_em(lines, width_pt / size) * size
        if height <= height_pt or size <= min_size:
            return Fit(size, max(0.0, height - height_pt))
        size = max(min_size, size - 0.5)
