from __future__ import annotations

import io
import struct

import olefile
import pytest
from _sheet_helpers import inspect
from faker import Faker

from detectors.errors import EncryptedDocument, UnreadableDocument
from detectors.formats.xls import inspect_xls, pivot_strings
from detectors.limits import Budget
from detectors.model import Status, Vector
from detectors.scan import scan

xlwt = pytest.importorskip("xlwt", reason="xlwt (a dev dependency) writes the xls fixtures")

fake = Faker("en_GB")
Faker.seed(5)
NAME = fake.name()
HEADER = ["Name", "Rank", "Station"]
ROWS = [["Total", "Constable", "Northgate"], [NAME, "Sergeant", "Riverside"], ["x", "y", "z"]]


def build(
    *,
    state: int = 0,
    hidden_row: bool = False,
    collapsed_row: bool = False,
    hidden_column: bool = False,
    style: str = "",
) -> bytes:
    """A two-sheet xls; the second sheet ('Data') carries the case, NAME sits in A3."""
    book = xlwt.Workbook()
    cover = book.add_sheet("Cover")
    cover.write(0, 0, "FOI reply")
    data = book.add_sheet("Data", cell_overwrite_ok=True)
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            data.write(r, c, value)
    if style:
        data.write(2, 0, NAME, xlwt.easyxf(style))
    data.visibility = state
    if hidden_row:
        data.row(2).hidden = True
    if collapsed_row:
        data.row(2).level = 1
        data.row(2).hidden = True
    if hidden_column:
        data.col(0).hidden = True
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


CASES = [
    ("visible cell", build(), Vector.CELL, "sheet 'Data'"),
    ("hidden sheet", build(state=1), Vector.HIDDEN_SHEET, "sheet 'Data'"),
    ("very hidden sheet", build(state=2), Vector.VERY_HIDDEN_SHEET, "sheet 'Data'"),
    ("hidden row", build(hidden_row=True), Vector.HIDDEN_ROW, "sheet 'Data' hidden rows 3"),
    ("collapsed outline", build(collapsed_row=True), Vector.COLLAPSED_OUTLINE,
     "sheet 'Data' collapsed rows 3"),
    ("hidden column", build(hidden_column=True), Vector.HIDDEN_COLUMN,
     "sheet 'Data' hidden column A"),
    ("white text", build(style="font: colour white"), Vector.CONCEALED_FORMAT,
     "sheet 'Data' cells hidden by formatting in rows 3"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "vector", "where"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_hiding_place_is_found_with_its_location(
    data: bytes, vector: Vector, where: str
) -> None:
    seen = inspect(inspect_xls, data, "reply.xls")
    assert seen.has(vector, where, NAME), seen.places(NAME)


def test_number_format_that_shows_nothing_conceals() -> None:
    book = xlwt.Workbook()
    data = book.add_sheet("Data")
    data.write(0, 0, "Reference")
    data.write(1, 0, 4471234567, xlwt.easyxf(num_format_str=";;;"))
    buffer = io.BytesIO()
    book.save(buffer)
    seen = inspect(inspect_xls, buffer.getvalue(), "r.xls")
    assert seen.has(Vector.CONCEALED_FORMAT, "cells hidden by formatting", "4471234567")


def test_hidden_sheet_is_reported_as_a_structure() -> None:
    verdict = scan(build(state=1), "reply.xls")
    assert verdict.status is Status.SCANNED
    assert any(s.vector is Vector.HIDDEN_SHEET for s in verdict.structures)


def test_pivot_cache_stream_gives_field_names_and_items() -> None:
    def record(kind: int, body: bytes) -> bytes:
        return struct.pack("<HH", kind, len(body)) + body

    def unicode(text: str) -> bytes:
        return struct.pack("<HB", len(text), 1) + text.encode("utf-16-le")

    stream = (
        record(0x00C6, bytes(20))  # SXDB header, ignored
        + record(0x00C7, bytes(14) + unicode("Victim"))
        + record(0x00CD, unicode(NAME))
        + record(0x00CD, unicode("Jane Roe"))
        + record(0x00C7, bytes(14) + unicode("Offence"))
        + record(0x00CD, unicode("Stalking"))
    )
    assert pivot_strings(stream) == [("Victim", [NAME, "Jane Roe"]), ("Offence", ["Stalking"])]


def encrypted() -> bytes:
    """An xls whose first record after BOF is FILEPASS, as Excel writes a protected file."""
    data = bytearray(build())
    ole = olefile.OleFileIO(io.BytesIO(bytes(data)))
    stream = bytearray(ole.openstream("Workbook").read())
    ole.close()
    _, size = struct.unpack_from("<HH", stream, 0)
    second = 4 + size
    _, length = struct.unpack_from("<HH", stream, second)
    struct.pack_into("<HH", stream, second, 0x002F, length)
    buffer = io.BytesIO(bytes(data))
    with olefile.OleFileIO(buffer, write_mode=True) as writable:
        writable.write_stream("Workbook", bytes(stream))
    return buffer.getvalue()


def test_encrypted_workbook_is_reported_as_encrypted() -> None:
    data = encrypted()
    with pytest.raises(EncryptedDocument):
        list(inspect_xls(data, "r.xls", Budget()))
    assert scan(data, "r.xls").status is Status.ENCRYPTED


@pytest.mark.parametrize(
    "data",
    [build()[:3000], build()[:512] + bytes(4096), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)],
    ids=["truncated", "zeroed", "header only"],
)
def test_corrupt_workbook_is_unreadable_with_a_reason(data: bytes) -> None:
    with pytest.raises(UnreadableDocument):
        list(inspect_xls(data, "r.xls", Budget()))
    verdict = scan(data, "r.xls")
    assert verdict.status is Status.UNREADABLE
    assert verdict.error and "\n" not in verdict.error
