from __future__ import annotations

import io
import struct
import zipfile

import pytest

from crawler.demo.builders.legacy import encrypted_ooxml
from detectors.formats import OLE_MAGIC, sniff


def zipped(**members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name.replace("__", "/").replace("_dot_", "."), text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "reply.bin", "pdf"),
        (b"\r\n%PDF-1.4\n", "", "pdf"),
        (zipped(xl__workbook_dot_xml="<workbook/>"), "reply.pdf", "xlsx"),
        (zipped(word__document_dot_xml="<document/>"), "x", "docx"),
        (zipped(ppt__presentation_dot_xml="<p/>"), "x", "pptx"),
        (
            zipped(mimetype="application/vnd.oasis.opendocument.spreadsheet"),
            "x.zip",
            "ods",
        ),
        (zipped(readme_dot_txt="hello"), "x.xlsx", "zip"),
        (b"PK\x03\x04truncated", "x.xlsx", "xlsx"),
        (b"PK\x03\x04truncated", "slides.pptm", "pptx"),
        (b"PK\x03\x04truncated", "bundle.zip", "zip"),
        (OLE_MAGIC + b"\x00" * 600, "old.xls", "xls"),
        (b"{\\rtf1\\ansi hello}", "x.doc", "rtf"),
        (b"<!DOCTYPE html><html><body>Hi</body></html>", "page", "html"),
        (b"\xef\xbb\xbf<html><p>Hi</p></html>", "", "html"),
        (b"<!-- generated -->\n<div class='a'><p>Officer list</p></div>", "", "html"),
        (b"<html>\x00<body>a few stray NULs\x00\x00</body></html>", "", "html"),
        (b"<div>" * 50 + b"Jane" + b"</div>" * 50, "", "html"),
        (b"Prices: <p> is a tag name, said the note", "", "text"),
        ("<html><body>UTF-16</body></html>".encode("utf-16-le"), "", "html"),
        (b"Month,Burglary\nApril,3\nMay,4\n", "data", "csv"),
        (b"Name\tRank\nA\tB\nC\tD\n", "", "csv"),
        (b"just one line of text", "notes.csv", "csv"),
        (b"Dear requester,\n\nPlease find attached.", "letter.txt", "text"),
        ("Plain UTF-16 letter text".encode("utf-16-le"), "", "text"),
        (bytes(range(256)) * 4, "photo.jpg", "binary"),
        (b"", "empty.xlsx", "text"),
    ],
)
def test_format_is_judged_by_content(data: bytes, name: str, expected: str) -> None:
    assert sniff(data, name) == expected


