"""The TOML configuration: sites to watch, where data lives, how alerts are sent.

Secrets never sit in the file: the SMTP password is read from the environment variable
the file names (default LEAKSWEEP_SMTP_PASSWORD). The file is validated as a whole when it
is loaded (pydantic, strict types, unknown keys refused); a wrong value is a ConfigError
whose message is one line per problem, naming the key: `sites[0].schedule: not a cron
expression: '61 2 * * *'`.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, TypeAdapter, ValidationError, with_config
from pydantic_core import ErrorDetails

from alerts.settings import (
    STRICT,
    AlertSettings,
    ChannelName,
    Contact,
    Cron,
    EmailAddress,
    GraphSettings,
    Host,
    Smtp,
    TeamsSettings,
    Url,
)

__all__ = ["AlertSettings", "Config", "ConfigError", "Site", "Smtp", "load_config"]


class ConfigError(Exception):
    """The configuration file is missing, unreadable or holds a wrong value."""


def check_pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"not a regular expression: {value!r} ({error})") from None
    return value


def check_name(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"not a time zone name such as 'Europe/London': {value!r}") from None
    return value


Pattern = Annotated[str, AfterValidator(check_pattern)]
TimeZone = Annotated[str, AfterValidator(check_timezone)]
Name = Annotated[str, AfterValidator(check_name)]
Count = Annotated[int, Field(ge=1)]


@with_config(STRICT)
@dataclass(frozen=True)
class Site:
    name: Name
    start_urls: tuple[Url, ...]
    allowed_domains: tuple[Host, ...] = ()
    disclosure_log: Url | None = None
    """Listing page of the FOI disclosure log (Single Online Home style by default)."""
    whatdotheyknow: str | None = None
    """The authority's WhatDoTheyKnow body slug, e.g. 'police_service_of_northern_ireland'."""
    whatdotheyknow_base: Url = "https://www.whatdotheyknow.com"
    sitemaps: tuple[Url, ...] = ()
    schedule: Cron = "0 2 * * *"
    """Cron expression (minute hour day month weekday) for the nightly crawl."""
    recipients: tuple[EmailAddress, ...] = ()
    allow_list: tuple[str, ...] = ()
    """Names meant to be public (the chief officer team), never reported."""
    javascript: bool = False
    """Render every HTML page in Chromium (a site behind a JavaScript challenge)."""
    channels: tuple[ChannelName, ...] = ("email",)
    """Where its alerts go: "email" (SMTP, Microsoft Graph or .eml files) and "teams"."""
    allow_private: bool = False
    """Its hosts may resolve to loopback or private addresses (a site on the intranet, the demo)."""
    max_pages: Count = 20_000
    max_depth: Count = 8
    disclosure_listing: Pattern = r"/published-items/|[?&](page|pg|p)=\d+"
    """Regular expression for listing pages of the disclosure log (pagination, date filters)."""
    disclosure_entries: Pattern = r"/disclosure-log/\d{4}/[^/]+/[^/?#]+/?$"
    """Regular expression for links from a listing page to one disclosure-log entry."""
    disclosure_attachments: Pattern = (
        r"/(sys)?siteassets/|/globalassets/|/media/|/download/"
        r"|\.(pdf|xlsx?|xlsm|xlsb|csv|ods|odt|docx?|rtf|pptx?|zip|txt|msg|eml)$"
    )
    """Regular expression (case-insensitive) for attachment links on an entry page."""


@with_config(STRICT)
@dataclass(frozen=True)
class Config:
    data_dir: Path
    contact: Contact = "webmaster@localhost"
    """Named in the crawler's User-Agent so a site owner can reach the operator."""
    quarantine_days: Count = 30
    sites: tuple[Site, ...] = ()
    timezone: TimeZone = "Europe/London"
    """The zone cron `schedule`s are read in, whatever the host's zone."""
    console_url: Url | None = None
    """Public address of `leaksweep serve` behind the reverse proxy: alert emails and Teams
    cards link to it."""
    smtp: Smtp | None = None
    graph: GraphSettings | None = None
    teams: TeamsSettings | None = None
    alerts: AlertSettings = field(default_factory=AlertSettings)
    hook_token_env: str = "LEAKSWEEP_HOOK_TOKEN"
    """Environment variable holding the bearer token of the publish hook (unset: hook off)."""
    proxy_user_header: str | None = None
    """Header set by a trusted single-sign-on proxy naming the user (e.g. X-Forwarded-Email)."""

    @property
    def channels_by_site(self) -> dict[str, tuple[ChannelName, ...]]:
        return {site.name: site.channels for site in self.sites}

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
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read {path}: {error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path} is not valid TOML: {error}") from error
    return parse_config(raw)


_ADAPTER = TypeAdapter(Config)
_TABLES: dict[str, type] = {
    "sites": Site,
    "smtp": Smtp,
    "graph": GraphSettings,
    "teams": TeamsSettings,
    "alerts": AlertSettings,
}


def parse_config(raw: dict[str, Any]) -> Config:
    """Validate a parsed TOML document and build the Config it describes."""
    raw = dict(raw)
    data_dir = raw.pop("data_dir", None)
    if data_dir is not None and not isinstance(data_dir, str):
        raise ConfigError(f"data_dir: should be a path as a string (got {data_dir!r})")
    raw["data_dir"] = os.path.expanduser(data_dir) if data_dir else str(default_data_dir())
    try:
        config = _ADAPTER.validate_json(json.dumps(raw, default=str))
    except ValidationError as error:
        raise ConfigError("\n".join(_describe(e) for e in error.errors())) from None
    for i, site in enumerate(config.sites):
        if "teams" in site.channels and config.teams is None:
            raise ConfigError(f"sites[{i}].channels: 'teams' needs a [teams] table")
    names = [site.name for site in config.sites]
    for i, name in enumerate(names):
        if name in names[:i]:
            raise ConfigError(f"sites[{i}].name: two sites share the name {name!r}")
    return config


def _describe(error: ErrorDetails) -> str:
    """One line naming the key: `sites[0].schedule: not a cron expression: '61 2 * * *'`."""
    loc = [part for part in error["loc"] if not _is_type_tag(part)]
    key = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    kind, message = error["type"], error["msg"]
    if kind in ("unexpected_keyword_argument", "extra_forbidden"):
        return f"{key}: unknown setting{_suggestion(loc)}"
    if kind in ("missing_argument", "missing"):
        return f"{key}: required setting is missing"
    message = message.removeprefix("Value error, ")
    if kind != "value_error":
        message = message.replace("Input should", "should")
        message = message.replace("be an object", "be a table").replace("a valid array", "a list")
        message = f"{message} (got {_shown(error.get('input'))})"
    return f"{key or 'configuration'}: {message}"


def _is_type_tag(part: str | int) -> bool:
    # pydantic names the member of a union it tried ("Smtp", "str"); the key is enough.
    return isinstance(part, str) and (part[:1].isupper() or part in ("str", "int", "float"))


def _suggestion(loc: list[str | int]) -> str:
    table: type = Config
    for part in loc[:-1]:
        if isinstance(part, str):
            table = _TABLES.get(part, table)
    known = [f.name for f in fields(table)] if is_dataclass(table) else []
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
