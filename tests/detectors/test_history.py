"""People of history: a table whose dates are all a century old names the dead, and rates
low; the same table with one recent date, or with today's dates, still counts."""

from __future__ import annotations

from datetime import date

import pytest

from detectors.history import historical
from detectors.scan import scan
from tests.detectors._tables import csv_bytes, fake_names

_TITLES = ["Earldom", "Barony", "Viscountcy", "Marquessate"]


def _peerages(first_year: int, recent: int | None = None) -> bytes:
    rows = []
    for n, name in enumerate(fake_names(40, seed=91)):
        year = recent if recent is not None and n == 7 else first_year + n
        forename, surname = name.split()[0], name.split()[-1]
        rows.append(
            [
                f"{_TITLES[n % 4]} {surname}",
                "Kingdom of England",
                forename,
                surname,
                "Male",
                f"{year}-12-{n % 28 + 1:02d}",
                f"C 231/9, p. {149 + n}",
            ]
        )
    header = ["Title", "Peerage", "Forename", "Surname", "Gender", "Date", "Reference"]
    return csv_bytes(header, rows)


@pytest.mark.parametrize(
    ("first_year", "recent", "low"),
    [
        (1706, None, True),  # peerages created under Queen Anne
        (1706, 1968, False),  # one holder born in 1968 may be alive
        (1986, None, False),  # the same list today
    ],
    ids=["all a century old", "one recent date", "recent dates"],
)
def test_a_table_whose_dates_are_all_a_century_old_names_the_dead(
    first_year: int, recent: int | None, low: bool
) -> None:
    verdict = scan(_peerages(first_year, recent), "peerages.csv")
    assert (verdict.severity == "low") is low


@pytest.mark.parametrize(
    ("cells", "old"),
    [
        (["1706-12-30", "30/12/1706", "4 March 1802", "1 Aug. 1914", "1851-01-01"], True),
        (["1706-12-30", "30/12/1706", "4 March 1802", "1 Aug. 1914", "1927-01-01"], False),
        (["1706-12-30", "1802", "1914"], False),  # bare years and too few dates
    ],
)
def test_only_dates_of_a_century_ago_make_a_table_historical(cells: list[str], old: bool) -> None:
    sample = [["Jane Smith", cell] for cell in cells]
    assert historical(sample, today=date(2026, 12, 7)) is old
