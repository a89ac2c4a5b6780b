"""The minutes and agendas of council, committee and panel meetings are published on purpose:
the members present, the apologies, the chair and the clerk with the clerk's contact block are
named in public. Each look-alike is built here with made-up people, beside guards that a
resident given with a home address, a victim, a hidden text, a staff list of clerks and a
plain letter still count."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from crawler.demo.builders.pdf import Line, Page, build_pdf, ruled_table
from detectors.assess import assess
from detectors.detect import Detector
from detectors.meetings import is_meeting_document, office_contact_spans, planning_spans
from detectors.model import Cover, Severity, Table, Text, Vector
from detectors.scan import scan
from tests.detectors._tables import csv_bytes as _csv
from tests.detectors._tables import fake_names as _names
from tests.detectors._tables import person_roles as _persons

_CLERK_BLOCK = (
    "                    Parish Clerk : {clerk}\n"
    "      Orchard House, Mill Road, Little Hamble, Wessex, WX4 7QP\n"
    "                    Tel: 01632 960 418\n"
    "                    Mobile : 07700 900 461\n"
)

_MINUTES = (
    "MINUTES OF THE LITTLE HAMBLE PARISH COUNCIL MEETING\n"
    "HELD IN THE VILLAGE HALL ON 12th March 2024\n\n"
    "Present: {m0} (Chair), {m1}, {m2}, {m3}\n"
    "In attendance: {clerk} (Clerk)\n\n"
    "1. Apologies\n   Apologies had been received from {m4}.\n\n"
    "2. Declarations of interest\n   {m1} declared an interest in the planning application.\n\n"
    "3. To receive the minutes of the last meeting\n"
    "   The minutes were agreed as a true record and signed by the Chair.\n\n"
    "4. Public participation\n{public}\n\n"
    "{block}\n"
    "5. Finance\n   {m2} proposed and {m3} seconded that the accounts be approved.\n"
)

_AGENDA = (
    "Little Hamble Parish Council\n"
    "Agenda & Summons to Councillors and Invitation to Members of the Public\n\n"
    "1. To receive apologies for absence: {m4} (meeting to be chaired by {m0})\n"
    "2. Declarations of Interest - to receive any declarations of interest from Councillors\n"
    "3. To receive the minutes of the last meeting\n"
    "4. Public Participation\n{public}\n"
    "5. Clerk's report: {m2} to obtain quotes for the car park ramp.\n\n"
    "{block}\n"
)

_PANEL = (
    "NOTICE OF MEETING\n"
    "Wessex Police and Crime Panel\n\n"
    "Members of the Panel: Councillor {m0} (Chair), {m1}, {m2} and {m3}\n\n"
    "1. Apologies for absence\n   {m4}\n"
    "2. Declarations of interest\n"
    "3. Public questions\n{public}\n\n"
    "Clerk to the Panel: {clerk}\n"
    "Tel: 01632 960 277\n"
)

_QUIET = "   Members of the public were invited to participate; none spoke."
_RESIDENT = (
    "   {resident} of 14 Rowan Close, Little Hamble WX4 7QR (telephone 07700 900 873) asked "
    "about the state of the footpath behind her house."
)
_PLANNING = (
    "   Planning application 24/00123/FUL: {resident}, 14 Rowan Close, Little Hamble WX4 7QR -\n"
    "   erection of a single storey rear extension. No objections.\n"
    "   Planning application E/37499: 3 Mill Road, Little Hamble WX4 7QP - {m4} - new porch."
)
_VICTIM = (
    "   The Chair reported that {resident}, the victim of a burglary at the pavilion, had "
    "asked the council to review its lighting."
)


def _text(template: str, public: str, seed: int = 61) -> str:
    people = _names(7, seed=seed)
    members = {f"m{i}": name for i, name in enumerate(people[:5])}
    clerk, resident = people[5], people[6]
    fill = {**members, "clerk": clerk, "resident": resident}
    return template.format(
        **members,
        clerk=clerk,
        public=public.format(**fill),
        block=_CLERK_BLOCK.format(clerk=clerk),
    )


def _detect(pages: Sequence[str], covers: tuple[Cover, ...] = ()) -> Detector:
    detector = Detector()
    for number, page in enumerate(pages, 1):
        detector.feed(Text(page, Vector.PAGE_TEXT, f"page {number}", covers))
    return detector


# --- a meeting's own people are named in public ----------------------------------------------


@pytest.mark.parametrize(
    "template", [_MINUTES, _AGENDA, _PANEL], ids=["minutes", "agenda", "panel"]
)
def test_the_people_of_a_meeting_document_are_named_in_public(template: str) -> None:
    evidence = _detect([_text(template, _QUIET)]).finish()
    people = [f for f in evidence.findings if f.entity == "PERSON"]
    assert people and all(f.public_role for f in people)
    assert all(f.public_role for f in evidence.findings if f.entity == "PHONE_NUMBER")
    assert assess(evidence, ()).severity is Severity.LOW


@pytest.mark.parametrize(
    "venue",
    [
        "Little Hamble Primary School Library, 57 Edgehill Road, WX4 7HZ",
        "Hamble Community Centre, 12 Church Road, Little Hamble NR4 7TJ",
        "Little Hamble Village Hall, 12 Church Road, Little Hamble NR4 7TJ",
    ],
    ids=["school-library", "community-centre", "village-hall"],
)
def test_the_address_of_the_meeting_s_venue_beside_its_members_is_no_home(venue: str) -> None:
    text = _text(_MINUTES, _QUIET).replace("HELD IN THE VILLAGE HALL ON 12th March 2024", venue)
    evidence = _detect([text]).finish()
    assert any(f.entity in {"STREET_ADDRESS", "UK_POSTCODE"} for f in evidence.findings)
    assert assess(evidence, ()).severity is Severity.LOW


@pytest.mark.parametrize(
    ("line", "venue"),
    [
        ("Broomhill Primary School Library, 57 Edgehill Rd, G11 7HZ", True),
        ("Held at the Pavilion, 2 Park Road", True),
        ("Ayton Village Hall, 12 High Street", True),
        ("Jane Sample, Old School House, 12 School Lane", False),
        ("Mrs Sample of Manor Farm, 3 Mill Lane", False),
        ("Jane Sample, 12 High Street", False),
        ("Jane Sample, Sample Joinery Ltd, 12 High Street", False),
    ],
)
def test_a_venue_is_told_by_the_building_named_before_its_address(line: str, venue: bool) -> None:
    from detectors.places import venue_before

    assert venue_before(line, line.index(next(w for w in line.split() if w[0].isdigit()))) is venue


def test_the_clerks_block_on_a_later_page_is_a_work_contact() -> None:
    first = _text(_MINUTES, _QUIET)
    later = (
        "6. Playground\n   The new swings have been fitted.\n\n"
        + _CLERK_BLOCK.format(clerk=_names(7, seed=61)[5])
        + "7. Date of next meeting\n   9th April 2024\n"
    )
    evidence = _detect([first, later]).finish()
    page_two = [f for f in evidence.findings if f.where == "page 2"]
    assert page_two and all(f.public_role for f in page_two)
    assert assess(evidence, ()).severity is Severity.LOW


def test_minutes_printed_in_a_pdf_rate_low() -> None:
    lines = _text(_MINUTES, _QUIET).splitlines()
    page = Page(tuple(Line(line.strip(), x=40, y=780 - 14 * i) for i, line in enumerate(lines)))
    verdict = scan(build_pdf([page]), "minutes.pdf")
    assert _persons(verdict) and all(_persons(verdict))
    assert verdict.severity is Severity.LOW


# --- and the private people around them still count ----------------------------------------


@pytest.mark.parametrize(
    ("template", "public", "worst"),
    [
        (_MINUTES, _RESIDENT, Severity.MEDIUM),
        (_AGENDA, _RESIDENT, Severity.MEDIUM),
        (_PANEL, _RESIDENT, Severity.MEDIUM),
        (_MINUTES, _VICTIM, Severity.HIGH),
        (_PANEL, _VICTIM, Severity.HIGH),
    ],
    ids=["minutes-resident", "agenda-resident", "panel-resident", "minutes-victim", "panel-victim"],
)
def test_a_resident_with_their_address_or_a_victim_is_not_named_in_public(
    template: str, public: str, worst: Severity
) -> None:
    evidence = _detect([_text(template, public)]).finish()
    assert not all(f.public_role for f in evidence.findings if f.entity == "PERSON")
    assert assess(evidence, ()).severity.rank >= worst.rank


@pytest.mark.parametrize("template", [_MINUTES, _AGENDA], ids=["minutes", "agenda"])
def test_planning_applications_listed_with_their_sites_are_the_public_register(
    template: str,
) -> None:
    """The reference, site address and applicant of a planning application are on the public
    planning register: the site is no private person's home given away."""
    evidence = _detect([_text(template, _PLANNING)]).finish()
    assert not any(e.private for e in evidence.exposures)
    assert assess(evidence, ()).severity is Severity.LOW


