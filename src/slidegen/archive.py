"""Versioned, verifiable archives: ``output/<period>/<slug>-v<N>.{pptx,pdf,manifest.json}``.

A published version is never overwritten: a changed deck becomes ``v<N+1>``, an identical one
writes nothing. The manifest records every source and output with its sha256 and size, the
tool and dependency versions and the timestamp rule, so :func:`verify_archive` can rebuild
the deck from the recorded sources and compare bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from .build import compile_deck, slugify, store_cache
from .errors import DeckError, Location, OutputError, Problem, SlidegenError
from .markup import plain_text
from .save import create_new
from .version import VERSION

MANIFEST_SUFFIX = ".manifest.json"
_DEPENDENCIES = ("python-pptx", "PyYAML", "pydantic", "Babel", "matplotlib", "Pillow", "XlsxWriter")


class VerifyError(SlidegenError):
    """An archived version does not match its manifest."""


@dataclass(frozen=True)
class ArchiveResult:
    version: int
    written: list[Path]
    """Empty when the deck is identical to the latest version (nothing was written)."""
    manifest: Path
    findings: list[Problem]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _entry(path: Path, root: Path) -> dict[str, Any]:
    """A file's record; paths inside the project are relative so the project can move."""
    data = path.read_bytes()
    resolved = path.resolve()
    shown = resolved.relative_to(root) if resolved.is_relative_to(root) else resolved
    return {"path": shown.as_posix(), "sha256": _sha256(data), "size": len(data)}


def _versions(folder: Path, slug: str) -> dict[int, Path]:
    pattern = re.compile(rf"^{re.escape(slug)}-v(\d+){re.escape(MANIFEST_SUFFIX)}$")
    found = {}
    if folder.is_dir():
        for path in folder.iterdir():
            match = pattern.match(path.name)
            if match:
                found[int(match.group(1))] = path
    return found


def _tool_versions() -> dict[str, str]:
    versions = {"slidegen": VERSION, "python": platform.python_version()}
    for name in _DEPENDENCIES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def archive_deck(
    deck_path: Path,
    theme_name: str | None = None,
    strict: bool = False,
    pdf: bool = True,
    out_root: Path | None = None,
    period: str | None = None,
    allow_missing: bool = False,
) -> ArchiveResult:
    """Build ``deck_path`` into a new archive version, unless identical to the latest one."""
    project = deck_path.resolve().parent
    compiled = compile_deck(
        deck_path,
        theme_name,
        cache_dir=project / "output" / ".cache",
        period=period,
        allow_missing=allow_missing,
    )
    if strict and compiled.findings:
        raise DeckError([Problem(p.location, p.message, p.path) for p in compiled.findings])
    info = compiled.info
    slug = slugify(plain_text(info.title))
    if compiled.period:
        folder_name = compiled.period
    else:
        folder_name = slugify(plain_text(info.period)) if info.period else "undated"
    folder = (out_root or project / "output") / folder_name
    versions = _versions(folder, slug)
    if versions:
        latest = max(versions)
        recorded = json.loads(versions[latest].read_text(encoding="utf-8"))
        pptx_entry = next(o for o in recorded["outputs"] if o["path"].endswith(".pptx"))
        if pptx_entry["sha256"] == _sha256(compiled.data):
            return ArchiveResult(latest, [], versions[latest], compiled.findings)
    number = max(versions, default=0) + 1
    base = folder / f"{slug}-v{number}"
    written: list[Path] = []
    try:
        pptx = base.with_suffix(".pptx")
        create_new(pptx, compiled.data)
        written.append(pptx)
        if pdf:
            from .export import export

            pdf_path = base.with_suffix(".pdf")
            if pdf_path.exists():
                raise OutputError(
                    Problem(
                        Location(str(pdf_path)),
                        "already exists; an archived version is never overwritten",
                    )
                )
            export(pptx, compiled.slides, pdf=pdf_path, png_dir=None)
            written.append(pdf_path)
        manifest = base.with_name(base.name + MANIFEST_SUFFIX)
        sources = compiled.sources
        record = {
            "format": "slidegen-archive/1",
            "deck": deck_path.resolve().relative_to(project).as_posix(),
            "theme": theme_name,
            "period": compiled.period,
            "allow_missing": allow_missing,
            "version": number,
            "slides": compiled.slides,
            "timestamp": compiled.timestamp_rule,
            "tools": _tool_versions(),
            "sources": [_entry(p, project) for p in sources],
            "outputs": [_entry(p, project) for p in written],
        }
        create_new(manifest, (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode())
        written.append(manifest)
        store_cache(compiled)
    except BaseException:
        for path in written:  # a half-made version is not a version
            path.unlink(missing_ok=True)
        raise
    return ArchiveResult(number, written, manifest, compiled.findings)


def verify_archive(manifest_path: Path) -> list[str]:
    """Check an archived version; returns what matched, raises :class:`VerifyError` otherwise.

    Sources and outputs are re-hashed; the .pptx is rebuilt from the sources with the
    recorded timestamp rule and compared byte for byte.
    """
    where = Location(str(manifest_path))
    try:
        record = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise VerifyError(Problem(where, f"cannot read the manifest: {exc}")) from None
    project = _project_of(manifest_path, record)
    problems: list[Problem] = []
    checked: list[str] = []
    for kind in ("sources", "outputs"):
        for entry in record.get(kind, []):
            path = project / entry["path"]
            if not path.is_file():
                problems.append(Problem(where, f"{kind[:-1]} {entry['path']} is missing"))
            elif _sha256(path.read_bytes()) != entry["sha256"]:
                problems.append(
                    Problem(
                        where,
                        f"{kind[:-1]} {entry['path']} differs from the manifest (sha256 changed)",
                    )
                )
            else:
                checked.append(entry["path"])
    if not problems:
        pptx_entry = next(o for o in record["outputs"] if o["path"].endswith(".pptx"))
        rebuilt = _rebuild(project / record["deck"], record)
        if _sha256(rebuilt) != pptx_entry["sha256"]:
            problems.append(
                Problem(
                    where,
                    f"rebuilding {record['deck']} does not reproduce "
                    f"{pptx_entry['path']} byte for byte",
                )
            )
        else:
            checked.append(f"rebuild of {pptx_entry['path']}")
    if problems:
        raise VerifyError(problems)
    return checked


def _project_of(manifest_path: Path, record: dict[str, Any]) -> Path:
    """The project folder: the manifest's outputs are recorded relative to it."""
    pptx = next(o["path"] for o in record.get("outputs", []) if o["path"].endswith(".pptx"))
    depth = len(Path(pptx).parts) - 1
    folder = manifest_path.resolve().parent
    for _ in range(depth):
        folder = folder.parent
    return folder


def _rebuild(deck: Path, record: dict[str, Any]) -> bytes:
    rule = record.get("timestamp", {})
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        if rule.get("source") == "SOURCE_DATE_EPOCH":
            os.environ["SOURCE_DATE_EPOCH"] = str(rule["epoch"])
        else:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        return compile_deck(
            deck,
            record.get("theme"),
            period=record.get("period"),
            allow_missing=bool(record.get("allow_missing")),
        ).data
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
