"""BANK_DETAILS: a sort code ("12-34-56") with an eight-digit account number within a few words,
either way round, or an account number after an "account number" label. A sort code alone is a
branch, not a person."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer

SORT_CODE = r"\d{2}(?:-\d{2}-|–\d{2}–| \d{2} )\d{2}"
ACCOUNT = r"\d{8}"
GAP = r"[^\d\n]{1,40}?"
LABEL = r"\b(?:account|acc|a/c|acct)\.?\s*(?:no|number|num)\b\.?\s*(?:[:#=\-–]\s*)?"


class BankDetailsRecognizer(PatternRecognizer):
    """Sort code and account number together (the span covers both)."""

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("sort code then account", rf"(?<!\d){SORT_CODE}{GAP}{ACCOUNT}(?!\d)", 0.7),
        Pattern("account then sort code", rf"(?<!\d){ACCOUNT}{GAP}{SORT_CODE}(?!\d)", 0.7),
        Pattern("labelled account number", rf"(?<={LABEL}){ACCOUNT}(?!\d)", 0.5),
    ]
    CONTEXT: ClassVar[list[str]] = ["sort", "account", "bank", "bacs"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="BANK_DETAILS",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language="en",
        )
