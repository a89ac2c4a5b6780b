"""Tables public bodies publish on purpose are not leaks: registers of candidates with their
birth dates, a committee's evidence log, a register of members' interests, senior salaries and
the senior part of an organogram, parliamentary questions, a public board's appointees. Each
look-alike is built here beside the real leak it must not hide (a roster with pay, an evidence
log of a case, junior grades, victims and suspects)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detectors.formats.csv import inspect_csv
from detectors.limits import Budget, Limits
from detectors.model import Table
from detectors.scan import scan
from tests.detectors._tables import csv_bytes as _csv
from tests.detectors._tables import fake_names as _names
from tests.detectors._tables import person_roles as _persons

# --- CSV cells quoting someone ------------------------------------------------------------


def test_doubled_quotes_in_multiline_cells_keep_every_column_in_its_place() -> None:
    # The sniffer reads the first 16 KB, where no quote is doubled, and would say quotes are
    # never doubled: the `""` further down would then end the cell and shift every column.
    statement = "A short statement about keeping our streets and villages safe for everyone."
    plain = [[f"Party {n}", name, statement] for n, name in enumerate(_names(300))]
    quoting = [["Labour", "Ann Jones", 'I said "enough" to\nthe council, and " again.']]
    data = _csv(["party", "name", "statement"], plain + quoting + plain[:5])
    assert data.index(b'""') > 16 * 1024
    table = next(iter(inspect_csv(data, "statements.csv", Budget(Limits()))))
    assert isinstance(table, Table)
    rows = list(table.rows)
    assert len(rows) == 306
    assert {len(row) for row in rows} == {3}
    assert rows[300][1] == "Ann Jones"
    assert rows[300][2].startswith('I said "enough" to\nthe council')
    assert rows[301][1] == plain[0][1]


# --- registers of candidates -----------------------------------------------------------------

_PARTIES = ["Labour", "Conservative", "Liberal Democrat", "Green Party", "Independent"]


def _candidates(count: int) -> list[list[str]]:
    return [
        [name, _PARTIES[n % 5], f"Seat {n % 9}", f"{1950 + n % 40}-0{1 + n % 9}-1{n % 10}"]
        for n, name in enumerate(_names(count, seed=33))
    ]


def test_a_register_of_candidates_with_birth_dates_is_public_role() -> None:
    data = _csv(["name", "party", "constituency", "birth_date"], _candidates(60))
    verdict = scan(data, "candidates.csv")
    assert verdict.severity == "low"
    assert verdict.people == 0
    assert all(_persons(verdict))


@pytest.mark.parametrize(
    "header",
    [
        ["name", "team", "constituency", "birth_date"],  # no parties: not candidates
        ["name", "party", "station", "birth_date"],  # no seat: a party at a station
    ],
)
def test_birth_dates_beside_names_without_parties_and_seats_stay_a_leak(header: list[str]) -> None:
    rows = [
        [r[0], "Response" if header[1] == "team" else r[1], r[2], r[3]] for r in _candidates(60)
    ]
    verdict = scan(_csv(header, rows), "people.csv")
    assert verdict.severity in ("high", "critical")
    assert verdict.people == 60


# --- a committee's evidence log --------------------------------------------------------------

_LOG_HEADER = ["Session date", "Evidence", "Name", "Organisation", "Role", "Member/Witness"]
_LOG_HEADER += ["Register category"]


def _log(kinds: list[str], party: str) -> list[list[str]]:
    roles = ["Journalist", "Campaigner", "Senior Lecturer", "Chair"]
    orgs = ["The Times", "Transparency Group", "University of Leeds", "Standards Committee"]
    return [
        ["2022-01-25", kinds[n % len(kinds)], name, orgs[n % 4], roles[n % 4], party, "Earnings"]
        for n, name in enumerate(_names(40, seed=34))
    ]


def test_a_committee_s_log_of_oral_and_written_evidence_names_witnesses_in_public() -> None:
    verdict = scan(_csv(_LOG_HEADER, _log(["Oral", "Written"], "Witness")), "evidence.csv")
    assert verdict.severity == "low"
    assert verdict.people == 0
    assert verdict.kinds == ()


@pytest.mark.parametrize(
    ("kinds", "party"),
    [
        (["CCTV", "Statement", "Exhibit"], "Witness"),  # a police evidence log
        (["Oral", "Written"], "Suspect"),  # suspects are never in public
    ],
)
def test_an_evidence_log_of_a_case_keeps_its_witnesses_private(
    kinds: list[str], party: str
) -> None:
    verdict = scan(_csv(_LOG_HEADER, _log(kinds, party)), "evidence.csv")
    assert verdict.severity in ("medium", "high", "critical")
    assert verdict.people == 40


# --- registers of members' interests and senior staff ----------------------------------------


def test_a_register_of_members_interests_names_its_members_in_public() -> None:
    header = ["ID", "Summary", "Category", "MNIS ID", "Member", "Value"]
    rows = [
        [
            str(15000 + n),
            f"Agreement with a publisher - £{400 + n}",
            "Employment and earnings",
            str(4000 + n),
            name,
            str(400 + n),
        ]
        for n, name in enumerate(_names(40, seed=51))
    ]
    verdict = scan(_csv(header, rows), "interests.csv")
    assert verdict.severity == "low"
    assert verdict.people == 0
    members = [f for f in verdict.findings if f.entity == "PERSON" and "'Member'" in f.where]
    assert members and members[0].count == 40 and members[0].public_role


def test_a_register_s_payers_and_their_addresses_are_published_with_it() -> None:
    """The register gives who paid a member and the payer's address, by law."""
    members, payers = _names(30, seed=63), _names(30, seed=64)
    header = ["ID", "Summary", "MNIS ID", "Member", "Payer"]
    rows = [
        [
            str(16000 + n),
            f"Speech at a dinner - £{500 + n}",
            str(4100 + n),
            member,
            f"{payer}, {n + 2} Mill Lane, Diss IP22 4AB",
        ]
        for n, (member, payer) in enumerate(zip(members, payers, strict=True))
    ]
    verdict = scan(_csv(header, rows), "interests.csv")
    assert verdict.severity == "low"
    assert verdict.people == 0


