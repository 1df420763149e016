"""A theme's defaults from its template: colours, fonts, sizes and page size.

``theme.yaml`` overrides any of them; what it leaves out is the template's, so a theme of
only ``name:`` and ``template:`` is complete.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from typing import Any

from ..checks import contrast_ratio
from ..errors import Location, Problem
from ..layout.geometry import CONTENT, COVER, EMU_PER_INCH
from ..messages import say
from ..textfit import find_font
from .mapping import LayoutChoice
from .reading import TemplateInfo

STANDINS = {
    "calibri": "Carlito",
    "cambria": "Caladea",
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "helvetica neue": "Liberation Sans",
    "times new roman": "Liberation Serif",
    "courier new": "Liberation Mono",
}
"""Free fonts with the same metrics, to measure and render a template's Office fonts."""
_FALLBACK_FONT = "Calibri"


def theme_defaults(info: TemplateInfo, choice: LayoutChoice) -> dict[str, Any]:
    """Theme data (as ``theme.yaml`` would write it) taken from the template."""
    content, cover = choice.roles[CONTENT], choice.roles[COVER]
    return {
        "colors": _colours(info, content.text_color, content.title_color, content.footer_color),
        "fonts": {
            "heading": _font(info.heading_font),
            "body": _font(info.body_font),
        },
        "sizes": {
            key: max(low, min(high, size))
            for key, size, low, high in (
                ("title", content.title_size, 20, 44),
                ("cover", cover.title_size, 28, 60),
            )
            if size
        },
        "geometry": {
            "width": info.width / EMU_PER_INCH,
            "height": info.height / EMU_PER_INCH,
            "margin": min(
                3.0,
                max(
                    0.0,
                    (content.title.box.left if content.title and content.title.box else 0)
                    / EMU_PER_INCH,
                ),
            ),
        },
    }


def _colours(info: TemplateInfo, text: str, title: str, footer: str | None) -> dict[str, Any]:
    scheme = info.scheme
    background = scheme["lt1"]
    if contrast_ratio(text, background) < 4.5:
        text = scheme["dk1"]
    # The brand colour: the content titles' when it reads on the page and is not the text's,
    # else the first accent, darkened until it reads.
    readable = title != text and contrast_ratio(title, background) >= 4.5
    primary = title if readable else _darkened(scheme["accent1"], text, background)
    # Quieter text: the footer's colour when it reads and is not the text's; tiles on the
    # theme's light second colour when text reads on it.
    readable_footer = footer and footer != text and contrast_ratio(footer, background) >= 4.5
    muted = footer if readable_footer else _mix(text, background, 0.3)
    light = scheme["lt2"]
    surface = light if contrast_ratio(text, light) >= 7 else _mix(primary, background, 0.93)
    on_primary = max(
        (background, scheme["dk1"], "FFFFFF"), key=lambda c: contrast_ratio(c, primary)
    )
    return {
        "primary": primary,
        "text": text,
        "muted": muted,
        "background": background,
        "surface": surface,
        "on_primary": on_primary,
        "chart": [scheme[f"accent{n}"] for n in range(1, 7)],
    }


def _darkened(colour: str, dark: str, background: str) -> str:
    for step in range(11):
        mixed = _mix(colour, dark, step / 10)
        if contrast_ratio(mixed, background) >= 4.5:
            return mixed
    return dark


def _font(name: str | None) -> dict[str, str]:
    """The template's font, with a stand-in to measure it by when it is not installed: the
    free font of the same metrics, else the one the system (and so LibreOffice) puts in
    its place."""
    name = name or _FALLBACK_FONT
    font = {"name": name}
    if find_font(name, False, False) is None:
        twin = STANDINS.get(name.casefold())
        standin = twin if twin and find_font(twin, False, False) else system_substitute(name)
        if standin and standin != name:
            font["standin"] = standin
    return font


@functools.cache
def system_substitute(family: str) -> str | None:
    """The family fontconfig renders ``family`` with, where fontconfig is installed."""
    command = shutil.which("fc-match")
    if command is None:
        return None
    try:
        done = subprocess.run(
            [command, "-f", "%{family[0]}", family],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = done.stdout.strip()
    return found if done.returncode == 0 and found and find_font(found, False, False) else None


def missing_font_findings(
    info: TemplateInfo, fonts: list[tuple[str, str | None]], where: Location
) -> list[Problem]:
    """A warning for each of the template's fonts this machine has neither installed nor a
    free font of the same metrics for."""
    findings = []
    for name, standin in dict.fromkeys(fonts):
        metric_twin = STANDINS.get(name.casefold()) == standin
        if (
            not metric_twin
            and find_font(name, False, False) is None
            and name in (info.heading_font, info.body_font)
        ):
            findings.append(
                Problem(
                    where,
                    say("template_font_missing", font=name, standin=standin or "?"),
                    severity="warning",
                )
            )
    return findings


def _mix(colour: str, other: str, share: float) -> str:
    """``colour`` moved ``share`` of the way towards ``other``."""
    channels = []
    for index in (0, 2, 4):
        a, b = int(colour[index : index + 2], 16), int(other[index : index + 2], 16)
        channels.append(round(a + (b - a) * share))
    return "".join(f"{c:02X}" for c in channels)
