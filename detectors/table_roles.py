"""Whose list a table is: a public one (election results, office holders), rows of venues,
figures by ward or station, or a zoo's animals. The people in such tables are reported but
give no staff list or case records; everything else is judged in `detectors.tables`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence

from detectors.affiliations import (
    POST_AT_HEADER,
    body_named,
    expert_witnesses,
    many_bodies,
    wrapped_entries,
)
from detectors.columns import ColumnType, Cue, normal_header
from detectors.duties import duty_table
from detectors.header_rows import header_like
from detectors.places import is_gb_place, is_place_or_org
from detectors.public_headers import (
    ballot,
    campaign_trail,
    contributions,
    licence_register,
    public_headers,
)
from detectors.roles import candidates_table, is_role_title, political_table
from detectors.vocab import wordset

PARTY_WORDS = wordset("victim suspect witness offender complainant accused defendant")
"""Parties to a case: a column or header naming them makes a table about a case."""
STAFF_CUES = frozenset({Cue.RANK, Cue.JOB_ROLE, Cue.DEPARTMENT})


def cell(row: Sequence[str], index: int) -> str:
    if index >= len(row):
        return ""
    value = row[index]
    return value.strip() if isinstance(value, str) else str(value or "")


_STAFF_ONLY = frozenset(
    {"POLICE_IDENTIFIER", "SALARY", "DATE_OF_BIRTH", "UK_NINO", "UK_NHS", "UK_PASSPORT"}
    | {"UK_DRIVING_LICENCE", "BANK_DETAILS", "CRIME_REFERENCE", "OFFENDER_IDENTIFIER"}
)
"""Entities that make a table a staff list or case records, whatever else it holds."""
_PRIVATE_CUES = frozenset(
    {Cue.OFFENCE, Cue.INCIDENT, Cue.HEALTH, Cue.SPECIAL, Cue.ETHNICITY, Cue.RELIGION}
)
"""Columns that make a table about people's cases or private lives, never a public list."""
_INQUIRY = re.compile(
    r"\b(?:date of evidence|evidence session|oral evidence|written evidence|transcript|"
    r"inquiry)\b"
)
"""Headers of a public inquiry's list of witnesses, who give evidence in public."""
_ANIMAL_HEADER = re.compile(r"\b(?:animal|animals|species|breed|taxon|genus|enclosure|studbook)\b")
_LABEL_HEADER = re.compile(r"(?:(?:row |column )?labels?)?")
"""A name column's heading that says nothing of people: none, or a pivot table's label."""
_COUNT_CUES = frozenset({Cue.COUNT, Cue.DATE, Cue.LOCATION, Cue.OTHER})
_WORKS = re.compile(r"\b(?:isbn|issn|doi|publisher|imprint)\b")
"""Headers of a list of published works: its "title" column holds the works' titles, not
anyone's post, and its names are their authors'."""
_REGNAL = re.compile(r"[A-Z][a-z]+[ \t]+(?:I{1,3}|IV|VI{0,3}|IX|X)")
"""A monarch's (or a pope's) name: one given name and a regnal number ("Elizabeth II")."""


