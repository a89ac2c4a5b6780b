"""Turning a stored scan into an alert: one per exposed document, deduplicated, never a flood.

Content is known by its hash. An alerted content seen online again — rescanned, fetched
unchanged, or at another address of the same site — reopens its alert if it was closed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from typing import TYPE_CHECKING

from alerts import lifecycle, outbox
from alerts.model import IMMEDIATE, AlertState, MessageKind, Route, stamp
from detectors.model import Severity, Status, Verdict

if TYPE_CHECKING:
    from alerts.store import Store

log = logging.getLogger(__name__)


def alert_id(salt: bytes, url: str, sha256: str, site: str = "") -> str:
    """Stable and short, and reveals nothing about the document without the salt."""
    seed = f"{url}\0{sha256}" + (f"\0{site}" if site else "")
    digest = hmac.new(salt, seed.encode(), hashlib.sha256).hexdigest()
    return "LS-" + digest[:10].upper()


def record_verdict(
    store: Store,
    document_id: int,
    verdict: Verdict,
    *,
    site: Route | None = None,
    referrer: str | None = None,
) -> int:
    """Store a scan, its masked findings and any alert in one transaction; returns the scan id.

    `site` gives the alert its recipients (else none: the site's configured ones are used
    at delivery); `referrer` the page linking to the document (else the one recorded
    with the fetch).
    """
    with store.db.atomic():
        scan_id = store.insert_scan(document_id, verdict)
        alert_id = raise_alert(store, document_id, scan_id, verdict, site=site, referrer=referrer)
    # One event per verdict for a SIEM: ids, counts and ratings only, never the URL or a value.
    log.info(
        "document %d: %s, %s, %d people%s",
        document_id,
        verdict.status,
        verdict.severity,
        verdict.people,
        f", alert {alert_id}" if alert_id else "",
        extra={
            "event": "verdict",
            "document_id": document_id,
            "scan_id": scan_id,
            "site": site.name if site else None,
            "format": verdict.format,
            "status": str(verdict.status),
            "severity": str(verdict.severity),
            "people": verdict.people,
            "unread": len(verdict.unread),
            "alert_id": alert_id,
        },
    )
    return scan_id


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
    doc_site, url, doc_referrer = store.document_site_url(document_id)
    if site is not None:
        doc_site = site.name
    if verdict.severity is Severity.NONE:
        # Only a version read in full is clean; one cut short by a limit or damage says nothing.
        if verdict.fully_read:
            for alert in lifecycle.active_alerts_at(store, url, doc_site):
                lifecycle.take_down(store, alert, "the document was replaced by a clean version")
        return None
    now = stamp(store.clock())
    changes = _changes(document_id, scan_id, verdict.sha256, verdict.severity, verdict.people)
    changes["updated"] = now
    if site is not None:
        changes["site"] = site.name
        changes["recipients"] = json.dumps(list(site.recipients))
    if referrer:
        changes["referrer"] = referrer

    known = _back_online(store, doc_site, url, verdict.sha256, changes)
    if known is not None:
        return known

    active = lifecycle.active_alerts_at(store, url, doc_site)
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

    new_id = alert_id(store.salt, url, verdict.sha256, doc_site)
    store.db.table("alerts").insert(
        {
            "id": new_id,
            "site": doc_site,
            "url": url,
            "referrer": doc_referrer,
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


def note_online(store: Store, document_id: int, sha256: str, *, referrer: str = "") -> str | None:
    """A crawl saw this document's content online without rescanning it (same hash, or 304).

    The verdict is the one already stored for that content; if it was alerted and the
    alert has since been taken down or resolved, the alert reopens and a "back online"
    email goes out. Returns the alert concerned, or None.
    """
    row = store.db.execute(
        "SELECT id, severity, people, status FROM scans WHERE document_id = ? AND sha256 = ? "
        "ORDER BY id DESC LIMIT 1",
        [document_id, sha256],
    ).fetchone()
    if row is None or row[3] != str(Status.SCANNED) or row[1] in (None, str(Severity.NONE)):
        return None
    scan_id, severity, people, _status = row
    doc_site, url, _referrer = store.document_site_url(document_id)
    changes = _changes(document_id, scan_id, sha256, Severity(severity), people or 0)
    if referrer:
        changes["referrer"] = referrer
    with store.db.atomic():
        return _back_online(store, doc_site, url, sha256, changes)


def _changes(
    document_id: int, scan_id: int, sha256: str, severity: Severity, people: int
) -> dict[str, object]:
    return {
        "document_id": document_id,
        "scan_id": scan_id,
        "sha256": sha256,
        "severity": str(severity),
        "people": people,
    }


def _back_online(
    store: Store, site: str, url: str, sha256: str, changes: dict[str, object]
) -> str | None:
    """The alert already covering this content at `url`, reopened if it was closed.

    None when no alert knows the content here and it is not a closed alert's content
    come back elsewhere (a live alert for it at another URL does not cover this URL).
    """
    known = lifecycle.alerts_with_content(store, site, sha256)
    here = [a for a in known if a.url == url]
    if any(a.state.active for a in here):
        return next(a.id for a in here if a.state.active)
    if here:
        detail = "the same content is online again at the same address"
        return lifecycle.reopen(store, here[0], changes, detail).id
    if not known or any(a.state.active for a in known):
        return None
    closed = known[0]
    moved = {**changes, "url": url}
    detail = f"the same content is online again at another address (was {closed.url})"
    return lifecycle.reopen(store, closed, moved, detail).id


def _remember_content(store: Store, alert: str, sha256: str, scan_id: int, now: str) -> None:
    store.db.table("alert_contents").insert(
        {"alert_id": alert, "sha256": sha256, "scan_id": scan_id, "first_seen": now},
        ignore=True,
    )
