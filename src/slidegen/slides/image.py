"""``image``: a picture from the project's assets, fitted to the slide, with alt text."""

from __future__ import annotations

from typing import Literal

from PIL import Image
from pptx.slide import Slide
from pptx.util import Emu

from ..assets import resolve_image
from ..layout import Box, inches
from ..layout.paras import Para
from ..markup import plain_text
from ..model import ShortText, Text, TitledSlide
from ..places import key_of
from ..render.context import RenderContext
from ..render.page import content_slide
from ..render.text import add_text


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


def render(spec: ImageSlide, ctx: RenderContext) -> Slide:
    data = ctx.source.data if ctx.source else None
    key = key_of((*ctx.place, "image"), data)
    path = resolve_image(spec.image, ctx.project_dir, ctx.location, key)
    slide = content_slide(ctx, spec.title, spec.subtitle)
    body, gap = ctx.page.body, ctx.page.gap
    caption_box = None
    if spec.caption:
        body, caption_box = body.take_bottom(inches(0.5), gap)
    with Image.open(path) as image:
        box = fit_picture(body, *image.size)
    picture = slide.shapes.add_picture(
        str(path), Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    picture.name = f"Picture: {path.name}"
    picture._element.nvPicPr.cNvPr.set("descr", plain_text(spec.alt))
    if spec.caption and caption_box:  # after the picture it describes, in reading order
        caption = [Para.of(spec.caption, color=ctx.theme.colors.muted, align="center")]
        add_text(
            ctx,
            caption_box,
            caption,
            name="Caption",
            size=ctx.theme.sizes.body * 0.8,
            min_size=ctx.theme.sizes.min_body,
        )
    return slide
