"""Document formats: recognise a format by its content and find the module that inspects it.

Each format lives in its own module exposing one inspector, a function

    inspect_<format>(data: bytes, name: str, budget: Budget) -> Iterator[Item]

that yields every piece of text in the document with its location and vector (see
`detectors.model`), raising an `detectors.errors.InspectionError` for a document it cannot
read. Adding a format means writing one module and adding one line to `INSPECTORS`.
"""

from __future__ import annotations

import importlib
import io
import struct
import zipfile
from collections.abc import Iterator
from typing import Protocol

from detectors.limits import Budget
from detectors.model import Item


class Inspector(Protocol):
    def __call__(self, data: bytes, name: str, budget: Budget) -> Iterator[Item]:
        """Yield every text, table, embedded file and hiding place found in `data`."""
        ...


INSPECTORS: dict[str, str] = {
    "xlsx": "detectors.formats.xlsx:inspect_xlsx",
    "xlsb": "detectors.formats.xlsb:inspect_xlsb",
    "xls": "detectors.formats.xls:inspect_xls",
    "ods": "detectors.formats.ods:inspect_ods",
    "odt": "detectors.formats.odt:inspect_odt",
    "odp": "detectors.formats.odp:inspect_odp",
    "csv": "detectors.formats.csv:inspect_csv",
    "docx": "detectors.formats.docx:inspect_docx",
    "pptx": "detectors.formats.pptx:inspect_pptx",
    "pdf": "detectors.formats.pdf:inspect_pdf",
    "html": "detectors.formats.html:inspect_html",
    "zip": "detectors.formats.archive:inspect_zip",
    "doc": "detectors.formats.legacy:inspect_doc",
    "ppt": "detectors.formats.legacy:inspect_ppt",
    "text": "detectors.formats.plaintext:inspect_text",
    "image": "detectors.formats.image:inspect_image",
}
"""Format name -> "module:function" of its inspector, imported on first use."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD2_MAGIC = b"\xdb\xa5\x2d\x00"
"""wIdent and nFib (45) of a Word for Windows 2.0 file, which is not an OLE2 container."""
_OOXML_MAIN_PARTS = {
    "xl/workbook.xml": "xlsx",
    "xl/workbook.bin": "xlsb",
    "word/document.xml": "docx",
    "ppt/presentation.xml": "pptx",
}
_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.spreadsheet-template": "ods",
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.text-template": "odt",
    b"application/vnd.oasis.opendocument.presentation": "odp",
    b"application/vnd.oasis.opendocument.presentation-template": "odp",
}
_FAMILIES = {
    **dict.fromkeys(("xlsx", "xlsm", "xltx", "xltm"), "xlsx"),
    "xlsb": "xlsb",
    **dict.fromkeys(("docx", "docm", "dotx", "dotm"), "docx"),
    **dict.fromkeys(("pptx", "pptm", "ppsx", "ppsm", "potx", "potm"), "pptx"),
    **dict.fromkeys(("ods", "ots"), "ods"),
    **dict.fromkeys(("odt", "ott"), "odt"),
    **dict.fromkeys(("odp", "otp"), "odp"),
}
"""Extension -> the format whose reader handles it, for packages whose content cannot tell."""
_OOXML_FAMILIES = frozenset({"xlsx", "xlsb", "docx", "pptx"})
_OLE_STREAMS = {
    "workbook": "xls",
    "book": "xls",
    "worddocument": "doc",
    "powerpoint document": "ppt",
}


def inspector_for(fmt: str) -> Inspector | None:
    """The inspector of a format, or None when no module reads it."""
    target = INSPECTORS.get(fmt)
    if target is None:
        return None
    module_name, function = target.split(":")
    inspector: Inspector = getattr(importlib.import_module(module_name), function)
    return inspector


MIN_TEXT_BEFORE_ZEROS = 256
"""Bytes a file must hold before a run of zeros ending it for them to be judged alone: a few
bytes of a binary header before its zero padding say nothing."""


def sniff(data: bytes, name: str = "") -> str:
    """The format of a document judged by its bytes; the name's extension only breaks ties."""
    head = data[:4096]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, extension)
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(data, extension)
    if _is_bare_biff(head):
        return "xls"
    if head.startswith(WORD2_MAGIC):
        return "doc"  # its reader says which Word version it is
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if is_image(head):
        return "image"
    # A text file whose end was lost and filled with zero bytes (a crashed upload or copy)
    # is judged by the text before them; the readers drop NUL characters.
    body = data.rstrip(b"\x00") if data.endswith(b"\x00") else data
    if len(body) < len(data) and len(body) >= MIN_TEXT_BEFORE_ZEROS:
        head = body[:4096]
    else:
        body = data
    complete = len(body) <= len(head)
    if _looks_like_html(head) and not _csv_with_markup(head, extension):
        return "html"
    if _looks_binary(head) and not _delimited_with_nuls(head, extension, complete):
        return "binary"
    if extension in ("csv", "tsv") or _looks_delimited(head, complete=complete):
        return "csv"
    return "text"


_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",
    b"MM\x00*",
    b"BM",
)
"""How picture files begin (WebP is RIFF....WEBP, checked apart)."""


