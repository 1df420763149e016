"""``slidegen template inspect``: what a template holds and what slidegen would build on.

Every master and layout with its name and placeholders (type, index, name, box in cm), the
layout and placeholders each kind of slide would use, and a picture of each layout drawn by
LibreOffice: what an office needs to write ``layouts:`` in ``theme.yaml``.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from ..i18n import _
from ..layout.geometry import CLOSING, CONTENT, COVER, SECTION, Box
from .mapping import ROLE_OF_KIND, LayoutChoice
from .reading import Layout, Placeholder, TemplateInfo

EMU_PER_CM = 360000
_ROLE_WORDS = {COVER: "title", SECTION: "section", CONTENT: "content", CLOSING: "closing"}


def describe(info: TemplateInfo, choice: LayoutChoice, kinds: tuple[str, ...]) -> list[str]:
    """The report's lines."""
    lines = [
        _("{name}: {width} × {height} cm, {masters} master(s), {layouts} layouts").format(
            name=info.path.name,
            width=_cm(info.width),
            height=_cm(info.height),
            masters=len(info.masters),
            layouts=len(info.layouts),
        )
    ]
    if info.example_slides:
        lines.append(
            _("{count} example slide(s): not kept in decks").format(count=info.example_slides)
        )
    master = -1
    for number, layout in enumerate(info.layouts, start=1):
        if layout.master != master:
            master = layout.master
            name = info.masters[master] or "—"
            lines += ["", _("Master {number} «{name}»").format(number=master + 1, name=name)]
        lines.append(f"  {number:>2}. «{layout.name}» ({layout.type})")
        lines += [f"        {_placeholder(ph)}" for ph in layout.placeholders]
    lines += ["", _("What slidegen builds on (theme.yaml 'layouts:' changes it):")]
    for role, layout in choice.roles.items():
        used = [k for k in kinds if ROLE_OF_KIND.get(k, CONTENT) == role and k not in choice.kinds]
        lines.append(f"  {_ROLE_WORDS[role]:<9} {_uses(layout)}   ({', '.join(used)})")
    for kind, layout in choice.kinds.items():
        lines.append(f"  {kind:<9} {_uses(layout)}")
    return lines


def _uses(layout: Layout) -> str:
    title, text = layout.title, layout.text
    parts = [f"«{layout.name}»"]
    if title is not None:
        parts.append(_("title in {ph}").format(ph=f"{title.type} {title.idx}"))
    if text is not None:
        parts.append(_("text in {ph}").format(ph=f"{text.type} {text.idx}"))
    return ", ".join(parts)


def _placeholder(ph: Placeholder) -> str:
    box = _box(ph.box) if ph.box else _("(no place of its own)")
    return f"{ph.type:<8} idx {ph.idx:<3} «{ph.name}»  {box}"


def _box(box: Box) -> str:
    return f"{_cm(box.left)}, {_cm(box.top)} cm  {_cm(box.width)} × {_cm(box.height)} cm"


def _cm(emu: int) -> str:
    return f"{emu / EMU_PER_CM:.2f}".rstrip("0").rstrip(".")


def layout_pictures(info: TemplateInfo, folder: Path) -> list[Path]:
    """One PNG per layout in ``folder`` (``layout-01.png`` …): a slide on each, its
    placeholders labelled with their type and index, drawn by LibreOffice."""
    from ..export import export
    from ..render.package import scoped_pptx_patches

    with scoped_pptx_patches(), tempfile.TemporaryDirectory(prefix="slidegen-inspect-") as work:
        sample = Path(work) / "layout.pptx"
        sample.write_bytes(_sample_deck(info))
        done = export(sample, len(info.layouts), pdf=None, png_dir=Path(work) / "png")
        folder.mkdir(parents=True, exist_ok=True)
        pictures = []
        for number, png in enumerate(done.pngs, start=1):
            target = folder / f"layout-{number:02d}.png"
            target.write_bytes(png.read_bytes())
            pictures.append(target)
    return pictures


def _sample_deck(info: TemplateInfo) -> bytes:
    from pptx import Presentation

    prs = Presentation(io.BytesIO(info.data))
    for layout in (lay for master in prs.slide_masters for lay in master.slide_layouts):
        slide = prs.slides.add_slide(layout)
        for shape in slide.placeholders:
            ph = shape.placeholder_format
            label = f"{layout.name} · {shape.element.ph.get('type', 'obj')} {ph.idx}"
            if shape.has_text_frame:
                shape.text_frame.text = label
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
