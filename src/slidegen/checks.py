"""Accessibility checks on a theme: WCAG 2.x contrast of every colour pair slidegen uses.

Text must reach 4.5:1 against its background, large text (≥ 18 pt, or ≥ 14 pt bold) 3:1.
The pairs below are the ones the renderers actually draw; a theme that fails one gets a
finding located at the colour in its manifest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import Problem
from .i18n import N_, _
from .loader import Loaded
from .messages import say

if TYPE_CHECKING:  # the contrast of colours is checked below the theme model (templates too)
    from .theme import Theme

NORMAL_TEXT_RATIO = 4.5
LARGE_TEXT_RATIO = 3.0


@dataclass(frozen=True)
class ColourPair:
    """A foreground drawn on a background, and what is drawn with it."""

    foreground: str
    background: str
    use: str
    large: bool


# (foreground key, background key, what uses it, large text?)
PAIRS_IN_USE = (
    ColourPair("text", "background", N_("body text"), False),
    ColourPair("muted", "background", N_("subtitles, notes and footer"), False),
    ColourPair("primary", "background", N_("bold words, bullets and numbers"), False),
    ColourPair("on_primary", "primary", N_("text on cover, dividers and closing"), False),
    ColourPair("primary", "surface", N_("metric figures"), True),
    ColourPair("text", "surface", N_("metric labels"), False),
    ColourPair("muted", "surface", N_("metric notes"), False),
    ColourPair("positive", "surface", N_("changes for the better"), False),
    ColourPair("negative", "surface", N_("changes for the worse, missing values"), False),
)


def relative_luminance(hex_colour: str) -> float:
    """WCAG relative luminance of an ``RRGGBB`` colour."""
    channels = []
    for index in (0, 2, 4):
        value = int(hex_colour[index : index + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two ``RRGGBB`` colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def theme_contrast_findings(theme: Theme, loaded: Loaded) -> list[Problem]:
    """A warning per colour pair in use that misses its WCAG contrast ratio."""
    colours = theme.colors.model_dump()
    findings = []
    for pair in PAIRS_IN_USE:
        ratio = contrast_ratio(colours[pair.foreground], colours[pair.background])
        needed = LARGE_TEXT_RATIO if pair.large else NORMAL_TEXT_RATIO
        if ratio + 1e-9 < needed:
            findings.append(
                Problem(
                    loaded.locate(("colors", pair.foreground)),
                    say(
                        "low_contrast",
                        foreground=pair.foreground,
                        foreground_colour=colours[pair.foreground],
                        background=pair.background,
                        background_colour=colours[pair.background],
                        ratio=f"{ratio:.2f}",
                        needed=f"{needed:g}",
                        use=_(pair.use),
                    ),
                    f"colors.{pair.foreground}",
                    severity="warning",
                )
            )
    return findings
