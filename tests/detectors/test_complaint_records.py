"""A complaint or conduct record names the officer it is about: that officer is a party to a
case, as a victim or a suspect is, and the record rates high. The same officer named as the
one who investigated, a reply that names no one, and a misconduct hearing's notice or outcome
(which forces publish by law) stay low. Each look-alike stands beside the record it resembles."""

from __future__ import annotations

import pytest

from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Text, Vector

HEAD = (
    "PROFESSIONAL STANDARDS DEPARTMENT\nCOMPLAINT RECORD\n"
    "Complaint reference: CO/00123/18        Date of incident: 18/08/2018\n"
)
SUMMARY = (
    "Allegation: Property\nSummary: The complainant says his watch was taken from him during "
    "his arrest and is now missing. It can be seen on body-worn video as he is handcuffed.\n"
    "Outcome: Service not acceptable. Reflective practice.\n"
)


def _severity(text: str) -> str:
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 1"))
    return assess(detector.finish(), ()).severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # the record of a complaint, naming the officer it is about
        (HEAD + "Officer subject to complaint: PC 1234 Ryan Atkinson\n" + SUMMARY, "high"),
        (HEAD + "Subject officer(s): DC 5678 Karen Walker\n" + SUMMARY, "high"),
        (
            HEAD + SUMMARY + "The allegation against PC Ryan Atkinson was not upheld "
            "after the footage was viewed.\n",
            "high",
        ),
        (HEAD + "Officer complained about: Sgt 2345 Martin Hughes\n" + SUMMARY, "high"),
        # the same record naming only the officer who investigated it
        (HEAD + "Investigating officer: DS 4521 Karen Walker\n" + SUMMARY, "low"),
        # a reply that says what happened to an officer without naming one
        (
            "Thank you for your request. The officer subject to the complaint received "
            "management advice. Karen Walker, Information Manager.",
            "low",
        ),
        # a misconduct hearing's notice, published on purpose, naming its officer
        (
            "Notice of misconduct hearing\nOfficer subject to the allegation: PC 1234 Ryan "
            "Atkinson\nIt is alleged that on 18 August 2018 the officer failed to secure "
            "property. The hearing will be held in public on 3 May 2019.\n",
            "low",
        ),
    ],
)
def test_the_officer_a_complaint_is_about_is_a_party_to_a_case(text: str, severity: str) -> None:
    assert _severity(text) == severity