def is_image(head: bytes) -> bool:
    """Whether the bytes begin like a picture file (PNG, JPEG, GIF, TIFF, BMP, WebP)."""
    if head.startswith(b"BM") and len(head) >= 14:
        # A bitmap's header gives its size and where its pixels start, after the 14-byte
        # header: a text beginning "BM" does not.
        size, offset = struct.unpack_from("<I", head, 2)[0], struct.unpack_from("<I", head, 10)[0]
        return size >= 26 and 26 <= offset < size
    return head.startswith(_IMAGE_MAGIC[:-1]) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def is_encrypted_ooxml(data: bytes) -> bool:
    """An OOXML file saved with a password is an OLE2 container holding an EncryptedPackage."""
    return data.startswith(OLE_MAGIC) and "encryptedpackage" in _ole_streams(data)


def _sniff_zip(data: bytes, extension: str) -> str:
    """OOXML by its main part, ODF by its mimetype; a package that cannot be opened, or an
    Office-named one with no main part, keeps the format its extension names so that the
    verdict says which document failed."""
    from detectors.formats._archive import SafeZip

    family = _FAMILIES.get(extension, "zip")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            package = SafeZip(archive, Budget())
            for part, fmt in _OOXML_MAIN_PARTS.items():
                if package.has(part):
                    return fmt
            if "mimetype" in package.names:
                mimetype = archive.read("mimetype")[:100].strip()
                return _ODF_MIMETYPES.get(mimetype, "zip")
            files = [n for n in package.names if not n.endswith("/")]
            if family in _OOXML_FAMILIES and (not files or package.has("[Content_Types].xml")):
                return family  # its reader reports the missing part
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return family
    return "zip"


def _sniff_ole(data: bytes, extension: str) -> str:
    streams = _ole_streams(data)
    if "encryptedpackage" in streams:
        family = _FAMILIES.get(extension)
        return family if family in _OOXML_FAMILIES else "ooxml"
    for stream, fmt in _OLE_STREAMS.items():
        if stream in streams:
            return fmt
    return extension if extension in ("xls", "doc", "ppt") else "ole"


def _ole_streams(data: bytes) -> set[str]:
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return {"/".join(entry).lower() for entry in ole.listdir(streams=True, storages=True)}
    except Exception:  # olefile raises many kinds on corrupt input; it then is just "ole"
        return set()


_HTML_OPENERS = (b"<!doctype html", b"<html", b"<head", b"<body")
_HTML_TAGS = (
    b"<div",
    b"<p>",
    b"<p ",
    b"<table",
    b"<span",
    b"<a href",
    b"<br",
    b"<ul",
    b"<h1",
    b"<h2",
)


def _looks_like_html(head: bytes) -> bool:
    """Markup near the start, even after a BOM, a comment or stray NUL bytes."""
    text = head.replace(b"\x00", b"").lower()
    if any(opener in text for opener in _HTML_OPENERS):
        return True
    tags = sum(1 for tag in _HTML_TAGS if tag in text)
    return tags >= 2 or (tags == 1 and text.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"))


def _csv_with_markup(head: bytes, extension: str) -> bool:
    """A file named .csv or .tsv whose header line is delimited and whose cells hold markup
    (answers to parliamentary questions kept as HTML): a table, not a web page."""
    if extension not in ("csv", "tsv"):
        return False
    text = head.replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<") or any(opener in text.lower() for opener in _HTML_OPENERS):
        return False
    first = text.replace(b"\r", b"\n").split(b"\n", 1)[0]
    return b"<" not in first and any(first.count(d) >= 2 for d in (b",", b"\t", b";", b"|"))


def _is_bare_biff(head: bytes) -> bool:
    """An Excel BIFF2-8 stream without an OLE container (Excel 2-4 saved worksheets so): a BOF
    record of a plausible size whose sub-stream type is a workbook, sheet, chart or macro."""
    if len(head) < 8:
        return False
    kind, size, _, substream = struct.unpack_from("<HHHH", head)
    return (
        kind in (0x0009, 0x0209, 0x0409, 0x0809)
        and 4 <= size <= 20
        and substream in (0x0005, 0x0006, 0x0010, 0x0020, 0x0040, 0x0100)
    )


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    if head.count(b"\x00") <= len(head) // 20:
        return controls > len(head) // 10
    # UTF-16 text without a byte order mark: ASCII letters alternate with NULs.
    odd, even = head[1::2], head[0::2]
    return not (odd.count(b"\x00") > len(odd) * 0.9 or even.count(b"\x00") > len(even) * 0.9)


def _delimited_with_nuls(head: bytes, extension: str, complete: bool) -> bool:
    """A .csv or .tsv file that is delimited text apart from a few stray NUL bytes."""
    if extension not in ("csv", "tsv") or head.count(b"\x00") > max(len(head) // 100, 4):
        return False
    text = head.replace(b"\x00", b"")
    return not _looks_binary(text) and _looks_delimited(text, complete)


def _looks_delimited(head: bytes, complete: bool) -> bool:
    """Two or more lines splitting into the same number of fields on one delimiter."""
    lines = [line for line in head.splitlines()[:10] if line.strip()]
    if not complete:
        lines = lines[:-1]  # the sample may cut the last line short
    if len(lines) < 2:
        return False
    for delimiter in (b",", b"\t", b";", b"|"):
        counts = {line.count(delimiter) for line in lines}
        if len(counts) == 1 and min(counts) >= 1:
            return True
    return False
