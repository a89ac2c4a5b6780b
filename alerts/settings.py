"""How alerts are sent and escalated (the [smtp] and [alerts] tables), with the value checks
the configuration file is validated by."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from email.utils import parseaddr
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, ConfigDict, Field, with_config

STRICT = ConfigDict(extra="forbid", strict=True)
"""Every settings table: no unknown keys, no value of the wrong type turned into the right one."""

_ADDRESS = re.compile(
    r"[^@\s<>\"(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*"
)


def check_cron(value: str) -> str:
    """A five-field crontab line, as the monitor's scheduler reads it."""
    from apscheduler.triggers.cron import CronTrigger

    if len(value.split()) != 5:
        raise ValueError(f"not a cron expression (minute hour day month weekday): {value!r}")
    try:
        CronTrigger.from_crontab(value)
    except ValueError as error:
        raise ValueError(f"not a cron expression: {value!r} ({error})") from None
    return value


def check_url(value: str) -> str:
    """An absolute http or https URL with a host."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL with a host: {value!r}")
    return value


def check_address(value: str) -> str:
    """An email address, bare or as 'Name <address>'."""
    _name, address = parseaddr(value)
    if not address or not _ADDRESS.fullmatch(address):
        raise ValueError(f"not an email address: {value!r}")
    return value


def check_host(value: str) -> str:
    """A host name or address, without scheme, path or port."""
    if not value or not re.fullmatch(r"[A-Za-z0-9._:\[\]-]+", value) or "//" in value:
        raise ValueError(f"not a host name: {value!r}")
    return value


def check_contact(value: str) -> str:
    """An email address, or an http(s) URL (named in the crawler's User-Agent)."""
    return check_url(value) if "://" in value else check_address(value)


def check_env_name(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value):
        raise ValueError(f"not an environment variable name: {value!r}")
    return value


Cron = Annotated[str, AfterValidator(check_cron)]
Url = Annotated[str, AfterValidator(check_url)]
EmailAddress = Annotated[str, AfterValidator(check_address)]
Host = Annotated[str, AfterValidator(check_host)]
Contact = Annotated[str, AfterValidator(check_contact)]
EnvName = Annotated[str, AfterValidator(check_env_name)]
Port = Annotated[int, Field(ge=1, le=65535)]
Positive = Annotated[float, Field(gt=0)]


@with_config(STRICT)
@dataclass(frozen=True)
class Smtp:
    host: Host
    port: Port = 587
    security: Literal["starttls", "tls", "none"] = "starttls"
    """starttls | tls | none"""
    username: str | None = None
    password_env: EnvName = "LEAKSWEEP_SMTP_PASSWORD"
    sender: EmailAddress = "leaksweep@localhost"
    timeout_s: Positive = 30.0
    ca_file: str | None = None
    """PEM bundle to trust for the server's certificate (default: the system's)."""

    @property
    def password(self) -> str | None:
        return os.environ.get(self.password_env)


@with_config(STRICT)
@dataclass(frozen=True)
class AlertSettings:
    escalate_after_hours: Positive = 4.0
    escalation: tuple[EmailAddress, ...] = ()
    """Who hears when a critical or high leak is still online after the delay (e.g. the DPO)."""
    digest_schedule: Cron = "0 7 * * *"


@with_config(STRICT)
@dataclass(frozen=True)
class GraphSettings:
    """[graph]: alert emails sent through Microsoft Graph `sendMail` (Microsoft 365)."""

    tenant_id: str
    client_id: str
    sender: EmailAddress
    """The mailbox alerts are sent as."""
    client_secret_env: EnvName = "LEAKSWEEP_GRAPH_SECRET"
    certificate_env: EnvName | None = None
    """Variable holding a PEM private key and certificate, used instead of a secret."""
    certificate_thumbprint: str | None = None
    authority_host: Url = "https://login.microsoftonline.com"
    graph_url: Url = "https://graph.microsoft.com"
    ca_file: str | None = None
    """A CA bundle for a TLS-inspecting proxy; the system's store otherwise."""
    timeout_s: Positive = 30.0
    max_wait_s: Positive = 60.0
    """The longest Retry-After honoured inside one delivery run; longer waits go to backoff."""


@with_config(STRICT)
@dataclass(frozen=True)
class TeamsSettings:
    """[teams]: an Adaptive Card per alert, posted through a Teams Workflows webhook."""

    webhook_env: EnvName = "LEAKSWEEP_TEAMS_WEBHOOK"
    """Variable holding the webhook URL (a secret: anyone holding it can post)."""
    ca_file: str | None = None
    timeout_s: Positive = 30.0
    max_wait_s: Positive = 60.0


ChannelName = Literal["email", "teams"]
"""The channels a site's alerts go to; "email" is SMTP, Microsoft Graph or .eml files."""
