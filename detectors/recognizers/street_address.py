"""STREET_ADDRESS: UK address lines — a house number (or "Flat 3,"), one to three capitalised
words and a street suffix such as Road, Street, Close or Gardens ("14 Elm Grove", "Flat 2,
9 Mill Lane"). Court buildings ("3 Crown Court") are not addresses."""

from __future__ import annotations

from detectors.recognizers.spec import PatternSpec, RecognizerSpec, fullmatch_check

SUFFIX = (
    r"(?:Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Drive|Way|Crescent|Cres|Court|Ct|Gardens|"
    r"Gdns|Place|Terrace|Grove|Walk|Row|Mews|Square|Sq|Hill|Rise|View|Green|Parade|Vale|"
    r"Boulevard|Croft|Fold|Meadows?|Wynd|Brow|Chase|Crest|Dale|Heights|Embankment|Esplanade|"
    r"Promenade|Quay|Wharf|Yard)"
)
# Words that make "<number> <word> Court" a court or a count, not a street.
NOT_STREET = r"(?:Crown|Magistrates'?|County|High|Family|Coroners'?|Youth|Supreme|Royal)\s+Court"
WORD = r"(?:St\.?\s)?[A-Z][a-z]+(?:['’]s)?(?:-[A-Z][a-z]+)?"
NUMBER = r"\d{1,3}[A-Za-z]?(?:\s?[-–]\s?\d{1,3}[A-Za-z]?)?"
FLAT = r"(?:(?:Flat|Apartment|Apt|Unit|Room)\s\d{1,3}[A-Za-z]?,?\s+)"
# One case-sensitive body: capitalisation is the evidence that this is a name, not prose.
LINE = rf"(?-i:{FLAT}?{NUMBER},?\s(?!{NOT_STREET}\b)(?:{WORD}\s){{1,3}}{SUFFIX})"
BUILDING = rf"(?-i:{FLAT}(?:{WORD}\s){{1,3}}(?:House|Court|Lodge|Mansions|Heights|Tower))"


RECOGNIZER = RecognizerSpec(
    # House number + street name + suffix, with an optional flat number in front.
    entity="STREET_ADDRESS",
    patterns=(
        PatternSpec("numbered street", rf"(?<![\w£$.,/]){LINE}\b", 0.5),
        PatternSpec("flat in a named building", rf"\b{BUILDING}\b", 0.5),
    ),
    context=(
        "address",
        "live",
        "reside",
        "home",
        "resident",
        "postcode",
        "occupant",
    ),
    header=r"address(?: line \d)?|street|house (?:no|number|name)|road",
    check_value=fullmatch_check(rf"{LINE}(?:,.*)?|{BUILDING}(?:,.*)?", flags=0),
)
