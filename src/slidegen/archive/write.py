"""``build --archive``: a new version when an output changed, else nothing.

The version is built whole in a staging folder inside the archive root, made a bag and
published with one rename, all under the archive's lock; its log line is appended after. A run
killed at any moment leaves no version or a complete one, and the next run removes its
staging folder.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from pathlib import Path

import bagit

from ..build import Compiled, compile_deck, slugify, store_cache
from ..errors import DeckError, Location, Problem
from ..markup import plain_text
from ..messages import say
from . import bag as bags
from .root import choose_root, mark_root
from .sequence import (
    STAGING_PREFIX,
    ArchiveError,
    LogEntry,
    Sequence,
    append_log,
    locked,
    read_log,
    remove_stale_staging,
    remove_tree,
    validate_bag,
)


@dataclass(frozen=True)
class ArchiveResult:
    version: int
    folder: Path
    """The version's bag."""
    written: list[Path]
    """The outputs written; empty when the deck is identical to the latest version."""
    findings: list[Problem]


def archive_deck(
    deck_path: Path,
    theme_name: str | None = None,
    strict: bool = False,
    pdf: bool = True,
    archive_dir: Path | None = None,
    period: str | None = None,
    allow_missing: bool = False,
) -> ArchiveResult:
    """Archive ``deck_path`` as a new version, unless its outputs equal the latest one's."""
    project = deck_path.resolve().parent
    root = choose_root(project, archive_dir)
    compiled = compile_deck(
        deck_path,
        theme_name,
        cache_dir=project / "output" / ".cache",
        period=period,
        allow_missing=allow_missing,
    )
    if strict and compiled.findings:
        raise DeckError([dataclasses.replace(p, severity="error") for p in compiled.findings])
    sequence = sequence_of(compiled, deck_path, root)
    recipe = bags.BuildRecipe(theme_name, compiled.period, allow_missing)
    mark_root(root)
    with locked(root):
        remove_stale_staging(root)
        entries = _log_entries(sequence)
        latest = _latest_intact(sequence)
        if latest is not None and _pptx_of(latest[1]) == compiled.data:
            return ArchiveResult(latest[0], latest[1], [], compiled.findings)
        number = max([e.version for e in entries] + list(sequence.published()), default=0) + 1
        folder = _publish(compiled, project, sequence, number, recipe, entries, pdf)
    store_cache(compiled)
    written = sorted((folder / "data" / bags.OUTPUT).iterdir())
    return ArchiveResult(number, folder, written, compiled.findings)


def sequence_of(compiled: Compiled, deck_path: Path, root: Path) -> Sequence:
    """Period folder and slug; a deck file other than ``deck.yaml`` adds its name to the
    slug, so two deck files with one title never share a sequence."""
    info = compiled.info
    period = compiled.period or (slugify(plain_text(info.period)) if info.period else "undated")
    slug = slugify(plain_text(info.title))
    if deck_path.stem != "deck":
        slug += f"-{slugify(deck_path.stem)}"
    return Sequence(root, period, slug, deck_path.name)


def _log_entries(sequence: Sequence) -> list[LogEntry]:
    entries = read_log(sequence.log)
    others = sorted({e.deck for e in entries if e.deck != sequence.deck})
    if others:
        raise ArchiveError(
            Problem(
                Location(str(sequence.log)),
                say("archive_other_deck", other=others[0], deck=sequence.deck),
            )
        )
    # A version published by a run killed before its log line: record it now.
    logged = {e.version for e in entries}
    for number, folder in sorted(sequence.published().items()):
        if number > max(logged, default=0):
            entry = _entry_of(sequence, number, folder)
            append_log(sequence.log, entry)
            entries.append(entry)
            logged.add(number)
    return entries


def _entry_of(sequence: Sequence, number: int, folder: Path) -> LogEntry:
    info = _checked_bag(folder).info
    previous = str(info.get(bags.PREVIOUS_KEY, bags.NONE))
    return LogEntry(
        version=number,
        deck=sequence.deck,
        tagmanifest_sha256=bags.tagmanifest_sha256(folder),
        previous_version=None if previous == bags.NONE else int(previous),
        previous_sha256=None if previous == bags.NONE else str(info[bags.PREVIOUS_SHA_KEY]),
    )


def _latest_intact(sequence: Sequence) -> tuple[int, Path] | None:
    """The latest version present, checked whole: a damaged one is an error, not a base."""
    published = sequence.published()
    if not published:
        return None
    number = max(published)
    _checked_bag(published[number])
    return number, published[number]


def _checked_bag(folder: Path) -> bagit.Bag:
    where = Location(str(folder))
    hint = say("archive_restore_hint")
    try:
        bag = validate_bag(folder)
    except bagit.BagValidationError as error:
        details = "; ".join(str(d) for d in (error.details or [])) or error.message
        raise ArchiveError(
            Problem(where, say("archive_damaged", details=details, hint=hint))
        ) from None
    except (bagit.BagError, OSError, UnicodeDecodeError, ValueError) as error:
        raise ArchiveError(Problem(where, say("archive_not_a_bag", reason=error) + hint)) from None
    return bag


def _pptx_of(folder: Path) -> bytes | None:
    found = sorted((folder / "data" / bags.OUTPUT).glob("*.pptx"))
    return found[0].read_bytes() if found else None


def _publish(
    compiled: Compiled,
    project: Path,
    sequence: Sequence,
    number: int,
    recipe: bags.BuildRecipe,
    entries: list[LogEntry],
    pdf: bool,
) -> Path:
    previous = entries[-1] if entries else None
    staging = sequence.root / f"{STAGING_PREFIX}{uuid.uuid4().hex}"
    target = sequence.version_folder(number)
    try:
        bags.stage(staging, compiled, project, sequence, number, recipe, previous, pdf)
        bags.publish(staging, target)
    finally:
        remove_tree(staging)  # gone already when published
    append_log(
        sequence.log,
        LogEntry(
            version=number,
            deck=sequence.deck,
            tagmanifest_sha256=bags.tagmanifest_sha256(target),
            previous_version=previous.version if previous else None,
            previous_sha256=previous.tagmanifest_sha256 if previous else None,
        ),
    )
    return target
