"""A sequence of versions of one deck and period, and its log.

``<root>/<period>/<slug>-v<N>/`` are the versions; ``<root>/<period>/<slug>.chain`` is the
sequence's log, one JSON line per published version (its deck, the sha256 of its
``tagmanifest-sha256.txt`` and of its predecessor's). The log is what keeps a deleted version's
number used and what a rewritten version is checked against. One archive run at a time holds
``<root>/.lock``; whatever staging folder it then finds was left by a run that died.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bagit

from ..errors import Location, Problem, SlidegenError
from ..messages import say

STAGING_PREFIX = ".staging-"
LOG_SUFFIX = ".chain"
TAGMANIFEST = "tagmanifest-sha256.txt"


class ArchiveError(SlidegenError):
    """The archive is damaged or inconsistent (a version, its bag or the sequence's log)."""


@dataclass(frozen=True)
class LogEntry:
    version: int
    deck: str
    tagmanifest_sha256: str
    previous_version: int | None
    previous_sha256: str | None

    def to_json(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True)


@dataclass(frozen=True)
class Sequence:
    root: Path
    period: str
    slug: str
    deck: str
    """The deck file, relative to its project: part of the sequence's identity."""

    @property
    def folder(self) -> Path:
        return self.root / self.period

    @property
    def log(self) -> Path:
        return self.folder / f"{self.slug}{LOG_SUFFIX}"

    def version_folder(self, number: int) -> Path:
        return self.folder / f"{self.slug}-v{number}"

    def published(self) -> dict[int, Path]:
        """The version folders present, by number."""
        pattern = re.compile(rf"^{re.escape(self.slug)}-v(\d+)$")
        found = {}
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                match = pattern.match(path.name)
                if match and path.is_dir():
                    found[int(match.group(1))] = path
        return found


def read_log(log: Path) -> list[LogEntry]:
    """The log's entries; a damaged line is a located error. A last line cut short (a run
    killed while appending it) was never published and is ignored."""
    if not log.is_file():
        return []
    try:
        text = log.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ArchiveError(
            Problem(Location(str(log)), say("archive_log_unreadable", reason=exc))
        ) from None
    lines = text.split("\n")
    entries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entries.append(_entry(json.loads(line)))
        except (ValueError, TypeError):
            if number == len(lines):  # no newline after it: the append never finished
                break
            raise ArchiveError(
                Problem(Location(str(log), number, 1), say("archive_log_damaged"))
            ) from None
    return entries


_FIELDS = {
    "version": (int,),
    "deck": (str,),
    "tagmanifest_sha256": (str,),
    "previous_version": (int, type(None)),
    "previous_sha256": (str, type(None)),
}


def _entry(data: object) -> LogEntry:
    """A log line's entry, its fields of the types slidegen writes (a hand-edited line may
    hold anything); a :class:`TypeError` otherwise."""
    if not isinstance(data, dict) or set(data) != set(_FIELDS):
        raise TypeError("not a log entry")
    for name, types in _FIELDS.items():
        value = data[name]
        if isinstance(value, bool) or not isinstance(value, types):
            raise TypeError(f"{name} is not {types}")
    return LogEntry(**data)


def append_log(log: Path, entry: LogEntry) -> None:
    """One line, one write, flushed to disk before the run reports success."""
    log.parent.mkdir(parents=True, exist_ok=True)
    prefix = ""
    if log.is_file() and log.stat().st_size and not log.read_bytes().endswith(b"\n"):
        prefix = "\n"  # after a cut-short line
    handle = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(handle, (prefix + entry.to_json() + "\n").encode())
        os.fsync(handle)
    finally:
        os.close(handle)


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold the archive's lock; the lock goes with the process however it ends."""
    try:
        import fcntl
    except ImportError:  # Windows: one archive run at a time is the user's to ensure
        yield
        return
    handle = os.open(root / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def remove_stale_staging(root: Path) -> None:
    """Staging folders of runs that died (only called with the lock held)."""
    for path in root.glob(f"{STAGING_PREFIX}*"):
        remove_tree(path)


def remove_tree(path: Path) -> None:
    """Remove ``path`` even where its files were already made read-only."""

    def writable_again(function: Any, name: str, _: Any) -> None:
        os.chmod(os.path.dirname(name), stat.S_IRWXU)
        with contextlib.suppress(OSError):
            os.chmod(name, stat.S_IRWXU)
        function(name)

    if not path.exists():
        return
    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=writable_again)
    else:  # the same handler, under its older name
        shutil.rmtree(path, onerror=writable_again)


def validate_bag(folder: Path) -> bagit.Bag:
    """``folder`` as a valid bag, or :class:`bagit.BagValidationError` naming each file.

    bagit stops at a wrong Payload-Oxum (a file count or size) before it names any file;
    then its completeness and checksum steps are run for the names.
    """
    bag = bagit.Bag(str(folder))
    try:
        bag.validate()
    except bagit.BagValidationError as error:
        if error.details or "Payload-Oxum" not in str(error.message):
            raise
        bag._validate_completeness()  # raises with the missing and unexpected files
        bag._validate_entries(1)  # raises with the changed ones
        raise
    return bag


def make_read_only(folder: Path) -> None:
    """Files r--, folders r-x, the top folder last (it is renamed before that)."""
    for current, dirs, files in os.walk(folder, topdown=False):
        for name in files:
            os.chmod(os.path.join(current, name), 0o444)
        for name in dirs:
            os.chmod(os.path.join(current, name), 0o555)
