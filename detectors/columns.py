"""Judge what a table column holds from its header and a sample of values drawn across it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from detectors.limits import WHOLE_CELL_CHARS
from detectors.names import (
    NameForm,
    is_forename,
    is_surname,
    name_evidence,
    parse_name,
    strip_ranks,
)
from detectors.places import is_gb_place, is_place_or_org
from detectors.recognizers import RECOGNIZERS, VALUE_ENTITIES, match_value
from detectors.roles import party_column
from detectors.vocab import wordset

SAMPLE_ROWS = 400
"""Rows, spread evenly over the table, from which its columns are judged."""


class Cue(StrEnum):
    """What a column is about; NAME and IDENTIFIER columns hold personal data themselves."""

    NAME = "name"
    IDENTIFIER = "identifier"
    RANK = "rank"
    JOB_ROLE = "job_role"
    DEPARTMENT = "department"
    LOCATION = "location"
    OFFENCE = "offence"
    INCIDENT = "incident"
    PARTY = "party"
    AGE = "age"
    ETHNICITY = "ethnicity"
    GENDER = "gender"
    RELIGION = "religion"
    HEALTH = "health"
    SPECIAL = "special"
    NOTES = "notes"
    DATE = "date"
    COUNT = "count"
    OTHER = "other"


@dataclass(frozen=True)
class ColumnType:
    """The judgement on one column: its cue, and for personal columns the entity and name form."""

    cue: Cue
    entity: str | None = None
    form: NameForm | None = None
    score: float = 0.0
    hint: bool = False
    """The header named the entity, so bare forms (a collar number "4521") count."""


OTHER = ColumnType(Cue.OTHER)

_ENTITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("EMAIL_ADDRESS", r"e ?mail(?: address)?"),
    ("PHONE_NUMBER", r"phone|telephone|tel|mobile|landline|contact (?:no|number)|ext|extension"),
    ("UK_NINO", r"ni (?:no|number)|nino|national insurance(?: no| number)?"),
    ("UK_NHS", r"nhs(?: no| number)?"),
    ("UK_PASSPORT", r"passport(?: no| number)?"),
    ("UK_DRIVING_LICENCE", r"driving licen[cs]e|licen[cs]e (?:no|number)|dln"),
    ("UK_VEHICLE_REGISTRATION", r"vrm|vehicle reg\w*|reg(?:istration)? (?:no|number|mark)|index"),
    ("IP_ADDRESS", r"ip(?: address)?"),
    ("UK_POSTCODE", r"post ?code|postal code"),
    *((recognizer.entity, recognizer.header) for recognizer in RECOGNIZERS),
)
"""Header words per entity, tried in this order: presidio's entities, then ours."""
_ENTITY_RX = tuple((entity, re.compile(rf"\b(?:{rx})\b")) for entity, rx in _ENTITY_HEADERS)

_NAME_HEADERS: tuple[tuple[NameForm, str], ...] = (
    (NameForm.SURNAME, r"surname|last ?(?:name|nme|nm)|lname|family ?name|sur name"),
    (
        NameForm.FORENAME,
        r"fore ?names?|first ?(?:names?|nme|nm)|fname|given ?names?|christian ?names?",
    ),
    (NameForm.INITIALS, r"initials?"),
    (NameForm.FULL, r"full ?name|names?"),
)
_NAME_RX = tuple((form, re.compile(rf"\b(?:{rx})\b")) for form, rx in _NAME_HEADERS)
_NOT_PERSON_NAME = re.compile(
    r"\b(?:station|area|district|ward|team|unit|department|dept|force|offence|crime|location|"
    r"place|site|street|road|town|file|product|supplier|company|organi[sz]ation|business|course|"
    r"employer|firm|agent|attorney|"
    r"role|job|post|rank|sheet|category|type|operation|project|school|premises|venue|event|"
    r"user ?name|account|field|village|parish|beat|county|policy|document|report|system|"
    r"vehicle|item|group|region|division|command|lpa|bcu|body|authority|scheme)\b"
)
_SOFT_PERSON = re.compile(
    r"\b(?:officer|employee|staff member|person|victim|suspect|witness|offender|complainant|"
    r"accused|defendant|author|owner|created by|reported by|oic|contact|minister|"
    r"(?:question|answer|asking|answering) (?:mp|member|minister))\b"
)

