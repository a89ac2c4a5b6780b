"""Words in a person's name's shape that name no one: an instrument's acronym after a
forename ("Maxwell RSC"), beside a person's name of the same shape that stays a name."""

from __future__ import annotations

import pytest

from detectors.detect import Detector
from detectors.model import Text, Vector


def _people(text: str) -> list[str]:
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 2"))
    return [f.example for f in detector.finish().findings if f.entity == "PERSON"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("RNA extraction: Maxwell RSC simplyRNA for samples extracted on site.", False),
        ("The claim was passed to Graham DWP for a decision last week.", False),
        ("RNA extraction was checked by Maxwell Rees for samples on site.", True),
        ("The claim was passed to Graham WYNN for a decision last week.", True),
    ],
    ids=["instrument", "department", "surname", "capital-surname"],
)
def test_an_acronym_after_a_forename_is_no_surname(text: str, named: bool) -> None:
    assert bool(_people(text)) is named
