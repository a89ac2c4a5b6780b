"""BANK_DETAILS: a sort code ("12-34-56") with an eight-digit account number within a few words,
either way round, or an account number after an "account number" label. A sort code alone is a
branch, not a person."""

from __future__ import annotations

from detectors.recognizers.spec import PatternSpec, RecognizerSpec, fullmatch_check

SORT_CODE = r"\d{2}(?:-\d{2}-|–\d{2}–| \d{2} )\d{2}"
ACCOUNT = r"\d{8}"
GAP = r"[^\d\n]{1,40}?"
LABEL = r"\b(?:account|acc|a/c|acct)\.?\s*(?:no|number|num)\b\.?\s*(?:[:#=\-–]\s*)?"


RECOGNIZER = RecognizerSpec(
    # Sort code and account number together (the span covers both).
    entity="BANK_DETAILS",
    patterns=(
        # Neither number glued to letters or more digits: "PR00002153 … PW 19-23-21" are a
        # project's and an agreement's references.
        PatternSpec(
            "sort code then account", rf"(?<![\w-]){SORT_CODE}{GAP}{ACCOUNT}(?![\w-])", 0.7
        ),
        PatternSpec(
            "account then sort code", rf"(?<![\w-]){ACCOUNT}{GAP}{SORT_CODE}(?![\w-])", 0.7
        ),
        PatternSpec("labelled account number", rf"(?<={LABEL}){ACCOUNT}(?!\d)", 0.5),
    ),
    context=(
        "sort",
        "account",
        "bank",
        "bacs",
    ),
    header=r"sort code|account (?:no|number)|bank(?: details)?",
    check_value=fullmatch_check(
        rf"{SORT_CODE}(?:[ ,;/]+\d{{8}})?|\d{{8}}[ ,;/]+{SORT_CODE}", ACCOUNT, flags=0
    ),
)
