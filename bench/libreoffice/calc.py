"""Calc workbooks built through UNO: hidden sheets, pivot tables, concealed cells, comments,
shapes over cells."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.sheet.DataPilotFieldOrientation import (  # type: ignore[import-not-found]
    COLUMN,
    DATA,
    ROW,
)
from com.sun.star.sheet.GeneralFunction import COUNT, SUM  # type: ignore[import-not-found]
from people import RANK_ORDER, Crime, Officer, Person

Rows = Sequence[Sequence[str | int | float]]
BLACK, WHITE = 0x000000, 0xFFFFFF


def workbook(office: Any, first_sheet: str, framed: bool = False) -> Any:
    doc = office.new("scalc", framed)
    doc.Sheets.getByIndex(0).Name = first_sheet
    return doc


def add_sheet(doc: Any, name: str) -> Any:
    doc.Sheets.insertNewByName(name, doc.Sheets.Count)
    return doc.Sheets.getByName(name)


def put(sheet: Any, rows: Rows, row: int = 0, col: int = 0) -> Any:
    """Write a block of rows at (row, col) (0-based); returns the cell range written."""
    width = max(len(r) for r in rows)
    block = tuple(tuple(r) + ("",) * (width - len(r)) for r in rows)
    target = sheet.getCellRangeByPosition(col, row, col + width - 1, row + len(block) - 1)
    target.setDataArray(block)
    for i in range(col, col + width):
        sheet.Columns.getByIndex(i).OptimalWidth = True
    return target


def address(sheet_index: int, col: int, row: int) -> Any:
    cell = uno.createUnoStruct("com.sun.star.table.CellAddress")
    cell.Sheet, cell.Column, cell.Row = sheet_index, col, row
    return cell


def pivot(
    doc: Any,
    target: Any,
    source: Any,
    rows: int,
    data: int,
    cols: int = -1,
    count: bool = True,
    name: str = "DataPilot1",
) -> None:
    """A DataPilot on `target` (row 2) summarising `source` (a cell range)."""
    tables = target.getDataPilotTables()
    descriptor = tables.createDataPilotDescriptor()
    descriptor.setSourceRange(source.getRangeAddress())
    fields = descriptor.getDataPilotFields()
    fields.getByIndex(rows).Orientation = ROW
    if cols >= 0:
        fields.getByIndex(cols).Orientation = COLUMN
    value = fields.getByIndex(data)
    value.Orientation = DATA
    value.Function = COUNT if count else SUM
    tables.insertNewByName(name, address(target.RangeAddress.Sheet, 0, 2), descriptor)


def conceal(doc: Any, cells: Any, how: str) -> None:
    """Hide cell contents in plain sight: the ';;;' number format or a white font."""
    if how == "white":
        cells.CharColor = WHITE
        return
    formats = doc.NumberFormats
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    key = formats.queryKey(";;;", locale, False)
    if key == -1:
        key = formats.addNew(";;;", locale)
    cells.NumberFormat = key


def comment(sheet: Any, sheet_index: int, col: int, row: int, text: str) -> None:
    sheet.getAnnotations().insertNew(address(sheet_index, col, row), text)


def box_over(doc: Any, sheet: Any, cells: Any, filled: bool) -> None:
    """A rectangle over a range: filled black (a failed redaction) or only its frame."""
    shape = doc.createInstance("com.sun.star.drawing.RectangleShape")
    sheet.DrawPage.add(shape)
    shape.Position = cells.Position
    shape.Size = cells.Size
    shape.LineColor = BLACK
    if filled:
        shape.FillColor = BLACK
    else:
        shape.FillStyle = uno.Enum("com.sun.star.drawing.FillStyle", "NONE")


# --- contents ---------------------------------------------------------------------------


def headcount_rows(officers: Sequence[Officer]) -> list[list[str | int]]:
    counts = Counter(o.rank for o in officers)
    rows: list[list[str | int]] = [["Rank", "Headcount (FTE)"]]
    rows += [[rank, counts[rank]] for rank in sorted(counts, key=RANK_ORDER.__getitem__)]
    rows.append(["Total", sum(counts.values())])
    return rows


FOOTNOTE_HEADER = ("Surname¹", "Forename", "Rank²", "Collar no.*", "Department³")
PLAIN_HEADER = ("Surname", "Forename", "Rank", "Collar number", "Department")


def roster_rows(officers: Sequence[Officer], footnotes: bool) -> list[list[str]]:
    header = FOOTNOTE_HEADER if footnotes else PLAIN_HEADER
    rows = [list(header)]
    rows += [[o.surname, o.forename, o.rank, o.collar, o.department] for o in officers]
    if footnotes:
        rows += [
            [],
            ["¹ Surname as held on the HR system"],
            ["² Substantive rank; acting ranks are not shown"],
            ["* Police staff and specials have a shoulder number only where issued"],
            ["³ Department at the date of extraction"],
        ]
    return rows


def crime_rows(crimes: Sequence[Crime]) -> list[list[str | int]]:
    rows: list[list[str | int]] = [
        [
            "Crime ref",
            "Date reported",
            "Offence",
            "Ward",
            "Victim surname",
            "Victim forename",
            "Victim DOB",
            "Witness",
            "Outcome",
            "Count",
        ]
    ]
    for c in crimes:
        rows.append(
            [
                c.reference,
                c.reported,
                c.offence,
                c.ward,
                c.victim.surname,
                c.victim.forename,
                c.victim.dob,
                c.witness.name if c.witness else "",
                c.outcome,
                1,
            ]
        )
    return rows


def anonymous_crime_rows(crimes: Sequence[Crime]) -> list[list[str | int]]:
    rows: list[list[str | int]] = [["Crime ref", "Month", "Offence", "Ward", "Outcome", "Count"]]
    for c in crimes:
        rows.append([c.reference, c.reported[3:], c.offence, c.ward, c.outcome, 1])
    return rows


def contact_note(person: Person) -> str:
    return (
        f"Caller {person.forename} {person.surname} of {person.address}, mobile {person.mobile}, "
        "rang about the figures for their street and asked for a call back. Do not publish."
    )
