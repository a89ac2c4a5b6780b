"""Office packages as other writers store them: backslashes and odd case in part names,
an empty or truncated zip behind an Office name."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest
from faker import Faker

from crawler.demo.builders.docx import build_docx, comment_mark, paragraph
from crawler.demo.builders.pptx import Slide, build_pptx
from crawler.demo.builders.xlsx import SheetSpec, build_xlsx
from detectors.errors import DocumentTooLarge, UnreadableDocument
from detectors.formats._archive import open_zip
from detectors.limits import Budget, Limits
from detectors.model import Status, Vector
from detectors.scan import ScanOptions, scan

fake = Faker("en_GB")
Faker.seed(11)
PEOPLE = [(fake.first_name(), fake.last_name(), fake.email()) for _ in range(12)]
NAME = f"{PEOPLE[0][0]} {PEOPLE[0][1]}"


def respelled(data: bytes, spell: Callable[[str], str]) -> bytes:
    """The same package with every member name rewritten, bytes untouched."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            copy = zipfile.ZipInfo("placeholder", info.date_time)
            copy.filename = spell(info.filename)  # ZipInfo() would turn backslashes back
            copy.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(copy, source.read(info))
    return buffer.getvalue()


def backslashed(name: str) -> str:
    return name.replace("/", "\\").lower()


def shouted(name: str) -> str:
    return name.upper()


SPELLINGS = [backslashed, shouted]


def workbook() -> bytes:
    rows = [["First name", "Surname", "Email"], *[list(person) for person in PEOPLE]]
    return build_xlsx(
        [SheetSpec("Summary", [["Total", len(PEOPLE)]]), SheetSpec("Raw", rows, state="hidden")]
    )


@pytest.mark.parametrize("spell", SPELLINGS)
def test_workbook_with_respelled_parts_is_read_as_xlsx(spell: Callable[[str], str]) -> None:
    data = respelled(workbook(), spell)
    assert any("\\" in n or n.isupper() for n in zipfile.ZipFile(io.BytesIO(data)).namelist())
    verdict = scan(data, "reply.xlsx")
    assert (verdict.format, verdict.status) == ("xlsx", Status.SCANNED)
    hidden = {f.entity for f in verdict.findings if f.vector is Vector.HIDDEN_SHEET}
    assert {"PERSON", "EMAIL_ADDRESS"} <= hidden


@pytest.mark.parametrize("spell", SPELLINGS)
def test_document_with_respelled_parts_keeps_its_comments(spell: Callable[[str], str]) -> None:
    body = [paragraph(f"Minutes of the meeting{comment_mark(0)}")]
    original = build_docx(body, comments=[("Reviewer", f"Ask {NAME} about the complaint")])
    verdict = scan(respelled(original, spell), "minutes.docx")
    assert (verdict.format, verdict.status) == ("docx", Status.SCANNED)
    assert any(f.vector is Vector.COMMENT and f.entity == "PERSON" for f in verdict.findings)


@pytest.mark.parametrize("spell", SPELLINGS)
def test_presentation_with_respelled_parts_keeps_its_notes(spell: Callable[[str], str]) -> None:
    original = build_pptx([Slide(texts=("Quarterly figures",), notes=f"Call {NAME} on Monday")])
    verdict = scan(respelled(original, spell), "deck.pptx")
    assert (verdict.format, verdict.status) == ("pptx", Status.SCANNED)
    assert any(f.vector is Vector.SPEAKER_NOTES for f in verdict.findings)


def test_parts_are_found_by_any_spelling() -> None:
    data = respelled(workbook(), backslashed)
    with open_zip(data, Budget()) as package:
        assert package.has("xl/workbook.xml") and package.has("XL/Workbook.XML")
        assert package.has("/xl/Styles.xml") and package.has("docProps/core.xml")
        assert package.read("xl/workbook.xml") == package.read("xl\\workbook.xml")
        sheets = package.matching("xl/worksheets/sheet", ".xml")
        assert sheets == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
        with pytest.raises(UnreadableDocument, match="missing"):
            package.read("xl/nothing.xml")


def test_bomb_limits_still_apply_to_respelled_packages() -> None:
    data = respelled(workbook(), backslashed)
    with pytest.raises(DocumentTooLarge), open_zip(data, Budget(Limits(max_members=3))):
        pass
    verdict = scan(data, "reply.xlsx", ScanOptions(limits=Limits(max_members=3)))
    assert verdict.status is Status.TOO_LARGE


def empty_zip() -> bytes:
    buffer = io.BytesIO()
    zipfile.ZipFile(buffer, "w").close()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "fmt", "reason"),
    [
        ("empty.xlsx", "xlsx", "workbook"),
        ("empty.docx", "docx", "not an Office package"),
        ("empty.pptm", "pptx", "not an Office package"),
    ],
)
def test_office_named_empty_zip_is_unreadable(name: str, fmt: str, reason: str) -> None:
    verdict = scan(empty_zip(), name)
    assert (verdict.format, verdict.status) == (fmt, Status.UNREADABLE)
    assert verdict.error and reason in verdict.error


def test_plain_empty_zip_is_still_a_zip() -> None:
    verdict = scan(empty_zip(), "bundle.zip")
    assert (verdict.format, verdict.status) == ("zip", Status.SCANNED)


def test_truncated_package_keeps_the_format_of_its_name() -> None:
    data = build_pptx([Slide(texts=("Quarterly figures",))])
    cut = data[: data.rfind(b"PK\x01\x02") - 10]  # the central directory is gone
    verdict = scan(cut, "deck.pptx")
    assert (verdict.format, verdict.status) == ("pptx", Status.UNREADABLE)
    assert verdict.error
