"""Reading a template file: the bytes, checked, with a .potx made openable by python-pptx.

A PowerPoint template (.potx) is a .pptx whose main part is declared as
``presentationml.template.main+xml``; python-pptx refuses that content type (python-pptx
#1001), so the declaration is rewritten in memory to the presentation's. Nothing else in the
package changes, and the file on disk is never touched.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import Location, Problem, ThemeError
from ..i18n import N_
from ..inputs import read_input
from ..messages import say

TEMPLATE_CAP = 64 * 1024 * 1024
"""Templates carry pictures (backgrounds, logos); a brand template is rarely over 20 MB."""
SUFFIXES = (".potx", ".pptx")
_CONTENT_TYPES = "[Content_Types].xml"
_TEMPLATE_MAIN = b"presentationml.template.main+xml"
_PRESENTATION_MAIN = b"presentationml.presentation.main+xml"
_MAX_MEMBERS = 10_000


def read_template_bytes(path: Path, where: Location) -> bytes:
    """The template's bytes as a .pptx package python-pptx opens; a located
    :class:`ThemeError` when the file is not a PowerPoint file or template."""
    if path.suffix.lower() not in SUFFIXES:
        raise ThemeError(Problem(where, say("template_suffix", name=path.name)))
    data = read_input(path, where, TEMPLATE_CAP, what=N_("template"))
    try:
        return as_presentation(data)
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise ThemeError(Problem(where, say("template_unreadable", name=path.name))) from None


def as_presentation(data: bytes) -> bytes:
    """``data`` (a .pptx or .potx package) with its main part declared as a presentation."""
    return _declared(data, _TEMPLATE_MAIN, _PRESENTATION_MAIN)


def as_template(data: bytes) -> bytes:
    """``data`` (a .pptx package) with its main part declared as a template (.potx)."""
    return _declared(data, _PRESENTATION_MAIN, _TEMPLATE_MAIN)


def _declared(data: bytes, old: bytes, new: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = package.infolist()
        if len(members) > _MAX_MEMBERS:
            raise ValueError("too many parts")
        types = package.read(_CONTENT_TYPES)
        if old not in types:
            if new not in types:
                raise ValueError("not a presentation")
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rewritten:
            for member in members:
                content = package.read(member)
                if member.filename == _CONTENT_TYPES:
                    content = content.replace(old, new)
                rewritten.writestr(member, content)
        return out.getvalue()
