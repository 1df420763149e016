"""Slides kept as the bytes they are saved as, once they are written.

python-pptx holds every slide, and every chart on it, as an lxml tree until the deck is
saved: about 100 KB a slide, as much again for a chart, 300 MB at 2,000 slides. A slide
slidegen has finished (its chrome and notes added) is not touched again, so its XML and its
charts' are serialized there and then and the trees let go: saving writes the same bytes.
Only the classes of slidegen's own part objects change; python-pptx is not patched.
"""

from __future__ import annotations

import functools

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import OpcPackage, XmlPart
from pptx.opc.packuri import PackURI
from pptx.slide import Slide

EN_US_DEFAULTS = etree.XPath("descendant-or-self::*[@lang='en-US']")
"""The elements of a part python-pptx gave its en-US text default (found by libxml2, not a
Python walk of every node)."""
_CACHED = ("slide", "chart", "chart_workbook")
"""python-pptx's lazy properties on slide and chart parts that hold their trees."""


def keep_as_written(slide: Slide, language: str) -> None:
    """Serialize ``slide`` and its charts (python-pptx's en-US text defaults given the deck's
    language first, as :func:`slidegen.render.template.apply_language` does for the other
    parts) and drop their trees."""
    part = slide.part
    charts = [rel.target_part for rel in part.rels.values() if rel.reltype == RT.CHART]
    for done in (part, *charts):
        if isinstance(done, XmlPart) and done._element is not None:
            _serialize(done, language)


def _serialize(part: XmlPart, language: str) -> None:
    from .template import chart_language  # the one place a chart is told its language

    element = part._element
    for node in EN_US_DEFAULTS(element):
        node.set("lang", language)
    if element.tag.endswith("}chartSpace"):
        chart_language(element, language)
    part._written = serialize_part_xml(element)  # type: ignore[attr-defined]
    part.__class__ = _written_class(type(part))
    part._element = None  # type: ignore[assignment]
    for name in _CACHED:
        part.__dict__.pop(name, None)


@functools.cache
def _written_class(cls: type[XmlPart]) -> type[XmlPart]:
    """``cls`` with its XML already serialized: ``blob`` is the bytes kept."""
    return type(f"Written{cls.__name__}", (cls,), {"blob": property(lambda self: self._written)})


def written_part(
    cls: type[XmlPart], partname: PackURI, content_type: str, package: OpcPackage
) -> XmlPart:
    """A new part of ``cls`` that is written from the start: it never has a tree, its
    ``_written`` bytes (set by the caller) are what is saved."""
    part = _written_class(cls)(partname, content_type, package, None)  # type: ignore[arg-type]
    part._written = b""  # type: ignore[attr-defined]
    return part
