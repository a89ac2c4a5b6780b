"""Record-shaped lines in prose: a list printed one person per line is a table, not prose.

A PDF or plain-text list such as "SMITH, John DOB 01/02/1980 12 High Street, Norwich NR1 1AA
Offence: ..." is read line by line: each line that starts with a "SURNAME, Forename" and gives a
date is one person's record, and the lines after it (up to the next record) continue it. From
RECORD_MIN such lines on, the records become the rows of a table (name, date of birth, address,
postcode, offence), so that every line is counted and the offence gives the special category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from detectors.names import looks_like_name
from detectors.recognizers.date_of_birth import parse_date

RECORD_MIN = 3
"""Record lines a text must hold before they are read as a table."""
CONTINUATION_LINES = 3
"""Lines after a record's first one that may still belong to it (an address, the offence)."""
HEADER = ("Name", "Date of birth", "Address", "Postcode", "Offence")

_WORD = r"[^\W\d_][^\W\dA-Z_'’\-]+(?:['’\-][^\W\d_]+)*"
"""A forename: a capital and small letters ("DOB" after a name is not one)."""
_START = re.compile(
    rf"^\s*(?:\d{{1,4}}[.)]?\s+)?(?P<name>(?:Mc|Mac|O['’])?[A-Z]{{2,}}(?:['’\- ][A-Z]{{2,}})*"
    rf",\s*{_WORD}(?: {_WORD}){{0,2}})(?P<rest>.*)$"
)
_DATE = re.compile(
    r"(?:\b(?:DOB|D\.O\.B\.?|date of birth|born|b\.)\s*[:\-]?\s*)?"
    r"(?P<date>\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d{2}\b)",
    re.IGNORECASE,
)
_LABELLED = re.compile(
    r"^\s*\S.{0,60}?\b(?:DOB|D\.O\.B\.?|date of birth)\s*[:\-]?\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}"
)
"""A line giving a labelled date of birth after a few words: a record whatever the name."""
_BIRTH_LABEL = re.compile(r"\b(?:DOB|D\.O\.B\.?|date of birth|born)\b", re.IGNORECASE)
ADULT = 16
"""Years before today that every unlabelled date must be to be read as a date of birth."""
_FOOTER = re.compile(r"^\s*(?:page \d+|\d+\s*$|\d+ of \d+)", re.IGNORECASE)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_OFFENCE = re.compile(r"\b(?:offen[cs]es?|convictions?|conviction for)\s*[:\-]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Records:
    """The records found in a text, as table rows, and the text left once they are taken out."""

    rows: tuple[tuple[str, str, str, str, str], ...]
    rest: str
    header: tuple[str, ...] = HEADER
    """HEADER, with "Date" for the second column when the dates are not dates of birth."""


def records_in(text: str) -> Records | None:
    """The record lines of `text` as rows, when it holds at least RECORD_MIN of them."""
    if text.count("\n") + 1 < RECORD_MIN or "," not in text:
        return None
    records: list[list[str]] = []
    rest: list[str] = []
    following = 0
    for line in text.splitlines():
        start = _START.match(line)
        if start and _DATE.search(start.group("rest")) and looks_like_name(start.group("name")):
            records.append([line])
            following = 0
        elif records and _LABELLED.search(line):
            records.append([line])  # a name the gazetteer does not know, and its DOB
            following = 0
        elif (
            records and following < CONTINUATION_LINES and line.strip() and not _FOOTER.match(line)
        ):
            records[-1].append(line)
            following += 1
        else:
            rest.append(line)
            following = CONTINUATION_LINES
    if len(records) < RECORD_MIN:
        return None
    joined = [" ".join(lines) for lines in records]
    rows = tuple(_row(record) for record in joined)
    header = HEADER if _births(joined, rows) else ("Name", "Date", *HEADER[2:])
    return Records(rows, "\n".join(rest), header)


def _births(records: list[str], rows: tuple[tuple[str, ...], ...]) -> bool:
    """The dates are dates of birth: most are labelled so, or every one is an adult's."""
    labelled = sum(1 for record in records if _BIRTH_LABEL.search(record))
    if labelled * 2 >= len(records):
        return True
    today = date.today()
    born = [parse_date(row[1]) for row in rows]
    return all(b is not None and today.year - b.year >= ADULT for b in born)


def _row(record: str) -> tuple[str, str, str, str, str]:
    start = _START.match(record.strip())
    born = _DATE.search(start.group("rest") if start else record)
    assert born is not None
    if start is not None:
        name, rest = start.group("name"), start.group("rest")
    else:
        name, rest = record[: born.start()], record[born.start() :]
        born = _DATE.search(rest)
        assert born is not None
    after = rest[born.end() :]
    offence = ""
    label = _OFFENCE.search(after)
    if label:
        offence = after[label.end() :].strip()
        after = after[: label.start()]
    postcode = _POSTCODE.search(after)
    address = after
    if postcode:
        address = after[: postcode.start()] + after[postcode.end() :]
    address = " ".join(address.replace(" ,", ",").split()).strip(" ,;-")
    return (
        " ".join(name.split()),
        born.group("date"),
        address,
        postcode.group() if postcode else "",
        offence,
    )
