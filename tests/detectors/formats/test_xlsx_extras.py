"""Worksheet text no cell shows (page headers and footers, data-validation lists and messages)
and the filled cells a sheet's print area leaves off the page."""

from __future__ import annotations

import io
import zipfile

import pytest
from _sheet_helpers import inspect
from faker import Faker
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crawler.demo.builders._zip import zip_parts
from detectors.formats._sheet import Row
from detectors.formats.xlsx import inspect_xlsx
from detectors.formats.xlsx.headerfooter import printed_sections
from detectors.formats.xlsx.printarea import Area, Outside, parse_area
from detectors.formats.xlsx.sheets import MAX_SHEET_TEXTS
from detectors.formats.xlsx.validation import list_values
from detectors.model import Severity, Status, Vector
from detectors.scan import scan
from detectors.serialize import verdict_json

fake = Faker("en_GB")
Faker.seed(29)
NAME = fake.first_name() + " " + fake.last_name()
OTHER = fake.first_name() + " " + fake.last_name()
THIRD = fake.first_name() + " " + fake.last_name()
SHEET = "xl/worksheets/sheet1.xml"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"


def openpyxl_book(build: object, title: str = "Data") -> bytes:
    """A one-sheet workbook written by openpyxl after `build(sheet)` has set it up."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = title
    sheet.append(["Ref", "Count"])
    sheet.append(["A1", 3])
    build(sheet)  # type: ignore[operator]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_sheet_tail(data: bytes, tail: str) -> bytes:
    """`data` with `tail` inserted into its first sheet right after `</sheetData>`."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members: dict[str, bytes | str] = {n: source.read(n) for n in source.namelist()}
    xml = members[SHEET].decode()
    members[SHEET] = xml.replace("</sheetData>", "</sheetData>" + tail, 1)
    return zip_parts(members)


def footer(sheet: Worksheet) -> None:
    sheet.oddFooter.left.text = f"Prepared by {NAME}"
    sheet.oddFooter.right.text = "Page &P of &N"


def headers(sheet: Worksheet) -> None:
    sheet.oddHeader.center.text = OTHER
    sheet.oddHeader.center.font = "Arial,Bold"
    sheet.oddHeader.center.size = 14
    sheet.oddHeader.center.color = "FF0000"
    sheet.evenFooter.center.text = f"Checked by {THIRD}"
    sheet.firstHeader.left.text = NAME


def dropdown(sheet: Worksheet) -> None:
    rule = DataValidation(
        type="list",
        formula1=f'"PC {NAME},PC {OTHER},PC {THIRD}"',
        promptTitle="Officer in case",
        prompt=f"Ask {NAME} before changing",
        errorTitle="Not on the list",
        error=f"Only {OTHER} may add officers",
    )
    rule.add("D2:D500")
    sheet.add_data_validation(rule)


def referenced(sheet: Worksheet) -> None:
    for formula in ("Lists!$A$1:$A$50", "Officers", 'INDIRECT("Lists!A1:A9")'):
        rule = DataValidation(type="list", formula1=formula)
        rule.add("E2:E9")
        sheet.add_data_validation(rule)


X14_RULE = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    f'xmlns:x14="{X14}"><x14:dataValidations count="2" xmlns:xm="{XM}">'
    '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" '
    f'prompt="Pick {OTHER} or a colleague"><x14:formula1><xm:f>"{NAME},{THIRD}"</xm:f>'
    "</x14:formula1><xm:sqref>F2:F40 H2</xm:sqref></x14:dataValidation>"
    '<x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$A$1:$A$9</xm:f>'
    "</x14:formula1><xm:sqref>G2:G40</xm:sqref></x14:dataValidation>"
    "</x14:dataValidations></ext></extLst>"
)


@pytest.mark.parametrize(
    ("code", "sections"),
    [
        ("Plain text", ["Plain text"]),
        ("&LLeft&CCentre&RRight", ["Left", "Centre", "Right"]),
        ("&lleft&rright", ["left", "right"]),
        ("R&&D team", ["R&D team"]),
        ("&&&&", ["&&"]),
        ("Page &P of &N", []),
        ("Page &P+1", []),
        ("&CPage &P", []),
        ("Page No. &P", []),
        ("Sheet &A - Page &P", [" - "]),
        ("Printed on &D at &T by Jo Smith", ["  by Jo Smith"]),
        ("Prepared by Ann Page on &D", ["Prepared by Ann Page "]),
        ("&LLisa Page&R&P", ["Lisa Page"]),
        ("John Page, page &P", ["John Page, "]),
        ('&"Arial,Bold"&14Jane', ["Jane"]),
        ('&"-,Bold Italic"Bold', ["Bold"]),
        ("&12 345 Main Street", [" 345 Main Street"]),
        ("&KFF0000Red&K04+025Theme", ["RedTheme"]),
        ("&B&I&U&E&S&X&Y&O&HStyled", ["Styled"]),
        ("&D &T &F &Z &A &G", []),
        ("By &A on &D", ["By  "]),
        ("&Q unknown", [" unknown"]),
        ("Trailing &", ["Trailing "]),
        ('&"unterminated font', []),
        ("&L&C&R", []),
        ("Line one\nLine two", ["Line one\nLine two"]),
    ],
)
def test_header_footer_codes_leave_only_the_printed_text(code: str, sections: list[str]) -> None:
    assert printed_sections(code) == sections


