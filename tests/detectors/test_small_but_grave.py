"""One private person's details can be grave: home address, phone, a role, offender lists."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Severity, Structure, Table, Text, Vector
from detectors.offender_wording import lists_offenders
from tests.detectors._tables import fake_names

C, H, M, L = Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW


def _severity(text: str, vector: Vector = Vector.PAGE_TEXT) -> Severity:
    detector = Detector()
    detector.feed(Text(text, vector, "comment 1" if vector is Vector.COMMENT else "page 1"))
    evidence = detector.finish()
    return assess(evidence, (Structure(vector, "comments"),) if vector.hidden else ()).severity


@pytest.mark.parametrize(
    ("text", "vector", "least", "most"),
    [
        (
            "Caller Jane Hargreaves of 14 Elm Grove, Norwich NR2 3AB, mobile 07700 900123, "
            "says the gate at the depot is broken again.",
            Vector.COMMENT,
            M,
            C,
        ),
        (
            "Please ring Mark Fletcher on 07812 345 678 about the parking complaint.",
            Vector.PAGE_TEXT,
            M,
            C,
        ),
        ("The victim, Carly Edwards, was assaulted outside the shop.", Vector.PAGE_TEXT, H, C),
        ("A statement was taken from witness Tom Brady on Monday.", Vector.COMMENT, H, C),
        ("DC Jane Smith appealed for witnesses to come forward.", Vector.PAGE_TEXT, L, L),
        ("Your local PCSO Mark Fletcher is on 07812 345 678.", Vector.PAGE_TEXT, L, L),
        (
            "Paul Brown, 34, of 12 Elm Grove, Norwich, was jailed at Norwich Crown Court.",
            Vector.PAGE_TEXT,
            L,
            L,
        ),
        (
            "Registered sex offenders in the Broadland area: Michael Walsh, Gary Turner and "
            "Simon Hughes.",
            Vector.PAGE_TEXT,
            C,
            C,
        ),
        (
            "Overseas Guardianship Association\nPamela Hughes\n\nHOST FAMILY APPLICATION FORM\n"
            "1.3.9 Has any resident ever been subject to a 'sex offender order', civil\n"
            "finding or injunction?        YES        NO\n",
            Vector.PAGE_TEXT,
            L,
            L,
        ),
        (
            "Please contact us with any feedback or to book on a course. We look forward to "
            "hearing from you.\nJane Hardy and Helen Wright Children’s Centre Advisers 01932 "
            "300106\nDora "
            "Sale Children’s Centre Coordinator 0782 4995202\nSally Kerr Children’s "
            "Centre Outreach Worker 0782 4995250\n",
            Vector.PAGE_TEXT,
            L,
            L,
        ),
        (
            "Jane Hardy, a care worker, of 14 Elm Grove, Norwich, mobile 07700 900123.\n",
            Vector.PAGE_TEXT,
            M,
            H,
        ),
        (
            "Full Contact Details for Primary Contact:\nName: Jane Hardy\n"
            "Position: Senior Lecturer\nEmail: jhardy@lincoln.ac.uk\nTel: 0782 4995202\n"
            "Address: Centre for Educational Research, University of Lincoln,\n"
            "Brayford Pool, Lincoln. LN6 7TS.\n",
            Vector.PAGE_TEXT,
            L,
            L,
        ),
        (
            "Details of the caller:\nName: Jane Hardy\nPosition: witness to the assault\n"
            "Tel: 0782 4995202\nAddress: 14 Elm Grove, Norwich NR2 3AB.\n",
            Vector.PAGE_TEXT,
            M,
            H,
        ),
        (
            "Staff should know the DSL, Mrs Jane Hardy, and the DDSL Mr Tom Keller are here.\n"
            "Mrs Jane Hardy: DSL\n52 Glasgow Road, Perth.\nTel 0782 4995202\n"
            "Mr Tom Keller DDSL\nTel 0782 4995250\n",
            Vector.PAGE_TEXT,
            L,
            L,
        ),
        (
            "Please ring 0782 4995202 if you are unhappy with our service. If you remain "
            "concerned, write to Mrs Jane Hardy (Director), who will respond in confidence.\n",
            Vector.PAGE_TEXT,
            L,
            L,
        ),
        (
            "Jane Hardy (care worker) of 14 Elm Grove, Norwich, mobile 0782 4995202.\n",
            Vector.PAGE_TEXT,
            M,
            H,
        ),
        (
            "Jane Hardy (head injury) of 14 Elm Grove, Norwich, mobile 0782 4995202.\n",
            Vector.PAGE_TEXT,
            M,
            H,
        ),
    ],
    ids=[
        "home address and mobile in a comment",
        "a mobile beside a name",
        "a named victim",
        "a named witness",
        "an officer appealing for witnesses",
        "an officer's work mobile",
        "court reporting",
        "a list of sex offenders",
        "a form's question about offences",
        "a centre's staff with their work mobiles",
        "a care worker's home and mobile",
        "a bid's contact with their post",
        "a witness under a post label",
        "a school's safeguarding leads",
        "a post in brackets",
        "a job in brackets, lower case",
        "an injury in brackets",
    ],
)
def test_one_private_person_is_rated_by_what_is_said_of_them(
    text: str, vector: Vector, least: Severity, most: Severity
) -> None:
    severity = _severity(text, vector)
    assert least.rank <= severity.rank <= most.rank, severity


def test_a_table_titled_as_offenders_is_case_records_and_critical() -> None:
    rows = [
        ("Michael Walsh", "Broadland"),
        ("Gary Turner", "Norwich"),
        ("Simon Hughes", "Breckland"),
    ]
    detector = Detector()
    detector.feed(
        Table("sheet 'MAPPA cat 1'", Vector.CELL, ("Name", "Area"), iter(rows)),
    )
    evidence = detector.finish()
    assert "case_records" in evidence.kinds
    assert assess(evidence, ()).severity is C


def test_a_sheet_of_sex_offenders_gives_their_special_category() -> None:
    rows = [("Walsh", "Michael"), ("Turner", "Gary"), ("Hughes", "Simon")]
    detector = Detector()
    detector.feed(
        Table("sheet 'Sex offenders'", Vector.HIDDEN_SHEET, ("Surname", "Forename"), iter(rows))
    )
    evidence = detector.finish()
    assert evidence.special_categories == ("sexual_offence",)
    assert assess(evidence, ()).severity is C


def _minutes(offender_paragraph: str) -> Severity:
    """Minutes of a residents' association: thirty residents named with their streets over
    the year's meetings, one paragraph about offenders."""
    detector = Detector()
    names = fake_names(30, seed=88)
    for n, name in enumerate(names):
        text = f"{name} of 1{n} Church Street asked when the bus shelter would be mended."
        detector.feed(Text(text, Vector.PAGE_TEXT, f"paragraph {n + 1}"))
    detector.feed(Text(offender_paragraph, Vector.PAGE_TEXT, "paragraph 40"))
    return assess(detector.finish(), ()).severity


