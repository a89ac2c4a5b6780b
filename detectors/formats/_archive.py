"""Opening zip containers (OOXML, ODF, plain zip) with bomb limits checked before any read."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from detectors.errors import DocumentTooLarge, EncryptedDocument, UnreadableDocument
from detectors.limits import MB, Budget
from detectors.model import Unread
from detectors.shown import shown_path


def part_name(name: str) -> str:
    """A member name as OOXML readers spell it: forward slashes, no leading slash.

    Some writers store `xl\\workbook.xml`; Excel opens such packages, so every reader must too.
    """
    return name.replace("\\", "/").lstrip("/")


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _fold(name: str) -> str:
    """OPC compares part names as case-insensitive ASCII; folding keeps the length."""
    return name.translate(_ASCII_LOWER)


class SafeZip:
    """A zip whose members were measured against the limits when it was opened.

    Members are looked up by `part_name`, and case-insensitively when the exact spelling is
    absent: OPC part names are compared without regard to case.
    """

    def __init__(self, archive: zipfile.ZipFile, budget: Budget) -> None:
        self.archive = archive
        self.budget = budget
        self._infos = {part_name(info.filename): info for info in archive.infolist()}
        self._folded = {_fold(name): name for name in self._infos}
        self.names = list(self._infos)

    def _info(self, name: str) -> zipfile.ZipInfo | None:
        key = part_name(name)
        info = self._infos.get(key)
        if info is None and _fold(key) in self._folded:
            info = self._infos[self._folded[_fold(key)]]
        return info

    def has(self, name: str) -> bool:
        return self._info(name) is not None

    def size(self, name: str) -> int:
        info = self._info(name)
        if info is None:
            raise UnreadableDocument(f"part {name!r} is missing")
        return info.file_size

    def matching(self, prefix: str, suffix: str = "") -> list[str]:
        """Members under `prefix` ending in `suffix`, any case, spelt with the caller's prefix."""
        start, end = _fold(prefix), _fold(suffix)
        return sorted(
            {
                prefix + name[len(prefix) :]
                for name in self.names
                if _fold(name).startswith(start) and _fold(name).endswith(end)
            }
        )

    def open(self, name: str) -> IO[bytes]:
        info = self._info(name)
        if info is None:
            raise UnreadableDocument(_missing(name))
        try:
            return self.archive.open(info)
        except RuntimeError as error:  # zipfile says "encrypted" this way
            raise EncryptedDocument(f"member {name!r} is password-protected") from error
        except (zipfile.BadZipFile, OSError, NotImplementedError, EOFError, ValueError) as error:
            raise UnreadableDocument(f"member {name!r} cannot be read: {error}") from error

    def read(self, name: str) -> bytes:
        """The whole member; one that expands past `Limits.max_inflated_bytes` is refused with
        DocumentTooLarge (zipfile never gives more than the size the archive declares, and
        that size is checked before reading)."""
        cap = self.budget.limits.max_inflated_bytes
        info = self._info(name)
        if info is None:
            raise UnreadableDocument(_missing(name))
        size = info.file_size
        if size > cap:
            raise DocumentTooLarge(
                f"a member expands to {size / MB:,.0f} MB, over the {cap / MB:,.0f} MB limit",
                Unread(
                    shown_path(name),
                    f"expands to {size / MB:,.0f} MB, over the {cap / MB:,.0f} MB limit",
                    limit=True,
                ),
            )
        with self.open(name) as member:
            try:
                return member.read(cap + 1)
            except (
                zipfile.BadZipFile,
                OSError,
                EOFError,
                ValueError,
                NotImplementedError,
                zlib.error,
            ) as error:
                raise UnreadableDocument(f"member {name!r} is corrupt: {error}") from error

    def read_file(self, name: str, where: str) -> bytes | Unread:
        """A member to be scanned as a file of its own, or, when it is over the size limit, the
        unread part (at `where`) saying so: the rest of the package is still read."""
        try:
            return self.read(name)
        except DocumentTooLarge as refused:
            if refused.part is None:
                raise
            return Unread(where, refused.part.reason, limit=True)


@contextmanager
def open_zip(data: bytes, budget: Budget) -> Iterator[SafeZip]:
    """Open `data` as a zip, refusing bombs by member count, expanded size and ratio."""
    limits = budget.limits
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise UnreadableDocument(f"not a readable zip container: {error}") from error
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_members:
            raise DocumentTooLarge(
                f"zip bomb refused: {len(infos):,} members (limit {limits.max_members:,})"
            )
        total = sum(info.file_size for info in infos)
        if total > limits.max_expanded_bytes:
            raise DocumentTooLarge(
                f"zip bomb refused: expands to {total / 2**20:,.0f} MB "
                f"(limit {limits.max_expanded_bytes / 2**20:,.0f} MB)"
            )
        for info in infos:
            if info.file_size > limits.ratio_floor_bytes:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > limits.max_ratio:
                    raise DocumentTooLarge(
                        f"zip bomb refused: member {info.filename!r} expands {ratio:,.0f}x"
                    )
        yield SafeZip(archive, budget)


_MAIN_PARTS = frozenset(
    {"xl/workbook.xml", "xl/workbook.bin", "word/document.xml", "ppt/presentation.xml"}
)


def _missing(name: str) -> str:
    if _fold(part_name(name)) in _MAIN_PARTS:
        return "not an Office package: no workbook/document part"
    return f"part {name!r} is missing"
