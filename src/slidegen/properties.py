"""Provenance inside the file: core, custom (docProps/custom.xml) and application properties
(docProps/app.xml: what the deck holds, as PowerPoint's File › Info and file browsers show it)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation

from .errors import SlidegenError
from .loader import load_yaml_text
from .markup import plain_text
from .model import DeckInfo
from .theme_index import builtin_themes

_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id every custom property carries (fixed by the spec).
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def sources_digest(
    paths: Iterable[Path], root: Path, parsed: Mapping[Path, Any] | None = None
) -> str:
    """sha256 over the sources' relative names and contents, in a stable order.

    A YAML file counts by what it says, not how it is written: editing a comment or the
    layout of a deck does not change its digest (nor, so, the .pptx and its archive).
    ``parsed``: the data of YAML files the build has read already (by resolved path), so
    that they are not parsed twice.
    """
    named: dict[str, Path] = {}
    # Names relative to the project (or to slidegen's own themes), never absolute: the same
    # sources checked out elsewhere must give the same digest.
    bases = (root.resolve(), builtin_themes().parent)
    for path in paths:
        resolved = path.resolve()
        base = next((b for b in bases if resolved.is_relative_to(b)), resolved.parent)
        named[resolved.relative_to(base).as_posix()] = resolved
    digest = hashlib.sha256()
    for name in sorted(named):  # by name, so the order does not depend on how paths were given
        resolved = named[name]
        if parsed is not None and resolved in parsed:
            content = _canonical(parsed[resolved])
        else:
            content = _content(resolved)
        digest.update(name.encode() + b"\0" + content + b"\0")
    return digest.hexdigest()


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix.lower() not in (".yaml", ".yml"):
        return data
    # Read as slidegen reads it (libyaml, strict scalars: "0123" stays text), so what the
    # digest calls the same is what the build calls the same.
    try:
        return _canonical(load_yaml_text(data.decode("utf-8"), path.name).data)
    except (SlidegenError, UnicodeDecodeError, TypeError, ValueError):
        return data


def _canonical(parsed: Any) -> bytes:
    return json.dumps(parsed, sort_keys=True, default=str, ensure_ascii=False).encode()


def set_properties(
    prs: Presentation, info: DeckInfo, stamp: datetime, custom: dict[str, str]
) -> None:
    """Core properties from the deck's metadata; ``custom`` as named text properties."""
    props = prs.core_properties
    naive = stamp.replace(tzinfo=None)
    props.title = _property(info.title)
    props.subject = _property(info.period or "")
    props.author = _property(info.author or info.organization or "")
    props.last_modified_by = "slidegen"
    props.language = info.language
    props.keywords = _property(", ".join(p for p in (info.organization, info.period) if p))
    props.comments = custom.get("slidegen", "")
    props.revision = 1
    props.created = props.modified = props.last_printed = naive
    _set_custom(prs, custom)


def _property(text: str) -> str:
    """Core properties hold at most 255 characters (python-pptx and Office both refuse more)."""
    plain = plain_text(text)
    return plain if len(plain) <= 255 else plain[:254] + "…"


def _set_custom(prs: Presentation, values: dict[str, str]) -> None:
    items = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(sorted(values.items()), start=2)
    )
    blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{items}</Properties>'
    ).encode()
    package = prs.part.package
    for rel in list(package._rels.values()):  # a template's own: replaced, not doubled
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            package.drop_rel(rel.rId)
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, package, blob)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


# PowerPoint's names for the slide sizes it offers (what it writes as PresentationFormat).
_FORMATS = {
    (12192000, 6858000): "Widescreen",
    (9144000, 6858000): "On-screen Show (4:3)",
    (9144000, 5143500): "On-screen Show (16:9)",
    (9144000, 5715000): "On-screen Show (16:10)",
}


def set_app_properties(prs: Presentation, fonts: list[str], titles: list[str], notes: int) -> None:
    """docProps/app.xml for the deck as built: slide and notes counts, the fonts, the Office
    theme and every slide title (PowerPoint's "titles of parts"), its size's name, and
    slidegen as the application (python-pptx's template claims an empty 4:3 PowerPoint
    2010 deck). ``titles`` has one entry per slide, in order."""
    theme_part = prs.slide_master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(theme_part.blob).get("name", "")
    size = (prs.slide_width, prs.slide_height)
    groups = [
        ("Fonts Used", list(dict.fromkeys(fonts))),
        ("Theme", [theme]),
        ("Slide Titles", titles),
    ]
    pairs = "".join(
        f"<vt:variant><vt:lpstr>{name}</vt:lpstr></vt:variant>"
        f"<vt:variant><vt:i4>{len(items)}</vt:i4></vt:variant>"
        for name, items in groups
    )
    parts = [item for _, items in groups for item in items]
    names = "".join(f"<vt:lpstr>{escape(item)}</vt:lpstr>" for item in parts)
    blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_APP_NS}" xmlns:vt="{_VT_NS}"><TotalTime>0</TotalTime>'
        "<Application>slidegen</Application>"
        f"<PresentationFormat>{_FORMATS.get(size, 'Custom')}</PresentationFormat>"
        f"<Slides>{len(titles)}</Slides><Notes>{notes}</Notes>"
        "<HiddenSlides>0</HiddenSlides><MMClips>0</MMClips><ScaleCrop>false</ScaleCrop>"
        f'<HeadingPairs><vt:vector size="{2 * len(groups)}" baseType="variant">{pairs}'
        f'</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="{len(parts)}" '
        f'baseType="lpstr">{names}</vt:vector></TitlesOfParts>'
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()
    prs.part.package.part_related_by(RT.EXTENDED_PROPERTIES).blob = blob
