"""Versioned archives that verify from themselves: one BagIt bag per version.

``<root>/<period>/<slug>-v<N>/`` (root: ``archive/`` beside the deck) holds the exact sources,
the outputs and the environment; the sequence's log chains the versions. See
:mod:`.write` (archiving), :mod:`.verify`, :mod:`.bag`, :mod:`.sequence`, :mod:`.environment`.

The names below are imported on first use (PEP 562): a build asks only :mod:`.root` where
the archive is, and must not pay for bagit, multiprocessing and logging.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .sequence import ArchiveError
    from .verify import Report, VerifyError, verify_archive
    from .write import ArchiveResult, archive_deck

_MODULE_OF = {
    "ArchiveError": "sequence",
    "ArchiveResult": "write",
    "Report": "verify",
    "VerifyError": "verify",
    "archive_deck": "write",
    "verify_archive": "verify",
}

__all__ = [
    "ArchiveError",
    "ArchiveResult",
    "Report",
    "VerifyError",
    "archive_deck",
    "verify_archive",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
