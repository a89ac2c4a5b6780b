"""Whole-value checks for table cells: is this entire value an e-mail, a postcode, a NINO…?

Compiled regexes and checksums only (no NLP), so a column of a million cells stays cheap.
`header_hint` says the column header already names the entity; it admits bare forms that
would be too ambiguous alone (a collar number "4521", a crime serial "12345/21").
"""

from __future__ import annotations

import ipaddress
import re

from detectors.recognizers.registry import RECOGNIZERS
from detectors.recognizers.spec import ValueCheck, fullmatch_check

_I = re.IGNORECASE

_EMAIL = re.compile(
    r"[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}"
)
_SEP = r"[ \-]?"
_PHONE = re.compile(
    r"(?:(?:\+44|0044)\s?(?:\(0\)\s?)?|\(?0)"
    rf"(?:7\d{{3}}\)?{_SEP}\d{{3}}{_SEP}\d{{3}}"
    rf"|1\d{{3}}\)?{_SEP}\d{{5,6}}|1\d{{3}}\)?{_SEP}\d{{3}}{_SEP}\d{{3}}"
    rf"|1\d1\)?{_SEP}\d{{3}}{_SEP}\d{{4}}|11\d\)?{_SEP}\d{{3}}{_SEP}\d{{4}}"
    rf"|1\d{{4}}\)?{_SEP}\d{{4,5}}"
    rf"|2\d\)?{_SEP}\d{{4}}{_SEP}\d{{4}}"
    rf"|[389]\d{{2}}\)?{_SEP}\d{{3}}{_SEP}\d{{4}})"
)
_POSTCODE = re.compile(
    r"GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?"
    r"[0-9][ABD-HJLNP-UW-Z]{2}",
    _I,
)
_NINO = re.compile(
    r"(?!BG|GB|NK|KN|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]", _I
)
_NHS = re.compile(r"(\d{3})[ -]?(\d{3})[ -]?(\d{4})")
_VEHICLE = re.compile(
    r"[A-HJ-PR-Y][A-HJ-PR-Y](?:0[2-9]|[12]\d|5[1-9]|[67]\d) ?[A-HJ-PR-Z]{3}"
    r"|[A-HJ-NPR-TV-Y]\d{1,3} ?[A-HJ-PR-Y][A-HJ-PR-Z]{2}"
    r"|[A-HJ-PR-Z]{3} ?\d{1,3} ?[A-HJ-NPR-TV-Y]",
    _I,
)
_DRIVING = re.compile(
    r"(?=[A-Z9]{5})[A-Z]+9*\d(?:0[1-9]|1[0-2]|5[1-9]|6[0-2])(?:0[1-9]|[12]\d|3[01])\d"
    r"[A-Z9]{2}[A-Z0-9][A-Z]{2}",
    _I,
)
_IPV4 = re.compile(
    r"(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
)
_IPV6 = re.compile(r"(?=.*:.*:)[0-9A-F:]{2,39}(?:%\w+)?", _I)


def nhs_issued(digits: str) -> bool:
    """NHS numbers (with Scotland's CHI and Northern Ireland's H&C numbers in the same shape)
    have been issued from 010 to 799. Nothing from 800 up has been; 999 is the range kept for
    test and demonstration records, and a run of one digit is a placeholder. Scotland's numbers
    (010 to 311) begin with the holder's birth date, day and month first: one that does not
    begin with a date was never issued."""
    if not ("010" <= digits[:3] < "800" and len(set(digits)) > 1):
        return False
    return digits[:3] > "311" or _day_month(int(digits[:2]), int(digits[2:4]))


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _day_month(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1]


def _nhs(value: str, hint: bool) -> bool:
    match = _NHS.fullmatch(value)
    if match is None:
        return False
    digits = "".join(match.groups())
    if not nhs_issued(digits):
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    return (0 if check == 11 else check) == int(digits[9])


def _ipv6(value: str) -> bool:
    try:
        ipaddress.IPv6Address(value.split("%", 1)[0])
    except ValueError:
        return False
    return True


def _plain(pattern: re.Pattern[str]) -> ValueCheck:
    fullmatch = pattern.fullmatch

    def check(value: str, hint: bool) -> bool:
        return fullmatch(value) is not None

    return check


_CHECKS: dict[str, ValueCheck] = {
    "EMAIL_ADDRESS": _plain(_EMAIL),
    "PHONE_NUMBER": _plain(_PHONE),
    "UK_POSTCODE": _plain(_POSTCODE),
    "UK_NINO": _plain(_NINO),
    "UK_NHS": _nhs,
    "UK_VEHICLE_REGISTRATION": _plain(_VEHICLE),
    "UK_PASSPORT": fullmatch_check(r"[A-Z]{2}\d{7}", r"[A-Z]{2}\d{7}|\d{9}"),
    "UK_DRIVING_LICENCE": _plain(_DRIVING),
    "IP_ADDRESS": lambda value, hint: (
        _IPV4.fullmatch(value) is not None or (_IPV6.fullmatch(value) is not None and _ipv6(value))
    ),
    **{recognizer.entity: recognizer.check_value for recognizer in RECOGNIZERS},
}

VALUE_ENTITIES: tuple[str, ...] = tuple(_CHECKS)


def match_value(entity: str, value: str, header_hint: bool = False) -> bool:
    """True when the whole of `value` (outer spaces ignored) is an instance of `entity`.

    Raises KeyError for an entity not in VALUE_ENTITIES.
    """
    return _CHECKS[entity](value.strip(), header_hint)
