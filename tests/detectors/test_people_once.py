"""A person is counted once per document, whichever parts repeat them; findings per part."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

import pytest

from crawler.demo.builders.xlsx import build_pivot_workbook
from detectors.detect import Detector, Evidence
from detectors.gather import MANY_PLACES
from detectors.model import Table, Text, Vector
from detectors.names import looks_like_name
from detectors.people import count_people
from detectors.prose import Match
from detectors.row_people import PersonKeys, identity
from detectors.scan import scan
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


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _with_leftover_strings(data: bytes, strings: list[str]) -> bytes:
    """The workbook with a shared string table that no cell uses, as LibreOffice leaves the
    values of a deleted source sheet beside its pivot cache."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            body = source.read(name).decode()
            if name == "xl/_rels/workbook.xml.rels":
                link = f'<Relationship Id="rIdSS" Type="{_REL}" Target="sharedStrings.xml"/>'
                body = body.replace("</Relationships>", link + "</Relationships>")
            elif name == "[Content_Types].xml":
                part = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPE}"/>'
                body = body.replace("</Types>", part + "</Types>")
            target.writestr(name, body)
        items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
        target.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{items}</sst>',
        )
    return out.getvalue()


def test_a_pivot_cache_and_the_deleted_sheets_strings_count_victims_once() -> None:
    rows = _victims(150)
    data = build_pivot_workbook(HEADER, rows, row_field="Offence", data_field="Victim name")
    data = _with_leftover_strings(data, [value for row in rows for value in row[:2]])
    verdict = scan(data, "reply.xlsx")
    assert verdict.people == len(rows)
    leftovers = [f for f in verdict.findings if f.vector is Vector.PRIOR_REVISION]
    assert [(f.entity, f.count) for f in leftovers] == [("PERSON", len(rows))]


@pytest.mark.parametrize(
    ("named", "numbers", "people"),
    [(120, 120, 120), (1, 50, 50), (30, 5, 30), (0, 8, 8), (12, 0, 12)],
    ids=["names hidden beside their numbers", "one contact", "few numbers", "numbers", "names"],
)
def test_people_known_only_by_a_number_count_beyond_the_named_ones(
    named: int, numbers: int, people: int
) -> None:
    keys = [PersonKeys(None, identity("full", f"p{n}"), identity("short", f"p{n}"), 1)
            for n in range(named)]  # fmt: skip
    keys += [PersonKeys(identity("id", str(9000 + n)), None, None, 2) for n in range(numbers)]
    assert count_people(keys) == people
