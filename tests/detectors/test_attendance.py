"""A meeting's attendance record names its members in their capacity at the meeting (school
governors' attendance is published by law); the same names with anything more, a long list, a
hidden one or officers with their ranks are still a list of people."""

from __future__ import annotations

import pytest

from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Severity, Table, Vector
from tests.detectors._tables import fake_names

NAMES = fake_names(60, seed=17)
MARKS = ["P", "P", "A", "Apologies", "P", "Y", "N", "P", "P", "A", "P", "P"]


def _rated(header: tuple[str, ...], rows: list[tuple[str, ...]], vector: Vector) -> Severity:
    detector = Detector()
    detector.feed(Table("page 1, table 1", vector, header, iter(rows)))
    return assess(detector.finish(), ()).severity


def _rows(count: int, extra: str = "", ranked: bool = False) -> list[tuple[str, ...]]:
    rows = []
    for i, name in enumerate(NAMES[:count]):
        shown = f"PC {name}" if ranked else name
        rows.append((shown, MARKS[i % len(MARKS)], *((extra,) if extra else ())))
    return rows


@pytest.mark.parametrize(
    ("header", "rows", "vector", "public"),
    [
        ((), _rows(12), Vector.CELL, True),
        (("Governor", "Attendance"), _rows(12), Vector.CELL, True),
        (("Name", "Present"), _rows(12), Vector.CELL, True),
        (("Name", "Attended"), _rows(60), Vector.CELL, False),
        ((), _rows(12), Vector.HIDDEN_SHEET, False),
        (("Name", "Attended"), _rows(12, ranked=True), Vector.CELL, False),
        (("Name", "Present", "Home phone"), _rows(12, "01632 960123"), Vector.CELL, False),
        (("Name", "Vetted"), _rows(12), Vector.CELL, False),
    ],
    ids=[
        "governors with no header",
        "governors' attendance",
        "members present",
        "a long list",
        "a hidden sheet",
        "officers with their ranks",
        "with phones",
        "another yes or no",
    ],
)
def test_a_meeting_s_attendance_record_names_its_members_in_their_capacity(
    header: tuple[str, ...], rows: list[tuple[str, ...]], vector: Vector, public: bool
) -> None:
    first = rows if header else rows[1:]
    shown = header or rows[0]
    severity = _rated(shown, first, vector)
    assert (severity is Severity.LOW) is public, severity


@pytest.mark.parametrize(
    ("marks", "public"),
    [(["✓", "-", "✓", "✓"], True), (["-", "-", "-", "-"], False)],
    ids=["ticks and dashes", "dashes alone"],
)
def test_a_column_of_dashes_alone_records_no_attendance(marks: list[str], public: bool) -> None:
    rows = [(name, marks[i % len(marks)]) for i, name in enumerate(NAMES[:12])]
    severity = _rated(("Name", ""), rows, Vector.CELL)
    assert (severity is Severity.LOW) is public, severity
