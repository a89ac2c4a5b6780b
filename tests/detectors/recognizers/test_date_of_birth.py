from __future__ import annotations

from collections.abc import Callable

import pytest

from detectors.recognizers import match_value

Detect = Callable[[str, str], list[str]]

ENTITY = "DATE_OF_BIRTH"

VALID = [
    ("Suspect DOB: 12/03/1985, of no fixed abode.", "12/03/1985"),
    ("D.O.B. 01-02-1990", "01-02-1990"),
    ("Her date of birth is 3 March 1978.", "3 March 1978"),
    ("He was born on 14th July 2001 in Leeds.", "14th July 2001"),
    ("Date of Birth: 1985-03-12", "1985-03-12"),
    ("born 12.03.1985", "12.03.1985"),
    ("Jane Doe 12/03/1985 (DOB) was interviewed.", "12/03/1985"),
    ("DOB 5/6/85", "5/6/85"),
    ("birth date: March 3, 1978", "March 3, 1978"),
]
INVALID = [
    "On 12/03/1985 the station opened.",
    "DOB: 31/02/1985",
    "DOB: 12/03/1885",
    "DOB: 12/03/2099",
    "Date of offence 12/03/2020",
    "She was born in 1985.",
    "The report dated 01/04/2023 is attached.",
    "FOI 82525 was received on 12 March 2024.",
    "DOB: 13/13/1990",
]


@pytest.mark.parametrize(("text", "value"), VALID)
def test_finds_dates_of_birth(detect: Detect, text: str, value: str) -> None:
    assert detect(text, ENTITY) == [value]


@pytest.mark.parametrize("text", INVALID)
def test_ignores_other_dates(detect: Detect, text: str) -> None:
    assert detect(text, ENTITY) == []


@pytest.mark.parametrize(
    "value",
    [
        "12/03/1985",
        "01-02-1990",
        "3 March 1978",
        "1985-03-12",
        "12.03.1985",
        "5/6/85",
        "14th July 2001",
        "March 3, 1978",
    ],
)
def test_cell_is_date_of_birth(value: str) -> None:
    assert match_value(ENTITY, value)


@pytest.mark.parametrize(
    "value",
    [
        "31/02/1985",
        "12/03/1885",
        "12/03/2099",
        "13/13/1990",
        "1985",
        "Unknown",
        "12/03",
        "FOI 82525",
    ],
)
def test_cell_is_not_date_of_birth(value: str) -> None:
    assert not match_value(ENTITY, value)