@pytest.mark.parametrize(
    ("formula", "values"),
    [
        ('"Yes,No"', ["Yes", "No"]),
        ('"PC Jo Bloggs, PS Al Jones ,"', ["PC Jo Bloggs", "PS Al Jones"]),
        ('"Say ""hi"",Bye"', ['Say "hi"', "Bye"]),
        (' "padded" ', ["padded"]),
        ('""', []),
        ("Lists!$A$1:$A$50", []),
        ("Officers", []),
        ("$A$1:$A$9", []),
        ('"a"&"b"', []),
        ('INDIRECT("Lists!A1")', []),
        ("", []),
    ],
)
def test_only_literal_list_formulas_give_values(formula: str, values: list[str]) -> None:
    assert list_values(formula) == values


@pytest.mark.parametrize(
    ("build", "vector", "where", "value"),
    [
        (footer, Vector.METADATA, "sheet 'Data' footer", f"Prepared by {NAME}"),
        (headers, Vector.METADATA, "sheet 'Data' header", OTHER),
        (headers, Vector.METADATA, "sheet 'Data' even page footer", f"Checked by {THIRD}"),
        (headers, Vector.METADATA, "sheet 'Data' first page header", NAME),
        (dropdown, Vector.FORM_FIELD, "sheet 'Data' data validation on D2:D500 list",
         f"PC {OTHER}"),
        (dropdown, Vector.FORM_FIELD, "data validation on D2:D500 input message title",
         "Officer in case"),
        (dropdown, Vector.FORM_FIELD, "data validation on D2:D500 input message", f"Ask {NAME}"),
        (dropdown, Vector.FORM_FIELD, "data validation on D2:D500 error message title",
         "Not on the list"),
        (dropdown, Vector.FORM_FIELD, "data validation on D2:D500 error message", OTHER),
    ],
)  # fmt: skip
def test_each_extra_is_read_with_its_vector_and_location(
    build: object, vector: Vector, where: str, value: str
) -> None:
    seen = inspect(inspect_xlsx, openpyxl_book(build), "reply.xlsx")
    assert seen.has(vector, where, value), seen.places(value)


def test_header_codes_are_not_part_of_the_text() -> None:
    seen = inspect(inspect_xlsx, openpyxl_book(headers), "reply.xlsx")
    header = [t.text for t in seen.texts if t.where == "sheet 'Data' header"]
    assert header == [OTHER]
    assert not any("&" in t.text for t in seen.texts if t.vector is Vector.METADATA)


def test_each_list_value_is_its_own_text() -> None:
    seen = inspect(inspect_xlsx, openpyxl_book(dropdown), "reply.xlsx")
    listed = [t.text for t in seen.texts if t.where.endswith("D2:D500 list")]
    assert listed == [f"PC {NAME}", f"PC {OTHER}", f"PC {THIRD}"]


def test_a_list_drawn_from_a_range_or_a_name_has_no_literal_values() -> None:
    seen = inspect(inspect_xlsx, openpyxl_book(referenced), "reply.xlsx")
    assert not [t for t in seen.texts if t.vector is Vector.FORM_FIELD]


def test_the_x14_extension_form_is_read_alike() -> None:
    data = with_sheet_tail(openpyxl_book(lambda sheet: None), X14_RULE)
    seen = inspect(inspect_xlsx, data, "reply.xlsx")
    where = "sheet 'Data' data validation on F2:F40 H2"
    assert seen.has(Vector.FORM_FIELD, f"{where} list", THIRD)
    assert seen.has(Vector.FORM_FIELD, f"{where} input message", OTHER)
    listed = [t.text for t in seen.texts if t.where == f"{where} list"]
    assert listed == [NAME, THIRD]
    assert not [t for t in seen.texts if "G2:G40" in t.where]


