from __future__ import annotations

import pytest
from _inspect_helpers import tables
from faker import Faker

from detectors.formats.csv import column_letter, inspect_csv
from detectors.model import Status, Vector
from detectors.scan import scan

fake = Faker("en_GB")
Faker.seed(3)
ROWS = [(fake.name(), fake.postcode(), "Zoë") for _ in range(5)]


def _csv(delimiter: str, quote_all: bool = False) -> str:
    def cell(value: str) -> str:
        return f'"{value}"' if quote_all else value

    lines = [delimiter.join(cell(c) for c in ("Name", "Postcode", "Note"))]
    lines += [delimiter.join(cell(c) for c in row) for row in ROWS]
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize(
    ("text", "encoding", "name"),
    [
        (_csv(","), "utf-8", "reply.csv"),
        (_csv(","), "utf-8-sig", "reply.csv"),
        (_csv(";"), "cp1252", "reply.csv"),
        (_csv("\t"), "utf-16", "reply.tsv"),
        (_csv("|", quote_all=True), "utf-8", "reply.txt"),
        (_csv("\t"), "latin-1", "reply.tsv"),
    ],
    ids=["comma", "bom", "semicolon-cp1252", "tab-utf16", "pipe-quoted", "tab-latin1"],
)
def test_dialect_and_encoding_are_sniffed(text: str, encoding: str, name: str) -> None:
    [(table, rows)] = tables(inspect_csv, text.encode(encoding), name)
    assert table.header == ("Name", "Postcode", "Note")
    assert table.vector is Vector.CELL
    assert table.columns == ("A", "B", "C")
    assert rows == ROWS


def test_blank_rows_are_skipped() -> None:
    [(_, rows)] = tables(inspect_csv, b"a,b\n,\n1,2\n", "x.csv")
    assert rows == [("1", "2")]


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ")])
def test_column_letters(index: int, letters: str) -> None:
    assert column_letter(index) == letters


@pytest.mark.parametrize(
    "data",
    [b"", b"a,b\n\x00,\x00\n", b'a,"b\n' + b"x" * 200_000, b"\xff\xfe\xff", b"a,b\n" + bytes(256)],
    ids=["empty", "nul", "huge-field", "bad-utf16", "binary-tail"],
)
def test_odd_input_never_raises(data: bytes) -> None:
    for _, rows in tables(inspect_csv, data, "odd.csv"):
        assert isinstance(rows, list)
    assert scan(data, "odd.csv").status in set(Status)
