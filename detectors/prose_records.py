"""Record-shaped lines in prose: a list printed one person per line is a table, not prose.

A PDF or plain-text list such as "SMITH, John DOB 01/02/1980 12 High Street, Norwich NR1 1AA
Offence: ...", a complaint summary such as "Jane Smith, 4 Mill Lane, Diss IP22 4AB, 07700 900123"
or a column of "Jane Smith, 01/02/1980" lines is read line by line: each line that starts with
a name ("SURNAME, Forename" or "Forename Surname") and gives a date, a postcode or a phone number
is one person's record, and the lines after it (up to the next record) continue it. From
RECORD_MIN such lines on, the records become the rows of a table (name, date of birth, address,
postcode, offence, phone), so that every line is counted and the offence gives the special
category. A line that starts "Forename Surname" must read as a record, not a sentence: most of
its words are capitalised or figures ("Jane Smith said on 01/02/2024 that..." is prose).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from detectors.names import is_listed_name, looks_like_name, parse_name
from detectors.recognizers.date_of_birth import parse_date

RECORD_MIN = 3
"""Record lines a text must hold before they are read as a table."""
CONTINUATION_LINES = 3
"""Lines after a record's first one that may still belong to it (an address, the offence)."""
HEADER = ("Name", "Date of birth", "Address", "Postcode", "Offence", "Phone")

_WORD = r"[^\W\d_][^\W\dA-Z_'’\-]+(?:['’\-][^\W\d_]+)*"
"""A forename: a capital and small letters ("DOB" after a name is not one)."""
_SURNAME_WORD = rf"(?:Mc|Mac|O['’]|D['’])?{_WORD}"
_BULLET = r"(?:\d{1,4}[.)]?\s+|[.\-–•*·]\s*)?"
"""A list's number or bullet before a record ("12. ", "- ", "• ")."""
_START = re.compile(
    rf"^\s*{_BULLET}(?P<name>(?:Mc|Mac|O['’])?[A-Z]{{2,}}(?:['’\- ][A-Z]{{2,}})*"
    rf",\s*{_WORD}(?: {_WORD}){{0,2}})(?P<rest>.*)$"
)
_FIRST = re.compile(rf"^\s*{_BULLET}(?P<words>{_WORD}(?: {_SURNAME_WORD}){{1,3}})(?P<rest>.*)$")
"""A line starting "Forename [Middle] Surname": the longest run of words that is a name."""
_PHONE = re.compile(r"(?<![\d/])(?:\+44\s?\(?0?\)?\s?|\b0)\d{3,4}[\s\-]?\d{3}[\s\-]?\d{3,4}\b")
CAPITALISED = 0.7
"""Share of the words after a "Forename Surname" that must be capitalised or figures."""
_TOKEN = re.compile(r"[^\W_][\w'’\-]*")
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

    rows: tuple[tuple[str, str, str, str, str, str], ...]
    rest: str
    header: tuple[str, ...] = HEADER
    """HEADER, with "Date" for the second column when the dates are not dates of birth, and
    "Details" for the third when what is left of the lines is no address."""


def records_in(text: str) -> Records | None:
    """The record lines of `text` as rows, when it holds at least RECORD_MIN of them."""
    if text.count("\n") + 1 < RECORD_MIN or not any(c.isdigit() for c in text):
        return None
    lines = text.splitlines()
    known = [lead(line) for line in lines]
    if sum(1 for led in known if led is not None) < RECORD_MIN:
        return None
    # Among enough lines whose names the gazetteer knows, a line of the same shape names a
    # person too ("Gordon May, 07/09/2004"), read with as many words as the others' names.
    sizes = Counter(len(led[0].split()) for led in known if led is not None and "," not in led[0])
    size = sizes.most_common(1)[0][0] if sizes else 2
    records: list[list[str]] = []
    rest: list[str] = []
    following = 0
    strong = 0
    for line, led in zip(lines, known, strict=True):
        if led is not None or lead(line, size) is not None:
            records.append([line])
            following = 0
            strong += led is not None
        elif records and _LABELLED.search(line):
            records.append([line])  # a name the gazetteer does not know, and its DOB
            following = 0
        elif (
            records
            and following < CONTINUATION_LINES
            and line.strip()
            and not _FOOTER.match(line)
            and (_OFFENCE.search(line) or _capitalised(line))
        ):
            records[-1].append(line)
            following += 1
        else:
            rest.append(line)
            following = CONTINUATION_LINES
    if len(records) < RECORD_MIN or strong * 2 < len(records):
        return None
    joined = [" ".join(record) for record in records]
    rows = tuple(_row(record, size) for record in records)
    header = list(HEADER if _births(joined, rows) else ("Name", "Date", *HEADER[2:]))
    if not _addressed(rows):
        header[2] = "Details"  # "Robbery - Castlegate": what happened, read as notes
    return Records(rows, "\n".join(rest), tuple(header))


