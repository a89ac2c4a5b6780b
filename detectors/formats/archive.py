"""Zip archives: every member handed back for scanning, with bomb limits checked first.

Member names can themselves be personal ("statement - <name>.pdf"), so they are reported as
metadata text and never placed in a location; a member is located by its number.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from detectors.errors import EncryptedDocument, UnreadableDocument
from detectors.formats._archive import open_zip
from detectors.limits import Budget
from detectors.model import Embedded, Item, Structure, Text, Unread, Vector

_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def inspect_zip(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield each file in the archive as an embedded document, then what could not be read."""
    with open_zip(data, budget) as archive:
        infos = [info for info in archive.archive.infolist() if not info.is_dir()]
        yield Structure(Vector.EMBEDDED_FILE, "archive", f"{len(infos):,} files")
        if infos:
            names = "\n".join(info.filename for info in infos)
            yield Text(names, Vector.METADATA, "archive file names")
        locked: list[int] = []
        for number, info in enumerate(infos, start=1):
            budget.check()
            where = f"archive member {number}"
            if info.flag_bits & 0x1:
                locked.append(number)
                continue
            try:
                member = archive.read_file(info.filename, where)
            except EncryptedDocument:
                locked.append(number)
                continue
            except UnreadableDocument as error:
                yield Unread(where, str(error).replace(repr(info.filename), "member"))
                continue
            if isinstance(member, Unread):
                yield member
                continue
            yield Embedded(safe_name(info.filename, number), member, where)
        if locked:
            yield Unread("archive", f"{len(locked):,} password-protected files")
        if infos and len(locked) == len(infos):
            raise EncryptedDocument("every file in the archive is password-protected")


def safe_name(filename: str, number: int) -> str:
    """A stand-in name keeping only the extension, which is all format sniffing needs."""
    extension = _EXTENSION.search(posixpath.basename(filename))
    return f"member{number}{extension.group(0).lower() if extension else ''}"
