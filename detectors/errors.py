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

from detectors.model import Status


class InspectionError(Exception):
    status = Status.UNREADABLE


class EncryptedDocument(InspectionError):
    status = Status.ENCRYPTED


class UnreadableDocument(InspectionError):
    status = Status.UNREADABLE


class DocumentTooLarge(InspectionError):
    status = Status.TOO_LARGE


class UnsupportedDocument(InspectionError):
    status = Status.UNSUPPORTED
