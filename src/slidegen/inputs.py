"""One policy for reading what a deck is built from (deck, theme, period files, CSV tables,
images): regular files only, read with a cap.

A FIFO would block a build forever and ``/dev/zero`` would fill memory while the size it
reports is 0; a symlink is followed, and the file it leads to is what is checked. The file is
opened without blocking, checked on the open descriptor (no window between check and read),
and read one byte past the cap, so the cap holds whatever the file system says of the size.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import DeckError, Location, Problem
from .i18n import N_, _
from .messages import say


def read_input(path: Path, where: Location, cap: int, what: str = N_("file")) -> bytes:
    """The bytes of ``path``; a located :class:`DeckError` for anything but a regular file of
    at most ``cap`` bytes. ``what`` is the kind of file, marked with ``N_()``."""
    what = _(what)
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise DeckError(Problem(where, say("input_not_found", what=what))) from None
    except IsADirectoryError:
        raise DeckError(Problem(where, say("input_is_folder", what=what))) from None
    except OSError as exc:
        raise DeckError(
            Problem(where, say("cannot_read_file", reason=exc.strerror or exc))
        ) from None
    try:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise DeckError(Problem(where, say("input_is_folder", what=what)))
        if not stat.S_ISREG(mode):
            message = say("input_not_regular", kind=_(_kind(mode)), what=what)
            raise DeckError(Problem(where, message))
        chunks, total = [], 0
        while total <= cap:
            chunk = os.read(handle, min(1 << 20, cap + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise DeckError(
            Problem(where, say("cannot_read_file", reason=exc.strerror or exc))
        ) from None
    finally:
        os.close(handle)
    if total > cap:
        raise DeckError(Problem(where, say("input_too_big", limit=f"{cap:,}", what=what)))
    return b"".join(chunks)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return N_("named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_("device")
    if stat.S_ISSOCK(mode):
        return N_("socket")
    return N_("special file")


def decode_utf8(data: bytes, name: str, what: str = N_("text")) -> str:
    """``data`` as UTF-8 (a byte-order mark allowed); a :class:`DeckError` at the line and
    column of the first byte that is not, as an editor counts them."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start
        line = data.count(b"\n", 0, start) + 1
        line_start = data.rfind(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", "replace")) + 1
        raise DeckError(
            Problem(
                Location(name, line, column),
                say("input_not_utf8", what=_(what)),
            )
        ) from None
