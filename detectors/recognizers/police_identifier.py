"""POLICE_IDENTIFIER: collar/shoulder numbers ("PC 1234", "Sgt 2345") and labelled warrant,
service, staff or payroll numbers ("warrant no. 123456").

Rank abbreviations must be written in capitals as forces print them ("PC", "DC", "PS"), since
"pc" or "dc" in lower case are computers and currents; a bare number counts only after a label.
"""

from __future__ import annotations

from detectors.recognizers.spec import PatternSpec, RecognizerSpec, fullmatch_check

# Ranks that prefix a collar number; abbreviations are case-sensitive.
RANK = (
    r"(?:(?-i:PC|DC|PS|DS|TDC|TPC|SC|PCSO|DI|DCI|Sgt|SGT|Insp|INSP|Ch\.?\s?Insp|Det\.?\s?Con|"
    r"Det\.?\s?Sgt|DSgt|PSgt)|(?-i:[Cc])onstable|(?-i:[Ss])ergeant|(?-i:[Ii])nspector)"
)
COLLAR = r"\d{2,5}"
RANKED = rf"{RANK}\.?\s?{COLLAR}"
NOT_CODE_BEFORE = r"(?<![-/.])"
NOT_CODE_AFTER = r"(?![.,]\d|-[0-9A-Fa-f])"
"""A rank's letters inside a code are no rank: a version ("Acrobat Pro DC 20.13"), a run of
hex digits ("D7F781F2-DC77-41C9", a document's identifier) or a path ("pages/DC001.html")."""
LABEL = (
    r"\b(?:collar|shoulder|warrant|service|staff|payroll|employee|personnel|force|badge|"
    r"pay)\s*(?:card\s*)?(?:no|number|num|id|ref)\b\.?\s*(?:[:#=\-–]\s*)?"
)
LABELLED_VALUE = r"(?-i:[A-Z]{0,2})\d{3,10}"


RECOGNIZER = RecognizerSpec(
    # Collar numbers after a rank, and warrant/service/payroll numbers after a label.
    entity="POLICE_IDENTIFIER",
    patterns=(
        # Not after "Washington, ": "DC 20224" there is a state and a ZIP code.
        PatternSpec(
            "collar number after rank",
            rf"(?<![a-z], ){NOT_CODE_BEFORE}\b{RANKED}\b{NOT_CODE_AFTER}",
            0.6,
        ),
        PatternSpec("labelled police identifier", rf"(?<={LABEL}){LABELLED_VALUE}\b", 0.7),
    ),
    context=(
        "collar",
        "shoulder",
        "warrant",
        "officer",
        "payroll",
        "constable",
        "sergeant",
    ),
    header=(
        r"(?:collar|shoulder|warrant|service|staff|payroll|employee|personnel|badge|star|pay|force|"
        r"emp)"
        r" ?(?:no|number|num|id|ref|code)|collar|warrant|badge|staff id|"
        r"tax ?(?:id|registry(?: no| number)?)"
    ),
    check_value=fullmatch_check(RANKED, LABELLED_VALUE, flags=0),
)