def _register_pages(seed: int) -> list[str]:
    """Minutes listing applications as a county council sends them: reference and works, the
    site over several lines with its postcode alone on the last, the applicant, the council's
    comment; the list runs on to a second page in the middle of an entry."""
    people = _names(10, seed=seed)
    # Only the first entry of each page says what it is ("proposed", "granted"): the others
    # belong to the same list.
    outcome = ["Proposed barn. No comment", "No comment", "No comment", "No comment", "Granted"]
    entries = [
        f"E/{36001 + 7 * n}  Works at the farm\nUnit {n + 1} Upper Barn\nHigh Fold\n"
        f"Little Hamble\nWX4 7Q{'ABDEF'[n]}\n{people[n + 5]}\n{outcome[n]}\n"
        for n in range(5)
    ]
    first = _text(_MINUTES, "   9. PLANNING\n   Applications received from the county council:")
    head, tail = entries[3].split("Little Hamble\n")
    return [
        first + "\n" + "".join(entries[:3]) + head + "Little Hamble\n",
        tail + entries[4] + "10. FINANCE\n",
    ]


def test_a_list_of_applications_over_a_page_break_is_still_the_register() -> None:
    evidence = _detect(_register_pages(seed=64)).finish()
    assert any(f.entity == "UK_POSTCODE" for f in evidence.findings)
    assert not any(e.private for e in evidence.exposures)
    assert assess(evidence, ()).severity is Severity.LOW


