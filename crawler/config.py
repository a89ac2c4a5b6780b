"""The TOML configuration: sites to watch, where data lives, how alerts are sent.

Secrets never sit in the file: the SMTP password is read from the environment variable
the file names (default LEAKSWEEP_SMTP_PASSWORD).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class ConfigError(Exception):
    """The configuration file is missing, unreadable or holds a wrong value."""


@dataclass(frozen=True)
class Site:
    name: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...] = ()
    disclosure_log: str | None = None
    """Listing page of the FOI disclosure log (Single Online Home style by default)."""
    whatdotheyknow: str | None = None
    """The authority's WhatDoTheyKnow body slug, e.g. 'police_service_of_northern_ireland'."""
    whatdotheyknow_base: str = "https://www.whatdotheyknow.com"
    sitemaps: tuple[str, ...] = ()
    schedule: str = "0 2 * * *"
    """Cron expression (minute hour day month weekday) for the nightly crawl."""
    recipients: tuple[str, ...] = ()
    allow_list: tuple[str, ...] = ()
    """Names meant to be public (the chief officer team), never reported."""
    javascript: bool = False
    """Render every HTML page in Chromium (a site behind a JavaScript challenge)."""
    max_pages: int = 20_000
    max_depth: int = 8
    disclosure_listing: str = r"/published-items/|[?&](page|pg|p)=\d+"
    """Regular expression for listing pages of the disclosure log (pagination, date filters)."""
    disclosure_entries: str = r"/disclosure-log/\d{4}/[^/]+/[^/?#]+/?$"
    """Regular expression for links from a listing page to one disclosure-log entry."""
    disclosure_attachments: str = (
        r"/(sys)?siteassets/|/globalassets/|/media/|/download/"
        r"|\.(pdf|xlsx?|xlsm|xlsb|csv|ods|odt|docx?|rtf|pptx?|zip|txt|msg|eml)$"
    )
    """Regular expression (case-insensitive) for attachment links on an entry page."""


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int = 587
    security: str = "starttls"
    """starttls | tls | none"""
    username: str | None = None
    password_env: str = "LEAKSWEEP_SMTP_PASSWORD"
    sender: str = "leaksweep@localhost"
    timeout_s: float = 30.0
    ca_file: str | None = None
    """PEM bundle to trust for the server's certificate (default: the system's)."""

    @property
    def password(self) -> str | None:
        return os.environ.get(self.password_env)


@dataclass(frozen=True)
class AlertSettings:
    escalate_after_hours: float = 4.0
    escalation: tuple[str, ...] = ()
    """Who hears when a critical or high leak is still online after the delay (e.g. the DPO)."""
    digest_schedule: str = "0 7 * * *"


@dataclass(frozen=True)
class Config:
    data_dir: Path
    contact: str = "webmaster@localhost"
    """Named in the crawler's User-Agent so a site owner can reach the operator."""
    quarantine_days: int = 30
    sites: tuple[Site, ...] = ()
    smtp: Smtp | None = None
    alerts: AlertSettings = field(default_factory=AlertSettings)
    console_url: str | None = None
    """Public address of `leaksweep serve` behind the reverse proxy, for links in emails."""
    hook_token_env: str = "LEAKSWEEP_HOOK_TOKEN"
    """Environment variable holding the bearer token of the publish hook (unset: hook off)."""
    proxy_user_header: str | None = None
    """Header set by a trusted single-sign-on proxy naming the user (e.g. X-Forwarded-Email)."""

    @property
    def database(self) -> Path:
        return self.data_dir / "leaksweep.db"

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "quarantine"

    def site(self, name: str) -> Site:
        for site in self.sites:
            if site.name == name:
                return site
        known = ", ".join(s.name for s in self.sites) or "none configured"
        raise ConfigError(f"no site named {name!r} (sites: {known})")


def default_data_dir() -> Path:
    if "LEAKSWEEP_DATA" in os.environ:
        return Path(os.environ["LEAKSWEEP_DATA"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "leaksweep"


def load_config(path: Path | None) -> Config:
    """Read the TOML file at `path` (or $LEAKSWEEP_CONFIG); no file gives the embedded defaults."""
    if path is None and os.environ.get("LEAKSWEEP_CONFIG"):
        path = Path(os.environ["LEAKSWEEP_CONFIG"])
    if path is None:
        return Config(data_dir=default_data_dir())
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ConfigError(f"configuration file not found: {path}") from error
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read {path}: {error}") from error
    return parse_config(raw)


def parse_config(raw: dict[str, Any]) -> Config:
    data_dir = Path(os.path.expanduser(raw.pop("data_dir", str(default_data_dir()))))
    sites = tuple(
        _build(Site, entry, f"sites[{i}]") for i, entry in enumerate(raw.pop("sites", []))
    )
    names = [site.name for site in sites]
    if len(set(names)) != len(names):
        raise ConfigError("two sites share a name")
    smtp = _build(Smtp, raw.pop("smtp"), "smtp") if "smtp" in raw else None
    alerts = _build(AlertSettings, raw.pop("alerts", {}), "alerts")
    return _build(
        Config, {**raw, "data_dir": data_dir, "sites": sites, "smtp": smtp, "alerts": alerts}, ""
    )


def _build(cls: type[T], values: dict[str, Any], section: str) -> T:
    if not isinstance(values, dict):
        raise ConfigError(f"[{section}] must be a table")
    known = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
    unknown = set(values) - set(known)
    if unknown:
        where = f" in [{section}]" if section else ""
        raise ConfigError(f"unknown setting{where}: {', '.join(sorted(unknown))}")
    converted = {
        key: tuple(value) if isinstance(value, list) else value for key, value in values.items()
    }
    try:
        return cls(**converted)
    except TypeError as error:
        raise ConfigError(f"[{section or 'top level'}] {error}") from error
