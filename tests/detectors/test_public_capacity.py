"""People named in a public capacity that a reader tells from the document's shape: the notes
of a table of MPs, an election notice and its earlier revisions, a parliamentary group's
register, a paper's authors and credits. Each look-alike is built here beside a guard that a
private person or an officer roster in the same shape still counts."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Table, Text, Vector
from detectors.roles import public_in_prose
from detectors.scan import scan
from tests.detectors._tables import csv_bytes as _csv
from tests.detectors._tables import fake_names as _names
from tests.detectors._tables import person_roles as _persons

_CONSTITUENCIES = ["Ashford", "Blaydon", "High Peak", "Weaver Vale", "Chatham", "Strangford"]
_PARTIES = ["Labour Party", "Conservative Party", "Liberal Democrats", "Green Party"]

# --- the notes of a public table ------------------------------------------------------------

_DEBATES = [
    "I rise to present a petition organised by my constituent {other}, who collected over "
    "two thousand signatures calling for step-free access at the station.",
    "Motion that this House has considered the detention of {other}. Agreed to on question.",
    "Urgent question on the inquest into the deaths of {other} and the handling of the "
    "investigation by the police.",
    "The petition is supported by the hon. Member for Blaydon ({other}), who is in her place.",
]


def _debates(notes: str) -> bytes:
    members = _names(12, seed=51)
    others = _names(12, seed=52)
    rows = [
        [
            "2022-04-27",
            notes.format(other=other) if notes else _DEBATES[i % 4].format(other=other),
            member,
            _PARTIES[i % 4],
            _CONSTITUENCIES[i % 6],
        ]
        for i, (member, other) in enumerate(zip(members, others, strict=True))
    ]
    return _csv(["Date", "Summary", "Lead member", "Party", "Constituency"], rows)


_VICTIM_NOTE = (
    "Raised the case of the victim, {other}, who was assaulted outside her home on Mill Lane "
    "and is still in hospital."
)


@pytest.mark.parametrize(
    ("notes", "private", "severity"),
    [
        ("", 0, "low"),  # what MPs said in the House: everyone named is named in public
        (_VICTIM_NOTE, 12, "high"),  # a victim named in a member's note still counts
    ],
)
def test_the_notes_of_a_table_of_members_name_people_in_public(
    notes: str, private: int, severity: str
) -> None:
    verdict = scan(_debates(notes), "debates.csv")
    assert verdict.people >= private * 0.8  # the model may miss a name or two
    assert (verdict.people == 0) is (private == 0)
    assert verdict.severity == severity
    notes_findings = [f for f in verdict.findings if f.entity == "PERSON" and "Summary" in f.where]
    assert notes_findings
    assert all(f.public_role for f in notes_findings) is (private == 0)


def test_a_victim_in_a_council_minute_s_notes_column_is_not_public() -> None:
    councillors = _names(8, seed=53)
    residents = _names(8, seed=54)
    rows = [
        [
            f"Cllr {cllr}",  # a table of councillors: public
            _CONSTITUENCIES[i % 6],
            f"Reported that the victim, {resident}, had been attacked in a hate crime at her "
            "home and asked for an update from the police.",
        ]
        for i, (cllr, resident) in enumerate(zip(councillors, residents, strict=True))
    ]
    verdict = scan(_csv(["Name", "Ward", "Notes"], rows), "minutes.csv")
    assert verdict.people >= 6
    assert verdict.severity in ("high", "critical")
    assert "hate_crime" in verdict.special_categories
    assert False in _persons(verdict) and True in _persons(verdict)


def test_a_councillor_s_casework_notes_name_private_people() -> None:
    councillors = _names(8, seed=59)
    residents = _names(8, seed=60)
    rows = [
        [
            f"Cllr {cllr}",
            _CONSTITUENCIES[i % 6],
            f"Met {resident} about the noise from the flats next door and wrote to the housing "
            "team on their behalf.",
        ]
        for i, (cllr, resident) in enumerate(zip(councillors, residents, strict=True))
    ]
    verdict = scan(_csv(["Name", "Ward", "Casework notes"], rows), "casework.csv")
    assert verdict.people >= 6
    notes = [f for f in verdict.findings if f.entity == "PERSON" and "Casework" in f.where]
    assert notes and not any(f.public_role for f in notes)


def test_a_resident_s_home_address_in_casework_notes_stays_private() -> None:
    councillors, residents = _names(12, seed=65), _names(12, seed=66)
    rows = [
        [
            f"Cllr {cllr}",
            _CONSTITUENCIES[i % 6],
            f"Visited {resident} at {i + 3} Mill Lane, Diss IP22 4AB about the flooding.",
        ]
        for i, (cllr, resident) in enumerate(zip(councillors, residents, strict=True))
    ]
    verdict = scan(_csv(["Name", "Ward", "Casework notes"], rows), "casework.csv")
    assert verdict.severity in ("medium", "high", "critical")


# --- an election notice and its earlier revisions --------------------------------------------


def _revision_lines(names: Sequence[str]) -> str:
    return "\n".join(
        f"The nomination paper of {a} was subscribed by {b} and {c} on the same day."
        for a, b, c in zip(names[0::3], names[1::3], names[2::3], strict=True)
    )


@pytest.mark.parametrize(
    ("heading", "public"),
    [
        ("STATEMENT OF PERSONS NOMINATED &", True),
        ("NOTICE OF POLL", True),
        ("Polling districts", False),  # any other document: its earlier revision is hidden text
    ],
)
def test_the_earlier_revision_of_an_election_notice_names_candidates(
    heading: str, public: bool
) -> None:
    candidates = _names(6, seed=55)
    detector = Detector()
    detector.feed(Table("page 1, table 1", Vector.PAGE_TEXT, (heading,), iter([])))
    detector.feed(Text(_revision_lines(candidates), Vector.PRIOR_REVISION, "revision 1 of 2"))
    evidence = detector.finish()
    marks = [f.public_role for f in evidence.findings if f.entity == "PERSON"]
    assert marks and all(m is public for m in marks)
    assert (assess(evidence, ()).severity == "low") is public


def test_text_under_a_redaction_box_in_an_election_notice_still_counts() -> None:
    detector = Detector()
    detector.feed(Text("Statement of persons nominated", Vector.PAGE_TEXT, "page 1"))
    from detectors.model import Cover

    box = Cover(1, (0.0, 0.0, 10.0, 10.0))
    names = _names(4, seed=56)
    detector.feed(
        Text(", ".join(names) + " live at 4 Mill Lane.", Vector.PAGE_TEXT, "page 2", (box,))
    )
    evidence = detector.finish()
    assert any(not f.public_role for f in evidence.findings if f.entity == "PERSON")


# --- a parliamentary group's register -------------------------------------------------------


def test_a_register_of_members_with_their_posts_in_the_group_is_public() -> None:
    names = _names(20, seed=57)
    styles = ["{} MP", "Lord {}", "Baroness {}", "Ms {} MP", "Mr {} MP"]
    posts = ["Chair", "Vice-Chair", "Secretary", "Treasurer"]
    rows = [
        [styles[i % 5].format(n), _PARTIES[i % 4] if i < 4 else "", posts[i] if i < 4 else ""]
        for i, n in enumerate(names)
    ]
    verdict = scan(_csv(["Name", "Party", "Role (e.g. Chair, Officer, Treasurer)"], rows), "a.csv")
    assert _persons(verdict) and all(_persons(verdict))
    assert verdict.kinds == ()
    assert verdict.severity == "low"


@pytest.mark.parametrize(
    ("header", "roles", "kind"),
    [
        # A committee of plain names (a staff association): their posts make no public office.
        (["Name", "Role"], ["Chair", "Vice-Chair", "Secretary", "Treasurer"], "staff_list"),
        # Constables and sergeants with ranks: the PSNI shape, never public role.
        (["Name", "Rank"], ["Constable", "Sergeant", "Constable", "Inspector"], "staff_list"),
    ],
)
def test_posts_and_ranks_beside_plain_names_are_a_staff_list(
    header: list[str], roles: list[str], kind: str
) -> None:
    rows = [[n, roles[i % 4]] for i, n in enumerate(_names(120, seed=58))]
    verdict = scan(_csv(header, rows), "roster.csv")
    assert kind in verdict.kinds
    assert not any(_persons(verdict))
    assert verdict.severity == "high"


# --- a published work's authors and credits -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "public"),
    [
        # A notice's signature: the name over its office on the next line.
        ("Dated 24 April 2019 Jane Hartley\nReturning Officer\nPrinted and published", True),
        ("Jane Hartley\nChief Constable\n", True),
        ("Jane Hartley\nConstable\n", False),
        # A byline running on to a second line.
        ("Authors: Tom Fletcher, Ann Jones, Sam Lee,\nJane Hartley and Ben Ward\n", True),
        ("Tom Fletcher, Ann Jones, Sam Lee,\nJane Hartley and Ben Ward\n", False),
        # A paper's author block: names alone on a line over an academic affiliation.
        ("Shift work\nJane Hartley\nDepartment of Psychology, Massey University\n", True),
        ("Tom Fletcher and Jane Hartley\nThe University of Leeds Business School\n", True),
        ("Class 4B\nJane Hartley\nSt Mary's Primary School\n", False),
        ("Yours sincerely,\nJane Hartley\nReporter, Invisible Institute\n", False),
        ("Jane Hartley\nLeeds Beckett University, School of Law\n", True),
        # Credits sections of a published work.
        ("Acknowledgements\nThe research team comprised Tom Fletcher and Jane Hartley.", True),
        ("About the authors\nDr Jane Hartley is a lecturer in law.", True),
        ("Acknowledgements\nWe thank the victim, Jane Hartley, for her courage.", False),
        ("Jane Hartley is the corresponding author and can be contacted at", True),
        ("Folkard, S. and Jane Hartley (1985), “Chronobiology and shift work”, Ergonomics.", True),
        ("Jane Hartley (2019) was seen at the address.", False),
        ("Jane Hartley is a pupil at the school.", False),
        ("The victim, Jane Hartley, is a lecturer at the college.", False),
        ("Jane Hartley was the author of the threatening letter.", False),
        ("Lord Jane Hartley spoke in the debate.", True),
        # Members of other legislatures: a senator, a member of Congress, a TD.
        ("Notice was received from Senator Jane Hartley of the following matter:", True),
        ("Congresswoman Jane Hartley toured the plant on Monday.", True),
        ("The Taoiseach met Jane Hartley TD in Cork.", True),
        ("Jane Hartley, a senator's constituent, wrote about her son.", False),
        # An office on a letterhead, by a label or on the line above, over a courtesy title.
        ("Tel: 01632 960 418\nHeadteacher: Mrs Jane Hartley\nadmin@school.example", True),
        ("From the Chief Medical Officer\nDr Jane Hartley MPH\n", True),
        ("Scientific Director: Dr Jane Hartley\n", True),
        ("We wrote to the headteacher\nJane Hartley said she had seen it.", False),
        ("Victim\nMrs Jane Hartley\n", False),
        # A numbered reference's authors, far into a long reference list.
        ("[24] Pascal Vincent, Jane Hartley, and Tom Lee. Denoising. In Proceedings, 2008.", True),
        ("[7] Tom Lee and Jane Hartley (2019) Shift work. Ergonomics 12: 3–9.", True),
        ("[2] Jane Hartley, DOB 1985, 12 High Street, Ashford\n[3] Tom Lee, DOB 1990\n", False),
    ],
)
def test_a_public_capacity_is_read_from_the_lines_around_a_name(text: str, public: bool) -> None:
    start = text.index("Jane Hartley")
    assert public_in_prose(text, start, start + len("Jane Hartley")) is public


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("given in Appendix B.\n3.3.18 Population-based denominators are published", False),
        ("Jane Hartley b. 12.3.1950 lived in the village until her death.", True),
        ("Jane Hartley, born on 3 May 1990, was interviewed.", True),
    ],
)
def test_a_paragraph_number_after_an_appendix_letter_is_no_date_of_birth(
    text: str, found: bool
) -> None:
    verdict = scan(text.encode(), "report.txt")
    assert any(f.entity == "DATE_OF_BIRTH" for f in verdict.findings) is found