def test_minutes_under_a_redaction_box_still_count() -> None:
    box = Cover(1, (0.0, 0.0, 500.0, 700.0))
    evidence = _detect([_text(_MINUTES, _QUIET)], covers=(box,)).finish()
    assert any(not f.public_role for f in evidence.findings if f.entity == "PERSON")
    assert assess(evidence, ()).severity.rank >= Severity.MEDIUM.rank


def test_a_comment_on_minutes_still_counts() -> None:
    detector = _detect([_text(_MINUTES, _QUIET)])
    names = _names(3, seed=62)
    detector.feed(
        Text(
            f"{names[0]} rang again about {names[1]} and {names[2]}; call her on 07700 900 512.",
            Vector.COMMENT,
            "comment 1",
        )
    )
    evidence = detector.finish()
    comments = [f for f in evidence.findings if f.where == "comment 1"]
    assert comments and not any(f.public_role for f in comments)


# --- a staff list of clerks stays a staff list ----------------------------------------------


def _clerks() -> tuple[list[str], list[list[str]]]:
    rows = [
        [name, "Clerk", f"PAY{40_000 + 37 * i}", "Finance"]
        for i, name in enumerate(_names(30, seed=63))
    ]
    return ["Name", "Job title", "Payroll number", "Department"], rows


def test_a_staff_list_of_clerks_is_not_public() -> None:
    header, rows = _clerks()
    verdict = scan(_csv(header, rows), "staff.csv")
    assert _persons(verdict) and not any(_persons(verdict))
    assert verdict.severity.rank >= Severity.MEDIUM.rank


def test_a_staff_list_of_clerks_in_minutes_is_not_public() -> None:
    header, rows = _clerks()
    detector = _detect([_text(_MINUTES, _QUIET)])
    detector.feed(Table("page 2, table 1", Vector.PAGE_TEXT, tuple(header), iter(rows)))
    evidence = detector.finish()
    table = [f for f in evidence.findings if f.where.startswith("page 2, table 1")]
    assert table and not any(f.public_role for f in table if f.entity == "PERSON")
    assert assess(evidence, ()).severity.rank >= Severity.MEDIUM.rank


# --- what is a meeting document -------------------------------------------------------------