def public_table(
    headers: Sequence[str],
    types: Sequence[ColumnType],
    sample: Sequence[Sequence[str]],
    shares: Collection[int] = (),
) -> bool:
    """Election results, lists of councillors, MPs, chief officers, speakers or authors.

    Never a table with service numbers, pay, dates of birth (but for candidates' or members'
    birth dates beside their parties and seats) or crime references, offences,
    incidents, health or other special-category columns (but for `shares`, columns of each
    area's share of its residents beside the seats), victims or suspects, nor one whose
    rank, role or department columns hold anything but public offices (a roster of constables
    and sergeants is a staff list), nor one whose party column holds victims and suspects.
    """
    columns = [[cell(row, i) for row in sample] for i in range(len(types))]
    normal = [normal_header(h) for h in headers]
    # A committee's log of oral and written evidence, or a jury's expert witnesses
    hearing = _evidence_kinds(normal, sample) or expert_witnesses(normal, columns)
    members = political_table(normal, columns)  # MPs or councillors: a register's "category"
    governors = governing_body(columns)  # a school's governors: each one's "category"
    inquiry = hearing or any(_INQUIRY.search(h) for h in normal)
    staff_only = (
        _STAFF_ONLY - {"DATE_OF_BIRTH"} if candidates_table(normal, columns) else _STAFF_ONLY
    )
    senior = senior_staff(types, columns)
    # Candidates with their votes (their race is published with them), or their campaign's
    # rallies and town halls
    trail = campaign_trail(normal, columns)
    election = ballot(normal) or trail
    licensed = licence_register(normal, sample)
    if senior or members:
        # Senior staff's pay, and members' salaries and allowances, are published by law.
        staff_only = staff_only - {"SALARY"}
    for i, (h, t) in enumerate(zip(normal, types, strict=True)):
        if t.entity in staff_only:
            return False
        loose = (hearing or members or governors) and _loose_category(h)  # a kind of entry
        said = (election or licensed) and t.cue not in (Cue.OFFENCE, Cue.INCIDENT)  # not theirs
        if t.cue in _PRIVATE_CUES and not (loose or said or i in shares):
            return False
    parties = {
        w
        for h, t in zip(normal, types, strict=True)
        if t.cue is Cue.NAME
        for w in h.split()
        if w in PARTY_WORDS
    }
    if parties and not (parties == {"witness"} and inquiry):
        return False  # "Victim name": people in a case, whoever else the table names
    if (
        members
        or governors
        or _panel(headers, types, columns)
        or duty_table(normal, types, columns)
        or contributions(normal)
    ):
        # MPs or councillors with their constituency or party; a school's governors with
        # their category, whose names and terms the school publishes by law; a council's
        # or a panel's members, each with the body they come from; staff and governors
        # each named for the areas they lead; contributors with their occupations
        return True
    held = any(
        t.cue is Cue.NAME and _share([v for v in columns[i] if v], is_role_title) >= OFFICE_SHARE
        for i, t in enumerate(types)
    )  # "Cllr Jane Smith", "John Brown MP", "Lord Smith": the names carry their office
    held = held or any(
        _share([v for v in columns[i] if v], _regnal) >= OFFICE_SHARE for i in range(len(types))
    )  # a list of monarchs
    works = licensed or any(_WORKS.search(h) for h in normal)  # a licensee's operation's offices
    offices = held or any(not t.entity and _honours(columns[i]) for i, t in enumerate(types))
    for i, t in enumerate(types):
        values = [v for v in (cell(row, i) for row in sample) if v]
        party = _is_witness_word if hearing else _is_party_word
        if t.cue is Cue.PARTY and _share(values, party) >= 0.3:
            return False
        if senior and t.cue in STAFF_CUES:
            offices = True  # checked in `senior_staff`: every post is a senior one
            continue
        if t.cue in STAFF_CUES and values and not hearing and not works:
            # A hearing's witnesses come as journalists, campaigners or academics.
            # Members who hold a public office may hold posts in their group or committee
            # too (chair, secretary, treasurer), and a committee's list of its office
            # bearers and members names them in public; anyone else's role must be a public
            # office.
            posts = _share(values, _committee_post) if held or office_bearers(values) else 0.0
            if max(_share(values, is_role_title), posts) < OFFICE_SHARE:
                return False
            offices = True
    # A committee's members beside their posts, the first of them read as the header when
    # the list has none ("Jane Smith | Convenor").
    bearers = any(
        t.cue is not Cue.NAME and office_bearers([headers[i], *columns[i]])
        for i, t in enumerate(types)
    )
    return offices or hearing or bearers or trail or licensed or public_headers(normal)


_SENIOR_POST = re.compile(
    r"\b(?:chief\s+executive|(?:(?:executive|deputy|assistant|corporate|strategic|managing|"
    r"interim|acting|service|programme|group|regional|finance|operations?)\s+)?directors?|"
    r"director[\s-]+general|head\s+of|chief\s+(?:officer|finance\s+officer|operating\s+officer|"
    r"information\s+officer|people\s+officer|digital\s+officer|fire\s+officer|nurse|constable)|"
    r"monitoring\s+officer|section\s+151|s\.?\s?151|permanent\s+secretary|"
    r"scs\s?(?:pay\s*band\s*)?\d[a-z]?|senior\s+civil\s+serv\w*)\b",
    re.IGNORECASE,
)
"""Posts whose holders' names and pay are published under the transparency rules: chief
executives, directors, heads of service, senior civil servants (SCS grades)."""
SENIOR_ROWS = 5
"""Rows a list of senior posts needs before its posts are trusted to be all senior."""


