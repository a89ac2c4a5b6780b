"""What a table's evidence exposes in its document: the evidence read as a list of offenders,
or as an election notice's or a meeting's public list; the table's exposure; and the pivot
caches that only repeat the people a shown table names."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from detectors.columns import normal_header
from detectors.evidence import Exposure
from detectors.model import Table, Vector
from detectors.people import count_people
from detectors.prose_batch import REPEAT_SHARE
from detectors.public_headers import ENQUIRIES_HEADER
from detectors.roles import CASEWORK
from detectors.special import categories_in
from detectors.tables import TableEvidence

if TYPE_CHECKING:
    from detectors.prose_scan import ProseResult


def as_offenders(evidence: TableEvidence, heading: str) -> TableEvidence:
    """A table under a heading that lists its people as offenders ("sex offenders", "MAPPA")."""
    return replace(
        evidence,
        offenders=True,
        kinds=evidence.kinds | {"case_records"},
        special_categories=evidence.special_categories | categories_in(heading),
    )


def in_public(evidence: TableEvidence) -> TableEvidence:
    """The people of an election notice's table (candidates, proposers, seconders) or of a
    meeting's list of members and officers: named in public."""
    return replace(
        evidence,
        public_role=True,
        kinds=frozenset(),
        special_categories=frozenset(),
        sensitive=False,
    )


_CONTACTS = frozenset({"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"})


def meeting_names(meeting: bool, evidence: TableEvidence, contacts: bool = False) -> bool:
    """A table of a meeting's minutes or agenda that holds names and nothing else of a
    person's (an action log's owners, a list of members): the names are given in public.
    A newsletter's tables (show results, club contacts) give their `contacts` too."""
    allowed = _CONTACTS if contacts else frozenset({"PERSON"})
    return (
        meeting
        and bool(evidence.people)
        and all(hit.entity in allowed for hit in evidence.hits)
        and not (evidence.kinds or evidence.special_categories or evidence.sensitive)
        and not (evidence.pay or evidence.offenders)
    )


def noted_in_public(public: bool, result: ProseResult) -> bool:
    """A note of a public table (a register of members' interests, candidates' statements)
    is published with it, people and contacts alike (a payer's address, an agent's phone),
    unless it calls someone a victim, witness or offender. Casework tables are never
    public."""
    return public and not (result.role or result.offenders)


def public_notes(evidence: TableEvidence, table: Table) -> bool:
    """The notes of a public table (what its MPs said in the House) name people in public,
    unless the table is one of cases (a councillor's casework, complaints). A column of whom
    to ask ("Enquiries about the call") is no casework."""
    titles = " ".join(normal_header(h) for h in (table.where, *table.header) if isinstance(h, str))
    return evidence.public_role and not CASEWORK.search(ENQUIRIES_HEADER.sub(" ", titles))


def table_exposure(evidence: TableEvidence, hidden: bool) -> Exposure:
    return Exposure(
        "table",
        hidden,
        count_people(evidence.people),
        tuple(sorted(evidence.kinds)),
        tuple(sorted(evidence.special_categories)),
        evidence.sensitive,
        evidence.pay,
        numbered=any(hit.entity == "POLICE_IDENTIFIER" for hit in evidence.hits),
        offenders=evidence.offenders,
        public_role=evidence.public_role,
    )


@dataclass(frozen=True)
class TablePeople:
    """Where a table's exposure is in the document's list, and whom it names."""

    index: int
    vector: Vector
    keys: frozenset[int | None]


def repeated_caches(tables: list[TablePeople], exposures: list[Exposure]) -> set[int | None]:
    """A pivot cache whose people a visible table already shows adds no severity beyond that
    table: its exposure (in `exposures`) is rated as the visible one it repeats. The keys of
    the people visible tables show are returned."""
    shown: set[int | None] = set()
    for table in tables:
        if not table.vector.hidden:
            shown |= table.keys
    for table in tables:
        if table.vector is not Vector.PIVOT_CACHE or not table.keys:
            continue
        if len(table.keys & shown) >= REPEAT_SHARE * len(table.keys):
            exposures[table.index] = replace(exposures[table.index], hidden=False)
    return shown
