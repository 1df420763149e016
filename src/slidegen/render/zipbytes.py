"""A zip written from entries deflated beforehand: the bytes :mod:`zipfile` writes for them
(deflate level 6, 1980-01-01, mode 600), but a part that never changes is deflated once per
process instead of once per file. :mod:`zipfile` cannot take data already deflated, and a
deck embeds a workbook of ten parts in every chart (:mod:`.chartbook`)."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Sequence
from typing import IO

Entry = tuple[bytes, int, bytes, int]
"""A zip entry: name, CRC-32, deflated data, size."""
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # deflate
_DOS_DATE = (1 << 5) | 1  # 1980-01-01, the earliest a zip entry holds
_PERMISSIONS = 0o600 << 16


def deflated_entry(name: str, text: str) -> Entry:
    return deflated_bytes(name, text.encode("utf-8"))


def deflated_bytes(name: str, data: bytes) -> Entry:
    """``data`` as the entry ``name`` (ASCII, as every OPC part name python-pptx writes)."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    deflated = compressor.compress(data) + compressor.flush()
    return name.encode("ascii"), zlib.crc32(data), deflated, len(data)


def stored_zip(entries: Sequence[Entry]) -> bytes:
    """The zip :mod:`zipfile` writes for ``entries`` (deflated, fixed time, mode 600)."""
    out = io.BytesIO()
    writer = ZipWriter(out)
    for entry in entries:
        writer.add(entry)
    writer.close()
    return out.getvalue()


class ZipWriter:
    """:func:`stored_zip` written to ``out`` entry by entry (a deck's zip is never held
    twice): each entry's header and data as it comes, the central directory at the end."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out = out
        self._central: list[bytes] = []
        self._offset = 0

    def add(self, entry: Entry) -> None:
        name, crc, data, size = entry
        # flags, method, time, date, CRC-32, sizes and name length: alike in both headers
        common = (0, zlib.DEFLATED, 0, _DOS_DATE, crc, len(data), size, len(name))
        header = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, *common, 0)
        central = _CENTRAL.pack(
            b"PK\x01\x02", _VERSION, 0, _VERSION, 0, *common, 0, 0, 0, 0, _PERMISSIONS,
            self._offset,
        )  # fmt: skip
        self._central.append(central + name)
        self._out.write(header + name)
        self._out.write(data)
        self._offset += len(header) + len(name) + len(data)

    def close(self) -> None:
        directory = b"".join(self._central)
        count = len(self._central)
        end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), self._offset, 0)
        self._out.write(directory + end)
