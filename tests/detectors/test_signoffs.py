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
