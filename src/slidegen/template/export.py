"""``slidegen template export``: a theme's master as a PowerPoint template (.potx).

The file holds what a deck on the theme is built on and nothing of any deck: the four
layouts with their placeholders, the brand chrome (accent bar, logo, wordmark, footer and
slide number) on them, the theme's colours and fonts in its Office theme, no slides. People
open it in PowerPoint to make slides by hand; a theme of ``name:``, ``template:`` and the
theme's ``footer:`` (footer text is per-slide content in PowerPoint, Insert › Header &
Footer) builds the same decks on it as the theme itself.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from ..errors import Location, OutputError, Problem
from ..layout import PageGeometry
from ..layout.titleplan import title_boxes
from ..messages import say
from ..model import DeckInfo
from ..properties import set_app_properties, set_properties
from ..save import atomic_write
from ..theme_loader import LoadedTheme
from ..version import VERSION
from .files import as_template

_STAMP = datetime(1980, 1, 1, tzinfo=UTC)
"""Templates carry no build date: the same theme exports the same bytes."""


def export_template(loaded: LoadedTheme, logo: Path | None, out: Path) -> Path:
    """Write ``loaded``'s master to ``out`` (a new .potx); never overwrites a file."""
    if out.suffix.lower() != ".potx":
        raise OutputError(Problem(Location(str(out)), say("export_suffix", name=out.name)))
    if out.exists():
        raise OutputError(Problem(Location(str(out)), say("export_exists")))
    atomic_write(out, template_bytes(loaded, logo))
    return out


def template_bytes(loaded: LoadedTheme, logo: Path | None) -> bytes:
    """The theme's master as the bytes of a .potx."""
    from ..layout.chrome import plan_chrome
    from ..layout.context import LayoutContext
    from ..render.context import RenderContext
    from ..render.package import drop_template_leftovers, scoped_pptx_patches
    from ..render.page import brand_layouts
    from ..render.template import apply_language, new_presentation

    theme = loaded.theme
    page = PageGeometry.from_theme(theme)
    info = DeckInfo(title=theme.name)
    with scoped_pptx_patches():
        prs, layouts, _ = new_presentation(theme, page)
        boxes = title_boxes(theme, page)
        sizes = {layout: box.size for layout, box in boxes.items()}
        lc = LayoutContext(theme, info, page, loaded.folder, title_boxes=boxes, title_sizes=sizes)
        ctx = RenderContext(
            theme, info, page, loaded.folder, prs=prs, layouts=layouts, logo=logo,
            title_boxes=boxes, title_sizes=sizes,
        )  # fmt: skip
        brand_layouts(ctx, plan_chrome(lc, logo))
        set_properties(prs, info, _STAMP, {"slidegen": f"slidegen {VERSION}"})
        set_app_properties(prs, [theme.fonts.heading.name, theme.fonts.body.name], [], 0)
        drop_template_leftovers(prs)
        apply_language(prs, info.language)
        buffer = io.BytesIO()
        prs.save(buffer)
    return as_template(buffer.getvalue())


def is_template(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return b"presentationml.template.main+xml" in package.read("[Content_Types].xml")
