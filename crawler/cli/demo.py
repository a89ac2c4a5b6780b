"""`leaksweep demo`: a local force website with planted leaks, swept end to end."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import string
import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from alerts.digest import queue_digests
from alerts.store import Store
from crawler.alerting import send_outbox
from crawler.cli._progress import live_progress, print_summary
from crawler.config import Config, Site
from crawler.demo.server import serve
from crawler.demo.site import LEADERS, LOG_PATH, DemoSite, build_site
from crawler.run import LOCAL, crawl_site
from detectors.model import Severity

MARKER = ".leaksweep-demo"


@click.command()
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("leaksweep-demo"),
    show_default=True,
    help="Folder for the demo's database, quarantine and outbox (replaced on each run).",
)
@click.option(
    "--seed", type=int, default=2023, show_default=True, help="Seed for the synthetic people."
)
def demo(data_dir: Path, seed: int) -> None:
    """Crawl a generated local force website, find the planted leaks and write alert emails.

    The site has a news section, an about page, and a Single-Online-Home-style FOI
    disclosure log of about twenty replies with spreadsheet, CSV and Word attachments.
    Most are clean statistics. Three are leaks planted the way real ones happened: a
    headcount workbook with a hidden worksheet of staff (PSNI, 2023), an offences
    workbook whose pivot cache holds victims' records (Norfolk and Suffolk, 2021-22) and
    a page of officers' names and pay (Cumbria). Everyone in it is synthetic.

    Exits 0 when every planted leak is found and nothing clean is flagged.
    """
    console = Console()
    _reset(data_dir)
    started = time.monotonic()
    with console.status("Building the demo force website…"):
        site = build_site(seed)
    with serve(site) as base:
        config = _config(data_dir, base)
        console.print(f"Demo force website on {base} ({len(site.resources)} pages and files)")
        with live_progress(console) as on_progress:
            summary = crawl_site(config, config.sites[0], settings=LOCAL, on_progress=on_progress)
        print_summary(console, summary)
        store = Store(config.database)
        queue_digests(store)  # medium and low wait for the nightly digest; the demo sends it now
        delivery = send_outbox(store, config)
    elapsed = time.monotonic() - started
    ok = _summarise(console, site, store, base, elapsed)
    console.print(
        f"{delivery.sent} alert email(s) written to {config.outbox_dir}; "
        f"database {config.database}",
        soft_wrap=True,
    )
    _console_hint(console, config, store)
    sys.exit(0 if ok and summary.finished and not summary.errors else 1)


def _config(data_dir: Path, base: str) -> Config:
    site = Site(
        name="demo",
        start_urls=(f"{base}/",),
        allowed_domains=("127.0.0.1",),
        allow_private=True,  # the demo site is served on this machine
        disclosure_log=f"{base}{LOG_PATH}?dt=Disclosure+log",
        recipients=("webteam@demo-constabulary.police.uk",),
        allow_list=LEADERS,
    )
    return Config(
        data_dir=data_dir.resolve(), contact="webteam@demo-constabulary.police.uk", sites=(site,)
    )


def _console_hint(console: Console, config: Config, store: Store) -> None:
    """Leave the web console runnable on the demo data: a config file and a demo account."""
    from console.users import Role, add_user

    password = "-".join(
        "".join(secrets.choice(string.ascii_lowercase) for _ in range(5)) for _ in range(4)
    )
    add_user(store, "demo", Role.RESPONDER, password)
    site = config.sites[0]
    lines = [
        f"data_dir = {json.dumps(str(config.data_dir))}",
        f"contact = {json.dumps(config.contact)}",
        "",
        "[[sites]]",
        f"name = {json.dumps(site.name)}",
        f"start_urls = {json.dumps(list(site.start_urls))}",
        f"allowed_domains = {json.dumps(list(site.allowed_domains))}",
        f"recipients = {json.dumps(list(site.recipients))}",
        f"allow_list = {json.dumps(list(site.allow_list))}",
    ]
    path = config.data_dir / "leaksweep.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
    console.print(
        "Triage these alerts in the web console:\n"
        f"  leaksweep --config {path} serve --insecure-cookies\n"
        f"  then open http://127.0.0.1:8400/ and sign in as demo / {password}",
        soft_wrap=True,
        highlight=False,
    )


def _reset(data_dir: Path) -> None:
    if data_dir.exists():
        if not (data_dir / MARKER).exists():
            raise click.UsageError(f"{data_dir} exists and is not a leaksweep demo folder")
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, mode=0o700)
    (data_dir / MARKER).touch()


def _summarise(console: Console, site: DemoSite, store: Store, base: str, elapsed: float) -> bool:
    rows = store.rated_documents()
    flagged = {
        url[len(base) :]: (severity, people)
        for url, severity, people in rows
        if Severity(severity).rank >= Severity.MEDIUM.rank
    }
    planted = {p.path: p for p in site.planted}
    table = Table(title="leaksweep demo: what was found")
    table.add_column("severity")
    table.add_column("people", justify="right")
    table.add_column("document", overflow="fold")
    table.add_column("planted as")
    for path, (severity, people) in sorted(
        flagged.items(), key=lambda kv: -Severity(kv[1][0]).rank
    ):
        story = planted[path].story if path in planted else "[red]NOT PLANTED: false alarm[/]"
        table.add_row(severity, f"{people:,}", path, story)
    for path, plant in planted.items():
        if path not in flagged:
            table.add_row("[red]missed[/]", "", path, plant.story)
    console.print(table)
    found = sum(1 for path in planted if path in flagged)
    false_alarms = sum(1 for path in flagged if path not in planted)
    console.print(
        f"{len(rows)} documents and pages scanned in {elapsed:.1f} s: "
        f"{found} of {len(planted)} planted leaks found, {false_alarms} clean files flagged "
        "(medium or above).",
        soft_wrap=True,
    )
    return found == len(planted) and false_alarms == 0