def test_candidates_statements_give_their_agents_published_contacts() -> None:
    """A list of candidates with their election statements: each ends with who prepared it
    and a campaign contact, published with the statement."""
    candidates, agents, helpers = _names(12, seed=67), _names(12, seed=68), _names(12, seed=69)
    parties = ["Labour Party", "Conservative Party", "Liberal Democrats", "Green Party"]
    header = ["party", "name", "statement"]
    rows = [
        [
            parties[n % 4],
            candidate,
            "I will put victims first and keep our streets safe.\n\n"
            f"With thanks to {helper}.\n{agent}, {n + 2} Mill Lane, Diss IP22 4AB (Agent)\n"
            f"Mobile - 07812 34{n:04d}\nEmail - {agent.split()[0].lower()}4pcc@gmail.com",
        ]
        for n, (candidate, agent, helper) in enumerate(
            zip(candidates, agents, helpers, strict=True)
        )
    ]
    verdict = scan(_csv(header, rows), "candidates.csv")
    assert verdict.severity == "low"
    assert verdict.people == 0


@pytest.mark.parametrize(("office", "public"), [("Alderperson", True), ("Resident", False)])
def test_a_column_headed_by_an_elected_office_names_its_holders(office: str, public: bool) -> None:
    """A city's list of aldermen with their ward offices' addresses, mailboxes and phones."""
    header = ["Ward", office, "Address", "Email", "Phone Number"]
    rows = [
        [str(n + 1), name, f"{n + 10} Milwaukee Ave, Chicago, IL 60647",
         f"ward{n + 1:02d}@cityofchicago.org", f"07812 34{n:04d}"]
        for n, name in enumerate(_names(15, seed=71))
    ]  # fmt: skip
    verdict = scan(_csv(header, rows), "wards.csv")
    assert (verdict.severity == "low") is public