_LETTER = (
    "Dear Mrs Sample,\n\n"
    "Thank you for your letter about the agenda for change pay award. I was present at the "
    "hearing and offer my apologies for the delay in replying. There are no declarations of "
    "interest to make.\n\nYours sincerely,\n\nA Writer\n"
)


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        (_text(_MINUTES, _QUIET), True),
        (_text(_AGENDA, _QUIET), True),
        (_text(_PANEL, _QUIET), True),
        ("Minutes of the Audit Committee\n\nPresent: A, B\nApologies: C\n", True),
        (
            "DRAFT MINUTES for the\nGarth Community Council\nMembers Present:\nA Chair\n"
            "Apologies\nB\nc. Declarations of Interest – None.\n",
            True,
        ),
        (
            "Minutes of Meeting (no.442) of\nHill Community Council\n"
            "1. Committee Members Present were: A (chair), B\n"
            "2. Minutes of Previous Meetings. Approved online.\n",
            True,
        ),
        (
            "FEERING FALCONS YOUTH FOOTBALL CLUB.\nMEETING of 22.01.2026\nVenue : The Club\n"
            "Attendees:\n1 Minutes – Issues from last meeting\nNo issues\nNEXT MEETING.\n",
            True,
        ),
        (
            "Hamble Bowls Club\nCommittee meeting, 3 May\n1. Apologies\nNone.\n"
            "5. Date of next meeting\n7 June\n",
            True,
        ),
        ("Club night\nAttendees: 14\nMatters arising from the last meeting: none\n", False),
        ("Notes for the\nfamily\nMembers present: all of us\nApologies: none\n", False),
        (_LETTER, False),
        ("Agenda\n\n1. Welcome\n2. Project update\n3. Any other business\n", False),
        ("Apologies\nPresent: everyone\nDeclarations of interest: none\n", False),
        ("The council's minutes of 3 May recorded apologies from two members.\n", False),
    ],
    ids=[
        "minutes",
        "agenda",
        "panel",
        "committee",
        "title-over-two-lines",
        "numbered-items",
        "a club's committee",
        "a club's committee, its items numbered",
        "a club's night, not a meeting",
        "not-a-body",
        "letter",
        "agenda-without-items",
        "items-without-title",
        "prose",
    ],
)
def test_a_meeting_document_is_told_by_its_title_and_standing_items(
    text: str, meeting: bool
) -> None:
    assert is_meeting_document(text) is meeting


@pytest.mark.parametrize(
    ("text", "inside", "block"),
    [
        (_CLERK_BLOCK.format(clerk="Jane Sample"), "07700 900 461", True),
        ("Clerk to the Council: Jane Sample\nTel: 01632 960 418\n", "01632 960 418", True),
        ("Clerk : Jane Sample      Telephone : 01632 960 418\n", "01632 960 418", True),
        ("Parish Clerk: Jane Sample\nThe footpath is closed.\nTel 07700 900 461\n", "07700", False),
        (
            "Councillors\nJane Sample, Holm Farm Tel 61430\nTom Byname, The Smithy Tel 61405,\n",
            "61405",
            True,
        ),
        ("Call the clerk on 07700 900 461 about it.\n", "07700", False),
        ("Jane Sample, 4 Mill Lane, Tel 07700 900 461\n", "07700", False),
    ],
    ids=[
        "parish-clerk",
        "clerk-to-the-council",
        "clerk-label",
        "block-ends",
        "councillors",
        "prose",
        "none",
    ],
)
def test_an_offices_contact_block_is_told_by_its_office_line(
    text: str, inside: str, block: bool
) -> None:
    at = text.index(inside)
    spans = office_contact_spans(text)
    assert any(low <= at and at + len(inside) <= high for low, high in spans) is block


