"""Verify archived versions from their bags alone: fixity, chain, and a rebuild.

``--fixity`` checks every checksum of the bag (bagit) and the chain. The default also rebuilds
the .pptx (and, with LibreOffice, the PDF) from the bag's own sources with the recorded
recipe and timestamp rule, and compares bytes. When the environment differs from the recorded
one, the report says what differs and how to recreate it.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bagit

from ..build import compile_deck
from ..errors import Location, Problem, SlidegenError
from ..messages import say
from . import environment
from .bag import (
    DECK_KEY,
    NONE,
    OUTPUT,
    PREVIOUS_KEY,
    PREVIOUS_SHA_KEY,
    SOURCES,
    VERSION_KEY,
    producer_of,
    recipe_of,
    tagmanifest_sha256,
)
from .sequence import LOG_SUFFIX, STAGING_PREFIX, TAGMANIFEST, ArchiveError, read_log, validate_bag


class VerifyError(SlidegenError):
    """An archived version does not match its bag, its chain or its rebuild."""


@dataclass
class Report:
    checked: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def verify_archive(folder: Path, fixity_only: bool = False) -> Report:
    """Verify one version (a bag) or every version under ``folder``; raises
    :class:`VerifyError` naming every problem, else returns what was checked."""
    report = Report()
    folder = folder.resolve()
    if (folder / "bagit.txt").is_file():
        bags, logs = [folder], []
    elif folder.is_dir():
        bags = sorted(p.parent for p in folder.rglob("bagit.txt") if _visible(p, folder))
        logs = sorted(p for p in folder.rglob(f"*{LOG_SUFFIX}") if _visible(p, folder))
    else:
        raise VerifyError(Problem(Location(str(folder)), say("verify_not_a_folder")))
    if not bags and not logs:
        raise VerifyError(Problem(Location(str(folder)), say("verify_no_version")))
    for bag in bags:
        _verify_bag(bag, fixity_only, report)
    for log in logs:
        _verify_log(log, report)
    if report.problems:
        raise VerifyError(report.problems)
    return report


def _visible(path: Path, top: Path) -> bool:
    """Not in a staging folder (an unfinished version is not a version)."""
    return not any(p.startswith(STAGING_PREFIX) for p in path.relative_to(top).parts)


def _verify_bag(path: Path, fixity_only: bool, report: Report) -> None:
    where = Location(str(path))
    try:
        bag = validate_bag(path)
    except bagit.BagValidationError as error:
        details = error.details or [error.message]
        report.problems += [Problem(where, _describe(d)) for d in details]
        return
    except (bagit.BagError, OSError, UnicodeDecodeError, ValueError) as error:
        report.problems.append(Problem(where, say("archive_not_a_bag", reason=error)))
        return
    report.checked.append(say("verify_bag_valid", path=path, count=len(bag.entries)))
    info = {key: str(value) for key, value in bag.info.items()}
    if DECK_KEY not in info or VERSION_KEY not in info:
        report.problems.append(Problem(where, say("verify_no_record")))
        return
    _check_chain(path, info, report)
    if not fixity_only:
        _rebuild(path, info, report)


def _describe(detail: Any) -> str:
    if isinstance(detail, bagit.ChecksumMismatch):
        return say("verify_changed", path=detail.path, algorithm=detail.algorithm)
    if isinstance(detail, bagit.FileMissing):
        return say("verify_deleted", path=detail.path)
    if isinstance(detail, bagit.UnexpectedFile):
        return say("verify_added", path=detail.path)
    return str(detail)


def _check_chain(path: Path, info: dict[str, str], report: Report) -> None:
    """This version against its log line, and its predecessor against what it recorded."""
    where = Location(str(path))
    number = int(info[VERSION_KEY])
    slug = path.name.rsplit("-v", 1)[0]
    log = path.parent / f"{slug}{LOG_SUFFIX}"
    previous, previous_sha = info.get(PREVIOUS_KEY, NONE), info.get(PREVIOUS_SHA_KEY, NONE)
    if previous != NONE:
        before = path.parent / f"{slug}-v{previous}"
        if (before / TAGMANIFEST).is_file() and tagmanifest_sha256(before) != previous_sha:
            report.problems.append(
                Problem(
                    Location(str(before)),
                    say("verify_rewritten_after", number=number, name=path.name),
                )
            )
    if not log.is_file():
        report.notes.append(say("verify_no_log", path=path))
        return
    try:
        entries = {e.version: e for e in read_log(log)}
    except ArchiveError as error:
        report.problems += error.problems
        return
    entry = entries.get(number)
    if entry is None:
        report.problems.append(
            Problem(where, say("verify_not_in_log", number=number, log=log.name))
        )
    elif entry.tagmanifest_sha256 != tagmanifest_sha256(path):
        report.problems.append(Problem(where, say("verify_rewritten", log=log.name)))
    else:
        report.checked.append(say("verify_chain_matches", path=path, log=log.name))


def _verify_log(log: Path, report: Report) -> None:
    """Every logged version is there, and each one names the one before it."""
    try:
        entries = read_log(log)
    except ArchiveError as error:
        report.problems += error.problems
        return
    slug = log.name.removesuffix(LOG_SUFFIX)
    before = None
    for entry in entries:
        folder = log.parent / f"{slug}-v{entry.version}"
        if not folder.is_dir():
            report.problems.append(
                Problem(
                    Location(str(folder)),
                    say("verify_version_missing", number=entry.version, log=log.name),
                )
            )
        if before is not None and (
            entry.previous_version != before.version
            or entry.previous_sha256 != before.tagmanifest_sha256
        ):
            report.problems.append(
                Problem(
                    Location(str(log)),
                    say("verify_broken_chain", number=entry.version, before=before.version),
                )
            )
        before = entry
    report.checked.append(say("verify_chained", log=log, count=len(entries)))


def _rebuild(path: Path, info: dict[str, str], report: Report) -> None:
    where = Location(str(path))
    outputs = sorted((path / "data" / OUTPUT).glob("*.pptx"))
    if len(outputs) != 1:
        report.problems.append(Problem(where, say("verify_no_pptx")))
        return
    pptx = outputs[0]
    try:
        data, slides = _compile(path, info)
    except SlidegenError as error:
        report.problems += error.problems
        report.problems.append(Problem(where, say("verify_no_longer_builds")))
        return
    recorded = _environment(path)
    here_differs = _differences(path, info, recorded)
    if data != pptx.read_bytes():
        report.problems.append(Problem(where, say("verify_not_reproduced", name=pptx.name)))
        _explain(path, recorded, here_differs, report)
        return
    report.checked.append(say("verify_reproduced", path=path, name=pptx.name))
    pdf = pptx.with_suffix(".pdf")
    if pdf.is_file():
        _rebuild_pdf(path, data, slides, pdf, recorded, here_differs, report)
    if here_differs:
        report.notes += [
            say("verify_environment_note", path=path, line=line) for line in here_differs
        ]


def _compile(path: Path, info: dict[str, str]) -> tuple[bytes, int]:
    recipe = recipe_of(info)
    sources = path / "data" / SOURCES
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        if info.get("Slidegen-Timestamp-Source") == "SOURCE_DATE_EPOCH":
            os.environ["SOURCE_DATE_EPOCH"] = info["Slidegen-Timestamp-Epoch"]
        else:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        compiled = compile_deck(
            sources / info[DECK_KEY],
            recipe.theme,
            period=recipe.period,
            allow_missing=recipe.allow_missing,
        )
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return compiled.data, compiled.slides


def _rebuild_pdf(
    path: Path,
    data: bytes,
    slides: int,
    pdf: Path,
    recorded: dict[str, Any],
    here_differs: list[str],
    report: Report,
) -> None:
    from ..export import ExportError, export

    with tempfile.TemporaryDirectory(prefix="slidegen-verify-") as work:
        pptx = Path(work) / pdf.with_suffix(".pptx").name
        pptx.write_bytes(data)
        try:
            export(pptx, slides, pdf=pptx.with_suffix(".pdf"), png_dir=None)
        except ExportError as error:
            report.notes.append(
                say("verify_pdf_not_rebuilt", path=path, reason=error.problems[0].message)
            )
            return
        rebuilt = pptx.with_suffix(".pdf")
        same = rebuilt.read_bytes() == pdf.read_bytes()
        producer = producer_of(rebuilt)
    if recorded.get("libreoffice") and producer != recorded["libreoffice"]:
        here_differs.append(f"libreoffice {recorded['libreoffice']} recorded, {producer} here")
    if same:
        report.checked.append(say("verify_reproduced", path=path, name=pdf.name))
        return
    report.problems.append(
        Problem(Location(str(path)), say("verify_pdf_not_reproduced", name=pdf.name))
    )
    _explain(path, recorded, here_differs, report)


def _environment(path: Path) -> dict[str, Any]:
    record = path / "data" / environment.FOLDER / environment.RECORD
    try:
        loaded = json.loads(record.read_text(encoding="utf-8"))
        return loaded if isinstance(loaded, dict) else {}
    except (OSError, ValueError):
        return {}


def _differences(path: Path, info: dict[str, str], recorded: dict[str, Any]) -> list[str]:
    """LibreOffice's version is compared once a PDF is made (see :func:`_rebuild_pdf`)."""
    from ..theme_loader import load_theme

    try:
        theme = load_theme(info.get("Slidegen-Theme", ""), path / "data" / SOURCES).theme
    except SlidegenError:
        return []
    here = environment.current(theme, recorded.get("libreoffice"))
    return environment.differences(recorded, here)


def _explain(path: Path, recorded: dict[str, Any], differs: list[str], report: Report) -> None:
    where = Location(str(path))
    if not differs:
        report.problems.append(Problem(where, say("verify_same_environment")))
        return
    report.problems += [Problem(where, say("verify_environment", line=line)) for line in differs]
    report.problems.append(Problem(where, environment.recreate_hint(path, recorded)))
