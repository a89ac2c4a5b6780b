"""Ways an alert email leaves leaksweep: one module per channel, chosen from the configuration."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from alerts.channels.eml import EmlChannel
from alerts.channels.smtp import SmtpChannel
from alerts.model import OutboxMessage
from alerts.settings import Smtp

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


class MailSettings(Protocol):
    """What choosing a channel needs (crawler.config.Config has it)."""

    @property
    def smtp(self) -> Smtp | None: ...

    @property
    def outbox_dir(self) -> Path: ...


def channel_for(config: MailSettings) -> Channel:
    """SMTP when the configuration has an [smtp] table, else .eml files in the outbox folder."""
    if config.smtp is not None:
        return SmtpChannel(config.smtp)
    return EmlChannel(config.outbox_dir, sender=DEFAULT_SENDER)
