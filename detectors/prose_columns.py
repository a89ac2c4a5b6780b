"""Columns laid out with spaces in prose: a table printed as text is read as a table.

Slides, PDFs and plain-text exports often print a list one row per line with its fields set
apart by runs of spaces or tabs ("Watson, Susan   Police Constable   6829   Firearms"). When
at least COLUMN_ROWS lines of a text split into the same number (three or more) of fields,
and they are most of its lines, those lines become the rows of a table with no header, judged
by its values like any other table; the other lines stay prose.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from detectors.names import is_forename, looks_like_name, normal

COLUMN_ROWS = 5
"""Lines of one shape a text needs before they are read as a table."""
MIN_FIELDS = 3
SHARE = 0.6
"""Share of the text's non-blank lines that must have that shape."""
_GAP = re.compile(r"\t+|\s{2,}")


@dataclass(frozen=True)
class Columns:
    rows: tuple[tuple[str, ...], ...]
    rest: str


ROW_CHARS = 500
"""Longest text taken as one spaced-out row (a paragraph of a document)."""


def spaced_row(text: str) -> bool:
    """A text of one line that splits into MIN_FIELDS or more fields set apart by spaces or
    tabs: a row of a table printed one paragraph per row."""
    line = text.strip()
    if not line or len(line) > ROW_CHARS or "\n" in line:
        return False
    return len([f for f in _GAP.split(line) if f]) >= MIN_FIELDS


def columns_in(text: str) -> Columns | None:
    """The spaced-out rows of `text` as a headerless table, when most of its lines are such."""
    if text.count("\n") + 1 < COLUMN_ROWS:
        return None
    lines = [line for line in text.splitlines() if line.strip()]
    split = [tuple(f for f in _GAP.split(line.strip()) if f) for line in lines]
    widths = Counter(len(fields) for fields in split if len(fields) >= MIN_FIELDS)
    if not widths:
        return None
    width, count = widths.most_common(1)[0]
    if count < COLUMN_ROWS or count < SHARE * len(lines):
        return None
    rows = tuple(fields for fields in split if len(fields) == width)
    rest = "\n".join(
        line for line, fields in zip(lines, split, strict=True) if len(fields) != width
    )
    return Columns(rows, rest)


_NAMED = re.compile(
    r"(?P<before>^|.*?\s)(?P<name>(?:Mc|Mac|O['’])?[A-Z]{2,}(?:['’\- ][A-Z]{2,})*,\s*"
    r"[A-Z][a-z'’\-]+)(?P<after>(?:\s.*)?)$"
)
"""A line with one "SURNAME, Forename" in it, and what stands before and after it."""
_LAST_NUMBER = re.compile(r"^(?P<text>.*?)\s*(?P<number>\d[\d,.]*)?$")


@dataclass(frozen=True)
class Named:
    """Lines printed from a table whose rows each hold one "SURNAME, Forename": their cells
    (before the name, the name, after it, a closing figure) and the header line above them,
    split into as many cells when it has as many words."""

    rows: tuple[tuple[str, ...], ...]
    header: tuple[str, ...]
    rest: str


def named_lines_in(text: str) -> Named | None:
    """The rows of a table printed with single spaces ("Abbeyfield SMITH, Jane Labour 2274"),
    when at least COLUMN_ROWS lines, and most of the text's lines, hold one such name."""
    if text.count("\n") + 1 < COLUMN_ROWS or "," not in text:
        return None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    matches = [_NAMED.match(line) for line in lines]
    named = [m for m in matches if m is not None]
    if len(named) < COLUMN_ROWS or len(named) < SHARE * len(lines):
        return None
    rows = []
    for m in named:
        name, after = m.group("name"), m.group("after").strip()
        second = after.split(" ", 1)
        if second[0] and is_forename(normal(second[0])):  # "SMITH, Mary Anne"
            name, after = f"{name} {second[0]}", second[1] if len(second) > 1 else ""
        last = _LAST_NUMBER.match(after)
        assert last is not None
        cells = (m.group("before").strip(), name, last.group("text"), last.group("number") or "")
        rows.append(cells)
    width = 4
    first = next(i for i, m in enumerate(matches) if m is not None)
    header: tuple[str, ...] = ()
    if first and not any(c.isdigit() for c in lines[first - 1]):
        words = tuple(lines[first - 1].split())
        header = words if len(words) == width else ()
    rest = "\n".join(
        line
        for i, (line, m) in enumerate(zip(lines, matches, strict=True))
        if m is None and not (header and i == first - 1)
    )
    return Named(tuple(rows), header, rest)