def raw_zip(*names: str) -> bytes:
    """A zip keeping member names exactly as given, backslashes included."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo("placeholder")
            info.filename = name  # ZipInfo() itself turns backslashes into slashes
            archive.writestr(info, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (("[content_types].xml", "xl\\workbook.xml", "_rels\\.rels"), "xlsx"),
        (("XL/Workbook.xml",), "xlsx"),
        (("/word/document.xml",), "docx"),
        (("PPT\\Presentation.XML",), "pptx"),
        (("xl\\workbook.bin",), "xlsb"),
    ],
)
def test_office_parts_are_found_whatever_the_slashes_or_case(
    names: tuple[str, ...], expected: str
) -> None:
    assert sniff(raw_zip(*names), "reply") == expected


@pytest.mark.parametrize(
    ("mimetype", "expected"),
    [
        ("application/vnd.oasis.opendocument.spreadsheet-template", "ods"),
        ("application/vnd.oasis.opendocument.text-template", "odt"),
        ("application/vnd.oasis.opendocument.presentation-template", "odp"),
        ("application/vnd.oasis.opendocument.graphics", "zip"),
    ],
)
def test_odf_templates_are_read_as_their_document_kind(mimetype: str, expected: str) -> None:
    assert sniff(zipped(mimetype=mimetype), "template") == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.docx", "docx"),
        ("a.docm", "docx"),
        ("a.dotx", "docx"),
        ("a.pptm", "pptx"),
        ("a.ppsx", "pptx"),
        ("a.xlsm", "xlsx"),
        ("a.xltx", "xlsx"),
        ("a.xlsb", "xlsb"),
        ("a.bin", "ooxml"),
        ("", "ooxml"),
    ],
)
def test_encrypted_package_is_labelled_with_its_family(name: str, expected: str) -> None:
    assert sniff(encrypted_ooxml(), name) == expected


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (zipped(), "empty.xlsx", "xlsx"),
        (zipped(), "empty.zip", "zip"),
        (zipped(**{"[Content_Types]_dot_xml": "<Types/>"}), "broken.docx", "docx"),
        (zipped(readme_dot_txt="hello"), "renamed.pptx", "zip"),
    ],
)
def test_office_named_zip_without_main_part(data: bytes, name: str, expected: str) -> None:
    assert sniff(data, name) == expected


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"a,b,c\n\x00,2,3\n", "nul.csv", "csv"),
        (b"a\tb\n1\x00\t2\n3\t4\n", "nul.tsv", "csv"),
        (b"a,b,c\n\x00,2,3\n", "nul.bin", "binary"),
        (b"\x00\x01\x02\x03" * 64, "noise.csv", "binary"),
        (b'"Name","Post"\r\n' + b'"A","B"\r\n' * 40 + bytes(3000), "padded.csv", "csv"),
        (b"Name\tPost\n" + b"A\tB\n" * 80 + bytes(3000), "padded", "csv"),
        (b"Dear requester\nThe reply follows.\n" * 10 + bytes(5000), "padded.txt", "text"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 64 + bytes(3000), "padded.csv", "binary"),
    ],
)
def test_delimited_text_with_a_stray_nul(data: bytes, name: str, expected: str) -> None:
    assert sniff(data, name) == expected


def bof(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body + b"\x00\x02\x08\x00" + bytes(40)


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (bof(0x0009, struct.pack("<HH", 2, 0x0010)), "sheet.xls", "xls"),
        (bof(0x0209, struct.pack("<HHH", 0, 0x0010, 0)), "", "xls"),
        (bof(0x0409, struct.pack("<HHH", 0, 0x0100, 0)), "book.bin", "xls"),
        (bof(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0)), "x", "xls"),
        (bof(0x0409, struct.pack("<HHH", 0, 0x7777, 0)), "odd.xls", None),
        (bof(0x0409, bytes(400)), "long.xls", None),
        (b"\x09\x00\x04\x00", "short.xls", None),
    ],
    ids=["biff2", "biff3", "biff4 workbook", "biff8 stream", "bad type", "bad size", "short"],
)
def test_bare_biff_stream_is_xls(data: bytes, name: str, expected: str | None) -> None:
    """None: whatever it is, not xls (a BOF id alone, with an odd size or type, is not enough)."""
    if expected is None:
        assert sniff(data, name) != "xls"
    else:
        assert sniff(data, name) == expected


def test_csv_with_a_stray_nul_is_scanned_as_a_table() -> None:
    from faker import Faker

    from detectors.model import Status
    from detectors.scan import scan

    fake = Faker("en_GB")
    Faker.seed(3)
    rows = "".join(f"{fake.name()},{fake.user_name()}@norfolk.police.uk\n" for _ in range(5))
    verdict = scan(b"Name,Email\n\x00" + rows.encode(), "export.csv")
    assert (verdict.format, verdict.status) == ("csv", Status.SCANNED)
    assert any(f.entity == "EMAIL_ADDRESS" for f in verdict.findings)


def test_csv_whose_end_was_filled_with_zero_bytes_is_scanned_as_a_table() -> None:
    # A 4 KB block of which only the first half was written: the rest is zeros.
    from faker import Faker

    from detectors.model import Status
    from detectors.scan import scan

    fake = Faker("en_GB")
    Faker.seed(5)
    people = [(fake.first_name(), fake.last_name()) for _ in range(20)]
    rows = "".join(f'"{a} {b}","{a}.{b}@norfolk.police.uk"\r\n'.lower() for a, b in people)
    data = ('"Name","Email"\r\n' + rows).encode()
    verdict = scan(data + bytes(4096 - len(data) % 4096), "staff.csv")
    assert (verdict.format, verdict.status) == ("csv", Status.SCANNED)
    assert sum(f.count for f in verdict.findings if f.entity == "EMAIL_ADDRESS") == 20
