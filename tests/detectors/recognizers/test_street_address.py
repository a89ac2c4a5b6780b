from __future__ import annotations

from collections.abc import Callable

import pytest

from detectors.recognizers import match_value

Detect = Callable[[str, str], list[str]]

ENTITY = "STREET_ADDRESS"

VALID = [
    ("The victim lives at 14 Elm Grove, Leeds.", "14 Elm Grove"),
    ("Flat 3, 22 Mill Lane was searched.", "Flat 3, 22 Mill Lane"),
    ("Officers attended 7A Station Road at 2am.", "7A Station Road"),
    ("Premises: 12-14 High Street", "12-14 High Street"),
    ("Her address is 5 St Mary's Close.", "5 St Mary's Close"),
    ("Reported from 101 Oak Tree Avenue.", "101 Oak Tree Avenue"),
    ("A car was stolen outside 3 Victoria Gardens.", "3 Victoria Gardens"),
    ("Resident of Flat 2 Kingsley House.", "Flat 2 Kingsley House"),
    ("Damage at 9 Long Acre Crescent overnight.", "9 Long Acre Crescent"),
]
INVALID = [
    "There were 3 Crown Court cases in May.",
    "In 2021 Station Road was closed for repairs.",
    "Officers patrolled the high street.",
    "12 officers were deployed on Station Road.",
    "There were 12 Magistrates Court hearings.",
    "Appendix 2 Court Orders",
    "3 Police Officers were injured.",
    "Section 12 Road Traffic Act offences",
    "FOI 82525 asked about 40 Road Traffic Collisions.",
]


@pytest.mark.parametrize(("text", "value"), VALID)
def test_finds_addresses(detect: Detect, text: str, value: str) -> None:
    assert detect(text, ENTITY) == [value]


@pytest.mark.parametrize("text", INVALID)
def test_ignores_look_alikes(detect: Detect, text: str) -> None:
    assert detect(text, ENTITY) == []


@pytest.mark.parametrize(
    "value",
    [
        "14 Elm Grove",
        "Flat 3, 22 Mill Lane",
        "7A Station Road",
        "12-14 High Street",
        "5 St Mary's Close",
        "101 Oak Tree Avenue, Leeds",
        "Flat 2 Kingsley House",
        "9 Long Acre Crescent, Hull, HU1 1AA",
    ],
)
def test_cell_is_address(value: str) -> None:
    assert match_value(ENTITY, value)


@pytest.mark.parametrize(
    "value",
    [
        "Station Road",
        "3 Crown Court",
        "12",
        "High Street Leeds",
        "Leeds",
        "HU1 1AA",
        "12 officers",
        "FOI 82525",
    ],
)
def test_cell_is_not_address(value: str) -> None:
    assert not match_value(ENTITY, value)
