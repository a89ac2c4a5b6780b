"""`leaksweep alerts`: list, acknowledge, resolve, send and re-check takedown alerts."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from alerts.deliver import DeliveryReport
from alerts.digest import queue_digests
from alerts.errors import AlertNotFound, AlertStateError
from alerts.lifecycle import acknowledge, list_alerts, load_alert, resolve, timeline
from alerts.model import AlertState
from alerts.verify import verify_open_alerts
from crawler.alerting import probe_for, send_outbox
from crawler.cli._context import AppContext
from crawler.cli._options import SEVERITIES
from detectors.model import Severity

STATES = [str(s) for s in AlertState]
STYLE = {"critical": "bold white on red", "high": "bold red", "medium": "yellow", "low": "cyan"}


@click.group()
def alerts() -> None:
    """Takedown alerts: one per exposed document, emailed to the site's web team."""


@alerts.command("list")
@click.option(
    "--state",
    "states",
    multiple=True,
    type=click.Choice(STATES),
    help="Only alerts in this state (repeatable; default: all but resolved).",
)
@click.option(
    "--severity", "severities", multiple=True, type=click.Choice(SEVERITIES), help="Repeatable."
)
@click.option("--site", "sites", multiple=True, metavar="NAME", help="Repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@click.pass_obj
def list_command(
    app: AppContext,
    states: tuple[str, ...],
    severities: tuple[str, ...],
    sites: tuple[str, ...],
    as_json: bool,
) -> None:
    """List alerts, most severe first."""
    chosen = [AlertState(s) for s in states] or [
        s for s in AlertState if s is not AlertState.RESOLVED
    ]
    found = list_alerts(
        app.store, states=chosen, severities=[Severity(s) for s in severities], sites=sites
    )
    if as_json:
        records = [{**asdict(a), "severity": str(a.severity), "state": str(a.state)} for a in found]
        click.echo(json.dumps(records, indent=1))
        return
    table = Table(title=f"leaksweep alerts ({len(found)})")
    for column in ("id", "severity", "state", "people", "found"):
        table.add_column(column, no_wrap=True, justify="right" if column == "people" else "left")
    table.add_column("site", overflow="fold")
    table.add_column("url", overflow="fold")
    for a in found:
        table.add_row(
            a.id,
            f"[{STYLE.get(str(a.severity), '')}]{a.severity}[/]",
            str(a.state),
            f"{a.people:,}",
            a.exposed_since.replace("T", " ")[:16],
            a.site,
            a.url,
        )
    Console().print(table)


@alerts.command()
@click.argument("alert_id", metavar="ID")
@click.option("--by", default=lambda: os.environ.get("USER", "unknown"), help="Who is on it.")
@click.pass_obj
def ack(app: AppContext, alert_id: str, by: str) -> None:
    """Acknowledge an alert: someone is taking the file down."""
    try:
        alert = acknowledge(app.store, alert_id.upper(), by)
    except AlertNotFound as error:
        raise click.BadParameter(str(error), param_hint="ID") from error
    except AlertStateError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{alert.id} acknowledged by {by}")


@alerts.command("resolve")
@click.argument("alert_id", metavar="ID")
@click.option("--note", default="", help="What was done (no personal data, please).")
@click.pass_obj
def resolve_command(app: AppContext, alert_id: str, note: str) -> None:
    """Close an alert once the file, its caches and copies are gone (or it was not a leak)."""
    try:
        alert = resolve(app.store, alert_id.upper(), note)
    except AlertNotFound as error:
        raise click.BadParameter(str(error), param_hint="ID") from error
    except AlertStateError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{alert.id} resolved")


@alerts.command()
@click.argument("alert_id", metavar="ID")
@click.pass_obj
def show(app: AppContext, alert_id: str) -> None:
    """Show one alert: what is exposed where (masked examples), then its timeline."""
    from alerts.exposure import load_exposure
    from console.labels import entity, vector

    try:
        alert = load_alert(app.store, alert_id.upper())
    except AlertNotFound as error:
        raise click.BadParameter(f"no alert {alert_id!r}", param_hint="ID") from error
    exposure = load_exposure(app.store, alert.scan_id)
    console = Console(soft_wrap=True)
    console.print(
        f"[{STYLE.get(str(alert.severity), '')}]{alert.severity}[/] {alert.id} "
        f"({alert.state}), about {alert.people:,} people, {alert.site}",
        highlight=False,
    )
    console.print(alert.url, highlight=False, markup=False)
    table = Table(title="What is exposed, where (masked examples)", title_justify="left")
    table.add_column("where", overflow="fold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_column("example", overflow="fold")
    for place in exposure.places:
        where = f"{place.where} ({vector(place.vector)})" if place.hidden else place.where
        table.add_row(
            escape(where), entity(place.entity), f"{place.count:,}", escape(place.example)
        )
    console.print(table)
    for event in timeline(app.store, alert.id):
        click.echo(f"{event.at}  {event.event:<13} {event.detail}")


@alerts.command()
@click.option("--now", "ignore_backoff", is_flag=True, help="Retry failed messages at once.")
@click.pass_obj
def send(app: AppContext, ignore_backoff: bool) -> None:
    """Deliver the outbox now (SMTP, or .eml files when no [smtp] is configured).

    Exit status: 0 all delivered, 1 some remain queued (server down, retry later),
    2 errors a person must fix (refused by the server, no recipients, login or TLS).
    """
    sys.exit(_deliver(app, ignore_backoff))


@alerts.command()
@click.option("--no-send", is_flag=True, help="Only queue the follow-ups; do not deliver them.")
@click.pass_obj
def check(app: AppContext, no_send: bool) -> None:
    """Re-fetch every open alert's URL: confirm takedowns, escalate leaks still online.

    Alerts taken down in the last 30 days are fetched too: the same file back online (or
    a version that still leaks) reopens the alert and sends a "back online" email. Exit
    status as for `alerts send`, or 0 with --no-send.
    """
    report = verify_open_alerts(app.store, probe_for(app.config), settings=app.config.alerts)
    click.echo(
        f"checked {report.checked}: {report.taken_down} taken down, "
        f"{report.still_exposed} still exposed, {report.escalated} escalated, "
        f"{report.unreachable} unreachable, {report.back_online} back online"
    )
    sys.exit(0 if no_send else _deliver(app, ignore_backoff=False))


@alerts.command()
@click.option("--no-send", is_flag=True, help="Only queue the digests; do not deliver them.")
@click.pass_obj
def digest(app: AppContext, no_send: bool) -> None:
    """Queue tonight's digest (medium and low alerts, one email per site) and send it."""
    queued = queue_digests(app.store)
    click.echo(f"{len(queued)} digest(s) queued")
    sys.exit(0 if no_send else _deliver(app, ignore_backoff=False))


def _deliver(app: AppContext, ignore_backoff: bool) -> int:
    config = app.config
    report = send_outbox(app.store, config, ignore_backoff=ignore_backoff)
    _print_delivery(report, where=None if config.smtp else str(config.outbox_dir))
    return report.exit_status


def _print_delivery(report: DeliveryReport, where: str | None) -> None:
    into = f" (written to {where})" if where and report.sent else ""
    click.echo(
        f"{report.sent} sent{into}, {report.remaining} still queued, {report.failed} given up"
    )
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
