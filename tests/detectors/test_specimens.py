"""Tables of made-up people, as a manual, a template or a software test prints them: the
alphabet's placeholder names one a row, the commonest surnames one after another, phone numbers
kept for drama, or a specification's column of examples. Guards:
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


_DRAMA = ["07700 900461", "0113 496 0127", "01632 960001", "020 7946 0715", "+44(0)161 496 0842",
          "0191 498 0456", "028 9018 0333", "(0117) 4960921", "07700 900118", "0141 496 0550",
          "029 2018 0647", "01632 960992"]  # fmt: skip
_REAL_LOOKING = [f"07812 34{5600 + 7 * n}" for n in range(12)]


def _clients(phones: list[str]) -> bytes:
    names = _names(len(phones), seed=95)
    rows = [[names[n], f"{n + 4} Mill Lane", "Ashford", f"TN2{n % 9} {n % 9}AB", phone]
            for n, phone in enumerate(phones)]  # fmt: skip
    return _csv(["Name", "Address", "Town", "Postcode", "Phone"], rows)


@pytest.mark.parametrize(
    ("phones", "made_up"),
    [
        (_DRAMA, True),
        ([*_DRAMA[:10], *_REAL_LOOKING[10:]], True),
        ([*_DRAMA[:8], *_REAL_LOOKING[8:]], False),
        (_REAL_LOOKING, False),
        ([*_DRAMA[:4], *_REAL_LOOKING[4:]], False),
    ],
    ids=["all kept for drama", "two made by the generator", "four real-looking",
         "none kept", "four kept"],
)  # fmt: skip
def test_clients_with_numbers_kept_for_drama_are_made_up(phones: list[str], made_up: bool) -> None:
    """Ofcom keeps ranges of numbers for drama, which no one is ever given; a generator of
    test data takes its phone numbers from them. A list whose clients nearly all have one is
    made up; four real-looking numbers among twelve, or four kept, prove nothing."""
    verdict = scan(_clients(phones), "clients.csv")
    assert (verdict.severity in ("none", "low")) is made_up, verdict.severity
