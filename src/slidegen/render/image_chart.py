"""matplotlib charts for what native charts cannot draw well (progress towards targets).

Images are cached by a hash of everything that shapes them, so a text edit does not redraw
charts; matplotlib (~0.3 s to import) is imported only when an image has to be drawn.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import warnings
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pptx.slide import Slide
from pptx.util import Emu

from ..gaugeplan import RING_OUTER, RING_WIDTH, X_RANGE, Y_RANGE, GaugePlan
from ..layout import EMU_PER_INCH, Box
from ..layout.charts import TITLE_SPACE
from ..layout.shapes import GaugeChartShape
from ..markup import plain_text
from ..model import Chart
from ..textfit import find_font
from .chart_env import drawing_environment
from .context import RenderContext

DPI = 220
_RENDERER_VERSION = "target-gauge-5"  # bump when the drawing code changes, to refresh caches


def write_gauges(ctx: RenderContext, slide: Slide, shape: GaugeChartShape) -> None:
    """The planned gauges as a PNG picture with alt text, drawn or from the cache."""
    box, chart = shape.box, shape.chart
    png = _cached_png(ctx, box, chart, shape.gauges)
    picture = slide.shapes.add_picture(
        io.BytesIO(png), Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    picture.name = f"Chart: {plain_text(chart.title)}" if chart.title else "Chart"
    picture._element.nvPicPr.cNvPr.set("descr", shape.alt)


def _cached_png(ctx: RenderContext, box: Box, chart: Chart, plans: tuple[GaugePlan, ...]) -> bytes:
    key_data = {
        "v": _RENDERER_VERSION,
        "chart": chart.model_dump(mode="json"),
        "plans": [asdict(plan) for plan in plans],  # what the layout decided: sizes, breaks
        "size": [box.width, box.height],
        "colors": ctx.theme.colors.model_dump(),
        "font": ctx.measure_family(),
        "lang": ctx.language,
        "drawn_by": drawing_environment(ctx.measure_family()),
    }
    key = hashlib.sha256(json.dumps(key_data, sort_keys=True).encode()).hexdigest()
    cached: Path | None = ctx.cache_dir / f"{key}.png" if ctx.cache_dir else None
    if cached and cached.is_file():
        data = cached.read_bytes()
        if _whole_png(data):
            return data  # else drawn again: a cut or empty cache file is never embedded
    png = _draw(ctx, box, chart, plans)
    if cached:
        ctx.new_cache_entries[cached] = png  # written by the build once it has succeeded
    return png


def _font(ctx: RenderContext, bold: bool, size: float) -> Any:
    from matplotlib.font_manager import FontProperties

    path = find_font(ctx.measure_family(), bold, False)
    if path:
        return FontProperties(fname=path, size=size)
    return FontProperties(family="sans-serif", weight="bold" if bold else "normal", size=size)


def _whole_png(data: bytes) -> bool:
    """A PNG whose every chunk is there, up to its end, with its checksum (a build killed
    while writing the cache, a full disk or a hand-edited file leave one that is not).
    Checked without decoding the pixels: a warm build reads every cached chart."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG":
                return False
            image.verify()
            return True
    except (OSError, SyntaxError, ValueError):
        return False


def _draw(ctx: RenderContext, box: Box, chart: Chart, plans: tuple[GaugePlan, ...]) -> bytes:
    # The glyphs it lacks are findings already (_report_missing_glyphs): not raw warnings.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", r"Glyph \d+ .*missing from", UserWarning)
        return _drawn(ctx, box, chart, plans)


def _drawn(ctx: RenderContext, box: Box, chart: Chart, plans: tuple[GaugePlan, ...]) -> bytes:
    # matplotlib costs ~0.3 s to import: only a build that draws a new image pays it.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = box.width / EMU_PER_INCH, box.height / EMU_PER_INCH
    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    title_space = TITLE_SPACE if chart.title else 0.0
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
            parse_math=False,  # text is text: '$5M of $10M' is not TeX
        )
    for index, plan in enumerate(plans):
        axes = figure.add_axes((index / len(plans), 0.0, 1 / len(plans), 1 - title_space))
        _gauge(ctx, axes, plan)
    buffer = io.BytesIO()
    # No software/version metadata in the PNG: the same chart gives the same bytes.
    figure.savefig(buffer, format="png", dpi=DPI, transparent=True, metadata={"Software": None})
    return buffer.getvalue()


def _gauge(ctx: RenderContext, axes: Any, plan: GaugePlan) -> None:
    """A ring filled up to the achieved value, the target marked across it, text inside."""
    from matplotlib.patches import Wedge

    colors = ctx.theme.colors
    axes.set_xlim(-X_RANGE / 2, X_RANGE / 2)
    axes.set_ylim(-1.45, Y_RANGE - 1.45)
    axes.set_aspect("equal")
    axes.axis("off")
    inner = RING_OUTER - RING_WIDTH
    axes.add_patch(
        Wedge((0, 0), RING_OUTER, 0, 360, width=RING_WIDTH, color=f"#{plan.track_colour}")
    )
    if plan.filled > 0:
        start = 90 - 360 * plan.filled
        axes.add_patch(
            Wedge((0, 0), RING_OUTER, start, 90, width=RING_WIDTH, color=f"#{colors.primary}")
        )
    # The target: a tick across the ring, a little beyond both edges.
    angle = math.radians(90 - 360 * plan.target_at)
    reach = (inner - 0.06, RING_OUTER + 0.06)
    axes.plot(
        [r * math.cos(angle) for r in reach],
        [r * math.sin(angle) for r in reach],
        color=f"#{colors.text}",
        linewidth=2.2,
        solid_capstyle="butt",
    )
    lines = [(plan.figure, True, colors.primary)] if plan.figure else []
    lines.append((plan.caption, False, colors.muted))
    if plan.status:
        lines.append((plan.status, False, colors.muted))
    for text, bold, colour in lines:
        axes.text(
            0,
            text.y,
            text.text,
            ha="center",
            va="center",
            color=f"#{colour}",
            fontproperties=_font(ctx, bold, text.size),
            parse_math=False,
        )
    axes.text(
        0,
        -1.25,
        plan.label.text,
        ha="center",
        va="center",
        color=f"#{colors.text}",
        fontproperties=_font(ctx, True, plan.label.size),
        parse_math=False,
    )
