from __future__ import annotations

import base64
import io
import zipfile
import zlib

import pytest
from _sheet_helpers import inspect
from faker import Faker

import detectors.formats._sheet.spool as spool_module
from crawler.demo.builders._zip import zip_parts
from crawler.demo.builders.xlsx import (
    MAIN,
    SheetSpec,
    add_parts,
    build_pivot_workbook,
    build_raw_xlsx,
    build_xlsx,
)
from detectors.errors import EncryptedDocument, UnreadableDocument
from detectors.formats.xlsx import inspect_xlsx
from detectors.limits import Budget, Limits
from detectors.model import Embedded, Severity, Status, Vector
from detectors.scan import ScanOptions, scan

fake = Faker("en_GB")
Faker.seed(11)
NAME = fake.name()
OTHER = fake.name()
EMAIL = fake.email()
HEADER = ["Name", "Rank", "Station"]
ROWS = [["Total", "Constable", "Northgate"], [NAME, "Sergeant", "Riverside"], ["x", "y", "z"]]
CT = "application/vnd.openxmlformats-officedocument."


def sheet(**kwargs: object) -> bytes:
    return build_xlsx([SheetSpec("Data", [HEADER, *ROWS], **kwargs)])  # type: ignore[arg-type]


def with_part(part: str, content: str, kind: str = "application/xml") -> bytes:
    return add_parts(sheet(), {part: (kind, content)})


C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
CHART = (
    f'<c:chartSpace xmlns:c="{C}"><c:chart><c:plotArea><c:barChart><c:ser><c:cat><c:strRef>'
    '<c:f>Data!$A$2:$A$3</c:f><c:strCache><c:ptCount val="2"/>'
    f'<c:pt idx="0"><c:v>{NAME}</c:v></c:pt><c:pt idx="1"><c:v>{OTHER}</c:v></c:pt>'
    "</c:strCache></c:strRef></c:cat></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>"
)
EXTERNAL = (
    f'<externalLink xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Staff"/>'
    '</sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" t="str">'
    '<v>Surname</v></cell></row><row r="2"><cell r="A2" t="str">'
    f"<v>{NAME}</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>"
)
CONNECTIONS = (
    f'<connections xmlns="{MAIN}"><connection id="1" name="HR extract" type="1">'
    '<dbPr connection="DSN=HR;UID=jbloggs;PWD=hunter2" command="SELECT * FROM staff"/>'
    "</connection></connections>"
)
QUERY_TABLE = (
    f'<queryTable xmlns="{MAIN}" name="Staff_1" connectionId="1"><queryTableFields count="1">'
    '<queryTableField id="1" name="Officer surname"/></queryTableFields></queryTable>'
)
COMMENTS_THREADED = (
    '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/'
    'threadedcomments"><threadedComment ref="B2" id="{1}" personId="{P1}">'
    f"<text>Is {NAME} the victim here?</text></threadedComment></ThreadedComments>"
)
PERSONS = (
    '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
    f'<person displayName="{OTHER}" id="{{P1}}" userId="{EMAIL}" providerId="AD"/></personList>'
)
REVISION_LOG = (
    f'<revisions xmlns="{MAIN}"><rcc rId="1" sId="1"><oc r="A2" t="inlineStr"><is><t>{NAME}</t>'
    '</is></oc><nc r="A2" t="inlineStr"><is><t>Redacted</t></is></nc></rcc></revisions>'
)
USERNAMES = f'<users xmlns="{MAIN}" count="1"><userInfo name="{OTHER}" guid="{{1}}"/></users>'


