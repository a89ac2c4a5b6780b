"""`leaksweep config`: check the configuration file, and optionally send a test email."""

from __future__ import annotations

import secrets
import sys
from datetime import UTC, datetime

import click

from alerts.channels import channel_for
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
    where = (
        f"SMTP {settings.smtp.host}:{settings.smtp.port} ({settings.smtp.security})"
        if settings.smtp
        else f".eml files in {settings.outbox_dir}"
    )
    click.echo(f"configuration valid: sites: {sites}; alerts go by {where}")
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
    channel = channel_for(settings)
    try:
        warning = channel.send(message, compose(message, channel.sender, recipients))
    except DeliveryError as error:
        click.echo(f"test email not delivered: {error}", err=True)
        return 2
    finally:
        channel.close()
    click.echo(f"test email sent to {len(recipients)} address(es)")
    if warning:
        click.echo(f"warning: {warning}", err=True)
        return 2
    return 0