_REQUESTER = re.compile(r"\b(?:requesters?|requestors?|requested by)\b")
"""The requester of a disclosure log or a request register: people, and firms and newspapers
among them. Naming the people who asked is the leak."""

_CUE_HEADERS: tuple[tuple[Cue, str], ...] = (
    (
        Cue.COUNT,
        r"total|count|number of|no of|sum|percentage|percent|rate|average|mean|median|"
        r"figures?|volume|change|amount|budget|spend|cost|actual|forecast|variance|headcount|fte|"
        r"strength|establishment|%",
    ),
    (
        Cue.PARTY,
        r"involvement|person type|role in \w+|party(?: type)?|victim|witness|suspect|"
        r"offender|complainant|accused|defendant",
    ),
    (Cue.RANK, r"rank|grade"),
    (Cue.JOB_ROLE, r"role|job|post|position|employee pos|title|occupation|designation"),
    (
        Cue.DEPARTMENT,
        r"department|dept|division|unit|team|command|directorate|section|branch|"
        r"portfolio|function|business area|cost cent\w*",
    ),
    (
        Cue.LOCATION,
        r"location|station|base|site|area|district|sector|ward|town|beat|"
        r"neighbourhood|county|region|lpa|bcu",
    ),
    (Cue.INCIDENT, r"incident|occurrence|case|crime ref\w*"),
    (Cue.OFFENCE, r"offence|offense|crime|ho class|home office|classification|category"),
    (Cue.AGE, r"age|age band|age group"),
    (Cue.ETHNICITY, r"ethnic\w*|race|nationality|self defined|officer defined"),
    (Cue.GENDER, r"gender|sex"),
    (Cue.RELIGION, r"religion|faith|belief"),
    (Cue.HEALTH, r"health|disab\w*|medical|injur\w*|illness|mental|vulnerab\w*|impairment"),
    (Cue.SPECIAL, r"domestic|da|dv|hate|sexual|child|juvenile|cse|chis|informant"),
    (
        Cue.NOTES,
        r"notes?|comments?|details|description|narrative|summary|remarks|mo|"
        r"circumstances|outcome",
    ),
    (Cue.DATE, r"date|month|year|day|period|week|quarter|time|fy"),
)
_CUE_RX = tuple((cue, re.compile(rf"(?:^|\b)(?:{rx})(?:\b|$)")) for cue, rx in _CUE_HEADERS)

NUMERIC = re.compile(r"[-+]?[£$€]?\s?\d[\d,]*(?:\.\d+)?\s?[%kKmM]?|[*\-–]|<\s?\d+|n/?a|nil|x")
_INITIALS = re.compile(r"(?:[A-Z]\.? ?){1,3}")
_PARTY_VALUES = wordset(
    "victim witness suspect offender complainant accused defendant informant "
    "injured party aggrieved arrested person reporting person"
)
_BARE_OK = frozenset(VALUE_ENTITIES) - {"DATE_OF_BIRTH", "SALARY", "POLICE_IDENTIFIER"}
"""Entities a column can be judged to hold from values alone, with no header naming them."""


_BOOK_HEADER = re.compile(r"\b(?:isbn|issn|book|books|title|publisher|reading)\b")
GB_PLACE_SHARE = 0.5
"""Share of GB town, village and district names that makes a column with no name header one
of places (wards are named after them)."""
PLACE_SHARE = 0.3
"""Share of a column's values naming a street, place or organisation that makes it no column
of people's names."""
MIXED_SHARE = 0.5
"""Under a requester header, the share of bodies a column may hold beside people (firms and
newspapers among requesters) and still be a column of names."""


