"""Assess one table: judge its columns, then count personal data in a single pass over the rows.

Columns are judged from rows spread evenly over the table (up to HELD_ROWS), never from its
first rows alone: a roll sorted A to Z, by rank or not at all gets the same verdict. The header
may sit under title lines or be missing (the first row is then data); compound cells ("Jane
Smith, 01/02/1980") are split into their parts before judging.

A cell longer than WHOLE_CELL_CHARS is free text (a narrative, a note, or a crafted giant):
it is never matched as a whole value, and its first PROSE_CELL_CHARS are handed back to be read
as prose, each distinct text once, up to TABLE_PROSE_CHARS per table. So are the shorter cells
of a notes column — one headed Notes, Details, Circumstances… or whose sampled values are
mostly sentences — where case records name victims and witnesses in passing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from detectors.attendance import ATTENDANCE_ROWS, attendance_record
from detectors.columns import (
    SAMPLE_ROWS,
    ColumnType,
    Cue,
    example_columns,
    header_cue,
    judge_column,
    normal_header,
    spread,
)
from detectors.compound import compound_columns, is_compound, split_row
from detectors.errors import DocumentTooLarge
from detectors.header_rows import header_below_title, header_is_data, header_is_person
from detectors.history import historical
from detectors.limits import WHOLE_CELL_CHARS, Budget
from detectors.mask import mask
from detectors.model import Table, Vector
from detectors.names import (
    AllowList,
    NameForm,
)
from detectors.public import is_public_email
from detectors.public_headers import ENQUIRIES_HEADER
from detectors.recognizers import match_value
from detectors.row_people import (
    PersonKeys,
    group_score,
    name_groups,
    paired,
    ranked_numbers,
    read_name,
    recased,
    row_keys,
)
from detectors.shown import shown_name
from detectors.special import categories_in, child_age
from detectors.specimens import specimen_people
from detectors.table_kinds import (
    area_shares,
    case_table,
    conduct_by_number,
    notes_columns,
    person_header,
    table_kinds,
)
from detectors.table_roles import (
    PARTY_WORDS,
    animals,
    cell,
    counts_only,
    directory_rows,
    public_table,
    venue_rows,
)

IDENTIFYING = frozenset(
    {"EMAIL_ADDRESS", "UK_NINO", "UK_NHS", "UK_PASSPORT", "UK_DRIVING_LICENCE", "BANK_DETAILS"}
    | {"OFFENDER_IDENTIFIER"}
)
"""Entities that point at one person even with no name beside them."""
_PERSON_KEYS = frozenset(
    {"POLICE_IDENTIFIER", "OFFENDER_IDENTIFIER", "UK_NINO", "UK_NHS", "EMAIL_ADDRESS"}
)
"""Columns whose value is one person's own: the best key for counting people."""
_OFFENCE_CATEGORIES = frozenset({"sexual_offence", "domestic_abuse", "hate_crime"})
"""Special categories that are offences: rows naming people beside one are case records."""
_STATION = re.compile(r"\b(?:station|base|site|lpa|bcu|command|sector|beat)\b")
"""Location headers that place officers and staff, not wards or towns that hold figures."""
_CATEGORY_CUES = {Cue.ETHNICITY: "ethnicity", Cue.RELIGION: "religion", Cue.HEALTH: "health"}
_VALUE_CATEGORY_CUES = frozenset({Cue.OFFENCE, Cue.SPECIAL, Cue.NOTES, Cue.PARTY, Cue.HEALTH})
OFFENDER_LIST = re.compile(
    r"\b(?:(?:registered )?sex(?:ual)? offenders?|registered offenders?|mappa|visor|"
    r"violent (?:and|&) sex(?:ual)? offenders?|offender management)\b",
    re.IGNORECASE,
)
"""Words that make a list of names one of offenders."""
PROSE_CELL_CHARS = 10_000
"""Characters of one long cell read as prose (and searched for special categories)."""
TABLE_PROSE_CHARS = 100_000
"""Characters of distinct long cells read as prose from one table."""
NOTE_MIN_CHARS = 12
"""Shortest cell of a notes column worth reading as prose ("Spoke to J Bloggs")."""
HELD_ROWS = 50_000
"""Rows held in memory so that columns are judged from a sample spread over all of them (for
longer tables, over the first HELD_ROWS); every row is counted either way."""
HELD_CELLS = 1_000_000
"""Cells held at most, so that a very wide table holds fewer rows."""
ROWS_PER_CHECK = 2_000
"""Rows read between two checks of the document's time budget."""
TABLE_ACTIVITY = "reading table rows for personal data"


