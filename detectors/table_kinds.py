"""What a table is about, from the meaning of its columns: case records (people in a crime,
incident or case), a staff list (role, rank, department, pay, service number), a contact list;
which of its columns are free-text notes; whether officers' numbers stand for them beside their
conduct records; whether a column of a special category holds an area's shares rather than
a person's own answer; and the header a split name column gets."""

from __future__ import annotations

import re
from collections.abc import Sequence

from detectors.columns import ColumnType, Cue, header_says, normal_header
from detectors.row_people import NameGroup
from detectors.table_roles import PARTY_WORDS, STAFF_CUES, cell

_STAFF_ENTITIES = frozenset({"POLICE_IDENTIFIER", "SALARY"})
_CASE_CUES = frozenset({Cue.OFFENCE, Cue.INCIDENT, Cue.PARTY})
_CASE_ENTITIES = frozenset(
    {"DATE_OF_BIRTH", "STREET_ADDRESS", "UK_POSTCODE", "CRIME_REFERENCE", "OFFENDER_IDENTIFIER"}
)
_CASE_CONTEXT = frozenset({"CRIME_REFERENCE", "OFFENDER_IDENTIFIER"})
"""Of the case-record entities, those that are a case by themselves (a date of birth or an
address is as much a register's or a zoo's)."""
_CONTACT_ENTITIES = frozenset({"EMAIL_ADDRESS", "PHONE_NUMBER"})
_CASE_HEADER = re.compile(r"\b(?:offen[cs]es?|crimes?|crime ref\w*|incidents?|occurrences?)\b")
"""Headers that make a table one of crimes or incidents (with a Victim/Witness party column)."""
NOTE_WORDS = 5
"""Words (of two letters or more) that make a sampled value a sentence, for a column with no
notes-like header: "Victim reported the theft of a bicycle", not "Rice long grain 1 kg"."""
_WORD = re.compile(r"[^\W\d_]{2,}")
_ADDRESS_HEADER = re.compile(r"\b(?:address(?:es)?|premises|property address|site address)\b")


def person_header(header: str) -> str:
    """The header of the name part of a compound column: "Victim" stays a party's name."""
    words = normal_header(header).split()
    party = any(w in PARTY_WORDS or w.removesuffix("s") in PARTY_WORDS for w in words)
    return f"{header} name" if party else "Name"


def case_table(headers: Sequence[str], types: Sequence[ColumnType]) -> bool:
    """A table of crimes or incidents: an offence, crime or incident column, or a party one."""
    return any(t.cue is Cue.PARTY for t in types) or any(
        _CASE_HEADER.search(normal_header(h)) for h in headers
    )


def notes_columns(
    headers: Sequence[str], types: Sequence[ColumnType], sample: Sequence[Sequence[str]]
) -> frozenset[int]:
    """Columns of free-text notes: headed as notes, or holding mostly sentences, and not
    already judged to hold an entity nor headed as addresses or places (a long address is no
    sentence, and the names in it are of buildings and hamlets; "On or near Cherry Orchard
    Lane" in a crime file's Location column is a street)."""
    columns = set()
    for i, column in enumerate(types):
        if column.entity or (column.cue is Cue.LOCATION and not header_says(headers[i], Cue.NOTES)):
            continue
        if _ADDRESS_HEADER.search(normal_header(headers[i])):
            continue
        if column.cue is Cue.NOTES:
            columns.add(i)
            continue
        values = [v for v in (cell(row, i) for row in sample) if v.strip()]
        sentences = sum(1 for v in values if len(_WORD.findall(v)) >= NOTE_WORDS)
        if len(values) >= 5 and sentences * 2 >= len(values):
            columns.add(i)
    return frozenset(columns)


def table_kinds(
    types: Sequence[ColumnType],
    groups: Sequence[NameGroup],
    found: set[str],
    stations: bool = False,
) -> set[str]:
    """Kinds from meaning: case records are about people in a crime, incident or case (an
    offence, a party, a crime reference), not any table with a date of birth or an address;
    a staff list gives a role, rank, department, pay, service number or station."""
    if not groups:
        return {"contact_list"} if found & _CONTACT_ENTITIES else set()
    cues = {t.cue for t in types}
    entities = {t.entity for t in types if t.entity}
    party = any(w in PARTY_WORDS for g in groups for w in g.prefix.split())
    kinds: set[str] = set()
    if cues & _CASE_CUES or entities & _CASE_ENTITIES & _CASE_CONTEXT or party:
        kinds.add("case_records")
    if cues & STAFF_CUES or found & _STAFF_ENTITIES or (stations and not kinds):
        kinds.add("staff_list")
    if found & _CONTACT_ENTITIES:
        kinds.add("contact_list")
    return kinds


_OFFICER_NUMBER = re.compile(
    r"\b(?:(?:collar|shoulder|warrant|badge|service|staff|payroll|employee|personnel)\s?"
    r"(?:no|number|num|id)|collar|warrant|tax ?(?:id|registry))\b"
)
"""Headers of one officer's own number (not a force's or a budget's "code"); a US force's tax
registry number ("Tax ID") is its officer's payroll number."""
_CONDUCT = re.compile(
    r"\b(?:misconduct|allegations?|complaints?|discipline|disciplinary|sanctions?|outcomes?|"
    r"findings?|penalt(?:y|ies)|hearings?)\b"
)
"""Headers that say what an officer's conduct record holds. Not offences or charges: beside
those, a "warrant number" is the arrest warrant's, not an officer's."""


def conduct_by_number(headers: Sequence[str], types: Sequence[ColumnType]) -> bool:
    """Misconduct outcomes listed by collar, warrant or staff number: each number points at
    one officer, named or not. A list of numbers with job titles and start dates says
    nothing more of anyone than a duty roster does."""
    normal = [normal_header(h) for h in headers]
    numbered = any(
        t.entity == "POLICE_IDENTIFIER" and _OFFICER_NUMBER.search(h)
        for h, t in zip(normal, types, strict=True)
    )
    return numbered and any(_CONDUCT.search(h) for h in normal)


_SHARE = re.compile(r"-?\d*\.\d*[1-9]\d*%?|\d+(?:\.\d+)?%")


def area_shares(types: Sequence[ColumnType], sample: Sequence[Sequence[str]]) -> set[int]:
    """Columns whose cells are fractions or percentages (20.84, 3.5%) in a table whose rows
    are seats, wards or regions: a column headed "Illness" or "Disabled" there gives each
    area's share of its population, not a person's health. One person's answer is a word, a
    code or a whole number."""
    if not any(t.cue is Cue.LOCATION for t in types):
        return set()
    found = set()
    for i in range(len(types)):
        filled = [v.strip() for v in (cell(row, i) for row in sample) if v.strip()]
        shares = sum(1 for v in filled if _SHARE.fullmatch(v))
        if len(filled) >= 3 and shares * 10 >= len(filled) * 8:
            found.add(i)
    return found
