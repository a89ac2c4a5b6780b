from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass, field
from typing import Any

import pytest
from _sheet_helpers import inspect
from faker import Faker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.demo.builders._zip import content_types, core_properties, relationships, zip_parts
from crawler.demo.builders.legacy import encrypted_ooxml
from detectors.errors import UnreadableDocument
from detectors.formats import inspector_for, sniff
from detectors.formats.xlsb import inspect_xlsb
from detectors.limits import Budget, Limits
from detectors.model import Severity, Status, Vector
from detectors.scan import ScanOptions, scan
from tests.detectors._mutations import MUTATION, mutate

fake = Faker("en_GB")
Faker.seed(11)
NAME = fake.name()
HEADER = ["Name", "Rank", "Station"]
ROWS = [["Total", "Constable", "Northgate"], [NAME, "Sergeant", "Riverside"], ["x", "y", "z"]]

# -- a minimal BIFF12 writer: record = type (1-2 bytes as stored) + 7-bit varint size + payload


def record(kind: int, payload: bytes = b"") -> bytes:
    size, length = len(payload), bytearray()
    while True:
        length.append((size & 0x7F) | (0x80 if size > 0x7F else 0))
        size >>= 7
        if not size:
            break
    return kind.to_bytes(2 if kind > 0x7F else 1, "little") + bytes(length) + payload


def wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


@dataclass
class Sheet:
    name: str
    rows: list[list[str | float]]
    state: int = 0
    """0 visible, 1 hidden, 2 very hidden (BrtBundleSh hsState)."""
    hidden_rows: set[int] = field(default_factory=set)
    """0-based rows with fDyZero set; with `outline` they are a collapsed group."""
    outline: bool = False
    hidden_columns: set[int] = field(default_factory=set)
    inline: bool = False
    """Strings stored in the cell (BrtCellSt) rather than in the shared string table."""


def sheet_part(sheet: Sheet, strings: list[str]) -> bytes:
    width = max((len(row) for row in sheet.rows), default=1)
    out = record(0x0181)  # BrtBeginSheet
    out += record(0x0194, struct.pack("<IIII", 0, max(len(sheet.rows) - 1, 0), 0, width - 1))
    if sheet.hidden_columns:
        out += record(0x0386)  # BrtBeginColInfos
        for column in sorted(sheet.hidden_columns):
            out += record(0x003C, struct.pack("<IIIIH", column, column, 2304, 0, 1))
        out += record(0x0387)
    out += record(0x0191)  # BrtBeginSheetData
    for r, row in enumerate(sheet.rows):
        flags = 0
        if r in sheet.hidden_rows:
            flags = 0x1000 | (0x0100 if sheet.outline else 0)
        out += record(0x0000, struct.pack("<IIHHBI", r, 0, 300, flags, 0, 0))
        for c, value in enumerate(row):
            head = struct.pack("<II", c, 0)
            if isinstance(value, float):
                out += record(0x0005, head + struct.pack("<d", value))  # BrtCellReal
            elif sheet.inline:
                out += record(0x0006, head + wide(value))  # BrtCellSt
            else:
                if value not in strings:
                    strings.append(value)
                out += record(0x0007, head + struct.pack("<I", strings.index(value)))
    return out + record(0x0192) + record(0x0182)


def build(
    sheets: list[Sheet],
    *,
    extra_strings: tuple[str, ...] = (),
    parts: dict[str, bytes | str] | None = None,
) -> bytes:
    """An xlsb package: workbook.bin, one sheetN.bin per sheet, sharedStrings.bin, docProps."""
    strings: list[str] = []
    sheet_parts = {
        f"xl/worksheets/sheet{i}.bin": sheet_part(sheet, strings)
        for i, sheet in enumerate(sheets, 1)
    }
    strings += [s for s in extra_strings if s not in strings]
    book = record(0x0183) + record(0x018F)  # BrtBeginBook, BrtBeginBundleShs
    for i, sheet in enumerate(sheets, 1):
        book += record(
            0x019C, struct.pack("<II", sheet.state, i) + wide(f"rId{i}") + wide(sheet.name)
        )
    book += record(0x0190) + record(0x0184)
    sst = record(0x019F, struct.pack("<II", len(strings), len(strings)))
    sst += b"".join(record(0x0013, b"\x00" + wide(s)) for s in strings) + record(0x01A0)
    rels = [(f"rId{i}", "worksheet", f"worksheets/sheet{i}.bin") for i in range(1, len(sheets) + 1)]
    rels.append((f"rId{len(sheets) + 1}", "sharedStrings", "sharedStrings.bin"))
    package: dict[str, bytes | str] = {
        "[Content_Types].xml": content_types({}, {"bin": "application/vnd.ms-excel.sheet.binary"}),
        "_rels/.rels": relationships(
            [
                ("rId1", "officeDocument", "xl/workbook.bin"),
                ("rId2", "metadata/core-properties", "docProps/core.xml"),
            ]
        ),
        "docProps/core.xml": core_properties({"dc:creator": "Records Unit"}),
        "xl/workbook.bin": book,
        "xl/_rels/workbook.bin.rels": relationships(rels),
        "xl/sharedStrings.bin": sst,
        **sheet_parts,
        **(parts or {}),
    }
    return zip_parts(package)


