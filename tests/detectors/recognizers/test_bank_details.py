from __future__ import annotations

from collections.abc import Callable

import pytest

from detectors.recognizers import match_value

Detect = Callable[[str, str], list[str]]

ENTITY = "BANK_DETAILS"

VALID = [
    ("Sort code 12-34-56, account 12345678", "12-34-56, account 12345678"),
    ("account number 12345678 sort code 20-00-00", "12345678 sort code 20-00-00"),
    ("Pay into 12-34-56 87654321 please.", "12-34-56 87654321"),
    ("sort code: 40 47 84 acc no: 01234567", "40 47 84 acc no: 01234567"),
    ("Account No. 12345678 was frozen.", "12345678"),
    ("A/C no 12345678", "12345678"),
    ("Bank details 11-22-33 / 44556677", "11-22-33 / 44556677"),
    ("Refund sent to 30-90-89, 12345678.", "30-90-89, 12345678"),
]
INVALID = [
    "The sort code is 12-34-56.",
    "Reference 12345678 was issued.",
    "Our reference: FOI 82525",
    "Between 01-02-23 and 12-03-23 there were 1234 incidents.",
    "Call 01632 960123 for help.",
    "Code 12-34-567 and 12345678",
    "Account 1234567890 is closed.",
    "In 2023 there were 12345678 calls.",
]


@pytest.mark.parametrize(("text", "value"), VALID)
def test_finds_bank_details(detect: Detect, text: str, value: str) -> None:
    assert detect(text, ENTITY) == [value]


@pytest.mark.parametrize("text", INVALID)
def test_ignores_look_alikes(detect: Detect, text: str) -> None:
    assert detect(text, ENTITY) == []


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("12-34-56 12345678", False),
        ("12345678, 12-34-56", False),
        ("12-34-56", False),
        ("40 47 84", False),
        ("12345678", True),
        ("12-34-56/12345678", False),
        (" 20-00-00 ", False),
        ("01234567", True),
    ],
)
def test_cell_is_bank_details(value: str, hint: bool) -> None:
    assert match_value(ENTITY, value, header_hint=hint)


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("12345678", False),
        ("123456789", True),
        ("12-34-567", False),
        ("12/34/56", False),
        ("FOI 82525", True),
        ("1234", True),
        ("12-34", False),
        ("Barclays", True),
    ],
)
def test_cell_is_not_bank_details(value: str, hint: bool) -> None:
    assert not match_value(ENTITY, value, header_hint=hint)
