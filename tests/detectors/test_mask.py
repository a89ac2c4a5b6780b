from __future__ import annotations

import pytest

from detectors.mask import mask


@pytest.mark.parametrize(
    ("value", "entity", "masked"),
    [
        ("John Smith", "PERSON", "J*** S****"),
        ("SMITH, John", "PERSON", "S****, J***"),
        ("Smith J", "PERSON", "S**** *"),
        ("AB123456C", "UK_NINO", "AB******C"),
        ("AB 12 34 56 C", "UK_NINO", "AB******C"),
        ("NR1 2AB", "UK_POSTCODE", "NR1 ***"),
        ("NR12AB", "UK_POSTCODE", "NR1 ***"),
        ("john.smith@norfolk.police.uk", "EMAIL_ADDRESS", "j***@norfolk.police.uk"),
        ("jane.doe@gmail.com", "EMAIL_ADDRESS", "j***@gmail.com"),
        ("jane@janedoe.me.uk", "EMAIL_ADDRESS", "j***@j******.me.uk"),
        ("a@smithfamily.com", "EMAIL_ADDRESS", "***@s**********.com"),
        ("192.168.10.7", "IP_ADDRESS", "***.***.**.*"),
        ("2001:db8:abcd::ef12", "IP_ADDRESS", "****:***:****::****"),
        ("GB29 NWBK 6016 1331 9268 19", "BANK_DETAILS", "GB** **** **** **** **** **"),
        ("12-34-56 12345678", "BANK_DETAILS", "**-**-** ********"),
        ("07812 345678", "PHONE_NUMBER", "07*** ******"),
        ("12/03/1985", "DATE_OF_BIRTH", "**/**/****"),
        ("£32,451", "SALARY", "£**,***"),
        ("PC 1234", "POLICE_IDENTIFIER", "PC ****"),
        ("36/12345/21", "CRIME_REFERENCE", "**/*****/**"),
        ("12 High Street", "STREET_ADDRESS", "** H*** S*****"),
        ("485 777 3457", "UK_NHS", "48*******7"),
        ("J", "PERSON", "*"),
        ("", "PERSON", ""),
    ],
)
def test_mask_keeps_shape_only(value: str, entity: str, masked: str) -> None:
    assert mask(value, entity) == masked


@pytest.mark.parametrize(
    ("value", "entity"),
    [
        ("John Smith", "PERSON"),
        ("AB123456C", "UK_NINO"),
        ("12/03/1985", "DATE_OF_BIRTH"),
        ("07812 345678", "PHONE_NUMBER"),
        ("NR1 2AB", "UK_POSTCODE"),
    ],
)
def test_mask_never_returns_the_value(value: str, entity: str) -> None:
    assert mask(value, entity) != value
