"""More real public documents that are not leaks, by what their columns and words mean:
credits and inquiry witnesses, kinds read from columns, names that are part of a place or a
body, ward names, pivot caches, recruitment shortlists, court lists, role mailboxes, and a
force's street-level crime file. Each look-alike is built here beside the real leak it must
not hide. The first classes are in `test_false_alarms.py`."""

from __future__ import annotations

import pytest

from detectors.model import Vector
from detectors.scan import scan
from tests.detectors._false_alarms import ISBNS as _ISBNS
from tests.detectors._false_alarms import WARDS as _WARDS
from tests.detectors._false_alarms import election_rows as _election_rows
from tests.detectors._false_alarms import roster as _roster
from tests.detectors._false_alarms import workbook as _workbook
from tests.detectors._tables import csv_bytes as _csv
from tests.detectors._tables import fake_names as _names
from tests.detectors._tables import person_roles as _persons

_CREDITS = ["Producer", "Director", "Executive producer", "Presenter", "Camera", "Editor"]


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (["Role", "Name"], [[role, n] for role, n in zip(_CREDITS, _names(6, 21), strict=True)]),
        (
            ["Witness", "Organisation", "Date of evidence"],
            [[n, "Home Office", f"{d:02d}/05/2023"] for d, n in enumerate(_names(12, 22), 1)],
        ),
    ],
)
def test_credits_and_inquiry_witnesses_are_public_role(
    header: list[str], rows: list[list[str]]
) -> None:
    verdict = scan(_csv(header, rows), "credits.csv")
    assert _persons(verdict) and all(_persons(verdict))
    assert verdict.kinds == ()
    assert verdict.severity == "low"


def test_a_column_of_places_and_organisations_named_after_people_is_not_of_names() -> None:
    places = ["Florence Nightingale Primary School", "Edward Pease Way", "Mary Seacole House",
              "George Eliot Hospital", "Isaac Newton Academy", "Thomas Bewick Park",
              "Mary Seacole Building", "Rosalind Franklin Laboratory",
              "Leeds General Infirmary"]  # fmt: skip
    rows = [[place, kind] for place in places for kind in ("Site", "Venue")]
    verdict = scan(_csv(["", "Type"], rows), "sites.csv")
    assert not [f for f in verdict.findings if f.entity == "PERSON"]
    assert verdict.severity == "none"


def test_a_column_of_isbns_is_not_of_nhs_numbers() -> None:
    rows = [["Title", "ISBN"]] + [[f"Book {n}", isbn] for n, isbn in enumerate(_ISBNS * 4)]
    cover = [["Slide", "Topic"], ["1", "Introduction"]]
    verdict = scan(_workbook([("Cover", cover, False), ("Reading", rows, True)]), "reading.xlsx")
    assert not [f for f in verdict.findings if f.entity == "UK_NHS"]
    assert verdict.severity == "low"  # a hidden sheet, nothing personal in it


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("Cllr Jane Hartley opened the meeting.", True),
        ("The motion was moved by Jane Hartley MP.", True),
        ("Jane Hartley (Labour) was elected.", True),
        ("HARTLEY, Jane Hartley (The Labour Party Candidate) 1,204", True),
        ("Report prepared by: Jane Hartley, Head of Community Safety", True),
        ("Date: 3 May 2024    Report author: Jane Hartley", True),
        ("Jane Hartley, the Police and Crime Commissioner, said the budget was agreed.", True),
        ("Jane Hartley, head of policy, said the figures were encouraging.", True),
        ("Detective Inspector Jane Hartley said two men had been arrested.", True),
        ("ACC Jane Hartley leads the review.", True),
        ("The Minister for Policing, Jane Hartley, visited.", True),
        ("A spokesperson for Ashford Council, Jane Hartley, said no.", True),
        ("Jane Hartley, BBC News: What about the backlog?", True),
        ("By Jane Hartley\n", True),
        ("Posted on 3 May 2024 by Jane Hartley in Statistics", True),
        ("Authors: Tom Fletcher and Jane Hartley\n", True),
        ("Producer: Tom Fletcher, Ann Jones & Jane Hartley", True),
        ("Camera footage shows Tom Fletcher and Jane Hartley outside.", False),
        ("By the time police arrived Jane Hartley had left.", False),
        ("A report was made to police by Jane Hartley on Friday.", False),
        ("Jane Hartley (1820–1890), engineer, lived here.", True),
        ("In memory of Jane Hartley (1990–2023), killed on the A1.", False),
        ("Present: Councillors Tom Fletcher (Chair), Ann Jones and Jane Hartley.", True),
        ("Present: Tom Fletcher, Ann Jones and Jane Hartley.", False),
        ("Cllr Tom Fletcher said the victim, Jane Hartley, was hurt.", False),
        ("Jane Hartley, 34, said she was attacked on her way home.", False),
        ("Jane Hartley, who attacked the councillor, said nothing.", False),
        ("Jane Hartley, the councillor's neighbour, was assaulted.", False),
        ("Jane Hartley, the victim's manager, said she was shaken.", False),
        ("Jane Hartley, Councillor's assistant, was hurt.", False),
        ("The woman was punched\nby Jane Hartley, of no fixed address.", False),
        ("PC Jane Hartley was injured during the arrest.", False),
        (
            "Ann Jones: Thank you all for coming today.\nTom Brown: Good to be here, minister."
            "\nJane Hartley: We will take questions now.",
            True,
        ),
        ("Jane Hartley: seen at the address on Monday.", False),
        (
            "Ann Jones: DOB 01/02/1980\nTom Brown: DOB 03/04/1979\nJane Hartley: DOB 05/06/1990",
            False,
        ),
    ],
)
def test_a_public_capacity_is_read_from_the_words_around_a_name(text: str, public: bool) -> None:
    from detectors.roles import public_in_prose

    start = text.index("Jane Hartley")
    assert public_in_prose(text, start, start + len("Jane Hartley")) is public


