"""Ways an alert email leaves leaksweep: one module per channel, chosen from the configuration."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Protocol

from alerts.channels.eml import EmlChannel
from alerts.channels.smtp import SmtpChannel
from alerts.model import OutboxMessage
from crawler.config import Config

DEFAULT_SENDER = "leaksweep@localhost"


class Channel(Protocol):
    """Delivers composed emails.

    `send` returns None, or a one-line warning when only some recipients took it; it
    raises `alerts.errors.DeliveryError` when the message was not delivered (with
    `temporary` True when retrying later may work). `close` ends any open connection.
    """

    sender: str

    def send(self, message: OutboxMessage, email: EmailMessage) -> str | None: ...

    def close(self) -> None: ...


def channel_for(config: Config) -> Channel:
    """SMTP when the configuration has an [smtp] table, else .eml files in the outbox folder."""
    if config.smtp is not None:
        return SmtpChannel(config.smtp)
    return EmlChannel(config.outbox_dir, sender=DEFAULT_SENDER)
