"""Why a document could not be inspected; each error maps to one document status.

    InspectionError          -> unreadable
    ├── EncryptedDocument    -> encrypted
    ├── UnreadableDocument   -> unreadable   (corrupt, truncated, malformed XML)
    ├── DocumentTooLarge     -> too_large    (file size, expanded size, ratio, members, depth, time)
    └── UnsupportedDocument  -> unsupported  (a format no library here can read)

Inspectors raise these with a one-line reason for a person; `scan()` turns them into a
status and never lets any exception out.
"""

from __future__ import annotations

from detectors.model import Status, Unread


class InspectionError(Exception):
    status = Status.UNREADABLE


class EncryptedDocument(InspectionError):
    status = Status.ENCRYPTED


class UnreadableDocument(InspectionError):
    status = Status.UNREADABLE


class DocumentTooLarge(InspectionError):
    """A limit stopped the reading; `part` says what was left unread when the raiser knows
    ("sheet 'Raw'": "rows after 312,000 not read (time budget)")."""

    status = Status.TOO_LARGE

    def __init__(self, reason: str, part: Unread | None = None) -> None:
        super().__init__(reason)
        self.part = part


class UnsupportedDocument(InspectionError):
    status = Status.UNSUPPORTED
