"""Scanned PDF pages (an image of text, no text layer) are read by OCR, or reported unread."""

from __future__ import annotations

import io
import time
import zlib
from pathlib import Path

import pikepdf
import pytest
from _scan_helpers import Picture, needs_tesseract

from detectors.formats import _ocr as shared
from detectors.formats.pdf import _ocr, inspect_pdf
from detectors.limits import Budget, Limits
from detectors.model import Item, Severity, Status, Text, Unread, Vector
from detectors.scan import scan

LETTER = (
    "Professional Standards Department",
    "Complainant: Jane Example, 12 Acacia Avenue, AB1 2CD, 07700 900123",
    "Your complaint about the officer has been recorded.",
)
TYPED = "Response to request 123: the information you asked for is enclosed with this letter."
SCANNED_WHERE = "page 1, text read from its scanned image"


def _pdf(*pages: tuple[Picture | None, tuple[float, float, float, float], str, int]) -> bytes:
    """A PDF of US-letter pages, each (image or None, where the image goes as x, y, width,
    height in points, a line of typed text or "", the text's render mode)."""
    pdf = pikepdf.new()
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    for picture, (x, y, width, height), typed, render in pages:
        page = pdf.add_blank_page(page_size=(612, 792))
        content = b""
        objects = pikepdf.Dictionary()
        if picture is not None:
            objects.Im0 = picture.stream(pdf)
            content += f"q {width} 0 0 {height} {x} {y} cm /Im0 Do Q\n".encode()
        if typed:
            content += f"BT /F1 10 Tf {render} Tr 40 740 Td ({typed}) Tj ET\n".encode()
        page.Resources = pikepdf.Dictionary(XObject=objects, Font=pikepdf.Dictionary(F1=font))
        page.Contents = pdf.make_stream(content)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


FULL = (0.0, 0.0, 612.0, 792.0)
SCAN = Picture.of_lines(LETTER)


def _items(data: bytes, limits: Limits | None = None) -> list[Item]:
    return list(inspect_pdf(data, "reply.pdf", Budget(limits or Limits())))


@pytest.fixture
def no_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ocr, "TESSERACT", "leaksweep-test-no-such-ocr-program")


@needs_tesseract
def test_a_scanned_letter_is_read_by_ocr_as_the_pages_visible_text() -> None:
    items = _items(_pdf((SCAN, FULL, "", 0)))
    read = [i for i in items if isinstance(i, Text) and i.where == SCANNED_WHERE]
    assert len(read) == 1
    assert read[0].vector is Vector.PAGE_TEXT
    assert "Jane Example" in read[0].text
    assert "Acacia Avenue" in read[0].text
    assert not [i for i in items if isinstance(i, Unread)]


@needs_tesseract
def test_a_letter_scanned_upside_down_is_read_too() -> None:
    # Orientation is told from the text itself: a page of a few words may not say.
    body = tuple(
        f"Paragraph {n}: the matter was reviewed and the outcome is final." for n in range(12)
    )
    letter = Picture.of_lines(LETTER + body)
    items = _items(_pdf((letter.upside_down(), FULL, "", 0)))
    read = [i for i in items if isinstance(i, Text) and i.where == SCANNED_WHERE]
    assert "Jane Example" in read[0].text


@needs_tesseract
def test_the_named_complainant_is_found_and_the_letter_is_not_clean() -> None:
    verdict = scan(_pdf((SCAN, FULL, "", 0)), "letter.pdf")
    assert verdict.status is Status.SCANNED
    assert verdict.fully_read
    people = [f for f in verdict.findings if f.entity == "PERSON"]
    assert [f.where for f in people] == [SCANNED_WHERE]
    assert people[0].vector is Vector.PAGE_TEXT
    assert "Jane" not in people[0].example  # masked, as every finding
    assert verdict.severity is not Severity.NONE


def test_without_tesseract_a_scanned_page_is_an_unread_part(no_tesseract: None) -> None:
    items = _items(_pdf((SCAN, FULL, "", 0)))
    unread = [i for i in items if isinstance(i, Unread)]
    assert [(u.where, u.limit) for u in unread] == [("page 1", False)]
    assert "Tesseract" in unread[0].reason
    verdict = scan(_pdf((SCAN, FULL, "", 0)), "letter.pdf")
    assert not verdict.fully_read
    assert verdict.severity is Severity.MEDIUM