def mashup() -> str:
    rows = base64.b64encode(
        zlib.compress(f'[["{NAME}","Victim"]]'.encode())[2:-4]  # raw deflate
    ).decode()
    code = (
        "section Section1;\nshared Victims = let Source = Table.FromRows(Json.Document("
        f'Binary.Decompress(Binary.FromText("{rows}", BinaryEncoding.Base64), '
        "Compression.Deflate)), let _t = ((type nullable text) meta [Serialized.Text = true]) "
        "in type table [Name = _t, Role = _t]) in Source;"
    )
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("Formulas/Section1.m", code)
    blob = package.getvalue()
    payload = b"\0\0\0\0" + len(blob).to_bytes(4, "little") + blob + b"\0" * 16
    return (
        '<DataMashup xmlns="http://schemas.microsoft.com/DataMashup">'
        f"{base64.b64encode(payload).decode()}</DataMashup>"
    )


def pivot(**kwargs: object) -> bytes:
    header = ["Crime ref", "Offence", "Victim", "Age"]
    rows = [
        ["CR/1/24", "Stalking", NAME, 34],
        ["CR/2/24", "Stalking", OTHER, 51],
        ["CR/3/24", "ABH", "Someone Else", 22],
    ]
    return build_pivot_workbook(
        header,
        rows,
        row_field="Offence",
        data_field="Crime ref",
        **kwargs,  # type: ignore[arg-type]
    )


