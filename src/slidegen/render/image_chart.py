"""matplotlib charts for what native charts cannot draw well (progress towards targets).

Images are cached by a hash of everything that shapes them, so a text edit does not redraw
charts; matplotlib (~0.3 s to import) is imported only when an image has to be drawn.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
from pathlib import Path
from typing import Any

from pptx.slide import Slide
from pptx.util import Emu

from ..layout import EMU_PER_INCH, Box
from ..markup import plain_text
from ..model import Chart, Target
from ..textfit import find_font
from .chart_env import drawing_environment
from .context import RenderContext

DPI = 220
_RENDERER_VERSION = "target-gauge-1"  # bump when the drawing code changes, to refresh caches


def add_target_chart(ctx: RenderContext, slide: Slide, box: Box, chart: Chart, alt: str) -> None:
    """Gauges, one per target, as a PNG picture with alt text."""
    png = _cached_png(ctx, box, chart)
    picture = slide.shapes.add_picture(
        io.BytesIO(png), Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    picture.name = f"Chart: {plain_text(chart.title)}" if chart.title else "Chart"
    picture._element.nvPicPr.cNvPr.set("descr", alt)


def _cached_png(ctx: RenderContext, box: Box, chart: Chart) -> bytes:
    key_data = {
        "v": _RENDERER_VERSION,
        "chart": chart.model_dump(mode="json"),
        "size": [box.width, box.height],
        "colors": ctx.theme.colors.model_dump(),
        "font": ctx.measure_family(),
        "lang": ctx.language,
        "drawn_by": drawing_environment(ctx.measure_family()),
    }
    key = hashlib.sha256(json.dumps(key_data, sort_keys=True).encode()).hexdigest()
    cached: Path | None = ctx.cache_dir / f"{key}.png" if ctx.cache_dir else None
    if cached and cached.is_file():
        return cached.read_bytes()
    png = _draw(ctx, box, chart)
    if cached:
        ctx.new_cache_entries[cached] = png  # written by the build once it has succeeded
    return png


def _font(ctx: RenderContext, bold: bool, size: float) -> Any:
    from matplotlib.font_manager import FontProperties

    path = find_font(ctx.measure_family(), bold, False)
    if path:
        return FontProperties(fname=path, size=size)
    return FontProperties(family="sans-serif", weight="bold" if bold else "normal", size=size)


def _draw(ctx: RenderContext, box: Box, chart: Chart) -> bytes:
    # matplotlib costs ~0.3 s to import: only a build that draws a new image pays it.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = box.width / EMU_PER_INCH, box.height / EMU_PER_INCH
    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    targets = chart.targets or []
    title_space = 0.12 if chart.title else 0.0
    colors = ctx.theme.colors
    if chart.title:
        figure.text(
            0.5,
            0.97,
            plain_text(chart.title),
            ha="center",
            va="top",
            color=f"#{colors.primary}",
            fontproperties=_font(ctx, True, 18),
        )
    count = len(targets)
    for index, target in enumerate(targets):
        axes = figure.add_axes((index / count, 0.0, 1 / count, 1 - title_space))
        _gauge(ctx, axes, target, height)
    buffer = io.BytesIO()
    # No software/version metadata in the PNG: the same chart gives the same bytes.
    figure.savefig(buffer, format="png", dpi=DPI, transparent=True, metadata={"Software": None})
    return buffer.getvalue()


def _gauge(ctx: RenderContext, axes: object, target: Target, height_in: float) -> None:
    """A ring: the target's share of the scale in brand colour, the current value inside."""
    from matplotlib.patches import Wedge

    colors = ctx.theme.colors
    axes.set_xlim(-1.25, 1.25)  # type: ignore[attr-defined]
    axes.set_ylim(-1.45, 1.2)  # type: ignore[attr-defined]
    axes.set_aspect("equal")  # type: ignore[attr-defined]
    axes.axis("off")  # type: ignore[attr-defined]
    scale = 100.0 if target.unit == "%" else max(abs(target.target), abs(target.value or 0)) * 1.25
    share = min(abs(target.target) / scale, 1.0)
    axes.add_patch(Wedge((0, 0), 1.0, 0, 360, width=0.22, color=f"#{colors.surface}"))  # type: ignore[attr-defined]
    axes.add_patch(  # type: ignore[attr-defined]
        Wedge((0, 0), 1.0, 90 - 360 * share, 90, width=0.22, color=f"#{colors.primary}")
    )
    if target.value is not None:
        now = min(abs(target.value) / scale, 1.0)
        axes.add_patch(  # type: ignore[attr-defined]
            Wedge((0, 0), 0.74, 90 - 360 * now, 90, width=0.1, color=f"#{colors.muted}")
        )
    points = max(14.0, min(40.0, height_in * 7))
    figure_text = f"{_signed(ctx, target.target)}{target.unit}"
    axes.text(
        0,
        0.08,
        figure_text,
        ha="center",
        va="center",
        color=f"#{colors.primary}",  # type: ignore[attr-defined]
        fontproperties=_font(ctx, True, points),
    )
    lang = ctx.language.split("-")[0]
    word = {"it": "obiettivo", "en": "target"}.get(lang, "target")
    if target.value is not None:
        now_word = {"it": "oggi", "en": "now"}.get(lang, "now")
        word = f"{now_word} {ctx.format_number(target.value)}{target.unit}"
    axes.text(
        0,
        -0.3,
        word,
        ha="center",
        va="center",
        color=f"#{colors.muted}",  # type: ignore[attr-defined]
        fontproperties=_font(ctx, False, points * 0.42),
    )
    axes.text(
        0,
        -1.25,
        _wrap(plain_text(target.label), 22),
        ha="center",
        va="center",  # type: ignore[attr-defined]
        color=f"#{colors.text}",
        fontproperties=_font(ctx, True, points * 0.5),
    )


def _signed(ctx: RenderContext, value: float) -> str:
    text = ctx.format_number(abs(value))
    return f"−{text}" if value < 0 else text


def _wrap(text: str, width: int) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines[: max(1, math.ceil(len(text) / width))])
