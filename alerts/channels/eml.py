"""The fallback channel: each email written as an owner-only .eml file in the outbox folder."""

from __future__ import annotations

import os
import re
from email.message import EmailMessage
from pathlib import Path

from alerts.errors import DeliveryError
from alerts.model import OutboxMessage
from alerts.private import private_dir


class EmlChannel:
    """Writing the same message twice replaces its file, so a retry never makes a second copy."""

    def __init__(self, folder: Path, sender: str) -> None:
        self.folder = folder
        self.sender = sender

    def send(self, message: OutboxMessage, email: EmailMessage) -> str | None:
        target = self.folder / file_name(message)
        partial = target.with_suffix(".eml.part")
        try:
            private_dir(self.folder)
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(email.as_bytes())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, target)
        except OSError as error:
            raise DeliveryError(
                f"cannot write {target}: {error.strerror}", temporary=True
            ) from error
        return None

    def close(self) -> None:
        return None


def file_name(message: OutboxMessage) -> str:
    """Sortable by time, named after the alert (or site, for a digest), unique per message."""
    moment = re.sub(r"[^0-9T]", "", message.created[:19])
    subject = message.alert_id or f"digest-{message.site}"
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", subject).strip("-")[:60] or "message"
    return f"{moment}-{safe}-{message.kind}-{message.id}.eml"
