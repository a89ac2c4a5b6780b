"""Tables as people publish them: sorted any way, under titles, with odd or no header rows."""

from __future__ import annotations

import csv
import io
import random

import pytest

from detectors import tables
from detectors.header_rows import header_below_title
from detectors.model import Severity
from detectors.scan import scan
from tests.detectors._tables import fake_names
from tests.holdout.people import Cast

ROSTER_HEADER = (
    "Surname",
    "First name",
    "Initial",
    "Race",
    "Gender",
    "Appointment date",
    "Rank",
    "District",
)
_RANKS = {"Chief Superintendent": 0, "Superintendent": 1, "Chief Inspector": 2, "Inspector": 3}
_RANKS |= {"Sergeant": 4, "Constable": 5}
_DISTRICTS = ("Belfast City", "Derry City and Strabane", "Armagh", "Newry", "Lisburn", "Antrim")


def _roster(size: int = 1500, seed: int = 11) -> list[tuple[str, ...]]:
    """A nominal roll: surnames drawn with a realistic skew (many Smiths, a few Pugh-Nobles)."""
    cast = Cast(seed)
    rng = random.Random(seed)
    pool = cast.people(700)
    weights = [1 / (i + 1) ** 0.7 for i in range(len(pool))]
    ranks = [rank for rank, order in _RANKS.items() for _ in range(1 + order * order)]
    rows = []
    for _ in range(size):
        surname = rng.choices(pool, weights)[0].surname
        forename = rng.choice(pool).forename
        rows.append(
            (
                surname,
                forename,
                forename[0],
                rng.choice(("White", "Black", "Asian", "Mixed", "Other")),
                rng.choice(("Male", "Female", "M", "F")[seed % 2 * 2 :][:2]),
                f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1985, 2023)}",
                rng.choice(ranks),
                rng.choice(_DISTRICTS),
            )
        )
    return rows


def _orders(rows: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    by_name = sorted(rows, key=lambda r: (r[0].casefold(), r[1].casefold()))
    return {
        "A to Z": by_name,
        "Z to A": by_name[::-1],
        "by rank": sorted(rows, key=lambda r: (_RANKS[r[6]], r[0])),
        "shuffled": random.Random(5).sample(rows, len(rows)),
    }


def _csv(rows: list[tuple[str, ...]], *above: tuple[str, ...]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows([*above, *rows])
    return out.getvalue().encode()


@pytest.mark.parametrize("seed", [11, 12])
@pytest.mark.parametrize("header", [True, False], ids=["with header", "no header row"])
def test_a_roster_gets_one_verdict_whatever_its_order(header: bool, seed: int) -> None:
    rows = _roster(seed=seed)
    verdicts = {}
    for order, ordered in _orders(rows).items():
        data = _csv(ordered, ROSTER_HEADER) if header else _csv(ordered)
        verdict = scan(data, "roll.csv")
        verdicts[order] = (verdict.severity, verdict.kinds, verdict.people)
    severities = {severity for severity, _, _ in verdicts.values()}
    assert len(severities) == 1, verdicts
    assert severities.pop().rank >= Severity.HIGH.rank  # a visible staff list of 100 or more
    assert {kinds for _, kinds, _ in verdicts.values()} == {("staff_list",)}, verdicts
    counts = [people for _, _, people in verdicts.values()]
    assert min(counts) >= 0.9 * len(rows), verdicts
    assert max(counts) - min(counts) <= 0.01 * max(counts), verdicts


def _birth_list(size: int = 120) -> list[tuple[str, ...]]:
    cast = Cast(23)
    return [
        (str(i + 1), p.surname, p.forename, cast.dob(), "Released")
        for i, p in enumerate(cast.people(size))
    ]


@pytest.mark.parametrize(
    ("above", "header"),
    [
        (
            (("Persons of interest - March 2024",),),
            ("#", "Surname", "Forename", "Date of Birth **"),
        ),
        (
            (("Operation Larch",), ("Nominal list as at 31/03/2024", "", "Restricted"), ()),
            ("No.", "Surname¹", "Forename¹", "DOB"),
        ),
        ((), ("#", "Surname", "Forename", "Date of Birth **")),
    ],
    ids=["one title line", "several title lines", "marks in the header"],
)
def test_a_table_under_titles_with_marked_headers_is_read(
    above: tuple[tuple[str, ...], ...], header: tuple[str, ...]
) -> None:
    rows = _birth_list()
    verdict = scan(_csv(rows, *above, (*header, "Status")), "list.csv")
    assert verdict.people == len(rows)
    assert verdict.severity is Severity.HIGH  # dates of birth with named people
    assert {f.entity for f in verdict.findings} >= {"PERSON", "DATE_OF_BIRTH"}


def test_a_group_heading_over_name_columns_is_merged() -> None:
    header, rows = header_below_title(
        ("Incidents 2023",),
        [
            ("Crime ref", "Victim", "", "Suspect", ""),
            ("", "Surname", "Forename", "Surname", "Forename"),
            ("22/1234/23", "Smith", "Jane", "Brown", "Paul"),
        ],
    )
    assert header == (
        "Crime ref",
        "Victim Surname",
        "Victim Forename",
        "Suspect Surname",
        "Suspect Forename",
    )
    assert rows == [("22/1234/23", "Smith", "Jane", "Brown", "Paul")]


def test_a_header_row_is_kept_when_it_is_one() -> None:
    header, rows = header_below_title(
        ("Surname", "Forename", "Rank"), [("Smith", "Jane", "PC"), ("Brown", "Paul", "PS")]
    )
    assert header == ("Surname", "Forename", "Rank")
    assert len(rows) == 2


def test_surnames_beside_forenames_are_read_with_no_header() -> None:
    # Surnames the gazetteer does not know (Ulster and Munster names) in two rows of five:
    # too few known for a bare column, enough beside a column of forenames.
    cast = Cast(3)
    rare = ("Aiken", "Aughey", "Ardis", "Quinlivan")
    rows = [
        (rare[i % 4] if i % 5 < 2 else p.surname, p.forename, "PC")
        for i, p in enumerate(cast.people(60))
    ]
    verdict = scan(_csv(random.Random(1).sample(rows, len(rows))), "roll.csv")
    assert verdict.people >= 0.95 * len(rows)
    assert verdict.kinds == ("staff_list",)


@pytest.mark.parametrize(("rows", "cells"), [(10, 1_000_000), (50_000, 30)])
def test_rows_past_those_held_for_judging_are_all_counted(
    monkeypatch: pytest.MonkeyPatch, rows: int, cells: int
) -> None:
    monkeypatch.setattr(tables, "HELD_ROWS", rows)
    monkeypatch.setattr(tables, "HELD_CELLS", cells)
    roll = _roster(size=200, seed=4)
    verdict = scan(_csv(roll, ROSTER_HEADER), "roll.csv")
    assert verdict.people == len({(r[0], r[1]) for r in roll})


def test_a_headerless_list_of_names_and_numbers_counts_its_people() -> None:
    """Row one is a person, whose other cells are figures: still a list of people, not
    counts by ward ("Ferndale | 1,204") for want of a name heading."""
    rows = [
        (str(9600 + n), name, str(180 + n % 12), str(80 + 7 * n), "1821")
        for n, name in enumerate(fake_names(60, seed=31))
    ]
    verdict = scan(_csv(rows), "list.csv")
    assert verdict.people >= 55
    assert verdict.severity.rank >= Severity.MEDIUM.rank
