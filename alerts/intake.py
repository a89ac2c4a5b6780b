"""Turning a stored scan into an alert: one per exposed document, deduplicated, never a flood."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import TYPE_CHECKING

from alerts import lifecycle, outbox
from alerts.model import IMMEDIATE, Alert, AlertState, MessageKind, Route, stamp
from detectors.model import Severity, Verdict

if TYPE_CHECKING:
    from alerts.store import Store


def alert_id(salt: bytes, url: str, sha256: str) -> str:
    """Stable and short, and reveals nothing about the document without the salt."""
    digest = hmac.new(salt, f"{url}\0{sha256}".encode(), hashlib.sha256).hexdigest()
    return "LS-" + digest[:10].upper()


def raise_alert(
    store: Store,
    document_id: int,
    scan_id: int,
    verdict: Verdict,
    *,
    site: Route | None = None,
    referrer: str | None = None,
) -> str | None:
    """Raise, update or reopen the alert for this scan; runs inside the caller's transaction.

    Returns the id of the alert concerned, or None when nothing was found (a document cut
    short by a limit still alerts on what was found before the cut). Same content at the
    same URL again: nothing new. Changed content at a URL with an active alert: a threaded
    follow-up. Content seen before, after the alert was closed: the alert reopens. Anything
    else at or above low: a new alert.
    """
    url, doc_site, doc_referrer = store.db.execute(
        "SELECT url, site, referrer FROM documents WHERE id = ?", [document_id]
    ).fetchone()
    if verdict.severity is Severity.NONE:
        # Only a version read in full is clean; one cut short by a limit or damage says nothing.
        if verdict.fully_read:
            for alert in lifecycle.active_alerts_at(store, url):
                lifecycle.take_down(store, alert, "the document was replaced by a clean version")
        return None
    now = stamp(store.clock())
    changes = {
        "document_id": document_id,
        "scan_id": scan_id,
        "sha256": verdict.sha256,
        "severity": str(verdict.severity),
        "people": verdict.people,
        "updated": now,
    }
    if site is not None:
        changes["site"] = site.name
        changes["recipients"] = json.dumps(list(site.recipients))
    if referrer:
        changes["referrer"] = referrer

    seen = _alert_with_content(store, url, verdict.sha256)
    if seen is not None:
        if not seen.state.active:
            _reopen(store, seen, changes, now)
        return seen.id

    active = lifecycle.active_alerts_at(store, url)
    if active:
        current = active[0]
        store.db.table("alerts").update(current.id, changes)
        _remember_content(store, current.id, verdict.sha256, scan_id, now)
        lifecycle.record_event(
            store, current.id, "changed", f"new content at the same URL, still {verdict.severity}"
        )
        updated = lifecycle.load_alert(store, current.id)
        if updated.message_id:
            outbox.enqueue(store, updated, MessageKind.CHANGED)
        elif updated.severity in IMMEDIATE:
            outbox.enqueue(store, updated, MessageKind.ALERT)
        return current.id

    new_id = alert_id(store.salt, url, verdict.sha256)
    store.db.table("alerts").insert(
        {
            "id": new_id,
            "site": doc_site or "",
            "url": url,
            "referrer": doc_referrer or "",
            "recipients": "[]",
            "state": str(AlertState.OPEN),
            "created": now,
            "exposed_since": now,
            **changes,
        }
    )
    _remember_content(store, new_id, verdict.sha256, scan_id, now)
    alert = lifecycle.load_alert(store, new_id)
    lifecycle.record_event(
        store, new_id, "raised", f"{alert.severity}, {alert.people:,} people, {verdict.format}"
    )
    if alert.severity in IMMEDIATE:
        outbox.enqueue(store, alert, MessageKind.ALERT)
    return new_id


def _reopen(store: Store, alert: Alert, changes: dict[str, object], now: str) -> None:
    store.db.table("alerts").update(
        alert.id,
        {
            **changes,
            "state": str(AlertState.OPEN),
            "exposed_since": now,
            "acknowledged_at": None,
            "acknowledged_by": None,
            "taken_down_at": None,
            "resolved_at": None,
            "escalated_at": None,
            "digested_at": None,
        },
    )
    lifecycle.record_event(store, alert.id, "reappeared", "the same content is online again")
    reopened = lifecycle.load_alert(store, alert.id)
    if reopened.severity in IMMEDIATE:
        kind = MessageKind.REAPPEARED if reopened.message_id else MessageKind.ALERT
        outbox.enqueue(store, reopened, kind)


def _alert_with_content(store: Store, url: str, sha256: str) -> Alert | None:
    row = store.db.execute(
        "SELECT a.id FROM alerts a JOIN alert_contents c ON c.alert_id = a.id "
        "WHERE a.url = ? AND c.sha256 = ? ORDER BY a.created DESC LIMIT 1",
        [url, sha256],
    ).fetchone()
    return lifecycle.load_alert(store, row[0]) if row else None


def _remember_content(store: Store, alert: str, sha256: str, scan_id: int, now: str) -> None:
    store.db.table("alert_contents").insert(
        {"alert_id": alert, "sha256": sha256, "scan_id": scan_id, "first_seen": now},
        ignore=True,
    )
