"""The staff a document tells its readers to ask: a funder's call, a policy or an FOI reply
sends enquiries to named people with their work mailboxes and phones, in a sentence ("Any
enquiries … should be directed to Jane Smith, the Programme Manager") or a table's column
("Enquiries about the call"). They are named for the body, as a spokesperson is. Guards: the
same people without the words of an enquiry, or asked about a victim, still count."""

from __future__ import annotations

import pytest

from crawler.demo.builders.pdf import Box, Line, Page, build_pdf, ruled_table
from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Severity, Text, Vector
from detectors.public_headers import ENQUIRIES_HEADER
from detectors.roles import public_in_prose
from detectors.scan import scan
from tests.detectors._tables import fake_names

NAMES = fake_names(12, seed=81)


def _mail(name: str) -> str:
    return f"{name.split()[0][0]}.{name.split()[-1]}@fundingbody.ac.uk".lower()


@pytest.mark.parametrize(
    ("line", "public"),
    [
        ("46. Any enquiries about this section should be directed to {name}, the", True),
        ("Queries about the bid form may be sent to {name} ({mail}).", True),
        ("Enquiries should be directed to Dr {name}.", True),
        ("Questions on eligibility should be addressed to {name} on 07700 900123.", True),
        ("For more details, contact {name} ({mail}).", True),
        ("Bidders should refer to {name} ({mail}) for further information.", True),
        ("Please speak to Tom Brown ({mail}) or {name} ({mail}) for further information.", True),
        ("• Complaints should be made to Mrs. {name} in the first instance.", True),
        ("The parent should put their complaint in writing to Mrs. {name}.", True),
        ("Concerns may be addressed to {name} ({mail}).", True),
        # Guards: no enquiry, a victim in the same sentence, an enquiry in another sentence.
        ("Our records show {name} ({mail}) was present.", False),
        ("Enquiries about the victim should be directed to her mother {name}.", False),
        ("Any enquiries should be sent to the office. {name} attended on 3 May.", False),
        ("{name} made enquiries about the flat at 12 Acacia Avenue.", False),
        ("Enquiries were made to trace {name} and her car.", False),
        ("Enquiries should be directed to the office, which has written to {name}.", False),
        ("Contact {name} on 07700 900123 about the incident.", False),
        ("A complaint was made to {name} about the noise.", False),
        ("The complaint of the victim should be made to her sister {name}.", False),
    ],
)
def test_the_person_a_sentence_sends_enquiries_to_is_named_in_their_post(
    line: str, public: bool
) -> None:
    name = NAMES[0]
    text = line.format(name=name, mail=_mail(name)) + "\n"
    start = text.index(name)
    assert public_in_prose(text, start, start + len(name)) is public


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        (
            "{i}. Any enquiries about this section of the call should be directed to {name}, "
            "the Programme Manager responsible for this area ({mail}, 07700 90{i:04d}).",
            Severity.LOW,
        ),
        (
            "{i}. Bidders should refer to {name} ({mail}; 07700 90{i:04d}) for further "
            "information.",
            Severity.LOW,
        ),
        ("{i}. Our records show {name} ({mail}, 07700 90{i:04d}) was present.", Severity.MEDIUM),
        (
            "{i}. Any enquiries about the victim should be directed to {name} ({mail}, "
            "07700 90{i:04d}).",
            Severity.HIGH,
        ),
    ],
    ids=["directed to", "refer to for information", "no enquiry", "about a victim"],
)
def test_a_calls_contacts_for_each_strand_are_no_private_contacts(
    sentence: str, severity: Severity
) -> None:
    """A funder's call names a programme manager for each of its twelve strands, each with a
    work mailbox and a mobile."""
    text = "\n".join(
        sentence.format(i=i, name=name, mail=_mail(name)) for i, name in enumerate(NAMES)
    )
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 15"))
    assert assess(detector.finish(), ()).severity is severity


@pytest.mark.parametrize(
    ("header", "asks"),
    [
        ("enquiries about the call", True),
        ("enquires about submission process", True),  # as misspelt in a funder's table
        ("queries to", True),
        ("contact for further information", True),
        ("enquiry", False),
        ("enquiry officer", False),
        ("contact", False),
        ("victim", False),
    ],
)
def test_which_headers_head_a_column_of_whom_to_ask(header: str, asks: bool) -> None:
    assert (ENQUIRIES_HEADER.search(header) is not None) is asks


