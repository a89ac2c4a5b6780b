"""`leaksweep config`: check the configuration file, and optionally send a test email."""

from __future__ import annotations

import json
import secrets
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import click

from alerts.channels import Channel, email_channel
from alerts.compose import compose
from alerts.errors import DeliveryError
from alerts.model import MessageKind, OutboxMessage, OutboxState, stamp
from crawler.cli._context import AppContext, ConfigProblem
from crawler.config import Config, ConfigError, parse_config

TEST_TEXT = """This is a test message from leaksweep.

If you can read it, leaksweep's alerts reach this address. Nothing was found: no
personal data, no document and no alert is described here.
"""


@click.group()
def config() -> None:
    """Write a starter configuration file, or check one."""


STARTER = """\
# leaksweep configuration for {name}, written by `leaksweep config init`.
# Every setting, commented: examples/leaksweep.toml in the source. Check it with
#   leaksweep --config {path} config check --send-test
contact = {contact}                # named in the crawler's User-Agent
timezone = "Europe/London"         # the zone schedules are read in

# Mail: without [smtp] (or [graph]), alerts are written as .eml files to <data_dir>/outbox.
# [smtp]
# host = "smtp.example.police.uk"
# port = 587
# security = "starttls"
# username = "leaksweep"
# password_env = "LEAKSWEEP_SMTP_PASSWORD"
# sender = "leaksweep@example.police.uk"

[alerts]
escalate_after_hours = 4
escalation = []                    # e.g. ["dpo@example.police.uk"]

[[sites]]
name = {name_toml}
start_urls = [{url}]
allowed_domains = [{host}]
sitemaps = [{sitemap}]
schedule = "0 2 * * *"
recipients = [{recipients}]
channels = ["email"]
allow_list = []                    # names meant to be public: the chief officer team
# disclosure_log = "{origin}/foi-ai/<force>/disclosure-log/published-items/?dt=Disclosure+log"
# whatdotheyknow = "<the force's WhatDoTheyKnow slug>"
"""


@config.command()
@click.option("--url", prompt="The force website's address (https://…)", help="Start URL.")
@click.option(
    "--recipients",
    prompt="The web team's email address (several: separate with commas)",
    help="Who gets the alerts.",
)
@click.option("--name", help="Site name (default: the website's host).")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File to write (default: --config, else ./leaksweep.toml).",
)
@click.option("--force", is_flag=True, help="Replace an existing file.")
@click.pass_obj
def init(
    app: AppContext, url: str, recipients: str, name: str | None, output: Path | None, force: bool
) -> None:
    """Write a starter configuration for one site, after the same checks as `config check`.

    Exit status: 0 written, 2 a value is wrong or the file exists (use --force).
    """
    path = output or app.config_path or Path("leaksweep.toml")
    addresses = [a.strip() for a in recipients.split(",") if a.strip()]
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        raise ConfigProblem(f"url: not an http(s) URL with a host: {url!r}")
    text = STARTER.format(
        name=name or host,
        path=path,
        contact=json.dumps(addresses[0] if addresses else "webmaster@localhost"),
        name_toml=json.dumps(name or host),
        url=json.dumps(url.strip()),
        host=json.dumps(host),
        sitemap=json.dumps(f"{parts.scheme}://{parts.netloc}/sitemap.xml"),
        recipients=", ".join(json.dumps(a) for a in addresses),
        origin=f"{parts.scheme}://{parts.netloc}",
    )
    try:
        parse_config(tomllib.loads(text))
    except ConfigError as error:
        raise ConfigProblem(str(error)) from None
    if path.exists() and not force:
        click.echo(f"{path} exists: not replaced (use --force)", err=True)
        sys.exit(2)
    path.write_text(text, encoding="utf-8")
    click.echo(f"wrote {path}; next: leaksweep --config {path} config check --send-test")


@config.command()
@click.option(
    "--send-test",
    is_flag=True,
    help="Also send one test email to every site's recipients and the escalation list.",
)
@click.pass_obj
def check(app: AppContext, send_test: bool) -> None:
    """Validate the configuration (types, cron schedules, URLs, addresses, SMTP settings).

    Exit status: 0 valid (and the test email delivered), 2 a configuration error, one
    line per problem naming the key, or the test email could not be delivered.
    """
    settings = app.config
    sites = ", ".join(site.name for site in settings.sites) or "none"
    if settings.graph:
        where = f"Microsoft Graph as {settings.graph.sender}"
    elif settings.smtp:
        where = f"SMTP {settings.smtp.host}:{settings.smtp.port} ({settings.smtp.security})"
    else:
        where = f".eml files in {settings.outbox_dir}"
    if settings.teams and any("teams" in s.channels for s in settings.sites):
        where += " and a Teams webhook"
    click.echo(
        f"configuration valid: sites: {sites}; alerts go by {where}; "
        f"schedules read in {settings.timezone}"
    )
    if send_test:
        sys.exit(_send_test(settings))


def _send_test(settings: Config) -> int:
    recipients = tuple(
        dict.fromkeys(
            [
                *(a for site in settings.sites for a in site.recipients),
                *settings.alerts.escalation,
            ]
        )
    )
    if not recipients:
        click.echo("no recipients: add recipients to a [[sites]] entry", err=True)
        return 2
    now = stamp(datetime.now(UTC))
    message = OutboxMessage(
        id=0,
        alert_id=None,
        kind=MessageKind.TEST,
        site="test",
        recipients=recipients,
        subject="[leaksweep] test message",
        message_id=f"<test.{secrets.token_hex(6)}@leaksweep.local>",
        in_reply_to=None,
        body_text=TEST_TEXT,
        body_html="<p>" + TEST_TEXT.replace("\n\n", "</p><p>") + "</p>",
        created=now,
        state=OutboxState.SENDING,
        attempts=1,
    )
    status = 0
    for name, channel in _channels(settings):
        try:
            warning = channel.send(message, compose(message, channel.sender, recipients))
        except DeliveryError as error:
            click.echo(f"test {name} not delivered: {error}", err=True)
            status = 2
            continue
        finally:
            channel.close()
        click.echo(
            f"test {name} sent" + (f" to {len(recipients)} address(es)" if name == "email" else "")
        )
        if warning:
            click.echo(f"warning: {warning}", err=True)
            status = 2
    return status


def _channels(settings: Config) -> list[tuple[str, Channel]]:
    channels: list[tuple[str, Channel]] = [("email", email_channel(settings))]
    if settings.teams and any("teams" in site.channels for site in settings.sites):
        from alerts.channels.teams import TeamsChannel

        channels.append(("Teams card", TeamsChannel(settings.teams)))
    return channels
