"""Tables on a slide: a table of its own (continued on further slides) or one attached
beside or under other content, with the findings of what does not fit and alt text that
names the rows."""

from __future__ import annotations

from typing import Literal

from ..figures import word
from ..messages import say
from ..tableplan import TableInput
from .attached import AttachedTable, TableFonts, plan_attached
from .context import LayoutContext
from .geometry import Box
from .shapes import TableShape

ROWS = {"it": "righe", "en": "rows", "fr": "lignes", "de": "Zeilen"}
"""The word for a table's rows in its alt text, by language."""


def table_fonts(lc: LayoutContext) -> TableFonts:
    """The theme's fonts and sizes a table is measured with."""
    sizes = lc.theme.sizes
    return TableFonts(
        lc.language,
        lc.measure_family(),
        lc.measure_family(heading=True),
        sizes.body,
        sizes.min_body,
    )


def attached_table(
    lc: LayoutContext, body: Box, table: TableInput, where: Literal["beside", "under"]
) -> AttachedTable:
    """The plan of a table beside or under the slide's other content (:func:`plan_attached`);
    what does not fit is a finding at the slide's ``table``."""
    attached = plan_attached(table, body, lc.page.gap, where, table_fonts(lc))
    plan = attached.plan
    if plan.overflow_pt > 0.5:
        lc.warn_at(
            ("table",),
            say(
                "attached_table_overflow", overflow=f"{plan.overflow_pt:.0f}", size=f"{plan.size:g}"
            ),
        )
    return attached


def attached_table_shape(lc: LayoutContext, attached: AttachedTable, title: str) -> TableShape:
    """A planned attached table; its alt text names the slide and the rows."""
    page = attached.plan.pages[0]
    alt = f"{title}: {len(page.rows)} {word(ROWS, lc.language)}"
    return TableShape(attached.box, attached.plan, page, alt)