def senior_staff(types: Sequence[ColumnType], columns: Sequence[Sequence[str]]) -> bool:
    """A list of senior staff with their posts (a senior salaries return, the senior part of
    an organogram): a grade column of senior grades alone ("SCS1"), or job-title columns of
    senior posts alone; never a constable, a sergeant or a staff grade below."""
    grades = titles = 0
    for t, values in zip(types, columns, strict=True):
        if t.cue not in (Cue.JOB_ROLE, Cue.RANK):
            continue
        filled = [v for v in values if v]
        senior = _share(filled, lambda v: _SENIOR_POST.search(v) is not None) >= OFFICE_SHARE
        codes = _share(filled, lambda v: _CODE.fullmatch(v) is not None)
        if not filled or (not senior and codes >= OFFICE_SHARE):
            continue  # empty, or post references ("B44") rather than posts
        if t.cue is Cue.RANK:
            if not senior:
                return False
            grades += len(filled) >= SENIOR_ROWS
        elif senior:
            titles += len(filled) >= SENIOR_ROWS
        elif not grades:
            titles = -len(types)  # a post below senior, unless the grades say otherwise
    return grades > 0 or titles > 0


_CODE = re.compile(r"[A-Z]{0,4}\d{1,6}[A-Z]?", re.IGNORECASE)


_EVIDENCE_KIND = re.compile(r"(?:oral|written)(?:\s+evidence)?", re.IGNORECASE)


def _evidence_kinds(headers: Sequence[str], sample: Sequence[Sequence[str]]) -> bool:
    """An evidence column whose cells are mostly "Oral" or "Written": a committee's or
    inquiry's log of the evidence it took in public, and from whom."""
    for i, header in enumerate(headers):
        if "evidence" not in header.split():
            continue
        values = [v for v in (cell(row, i) for row in sample) if v]
        if (
            len(values) >= 3
            and _share(values, lambda v: _EVIDENCE_KIND.fullmatch(v) is not None) >= 0.5
        ):
            return True
    return False


OFFICE_SHARE = 0.6
"""Share of a column's values that must be public offices (or a group's posts) for its list to
be of office holders."""
COMMITTEE_POSTS = wordset("""
    chair chairs chairman chairwoman chairperson co-chair vice-chair deputy vice co president
    vice-president secretary treasurer officer officers member members registered contact
    convenor convener vice-convenor
    """)
"""Posts within a parliamentary group or committee, held by members who are office holders."""


GOVERNOR_TYPES = frozenset({
    "parent", "co-opted", "coopted", "co opted", "la", "local authority", "foundation", "staff",
    "headteacher", "head teacher", "ex-officio", "ex officio", "partnership", "associate",
    "associate member", "sponsor", "trust", "vacant", "chair", "vice chair", "vice-chair",
})  # fmt: skip
"""Categories of a school's governors and trustees, as their attendance lists give them."""
_GOVERNOR_ONLY = frozenset({
    "co-opted", "coopted", "co opted", "la", "local authority", "foundation", "ex-officio",
    "ex officio", "partnership", "associate member",
})  # fmt: skip
"""Categories no staff roster has: with two of them, a column is a governing body's."""


def governing_body(columns: Sequence[Sequence[str]]) -> bool:
    """True when a column is mostly governors' categories ("Parent", "Co-opted", "LA",
    "Foundation", "Ex-officio") with two or more found only among governors."""
    for values in columns:
        kinds = [re.sub(r"\s+governor$", "", v.strip().casefold()) for v in values if v.strip()]
        if (
            len(kinds) >= 3
            and len(_GOVERNOR_ONLY.intersection(kinds)) >= 2
            and _share(kinds, GOVERNOR_TYPES.__contains__) >= OFFICE_SHARE
        ):
            return True
    return False


_BODY_HEADER = re.compile(
    r"(?:company|companies|organi[sz]ations?|employer|affiliation|representing|"
    r"organi[sz]ation represented|body represented)"
)
"""The heading of a column of the bodies a panel's members come from."""
_CHAIR_MARK = re.compile(r"\b(?:co|vice|deputy)?[ -]?chair(?:man|woman|person)?\b", re.I)


def _panel(
    headers: Sequence[str], types: Sequence[ColumnType], columns: Sequence[Sequence[str]]
) -> bool:
    """A council's or a working group's members, each beside the body they come from ("Nikki
    Yates (Chair) | GSK", "Emer Timmons Co-Chair | Brightstar"): a column headed for those
    bodies, one chair or two marked among the names. A firm's staff list has no chair among
    its names and no column of the many bodies they work for."""
    normal = [normal_header(h) for h in headers]
    bodies = any(
        _BODY_HEADER.fullmatch(h) and not t.entity and t.cue not in STAFF_CUES
        for h, t in zip(normal, types, strict=True)
    )
    chairs = [
        sum(1 for v in columns[i] if _CHAIR_MARK.search(v))
        for i, t in enumerate(types)
        if t.cue is Cue.NAME
    ]
    if bodies and any(0 < n <= BEARERS_EACH for n in chairs):
        return True
    # Posts at many bodies ("Director, Association for Decentralised Energy | Professor,
    # University College London"): a panel of experts, not one employer's staff.
    # With no header row, the first row's body is one of them ("Jane Smith | NHS Borders").
    data = not header_like(headers)
    if data:  # the first entry, its post run on into the rows below
        columns = [[raw, *values] for raw, values in zip(headers, columns, strict=True)]
    columns = wrapped_entries(columns, [t.cue is Cue.NAME for t in types])
    return any(
        not t.entity
        and (
            POST_AT_HEADER.fullmatch(h)
            or (t.cue not in STAFF_CUES and (not h or bodies or data or body_named(raw)))
        )
        and many_bodies([raw, *values] if body_named(raw) and not data else values)
        for raw, h, t, values in zip(headers, normal, types, columns, strict=True)
    )


