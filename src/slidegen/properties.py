"""Provenance inside the file: core properties and custom properties (docProps/custom.xml)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation

from .markup import plain_text
from .model import DeckInfo
from .theme_index import builtin_themes

_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id every custom property carries (fixed by the spec).
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def sources_digest(paths: Iterable[Path], root: Path) -> str:
    """sha256 over the sources' relative names and contents, in a stable order.

    A YAML file counts by what it says, not how it is written: editing a comment or the
    layout of a deck does not change its digest (nor, so, the .pptx and its archive).
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
        digest.update(name.encode() + b"\0" + _content(named[name]) + b"\0")
    return digest.hexdigest()


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix.lower() not in (".yaml", ".yml"):
        return data
    try:
        parsed = yaml.safe_load(data)
        return json.dumps(parsed, sort_keys=True, default=str, ensure_ascii=False).encode()
    except (yaml.YAMLError, TypeError, ValueError):  # what the loader reads another way
        return data


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
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, package, blob)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)
