"""Resource limits that keep one hostile document from stalling or exhausting a crawl."""

from __future__ import annotations

import time
import zlib
from dataclasses import dataclass, field

from detectors.errors import DocumentTooLarge

MB = 1024 * 1024

WHOLE_XML_BYTES = 64 * MB
"""Largest XML part parsed whole into a tree (a Word body, a slide, a comments part): a tree
takes several times the text, so a larger part is refused as too large rather than parsed.
Sheets, caches and other parts that can be long are streamed instead."""

WHOLE_CELL_CHARS = 300
"""Longest value judged as a whole cell (a name, an id, a date, a postcode). Longer values are
free text: never matched whole, and read as prose instead (see `detectors.tables`)."""


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 250 * MB
    max_expanded_bytes: int = 2048 * MB
    """Sum of the uncompressed sizes of all members of one archive."""
    max_ratio: float = 300.0
    """Compression ratio above which a member larger than `ratio_floor_bytes` is a bomb."""
    ratio_floor_bytes: int = 4 * MB
    max_inflated_bytes: int = 256 * MB
    """Largest one thing decompressed whole into memory: a zip member, an embedded file, a
    PDF attachment. Larger is refused as too large and the rest of the document still read."""
    max_stream_bytes: int = 32 * MB
    """Largest PDF stream decoded (page content, fonts, forms): the page interpreter holds
    several times a content stream's size while parsing it."""
    max_pages: int = 2000
    """PDF pages read; the pages after are an unread part."""
    max_ocr_pages: int = 50
    """Scanned PDF pages (images without text) read by OCR; later ones are unread parts."""
    ocr_page_timeout_s: float = 20.0
    """Longest OCR of one scanned page, within what is left of `time_budget_s`."""
    ocr_time_s: float = 120.0
    """OCR time a document may spend beyond `time_budget_s`: Tesseract takes a second or two
    a page, and a twenty-page scanned reply must be read, not cut off as too large."""
    max_members: int = 20_000
    max_depth: int = 4
    """How deep embedded files are followed (a docx in a zip in a pdf is depth 3)."""
    time_budget_s: float = 30.0
    page_time_s: float = 0.5
    """Time each PDF page read to its end gives back to `time_budget_s`, at most: a 300-page
    statistical report of light pages is read to its end rather than reported unread, while a
    page that is slow to paint still spends the budget."""
    pages_time_s: float = 90.0
    """Page time a document may spend beyond `time_budget_s` in all: as OCR's allowance, so a
    long report is still read on a busy night, and a hostile page count (up to `max_pages`)
    ends within a few minutes."""
    text_time_s: float = 30.0
    """Time each million characters of text checked for names gives back to `time_budget_s`,
    at most: the language model reads about a megabyte in twenty seconds, so a 200-page
    register is read to its end rather than reported unread every night."""
    texts_time_s: float = 90.0
    """Text time a document may spend beyond `time_budget_s` in all, as `pages_time_s`."""


