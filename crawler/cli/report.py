"""`leaksweep report`: one HTML page of what is exposed, for people rather than scripts."""

from __future__ import annotations

import os
from pathlib import Path

import click

from alerts.report import render_report
from crawler.cli._context import AppContext


@click.command()
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("leaksweep-report.html"),
    show_default=True,
    help="Where to write the page ('-' for standard output).",
)
@click.pass_obj
def report(app: AppContext, output: Path) -> None:
    """Write an HTML report of open alerts by severity and site, with masked evidence.

    The page is self-contained (no scripts, no remote files) and prints cleanly.
    """
    page = render_report(app.store)
    if str(output) == "-":
        click.echo(page, nl=False)
        return
    # Owner-only: masked examples are not raw values, but the report still maps a leak.
    descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(page)
    click.echo(f"report written to {output}")
