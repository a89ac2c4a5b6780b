"""The SQLite store (sites, documents, scans, findings, alerts, outbox): data access only.

Raising alerts and taking them down are decided in `alerts.intake` and `alerts.lifecycle`,
which call these methods inside one transaction; nothing here sends or decides.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from alerts.model import Clock, parse_stamp, stamp, utcnow
from alerts.private import private_dir
from alerts.schema import MIGRATIONS
from detectors.model import Verdict


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    site: str
    url: str
    sha256: str | None
    etag: str | None
    last_modified: str | None
    gone_at: str | None
    content_type: str | None
    judged: bool
    """A verdict on the current content is committed; until then no fetch may be skipped."""


@dataclass(frozen=True)
class CrawlOutcome:
    site: str
    at: str
    reached: bool
    failure: str | None


class Store:
    """One SQLite file of everything leaksweep knows; never holds a raw personal value."""

    def __init__(self, path: Path | str, clock: Clock = utcnow) -> None:
        self.path = Path(path)
        self.clock = clock
        """The one time source of every stamp the store writes; tests inject their own."""
        if str(path) != ":memory:":
            private_dir(self.path.parent)
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

    def now(self) -> str:
        """The store's clock as stored: UTC ISO 8601 to the second."""
        return stamp(self.clock())

    @property
    def salt(self) -> bytes:
        """A per-installation secret for hashing values that must be compared but not kept."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
        if row:
            return bytes.fromhex(row[0])
        value = secrets.token_bytes(32)
        self.db.table("meta").insert({"key": "salt", "value": value.hex()}, replace=True)
        return value

    # Documents

    def document(self, url: str, site: str) -> DocumentRecord | None:
        """What `site` knows of `url` (two sites covering one URL each keep their own row)."""
        row = self.db.execute(
            "SELECT d.id, d.site, d.url, d.sha256, d.etag, d.last_modified, d.gone_at, "
            "d.content_type, EXISTS (SELECT 1 FROM scans s WHERE s.document_id = d.id "
            "AND s.sha256 = COALESCE(d.sha256, '')) FROM documents d "
            "WHERE d.url = ? AND d.site = ?",
            [url, site],
        ).fetchone()
        if row is None:
            return None
        id_, site_, url_, sha256, etag, modified, gone_at, content_type, judged = row
        return DocumentRecord(
            id_, site_, url_, sha256, etag, modified, gone_at, content_type, bool(judged)
        )

    def document_site_url(self, document_id: int) -> tuple[str, str, str]:
        """(site, url, referrer) of a document."""
        site, url, referrer = self.db.execute(
            "SELECT site, url, referrer FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        return site or "", url, referrer or ""

    def record_fetch(
        self,
        url: str,
        *,
        site: str,
        referrer: str = "",
        http_status: int = 200,
        etag: str | None = None,
        last_modified: str | None = None,
        content_type: str | None = None,
        sha256: str | None = None,
        size: int | None = None,
    ) -> int:
        """Note that `site`'s crawl fetched `url` (or got a 304); returns the document id."""
        stamp_now = self.now()
        existing = self.document(url, site)
        values: dict[str, object] = {
            "url": url,
            "site": site,
            "last_seen": stamp_now,
            "http_status": http_status,
        }
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
                values["last_changed"] = stamp_now
        if existing is None:
            values["first_seen"] = stamp_now
            return _pk(self.db.table("documents").insert(values).last_pk)
        values["gone_at"] = None
        self.db.table("documents").update(existing.id, values)
        return existing.id

    def mark_gone(self, document_id: int, http_status: int) -> None:
        """The document now answers 404/410: keep its row, note when it went."""
        when = self.now()
        self.db.table("documents").update(
            document_id, {"gone_at": when, "http_status": http_status, "last_seen": when}
        )

    def rated_documents(self) -> list[tuple[str, str, int]]:
        """(url, severity, people) of every document with a verdict."""
        rows = self.db.execute(
            "SELECT url, severity, people FROM documents WHERE severity IS NOT NULL"
        ).fetchall()
        return [(url, severity, people or 0) for url, severity, people in rows]

    def document_severity(self, document_id: int) -> str | None:
        row = self.db.execute(
            "SELECT severity FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        return str(row[0]) if row and row[0] else None

    # Scans

    def scanned_severity(self, document_id: int, sha256: str) -> str | None:
        """Severity of the latest scan of this exact content of the document, None if never."""
        row = self.db.execute(
            "SELECT severity FROM scans WHERE document_id = ? AND sha256 = ? "
            "ORDER BY id DESC LIMIT 1",
            [document_id, sha256],
        ).fetchone()
        return None if row is None else str(row[0] or "none")

    def insert_scan(self, document_id: int, verdict: Verdict) -> int:
        """Store a scan and its masked findings; call inside the caller's transaction."""
        scan_id = _pk(
            self.db.table("scans")
            .insert(
                {
                    "document_id": document_id,
                    "sha256": verdict.sha256,
                    "scanned_at": self.now(),
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

    # Sites

    def record_crawl(self, site: str, at: str | None = None) -> None:
        """Note that a crawl of `site` finished (the monitor computes missed runs from it)."""
        when = at or self.now()
        sites = self.db.table("sites")
        if self.db.execute("SELECT 1 FROM sites WHERE name = ?", [site]).fetchone():
            sites.update(site, {"last_crawl": when})
        else:
            sites.insert({"name": site, "first_seen": when, "last_crawl": when})

    def last_crawl(self, site: str) -> datetime | None:
        row = self.db.execute("SELECT last_crawl FROM sites WHERE name = ?", [site]).fetchone()
        if not row or not row[0]:
            return None
        return parse_stamp(row[0])

    def record_outcome(self, site: str, reached: bool, failure: str | None) -> None:
        """One night's result for `site`: whether any page of it was fetched, and why not."""
        self.db.table("crawl_outcomes").insert(
            {"site": site, "at": self.now(), "reached": int(reached), "failure": failure}
        )

    def recent_outcomes(self, site: str, limit: int = 10) -> list[CrawlOutcome]:
        """The latest outcomes of `site`, newest first."""
        rows = self.db.execute(
            "SELECT site, at, reached, failure FROM crawl_outcomes WHERE site = ? "
            "ORDER BY id DESC LIMIT ?",
            [site, limit],
        ).fetchall()
        return [CrawlOutcome(s, at, bool(reached), failure) for s, at, reached, failure in rows]

    def documents_seen_under(self, prefix: str, since: str) -> list[tuple[str, str, str, str, int]]:
        """(url, site, status, severity, people) of documents at or linked from `prefix`
        seen since the stamp `since`."""
        rows = self.db.execute(
            "SELECT url, site, status, severity, people FROM documents "
            "WHERE (substr(url, 1, ?) = ? OR substr(referrer, 1, ?) = ?) AND last_seen >= ? "
            "ORDER BY url",
            [len(prefix), prefix, len(prefix), prefix, since],
        ).fetchall()
        return [
            (url, site, status, severity, people or 0)
            for url, site, status, severity, people in rows
        ]

    def alert_sites(self) -> set[str]:
        """Every site named by a stored alert."""
        return {row[0] for row in self.db.execute("SELECT DISTINCT site FROM alerts") if row[0]}

    def fast_writes(self) -> None:
        """For a crawl, which writes a row per URL: in WAL mode NORMAL keeps the file
        consistent on a crash and spares an fsync per row (at worst the last few fetches are
        fetched again)."""
        self.db.execute("PRAGMA synchronous = NORMAL")

    # Console accounts (the password only as a hash)

    def save_account(self, name: str, role: str, password_hash: str) -> None:
        self.db.table("users").insert(
            {
                "name": name,
                "role": role,
                "password_hash": password_hash,
                "created": self.now(),
                "disabled": 0,
            },
            replace=True,
        )

    def set_password_hash(self, name: str, password_hash: str) -> None:
        self.db.table("users").update(name, {"password_hash": password_hash})

    def delete_account(self, name: str) -> bool:
        return self.db.execute("DELETE FROM users WHERE name = ?", [name]).rowcount > 0

    def account(self, name: str) -> tuple[str, str, str] | None:
        """(name, role, password hash) of an enabled account."""
        row = self.db.execute(
            "SELECT name, role, password_hash FROM users WHERE name = ? AND disabled = 0", [name]
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def accounts(self) -> list[tuple[str, str]]:
        """(name, role) of every enabled account, by name."""
        rows = self.db.execute("SELECT name, role FROM users WHERE disabled = 0 ORDER BY name")
        return [(name, role) for name, role in rows.fetchall()]


def _pk(value: object) -> int:
    if not isinstance(value, int):
        raise TypeError(f"expected an integer primary key, got {value!r}")
    return value
