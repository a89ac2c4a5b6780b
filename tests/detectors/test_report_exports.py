"""Reports exported from a case system keep their printed layout: a title, many blank rows, a
wide header of which only half reads as headings, a heading such as "Accused" over a merged
cell with the surname, forename and initial spread across it, and each record's reference on
a row of its own. Such a file names every officer accused; it must not read as empty."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from detectors.scan import scan
from tests.detectors._tables import fake_names as _names

_HEADER = {
    0: "Complaint Register",
    4: "Accused",
    13: "Star",
    15: "Gender",
    18: "Race",
    20: "Birth Year",
    22: "Appointment Date",
    24: "Current Unit",
    26: "Current Rank",
    29: "Category Code and Description",
    35: "On Duty",
    37: "Arrested",
    39: "Rec Finding",
    43: "Rec Discipline",
    45: "Final Finding",
    47: "Final Discipline",
}


def _export(count: int, blank_rows: int = 8, accused: str = "Accused") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append([])
    sheet.append(
        ["", "Bureau of Internal Affairs", "", "", "", "", "", "", "", "Closed complaints"]
    )
    for _ in range(blank_rows):
        sheet.append([])
    sheet.append(["", "", "", "", "", "Blank records indicate the accused is not identified."])
    header = [""] * 48
    for column, text in _HEADER.items():
        header[column] = accused if text == "Accused" else text
    sheet.append(header)
    sheet.append([])
    ranks = ["POLICE OFFICER", "SERGEANT", "PO AS DETECTIVE"]
    for n, name in enumerate(_names(count, seed=41)):
        first, last = name.split()[0], name.split()[-1]
        sheet.append([str(1_060_000 + n)])
        row = [""] * 48
        row[4], row[7], row[11] = last.upper(), first.upper(), "J"
        row[13], row[15], row[17], row[20] = str(8000 + n), "M", "WHITE", str(1960 + n % 30)
        row[24], row[26], row[29] = f"{n % 20:03d}", ranks[n % 3], "05A USE OF FORCE"
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("blank_rows", [2, 8])
def test_a_complaints_export_names_every_officer_accused(blank_rows: int) -> None:
    verdict = scan(_export(120, blank_rows), "complaints.xlsx")
    assert verdict.severity in ("high", "critical")
    assert verdict.people == 120
    assert "case_records" in verdict.kinds
    names = [f for f in verdict.findings if f.entity == "PERSON" and "Accused" in f.where]
    assert names and names[0].count == 120


def test_the_same_export_with_no_one_named_stays_low() -> None:
    # The shape alone is not the alert: the names are.
    empty = io.BytesIO()
    book = Workbook()
    sheet = book.active
    sheet.append(["", "Bureau of Internal Affairs"])
    for _ in range(8):
        sheet.append([])
    sheet.append([_HEADER.get(i, "") for i in range(48)])
    for n in range(120):
        sheet.append([str(1_060_000 + n), "", "", "", "", "", "", "", "", "", "", "", "", "", ""])
    book.save(empty)
    verdict = scan(empty.getvalue(), "complaints.xlsx")
    assert verdict.people == 0
    assert verdict.severity in ("none", "low")