@pytest.mark.parametrize(("office", "public"), [("Crown Representative", True), ("Contact", False)])
def test_the_crown_representatives_of_strategic_suppliers_are_public_appointees(
    office: str, public: bool
) -> None:
    suppliers = ["Accenture", "Amey", "Atkins", "Capita", "Serco", "Sodexo", "Mitie", "Atos"]
    rows = [[f"{suppliers[n % 8]} {n}", name] for n, name in enumerate(_names(16, seed=72))]
    verdict = scan(_csv(["Strategic Supplier", office], rows), "crown-representatives.csv")
    assert (verdict.severity == "low") is public


def test_members_allowances_and_expenses_are_published_with_their_names() -> None:
    """MPs' or councillors' allowances and expenses beside their party and seat: published by
    law, however much the sums look like pay."""
    parties = ["Labour", "Conservative", "Liberal Democrat", "Green"]
    header = ["ID", "Member", "Party", "Constituency", "Staffing costs", "Comms allowance"]
    seats = ["Ashford", "Blaydon", "High Peak"]
    rows = [
        [str(n + 1), name, parties[n % 4], seats[n % 3], f"{98000 + n:,}", f"{10000 + 7 * n:,}"]
        for n, name in enumerate(_names(60, seed=72))
    ]
    verdict = scan(_csv(header, rows), "allowances.csv")
    assert verdict.severity == "low"
    assert verdict.people == 0


def _travel(who: str, count: int) -> bytes:
    """A members' travel return as published: a title row, a row of column groups, then
    numbered headings over sums of money."""
    lines = [
        ['"Members travel expenditure April 2008 to March 2009"'],
        ["", f"{who} travel: regular journeys between home, constituency and Westminster", "", "",
         f"{who} spouse travel", ""],
        ["Member", f"1 {who} Mileage", f"2 {who} Rail", f"3 {who} Air", f"4 {who} Spouse Total",
         "5 No. of Journeys"],
    ]  # fmt: skip
    for n, name in enumerate(_names(count, seed=81)):
        surname, forename = name.split()[-1], name.split()[0]
        lines.append([f'"{surname}, {forename}"', f"£{96 + 7 * n}", f"£{29 + n}", "£0",
                      f'"£{1_218 + 3 * n:,}"', str(n % 7)])  # fmt: skip
    return "\n".join(",".join(line) for line in lines).encode()


@pytest.mark.parametrize(("who", "public"), [("MP", True), ("Officer", False)])
def test_numbered_headings_under_a_title_are_read_as_the_header(who: str, public: bool) -> None:
    """The header of a return is the row where the words stop and the figures start, even
    when none of its headings is a telling word: MPs' travel is published by law, officers'
    travel beside their names is not."""
    verdict = scan(_travel(who, 60), "travel.csv")
    assert (verdict.severity in ("none", "low")) is public


_SENIOR = ["Chief Executive", "Executive Director of Place", "Director of Finance", "Head of Legal"]
_SENIOR += ["Assistant Director Housing", "Head of Customer Services"]
_RANKS = ["Police Constable", "Police Constable", "Sergeant", "PCSO", "Inspector", "Constable"]


def _pay_list(titles: list[str], count: int) -> bytes:
    rows = [
        [name, titles[n % len(titles)], "Senior Management", str(90_000 + 250 * n)]
        for n, name in enumerate(_names(count, seed=52))
    ]
    return _csv(["Name", "Job Title", "Service Area", "FTE salary"], rows)


def test_a_senior_salaries_return_is_published_by_law() -> None:
    verdict = scan(_pay_list(_SENIOR, 18), "senior-salaries.csv")
    assert verdict.severity == "low"
    assert verdict.people == 0


@pytest.mark.parametrize(
    "titles",
    [_RANKS, _RANKS + _SENIOR[:1]],  # every officer's pay; one chief among them changes nothing
)
def test_names_beside_pay_below_senior_posts_stay_a_leak(titles: list[str]) -> None:
    verdict = scan(_pay_list(titles, 18), "salaries.csv")
    assert verdict.severity in ("medium", "high", "critical")
    assert verdict.people == 18


