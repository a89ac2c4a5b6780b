"""A campus police log's buildings, car parks and streets named after people: "Drew Hall",
"C.B. Powell Bldg.", "4th Howard Pl.", each followed by the case's status."""

from __future__ import annotations

import pytest

from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Severity, Text, Vector
from detectors.places import site_names, without_status
from tests.detectors._severity import ORDER, L, M

_LOG_LINES = [
    ("Sick Person", "Carver Hall"),
    ("Theft II", "Locke Hall"),
    ("Unlawful Entry", "Cook Hall"),
    ("Sexual Abuse", "Drew Hall"),
    ("Sick Transport", "Douglass Hall"),
    ("Miscellaneous", "4th Howard Pl."),
    ("Theft from Auto", "9th & Barry St."),
    ("Burglary II", "C.B. Powell Bldg."),
    ("Injured Person", "Drew Hall"),
]


def _log(extra: str = "", halls: int = len(_LOG_LINES)) -> str:
    lines = [
        f"{offence} 13-{n:04d} 01-2{n % 10}-13/1930 {where} {'Active' if n % 2 else 'Inactive'}"
        for n, (offence, where) in enumerate(_LOG_LINES[:halls])
    ]
    return "DAILY CRIME LOG\nNature Case # Reported Occurred Location Status\n" + "\n".join(
        [*lines, extra] if extra else lines
    )


def _severity(text: str) -> tuple[Severity, int]:
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 1"))
    evidence = detector.finish()
    return assess(evidence, ()).severity, evidence.people


def test_a_log_of_places_named_after_people_names_no_one() -> None:
    severity, people = _severity(_log())
    assert people == 0
    assert ORDER.index(severity) <= ORDER.index(L)


def test_a_person_in_the_same_log_still_counts() -> None:
    extra = "Assault 13-0099 01-29-13/2145 Slowe Hall Active victim Margaret Whitfield, aged 19"
    severity, people = _severity(_log(extra))
    assert people >= 1
    assert ORDER.index(severity) >= ORDER.index(M)


@pytest.mark.parametrize(
    ("text", "heads", "not_heads"),
    [
        (
            "Carver Hall; Locke Hall; Cook Hall; Drew Hall Inactive",
            {"carver hall", "drew hall"},
            set(),
        ),
        ("Carver Hall; Slowe Hall; Locke Hall; Drew Hall", {"drew hall"}, set()),
        # Two buildings named after surnames are not yet a campus.
        ("Carver Hall; Locke Hall; Drew Hall", set(), {"drew hall"}),
        ("Carver Hall; Slowe Hall; Quadrangle Hall; Drew Hall", set(), {"drew hall"}),
        # A parish's halls are named for what they are, not after people.
        (
            "Cllr Tom Hall opened the Village Hall, the Town Hall, the Church Hall and Corn Hall.",
            set(),
            {"tom hall"},
        ),
        ("Rowe House, Birch House, Cook House and Drew House", {"drew house"}, set()),
        # Forenames before most of them: people named Hall, not buildings.
        (
            "Carver Hall; Locke Hall; Cook Hall; Jane Hall, Tom Hall, Amy Hall and Ian Hall",
            set(),
            {"jane hall", "cook hall"},
        ),
    ],
)
def test_the_buildings_a_text_names_after_surnames(
    text: str, heads: set[str], not_heads: set[str]
) -> None:
    found = site_names(text)
    assert heads <= found
    assert not (not_heads & found)


@pytest.mark.parametrize(
    ("key", "head"),
    [
        ("drew hall inactive", "drew hall"),
        ("drew hall active", "drew hall"),
        ("drew hall", "drew hall"),
        ("active", "active"),
        ("jane smith", "jane smith"),
    ],
)
def test_a_status_after_a_place_is_not_part_of_its_name(key: str, head: str) -> None:
    assert without_status(key) == head
