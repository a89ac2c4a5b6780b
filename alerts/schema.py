"""The database schema as numbered migrations; user_version counts how many have run."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


def _v1(db: sqlite_utils.Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("sites").create(
        {"name": str, "config": str, "first_seen": str, "last_crawl": str}, pk="name"
    )
    db.table("documents").create(
        {
            "id": int,
            "url": str,
            "site": str,
            "referrer": str,
            "sha256": str,
            "etag": str,
            "last_modified": str,
            "content_type": str,
            "size": int,
            "http_status": int,
            "status": str,
            "format": str,
            "severity": str,
            "people": int,
            "first_seen": str,
            "last_seen": str,
            "last_changed": str,
            "gone_at": str,
        },
        pk="id",
    )
    db.table("documents").create_index(["url"], unique=True)
    db.table("documents").create_index(["sha256"])
    db.table("scans").create(
        {
            "id": int,
            "document_id": int,
            "sha256": str,
            "scanned_at": str,
            "status": str,
            "error": str,
            "format": str,
            "severity": str,
            "people": int,
            "kinds": str,
            "special_categories": str,
            "structures": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents")],
    )
    db.table("findings").create(
        {
            "id": int,
            "scan_id": int,
            "document_id": int,
            "entity": str,
            "vector": str,
            "inner_vector": str,
            "hidden": int,
            "location": str,
            "count": int,
            "score": float,
            "example": str,
        },
        pk="id",
        foreign_keys=[("scan_id", "scans"), ("document_id", "documents")],
    )
    db.table("alerts").create(
        {
            "id": str,
            "document_id": int,
            "scan_id": int,
            "site": str,
            "url": str,
            "sha256": str,
            "severity": str,
            "state": str,
            "people": int,
            "created": str,
            "updated": str,
            "acknowledged_at": str,
            "acknowledged_by": str,
            "taken_down_at": str,
            "resolved_at": str,
            "escalated_at": str,
            "last_checked": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents"), ("scan_id", "scans")],
    )
    db.table("alerts").create_index(["url", "sha256"], unique=True)
    db.table("alert_events").create(
        {"id": int, "alert_id": str, "at": str, "event": str, "detail": str},
        pk="id",
        foreign_keys=[("alert_id", "alerts")],
    )
    db.table("outbox").create(
        {
            "id": int,
            "alert_id": str,
            "kind": str,
            "recipients": str,
            "subject": str,
            "message_id": str,
            "in_reply_to": str,
            "body_text": str,
            "body_html": str,
            "created": str,
            "state": str,
            "attempts": int,
            "next_attempt": str,
            "sent_at": str,
            "last_error": str,
        },
        pk="id",
    )
    db.table("outbox").create_index(["state", "next_attempt"])


def _v2(db: sqlite_utils.Database) -> None:
    """Alert routing and threading, digest and lease bookkeeping, contents seen per alert."""
    alerts = db.table("alerts")
    for column in (
        "referrer",
        "recipients",
        "message_id",
        "subject",
        "exposed_since",
        "digested_at",
    ):
        alerts.add_column(column, str)
    outbox = db.table("outbox")
    outbox.add_column("site", str)
    outbox.add_column("lease_until", str)
    outbox.add_column("recovered", int, not_null_default=0)
    db.table("alert_contents").create(
        {"alert_id": str, "sha256": str, "scan_id": int, "first_seen": str},
        pk=("alert_id", "sha256"),
        foreign_keys=[("alert_id", "alerts")],
    )
    db.table("alert_events").create_index(["alert_id"])


def _v3(db: sqlite_utils.Database) -> None:
    """Documents and alerts keyed per site; each site's crawl outcomes kept.

    Two sites may cover the same URL (a shared FOI host): each keeps its own document
    and its own alert, so each site's recipients hear of it.
    """
    db.execute("UPDATE documents SET site = '' WHERE site IS NULL")
    db.execute("DROP INDEX IF EXISTS idx_documents_url")
    db.table("documents").create_index(["site", "url"], unique=True)
    db.execute("DROP INDEX IF EXISTS idx_alerts_url_sha256")
    db.table("alerts").create_index(["site", "url", "sha256"], unique=True)
    db.table("alerts").create_index(["url"])
    db.table("alert_contents").create_index(["sha256"])
    # Every request asks whether its document's content has a verdict: keep that a lookup.
    db.table("scans").create_index(["document_id", "sha256"])
    db.table("crawl_outcomes").create(
        {"id": int, "site": str, "at": str, "reached": int, "failure": str},
        pk="id",
    )
    db.table("crawl_outcomes").create_index(["site", "id"])


def _v4(db: sqlite_utils.Database) -> None:
    """Which alert channels (email, Teams…) each outbox message has reached."""
    db.table("deliveries").create(
        {"outbox_id": int, "channel": str, "delivered_at": str},
        pk=("outbox_id", "channel"),
        foreign_keys=[("outbox_id", "outbox")],
    )


def _v5(db: sqlite_utils.Database) -> None:
    """Console accounts (a name, a role, an argon2id hash: never the password) and spent
    single-use links from alert emails."""
    db.table("users").create(
        {"name": str, "role": str, "password_hash": str, "created": str, "disabled": int},
        pk="name",
    )
    db.table("used_links").create({"nonce": str, "used_at": str}, pk="nonce")


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (_v1, _v2, _v3, _v4, _v5)
"""Schema steps in order; the database's user_version counts how many have run."""
