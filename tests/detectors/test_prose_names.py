"""Gazetteer names in prose, title rows above a header, and court reports as public record."""

from __future__ import annotations

import pytest

from detectors.header_rows import header_below_title
from detectors.names import AllowList, looks_like_name, normal
from detectors.prose import Match
from detectors.prose_names import find_names
from detectors.prose_scan import ProseResult, scan_texts


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Victim Carly Edwards of 196 Dean Road should not", ["Carly Edwards"]),
        ("Fraser Sinclair, 95 Wright Street, TD7 1LP", ["Fraser Sinclair"]),
        ("Case 101: John Paul Jones of 12 High Street", ["John Paul Jones"]),
        ("Paid to Marshall Fleet Services and Smith & Sons Ltd", []),
        ("Officers based at Kings Lynn, Sheringham and Great Yarmouth", []),
        ("Flat 3, Graham Lane and 14 Albert Street", []),
        ("OPERATION SUMMARY FOR JOHN SMITH", []),
        ("Subject officer(s): DC 5678 Karen Walker", ["Karen Walker"]),  # a collar number
        ("Delivered to 5678 Karen Walker Drive", []),  # a house number
    ],
)
def test_names_the_model_missed_are_read_from_the_gazetteer(text: str, names: list[str]) -> None:
    assert [text[n.start : n.end] for n in find_names(text, [])] == names


def test_a_span_already_matched_is_not_found_twice() -> None:
    text = "Fraser Sinclair called."
    assert find_names(text, [(0, 15)]) == []


@pytest.mark.parametrize(
    "name", ["Łukasz Nowak", "Gethin Pugh-Noble", "Mohammed Ahmed", "Agnieszka Wiśniewska"]
)
def test_names_of_many_origins_are_known(name: str) -> None:
    assert looks_like_name(name)


def test_letters_without_a_decomposition_fold() -> None:
    assert normal("Łukasz") == "lukasz"


def test_the_header_under_a_title_row_is_found() -> None:
    header, rows = header_below_title(
        ("Nominal roll as at 31 March 2024",),
        [(), ("Officer", "Warrant No", "Rank"), ("Jane Smith", "1234", "PC")],
    )
    assert header == ("Officer", "Warrant No", "Rank")
    assert rows == [("Jane Smith", "1234", "PC")]


def test_a_headerless_list_is_left_alone() -> None:
    header, rows = header_below_title(("Jane Smith",), [("John Brown",), ("Ann Lee",)])
    assert header == ("Jane Smith",)
    assert len(rows) == 2


@pytest.mark.parametrize(
    ("text", "court"),
    [
        ("Carly Edwards, 34, was jailed at Norwich Crown Court for rape.", True),
        (
            "The victim, Carly Edwards, gave evidence at Norwich Crown Court in the rape trial.",
            False,
        ),
        ("Carly Edwards reported a sexual assault in March.", False),
    ],
)
def test_court_reporting_is_told_apart_from_a_named_victim(text: str, court: bool) -> None:
    result = _judged(text, "Carly Edwards")
    assert result.court_report is court
    assert result.categories  # the category is still read; the caller decides what it means


@pytest.mark.parametrize(
    ("text", "span", "named"),
    [
        ("Victim / Alleged Victim Race (Legacy)_Black 0.018482", "Victim Race", False),
        ("The victim was hurt. Victim Jane Brown, 34, was taken home.", "Victim Jane Brown", True),
        ("Mr Race was taken home.", "Mr Race", True),
    ],
)
def test_a_field_left_alone_after_a_label_is_no_ones_name(
    text: str, span: str, named: bool
) -> None:
    """A notebook's feature name "Victim Race" is a field once the label "Victim" is dropped,
    not a person called Race; after a title or rank the same word is a surname."""
    result = _judged(text, span)
    assert bool([h for h in result.hits if h.entity == "PERSON"]) is named


def _judged(text: str, span: str) -> ProseResult:
    """`text` judged as if the model had tagged `span` in it as a person."""
    start = text.index(span)

    def find(texts: object) -> list[list[Match]]:
        return [[Match("PERSON", start, start + len(span), 0.85)]]

    (result,) = scan_texts([text], find, AllowList())
    return result
