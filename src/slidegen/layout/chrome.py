"""The brand chrome on the layouts, planned: the content layout's accent bar, logo, wordmark,
footer, period and slide number, and the cover's wordmark. On a template the chrome is the
template's, and nothing is planned."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..markup import parse_inline
from ..textfit import face
from .context import LayoutContext
from .geometry import CONTENT, Box, inches, points
from .paras import Para
from .shapes import TextShape
from .text import fit_size, text_shape
from .textplan import INSET_Y, TextPlan


@dataclass(frozen=True)
class ChromePlan:
    accent: Box
    """The bar beside the first line of content titles."""
    logo: Box | None
    footer_box: Box
    """Where the layout's footer placeholder goes."""
    footer: tuple[tuple[Para, ...], TextPlan] | None
    """The theme's footer text in it, as planned."""
    number_box: Box
    """Where the layout's slide-number placeholder goes."""
    number_label: Para | None
    """The period before the slide number (set at the footer size)."""
    wordmark: TextShape | None
    cover_wordmark: TextShape | None


def plan_chrome(lc: LayoutContext, logo: Path | None) -> ChromePlan:
    """The chrome of the theme's own master; findings when its texts do not fit."""
    theme, page = lc.theme, lc.page
    colors, size = theme.colors, theme.sizes.footer
    # Beside the title's first line: a two-line title box is top-anchored, and a one-line
    # title must not have a bar hanging below it.
    line = face(lc.measure_family(heading=True)).line_height * lc.title_sizes[CONTENT]
    accent = Box(
        0, page.title.top + INSET_Y + points(line * 0.12), inches(0.18), points(line * 0.76)
    )
    brand, _, number = page.footer_columns
    logo_box = None
    if logo:
        logo_box = Box(brand.left, brand.top, logo_width(logo, brand.height), brand.height)
        brand = Box(
            brand.left + logo_box.width + page.gap,
            brand.top,
            brand.width - logo_box.width - page.gap,
            brand.height,
        )
    # The footer line at the bottom, the wordmark above it.
    above, footer_box = brand.take_bottom(points(size * 1.2) + 2 * INSET_Y)
    wordmark = cover_wordmark = None
    if theme.wordmark:
        mark = Para(
            tuple(parse_inline(theme.wordmark, bold=True)),
            heading=True,
            color=colors.primary,
            space_before=0,
        )
        wordmark = text_shape(lc, above, [mark], name="Wordmark", size=size * 1.5, anchor="bottom")
    footer = None
    if theme.footer:
        paras = (Para.of(theme.footer, color=colors.muted, space_before=0),)
        footer = paras, fit_size(lc, footer_box, paras, name="Footer", size=size)
    if theme.wordmark:
        on_cover = Para.of(
            f"**{theme.wordmark}**",
            color=colors.on_primary,
            emphasis_color=colors.on_primary,
            heading=True,
            align="right",
        )
        cover_wordmark = text_shape(
            lc,
            page.cover_footer_columns[3],
            [on_cover],
            name="Wordmark",
            size=size * 2.2,
            anchor="bottom",
        )
    label = None
    if theme.slide_numbers:
        label = Para.of(lc.info.period or "", color=colors.muted, align="right")
    return ChromePlan(accent, logo_box, footer_box, footer, number, label, wordmark, cover_wordmark)


def logo_width(logo: Path, height: int) -> int:
    """The width (EMU) of the logo at ``height``, as PowerPoint scales a picture given its
    height alone: from its size in pixels and its resolution (72 dpi when it names none)."""
    from PIL import Image

    with Image.open(logo) as image:
        (width_px, height_px), dpi = image.size, image.info.get("dpi")
    horizontal, vertical = (_dpi(dpi[0]), _dpi(dpi[1])) if isinstance(dpi, tuple) else (72, 72)
    native_width = int(914400 * width_px / horizontal)
    native_height = int(914400 * height_px / vertical)
    return round(native_width * height / native_height)


def _dpi(value: object) -> int:
    try:
        dpi = round(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return 72
    return dpi if 1 <= dpi <= 2048 else 72
