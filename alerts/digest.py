"""The nightly digest: one email per site listing medium and low alerts not yet reported."""

from __future__ import annotations

from typing import TYPE_CHECKING

from alerts import lifecycle, outbox
from alerts.exposure import load_exposure
from alerts.model import IMMEDIATE, Alert, AlertState, Clock, stamp
from alerts.render import DigestEntry, render_digest

if TYPE_CHECKING:
    from alerts.store import Store


def queue_digests(store: Store, clock: Clock | None = None) -> list[int]:
    """Queue one digest per site with new open medium/low alerts; returns the outbox ids."""
    now = (clock or store.clock)()
    pending = [
        alert
        for alert in lifecycle.list_alerts(store, states=(AlertState.OPEN, AlertState.ACKNOWLEDGED))
        if alert.severity not in IMMEDIATE and alert.digested_at is None
    ]
    by_site: dict[str, list[Alert]] = {}
    for alert in pending:
        by_site.setdefault(alert.site, []).append(alert)
    queued = []
    for site, alerts in sorted(by_site.items()):
        entries = [DigestEntry(a, load_exposure(store, a.scan_id)) for a in alerts]
        recipients = tuple(dict.fromkeys(r for a in alerts for r in a.recipients))
        with store.db.atomic():
            queued.append(
                outbox.enqueue_digest(
                    store, site, recipients, render_digest(site, entries, now=now), now
                )
            )
            for alert in alerts:
                store.db.table("alerts").update(alert.id, {"digested_at": stamp(now)})
                lifecycle.record_event(store, alert.id, "digested", f"in the digest for {site}")
    return queued
