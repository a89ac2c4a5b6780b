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
import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from detectors.formats.pdf._layout import PageDrawing
from detectors.limits import Budget
from detectors.model import Text, Unread, Vector

TESSERACT = "tesseract"
"""The OCR program, looked up on PATH when a scanned page is met."""
MAX_TEXT_CHARS = 50
"""A page with fewer characters than this (any kind: shown, hidden, an OCR layer) has no text
layer worth the name; a stamp or a page number may be all there is on a scan."""
MIN_IMAGE_SHARE = 0.5
"""Share of the page images must cover for the page to be taken for a scan: a logo is not."""
DPI = 300
"""Resolution pages are rendered at for Tesseract, which reads 10-point type well from 300."""
MAX_RENDER_PIXELS = 12_000_000
"""Pixels of one rendered page (A4 at 300 dpi is 8.7 million): a larger page is rendered at
a lower resolution, so that memory stays bounded whatever size the page claims to be."""
MAX_IMAGE_PIXELS = 64_000_000
"""Pixels of the largest image pdfium is asked to decode, which it holds whole: at most 256 MB
in four colour channels (a 600 dpi A4 scan is 35 million pixels). A larger one is a
decompression bomb or close enough, and its page is an unread part."""
MIN_SECONDS = 1.0
"""Time budget left under which OCR is not started."""
_LOCK = threading.Lock()
"""pdfium is not safe to call from two threads at once."""


@dataclass(frozen=True)
class Failure:
    """Why a scanned page was not read."""

    reason: str
    limit: bool = False


def is_scanned(drawing: PageDrawing) -> bool:
    """Whether the page is (nearly) without characters but mostly covered by images."""
    chars = 0
    for glyph in drawing.glyphs:
        if not glyph.text.isspace():
            chars += 1
            if chars >= MAX_TEXT_CHARS:
                return False
    cx0, cy0, cx1, cy1 = drawing.crop
    page = (cx1 - cx0) * (cy1 - cy0)
    if page <= 0:
        return False
    covered = 0.0
    for shape in drawing.covers:
        if not shape.image:
            continue
        x0, y0, x1, y1 = shape.box
        width, height = min(x1, cx1) - max(x0, cx0), min(y1, cy1) - max(y0, cy0)
        if width > 0 and height > 0:
            covered += width * height
    return covered >= MIN_IMAGE_SHARE * page


class Scans:
    """Reads the scanned pages of one document, opening it in pdfium at the first one."""

    def __init__(self, data: bytes, budget: Budget) -> None:
        self._data = data
        self._budget = budget
        self._document: pdfium.PdfDocument | None = None
        self._program: str | None = None
        self.read = 0
        """Pages given to Tesseract so far."""
        self.spent = 0.0
        """OCR seconds given back to the budget so far."""

    def close(self) -> None:
        if self._document is not None:
            with _LOCK:
                self._document.close()
            self._document = None

    def page(self, index: int) -> Text | Unread | None:
        """The text of the scanned page `index` (0-based), or why it was not read; None when
        Tesseract found no text at all."""
        number = index + 1
        outcome = self._read(index)
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

    def _read(self, index: int) -> str | Failure:
        program = self._program or shutil.which(TESSERACT)
        if program is None:
            return Failure("the Tesseract OCR program is not installed")
        self._program = program
        limits = self._budget.limits
        if self.read >= limits.max_ocr_pages:
            return Failure(f"over the {limits.max_ocr_pages:,}-page OCR limit", limit=True)
        left = self._budget.deadline - time.monotonic()
        if left < MIN_SECONDS:
            return Failure("time budget spent", limit=True)
        rendered = self._render(index)
        if isinstance(rendered, Failure):
            return rendered
        self.read += 1
        timeout = min(limits.ocr_page_timeout_s, self._budget.deadline - time.monotonic())
        started = time.monotonic()
        text = _tesseract(program, *rendered, max(timeout, MIN_SECONDS))
        self._give_back(time.monotonic() - started)
        return text

    def _give_back(self, spent: float) -> None:
        """OCR time is added back to the document's budget, up to `limits.ocr_time_s` in all:
        the budget is for reading and detection, and a long scan is not too large."""
        allowance = max(0.0, self._budget.limits.ocr_time_s - self.spent)
        extra = min(spent, allowance)
        self.spent += extra
        self._budget.deadline += extra

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


def _tesseract(program: str, image: bytes, dpi: int, timeout: float) -> str | Failure:
    """Tesseract's text for a PGM image, on one thread (the scan shares the machine)."""
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    # Page segmentation 1 detects the orientation first (Debian's `tesseract-ocr` depends on
    # `tesseract-ocr-osd`): a letter fed into the scanner sideways or upside down is read too.
    command = [program, "stdin", "stdout", "-l", "eng", "--dpi", str(dpi), "--psm", "1"]
    try:
        done = subprocess.run(
            command, input=image, capture_output=True, timeout=timeout, env=environment
        )
    except subprocess.TimeoutExpired:
        return Failure(f"OCR took longer than {timeout:,.0f} s", limit=True)
    except OSError:
        return Failure("the Tesseract OCR program cannot be run")
    if done.returncode != 0:
        return Failure("Tesseract could not read the page image")
    return done.stdout.decode("utf-8", errors="replace")