def _organogram(grades: list[str]) -> bytes:
    header = ["Post Unique Reference", "Name", "Grade (or equivalent)", "Job Title", "Unit"]
    header += ["Contact Phone", "Contact E-mail", "Reports to Senior Post", "Actual Pay Floor (£)"]
    rows = [
        [
            *(f"B{n}", name, grades[n % len(grades)], "Principal Private Secretary", "Policy"),
            *("0300 123 4567", f"team{n % 3}@example.gov.uk", f"A{n % 5}", "70000"),
        ]
        for n, name in enumerate(_names(30, seed=53))
    ]
    return _csv(header, rows)


def test_the_senior_part_of_an_organogram_is_published_by_law() -> None:
    verdict = scan(_organogram(["SCS1", "SCS1A", "SCS2"]), "organogram-senior.csv")
    assert verdict.severity == "low"
    assert verdict.people == 0


def test_an_organogram_of_junior_grades_with_names_stays_a_leak() -> None:
    verdict = scan(_organogram(["EO", "HEO", "SEO", "Grade 7"]), "organogram.csv")
    assert verdict.severity in ("medium", "high", "critical")
    assert verdict.people == 30


# --- parliamentary questions kept as a table with HTML answers -----------------------------


def _questions(party_values: list[str], newline: str = "\n") -> bytes:
    header = ["Question_MP", "Question_Text", "Question_ID", "MP_Constituency", "Answer_Text"]
    header += ["Answer_MP", "Party"]
    names = _names(40, seed=54)
    rows = [
        [
            names[n],
            "To ask the Secretary of State how many prisons hold a mental health unit.",
            f"HL{2200 + n}",
            "NA",
            "<p>The Justice Secretary has announced new units.</p><ul><li>One</li></ul>",
            names[(n + 7) % 40],
            party_values[n % len(party_values)],
        ]
        for n in range(40)
    ]
    return _csv(header, rows).replace(b"\r\n", newline.encode())


@pytest.mark.parametrize("newline", ["\n", "\r"])
def test_questions_with_html_answers_are_a_table_of_members_in_public(newline: str) -> None:
    from detectors.formats import sniff

    data = _questions(["Labour", "Conservative", "Liberal Democrat", "Crossbench"], newline)
    assert sniff(data, "questions.csv") == "csv"
    verdict = scan(data, "questions.csv")
    assert verdict.severity == "low"
    assert verdict.people == 0
    assert verdict.kinds == ()


def test_a_web_page_saved_as_csv_is_still_read_as_html() -> None:
    from detectors.formats import sniff

    page = b"<html><body><p>Contact</p><table><tr><td>a,b,c</td></tr></table></body></html>"
    assert sniff(page, "export.csv") == "html"


def test_a_party_column_of_victims_and_suspects_is_still_a_case() -> None:
    header = ["Name", "Party", "Offence"]
    rows = [
        [n, ["Victim", "Suspect", "Witness"][i % 3], "Assault"] for i, n in enumerate(_names(20))
    ]
    verdict = scan(_csv(header, rows), "incident.csv")
    assert "case_records" in verdict.kinds
    assert verdict.severity in ("high", "critical")


@pytest.mark.parametrize(
    ("values", "reference"),
    [
        (["100012", "134567", "120981", "145672", "100345"], False),  # schools' URNs
        (["42AB1234523", "42CD7654321", "01EF0000123", "42AB2222223", "05XY1111123"], True),
    ],
)
def test_a_urn_column_is_a_case_file_reference_only_when_shaped_as_one(
    values: list[str], reference: bool
) -> None:
    from detectors.columns import judge_column

    assert (judge_column("URN", values).entity == "CRIME_REFERENCE") is reference


def test_a_public_board_s_appointed_members_are_named_in_public() -> None:
    rows = [
        [
            name,
            f"Jun 30, 20{24 + n % 3}",
            ["Mayor", "County Executive", "Labour Organisation"][n % 3],
        ]
        for n, name in enumerate(_names(20, seed=56))
    ]
    verdict = scan(_csv(["Name", "Term Ends", "Appointed By/Representation"], rows), "board.csv")
    assert verdict.severity == "low"
    assert verdict.people == 0


