"""Which characters of a text a font file cannot draw.

matplotlib draws a character its font lacks as an empty box and says so with a "Glyph …
missing" warning, on stderr, naming slidegen's own source line, and only when it draws: a
build that takes the picture from the cache says nothing. Asking the font's character map
instead gives the same answer on every build, before anything is drawn, so it can be a
located finding.
"""

from __future__ import annotations

from pathlib import Path

from .fontfacts import facts


def _characters(path: Path) -> frozenset[int] | None:
    """The code points the font at ``path`` maps to a glyph; ``None`` if it cannot be read.
    Read once per file and kept between builds (:mod:`slidegen.fontfacts`)."""
    known = facts(path)
    if not known.code_points_known:
        known.learn_code_points(_read_character_map(path))
    return known.code_points


def _read_character_map(path: Path) -> frozenset[int] | None:
    # fontTools (~20 ms to import) only for a deck with a chart drawn as a picture.
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(path, lazy=True, fontNumber=0) as font:
            # Only which code points map to a glyph matters, never the glyph's name: numbered
            # names spare fontTools naming every glyph (from the post table, else by the
            # Adobe Glyph List), two thirds of the time here. The cmap is read by glyph index.
            font.setGlyphOrder([f"glyph{index:05d}" for index in range(font["maxp"].numGlyphs)])
            return frozenset(font.getBestCmap() or {})
    except (OSError, TTLibError, KeyError, AssertionError):
        return None


def missing_characters(path: Path, text: str) -> list[str]:
    """The characters of ``text``, in order and once each, the font at ``path`` has no glyph
    for (white space is never drawn, so never missing)."""
    known = _characters(path)
    if known is None:
        return []
    missing: dict[str, None] = {}
    for character in text:
        if not character.isspace() and ord(character) not in known:
            missing[character] = None
    return list(missing)
