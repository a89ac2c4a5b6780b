from __future__ import annotations

import struct

import pytest
from _inspect_helpers import Inspector, found, texts
from faker import Faker

from crawler.demo.builders.legacy import (
    ROW_END,
    build_doc,
    build_ppt,
    compound_file,
    encrypted_ooxml,
)
from detectors.formats.legacy import inspect_doc, inspect_ppt
from detectors.limits import Budget
from detectors.model import Severity, Status, Table, Text, Vector
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


def word6_doc(
    stories: list[str], *, lid: int = 0x0809, fast_saved: bool = False, flags: int = 0
) -> bytes:
    """A Word 6.0/95 .doc: `stories` fill ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn… in order.

    Saved normally the text runs from fcMin; fast-saved it is split into two pieces stored
    in reverse order, listed by a piece table in the WordDocument stream.
    """
    encoding = {0x0419: "cp1251"}.get(lid, "cp1252")
    text = "".join(stories).encode(encoding)
    fib = bytearray(0x200)
    struct.pack_into("<HHHH", fib, 0, 0xA5DC, 101, 0x0065, lid)
    struct.pack_into("<H", fib, 0x0A, flags | (0x0004 if fast_saved else 0))
    for index, story in enumerate(stories):
        struct.pack_into("<i", fib, 0x34 + 4 * index, len(story.encode(encoding)))
    if not fast_saved:
        struct.pack_into("<II", fib, 0x18, len(fib), len(fib) + len(text))
        return compound_file({"WordDocument": bytes(fib) + text})
    half = len(text) // 2
    second_at, first_at = len(fib), len(fib) + len(text) - half
    pieces = struct.pack("<3i", 0, half, len(text))
    pieces += struct.pack("<HIH", 0, first_at, 0) + struct.pack("<HIH", 0, second_at, 0)
    clx = b"\x01" + struct.pack("<H", 2) + b"\x00\x00" + b"\x02" + struct.pack("<I", len(pieces))
    clx += pieces
    body = text[half:] + text[:half]
    struct.pack_into("<II", fib, 0x160, len(fib) + len(body), len(clx))
    return compound_file({"WordDocument": bytes(fib) + body + clx})


@pytest.mark.parametrize("fast_saved", [False, True], ids=["contiguous", "fast saved"])
def test_word6_stories_are_read(fast_saved: bool) -> None:
    stories = [f"Incident log\rWitness: {NAME}\r", "", "", "", f"Check with {NAME}\r"]
    items = texts(inspect_doc, word6_doc(stories, fast_saved=fast_saved), "old.doc")
    assert found(items, Vector.PAGE_TEXT, "paragraph 2", f"Witness: {NAME}")
    assert found(items, Vector.COMMENT, "comments, paragraph 1", f"Check with {NAME}")


def test_word6_macro_text_is_skipped_but_counted() -> None:
    stories = ["Body\r", "", "", "MACRO TEXT\r", f"Ask {NAME}\r"]
    items = texts(inspect_doc, word6_doc(stories), "old.doc")
    assert found(items, Vector.COMMENT, "comments, paragraph 1", f"Ask {NAME}")
    assert not any("MACRO" in t.text for t in items)


def test_word6_text_is_decoded_in_the_code_page_of_its_language() -> None:
    items = texts(inspect_doc, word6_doc(["Свидетель Иванов\r"], lid=0x0419), "old.doc")
    assert found(items, Vector.PAGE_TEXT, "paragraph 1", "Свидетель Иванов")


@pytest.mark.parametrize(
    ("data", "status", "reason"),
    [
        (word6_doc([f"{NAME}\r"], flags=0x0100), Status.ENCRYPTED, "password"),
        (b"\xdb\xa5\x2d\x00" + b"\x00" * 600, Status.UNSUPPORTED, "Word 2.0 document"),
    ],
    ids=["encrypted word 6", "word 2"],
)
def test_older_word_versions_get_a_status(data: bytes, status: Status, reason: str) -> None:
    verdict = scan(data, "old.doc")
    assert (verdict.format, verdict.status) == ("doc", status)
    assert verdict.error and reason in verdict.error


def _doc_table(rows: list[list[str]], huge: bool = False) -> bytes:
    cells = "".join("".join(f"{cell}\x07" for cell in row) + ROW_END for row in rows)
    return build_doc(f"Officers, as requested.\r{cells}At 31 March.\r", huge_rows=huge)


