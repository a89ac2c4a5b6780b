from __future__ import annotations

import pytest

from detectors.engine import ENTITIES
from detectors.recognizers import VALUE_ENTITIES, match_value

VALID = {
    "EMAIL_ADDRESS": ["jo.bloggs@example.org", "j_doe+foi@police.example.uk", "A.B@x.co"],
    "PHONE_NUMBER": [
        "07911 123456",
        "0113 496 0000",
        "020 7946 0123",
        "+44 7911 123456",
        "(0161) 496 0123",
        "01632960123",
        "+44 (0)113 496 0000",
        "0300 123 1212",
    ],
    "UK_POSTCODE": ["LS1 4AB", "M1 1AE", "SW1A 1AA", "ls14ab", "EC1A 1BB", "B33 8TH"],
    "UK_NINO": ["AB123456C", "AB 12 34 56 C", "ce123456d", "JG103759A"],
    "UK_NHS": ["485 777 3457", "4857773457", "485-777-3457", "401 023 2137"],
    "UK_VEHICLE_REGISTRATION": ["AB51 ABC", "ab51abc", "A123 BCD", "ABC 123D", "YK07 XPT"],
    "UK_PASSPORT": ["AB1234567", "xy7654321"],
    "UK_DRIVING_LICENCE": ["MORGA753116SM9IJ", "JONES710238HA3DX", "LEE99752095J99AB"],
    "IP_ADDRESS": ["192.168.10.20", "8.8.8.8", "2001:db8::1", "fe80::1%eth0"],
}
INVALID = {
    "EMAIL_ADDRESS": ["jo.bloggs@", "@example.org", "jo bloggs@example.org", "FOI 82525"],
    "PHONE_NUMBER": [
        "1,234,567",
        "82525",
        "2023",
        "12345678",
        "07911 1234",
        "+1 212 555 0100",
        "01/02/2023",
        "0113 496 00000",
    ],
    "UK_POSTCODE": ["LS1", "LS1 4ABC", "Q1 1AA", "FOI 82525", "12345", "Leeds"],
    "UK_NINO": ["BG123456C", "AB123456E", "DA123456A", "AB12345C"],
    "UK_NHS": [
        "943 476 5918",
        "1234567890",
        "94347659",
        "485 777 34570",
        # pass the check, but were never issued: test ranges and placeholders
        "999 000 0018",
        "973 015 3752",
        "9000000009",
        "943 476 5919",
        "1111111111",
        "0000000000",
    ],
    "UK_VEHICLE_REGISTRATION": ["AB00 ABC", "FOI 82525", "2023", "Leeds"],
    "UK_PASSPORT": ["AB123456", "ABC1234567", "12345678", "FOI 82525"],
    "UK_DRIVING_LICENCE": ["99999753116SM9IJ", "MORGA713116SM9IJ", "MORGA753116SM9I", "2023"],
    "IP_ADDRESS": ["256.1.1.1", "1.2.3", "1.2.3.4.5", "12:30", "2023-01-01"],
}


def test_value_entities_are_contract_entities() -> None:
    assert set(VALUE_ENTITIES) == set(ENTITIES) - {"PERSON"}


def test_unknown_entity_is_an_error() -> None:
    with pytest.raises(KeyError):
        match_value("PERSON", "Jane Doe")


@pytest.mark.parametrize(
    ("entity", "value"), [(e, v) for e, values in VALID.items() for v in values]
)
def test_whole_value_matches(entity: str, value: str) -> None:
    assert match_value(entity, value)


@pytest.mark.parametrize(
    ("entity", "value"), [(e, v) for e, values in INVALID.items() for v in values]
)
def test_whole_value_does_not_match(entity: str, value: str) -> None:
    assert not match_value(entity, value, header_hint=True)


@pytest.mark.parametrize(
    ("entity", "value"),
    [
        ("POLICE_IDENTIFIER", "4521"),
        ("SALARY", "34500"),
        ("BANK_DETAILS", "12345678"),
        ("UK_PASSPORT", "123456789"),
        ("CRIME_REFERENCE", "12345/21"),
    ],
)
def test_bare_forms_need_the_header(entity: str, value: str) -> None:
    assert match_value(entity, value, header_hint=True)
    assert not match_value(entity, value)


@pytest.mark.parametrize("entity", VALUE_ENTITIES)
def test_a_value_inside_other_text_is_not_whole(entity: str) -> None:
    sample = (VALID.get(entity) or ["AB51 ABC"])[0]
    assert not match_value(entity, f"see {sample} here")
