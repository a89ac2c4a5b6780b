"""A person is counted once per document, whichever parts repeat them; findings per part."""

from __future__ import annotations

from collections.abc import Sequence

from detectors.detect import MANY_PLACES, Detector, Evidence
from detectors.model import Table, Text, Vector
from detectors.names import looks_like_name
from detectors.prose import Match
from tests.holdout.people import Cast

HEADER = ("Victim name", "Date of birth", "Offence")


def no_prose(texts: Sequence[str]) -> list[list[Match]]:
    return [[] for _ in texts]


def _victims(size: int) -> list[tuple[str, str, str]]:
    """Victims whose names the gazetteer knows in full, so that each alone reads as a name."""
    cast = Cast(31)
    people = [p for p in cast.people(size * 2) if looks_like_name(f"{p.forename} {p.surname}")]
    return [(f"{p.forename} {p.surname}", cast.dob(), "Burglary") for p in people[:size]]


def _run(*items: Text | Table) -> Evidence:
    detector = Detector(find=no_prose)
    for item in items:
        detector.feed(item)
    return detector.finish()


def test_a_sheet_its_pivot_cache_and_leftover_strings_count_each_victim_once() -> None:
    rows = _victims(120)
    sheet = Table("sheet 'Raw'", Vector.HIDDEN_SHEET, HEADER, iter(rows))
    # The cache kept no date of birth field; the deleted sheet's names stayed as strings.
    cache = Table(
        "pivot cache 1",
        Vector.PIVOT_CACHE,
        ("Victim name", "Offence"),
        ((r[0], r[2]) for r in rows),
    )
    strings = [
        Text(name, Vector.PRIOR_REVISION, f"shared string {i + 1} (used by no cell)")
        for i, (name, _, _) in enumerate(rows)
    ]
    evidence = _run(sheet, cache, *strings)
    assert evidence.people == len({r[0] for r in rows})


def test_two_people_with_one_name_and_different_births_are_two() -> None:
    rows = [("John Smith", "01/02/1980", "Theft"), ("John Smith", "03/04/1990", "Theft")]
    rows += _victims(5)
    sheet = Table("sheet 'Raw'", Vector.HIDDEN_SHEET, HEADER, iter(rows))
    evidence = _run(sheet, Text("John Smith", Vector.COMMENT, "comment 1"))
    assert evidence.people == 7


def test_many_tiny_texts_of_one_part_give_one_finding_per_entity() -> None:
    rows = _victims(300)
    strings = [
        Text(name, Vector.PRIOR_REVISION, f"shared string {i + 1} (used by no cell)")
        for i, (name, _, _) in enumerate(rows)
    ]
    evidence = _run(*strings)
    person = [f for f in evidence.findings if f.entity == "PERSON"]
    assert len(person) == 1
    assert person[0].count == evidence.people == len({r[0] for r in rows})
    assert person[0].where.startswith("shared string 1 (used by no cell) and ")
    assert 1 < len(person[0].example.split(", ")) <= 3
    assert all("*" in example for example in person[0].example.split(", "))


def test_a_few_places_keep_their_own_findings() -> None:
    strings = [
        Text(name, Vector.COMMENT, f"comment {i + 1}")
        for i, (name, _, _) in enumerate(_victims(MANY_PLACES))
    ]
    evidence = _run(*strings)
    assert len([f for f in evidence.findings if f.entity == "PERSON"]) == MANY_PLACES
