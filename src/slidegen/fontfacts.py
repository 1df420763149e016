"""What slidegen learns from a font file, kept from one build to the next.

A word's width (FreeType, through Pillow) and the characters a font has glyphs for (its
character map, read with fontTools: ~30 ms to import) are the same for the same file on
every run. A build that succeeds keeps what it measured in the user's cache folder, one
small JSON file per font file; the next build or check reads it back and measures only what
it has not seen. The values kept are the measured ones, unrounded, so a deck comes out byte
for byte the same from a cold cache, a warm one or none (``SLIDEGEN_CACHE_DIR=""``).

An entry is named by the font file's path, size and modification time and by the Pillow,
FreeType and Raqm that measured it: a font updated in place, or a new text engine, starts
afresh. Deleting the folder only makes the next build measure again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SlidegenError
from .save import atomic_write

FORMAT = 1
"""Bumped whenever what an entry holds, or how a width is measured, changes."""
_MAX_WORDS = 200_000  # per font file and run: a deck's vocabulary is a few thousand pieces
_MAX_KEPT = 20_000  # an entry read with more starts afresh: reading it must stay quick
_UNREADABLE = "unreadable"
_LAST = 0x10FFFF  # the last code point


def cache_folder() -> Path | None:
    """Where measurements are kept: ``$SLIDEGEN_CACHE_DIR`` (empty: nowhere), else the
    platform's folder for caches."""
    chosen = os.environ.get("SLIDEGEN_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    try:
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA")
            return Path(base, "slidegen", "Cache") if base else None
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "slidegen"
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "slidegen")
    except RuntimeError:  # no home folder to be found
        return None


@dataclass
class FontFacts:
    """What is known of one font file: widths of pieces of text (em), its line height (em),
    and the code points it maps to a glyph, once asked (``None``: the file cannot be read)."""

    entry: Path | None = None
    """The cache file these facts are read from and kept in; ``None``: not kept."""
    advances: dict[str, float] = field(default_factory=dict)
    line_height: float | None = None
    code_points_known: bool = False
    code_points: frozenset[int] | None = None
    learned: bool = False
    """Something was measured since the entry was read."""

    def learn_advance(self, text: str, width: float) -> None:
        if len(self.advances) < _MAX_WORDS:
            self.advances[text] = width
            self.learned = True

    def learn_line_height(self, height: float) -> None:
        self.line_height, self.learned = height, True

    def learn_code_points(self, code_points: frozenset[int] | None) -> None:
        self.code_points, self.code_points_known, self.learned = code_points, True, True

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {"format": FORMAT, "advances": self.advances}
        if self.line_height is not None:
            data["line_height"] = self.line_height
        if self.code_points_known:
            data["code_points"] = (
                _UNREADABLE if self.code_points is None else _ranges(self.code_points)
            )
        return data


_facts: dict[Path, FontFacts] = {}


def facts(path: Path) -> FontFacts:
    """The facts of the font file at ``path``: those kept by an earlier build, if any."""
    known = _facts.get(path)
    if known is None:
        known = _facts[path] = _read(_entry(path))
    return known


def keep_learned() -> None:
    """Write what this run measured. A cache that cannot be written is only slower next
    time, never an error."""
    for known in _facts.values():
        if not known.learned or known.entry is None:
            continue
        text = json.dumps(known.as_json(), ensure_ascii=False, separators=(",", ":"))
        try:
            atomic_write(known.entry, text.encode())
        except SlidegenError:
            return
        known.learned = False


def _entry(path: Path) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    try:
        stat = path.stat()
        resolved = path.resolve()
    except OSError:
        return None
    name = "\0".join(
        [str(FORMAT), str(resolved), str(stat.st_size), str(stat.st_mtime_ns), _text_engine()]
    )
    return folder / "fonts" / f"{hashlib.sha256(name.encode()).hexdigest()[:32]}.json"


def _text_engine() -> str:
    """The versions that measure a width: another one may measure differently."""
    import PIL
    from PIL import ImageFont  # imported by the measuring itself anyway

    core = ImageFont.core
    raqm = getattr(core, "raqm_version", None) if getattr(core, "HAVE_RAQM", False) else None
    return f"Pillow {PIL.__version__} FreeType {core.freetype2_version} Raqm {raqm}"


def _read(entry: Path | None) -> FontFacts:
    """The facts kept in ``entry``; nothing (measured afresh) if it is missing or damaged."""
    if entry is None:
        return FontFacts()
    try:
        data = json.loads(entry.read_bytes())
        return _from_json(data, entry)
    except (OSError, ValueError, TypeError, KeyError):
        return FontFacts(entry)


def _from_json(data: dict[str, object], entry: Path) -> FontFacts:
    if data["format"] != FORMAT:
        raise ValueError("another format")
    advances = data["advances"]
    if not isinstance(advances, dict) or len(advances) > _MAX_KEPT:
        raise ValueError("no widths, or more than are worth reading")
    if not all(_is_em(width) for width in advances.values()):
        raise ValueError("widths are not numbers")
    known = FontFacts(entry, advances)
    height = data.get("line_height")
    if height is not None:
        if not _is_em(height):
            raise ValueError("the line height is not a number")
        known.line_height = height
    if "code_points" in data:
        ranges = data["code_points"]
        known.code_points_known = True
        known.code_points = None if ranges == _UNREADABLE else _from_ranges(ranges)
    return known


def _ranges(code_points: frozenset[int]) -> list[list[int]]:
    """``{65, 66, 67, 70}`` → ``[[65, 67], [70, 70]]``: a character map in a few hundred
    pairs instead of thousands of numbers."""
    ranges: list[list[int]] = []
    for point in sorted(code_points):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return ranges


def _is_em(value: object) -> bool:
    """A width or height in em, as measured: a finite number, not negative (NaN is not)."""
    return isinstance(value, float) and 0.0 <= value < 1e6


def _from_ranges(ranges: object) -> frozenset[int]:
    if not isinstance(ranges, list):
        raise ValueError("the character map is not a list")
    points: set[int] = set()
    for start, end in ranges:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= _LAST):
            raise ValueError("not a range of code points")
        points.update(range(start, end + 1))
    return frozenset(points)
