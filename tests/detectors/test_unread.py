"""Unknown is never clean: parts not read are listed, bombs are refused, a cut keeps findings."""

from __future__ import annotations

import base64
import io
import zipfile
import zlib

import olefile
import pikepdf
import pytest
from faker import Faker

import detectors.scan
from crawler.demo.builders._zip import zip_parts
from crawler.demo.builders.legacy import build_doc
from crawler.demo.builders.ods import OdsSheet, build_ods
from crawler.demo.builders.pdf import Line, Note, Page, build_pdf
from crawler.demo.builders.xlsx import SheetSpec, build_xlsx
from detectors.errors import DocumentTooLarge
from detectors.limits import MB, Budget, Limits, inflate
from detectors.model import Severity, Status, Vector, Verdict
from detectors.scan import ScanOptions, scan
from detectors.serialize import verdict_json

fake = Faker("en_GB")
Faker.seed(23)
STAFF = [["Surname", "Forename", "Rank", "Station"]] + [
    [fake.last_name(), fake.first_name(), "Constable", "Northgate"] for _ in range(40)
]
SUMMARY = [["Rank", "Headcount"], ["Constable", "40"]]
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY l0 "lol">'
    + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def staff_workbook() -> dict[str, bytes]:
    """A headcount reply (sheet1) with its source, a hidden staff list (sheet2)."""
    return parts_of(
        build_xlsx([SheetSpec("Summary", SUMMARY), SheetSpec("Staff", STAFF, state="hidden")])
    )


def assert_not_clean(verdict: Verdict) -> None:
    assert verdict.unread and not verdict.fully_read
    assert verdict.severity.rank >= Severity.MEDIUM.rank
    document = verdict_json(verdict)
    assert document["unread"] == [{"where": u.where, "reason": u.reason} for u in verdict.unread]


