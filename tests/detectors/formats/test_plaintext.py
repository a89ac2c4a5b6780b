from __future__ import annotations

import pytest
from _inspect_helpers import texts
from faker import Faker

from detectors.formats.plaintext import inspect_text
from detectors.model import Status, Vector
from detectors.scan import scan

fake = Faker("en_GB")
Faker.seed(11)
NAME = fake.name()
BODY = f"Dear requester,\n\nThe officer was {NAME}.\nRegards\n\n\nFOI team\n"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "latin-1"]
)
def test_paragraphs_are_found_in_any_common_encoding(encoding: str) -> None:
    items = texts(inspect_text, (BODY + "Café").encode(encoding), "reply.txt")
    assert [(t.where, t.vector) for t in items] == [
        ("line 1", Vector.PAGE_TEXT),
        ("lines 3-4", Vector.PAGE_TEXT),
        ("lines 7-8", Vector.PAGE_TEXT),
    ]
    assert NAME in items[1].text
    assert items[2].text.endswith("Café")


def test_a_long_paragraph_is_cut_into_chunks() -> None:
    data = ("\n".join(["x" * 99] * 200)).encode()
    items = texts(inspect_text, data, "long.txt")
    assert len(items) > 1
    assert all(len(t.text) <= 4100 for t in items)


@pytest.mark.parametrize(
    "data", [b"", b"\x00\x00\x00", bytes(range(256)) * 4, b"\xff\xfe\x00", b"\x81\x8d\x8f" * 50]
)
def test_odd_bytes_never_raise(data: bytes) -> None:
    assert isinstance(texts(inspect_text, data, "odd.txt"), list)
    assert scan(data, "odd.txt").status in set(Status)