@dataclass(frozen=True)
class ColumnHit:
    """Personal data counted in one column (or one group of name columns) of a table."""

    entity: str
    where: str
    count: int
    score: float
    example: str


@dataclass(frozen=True)
class TableEvidence:
    hits: tuple[ColumnHit, ...]
    kinds: frozenset[str]
    special_categories: frozenset[str]
    people: tuple[PersonKeys, ...]
    sensitive: bool = False
    """A special category or an identifier such as a NINO or date of birth is present."""
    pay: bool = False
    """Salaries or allowances sit beside the people."""
    prose: tuple[tuple[str, str], ...] = ()
    """(where, text) of long cells and notes, to be read as prose."""
    prose_kind: str | None = None
    """What the people named in that prose are: "case_records" when the table's columns are
    those of crimes or incidents (a reference, an offence, a party)."""
    prose_categories: frozenset[str] = frozenset()
    """Special categories in the sampled offence, party and notes columns of such a table:
    they apply to the people its prose names."""
    stopped: str | None = None
    """Why the rows were not all read (the time budget ran out); what was read is counted."""
    offenders: bool = False
    """The table's title, sheet or headers call the people offenders (sex offenders, MAPPA)."""
    read: int = 0
    """Rows read (the sample included), so a cut can say where it fell."""
    public_role: bool = False
    """The people are named in a public capacity (election results, a list of councillors):
    reported, but no kind, category or sensitivity is drawn from them."""


@dataclass
class _FreeText:
    """Distinct long cells of one table, by their first PROSE_CELL_CHARS, up to a total."""

    notes: frozenset[int] = frozenset()
    """Columns of notes: their cells are read as prose whatever their length."""
    examples: frozenset[int] = frozenset()
    """A specification's columns of examples (`example_columns`): never read."""
    texts: dict[str, int] = field(default_factory=dict)
    """Text -> its column."""
    chars: int = 0

    @property
    def full(self) -> bool:
        return self.chars >= TABLE_PROSE_CHARS

    def take(self, row: Sequence[str]) -> None:
        if self.full:
            return
        notes = self.notes
        for i, value in enumerate(row):
            if not isinstance(value, str) or i in self.examples:
                continue
            if len(value) > WHOLE_CELL_CHARS or (
                i in notes and len(value) >= NOTE_MIN_CHARS and " " in value
            ):
                text = value[:PROSE_CELL_CHARS]
                if text not in self.texts and not self.full:
                    self.texts[text] = i
                    self.chars += len(text)

    def located(
        self, where: Callable[[tuple[int, ...], Sequence[str]], str], labels: Sequence[str]
    ) -> tuple[tuple[str, str], ...]:
        return tuple((where((i,), labels), text) for text, i in self.texts.items())


def _checked(
    rows: Iterable[tuple[str, ...]], budget: Budget | None, stop: list[str], read: list[int]
) -> Iterator[tuple[str, ...]]:
    """The rows, checking the time budget every ROWS_PER_CHECK; on running out, the reason
    goes into `stop` and the rows end there. A reader that runs out of the budget while
    producing a row (a sheet parser checks it too) ends the rows the same way, so the rows
    already read still count. `read[0]` is the number of rows read."""
    iterator = iter(rows)
    n = 0
    while True:
        try:
            if budget is not None and n % ROWS_PER_CHECK == 0:
                budget.check(TABLE_ACTIVITY)
            row = next(iterator)
        except StopIteration:
            return
        except DocumentTooLarge as spent:
            stop.append(str(spent))
            return
        n += 1
        read[0] = n
        yield row