def test_a_letter_that_speaks_of_an_agenda_keeps_its_people_private() -> None:
    writer, neighbour = _names(2, seed=64)
    letter = (
        "Agenda item for your next meeting\n\n"
        f"Dear Clerk,\n\nI was present when my neighbour {neighbour} of 9 Rowan Close, Little "
        f"Hamble WX4 7QR shouted at my children again. Please accept my apologies for writing "
        f"at such length.\n\nYours sincerely,\n{writer}\n12 Rowan Close\nTel 07700 900 604\n"
    )
    assert not is_meeting_document(letter)
    evidence = _detect([letter]).finish()
    assert not any(f.public_role for f in evidence.findings if f.entity == "PERSON")
    assert assess(evidence, ()).severity.rank >= Severity.MEDIUM.rank


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        (
            "Agreed as a true record. DRAFT MINUTES OF THE WEST FIELD PARISH COUNCIL MEETING ON "
            "THURSDAY 5th DECEMBER HELD AT THE VILLAGE HALL PRESENT (Five Councillors):- {a}, {b} "
            "and {c} In attendance: {d}, Parish Clerk. 1. Apologies for absence: none. "
            "2. Declarations of interest: none. " + "The council discussed the verges. " * 30,
            True,
        ),
        (
            "I write about the meeting I attended at the hall, and the apologies I am owed by "
            "{a} and {b}, who were present when my fence was damaged. " * 20,
            False,
        ),
    ],
)
def test_minutes_a_web_page_gives_as_one_paragraph_are_a_meeting_document(
    text: str, meeting: bool
) -> None:
    a, b, c, d = _names(4, seed=61)
    assert is_meeting_document(text.format(a=a, b=b, c=c, d=d)) is meeting


@pytest.mark.parametrize(
    "template",
    [
        "EXAMPLE & WESTFIELD COMMUNITY COUNCIL\nMEETING 13th JUNE 2018\nPRESENT\n"
        "Councillors {a}, {b} and {c}.\n1. WELCOME AND APOLOGIES\nApologies from {d}.\n"
        "3. DECLARATIONS OF INTEREST\nNone.\n",
        "CYNGOR CYMUNED ENGHRAIFFT\nCYFARFOD 12fed GORFFENNAF 2017\nPRESENNOL\n"
        "Cynghorwyr {a}, {b} a {c}.\n1. CROESO AC YMDDIHEURIADAU\nDerbyniwyd ymddiheuriadau "
        "gan {d}.\n",
    ],
    ids=["a community council's meeting", "its Welsh version"],
)
def test_a_community_council_s_minutes_in_english_or_welsh_are_a_meeting_document(
    template: str,
) -> None:
    a, b, c, d = _names(4, seed=62)
    assert is_meeting_document(template.format(a=a, b=b, c=c, d=d))


@pytest.mark.parametrize(
    ("line", "planning"),
    [
        ("24/00123/FUL: 14 Rowan Close WX4 7QR - erection of a rear extension", True),
        ("E/37499 4 Mill Road WX4 7QP - new dwelling - no objections", True),
        # A crime reference, or a date, beside an address is no planning application.
        ("Crime ref 36/12345/21: 14 Rowan Close WX4 7QR - damage to the extension", False),
        ("On 01/02/2024 at 14 Rowan Close WX4 7QR the proposed extension was discussed", False),
    ],
)
def test_a_planning_application_is_told_by_its_reference(line: str, planning: bool) -> None:
    assert bool(planning_spans(line)) is planning


@pytest.mark.parametrize(
    ("heading", "public"),
    [
        ("FEERING FALCONS FOOTBALL CLUB.\nMEETING of 22.01.2026", True),
        ("FEERING FALCONS FOOTBALL CLUB.\nVolunteers 2026", False),
    ],
    ids=["under the minutes' heading", "under a heading that is no meeting's"],
)
def test_a_club_s_attendance_table_under_its_minutes_heading_names_its_officers_in_public(
    heading: str, public: bool
) -> None:
    """A youth football club's minutes print who attended as a ruled table under the
    meeting's heading, posts and teams beside names: the club's officers and managers, named
    in public. The PDF gives the page's text before its tables, so the heading is known when
    the table is judged; the same table under a heading that is no meeting's still counts."""
    names = _names(12, seed=67)
    posts = ["Chairman", "Secretary", "Treasurer", "Child Welfare", "Fixtures", "Grounds"]
    rows = [[posts[i], names[i], "Y", f"U{7 + i}B", names[6 + i], "N"] for i in range(len(posts))]
    lines = [Line(line, y=760 - 16 * n) for n, line in enumerate(heading.split("\n"))]
    items = (
        *lines,
        Line("Attendees:", y=700),
        Line("1 Minutes - Issues from last meeting", y=684),
        Line("NEXT MEETING: 23 February", y=668),
    )
    data = build_pdf([Page((*items, *ruled_table(rows, width=85, top=640)))])
    verdict = scan(data, "minutes.pdf")
    people = [f for f in verdict.findings if f.entity == "PERSON"]
    assert people
    assert all(f.public_role for f in people) is public
    assert (verdict.severity in ("none", "low")) is public, verdict.severity