def test_staff_with_their_appointment_dates_stay_a_staff_list() -> None:
    rows = [
        [name, f"0{1 + n % 9}/03/20{10 + n % 9}", ["Constable", "Sergeant"][n % 2], str(4000 + n)]
        for n, name in enumerate(_names(20, seed=56))
    ]
    verdict = scan(_csv(["Name", "Appointment Date", "Rank", "Collar Number"], rows), "staff.csv")
    assert verdict.severity in ("medium", "high", "critical")
    assert verdict.people == 20


@pytest.mark.parametrize(
    ("values", "ethnicity"),
    [
        (["Regular", "Special", "Regular", "Regular", "Special"], False),  # an election's contest
        (["White", "Asian (Indian)", "Black", "White", "Mixed"], True),
        (["W1", "IC3", "A1", "W1", "B2"], True),
    ],
)
def test_a_race_column_is_ethnicity_only_when_its_values_are(
    values: list[str], ethnicity: bool
) -> None:
    from detectors.columns import Cue, judge_column

    assert (judge_column("Race Type", values).cue is Cue.ETHNICITY) is ethnicity


_POSTS = ["Private Secretary to the Sovereign", "Chief of the Defence Staff", "Cabinet Secretary"]


@pytest.mark.parametrize(
    ("letters", "public"),
    [
        (lambda n: ["KCVO GCB", "", "OBE GCB", "", "GCMG", ""][n % 6], True),  # not all have any
        (lambda n: "QPM" if n % 20 == 0 else "", False),  # a roster's odd medal is no honours list
    ],
    ids=["honours list", "roster with a medal"],
)
def test_names_with_honours_letters_beside_most_are_an_honours_list(
    letters: Callable[[int], str], public: bool
) -> None:
    names = _names(40, seed=91)
    if public:
        header = ["surname", "firstnames", "letters", "description"]
        rows = [
            [n.split()[-1], f"Sir {n.split()[0]}", letters(i), f"retired as {_POSTS[i % 3]}."]
            for i, n in enumerate(names)
        ]
    else:
        header = ["surname", "firstnames", "letters", "rank"]
        rows = [[n.split()[-1], n.split()[0], letters(i), _RANKS[i % 6]]
                for i, n in enumerate(names)]  # fmt: skip
    verdict = scan(_csv(header, rows), "list.csv")
    assert (verdict.severity in ("none", "low")) is public


# --- a directory of public bodies with their office holders' pay ---------------------------

_BODIES = [
    f"{place} {kind}"
    for place in ("Northern", "Coastal", "Central", "Upland", "Western", "Eastern", "Southern")
    for kind in ("Commission", "Tribunal", "Advisory Committee", "Review Board", "Agency")
]


def _bodies_directory(pay_header: str) -> bytes:
    names = _names(len(_BODIES) * 2, seed=17)
    rows = [
        [body, "Advisory NDPB" if n % 2 else "Executive NDPB", names[2 * n],
         f"{20000 + 400 * n}", names[2 * n + 1], f"https://www.body{n}.example.org"]
        for n, body in enumerate(_BODIES)
    ]  # fmt: skip
    header = ["Name", "Classification", "Chair", pay_header, "Chief Executive", "Website"]
    return _csv(header, rows)


def test_a_directory_of_public_bodies_names_their_chairs_and_pay_in_public() -> None:
    verdict = scan(_bodies_directory("Chair's Remuneration (p.a.)"), "public-bodies.csv")
    assert verdict.severity.value in ("none", "low"), verdict
    assert verdict.findings and all(_persons(verdict))


def test_the_same_directory_with_everyone_s_salary_is_still_a_pay_list() -> None:
    verdict = scan(_bodies_directory("Salary"), "public-bodies.csv")
    assert verdict.severity.value in ("medium", "high", "critical"), verdict