def spread(rows: Sequence[tuple[str, ...]], size: int) -> list[tuple[str, ...]]:
    """`size` rows taken at even steps over all of `rows`, the same for the same rows.

    A column is judged from these: a list sorted A to Z, Z to A, by rank or not at all gives
    the same sample of surnames, ranks and stations, so the same verdict."""
    if len(rows) <= size:
        return list(rows)
    step = len(rows) / size
    return [rows[int(i * step + step / 2)] for i in range(size)]


def normal_header(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", header.casefold()).split())


def is_header_label(text: str) -> bool:
    """True when a cell reads as a column heading: a name, identifier or topic header."""
    head = normal_header(text)
    if not head or len(head) > 40 or NUMERIC.fullmatch(text.strip()):
        return False
    return any(
        rx.search(head)
        for rx in (
            *(rx for _, rx in _ENTITY_RX),
            *(rx for _, rx in _NAME_RX),
            *(rx for _, rx in _CUE_RX),
            _SOFT_PERSON,
        )
    )


def name_header(header: str) -> bool:
    """A header that says its column holds people's names ("Name", "Officer name")."""
    head = normal_header(header)
    return (
        bool(head)
        and not _NOT_PERSON_NAME.search(head)
        and any(rx.search(head) for _, rx in _NAME_RX)
    )


def header_cue(header: str) -> Cue | None:
    """What a header alone says a column is about ("Rank", "Department", "Offence")."""
    head = normal_header(header)
    return next((c for c, rx in _CUE_RX if rx.search(head)), None) if head else None


def header_says(header: str, cue: Cue) -> bool:
    """Whether a header names `cue` anywhere in it, even after a cue tried first."""
    head = normal_header(header)
    return bool(head) and any(c is cue and rx.search(head) for c, rx in _CUE_RX)


_URN_ONLY = re.compile(r"urn|unique reference(?: number| no)?")
"""A header that says "unique reference number" and nothing of crime or cases."""


_CELL_ERROR = re.compile(r"#(?:N/A|REF!|VALUE!|DIV/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)", re.I)
"""A spreadsheet's error value (a lookup that found nothing): no value, whatever the column."""

_PLACING = re.compile(r"\b(?:rank(?:ing)?|position|pos)\b")
"""Headers of a placing when their values are numbers: a ranking, a league table, a race's
finishing order. A grade stays a grade ("Grade": 6, 7, the civil service's)."""

_RACE_ONLY = re.compile(r"\brace\b")
_ETHNIC_VALUE = re.compile(
    r"\b(?:white|black|asian|african|caribbean|hispanic|latin[oax]|mixed|chinese|indian|"
    r"pakistani|bangladeshi|arab|gypsy|roma|traveller|native|pacific|other|unknown|"
    r"not stated|w[1-9]|b[1-9]|a[1-9]|m[1-9]|o[1-9]|ic[1-9]|[wbamo])\b",
    re.IGNORECASE,
)


def _ethnic_values(cells: _Cells) -> bool:
    """Values of an ethnicity column: "White British", "Asian (Indian)", "W1", "IC3"."""
    return cells.share(_ETHNIC_VALUE.search) >= 0.3


_EXAMPLES = re.compile(
    r"(?:(?:format|field|sample)[ ]+)?(?:examples?|e[ .]?g)(?:[ ]+values?)?|sample[ ]+values?"
)
"""The header of a specification's column of examples ("Example", "Examples", "Example
value", "Sample value", "e.g."), normalised as `normal_header` gives it."""


def example_columns(headers: Sequence[str]) -> frozenset[int]:
    """The columns of a specification's examples, whose values are specimens of a field."""
    return frozenset(i for i, h in enumerate(headers) if _EXAMPLES.fullmatch(normal_header(h)))


def judge_column(header: str, sample: Sequence[str]) -> ColumnType:
    """Decide what a column holds from its header and a sample of its (first) values."""
    head = normal_header(header)
    stripped = (v.strip() for v in sample if v)
    values = [v for v in stripped if v and not _CELL_ERROR.fullmatch(v)]
    if not values or _EXAMPLES.fullmatch(head):
        return OTHER  # a specification's "Example" column: specimens of a field, no one's
    # Free text longer than WHOLE_CELL_CHARS is never a whole name, id or date: it counts
    # in the sample's size but is not matched (a 250,000-character cell costs nothing).
    cells = _Cells([v for v in values if len(v) <= WHOLE_CELL_CHARS], len(values))
    numeric = cells.share(NUMERIC.fullmatch)

    for entity, rx in _ENTITY_RX:
        if rx.search(head):
            if entity == "CRIME_REFERENCE" and _URN_ONLY.fullmatch(head) and numeric >= 0.8:
                break  # a school's or provider's URN ("100012"): a case file's has letters
            rate = _rate(entity, cells, hint=True)
            if rate >= 0.3:
                cue = Cue.INCIDENT if entity == "CRIME_REFERENCE" else Cue.IDENTIFIER
                return ColumnType(cue, entity, score=round(0.6 + 0.4 * rate, 2), hint=True)
            break

    if numeric < 0.5:
        named = _judge_name(head, cells)
        if named is not None:
            return named

    cued = next((c for c, rx in _CUE_RX if rx.search(head)), None)
    if cued is Cue.JOB_ROLE and _share_of_parties(cells) >= 0.6:
        cued = Cue.PARTY  # "Role" holding Victim / Witness / Suspect is a case record's party
    if cued is Cue.PARTY and party_column([cells.values]):
        return OTHER  # "Party": Labour, Conservative…, a political party, not a case's
    if cued in (Cue.RANK, Cue.JOB_ROLE) and numeric >= 0.8 and _PLACING.search(head):
        cued = None  # "Rank": 1, 2, 3, a league table's placing, not a police rank
    if cued is Cue.ETHNICITY and _RACE_ONLY.search(head) and not _ethnic_values(cells):
        return OTHER  # "Race Type": Regular, Special, an election's contest, not a person's
    if cued is not None and not (cued is Cue.PARTY and numeric >= 0.8):
        return ColumnType(cued, score=0.9)

    for entity in _BARE_OK:
        if entity == "UK_NHS" and _BOOK_HEADER.search(head):
            continue  # every numeric ISBN-10 passes the NHS number's check
        rate = _rate(entity, cells, hint=False)
        if rate >= 0.6:
            cue = Cue.INCIDENT if entity == "CRIME_REFERENCE" else Cue.IDENTIFIER
            return ColumnType(cue, entity, score=round(0.5 + 0.4 * rate, 2))
    if numeric >= 0.8:
        return ColumnType(Cue.COUNT, score=numeric)
    return _judge_by_values(cells)


@dataclass(frozen=True)
class _Cells:
    """The sample's short values, and how many non-blank values the sample had in all."""

    values: list[str]
    total: int

    def share(self, test: Callable[[str], object]) -> float:
        return sum(1 for v in self.values if test(v)) / self.total


def _rate(entity: str, cells: _Cells, hint: bool) -> float:
    return cells.share(lambda v: match_value(entity, v, hint))


def _judge_name(head: str, cells: _Cells) -> ColumnType | None:
    """A name column: a name header with name-shaped values, or values that are clearly names."""
    if head and _REQUESTER.search(head):
        return _name_column(NameForm.FULL, cells, strong=True, mixed=True)
    if head and not _NOT_PERSON_NAME.search(head):
        for form, rx in _NAME_RX:
            if rx.search(head):
                return _name_column(form, cells, strong=True)
        if _SOFT_PERSON.search(head):
            return _name_column(NameForm.FULL, cells, strong=False, soft=True)
    if head and _NOT_PERSON_NAME.search(head):
        return None
    if any(rx.search(head) for _, rx in _CUE_RX):
        return None
    return _name_column(NameForm.FULL, cells, strong=False)


UNAMBIGUOUS_KNOWN = 0.05
"""Share of known names a column headed as surnames or forenames needs: a few, to be sure
the values are names at all (not codes under a mislabelled header)."""


def _name_column(
    form: NameForm, cells: _Cells, strong: bool, soft: bool = False, mixed: bool = False
) -> ColumnType | None:
    if form is NameForm.INITIALS:
        rate = cells.share(_INITIALS.fullmatch)
        if rate < 0.6:
            return None
        return ColumnType(Cue.NAME, "PERSON", form, score=round(rate, 2), hint=True)
    values, total = cells.values, cells.total
    bodies = cells.share(is_place_or_org)
    if bodies >= PLACE_SHARE and not (mixed and bodies < MIXED_SHARE):
        return None  # streets, wards, schools, trusts named after people
    if bodies >= PLACE_SHARE:
        # A requester column: people and firms in one; the people are judged alone.
        values = [v for v in values if not is_place_or_org(v)]
        total = max(1, round(total * (1 - bodies)))
    if not strong and cells.share(is_gb_place) >= GB_PLACE_SHARE:
        return None  # wards and towns; about one surname in twelve is a place too
    parsed = [parse_name(v, form) for v in values]
    evidence = [name_evidence(p) for p in parsed]
    shaped = sum(1 for p in parsed if p is not None) / total
    known = sum(evidence) / total
    # Several words per cell is what sets a name column apart from a column of labels.
    multi = sum(1 for p in parsed if p is not None and p.forenames and p.surname) / total
    distinct = len(set(values)) / total
    if strong and form in (NameForm.SURNAME, NameForm.FORENAME):
        # "Surname", "Last name", "First name" say people whatever the names: a roster of
        # Polish, Somali or American officers must not need GB names to be found.
        ok = shaped >= 0.6 and known >= UNAMBIGUOUS_KNOWN
    elif strong:
        ok = shaped >= 0.6 and known >= 0.25
    elif soft:
        ok = shaped >= 0.7 and known >= 0.4
    elif form is NameForm.FULL and multi >= 0.6:
        ok = shaped >= 0.8 and known >= 0.6 and distinct >= 0.3
    else:
        # A column of bare surnames or forenames with no header: only when nearly all are
        # known names ("DANIEL", "JAMES": forenames known as such, if not as surnames).
        forenames = cells.share(lambda v: " " not in v and is_forename(v))
        ok = (
            shaped >= 0.8
            and max(known, forenames) >= 0.45
            and distinct >= 0.5
            and len(set(values)) >= 5
        )
        form = _bare_form(values, total) if ok else form
    if not ok:
        return None
    score = round(0.5 + 0.5 * min(1.0, known), 2)
    return ColumnType(Cue.NAME, "PERSON", form, score=score, hint=strong)


def judge_surnames(sample: Sequence[str]) -> ColumnType | None:
    """A column with no header beside a column of forenames: surnames, when they are shaped
    and known as a "Surname" column's values would have to be (the pair is the evidence)."""
    values = [value.strip() for value in sample if value and value.strip()]
    if not values:
        return None
    cells = _Cells([v for v in values if len(v) <= WHOLE_CELL_CHARS], len(values))
    if cells.share(NUMERIC.fullmatch) >= 0.5:
        return None
    judged = _name_column(NameForm.SURNAME, cells, strong=True)
    return None if judged is None else replace(judged, hint=False)


def _bare_form(values: Sequence[str], total: int) -> NameForm:
    """Single names with no header: forenames when most are known forenames and fewer are
    known surnames ("John", "Sarah"), else surnames (a roll with no header row)."""
    words = [v for v in values if len(v.split()) == 1]
    forenames = sum(1 for v in words if is_forename(v)) / total
    surnames = sum(1 for v in words if is_surname(v)) / total
    return (
        NameForm.FORENAME if forenames >= 0.7 and forenames > surnames + 0.1 else NameForm.SURNAME
    )


def _share_of_parties(cells: _Cells) -> float:
    return cells.share(lambda v: v.casefold() in _PARTY_VALUES)


def _judge_by_values(cells: _Cells) -> ColumnType:
    if _share_of_parties(cells) >= 0.6:
        return ColumnType(Cue.PARTY, score=0.8)
    if cells.share(lambda v: not strip_ranks(v.split())) >= 0.6:
        return ColumnType(Cue.RANK, score=0.8)
    return OTHER
