"""Chart colours: one distinct colour per slice or series, and labels readable on each.

The theme's chart palette comes first; when a chart needs more colours it is extended with
tints and shades of the theme's own colours, keeping only those the eye can tell from every
colour already chosen (CIE76 ΔE in CIELAB) and from the slide's background.
"""

from __future__ import annotations

import functools

from .checks import NORMAL_TEXT_RATIO, contrast_ratio

MIN_DELTA_E = 14.0
"""Two fills closer than this (CIE76 ΔE) read as one colour side by side."""
MIN_BACKGROUND_DELTA_E = 12.0
"""A fill closer than this to the background fades into it."""
_TINTS = (0.4, 0.65)  # mixed with white
_SHADES = (0.35, 0.6)  # mixed with black


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "".join(f"{round(max(0.0, min(255.0, c))):02X}" for c in rgb)


def mix(hex_colour: str, other: str, share: float) -> str:
    """``hex_colour`` with ``share`` (0–1) of ``other`` mixed in."""
    return _hex(
        tuple(a + (b - a) * share for a, b in zip(_rgb(hex_colour), _rgb(other), strict=True))  # type: ignore[arg-type]
    )


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    linear = []
    for channel in _rgb(hex_colour):
        c = channel / 255
        linear.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = linear
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(first: str, second: str) -> float:
    """CIE76 colour difference of two ``RRGGBB`` colours."""
    a, b = _lab(first), _lab(second)
    return sum((p - q) ** 2 for p, q in zip(a, b, strict=True)) ** 0.5


def _candidates(palette: list[str], theme_colours: list[str]) -> list[str]:
    """The palette, then tints, then shades of the palette and the theme's other colours."""
    bases = list(dict.fromkeys(c.upper() for c in [*palette, *theme_colours]))
    extended = [c.upper() for c in palette]
    for share in _TINTS:
        extended += [mix(c, "FFFFFF", share) for c in bases]
    for share in _SHADES:
        extended += [mix(c, "000000", share) for c in bases]
    return list(dict.fromkeys(extended))


def distinct_colours(
    count: int, palette: list[str], theme_colours: list[str], background: str
) -> tuple[list[str], int]:
    """``count`` fills, each told apart from the others where the colours allow it.

    Returns the fills and how many distinct ones could be found; when fewer than ``count``,
    the distinct ones repeat so that neighbours (also last and first, round a pie) differ.
    """
    fills, distinct = _distinct(count, tuple(palette), tuple(theme_colours), background)
    return list(fills), distinct


@functools.cache  # every chart of a deck asks with the theme's colours: worked out once
def _distinct(
    count: int, palette: tuple[str, ...], theme_colours: tuple[str, ...], background: str
) -> tuple[tuple[str, ...], int]:
    palette_list, theme_list = list(palette), list(theme_colours)
    chosen: list[str] = []
    for colour in _candidates(palette_list, theme_list):
        if len(chosen) == count:
            break
        if delta_e(colour, background) < MIN_BACKGROUND_DELTA_E:
            continue
        if all(delta_e(colour, other) >= MIN_DELTA_E for other in chosen):
            chosen.append(colour)
    distinct = len(chosen)
    if distinct >= count or distinct == 0:
        return tuple(chosen or [palette[0].upper()] * count), distinct
    fills = [chosen[i % distinct] for i in range(count)]
    if distinct > 2 and fills[-1] == fills[0]:
        fills[-1] = chosen[1]  # differs from its neighbours, chosen[0] and chosen[distinct - 1]
    return tuple(fills), distinct


def label_colour(fill: str, preferred: list[str]) -> str:
    """A text colour with at least 4.5:1 contrast on ``fill``: the first of ``preferred``
    that has it, else black or white (one of the two always has it)."""
    for colour in preferred:
        if contrast_ratio(colour, fill) + 1e-9 >= NORMAL_TEXT_RATIO:
            return colour.upper()
    return max(("000000", "FFFFFF"), key=lambda c: contrast_ratio(c, fill))
