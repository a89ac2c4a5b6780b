from __future__ import annotations

import io
import json
import zipfile

import pytest

from crawler.demo.builders.docx import build_docx, paragraph
from crawler.demo.builders.legacy import compound_file
from crawler.demo.builders.pdf import Line, Page, build_pdf
from crawler.demo.builders.xlsx import SheetSpec, add_parts, build_pivot_workbook, build_xlsx
from detectors.scan import scan
from detectors.serialize import verdict_json
from detectors.shown import redact_reason, shown_name

# Structure names a hostile or careless author gives a document: each is a person.
SHEET, HIDDEN, FIELD, MEMBER, AUTHOR = (
    "Margaret Thornton",
    "Tobias Greenhalgh",
    "Ottoline Pargeter",
    "Philippa Quenby-Arkwright",
    "Bartholomew Fennimore",
)
PEOPLE = [
    ["Gwendolyn Marchbanks", "Sergeant", "Northgate"],
    ["David Holloway", "Constable", "Riverside"],
    ["Susan Whitfield", "Inspector", "Northgate"],
    ["Peter Ashworth", "Constable", "Eastfield"],
]
RAW = (SHEET, HIDDEN, FIELD, MEMBER, AUTHOR, *(row[0] for row in PEOPLE))
FRAGMENTS = tuple(word for name in RAW for word in name.replace("-", " ").split()) + RAW


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _corrupt_member(name: str) -> bytes:
    data = bytearray(_zip({name: b"Name,Rank\n" + b"Some One,PC\n" * 50}))
    start = data.find(b"Some One")  # stored compressed: flip bytes after the local header
    start = 30 + len(name.encode()) + 5 if start == -1 else start
    data[start : start + 8] = b"\xff" * 8
    return bytes(data)


def _workbook() -> bytes:
    return build_xlsx(
        [
            SheetSpec(SHEET, PEOPLE),  # no header row: the first row is a person
            SheetSpec(HIDDEN, [["Name", "Rank"], *(row[:2] for row in PEOPLE)], state="hidden"),
        ],
        author=AUTHOR,
        defined_names={FIELD.replace(" ", "_"): f"'{HIDDEN}'!$A$1:$A$5"},
    )


def _documents() -> dict[str, bytes]:
    workbook = _workbook()
    people = [[row[0], row[1]] for row in PEOPLE]
    bad_xml = add_parts(
        workbook,
        {"xl/worksheets/sheet1.xml": ("application/xml", f"<{FIELD.split()[1]}><Thornton>")},
    )
    return {
        "sheets.xlsx": workbook,
        "pivot.xlsx": build_pivot_workbook(
            [FIELD, "Rank"], people, row_field="Rank", data_field=FIELD
        ),
        "bundle.zip": _zip(
            {
                f"statements/{MEMBER}.csv": b"Name,Rank\n"
                + b"\n".join(",".join(row[:2]).encode() for row in PEOPLE),
                f"{HIDDEN}/{SHEET}.xlsx": workbook,
            }
        ),
        "corrupt.zip": _corrupt_member(f"{MEMBER}.csv"),
        "bad.xlsx": bad_xml,
        "note.docx": build_docx(
            [paragraph("Reply attached.")],
            comments=[(AUTHOR, "check before release")],
            people=[HIDDEN],
            embeddings={f"{FIELD}.xlsx": workbook},
        ),
        "form.pdf": build_pdf(
            [Page((Line("Reply attached."),))],
            fields={SHEET: "yes", HIDDEN: FIELD},
            attachments={
                f"{MEMBER}.csv": b"Name,Rank\nDavid Holloway,PC\n",
                f"{AUTHOR}.xlsx": workbook,
            },
        ),
        "broken.xls": compound_file({"Workbook": f"{SHEET} {HIDDEN}".encode() * 20}),
    }


