"""`leaksweep config`: check the configuration file, and optionally send a test email."""

from __future__ import annotations

import secrets
import sys
from datetime import UTC, datetime

import click

from alerts.channels import Channel, email_channel
from alerts.compose import compose
from alerts.errors import DeliveryError
from alerts.model import MessageKind, OutboxMessage, OutboxState, stamp
from crawler.cli._context import AppContext
from crawler.config import Config

TEST_TEXT = """This is a test message from leaksweep.

If you can read it, leaksweep's alerts reach this address. Nothing was found: no
personal data, no document and no alert is described here.
"""


@click.group()
def config() -> None:
    """Check the configuration file."""


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
