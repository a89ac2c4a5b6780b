"""Who a table row names: name columns grouped into one person each ("Victim surname" with
"Victim forename"), the surnames found beside a column of forenames, the name read from them,
and the salted identity keys people are counted by (never kept, never reported)."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from detectors.columns import (
    ColumnType,
    Cue,
    is_header_label,
    judge_surnames,
    name_header,
    normal_header,
)
from detectors.names import NameForm, PersonName, is_listed_name, parse_name
from detectors.table_roles import cell
from detectors.vocab import wordset

_NAME_WORDS = wordset(
    "name names full surname forename forenames first last family given initial initials"
)


@dataclass(frozen=True)
class PersonKeys:
    """Hashed identity keys of one person in one row; kept in memory only, never reported."""

    ident: int | None
    full: int | None
    short: int | None
    source: int = -1
    """Which table or text the row came from: a weak key repeated within one table is
    several people ("Smith J" twice in a staff list), repeated across tables the same one."""
    birth: int | None = None
    """The date of birth beside the name, when the row gives one: two "John Smith" rows with
    different dates of birth are two people, and a "John Smith" with none is either of them."""


_SALT = os.urandom(16)


def identity(*parts: str) -> int:
    """A salted hash of a normalised identity key ("full", "smith|john"): equal for equal keys
    within one run, meaningless outside it, so people are counted without keeping who they are."""
    data = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, key=_SALT, digest_size=8).digest(), "big")


@dataclass
class NameGroup:
    """Name columns that together name one person per row (e.g. 'Victim surname' + 'forename')."""

    prefix: str
    forms: dict[NameForm, int] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return NameForm.FULL in self.forms or NameForm.SURNAME in self.forms


def name_groups(headers: Sequence[str], types: Sequence[ColumnType]) -> list[NameGroup]:
    groups: list[NameGroup] = []
    for i, t in enumerate(types):
        if t.cue is not Cue.NAME or t.form is None:
            continue
        # A column judged from its values alone has no header to group it by.
        words = normal_header(headers[i]).split() if t.hint or is_header_label(headers[i]) else []
        prefix = " ".join(w for w in words if w not in _NAME_WORDS)
        group = next((g for g in groups if g.prefix == prefix and t.form not in g.forms), None)
        if group is None:
            group = NameGroup(prefix)
            groups.append(group)
        group.forms[t.form] = i
    return [g for g in groups if g.usable]


def group_score(group: NameGroup, types: Sequence[ColumnType]) -> float:
    return max(types[i].score for i in group.forms.values())


def read_name(row: Sequence[str], group: NameGroup) -> PersonName | None:
    if NameForm.FULL in group.forms:
        name = parse_name(cell(row, group.forms[NameForm.FULL]))
        return name if is_listed_name(name) else None
    surname = parse_name(cell(row, group.forms[NameForm.SURNAME]), NameForm.SURNAME)
    if not is_listed_name(surname):
        return None
    assert surname is not None
    for form in (NameForm.FORENAME, NameForm.INITIALS):
        if form in group.forms:
            given = parse_name(cell(row, group.forms[form]), form)
            if given is not None:
                return PersonName(surname.surname, given.forenames)
    return surname


def row_keys(
    row: Sequence[str],
    present: Sequence[PersonName],
    key_cols: Sequence[int],
    dob: int | None,
    source: int,
) -> Iterable[PersonKeys]:
    birth = cell(row, dob) if dob is not None else ""
    born = identity("birth", " ".join(birth.split())) if birth else None
    if not present:
        ident = next((cell(row, i) for i in key_cols if cell(row, i)), "")
        if ident:
            yield PersonKeys(identity("id", ident.casefold().replace(" ", "")), None, None, source)
        return
    for name in present:
        ident = ""
        if len(present) == 1:
            ident = next((cell(row, i) for i in key_cols if cell(row, i)), "")
        yield name_keys(name, source, born, ident)


def name_keys(
    name: PersonName, source: int = -1, birth: int | None = None, ident: str = ""
) -> PersonKeys:
    """The identity keys of a named person, wherever the name was read (a row, a text)."""
    full = name.full_key
    return PersonKeys(
        identity("id", ident.casefold().replace(" ", "")) if ident else None,
        identity("full", full) if full else None,
        identity("short", name.short_key) if name.surname else None,
        source,
        birth,
    )


def paired(types: list[ColumnType], sample: Sequence[Sequence[str]]) -> list[ColumnType]:
    """A column of forenames judged from its values, with no surname column: the column beside
    it holding name-shaped words is the surnames (a roll with no header row)."""
    forms = {t.form for t in types if t.cue is Cue.NAME}
    if NameForm.SURNAME in forms or NameForm.FULL in forms:
        return types
    for i, t in enumerate(types):
        if t.cue is not Cue.NAME or t.form is not NameForm.FORENAME or t.hint:
            continue
        for j in (_filled_beside(sample, i, -1), _filled_beside(sample, i, 1)):
            # Beside it, or across the empty columns a report's merged cells leave; under no
            # header, or under a party's ("Accused": the accused's surnames).
            if j is not None and 0 <= j < len(types) and types[j].cue in (Cue.OTHER, Cue.PARTY):
                judged = judge_surnames([cell(row, j) for row in sample])
                if judged is not None:
                    return [judged if k == j else other for k, other in enumerate(types)]
    return types


MERGED_GAP = 4
"""Empty columns a report's merged cells may leave between a surname and a forename."""


