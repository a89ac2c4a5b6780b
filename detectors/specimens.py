"""Tables of made-up people, shaped like a real export for a manual, a template or a
software test: the alphabet's placeholder names one per row ("Alice Johnson", "Bob Smith",
"Carol White", "David Brown"…), or the commonest surnames one after another ("John Smith",
"Sarah Johnson", "Michael Davis", "Jennifer Martinez"…). No real list of people runs through
the alphabet a letter a row, nor holds five people or more whose surnames are all among the
sixteen commonest; a table of either names no one.

Only the whole table counts: a specimen row over a real list (an example row under the
header, then the staff) leaves the rest as it is.
"""

from __future__ import annotations

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


def specimen_people(sample: Sequence[Sequence[str]], groups: Sequence[NameGroup]) -> bool:
    """True when every row of the table names a made-up person: forenames running A, B, C…
    a letter a row, or distinct surnames all among the commonest."""
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