def _addressed(rows: tuple[tuple[str, ...], ...]) -> bool:
    """Most rows give a postcode, or a house number or flat in what is left: an address."""
    told = [row for row in rows if row[2]]
    homes = sum(1 for row in told if row[3] or any(c.isdigit() for c in row[2]))
    return homes * 2 >= len(told)


LINE_CHARS = 500
"""Longest text taken as one record line (a paragraph of a document)."""


def is_record_line(text: str) -> bool:
    """A text of one line that is one person's record: a paragraph of a list printed one
    person per paragraph, gathered with the paragraphs around it by the caller."""
    line = text.strip()
    if not line or len(line) > LINE_CHARS or "\n" in line:
        return False
    return lead(line, 2) is not None or _LABELLED.search(line) is not None


def lead(line: str, size: int = 0) -> tuple[str, str] | None:
    """(name, the rest) of a line that starts with a person's name and gives a date, a
    postcode or a phone number after it: one person's record. None for any other line.

    With no `size`, the name must be one the gazetteer knows; with a `size`, any words shaped
    like a name will do, the first `size` of them for a "Forename Surname" line."""
    start = _START.match(line)
    if start is not None and _named(start.group("name"), size):
        rest = start.group("rest")
        if _DATE.search(rest) or _POSTCODE.search(rest) or _PHONE.search(rest):
            return start.group("name"), rest
    first = _FIRST.match(line)
    if first is None:
        return None
    words = first.group("words").split(" ")
    for taken in (size,) if size else range(len(words), 1, -1):
        name = " ".join(words[:taken])
        if taken <= len(words) and _named(name, size):
            rest = " ".join(words[taken:]) + first.group("rest")
            break
    else:
        return None
    details = _OFFENCE.split(rest, maxsplit=1)[0]
    has = _DATE.search(details) or _POSTCODE.search(details) or _PHONE.search(details)
    return (name, rest) if has and (_capitalised(details) or _at_once(details)) else None


def _at_once(details: str) -> bool:
    """The date, postcode or phone number comes straight after the name ("Kim Jones
    (19/04/1994) - Robbery - Castlegate"): a record whatever words follow, where a sentence
    would put words between ("Kim Jones said on 19/04/2024 ...")."""
    after = details.lstrip(" ,;:([-–")
    return any(p.match(after) for p in (_DATE, _POSTCODE, _PHONE))


def _named(name: str, size: int) -> bool:
    return looks_like_name(name) if not size else is_listed_name(parse_name(name))


def _capitalised(text: str) -> bool:
    """Most words are capitalised or figures: an address or a date, not a sentence."""
    words = _TOKEN.findall(_BIRTH_LABEL.sub("", text))
    upper = sum(1 for w in words if not w[0].islower())
    return not words or upper >= CAPITALISED * len(words)


def _births(records: list[str], rows: tuple[tuple[str, ...], ...]) -> bool:
    """The dates are dates of birth: most are labelled so, or every one is an adult's."""
    labelled = sum(1 for record in records if _BIRTH_LABEL.search(record))
    if labelled * 2 >= len(records):
        return True
    today = date.today()
    born = [parse_date(row[1]) for row in rows if row[1]]
    return bool(born) and all(b is not None and today.year - b.year >= ADULT for b in born)


def _row(lines: list[str], size: int) -> tuple[str, str, str, str, str, str]:
    led = lead(lines[0].strip()) or lead(lines[0].strip(), size)
    if led is not None:
        name, rest = led
    else:  # a line with a labelled date of birth: the name is what comes before it
        born = _DATE.search(lines[0])
        assert born is not None
        name, rest = lines[0][: born.start()], lines[0][born.start() :]
    rest = " ".join([rest, *lines[1:]])
    offence = ""
    label = _OFFENCE.search(rest)
    if label:
        offence = rest[label.end() :].strip()
        rest = rest[: label.start()]
    found = []
    for pattern in (_DATE, _PHONE, _POSTCODE):
        match = pattern.search(rest)
        found.append(match.group("date") if pattern is _DATE and match else "")
        if match:
            found[-1] = found[-1] or match.group()
            rest = rest[: match.start()] + " , " + rest[match.end() :]
    dated, phone, postcode = found
    address = " ".join(rest.replace(" ,", ",").split())
    address = re.sub(r"(?:,\s*)+", ", ", address).strip(" ,;-()")
    return (" ".join(name.split()).strip(" ,;:-"), dated, address, postcode, offence, phone)
