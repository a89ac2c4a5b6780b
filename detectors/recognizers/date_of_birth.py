"""DATE_OF_BIRTH: a date written next to "DOB", "date of birth" or "born", giving an age of
0 to 110 years today. A date without such a label is not a date of birth."""

from __future__ import annotations

import re
from datetime import date

from detectors.recognizers.spec import PatternSpec, RecognizerSpec

_MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
NUMERIC = r"\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
ISO = r"(?:19|20)\d{2}-\d{2}-\d{2}"
WORDY = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAME}\.?,?\s+\d{{4}}"
US_WORDY = rf"{MONTH_NAME}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
DATE = rf"(?:{ISO}|{NUMERIC}|{WORDY}|{US_WORDY})"
LABEL = (
    r"\b(?:d\.?\s?o\.?\s?b|date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on)?|"
    r"(?-i:b)\.(?=[ \t]?\d))"
    r"(?:\s+(?:is|was|being|given\s+as))?\.?\s*(?:\(\s*[a-z/]{2,10}\s*\)\s*)?(?:[:=\-–]\s*)?"
)
"""A label before a date of birth; "b." only in lower case and with the date on its line
("b. 3.4.1950"): "Appendix B." before a paragraph number "3.3.18" is no birth."""
TRAILING_LABEL = r"\s*\(?\s*(?:d\.?o\.?b|date\s+of\s+birth)\b"
MAX_AGE_YEARS = 110

_PARSE_NUMERIC = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})")
_PARSE_WORDS = re.compile(r"(\d{1,4})|([a-z]{3,})", re.IGNORECASE)


def parse_date(text: str) -> date | None:
    """Read a UK-style date (day first; ISO and "12 March 1985" too); None if not a real date."""
    numeric = _PARSE_NUMERIC.fullmatch(text.strip())
    if numeric:
        first, month, last = numeric.groups()
        day, year = (last, first) if len(first) == 4 else (first, last)
        return _make_date(year, int(month), int(day))
    day_text = year_text = None
    month = 0
    for number, word in _PARSE_WORDS.findall(text):
        if word:
            key = word[:3].casefold()
            if key in _MONTHS:
                month = _MONTHS.index(key) + 1
        elif len(number) == 4:
            year_text = number
        elif day_text is None:
            day_text = number
    if not (month and day_text and year_text):
        return None
    return _make_date(year_text, month, int(day_text))


def _make_date(year_text: str, month: int, day: int) -> date | None:
    year = int(year_text)
    if len(year_text) == 2:
        # Two-digit years: the most recent century that does not put the birth in the future.
        this_year = date.today().year
        year += (this_year // 100) * 100
        if year > this_year:
            year -= 100
    try:
        return date(year, month, day)
    except ValueError:
        return None


def is_plausible_birth_date(text: str, today: date | None = None) -> bool:
    """True when text is a real date that gives an age between 0 and 110 years."""
    born = parse_date(text)
    if born is None:
        return False
    today = today or date.today()
    if born > today:
        return False
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return age <= MAX_AGE_YEARS


_DATE_CELL = re.compile(DATE, re.IGNORECASE).fullmatch


def _is_birth_date_cell(value: str, hint: bool) -> bool:
    return _DATE_CELL(value) is not None and is_plausible_birth_date(value)


RECOGNIZER = RecognizerSpec(
    # Dates labelled as a date of birth (before or just after the date).
    entity="DATE_OF_BIRTH",
    patterns=(
        PatternSpec("date after a DOB label", rf"(?<={LABEL}){DATE}\b", 0.7),
        PatternSpec("date before a DOB label", rf"\b{DATE}(?={TRAILING_LABEL})", 0.6),
    ),
    context=(
        "dob",
        "birth",
        "born",
        "bear",
        "birthday",
    ),
    header=r"dob|d o b|date of birth|birth ?date|birthday|born",
    check_value=_is_birth_date_cell,
    validate=is_plausible_birth_date,
)
