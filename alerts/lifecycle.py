"""An alert's life: open -> acknowledged -> taken_down -> resolved, each step on its timeline."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from alerts import outbox
from alerts.errors import AlertNotFound, AlertStateError
from alerts.model import IMMEDIATE, Alert, AlertEvent, AlertState, MessageKind, stamp
from detectors.model import Severity

if TYPE_CHECKING:
    from alerts.store import Store

log = logging.getLogger(__name__)

_COLUMNS = (
    "id, document_id, scan_id, site, url, referrer, sha256, severity, state, people, "
    "recipients, created, updated, message_id, subject, acknowledged_at, acknowledged_by, "
    "taken_down_at, resolved_at, escalated_at, digested_at, last_checked, exposed_since"
)


def load_alert(store: Store, alert_id: str) -> Alert:
    row = store.db.execute(f"SELECT {_COLUMNS} FROM alerts WHERE id = ?", [alert_id]).fetchone()
    if row is None:
        raise AlertNotFound(f"no alert {alert_id!r}")
    return _alert(row)


def list_alerts(
    store: Store,
    *,
    states: Iterable[AlertState] = (),
    severities: Iterable[Severity] = (),
    sites: Iterable[str] = (),
) -> list[Alert]:
    """Alerts matching every filter given, most severe first, then oldest first."""
    clauses, params = [], []
    for column, values in (
        ("state", [str(s) for s in states]),
        ("severity", [str(s) for s in severities]),
        ("site", list(sites)),
    ):
        if values:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = store.db.execute(f"SELECT {_COLUMNS} FROM alerts {where}", params).fetchall()
    alerts = [_alert(row) for row in rows]
    return sorted(alerts, key=lambda a: (-a.severity.rank, a.created, a.id))


def active_alerts_at(store: Store, url: str, site: str) -> list[Alert]:
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM alerts WHERE url = ? AND site = ? AND state IN (?, ?) "
        "ORDER BY created",
        [url, site, str(AlertState.OPEN), str(AlertState.ACKNOWLEDGED)],
    ).fetchall()
    return [_alert(row) for row in rows]


def alerts_with_content(store: Store, site: str, sha256: str) -> list[Alert]:
    """Alerts of `site` that have seen this content at any URL, newest first."""
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM alerts WHERE site = ? AND id IN "
        "(SELECT alert_id FROM alert_contents WHERE sha256 = ?) ORDER BY created DESC, id",
        [site, sha256],
    ).fetchall()
    return [_alert(row) for row in rows]


def has_content(store: Store, alert_id: str, sha256: str) -> bool:
    row = store.db.execute(
        "SELECT 1 FROM alert_contents WHERE alert_id = ? AND sha256 = ?", [alert_id, sha256]
    ).fetchone()
    return row is not None


def timeline(store: Store, alert_id: str) -> list[AlertEvent]:
    rows = store.db.execute(
        "SELECT alert_id, at, event, detail FROM alert_events WHERE alert_id = ? ORDER BY id",
        [alert_id],
    ).fetchall()
    return [AlertEvent(*row) for row in rows]


def record_event(store: Store, alert_id: str, event: str, detail: str = "") -> None:
    """Add to the timeline; `detail` must hold no raw value (counts, places, names of staff)."""
    store.db.table("alert_events").insert(
        {"alert_id": alert_id, "at": stamp(store.clock()), "event": event, "detail": detail}
    )
    log.info(
        "alert %s: %s %s",
        alert_id,
        event,
        detail,
        extra={"event": "alert", "alert_id": alert_id, "action": event, "detail": detail},
    )


def acknowledge(store: Store, alert_id: str, by: str) -> Alert:
    """Someone is dealing with it; escalation still happens if the file stays online."""
    with store.db.atomic():
        alert = load_alert(store, alert_id)
        if alert.state is not AlertState.OPEN:
            raise AlertStateError(f"{alert_id} is {alert.state}, only an open alert can be acked")
        now = stamp(store.clock())
        store.db.table("alerts").update(
            alert_id,
            {
                "state": str(AlertState.ACKNOWLEDGED),
                "acknowledged_at": now,
                "acknowledged_by": by,
                "updated": now,
            },
        )
        record_event(store, alert_id, "acknowledged", f"by {by}")
    return load_alert(store, alert_id)


def resolve(store: Store, alert_id: str, note: str = "") -> Alert:
    """Close the alert: the file and its copies are gone, or it was not personal data."""
    with store.db.atomic():
        alert = load_alert(store, alert_id)
        if alert.state is AlertState.RESOLVED:
            raise AlertStateError(f"{alert_id} is already resolved")
        now = stamp(store.clock())
        store.db.table("alerts").update(
            alert_id, {"state": str(AlertState.RESOLVED), "resolved_at": now, "updated": now}
        )
        was = "" if alert.state is AlertState.TAKEN_DOWN else f" while {alert.state}"
        record_event(store, alert_id, "resolved", (note or "no note") + was)
    return load_alert(store, alert_id)


def take_down(store: Store, alert: Alert, reason: str) -> None:
    """Verified offline: tell whoever was told of the leak, so they purge caches and copies."""
    now = stamp(store.clock())
    store.db.table("alerts").update(
        alert.id,
        {"state": str(AlertState.TAKEN_DOWN), "taken_down_at": now, "updated": now},
    )
    record_event(store, alert.id, "taken_down", reason)
    if alert.message_id:
        outbox.enqueue(store, load_alert(store, alert.id), MessageKind.TAKEN_DOWN, note=reason)


def take_down_url(store: Store, url: str, site: str, reason: str) -> None:
    for alert in active_alerts_at(store, url, site):
        take_down(store, alert, reason)


def record_gone(store: Store, url: str, site: str, http_status: int) -> bool:
    """A known document of `site` now answers 404/410: note it, and take its alerts down.

    Both in one transaction; returns False when the document was unknown or already gone.
    """
    with store.db.atomic():
        existing = store.document(url, site)
        if existing is None or existing.gone_at is not None:
            return False
        store.mark_gone(existing.id, http_status)
        take_down_url(store, url, site, f"the site answered HTTP {http_status}")
    return True


def reopen(store: Store, alert: Alert, changes: dict[str, object], detail: str) -> Alert:
    """Taken down or resolved, and online again: the alert opens anew and says so, at once.

    `changes` may move the alert to the URL and scan where the content was seen.
    """
    now = stamp(store.clock())
    store.db.table("alerts").update(
        alert.id,
        {
            **changes,
            "state": str(AlertState.OPEN),
            "updated": now,
            "exposed_since": now,
            "acknowledged_at": None,
            "acknowledged_by": None,
            "taken_down_at": None,
            "resolved_at": None,
            "escalated_at": None,
            "digested_at": None,
        },
    )
    record_event(store, alert.id, "reappeared", detail)
    reopened = load_alert(store, alert.id)
    if reopened.severity in IMMEDIATE:
        kind = MessageKind.REAPPEARED if reopened.message_id else MessageKind.ALERT
        outbox.enqueue(store, reopened, kind, note=detail)
    return reopened


def _alert(row: tuple[Any, ...]) -> Alert:
    values = dict(zip([c.strip() for c in _COLUMNS.split(",")], row, strict=True))
    return Alert(
        id=values["id"],
        document_id=values["document_id"],
        scan_id=values["scan_id"],
        site=values["site"] or "",
        url=values["url"],
        referrer=values["referrer"] or "",
        sha256=values["sha256"],
        severity=Severity(values["severity"]),
        state=AlertState(values["state"]),
        people=values["people"] or 0,
        recipients=tuple(json.loads(values["recipients"] or "[]")),
        created=values["created"],
        updated=values["updated"],
        exposed_since=values["exposed_since"] or values["created"],
        message_id=values["message_id"],
        subject=values["subject"],
        acknowledged_at=values["acknowledged_at"],
        acknowledged_by=values["acknowledged_by"],
        taken_down_at=values["taken_down_at"],
        resolved_at=values["resolved_at"],
        escalated_at=values["escalated_at"],
        digested_at=values["digested_at"],
        last_checked=values["last_checked"],
    )
