"""The outbox: messages queued with their alert, claimed with a lease, retried with backoff.

A row moves queued -> sending -> sent. 'sending' is stamped (attempts + lease) before the
channel is called, so a crash between handing a message over and marking it sent leaves
it in 'sending'; once the lease runs out it is retried once more under the same
Message-ID (receiving systems can dedupe on it), and never again after that.
"""

from __future__ import annotations

import json
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from alerts.exposure import load_exposure
from alerts.links import links_for
from alerts.model import Alert, MessageKind, OutboxMessage, OutboxState, stamp
from alerts.render import Rendered, render_message

if TYPE_CHECKING:
    from alerts.store import Store

BACKOFF_START = timedelta(minutes=1)
BACKOFF_CAP = timedelta(hours=6)
MAX_ATTEMPTS = 12
"""About a day of retries at the capped backoff; after that a person must look."""
LEASE = timedelta(minutes=10)
"""Longer than any SMTP conversation (timeouts included), so a live sender is never robbed."""

_COLUMNS = (
    "id, alert_id, kind, site, recipients, subject, message_id, in_reply_to, body_text, "
    "body_html, created, state, attempts"
)


def backoff(attempts: int) -> timedelta:
    """Wait after the n-th failed attempt: 1, 2, 4 … minutes, at most six hours."""
    return min(BACKOFF_START * 2 ** max(attempts - 1, 0), BACKOFF_CAP)


def enqueue(
    store: Store,
    alert: Alert,
    kind: MessageKind,
    *,
    note: str = "",
    recipients: tuple[str, ...] | None = None,
    escalate_after_hours: float = 0,
) -> int:
    """Render and queue one message about `alert`; call inside the alert's transaction."""
    now = store.clock()
    rendered = render_message(
        kind,
        alert,
        load_exposure(store, alert.scan_id),
        now=now,
        note=note,
        escalate_after_hours=escalate_after_hours,
        links=links_for(store, alert.id),
    )
    message_id = new_message_id(alert.id, kind)
    threaded = kind is not MessageKind.ALERT and alert.message_id
    if kind is MessageKind.ALERT and not alert.message_id:
        store.db.table("alerts").update(
            alert.id, {"message_id": message_id, "subject": rendered.subject}
        )
    return _insert(
        store,
        alert_id=alert.id,
        kind=kind,
        site=alert.site,
        recipients=alert.recipients if recipients is None else recipients,
        rendered=rendered,
        message_id=message_id,
        in_reply_to=alert.message_id if threaded else None,
        now=now,
    )


def enqueue_digest(
    store: Store,
    site: str,
    recipients: tuple[str, ...],
    rendered: Rendered,
    now: datetime,
    kind: MessageKind = MessageKind.DIGEST,
) -> int:
    """Queue a message about a whole site (the digest, a site unreachable), not one alert."""
    return _insert(
        store,
        alert_id=None,
        kind=kind,
        site=site,
        recipients=recipients,
        rendered=rendered,
        message_id=new_message_id(site, kind),
        in_reply_to=None,
        now=now,
    )


def new_message_id(seed: str, kind: MessageKind) -> str:
    local = "".join(c for c in seed.lower() if c.isalnum() or c == "-") or "leaksweep"
    return f"<{local}.{kind}.{secrets.token_hex(6)}@leaksweep.local>"


def recover_stuck(store: Store, now: datetime) -> list[OutboxMessage]:
    """Messages whose sender died mid-delivery: requeue each once, give up the second time."""
    rows = store.db.execute(
        f"SELECT {_COLUMNS}, recovered FROM outbox WHERE state = ? AND lease_until <= ?",
        [str(OutboxState.SENDING), stamp(now)],
    ).fetchall()
    given_up = []
    for *values, recovered in rows:
        message = _message(tuple(values))
        if recovered:
            store.db.table("outbox").update(
                message.id,
                {
                    "state": str(OutboxState.FAILED),
                    "last_error": "interrupted twice while sending; it may have been delivered",
                },
            )
            given_up.append(message)
        else:
            store.db.table("outbox").update(
                message.id,
                {
                    "state": str(OutboxState.QUEUED),
                    "recovered": 1,
                    "next_attempt": stamp(now),
                    "last_error": "interrupted while sending; retrying once",
                },
            )
    return given_up


