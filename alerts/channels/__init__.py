"""Ways an alert email leaves leaksweep: one module per channel, chosen from the configuration."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from alerts.channels.eml import EmlChannel
from alerts.channels.smtp import SmtpChannel
from alerts.model import Exposure, OutboxMessage
from alerts.settings import ChannelName, GraphSettings, Smtp, TeamsSettings

if TYPE_CHECKING:
    from alerts.store import Store

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


class ChannelSettings(Protocol):
    """What choosing channels needs (crawler.config.Config has it)."""

    @property
    def smtp(self) -> Smtp | None: ...

    @property
    def graph(self) -> GraphSettings | None: ...

    @property
    def teams(self) -> TeamsSettings | None: ...

    @property
    def console_url(self) -> str | None: ...

    @property
    def outbox_dir(self) -> Path: ...

    @property
    def channels_by_site(self) -> Mapping[str, tuple[ChannelName, ...]]: ...


def email_channel(config: ChannelSettings) -> Channel:
    """Microsoft Graph when [graph] is set, else SMTP when [smtp] is, else .eml files."""
    if config.graph is not None:
        from alerts.channels.graph import GraphMailChannel

        return GraphMailChannel(config.graph)
    if config.smtp is not None:
        return SmtpChannel(config.smtp)
    return EmlChannel(config.outbox_dir, sender=DEFAULT_SENDER)


def channel_for(config: ChannelSettings, store: Store | None = None) -> Channel:
    """Email alone, or email and Teams side by side (each message reaching each channel once;
    that bookkeeping needs the store)."""
    email = email_channel(config)
    wanted = {name for names in config.channels_by_site.values() for name in names}
    if store is None or wanted <= {"email"}:
        return email
    from alerts.channels.fanout import FanoutChannel
    from alerts.channels.teams import TeamsChannel

    channels: dict[str, Channel] = {"email": email}
    if "teams" in wanted and config.teams is not None:
        describe = _describer(store)
        channels["teams"] = TeamsChannel(config.teams, describe, console_url=config.console_url)
    return FanoutChannel(channels, store, routes=config.channels_by_site)


def _describer(store: Store) -> Callable[[OutboxMessage], Exposure | None]:
    from alerts.exposure import load_exposure
    from alerts.lifecycle import load_alert

    def describe(message: OutboxMessage) -> Exposure | None:
        if message.alert_id is None:
            return None
        return load_exposure(store, load_alert(store, message.alert_id).scan_id)

    return describe
