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
        "OFFENDER_IDENTIFIER",
        "CRIME_REFERENCE",
        "DATE_OF_BIRTH",
        "SALARY",
    }
)
"""Identifiers whose letters are a prefix or a label ("PC", "£"): every digit is hidden."""
_PUBLIC_DOMAINS = [
    ".police.uk",
    ".gov.uk",
    ".nhs.uk",
    ".nhs.net",
    ".sch.uk",
    ".ac.uk",
    ".mod.uk",
    ".parliament.uk",
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.co.uk",
    "outlook.com",
    "live.com",
    "live.co.uk",
    "yahoo.com",
    "yahoo.co.uk",
    "icloud.com",
    "me.com",
    "aol.com",
    "btinternet.com",
    "sky.com",
    "virginmedia.com",
    "talktalk.net",
    "protonmail.com",
    "proton.me",
]
"""Domains shared by many people: shown, since they tell the team whose mailboxes leaked."""
_SECOND_LEVEL = frozenset(
    ["co", "org", "me", "ac", "gov", "police", "nhs", "sch", "ltd", "plc", "net", "mod"]
)


def mask(value: str, entity: str) -> str:
    """A masked example of `value` that shows its form but cannot identify anyone."""
    value = " ".join(value.split())
    if not value:
        return ""
    if entity == "EMAIL_ADDRESS" and "@" in value:
        local, _, domain = value.rpartition("@")
        return f"{local[:1] if len(local) > 1 else ''}***@{_mask_domain(domain)}"
    if entity in ("IP_ADDRESS", "BANK_DETAILS"):
        # Hex digits of an IPv6 address and an IBAN's bank code are letters: hide them too,
        # keeping only an IBAN's country.
        country = value[:2] if value[:2].isalpha() else ""
        return country + _ALNUM.sub("*", value[len(country) :])
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


def _mask_domain(domain: str) -> str:
    """An organisation's or a webmail domain is kept; a domain of one's own is masked."""
    lowered = domain.casefold()
    if any(lowered == d or (d.startswith(".") and lowered.endswith(d)) for d in _PUBLIC_DOMAINS):
        return domain
    labels = domain.split(".")
    keep = 2 if len(labels) >= 3 and labels[-2].casefold() in _SECOND_LEVEL else 1
    hidden = [_WORD.sub(_mask_word, label) for label in labels[:-keep]]
    return ".".join([*hidden, *labels[-keep:]])
