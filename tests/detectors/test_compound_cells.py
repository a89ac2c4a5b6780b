"""Cells joining a name and a date or phone number are split and counted as both."""

from __future__ import annotations

import io

import openpyxl
import pytest
from openpyxl.styles import Font

from detectors.compound import compound_columns, split_row
from detectors.detect import Detector
from detectors.model import Severity, Table, Vector
from detectors.names import looks_like_name
from detectors.scan import scan
from tests.holdout.people import Cast


def _people(size: int) -> list[tuple[str, str, str]]:
    cast = Cast(53)
    people = [p for p in cast.people(size * 3) if looks_like_name(f"{p.forename} {p.surname}")]
    return [(f"{p.forename} {p.surname}", cast.dob(), cast.mobile()) for p in people[:size]]


def _workbook(people: list[tuple[str, str, str]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Visits"
    sheet.append(("Visit ref", "Area", "Outcome", ""))
    for i, (name, dob, _) in enumerate(people):
        sheet.append((f"V{1000 + i}", "Norwich", "No further action", f"{name}, {dob}"))
        cell = sheet.cell(row=i + 2, column=4)
        cell.number_format = ";;;"
        cell.font = Font(color="FFFFFF")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_concealed_column_of_names_and_birth_dates_counts_everyone() -> None:
    people = _people(30)
    verdict = scan(_workbook(people), "visits.xlsx")
    assert verdict.people == 30
    assert verdict.severity.rank >= Severity.HIGH.rank  # dates of birth beside names
    entities = {f.entity for f in verdict.findings if f.vector is Vector.CONCEALED_FORMAT}
    assert entities >= {"PERSON", "DATE_OF_BIRTH"}
    # Located by the column the values are in, not by the parts they were split into.
    assert all(f.where.endswith("column D 4") for f in verdict.findings)


def test_names_with_mobiles_in_brackets_are_a_contact_list() -> None:
    rows = [(f"{name} ({mobile})", "Parking") for name, _, mobile in _people(12)]
    detector = Detector()
    detector.feed(Table("sheet 'Callers'", Vector.CELL, ("Caller", "Topic"), iter(rows)))
    evidence = detector.finish()
    assert evidence.people == 12
    assert {f.entity for f in evidence.findings} == {"PERSON", "PHONE_NUMBER"}
    assert "contact_list" in evidence.kinds


@pytest.mark.parametrize(
    ("values", "extra"),
    [
        (
            ["Jane Smith, 01/02/1980", "Paul Brown 03/04/1975", "SMITH, John DOB 05/06/1990"],
            "Date of birth",
        ),
        (
            ["Jane Smith (07700 900123)", "Paul Brown (07812 345678)", "Ann Lee (07911 123456)"],
            "Phone",
        ),
        (["Theft, 01/02/2024", "Burglary, 03/04/2024", "Criminal damage, 05/06/2024"], None),
        (["Jane Smith, 01/02/2024", "Paul Brown 03/04/2024", "Ann Lee 05/06/2024"], "Date"),
        (["Jane Smith", "Paul Brown", "Ann Lee"], None),
        (
            [
                "Smith, Jane - Police Department",
                "Brown, Paul R. - Police Department",
                "Lee, Ann - Metropolitan Police Service",
            ],
            "Department",
        ),
        # A place, a date or a plain word after the dash is no body a person acts for.
        (["Smith, Jane - Norwich", "Brown, Paul - 2019", "Lee, Ann - pending"], None),
        (["Finance - Police Department", "Estates - Police Department", "HR - Council"], None),
    ],
)
def test_compound_columns_are_told_apart(values: list[str], extra: str | None) -> None:
    splits = compound_columns([(v,) for v in values], [False])
    assert [s.extra for s in splits] == ([extra] if extra else [])
    if splits:
        row = split_row((values[0],), splits, 1)
        assert row[0] == "" and row[1] and row[2]


def test_defendant_officers_named_with_their_force_are_counted() -> None:
    """A city's list of lawsuits names each defendant officer with the force they serve
    ("Smith, Jane - Police Department"): the people are counted and the list rates critical."""
    cast = Cast(71)
    people = cast.people(150)
    rows = [
        (f"Claim {i:05d}", f"{p.surname}, {p.forename} - Police Department", "Settled", "25000")
        for i, p in enumerate(people)
    ]
    header = ("Matter", "Individual Defendants", "Disposition", "Payout")
    detector = Detector()
    detector.feed(Table("sheet 'Claims'", Vector.CELL, header, iter(rows)))
    evidence = detector.finish()
    assert evidence.people >= 140  # names of every origin, not only those the gazetteer knows
    assert any(e.kinds and e.people >= 140 for e in evidence.exposures)