@pytest.mark.parametrize(
    ("paragraph", "least", "most"),
    [
        (
            "Karen Whitfield: resident of Mill Lane. Talked about crime prevention, street "
            "lighting and sex offender notification.",
            M,
            H,
        ),
        (
            "Registered sex offenders living in the area: Michael Walsh of 3 Mill Lane and "
            "Gary Turner of 8 Kiln Road.",
            C,
            C,
        ),
    ],
    ids=["offenders as a topic", "offenders named"],
)
def test_only_the_people_of_a_text_that_lists_offenders_are_offenders(
    paragraph: str, least: Severity, most: Severity
) -> None:
    """One paragraph of a year's minutes about sex offenders in the area makes no one a
    listed offender; the same words before two names list them."""
    severity = _minutes(paragraph)
    assert least.rank <= severity.rank <= most.rank, severity


@pytest.mark.parametrize(
    ("text", "name", "lists"),
    [
        ("Jane Hardy talked about sex offender notification.", "Jane Hardy", False),
        ("Jane Hardy, a registered sex offender, lives here.", "Jane Hardy", True),
        ("John Brown (sex offender) moved last month.", "John Brown", True),
        ("Registered sex offenders in the area: Michael Walsh.", "Michael Walsh", True),
    ],
    ids=["talked about", "apposed", "in brackets", "named after the heading"],
)
def test_offender_wording_calls_only_the_person_it_is_said_of_one(
    text: str, name: str, lists: bool
) -> None:
    start = text.index(name)
    person = SimpleNamespace(start=start, end=start + len(name))
    assert lists_offenders(text, [person]) is lists


def _roster(header: tuple[str, ...], count: int, numbers: bool = True) -> Severity:
    ranks = ["PC", "Sgt", "PC", "Insp", "DC"]
    rows = []
    for n, name in enumerate(fake_names(count, seed=17)):
        number = f"{104_233 + 37 * n:06d}" if numbers else ""
        cells = {"NAME": name, "RANK": ranks[n % 5], "UNIT": "District 4"}
        rows.append(tuple(cells.get(h, number) for h in header))
    detector = Detector()
    detector.feed(Table("sheet 1", Vector.CELL, header, iter(rows)))
    return assess(detector.finish(), ()).severity


@pytest.mark.parametrize(
    ("header", "count", "numbers", "least", "most"),
    [
        (("ID", "NAME", "RANK", "UNIT"), 9, True, M, H),  # a force's roster, one in a sample
        (("NAME", "RANK", "UNIT", "BADGE"), 5, True, M, H),
        (("IDNO6", "NAME", "RANK", "UNIT"), 4, True, M, H),
        (("NAME", "RANK", "Warrant no"), 3, True, M, H),
        (("ID", "NAME", "RANK", "UNIT"), 2, True, L, L),  # two officers: no list
        (("NAME", "RANK", "UNIT", "ID"), 9, False, L, L),  # ranks and no numbers
        (("ID", "NAME", "UNIT"), 9, True, L, L),  # no ranks: a bare "ID" is anyone's
    ],
)
def test_a_few_officers_named_with_their_numbers_are_a_staff_list(
    header: tuple[str, ...], count: int, numbers: bool, least: Severity, most: Severity
) -> None:
    assert least.rank <= _roster(header, count, numbers).rank <= most.rank
