"""Pivot cache records: the fast reader gives exactly what the XML parser's reader gives."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable, Iterator

import pytest

from detectors.errors import InspectionError
from detectors.formats._archive import SafeZip
from detectors.formats.xlsx import pivotrecords, pivots
from detectors.limits import Budget, Limits

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PART = "xl/pivotCache/pivotCacheRecords1.xml"
WORDS = ["Jane Roe", "O'Brien & Sons", "<none>", 'say "hi"', "Zoë Ångström", "", "a\u00a0b", "42"]
ESCAPED = {"&": "&amp;", "<": "&lt;", '"': "&quot;"}


def escape(text: str, rng: random.Random) -> str:
    out = "".join(ESCAPED.get(c, c) for c in text)
    if rng.random() < 0.2 and out:
        out = out.replace(out[0], f"&#{ord(out[0])};", 1)  # a character reference
    if rng.random() < 0.1:
        out += "&gt;&apos;&#x41;"
    return out


def child(kind: str, value: str | None, p: str, rng: random.Random) -> str:
    attribute = "" if value is None else f' v="{value}"'
    if rng.random() < 0.05:
        return f"<{p}{kind}{attribute}></{p}{kind}>"
    if rng.random() < 0.05:
        return f"<{p}{kind}{attribute} />"
    return f"<{p}{kind}{attribute}/>"


def record(fields: list[list[str]], p: str, rng: random.Random, awkward: bool) -> str:
    children = []
    for items in fields:
        roll = rng.random()
        if items and roll < 0.55:
            index = str(rng.randrange(len(items)))
            if awkward and rng.random() < 0.1:
                index = rng.choice(["-1", "007", "+2", "", "x", str(len(items) + 3), "&#49;"])
            children.append(child("x", index, p, rng))
        elif roll < 0.7:
            children.append(child("s", escape(rng.choice(WORDS), rng), p, rng))
        elif roll < 0.8:
            children.append(child("n", str(rng.uniform(-1e6, 1e6)), p, rng))
        elif roll < 0.85:
            children.append(child("b", rng.choice(["1", "0", "true", "false", ""]), p, rng))
        elif roll < 0.88:
            children.append(child("e", "#N/A", p, rng))
        elif roll < 0.92:
            children.append(child("d", "2021-04-01T00:00:00", p, rng))
        elif roll < 0.96:
            children.append(child("m", None, p, rng))
        else:
            kind = rng.choice("xsnbedm")
            children.append(child(kind, None, p, rng))
    if awkward and rng.random() < 0.1:
        children = children[: rng.randrange(len(children) + 1)]  # a short record
    if awkward and rng.random() < 0.05:
        children.append(child("s", "extra", p, rng))  # a long one
    if not children and rng.random() < 0.5:
        return f"<{p}r/>"
    gap = rng.choice(["", "", "\n  ", " "]) if awkward else ""
    return f"<{p}r>{gap}{gap.join(children)}{gap}</{p}r>"


def oddity(p: str, rng: random.Random) -> str:
    """One construct outside the fast reader's grammar, which the parser still reads."""
    return rng.choice(
        [
            "<!-- a comment -->",
            f'<{p}r><{p}s u="1" v="unusual attribute"/></{p}r>',
            f"<{p}r><{p}s v='single quotes'/></{p}r>",
            f'<{p}r><{p}s v="a&#9;tab"/></{p}r>',
            f'<{p}r><{p}s v="carriage\rreturn"/></{p}r>',
            f'<{p}r><{p}z v="unknown element"/></{p}r>',
            f'<{p}r><{p}s v="cdata"><![CDATA[text]]></{p}s></{p}r>',
            f'<{p}r><{p}s xmlns:q="urn:q" v="declares"/></{p}r>',
            "<?pi here?>",
            "stray text",
        ]
    )


