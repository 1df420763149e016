"""What slidegen repairs in a template before building on it, once, as it is read.

Its masters, layouts, theme, backgrounds and size stay as they are, except for what
PowerPoint would repair or mishandle: the template's example slides are removed, a master
without text styles (LibreOffice writes none) gets them from its own placeholders, layouts
get unique names and types (PowerPoint's New Slide and Reset go by type), and placeholders
unique indices (LibreOffice numbers a layout's title and text both 0, and slides find their
layout's placeholder by index).
"""

from __future__ import annotations

from collections import Counter
from copy import deepcopy

from lxml import etree
from pptx.oxml.ns import qn
from pptx.presentation import Presentation

from .styles import text_defaults

_NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
       "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}  # fmt: skip
_KEEP_RUN = ("sz", "b", "i")
"""Run attributes a master's prompt text passes on to its text styles (not lang, spc…)."""


def repair_template(prs: Presentation) -> None:
    """Make ``prs`` (a template just opened) a sound base for a deck, in place."""
    _drop_slides(prs)
    for master in prs.slide_masters:
        _give_text_styles(master.element)
        _unique_names_and_types(master)
        for element in (master.element, *(layout.element for layout in master.slide_layouts)):
            _repair(element)
        for layout in master.slide_layouts:
            _unique_indices(layout.element)


def _unique_indices(layout: etree._Element) -> None:
    """Every placeholder of a layout but its title with an index of its own."""
    placeholders = [
        ph for ph in layout.iter(qn("p:ph")) if ph.get("type", "obj") not in ("title", "ctrTitle")
    ]
    counts = Counter(ph.get("idx", "0") for ph in placeholders)
    used = {int(ph.get("idx", "0")) for ph in placeholders if ph.get("idx", "0").isdigit()}
    used.add(0)
    for ph in placeholders:
        idx = ph.get("idx", "0")
        if idx == "0" or counts[idx] > 1:
            counts[idx] -= 1
            fresh = max(used) + 1
            used.add(fresh)
            ph.set("idx", str(fresh))


def _repair(element: etree._Element) -> None:
    """What LibreOffice writes into its .pptx masters and layouts that PowerPoint repairs or
    the schema refuses: shape ids (unique from 1), backgrounds without their effect list,
    and bullet sizes as bare numbers (ISO 29500 writes a percentage)."""
    for number, properties in enumerate(element.iter(qn("p:cNvPr")), start=1):
        properties.set("id", str(number))
    for background in element.iter(qn("p:bgPr")):
        if (
            background.find(qn("a:effectLst")) is None
            and background.find(qn("a:effectDag")) is None
        ):
            etree.SubElement(background, qn("a:effectLst"))
    for size in list(element.iter(qn("a:buSzPct"))):
        value = size.get("val", "")
        if value.isdigit():  # 45000 (thousandths of a percent) → 45%
            size.set("val", f"{max(25, min(400, round(int(value) / 1000)))}%")


def _drop_slides(prs: Presentation) -> None:
    """Remove the template's own slides: their relationships go, so their parts (and their
    notes and pictures) are not saved."""
    id_list = prs.slides._sldIdLst
    for entry in list(id_list):
        prs.part.drop_rel(entry.rId)
        id_list.remove(entry)


def _give_text_styles(master: etree._Element) -> None:
    """A master without ``p:txStyles`` (PowerPoint repairs such files) gets title and body
    styles from its title and body placeholders' prompt text, so text typed in PowerPoint
    looks like the template's."""
    if master.find(qn("p:txStyles")) is not None:
        return
    styles = etree.SubElement(master, qn("p:txStyles"))
    for style, kind in (("p:titleStyle", "title"), ("p:bodyStyle", "body")):
        element = etree.SubElement(styles, qn(style))
        level = etree.SubElement(element, qn("a:lvl1pPr"))
        level.append(_defaults_of(master, kind))
    etree.SubElement(styles, qn("p:otherStyle"))
    # CT_SlideMaster: cSld, clrMap, sldLayoutIdLst, transition, timing, hf, txStyles, extLst
    extensions = master.find(qn("p:extLst"))
    if extensions is not None:
        extensions.addprevious(styles)


def _defaults_of(master: etree._Element, kind: str) -> etree._Element:
    defaults = etree.Element(qn("a:defRPr"))
    for sp in master.iterfind("p:cSld/p:spTree/p:sp", _NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", _NS)
        if ph is None or ph.get("type", "obj") != kind:
            continue
        found = text_defaults(sp)
        if not found:
            break
        run = found[0]
        for name in _KEEP_RUN:
            if run.get(name) is not None:
                defaults.set(name, run.get(name))
        for child in run:  # fill, fonts: in the schema's order already
            if etree.QName(child).localname in ("solidFill", "latin", "ea", "cs"):
                defaults.append(deepcopy(child))
        break
    return defaults


def _unique_names_and_types(master: object) -> None:
    """Layout names unique within the master, and each non-custom type used once: a second
    layout of a type (LibreOffice gives several ``blank``) becomes ``cust``; a missing type
    is ``cust``."""
    layouts = list(master.slide_layouts)  # type: ignore[attr-defined]
    seen_types: set[str] = set()
    names = Counter(layout.name for layout in layouts)
    used: Counter[str] = Counter()
    for layout in layouts:
        element = layout.element
        kind = element.get("type") or "cust"
        if kind != "cust" and kind in seen_types:
            kind = "cust"
        seen_types.add(kind)
        element.set("type", kind)
        name = layout.name or "Layout"
        if names[layout.name] > 1 or not layout.name:
            used[name] += 1
            if used[name] > 1:
                layout.element.cSld.set("name", f"{name} {used[name]}")
            else:
                layout.element.cSld.set("name", name)
