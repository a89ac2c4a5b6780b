from __future__ import annotations

import io
import zipfile

import pytest
from faker import Faker

from detectors.formats.archive import inspect_zip, safe_name
from detectors.limits import Budget, Limits
from detectors.model import Embedded, Status, Structure, Text, Unread, Vector
from detectors.scan import ScanOptions, scan

fake = Faker("en_GB")
Faker.seed(5)
NAME = fake.name()


def _zip(members: dict[str, bytes], locked: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("folder/", b"")
        for name, data in members.items():
            archive.writestr(name, data)
    return _lock(buffer.getvalue(), locked)


def _lock(data: bytes, names: tuple[str, ...]) -> bytes:
    """Set the "encrypted" flag of members, as a password-protected zip has it."""
    patched = bytearray(data)
    for name in names:
        encoded = name.encode()
        for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
            start = patched.find(signature)
            while start != -1:
                if patched[start + name_at : start + name_at + len(encoded)] == encoded:
                    patched[start + flag_at] |= 0x1
                start = patched.find(signature, start + 1)
    return bytes(patched)


def test_members_are_embedded_without_their_names_in_locations() -> None:
    data = _zip({f"folder/{NAME} statement.txt": b"hello", "stats.csv": b"a,b\n1,2\n"})
    items = list(inspect_zip(data, "bundle.zip", Budget()))
    embedded = [i for i in items if isinstance(i, Embedded)]
    assert [(e.name, e.where, e.data) for e in embedded] == [
        ("member1.txt", "archive member 1", b"hello"),
        ("member2.csv", "archive member 2", b"a,b\n1,2\n"),
    ]
    assert Structure(Vector.EMBEDDED_FILE, "archive", "2 files") in items
    names = [i for i in items if isinstance(i, Text)]
    assert names[0].vector is Vector.METADATA and NAME in names[0].text
    assert all(NAME not in i.where for i in items if not isinstance(i, Text))


def test_a_locked_member_is_reported_and_the_rest_scanned() -> None:
    data = _zip({"open.txt": b"hello", "locked.txt": b"secret"}, locked=("locked.txt",))
    items = list(inspect_zip(data, "bundle.zip", Budget()))
    assert [i.name for i in items if isinstance(i, Embedded)] == ["member1.txt"]
    assert Unread("archive", "1 password-protected files") in items


@pytest.mark.parametrize(
    ("data", "limits", "status", "reason"),
    [
        (_zip({"a.txt": b"x"}, locked=("a.txt",)), Limits(), Status.ENCRYPTED, "password"),
        (
            _zip({"zeros.bin": bytes(2 * 2**20)}),
            Limits(ratio_floor_bytes=2**20, max_ratio=50),
            Status.TOO_LARGE,
            "zip bomb",
        ),
        (
            _zip({f"{i}.txt": b"x" for i in range(30)}),
            Limits(max_members=20),
            Status.TOO_LARGE,
            "members",
        ),
        (_zip({"a.txt": b"x" * 5000}), Limits(max_expanded_bytes=1000), Status.TOO_LARGE, "MB"),
        (_zip({"a.txt": b"hello"})[:-30], Limits(), Status.UNREADABLE, "zip"),
    ],
    ids=["all-locked", "ratio-bomb", "member-bomb", "size-bomb", "truncated"],
)
def test_bad_archives_get_a_status_and_reason(
    data: bytes, limits: Limits, status: Status, reason: str
) -> None:
    verdict = scan(data, "bundle.zip", ScanOptions(limits=limits))
    assert verdict.status is status
    assert verdict.error and reason in verdict.error and "\n" not in verdict.error


def test_nested_archives_are_followed_by_scan() -> None:
    inner = _zip({"list.csv": b"Name,Email\nA,a@example.org\n"})
    verdict = scan(_zip({"inner.zip": inner}), "outer.zip")
    assert verdict.status is Status.SCANNED
    assert any("archive member 1 › archive member 1" in s.where for s in verdict.structures)


@pytest.mark.parametrize(
    ("filename", "expected"),
    [("a/b/Report.PDF", "member3.pdf"), ("noext", "member3"), ("x.toolongext", "member3")],
)
def test_safe_name_keeps_only_the_extension(filename: str, expected: str) -> None:
    assert safe_name(filename, 3) == expected
