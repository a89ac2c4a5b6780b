"""Text drawn off a page: hidden, unless another page shows it (a newsletter printed from
two-page spreads, each page cropping the spread to its half); and the words inside a ruled
frame of one row, which are page text, never dropped."""

from __future__ import annotations

import io

import pikepdf
from _inspect_helpers import texts

from crawler.demo.builders.pdf import Page, build_pdf, literal, ruled_table
from detectors.formats.pdf import inspect_pdf
from detectors.limits import Budget
from detectors.model import Severity, Structure, Vector
from detectors.scan import scan

LEFT = "Spring walk along the river on Saturday"
RIGHT = "Treasurer Jane Hardy 07700 900123"


def _line(x: int, text: str) -> bytes:
    return b"BT /F1 12 Tf 0 g %d 700 Td " % x + literal(text) + b" Tj ET\n"


SPREAD = _line(72, LEFT) + _line(667, RIGHT)
"""A two-page spread 1,190 points wide: a left half and a right half."""


def _pages(*contents: bytes) -> bytes:
    """A PDF of A4 pages drawing `contents` (Helvetica as /F1)."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(build_pdf([Page(())] * len(contents)))) as pdf:
        for page, content in zip(pdf.pages, contents, strict=True):
            page.Contents = pdf.make_stream(content)
        pdf.save(out)
    return out.getvalue()


def test_a_spread_s_other_half_shown_on_the_next_page_is_not_hidden() -> None:
    data = _pages(SPREAD, b"1 0 0 1 -595 0 cm\n" + SPREAD)
    found = texts(inspect_pdf, data, "newsletter.pdf")
    hidden = [t.text for t in found if t.vector is Vector.INVISIBLE_TEXT]
    assert not any(RIGHT in t or LEFT in t for t in hidden)
    notes = [
        item.detail
        for item in inspect_pdf(data, "newsletter.pdf", Budget())
        if isinstance(item, Structure) and item.vector is Vector.INVISIBLE_TEXT
    ]
    assert any("another page shows" in note for note in notes)
    assert scan(data, "newsletter.pdf").severity.rank <= Severity.LOW.rank


def test_text_off_the_page_that_no_page_shows_stays_hidden() -> None:
    data = _pages(SPREAD, _line(72, "Minutes of the annual meeting"))
    found = texts(inspect_pdf, data, "newsletter.pdf")
    assert any(RIGHT in t.text for t in found if t.vector is Vector.INVISIBLE_TEXT)


def test_the_words_in_a_frame_of_one_row_are_page_text() -> None:
    row = ["Complainant: Jane Hardy, 14 Elm Grove, Norwich NR2 3AB, mobile 07700 900123", "Note"]
    data = build_pdf([Page(ruled_table([row]))])
    found = texts(inspect_pdf, data, "case.pdf")
    assert any("Jane Hardy" in t.text for t in found if t.vector is Vector.PAGE_TEXT)
    assert scan(data, "case.pdf").severity.rank >= Severity.MEDIUM.rank