def _split_header_table(header: list[str], rows: list[list[str]]) -> bytes:
    """A ruled table whose header cells are drawn split in two at their middles, each heading
    set in the right half, as a word processor exports a header of merged boxes."""
    x, top, width, height = 72.0, 600.0, 220.0, 20.0
    items = list(ruled_table([[""] * len(header), *rows], x=x, top=top, width=width))
    for c, heading in enumerate(header):
        middle = x + c * width + width / 2
        items += [Line(heading, middle + 4, top - height + 6, size=10)]
        items += [Box(middle, top - height, 0.5, height)]
    return build_pdf([Page(tuple(items))])


@pytest.mark.parametrize(
    ("heading", "severity"),
    [("Enquiries about the call", Severity.LOW), ("Victim", Severity.HIGH)],
)
def test_a_column_of_whom_to_ask_under_a_split_header_names_staff(
    heading: str, severity: Severity
) -> None:
    """The heading drawn in another box than its values belongs to them all the same: under
    "Enquiries about the call" the names are contacts; under "Victim" a case's parties."""
    rows = [
        [f"Strand {i}", f"{name}\n({_mail(name)},\n07700 90{i:04d})"]
        for i, name in enumerate(NAMES[:6])
    ]
    verdict = scan(_split_header_table(["Programme", heading], rows), "call.pdf")
    assert verdict.severity is severity


def _contact(name: str, i: int) -> str:
    return f"{name}\n({_mail(name)},\n07700 90{i:04d})"


@pytest.mark.parametrize(
    ("header", "public"),
    [
        (["Programme / Initiative", "Enquiries About The Call", "Enquires About Submission"], True),
        (["Programme", "Victim", "Witness"], False),
    ],
    ids=["whom to ask", "a case's parties"],
)
def test_contacts_in_cells_under_whom_to_ask_are_named_for_the_body(
    header: list[str], public: bool
) -> None:
    """A funder's table of its strands gives, in one cell each, the programme manager's
    name, mailbox and phone, two managers in one cell for one strand; the people in those
    cells are read as the cells' prose, and the header over them says whom they are."""
    n = NAMES
    strands = ["Research Data", "Research Tools", "Information", "Library", "Identity"]
    firsts = [_contact(n[0], 0), f"{_contact(n[1], 1)}\n{_contact(n[2], 2)}"]
    firsts += [_contact(n[3], 3), _contact(n[4], 4), _contact(n[2], 2)]
    rows = [[s, first, _contact(n[6], 9)] for s, first in zip(strands, firsts, strict=True)]
    verdict = scan(build_pdf([Page(ruled_table([header, *rows], width=180, height=60))]), "c.pdf")
    named = [f for f in verdict.findings if f.entity == "PERSON"]
    assert named
    assert all(f.public_role for f in named) is public
    assert (verdict.people == 0) is public


_PROCEDURE = (
    "{stage}\nMrs. {name} will decide the course of action and keeps the record.\n"
    "Updated July 2024\nReg: 52 Glasgow Road, Perth, Scotland\n07911 123456 {mail}\n"
)


@pytest.mark.parametrize(
    ("stage", "severity"),
    [
        ("Stage 3. Complaints not resolved must be referred to Mrs. {name}.", Severity.LOW),
        ("Stage 3. Tell us what went wrong.", Severity.MEDIUM),
    ],
    ids=["the one complaints go to", "no one's to ask"],
)
def test_the_person_complaints_go_to_is_named_in_their_post_each_time_the_text_names_them(
    stage: str, severity: Severity
) -> None:
    """A complaints procedure names whom to complain to, then names her again as the one
    who decides, over the page's footer with a mobile and a mailbox: each mention is the
    same person in the same post, and the footer's contacts are hers in it. Without the
    words that send complaints to her, the mobile and mailbox beside her name still count."""
    name = NAMES[1]
    text = _PROCEDURE.format(stage=stage.format(name=name), name=name, mail=_mail(name))
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 3"))
    assert assess(detector.finish(), ()).severity is severity