@pytest.mark.parametrize(
    "pages",
    [
        pytest.param(((SCAN, FULL, TYPED, 0),), id="scan with a text layer"),
        pytest.param(((SCAN, FULL, TYPED, 3),), id="scan with an invisible OCR layer"),
        pytest.param(((Picture.logo(), (40, 750, 80, 30), TYPED, 0),), id="logo and text"),
        pytest.param(((Picture.logo(), (40, 750, 80, 30), "", 0),), id="logo alone"),
        pytest.param(((None, FULL, TYPED, 0),), id="text alone"),
    ],
)
def test_pages_with_text_or_small_images_are_not_ocred(
    no_tesseract: None, pages: tuple[tuple[Picture | None, tuple[float, ...], str, int], ...]
) -> None:
    # Without Tesseract, any page taken for a scan would be an unread part.
    items = _items(_pdf(*pages))  # type: ignore[arg-type]
    assert not [i for i in items if isinstance(i, Unread)]
    assert not [i for i in items if isinstance(i, Text) and "scanned" in i.where]


def test_an_image_of_bomb_size_gives_a_clear_status_without_decoding() -> None:
    bomb = Picture(100_000, 100_000, zlib.compress(bytes(4 * 2**20)))
    items = _items(_pdf((bomb, FULL, "", 0)))
    unread = [i for i in items if isinstance(i, Unread)]
    assert [(u.where, u.limit) for u in unread] == [("page 1", True)]
    assert "10,000 million pixels" in unread[0].reason
    verdict = scan(_pdf((bomb, FULL, "", 0)), "bomb.pdf")
    assert verdict.status is Status.TOO_LARGE
    assert verdict.severity is not Severity.NONE


@needs_tesseract
def test_scanned_pages_past_the_ocr_cap_are_unread() -> None:
    data = _pdf((SCAN, FULL, "", 0), (SCAN, FULL, "", 0))
    items = _items(data, Limits(max_ocr_pages=1))
    assert [i.where for i in items if isinstance(i, Text)] == [SCANNED_WHERE]
    unread = [i for i in items if isinstance(i, Unread)]
    assert [(u.where, u.limit) for u in unread] == [("page 2", True)]
    assert "1-page OCR limit" in unread[0].reason


class _NoChecks(Budget):
    """A budget that is never enforced by the page reader, only seen by OCR."""

    def check(self, activity: str | None = None) -> None:
        return None


@needs_tesseract
def test_a_spent_time_budget_leaves_the_scanned_page_unread() -> None:
    budget = _NoChecks(Limits(), deadline=time.monotonic() + shared.MIN_SECONDS / 4)
    unread = [i for i in inspect_pdf(_pdf((SCAN, FULL, "", 0)), "r.pdf", budget)]
    unread = [i for i in unread if isinstance(i, Unread)]
    assert [(u.where, u.limit) for u in unread] == [("page 1", True)]
    assert "time budget" in unread[0].reason


@pytest.mark.parametrize(
    ("script", "reason", "limit"),
    [
        ("exec sleep 30", "OCR took longer than 1 s", True),
        ("exit 1", "Tesseract could not read the page image", False),
    ],
)
def test_an_ocr_program_that_hangs_or_fails_leaves_the_page_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, reason: str, limit: bool
) -> None:
    program = tmp_path / "tesseract"
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(0o755)
    monkeypatch.setattr(_ocr, "TESSERACT", str(program))
    items = _items(_pdf((SCAN, FULL, "", 0)), Limits(ocr_page_timeout_s=1.0))
    unread = [i for i in items if isinstance(i, Unread)]
    assert [(u.where, u.reason, u.limit) for u in unread] == [
        ("page 1", f"scanned image with no text layer: {reason}", limit)
    ]


@pytest.mark.parametrize(("allowance", "read"), [(60.0, 3), (0.0, 1)])
def test_ocr_time_is_given_back_to_the_budget_up_to_its_allowance(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, allowance: float, read: int
) -> None:
    # An OCR program that takes a second a page, and a budget with a second and a half left:
    # the first page is read either way; the others only when OCR time is given back.
    # The clock is the test's own, moved on by OCR alone: a busy machine changes nothing.
    program = tmp_path / "tesseract"
    program.write_text("#!/bin/sh\ncat > /dev/null\necho Jane Example\n")
    program.chmod(0o755)
    monkeypatch.setattr(_ocr, "TESSERACT", str(program))
    clock = [1000.0]
    real = _ocr._tesseract

    def slow(*args: object) -> object:
        clock[0] += 1.0
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(_ocr, "_tesseract", slow)
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    limits = Limits(ocr_time_s=allowance)
    budget = _NoChecks(limits, deadline=clock[0] + 1.5 * shared.MIN_SECONDS)
    items = list(inspect_pdf(_pdf(*[(SCAN, FULL, "", 0)] * 3), "r.pdf", budget))
    texts = [i.where for i in items if isinstance(i, Text) and i.vector is Vector.PAGE_TEXT]
    assert len(texts) == read
    unread = [i for i in items if isinstance(i, Unread)]
    assert len(unread) == 3 - read
    assert all("time budget" in u.reason for u in unread)
