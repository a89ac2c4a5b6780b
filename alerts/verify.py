"""Re-checking alerts: confirm takedowns, escalate leaks still online, catch leaks put back."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from alerts import lifecycle, outbox
from alerts.model import IMMEDIATE, Alert, AlertState, Clock, MessageKind, Probe, parse_stamp, stamp
from alerts.settings import AlertSettings

if TYPE_CHECKING:
    from alerts.store import Store

log = logging.getLogger(__name__)

Fetch = Callable[[str], Probe]
"""Re-fetches a URL; raises OSError when the site cannot be reached at all."""

GONE = (404, 410)
WATCH_AFTER_TAKEDOWN = timedelta(days=30)
"""A taken-down file is re-checked this long: a CMS restore or a re-upload puts it back."""


@dataclass(frozen=True)
class VerifyReport:
    checked: int
    taken_down: int
    still_exposed: int
    escalated: int
    unreachable: int
    back_online: int = 0


def verify_open_alerts(
    store: Store,
    fetch: Fetch,
    clock: Clock | None = None,
    settings: AlertSettings | None = None,
) -> VerifyReport:
    """Re-fetch every open or acknowledged alert's URL and move each alert on.

    404/410, or changed content that scans clean: taken down, and whoever was emailed is
    told to purge caches and copies. Anything else counts as still exposed; a critical or
    high leak still exposed `escalate_after_hours` after it was found is escalated, once.
    Alerts taken down in the last 30 days are fetched too: the same content back, or a
    version that still leaks, reopens the alert with a "back online" email.
    """
    now_of = clock or store.clock
    counts = dict.fromkeys(
        ("checked", "taken_down", "still_exposed", "escalated", "unreachable", "back_online"), 0
    )
    watched = (AlertState.OPEN, AlertState.ACKNOWLEDGED, AlertState.TAKEN_DOWN)
    since = now_of() - WATCH_AFTER_TAKEDOWN
    for alert in lifecycle.list_alerts(store, states=watched):
        if not alert.state.active and parse_stamp(alert.taken_down_at or alert.updated) < since:
            continue
        counts["checked"] += 1
        for outcome in verify_alert(store, alert, fetch, clock, settings):
            counts[outcome] += 1
    return VerifyReport(**counts)


def verify_alert(
    store: Store,
    alert: Alert,
    fetch: Fetch,
    clock: Clock | None = None,
    settings: AlertSettings | None = None,
) -> tuple[str, ...]:
    """Re-fetch one alert's URL and move it on; returns what happened, among 'taken_down',
    'still_exposed', 'escalated', 'unreachable' (which also counts as still exposed) and,
    for an alert already taken down, 'back_online' when the leak is there again."""
    now_of = clock or store.clock
    settings = settings or AlertSettings()
    outcomes: list[str] = []
    try:
        probe: Probe | None = fetch(alert.url)
    except OSError as error:
        log.info("cannot re-check %s: %s", alert.id, error)
        outcomes.append("unreachable")
        probe = None
    with store.db.atomic():
        store.db.table("alerts").update(alert.id, {"last_checked": stamp(now_of())})
        if not alert.state.active:
            back = _back_because(store, alert, probe)
            if back:
                lifecycle.reopen(store, alert, {}, back)
                outcomes.append("back_online")
            return tuple(outcomes)
        reason = _gone_because(alert, probe)
        if reason:
            lifecycle.take_down(store, alert, reason)
            return ("taken_down",)
        outcomes.append("still_exposed")
        if _escalation_due(alert, now_of, settings):
            _escalate(store, alert, settings)
            outcomes.append("escalated")
    return tuple(outcomes)


def _gone_because(alert: Alert, probe: Probe | None) -> str | None:
    if probe is None:
        return None
    if probe.status in GONE:
        return f"the site answered HTTP {probe.status}"
    if probe.sha256 and probe.sha256 != alert.sha256 and probe.clean:
        return "the file was replaced by a version with no personal data"
    return None


def _back_because(store: Store, alert: Alert, probe: Probe | None) -> str | None:
    if probe is None or probe.status != 200 or not probe.sha256:
        return None
    if lifecycle.has_content(store, alert.id, probe.sha256):
        return "the site serves the same file again"
    if probe.clean is False:
        return "the site serves a changed version that still exposes personal data"
    return None


def _escalation_due(alert: Alert, now_of: Clock, settings: AlertSettings) -> bool:
    if alert.escalated_at or alert.severity not in IMMEDIATE:
        return False
    online = now_of() - parse_stamp(alert.exposed_since)
    return online >= timedelta(hours=settings.escalate_after_hours)


def _escalate(store: Store, alert: Alert, settings: AlertSettings) -> None:
    # With no escalation address the site's own recipients hear again, louder.
    to = settings.escalation or alert.recipients
    now = stamp(store.clock())
    store.db.table("alerts").update(alert.id, {"escalated_at": now, "updated": now})
    lifecycle.record_event(
        store,
        alert.id,
        "escalated",
        f"still online after {settings.escalate_after_hours:g} hours; told {len(to)} address(es)",
    )
    outbox.enqueue(
        store,
        lifecycle.load_alert(store, alert.id),
        MessageKind.ESCALATION,
        recipients=tuple(to),
        escalate_after_hours=settings.escalate_after_hours,
    )
