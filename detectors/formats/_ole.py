"""The file inside an OLE embedded object (oleObject*.bin, an xls `MBD*` storage).

Office wraps an embedded file in an OLE container: a `Package` stream holds an OOXML file
as is, `\\x01Ole10Native` holds any file behind a small header with its original name,
`CONTENTS` holds a PDF. Returning the inner file lets the scan recurse into it.
"""

from __future__ import annotations

import io
import struct

import olefile


def unwrap(name: str, data: bytes) -> tuple[str, bytes]:
    """The inner file of an OLE object, or (name, data) unchanged when there is none."""
    if not data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return name, data
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            found = payload(ole, [])
    except Exception:  # olefile raises many kinds on a damaged container
        return name, data
    return found or (name, data)


def payload(ole: olefile.OleFileIO, storage: list[str]) -> tuple[str, bytes] | None:
    """The file held by `storage` (a list of names; [] for the root), if it holds one."""
    streams = {entry[-1]: entry for entry in ole.listdir() if entry[:-1] == storage}
    if "Package" in streams:
        return "package", ole.openstream(streams["Package"]).read()
    if "\x01Ole10Native" in streams:
        return _ole10native(ole.openstream(streams["\x01Ole10Native"]).read())
    if "CONTENTS" in streams:
        return "contents.pdf", ole.openstream(streams["CONTENTS"]).read()
    return None


def _ole10native(blob: bytes) -> tuple[str, bytes] | None:
    """Ole10Native: size, flags, label\\0, path\\0, reserved, temp path, data size, data."""
    try:
        position = 6  # total size (4) and flags (2)
        label_end = blob.index(b"\0", position)
        label = blob[position:label_end].decode("latin-1") or "attachment"
        position = blob.index(b"\0", label_end + 1) + 1  # original path
        position += 4  # reserved / type
        (temp_length,) = struct.unpack_from("<I", blob, position)
        position += 4 + temp_length
        (size,) = struct.unpack_from("<I", blob, position)
        position += 4
    except (ValueError, struct.error):
        return None
    data = blob[position : position + size]
    return (label, data) if len(data) == size and size else None