@pytest.mark.parametrize(("name", "data"), list(_documents().items()))
def test_no_raw_value_reaches_the_scan_json(name: str, data: bytes) -> None:
    verdict = scan(data, name)
    text = json.dumps(verdict_json(verdict), ensure_ascii=False).casefold()
    assert [raw for raw in FRAGMENTS if raw.casefold() in text] == []


def test_hidden_sheet_named_after_a_person_is_still_reported() -> None:
    verdict = scan(_workbook(), "sheets.xlsx")
    assert any(f.where.startswith("sheet 'T***** G*********'") for f in verdict.findings)


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("Raw", "Raw"),
        ("Raw data", "Raw data"),
        ("Victim name", "Victim name"),
        ("Cases by Ward", "Cases by Ward"),
        ("2021-22", "2021-22"),
        ("Sheet1", "Sheet1"),
        ("oleObject1.bin", "oleObject1.bin"),
        ("Tobias Greenhalgh", "T***** G*********"),
        ("Greenhalgh", "G*********"),
        ("SMITH, John", "S****, J***"),
        ("Zoë Ñúñez", "Z** Ñ****"),
        ("Statement - Jane Doe.pdf", "S******** - J*** D**.pdf"),
        ("j.doe@example.org", "*.d**@e******.org"),
        ("AB 12 34 56 C", "A* ** ** ** *"),
        ("07700 900123", "***** ******"),
        ("14/03/1971", "**/**/****"),
    ],
)
def test_shown_name_masks_what_could_be_personal(label: str, shown: str) -> None:
    assert shown_name(label) == shown


def test_reasons_lose_quoted_bytes_and_names() -> None:
    reason = redact_reason("member 'Jane Doe.csv' is corrupt: Expected BOF; found b'Tobias G'")
    assert reason == "member 'J*** D**.csv' is corrupt: Expected BOF; found b'…'"


APOSTROPHE = "Siobhan O'Rourke-Blackwood MJ998877C"


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("14 Acacia Avenue", "** A***** A*****"),
        ("Flat 2, 7 Mill Lane", "F*** *, * M*** L***"),
        (f"{APOSTROPHE}.txt", "S****** *'R*****-B******** M********.txt"),
        ("Burglary by ward", "Burglary by ward"),
    ],
)
def test_addresses_and_names_with_apostrophes_are_masked(label: str, shown: str) -> None:
    assert shown_name(label) == shown


@pytest.mark.parametrize(
    "reason",
    [
        f"member {APOSTROPHE + '.txt'!r} is password-protected",  # repr: in double quotes
        "member 'Siobhan O\\'Rourke-Blackwood MJ998877C.txt' says \"x\"",
    ],
)
def test_quoted_labels_with_apostrophes_are_masked_in_reasons(reason: str) -> None:
    shown = redact_reason(reason)
    assert "Siobhan" not in shown and "Rourke" not in shown and "998877" not in shown
    assert shown.startswith(('member "S******', "member 'S******"))


def test_a_member_named_with_an_apostrophe_never_reaches_the_scan_json() -> None:
    verdict = scan(_corrupt_member(f"{APOSTROPHE}.csv"), "bundle.zip")
    text = json.dumps(verdict_json(verdict), ensure_ascii=False)
    assert verdict.error or verdict.findings or verdict.hiding_places
    for fragment in ("Siobhan", "Rourke", "Blackwood", "MJ998877C", "998877"):
        assert fragment not in text


def test_a_sheet_named_after_a_street_address_is_masked() -> None:
    workbook = build_xlsx(
        [
            SheetSpec("Summary", [["Month", "Count"], ["April", "3"]]),
            SheetSpec("14 Acacia Avenue", [["Name", "Rank"], *(r[:2] for r in PEOPLE)], "hidden"),
        ]
    )
    verdict = scan(workbook, "reply.xlsx")
    text = json.dumps(verdict_json(verdict), ensure_ascii=False)
    assert "Acacia" not in text
    assert "'** A***** A*****'" in text