def test_a_range_that_is_not_a_reference_is_not_shown() -> None:
    rule = (
        f'<dataValidations count="1"><dataValidation type="list" sqref="{NAME}">'
        '<formula1>"a,b"</formula1></dataValidation></dataValidations>'
    )
    seen = inspect(inspect_xlsx, with_sheet_tail(openpyxl_book(lambda s: None), rule), "r.xlsx")
    wheres = {t.where for t in seen.texts if t.vector is Vector.FORM_FIELD}
    assert wheres == {"sheet 'Data' data validation on ? list"}


def test_many_ranges_are_summed_up_in_the_location() -> None:
    refs = " ".join(f"A{n}" for n in range(1, 8))
    rule = (
        f'<dataValidations count="1"><dataValidation type="list" sqref="{refs}">'
        '<formula1>"a"</formula1></dataValidation></dataValidations>'
    )
    seen = inspect(inspect_xlsx, with_sheet_tail(openpyxl_book(lambda s: None), rule), "r.xlsx")
    wheres = {t.where for t in seen.texts if t.vector is Vector.FORM_FIELD}
    assert wheres == {"sheet 'Data' data validation on A1 A2 A3 and 4 more ranges list"}


def test_a_sheet_named_after_a_person_is_masked_in_the_location() -> None:
    seen = inspect(inspect_xlsx, openpyxl_book(footer, title=NAME), "reply.xlsx")
    places = seen.places(f"Prepared by {NAME}")
    assert len(places) == 1
    vector, where = places.pop()
    assert vector is Vector.METADATA and where.endswith("' footer")
    assert NAME not in where and NAME.split()[-1] not in where


def test_texts_beyond_the_cap_are_counted_not_read() -> None:
    rules = "".join(
        f'<dataValidation type="list" sqref="A{n}"><formula1>"v{n}"</formula1></dataValidation>'
        for n in range(1, MAX_SHEET_TEXTS + 6)
    )
    tail = f'<dataValidations count="{MAX_SHEET_TEXTS + 5}">{rules}</dataValidations>'
    seen = inspect(inspect_xlsx, with_sheet_tail(openpyxl_book(lambda s: None), tail), "r.xlsx")
    assert len([t for t in seen.texts if t.vector is Vector.FORM_FIELD]) == MAX_SHEET_TEXTS
    (cut,) = seen.unread
    assert cut.vector is Vector.FORM_FIELD and cut.where == "sheet 'Data'" and cut.limit
    assert cut.reason.startswith("5 ")


def test_a_broken_footer_makes_the_sheet_an_unread_part_through_scan() -> None:
    data = with_sheet_tail(openpyxl_book(lambda s: None), "<headerFooter><oddFooter>x</odd>")
    verdict = scan(data, "reply.xlsx")
    assert [part.where for part in verdict.unread] == ["sheet 'Data'"]
    assert "malformed XML" in verdict.unread[0].reason


@pytest.mark.parametrize(
    ("data", "vector", "where", "count"),
    [
        (openpyxl_book(footer), Vector.METADATA, "sheet 'Data' footer", 1),
        (openpyxl_book(dropdown), Vector.FORM_FIELD, "sheet 'Data' data validation on D2:D500 list",
         3),
        (with_sheet_tail(openpyxl_book(lambda s: None), X14_RULE), Vector.FORM_FIELD,
         "sheet 'Data' data validation on F2:F40 H2 list", 2),
    ],
    ids=["footer", "dropdown list", "x14 dropdown list"],
)  # fmt: skip
def test_scan_reports_the_name_with_the_vector_and_location(
    data: bytes, vector: Vector, where: str, count: int
) -> None:
    verdict = scan(data, "reply.xlsx")
    assert verdict.status is Status.SCANNED
    found = [f for f in verdict.findings if f.entity == "PERSON" and f.where == where]
    assert len(found) == 1, verdict.findings
    assert found[0].vector is vector and found[0].hidden
    assert found[0].count == count
    assert "*" in found[0].example
    dumped = repr(verdict_json(verdict))
    for name in (NAME, OTHER, THIRD):
        assert name not in dumped


