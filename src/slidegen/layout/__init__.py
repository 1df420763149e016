"""The layout stage: where everything goes on a slide and how large it is set, decided from
the theme's geometry and font metrics before anything is rendered.

:mod:`.geometry` has the page's fixed regions (boxes in EMU); :mod:`.paras` the paragraphs
to set; :mod:`.textplan` fits them into a box (one :class:`~.textplan.TextPlan` per text);
:mod:`.titleplan` gives every slide of a layout one title size; :mod:`.tileplan` sets metric
tiles in balanced rows. The plans are frozen dataclasses without python-pptx: the renderers
write them and decide nothing.
"""

from .geometry import (
    EMU_PER_INCH,
    EMU_PER_PT,
    Box,
    Frame,
    PageGeometry,
    grid,
    inches,
    points,
    slide_length,
)

__all__ = [
    "EMU_PER_INCH",
    "EMU_PER_PT",
    "Box",
    "Frame",
    "PageGeometry",
    "grid",
    "inches",
    "points",
    "slide_length",
]
