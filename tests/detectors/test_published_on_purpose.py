"""Text public bodies publish on purpose is not a leak: imprints, an official's signed letter,
an address shown over its own link, charities named after people, a city department's menus
and mailboxes, citations and credits, offices in brackets. Each look-alike is built here beside
the real leak it must not hide (a victim's statement, a resident's letter, a letter about its
addressee's conduct). Tables published on purpose are in `test_published_tables.py`; small
bodies' papers in `test_small_bodies.py`; names alone and what lifts them, in
`test_said_of_people.py`."""

from __future__ import annotations

import io

import pikepdf
import pytest

from crawler.demo.builders.docx import build_docx, field, paragraph
from crawler.demo.builders.pdf import Line, Page, build_pdf
from detectors.assess import assess
from detectors.detect import Detector, Evidence
from detectors.model import Text, Vector
from detectors.scan import scan
from tests.detectors._tables import fake_names as _names
from tests.detectors._tables import person_roles as _persons


def _evidence(text: str) -> Evidence:
    """What detection concludes from `text` read as one page."""
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 1"))
    return detector.finish()


# --- imprints -------------------------------------------------------------------------------

_STATEMENT = (
    "I will put victims first and keep our streets safe.\n\n"
    "Promoted by {agent} on behalf of {candidate}, both of 12 High Street, Ashford TN23 1AB.\n"
)


@pytest.mark.parametrize(
    "imprint",
    [
        "Promoted by {agent} on behalf of {candidate}, both of 12 High Street, Ashford TN23 1AB.",
        "This statement has been prepared on behalf of {candidate} by {agent}, 4 Mill Lane, "
        "Tiverton EX16 8BQ.",
        "Published and promoted by {agent}, 22 Castle Street, Hull HU1 2AB.",
        "This address has been prepared on behalf of {candidate} by her agent {agent}, "
        "41 Acre Road, Horncastle LN9 5AP.",
        "Promoted by the election agent {agent} at Yew Farm, East Road, Ivybridge PL21 0LF.",
        "Printed by Example Print Ltd, 147 Mill Rd, Leicester LE3 1UQ, Published and promoted by "
        "M. {surname} on behalf of {candidate}, 1 Vincent Square, London, SW1P 2PN",
    ],
)
def test_an_imprint_s_names_and_address_are_published_by_law(imprint: str) -> None:
    agent, candidate = _names(2, seed=31)
    text = "Vote for a safer county.\n\n" + imprint.format(
        agent=agent, candidate=candidate, surname=agent.split()[-1]
    )
    verdict = scan(text.encode(), "statement.txt")
    assert verdict.severity in ("low", "none")
    assert verdict.people == 0
    assert all(_persons(verdict))


def test_a_statement_prepared_by_a_victim_with_her_address_stays_private() -> None:
    victim, officer = _names(2, seed=32)
    text = (
        f"This statement was prepared by the victim, {victim}, of 12 High Street, Ashford "
        f"TN23 1AB, for PC {officer}.\n"
    )
    verdict = scan(text.encode(), "statement.txt")
    assert verdict.severity in ("high", "critical")
    assert verdict.people >= 1


# --- signed letters ---------------------------------------------------------------------------

_SIGNED = (
    "Thank you for your request. The records are attached.\n"
    "Sincerely,\n"
    "{name}\n"
    "Freedom of Information Officer\n"
    "Information Rights Unit\n"
    "30 North Street\n"
    "Ashford TN23 1AB\n"
    "Mobile: 07700 900123\n"
    "E-mail: foi@example.police.uk\n"
)


def test_an_official_s_signature_block_is_a_work_contact() -> None:
    (name,) = _names(1, seed=36)
    verdict = scan(_SIGNED.format(name=name).encode(), "reply.txt")
    assert verdict.severity in ("low", "none")
    assert verdict.people == 0


def test_a_resident_signing_with_a_home_address_and_mobile_stays_private() -> None:
    (name,) = _names(1, seed=36)
    text = (
        "I object to the plans for the car park.\nYours sincerely,\n"
        f"{name}\n14 Acacia Avenue\nAshford TN23 1AB\nMobile: 07700 900123\n"
    )
    verdict = scan(text.encode(), "objection.txt")
    assert verdict.severity == "medium"
    assert verdict.people == 1


# --- an address shown over its own link ------------------------------------------------------


def _linked(shown: str, target: str) -> bytes:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(build_pdf([Page((Line(f"Contact us: {shown}", y=700),))]))) as pdf:
        link = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Link,
            Rect=pikepdf.Array([60, 690, 300, 712]),
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(f"mailto:{target}")),
        )
        pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))
        pdf.save(out)
    return out.getvalue()


