from __future__ import annotations

import io
import struct

import olefile
import pytest
import xlrd
import xlrd.compdoc
from _biff_helpers import (
    AREA_N,
    SECTOR,
    add_records,
    biff,
    biff2_worksheet,
    compound_file,
    crn,
    extern_name,
    name_record,
    split_records,
    string_token,
    supbook,
    workbook_stream,
    xl_string,
)
from _sheet_helpers import inspect
from faker import Faker

from detectors.errors import DocumentTooLarge, EncryptedDocument, UnreadableDocument
from detectors.formats.xls import inspect_xls, pivot_strings, read_pivot_cache
from detectors.limits import Budget, Limits
from detectors.model import Status, Table, Vector
from detectors.scan import ScanOptions, scan

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


# -- pivot caches: records rebuilt from SXDBB ------------------------------------------------


def cache_field(name: str, flags: int, items: list[bytes]) -> bytes:
    head = struct.pack("<HHHHHHH", flags, 0, 0, len(items), 0, 0, len(items))
    return biff(0x00C7, head + xl_string(name)) + b"".join(items)


def pivot_stream(people: list[tuple[str, str]], *, with_records: bool = True) -> bytes:
    """Forename, Surname, Offence (items, indexed) and Age (written in each record)."""
    forenames = list(dict.fromkeys(f for f, _ in people))
    surnames = list(dict.fromkeys(s for _, s in people))
    offences = ["Stalking", "Burglary", "Harassment"]
    sxdb = struct.pack("<IHHHHHHHH", len(people), 1, 0x21, 0, 4, 4, 0, 1, 0)
    stream = biff(0x00C6, sxdb)
    for name, items in (("Forename", forenames), ("Surname", surnames), ("Offence", offences)):
        stream += cache_field(name, 0x0481, [biff(0x00CD, xl_string(i)) for i in items])
    stream += cache_field("Age", 0x0560, [])
    if with_records:
        for n, (forename, surname) in enumerate(people):
            indexes = bytes([forenames.index(forename), surnames.index(surname), n % 3])
            stream += biff(0x00C8, indexes) + biff(0x00C9, struct.pack("<d", 20 + n))
    return stream + biff(0x000A, b"")


# 40 people from fewer forenames and surnames: their distinct values do not line up.
FORENAMES = list(dict.fromkeys(fake.first_name() for _ in range(60)))[:25]
SURNAMES = list(dict.fromkeys(fake.last_name() for _ in range(60)))[:31]
PEOPLE = [(FORENAMES[n % 25], SURNAMES[(n * 7) % 31]) for n in range(40)]


def with_source(people: list[tuple[str, str]]) -> bytes:
    """A reply whose hidden 'Raw data' sheet is the pivot cache's source."""
    book = xlwt.Workbook()
    book.add_sheet("Summary").write(0, 0, "Offences recorded")
    raw = book.add_sheet("Raw data")
    for r, row in enumerate([("Forename", "Surname", "Offence", "Age"), *people]):
        for c, value in enumerate(row):
            raw.write(r, c, value)
    raw.visibility = 1
    buffer = io.BytesIO()
    book.save(buffer)
    with olefile.OleFileIO(io.BytesIO(buffer.getvalue())) as ole:
        return bytes(ole.openstream("Workbook").read())


def test_pivot_cache_records_are_rebuilt_from_their_item_indexes() -> None:
    rows = [(f, s, ("Stalking", "Burglary", "Harassment")[n % 3], str(20 + n))
            for n, (f, s) in enumerate(PEOPLE)]  # fmt: skip
    data = compound_file(with_source(rows), pivot_stream(PEOPLE))
    seen = inspect(inspect_xls, data, "reply.xls")
    assert seen.has(Vector.PIVOT_CACHE, "pivot cache 1", PEOPLE[7][1])
    verdict = scan(data, "reply.xls")
    assert verdict.status is Status.SCANNED
    assert verdict.people == len(PEOPLE)


def test_pivot_cache_records_keep_each_person_with_their_own_values() -> None:
    cache = read_pivot_cache(pivot_stream(PEOPLE))
    assert [f.name for f in cache.fields] == ["Forename", "Surname", "Offence", "Age"]
    assert cache.records is not None
    assert len(cache.records) == len(PEOPLE)
    assert cache.records[34] == (*PEOPLE[34], "Burglary", "54")


def test_pivot_cache_without_records_lists_each_field_alone() -> None:
    data = compound_file(with_source([]), pivot_stream(PEOPLE, with_records=False))
    verdict = scan(data, "reply.xls")
    assert verdict.status is Status.SCANNED
    assert verdict.people <= len(PEOPLE)
    tables = [
        item
        for item in inspect_xls(data, "reply.xls", Budget(Limits()))
        if isinstance(item, Table) and item.vector is Vector.PIVOT_CACHE
    ]
    assert [t.header for t in tables] == [("Forename",), ("Surname",), ("Offence",)]
    assert len(list(tables[1].rows)) == len(SURNAMES)


