"""A text outline of a .pptx: slides, layouts, shapes, text with ``**bold**`` runs, charts.

Golden tests compare outlines, not bytes: they say what a reader and an editor will find
in the file, and stay readable in a diff.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from pptx import Presentation
from pptx.shapes.base import BaseShape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.picture import Picture


def dump_outline(source: str | Path | IO[bytes]) -> str:
    """The outline of the presentation at ``source`` (a path or a binary stream)."""
    prs = Presentation(source)
    lines: list[str] = [
        f"size {prs.slide_width}x{prs.slide_height} EMU",
        f"title: {prs.core_properties.title}",
    ]
    # Shapes a layout draws on every slide that uses it (brand chrome), listed once.
    layouts = {slide.slide_layout.name: slide.slide_layout for slide in prs.slides}
    for name, layout in layouts.items():
        chrome = [shape for shape in layout.shapes if not shape.is_placeholder]
        if chrome:
            lines.append(f"layout [{name}]")
            for shape in chrome:
                lines.extend(f"  {line}" for line in _shape(shape))
    for number, slide in enumerate(prs.slides, start=1):
        lines.append(f"slide {number} [{slide.slide_layout.name}]")
        for shape in slide.shapes:
            lines.extend(f"  {line}" for line in _shape(shape))
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame.text:
            lines.append(f"  notes: {slide.notes_slide.notes_text_frame.text}")
    return "\n".join(lines) + "\n"


def slide_texts(source: str | Path | IO[bytes]) -> list[str]:
    """All text of each slide (shapes, tables, chart categories and series names), one string
    per slide."""
    prs = Presentation(source)
    texts = []
    for slide in prs.slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.extend(p.text for p in shape.text_frame.paragraphs)
            elif isinstance(shape, GraphicFrame) and shape.has_chart:
                plot = shape.chart.plots[0]
                parts.extend(str(c) for c in plot.categories)
                parts.extend(s.name for s in plot.series)
            elif isinstance(shape, GraphicFrame) and shape.has_table:
                parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
        texts.append("\n".join(parts))
    return texts


def _shape(shape: BaseShape) -> list[str]:
    kind = "placeholder" if shape.is_placeholder else type(shape).__name__.lower()
    head = f"{kind} '{shape.name}'"
    if isinstance(shape, Picture):
        return [f"{head} alt={shape._element.nvPicPr.cNvPr.get('descr')!r}"]
    if isinstance(shape, GraphicFrame) and shape.has_chart:
        chart = shape.chart
        lines = [
            f"{head} chart={chart.chart_type.name if chart.chart_type else '?'} "
            f"alt={shape._element.nvGraphicFramePr.cNvPr.get('descr')!r}",
            f"  categories: {list(chart.plots[0].categories)}",
        ]
        lines += [f"  series '{s.name}': {list(s.values)}" for s in chart.plots[0].series]
        return lines
    if isinstance(shape, GraphicFrame) and shape.has_table:
        alt = shape._element.nvGraphicFramePr.cNvPr.get("descr")
        lines = [f"{head} table alt={alt!r}"]
        for row in shape.table.rows:
            cells = [
                "".join(_run(r) for p in c.text_frame.paragraphs for r in p.runs) for c in row.cells
            ]
            lines.append("  | " + " | ".join(cells))
        return lines
    if not shape.has_text_frame:
        return [head]
    lines = [head]
    for paragraph in shape.text_frame.paragraphs:
        text = "".join(_run(run) for run in paragraph.runs)
        field = paragraph._p.find("{http://schemas.openxmlformats.org/drawingml/2006/main}fld")
        if field is not None:
            text += f"[{field.get('type')}]"
        if text:
            lines.append(f"  {'  ' * paragraph.level}| {text}")
    return lines


def _run(run: object) -> str:
    text = run.text  # type: ignore[attr-defined]
    if not text.strip():
        return text
    font = run.font  # type: ignore[attr-defined]
    if font.bold:
        text = f"**{text}**"
    if font.italic:
        text = f"*{text}*"
    return text
