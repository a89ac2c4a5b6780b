"""The OFFENDER_IDENTIFIER recognizer's cases: PNC IDs and CRO numbers by their check letter,
prisoner numbers only after a label or under a header that names them."""

from __future__ import annotations

from _cases import RecognizerCases

from detectors.recognizers.offender_identifier import CHECK_LETTERS, checked


def pnc(year: str, serial: str) -> str:
    return f"{year}/{serial}{CHECK_LETTERS[int(year[-2:] + serial.zfill(7)) % 23]}"


def cro(serial: str, year: str) -> str:
    return f"{serial}/{year}{CHECK_LETTERS[int(year + serial.zfill(6)) % 23]}"


def wrong_letter(value: str) -> str:
    last = CHECK_LETTERS[(CHECK_LETTERS.index(value[-1]) + 1) % 23]
    return value[:-1] + last


PNC_ID = pnc("21", "123456")  # invented numbers, each with its right check letter
PNC_LONG = pnc("2019", "0004567")
CRO_NO = cro("123456", "89")


class TestOffenderIdentifier(RecognizerCases):
    ENTITY = "OFFENDER_IDENTIFIER"
    FINDS = (
        (f"His PNC ID is {PNC_ID} and he was bailed.", PNC_ID),
        (f"Record {PNC_LONG} was updated.", PNC_LONG),
        (f"CRO {CRO_NO} shows two previous convictions.", CRO_NO),
        ("Prisoner number A1234BC was released on licence.", "A1234BC"),
        ("NOMIS: B4321CD", "B4321CD"),
    )
    IGNORES = (
        f"A mistyped record {wrong_letter(PNC_ID)} is not a PNC ID.",
        f"The reference {wrong_letter(CRO_NO)} fails its check.",
        "Crime ref 12345/21 was filed.",
        "Order part A1234BC from the catalogue.",
        "In 2021/22 the force recorded 123 offences.",
        "Room AB1234 is on the second floor.",
    )
    CELLS = (
        (PNC_ID, False),
        (PNC_LONG, False),
        (CRO_NO, False),
        ("A1234BC", True),
        ("AB1234", True),
    )
    NOT_CELLS = (
        (wrong_letter(PNC_ID), True),
        ("A1234BC", False),
        ("AB1234", False),
        ("12345/21", True),
        ("2021/22", True),
    )


def test_check_letters_reject_every_other_letter() -> None:
    serial = "2345"
    right = pnc("05", serial)
    others = [f"05/{serial}{letter}" for letter in CHECK_LETTERS if letter != right[-1]]
    assert checked(right)
    assert not any(checked(value) for value in others)
