"""People named with the body they speak, sit or work for, as citizens' assembly and jury
reports, conference programmes and consultation papers name their speakers, expert witnesses
and panels. Each shape is built beside a guard: an officer beside the force, a patient beside
the hospital, a victim, a home address and one employer's staff list still count."""

from __future__ import annotations

import pytest

from detectors.affiliations import affiliated, body_named, names_a_body
from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Severity, Table, Text, Vector
from detectors.public import is_public_email
from detectors.roles import public_in_prose
from detectors.special import categories_in
from tests.detectors._tables import fake_names

_BODIES = [
    "NHS England",
    "University of Leeds",
    "Healthwatch Kent",
    "the Grantham Institute",
    "Age UK Camden",
    "Scottish Government",
    "Royal College of Nursing",
    "Shelter Housing Trust",
    "Ashford Borough Council",
    "Citizens Advice Partnership",
    "Kings Fund Foundation",
    "Local Government Association",
]


@pytest.mark.parametrize(
    ("line", "public"),
    [
        ("b) {name}, NHS England", True),
        ("    Dr {name}, Birkbeck University21", True),  # a footnote's mark glued on
        ("{name}, Staff Governor, Gloucestershire Hospitals NHS Foundation Trust", True),
        ("The group included {name} (Social Researcher, Scottish Health Council).", True),
        ("a) {name} and Tom Brown, One Gloucestershire\n(NHS)", True),  # wrapped on
        ("Contact details: {name}, Clerk to Steep Parish Council, Rose Cottage, Steep", True),
        (
            "Contact details: {name} , Clerk to Steep Parish Council, Rose Cottage, Ridge Lane,\n"
            "Stroud, Petersfield, GU32 1AX – Telephone 01730 267784",
            True,
        ),
        ("{name} at the Department for Transport Tel: 020 7944 3000 can answer queries", True),
        ("Please contact {name} from the Heritage Lottery Fund Partnership.", True),
        # Guards: an officer beside the force, a patient, a pupil, a victim, a home.
        ("{name} at the Dog and Duck Tel: 07700 900123", False),
        ("{name} from the Royal Free Hospital was admitted, home 12 High St", False),
        ("{name} of the 14 Acacia Avenue household", False),
        ("PC {name}, Durham Constabulary, attended the address.", False),
        ("{name}, a patient at Leeds General Hospital, was discharged.", False),
        ("{name}, a pupil at St Mary's Academy, was excluded.", False),
        ("The victim, {name}, St Mary's School, was assaulted.", False),
        ("{name}, 12 Acacia Avenue, Leeds LS6 2AB", False),
        ("{name}, Flat 3, Rose Court, Leeds", False),
    ],
)
def test_a_name_with_the_body_after_it_is_named_in_a_professional_capacity(
    line: str, public: bool
) -> None:
    name = fake_names(1, seed=71)[0]
    text = line.format(name=name) + "\n"
    start = text.index(name)
    assert public_in_prose(text, start, start + len(name)) is public


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("Frances Newell, NHS England", True),
        ("a) Prof. Mark Pietroni, One Gloucestershire\n(NHS)", True),
        ("Director, Association for Decentralised Energy", True),
        ("ALLIANCE Member", True),
        ("Metropolitan Police", False),  # a force's own officers are its staff
        ("Payroll Officer", False),
        ("Jane Smith", False),
        ("Carer", False),
    ],
)
def test_which_cells_name_a_body(value: str, named: bool) -> None:
    assert (names_a_body(value) or body_named(value)) is named


def test_a_name_alone_has_no_affiliation() -> None:
    assert not affiliated("Jane Smith attended.", len("Jane Smith"))


