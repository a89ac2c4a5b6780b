"""The one entry point: bytes and a name in, a `Verdict` out; never raises for bad input."""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from detectors.errors import DocumentTooLarge, InspectionError, UnsupportedDocument
from detectors.formats import inspector_for, is_encrypted_ooxml, sniff
from detectors.limits import Budget, Limits
from detectors.model import Embedded, Finding, Status, Structure, Unread, Vector, Verdict
from detectors.shown import redact_place, redact_reason, shown_name

if TYPE_CHECKING:
    from detectors.detect import Detector

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScanOptions:
    limits: Limits = field(default_factory=Limits)
    allow_list: frozenset[str] = frozenset()
    """Names meant to be public (a chief officer team page); never reported."""


def scan(data: bytes, name: str, options: ScanOptions | None = None) -> Verdict:
    """Inspect one document, detect personal data in every part of it and assess the exposure."""
    # Detection brings presidio and spaCy (about 2 s to import): loaded on the first scan, so
    # commands that never scan (alerts, report, --help) start at once.
    from detectors.assess import assess
    from detectors.detect import Detector

    options = options or ScanOptions()
    sha256 = hashlib.sha256(data).hexdigest()
    fmt = sniff(data, name)
    budget = Budget(options.limits)
    detector = Detector(allow_list=options.allow_list, budget=budget)
    parts = _Parts()
    status, error = Status.SCANNED, None
    try:
        if len(data) > options.limits.max_file_bytes:
            raise DocumentTooLarge(
                f"{len(data) / 2**20:,.0f} MB is over the "
                f"{options.limits.max_file_bytes / 2**20:,.0f} MB file limit"
            )
        if is_encrypted_ooxml(data):
            from detectors.errors import EncryptedDocument

            raise EncryptedDocument("the file is password-protected (encrypted Office package)")
        _inspect(data, name, fmt, budget, detector, parts, depth=0, prefix="")
    except DocumentTooLarge as failure:
        status, error = failure.status, _reason(str(failure))
        reason = f"not read from there on: {error}"
        parts.unread.append(failure.part or Unread("document", reason, limit=True))
    except InspectionError as failure:
        status, error = failure.status, _reason(str(failure))
    except RecursionError:
        status, error = Status.UNREADABLE, "structure nested too deeply to read"
    except MemoryError:
        status, error = Status.TOO_LARGE, "ran out of memory while reading the document"
    except Exception as failure:  # a library choking on hostile input must not stop a crawl
        log.warning("inspecting %s failed: %s", name, type(failure).__name__)
        status, error = Status.UNREADABLE, _reason(f"{type(failure).__name__}: {failure}")
    evidence = detector.finish()
    if detector.stopped and status is Status.SCANNED:
        status, error = Status.TOO_LARGE, _reason(detector.stopped)
        parts.unread.append(Unread("document", "text not checked: time budget", limit=True))
    cut = next((part for part in parts.unread if part.limit), None)
    if cut is not None and status is Status.SCANNED:
        status, error = Status.TOO_LARGE, _reason(f"{cut.where}: {cut.reason}")
    unread = tuple(_safe_unread(part) for part in parts.unread)
    assessment = assess(evidence, tuple(parts.structures), unread)
    return Verdict(
        source=name,
        sha256=sha256,
        format=fmt,
        status=status,
        error=error,
        severity=assessment.severity,
        people=evidence.people,
        kinds=evidence.kinds,
        special_categories=evidence.special_categories,
        findings=tuple(_safe_finding(finding) for finding in evidence.findings),
        structures=tuple(_safe_structure(structure) for structure in parts.structures),
        size=len(data),
        unread=unread,
    )


@dataclass
class _Parts:
    """What inspection found besides texts and tables, embedded files included."""

    structures: list[Structure] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)

    def add_unread(self, part: Unread, prefix: str) -> None:
        where = f"{prefix}{part.where}"
        self.unread.append(replace(part, where=where))
        if part.vector is not None:
            # The place is still a hiding place the document has, read or not.
            self.structures.append(_nested(Structure(part.vector, part.where, "not read"), prefix))


def _inspect(
    data: bytes,
    name: str,
    fmt: str,
    budget: Budget,
    detector: Detector,
    parts: _Parts,
    depth: int,
    prefix: str,
) -> None:
    inspector = inspector_for(fmt)
    if inspector is None:
        raise UnsupportedDocument(f"{fmt} files are not inspected")
    for item in inspector(data, name, budget):
        budget.check()
        if isinstance(item, Embedded):
            _inspect_embedded(item, budget, detector, parts, depth, prefix)
        elif isinstance(item, Structure):
            parts.structures.append(_nested(item, prefix))
        elif isinstance(item, Unread):
            parts.add_unread(item, prefix)
        else:
            detector.feed(item, embedded_in=prefix or None)


def _inspect_embedded(
    item: Embedded,
    budget: Budget,
    detector: Detector,
    parts: _Parts,
    depth: int,
    prefix: str,
) -> None:
    where = f"{prefix}{item.where} › "
    parts.structures.append(
        Structure(Vector.EMBEDDED_FILE, f"{prefix}{item.where}", shown_name(item.name))
    )
    if depth + 1 > budget.limits.max_depth:
        parts.add_unread(Unread(item.where, "nested too deep: not opened", limit=True), prefix)
        return
    inner = sniff(item.data, item.name)
    try:
        _inspect(item.data, item.name, inner, budget, detector, parts, depth + 1, where)
    except DocumentTooLarge as failure:
        if failure.part is not None:
            failure.part = replace(failure.part, where=where + failure.part.where)
        if time.monotonic() > budget.deadline:
            raise  # the time budget ends the whole document
        # A bomb inside is refused on its own: the rest of the document is still read.
        parts.add_unread(
            failure.part or Unread(f"{prefix}{item.where}", _reason(str(failure)), limit=True), ""
        )
    except InspectionError as failure:
        # An unreadable attachment is suspect, not clean: say so and keep the rest.
        parts.add_unread(Unread(item.where, _reason(str(failure))), prefix)


def _nested(item: Structure, prefix: str) -> Structure:
    if not prefix:
        return item
    return Structure(Vector.EMBEDDED_FILE, f"{prefix}{item.where}", f"{item.vector}: {item.detail}")


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 200 else line[:197] + "..."


# Locations and reasons are built from what a document calls its parts, and a library's error
# may quote the document: whatever slipped past the inspectors is masked here, once.
def _safe_finding(finding: Finding) -> Finding:
    return replace(finding, where=redact_place(finding.where))


def _safe_structure(structure: Structure) -> Structure:
    return Structure(
        structure.vector, redact_place(structure.where), redact_place(structure.detail)
    )


def _safe_unread(part: Unread) -> Unread:
    return replace(part, where=redact_place(part.where), reason=redact_place(part.reason))


def _reason(text: str) -> str:
    return _one_line(redact_reason(text))
