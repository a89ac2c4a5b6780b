"""A legislature's official report of its debates names its members, ministers and the people
they speak of in public, said in the house and published by it. The same speeches with no
report's heading, a letter citing Hansard, the report's words in a comment, and a member of
the public given with a home address in the report still count."""

from __future__ import annotations

import pytest

from detectors.assess import assess
from detectors.debates import is_debate_record
from detectors.detect import Detector
from detectors.evidence import Evidence
from detectors.model import Severity, Structure, Text, Vector
from tests.detectors._tables import fake_names

SENATOR, MINISTER, CONSTITUENT = fake_names(3, seed=131)
HEADS = {
    "seanad": "PARLIAMENTARY DEBATES\nSEANAD ÉIREANN\n(OFFICIAL REPORT—Unrevised)\n",
    "commons": "House of Commons\nVolume 701\nMonday 3 May 2024\nPARLIAMENTARY DEBATES\n"
    "(HANSARD)\n",
    "holyrood": "Meeting of the Parliament\nThursday 9 May 2024\nOfficial Report\n"
    "Scottish Parliament\n",
    "none": "Notes of a discussion\n",
    "cited": "Dear Ms Brown,\nAs the Minister said in the House of Commons (Official Report, "
    "3 May 2024), the review will report in June.\n",
}
SPEECHES = (
    "Senator {senator}: I thank the Minister for coming in. Families in my area are at a "
    "complete loss: {constituent} told me her son, who has mental health needs, has no school "
    "place for September.\n"
    "{minister}: I thank the Senator. I will raise the case with the Department of Health.\n"
)


def _evidence(head: str, vector: Vector = Vector.PAGE_TEXT, home: str = "") -> Evidence:
    detector = Detector()
    detector.feed(Text(HEADS[head], Vector.PAGE_TEXT, "page 1"))
    body = SPEECHES.format(senator=SENATOR, minister=MINISTER, constituent=CONSTITUENT + home)
    detector.feed(Text(body, vector, "page 2" if vector is Vector.PAGE_TEXT else "comment 1"))
    return detector.finish()


@pytest.mark.parametrize(
    ("head", "vector", "home", "public", "severity"),
    [
        ("seanad", Vector.PAGE_TEXT, "", True, "low"),
        ("commons", Vector.PAGE_TEXT, "", True, "low"),
        ("holyrood", Vector.PAGE_TEXT, "", True, "low"),
        ("none", Vector.PAGE_TEXT, "", False, "low"),
        ("cited", Vector.PAGE_TEXT, "", False, "low"),
        ("seanad", Vector.COMMENT, "", False, "medium"),
        ("seanad", Vector.PAGE_TEXT, " of 12 Acacia Avenue, Ashford TN23 1AB", False, "medium"),
    ],
    ids=[
        "the Seanad's official report",
        "Hansard",
        "the Scottish Parliament's official report",
        "the same speeches with no heading",
        "a letter citing Hansard",
        "the report's words in a comment",
        "a constituent given with her home address",
    ],
)
def test_an_official_report_of_debates_names_its_people_in_public(
    head: str, vector: Vector, home: str, public: bool, severity: str
) -> None:
    """The constituent a member speaks of, and her son's health, are said in the house: in
    its report she is named in public. Elsewhere she is a private person (low: one name and
    a category), in a comment or with her home address medium at least."""
    evidence = _evidence(head, vector, home)
    people = [f for f in evidence.findings if f.entity == "PERSON"]
    assert sum(f.count for f in people) >= 3
    assert all(f.public_role for f in people) is public
    hidden = (Structure(vector, "comments"),) if vector.hidden else ()
    rated = assess(evidence, hidden).severity
    assert (rated == Severity(severity)) if public else rated.rank >= Severity(severity).rank


@pytest.mark.parametrize(
    ("text", "record"),
    [
        (HEADS["seanad"], True),
        (HEADS["commons"], True),
        ("Record of Proceedings\nWelsh Parliament\nPlenary\n", True),
        ("Congressional Record\nProceedings and debates of the 118th Congress\n", True),
        (HEADS["cited"], False),
        ("OFFICIAL REPORT\nAnnual accounts of the Sports Club\n", False),
        ("\n" * 2_100 + HEADS["commons"], False),
    ],
    ids=[
        "the Seanad",
        "the Commons",
        "the Senedd",
        "Congress",
        "a citation in a letter",
        "a club's official report",
        "far down a text",
    ],
)
def test_a_debate_record_is_told_by_its_title_and_house_at_its_head(
    text: str, record: bool
) -> None:
    assert is_debate_record(text) is record
