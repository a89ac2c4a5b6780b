"""Cells that join a name and one more value ("Jane Smith, 01/02/1980", "Jane Smith (07700…)",
"Smith, Jane - Police Department").

Such a column is neither a name column nor a date column, so it was judged to hold nothing.
Split in two, each part is judged and counted like any other column: the name as a person,
the date as a date of birth when every sampled date is an adult's, the number as a phone,
the body a person is named for as their department.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from detectors.names import looks_like_name, name_evidence, parse_name
from detectors.places import is_place_or_org
from detectors.prose_records import ADULT
from detectors.recognizers.date_of_birth import is_plausible_birth_date, parse_date

SHARE = 0.6
"""Share of a column's sampled values that must be compound before it is split."""
KNOWN = 0.25
"""Share of them whose name the gazetteer must know, for a name before a body's."""
_DATE_CELL = re.compile(
    r"^(?P<name>[^()\d]{3,60}?)[\s,;:]+(?:(?:dob|d\.o\.b\.?|born|b\.)[\s:]*)?"
    r"(?P<value>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4})$",
    re.IGNORECASE,
)
_PHONE_CELL = re.compile(
    r"^(?P<name>[^()\d]{3,60}?)[\s,;:-]*\(?\s*(?:tel|mob(?:ile)?|phone)?[\s.:]*"
    r"(?P<value>(?:\+44\s?\(?0?\)?\s?|0)\d[\d ]{8,12})\s*\)?$",
    re.IGNORECASE,
)

_BODY_CELL = re.compile(r"^(?P<name>[^()\d;]{3,60}?)\s+[-–]\s+(?P<value>[^;]{3,80}?)$")
"""A name, then the body the person acts for ("Smith, Jane - Police Department, NYC"): a
list of defendant officers or of counsel."""
_PATTERNS = ((_DATE_CELL, "Date"), (_PHONE_CELL, "Phone"), (_BODY_CELL, "Department"))


_PARTY = re.compile(
    r"^(?P<role>victim|witness|suspect|offender|complainant|informant|defendant|accused)s?"
    r"\s*[:\-]?\s*(?P<name>[^()\d;:]{3,60}?)\s*(?:\(\s*(?:(?:dob|d\.o\.b\.?|born|b\.)[\s:]*)?"
    r"(?P<value>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4})\s*\))?$",
    re.IGNORECASE,
)
"""One party to a case in a cell: "victim Jane Smith (DOB 01/02/1980)", "witness: Paul Brown"."""


@dataclass(frozen=True)
class Split:
    """A compound column, and the header its second part gets ("Date of birth", "Phone").

    A column of parties ("victim Jane Smith (DOB 01/02/1980); witness Paul Brown") has its
    `roles` instead: each role named in it, in order, and whether a date of birth is given
    with it; it becomes a name column per role ("Victim name") and a date of birth column
    for each role that has dates."""

    column: int
    extra: str
    roles: tuple[tuple[str, bool], ...] = ()

    def headers(self, person: str) -> list[str]:
        """Headers of the columns this split adds; `person` that of a name part."""
        if not self.roles:
            return [person, self.extra]
        added = []
        for role, dated in self.roles:
            added.append(f"{role.capitalize()} name")
            if dated:
                added.append(f"{role.capitalize()} date of birth")
        return added


def compound_columns(sample: Sequence[Sequence[str]], skip: Sequence[bool]) -> list[Split]:
    """Columns (other than those `skip` marks, already judged) whose values are mostly a name
    joined to a date or a phone number."""
    splits = []
    for i, judged in enumerate(skip):
        if judged:
            continue
        values = [_cell(row, i) for row in sample]
        values = [v for v in values if v]
        if len(values) < 3:
            continue
        for pattern, extra in _PATTERNS:
            parts = [m for m in (pattern.fullmatch(v) for v in values) if m]
            named = [m for m in parts if _named(m, extra)]
            if extra == "Department":
                # Names of any origin stand before a body: shaped as names, a quarter known.
                shaped = [m for m in parts if _shaped(m)]
                if len(shaped) < SHARE * len(values) or len(named) < KNOWN * len(values):
                    continue
            elif len(named) < SHARE * len(values):
                continue
            if extra == "Date" and all(_adult_birth(m.group("value")) for m in named):
                extra = "Date of birth"
            splits.append(Split(i, extra))
            break
        else:
            roles = _party_roles(values)
            if roles:
                splits.append(Split(i, "", roles))
    return splits


