"""Subjects and bodies of alert emails from the jinja2 templates (HTML autoescaped)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

import jinja2

from alerts.links import ConsoleLinks
from alerts.model import Alert, Exposure, MessageKind, parse_stamp

TEMPLATES = Path(__file__).parent / "templates"
ICO_HOURS = 72
"""UK GDPR Article 33: report a breach to the ICO within 72 hours of becoming aware of it."""


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class DigestEntry:
    alert: Alert
    exposure: Exposure


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=lambda name: name is not None and ".html" in name,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["when"] = human_time
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.filters["label"] = lambda s: str(s).replace("_", " ")
    return env


def human_time(value: str | datetime) -> str:
    moment = parse_stamp(value) if isinstance(value, str) else value
    return moment.strftime("%a %d %b %Y %H:%M UTC")


def one_line(text: str) -> str:
    """Header-safe: no line breaks, bounded."""
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:199] + "…"


def alert_subject(alert: Alert) -> str:
    severity = str(alert.severity).upper()
    return one_line(
        f"[leaksweep {severity}] Personal data exposed: {alert.file_name} ({alert.site})"
    )


def subject_for(kind: MessageKind, alert: Alert, escalate_after_hours: float = 0) -> str:
    root = alert.subject or alert_subject(alert)
    severity = str(alert.severity).upper()
    if kind is MessageKind.ALERT:
        return alert_subject(alert)
    if kind is MessageKind.CHANGED:
        return one_line(f"Re: {root} [changed, still exposed]")
    if kind is MessageKind.TAKEN_DOWN:
        return one_line(f"Re: {root} [taken down: now purge caches and copies]")
    if kind is MessageKind.REAPPEARED:
        return one_line(f"[leaksweep {severity}] Back online: {alert.file_name} ({alert.site})")
    if kind is MessageKind.ESCALATION:
        return one_line(
            f"[leaksweep ESCALATION {severity}] Still online after "
            f"{escalate_after_hours:g} hours: {alert.file_name} ({alert.site})"
        )
    raise ValueError(f"no subject for {kind}")


def render_message(
    kind: MessageKind,
    alert: Alert,
    exposure: Exposure,
    *,
    now: datetime,
    note: str = "",
    escalate_after_hours: float = 0,
    links: ConsoleLinks | None = None,
) -> Rendered:
    """One alert email; `note` is a value-free reason such as 'the site answered HTTP 404';
    `links` lead into the web console when one is served."""
    found = parse_stamp(alert.exposed_since)
    context = {
        "kind": str(kind),
        "alert": alert,
        "exposure": exposure,
        "found": found,
        "ico_deadline": found + timedelta(hours=ICO_HOURS),
        "now": now,
        "note": note,
        "hours_online": round((now - found).total_seconds() / 3600, 1),
        "max_places": 25,
        "links": links,
    }
    # Alerts carry the full evidence; notices (taken down, escalation) point back to it.
    full = kind in (MessageKind.ALERT, MessageKind.CHANGED, MessageKind.REAPPEARED)
    template = "alert" if full else "notice"
    env = environment()
    return Rendered(
        subject=subject_for(kind, alert, escalate_after_hours),
        text=env.get_template(f"{template}.txt.j2").render(context),
        html=env.get_template(f"{template}.html.j2").render(context),
    )


def render_digest(site: str, entries: list[DigestEntry], *, now: datetime) -> Rendered:
    count = len(entries)
    subject = one_line(
        f"[leaksweep digest] {count} lower-severity exposure{'s' if count != 1 else ''} ({site})"
    )
    context = {"site": site, "entries": entries, "now": now, "max_places": 10}
    env = environment()
    return Rendered(
        subject=subject,
        text=env.get_template("digest.txt.j2").render(context),
        html=env.get_template("digest.html.j2").render(context),
    )


def render_unreachable(site: str, failures: list[tuple[str, str]], *, now: datetime) -> Rendered:
    """The site could not be crawled on the nights given as (when, why), newest first."""
    subject = one_line(
        f"[leaksweep] Site unreachable: {site} not checked for {len(failures)} nights in a row"
    )
    context = {"site": site, "failures": failures, "now": now}
    env = environment()
    return Rendered(
        subject=subject,
        text=env.get_template("unreachable.txt.j2").render(context),
        html=env.get_template("unreachable.html.j2").render(context),
    )
