"""A presentation opened from the organisation's template (repaired and without its example
slides since it was read, :mod:`slidegen.template.repair`), ready for slidegen's slides."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.presentation import Presentation as PresentationT
from pptx.slide import SlideLayout

from ..template.mapping import LayoutChoice
from ..template.reading import Layout, TemplateInfo
from .package import make_linear


def template_presentation(
    info: TemplateInfo, choice: LayoutChoice
) -> tuple[PresentationT, dict[str, SlideLayout], dict[str, SlideLayout]]:
    """The template; the layouts of each role and of each kind the theme maps to a layout
    of its own."""
    prs = Presentation(io.BytesIO(info.data))
    make_linear(prs)

    def layout_of(layout: Layout) -> SlideLayout:
        return prs.slide_masters[layout.master].slide_layouts[layout.position]

    roles = {role: layout_of(layout) for role, layout in choice.roles.items()}
    kinds = {kind: layout_of(layout) for kind, layout in choice.kinds.items()}
    return prs, roles, kinds
