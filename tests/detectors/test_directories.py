"""Directories of bodies and lists of venues: each row a different organisation or place with
its own website, whose named contacts and notes speak for it. Each look-alike stands beside the
list of people it must not hide (officers of a few units, care homes' residents, victims
referred to agencies, a victim named in a venue's note)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from detectors.detect import Detector
from detectors.model import Severity, Table, Vector
from detectors.scan import scan
from tests.detectors._severity import ORDER as _ORDER
from tests.detectors._severity import C, H, L, N
from tests.detectors._tables import csv_bytes as _csv
from tests.detectors._tables import fake_names as _names_of

_AGENCIES = [
    "Eastford Family Support Centre",
    "Westford Community Trust",
    "Northfield Advice Centre",
    "Southgate Youth Foundation",
    "Riverside Housing Association",
    "Hillcrest Carers Centre",
    "Meadowbank Community Library",
    "Oakwood Family Support Trust",
    "Brookside Community Association",
    "Elmstead Advice Centre",
    "Ashby Youth Foundation",
    "Clifton Wellbeing Centre",
]


def _directory(
    header: Sequence[str], row: Callable[[int, str, str], list[str]], count: int = 12
) -> bytes:
    forenames = ["Myra", "Louis", "Linda", "Glenn", "Sarah", "Marge", "Annette", "Tom"]
    surnames = ["Pearson", "Dawson", "Hallam", "Eastwood", "Axton", "Cannock", "Ferrari"]
    surnames += ["Stein", "Ducat", "Berman", "Page", "Hall", "Fletcher", "Brady", "Turner"]
    names = [f"{first} {last}" for last in surnames for first in forenames]
    return _csv(header, [row(n, _AGENCIES[n % 12], names[n]) for n in range(count)])


_DIRECTORY_HEADER = [
    "Agency",
    "Website",
    "Hours",
    "Senior worker",
    "Senior worker title",
    "Senior worker email",
    "Description",
]


def _agency_row(n: int, agency: str, name: str) -> list[str]:
    login = name.lower().replace(" ", ".")
    return [
        agency,
        f"http://www.agency{n}.org",
        "9:00 am - 5:00 pm, Monday - Friday",
        name,
        ["Programme Coordinator", "Volunteer Manager", "Office Manager"][n % 3],
        f"{login}@agency{n}.org",
        "Advice and support for families, children and carers in the area.",
    ]


def _access_row(n: int, agency: str, name: str) -> list[str]:
    return [*_agency_row(n, agency, name), ["Ramp at the side door", "Lift", "None"][n % 3]]


_AUTHORITIES = ["Barnsley", "Bedford", "Birmingham", "Blackpool", "Bolton", "Bradford"]
_AUTHORITIES += ["Brighton", "Bristol", "Bury", "Calderdale", "Camden", "Cheshire East"]


def _inspection_row(n: int, agency: str, name: str) -> list[str]:
    grade = ["good", "requires improvement", "outstanding"][n % 3]
    return [_AUTHORITIES[n], f"ofsted.gov.uk/5023{n:04d}", grade, name, f"{n + 1:02d}/09/2023"]


_INSPECTIONS = ["Local Authority", "Inspection Link", "Overall Grade", "Inspector Name", "Start"]


def _club_row(n: int, agency: str, name: str) -> list[str]:
    return [agency, f"{n + 1:02d}/09", f"Mrs {name.split()[1]}", "Sed:", f"20{n:03d}"]


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (_DIRECTORY_HEADER, _agency_row),
        ([*_DIRECTORY_HEADER, "Disabilities access"], _access_row),
        (_INSPECTIONS, _inspection_row),
        (["Organisation", "Update", "Contact", "Tel:", "015396"], _club_row),
    ],
    ids=[
        "agencies",
        "agencies with their buildings' access",
        "councils' inspections with their reports' links and lead inspectors",
        "a village magazine's clubs and societies with each one's contact",
    ],
)
def test_a_directory_of_agencies_names_their_contacts_in_role(
    header: list[str], row: Callable[[int, str, str], list[str]]
) -> None:
    verdict = scan(_directory(header, row), "directory.csv")
    assert verdict.severity in ("low", "none")
    assert all(f.public_role for f in verdict.findings if f.entity == "PERSON")


def _staff_row(n: int, agency: str, name: str) -> list[str]:
    login = name.lower().replace(" ", ".")
    unit = ["Road Policing Unit", "Criminal Justice Unit", "Custody Unit"][n % 3]
    return [unit, "http://intranet.force.police.uk/units", name, "Constable", login + "@force.uk"]


def _residents_row(n: int, agency: str, name: str) -> list[str]:
    home = ["Oakwood Care Centre", "Elm Lodge Nursing Centre"][n % 2]
    return [home, "http://www.carehomes.org", name, "dementia", "Room " + str(n)]


def _victims_row(n: int, agency: str, name: str) -> list[str]:
    return [agency, f"http://www.agency{n}.org", name, "Referred by police"]


@pytest.mark.parametrize(
    ("header", "row", "count", "least"),
    [
        (["Unit", "Unit page", "Name", "Rank", "Email"], _staff_row, 120, H),
        (["Home", "Website", "Resident name", "Medical condition", "Room"], _residents_row, 12, H),
        (["Agency", "Website", "Victim name", "Notes"], _victims_row, 12, H),
        (["Organisation", "Update", "Victim", "Tel:", "015396"], _club_row, 12, H),
    ],
    ids=[
        "officers of a few units with their units' page",
        "residents of care homes with their condition",
        "victims referred to agencies",
        "victims beside the clubs they were referred by",
    ],
)
def test_a_list_of_people_beside_bodies_is_no_directory(
    header: list[str], row: Callable[[int, str, str], list[str]], count: int, least: Severity
) -> None:
    verdict = scan(_directory(header, row, count), "list.csv")
    assert _ORDER.index(verdict.severity) >= _ORDER.index(least)


@pytest.mark.parametrize(("vector", "public"), [(Vector.CELL, True), (Vector.HIDDEN_SHEET, False)])
def test_a_directory_s_notes_speak_for_its_bodies_only_where_a_reader_sees_them(
    vector: Vector, public: bool
) -> None:
    notes = [
        "Ring Joan Whitlock on Mondays about referrals to the family support group.",
        "Ask for Peter Lamb, who runs the advice sessions on Thursday evenings.",
    ]
    header = ("Agency", "Website", "Hours", "Senior worker", "Senior worker title", "Notes")
    forenames = ["Myra", "Louis", "Linda", "Glenn", "Sarah", "Marge"]
    rows = [
        [
            *_agency_row(n, _AGENCIES[n], "")[:3],
            f"{forenames[n % 6]} {['Pearson', 'Dawson'][n % 2]}",
            "Office Manager",
            notes[n % 2],
        ]
        for n in range(12)
    ]
    detector = Detector()
    detector.feed(Table("sheet 'Agencies'", vector, header, iter(rows)))
    evidence = detector.finish()
    named = [f for f in evidence.findings if f.entity == "PERSON" and "Notes" in f.where]
    assert named
    assert all(f.public_role is public for f in named)


_CAFES = ["Coffee Street", "The Bakery", "Corner Cafe", "Square Kitchen", "Park Tearooms"]
_CAFES += ["Mill Bistro", "Station Diner", "Harbour Cafe", "Green Deli", "Bridge Cafe"]


@pytest.mark.parametrize(
    ("note", "most", "least"),
    [
        ("Text {name} on 07812 3456{n:02d} to book a free meal for a child aged 11.", L, N),
        ("{name}, the victim of an assault here last week, asked us to share this.", C, H),
    ],
    ids=["the venues' own contacts", "a victim named in a venue's note"],
)
def test_the_notes_of_a_list_of_venues_speak_for_the_venues(
    note: str, most: Severity, least: Severity
) -> None:
    header = ["Org Name", "Street", "Town", "Postcode", "Phone", "Website", "Other info"]
    towns = ["Chesterfield", "Romsey", "Whitley Bay", "Halifax", "Leeds", "Bath", "Ripon"]
    towns += ["Kendal", "Durham", "Hexham"]
    rows = [
        [cafe, f"{n + 2} High Street", towns[n], f"S4{n} 1XA", f"01246 76{n:04d}",
         f"https://www.cafe{n}.co.uk/", note.format(name=name, n=n)]
        for n, (cafe, name) in enumerate(zip(_CAFES, _names_of(10), strict=True))
    ]  # fmt: skip
    verdict = scan(_csv(header, rows), "meals.csv")
    assert _ORDER.index(least) <= _ORDER.index(verdict.severity) <= _ORDER.index(most)
