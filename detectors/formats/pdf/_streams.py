"""Decoding PDF streams within the limits, so that a small file cannot expand to gigabytes.

pdfminer decodes a stream whole the first time it is used (page content, forms, fonts,
object streams) with `zlib.decompress` and its own LZW decoder, with no size limit: a 1 MB
content stream of zeros becomes 1 GiB in memory, then a parse of it. Its stream decoder
looks those functions up in its own module, so they are swapped there for capped ones that
refuse a stream past `Limits.max_stream_bytes` or past the compression ratio limit, raising
DocumentTooLarge; the page reader turns that into an unread page. pikepdf is only asked to
decode attachments and metadata, through `stream_bytes`, which checks the same limits first.
"""

from __future__ import annotations

import io
from contextvars import ContextVar
from types import SimpleNamespace
from typing import Any

import pdfminer.pdftypes
import pikepdf
from pdfminer.lzw import LZWDecoder

from detectors.errors import DocumentTooLarge
from detectors.limits import MB, Limits, inflate

_LIMITS: ContextVar[Limits | None] = ContextVar("pdf_stream_limits", default=None)
_FLATE = ("/FlateDecode", "/Fl")


def use_limits(limits: Limits) -> None:
    """Decode the streams pdfminer reads from now on in this context within `limits`."""
    _LIMITS.set(limits)


def _decompress(data: bytes, wbits: int = 15, bufsize: int = 0) -> bytes:
    limits = _LIMITS.get() or Limits()
    return inflate(data, limits, limits.max_stream_bytes, wbits)


def _decompress_damaged(data: bytes) -> bytes:
    """A stream whose checksum is wrong, inflated as far as it goes (pdfminer's own version
    adds the output a byte of input at a time: quadratic on a large stream)."""
    limits = _LIMITS.get() or Limits()
    return inflate(data, limits, limits.max_stream_bytes, tolerant=True)


def _lzw(data: bytes) -> bytes:
    limits = _LIMITS.get() or Limits()
    pieces: list[bytes] = []
    total = 0
    for piece in LZWDecoder(io.BytesIO(data)).run():
        total += len(piece)
        if total > limits.max_stream_bytes:
            raise DocumentTooLarge(_over(limits.max_stream_bytes))
        pieces.append(piece)
    return b"".join(pieces)


def _over(cap: int) -> str:
    return f"decompression bomb refused: a stream expands past the {cap / MB:,.0f} MB limit"


pdfminer.pdftypes.zlib = SimpleNamespace(  # type: ignore[assignment]
    decompress=_decompress, error=pdfminer.pdftypes.zlib.error
)
pdfminer.pdftypes.decompress_corrupted = _decompress_damaged
pdfminer.pdftypes.lzwdecode = _lzw


def stream_bytes(stream: pikepdf.Stream, limits: Limits) -> bytes:
    """A stream's decoded bytes through pikepdf (an attachment, XMP metadata), refused with
    DocumentTooLarge past `Limits.max_inflated_bytes` or the ratio limit.

    Deflate chains are inflated here, within the limits; for any other chain the first
    deflate stage is measured within them before qpdf decodes the whole.
    """
    filters = _filter_names(stream.get("/Filter"))
    if not filters:
        return stream.read_raw_bytes()
    if all(name in _FLATE for name in filters) and stream.get("/DecodeParms") is None:
        data = stream.read_raw_bytes()
        for _ in filters:
            data = inflate(data, limits)
        return data
    if filters[0] in _FLATE:
        inflate(stream.read_raw_bytes(), limits, tolerant=True)
    return stream.read_bytes()


def _filter_names(value: Any) -> list[str]:
    if isinstance(value, pikepdf.Array):
        return [str(item) for item in value]
    return [str(value)] if value is not None else []
