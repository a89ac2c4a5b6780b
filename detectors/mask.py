"""Masking that keeps a value's shape and nothing else: 'John Smith' -> 'J*** S****'."""

from __future__ import annotations

import re

_ALNUM = re.compile(r"[^\W_]", re.UNICODE)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_][^\W_]*|\d+", re.UNICODE)

_KEEP_ENDS = frozenset(
    {"UK_NINO", "UK_PASSPORT", "UK_DRIVING_LICENCE", "UK_NHS", "UK_VEHICLE_REGISTRATION"}
)
"""Fixed-format identifiers: two leading characters and the last one show the format."""
_DIGITS_ONLY = frozenset(
    {
        "POLICE_IDENTIFIER",
        "CRIME_REFERENCE",
        "DATE_OF_BIRTH",
        "SALARY",
        "BANK_DETAILS",
        "IP_ADDRESS",
    }
)
"""Identifiers whose letters are a prefix or a label ("PC", "£"): every digit is hidden."""


def mask(value: str, entity: str) -> str:
    """A masked example of `value` that shows its form but cannot identify anyone."""
    value = " ".join(value.split())
    if not value:
        return ""
    if entity == "EMAIL_ADDRESS" and "@" in value:
        local, _, domain = value.rpartition("@")
        return f"{local[:1]}***@{domain}"
    if entity == "UK_POSTCODE":
        compact = value.replace(" ", "").upper()
        return f"{compact[:-3]} ***" if len(compact) > 4 else "*" * len(compact)
    if entity in _KEEP_ENDS:
        compact = value.replace(" ", "")
        if len(compact) >= 5:
            return compact[:2] + "*" * (len(compact) - 3) + compact[-1]
        return "*" * len(compact)
    if entity == "PHONE_NUMBER":
        head = 2 if value.startswith("0") else 3
        return value[:head] + _DIGIT.sub("*", value[head:])
    if entity in _DIGITS_ONLY:
        return _DIGIT.sub("*", value)
    # Names, addresses and anything else: the first letter of each word, digits hidden.
    return _WORD.sub(_mask_word, value)


def _mask_word(match: re.Match[str]) -> str:
    word = match.group()
    if word.isdigit() or len(word) == 1:
        return "*" * len(word)
    return word[0] + _ALNUM.sub("*", word[1:])