def _doc_tables(data: bytes) -> list[list[tuple[str, ...]]]:
    return [list(i.rows) for i in inspect_doc(data, "reply.doc", Budget()) if isinstance(i, Table)]


@pytest.mark.parametrize(
    ("rows", "read"),
    [
        ([["Surname", "Rank"], ["Hughes", "PC"]], [("Surname", "Rank"), ("Hughes", "PC")]),
        (  # an empty cell ends no row
            [["Hughes", "", "PC"], ["Walsh", "Sgt", ""]],
            [("Hughes", "", "PC"), ("Walsh", "Sgt", "")],
        ),
        (  # two paragraphs in one cell stay in it
            [["Hughes", "PC\rResponse"], ["Walsh", "Sgt"]],
            [("Hughes", "PC Response"), ("Walsh", "Sgt")],
        ),
    ],
    ids=["two rows", "empty cells", "a cell of two paragraphs"],
)
@pytest.mark.parametrize("huge", [False, True], ids=["in its page", "in the Data stream"])
def test_a_word_97_table_is_read_row_by_row(
    rows: list[list[str]], read: list[tuple[str, ...]], huge: bool
) -> None:
    """A row's end is told from an empty cell by its paragraph's properties, wherever Word
    keeps them."""
    assert _doc_tables(_doc_table(rows, huge)) == [read]


def test_a_roster_in_a_word_97_table_is_a_staff_list() -> None:
    """A reply in the old Word format whose table lists 120 officers with their collar numbers:
    read as a table, not as one paragraph of 600 cells."""
    people = [fake.name().split() for _ in range(120)]
    rows = [["Surname", "Forename", "Rank", "Collar number"]]
    rows += [
        [p[-1], p[0], ["PC", "Sgt", "Insp"][n % 3], str(2000 + n)] for n, p in enumerate(people)
    ]
    verdict = scan(_doc_table(rows), "reply.doc")
    assert "staff_list" in verdict.kinds
    assert verdict.people >= 108
    assert verdict.severity.rank >= Severity.HIGH.rank


@pytest.mark.parametrize(
    ("kind", "vector", "where"),
    [
        ("hidden", Vector.HIDDEN_TEXT, "hidden text, paragraph"),
        ("deleted", Vector.TRACKED_CHANGE, "deleted text, paragraph"),
    ],
)
def test_word_97_hidden_and_deleted_text_is_read_apart(
    kind: str, vector: Vector, where: str
) -> None:
    """Text formatted hidden, or deleted with changes tracked, is still in the file: it is
    read as the hiding place it is, and the shown text keeps only what a reader sees."""
    secret = f"Caller {NAME}, 12 Elm Grove"
    data = build_doc(f"Intro\rThe gate is broken. {secret}\rEnd", **{kind: (secret,)})
    items = [i for i in inspect_doc(data, "note.doc", Budget()) if isinstance(i, Text)]
    unseen = [i for i in items if i.vector is vector]
    assert [(i.where.rsplit(" ", 1)[0], i.text) for i in unseen] == [(where, secret)]
    shown = " ".join(i.text for i in items if i.vector is Vector.PAGE_TEXT)
    assert NAME not in shown and "The gate is broken." in shown


def test_hidden_lines_of_people_in_word_97_rate_as_hidden() -> None:
    """Twelve people in hidden text: a hiding place (medium at least), where the same names
    shown would be names alone."""
    names = [fake.name() for _ in range(12)]
    lines = "\r".join(names)
    data = build_doc(f"Minutes of the meeting\r{lines}\rEnd of minutes", hidden=(lines,))
    verdict = scan(data, "minutes.doc")
    assert verdict.severity.rank >= Severity.MEDIUM.rank
    assert any(f.vector is Vector.HIDDEN_TEXT for f in verdict.findings)


def test_word_97_comment_and_revision_authors_are_read() -> None:
    """Word keeps the names of those who commented and of those who changed the text with
    changes tracked, as a .docx does; its placeholder "Unknown" names no one."""
    data = build_doc("Draft reply", commenters=(NAME,), revisers=("Unknown", OTHER))
    items = [i for i in inspect_doc(data, "reply.doc", Budget()) if isinstance(i, Text)]
    authors = {i.where: i.text for i in items if i.vector is Vector.METADATA}
    assert authors["comment authors"] == NAME
    assert authors["revision authors"] == OTHER
