"""The SQLite store (sites, documents, scans, findings, alerts, outbox), owner-only and migrated."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from alerts.intake import raise_alert
from alerts.lifecycle import take_down_url
from alerts.model import Clock, Route, utcnow
from alerts.schema import MIGRATIONS
from detectors.model import Verdict


def now() -> str:
    """UTC timestamp as stored: ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    url: str
    sha256: str | None
    etag: str | None
    last_modified: str | None
    gone_at: str | None


class Store:
    """One SQLite file of everything leaksweep knows; never holds a raw personal value."""

    def __init__(self, path: Path | str, clock: Clock = utcnow) -> None:
        self.path = Path(path)
        self.clock = clock
        """Time source for alert timestamps, escalation and retries; tests inject their own."""
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not self.path.exists():
                # Create the file owner-only before SQLite opens it, so there is no window.
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            os.chmod(self.path, 0o600)
            self.db = sqlite_utils.Database(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
        else:
            self.db = sqlite_utils.Database(memory=True)
        self.db.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    def migrate(self) -> None:
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        for step, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.db.atomic():
                migration(self.db)
                self.db.execute(f"PRAGMA user_version = {step}")

    @property
    def salt(self) -> bytes:
        """A per-installation secret for hashing values that must be compared but not kept."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
        if row:
            return bytes.fromhex(row[0])
        value = secrets.token_bytes(32)
        self.db.table("meta").insert({"key": "salt", "value": value.hex()}, replace=True)
        return value

    def document(self, url: str) -> DocumentRecord | None:
        row = self.db.execute(
            "SELECT id, url, sha256, etag, last_modified, gone_at FROM documents WHERE url = ?",
            [url],
        ).fetchone()
        return DocumentRecord(*row) if row else None

    def record_fetch(
        self,
        url: str,
        *,
        site: str = "",
        referrer: str = "",
        http_status: int = 200,
        etag: str | None = None,
        last_modified: str | None = None,
        content_type: str | None = None,
        sha256: str | None = None,
        size: int | None = None,
    ) -> int:
        """Note that `url` was fetched (or answered 304); returns the document id."""
        stamp = now()
        existing = self.document(url)
        values: dict[str, object] = {"url": url, "last_seen": stamp, "http_status": http_status}
        if site:
            values["site"] = site
        if referrer:
            values["referrer"] = referrer
        for key, value in (
            ("etag", etag),
            ("last_modified", last_modified),
            ("content_type", content_type),
            ("size", size),
        ):
            if value is not None:
                values[key] = value
        if sha256 is not None:
            values["sha256"] = sha256
            if existing is None or existing.sha256 != sha256:
                values["last_changed"] = stamp
        if existing is None:
            values["first_seen"] = stamp
            return _pk(self.db.table("documents").insert(values).last_pk)
        values["gone_at"] = None
        self.db.table("documents").update(existing.id, values)
        return existing.id

    def record_gone(self, url: str, http_status: int) -> None:
        """A known document now answers 404/410: keep it, mark when it went.

        Alerts still open for the URL become taken down in the same transaction.
        """
        existing = self.document(url)
        if existing is not None and existing.gone_at is None:
            with self.db.atomic():
                self.db.table("documents").update(
                    existing.id, {"gone_at": now(), "http_status": http_status, "last_seen": now()}
                )
                take_down_url(self, url, f"the site answered HTTP {http_status}")

    def record_verdict(
        self,
        document_id: int,
        verdict: Verdict,
        *,
        site: Route | None = None,
        referrer: str | None = None,
    ) -> int:
        """Store a scan, its masked findings and any alert in one transaction; returns the scan id.

        `site` gives the alert its site name and recipients (else the document's site and
        no recipients); `referrer` the page linking to the document (else the one recorded
        by `record_fetch`).
        """
        with self.db.atomic():
            scan_id = self._insert_scan(document_id, verdict)
            raise_alert(self, document_id, scan_id, verdict, site=site, referrer=referrer)
        return scan_id

    def _insert_scan(self, document_id: int, verdict: Verdict) -> int:
        scan_id = _pk(
            self.db.table("scans")
            .insert(
                {
                    "document_id": document_id,
                    "sha256": verdict.sha256,
                    "scanned_at": now(),
                    "status": str(verdict.status),
                    "error": verdict.error,
                    "format": verdict.format,
                    "severity": str(verdict.severity),
                    "people": verdict.people,
                    "kinds": json.dumps(list(verdict.kinds)),
                    "special_categories": json.dumps(list(verdict.special_categories)),
                    "structures": json.dumps(
                        [[str(s.vector), s.where, s.detail] for s in verdict.structures]
                    ),
                }
            )
            .last_pk
        )
        self.db.table("findings").insert_all(
            {
                "scan_id": scan_id,
                "document_id": document_id,
                "entity": finding.entity,
                "vector": str(finding.vector),
                "inner_vector": str(finding.inner_vector) if finding.inner_vector else None,
                "hidden": int(finding.hidden),
                "location": finding.where,
                "count": finding.count,
                "score": round(finding.score, 3),
                "example": finding.example,
            }
            for finding in verdict.findings
        )
        self.db.table("documents").update(
            document_id,
            {
                "status": str(verdict.status),
                "format": verdict.format,
                "severity": str(verdict.severity),
                "people": verdict.people,
                "sha256": verdict.sha256,
            },
        )
        return scan_id


def _pk(value: object) -> int:
    if not isinstance(value, int):
        raise TypeError(f"expected an integer primary key, got {value!r}")
    return value