@dataclass
class _Counter:
    entity: str
    columns: tuple[int, ...]
    score: float
    count: int = 0
    example: str = ""


def assess_table(
    table: Table, allow: AllowList, source: int = 0, budget: Budget | None = None
) -> TableEvidence:
    """Judge the columns on a sample, then read every row once with each column's cheap check.

    With a `budget`, rows stop being read when it runs out: the evidence counts the rows read
    and says why it stopped.
    """
    stop: list[str] = []
    read = [0]
    rows = _checked(table.rows, budget, stop, read)
    held = _hold(rows)
    top, head = header_below_title(table.header, held)
    titles = [table.where, *table.header, *top]
    titles += [cell for row in held[: len(held) - len(head)] for cell in row if cell]
    listed = OFFENDER_LIST.search(" ".join(str(t) for t in titles if t))
    offenders = listed is not None
    sample = spread(head, SAMPLE_ROWS)
    width = max([len(top), *(len(row) for row in sample)], default=0)
    headers = [top[i] if i < len(top) else "" for i in range(width)]
    head, rows = recased(headers, sample, head, rows)
    sample = spread(head, SAMPLE_ROWS)
    shown = list(headers)
    origin: dict[int, int] = {}  # a column split from a compound one -> that column
    types = [judge_column(headers[i], [cell(row, i) for row in sample]) for i in range(width)]
    types = paired(types, sample)
    splits = compound_columns(sample, [bool(t.entity) for t in types])
    if splits:
        # "Jane Smith, 01/02/1980" cells: the name and the date are judged as two columns,
        # named in locations by the column they came from. A header cell of that shape is
        # the column's first value, not its heading.
        first = [""] * width
        for split in splits:
            if is_compound(headers[split.column], split):
                first[split.column], headers[split.column] = headers[split.column], ""
        if any(first):
            head.insert(0, tuple(first))
            shown = list(headers)
        head = [split_row(row, splits, width) for row in head]
        rows = (split_row(row, splits, width) for row in rows)
        sample = spread(head, SAMPLE_ROWS)
        for split in splits:
            added = split.headers(person_header(headers[split.column]))
            origin.update(
                dict.fromkeys(range(len(headers), len(headers) + len(added)), split.column)
            )
            shown += [headers[split.column]] * len(added)
            headers += added
        width = len(headers)
        types = [judge_column(headers[i], [cell(row, i) for row in sample]) for i in range(width)]
    types = ranked_numbers(headers, types, sample)
    if header_is_person(top, headers, types):
        # The first row is a person, not the columns' names ("Erica Reid (Chair) | Associate
        # Director of Nursing and Allied Health"): the other cells are their details, no
        # column's topic. (The row is read as data below.)
        types = [
            t if t.cue is Cue.NAME else judge_column("", [cell(row, i) for row in sample])
            for i, t in enumerate(types)
        ]
        types = ranked_numbers(headers, paired(types, sample), sample)
    groups = name_groups(headers, types)
    name_cols = {i for g in groups for i in g.forms.values()}
    if (
        counts_only(headers, types, name_cols)
        or animals(headers)
        or specimen_people(sample, groups)
    ):
        groups = []  # counts by ward or station, a zoo's animals, made-up people: no one
    entity_cols = [i for i, t in enumerate(types) if t.cue is not Cue.NAME and t.entity]
    venues = not groups and venue_rows(types, sample)  # libraries, stations: no one named
    identifying = IDENTIFYING - {"EMAIL_ADDRESS"} if venues else IDENTIFYING
    has_people = bool(groups) or any(types[i].entity in identifying for i in entity_cols)
    has_people = has_people or conduct_by_number(headers, types)
    free = _FreeText(notes_columns(headers, types, sample), example_columns(headers))
    listing = directory_rows(headers, types, sample)  # each row a body, with its website
    shares = area_shares(types, sample)  # each area's share of its residents, not a person's
    public = venues and listing
    if groups:
        public = public_table(headers, types, sample, shares) or listing or historical(sample)
        if not (public or table.vector.hidden or len(head) > ATTENDANCE_ROWS):
            public = attendance_record(headers, types, sample, name_cols)
    kind = "case_records" if case_table(headers, types) and not public else None
    kind_categories: set[str] = set()
    if kind and free.notes:
        for i, t in enumerate(types):
            if t.cue in _VALUE_CATEGORY_CUES:
                for row in sample:
                    kind_categories |= categories_in(cell(row, i)[:PROSE_CELL_CHARS])
    named_in = frozenset(kind_categories)
    for row in sample:
        free.take(row)
    where = _where_of(table, origin)
    if header_is_data(top, headers, types):
        head.insert(0, tuple(headers))
        headers = [""] * width  # the first row is a person, not a column's name
        shown = headers

    def prose_only(labels: Sequence[str]) -> TableEvidence:
        """Nobody counted in the columns: only the free text, to be read as prose. Under the
        header of whom to ask ("Enquiries about the call") it names the body's contacts."""
        asked = set(free.texts.values())
        ask = bool(asked) and all(
            i < len(labels) and ENQUIRIES_HEADER.search(normal_header(labels[i])) for i in asked
        )
        return TableEvidence(
            (),
            frozenset(),
            frozenset(),
            (),
            prose=free.located(where, labels),
            prose_kind=kind,
            prose_categories=named_in,
            stopped=_first(stop),
            read=read[0],
            public_role=public or ask,
        )

    if not has_people:
        # Free text found in the sample: the rest of the table may hold more.
        if free.texts:
            for row in itertools.chain(head, rows):
                free.take(row)
                if free.full:
                    break
        return prose_only(shown)
    labels = shown

    counters = [_Counter("PERSON", tuple(g.forms.values()), group_score(g, types)) for g in groups]
    counters += [_Counter(types[i].entity or "", (i,), types[i].score) for i in entity_cols]
    checks = [_entity_check(types[i]) for i in entity_cols]
    key_cols = [i for i in entity_cols if types[i].entity in _PERSON_KEYS]
    dob_col = next((i for i in entity_cols if types[i].entity == "DATE_OF_BIRTH"), None)
    # In a table of victims or witnesses, an offence column judged from its values alone (no
    # header) is any column of words: its values give the special categories.
    parties = any(w in PARTY_WORDS for g in groups for w in g.prefix.split())
    category_cols = [
        i
        for i, t in enumerate(types)
        if t.cue in _VALUE_CATEGORY_CUES
        or i in free.notes
        or (parties and t.cue is Cue.OTHER and not t.entity)
    ]
    age_cols = [i for i, t in enumerate(types) if t.cue is Cue.AGE]
    categories: set[str] = set()
    people: list[PersonKeys] = []

    for row in itertools.chain(head, rows):
        names = [read_name(row, g) for g in groups]
        present = [n for n in names if n is not None and not allow.covers(n)]
        if groups and not present and any(n is not None for n in names):
            continue  # only allow-listed people on this row: their details are public too
        for counter, name in zip(counters, names, strict=False):
            if name is not None and not allow.covers(name):
                _tally(counter, _display(row, counter.columns, types))
        hits = 0
        matched: set[int] = set()
        for counter, check, i in zip(counters[len(groups) :], checks, entity_cols, strict=True):
            value = cell(row, i)
            if value and len(value) <= WHOLE_CELL_CHARS and check(value):
                _tally(counter, value)
                hits += 1
                matched.add(i)
        free.take(row)
        if not present and not hits:
            continue
        for i in category_cols:
            categories |= categories_in(cell(row, i)[:PROSE_CELL_CHARS])
        if any(child_age(cell(row, i)) for i in age_cols):
            categories.add("child")
        # A role mailbox beside a venue's phone number is nobody's key.
        own = [i for i in key_cols if i in matched]
        people.extend(row_keys(row, present, own, dob_col, source))

    told = categories & _OFFENCE_CATEGORIES  # by the rows' own words, not the headers
    hits_out = tuple(
        ColumnHit(c.entity, where(c.columns, labels), c.count, c.score, c.example)
        for c in counters
        if c.count
    )
    found = {hit.entity for hit in hits_out}
    if not found:
        return prose_only(labels)
    for i, (t, header) in enumerate(zip(types, headers, strict=True)):
        if not header or i in shares:
            continue  # no header (or a first row of data), or each area's share of residents
        if t.cue in _CATEGORY_CUES:
            categories.add(_CATEGORY_CUES[t.cue])
        if t.cue in (Cue.SPECIAL, Cue.HEALTH):
            categories |= categories_in(header)
    stations = any(
        t.cue is Cue.LOCATION and _STATION.search(normal_header(h))
        for t, h in zip(types, headers, strict=True)
    )
    # Hidden name columns take their kind from the shown columns of the same rows too.
    beside = [ColumnType(cue) for cue in map(header_cue, table.beside) if cue is not None]
    kinds = table_kinds([*types, *beside], groups, found, stations)
    if told and groups:
        kinds.add("case_records")  # named people beside a sexual, domestic or hate offence
    if listed is not None and groups:
        kinds.add("case_records")
        categories |= categories_in(listed.group())  # "sex offenders": a sexual offence
    sensitive = bool(categories) or bool(found & (IDENTIFYING - {"EMAIL_ADDRESS"}))
    sensitive = sensitive or "DATE_OF_BIRTH" in found
    if public:
        kinds, categories, sensitive = set(), set(), False
    return TableEvidence(
        hits_out,
        frozenset(kinds),
        frozenset(categories),
        tuple(people),
        sensitive,
        pay="SALARY" in found,
        prose=free.located(where, labels),
        prose_kind=kind,
        prose_categories=named_in,
        stopped=_first(stop),
        offenders=offenders and bool(groups),
        read=read[0],
        public_role=public,
    )


