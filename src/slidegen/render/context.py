"""What every writer receives: the presentation and its layouts, beside what the layout stage
had (theme, geometry, title sizes and colours)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..layout.context import LayoutContext

if TYPE_CHECKING:
    from lxml import etree
    from pptx.parts.slide import SlideLayoutPart
    from pptx.presentation import Presentation
    from pptx.slide import Slide, SlideLayout

    from .newslide import LayoutClones


@dataclass(kw_only=True)
class RenderContext(LayoutContext):
    """Shared state of one build's writing: it writes plans and decides nothing."""

    prs: Presentation
    layouts: dict[str, SlideLayout]
    cache_dir: Path | None = None
    logo: Path | None = None
    """The theme's logo, already checked."""
    new_cache_entries: dict[Path, bytes] = field(default_factory=dict)
    """Chart images drawn during this build, to cache once the build has succeeded."""
    stamp: datetime = datetime(1980, 1, 1, tzinfo=UTC)
    """The build's timestamp (never the clock): embedded workbooks carry it."""
    slide: Slide | None = None
    """The slide being written."""
    slide_layout: str = ""
    """The name of its layout."""
    slide_titles: list[str] = field(default_factory=list)
    """The title of every slide written (docProps/app.xml lists them)."""
    notes_pages: int = 0
    """How many slides have speaker notes."""
    slide_chrome: dict[str, list[etree._Element]] = field(default_factory=dict)
    """Per layout name, the footer placeholders each of its slides carries a copy of."""
    kind_layouts: dict[str, SlideLayout] = field(default_factory=dict)
    """On a template: the layouts of the kinds the theme gives a layout of their own."""
    layout_clones: dict[SlideLayoutPart, LayoutClones] = field(default_factory=dict)
    """Per layout a slide was added on, the placeholders python-pptx would clone from it."""
