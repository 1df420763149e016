"""Assets (images, logos): resolved inside the project, checked before anything is rendered."""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .errors import AssetError, Location, Problem
from .messages import say
from .places import NO_KEY, Key

MAX_IMAGE_BYTES = 25 * 1024 * 1024
MAX_IMAGE_PIXELS = 60_000_000
MAX_ASPECT = 100
"""A picture 30000×1 placed at a logo's height is wider than Office's 32-bit extents."""
IMAGE_FORMATS = ("PNG", "JPEG", "GIF", "BMP", "TIFF")


def project_file(relative: str, project_dir: Path, where: Location, key: Key = NO_KEY) -> Path:
    """``relative`` resolved inside the project; an :class:`AssetError` for absolute paths,
    ``..``, symlinks leading outside, and names the file system cannot hold."""
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise AssetError(
            Problem(
                where,
                say("asset_outside_path", name=relative),
                *key,
            )
        )
    try:
        full = (project_dir / candidate).resolve()
        full.is_file()  # NUL bytes and over-long names fail here, not later
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or say("asset_bad_name")
        message = say("asset_unusable", name=relative[:80], reason=reason)
        raise AssetError(Problem(where, message, *key)) from None
    if not full.is_relative_to(project_dir.resolve()):
        raise AssetError(Problem(where, say("asset_link_outside", name=relative), *key))
    return full


def resolve_image(relative: str, project_dir: Path, where: Location, key: Key = NO_KEY) -> Path:
    """The checked absolute path of ``relative``: inside the project, a readable image.

    Raises :class:`AssetError` naming the images that do exist in the same folder.
    """
    full = project_file(relative, project_dir, where, key)
    root = project_dir.resolve()
    is_folder, is_file = full.is_dir(), full.is_file()
    if is_folder:
        raise AssetError(Problem(where, say("image_is_folder", name=relative), *key))
    if not is_file:
        folder = full.parent
        existing = (
            sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
            if folder.is_dir()
            else []
        )
        listed = ", ".join(existing[:12]) if existing else say("none")
        shown = folder.relative_to(root) if folder.is_relative_to(root) else folder
        raise AssetError(
            Problem(where, say("image_not_found", name=relative, folder=shown, files=listed), *key)
        )
    size = full.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise AssetError(
            Problem(
                where,
                say("image_too_big", name=relative, size=f"{size:,}", limit=f"{MAX_IMAGE_BYTES:,}"),
                *key,
            )
        )
    try:
        with Image.open(full) as image:
            width, height = image.size
            kind = image.format
            if width * height > MAX_IMAGE_PIXELS:
                raise AssetError(
                    Problem(
                        where,
                        say(
                            "image_too_many_pixels",
                            name=relative,
                            width=width,
                            height=height,
                            limit=f"{MAX_IMAGE_PIXELS:,}",
                        ),
                        *key,
                    )
                )
            if max(width, height) > MAX_ASPECT * max(1, min(width, height)):
                raise AssetError(
                    Problem(
                        where,
                        say(
                            "image_too_thin",
                            name=relative,
                            width=width,
                            height=height,
                            limit=MAX_ASPECT,
                        ),
                        *key,
                    )
                )
            image.verify()
        _decode_fully(full, full.stat().st_mtime_ns, size)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise AssetError(
            Problem(
                where,
                say("image_unreadable", name=relative, formats=", ".join(IMAGE_FORMATS)),
                *key,
            )
        ) from None
    if kind not in IMAGE_FORMATS:
        raise AssetError(
            Problem(
                where,
                say("image_format", name=relative, kind=kind, formats=", ".join(IMAGE_FORMATS)),
                *key,
            )
        )
    return full


@functools.lru_cache(maxsize=256)
def _decode_fully(full: Path, mtime_ns: int, size: int) -> None:
    """Decode every pixel: ``verify`` reads the structure, and a truncated JPEG or a PNG
    without its pixel data passes it, then shows as a broken picture in PowerPoint. Once per
    file version (the same picture on a hundred slides is decoded once)."""
    with Image.open(full) as image:
        image.load()