def _people_rows(extra: str, count: int = 30) -> list[list[str]]:
    """Named people with one more column; `extra` may use {n} (row number) and {d} (a day)."""
    return [
        [name, extra.format(n=i, d=1 + i % 28)] for i, name in enumerate(_names(count, seed=31))
    ]


@pytest.mark.parametrize(
    ("header", "extra", "kinds", "severity"),
    [
        # A date of birth or an address is no case by itself: no kind, still sensitive.
        (["Name", "Date of birth"], "{d:02d}/04/1971", (), "high"),
        # A ward is where figures are counted, not where staff work.
        (["Name", "Ward"], "Ferndale", (), "medium"),
        # Guards: a station places officers; a crime reference makes a case.
        (["Name", "Station"], "Ashford", ("staff_list",), "medium"),
        (["Name", "Crime reference"], "36/1{n:04d}/23", ("case_records",), "high"),
    ],
)
def test_kinds_come_from_what_the_columns_mean(
    header: list[str], extra: str, kinds: tuple[str, ...], severity: str
) -> None:
    verdict = scan(_csv(header, _people_rows(extra)), "list.csv")
    assert verdict.kinds == kinds
    assert verdict.severity == severity


def test_names_carrying_their_office_make_a_public_table() -> None:
    rows = [[f"Cllr {n}", _WARDS[i % 7]] for i, n in enumerate(_names(20, seed=41))]
    verdict = scan(_csv(["Name", "Area"], rows), "members.csv")
    assert _persons(verdict) and all(_persons(verdict))
    assert verdict.severity == "low"


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Patients moved to George Eliot Hospital on Monday.", "George Eliot", True),
        ("The works on Edward Pease Way end soon.", "Edward Pease Way", True),
        ("The bus no longer stops on Shay Lane.", "Shay Lane", True),
        ("The fun run starts in Victoria Park.", "Victoria Park", True),
        ("Jane Lane was interviewed on Monday.", "Jane Lane", False),
        ("Tom Park was injured in the fall.", "Tom Park", False),
        ("Mary Anne Hall reported the theft.", "Mary Anne Hall", False),
        ("Jane Smith told the school about it.", "Jane Smith", False),
        ("She was taken to Leeds General Infirmary.", "Leeds General", True),
        ("The clinic moves to the Mary Seacole Building in May.", "Mary Seacole", True),
        ("Lectures are in the Rosalind Franklin Laboratory.", "Rosalind Franklin", True),
        (
            "Visiting on the Elizabeth Garrett Anderson Wing ends at 8pm.",
            "Elizabeth Garrett Anderson",
            True,
        ),
        ("The lifts in Robert Owen Tower are out of order.", "Robert Owen", True),
        ("Board meeting: Main Library, Francis Auditorium.", "Francis Auditorium", True),
        ("Jane Wing reported the theft.", "Jane Wing", False),
        ("PC Jane Smith Tower Hamlets BCU attended.", "Jane Smith", False),
        ("Ask Jane Smith Building Control Manager.", "Jane Smith", False),
        ("Jane Smith Wing Commander (retired) gave evidence.", "Jane Smith", False),
        ("Board meeting, Wray Ward, 900 Baxter St., Charlotte NC", "Charlotte NC", True),
        ("Trustees, 101 N. Tryon St., #1900 Charlotte NC", "Charlotte NC", True),
        ("Send it to Grand Rapids, MI 49503 by Friday.", "Grand Rapids, MI", True),
        ("Witnesses: Charlotte NC, aged 34, of the same street.", "Charlotte NC", False),
        ("Smith J, Jones K, Charlotte NC attended the briefing.", "Charlotte NC", False),
        ("Miscellaneous 13-0194 02-09-13/0200 4th Howard Pl. Inactive", "Howard Pl", True),
        ("Theft from Auto 13-0241 02-18-13/0200 9th & Barry St. Active", "Barry St. Active", True),
        ("Barring Notice 13-0707 6th and Howard Place Inactive", "Howard Place Inactive", True),
        ("Burglary II 13-0124 01-29-13/0940 C.B. Powell Bldg. Active", "C.B. Powell", True),
        ("Student Misconduct 13-0112 01-26-13/1755 Jane Smith Active", "Jane Smith Active", False),
        ("Theft reported by Carol Hall Inactive since May", "Carol Hall Inactive", False),
    ],
)
def test_a_name_that_is_part_of_a_place_or_body_is_told_apart(
    text: str, name: str, place: bool
) -> None:
    from detectors.places import place_or_org_span

    start = text.index(name)
    assert place_or_org_span(text, start, start + len(name)) is place


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (["Incident", "Victim name", "Author"], ["Assault {n}", "{name}", "PC Brown"]),
        (["Offence", "Name", "Report author"], ["Theft", "{name}", "DC Smith"]),
        (["Victim", "Speaker", "Date"], ["{name}", "Tom Fletcher", "01/05/2024"]),
    ],
)
def test_a_public_looking_header_never_hides_people_in_a_case(
    header: list[str], row: list[str]
) -> None:
    rows = [[c.format(n=i, name=n) for c in row] for i, n in enumerate(_names(30, seed=51))]
    verdict = scan(_csv(header, rows), "cases.csv")
    assert not any(_persons(verdict))
    assert verdict.severity in ("high", "critical")


