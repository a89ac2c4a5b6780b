"""Opening zip containers (OOXML, ODF, plain zip) with bomb limits checked before any read."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from detectors.errors import DocumentTooLarge, EncryptedDocument, UnreadableDocument
from detectors.limits import Budget


class SafeZip:
    """A zip whose members were measured against the limits when it was opened."""

    def __init__(self, archive: zipfile.ZipFile, budget: Budget) -> None:
        self.archive = archive
        self.budget = budget
        self.names = [info.filename for info in archive.infolist()]
        self._infos = {info.filename: info for info in archive.infolist()}

    def has(self, name: str) -> bool:
        return name in self._infos

    def size(self, name: str) -> int:
        return self._infos[name].file_size

    def matching(self, prefix: str, suffix: str = "") -> list[str]:
        return sorted(n for n in self.names if n.startswith(prefix) and n.endswith(suffix))

    def open(self, name: str) -> IO[bytes]:
        try:
            return self.archive.open(name)
        except RuntimeError as error:  # zipfile says "encrypted" this way
            raise EncryptedDocument(f"member {name!r} is password-protected") from error
        except (zipfile.BadZipFile, OSError, NotImplementedError, EOFError, ValueError) as error:
            raise UnreadableDocument(f"member {name!r} cannot be read: {error}") from error

    def read(self, name: str) -> bytes:
        with self.open(name) as member:
            try:
                return member.read()
            except (
                zipfile.BadZipFile,
                OSError,
                EOFError,
                ValueError,
                NotImplementedError,
                zlib.error,
            ) as error:
                raise UnreadableDocument(f"member {name!r} is corrupt: {error}") from error


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
