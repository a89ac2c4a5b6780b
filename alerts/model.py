"""Frozen records of the alerting side: alerts, their timeline, outbox messages, exposures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol
from urllib.parse import unquote, urlsplit

from detectors.model import Severity

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware UTC; tests pass their own."""


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def stamp(moment: datetime) -> str:
    """A time as the store keeps it: UTC ISO 8601 to the second."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def parse_stamp(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


IMMEDIATE = (Severity.CRITICAL, Severity.HIGH)
"""Severities emailed at once; the others wait for the site's nightly digest."""


class AlertState(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    TAKEN_DOWN = "taken_down"
    RESOLVED = "resolved"

    @property
    def active(self) -> bool:
        """Still believed to be online."""
        return self in (AlertState.OPEN, AlertState.ACKNOWLEDGED)


class MessageKind(StrEnum):
    ALERT = "alert"
    CHANGED = "changed"
    REAPPEARED = "reappeared"
    TAKEN_DOWN = "taken_down"
    ESCALATION = "escalation"
    DIGEST = "digest"
    TEST = "test"
    """`leaksweep config check --send-test`: proves the mail settings, about no alert."""
    UNREACHABLE = "unreachable"


class OutboxState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class Route(Protocol):
    """Where a site's alerts go; `crawler.config.Site` is one."""

    @property
    def name(self) -> str: ...

    @property
    def recipients(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Alert:
    id: str
    document_id: int
    scan_id: int
    site: str
    url: str
    referrer: str
    sha256: str
    severity: Severity
    state: AlertState
    people: int
    recipients: tuple[str, ...]
    created: str
    updated: str
    exposed_since: str
    """When the current exposure began: creation, or the last time it reappeared."""
    message_id: str | None = None
    """Message-ID of the first email about this alert; follow-ups thread under it."""
    subject: str | None = None
    acknowledged_at: str | None = None
    acknowledged_by: str | None = None
    taken_down_at: str | None = None
    resolved_at: str | None = None
    escalated_at: str | None = None
    digested_at: str | None = None
    last_checked: str | None = None

    @property
    def file_name(self) -> str:
        return file_label(self.url)


@dataclass(frozen=True)
class AlertEvent:
    alert_id: str
    at: str
    event: str
    detail: str


@dataclass(frozen=True)
class OutboxMessage:
    id: int
    alert_id: str | None
    kind: MessageKind
    site: str
    recipients: tuple[str, ...]
    subject: str
    message_id: str
    in_reply_to: str | None
    body_text: str
    body_html: str
    created: str
    state: OutboxState
    attempts: int


@dataclass(frozen=True)
class EntityCount:
    entity: str
    count: int
    hidden: bool


@dataclass(frozen=True)
class Place:
    """One finding as a reader needs it: what, exactly where, and a masked example."""

    entity: str
    where: str
    vector: str
    hidden: bool
    count: int
    example: str


@dataclass(frozen=True)
class Exposure:
    """What one scan of a document exposed, built from the stored (masked) findings."""

    severity: Severity
    people: int
    format: str
    kinds: tuple[str, ...]
    special_categories: tuple[str, ...]
    entities: tuple[EntityCount, ...]
    places: tuple[Place, ...]
    hiding_places: tuple[str, ...]


@dataclass(frozen=True)
class Probe:
    """What re-fetching an alert's URL showed.

    `status` is the HTTP status after redirects; `sha256` the content's hash when there
    was content; `clean` is True when changed content was scanned and holds nothing,
    False when it still leaks, None when it was not scanned.
    """

    status: int
    sha256: str | None = None
    clean: bool | None = None


def file_label(url: str, limit: int = 80) -> str:
    """The last part of a URL's path, fit for a subject line or a heading (one line, bounded),
    masked when it could name someone ('Statement - J*** D**.pdf')."""
    from detectors.shown import shown_name  # the name check loads presidio: only when shown

    parts = urlsplit(url)
    name = unquote(parts.path).rstrip("/").rsplit("/", 1)[-1] or parts.netloc or url
    name = shown_name(" ".join(name.split()), numbers=False)
    return name if len(name) <= limit else name[: limit - 1] + "…"