def test_a_mailto_link_under_the_address_it_shows_is_not_hidden() -> None:
    verdict = scan(_linked("jane.smith@example.org", "Jane.Smith@example.org"), "leaflet.pdf")
    annotations = [f for f in verdict.findings if f.vector is Vector.ANNOTATION]
    assert annotations == []
    assert any(
        f.entity == "EMAIL_ADDRESS" and f.vector is Vector.PAGE_TEXT for f in verdict.findings
    )


def test_a_mailto_link_to_an_address_the_page_does_not_show_is_hidden() -> None:
    verdict = scan(_linked("the team", "jane.smith@example.org"), "leaflet.pdf")
    hidden = [f for f in verdict.findings if f.vector is Vector.ANNOTATION]
    assert [f.entity for f in hidden] == ["EMAIL_ADDRESS"]
    assert hidden[0].hidden


# --- bodies and products that read like names ---------------------------------------------


def _people_in(text: str) -> int:
    return _evidence(text).people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("The net proceeds were donated to Sue Ryder (registered charity 1052076) for care.", 0),
        ("Profits go to Ann Rowan, charity no. 506120, each year.", 0),
        ("Funds went to the Mark Fawcett Cancer Charity and the Anne Hart Memorial Trust.", 0),
        ("Good causes: Mark Solan Connor Fawcett Cancer Charity; Zoe's Place Hospice.", 0),
        ("Bags sold: Lincolnshire Wine Carrier 1330, Lincolnshire Large Shopper 6145.", 0),
        # People beside teams, towns and charities stay people.
        ("PC Jane Holloway of the Response Team attended the address.", 1),
        ("Lincoln Burrows was arrested on Friday.", 1),
        ("The victim, Susan Whitfield, gave a statement to the charity.", 1),
    ],
)
def test_charities_and_products_named_like_people_are_not_people(text: str, people: int) -> None:
    assert _people_in(text) == people


# --- serial numbers that pass the NHS check by chance -----------------------------------------


def _nhs_check(nine: str) -> int | None:
    check = 11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11
    return None if check == 10 else (0 if check == 11 else check)


def test_an_activity_log_s_incident_numbers_are_not_nhs_numbers() -> None:
    lines, passing = [], 0
    for n in range(60):
        number = f"{2_304_150_000 + 37 * n}"
        passing += _nhs_check(number[:9]) == int(number[9])
        lines.append(f"{number} 14:{n % 60:02d} Disturbance reported, unit attended, advised.")
    assert passing >= 1  # some pass the check by chance, as in any log
    assert not [f for f in _evidence("\n".join(lines)).findings if f.entity == "UK_NHS"]


def test_a_list_of_real_nhs_numbers_is_still_found() -> None:
    rows = []
    for n, name in enumerate(_names(8, seed=55)):
        nine = f"{485_777_300 + 13 * n}"
        check = _nhs_check(nine)
        if check is not None:
            rows.append(f"{name}, NHS number {nine}{check}, seen at the clinic.")
    nhs = [f for f in _evidence("\n".join(rows)).findings if f.entity == "UK_NHS"]
    assert nhs and nhs[0].count == len(rows) >= 5


# --- a city department's web page ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "personal"),
    [
        ("FOIA Requests: cdphfoia@cityofexample.org", False),
        ("Media Inquiries: media.cdph@cityofexample.org", False),
        ("General Inquiries: healthyexample@cityofexample.org", False),
        ("Media Inquiries: jane.holloway@cityofexample.org", True),  # a person's own
        ("Write to healthyexample@cityofexample.org", True),  # no function named
    ],
)
def test_a_mailbox_under_a_function_s_label_is_the_function_s(line: str, personal: bool) -> None:
    emails = [f for f in _evidence(line).findings if f.entity == "EMAIL_ADDRESS"]
    assert bool(emails) is personal


def test_menu_titles_of_a_health_department_give_no_one_a_health_condition() -> None:
    items = "".join(
        f'<li><a href="/p{n}" title="{title}">{title}</a></li>'
        for n, title in enumerate(
            ["Mental Health Services", "Grant Opportunities", "Behavioral Health", "Food Safety"]
        )
    )
    page = f"<html><body><ul>{items}</ul><p>Contact the department.</p></body></html>"
    verdict = scan(page.encode(), "health.html")
    assert verdict.special_categories == ()
    assert verdict.severity in ("none", "low")