LED_WORDS = 8
"""Most words a name-led line may hold after the name: a row of a list, not a sentence."""
_LED = re.compile(r"^\s*(?P<a>[A-Z][A-Za-z'’\-]+) (?P<b>[A-Z][A-Za-z'’\-]+)(?: (?P<rest>.+))?$")


@dataclass(frozen=True)
class Led:
    """Lines printed from a table whose rows start with a person's two names, in either order
    ("Abbott Hilary Police Constable 5110"): the two names, the words after them and a
    closing figure, as cells of a table; its header when a line above the rows names the two
    name columns ("LAST NAME FIRST NAME STAR/BADGE …"), else none."""

    rows: tuple[tuple[str, ...], ...]
    rest: str
    header: tuple[str, ...] = ()


_SURNAME_HEAD = r"last ?name|surname|family ?name"
_FORENAME_HEAD = r"first ?names?|forenames?|given ?names?"
_NAME_HEADS = re.compile(
    rf"^\s*(?:(?P<s1>{_SURNAME_HEAD})\W+(?P<f1>{_FORENAME_HEAD})"
    rf"|(?P<f2>{_FORENAME_HEAD})\W+(?P<s2>{_SURNAME_HEAD}))\b",
    re.IGNORECASE,
)


def _name_header(lines: list[str]) -> tuple[str, ...]:
    """The header of the printed rows from the last line above them that starts by naming
    the surname and forename columns, in the order the rows give them."""
    for line in reversed(lines[-3:]):
        match = _NAME_HEADS.match(line)
        if match is not None:
            first, second = (
                (match.group("s1"), match.group("f1"))
                if match.group("s1")
                else (match.group("f2"), match.group("s2"))
            )
            return (first, second, "", "")
    return ()


def name_led_lines_in(text: str) -> Led | None:
    """The rows of a list printed with single spaces whose lines start with a name, when at
    least COLUMN_ROWS lines, and most of the text's lines, are such rows: short, with every
    word after the name capitalised or a figure."""
    if text.count("\n") + 1 < COLUMN_ROWS:
        return None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    headed = next((i for i, line in enumerate(lines) if _NAME_HEADS.match(line)), None)
    if headed is not None:
        # Under a line naming the surname and forename columns, the rows need not be names
        # the gazetteer knows: a roster of any origin is read by its shape.
        cells = [None] * (headed + 1) + [_led(line, known=False) for line in lines[headed + 1 :]]
        shaped = sum(1 for row in cells if row is not None)
        if shaped >= COLUMN_ROWS and shaped >= SHARE * (len(lines) - headed - 1):
            rows = tuple(row for row in cells if row is not None)
            rest = "\n".join(line for line, row in zip(lines, cells, strict=True) if row is None)
            return Led(rows, rest, _name_header(lines[: headed + 1]))
    cells = [_led(line) for line in lines]
    known = sum(1 for row in cells if row is not None)
    if known < COLUMN_ROWS or known < SHARE * len(lines):
        return None
    # Among them, a line of the same shape after the first is a row too, whether or not the
    # gazetteer knows its names; a line above them is a header or a title.
    first = next(i for i, row in enumerate(cells) if row is not None)
    cells = [row or (_led(line, known=False) if i > first else None)
             for i, (line, row) in enumerate(zip(lines, cells, strict=True))]  # fmt: skip
    rows = tuple(row for row in cells if row is not None)
    rest = "\n".join(line for line, row in zip(lines, cells, strict=True) if row is None)
    return Led(rows, rest, _name_header(lines[:first]))


def _led(line: str, known: bool = True) -> tuple[str, ...] | None:
    match = _LED.match(line)
    if match is None or not match.group("rest"):
        return None
    first, second, rest = match.group("a"), match.group("b"), match.group("rest")
    words = rest.split()
    if len(words) > LED_WORDS or any(w[0].islower() for w in words):
        return None
    if known and not (looks_like_name(f"{first} {second}") or looks_like_name(f"{second} {first}")):
        return None
    last = _LAST_NUMBER.match(rest)
    assert last is not None
    return (first, second, last.group("text"), last.group("number") or "")