def _parties(value: str) -> list[re.Match[str]] | None:
    """The parties a cell names, when it is wholly made of them (split at ";")."""
    parts = [part.strip() for part in value.split(";") if part.strip()]
    matches = [_PARTY.fullmatch(part) for part in parts]
    if not matches or any(m is None for m in matches):
        return None
    return [m for m in matches if m is not None]


def _party_roles(values: Sequence[str]) -> tuple[tuple[str, bool], ...]:
    """The roles of a column mostly of parties with names the gazetteer knows, else ()."""
    roles: dict[str, bool] = {}
    named = 0
    for value in values:
        parties = _parties(value)
        if parties is None:
            continue
        named += any(looks_like_name(m.group("name")) for m in parties)
        for m in parties:
            role = m.group("role").casefold()
            roles[role] = roles.get(role, False) or bool(m.group("value"))
    return tuple(roles.items()) if named >= SHARE * len(values) else ()


def _named(match: re.Match[str], extra: str) -> bool:
    """The cell's first part is a name, and for a body, its second part names one."""
    if extra == "Department" and not _shaped(match):
        return False
    name = match.group("name").strip(" ,;:-")
    return (
        name_evidence(parse_name(name)) >= 0.5 if extra == "Department" else looks_like_name(name)
    )


def _shaped(match: re.Match[str]) -> bool:
    """A name's shape before a body's name ("Smith, Jane - Police Department")."""
    name = parse_name(match.group("name").strip(" ,;:-"))
    return name is not None and bool(name.surname) and is_place_or_org(match.group("value"))


def _pattern(split: Split) -> re.Pattern[str]:
    return next(pattern for pattern, extra in _PATTERNS if extra in split.extra)


def _adult_birth(value: str) -> bool:
    """A date that could be an adult's birth: a date beside a name this year is an event."""
    born = parse_date(value)
    return (
        born is not None
        and is_plausible_birth_date(value)
        and (date.today().year - born.year >= ADULT)
    )


def is_compound(value: str, split: Split) -> bool:
    """`value` is a name joined to the kind of value `split` separates: a header cell such as
    "Jane Smith, 01/02/1980" above a column of the same is its first row, not its heading."""
    if split.roles:
        parties = _parties(value.strip())
        return bool(parties) and any(looks_like_name(m.group("name")) for m in parties or [])
    match = _pattern(split).fullmatch(value.strip())
    return match is not None and _named(match, split.extra)


def split_row(row: Sequence[str], splits: Sequence[Split], width: int) -> tuple[str, ...]:
    """The row padded to `width`, with each compound cell moved into two cells at the end."""
    cells = [_cell(row, i) for i in range(max(width, len(row)))][:width]
    added: list[str] = []
    for split in splits:
        value = cells[split.column]
        if split.roles:
            parties = _parties(value) or []
            if parties:
                cells[split.column] = ""
            for role, dated in split.roles:
                party = next((m for m in parties if m.group("role").casefold() == role), None)
                added.append(party.group("name").strip() if party else "")
                if dated:
                    added.append((party.group("value") or "") if party else "")
            continue
        match = _pattern(split).fullmatch(value)
        if match:
            cells[split.column] = ""
            added += [match.group("name").strip(" ,;:-"), match.group("value")]
        else:
            added += ["", ""]
    return (*cells, *added)


def _cell(row: Sequence[str], index: int) -> str:
    value = row[index] if index < len(row) else ""
    return value.strip() if isinstance(value, str) else str(value or "")