@pytest.mark.parametrize(
    ("text", "nhs"),
    [
        ("Liaison: call 773-259-0643 for the council.", False),
        ("Please contact the assistant, Maggie Holloway at 773-259-0643.", False),
        ("Patient record: NHS number 485-777-3457 on file.", True),
        ("Patient record: 485 777 3457 on file.", True),
    ],
)
def test_a_phone_number_shaped_as_north_american_is_not_an_nhs_number(text: str, nhs: bool) -> None:
    found = [f for f in _evidence(text).findings if f.entity == "UK_NHS"]
    assert bool(found) is nhs


# --- a research report's citations and credits ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1 See, for example, Geoffrey Holloway and William Carter, “How Reasonable Is the Force?”",
        "The volume edited by Joanne Whitfield brings the studies together.",
        "Comments were provided by Lorna Fairbrother, Professor, University of Kent.",
        "Thanks to Neil Ashworth, Principal Associate, Institute for Law and Justice.",
    ],
)
def test_cited_and_credited_researchers_are_named_in_public(text: str) -> None:
    evidence = _evidence(text)
    assert evidence.people == 0
    assert [f.public_role for f in evidence.findings if f.entity == "PERSON"] == [True]


@pytest.mark.parametrize(
    "text",
    [
        "See the statement of the victim, Joanne Whitfield, taken on Friday.",
        "Lorna Fairbrother, a resident of Mill Lane, called the police.",
    ],
)
def test_a_victim_or_resident_near_such_words_stays_private(text: str) -> None:
    assert _evidence(text).people == 1


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("At the annual meeting, {name} (Responsible Finance Officer) will stand down.", True),
        ("The accounts were signed by {name} (Parish Clerk) in May.", True),
        ("The complaint was made by {name} (victim) in May.", False),
    ],
)
def test_an_office_in_brackets_after_a_name_is_a_public_capacity(text: str, public: bool) -> None:
    (name,) = _names(1, seed=57)
    assert [
        f.public_role for f in _evidence(text.format(name=name)).findings if f.entity == "PERSON"
    ] == [public]


def _cited(authors: list[str], title: str) -> str:
    """A reference manager's citation field: its record in CSL JSON, behind the citation shown."""
    people = ",".join(f'{{"family":"{a.split()[-1]}","given":"{a.split()[0]}"}}' for a in authors)
    shown = f"{authors[0]} and {authors[1]} (2019)"
    record = (
        f'{{"citationID":"a1","properties":{{"formattedCitation":"{shown}",'
        f'"plainCitation":"{shown}"}},"citationItems":[{{"id":12,"itemData":{{'
        f'"type":"article-journal","title":"{title}","container-title":"Policing and Society",'
        f'"author":[{people}]}}}}]}}'
    )
    return field(f"ADDIN ZOTERO_ITEM CSL_CITATION {record}", f"({shown})")


def test_a_reference_manager_s_citations_name_cited_authors() -> None:
    """Word keeps each citation's record (authors, title, journal) in a hidden field code
    behind the citation a reader sees: its authors are published, and the topic words of
    its title ("race", "sexual violence") say nothing about them."""
    names = _names(6, seed=59)
    body = [
        paragraph(
            "Stop and search falls unevenly across groups ",
            _cited(names[:3], "Race and the police stop"),
        ),
        paragraph(
            "Reporting has risen since 2015 ", _cited(names[3:], "Sexual violence and the courts")
        ),
    ]
    verdict = scan(build_docx(body), "essay.docx")
    assert any(f.vector is Vector.HIDDEN_TEXT for f in verdict.findings)
    assert all(_persons(verdict))
    assert verdict.severity in ("none", "low")


def test_a_field_code_naming_a_victim_is_still_hidden_personal_data() -> None:
    names = _names(4, seed=60)
    merged = "; ".join(f"victim {name}, 12 Mill Lane, Diss IP22 4AB" for name in names)
    verdict = scan(build_docx([paragraph("Dear resident ", field(f"MERGEFIELD {merged}", "x"))]),
                   "letter.docx")  # fmt: skip
    assert not all(_persons(verdict))
    assert verdict.severity in ("medium", "high", "critical")


# --- letters to a named person ---------------------------------------------------------------

_LETTER = (
    "PERSONAL AND CONFIDENTIAL\n\nMr {name}\nAssistant Coach\n\nRe: Corrective action\n\n"
    "Dear {first}:\n\n{body}\n\nYours sincerely,\n\nHead of Human Resources\n"
)


