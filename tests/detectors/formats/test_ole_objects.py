"""Objects embedded in legacy Office files (xls `MBD*`, doc `ObjectPool`, ppt ExOleObjStg):
what each class of object holds is read, and people in an embedded workbook are found in it."""

from __future__ import annotations

import io
import struct
import zlib

import olefile
import pytest
from _ole_helpers import CUTOFF, Tree, compobj, compound, streams_of
from faker import Faker

from crawler.demo.builders.docx import build_docx, paragraph
from crawler.demo.builders.legacy import build_doc, build_ppt, summary_information
from detectors.formats._ole import equation_text, inspect_object, object_class, rerooted
from detectors.limits import Limits
from detectors.model import Embedded, Status, Text, Unread, Vector
from detectors.scan import ScanOptions, scan

xlwt = pytest.importorskip("xlwt", reason="xlwt (a dev dependency) writes the xls fixtures")

fake = Faker("en_GB")
Faker.seed(77)
STAFF = [(fake.last_name(), fake.first_name(), rank) for rank in ["Constable", "Sergeant"] * 8]
AUTHOR = fake.name()
CSV_NAME = fake.name()


def workbook(*, hidden_staff: bool = True, title: str = "Officers by rank") -> bytes:
    """An xls with a visible summary and (on a hidden sheet) the staff list behind it."""
    book = xlwt.Workbook()
    book.add_sheet("Summary").write(0, 0, title)
    staff = book.add_sheet("Staff")
    for r, row in enumerate([("Surname", "Forename", "Rank"), *STAFF]):
        for c, value in enumerate(row):
            staff.write(r, c, value)
    staff.visibility = 1 if hidden_staff else 0
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xls_with(objects: dict[str, Tree]) -> bytes:
    """A plain reply workbook whose `MBD*` storages are `objects`."""
    book = xlwt.Workbook()
    book.add_sheet("Reply").write(0, 0, "Headcount by rank: 16")
    buffer = io.BytesIO()
    book.save(buffer)
    return compound({**streams_of(buffer.getvalue()), **objects})


def excel_object(inner: bytes) -> Tree:
    """An Excel 97-2003 worksheet object: the workbook's own streams, with its properties
    (a small stream, kept in the container's mini stream)."""
    return {
        "\x01CompObj": compobj("Microsoft Excel Worksheet", "Excel.Sheet.8"),
        **streams_of(inner),
        "\x05SummaryInformation": summary_information(author=AUTHOR),
    }


def native(filename: str, data: bytes) -> bytes:
    """An Ole10Native stream: a file dropped into the workbook, behind the packager header."""
    path = f"C:\\Temp\\{filename}".encode()
    body = (
        struct.pack("<H", 2)
        + filename.encode() + b"\x00"
        + path + b"\x00"
        + struct.pack("<I", 0x00030000)
        + struct.pack("<I", len(path) + 1) + path + b"\x00"
        + struct.pack("<I", len(data)) + data
    )  # fmt: skip
    return struct.pack("<I", len(body)) + body


def mtef(text: str) -> bytes:
    """Equation Native: its 28-byte header, an MTEF v3 header, one LINE of CHAR records."""
    chars = b"".join(b"\x02\x83" + struct.pack("<H", ord(c)) for c in text)
    return bytes(28) + b"\x03\x01\x01\x03\x00" + b"\x0a\x01" + chars + b"\x00\x00"


