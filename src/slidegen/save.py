"""Save a presentation deterministically and atomically.

python-pptx stamps the current time into every zip entry and the embedded chart workbooks carry
their own creation time; the same sources must give the same bytes, so entries are rewritten in
a stable order with a fixed timestamp, workbooks included. The file appears under its final
name only when complete (temp file in the same folder, then rename), so a failed or interrupted
build never leaves a half-written deck, and the previous one stays intact.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from .errors import Location, OutputError, Problem
from .messages import say

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
MAX_NAME_BYTES = 255  # one file name, on every common file system


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp makes files only the owner can read; published files follow the umask like any
# other file the user creates.
_FILE_MODE = 0o666 & ~_umask()


def _publish_new(temporary: Path, path: Path) -> None:
    """Give ``temporary`` the name ``path`` unless that exists (never replace it)."""
    try:
        os.link(temporary, path)  # atomic, and fails if path exists
    except FileExistsError:
        raise
    except OSError:
        # File systems without hard links: exclusive create, then an atomic rename over it.
        handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, _FILE_MODE)
        os.close(handle)
        os.replace(temporary, path)


_W3CDTF = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def deterministic_zip(blob: bytes, stamp: datetime) -> bytes:
    """Rewrite an OOXML package with fixed entry times; nested workbooks are rewritten too."""
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename.endswith(".xlsx"):
                data = deterministic_zip(data, stamp)
            elif entry.filename == "docProps/core.xml":
                data = _stamp_core(data, stamp)
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 0
            target.writestr(info, data, compresslevel=6)
    return out.getvalue()


def _stamp_core(xml: bytes, stamp: datetime) -> bytes:
    text = stamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return _W3CDTF.sub(lambda m: m.group(1) + text + m.group(3), xml)


def _temporary_for(path: Path) -> tuple[int, str]:
    """A temporary file beside ``path`` whose name carries this process's id, after removing
    the ones that processes no longer running left behind (a build killed with SIGKILL or a
    power cut cannot clean up after itself; the next one does)."""
    _remove_stale_temporaries(path)
    return tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)


def _remove_stale_temporaries(path: Path) -> None:
    prefix = f".{path.name}."
    try:
        candidates = [p for p in path.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return
    for candidate in candidates:
        pid = candidate.name[len(prefix) :].split(".", 1)[0]
        if candidate.suffix == ".tmp" and pid.isdigit() and not _running(int(pid)):
            candidate.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or unknowable: leave its file alone
    return True


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never a part."""
    where = Location(str(path)[:200])
    if len(path.name.encode("utf-8")) > MAX_NAME_BYTES:
        raise OutputError(
            Problem(
                where,
                say("name_too_long", length=len(path.name.encode("utf-8")), limit=MAX_NAME_BYTES),
            )
        )
    blocking = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise OutputError(Problem(where, say("blocked_by_file", path=blocking)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            Problem(where, say("cannot_create_folder", reason=exc.strerror))
        ) from None
    if path.is_dir():
        kind = path.suffix.lstrip(".").upper() or "output"  # PPTX, PDF, PNG: not only .pptx
        raise OutputError(Problem(where, say("output_is_folder", kind=kind)))
    temporary: str | None = None
    try:
        handle, temporary = _temporary_for(path)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _FILE_MODE)
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        raise OutputError(Problem(where, say("cannot_write", reason=exc.strerror or exc))) from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def create_new(path: Path, data: bytes) -> None:
    """Write ``path`` atomically, refusing to replace anything already there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = _temporary_for(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _FILE_MODE)
        _publish_new(Path(temporary), path)
    except FileExistsError:
        raise OutputError(Problem(Location(str(path)), say("archived_exists"))) from None
    finally:
        Path(temporary).unlink(missing_ok=True)
