"""Numbers and dates that only look like personal data: an ISBN read as an NHS number, an
incident log's serial numbers or a North American phone number that pass the NHS number's
check by chance, an NHS number from a range never issued (the test range), an animal's birth
date read as a person's."""

from __future__ import annotations

import re
from functools import lru_cache

from detectors.recognizers import match_value
from detectors.recognizers.values import nhs_issued
from detectors.vocab import wordset

NEAR = 150
"""Characters either side of a number searched for the word "NHS" or an animal."""

_BOOK = re.compile(
    r"\b(?:isbn(?:-1[03])?|issn|publisher|published|press|edition|ed\.|eds\.|pp\.|"
    r"further reading|bibliography|references|vol\.|volume)\b",
    re.IGNORECASE,
)
"""Words within BOOK_NEAR characters before a ten-digit number that make it an ISBN or ISSN:
every numeric ISBN-10 passes the NHS number's mod-11 check."""
BOOK_NEAR = 60
_ANIMAL = re.compile(
    r"\b(?:zoo|animals?|species|cubs?|calf|calves|foal|pups?|chicks?|hatched|enclosure|"
    r"keepers?|breeding|captive|litter|kittens?|puppies|giraffes?|lions?|tigers?|elephants?|"
    r"penguins?|gorillas?|monkeys?|meerkats?|rhinos?|zebras?|bears?|wolves|otters?|horses?|"
    r"ponies|dogs?|cats?)\b",
    re.IGNORECASE,
)
"""Words beside a birth date that make it an animal's."""


_PHONE_SHAPE = re.compile(r"\(?\d{3}\)?[-.]\d{3}[-.]\d{4}")
"""Ten digits grouped by hyphens or dots as a North American phone number ("773-259-0643"):
an NHS number is grouped by spaces, and hyphens only where the text says it is one."""
_NHS_WORD = re.compile(r"\bNHS\b|\bhealth\s*(?:service|care)\s*(?:no|number)", re.IGNORECASE)
_TEN_DIGITS = re.compile(r"(?<![\d-])(?:\d{10}|\d{3}[ -]\d{3}[ -]\d{4})(?![\d-])")
SERIALS = 5
"""Ten-digit numbers a text needs before their check digits are compared at all."""


@lru_cache(maxsize=8)
def _serial_numbers(text: str) -> bool:
    """The text is full of ten-digit numbers of which about one in eleven passes the NHS
    number's check, as any serial numbers do (a log's incident numbers): the few that pass
    are look-alikes. A list of real NHS numbers passes the check every time."""
    numbers = _TEN_DIGITS.findall(text)
    if len(numbers) < SERIALS:
        return False
    passing = sum(1 for number in numbers if match_value("UK_NHS", number, True))
    return passing * 2 < len(numbers)


def _isbn_hyphens(value: str) -> bool:
    """An ISBN is grouped in four (0-14-044913-5); an NHS number in three (943 476 5919)."""
    return len([part for part in re.split(r"[\s-]+", value) if part]) == 4


def not_nhs(text: str, start: int, end: int) -> bool:
    """A ten-digit number that is no NHS number whoever stands beside it: a phone number
    grouped as North American ones are with no mention of the NHS, or one of a text's many
    serial numbers."""
    if not nhs_issued(re.sub(r"\D", "", text[start:end])):
        return True
    phone = _PHONE_SHAPE.fullmatch(text[start:end]) is not None
    if phone and _NHS_WORD.search(text, max(0, start - NEAR), end + NEAR) is None:
        return True
    return _serial_numbers(text)


_POINTERS = wordset("page pages para paragraph section appendix annex chapter figure table item")
"""Words of a document's own apparatus before a number ("Page 20", "Section 4"), which a list
of contents lines up like a surname ("Abuse      Page 20")."""
_NUMBER_NEXT = re.compile(r"\s*\d")


_ACRONYM = re.compile(r"[B-DF-HJ-NP-TV-XZ]{3,}")
"""Three capitals or more with no vowel (nor Y): an acronym ("RSC", "DWP"), never a surname."""


def look_alike(entity: str, text: str, start: int, end: int) -> bool:
    """An ISBN read as an NHS number; an animal's birth date read as a person's; "Page 20" in
    a list of contents, or an acronym ("Maxwell RSC", a laboratory's instrument), read as a
    surname."""
    if entity == "PERSON":
        words = text[start:end].split()
        return bool(words) and (
            (words[-1].casefold() in _POINTERS and bool(_NUMBER_NEXT.match(text, end)))
            or (len(words) > 1 and _ACRONYM.fullmatch(words[-1]) is not None)
        )
    before = text[max(0, start - BOOK_NEAR) : start]
    if entity == "UK_NHS":
        return _BOOK.search(before) is not None or _isbn_hyphens(text[start:end])
    if entity == "DATE_OF_BIRTH":
        window = text[max(0, start - NEAR) : end + NEAR]
        return _ANIMAL.search(window) is not None
    return False