PACKAGED = f"Name,Email\n{CSV_NAME},{CSV_NAME.split()[-1].lower()}@example.org\n".encode()
OBJECTS: list[tuple[str, Tree, str | None, str | None]] = [
    # (case, storage, the embedded file handed on (its name) or None, unread reason or None)
    ("excel worksheet", excel_object(workbook()), "object.xls", None),
    ("packaged file", {"\x01Ole10Native": native("staff.csv", PACKAGED)}, "staff.csv", None),
    ("pdf contents", {"CONTENTS": b"%PDF-1.4\n%%EOF\n"}, "contents.pdf", None),
    ("ms graph chart", {"\x01CompObj": compobj("Microsoft Graph Chart", "MSGraph.Chart.8"),
                        **streams_of(workbook(hidden_staff=False))}, "object.xls", None),
    ("picture", {"\x01CompObj": compobj("Microsoft Photo Editor 3.0 Picture", "MSPhotoEd.3"),
                 "CONTENTS": b"\x03\x00\xc1\x00" + bytes(600)}, None, None),
    ("equation", {"\x01CompObj": compobj("Microsoft Equation 3.0", "Equation.3"),
                  "Equation Native": mtef("x+y")}, None, None),
    ("unknown class", {"\x01CompObj": compobj("Acme Widget", "Acme.Widget.1"),
                       "CONTENTS": bytes(700)}, None, "OLE object Acme Widget"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("storage", "handed_on", "unread"), [c[1:] for c in OBJECTS], ids=[c[0] for c in OBJECTS]
)
def test_each_class_of_object_is_read_as_what_it_holds(
    storage: Tree, handed_on: str | None, unread: str | None
) -> None:
    data = xls_with({"MBD0001": storage})
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        items = list(inspect_object(ole, data, ["MBD0001"], "embedded object MBD0001"))
    embedded = [i for i in items if isinstance(i, Embedded)]
    assert [e.name for e in embedded] == ([handed_on] if handed_on else [])
    assert all(e.where == "embedded object MBD0001" for e in embedded)
    reasons = [u.reason for u in items if isinstance(u, Unread)]
    assert reasons[0].startswith(unread) if unread else not reasons, reasons


def test_an_embedded_workbook_is_a_compound_file_of_its_own() -> None:
    data = xls_with({"MBD0001": excel_object(workbook())})
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        inner = rerooted(ole, data, ["MBD0001"])
    with olefile.OleFileIO(io.BytesIO(inner)) as ole:
        assert sorted("/".join(e) for e in ole.listdir()) == [
            "\x01CompObj",
            "\x05SummaryInformation",
            "Workbook",
        ]
        assert ole.get_metadata().author.decode() == AUTHOR  # read through the mini stream


def test_people_in_an_embedded_workbook_are_found_inside_it() -> None:
    verdict = scan(xls_with({"MBD00A1B2C3": excel_object(workbook())}), "reply.xls")
    assert verdict.status is Status.SCANNED and not verdict.unread
    staff = [f for f in verdict.findings if f.inner_vector is Vector.HIDDEN_SHEET]
    assert staff, verdict.findings
    assert all(f.vector is Vector.EMBEDDED_FILE for f in staff)
    assert all(f.where.startswith("embedded object MBD00A1B2C3 › ") for f in staff)
    assert sum(f.count for f in staff if f.entity == "PERSON") >= len(STAFF)
    assert "staff_list" in verdict.kinds
    author = [f for f in verdict.findings if f.inner_vector is Vector.METADATA]
    assert any("document property 'author'" in f.where for f in author)


def test_people_in_a_workbook_embedded_in_a_word_document_are_found() -> None:
    doc = streams_of(build_doc("Please find the figures below.\r"))
    data = compound({**doc, "ObjectPool": {"_1234567890": excel_object(workbook())}})
    verdict = scan(data, "reply.doc")
    assert verdict.format == "doc" and not verdict.unread
    inside = [f for f in verdict.findings if f.where.startswith("embedded object 1 › ")]
    assert any(f.inner_vector is Vector.HIDDEN_SHEET and f.entity == "PERSON" for f in inside)


def test_a_file_dropped_into_a_workbook_is_scanned_by_its_type() -> None:
    storage = {"\x01Ole10Native": native("staff.csv", PACKAGED)}
    verdict = scan(xls_with({"MBD0002": storage}), "reply.xls")
    emails = [f for f in verdict.findings if f.entity == "EMAIL_ADDRESS"]
    assert emails and emails[0].where.startswith("embedded object MBD0002 › ")
    assert emails[0].vector is Vector.EMBEDDED_FILE


def test_a_picture_object_leaves_the_workbook_fully_read() -> None:
    storage = {
        "\x01CompObj": compobj("Microsoft Photo Editor 3.0 Picture", "MSPhotoEd.3"),
        "CONTENTS": b"\x03\x00\xc1\x00" + bytes(600),
    }
    verdict = scan(xls_with({"MBD0001": storage}), "reply.xls")
    assert verdict.status is Status.SCANNED and not verdict.unread
    assert verdict.severity.value == "none"


def test_objects_nested_past_the_depth_limit_are_cut_with_a_status() -> None:
    outer = {**excel_object(workbook()), "MBD0002": excel_object(workbook())}
    verdict = scan(
        xls_with({"MBD0001": outer}), "reply.xls", ScanOptions(limits=Limits(max_depth=1))
    )
    assert verdict.status is Status.TOO_LARGE
    [cut] = verdict.unread
    assert cut.where == "embedded object MBD0001 › embedded object MBD0002"
    assert "nested too deep" in cut.reason
    assert any(f.where.startswith("embedded object MBD0001 › sheet") for f in verdict.findings)


def test_an_equation_has_its_characters_read() -> None:
    assert equation_text(mtef(f"Cost = {CSV_NAME}")) == f"Cost = {CSV_NAME}"
    assert equation_text(mtef("+")) == ""


def test_the_class_of_an_object_comes_from_its_compobj_stream() -> None:
    data = xls_with({"MBD0001": {"\x01CompObj": compobj("Microsoft Equation 3.0", "Equation.3")}})
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        assert object_class(ole, ["MBD0001"]) == ("Microsoft Equation 3.0", "Equation.3")
        assert object_class(ole, ["Workbook"]) == ("", "")


def test_an_object_whose_streams_cannot_be_read_is_unread_not_fatal() -> None:
    storage = {
        "\x01CompObj": compobj("Microsoft Equation 3.0", "Equation.3"),
        "Equation Native": mtef("x") + bytes(CUTOFF),
    }
    data = bytearray(xls_with({"MBD0001": storage}))
    with olefile.OleFileIO(io.BytesIO(bytes(data))) as ole:
        entry = (ole.first_dir_sector + 1) * ole.sectorsize + 128 * ole._find(
            ["MBD0001", "Equation Native"]
        )
    struct.pack_into("<I", data, entry + 116, 0x00FFFFF0)  # its first sector: past the end
    with olefile.OleFileIO(io.BytesIO(bytes(data))) as ole:
        items = list(inspect_object(ole, bytes(data), ["MBD0001"], "embedded object MBD0001"))
    assert items == [
        Unread(
            "embedded object MBD0001",
            "damaged OLE object: cannot be read",
            vector=Vector.EMBEDDED_FILE,
        )
    ]
    verdict = scan(bytes(data), "reply.xls")
    assert verdict.status is Status.SCANNED
    assert [u.where for u in verdict.unread] == ["embedded object MBD0001"]


def ppt_with(objects: list[bytes], *, compressed: bool = True) -> bytes:
    """A presentation whose record stream ends with one ExOleObjStg record per object."""
    streams = streams_of(build_ppt(["Headcount by rank"]))
    document = bytes(streams["PowerPoint Document"])
    streams["PowerPoint Document"] = document[: 8 + struct.unpack_from("<I", document, 4)[0]]
    for blob in objects:
        body = struct.pack("<I", len(blob)) + zlib.compress(blob) if compressed else blob
        header = struct.pack("<HHI", int(compressed) << 4, 0x1011, len(body))
        streams["PowerPoint Document"] = bytes(streams["PowerPoint Document"]) + header + body
    return compound(streams)


@pytest.mark.parametrize("compressed", [True, False], ids=["compressed", "stored"])
def test_people_in_a_workbook_embedded_in_a_presentation_are_found(compressed: bool) -> None:
    data = ppt_with([compound(excel_object(workbook()))], compressed=compressed)
    verdict = scan(data, "reply.ppt")
    assert verdict.format == "ppt" and not verdict.unread
    inside = [f for f in verdict.findings if f.where.startswith("embedded object 1 › ")]
    assert any(f.inner_vector is Vector.HIDDEN_SHEET and f.entity == "PERSON" for f in inside)


def test_a_compressed_object_past_the_inflate_limit_is_refused_with_a_status() -> None:
    data = ppt_with([compound(excel_object(workbook())) + bytes(3 * 2**20)])
    verdict = scan(data, "reply.ppt", ScanOptions(limits=Limits(max_inflated_bytes=2**20)))
    assert verdict.status is Status.TOO_LARGE
    [cut] = verdict.unread
    assert cut.where == "embedded object 1" and "decompression bomb refused" in cut.reason


PACKAGE_OBJECTS = [
    # (case, object file kept as word/embeddings/oleObject1.bin, unread reason or None)
    ("equation", compound({"\x01CompObj": compobj("Microsoft Equation 3.0", "Equation.3"),
                           "Equation Native": mtef("x+y")}), None),
    ("picture", compound({"\x01CompObj": compobj("Bitmap Image", "Paint.Picture"),
                          "CONTENTS": bytes(600)}), None),
    ("unknown class", compound({"\x01CompObj": compobj("Acme Widget", "Acme.Widget.1"),
                                "CONTENTS": bytes(700)}), "OLE object Acme Widget"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("blob", "unread"), [c[1:] for c in PACKAGE_OBJECTS], ids=[c[0] for c in PACKAGE_OBJECTS]
)
def test_objects_in_a_word_package_are_read_by_their_class(blob: bytes, unread: str | None) -> None:
    verdict = scan(
        build_docx([paragraph("Figures below")], embeddings={"oleObject1.bin": blob}), "r.docx"
    )
    assert verdict.status is Status.SCANNED
    reasons = [u.reason for u in verdict.unread]
    assert (len(reasons) == 1 and reasons[0].startswith(unread)) if unread else not reasons
    if unread:
        assert verdict.unread[0].where == "embedded file word/embeddings/oleObject1.bin"


def test_a_workbook_kept_as_an_ole_object_in_a_package_is_scanned_whole() -> None:
    blob = compound(excel_object(workbook()))
    verdict = scan(
        build_docx([paragraph("Figures below")], embeddings={"oleObject1.bin": blob}), "r.docx"
    )
    assert not verdict.unread
    inside = [f for f in verdict.findings if f.inner_vector is Vector.HIDDEN_SHEET]
    assert inside and inside[0].where.startswith("embedded file word/embeddings/oleObject1.bin › ")


def test_a_chart_data_sheet_xlrd_cannot_parse_has_its_strings_read() -> None:
    storage = {
        "\x01CompObj": compobj("Microsoft Graph Chart", "MSGraph.Chart.8"),
        "Workbook": bytes(600) + f"Sick days {CSV_NAME}".encode("latin-1") + bytes(600),
    }
    data = xls_with({"MBD0001": storage})
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        items = list(inspect_object(ole, data, ["MBD0001"], "embedded object MBD0001"))
    [text] = items
    assert isinstance(text, Text) and CSV_NAME in text.text
    assert (text.vector, text.where) == (
        Vector.EMBEDDED_FILE,
        "embedded object MBD0001 (chart data)",
    )
