"""Delivering the outbox through a channel: due messages once each, failures retried later."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from alerts import lifecycle, outbox
from alerts.channels import Channel
from alerts.compose import compose
from alerts.errors import DeliveryError
from alerts.model import Clock, OutboxMessage

if TYPE_CHECKING:
    from alerts.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeliveryReport:
    sent: int
    retrying: int
    """Failed this run and queued again with backoff."""
    failed: int
    """Given up on this run (too many attempts, or interrupted twice)."""
    remaining: int
    """Still queued after the run, including messages not yet due."""
    errors: tuple[str, ...]
    """One line per refusal a person must fix (5xx, no recipients, TLS or login)."""

    @property
    def exit_status(self) -> int:
        """0 all delivered, 1 some still queued, 2 errors a person must look at."""
        if self.errors or self.failed:
            return 2
        return 1 if self.remaining else 0


def deliver_outbox(
    store: Store,
    channel: Channel,
    *,
    clock: Clock | None = None,
    ignore_backoff: bool = False,
    site_recipients: Mapping[str, tuple[str, ...]] | None = None,
) -> DeliveryReport:
    """Send every due message once; `site_recipients` fills in messages queued without any."""
    now_of = clock or store.clock
    given_up = outbox.recover_stuck(store, now_of())
    sent = retrying = 0
    errors: list[str] = [f"{m.subject}: interrupted twice, not sent again" for m in given_up]
    failed = len(given_up)
    try:
        for message in outbox.due(store, now_of(), ignore_backoff=ignore_backoff):
            if not outbox.claim(store, message.id, now_of()):
                continue
            ready = _with_recipients(message, site_recipients or {})
            try:
                warning = channel.send(ready, compose(ready, channel.sender, ready.recipients))
            except DeliveryError as error:
                log.warning("outbox %d not delivered: %s", message.id, error)
                if outbox.mark_failed_attempt(store, message, now_of(), str(error)):
                    retrying += 1
                else:
                    failed += 1
                if not error.temporary:
                    errors.append(f"outbox {message.id} ({message.kind}): {error}")
                continue
            outbox.mark_sent(store, message.id, now_of(), warning)
            sent += 1
            if message.alert_id:
                lifecycle.record_event(
                    store, message.alert_id, "emailed", f"{message.kind} to {len(ready.recipients)}"
                )
    finally:
        channel.close()
    return DeliveryReport(
        sent=sent,
        retrying=retrying,
        failed=failed,
        remaining=outbox.count_queued(store),
        errors=tuple(errors),
    )


def _with_recipients(
    message: OutboxMessage, site_recipients: Mapping[str, tuple[str, ...]]
) -> OutboxMessage:
    if message.recipients:
        return message
    return replace(message, recipients=tuple(site_recipients.get(message.site, ())))