@dataclass
class Budget:
    """The time left for one document, checked cooperatively by inspectors in their loops."""

    limits: Limits = field(default_factory=Limits)
    deadline: float = 0.0
    ocr_pages: int = 0
    """Pictures of text (scanned pages, image files) given to OCR so far, in all the document."""
    ocr_spent: float = 0.0
    """OCR seconds given back to the deadline so far (`detectors.formats._ocr`)."""
    ocr_seconds: float = 0.0
    """OCR time taken so far, given back or not: never given back again as page time."""
    pages_spent: float = 0.0
    """Seconds given back for PDF pages read to their end (`page_read`)."""
    text_spent: float = 0.0
    """Seconds given back for text checked for names (`text_read`)."""
    _ocr_seen: float = 0.0

    def __post_init__(self) -> None:
        if not self.deadline:
            self.deadline = time.monotonic() + self.limits.time_budget_s

    def check(self, activity: str | None = None) -> None:
        """Raise DocumentTooLarge once the time is spent; `activity` says what was cut short
        during detection ("checking the text for names"), when findings so far are kept."""
        if time.monotonic() <= self.deadline:
            return
        budget = f"{self.limits.time_budget_s:g} s budget"
        if activity is None:
            raise DocumentTooLarge(f"inspection took longer than the {budget}")
        raise DocumentTooLarge(
            f"ran out of the {budget} while {activity}; findings so far are kept"
        )

    def page_read(self, started: float) -> float:
        """Give back the time of a page read since `started`, up to the limits; the time now."""
        now = time.monotonic()
        limits = self.limits
        spent = now - started - (self.ocr_seconds - self._ocr_seen)  # OCR has its own allowance
        self._ocr_seen = self.ocr_seconds
        extra = min(spent, limits.page_time_s, limits.pages_time_s - self.pages_spent)
        if extra > 0:
            self.pages_spent += extra
            self.deadline += extra
        return now

    def text_read(self, started: float, chars: int) -> None:
        """Give back the time `chars` characters of text took to check since `started`, up
        to the limits."""
        limits = self.limits
        spent = time.monotonic() - started
        allowed = chars / 1_000_000 * limits.text_time_s
        extra = min(spent, allowed, limits.texts_time_s - self.text_spent)
        if extra > 0:
            self.text_spent += extra
            self.deadline += extra


INFLATE_CHUNK = 1 * MB
"""Output taken from the decompressor between two checks of the caps."""


def inflate(
    data: bytes,
    limits: Limits,
    cap: int | None = None,
    wbits: int = zlib.MAX_WBITS,
    tolerant: bool = False,
) -> bytes:
    """`data` inflated (zlib, raw deflate or gzip by `wbits`), a chunk at a time, refused as
    a bomb with DocumentTooLarge as soon as the output passes `cap` (by default
    `limits.max_inflated_bytes`) or, past `limits.ratio_floor_bytes`, expands more than
    `limits.max_ratio` times the input consumed so far. Corrupt data raises zlib.error, or
    with `tolerant` ends the output where the damage starts (a stream with a bad checksum).

    The one decompressor for everything held whole in memory: a 1 MB stream of zeros that
    would expand to 1 GiB is refused after a few megabytes, not after allocating the GiB.
    """
    cap = limits.max_inflated_bytes if cap is None else cap
    decompressor = zlib.decompressobj(wbits)
    pieces: list[bytes] = []
    total = 0
    pending = data
    while True:
        try:
            piece = decompressor.decompress(pending, INFLATE_CHUNK)
        except zlib.error:
            if not tolerant:
                raise
            return _salvaged(data, limits, cap, wbits, pieces)
        pending = decompressor.unconsumed_tail
        total += len(piece)
        pieces.append(piece)
        _check_inflated(total, len(data) - len(pending), cap, limits)
        if decompressor.eof or (not pending and len(piece) < INFLATE_CHUNK):
            break
    try:
        rest = decompressor.flush()
    except zlib.error:
        if not tolerant:
            raise
        return _salvaged(data, limits, cap, wbits, pieces)
    total += len(rest)
    _check_inflated(total, len(data), cap, limits)
    pieces.append(rest)
    return b"".join(pieces)


def _salvaged(data: bytes, limits: Limits, cap: int, wbits: int, pieces: list[bytes]) -> bytes:
    """What damaged deflate data gives: a zlib stream whose checksum is wrong is read again
    as raw deflate, which has no checksum; otherwise the output up to the damage."""
    if wbits == zlib.MAX_WBITS and len(data) > 2:
        return inflate(data[2:], limits, cap, -zlib.MAX_WBITS, tolerant=True)
    return b"".join(pieces)


def _check_inflated(total: int, consumed: int, cap: int, limits: Limits) -> None:
    if total > cap:
        raise DocumentTooLarge(
            f"decompression bomb refused: expands past the {cap / MB:,.0f} MB limit"
        )
    if total > limits.ratio_floor_bytes and total > limits.max_ratio * max(consumed, 1):
        raise DocumentTooLarge(
            f"decompression bomb refused: expands over {limits.max_ratio:,.0f} times"
        )
