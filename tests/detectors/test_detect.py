from __future__ import annotations

from collections.abc import Sequence

import pytest

from detectors.detect import Detector, Evidence, ProseFinder
from detectors.model import Table, Text, Vector
from detectors.prose import Match

STAFF_HEADER = ("Surname", "Initial", "Rank", "Department", "Service Number")
STAFF = [
    ("SMITH", "J", "Constable", "Operations", "10001"),
    ("JONES", "A", "Sergeant", "Custody", "10002"),
    ("WILSON", "M", "Inspector", "Operations", "10003"),
    ("SMITH", "J", "Constable", "Roads Policing", "10004"),
    ("Grand Total", "", "", "", ""),
]


def no_prose(texts: Sequence[str]) -> list[list[Match]]:
    return [[] for _ in texts]


def _run(
    *items: Text | Table,
    allow: frozenset[str] = frozenset(),
    embedded: str | None = None,
    find: ProseFinder = no_prose,
) -> Evidence:
    detector = Detector(allow_list=allow, find=find)
    for item in items:
        detector.feed(item, embedded_in=embedded)
    return detector.finish()


def _staff(vector: Vector, where: str = "sheet 'Raw'") -> Table:
    return Table(where, vector, STAFF_HEADER, iter(STAFF))


def test_hidden_staff_list_findings_people_and_kind() -> None:
    evidence = _run(_staff(Vector.HIDDEN_SHEET))
    by_entity = {f.entity: f for f in evidence.findings}
    assert by_entity["PERSON"].count == 4  # the total row is not a person
    assert by_entity["PERSON"].example == "S**** *"
    assert by_entity["POLICE_IDENTIFIER"].count == 4
    assert by_entity["PERSON"].where == "sheet 'Raw', columns 'Surname', 'Initial'"
    assert evidence.people == 4  # two "SMITH J" with different service numbers
    assert evidence.kinds == ("staff_list",)


def test_same_staff_in_sheet_and_pivot_cache_count_once() -> None:
    cache = Table("pivot cache 1", Vector.PIVOT_CACHE, STAFF_HEADER[:3], iter(s[:3] for s in STAFF))
    evidence = _run(_staff(Vector.HIDDEN_SHEET), cache)
    assert evidence.people == 4
    assert {f.vector for f in evidence.findings} == {Vector.HIDDEN_SHEET, Vector.PIVOT_CACHE}


def test_embedded_findings_keep_their_inner_vector() -> None:
    evidence = _run(_staff(Vector.CELL), embedded="word/embeddings/a.xlsx › ")
    finding = evidence.findings[0]
    assert finding.vector is Vector.EMBEDDED_FILE
    assert finding.inner_vector is Vector.CELL
    assert finding.where.startswith("word/embeddings/a.xlsx › sheet 'Raw'")


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (("Month", "Burglary", "Robbery"), [("April", "12", "*"), ("May", "<5", "7")]),
        (("Area", "Count"), [("Norwich", "120"), ("Breckland", "88"), ("Total", "208")]),
        (("Rank", "Headcount"), [("Constable", "900"), ("Sergeant", "120")]),
        (("Station", "Telephone"), [("Bethel Street", "101"), ("Carlisle", "101")]),
        (("Name", "Email"), [("FOI Team", "foi@norfolk.police.uk")]),
    ],
)
def test_statistics_and_public_contacts_give_nothing(
    header: tuple[str, ...], rows: list[tuple[str, ...]]
) -> None:
    evidence = _run(Table("sheet 'Data'", Vector.CELL, header, iter(rows)))
    assert evidence.findings == ()
    assert evidence.people == 0


def test_allow_listed_senior_officers_are_not_reported() -> None:
    rows = [
        ("Simon Bailey", "Chief Constable", "simon.bailey@norfolk.police.uk"),
        ("Sarah Jones", "Constable", "sarah.jones@norfolk.police.uk"),
    ]
    table = Table("sheet 'Team'", Vector.CELL, ("Name", "Rank", "Email"), iter(rows))
    evidence = _run(table, allow=frozenset({"Chief Constable Simon Bailey"}))
    assert {f.entity: f.count for f in evidence.findings} == {"PERSON": 1, "EMAIL_ADDRESS": 1}
    assert evidence.people == 1


def test_case_records_carry_special_categories() -> None:
    header = ("Crime Reference", "Offence", "Victim name", "Age")
    rows = [
        ("36/12345/21", "Sexual assault on a female", "Jane Brown", "15"),
        ("36/12346/21", "Assault - domestic", "Mary Smith", "34"),
    ]
    evidence = _run(Table("pivot cache 1", Vector.PIVOT_CACHE, header, iter(rows)))
    assert evidence.kinds == ("case_records",)
    assert set(evidence.special_categories) == {"sexual_offence", "domestic_abuse", "child"}


def test_metadata_author_is_read_by_the_gazetteer() -> None:
    evidence = _run(
        Text("Smith, John", Vector.METADATA, "docProps/core.xml dc:creator"),
        Text("Crime statistics", Vector.METADATA, "docProps/core.xml dc:title"),
    )
    assert [(f.entity, f.example) for f in evidence.findings] == [("PERSON", "S****, J***")]
    assert [e.source for e in evidence.exposures] == ["metadata"]


