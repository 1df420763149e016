"""Slides kept as the bytes they are saved as, once they are written.

python-pptx holds every slide as an lxml tree until the deck is saved: about 100 KB a slide,
300 MB at 2,000 slides. A slide slidegen has finished (its chrome and notes added) is not
touched again, so its XML is serialized there and then and the tree let go: saving writes
the same bytes. Only slidegen's own slide parts change class; python-pptx is not patched.
"""

from __future__ import annotations

from pptx.opc.oxml import serialize_part_xml
from pptx.parts.slide import SlidePart
from pptx.slide import Slide


class WrittenSlidePart(SlidePart):
    """A slide part whose XML is already serialized."""

    _written: bytes

    @property
    def blob(self) -> bytes:
        return self._written


def keep_as_written(slide: Slide, language: str) -> None:
    """Serialize ``slide`` (python-pptx's en-US text defaults given the deck's language
    first, as :func:`slidegen.render.template.apply_language` does for the other parts) and
    drop its tree."""
    part = slide.part
    element = part._element
    for node in element.iter():
        if node.get("lang") == "en-US":
            node.set("lang", language)
    part._written = serialize_part_xml(element)
    part.__class__ = WrittenSlidePart
    part._element = None  # type: ignore[assignment]
    part.__dict__.pop("slide", None)  # python-pptx's cached Slide holds the tree too