@pytest.mark.parametrize(
    ("value", "areas"),
    [
        ("'Data'!$A$1:$D$20", [Area(0, 3, 1, 20)]),
        ("Data!$B$2", [Area(1, 1, 2, 2)]),
        ("Data!$D$20:$A$1", [Area(0, 3, 1, 20)]),
        ("'Data'!$A$1:$B$2,'Data'!$F$9:$G$12", [Area(0, 1, 1, 2), Area(5, 6, 9, 12)]),
        ("'Q1, 2024'!$A$1:$B$2", [Area(0, 1, 1, 2)]),
        ("'Hi!'!$A$1:$B$2", [Area(0, 1, 1, 2)]),
        ("Data!$A:$C", [Area(0, 2, 1, 1_048_576)]),
        ("Data!$1:$5", [Area(0, 16_383, 1, 5)]),
        ("Data!#REF!", []),
        ("Data!#REF!,Data!$A$1:$B$2", []),
        ("Data!$A$1:$B$2,Data!#REF!", []),
        ("OFFSET(Data!$A$1,0,0,10,2)", []),
        ("", []),
    ],
)
def test_print_areas_are_read_only_when_every_part_is_a_range(
    value: str, areas: list[Area]
) -> None:
    assert list(parse_area(value)) == areas


@pytest.mark.parametrize(
    ("area", "label"),
    [(Area(0, 3, 1, 20), "A1:D20"), (Area(1, 1, 2, 2), "B2"), (Area(0, 2, 1, 1_048_576), "A:C"),
     (Area(0, 16_383, 1, 5), "1:5")],
)  # fmt: skip
def test_print_area_labels(area: Area, label: str) -> None:
    assert area.label == label


@pytest.mark.parametrize(
    ("areas", "cells", "first", "last"),
    [
        ((Area(0, 1, 2, 3),), 5, 1, 9),
        ((Area(0, 1, 2, 3), Area(1, 3, 3, 9)), 3, 1, 9),
        ((Area(0, 0, 1, 9), Area(0, 3, 2, 2), Area(2, 3, 2, 2)), 3, 3, 9),
        ((Area(0, 3, 1, 9),), 0, 0, 0),
    ],
)
def test_cells_outside_overlapping_areas_are_counted_once(
    areas: tuple[Area, ...], cells: int, first: int, last: int
) -> None:
    rows = [
        Row(9, ["a", "", "b"]),
        Row(2, ["c", "d", "", "e"]),
        Row(3, ["f", "g", "h"]),
        Row(1, ["", "", "", ""]),
        Row(1, ["i"]),
    ]
    outside = Outside(areas)
    assert list(outside.rows(rows)) == rows
    assert (outside.cells, outside.first_row, outside.last_row) == (cells, first, last)


def printed_summary(print_area: str) -> object:
    """A summary table in A1:B3 with source rows further down and a note to the right."""

    def build(sheet: Worksheet) -> None:
        sheet.append(["Total", 2])
        sheet["B1"] = "Officer name"
        for row in range(20, 26):
            sheet.cell(row=row, column=1, value=f"CR/{row}/24")
            sheet.cell(row=row, column=2, value=[NAME, OTHER, THIRD][row % 3])
        sheet.cell(row=2, column=6, value="see below")
        sheet.print_area = print_area

    return build


def test_filled_cells_outside_the_print_area_are_counted() -> None:
    seen = inspect(inspect_xlsx, openpyxl_book(printed_summary("A1:B3")), "reply.xlsx")
    structure = seen.structure(Vector.CELL, "sheet 'Data'")
    assert structure is not None
    assert structure.detail == "13 filled cells outside the print area A1:B3, in rows 2 to 25"
    assert seen.has(Vector.CELL, "sheet 'Data'", NAME)


def test_a_print_area_around_every_filled_cell_says_nothing() -> None:
    seen = inspect(inspect_xlsx, openpyxl_book(printed_summary("A1:F25")), "reply.xlsx")
    assert seen.structure(Vector.CELL) is None


def test_several_print_ranges_are_all_inside() -> None:
    seen = inspect(inspect_xlsx, openpyxl_book(printed_summary("A1:B3,A20:B25")), "reply.xlsx")
    structure = seen.structure(Vector.CELL, "sheet 'Data'")
    assert structure is not None
    assert structure.detail == "1 filled cell outside the print area A1:B3 A20:B25, in row 2"


def test_scan_reports_the_cells_beyond_the_print_area_as_visible_cells() -> None:
    verdict = scan(openpyxl_book(printed_summary("A1:B3")), "reply.xlsx")
    assert verdict.status is Status.SCANNED
    places = [s for s in verdict.structures if "print area" in s.detail]
    assert [(s.vector, s.where) for s in places] == [(Vector.CELL, "sheet 'Data'")]
    people = [f for f in verdict.findings if f.entity == "PERSON"]
    assert people and all(f.vector is Vector.CELL and not f.hidden for f in people)
    assert verdict.severity is not Severity.NONE
    dumped = verdict_json(verdict)
    assert any("outside the print area A1:B3" in p["detail"] for p in dumped["hiding_places"])
    assert NAME not in repr(dumped)
