from __future__ import annotations

import io
import zipfile

import pytest

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
        (b"PK\x03\x04truncated", "x.xlsx", "zip"),
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
