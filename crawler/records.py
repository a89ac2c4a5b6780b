"""The crawler's own questions to the Store: was this content scanned, when did a site last run."""

from __future__ import annotations

from datetime import datetime

from alerts.store import Store, now


def scanned_severity(store: Store, document_id: int, sha256: str) -> str | None:
    """Severity of the latest scan of this exact content of the document, None if never scanned."""
    row = store.db.execute(
        "SELECT severity FROM scans WHERE document_id = ? AND sha256 = ? ORDER BY id DESC LIMIT 1",
        [document_id, sha256],
    ).fetchone()
    return None if row is None else str(row[0] or "none")


def stored_content_type(store: Store, url: str) -> str | None:
    row = store.db.execute("SELECT content_type FROM documents WHERE url = ?", [url]).fetchone()
    return str(row[0]) if row and row[0] else None


def record_crawl(store: Store, site: str, at: str | None = None) -> None:
    """Note that a crawl of `site` finished (the monitor computes missed runs from it)."""
    stamp = at or now()
    sites = store.db.table("sites")
    if store.db.execute("SELECT 1 FROM sites WHERE name = ?", [site]).fetchone():
        sites.update(site, {"last_crawl": stamp})
    else:
        sites.insert({"name": site, "first_seen": stamp, "last_crawl": stamp})


def last_crawl(store: Store, site: str) -> datetime | None:
    row = store.db.execute("SELECT last_crawl FROM sites WHERE name = ?", [site]).fetchone()
    if not row or not row[0]:
        return None
    return datetime.fromisoformat(row[0])