def test_a_letter_about_its_addressee_s_conduct_names_what_it_says_of_them() -> None:
    (name,) = _names(1, seed=58)
    body = (
        "An investigation into allegations of sexual harassment by you has been completed. "
        "Your conduct breached the policy."
    )
    text = _LETTER.format(name=name, first=name.split()[0], body=body)
    evidence = _evidence(text)  # a scanned letter reads as one page
    assert assess(evidence, ()).severity in ("high", "critical")
    assert "sexual_offence" in evidence.special_categories
    assert evidence.people == 1


def test_a_reply_to_a_request_about_a_topic_says_nothing_of_the_requester() -> None:
    (name,) = _names(1, seed=58)
    body = (
        "Thank you for your request for information about sexual offences and domestic abuse. "
        "The figures you asked for are attached."
    )
    text = _LETTER.format(name=name, first=name.split()[0], body=body)
    evidence = _evidence(text)
    assert evidence.special_categories == ()
    assert assess(evidence, ()).severity in ("low", "none")


def test_an_official_addressed_at_their_office_is_named_in_their_post() -> None:
    director, inspector, other = _names(3, seed=59)
    text = (
        f"18 December 2019\n{director}\nDirector of Children’s Services\nExample Borough Council\n"
        "Cauldwell Street\nBedford\nMK42 9AP\n"
        f"Dear {director.split()[0]}\n"
        "This letter summarises the findings of a focused visit to the council's children's "
        f"services. The inspectors were {inspector}, Her Majesty’s Inspector, and {other}, HMI.\n"
    )
    evidence = _evidence(text)
    assert evidence.people == 0
    assert evidence.special_categories == ()
    assert assess(evidence, ()).severity in ("low", "none")


def test_a_news_page_s_authors_in_its_hidden_byline_are_its_authors() -> None:
    first, second = _names(2, seed=60)
    page = (
        f'<html><head><meta name="author" content="{first}"><meta name="author" '
        f'content="{second}"></head><body><div class="hidden">{first} and {second}</div>'
        f'<div style="display:none">{first} , {second}</div><p>Can the deal get through '
        "Parliament? Here is how the votes fall.</p></body></html>"
    )
    verdict = scan(page.encode(), "article.html")
    assert verdict.people == 0
    assert verdict.severity in ("low", "none")


@pytest.mark.parametrize(
    ("text", "vector", "people"),
    [
        ("Close", Vector.PAGE_TEXT, 0),  # a button's label
        ("Asia", Vector.HIDDEN_TEXT, 0),  # a menu's
        ("Holloway", Vector.METADATA, 1),  # an author field may hold a surname alone
    ],
)
def test_one_word_alone_in_a_page_block_is_a_label_not_a_surname(
    text: str, vector: Vector, people: int
) -> None:
    detector = Detector()
    detector.feed(Text(text, vector, "text block 1"))
    assert detector.finish().people == people


def test_an_imprint_runs_on_past_an_initial_to_its_address() -> None:
    from detectors.imprints import imprint_spans

    text = (
        "Every vote counts.\n\nPublished and promoted by M. Dixon on behalf of the Example "
        "Party, 1 Vincent Square, London, SW1P 2PN\n\nFind out more"
    )
    spans = imprint_spans(text)
    assert spans and text[spans[0][0] : spans[0][1]].rstrip().endswith("SW1P 2PN")


@pytest.mark.parametrize(
    "text",
    [
        "{a} (Himself - Leader);{b} (Herself - Chief Executive);{c} (Himself - Elected Mayor)",
        "The council is led by {a} (Leader) with {b} (Deputy Leader).",
    ],
)
def test_council_leaders_named_with_their_office_in_brackets_are_public(text: str) -> None:
    a, b, c = _names(3, seed=63)
    evidence = _evidence(text.format(a=a, b=b, c=c))
    assert evidence.people == 0
    assert all(f.public_role for f in evidence.findings if f.entity == "PERSON")


@pytest.mark.parametrize(
    ("body", "grave"),
    [
        ("This is notice of our intent to dismiss you for misconduct. You may appeal.", True),
        ("Following the hearing, you have been suspended without pay from 1 May.", True),
        # A reply about dismissals in general says nothing of its reader.
        (
            "You will see from the table that five officers were dismissed for gross "
            "misconduct in 2023. If you are unhappy with this response, you may ask for a review.",
            False,
        ),
    ],
)
def test_a_letter_telling_its_addressee_of_their_dismissal_names_them_in_a_case(
    body: str, grave: bool
) -> None:
    (name,) = _names(1, seed=70)
    text = _LETTER.format(name=name, first=name.split()[0], body=body)
    severity = assess(_evidence(text), ()).severity
    assert (severity in ("high", "critical")) is grave
