"""Tables of made-up people, shaped like a real export for a manual, a template or a
software test: the alphabet's placeholder names one per row ("Alice Johnson", "Bob Smith",
"Carol White", "David Brown"…), or the commonest surnames one after another ("John Smith",
"Sarah Johnson", "Michael Davis", "Jennifer Martinez"…). No real list of people runs through
the alphabet a letter a row, nor holds five people or more whose surnames are all among the
sixteen commonest; a table of either names no one.

A table whose column of phone numbers holds (nearly) only numbers Ofcom keeps for drama
("07700 900461", "0113 496 0127", "01632 960001"), which no one is ever given, is made up too:
a generator's test data or a training file, whatever its names look like.

Only the whole table counts: a specimen row over a real list (an example row under the
header, then the staff) leaves the rest as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from detectors.names import NameForm, normal
from detectors.row_people import NameGroup
from detectors.table_roles import cell
from detectors.vocab import wordset

SPECIMEN_ROWS = 5
"""Rows a table must have for its names to be told made up: fewer prove nothing."""
COMMONEST = wordset("""
    smith johnson williams brown jones garcia miller davis rodriguez martinez wilson taylor
    davies evans thomas roberts
    """)
"""The commonest surnames of the US and of England and Wales, which a specimen table takes
one after another."""


_DRAMA = re.compile(
    r"0(?:7700900|11[3-8]4960|1[2-6]14960|1914980|2079460|2890180|2920180|1632960|8081570|"
    r"9098790|3069990)\d{3}"
)
"""The numbers Ofcom keeps for drama and examples, digits only, from 0: mobiles 07700 900xxx,
London 020 7946 0xxx, the big cities' 01x1 496 0xxx and 011x 496 0xxx, Tyneside 0191 498
0xxx, Northern Ireland 028 9018 0xxx, Cardiff 029 2018 0xxx, no area 01632 960xxx, and a freephone,
premium and 03 range."""
_PHONE_CHARS = re.compile(r"[\s().-]")


def _drama_number(value: str) -> bool:
    digits = _PHONE_CHARS.sub("", value)
    digits = (
        "0" + digits[3:].removeprefix("(0)").removeprefix("0")
        if digits.startswith("+44")
        else digits
    )
    return _DRAMA.fullmatch(digits) is not None


DRAMA_SHARE = 0.8
"""Share of a table's rows whose number in one column is kept for drama, for the table to be
made up: a generator mixes in a few numbers of its own making (outside the kept ranges), a
real list has none."""


def drama_numbers(sample: Sequence[Sequence[str]]) -> bool:
    """True when one column of the table holds a number kept for drama on nearly every row."""
    if len(sample) < SPECIMEN_ROWS:
        return False
    width = max(len(row) for row in sample)
    least = max(SPECIMEN_ROWS, DRAMA_SHARE * len(sample))
    return any(sum(_drama_number(cell(row, i)) for row in sample) >= least for i in range(width))


def specimen_people(sample: Sequence[Sequence[str]], groups: Sequence[NameGroup]) -> bool:
    """True when every row of the table names a made-up person: forenames running A, B, C…
    a letter a row, or distinct surnames all among the commonest, or a phone number kept
    for drama on nearly every row."""
    if groups and drama_numbers(sample):
        return True
    names = [_name(row, group) for row in sample for group in groups[:1]]
    names = [n for n in names if n]
    if len(names) < SPECIMEN_ROWS or len(names) < len(sample):
        return False
    letters = [n[0][:1].casefold() for n in names]
    if letters == [chr(ord("a") + i) for i in range(len(letters))]:
        return True
    surnames = [n[-1] for n in names]
    return len(set(surnames)) == len(surnames) and all(s in COMMONEST for s in surnames)


def _name(row: Sequence[str], group: NameGroup) -> list[str]:
    """The normalised words of the person a row names: forename first, surname last."""

    def value(form: NameForm) -> str:
        index = group.forms.get(form)
        return cell(row, index) if index is not None else ""

    if NameForm.FULL in group.forms:
        full = value(NameForm.FULL)
        if "," in full:  # "Smith, John"
            surname, _, given = full.partition(",")
            full = f"{given} {surname}"
        words = full.split()
    else:
        words = [*value(NameForm.FORENAME).split(), *value(NameForm.SURNAME).split()]
    return [normal(w) for w in words if normal(w)]