def test_prose_matches_are_judged() -> None:
    text = (
        "Victim Jane Brown reported domestic abuse by her partner John Smith. "
        "Write to foi@norfolk.police.uk or call 101."
    )

    def find(texts: Sequence[str]) -> list[list[Match]]:
        spans = [
            ("PERSON", "Victim Jane Brown"),
            ("PERSON", "John Smith"),
            ("EMAIL_ADDRESS", "foi@norfolk.police.uk"),
        ]
        return [[Match(e, t.index(s), t.index(s) + len(s), 0.85) for e, s in spans] for t in texts]

    evidence = _run(Text(text, Vector.COMMENT, "comment 1"), find=find)
    assert {f.entity: f.count for f in evidence.findings} == {"PERSON": 2}
    assert evidence.people == 2
    assert evidence.special_categories == ("domestic_abuse",)


@pytest.mark.parametrize(("with_pay", "severity"), [(True, "critical"), (False, "high")])
def test_a_visible_pay_list_of_many_staff_is_critical(with_pay: bool, severity: str) -> None:
    from faker import Faker

    from detectors.scan import scan

    fake = Faker("en_GB")
    fake.seed_instance(11)
    header = "Name,Rank,Department" + (",Salary" if with_pay else "")
    rows = [
        f"{fake.first_name()} {fake.last_name()},Constable,Response"
        + (f",£{31000 + i * 7}" if with_pay else "")
        for i in range(120)
    ]
    verdict = scan(("\n".join([header, *rows]) + "\n").encode(), "pay.csv")
    assert "staff_list" in verdict.kinds
    assert str(verdict.severity) == severity


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Patient NHS number 444 553 5435 was referred.", True),
        ("NHS no. 4445535435.", True),
        ('<cust clsId="DimensionOid">4445535435-45-4E41---</cust>', False),
        ("object 4445535435/AB12 in the catalogue", False),
        ("build x4445535435 of the tool", False),
    ],
)
def test_an_identifier_inside_a_longer_code_is_not_reported(text: str, reported: bool) -> None:
    from detectors.scan import scan

    verdict = scan(text.encode(), "note.txt")
    assert any(f.entity == "UK_NHS" for f in verdict.findings) is reported


def _workbook(header: list[str], rows: list[list[str]]) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _people(count: int) -> list[str]:
    from faker import Faker

    fake = Faker("en_GB")
    fake.seed_instance(11)
    return [f"{fake.first_name()} {fake.last_name()}" for _ in range(count)]


@pytest.mark.parametrize(
    ("offence", "severity", "categories"),
    [
        ("Theft", "high", ()),
        ("Domestic abuse", "critical", ("domestic_abuse",)),
    ],
)
def test_victims_named_in_a_notes_column_are_case_records(
    offence: str, severity: str, categories: tuple[str, ...]
) -> None:
    from detectors.scan import scan

    names = _people(40)
    rows = [
        [f"{5000 + n}", offence, f"Victim {name} reported it to the front desk on Monday."]
        for n, name in enumerate(names)
    ]
    verdict = scan(_workbook(["Ref", "Offence", "Notes"], rows), "reply.xlsx")
    assert verdict.kinds == ("case_records",)
    assert verdict.severity == severity
    assert verdict.special_categories == categories
    assert verdict.people >= 36
    assert all(name not in repr(verdict) for name in names)


@pytest.mark.parametrize(
    ("note", "severity"),
    [
        ("Meeting with {name} about the budget next year.", "low"),  # names alone
        ("Meeting with {name} (07812 34{n:04d}) about the budget.", "medium"),  # and phones
    ],
)
def test_notes_without_case_columns_count_people_but_are_not_case_records(
    note: str, severity: str
) -> None:
    from detectors.scan import scan

    rows = [[f"{n}", note.format(name=name, n=n)] for n, name in enumerate(_people(30))]
    verdict = scan(_workbook(["Item", "Comments"], rows), "minutes.xlsx")
    assert verdict.kinds == ()
    assert verdict.people >= 27
    assert verdict.severity == severity


def test_a_description_column_without_names_stays_clean() -> None:
    from detectors.scan import scan

    rows = [["Theft", "Theft of a pedal cycle from outside a shop in the town", str(n)]
            for n in range(40)]  # fmt: skip
    verdict = scan(_workbook(["Offence", "Description", "Count"], rows), "stats.xlsx")
    assert verdict.severity == "none" and verdict.people == 0


def test_only_columns_of_sentences_or_notes_headers_are_read_as_notes() -> None:
    from detectors.columns import judge_column
    from detectors.table_kinds import notes_columns

    headers = ["Product", "What happened", "Details"]
    sample = [
        ("Rice long grain 1 kg", "The caller reported a stolen bicycle outside the shop", "x")
        for _ in range(10)
    ]
    types = [judge_column(h, [row[i] for row in sample]) for i, h in enumerate(headers)]
    assert notes_columns(headers, types, sample) == frozenset({1, 2})
    # A long address is no sentence: the names in it are of buildings and hamlets.
    addresses = [("Sheep Pens, Crabtree Hall Business Centre, Little Holtby, Northallerton",)] * 10
    judged = [judge_column("Address", [row[0] for row in addresses])]
    assert notes_columns(["Address"], judged, addresses) == frozenset()