_WARD_NAMES = ["Beeston", "Clifton", "Hartley", "Morley", "Walton", "Burton", "Sutton", "Norton",
               "Bradley", "Stanley", "Hilton", "Barton", "Hampton", "Compton", "Hamilton",
               "Marston", "Overton", "Thornton", "Weston", "Whitby"]  # fmt: skip
"""Wards named after GB places that are also known surnames."""


def test_a_column_of_ward_or_town_names_is_not_of_surnames() -> None:
    from detectors.places import is_gb_place

    assert all(map(is_gb_place, _WARD_NAMES))  # the shipped list knows them
    rows = [[ward, ("High", "Medium")[i % 2]] for i, ward in enumerate(_WARD_NAMES)]
    verdict = scan(_csv(["", "Priority"], rows), "priorities.csv")
    assert not [f for f in verdict.findings if f.entity == "PERSON"]
    assert verdict.severity == "none"


def test_surnames_that_are_also_places_still_make_a_staff_list() -> None:
    rows = [[ward.upper(), "J", "Constable", f"{100 + i}"] for i, ward in enumerate(_WARD_NAMES)]
    verdict = scan(_csv(["Surname", "Initial", "Rank", "Collar number"], rows), "roll.csv")
    assert "staff_list" in verdict.kinds
    assert verdict.people == len(_WARD_NAMES)


def _pivot_reply(header: list[str], rows: list[list[str]], source: str | None) -> bytes:
    from crawler.demo.builders.xlsx import build_pivot_workbook

    return build_pivot_workbook(
        header,
        rows,
        row_field=header[2],
        data_field=header[0],
        keep_source=source is not None,
        source_state=source or "hidden",
    )


def test_election_results_workbook_with_its_pivot_cache_is_low() -> None:
    rows = [[r[1], r[0], r[2], r[3]] for r in _election_rows(40)]
    verdict = scan(_pivot_reply(["Candidate", "Ward", "Party", "Votes"], rows, "visible"), "e.xlsx")
    assert verdict.severity == "low"
    assert _persons(verdict) and all(_persons(verdict))
    assert Vector.PIVOT_CACHE in {s.vector for s in verdict.structures}


@pytest.mark.parametrize(
    ("source", "severity"),
    [("visible", "high"), ("hidden", "critical"), (None, "critical")],
)
def test_a_roster_behind_a_pivot_is_rated_by_what_a_reader_cannot_see(
    source: str | None, severity: str
) -> None:
    rows = [[f"{4000 + i}", r[0], r[2], r[1]] for i, r in enumerate(_roster(120))]
    header = ["Collar Number", "Surname", "Rank", "Forename"]
    verdict = scan(_pivot_reply(header, rows, source), "roll.xlsx")
    assert verdict.severity == severity
    assert "staff_list" in verdict.kinds
    assert not any(_persons(verdict))