def _filled_beside(sample: Sequence[Sequence[str]], index: int, step: int) -> int | None:
    """The nearest column on one side of `index` with any value in the sample, across at most
    MERGED_GAP empty columns."""
    for j in range(index + step, index + step * (MERGED_GAP + 2), step):
        if j < 0:
            return None
        if any(cell(row, j) for row in sample):
            return j
    return None


LOWER_SHARE = 0.6
"""Share of a name column's values in lower case that makes it an export's casing."""
Row = tuple[str, ...]


def recased(
    headers: Sequence[str], sample: list[Row], head: list[Row], rows: Iterator[Row]
) -> tuple[list[Row], Iterator[Row]]:
    """`head` and `rows` with each column headed as names and written in lower case ("joe
    william gold", as some exports write them) in title case, so that the names are read."""
    lower = [
        i
        for i, header in enumerate(headers)
        if name_header(header) and _mostly_lower([cell(row, i) for row in sample])
    ]
    if not lower:
        return head, rows

    def titled(row: Row) -> Row:
        return tuple(
            v.title() if i in lower and isinstance(v, str) else v for i, v in enumerate(row)
        )

    return [titled(row) for row in head], (titled(row) for row in rows)


def _mostly_lower(values: list[str]) -> bool:
    filled = [v for v in values if v]
    lower = sum(1 for v in filled if v == v.lower() and any(c.isalpha() for c in v))
    return bool(filled) and lower >= LOWER_SHARE * len(filled)


_BARE_ID = re.compile(r"id(?: ?no| ?num(?:ber)?)?\d?|no|number")
"""A header that says only "ID" or "No", whose numbers a table's other columns explain."""
_SERVICE_NUMBER = re.compile(r"\d{3,10}")


def ranked_numbers(
    headers: Sequence[str], types: list[ColumnType], sample: Sequence[Sequence[str]]
) -> list[ColumnType]:
    """In a list of people with their ranks, a column headed only "ID" whose values are all
    numbers holds each officer's service or badge number (a force's roster: "ID | NAME |
    RANK"), as a header naming a collar or warrant number would say."""
    if not any(t.cue is Cue.RANK for t in types) or not any(t.cue is Cue.NAME for t in types):
        return types
    judged = list(types)
    for i, (header, t) in enumerate(zip(headers, types, strict=False)):
        values = [cell(row, i).strip() for row in sample if cell(row, i).strip()]
        if (
            t.cue in (Cue.OTHER, Cue.COUNT)
            and _BARE_ID.fullmatch(normal_header(header))
            and len(values) >= 3
            and all(_SERVICE_NUMBER.fullmatch(v) for v in values)
        ):
            judged[i] = ColumnType(Cue.IDENTIFIER, "POLICE_IDENTIFIER", score=0.7, hint=True)
    return judged
