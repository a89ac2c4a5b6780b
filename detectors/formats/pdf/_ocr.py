"""Scanned pages: a page that is a picture of text, with no text of its own, read by OCR.

A scanned letter is an image painted over the page and (nearly) no characters: pdfminer reads
nothing from it, yet a person sees every word. Such a page is rendered by pdfium and read by
Debian's Tesseract (`tesseract-ocr`, `tesseract-ocr-eng`); its text is the page's visible text.

When it cannot be read (Tesseract missing, the OCR page cap reached, the time budget spent,
an image too large to decode) the page is an unread part, so the document is never called
clean for text nobody read.
"""

from __future__ import annotations

import math
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from detectors.formats._ocr import (
    MAX_IMAGE_PIXELS,
    MAX_RENDER_PIXELS,
    TESSERACT,
    Failure,
    allowed,
    read,
)
from detectors.formats._ocr import tesseract_text as _tesseract
from detectors.formats.pdf._layout import Box, PageDrawing
from detectors.limits import Budget
from detectors.model import Text, Unread, Vector

MAX_TEXT_CHARS = 50
"""A page with fewer characters than this (any kind: shown, hidden, an OCR layer) has no text
layer worth the name; a stamp or a page number may be all there is on a scan."""
MIN_IMAGE_SHARE = 0.5
"""Share of the page images must cover for the page to be taken for a scan: a logo is not."""
DPI = 300
"""Resolution pages are rendered at for Tesseract, which reads 10-point type well from 300."""
DARK = 96
"""Grey level under which a pixel is dark (of 255)."""
SOLID = 0.95
"""Share of dark pixels that makes a place solid dark: a box, not type (a line of type darkens
a fifth of its place) nor light type on a dark band (its strokes are light)."""
_LOCK = threading.Lock()
"""pdfium is not safe to call from two threads at once."""


def is_scanned(drawing: PageDrawing) -> bool:
    """Whether the page is (nearly) without characters but mostly covered by images."""
    chars = 0
    for glyph in drawing.glyphs:
        if not glyph.text.isspace():
            chars += 1
            if chars >= MAX_TEXT_CHARS:
                return False
    return image_share(drawing) >= MIN_IMAGE_SHARE


def image_share(drawing: PageDrawing) -> float:
    """Share of the page's crop box that its images cover (overlaps counted twice)."""
    cx0, cy0, cx1, cy1 = drawing.crop
    page = (cx1 - cx0) * (cy1 - cy0)
    if page <= 0:
        return 0.0
    covered = 0.0
    for shape in drawing.covers:
        if not shape.image:
            continue
        x0, y0, x1, y1 = shape.box
        width, height = min(x1, cx1) - max(x0, cx0), min(y1, cy1) - max(y0, cy0)
        if width > 0 and height > 0:
            covered += width * height
    return covered / page


@dataclass(frozen=True)
class _Rendered:
    """The page last rendered for OCR, kept to see what it shows in a given place."""

    index: int
    picture: Image.Image
    scale: float
    """Pixels per point."""
    rotation: int


class Scans:
    """Reads the scanned pages of one document, opening it in pdfium at the first one."""

    def __init__(self, data: bytes, budget: Budget) -> None:
        self._data = data
        self._budget = budget
        self._document: pdfium.PdfDocument | None = None
        self._program: str | None = None
        self._seen: dict[int, str | Failure] = {}
        self._last: _Rendered | None = None

    def close(self) -> None:
        if self._document is not None:
            with _LOCK:
                self._document.close()
            self._document = None

    def page(self, index: int) -> Text | Unread | None:
        """The text of the scanned page `index` (0-based), or why it was not read; None when
        Tesseract found no text at all."""
        number = index + 1
        outcome = self.seen(index)
        if isinstance(outcome, Failure):
            return Unread(
                f"page {number}",
                f"scanned image with no text layer: {outcome.reason}",
                limit=outcome.limit,
            )
        text = outcome.strip()
        if not text:
            return None
        return Text(text, Vector.PAGE_TEXT, f"page {number}, text read from its scanned image")

    def seen(self, index: int) -> str | Failure:
        """What Tesseract reads from page `index` as rendered, or why it was not read; each
        page is read once."""
        if index not in self._seen:
            self._seen[index] = self._read(index)
        return self._seen[index]

    def dark(self, index: int, crop: Box) -> Callable[[Box], bool]:
        """Whether page `index`, as last rendered for OCR, is solid dark over a box given in
        the page's coordinates (`crop` being its crop box): a redaction box in the picture.
        Always False for another page, or a page shown rotated."""
        last = self._last
        if last is None or last.index != index or last.rotation:
            return lambda box: False
        picture, scale = last.picture, last.scale
        cx0, _, _, cy1 = crop

        def solid(box: Box) -> bool:
            x0, y0, x1, y1 = box
            inset = (y1 - y0) * 0.15  # the box's edges may catch the paper around it
            area = (
                round((x0 - cx0 + inset) * scale),
                round((cy1 - y1 + inset) * scale),
                round((x1 - cx0 - inset) * scale),
                round((cy1 - y0 - inset) * scale),
            )
            if area[2] <= area[0] or area[3] <= area[1]:
                return False
            counts = picture.crop(area).histogram()
            return sum(counts[:DARK]) >= SOLID * sum(counts)

        return solid

    def _read(self, index: int) -> str | Failure:
        tesseract = self._program or shutil.which(TESSERACT)
        if tesseract is None:
            return Failure("the Tesseract OCR program is not installed")
        self._program = tesseract
        refused = allowed(self._budget)
        if refused is not None:
            return refused
        rendered = self._render(index)
        if isinstance(rendered, Failure):
            return rendered
        return read(tesseract, *rendered, self._budget, run=_tesseract)

    def _render(self, index: int) -> tuple[bytes, int] | Failure:
        """The page as an 8-bit grey PGM image at up to `DPI`, and its resolution; or why it
        cannot be rendered."""
        with _LOCK:
            try:
                if self._document is None:
                    self._document = pdfium.PdfDocument(self._data)
                page = self._document[index]
            except (pdfium.PdfiumError, IndexError, ValueError):
                return Failure("pdfium cannot open the page")
            try:
                largest = _largest_image(page)
                if largest > MAX_IMAGE_PIXELS:
                    return Failure(
                        f"an image of {largest / 1e6:,.0f} million pixels, over the "
                        f"{MAX_IMAGE_PIXELS / 1e6:,.0f} million limit",
                        limit=True,
                    )
                width, height = page.get_size()
                scale = DPI / 72
                if width * height * scale * scale > MAX_RENDER_PIXELS:
                    scale = math.sqrt(MAX_RENDER_PIXELS / max(width * height, 1.0))
                bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=False)
                try:
                    picture = bitmap.to_pil().convert("L")
                finally:
                    bitmap.close()
                self._last = _Rendered(index, picture, scale, page.get_rotation())
            except (pdfium.PdfiumError, ValueError, OSError, MemoryError):
                return Failure("the page cannot be rendered")
            finally:
                page.close()
        header = f"P5\n{picture.width} {picture.height}\n255\n".encode()
        return header + picture.tobytes(), max(round(scale * 72), 1)


def _largest_image(page: pdfium.PdfPage) -> int:
    """Pixels of the largest image on the page, by what its dictionary declares (nothing is
    decoded), forms included."""
    largest = 0
    for found in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
        if isinstance(found, pdfium.PdfImage):
            try:
                width, height = found.get_px_size()
            except pdfium.PdfiumError:
                continue
            largest = max(largest, width * height)
    return largest
