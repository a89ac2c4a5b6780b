"""Masking that keeps a value's shape and nothing else: 'John Smith' -> 'J*** S****'."""

from __future__ import annotations

import re

_KEEP_OUTWARD = {"UK_POSTCODE"}
_KEEP_ENDS = {"UK_NINO", "UK_PASSPORT", "UK_DRIVING_LICENCE", "UK_NHS", "UK_VEHICLE_REGISTRATION"}


def mask(value: str, entity: str) -> str:
    """A masked example of `value` that shows its form but cannot identify anyone."""
    value = " ".join(value.split())
    if entity == "EMAIL_ADDRESS" and "@" in value:
        local, _, domain = value.partition("@")
        return f"{_initial(local)}@{domain}"
    if entity in _KEEP_OUTWARD:
        outward, _, inward = value.partition(" ")
        return f"{outward} {'*' * len(inward)}" if inward else _initial(value)
    if entity in _KEEP_ENDS:
        compact = value.replace(" ", "")
        if len(compact) >= 4:
            return compact[:2] + "*" * (len(compact) - 3) + compact[-1]
    if entity in ("PERSON", "STREET_ADDRESS"):
        return " ".join(_initial(word) for word in value.split())
    return re.sub(r"[A-Za-z0-9]", "*", value[:1]) + re.sub(r"[A-Za-z0-9]", "*", value[1:])


def _initial(word: str) -> str:
    if len(word) <= 1:
        return "*"
    return word[0] + re.sub(r"[^\s]", "*", word[1:])
