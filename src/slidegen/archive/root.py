"""Where archives live, and how a folder is known to be one.

The archive root (``archive/`` beside the deck unless configured) holds a marker file, so
``build -o`` can refuse to write anywhere inside it, whatever the root is called.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Location, OutputError, Problem
from ..messages import say

MARKER = ".slidegen-archive"
DEFAULT_FOLDER = "archive"
_MARKER_TEXT = (
    "This folder is a slidegen archive: one BagIt bag per version, <period>/<slug>-v<N>/.\n"
    "Published versions are read-only; 'slidegen verify <folder>' checks them.\n"
)


def archive_root_of(path: Path) -> Path | None:
    """The archive root (or archived version) that ``path`` would be written into, if any."""
    resolved = path.resolve()
    for folder in resolved.parents:
        if (folder / MARKER).is_file() or (folder / "bagit.txt").is_file():
            return folder
    return None


def choose_root(project: Path, configured: Path | None) -> Path:
    """The archive root for a deck in ``project``; never inside its ``output/`` (which
    ``make clean`` removes and git ignores)."""
    root = (configured if configured is not None else project / DEFAULT_FOLDER).resolve()
    output = (project / "output").resolve()
    if root == output or root.is_relative_to(output):
        raise OutputError(
            Problem(
                Location(str(configured or root)),
                say("archive_in_output"),
            )
        )
    return root


def mark_root(root: Path) -> None:
    """Create the archive root and its marker (idempotent)."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        marker = root / MARKER
        if not marker.exists():
            marker.write_text(_MARKER_TEXT, encoding="utf-8")
    except OSError as exc:
        raise OutputError(
            Problem(Location(str(root)), say("archive_cannot_create", reason=exc.strerror or exc))
        ) from None
