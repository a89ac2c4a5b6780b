"""Registers and lists the law or a newsroom publishes with people's names: donations to
politicians, a document's version history, coroners counted by their reports, candidates for
office with their votes. Each beside the list of people of the same shape that must still alert
(a charity's donors with their addresses, a list with no version, officers, a recruitment
shortlist, an offence beside candidates)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detectors.scan import scan
from tests.detectors._tables import csv_bytes as _csv
from tests.detectors._tables import fake_names as _names


@pytest.mark.parametrize(
    ("header", "public"),
    [
        (["name", "address", "donation", "date_acc", "date_reg", "amount", "donor_status"], True),
        (["DonorName", "DonationType", "Value", "AcceptedDate", "DonorStatus"], True),
        (["name", "address", "donation", "date", "amount"], False),
    ],
    ids=[
        "a register of donations to a leadership campaign",
        "the same with the electoral register's headings",
        "a charity's donors with their home addresses",
    ],
)
def test_a_register_of_political_donations_names_its_donors_as_the_law_does(
    header: list[str], public: bool
) -> None:
    width = len(header)
    rows = [
        [name, f"{n + 3} Mill Lane, Ashford TN{n % 9 + 1} 2AB", "£5,000 to support the campaign",
         f"{n + 1} July 2022", f"Registered {n + 2} August 2022", f"{5000 + n}", "individual"]
        for n, name in enumerate(_names(20, seed=83))
    ]  # fmt: skip
    if width == 5 and public:  # the electoral register's order: name, type, value, date, status
        rows = [[r[0], "Cash", r[5], r[3], r[6]] for r in rows]
    else:
        rows = [r[:width] for r in rows]
    verdict = scan(_csv(header, rows), "donations.csv")
    assert (verdict.severity in ("low", "none")) is public
    assert all(f.public_role for f in verdict.findings if f.entity == "PERSON") is public


@pytest.mark.parametrize(
    ("header", "public"),
    [
        (["Date", "Contributor", "City", "Occupation", "Employer", "Amount", "Recipient"], True),
        (["contributor_name", "contributor_occupation", "contributor_employer", "amount"], True),
        (["Date", "Name", "City", "Occupation", "Employer", "Amount", "Recipient"], False),
        (["Date", "Contributor", "City", "Occupation", "Amount", "Recipient"], False),
    ],
    ids=[
        "a state's register of campaign contributions",
        "a federal register's headings",
        "no contributor: people with their jobs and employers",
        "no employer disclosed",
    ],
)
def test_a_register_of_campaign_contributions_names_its_contributors_as_the_law_does(
    header: list[str], public: bool
) -> None:
    """A US campaign-finance register discloses each contributor's occupation and employer
    beside the amount: those are what the law asks of a contribution, not a staff list."""
    jobs = ["Police Officer", "Teacher", "Attorney", "Retired", "Nurse"]
    employers = ["City of Boston", "Boston Public Schools", "Self", "None", "MGH"]
    rows = [
        {
            "date": f"7/{n % 28 + 1}/2016",
            "contributor": name,
            "city": "West Roxbury",
            "occupation": jobs[n % 5],
            "employer": employers[n % 5],
            "amount": f"${100 + n}.00",
            "recipient": "Committee to Elect Sample",
        }
        for n, name in enumerate(_names(30, seed=97))
    ]
    # The field each heading names, by its last field word ("contributor_occupation"); "Name"
    # heads the contributors' column.
    keys = [
        "contributor" if h == "Name" else [k for k in rows[0] if k in h.lower()][-1] for h in header
    ]
    verdict = scan(_csv(header, [[row[k] for k in keys] for row in rows]), "contributions.csv")
    people = [f for f in verdict.findings if f.entity == "PERSON"]
    assert people
    assert all(f.public_role for f in people) is public


@pytest.mark.parametrize(
    ("header", "public"),
    [
        (["Version Number", "Date", "Expert writer", "Status", "Comments"], True),
        (["Version", "Date", "Approved by", "Status", "Changes"], True),
        (["Ref", "Date", "Writer", "Status", "Comments"], False),
    ],
    ids=["a procedure's version history", "its approvers", "no version: a list of people"],
)
def test_a_document_s_version_history_names_its_writers_in_role(
    header: list[str], public: bool
) -> None:
    rows = [
        [f"{n + 1}", f"{n + 1:02d}/09/2019", name, "Edited", "Minor amendments throughout."]
        for n, name in enumerate(_names(14, seed=91))
    ]
    verdict = scan(_csv(header, rows), "history.csv")
    assert (verdict.severity in ("low", "none")) is public


@pytest.mark.parametrize(("office", "public"), [("coroner_name", True), ("officer_name", False)])
def test_coroners_counted_by_their_reports_are_office_holders(office: str, public: bool) -> None:
    rows = [[str(n), name, str(140 - n)] for n, name in enumerate(_names(60, seed=93))]
    verdict = scan(_csv(["", office, "count"], rows), "reports.csv")
    assert (verdict.severity in ("low", "none")) is public


@pytest.mark.parametrize(
    ("header", "public"),
    [
        (["Candidate", "Gender", "Race", "Office", "District", "Primary Votes"], True),
        (["Candidate", "Gender", "Ethnicity", "Post", "Team", "Interview score"], False),
        (["Candidate", "Gender", "Offence", "Office", "District", "Primary Votes"], False),
    ],
    ids=[
        "candidates for office with their race and votes",
        "a recruitment shortlist with ethnicity",
        "an offence beside candidates is still a case",
    ],
)
def test_candidates_with_their_votes_are_published_with_what_is_said_of_them(
    header: list[str], public: bool
) -> None:
    races = ["White", "Black", "Asian", "Hispanic"]
    offences = ["Assault", "Fraud", "Theft", "Burglary"]
    rows = [
        [name, "F" if n % 2 else "M", (offences if "Offence" in header else races)[n % 4],
         "State Senate", f"District {n + 1}", f"{1200 + 37 * n}"]
        for n, name in enumerate(_names(20, seed=97))
    ]  # fmt: skip
    verdict = scan(_csv(header, rows), "candidates.csv")
    assert (verdict.severity in ("low", "none")) is public


@pytest.mark.parametrize(
    ("purposes", "public"),
    [
        (["Town Hall", "Rally", "Meet and Greet", "Speech", "Fundraiser", "Debate"], True),
        (["Interview", "Interview", "Second interview", "Interview", "Offer", "Interview"], False),
        (["Speech and Language Therapist", "Speech Therapist", "Nurse", "Speech and Language "
          "Therapist", "Speech Therapist", "Physiotherapist"], False),
    ],
    ids=["a campaign's appearances", "a shortlist's interviews", "posts named for speech"],
)  # fmt: skip
def test_candidates_beside_their_campaign_s_rallies_are_named_in_public(
    purposes: list[str], public: bool
) -> None:
    """A newsroom's log of candidates' campaign visits gives each town hall, rally and
    speech, and the topic of a forum ("focused on opioids & mental health"): candidates for
    office, appearing in public, the topic theirs to speak on. A recruitment shortlist's
    candidates, beside interviews or posts, still count, with what is noted of them."""
    candidates = _names(6, seed=101)
    notes = ["", "", "focused on opioids & mental health", "", "", ""]
    rows = [
        [candidates[n % 6], f"{n % 28 + 1}/1/2024", "Manchester", "New Hampshire",
         purposes[n % 6], "", notes[n % 6]]
        for n in range(120)
    ]  # fmt: skip
    header = ["Candidate name", "Date", "City", "State", "Primary Purpose", "Host", "Notes"]
    verdict = scan(_csv(header, rows), "visits.csv")
    people = [f for f in verdict.findings if f.entity == "PERSON"]
    assert people
    assert all(f.public_role for f in people) is public
    assert (verdict.special_categories == ()) is public


_LICENCES: dict[str, Callable[[int], str]] = {
    "Premises licence number": lambda n: f"PL/{2019 + n % 5}/{400 + n}",
    "Premises name": lambda n: ["The Red Lion", "Ashford Wines", "Kings Head", "Spar"][n % 4],
    "Premises address": lambda n: f"{n + 2} High Street, Ashford TN{n % 9 + 1} 1AA",
    "Licence type": lambda n: ["Premises licence", "Club premises certificate"][n % 2],
    "Dealer licence type": lambda n: ["Firearms dealer", "Shotgun dealer"][n % 2],
    "Licence status": lambda n: ["Granted", "Varied", "Surrendered"][n % 3],
    "Treatment services": lambda n: ["Emotional disorders", "None"][n % 2],
    "Manager": lambda n: ["Bar", "Off-licence"][n % 2],
    "Department": lambda n: ["Licensing", "Bar staff"][n % 2],
    "Driving licence number": lambda n: f"SMITH{n:03d}1J99AB",
}


@pytest.mark.parametrize(
    ("header", "public"),
    [
        (["Premises licence number", "Premises name", "Premises address", "Licence type",
          "Licence holder", "Designated premises supervisor"], True),
        (["Premises name", "Premises address", "Licence status", "Treatment services",
          "Registered manager"], True),
        (["Premises name", "Premises address", "Licence type", "Licence holder",
          "Driving licence number"], False),
        (["Premises name", "Licence holder", "Department"], False),
        (["Licence holder", "Department", "Licence status"], False),
        (["Premises name", "Premises address", "Dealer licence type", "Licence holder"], False),
    ],
    ids=[
        "a council's register of premises licences",
        "a care regulator's register, its services the premises'",
        "the licence holders' driving licences",
        "no licence at all",
        "no premises: a staff list",
        "firearms dealers, whose register no force publishes",
    ],
)  # fmt: skip
def test_a_register_of_licensed_premises_names_the_licensees_as_the_law_does(
    header: list[str], public: bool
) -> None:
    """A licensing authority publishes its register of premises licences, each with the
    licence holder and the designated premises supervisor, as the law has it; a regulator's
    register of licensed care services names each one's registered manager, and the services
    are the premises', not the manager's. Without a licence's type or status, or without
    premises, the same names are a list of people; so are they beside driving licences."""
    names = _names(24, seed=88)

    def value(h: str, i: int, n: int) -> str:
        return _LICENCES[h](n) if h in _LICENCES else names[(n + i * 7) % 24]

    rows = [[value(h, i, n) for i, h in enumerate(header)] for n in range(20)]
    verdict = scan(_csv(header, rows), "licences.csv")
    assert (verdict.severity in ("low", "none")) is public, verdict.severity