def without(data: bytes, *parts: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        kept = {n: source.read(n) for n in source.namelist() if n not in parts}
    return zip_parts(kept)  # type: ignore[arg-type]


CASES = [
    ("visible cell", sheet(), Vector.CELL, "sheet 'Data'", NAME),
    ("hidden sheet", build_xlsx([SheetSpec("Summary", [["Total", 4]]),
                                 SheetSpec("Raw", [HEADER, *ROWS], state="hidden")]),
     Vector.HIDDEN_SHEET, "sheet 'Raw'", NAME),
    ("very hidden sheet", build_xlsx([SheetSpec("Summary", [["Total", 4]]),
                                      SheetSpec("HR", [HEADER, *ROWS], state="veryHidden")]),
     Vector.VERY_HIDDEN_SHEET, "sheet 'HR'", NAME),
    ("hidden row", sheet(hidden_rows=(3,)), Vector.HIDDEN_ROW, "sheet 'Data' hidden rows 3", NAME),
    ("hidden column", sheet(hidden_columns=("A",)), Vector.HIDDEN_COLUMN,
     "sheet 'Data' hidden column A", NAME),
    ("zero-width column", sheet(zero_width_columns=("A",)), Vector.HIDDEN_COLUMN,
     "hidden column A", NAME),
    ("filtered row", sheet(filtered_rows=(3,)), Vector.FILTERED_ROW,
     "sheet 'Data' rows filtered out 3", NAME),
    ("collapsed outline", sheet(collapsed_rows=(3,)), Vector.COLLAPSED_OUTLINE,
     "sheet 'Data' collapsed rows 3", NAME),
    (";;; format", sheet(concealed_cells=("A3",)), Vector.CONCEALED_FORMAT,
     "sheet 'Data' cells hidden by formatting in rows 3", NAME),
    ("white on white", sheet(white_cells=("A3",)), Vector.CONCEALED_FORMAT,
     "cells hidden by formatting in rows 3", NAME),
    ("pivot cache records", pivot(), Vector.PIVOT_CACHE,
     "pivot cache 1 (source 'Raw data'!A1:D4)", NAME),
    ("pivot shared items only", without(pivot(), "xl/pivotCache/pivotCacheRecords1.xml"),
     Vector.PIVOT_CACHE, "pivot cache 1 (source 'Raw data'!A1:D4) items (no records part)", NAME),
    ("pivot refreshed by", pivot(refreshed_by=OTHER), Vector.METADATA, "refreshed by", OTHER),
    ("chart cache", with_part("xl/charts/chart1.xml", CHART, CT + "drawingml.chart+xml"),
     Vector.CHART_CACHE, "chart 1 cache of Data!$A$2:$A$3", OTHER),
    ("external link cache", with_part("xl/externalLinks/externalLink1.xml", EXTERNAL),
     Vector.EXTERNAL_LINK_CACHE, "external link 1 cached sheet 'Staff'", NAME),
    ("connection", with_part("xl/connections.xml", CONNECTIONS), Vector.QUERY_TABLE,
     "connection 'HR extract' connection", "UID=jbloggs"),
    ("query table", with_part("xl/queryTables/queryTable1.xml", QUERY_TABLE), Vector.QUERY_TABLE,
     "query table 'Staff_1'", "Officer surname"),
    ("power query entered data", with_part("customXml/item1.xml", mashup()), Vector.QUERY_TABLE,
     "Power Query (custom XML part 1) entered table 1", NAME),
    ("comment", sheet(comments=(("B2", OTHER, f"Ask {NAME}"),)), Vector.COMMENT,
     "sheet 'Data' comment B2", NAME),
    ("comment author", sheet(comments=(("B2", OTHER, "Check"),)), Vector.METADATA,
     "comment author", OTHER),
    ("threaded comment", with_part("xl/threadedComments/threadedComment1.xml", COMMENTS_THREADED),
     Vector.COMMENT, "threaded comment B2", NAME),
    ("person list", with_part("xl/persons/person.xml", PERSONS), Vector.METADATA,
     "people who commented", EMAIL),
    ("defined name", build_xlsx([SheetSpec("Data", [HEADER])],
                                defined_names={"Witness": f'"{NAME}"'}),
     Vector.DEFINED_NAME, "defined name 'Witness'", NAME),
    ("creator", build_xlsx([SheetSpec("Data", [HEADER])], author=NAME), Vector.METADATA,
     "document property 'creator'", NAME),
    ("revision log", with_part("xl/revisions/revisionLog1.xml", REVISION_LOG),
     Vector.TRACKED_CHANGE, "revision log: old value of A2", NAME),
    ("revision users", with_part("xl/usernames.xml", USERNAMES), Vector.TRACKED_CHANGE,
     "user who edited", OTHER),
    ("unused shared string", build_raw_xlsx([SheetSpec("Data", [HEADER])], inline_strings=False,
                                            orphan_strings=[NAME]),
     Vector.PRIOR_REVISION, "used by no cell", NAME),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "vector", "where", "value"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_each_hiding_place_is_found_with_its_location(
    data: bytes, vector: Vector, where: str, value: str
) -> None:
    seen = inspect(inspect_xlsx, data, "reply.xlsx")
    assert seen.has(vector, where, value), seen.places(value)


@pytest.mark.parametrize(
    ("data", "vector", "where"),
    [
        (CASES[1][1], Vector.HIDDEN_SHEET, "sheet 'Raw'"),
        (sheet(hidden_rows=(3,)), Vector.HIDDEN_ROW, "hidden rows 3"),
        (pivot(), Vector.PIVOT_CACHE, "pivot cache 1"),
        (with_part("xl/model/item.data", "binary"), Vector.DATA_MODEL, "data model"),
        (with_part("xl/externalLinks/externalLink1.xml", EXTERNAL), Vector.EXTERNAL_LINK_CACHE,
         "external link 1"),
        (build_xlsx([SheetSpec("D", [HEADER])], defined_names={"N": "D!$A$1"}),
         Vector.DEFINED_NAME, "defined names"),
    ],
)  # fmt: skip
def test_hiding_places_are_reported_as_structures(data: bytes, vector: Vector, where: str) -> None:
    seen = inspect(inspect_xlsx, data, "reply.xlsx")
    unread = [u for u in seen.unread if u.vector is vector and where in u.where]
    assert seen.structure(vector, where) is not None or unread, seen.structures
    verdict = scan(data, "reply.xlsx")
    assert verdict.status is Status.SCANNED
    assert any(s.vector is vector and where in s.where for s in verdict.structures)


def test_visible_table_leaves_hidden_cells_out_and_keeps_positions() -> None:
    seen = inspect(inspect_xlsx, sheet(hidden_rows=(3,), hidden_columns=("C",)), "r.xlsx")
    visible = next((t, rows) for t, rows in seen.tables if t.vector is Vector.CELL)
    table, rows = visible
    assert table.header == ("Name", "Rank")
    assert table.columns == ("A", "B")
    assert table.first_row == 2
    assert rows == [("Total", "Constable"), (), ("x", "y")]
    assert not any(NAME in cell for row in rows for cell in row)


@pytest.mark.parametrize(
    ("hidden_rows", "hidden_columns", "where", "detail"),
    [
        ((3,), ("B",), "hidden column B, rows 3", "1 non-blank cell, all in hidden rows"),
        ((3,), ("B", "C"), "hidden columns B–C, rows 3", "2 non-blank cells, all in hidden rows"),
        ((3, 4), ("B", "C"), "hidden columns B–C, rows 3–4",
         "3 non-blank cells, all in hidden rows"),
    ],
)  # fmt: skip
def test_hidden_columns_whose_cells_sit_in_hidden_rows_are_still_reported(
    hidden_rows: tuple[int, ...], hidden_columns: tuple[str, ...], where: str, detail: str
) -> None:
    # The hidden columns hold cells only in hidden rows: B3, C3 and B4.
    body = [["Total", "", ""], [NAME, "Sergeant", "Riverside"], ["x", "Constable", ""]]
    spec = SheetSpec(
        "Data", [HEADER, *body], hidden_rows=hidden_rows, hidden_columns=hidden_columns
    )
    if 4 not in hidden_rows:
        spec = SheetSpec("Data", [HEADER, *body[:2]], hidden_rows=hidden_rows,
                         hidden_columns=hidden_columns)  # fmt: skip
    seen = inspect(inspect_xlsx, build_xlsx([spec]), "r.xlsx")
    structure = seen.structure(Vector.HIDDEN_COLUMN, f"sheet 'Data' {where}")
    assert structure is not None, seen.structures
    assert structure.detail == detail
    assert seen.has(Vector.HIDDEN_ROW, "sheet 'Data' hidden rows", NAME)
    assert not any(t.vector is Vector.HIDDEN_COLUMN for t, _ in seen.tables)


def test_hidden_sheet_table_has_header_columns_and_first_row() -> None:
    staff = [[fake.last_name(), fake.first_name()[0], f"{n:05d}"] for n in range(50)]
    data = build_xlsx(
        [
            SheetSpec("Headcount", [["Rank", "Count"], ["Constable", 50]]),
            SheetSpec("Sheet2", [["Surname", "Initial", "Service No"], *staff], state="hidden"),
        ]
    )
    seen = inspect(inspect_xlsx, data, "r.xlsx")
    table, rows = next((t, r) for t, r in seen.tables if t.vector is Vector.HIDDEN_SHEET)
    assert (table.header, table.first_row, table.columns) == (
        ("Surname", "Initial", "Service No"),
        2,
        ("A", "B", "C"),
    )
    assert rows == [tuple(r) for r in staff]
    structure = seen.structure(Vector.HIDDEN_SHEET)
    assert structure is not None and "50 non-blank rows" in structure.detail


def test_pivot_cache_resolves_indexes_and_counts_records() -> None:
    seen = inspect(inspect_xlsx, pivot(), "r.xlsx")
    table, rows = next((t, r) for t, r in seen.tables if t.vector is Vector.PIVOT_CACHE)
    assert table.header == ("Crime ref", "Offence", "Victim", "Age")
    assert rows[1] == ("CR/2/24", "Stalking", OTHER, "51")
    assert (table.first_row, table.columns) == (2, ("A", "B", "C", "D"))
    structure = seen.structure(Vector.PIVOT_CACHE)
    assert structure is not None and structure.detail == "3 records of 4 fields"


def test_other_producers_prefixed_inline_strings_without_references() -> None:
    data = build_raw_xlsx(
        [
            SheetSpec("Data", [HEADER, *ROWS], hidden_rows=(3,), hidden_columns=("C",)),
            SheetSpec("Staff", [["Surname"], [OTHER]], state="veryHidden"),
        ],
        prefix="x",
        inline_strings=True,
        cell_refs=False,
    )
    seen = inspect(inspect_xlsx, data, "r.xlsx")
    assert seen.has(Vector.HIDDEN_ROW, "sheet 'Data' hidden rows 3", NAME)
    assert seen.has(Vector.HIDDEN_COLUMN, "sheet 'Data' hidden column C", "Northgate")
    assert seen.has(Vector.VERY_HIDDEN_SHEET, "sheet 'Staff'", OTHER)
    assert seen.places("Total") == {(Vector.CELL, "sheet 'Data'")}


@pytest.mark.parametrize("rows", [40, 400])
def test_hiding_places_beyond_the_buffer_are_spooled_and_complete(
    rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spool_module, "MAX_BUFFERED_CELLS", 50)
    body = [[f"Visible {n}", f"Secret {n}", str(n)] for n in range(2, rows + 2)]
    hidden_rows = tuple(range(2, rows + 2, 2))
    data = build_xlsx(
        [SheetSpec("Data", [HEADER, *body], hidden_rows=hidden_rows, hidden_columns=("B",))]
    )
    seen = inspect(inspect_xlsx, data, "r.xlsx")
    by_vector = {t.vector: (t, r) for t, r in seen.tables}
    table, hidden = by_vector[Vector.HIDDEN_ROW]
    assert [r for r in hidden if r] == [tuple(body[n - 2]) for n in hidden_rows]
    assert table.first_row == 2 and hidden[2] == tuple(body[2])
    _, column = by_vector[Vector.HIDDEN_COLUMN]
    expected = [(body[n - 2][1],) for n in range(3, rows + 2, 2)]
    assert [r for r in column if r] == expected


def test_embedded_workbook_is_handed_back_and_scanned() -> None:
    inner = build_xlsx(
        [SheetSpec("Cover", [["FOI"]]), SheetSpec("Staff", [HEADER, *ROWS], state="hidden")]
    )
    data = add_parts(sheet(), {"xl/embeddings/Microsoft_Excel_Worksheet.xlsx": ("", inner)})
    seen = inspect(inspect_xlsx, data, "r.xlsx")
    assert [e.name for e in seen.embedded] == ["Microsoft_Excel_Worksheet.xlsx"]
    verdict = scan(data, "r.xlsx")
    assert verdict.status is Status.SCANNED
    assert any("sheet 'Staff'" in s.where for s in verdict.structures)


def test_corrupt_sheet_is_an_unread_part_with_a_reason() -> None:
    data = sheet()
    broken = data.replace(b"<sheetData>", b"<sheetData><row><c>", 1)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", b"<row><c></sheetData>"
    )
    broken = zip_parts(parts)  # type: ignore[arg-type]
    seen = inspect(inspect_xlsx, broken, "r.xlsx")
    assert [u.where for u in seen.unread] == ["sheet 'Data'"]
    verdict = scan(broken, "r.xlsx")
    assert verdict.status is Status.SCANNED and not verdict.fully_read
    assert verdict.severity is Severity.MEDIUM
    (part,) = verdict.unread
    assert "malformed XML" in part.reason and "\n" not in part.reason


def test_truncated_workbook_is_unreadable() -> None:
    data = sheet()
    with pytest.raises(UnreadableDocument):
        list(inspect_xlsx(data[: len(data) // 2], "r.xlsx", Budget()))


def test_damaged_sheet_member_is_an_unread_part() -> None:
    data = bytearray(sheet())
    start = data.index(b"xl/worksheets/sheet1.xml") + 40
    data[start : start + 60] = bytes(60)
    verdict = scan(bytes(data), "r.xlsx")
    assert [part.where for part in verdict.unread] == ["sheet 'Data'"]
    assert verdict.severity is Severity.MEDIUM


def test_zip_bomb_is_too_large() -> None:
    bomb = "<row>" + "<c><v>0</v></c>" * 2_000_000 + "</row>"
    data = add_parts(
        sheet(),
        {"xl/worksheets/sheet9.xml": ("", f'<worksheet xmlns="{MAIN}"><sheetData>{bomb}'
                                           "</sheetData></worksheet>")},
    )  # fmt: skip
    verdict = scan(data, "r.xlsx", ScanOptions(limits=Limits(ratio_floor_bytes=1024 * 1024)))
    assert verdict.status is Status.TOO_LARGE
    assert verdict.error and "zip bomb" in verdict.error


def test_broken_secondary_part_is_reported_and_the_rest_still_read() -> None:
    data = with_part("xl/comments9.xml", "<comments><oops></comments>")
    seen = inspect(inspect_xlsx, data, "r.xlsx")
    assert seen.has(Vector.CELL, "sheet 'Data'", NAME)
    (broken,) = seen.unread
    assert broken.vector is Vector.COMMENT and broken.where == "xl/comments9.xml"
    assert "malformed XML" in broken.reason


def test_several_runs_of_hidden_columns_split_the_row_into_their_places() -> None:
    header = ["Ref", "Surname", "Count", "DOB", "Area"]
    body = [["R1", NAME, "4", "01/02/1980", "North"], ["R2", OTHER, "5", "03/04/1990", "East"]]
    data = build_xlsx([SheetSpec("Data", [header, *body], hidden_columns=("A", "B", "D"))])
    seen = inspect(inspect_xlsx, data, "r.xlsx")
    tables = {t.where: (t, rows) for t, rows in seen.tables}
    visible, rows = tables["sheet 'Data'"]
    assert (visible.header, visible.columns, rows) == (
        ("Count", "Area"),
        ("C", "E"),
        [("4", "North"), ("5", "East")],
    )
    first, rows = tables["sheet 'Data' hidden columns A–B, rows 2–3"]
    assert (first.header, first.columns, rows) == (
        ("Ref", "Surname"),
        ("A", "B"),
        [("R1", NAME), ("R2", OTHER)],
    )
    second, rows = tables["sheet 'Data' hidden column D, rows 2–3"]
    assert (second.header, second.columns, rows) == (
        ("DOB",),
        ("D",),
        [("01/02/1980",), ("03/04/1990",)],
    )


def test_password_protected_zip_member_is_encrypted() -> None:
    data = bytearray(sheet())
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(b"xl/workbook.xml"))
    data[central + 8] |= 0x01  # general purpose flag: encrypted
    with pytest.raises(EncryptedDocument):
        list(inspect_xlsx(bytes(data), "r.xlsx", Budget()))
    assert scan(bytes(data), "r.xlsx").status is Status.ENCRYPTED


SLICER = (
    '<slicerCacheDefinition xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"'
    ' name="Slicer_Officer" sourceName="[Staff].[Officer]"><data><olap pivotCacheId="1"><levels>'
    '<level uniqueName="[Staff].[Officer].[Officer]"><ranges><range startItem="0"><i n="[1]"'
    f' c="{NAME}"/></range></ranges></level></levels></olap></data></slicerCacheDefinition>'
)


def test_olap_slicer_captions_come_from_the_data_model() -> None:
    seen = inspect(inspect_xlsx, with_part("xl/slicerCaches/slicerCache1.xml", SLICER), "r.xlsx")
    assert seen.has(Vector.DATA_MODEL, "slicer cache '[Staff].[Officer]'", NAME)


def test_embedded_ole_package_is_unwrapped() -> None:
    from detectors.formats._ole import _ole10native, embedded_ole

    inner = b"%PDF-1.4 staff list"
    native = (
        b"\0\0\0\0\x02\x00staff.pdf\0C:\\Users\\jb\\staff.pdf\0\0\0\x03\x00"
        + (4).to_bytes(4, "little")
        + b"tmp\0"
        + len(inner).to_bytes(4, "little")
        + inner
    )
    assert _ole10native(native) == ("staff.pdf", inner)
    assert list(embedded_ole("oleObject1.bin", b"not ole", "w")) == [
        Embedded("oleObject1.bin", b"not ole", "w")
    ]