@pytest.mark.parametrize(
    "damage",
    [
        lambda rels: rels[: len(rels) // 2],  # cut off mid-element
        lambda rels: b"\x00garbage",
        lambda rels: b"",
    ],
    ids=["truncated", "garbage", "empty"],
)
def test_a_damaged_rels_part_still_finds_the_hidden_sheet(damage: object) -> None:
    parts = staff_workbook()
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = damage(parts[rels])  # type: ignore[operator]
    verdict = scan(zip_parts(parts), "reply.xlsx")  # type: ignore[arg-type]
    assert verdict.status is Status.SCANNED
    assert any(f.vector is Vector.HIDDEN_SHEET and f.entity == "PERSON" for f in verdict.findings)
    assert verdict.people == 40 and "staff_list" in verdict.kinds
    assert [u.where for u in verdict.unread] == ["workbook relationships"]
    assert_not_clean(verdict)


def test_without_the_hidden_sheet_a_damaged_rels_part_is_still_not_clean() -> None:
    parts = parts_of(build_xlsx([SheetSpec("Summary", SUMMARY)]))
    parts["xl/_rels/workbook.xml.rels"] = b"<Relationships"
    verdict = scan(zip_parts(parts), "reply.xlsx")  # type: ignore[arg-type]
    assert verdict.severity is Severity.MEDIUM
    assert_not_clean(verdict)


@pytest.mark.parametrize(
    "sheet",
    [
        LAUGHS + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row>'
        "</sheetData></worksheet>",
        "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData>",  # cut short
    ],
    ids=["billion-laughs", "malformed"],
)
def test_a_dtd_or_damage_in_one_sheet_leaves_only_that_sheet_unread(sheet: str) -> None:
    parts = staff_workbook()
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    verdict = scan(zip_parts(parts), "reply.xlsx")  # type: ignore[arg-type]
    assert verdict.status is Status.SCANNED
    assert verdict.people == 40
    assert [u.where for u in verdict.unread] == ["sheet 'Summary'"]
    assert_not_clean(verdict)


def deflated(size: int) -> bytes:
    """`size` bytes of one repeated content-stream operator, deflated."""
    return zlib.compress(b"q Q " * (size // 4), 9)


def test_inflate_refuses_past_the_cap_and_past_the_ratio() -> None:
    small = Limits(max_inflated_bytes=8 * MB, ratio_floor_bytes=MB, max_ratio=2000)
    with pytest.raises(DocumentTooLarge, match="past the 8 MB limit"):
        inflate(deflated(50 * MB), small)
    with pytest.raises(DocumentTooLarge, match="over 300 times"):
        inflate(deflated(50 * MB), Limits(ratio_floor_bytes=MB))
    text = b"".join(b"%d Jones Street, Leeds\n" % n for n in range(200_000))
    assert inflate(zlib.compress(text), Limits()) == text
    raw = zlib.compressobj(wbits=-15)
    assert inflate(raw.compress(text) + raw.flush(), Limits(), wbits=-15) == text
    damaged = zlib.compress(text)[:-4] + b"\x00\x00\x00\x00"  # checksum wrong
    with pytest.raises(zlib.error):
        inflate(damaged, Limits())
    assert inflate(damaged, Limits(), tolerant=True) == text


def test_a_zip_member_bomb_is_refused_and_the_other_members_read() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("staff.csv", "\n".join(",".join(row) for row in STAFF))
        archive.writestr("export.txt", b"0" * (50 * MB))
    limits = Limits(max_inflated_bytes=8 * MB, max_ratio=10_000)
    verdict = scan(out.getvalue(), "bundle.zip", ScanOptions(limits=limits))
    assert verdict.status is Status.TOO_LARGE
    assert verdict.error and "over the 8 MB limit" in verdict.error
    assert verdict.people == 40
    assert [u.where for u in verdict.unread] == ["archive member 2"]
    assert verdict.unread[0].limit
    assert_not_clean(verdict)


def pdf_with_stream(content: bytes, name: str) -> bytes:
    """Page 1 names someone; page 2's content stream is `content`, already deflated."""
    with pikepdf.open(io.BytesIO(build_pdf([Page((Line(f"Contact officer: {name}"),))]))) as pdf:
        pdf.pages.append(pdf.pages[0])
        stream = pikepdf.Stream(pdf, b"")
        stream.write(content, filter=pikepdf.Name.FlateDecode)
        pdf.pages[1].Contents = stream
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("limits", "reason"),
    [
        (Limits(max_stream_bytes=8 * MB, max_ratio=10_000), "past the 8 MB limit"),
        (Limits(ratio_floor_bytes=MB), "over 300 times"),
    ],
    ids=["cap", "ratio"],
)
def test_a_pdf_content_stream_bomb_is_refused_and_the_other_pages_read(
    limits: Limits, reason: str
) -> None:
    name = fake.name()
    data = pdf_with_stream(deflated(50 * MB), name)
    verdict = scan(data, "reply.pdf", ScanOptions(limits=limits))
    assert verdict.status is Status.TOO_LARGE
    assert verdict.error and reason in verdict.error
    assert [u.where for u in verdict.unread] == ["page 2"]
    assert any(f.entity == "PERSON" and f.where == "page 1" for f in verdict.findings)
    assert_not_clean(verdict)


def test_an_attachment_bomb_is_refused_and_the_pages_read() -> None:
    name = fake.name()
    page = Page((Line(f"Contact officer: {name}"),))
    with pikepdf.open(io.BytesIO(build_pdf([page], attachments={"export.txt": b"x"}))) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Type") == "/EmbeddedFile":
                obj.write(deflated(50 * MB), filter=pikepdf.Name.FlateDecode)
        out = io.BytesIO()
        pdf.save(out)
    data = out.getvalue()
    limits = Limits(max_inflated_bytes=8 * MB, max_ratio=10_000)
    verdict = scan(data, "reply.pdf", ScanOptions(limits=limits))
    assert verdict.status is Status.TOO_LARGE
    assert [u.where for u in verdict.unread] == ["attachment 1"]
    assert any(f.entity == "PERSON" for f in verdict.findings)


def test_hiding_places_with_nothing_personal_are_low_not_medium() -> None:
    page = Page(
        (
            Line("Response to request 123"),
            Line("Scanned page: figures for the year to March", render=3),  # an OCR layer
        ),
        notes=(Note("Text", (72, 600, 200, 620), contents="Checked, figures agreed"),),
    )
    data = build_pdf([page], attachments={"figures.csv": b"Year,Total\n2024,1021\n"})
    verdict = scan(data, "reply.pdf")
    vectors = {s.vector for s in verdict.structures}
    assert {Vector.INVISIBLE_TEXT, Vector.ANNOTATION, Vector.EMBEDDED_FILE} <= vectors
    assert verdict.fully_read and verdict.unread == ()
    assert verdict.severity is Severity.LOW


class Countdown(Budget):
    """A budget that runs out after a set number of checks, whatever the clock says."""

    def __init__(self, limits: Limits | None = None, checks: int = 0) -> None:
        super().__init__(limits or Limits())
        self.left = checks

    def check(self, activity: str | None = None) -> None:
        self.left -= 1
        if self.left < 0:
            self.deadline = float("-inf")
        super().check(activity)


def test_over_budget_a_hidden_sheet_keeps_its_findings_and_says_where_it_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = [["Surname", "Forename", "Rank", "NI number"]] + [
        [fake.last_name(), fake.first_name(), "Constable", f"JK{n:06d}C"] for n in range(5_000)
    ]
    data = build_xlsx([SheetSpec("Summary", SUMMARY), SheetSpec("Data", rows, state="hidden")])
    # The sheet reader checks the budget every 512 rows: it runs out inside the hidden sheet.
    monkeypatch.setattr(detectors.scan, "Budget", lambda limits: Countdown(limits, checks=12))
    verdict = scan(data, "staff.xlsx")
    assert verdict.status is Status.TOO_LARGE
    assert 100 <= verdict.people < 5_000
    assert verdict.severity is Severity.CRITICAL  # a hidden staff list of 100 or more
    [cut] = verdict.unread
    assert cut.where == "sheet 'Data'" and cut.limit
    assert cut.reason.startswith("rows after ") and cut.reason.endswith("not read (time budget)")
    last = int(cut.reason.split()[2].replace(",", ""))
    assert last == verdict.people + 1  # the header is row 1


def test_pages_past_the_page_limit_are_an_unread_part_and_the_first_pages_kept() -> None:
    names = [fake.name() for _ in range(5)]
    pages = [Page((Line(f"Statement taken from {name} on Monday."),)) for name in names]
    verdict = scan(build_pdf(pages), "statements.pdf", ScanOptions(limits=Limits(max_pages=2)))
    assert verdict.status is Status.TOO_LARGE
    assert [u.where for u in verdict.unread] == ["pages 3 to 5"]
    assert verdict.error and "2-page limit" in verdict.error
    assert {f.where for f in verdict.findings if f.entity == "PERSON"} == {"page 1", "page 2"}
    assert_not_clean(verdict)


def test_a_power_query_package_bomb_is_refused_and_the_sheets_read() -> None:
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Formulas/Section1.m", b" " * (50 * MB))
    blob = package.getvalue()
    payload = b"\0\0\0\0" + len(blob).to_bytes(4, "little") + blob
    mashup = (
        '<DataMashup xmlns="http://schemas.microsoft.com/DataMashup">'
        f"{base64.b64encode(payload).decode()}</DataMashup>"
    )
    parts = staff_workbook()
    parts["customXml/item1.xml"] = mashup.encode()
    limits = Limits(max_inflated_bytes=8 * MB, max_ratio=10_000)
    verdict = scan(zip_parts(parts), "reply.xlsx", ScanOptions(limits=limits))  # type: ignore[arg-type]
    assert verdict.status is Status.TOO_LARGE
    assert [u.where for u in verdict.unread] == ["Power Query (custom XML part 1)"]
    assert verdict.people == 40


def _damaged_ods(part: str) -> bytes:
    parts = parts_of(build_ods([OdsSheet("Summary", SUMMARY)]))
    parts[part] = b"<office:document-meta><office:meta><dc:creator>J"
    return zip_parts(parts)  # type: ignore[arg-type]


def _doc_with_damaged_properties(monkeypatch: pytest.MonkeyPatch) -> bytes:
    def damaged(self: object) -> None:
        raise ValueError("property set stream is truncated")

    monkeypatch.setattr(olefile.OleFileIO, "get_metadata", damaged)
    return build_doc("Headcount by rank: constables 40.\r", author="Records Office")


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("reply.ods", "meta.xml"),
        ("reply.ods", "styles.xml"),
        ("reply.doc", "document properties"),
    ],
    ids=[
        "an ODF package's damaged meta.xml",
        "its damaged styles.xml (page headers and footers)",
        "a Word 97 file's damaged property set",
    ],
)
def test_damaged_document_properties_are_an_unread_part(
    name: str, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The author and editor names kept in the document's properties, and the headers and
    footers of its page styles, are not known when the part holding them is damaged: the
    document is not clean."""
    data = (
        _damaged_ods(where) if name.endswith(".ods") else _doc_with_damaged_properties(monkeypatch)
    )
    verdict = scan(data, name)
    assert [u.where for u in verdict.unread] == [where]
    assert verdict.severity.rank >= Severity.MEDIUM.rank


def test_a_damaged_link_part_is_unread_and_the_rest_of_the_workbook_read() -> None:
    """A sheet's relationships part cut short: its mail links are unread, the hidden sheet
    after it is still read."""
    parts = parts_of(
        build_xlsx([SheetSpec("Summary", SUMMARY), SheetSpec("Staff", STAFF, state="hidden")])
    )
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = b"<Relationships><Relationship Id="
    verdict = scan(zip_parts(parts), "reply.xlsx")  # type: ignore[arg-type]
    assert any("sheet1.xml.rels" in u.where for u in verdict.unread)
    assert verdict.severity.rank >= Severity.HIGH.rank
    assert "staff_list" in verdict.kinds
