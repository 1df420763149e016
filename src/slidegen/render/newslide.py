"""A new slide with only the placeholders slidegen fills.

python-pptx's ``Slides.add_slide`` clones every placeholder of the layout but the footer ones
(``SlideShapes.clone_layout_placeholders``), reading each one's type, size, orientation and
index and naming each clone with XPath walks of the slide; slidegen then keeps the title and
at most one text placeholder and removes the rest, finding them by walking the placeholders
again (about 1.5 ms a slide, a third of a 500-slide deck's build). Here the layout's
placeholders are cloned once, by python-pptx, onto a blank slide's shape tree; each new slide
gets copies of the ones it keeps. python-pptx numbers the clones of a blank slide in order
(shape ids from 2, names from them), so a kept copy carries the very id and name it would
have had, and the slide's XML is the same, byte for byte. The slide part itself is
python-pptx's (``PresentationPart.add_slide``); nothing of python-pptx is patched.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass

from lxml import etree
from pptx.oxml.slide import CT_Slide
from pptx.presentation import Presentation
from pptx.shapes.placeholder import SlidePlaceholder
from pptx.shapes.shapetree import SlideShapeFactory, SlideShapes
from pptx.slide import Slide, SlideLayout

_TEXT_TYPES = ("subTitle", "body", "obj")
"""The types a slide's text placeholder may have, in the order one is chosen (by type:
templates number them differently, LibreOffice's all 0)."""


@dataclass(frozen=True)
class LayoutClones:
    """The placeholders python-pptx would clone from one layout onto a blank slide."""

    clones: tuple[etree._Element, ...]
    """Every clone, in python-pptx's order (the layout's, by ``idx``)."""
    title: etree._Element | None
    """The clone python-pptx's ``shapes.title`` finds: the first with ``idx`` 0."""
    text: etree._Element | None
    """The slide's text placeholder: the first subtitle, else body, else content one."""
    shape_types: dict[int, type[SlidePlaceholder]]
    """Per clone (by ``id``), the class python-pptx's shape factory gives it, by its type."""

    @classmethod
    def of(cls, layout: SlideLayout) -> LayoutClones:
        scratch = SlideShapes(CT_Slide.new().cSld.spTree, None)  # type: ignore[arg-type]
        scratch.clone_layout_placeholders(layout)
        clones = tuple(scratch._spTree.iter_ph_elms())
        title = next((sp for sp in clones if sp.ph_idx == 0), None)
        by_type: dict[str, etree._Element] = {}
        for sp in clones:
            by_type.setdefault(sp.ph.get("type", "obj"), sp)
        text = next((by_type[kind] for kind in _TEXT_TYPES if kind in by_type), None)
        types = {id(sp): type(SlideShapeFactory(sp, scratch)) for sp in clones}
        return cls(clones, title, text, types)  # type: ignore[arg-type]

    def kept(self, keep_text: bool) -> tuple[etree._Element, ...]:
        """The clones a slide keeps: its title, and its text placeholder when ``keep_text``."""
        wanted = (self.title, self.text if keep_text else None)
        return tuple(sp for sp in self.clones if any(sp is w for w in wanted))

    def held(self, keep_text: bool) -> tuple[etree._Element, ...]:
        """The clones a slide carries until its text is written: the kept ones; all of them
        when it wants a text placeholder the layout lacks, so the text box written instead
        is numbered after them, as on python-pptx's slide (the others go after)."""
        return self.clones if keep_text and self.text is None else self.kept(keep_text)


@dataclass(frozen=True)
class NewSlide:
    """A slide just added, and the placeholders it kept."""

    slide: Slide
    title: SlidePlaceholder | None
    """The title placeholder (python-pptx's shape), if the layout has one."""
    text: SlidePlaceholder | None
    """The text placeholder, if the slide keeps one and the layout has one."""
    unkept: tuple[etree._Element, ...] = ()
    """Placeholders held only until the text is written (:meth:`LayoutClones.held`)."""

    def drop_unkept(self) -> None:
        for element in self.unkept:
            element.getparent().remove(element)


def add_slide(
    prs: Presentation, layout: SlideLayout, clones: LayoutClones, keep_text: bool
) -> NewSlide:
    """Append a slide on ``layout`` carrying copies of the clones it keeps (the title, and
    the text placeholder when ``keep_text``), as python-pptx's ``add_slide`` followed by
    removing the other placeholders would leave it."""
    rid, slide = prs.part.add_slide(layout)
    shapes = slide.shapes
    tree = shapes._spTree
    kept = clones.kept(keep_text)
    found: dict[int, SlidePlaceholder] = {}
    unkept = []
    for prototype in clones.held(keep_text):
        element = deepcopy(prototype)
        tree.append(element)  # a blank slide's tree has no p:extLst to stay last
        if any(prototype is k for k in kept):
            found[id(prototype)] = clones.shape_types[id(prototype)](element, shapes)
        else:
            unkept.append(element)
    prs.slides._sldIdLst.add_sldId(rid)
    title, text = found.get(id(clones.title)), found.get(id(clones.text))
    return NewSlide(slide, title, text, tuple(unkept))