def test_a_recruitment_shortlist_of_candidates_is_not_an_election() -> None:
    rows = [[n, f"{9 + i % 8}:00", "Panel A"] for i, n in enumerate(_names(30, seed=61))]
    verdict = scan(_csv(["Candidate", "Interview time", "Panel"], rows), "shortlist.csv")
    assert _persons(verdict) and not any(_persons(verdict))
    assert verdict.people == 30


@pytest.mark.parametrize(
    "header", [["Name", "Hearing date", "Court"], ["Witness", "Hearing date", "Court"]]
)
def test_a_court_list_is_not_an_inquiry(header: list[str]) -> None:
    rows = [[n, f"{1 + i % 28:02d}/06/2024", "Ashford"] for i, n in enumerate(_names(30, 71))]
    verdict = scan(_csv(header, rows), "list.csv")
    assert _persons(verdict) and not any(_persons(verdict))


def test_officers_beside_their_counts_are_still_people() -> None:
    rows = [[n, str(3 + i % 9)] for i, n in enumerate(_names(30, seed=81))]
    verdict = scan(_csv(["Officer", "Arrests"], rows), "arrests.csv")
    assert verdict.people == 30
    assert verdict.severity == "medium"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("ashford.library@kent.gov.uk", True),
        ("libraries.barnsley@barnsley.gov.uk", True),
        ("centrallibrary@example.gov.uk", True),
        ("elections@example.gov.uk", True),
        ("foirequests@example.police.uk", True),
        ("jane.smith@example.gov.uk", False),
        ("jane.park@example.gov.uk", False),  # Park is a surname here, not a venue
        ("j.parish@example.police.uk", False),
        ("jsmith@example.gov.uk", False),
        ("smithj@example.police.uk", False),  # surname, then the initial
        ("kellyrobin@example.police.uk", False),  # surname and forename glued
        ("sarahwells@example.police.uk", False),  # forename and surname glued
        ("floods@example.gov.uk", True),  # a plural, not a surname and an initial
        ("parking@example.gov.uk", True),
        ("communitysafety@example.gov.uk", True),
        ("roadsafety@example.gov.uk", True),
    ],
)
def test_role_and_venue_mailboxes_are_told_from_people_s_own(address: str, public: bool) -> None:
    from detectors.public import is_public_email

    assert is_public_email(address) is public


# --- a force's street-level crime file, as published -----------------------------------------

_STREETS = [
    "Cherry Orchard Lane",
    "Alexandra Way",
    "Ashley Close",
    "Bruce Grove",
    "Collins Cross",
    "Curtis Close",
    "Clarke Way",
    "Supermarket",
    "Parking Area",
    "Petrol Station",
]
_CRIME_HEADER = [
    "Crime ID",
    "Month",
    "Reported by",
    "Longitude",
    "Latitude",
    "Location",
    "LSOA name",
    "Crime type",
    "Last outcome category",
]
_CRIME_TYPES = ["Violence and sexual offences", "Burglary", "Anti-social behaviour"]


def _street_crimes(location: str) -> list[list[str]]:
    return [
        [
            f"{n:064x}",
            "2021-01",
            "Example Constabulary",
            f"-0.{600000 + n}",
            f"51.{810000 + n}",
            location.format(street=_STREETS[n % len(_STREETS)]),
            f"Example Vale 00{n % 9}A",
            _CRIME_TYPES[n % len(_CRIME_TYPES)],
            "Investigation complete; no suspect identified",
        ]
        for n in range(60)
    ]


def test_a_street_level_crime_file_names_streets_not_people() -> None:
    verdict = scan(_csv(_CRIME_HEADER, _street_crimes("On or near {street}")), "street.csv")
    assert verdict.people == 0
    assert not [f for f in verdict.findings if f.entity == "PERSON"]
    assert verdict.severity == "none"


def test_a_location_column_that_also_holds_details_is_still_read_as_notes() -> None:
    header = [*_CRIME_HEADER[:5], "Location and details", *_CRIME_HEADER[6:]]
    rows = _street_crimes(
        "On or near {street}: victim Margaret Thornbury was approached by two men at the bus stop"
    )
    verdict = scan(_csv(header, rows), "street.csv")
    assert [f for f in verdict.findings if f.entity == "PERSON" and not f.public_role]
    assert verdict.severity in ("high", "critical")