def due(store: Store, now: datetime, *, ignore_backoff: bool = False) -> list[OutboxMessage]:
    condition = "" if ignore_backoff else "AND next_attempt <= ?"
    params = [str(OutboxState.QUEUED)] + ([] if ignore_backoff else [stamp(now)])
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE state = ? {condition} ORDER BY id", params
    ).fetchall()
    return [_message(row) for row in rows]


def claim(store: Store, message_id: int, now: datetime) -> bool:
    """Take a queued message for sending; False when another sender got there first."""
    with store.db.atomic():
        cursor = store.db.execute(
            "UPDATE outbox SET state = ?, attempts = attempts + 1, lease_until = ? "
            "WHERE id = ? AND state = ?",
            [str(OutboxState.SENDING), stamp(now + LEASE), message_id, str(OutboxState.QUEUED)],
        )
    return cursor.rowcount == 1


def mark_sent(store: Store, message_id: int, now: datetime, warning: str | None = None) -> None:
    store.db.table("outbox").update(
        message_id,
        {
            "state": str(OutboxState.SENT),
            "sent_at": stamp(now),
            "lease_until": None,
            "last_error": warning,
        },
    )


def mark_failed_attempt(store: Store, message: OutboxMessage, now: datetime, error: str) -> bool:
    """Requeue with backoff, or give up after MAX_ATTEMPTS; True when it will be retried."""
    attempts = message.attempts + 1  # `message` was read before claim() counted this attempt
    retry = attempts < MAX_ATTEMPTS
    store.db.table("outbox").update(
        message.id,
        {
            "state": str(OutboxState.QUEUED if retry else OutboxState.FAILED),
            "next_attempt": stamp(now + backoff(attempts)) if retry else None,
            "lease_until": None,
            "last_error": error,
        },
    )
    return retry


def delivered_channels(store: Store, message_id: int) -> set[str]:
    """The channels a message has already reached (it is sent when all have)."""
    rows = store.db.execute("SELECT channel FROM deliveries WHERE outbox_id = ?", [message_id])
    return {str(channel) for (channel,) in rows.fetchall()}


def mark_delivered(store: Store, message_id: int, channel: str, now: datetime) -> None:
    with store.db.atomic():
        store.db.table("deliveries").insert(
            {"outbox_id": message_id, "channel": channel, "delivered_at": stamp(now)},
            replace=True,
        )


def count_queued(store: Store) -> int:
    row = store.db.execute(
        "SELECT count(*) FROM outbox WHERE state IN (?, ?)",
        [str(OutboxState.QUEUED), str(OutboxState.SENDING)],
    ).fetchone()
    return int(row[0])


def _insert(
    store: Store,
    *,
    alert_id: str | None,
    kind: MessageKind,
    site: str,
    recipients: tuple[str, ...],
    rendered: Rendered,
    message_id: str,
    in_reply_to: str | None,
    now: datetime,
) -> int:
    row: dict[str, Any] = {
        "alert_id": alert_id,
        "kind": str(kind),
        "site": site,
        "recipients": json.dumps(list(recipients)),
        "subject": rendered.subject,
        "message_id": message_id,
        "in_reply_to": in_reply_to,
        "body_text": rendered.text,
        "body_html": rendered.html,
        "created": stamp(now),
        "state": str(OutboxState.QUEUED),
        "attempts": 0,
        "next_attempt": stamp(now),
    }
    pk = store.db.table("outbox").insert(row).last_pk
    assert isinstance(pk, int)
    return pk


def _message(row: tuple[Any, ...]) -> OutboxMessage:
    (pk, alert_id, kind, site, recipients, subject, message_id, in_reply_to) = row[:8]
    body_text, body_html, created, state, attempts = row[8:]
    return OutboxMessage(
        id=pk,
        alert_id=alert_id,
        kind=MessageKind(kind),
        site=site or "",
        recipients=tuple(json.loads(recipients or "[]")),
        subject=subject,
        message_id=message_id,
        in_reply_to=in_reply_to,
        body_text=body_text,
        body_html=body_html,
        created=created,
        state=OutboxState(state),
        attempts=attempts or 0,
    )