def _feed(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Severity:
    detector = Detector()
    detector.feed(Table("page 15, table 1", Vector.PAGE_TEXT, header, iter(rows)))
    return assess(detector.finish(), ()).severity


def _witness_rows(with_bodies: bool) -> list[tuple[str, ...]]:
    names = fake_names(12, seed=72)
    topics = ["How did we get here?", "What is good consultation?", "What were the results?"]
    return [
        (
            f"{10 + i} Jan",
            topics[i % 3],
            f"{name}, {_BODIES[i]}" if with_bodies else f"{name}, seen at the scene",
        )
        for i, name in enumerate(names)
    ]


@pytest.mark.parametrize(
    ("with_bodies", "severities"),
    [
        # A citizens' jury's expert witnesses, each with the body they speak for.
        (True, {Severity.LOW}),
        # Guard: witnesses to an incident are a case's parties.
        (False, {Severity.HIGH, Severity.CRITICAL}),
    ],
)
def test_a_jurys_expert_witnesses_are_no_case(with_bodies: bool, severities: set[Severity]) -> None:
    rows = _witness_rows(with_bodies)
    assert _feed(("Date", "Witness presentation topic", "Witness"), rows) in severities


def _panel_rows(bodies: list[str]) -> list[tuple[str, ...]]:
    names = fake_names(len(bodies), seed=73)
    return [(name, body) for name, body in zip(names, bodies, strict=True)]


@pytest.mark.parametrize(
    ("header", "bodies", "severities"),
    [
        # A panel of observers with their bodies, printed without a header row.
        (None, _BODIES, {Severity.LOW}),
        # The same, its first member's post naming health: a person's details, no column's
        # topic.
        (
            None,
            ["Director of Nursing and Allied Health, NHS Borders", *_BODIES[1:]],
            {Severity.LOW},
        ),
        # Guard: under a real header, a health column is one.
        (
            ("Name", "Health condition"),
            ["Diabetes", "Asthma", "Epilepsy", "Depression"] * 3,
            {Severity.HIGH, Severity.CRITICAL},
        ),
        # Experts under "Role/organisation": posts at many bodies.
        (
            ("Name", "Role/organisation"),
            [f"Director, {body}" for body in _BODIES],
            {Severity.LOW},
        ),
        # Guard: one employer's staff in its few departments is a staff list.
        (
            ("Name", "Department"),
            ["Corporate Services", "Finance Department"] * 6,
            {Severity.MEDIUM, Severity.HIGH},
        ),
    ],
)
def test_a_panel_of_people_from_many_bodies_is_named_in_public(
    header: tuple[str, str] | None, bodies: list[str], severities: set[Severity]
) -> None:
    rows = _panel_rows(bodies)
    if header is None:
        header, rows = rows[0], rows[1:]
    assert _feed(header, rows) in severities


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("Menara Ahmed, Senior VAWG and Hate Crime Manager, Tower Hamlets Council", set()),
        ("Superintendent Khan (Metropolitan Police lead on Hate Crime) spoke.", set()),
        ("Jane Smith, Faith & Belief Forum35", set()),  # a footnote's mark on the body
        ("6 Child Protection and Safeguarding Policy, Safeguarding Governor: Jane Smith", set()),
        # Guards: said of a person, the category stays.
        ("Jane Smith was the victim of a hate crime.", {"hate_crime"}),
        ("She was referred under a child protection plan.", {"child"}),
        ("He was detained under the Mental Health Act.", {"health"}),
    ],
)
def test_posts_bodies_and_policy_titles_are_no_category_of_a_person(
    text: str, categories: set[str]
) -> None:
    assert set(categories_in(text, prose=True)) == categories


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("hello@kscopehealth.org.uk", True),
        ("membership@ashford-rc.org.uk", True),
        ("jane.smith@kscopehealth.org.uk", False),
    ],
)
def test_a_greeting_or_a_function_mailbox_is_no_ones_own(address: str, public: bool) -> None:
    assert is_public_email(address) is public


def test_a_safeguarding_contacts_table_names_its_posts_in_public() -> None:
    names = fake_names(5, seed=74)
    posts = [
        "Designated Safeguarding Lead (DSL)",
        "Deputy DSL",
        "Deputy DSL",
        "Headteacher",
        "Chair of Governors",
    ]
    rows = [
        (post, name, f"{name.split()[-1].lower()}@decoyschool.co.uk", "01626 353282")
        for post, name in zip(posts, names, strict=True)
    ]
    assert _feed(("Role", "Name", "Email", "Telephone"), rows) is Severity.LOW


def test_a_page_number_in_a_list_of_contents_is_no_surname() -> None:
    detector = Detector()
    text = "17. Honour based Abuse                         Page 20\n18. One Chance Rule  Page 20\n"
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 2"))
    evidence = detector.finish()
    assert not [f for f in evidence.findings if f.entity == "PERSON"]


@pytest.mark.parametrize(
    ("line", "severity"),
    [
        (
            "Contact: {name} at the Department for Environment, Food and Rural Affairs "
            "Tel: 0207-238-5748/07823-418265 can answer any queries regarding the instrument.",
            Severity.LOW,
        ),
        ("Contact: {name} Tel: 0207-238-5748/07823-418265 about the incident.", Severity.MEDIUM),
    ],
    ids=["a department's contact", "a person's own mobile"],
)
def test_a_mobile_beside_the_body_a_person_works_for_is_a_work_contact(
    line: str, severity: Severity
) -> None:
    """An explanatory memorandum ends with the official who can answer queries, their desk
    and work mobile numbers; the same numbers beside a bare name are a person's own."""
    name = fake_names(1, seed=72)[0]
    text = line.format(name=name)
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "paragraph 117"))
    assert assess(detector.finish(), ()).severity is severity


def _wrapped_panel() -> list[tuple[str, str]]:
    """An oversight panel printed without a header row, each post run on over two lines of
    the PDF's table, one member's name too (a title and forename over the surname)."""
    names = fake_names(13, seed=74)
    posts = [("Director,", body) for body in _BODIES[:9]]
    posts += [("GP and", "journalist"), ("Carer", ""), ("Service user", ""), ("Retired", "")]
    rows: list[tuple[str, str]] = []
    for n, (name, (post, more)) in enumerate(zip(names, posts, strict=True)):
        if n == 2:
            forename, surname = name.split()[0], name.split()[-1]
            rows += [(f"Professor {forename}", post), (surname, more)]
            continue
        rows.append((f"{name} (Chair)" if n == 0 else name, post))
        if more:
            rows.append(("", more))
    return rows


def test_a_panel_printed_without_a_header_its_lines_run_on_is_named_in_public() -> None:
    rows = _wrapped_panel()
    assert _feed(rows[0], rows[1:]) == Severity.LOW
