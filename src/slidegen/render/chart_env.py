"""What draws a chart image besides its data: the libraries and the font files.

Part of the chart cache key, so an upgraded matplotlib, Pillow or numpy, or another font file
under the same family name, draws the image again instead of reusing one drawn by the old.
"""

from __future__ import annotations

import functools
import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..textfit import find_font

DRAWING_LIBRARIES = ("matplotlib", "Pillow", "numpy")


@functools.cache
def library_versions() -> dict[str, str]:
    found = {}
    for name in DRAWING_LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


@functools.cache
def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def drawing_environment(family: str) -> dict[str, object]:
    """The library versions and the sha256 of the regular and bold files of ``family``."""
    fonts = {}
    for style, bold in (("regular", False), ("bold", True)):
        path = find_font(family, bold, False)
        fonts[style] = file_sha256(path) if path else "not installed"
    return {"libraries": library_versions(), "fonts": fonts}