# -- rows read in bulk, and workbooks xlrd only partly understands -----------------------------


def test_rows_keep_their_columns_when_blanks_and_formatted_blanks_surround_values() -> None:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Data")
    shaded = xlwt.easyxf("pattern: pattern solid, fore_colour yellow")
    sheet.write(0, 0, "Name")
    sheet.write(0, 3, "Station")
    sheet.write(1, 3, NAME)
    sheet.write(1, 1, 7.5)
    sheet.write(1, 2, 12)
    sheet.write(2, 0, True)
    for column in range(4, 60):  # blank cells carrying only a format, as Excel leaves them
        sheet.write(1, column, None, shaded)
        sheet.write(3, column, None, shaded)
    buffer = io.BytesIO()
    book.save(buffer)
    seen = inspect(inspect_xls, buffer.getvalue(), "r.xls")
    (table, rows) = seen.tables[0]
    assert table.header == ("Name", "", "", "Station")
    assert rows[0] == ("", "7.5", "12", NAME)
    assert rows[1] == ("TRUE",)
    assert all(row == () for row in rows[2:])


def test_concealing_format_only_hides_the_cells_that_carry_it() -> None:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Data", cell_overwrite_ok=True)
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    sheet.write(2, 0, NAME, xlwt.easyxf(num_format_str=";;;"))
    buffer = io.BytesIO()
    book.save(buffer)
    seen = inspect(inspect_xls, buffer.getvalue(), "r.xls")
    assert seen.places(NAME) == {
        (Vector.CONCEALED_FORMAT, "sheet 'Data' cells hidden by formatting in rows 3")
    }
    assert seen.has(Vector.CELL, "sheet 'Data'", "Sergeant")


def test_spent_budget_stops_a_long_sheet() -> None:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Data")
    for r in range(3000):
        sheet.write(r, 0, f"row {r}")
    buffer = io.BytesIO()
    book.save(buffer)
    spent = Budget(Limits(time_budget_s=0.0), deadline=1e-9)
    with pytest.raises(DocumentTooLarge):
        for item in inspect_xls(buffer.getvalue(), "r.xls", spent):
            if isinstance(item, Table):
                list(item.rows)
    verdict = scan(buffer.getvalue(), "r.xls", ScanOptions(limits=Limits(time_budget_s=0.0)))
    assert verdict.status is Status.TOO_LARGE


def test_format_without_a_format_string_does_not_stop_the_workbook() -> None:
    """An XF pointing at a built-in locale format (27: CJK date) that no FORMAT record spells."""
    stream = workbook_stream(build(style="font: bold on"))
    records = [
        (kind, body[:2] + struct.pack("<H", 27) + body[4:] if kind == 0x00E0 else body)
        for kind, body in split_records(stream)
    ]
    patched = b"".join(biff(kind, body) for kind, body in records)
    book = xlrd.open_workbook(file_contents=patched, formatting_info=True, logfile=io.StringIO())
    assert any(book.format_map[xf.format_key].format_str is None for xf in book.xf_list)
    seen = inspect(inspect_xls, patched, "r.xls")
    assert seen.has(Vector.CELL, "sheet 'Data'", NAME)


def test_name_xlrd_cannot_evaluate_is_counted_and_the_rest_is_read() -> None:
    names = name_record("Broken", AREA_N) + name_record("Witness", string_token(NAME))
    stream = add_records(workbook_stream(build()), globals_=names)
    seen = inspect(inspect_xls, stream, "r.xls")
    assert seen.has(Vector.DEFINED_NAME, "defined name 'Witness'", NAME)
    assert seen.has(Vector.CELL, "sheet 'Data'", NAME)
    assert seen.structure(Vector.DEFINED_NAME, "defined names") is not None
    (part,) = seen.unread
    assert part.where == "defined names" and part.reason == "1 that could not be evaluated"


def test_comment_xlrd_cannot_parse_is_counted_and_the_sheet_is_read() -> None:
    author = struct.pack("<HB", 4, 0) + b"Anon"
    note = biff(0x001C, struct.pack("<4H", 2, 0, 0, 1) + author + b"\x00\x00\x00")
    stream = add_records(workbook_stream(build()), last_sheet=note)
    seen = inspect(inspect_xls, stream, "r.xls")
    assert seen.has(Vector.CELL, "sheet 'Data'", NAME)
    (part,) = seen.unread
    assert part.where == "sheet 'Data' comments" and part.reason == "1 that could not be parsed"


