"""One archived version as a BagIt bag (RFC 8493), assembled in staging, published by rename.

Payload: ``data/sources/`` (the exact sources at their project-relative paths, the theme
folder included, so a rebuild needs nothing outside the bag), ``data/output/`` (.pptx, PDF)
and ``data/environment/``. ``bag-info.txt`` records how to rebuild (deck, period, theme,
timestamp rule) and the chain: the sha256 of the previous version's tag manifest.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import bagit

from ..build import Compiled
from ..errors import Location, OutputError, Problem
from ..markup import plain_text
from ..messages import say
from ..theme_index import builtin_themes
from ..version import COMMIT, VERSION
from . import environment
from .sequence import TAGMANIFEST, LogEntry, Sequence, make_read_only

SOURCES = "sources"
OUTPUT = "output"
NONE = "none"
# bag-info.txt keys slidegen writes (bagit adds Bagging-Date, Payload-Oxum, the agent).
DECK_KEY = "Slidegen-Deck"
VERSION_KEY = "Slidegen-Archive-Version"
PREVIOUS_KEY = "Slidegen-Previous-Version"
PREVIOUS_SHA_KEY = "Slidegen-Previous-Tagmanifest-Sha256"

logging.getLogger("bagit").setLevel(logging.WARNING)  # it logs every file it hashes


@dataclass(frozen=True)
class BuildRecipe:
    """What a rebuild needs besides the sources (bag-info.txt)."""

    theme: str | None
    period: str | None
    allow_missing: bool


def tagmanifest_sha256(bag: Path) -> str:
    return hashlib.sha256((bag / TAGMANIFEST).read_bytes()).hexdigest()


def source_names(compiled: Compiled, project: Path) -> dict[str, Path]:
    """Each source by the path it has in the bag: project-relative; a built-in theme's files
    as ``themes/<name>/…``, where a project theme would be (so the bag's copy is used)."""
    named: dict[str, Path] = {}
    theme = compiled.theme
    files = list(compiled.sources)
    if theme is not None:
        files += [p for p in sorted(theme.folder.rglob("*")) if p.is_file()]
    builtin = builtin_themes().resolve()
    for path in files:
        resolved = path.resolve()
        if resolved.is_relative_to(project):
            name = resolved.relative_to(project)
        elif resolved.is_relative_to(builtin):
            name = Path("themes") / resolved.relative_to(builtin)
        else:
            raise OutputError(Problem(Location(str(path)), say("archive_outside_project")))
        if not any(part.startswith(".") or part == "__pycache__" for part in name.parts):
            named[name.as_posix()] = resolved
    return named


def stage(
    staging: Path,
    compiled: Compiled,
    project: Path,
    sequence: Sequence,
    number: int,
    recipe: BuildRecipe,
    previous: LogEntry | None,
    pdf: bool,
) -> None:
    """Write the whole version into ``staging`` and make it a bag; nothing is published."""
    staging.mkdir()
    for name, path in source_names(compiled, project).items():
        target = staging / SOURCES / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    outputs = staging / OUTPUT
    outputs.mkdir()
    pptx = outputs / f"{sequence.slug}-v{number}.pptx"
    pptx.write_bytes(compiled.data)
    libreoffice = None
    if pdf:
        from ..export import export

        export(pptx, compiled.slides, pdf=pptx.with_suffix(".pdf"), png_dir=None)
        libreoffice = producer_of(pptx.with_suffix(".pdf"))
    assert compiled.theme is not None
    record = environment.current(compiled.theme.theme, libreoffice)
    environment.write(staging / environment.FOLDER, record, project)
    info = _bag_info(compiled, sequence, number, recipe, previous)
    try:
        bagit.make_bag(str(staging), info, checksums=["sha256"])
    except (bagit.BagError, OSError) as exc:
        raise OutputError(
            Problem(Location(str(staging)), say("archive_cannot_bag", reason=exc))
        ) from None
    _fsync_tree(staging)
    make_read_only(staging)


def _bag_info(
    compiled: Compiled,
    sequence: Sequence,
    number: int,
    recipe: BuildRecipe,
    previous: LogEntry | None,
) -> dict[str, str]:
    deck = compiled.info
    rule = compiled.timestamp_rule
    return {
        "Source-Organization": plain_text(deck.organization or "") or NONE,
        "External-Description": plain_text(deck.title),
        "External-Identifier": f"{sequence.period}/{sequence.slug}-v{number}",
        "Bag-Group-Identifier": f"{sequence.period}/{sequence.slug}",
        "Slidegen-Version": VERSION,
        "Slidegen-Commit": COMMIT or NONE,
        DECK_KEY: sequence.deck,
        VERSION_KEY: str(number),
        "Slidegen-Theme": compiled.theme.folder.name if compiled.theme else NONE,
        "Slidegen-Theme-Option": recipe.theme or NONE,
        "Slidegen-Period": recipe.period or NONE,
        "Slidegen-Allow-Missing": "yes" if recipe.allow_missing else "no",
        "Slidegen-Timestamp-Source": str(rule.get("source", "")),
        "Slidegen-Timestamp-Epoch": str(rule.get("epoch", "")),
        "Slidegen-Slides": str(compiled.slides),
        "Slidegen-Sources-Sha256": compiled.sources_sha256,
        PREVIOUS_KEY: str(previous.version) if previous else NONE,
        PREVIOUS_SHA_KEY: previous.tagmanifest_sha256 if previous else NONE,
    }


def recipe_of(info: dict[str, str]) -> BuildRecipe:
    def value(key: str) -> str | None:
        found = info.get(key, NONE)
        return None if found == NONE else found

    return BuildRecipe(
        theme=value("Slidegen-Theme-Option"),
        period=value("Slidegen-Period"),
        allow_missing=info.get("Slidegen-Allow-Missing") == "yes",
    )


def producer_of(pdf: Path) -> str | None:
    import pikepdf

    with pikepdf.open(pdf) as document:
        producer = document.docinfo.get("/Producer")
        return str(producer) if producer is not None else None


def _fsync_tree(folder: Path) -> None:
    """On disk before the rename publishes it: a crash after it must not leave empty files."""
    for current, _, files in os.walk(folder):
        for name in files:
            handle = os.open(os.path.join(current, name), os.O_RDONLY)
            try:
                os.fsync(handle)
            finally:
                os.close(handle)


def publish(staging: Path, target: Path) -> None:
    """One rename: the version appears whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise OutputError(Problem(Location(str(target)), say("archive_exists")))
    os.rename(staging, target)
    os.chmod(target, 0o555)
    fsync_folder(target.parent)


def fsync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