_BEARERS = wordset("chair chairman chairwoman chairperson convenor convener treasurer")
"""A committee's office bearers that no roster of staff or officers holds (a secretary may be
on the staff)."""


def office_bearers(values: Sequence[str]) -> bool:
    """True when a column of posts is mostly a committee's ("Convenor", "Secretary",
    "Treasurer", "Member") and names an office bearer no staff roster has, each post held by
    one or two people: a list where every row is a chair or a treasurer is a roster of posts
    (a staff association's), not one committee."""
    held = Counter(
        v.strip().casefold()
        for v in values
        if _BEARERS.intersection(re.findall(r"[a-z]+", v.casefold()))
    )
    return (
        bool(held)
        and max(held.values()) <= BEARERS_EACH
        and _share(values, _committee_post) >= OFFICE_SHARE
    )


BEARERS_EACH = 2
"""People at most holding one office bearer's post in one committee (co-chairs)."""


def _committee_post(value: str) -> bool:
    words = re.findall(r"[a-z]+(?:-[a-z]+)?", value.casefold())
    return bool(words) and all(w in COMMITTEE_POSTS or w in {"and", "of", "the"} for w in words)


_POST_NOMINALS = wordset("""
    obe mbe cbe kbe dbe gbe cb kcb gcb cmg kcmg gcmg cvo lvo mvo kcvo gcvo dcvo qpm kpm qfsm
    kfsm qc kc dl jp frs fba freng frse ch om kg kt vc gc dso mc dfc afc bem rvm
    """)
"""Letters of honours and public offices after a name (not "PC": a constable, or a privy
counsellor)."""


def _post_nominals(value: str) -> bool:
    """True for a cell of post-nominal letters only ("KCVO GCB", "OBE, QPM")."""
    words = re.findall(r"[a-z]+", value.casefold())
    return bool(words) and all(w in _POST_NOMINALS for w in words)


HONOURED_SHARE = 1 / 3
"""Rows a column of honours' letters fills in an honours list (not every peer has letters)."""


def _honours(values: Sequence[str]) -> bool:
    """A column of honours' letters ("KCVO GCB", "OBE") beside the names of a third of the
    rows or more: an honours list. A roster's odd QPM does not make one."""
    filled = [v for v in values if v.strip()]
    return (
        len(filled) >= HONOURED_SHARE * len(values)
        and _share(filled, _post_nominals) >= OFFICE_SHARE
    )


def _regnal(value: str) -> bool:
    return _REGNAL.fullmatch(value.strip()) is not None


def _share(values: Sequence[str], test: Callable[[str], bool]) -> float:
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def _is_party_word(value: str) -> bool:
    return any(word in PARTY_WORDS for word in normal_header(value).split())


def _is_witness_word(value: str) -> bool:
    """A party to a case other than a witness, who gives evidence to a hearing in public."""
    return any(word in PARTY_WORDS - {"witness"} for word in normal_header(value).split())


_CATEGORY_ONLY = re.compile(r"\b(?:category|classification)\b")
_OFFENCE_WORDS = re.compile(r"\b(?:offen[cs]es?|crimes?|ho class|home office)\b")


def _loose_category(header: str) -> bool:
    """A "category" or "classification" header that names no offence or crime."""
    return bool(_CATEGORY_ONLY.search(header)) and not _OFFENCE_WORDS.search(header)


VENUE_SHARE = 0.5
"""Share of a column's values that must be places or organisations for its rows to be venues."""


def venue_rows(types: Sequence[ColumnType], sample: Sequence[Sequence[str]]) -> bool:
    """A column, not judged to hold names or identifiers, mostly of places or organisations
    (towns, "Castle Green Library", "Ashford Police Station"): each row is a venue."""
    for i, t in enumerate(types):
        if t.entity:
            continue
        values = [v for v in (cell(row, i).strip() for row in sample) if v]
        if len(values) >= 3 and _share(values, _venue) >= VENUE_SHARE:
            return True
    return False


