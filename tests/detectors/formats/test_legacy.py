from __future__ import annotations

import pytest
from _inspect_helpers import Inspector, found, texts
from faker import Faker

from crawler.demo.builders.legacy import build_doc, build_ppt, compound_file, encrypted_ooxml
from detectors.formats.legacy import inspect_doc, inspect_ppt
from detectors.model import Status, Vector
from detectors.scan import scan

fake = Faker("en_GB")
Faker.seed(31)
NAME = fake.name()
OTHER = fake.name()

CASES = [
    (inspect_doc, build_doc(f"Intro\r{NAME} attended"), Vector.PAGE_TEXT, "paragraph 2"),
    (inspect_doc, build_doc("x", author=NAME), Vector.METADATA, "document property 'author'"),
    (
        inspect_doc,
        build_doc("x", last_saved_by=NAME),
        Vector.METADATA,
        "document property 'last saved by'",
    ),
    (
        inspect_doc,
        build_doc(f"Contact \x13 HYPERLINK mailto:{NAME} \x14us\x15"),
        Vector.HIDDEN_TEXT,
        "field codes",
    ),
    (inspect_ppt, build_ppt(["Figures", NAME]), Vector.PAGE_TEXT, "slide 2"),
    (inspect_ppt, build_ppt(["Figures", NAME], hidden={2}), Vector.HIDDEN_SLIDE, "slide 2"),
    (inspect_ppt, build_ppt(["x"], notes=[NAME]), Vector.SPEAKER_NOTES, "speaker notes"),
    (inspect_ppt, build_ppt(["x"], user=NAME), Vector.METADATA, "Current User"),
    (inspect_ppt, build_ppt(["x"], author=NAME), Vector.METADATA, "document property 'author'"),
]
IDS = ["doc body", "doc author", "doc last saved", "doc field", "ppt slide", "ppt hidden",
       "ppt notes", "ppt user", "ppt author"]  # fmt: skip


@pytest.mark.parametrize(("inspector", "data", "vector", "where"), CASES, ids=IDS)
def test_each_place_is_found(inspector: Inspector, data: bytes, vector: Vector, where: str) -> None:
    items = texts(inspector, data, "legacy")
    assert found(items, vector, where, NAME), items


def test_field_result_is_visible_and_code_is_not() -> None:
    items = texts(
        inspect_doc, build_doc(f"Contact \x13 HYPERLINK {NAME} \x14us\x15 today"), "a.doc"
    )
    assert found(items, Vector.PAGE_TEXT, "paragraph 1", "Contact us today")
    assert not any(NAME in t.text for t in items if t.vector is Vector.PAGE_TEXT)


@pytest.mark.parametrize(
    ("data", "name", "status"),
    [
        (build_doc(NAME, encrypted=True), "a.doc", Status.ENCRYPTED),
        (encrypted_ooxml(), "a.docx", Status.ENCRYPTED),
        (build_doc(NAME)[:1000], "a.doc", Status.UNREADABLE),
        (compound_file({"WordDocument": b"\x00" * 10}), "a.doc", Status.UNREADABLE),
        (compound_file({"Other": b"x"}), "a.doc", Status.UNSUPPORTED),
    ],
    ids=["encrypted doc", "encrypted docx", "truncated", "bad header", "no stream"],
)
def test_bad_legacy_files_get_a_status(data: bytes, name: str, status: Status) -> None:
    verdict = scan(data, name)
    assert verdict.status is status
    assert verdict.error and "\n" not in verdict.error and NAME not in verdict.error
