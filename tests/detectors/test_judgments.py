"""A judgment handed down for publication names its parties and witnesses in public: its
front page carries the neutral citation. The same account of an offence without that label,
a case merely cited in a letter, or a judgment's words in a comment still count."""

from __future__ import annotations

import pytest

from detectors.assess import assess
from detectors.detect import Detector
from detectors.judgments import is_judgment
from detectors.model import Severity, Structure, Text, Vector

HEAD = (
    "{label}\nCase No: 2023/2/YOR\nIN THE HIGH COURT OF JUSTICE\nKING'S BENCH DIVISION\n"
    "Date: 9 July 2024\nBefore: MR JUSTICE GARNHAM\nIN THE MATTER OF\nDarren Hollis\nApplicant\n"
)
BODY = (
    "1. In the early hours of 21 September 2013 the applicant, Darren Hollis, then aged 16, "
    "stabbed the victim, Kevin Marsh, in the back. A witness, Paul Fenwick, saw the attack. "
    "The applicant was convicted of murder and sentenced to detention."
)


def _severity(label: str, vector: Vector = Vector.PAGE_TEXT) -> Severity:
    detector = Detector()
    detector.feed(Text(HEAD.format(label=label), Vector.PAGE_TEXT, "paragraph 1"))
    detector.feed(Text(BODY, vector, "paragraph 16" if vector is Vector.PAGE_TEXT else "comment 1"))
    hidden = (Structure(vector, "comments"),) if vector.hidden else ()
    return assess(detector.finish(), hidden).severity


@pytest.mark.parametrize(
    ("label", "vector", "least", "most"),
    [
        ("Neutral Citation Number: [2024] EWHC 1680 (KB)", Vector.PAGE_TEXT, "low", "low"),
        ("Neutral Citation: [2024] UKFTT 001059 (TC)", Vector.PAGE_TEXT, "low", "low"),
        ("Neutral citation number:\n[2023] EWCA Crim 118", Vector.PAGE_TEXT, "low", "low"),
        ("Incident log, Sheffield district", Vector.PAGE_TEXT, "high", "critical"),
        ("Neutral Citation Number: [2024] EWHC 1680 (KB)", Vector.COMMENT, "high", "critical"),
    ],
    ids=[
        "a High Court judgment",
        "a tribunal's decision",
        "the citation on the next line",
        "the same account with no citation",
        "its words in a comment",
    ],
)
def test_a_published_judgment_names_its_people_in_public(
    label: str, vector: Vector, least: str, most: str
) -> None:
    severity = _severity(label, vector)
    assert Severity(least).rank <= severity.rank <= Severity(most).rank, severity


@pytest.mark.parametrize(
    ("text", "judgment"),
    [
        ("Neutral Citation Number: [2024] EWHC 1680 (KB)\nCase No: 2023/2/YOR", True),
        ("As the court held in R v Smith [2019] EWCA Crim 1234, the duty applies.", False),
        ("Our reference: FOI 2024/118. Neutral citation is not yet assigned.", False),
        ("\n" * 2_100 + "Neutral Citation Number: [2024] EWHC 1680 (KB)", False),
    ],
    ids=["a front page", "a case cited", "the words alone", "far down a text"],
)
def test_only_a_neutral_citation_s_label_and_number_make_a_judgment(
    text: str, judgment: bool
) -> None:
    assert is_judgment(text) is judgment


def test_a_citation_quoted_in_an_appendix_makes_no_judgment() -> None:
    """An incident report that quotes a judgment's heading on its last page is no judgment:
    the people it names in its own account still count."""
    detector = Detector()
    detector.feed(Text(BODY, Vector.PAGE_TEXT, "paragraph 1"))
    for number in range(2, 16):
        detector.feed(Text("The log continues.", Vector.PAGE_TEXT, f"paragraph {number}"))
    quoted = HEAD.format(label="Neutral Citation Number: [2024] EWHC 1680 (KB)")
    detector.feed(Text(quoted, Vector.PAGE_TEXT, "paragraph 16"))
    assert assess(detector.finish(), ()).severity.rank >= Severity.HIGH.rank
