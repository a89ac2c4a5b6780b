"""Tables of made-up people, as a manual, a template or a software test prints them: the
alphabet's placeholder names one a row, or the commonest surnames one after another. Guards:
the same shapes with one real-looking name among them, too few rows to tell, a roster sorted
by forename, and a specimen row over a real list still count."""

from __future__ import annotations

import pytest

from detectors.scan import scan
from tests.detectors._tables import csv_bytes as _csv
from tests.detectors._tables import fake_names as _names

_ALPHABET = ["Alice Johnson", "Bob Smith", "Carol White", "David Brown", "Eve Davis",
             "Frank Miller", "Grace Lee", "Henry Wilson"]  # fmt: skip
_COMMONEST = [("John", "Smith"), ("Sarah", "Johnson"), ("Michael", "Davis"),
              ("Jennifer", "Martinez"), ("Robert", "Williams"), ("Lisa", "Brown")]  # fmt: skip


def _staff(names: list[str]) -> bytes:
    rows = [[n, "Engineering", f"{90000 + 1000 * i}", f"2020-0{i % 9 + 1}-15"]
            for i, n in enumerate(names)]  # fmt: skip
    return _csv(["Name", "Department", "Salary", "Start Date"], rows)


def _roster(pairs: list[tuple[str, str]]) -> bytes:
    rows = [[f"{1001 + i}", first, last, "Fort Worth Police Department", "Officer", "active"]
            for i, (first, last) in enumerate(pairs)]  # fmt: skip
    header = ["badge_number", "first_name", "last_name", "department_name", "rank", "status"]
    return _csv(header, rows)


@pytest.mark.parametrize(
    ("data", "made_up"),
    [
        (_staff(_ALPHABET), True),
        (_roster(_COMMONEST), True),
        (_staff([*_ALPHABET[:3], "Dorothy Okonkwo-Hale", *_ALPHABET[4:]]), True),
        (_staff([*_ALPHABET[:3], "Hamid Qureshi", *_ALPHABET[4:]]), False),
        (_roster([*_COMMONEST[:5], ("Priya", "Ramachandran")]), False),
        (_roster(_COMMONEST[:4]), False),
        (_staff(_ALPHABET[:4]), False),
        (_staff(sorted(_names(8, seed=111))), False),
        (_staff(["Alice Johnson", *_names(30, seed=112)]), False),
    ],
    ids=[
        "placeholder names through the alphabet",
        "the commonest surnames one after another",
        "the alphabet with a rarer surname",
        "one name out of the alphabet's order",
        "one surname not among the commonest",
        "four rows only",
        "four of the alphabet only",
        "a real-looking list sorted by forename",
        "a specimen row over a real list",
    ],
)
def test_a_table_of_made_up_people_names_no_one(data: bytes, made_up: bool) -> None:
    verdict = scan(data, "people.csv")
    people = [f for f in verdict.findings if f.entity == "PERSON"]
    assert (not people and verdict.severity in ("none", "low")) is made_up, verdict.severity


@pytest.mark.parametrize(
    ("header", "made_up"),
    [("Example", True), ("Examples", True), ("e.g.", True), ("Sample value", True),
     ("Value", False), ("Next of kin details", False)],
)  # fmt: skip
def test_a_specification_s_column_of_examples_names_no_one(header: str, made_up: bool) -> None:
    """A message specification gives each field an example value: the column headed
    "Example" holds specimens of the fields, however real they look. Under any other
    header the same values are people's."""
    rows = []
    for n, name in enumerate(_names(6, seed=77)):
        first, last = name.lower().split()[0], name.lower().split()[-1]
        example = (f"{name}, 12 Acacia Avenue, Ashford TN23 1AB, 07700 900{461 + n}, "
                   f"{first}.{last}@example-mail.co.uk")  # fmt: skip
        rows.append([f"NK1.{n + 2}", "Next of kin", example])
    verdict = scan(_csv(["Field", "Description", header], rows), "spec.csv")
    assert (verdict.severity in ("none", "low")) is made_up, verdict.severity
