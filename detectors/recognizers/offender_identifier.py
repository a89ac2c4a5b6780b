"""OFFENDER_IDENTIFIER: the numbers that point at one person's criminal record or custody.

Formats supported (numbers in examples are invented):
- PNC IDs: two- or four-digit year, a slash, a serial of up to seven digits and a check
  letter ("21/123456T", "2021/0123456T");
- CRO numbers: a serial of up to six digits, a slash, a two-digit year and a check letter
  ("123456/89T");
- NOMIS prisoner numbers ("A1234BC") and older prison numbers ("AB1234"), only after a label
  or under a header that names them: alone they read like product or room codes.

The check letter of a PNC ID or a CRO number is the remainder of the year's two digits
followed by the serial (zero-padded to seven digits for a PNC ID, six for a CRO number)
divided by 23, as a letter of ZABCDEFGHJKLMNPQRTUVWXY. A match whose letter is wrong is
dropped, so a fraction or a reference that happens to share the shape is not taken.
"""

from __future__ import annotations

import re

from detectors.recognizers.spec import PatternSpec, RecognizerSpec

CHECK_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY"
PNC = r"(?:19|20)?\d{2}/\d{1,7}(?-i:[A-Z])"
CRO = r"\d{1,6}/\d{2}(?-i:[A-Z])"
NOMIS = r"(?-i:[A-Z]\d{4}[A-Z]{2})"
PRISON_NUMBER = r"(?-i:[A-Z]{1,2}\d{4,6})"
LABEL = (
    r"\b(?:pnc|cro|noms|nomis|prison(?:er)?|offender)\s*(?:id|no|number|num|ref)?\b\.?"
    r"\s*(?:[:#=\-–]\s*)?"
)
_PNC = re.compile(r"((?:19|20)?(\d{2}))/(\d{1,7})([A-Z])")
_CRO = re.compile(r"(\d{1,6})/(\d{2})([A-Z])")


def checked(value: str) -> bool:
    """True for a PNC ID or a CRO number whose check letter is right."""
    value = value.strip().upper()
    pnc = _PNC.fullmatch(value)
    if pnc is not None and _letter(pnc.group(2) + pnc.group(3).zfill(7)) == pnc.group(4):
        return True
    cro = _CRO.fullmatch(value)
    return cro is not None and _letter(cro.group(2) + cro.group(1).zfill(6)) == cro.group(3)


def _letter(digits: str) -> str:
    return CHECK_LETTERS[int(digits) % len(CHECK_LETTERS)]


_CUSTODY = re.compile(rf"{NOMIS}|{PRISON_NUMBER}")


def _check_value(value: str, hint: bool) -> bool:
    if checked(value):
        return True
    return hint and _CUSTODY.fullmatch(value.strip()) is not None


def _validate(text: str) -> bool:
    # A labelled prisoner number has no check letter; a PNC ID or CRO number must carry its own.
    return checked(text) or _CUSTODY.fullmatch(text.strip()) is not None


RECOGNIZER = RecognizerSpec(
    # PNC IDs and CRO numbers by their check letter; prisoner numbers after a label.
    entity="OFFENDER_IDENTIFIER",
    patterns=(
        PatternSpec("PNC ID", rf"(?<![\w/]){PNC}(?![\w/])", 0.6),
        PatternSpec("CRO number", rf"(?<![\w/]){CRO}(?![\w/])", 0.6),
        PatternSpec("labelled prisoner number", rf"(?<={LABEL})(?:{NOMIS}|{PRISON_NUMBER})\b", 0.7),
    ),
    context=("pnc", "cro", "prisoner", "prison", "nomis", "custody", "offender", "record"),
    header=(
        r"(?:pnc|cro|noms|nomis)(?: (?:pnc|cro))?(?: (?:id|no|number|num|ref))?|"
        r"(?:prison|prisoner|offender) (?:id|no|number|num|ref)"
    ),
    check_value=_check_value,
    validate=_validate,
)
"""Checked PNC IDs and CRO numbers anywhere; NOMIS and prison numbers only when labelled."""
