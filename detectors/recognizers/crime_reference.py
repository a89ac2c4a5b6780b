"""CRIME_REFERENCE: crime, occurrence and case file reference numbers used by UK police forces.

Formats supported (numbers in examples are invented):
- labelled crime numbers: "CRN 12345/21", "Crime ref: 12345/21", "crime number 4012345/23";
- force/serial/year triples: "37/12345/23" (force code, serial, two-digit year);
- force-prefixed occurrence numbers: "NC-20230101-1234" (force letters, yyyymmdd, serial);
- occurrence numbers: "Occurrence 23*123456", "occurrence no. 23000123456";
- CPS case file URNs: "URN 42AB1234523" (force, station letters, serial, year).
Bare serials ("12345/21") are accepted only after a crime/occurrence/URN label: on their own
they read like FOI reference numbers or fractions.
"""

from __future__ import annotations

from detectors.recognizers.spec import PatternSpec, RecognizerSpec, fullmatch_check

# Labels that say "a crime/occurrence reference follows".
LABEL = (
    r"\b(?:crime\s*(?:ref(?:erence)?|no|number|num)|crn|occurrence(?:\s*(?:ref(?:erence)?|no|"
    r"number))?|occ\s*no|urn|niche\s*(?:ref|no|number)|athena\s*(?:ref|no|number)|"
    r"incident\s*(?:ref(?:erence)?|no|number)|storm\s*(?:ref|no|number)|cad\s*(?:ref|no|number))"
    r"\.?\s*(?:[:#=\-–]\s*)?"
)
# A reference value after a label: digits with the separators forces use.
# At least five digits in all, or two groups: "URN 12" or "crime ref 2023" are not references.
# Financial years ("2021/22") and FOI numbers are excluded outright.
LABELLED_VALUE = (
    r"(?!FOI|(?:19|20)\d{2}[/-]\d{2}\b)(?:[A-Z]{1,4}[-/ ]?)?"
    r"(?:\d{2,}(?:[/*\-]\d{2,}){1,3}|\d{5,})[A-Z]{0,2}"
)
TRIPLE = r"\d{2}/(?!(?:19|20)\d{2}/)\d{4,7}/\d{2}"
PREFIXED = r"(?-i:[A-Z]{2,4})-(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-\d{3,6}"
OCCURRENCE = r"\d{2}\*\d{5,8}"
URN = r"\d{2}(?-i:[A-Z]{2})\d{7}"
# Whole-value forms for table cells; LABELLED_VALUE only when the header says so.
SELF_EVIDENT = rf"(?:{TRIPLE}|{PREFIXED}|{OCCURRENCE}|{URN})"


RECOGNIZER = RecognizerSpec(
    # Crime, occurrence, incident and case file references (see module docstring).
    entity="CRIME_REFERENCE",
    patterns=(
        PatternSpec("crime reference (labelled)", rf"(?<={LABEL}){LABELLED_VALUE}\b", 0.7),
        PatternSpec("crime reference (force/serial/year)", rf"(?<![\d/]){TRIPLE}(?![\d/])", 0.5),
        PatternSpec("crime reference (force prefix)", rf"\b{PREFIXED}\b", 0.6),
        PatternSpec("occurrence number", rf"(?<![\d*]){OCCURRENCE}\b", 0.45),
        PatternSpec("case file URN", rf"\b{URN}\b", 0.3),
    ),
    context=(
        "crime",
        "crn",
        "occurrence",
        "urn",
        "incident",
        "offence",
        "investigation",
        "reported",
    ),
    header=(
        r"crime (?:ref\w*|no|number|num)|crn|occurrence(?: \w+)?|occ no|urn|"
        r"(?:incident|case|niche|athena|storm|cad) (?:ref\w*|no|number)"
    ),
    check_value=fullmatch_check(SELF_EVIDENT, LABELLED_VALUE),
)
