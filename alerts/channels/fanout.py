"""Several channels for one site (email and Teams): each message reaches each channel once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from email.message import EmailMessage
from typing import TYPE_CHECKING

from alerts import outbox
from alerts.errors import DeliveryError
from alerts.model import OutboxMessage

if TYPE_CHECKING:
    from alerts.channels import Channel
    from alerts.store import Store


class FanoutChannel:
    """Hands a message to every named channel it has not yet reached, recording each success
    at once; a failure in one leaves the message queued for that channel alone."""

    def __init__(
        self,
        channels: Mapping[str, Channel],
        store: Store,
        routes: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        if not channels:
            raise ValueError("at least one channel")
        self.channels = dict(channels)
        self.store = store
        self.routes = dict(routes or {})
        """Site -> the channels its messages go to; a site not listed gets every channel."""
        self.sender = next(iter(self.channels.values())).sender

    def send(self, message: OutboxMessage, email: EmailMessage) -> str | None:
        done = outbox.delivered_channels(self.store, message.id)
        warnings: list[str] = []
        failures: list[tuple[str, DeliveryError]] = []
        wanted = self.routes.get(message.site, tuple(self.channels))
        for name, channel in self.channels.items():
            if name in done or name not in wanted:
                continue
            try:
                warning = channel.send(message, email)
            except DeliveryError as error:
                failures.append((name, error))
                continue
            outbox.mark_delivered(self.store, message.id, name, self.store.clock())
            if warning:
                warnings.append(f"{name}: {warning}")
        if failures:
            raise DeliveryError(
                "; ".join(f"{name}: {error}" for name, error in failures),
                temporary=all(error.temporary for _, error in failures),
            )
        return "; ".join(warnings) or None

    def close(self) -> None:
        for channel in self.channels.values():
            channel.close()
