"""What an OLE embedded object holds (oleObject*.bin, an xls `MBD*` storage, a Word
`ObjectPool` storage), handed on to be scanned in turn.

Office wraps an embedded file in an OLE container: a `Package` stream holds an OOXML file
as is, `\\x01Ole10Native` holds any file behind a small header with its original name,
`CONTENTS` may hold a PDF. An object embedded from Excel, Word or PowerPoint 97-2003 (or an
MS Graph chart, whose data sheet is a workbook) is instead a storage holding that document's
own streams: it is handed on as a compound file of its own, the container's bytes with their
root pointed at the object's storage, so every stream and sector stays where it was.
A chart whose data sheet xlrd cannot parse has the sheet's strings read. Equations have their
characters read; pictures hold no text. Any other class of object is
an unread part: what it holds is unknown, so it is suspect.
"""

from __future__ import annotations

import io
import re
import struct
import uuid
from collections.abc import Iterator

import olefile

from detectors.formats import OLE_MAGIC
from detectors.formats.xls_book import open_book
from detectors.model import Embedded, Item, Text, Unread, Vector

_DOCUMENTS = {"workbook": "xls", "book": "xls", "worddocument": "doc", "powerpoint document": "ppt"}
"""A stream that makes a storage a whole Office 97-2003 document, and that document's format."""
_PICTURES = re.compile(
    r"^(?:MSPhotoEd|Paint\.Picture|PBrush|MSDraw|Imaging|Photoshop|PhotoDraw|CorelPhotoPaint|"
    r"PaintShopPro|StaticDib|StaticMetafile|Package\.Picture)\b|\b(?:picture|bitmap|image)$",
    re.IGNORECASE,
)
"""Program ids and user types of picture objects: an image and its preview, no text."""
_EQUATION_CLASS = "Equation."
_CHART_CLASS = "MSGraph."
_PRINTABLE = re.compile(rb"[\x20-\x7e\xa0-\xff]{4,}")
_PRINTABLE_16 = re.compile(rb"(?:[\x20-\x7e]\x00){4,}")
_EQUATION_HEADER = 28
"""Bytes of the Equation Native header before the MTEF data."""
_MTEF_CHAR = re.compile(rb"[\x02\x22\x42\x62][\x81-\x8c]([\x20-\x7e\xa0-\xff])\x00", re.DOTALL)
"""An MTEF character record: its tag (CHAR, with no nudge), its typeface, a 16-bit character."""
_WORD = re.compile(r"\w\w")
_ROOT_CHILD, _ROOT_CLSID = 76, 80
"""Offsets of the child pointer and class id in the root's directory entry."""


def embedded_ole(name: str, data: bytes, where: str) -> Iterator[Item]:
    """A file kept in a package as an OLE object (`oleObject1.bin`): what the object holds,
    as `inspect_object` tells; a whole Office 97-2003 document, or a file that is no readable
    OLE object, is handed on as it is (it then gets a status of its own)."""
    if not data.startswith(OLE_MAGIC):
        yield Embedded(name, data, where)
        return
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:  # olefile raises many kinds on a damaged container
        yield Embedded(name, data, where)
        return
    with ole:
        if any(stream in _DOCUMENTS for stream in _streams(ole, [])):
            yield Embedded(name, data, where)
            return
        yield from inspect_object(ole, data, [], where)


def payload(ole: olefile.OleFileIO, storage: list[str]) -> tuple[str, bytes] | None:
    """The file held by `storage` (a list of names; [] for the root), if it holds one."""
    streams = _streams(ole, storage)
    if "package" in streams:
        return "package", _read(ole, streams["package"])
    if "\x01ole10native" in streams:
        return _ole10native(_read(ole, streams["\x01ole10native"]))
    if "contents" in streams:
        contents = _read(ole, streams["contents"])
        if contents[:1024].lstrip().startswith(b"%PDF-"):
            return "contents.pdf", contents
    return None


def inspect_object(
    ole: olefile.OleFileIO, data: bytes, storage: list[str], where: str
) -> Iterator[Item]:
    """What the object in `storage` of the compound file `data` (opened as `ole`) holds."""
    try:
        items = list(_object_items(ole, data, storage, where))
    except MemoryError:
        raise
    except Exception:  # olefile raises many kinds on damaged sectors; the rest is still read
        items = [Unread(where, "damaged OLE object: cannot be read", vector=Vector.EMBEDDED_FILE)]
    yield from items


