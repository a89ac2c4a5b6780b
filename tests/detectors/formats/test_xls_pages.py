"""What xlrd does not read of an xls sheet, read by `detectors.formats.xls_pages`: page
headers and footers, and text boxes drawn over the sheet."""

from __future__ import annotations

import io
import struct

import pytest
from _biff_helpers import add_records, biff, workbook_stream
from faker import Faker

from detectors.formats.xls import inspect_xls
from detectors.limits import Budget
from detectors.model import Text, Vector

xlwt = pytest.importorskip("xlwt", reason="xlwt (a dev dependency) writes the xls fixtures")

NAME = Faker("en_GB").name()


def _book(*, state: int = 0, header: str = "", footer: str = "") -> bytes:
    """A bare BIFF8 stream of two sheets, 'Cover' and 'Data' (hidden when `state` is 1), the
    second with the page header and footer given."""
    book = xlwt.Workbook()
    book.add_sheet("Cover").write(0, 0, "FOI reply")
    data = book.add_sheet("Data")
    data.write(0, 0, "Rank")
    data.visibility = state
    data.header_str = header.encode("latin-1")
    data.footer_str = footer.encode("latin-1")
    buffer = io.BytesIO()
    book.save(buffer)
    return workbook_stream(buffer.getvalue())


def _texts(stream: bytes, part: str) -> list[Text]:
    return [
        i for i in inspect_xls(stream, "r.xls", Budget()) if isinstance(i, Text) and part in i.where
    ]


@pytest.mark.parametrize(
    ("header", "footer", "read"),
    [
        ("", "Prepared by {name}", [("sheet 'Data' footer", "Prepared by {name}")]),
        ("&LPage &P of &N&R{name}", "", [("sheet 'Data' header", "{name}")]),
        ("&C&A", "Page &P", []),  # LibreOffice's defaults: the sheet's name, the page
    ],
    ids=["a footer's preparer", "a header's right section", "the default fields"],
)
def test_page_headers_and_footers_are_read(
    header: str, footer: str, read: list[tuple[str, str]]
) -> None:
    """Printed on every page, never shown in the sheet: a name typed there travels unseen."""
    stream = _book(header=header.format(name=NAME), footer=footer.format(name=NAME))
    texts = [(t.where, t.text) for t in _texts(stream, "sheet 'Data' ")]
    texts = [(where, text) for where, text in texts if where.endswith(("header", "footer"))]
    assert texts == [(where, text.format(name=NAME)) for where, text in read]


def _drawn(kind: int, text: str) -> bytes:
    """An OBJ of `kind` (ftCmo's ot: 6 a text box, 25 a comment), its TXO, and its text."""
    cmo = struct.pack("<HHHHH", 0x0015, 0x0012, kind, 1, 0) + b"\x00" * 12
    obj = biff(0x005D, cmo + b"\x00" * 4)
    txo = biff(0x01B6, struct.pack("<HH6xHHH2x", 0x0212, 0, len(text), 16, 0))
    runs = biff(0x003C, struct.pack("<HH4x", 0, 0) + struct.pack("<HH4x", len(text), 0))
    return obj + txo + biff(0x003C, b"\x01" + text.encode("utf-16-le")) + runs


@pytest.mark.parametrize(
    ("kind", "state", "read"),
    [(6, 0, Vector.PAGE_TEXT), (6, 1, Vector.HIDDEN_SHEET), (25, 0, None)],
    ids=["a text box", "a text box on a hidden sheet", "a comment's box (read with its note)"],
)
def test_a_text_box_drawn_on_a_sheet_is_read(kind: int, state: int, read: Vector | None) -> None:
    text = f"Contact {NAME}\rext 4471"
    stream = add_records(_book(state=state), last_sheet=_drawn(kind, text))
    boxes = [(t.where, t.text, t.vector) for t in _texts(stream, "text box")]
    expected = [("sheet 'Data' text box 1", f"Contact {NAME}\next 4471", read)]
    assert boxes == (expected if read else [])