def cache(seed: int) -> tuple[list[list[str]], bytes]:
    """Fields' shared items and a records part, plain or awkward depending on the seed."""
    rng = random.Random(seed)
    width = rng.randrange(0, 6)
    fields = [
        [rng.choice(WORDS) + str(n) for n in range(rng.randrange(0, 6))] for _ in range(width)
    ]
    awkward = seed % 2 == 1
    p = "p:" if seed % 3 == 0 else ""
    declaration = f"xmlns:{p[:-1]}" if p else "xmlns"
    records = [record(fields, p, rng, awkward) for _ in range(rng.randrange(0, 300))]
    if awkward and seed % 5 == 1:
        records.insert(rng.randrange(len(records) + 1), oddity(p, rng))
    text = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<{p}pivotCacheRecords {declaration}="{NS}" count="{len(records)}">'
        + "".join(records)
        + f"</{p}pivotCacheRecords>"
    )
    data = text.encode("utf-8")
    if awkward and seed % 7 == 3:
        data = data[: rng.randrange(len(data))]  # a broken part
    return fields, data


def archive(data: bytes) -> SafeZip:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(PART, data)
    budget = Budget(Limits())
    return SafeZip(zipfile.ZipFile(io.BytesIO(buffer.getvalue())), budget)


Reader = Callable[[SafeZip, str, list[pivots._Field], Budget, list[int]], Iterator[tuple[str, ...]]]


def read(reader: Reader, items: list[list[str]], data: bytes) -> tuple[object, ...]:
    """Everything a reader gives: rows, the error that stopped it, used items, the count."""
    fields = [pivots._Field(f"f{n}", list(i), used=bytearray(len(i))) for n, i in enumerate(items)]
    count = [0]
    rows: list[tuple[str, ...]] = []
    error = None
    try:
        for row in reader(archive(data), PART, fields, Budget(Limits()), count):
            rows.append(row)
    except InspectionError as stopped:
        error = (type(stopped).__name__, str(stopped))
    return rows, error, [bytes(f.used) for f in fields], count[0] if error is None else None


@pytest.mark.parametrize("block", [2 * 1024 * 1024, 97])
@pytest.mark.parametrize("seed", range(80))
def test_fast_reader_gives_what_the_parser_gives(
    seed: int, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pivotrecords, "_BLOCK", block)
    items, data = cache(seed)
    assert read(pivots._rows, items, data) == read(pivots._records, items, data)


def test_plain_records_are_read_without_the_parser() -> None:
    items = [["Jane Roe", "John Smith"], ["Stalking"]]
    records = "".join(
        f'<r><x v="{n % 2}"/><x v="0"/><n v="{n}"/><m/><s v="a &amp; b"/></r>' for n in range(50)
    )
    data = f'<pivotCacheRecords xmlns="{NS}">{records}</pivotCacheRecords>'.encode()
    used = [bytearray(2), bytearray(1), bytearray(), bytearray(), bytearray()]
    batches = list(
        pivotrecords.fast_records(archive(data), PART, [*items, [], [], []], used, Budget(Limits()))
    )
    rows = [row for batch in batches for row in batch]
    assert rows[:2] == [
        ("Jane Roe", "Stalking", "0", "", "a & b"),
        ("John Smith", "Stalking", "1", "", "a & b"),
    ]
    assert len(rows) == 50
    assert used[:2] == [bytearray(b"\x01\x01"), bytearray(b"\x01")]


@pytest.mark.parametrize(
    "records",
    [
        '<r><s v="x"/></r><!-- note -->',
        '<r><s v="x" u="1"/></r>',
        "<r><s v='x'/></r>",
        '<r foo="1"><s v="x"/></r>',
        '<r><s v="x"/></r><extLst/>',
    ],
)
def test_anything_outside_the_grammar_is_left_to_the_parser(records: str) -> None:
    data = f'<pivotCacheRecords xmlns="{NS}">{records}</pivotCacheRecords>'.encode()
    with pytest.raises(pivotrecords.Fallback):
        for _ in pivotrecords.fast_records(
            archive(data), PART, [[]], [bytearray()], Budget(Limits())
        ):
            pass
