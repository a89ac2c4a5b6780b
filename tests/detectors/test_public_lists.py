"""Lists published on purpose that name people beside what makes them public: politicians
beside the open-data ids only politicians are given, books beside their authors, monarchs, a
sports club's players beside their figures. Each is built beside the same list without that
mark, which still counts."""

from __future__ import annotations

import pytest

from detectors.scan import scan
from tests.detectors._tables import csv_bytes as _csv
from tests.detectors._tables import fake_names as _names


@pytest.mark.parametrize(("identifier", "public"), [("ep_id", True), ("staff_id", False)])
def test_politicians_beside_their_open_data_identifiers_are_named_in_public(
    identifier: str, public: bool
) -> None:
    seats = ["Bolton North East", "Aldershot", "Eastbourne", "Macclesfield", "missing"]
    rows = [
        [str(1500 + n), name, str(12900 + n), seats[n % 5], f"b79c5be4-8a0c-4827-bf12-{n:012d}"]
        for n, name in enumerate(_names(20, seed=73))
    ]
    verdict = scan(_csv(["id", "name", "area_id", "area_name", identifier], rows), "mps.csv")
    assert (verdict.severity == "low") is public


@pytest.mark.parametrize(("column", "public"), [("isbn", True), ("department", False)])
def test_a_list_of_books_names_their_authors_beside_the_books_titles(
    column: str, public: bool
) -> None:
    rows = [
        [
            f"GBA{n % 10}W{n:04d}",
            f"Walks around the old town, part {n}",
            str(1990 + n % 30),
            f"09521{n:05d}",
            name,
        ]
        for n, name in enumerate(_names(40, seed=74))
    ]
    verdict = scan(_csv(["id", "title", "published", column, "author"], rows), "books.csv")
    assert (verdict.severity == "low") is public


@pytest.mark.parametrize(("names", "public"), [("regnal", True), ("people", False)])
def test_a_headerless_list_of_monarchs_names_them_in_public(names: str, public: bool) -> None:
    given = ["Elizabeth", "George", "Edward", "Victoria", "William", "Henry", "Mary", "Anne"]
    numerals = ["II", "VI", "VIII", "I", "IV", "III", "VII", "V"]
    people = _names(24, seed=75)
    rows = [
        [
            f"{given[n % 8]} {numerals[(n // 8 + n) % 8]}" if names == "regnal" else people[n],
            f"{1500 + 17 * n}-04-21",
            f"{1560 + 17 * n}-02-06",
            f"Q{9682 + n}",
        ]
        for n in range(24)
    ]
    verdict = scan(_csv(rows[0], rows[1:]), "monarchs.csv")
    assert (verdict.severity == "low") is public


@pytest.mark.parametrize(
    ("figures", "public"),
    [
        (["Overs", "Maidens", "Runs", "Wickets"], True),
        (["Shifts", "Hours", "Overtime", "Sick days"], False),
        (["Pts", "Fr", "Merit", "Pts"], True),  # a pool league's ranking, round by round
        (["Pts", "Hours", "Pts", "Pts"], False),  # one kind of figure repeated counts once
    ],
)
def test_a_club_s_averages_name_its_players_beside_their_figures(
    figures: list[str], public: bool
) -> None:
    rows = [
        [name, str(10 + n), str(n % 4), str(30 + 7 * n), str(n % 6)]
        for n, name in enumerate(_names(24, seed=76))
    ]
    verdict = scan(_csv(["Player name", *figures], rows), "averages.csv")
    assert (verdict.severity == "low") is public


_FIRMS = ["Brightstar", "Deloitte", "Mentore Consulting", "ABPI", "Carillion", "Aviva", "BT"]


@pytest.mark.parametrize(
    ("chair", "header", "public"),
    [
        (" (Chair)", "Company", True),
        (" Co-Chair", "Organisation", True),
        ("", "Company", False),
        (" (Chair)", "Department", False),
    ],
    ids=["a council's members", "a working group's", "no chair among them", "one firm's staff"],
)
def test_a_panel_s_members_beside_the_bodies_they_come_from_are_named_in_public(
    chair: str, header: str, public: bool
) -> None:
    """A business council's working group, one member marked its chair, each beside the
    company they come from, as a government report lists them."""
    names = _names(24, seed=29)
    rows = [
        [name + (chair if n == 0 else ""), _FIRMS[n % 7] + f" {n}"] for n, name in enumerate(names)
    ]
    verdict = scan(_csv(["Name", header], rows), "members.csv")
    people = [f for f in verdict.findings if f.entity == "PERSON"]
    assert people and all(f.public_role for f in people) is public


_BODIES = [
    "NHS Lanarkshire", "University of Stirling", "Scottish Advocacy Alliance", "NHS Fife",
    "Royal College of Nursing", "Glasgow Caledonian University", "Carers Trust Scotland",
]  # fmt: skip


_POSTS = ["Director of Strategy,", "Consultant Physician,", "Senior Lecturer,"]
_UNITS = ["Professional Standards Department", "Major Crime Unit", "Response Team North"]


@pytest.mark.parametrize(
    ("posts", "bodies", "public"),
    [
        (_POSTS, _BODIES, True),
        (_POSTS, ["Finance Department"], False),
        (["Inspector,", "Sergeant,", "Constable,"], _UNITS, False),
    ],
    ids=["a panel from many bodies", "one department's staff", "a force's officers"],
)
def test_a_panel_s_wrapped_posts_are_read_as_one_entry_each(
    posts: list[str], bodies: list[str], public: bool
) -> None:
    """A headerless table set over two lines a person, as a report's PDF prints it: the post
    on the name's line, the body it belongs to on the line below, whose name cell is empty."""
    rows: list[list[str]] = []
    for n, name in enumerate(_names(24, seed=31)):
        rows += [[name, posts[n % 3]], ["", bodies[n % len(bodies)]]]
    verdict = scan(_csv(rows[0], rows[1:]), "panel.csv")
    people = [f for f in verdict.findings if f.entity == "PERSON"]
    assert people and all(f.public_role for f in people) is public


@pytest.mark.parametrize(("seats", "public"), [(True, True), (False, False)])
def test_members_of_congress_beside_their_party_letters_and_seats_are_named_in_public(
    seats: bool, public: bool
) -> None:
    states = ["OH", "MN", "TX", "NY", "CA"]
    reasons = ["Took a job in business", "Sexual harassment allegations", "Elected governor"]
    rows = [
        [
            name,
            "RD"[n % 2],
            f"{states[n % 5]}-{n % 12 + 1}" if seats else ["North", "South", "East"][n % 3],
            f"{110 + n % 6}th",
            f"1/{n % 28 + 1}/2018",
            reasons[n % 3],
            "New York Times",
            "DX"[n % 2],
        ]
        for n, name in enumerate(_names(30, seed=75))
    ]
    header = ["Member", "Party", "District", "Congress", "Resignation Date", "Reason", "Source"]
    verdict = scan(_csv([*header, "Category"], rows), "resignations.csv")
    assert (verdict.severity == "low") is public
