"""Values split into their parts, and records printed one person per line or paragraph.

A list of people is often printed rather than tabled: one paragraph per person ("SURNAME,
Forename DOB … Offence: …"), a paragraph per "Name, dd/mm/yyyy" in white, lines under black
boxes ("Jane Smith, 4 Mill Lane, Diss IP22 4AB, 07700 900123"), or a results table printed
with single spaces ("Abbeyfield SMITH, Jane Labour 2274"). Each shape is built here as a real
file and scanned end to end; look-alikes that are prose or public lists stay low.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from crawler.demo.builders.docx import build_docx, paragraph, run
from crawler.demo.builders.pdf import Box, Line, Page, build_pdf
from detectors.compound import compound_columns, split_row
from detectors.detect import Detector
from detectors.model import Severity, Table, Vector
from detectors.names import looks_like_name
from detectors.prose_columns import name_led_lines_in, named_lines_in
from detectors.prose_records import is_record_line, records_in
from detectors.scan import scan
from tests.detectors._tables import winansi
from tests.holdout.people import Cast, Person

_OFFENCES = ("Voyeurism", "Rape", "Sexual assault of a child under 13", "Exposure")
_PARTIES = ("Labour", "Conservative", "Liberal Democrat", "Green Party", "Reform UK")


def _cast(size: int, seed: int) -> tuple[Cast, list[Person]]:
    cast = Cast(seed)
    people = [
        p
        for p in cast.people(size * 3)
        if looks_like_name(f"{p.forename} {p.surname}") and winansi(p.forename + p.surname)
    ]
    return cast, people[:size]


def _register(size: int) -> list[str]:
    cast, people = _cast(size, 61)
    lines = []
    for i, p in enumerate(people):
        street, postcode = cast.address()
        lines.append(
            f"{p.surname.upper()}, {p.forename} DOB {cast.dob()} {street} {postcode} "
            f"Offence: {_OFFENCES[i % len(_OFFENCES)]}"
        )
    return lines


def _births(size: int) -> list[str]:
    cast, people = _cast(size, 67)
    return [f"{p.forename} {p.surname}, {cast.dob()}" for p in people]


def _contacts(size: int) -> list[str]:
    cast, people = _cast(size, 71)
    lines = []
    for p in people:
        street, postcode = cast.address()
        lines.append(f"{p.forename} {p.surname}, {street}, {postcode}, {cast.mobile()}")
    return lines


def _results(size: int) -> list[str]:
    cast, people = _cast(size, 73)
    wards = ("Abbeyfield", "Barrow Hill", "Castlegate")
    return [
        f"{wards[i % 3]} {p.surname.upper()}, {p.forename} {_PARTIES[i % 5]} {cast.number(4)}"
        for i, p in enumerate(people)
    ]


def _briefing(size: int) -> list[str]:
    cast, people = _cast(size, 101)
    offences = ("Sexual assault on a female", "Controlling or coercive behaviour", "Theft")
    return [
        f"{p.forename} {p.surname} ({cast.dob()}) - {offences[i % 3]} - Castlegate"
        for i, p in enumerate(people)
    ]


def _docx(heading: str, lines: list[str], **style: object) -> bytes:
    body = [paragraph(heading), paragraph("Figures for the year are given below.")]
    body += [paragraph(run(line, **style)) for line in lines]  # type: ignore[arg-type]
    body.append(paragraph("Published under the force's FOI scheme."))
    return build_docx(body)


def _pdf(heading: str, lines: list[str], boxed: bool = False) -> bytes:
    items: list[Line | Box] = [Line(heading, x=40, y=780)]
    for i, line in enumerate(lines):
        y = 760 - 14 * i
        items.append(Line(line, x=40, y=y, size=7))
        if boxed:
            items.append(Box(38, y - 3, 520, 11))
    return build_pdf([Page(tuple(items))])


@dataclass(frozen=True)
class Shape:
    name: str
    build: Callable[[list[str]], bytes]
    lines: Callable[[int], list[str]]
    size: int
    vector: Vector
    severity: Severity
    kinds: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset({"PERSON"})
    suffix: str = "docx"


SHAPES = [
    Shape(
        "offenders one paragraph each",
        lambda lines: _docx("Registered sex offenders: Northcote area", lines),
        _register, 24, Vector.PAGE_TEXT, Severity.CRITICAL, frozenset({"case_records"}),
        frozenset({"PERSON", "DATE_OF_BIRTH", "UK_POSTCODE"}),
    ),
    Shape(
        "offenders in hidden paragraphs",
        lambda lines: _docx("MAPPA nominal list", lines, hidden=True),
        _register, 21, Vector.HIDDEN_TEXT, Severity.CRITICAL, frozenset({"case_records"}),
        frozenset({"PERSON", "DATE_OF_BIRTH"}),
    ),
    Shape(
        "'Name, dd/mm/yyyy' paragraphs in white",
        lambda lines: _docx("Missing person reports", lines, colour="FFFFFF"),
        _births, 30, Vector.CONCEALED_FORMAT, Severity.HIGH, frozenset(),
        frozenset({"PERSON", "DATE_OF_BIRTH"}),
    ),
    Shape(
        "names, addresses and mobiles under black boxes",
        lambda lines: _pdf("Complaint review: complainants", lines, boxed=True),
        _contacts, 8, Vector.UNDER_REDACTION, Severity.HIGH, frozenset({"contact_list"}),
        frozenset({"PERSON", "UK_POSTCODE", "PHONE_NUMBER"}), "pdf",
    ),
    Shape(
        "offender lines in a PDF",
        lambda lines: _pdf("Registered sex offenders in the area", lines),
        _register, 12, Vector.PAGE_TEXT, Severity.CRITICAL, frozenset({"case_records"}),
        frozenset({"PERSON", "DATE_OF_BIRTH"}), "pdf",
    ),
    Shape(
        "'Name (date of birth) - offence - ward' lines in a PDF",
        lambda lines: _pdf("Case list (briefing only)", lines),
        _briefing, 18, Vector.PAGE_TEXT, Severity.CRITICAL, frozenset({"case_records"}),
        frozenset({"PERSON", "DATE_OF_BIRTH"}), "pdf",
    ),
]  # fmt: skip


@pytest.mark.parametrize("shape", SHAPES, ids=[s.name for s in SHAPES])
def test_each_printed_list_counts_every_person_once(shape: Shape) -> None:
    lines = shape.lines(shape.size)
    verdict = scan(shape.build(lines), f"list.{shape.suffix}")
    assert verdict.people == shape.size, verdict.findings
    assert verdict.severity.rank >= shape.severity.rank, verdict.findings
    assert shape.kinds <= set(verdict.kinds)
    found = {f.entity for f in verdict.findings if f.vector is shape.vector}
    assert found >= shape.entities, verdict.findings
    if shape.vector is Vector.UNDER_REDACTION:
        assert all(f.covers for f in verdict.findings if f.vector is shape.vector)
    assert all("*" in f.example for f in verdict.findings if f.example)


def test_election_results_printed_with_single_spaces_are_public() -> None:
    lines = _results(30)
    verdict = scan(_pdf("Ward Candidate Party Votes", lines), "results.pdf")
    assert verdict.severity.rank <= Severity.LOW.rank, verdict.findings
    people = [f for f in verdict.findings if f.entity == "PERSON"]
    assert people and all(f.public_role for f in people)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Jane Smith, 4 Mill Lane, Diss IP22 4AB, 07700 900123\n" * 3, 3),
        ("Jane Smith (07700 900123)\nPaul Brown (07812 345678)\nAnn Lee (07911 123456)", 3),
        ("1. Jane Smith 01/02/1980\n2. Paul Brown 03/04/1975\n- Roisin O'Connor 05/06/1990", 3),
        ("Jane Smith said on 01/02/2024 that the meeting would start at nine\n" * 3, 0),
        ("Press office 0300 123 4567\nPayroll 0300 123 4545\nRecruitment 0300 123 4512", 0),
        (
            "Jane Smith, 01/02/1980\nPaul Brown, 03/04/1975\nGordon May, 05/06/1990\n"
            "Ann Lee, 07/08/1985",
            4,
        ),
        ("Gordon May, 01/02/1980\nRonald Hay, 03/04/1975\nJane Smith, 05/06/1990", 0),
        ("Jane Smith (01/02/1980) - Theft of a pedal cycle - Deanery\n" * 3, 3),
    ],
    ids=[
        "name, address, postcode, mobile",
        "name (mobile)",
        "numbered and bulleted",
        "sentences",
        "service numbers",
        "an unknown name among known ones",
        "mostly unknown names",
        "a detail straight after the name, then words",
    ],
)
def test_record_lines_of_every_shape(text: str, rows: int) -> None:
    records = records_in(text)
    assert (len(records.rows) if records else 0) == rows
    if records:
        assert all(row[0] and (row[1] or row[3] or row[5]) for row in records.rows)
        # What is left of a line is an address only when it looks like one.
        assert (records.header[2] == "Details") is ("Theft" in text)


@pytest.mark.parametrize(
    ("line", "record"),
    [
        ("HARRISON, Brett DOB 23/12/1998 Flat 5, Tina Road, Alexfort G9T 2LA Offence: Rape", True),
        ("Derek Richards, 01/12/1993", True),
        ("Management of registered sex offenders: Northcote area", False),
        ("Jane Smith said on 01/02/2024 that the meeting would go ahead", False),
        ("Jane Smith, 01/02/1980\nPaul Brown, 03/04/1975", False),
    ],
)
def test_a_paragraph_is_a_record_line_only_when_it_reads_as_one(line: str, record: bool) -> None:
    assert is_record_line(line) is record


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        (
            "Ward Candidate Party Votes\n" + "Abbeyfield SMITH, Jane Labour 2274\n" * 5,
            (
                ("Ward", "Candidate", "Party", "Votes"),
                ("Abbeyfield", "SMITH, Jane", "Labour", "2274"),
            ),
        ),
        (
            "Results\n" + "Barrow Hill NOLAN, Mary Anne Liberal Democrat 1,735\n" * 5,
            ((), ("Barrow Hill", "NOLAN, Mary Anne", "Liberal Democrat", "1,735")),
        ),
        ("Minutes\nSMITH, Jane asked about parking\nThanks all\nNext meeting\nEnd\nBye", None),
    ],
    ids=["with a header line", "no header", "one name in prose"],
)
def test_names_inside_printed_rows_are_cells(
    text: str, cells: tuple[tuple[str, ...], tuple[str, ...]] | None
) -> None:
    named = named_lines_in(text)
    if cells is None:
        assert named is None
        return
    assert named is not None
    assert (named.header, named.rows[0]) == cells


def _crimes(size: int) -> tuple[list[str], int]:
    """Crime lines with the victim, their date of birth and sometimes a witness in one cell."""
    cast, people = _cast(size * 2, 79)
    lines, named = [], 0
    offences = ("Sexual assault on a female", "Burglary - residential", "Exposure")
    for i in range(size):
        victim, witness = people[2 * i], people[2 * i + 1]
        party = f"victim {victim.forename} {victim.surname} (DOB {cast.dob()})"
        named += 1
        if i % 3 == 0:
            party += f"; witness {witness.forename} {witness.surname}"
            named += 1
        lines.append(
            f"24/{10000 + i}/{i % 9 + 1}  0{i % 9 + 1}/03/2025  {offences[i % 3]}  "
            f"Castlegate  {party}  Charged"
        )
    return lines, named


@pytest.mark.parametrize("vector", [Vector.HIDDEN_TEXT, Vector.PAGE_TEXT])
def test_crime_lines_one_paragraph_each_name_their_victims_and_witnesses(vector: Vector) -> None:
    lines, named = _crimes(24)
    data = _docx("Working list", lines, hidden=vector is Vector.HIDDEN_TEXT)
    verdict = scan(data, "reply.docx")
    assert verdict.people == named
    assert "case_records" in verdict.kinds
    assert "sexual_offence" in verdict.special_categories
    assert verdict.severity is Severity.CRITICAL
    assert {f.entity for f in verdict.findings if f.vector is vector} >= {
        "PERSON",
        "DATE_OF_BIRTH",
    }


def test_a_staff_list_printed_name_first_with_single_spaces_is_counted_whole() -> None:
    cast, people = _cast(45, 83)
    ranks = ("Police Constable", "Sergeant", "Detective Constable", "Inspector")
    lines = [
        f"{p.surname} {p.forename} {ranks[i % 4]} {cast.number(4)}" for i, p in enumerate(people)
    ]
    verdict = scan(_pdf("Surname Forename Rank Collar number", lines), "establishment.pdf")
    assert verdict.people == len(people)
    assert "staff_list" in verdict.kinds


@pytest.mark.parametrize(
    ("values", "roles"),
    [
        (
            ["victim Jane Smith (DOB 01/02/1980)", "victim Paul Brown (DOB 03/04/1975); "
             "witness Ann Lee", "victim Mary Jones (DOB 05/06/1990)"],
            (("victim", True), ("witness", False)),
        ),
        (["suspect: John Green", "suspect: Peter White", "suspect: Sarah Hall"],
         (("suspect", False),)),
        (["victim of theft", "victim of fraud", "witness to assault"], ()),
        (["Jane Smith", "Paul Brown", "Ann Lee"], ()),
    ],
    ids=["victims with dates and witnesses", "suspects", "not names", "plain names"],
)  # fmt: skip
def test_columns_of_parties_are_split_by_role(
    values: list[str], roles: tuple[tuple[str, bool], ...]
) -> None:
    splits = compound_columns([(v,) for v in values], [False])
    assert tuple(s.roles for s in splits if s.roles) == ((roles,) if roles else ())
    if roles:
        cells = split_row((values[0],), splits, 1)
        assert cells[0] == ""  # the cell moves into its parts
        assert cells[1] in ("Jane Smith", "John Green")  # the first role's name
        assert ("01/02/1980" in cells) is roles[0][1]  # its date of birth, when dated


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Establishment\nPage 2\n" + "Abbott Hilary Police Constable 5110\n" * 6, 6),
        ("Hilary Abbott Sergeant 6844\n" * 5 + "Zyxwv Qwerty Inspector 1234\n", 6),
        ("Jane Smith said the officers would attend the meeting on Monday\n" * 6, 0),
        ("Abbott Hilary Police Constable 5110\n" * 2 + "Notes\nNone\nSee above\nEnd", 0),
    ],
    ids=["surname first", "forename first, an unknown name after", "sentences", "too few"],
)
def test_lines_led_by_a_name_are_rows(text: str, rows: int) -> None:
    led = name_led_lines_in(text)
    assert (len(led.rows) if led else 0) == rows
    if led:
        assert all(len(row) == 4 and row[2] for row in led.rows)
        assert "Page 2" in led.rest or "Establishment" not in text


def test_a_cell_of_name_led_lines_stays_one_value_of_its_table() -> None:
    cast, people = _cast(12, 103)
    lines = [f"{p.surname} {p.forename} Police Constable {cast.number(4)}" for p in people]
    cells = ["\n".join(lines[:6]), "\n".join(lines[6:])]
    detector = Detector()
    rows = [("Northgate", cells[0]), ("Riverside", cells[1]), ("Harbour", "None recorded")]
    detector.feed(Table("sheet 'Teams'", Vector.CELL, ("Station", "Notes"), iter(rows)))
    evidence = detector.finish()
    assert not any("lines as columns" in f.where for f in evidence.findings)
    assert any("'Notes'" in f.where for f in evidence.findings), evidence.findings
