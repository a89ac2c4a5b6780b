"""Pictures (PNG, JPEG, GIF, TIFF, BMP, WebP): a scanned letter or a screenshot saved as an
image, inside a zip or attached to a PDF, read by Tesseract like a scanned PDF page.

Every frame of a multi-page TIFF (a faxed or scanned bundle) is read, within the document's OCR
page cap. A picture too small to hold a line of text (an icon, a spacer) holds nothing. When a
picture cannot be read (Tesseract missing, the page cap reached, the time budget spent, more
pixels than may be decoded) it is an unread part, so the document is never called clean for
text nobody read.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator

from PIL import Image, UnidentifiedImageError

from detectors.errors import UnreadableDocument
from detectors.formats._ocr import (
    MAX_IMAGE_PIXELS,
    MAX_RENDER_PIXELS,
    Failure,
    allowed,
    program,
    read,
)
from detectors.limits import Budget
from detectors.model import Item, Text, Unread, Vector

MIN_SIDE = 32
"""Pixels a picture needs on each side to hold a line of text at all."""
DEFAULT_DPI = 300
"""Resolution assumed when the picture does not say (Tesseract needs one)."""


def inspect_image(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield the text Tesseract reads in each frame, or why a frame was not read."""
    try:
        picture = Image.open(io.BytesIO(data))
        width, height = picture.size
        # A TIFF's frames are the pages of a scan; a GIF's or a WebP's are an animation's.
        frames = getattr(picture, "n_frames", 1) if picture.format == "TIFF" else 1
    except Image.DecompressionBombError:
        yield Unread("picture", "an image of more pixels than may be decoded", limit=True)
        return
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise UnreadableDocument(f"not a readable picture: {type(error).__name__}") from error
    with picture:
        if width * height > MAX_IMAGE_PIXELS:
            yield Unread(
                "picture",
                f"an image of {width * height / 1e6:,.0f} million pixels, over the "
                f"{MAX_IMAGE_PIXELS / 1e6:,.0f} million limit",
                limit=True,
            )
            return
        if min(width, height) < MIN_SIDE:
            return  # an icon or a spacer: no line of text fits
        for frame in range(frames):
            where = "picture" if frames == 1 else f"picture, page {frame + 1}"
            outcome = _read(picture, frame, budget)
            if isinstance(outcome, Failure):
                yield Unread(where, f"picture of text: {outcome.reason}", limit=outcome.limit)
                continue
            text = outcome.strip()
            if text:
                yield Text(text, Vector.PAGE_TEXT, f"{where}, text read from the image")


def _read(picture: Image.Image, frame: int, budget: Budget) -> str | Failure:
    tesseract = program()
    if isinstance(tesseract, Failure):
        return tesseract
    refused = allowed(budget)
    if refused is not None:
        return refused
    try:
        picture.seek(frame)
        grey = picture.convert("L")
    except (OSError, ValueError, EOFError, SyntaxError):
        return Failure("the image cannot be decoded")
    dpi = _dpi(picture)
    if grey.width * grey.height > MAX_RENDER_PIXELS:
        scale = math.sqrt(MAX_RENDER_PIXELS / (grey.width * grey.height))
        size = (max(1, int(grey.width * scale)), max(1, int(grey.height * scale)))
        grey = grey.resize(size)
        dpi = max(1, round(dpi * scale))
    header = f"P5\n{grey.width} {grey.height}\n255\n".encode()
    return read(tesseract, header + grey.tobytes(), dpi, budget)


def _dpi(picture: Image.Image) -> int:
    stated = picture.info.get("dpi")
    try:
        value = round(float(stated[0])) if stated else DEFAULT_DPI
    except (TypeError, ValueError, IndexError):
        value = DEFAULT_DPI
    return value if 50 <= value <= 1200 else DEFAULT_DPI
