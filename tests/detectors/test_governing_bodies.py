"""Tables of bodies that name their members on purpose: an election study's seats with each
party's candidate beside census shares, a school's governing body with its categories, a
committee's members beside their posts. Each is built here beside the list it must not hide
(a person's illness, a roster of posts or ranks)."""

from __future__ import annotations

import pytest

from detectors.scan import scan
from tests.detectors._tables import csv_bytes as _csv
from tests.detectors._tables import fake_names as _names
from tests.detectors._tables import person_roles as _persons

_RANKS = ["Police Constable", "Police Constable", "Sergeant", "PCSO", "Inspector", "Constable"]
# --- an election study's seats with each party's candidate and the area's census shares ----

_SEATS = ["Aberavon", "Aldershot", "Ashfield", "Barnsley East", "Bassetlaw", "Bolsover"]


@pytest.mark.parametrize(("illness", "public"), [("21.84", True), ("Asthma", False)])
def test_seats_with_their_candidates_and_census_shares_are_election_data(
    illness: str, public: bool
) -> None:
    names = _names(24, seed=57)
    rows = [
        [str(n + 1), _SEATS[n % 6], "Wales", names[2 * n], names[2 * n + 1], illness]
        for n in range(12)
    ]
    header = ["REF", "SEATNAME", "REGION", "LABPPC01", "CONPPC01", "ILLNESS"]
    verdict = scan(_csv(header, rows), "seats.csv")
    assert (verdict.severity == "low") is public


# --- a school's governing body, whose members and terms are published ---------------------

_GOVERNOR_TYPES = ["Headteacher", "LA", "Co-opted", "Co-opted", "Parent", "Parent", "Staff"]
_GOVERNOR_TYPES += ["Foundation", "Parent", "Co-opted"]


def _attendance(types: list[str]) -> bytes:
    rows = [
        [name, types[n % len(types)], f"{1 + n % 28:02d}/10/2026", "P", "P", "A", "P"]
        for n, name in enumerate(_names(20, seed=55))
    ]
    return _csv(["Governor", "Type", "End of term", "Sep", "Oct", "Nov", "Dec"], rows)


def test_a_governing_body_s_attendance_register_is_published() -> None:
    verdict = scan(_attendance(_GOVERNOR_TYPES), "governor-attendance.csv")
    assert verdict.severity == "low"
    assert verdict.people == 0
    assert _persons(verdict) and all(_persons(verdict))


@pytest.mark.parametrize(
    ("categories", "public"),
    [(_GOVERNOR_TYPES, True), (["Burglary", "Assault", "Theft", "Criminal damage"], False)],
    ids=["governors-categories", "offences"],
)
def test_a_register_of_governors_by_category_is_no_case_file(
    categories: list[str], public: bool
) -> None:
    rows = [
        [name, categories[n % len(categories)], "Finance", f"Sep-{16 + n % 8}", "None"]
        for n, name in enumerate(_names(12, seed=59))
    ]
    header = ["Name", "Category", "Committee Membership", "Date Appointed", "Pecuniary Interests"]
    verdict = scan(_csv(header, rows), "governors.csv")
    assert (verdict.severity == "low") is public
    assert ("case_records" in verdict.kinds) is not public


@pytest.mark.parametrize(
    "types",
    [["Staff", "Parent", "Staff", "Volunteer"], ["Co-opted", "Constable", "Sergeant", "PCSO"]],
    ids=["no-governor-only-category", "mostly-ranks"],
)
def test_a_list_without_governors_categories_is_no_governing_body(types: list[str]) -> None:
    from detectors.table_roles import governing_body

    column = [types[n % len(types)] for n in range(20)]
    assert not governing_body([column])


# --- a community council's members beside their posts -------------------------------------

_POSTS = ["Convenor", "Vice Convenor", "Secretary", "Treasurer"] + ["Member"] * 10


@pytest.mark.parametrize(
    ("posts", "public"),
    [
        (_POSTS, True),
        (["Officer", "Officer", "Secretary", "Member"], False),
        (["Chair", "Treasurer", "Member"], False),  # every third row a chair: a roster of posts
        (_RANKS, False),
    ],
    ids=["office-bearers", "no-office-bearer", "chairs-throughout", "ranks"],
)
def test_a_committee_s_members_beside_their_posts_are_named_in_public(
    posts: list[str], public: bool
) -> None:
    rows = [[name, posts[n % len(posts)]] for n, name in enumerate(_names(14, seed=56))]
    verdict = scan(_csv(rows[0], rows[1:]), "present.csv")  # no header: the first member is one
    assert (verdict.severity == "low") is public


# --- a school's subject leads: staff and governors named for the areas they lead ------------

_SUBJECTS = ["Assessment", "Curriculum", "Early Years", "Finance", "GDPR", "History", "Library"]
_SUBJECTS += ["Literacy", "Maths", "Music", "Key Stage 1", "Phonics", "Science", "Website"]


@pytest.mark.parametrize(
    ("header", "keys", "third", "public"),
    [
        (["Subject", "Staff Member", "Governor (lead/deputy)"], _SUBJECTS, None, True),
        (["Portfolio", "Lead member", "Deputy"], _SUBJECTS, None, True),
        (["Subject", "Staff Member", "Governor"], _SUBJECTS, None, False),  # nobody leads
        (["Subject", "Lead", "Rank"], _SUBJECTS, _RANKS, False),  # their ranks: a roster
        (["Date", "Lead", "Deputy"], [f"{d:02d}/10/2026" for d in range(1, 15)], None, False),
        (["Subject", "Lead", "Deputy"], ["Finance", "Website"] * 7, None, False),  # repeated
    ],
    ids=["subject-leads", "portfolios", "no-lead-heading", "ranks", "dates", "few-duties"],
)
def test_staff_named_for_the_areas_they_lead_are_named_in_their_work(
    header: list[str], keys: list[str], third: list[str] | None, public: bool
) -> None:
    names = _names(28, seed=58)
    rows = [
        [key, names[n % 9], third[n % len(third)] if third else names[14 + n]]
        for n, key in enumerate(keys)
    ]
    verdict = scan(_csv(header, rows), "subject-leads.csv")
    assert (verdict.severity == "low") is public
    assert (verdict.people == 0) is public
