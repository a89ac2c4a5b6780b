"""Decoding bytes of unknown encoding into text without ever failing."""

from __future__ import annotations

import codecs
from urllib.parse import unquote

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes) -> tuple[str, str]:
    """The text of `data` and the encoding it was read with; NUL characters are dropped.

    UK public bodies publish UTF-8 or Windows-1252, so those are tried before any guessing:
    a statistical detector mistakes short cp1252 text for other code pages.
    """
    text, encoding = _decode(data)
    return text.replace("\x00", ""), encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    utf16 = _guess_utf16(data[:4096])
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return _guess(data)


def _guess_utf16(head: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII text has a NUL in every other byte."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.6 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.6 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(data[: 1024 * 1024]).best()
    except Exception:  # a detector failing on odd bytes only means we fall back
        best = None
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace"), best.encoding
        except LookupError:
            pass
    return data.decode("latin-1"), "latin-1"


def mail_address(target: str) -> str:
    """The address a `mailto:` link opens ("mailto:jane.smith%40x.gov.uk?subject=FOI" ->
    "jane.smith@x.gov.uk"); "" for any other link."""
    if target[:7].lower() != "mailto:":
        return ""
    return unquote(target[7:].split("?", 1)[0]).strip()