def _venue(value: str) -> bool:
    # A body's name may come as a slug ("avon_and_somerset_police"), as in data files.
    value = value.replace("_", " ")
    return len(value) <= 80 and (is_place_or_org(value) or is_gb_place(value))


_URL = re.compile(
    r"(?:https?://|www\.)\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|com|org|net|gov|edu|eu)/\S*",
    re.IGNORECASE,
)
"""A link, with its scheme or as a bare domain and path ("ofsted.gov.uk/50231520")."""
DISTINCT = 0.8
"""Share of distinct values a column of bodies needs for each row to be a different body."""
_NOT_DIRECTORY = frozenset({Cue.OFFENCE, Cue.INCIDENT, Cue.AGE, Cue.ETHNICITY})
"""Columns no directory of bodies has: a venue's "Disabilities access" or "Faith" column
describes the body, a person's age or ethnicity does not."""


def directory_rows(
    headers: Sequence[str], types: Sequence[ColumnType], sample: Sequence[Sequence[str]]
) -> bool:
    """Rows that are each a different organisation with its website or under a contact's
    heading (a directory of agencies, charities, schools, or a village's clubs and societies):
    the people named in them are each body's contact in its role, not
    a staff list. Never with service numbers, pay (but for the pay of each body's chair or
    chief executive, as directories of public bodies give it), dates of birth, offences or
    incidents,
    people's ages or ethnicity, nor victims or suspects (a table of people
    killed, with the agency involved and a news link, is no directory); a column of bodies
    that repeat (departments, a care home's residents) is one organisation's list."""
    for h, t in zip(headers, types, strict=True):
        if t.entity in _STAFF_ONLY and not (t.entity == "SALARY" and _office_holders_pay(h)):
            return False
        if t.cue in _NOT_DIRECTORY and not (
            t.cue is Cue.OFFENCE and _loose_category(normal_header(h))
        ):
            return False  # a body's "Classification" (Advisory NDPB) is no offence
    for h, t in zip(headers, types, strict=True):
        if t.cue is Cue.NAME and PARTY_WORDS.intersection(normal_header(h).split()):
            return False
    bodies = sites = False
    contacts = any(
        t.cue is Cue.NAME and _CONTACT_HEADER.fullmatch(normal_header(h))
        for h, t in zip(headers, types, strict=True)
    )
    for i, t in enumerate(types):
        if t.entity:
            continue
        values = [v for v in (cell(row, i) for row in sample) if v]
        if len(values) < 5:
            continue
        if _share(values, lambda v: _URL.fullmatch(v) is not None) >= VENUE_SHARE:
            sites = True
        elif _share(values, _venue) >= VENUE_SHARE and len(set(values)) >= DISTINCT * len(values):
            bodies = True
    return bodies and (sites or contacts)


_CONTACT_HEADER = re.compile(
    r"(?:main |named )?(?:contacts?(?: name| person| details)?|secretary|organi[sz]er|leader)"
)
"""The heading of a directory's column of each body's contact ("Contact", "Secretary"), as a
village magazine lists its clubs and societies."""


_CHAIR = re.compile(r"\b(?:chair|chairs|chairman|chairwoman|chairperson|president)\b", re.I)


def _office_holders_pay(header: str) -> bool:
    """A directory's "Chair's Remuneration" or "Chief Executive Salary": the pay of each
    body's office holders, published with the bodies, not a payroll."""
    return _CHAIR.search(header) is not None or _SENIOR_POST.search(header) is not None


def counts_only(headers: Sequence[str], types: Sequence[ColumnType], name_cols: set[int]) -> bool:
    """Name columns with no heading (or a pivot table's "Row Labels"), beside nothing but
    counts, dates and places: figures by ward, month or station ("Ferndale | 1,204 meals"),
    not people. "Officer | Arrests" still names officers."""
    if not name_cols:
        return False
    if any(not _LABEL_HEADER.fullmatch(normal_header(headers[i])) for i in name_cols):
        return False
    others = [t for i, t in enumerate(types) if i not in name_cols]
    counts = any(t.cue is Cue.COUNT for t in others)
    return counts and all(t.cue in _COUNT_CUES and not t.entity for t in others)


def animals(headers: Sequence[str]) -> bool:
    """A table headed by animals or species (a zoo's records): its names are not people's."""
    return any(_ANIMAL_HEADER.search(normal_header(h)) for h in headers)
