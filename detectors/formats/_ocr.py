"""Tesseract, shared by every reader of pictures of text (a scanned PDF page, an image file):
one program call per picture on one thread, and the document's allowance of pages and time.

The pages read and the OCR time are counted on the document's `Budget`, whatever holds the
pictures (a PDF's scanned pages, the images in a zip or attached to it), so that a document is
read within `limits.max_ocr_pages` and its OCR time is given back to the budget up to
`limits.ocr_time_s` in all: the budget is for reading and detection, and a long scan is not
too large.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass

from detectors.limits import Budget

TESSERACT = "tesseract"
"""The OCR program, looked up on PATH when a picture of text is met."""
MIN_SECONDS = 1.0
"""Time budget left under which OCR is not started."""
MAX_IMAGE_PIXELS = 64_000_000
"""Pixels of the largest image decoded whole: at most 256 MB in four colour channels (a 600 dpi
A4 scan is 35 million pixels). A larger one is a decompression bomb or close enough, and it
is an unread part."""
MAX_RENDER_PIXELS = 12_000_000
"""Pixels of one picture given to Tesseract (A4 at 300 dpi is 8.7 million): a larger one is
scaled down, so that memory stays bounded whatever size it claims to be."""


@dataclass(frozen=True)
class Failure:
    """Why a picture of text was not read."""

    reason: str
    limit: bool = False


def program() -> str | Failure:
    """Where the OCR program is, or why it cannot be run."""
    found = shutil.which(TESSERACT)
    return Failure("the Tesseract OCR program is not installed") if found is None else found


def allowed(budget: Budget) -> Failure | None:
    """Why the document may read no more pictures (the page cap, the time left), or None."""
    limits = budget.limits
    if budget.ocr_pages >= limits.max_ocr_pages:
        return Failure(f"over the {limits.max_ocr_pages:,}-page OCR limit", limit=True)
    if budget.deadline - time.monotonic() < MIN_SECONDS:
        return Failure("time budget spent", limit=True)
    return None


def tesseract_text(tesseract: str, image: bytes, dpi: int, timeout: float) -> str | Failure:
    """Tesseract's text for a PGM image, on one thread (the scan shares the machine)."""
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    # Page segmentation 1 detects the orientation first (Debian's `tesseract-ocr` depends on
    # `tesseract-ocr-osd`): a letter fed into the scanner sideways or upside down is read too.
    command = [tesseract, "stdin", "stdout", "-l", "eng", "--dpi", str(dpi), "--psm", "1"]
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


Runner = Callable[[str, bytes, int, float], "str | Failure"]
"""`tesseract_text`, or a stand-in with its shape."""


def read(
    tesseract: str, image: bytes, dpi: int, budget: Budget, run: Runner = tesseract_text
) -> str | Failure:
    """Tesseract's text for a PGM image, counted on the document's budget: one page more, and
    the OCR time given back up to the allowance."""
    budget.ocr_pages += 1
    timeout = min(budget.limits.ocr_page_timeout_s, budget.deadline - time.monotonic())
    started = time.monotonic()
    text = run(tesseract, image, dpi, max(timeout, MIN_SECONDS))
    spent = time.monotonic() - started
    budget.ocr_seconds += spent
    extra = min(spent, max(0.0, budget.limits.ocr_time_s - budget.ocr_spent))
    budget.ocr_spent += extra
    budget.deadline += extra
    return text
