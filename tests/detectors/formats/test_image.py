"""Pictures of text (a scanned letter saved as PNG, JPEG or a multi-page TIFF, alone, in a zip or
attached to a PDF) are read by OCR; a picture that cannot be read is an unread part."""

from __future__ import annotations

import io
import os
import shutil
import struct
import zipfile
import zlib

import pytest
from PIL import Image, ImageDraw, ImageFont

from detectors.formats import _ocr, image, sniff
from detectors.limits import Budget, Limits
from detectors.model import Severity, Text, Unread, Vector
from detectors.scan import scan

LETTER = (
    "Professional Standards Department",
    "Complainant: Jane Example, 12 Acacia Avenue, AB1 2CD, 07700 900123",
    "Your complaint about the officer has been recorded.",
)

needs_tesseract = pytest.mark.skipif(
    shutil.which(_ocr.TESSERACT) is None and not os.environ.get("CI"),
    reason="Tesseract is not installed: `make setup` installs tesseract-ocr (under CI it must be)",
)


def _page(lines: tuple[str, ...] = LETTER) -> Image.Image:
    page = Image.new("L", (1700, 900), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=34)
    for number, line in enumerate(lines):
        draw.text((120, 150 + 60 * number), line, fill=0, font=font)
    return page


def _saved(picture: Image.Image, kind: str, **options: object) -> bytes:
    out = io.BytesIO()
    picture.save(out, kind, **options)
    return out.getvalue()


def _items(data: bytes, limits: Limits | None = None) -> list[object]:
    return list(image.inspect_image(data, "scan.png", Budget(limits or Limits())))


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "TIFF", "BMP", "GIF", "WEBP"])
def test_every_picture_format_is_sniffed_as_an_image(kind: str) -> None:
    assert sniff(_saved(_page(), kind), "upload.bin") == "image"


def test_text_beginning_with_bm_is_not_a_bitmap() -> None:
    assert sniff(b"BM readings for the month\nline two\n", "notes.txt") == "text"


@needs_tesseract
@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_a_scanned_letter_saved_as_a_picture_is_read(kind: str) -> None:
    verdict = scan(_saved(_page(), kind), "letter.img")
    assert verdict.format == "image"
    assert verdict.unread == ()
    assert any(f.entity == "PERSON" for f in verdict.findings)
    assert verdict.severity.rank >= Severity.MEDIUM.rank  # a private person's home and phone
    assert all(f.where == "picture, text read from the image" for f in verdict.findings)


@needs_tesseract
def test_every_page_of_a_multi_page_tiff_is_read() -> None:
    pages = [_page(("A blank cover sheet for the fax.",)), _page()]
    data = _saved(pages[0], "TIFF", save_all=True, append_images=pages[1:])
    texts = [i for i in _items(data) if isinstance(i, Text)]
    assert [t.where for t in texts] == [
        "picture, page 1, text read from the image",
        "picture, page 2, text read from the image",
    ]
    assert "Jane Example" in texts[1].text
    assert all(t.vector is Vector.PAGE_TEXT for t in texts)


@needs_tesseract
def test_a_picture_in_a_zip_is_read_and_the_zip_is_not_left_unread() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("scans/letter.png", _saved(_page(), "PNG"))
    verdict = scan(out.getvalue(), "bundle.zip")
    assert verdict.unread == ()
    assert any(f.entity == "PERSON" for f in verdict.findings)


def test_an_icon_holds_no_text_and_is_not_unread() -> None:
    assert _items(_saved(Image.new("L", (16, 16), 128), "PNG")) == []


def test_a_picture_over_the_pixel_limit_is_an_unread_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(image, "MAX_IMAGE_PIXELS", 10_000)
    items = _items(_saved(Image.new("L", (200, 200), 255), "PNG"))
    assert [(i.where, i.limit) for i in items if isinstance(i, Unread)] == [("picture", True)]


def test_without_tesseract_a_picture_is_an_unread_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ocr, "TESSERACT", "no-such-ocr-program")
    items = _items(_saved(_page(), "PNG"))
    unread = [i for i in items if isinstance(i, Unread)]
    assert [u.reason for u in unread] == [
        "picture of text: the Tesseract OCR program is not installed"
    ]


def test_the_document_s_ocr_page_cap_is_shared_by_its_pictures() -> None:
    budget = Budget(Limits(max_ocr_pages=2))
    budget.ocr_pages = 2  # two scanned pages already read elsewhere in the document
    items = list(image.inspect_image(_saved(_page(), "PNG"), "scan.png", budget))
    assert [(i.reason, i.limit) for i in items if isinstance(i, Unread)] == [
        ("picture of text: over the 2-page OCR limit", True)
    ]


def test_a_damaged_picture_is_unreadable() -> None:
    verdict = scan(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "broken.png")
    assert verdict.status.value == "unreadable"


def _claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims `width` x `height` pixels (a decompression bomb)."""
    data = bytearray(_saved(Image.new("L", (40, 40), 255), "PNG"))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


@pytest.mark.parametrize("side", [9_000, 100_000])
def test_a_picture_claiming_too_many_pixels_is_cut_short_not_decoded(side: int) -> None:
    verdict = scan(_claiming(side, side), "bomb.png")
    assert verdict.status.value == "too_large"
    assert [u.where for u in verdict.unread] == ["picture"]
    assert verdict.severity is Severity.MEDIUM  # never clean: nobody read it


def test_an_animation_is_read_once_not_frame_by_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    monkeypatch.setattr(image, "read", lambda tesseract, data, dpi, budget: read.append(1) or "")
    monkeypatch.setattr(image, "program", lambda: "tesseract")
    frames = [_page((f"Frame {n}",)) for n in range(5)]
    data = _saved(frames[0], "GIF", save_all=True, append_images=frames[1:])
    assert _items(data) == []
    assert len(read) == 1
