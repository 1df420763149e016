"""Versioned archives that verify from themselves: one BagIt bag per version.

``<root>/<period>/<slug>-v<N>/`` (root: ``archive/`` beside the deck) holds the exact sources,
the outputs and the environment; the sequence's log chains the versions. See
:mod:`.write` (archiving), :mod:`.verify`, :mod:`.bag`, :mod:`.sequence`, :mod:`.environment`.
"""

from .sequence import ArchiveError
from .verify import Report, VerifyError, verify_archive
from .write import ArchiveResult, archive_deck

__all__ = [
    "ArchiveError",
    "ArchiveResult",
    "Report",
    "VerifyError",
    "archive_deck",
    "verify_archive",
]