def _first(reasons: list[str]) -> str | None:
    return reasons[0] if reasons else None


def _display(row: Sequence[str], columns: tuple[int, ...], types: Sequence[ColumnType]) -> str:
    # As a reader would write it: "John Smith" but "SMITH J".
    ordered = sorted(columns, key=lambda i: types[i].form is not NameForm.FORENAME)
    return " ".join(cell(row, i) for i in ordered if cell(row, i))


def _tally(counter: _Counter, value: str) -> None:
    counter.count += 1
    if not counter.example:
        counter.example = mask(value, counter.entity)


def _entity_check(column: ColumnType) -> Callable[[str], bool]:
    entity, hint = column.entity or "", column.hint
    if entity == "EMAIL_ADDRESS":
        return lambda value: match_value(entity, value, hint) and not is_public_email(value)
    return lambda value: match_value(entity, value, hint)


def _hold(rows: Iterator[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The first HELD_ROWS rows, or fewer when they hold HELD_CELLS cells; `rows` goes on."""
    held: list[tuple[str, ...]] = []
    cells = 0
    for row in rows:
        held.append(row)
        cells += len(row)
        if len(held) >= HELD_ROWS or cells >= HELD_CELLS:
            break
    return held


def _where_of(
    table: Table, origin: dict[int, int] | None = None
) -> Callable[[tuple[int, ...], Sequence[str]], str]:
    noun = "field" if table.vector is Vector.PIVOT_CACHE else "column"
    origin = origin or {}

    def where(columns: tuple[int, ...], headers: Sequence[str]) -> str:
        labels = []
        for i in dict.fromkeys(origin.get(i, i) for i in columns):
            letter = table.columns[i] if i < len(table.columns) else ""
            label = f"'{shown_name(headers[i])}'" if headers[i] else f"{i + 1}"
            labels.append(f"{letter} {label}".strip())
        plural = "s" if len(labels) > 1 else ""
        return f"{table.where}, {noun}{plural} {', '.join(labels)}"

    return where