def _object_items(
    ole: olefile.OleFileIO, data: bytes, storage: list[str], where: str
) -> Iterator[Item]:
    found = payload(ole, storage)
    if found:
        yield Embedded(found[0], found[1], where)
        return
    streams = _streams(ole, storage)
    user_type, program = object_class(ole, storage)
    fmt = next((fmt for stream, fmt in _DOCUMENTS.items() if stream in streams), None)
    if fmt is not None:
        inner = rerooted(ole, data, storage)
        if program.startswith(_CHART_CLASS) and not _opens_as_xls(inner):
            # A chart's data sheet xlrd cannot parse: its strings are read instead.
            chart = streams.get("workbook") or streams.get("book") or []
            text = "\n".join(_strings(_read(ole, chart))) if chart else ""
            if text:
                yield Text(text, Vector.EMBEDDED_FILE, f"{where} (chart data)")
            return
        yield Embedded(f"object.{fmt}", inner, where)
        return
    if "equation native" in streams or program.startswith(_EQUATION_CLASS):
        native = streams.get("equation native")
        text = equation_text(_read(ole, native)) if native else ""
        if text:
            yield Text(text, Vector.EMBEDDED_FILE, f"{where} (equation)")
        return
    if _PICTURES.search(program) or _PICTURES.search(user_type):
        return
    kind = user_type or program or "of an unknown class"
    yield Unread(
        where, f"OLE object {kind[:60]}: no reader here decodes it", vector=Vector.EMBEDDED_FILE
    )


def rerooted(ole: olefile.OleFileIO, data: bytes, storage: list[str]) -> bytes:
    """The compound file `data` with its root pointed at `storage`: a file of its own holding
    that storage's streams and storages, every sector where it was (they share the root's
    mini stream and allocation tables, which the new root keeps)."""
    entry = ole.root
    for name in storage:
        entry = entry.kids_dict[name.lower()]
    at = (ole.first_dir_sector + 1) * ole.sectorsize  # the root is the first directory entry
    clsid = uuid.UUID(entry.clsid).bytes_le if entry.clsid else bytes(16)
    view = memoryview(data)
    return b"".join(
        (
            view[: at + _ROOT_CHILD],
            struct.pack("<I", entry.sid_child),
            clsid,
            view[at + _ROOT_CLSID + 16 :],
        )
    )


def object_class(ole: olefile.OleFileIO, storage: list[str]) -> tuple[str, str]:
    """(user type, program id) from the object's CompObj stream: ('Microsoft Equation 3.0',
    'Equation.3'); empty strings when it has none or it cannot be read."""
    stream = _streams(ole, storage).get("\x01compobj")
    if stream is None:
        return "", ""
    blob = _read(ole, stream)
    try:
        user_type, position = _ansi(blob, 28)
        (marker,) = struct.unpack_from("<I", blob, position)
        if marker in (0xFFFFFFFF, 0xFFFFFFFE):
            position += 8  # a standard clipboard format: marker and format id
        else:
            _, position = _ansi(blob, position)
        program, _ = _ansi(blob, position)
    except (struct.error, ValueError):
        return "", ""
    return user_type, program


def equation_text(native: bytes) -> str:
    """The characters of an Equation Editor 3.0 (MTEF) equation, in order."""
    chars = _MTEF_CHAR.findall(native[_EQUATION_HEADER:])
    text = b"".join(chars).decode("latin-1").strip()
    return text if _WORD.search(text) else ""


def _opens_as_xls(data: bytes) -> bool:
    try:
        book, _ = open_book(data)
    except Exception:  # xlrd raises many kinds on what it cannot parse
        return False
    book.release_resources()
    return True


def _strings(stream: bytes) -> list[str]:
    """Readable runs of a binary stream, 8-bit and UTF-16, each once."""
    found = [m.decode("latin-1") for m in _PRINTABLE.findall(stream)]
    found += [m.decode("utf-16-le") for m in _PRINTABLE_16.findall(stream)]
    return list(dict.fromkeys(t.strip() for t in found if t.strip()))


def _ansi(blob: bytes, position: int) -> tuple[str, int]:
    """A length-prefixed ANSI string and the position after it."""
    (length,) = struct.unpack_from("<I", blob, position)
    end = position + 4 + length
    if length > 1024 or end > len(blob):
        raise ValueError("string past the stream")
    return blob[position + 4 : end].split(b"\x00")[0].decode("latin-1").strip(), end


def _read(ole: olefile.OleFileIO, stream: list[str]) -> bytes:
    """A stream whole; olefile gives a damaged stream's chain cut short, which is refused."""
    data: bytes = ole.openstream(stream).read()
    if len(data) != ole.get_size(stream):
        raise OSError("the stream's sectors end before its size")
    return data


def _streams(ole: olefile.OleFileIO, storage: list[str]) -> dict[str, list[str]]:
    """The streams directly in `storage`, by lower-case name."""
    return {entry[-1].lower(): entry for entry in ole.listdir() if entry[:-1] == storage}


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
