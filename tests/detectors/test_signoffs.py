"""A report's sign-off names its staff in their work ("Checked by: / Jane Smith / Clinical
Scientist", "Referred by: Dr Jane Smith, Haematology"), beside whatever the report is about;
a name under the same label with no post or title, or beside a patient or victim, still
counts. So does a name under a byline's label that gives a home address or phone, which no
byline gives ("Reported by: Jane Smith, 12 Acacia Avenue" in an incident log)."""

from __future__ import annotations

import pytest

from detectors.scan import scan
from detectors.signatures import signoff_spans
from tests.detectors._tables import fake_names

(NAME,) = fake_names(1, seed=91)
REPORT = (
    "Karyotype Analysis Report\n"
    "Result: a loss found in the tumour cells, consistent with leukaemia.\n"
)


@pytest.mark.parametrize(
    ("signoff", "work"),
    [
        ("Checked by:\n{name}\nClinical Scientist\n12 Acacia Avenue, Ashford TN23 1AB", True),
        (
            "Authorised By:\n{name}\nPre-Registration Scientist\n"
            "12 Acacia Avenue, Ashford TN23 1AB",
            True,
        ),
        ("Referred by: Dr {name}, Haematology, 12 Acacia Avenue, Ashford TN23 1AB", True),
        ("Reported by:\n{name}\n12 Acacia Avenue, Ashford TN23 1AB", False),
        ("Reported by: {name}, 12 Acacia Avenue, Ashford TN23 1AB", False),
        ("Referred by:\n{name}\nPatient\n12 Acacia Avenue, Ashford TN23 1AB", False),
    ],
    ids=["checked", "authorised", "referring doctor", "no post", "anyone", "a patient"],
)
def test_a_report_s_signers_are_named_in_their_work(signoff: str, work: bool) -> None:
    text = REPORT + signoff.format(name=NAME) + "\n"
    spans = signoff_spans(text)
    start = text.index(NAME)
    assert any(low <= start and start + len(NAME) <= high for low, high in spans) is work
    verdict = scan(text.encode(), "report.txt")
    assert (verdict.severity in ("none", "low")) is work


@pytest.mark.parametrize(
    ("line", "public"),
    [
        ("Reported by: {name}", True),
        ("Written by: {name}, 3 May 2024", True),
        ("Reported by: {name}, 12 Acacia Avenue, Ashford TN23 1AB", False),
        ("Written by: {name}, 07700 900123", False),
        ("By {name} of 12 Acacia Avenue, Ashford", False),
        ("Small tortoiseshell on buddleia. (Photo by {name})", True),
        ("Photos by {name}", True),
        ("The new windows at the mill. [Image: {name}]", True),
        ("Stolen from the shed. (Photo by {name}, 12 Acacia Avenue, Ashford)", False),
    ],
    ids=[
        "byline",
        "byline with its date",
        "a resident's address",
        "a phone",
        "a house",
        "a photo's credit",
        "photos' credit line",
        "an image's credit",
        "a credit with a house",
    ],
)
def test_a_byline_gives_no_home_address(line: str, public: bool) -> None:
    text = "Incident log\nTheft of a bicycle from a garden shed.\n" + line.format(name=NAME) + "\n"
    verdict = scan(text.encode(), "log.txt")
    people = [f for f in verdict.findings if f.entity == "PERSON"]
    assert people and all(f.public_role for f in people) is public


@pytest.mark.parametrize(("heading", "public"), [("Authors", True), ("Contents", False)])
def test_a_report_s_first_author_under_its_authors_heading_is_named_in_their_work(
    heading: str, public: bool
) -> None:
    text = (
        f"Ecological Evaluation\n{heading}\n{NAME} BSc MCIEEM\n"
        "Greys Farm, Therfield Road, Royston SG8 9NW\nPhone: 01763 245900\n"
    )
    verdict = scan(text.encode(), "report.txt")
    assert (verdict.severity in ("none", "low")) is public


CLUB_LETTER = (
    "5-A-SIDE TOURNAMENT\nThank you for entering our tournament at the Elm Farm ground.\n"
    "If you have any further questions, please don't hesitate to\ncall me on 07911 123456.\n"
    "{signed}"
)


@pytest.mark.parametrize(
    ("signed", "work"),
    [
        ("{name}\nFeering Falcons Y.F.C.\n", True),
        ("{name}\nAshford Town AFC\n", True),
        ("{name}\nHamble Bowls Club\n", True),
        ("{name}\n", False),
        ("{name}\nSt Mary's Primary School\n", False),
        ("{name}\nFeering Falcons Y.F.C.\nPS: the car park opens at 8am, so please arrive early.\n",
         False),
    ],
    ids=[
        "over the club's initials",
        "over a football club's name",
        "over a club's name",
        "over nothing",
        "a pupil over her school's name",
        "with more of the letter after it",
    ],
)  # fmt: skip
def test_a_letter_signed_at_its_end_over_a_club_s_name_gives_the_club_s_contact(
    signed: str, work: bool
) -> None:
    """An organiser's letter for a club's event, signed at its end with the name over the
    club's: the number it gives is the club's contact for the event. Without the club's
    line, or with more of the letter after the name (not a sign-off), the name and the
    mobile still count."""
    verdict = scan(CLUB_LETTER.format(signed=signed.format(name=NAME)).encode(), "letter.txt")
    assert (verdict.severity in ("none", "low")) is work, verdict.severity


RUN_ON = "Jonathan Ashdown"
"""An invented name the model runs on into the lines after it in the layouts below."""


@pytest.mark.parametrize(
    ("layout", "work"),
    [
        ("{name}\nClinical Scientist\nAuthorised By:\nReported By:\n{name}\nClinical Scientist\n"
         "Page 1 of 2\n", True),
        ("Reported By:\n{name}\nClinical Scientist\nPage 1 of 2\n", True),
        ("{name}\nAuthorised By:\nReported By:\n{name}\nPage 1 of 2\n", False),
    ],
    ids=["the name before the labels too", "the page's footer after the post", "no post"],
)  # fmt: skip
def test_a_signer_whose_name_runs_on_into_the_next_lines_is_still_the_signer(
    layout: str, work: bool
) -> None:
    """A laboratory report laid out in columns gives its sign-off's names and labels out of
    order, and the name may run on into the post and the page's footer: the name itself is
    under the label, so the signer is named in their work, and so is the same name above."""
    text = (
        "Genomics Laboratory Report\nForename: TEST Surname: TEST DoB: 21/03/1999\n"
        "To investigate the cause of this individual’s phenotype (see Appendix I overleaf).\n"
        "Result and Interpretation\n" + layout.format(name=RUN_ON)
    )
    verdict = scan(text.encode(), "report.txt")
    names = [f for f in verdict.findings if f.entity == "PERSON" and not f.public_role]
    assert (not names) is work, names