def reply(**data_sheet: Any) -> bytes:
    """A cover sheet and a 'Data' sheet holding NAME in A3, shaped by `data_sheet`."""
    return build([Sheet("Cover", [["FOI reply"]]), Sheet("Data", [HEADER, *ROWS], **data_sheet)])


def members(data: bytes) -> dict[str, bytes | str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


# -- tests -----------------------------------------------------------------------------------


def test_fixture_is_a_workbook_pyxlsb_reads_on_its_own() -> None:
    from pyxlsb import Workbook

    with Workbook(fp=zipfile.ZipFile(io.BytesIO(reply()))) as book:
        assert book.sheets == ["Cover", "Data"]
        with book.get_sheet(2) as sheet:
            values = [[cell.v for cell in row] for row in sheet.rows()]
    assert values[2] == ROWS[1]


def test_xlsb_is_sniffed_and_has_an_inspector() -> None:
    assert sniff(reply(), "reply.xlsb") == "xlsb"
    assert inspector_for("xlsb") is inspect_xlsb


def test_visible_sheet_values_reach_a_table_with_vector_cell() -> None:
    seen = inspect(inspect_xlsb, reply(), "reply.xlsb")
    data = [(t, rows) for t, rows in seen.tables if t.where == "sheet 'Data'"]
    assert len(data) == 1
    table, rows = data[0]
    assert table.vector is Vector.CELL
    assert table.header == tuple(HEADER)
    assert rows == [tuple(row) for row in ROWS]
    assert table.first_row == 2


CASES = [
    ("hidden sheet", reply(state=1), Vector.HIDDEN_SHEET, "sheet 'Data'"),
    ("very hidden sheet", reply(state=2), Vector.VERY_HIDDEN_SHEET, "sheet 'Data'"),
    ("hidden row", reply(hidden_rows={2}), Vector.HIDDEN_ROW, "sheet 'Data' hidden rows 3"),
    ("collapsed outline", reply(hidden_rows={2}, outline=True), Vector.COLLAPSED_OUTLINE,
     "sheet 'Data' collapsed rows 3"),
    ("hidden column", reply(hidden_columns={0}), Vector.HIDDEN_COLUMN,
     "sheet 'Data' hidden column A"),
    ("inline string", reply(inline=True), Vector.CELL, "sheet 'Data'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "vector", "where"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_hiding_place_is_found_with_its_location(
    data: bytes, vector: Vector, where: str
) -> None:
    seen = inspect(inspect_xlsb, data, "reply.xlsb")
    assert seen.has(vector, where, NAME), seen.places(NAME)
    assert not seen.has(Vector.CELL, "sheet 'Data'", NAME) or vector is Vector.CELL


def test_hidden_sheets_are_reported_as_structures() -> None:
    seen = inspect(inspect_xlsb, reply(state=2), "reply.xlsb")
    structure = seen.structure(Vector.VERY_HIDDEN_SHEET, "sheet 'Data'")
    assert structure is not None and "3 non-blank rows" in structure.detail


def test_numbers_are_written_as_a_viewer_reads_them() -> None:
    data = build([Sheet("Staff", [["Collar", "Overtime"], [4521.0, 12.5]])])
    seen = inspect(inspect_xlsb, data, "r.xlsb")
    [(_, rows)] = seen.tables
    assert rows == [("4521", "12.5")]


def test_properties_and_strings_no_cell_uses_are_read() -> None:
    orphan = fake.name()
    seen = inspect(inspect_xlsb, build([Sheet("A", [["x"]])], extra_strings=(orphan,)), "r.xlsb")
    assert seen.has(Vector.METADATA, "document property 'creator'", "Records Unit")
    assert seen.has(Vector.PRIOR_REVISION, "shared string 2", orphan)


def test_binary_pivot_caches_are_reported_as_unread() -> None:
    data = build(
        [Sheet("A", [["x"]])],
        parts={"xl/pivotCache/pivotCacheDefinition1.bin": b"\x00" * 16},
    )
    verdict = scan(data, "r.xlsb")
    pivot = [s for s in verdict.structures if s.vector is Vector.PIVOT_CACHE]
    assert pivot and pivot[0].where == "pivot cache 1"
    assert [part.where for part in verdict.unread] == ["pivot cache 1"]
    assert "binary pivot cache" in verdict.unread[0].reason
    assert verdict.severity is Severity.MEDIUM


def test_embedded_workbook_is_handed_back_and_scanned() -> None:
    inner = build([Sheet("Raw", [["Surname"], ["x"]], state=1)])
    data = build([Sheet("A", [["x"]])], parts={"xl/embeddings/oleObject1.bin": inner})
    seen = inspect(inspect_xlsb, data, "r.xlsb")
    assert [e.name for e in seen.embedded] == ["oleObject1.bin"]
    verdict = scan(data, "r.xlsb")
    assert verdict.status is Status.SCANNED
    nested = [s for s in verdict.structures if s.vector is Vector.EMBEDDED_FILE]
    assert any("hidden_sheet" in s.detail for s in nested)


def test_staff_list_on_a_hidden_sheet_is_rated_high_with_people_counted() -> None:
    ranks = ["Constable", "Sergeant", "Inspector", "Chief Inspector"]
    staff: list[list[str | float]] = [["Surname", "Forename", "Rank", "Collar Number"]]
    for number in range(60):
        staff.append(
            [fake.last_name().upper(), fake.first_name(), ranks[number % 4], float(1000 + number)]
        )
    answer = Sheet("Headcount", [["Rank", "Officers"], ["Constable", 812.0]])
    data = build([answer, Sheet("Source", staff, state=1)])
    verdict = scan(data, "headcount.xlsb")
    assert verdict.status is Status.SCANNED and verdict.format == "xlsb"
    assert verdict.severity in (Severity.HIGH, Severity.CRITICAL)
    assert verdict.people >= 50
    assert "staff_list" in verdict.kinds
    assert any(f.vector is Vector.HIDDEN_SHEET for f in verdict.findings)


def test_encrypted_xlsb_is_reported_as_encrypted() -> None:
    verdict = scan(encrypted_ooxml(), "reply.xlsb")
    assert verdict.status is Status.ENCRYPTED and verdict.error
    assert verdict.format == "xlsb"


def test_truncated_workbook_is_unreadable() -> None:
    data = reply()
    with pytest.raises(UnreadableDocument):
        list(inspect_xlsb(data[: len(data) // 2], "r.xlsb", Budget()))
    verdict = scan(data[: len(data) // 2], "r.xlsb")
    assert verdict.status is Status.UNREADABLE and verdict.error and "\n" not in verdict.error


def test_record_cut_short_is_unreadable_with_a_reason() -> None:
    parts = members(reply())
    sheet = parts["xl/worksheets/sheet2.bin"]
    assert isinstance(sheet, bytes)
    end = sheet.index(record(0x0192))
    parts["xl/worksheets/sheet2.bin"] = sheet[:end] + b"\x03\x05\x01\x00"  # BrtCellError, 1 byte
    verdict = scan(zip_parts(parts), "r.xlsb")
    assert verdict.status is Status.UNREADABLE
    assert verdict.error and "malformed record" in verdict.error


def test_missing_workbook_part_is_unreadable() -> None:
    parts = members(reply())
    del parts["xl/worksheets/sheet1.bin"]
    parts["xl/workbook.bin"] = b""
    verdict = scan(zip_parts(parts), "r.xlsb")
    assert verdict.status is Status.UNREADABLE and verdict.error == "the workbook lists no sheets"


def test_zip_bomb_is_refused_before_any_record_is_read() -> None:
    bomb = record(0x0181) + record(0x0191) + record(0x0001, bytes(8)) * 1_500_000
    data = build([Sheet("A", [["x"]])], parts={"xl/worksheets/sheet9.bin": bomb})
    verdict = scan(data, "r.xlsb", ScanOptions(limits=Limits(ratio_floor_bytes=1024 * 1024)))
    assert verdict.status is Status.TOO_LARGE
    assert verdict.error and "zip bomb" in verdict.error


SEED = reply(state=1)
OPTIONS = ScanOptions(limits=Limits(time_budget_s=10.0, max_expanded_bytes=64 * 2**20))


def _check_verdict(data: bytes) -> None:
    verdict = scan(data, "reply.xlsb", OPTIONS)
    assert verdict.status in set(Status)
    if verdict.status is not Status.SCANNED:
        assert verdict.error and "\n" not in verdict.error
    assert NAME not in repr(verdict)


_FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@_FUZZ
@given(mutations=st.lists(MUTATION, min_size=1, max_size=4))
def test_mutated_package_never_raises(mutations: list[tuple[str, float, bytes]]) -> None:
    _check_verdict(mutate(SEED, mutations))


@_FUZZ
@given(
    member=st.sampled_from(["xl/workbook.bin", "xl/sharedStrings.bin", "xl/worksheets/sheet2.bin"]),
    mutations=st.lists(MUTATION, min_size=1, max_size=4),
)
def test_mutated_records_never_raise(
    member: str, mutations: list[tuple[str, float, bytes]]
) -> None:
    parts = members(SEED)
    original = parts[member]
    assert isinstance(original, bytes)
    parts[member] = mutate(original, mutations)
    _check_verdict(zip_parts(parts))