def damaged_container() -> bytes:
    """A compound file whose Workbook sector chain runs on into the directory sector."""
    workbook = workbook_stream(build())
    data = bytearray(compound_file(workbook, b""))
    sectors = max(4096, -(-len(workbook) // SECTOR) * SECTOR) // SECTOR
    struct.pack_into("<I", data, SECTOR + 4 * (2 + sectors - 1), 1)
    return bytes(data)


def test_damaged_container_is_still_read_and_says_so() -> None:
    data = damaged_container()
    with pytest.raises(xlrd.compdoc.CompDocError):
        xlrd.open_workbook(file_contents=data, logfile=io.StringIO())
    seen = inspect(inspect_xls, data, "r.xls")
    assert seen.has(Vector.CELL, "sheet 'Data'", NAME)
    (part,) = seen.unread
    assert part.where == "workbook" and "damaged OLE container" in part.reason
    verdict = scan(data, "r.xls")
    assert verdict.status is Status.SCANNED and not verdict.fully_read


def test_bare_biff2_worksheet_is_scanned() -> None:
    data = biff2_worksheet([HEADER, *ROWS])
    seen = inspect(inspect_xls, data, "old.xls")
    assert seen.has(Vector.CELL, "sheet", NAME)
    verdict = scan(data, "old.xls")
    assert verdict.format == "xls"
    assert verdict.status is Status.SCANNED


def test_hidden_column_whose_cells_sit_in_hidden_rows_is_still_reported() -> None:
    book = xlwt.Workbook()
    data = book.add_sheet("Data")
    for r, row in enumerate([HEADER, ["Total", "", ""], [NAME, "Sergeant", ""]]):
        for c, value in enumerate(row):
            if value:
                data.write(r, c, value)
    data.row(2).hidden = True
    data.col(1).hidden = True
    buffer = io.BytesIO()
    book.save(buffer)
    seen = inspect(inspect_xls, buffer.getvalue(), "r.xls")
    structure = seen.structure(Vector.HIDDEN_COLUMN, "sheet 'Data' hidden column B, rows 3")
    assert structure is not None, seen.structures
    assert structure.detail == "1 non-blank cell, all in hidden rows"
    assert seen.has(Vector.HIDDEN_ROW, "sheet 'Data' hidden rows 3", NAME)


# -- external links: SUPBOOK, EXTERNNAME, XCT and CRN records in the globals -------------------


INTERNAL = biff(0x01AE, struct.pack("<H", 2) + b"\x01\x04")
LINKED = (
    supbook("\x01\x01CHR\x03staff.xls", ["Officers"])
    + biff(0x0059, struct.pack("<hH", 3, 0))
    + crn(0, 0, ["Name", "Collar"])
    + crn(1, 0, [NAME, 4711.0])
    + crn(2, 0, ["Total", 12.0])
)
EXTERNAL_LINK_CASES = [
    ("cached cells", LINKED, "external link 1 cached sheet 'Officers'", NAME,
     "link to another workbook with cached values of 1 sheets"),
    ("target path", LINKED, "external link 1 target", "C:\\HR\\staff.xls",
     "link to another workbook with cached values of 1 sheets"),
    ("names in the linked book", supbook("rota.xls", ["Rota"]) + extern_name("OnCall"),
     "external link 1 names", "OnCall", "link to another workbook with cached values of 0 sheets"),
    ("DDE link", supbook("Excel|[hr.xls]Sheet1", []) + extern_name("R1C1"),
     "external link 1 names", "R1C1", "DDE or OLE link with 1 items"),
    ("after the workbook's own sheets", INTERNAL + LINKED,
     "external link 1 cached sheet 'Officers'", NAME,
     "link to another workbook with cached values of 1 sheets"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("records", "where", "value", "detail"),
    [c[1:] for c in EXTERNAL_LINK_CASES],
    ids=[c[0] for c in EXTERNAL_LINK_CASES],
)
def test_external_links_are_reported_with_their_target_names_and_cached_cells(
    records: bytes, where: str, value: str, detail: str
) -> None:
    stream = add_records(workbook_stream(build()), globals_=records)
    for data in (stream, compound_file(stream, b"")):
        seen = inspect(inspect_xls, data, "r.xls")
        assert seen.has(Vector.EXTERNAL_LINK_CACHE, where, value), seen.places(value)
        links = [s.detail for s in seen.structures if s.where.startswith("external link ")]
        assert [d for d in links if not d.startswith("cached sheet")] == [detail]


def test_workbook_without_links_reports_none() -> None:
    stream = add_records(workbook_stream(build()), globals_=INTERNAL)
    seen = inspect(inspect_xls, stream, "r.xls")
    assert seen.structure(Vector.EXTERNAL_LINK_CACHE) is None
    assert seen.has(Vector.CELL, "sheet 'Data'", NAME)


def test_people_in_a_linked_workbook_are_found_in_its_cache() -> None:
    officers = [fake.name() for _ in range(12)]
    rows = b"".join(crn(n, 0, [name, 4700.0 + n]) for n, name in enumerate(officers, start=1))
    cache = biff(0x0059, struct.pack("<hH", 13, 0)) + crn(0, 0, ["Name", "Collar"]) + rows
    stream = add_records(workbook_stream(build()), globals_=supbook("staff.xls", ["S"]) + cache)
    verdict = scan(stream, "r.xls")
    assert verdict.status is Status.SCANNED
    assert any(
        f.vector is Vector.EXTERNAL_LINK_CACHE and f.entity == "PERSON" for f in verdict.findings
    ), verdict.findings
