"""``image``: a picture from the project's assets, fitted to the slide, with alt text."""

from __future__ import annotations

from typing import Literal

from PIL import Image

from ..assets import resolve_image
from ..layout import Box
from ..layout.context import LayoutContext
from ..layout.shapes import PictureShape, Shape, SlidePlan
from ..layout.slideplan import content_heading, content_slide
from ..layout.text import CAPTION_HEIGHT, caption_shape
from ..markup import plain_text
from ..model import ShortText, Text, TitledSlide
from ..places import key_of


class ImageSlide(TitledSlide):
    """A picture from the project's ``assets/`` folder."""

    kind: Literal["image"]
    image: ShortText
    """Path of the picture, relative to the deck file (e.g. ``assets/piazza.jpg``)."""
    alt: ShortText
    """What the picture shows, for screen readers."""
    caption: Text | None = None
    """A line under the picture."""


def fit_picture(box: Box, width_px: int, height_px: int) -> Box:
    """The largest box of the picture's aspect ratio inside ``box``, centred."""
    scale = min(box.width / width_px, box.height / height_px)
    width, height = round(width_px * scale), round(height_px * scale)
    return Box(
        box.left + (box.width - width) // 2, box.top + (box.height - height) // 2, width, height
    )


def plan(spec: ImageSlide, lc: LayoutContext) -> SlidePlan:
    heading = content_heading(lc, spec.title, spec.subtitle)
    data = lc.source.data if lc.source else None
    key = key_of((*lc.place, "image"), data)
    path = resolve_image(spec.image, lc.project_dir, lc.location, key)
    body, gap = lc.page.body, lc.page.gap
    caption_box = None
    if spec.caption:
        body, caption_box = body.take_bottom(CAPTION_HEIGHT, gap)
    with Image.open(path) as image:
        box = fit_picture(body, *image.size)
    shapes: list[Shape] = [PictureShape(box, path, plain_text(spec.alt))]
    if spec.caption and caption_box:  # after the picture it describes, in reading order
        shapes.append(caption_shape(lc, caption_box, spec.caption))
    return content_slide(lc, heading, shapes)
