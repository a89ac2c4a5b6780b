"""`leaksweep scan`: check files, folders or URLs now — also the pre-publication check."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from crawler.cli._context import AppContext
from crawler.cli._options import fail_on_option
from crawler.cli._output import print_verdicts
from crawler.fetch import FetchError, fetch_url
from crawler.http import HttpClient
from crawler.scope import Scope
from detectors.limits import Limits
from detectors.model import Severity, Status, Verdict
from detectors.scan import ScanOptions
from detectors.scan import scan as scan_document
from detectors.serialize import verdict_json


@dataclass(frozen=True)
class Source:
    """A document to scan: a file on disk or a URL, read only when its turn comes."""

    label: str
    path: Path | None = None
    url: str | None = None


@click.command()
@click.argument("targets", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (stable schema).")
@fail_on_option("Exit 1 when any document is at or above this severity.")
@click.option(
    "--allow",
    "allow",
    multiple=True,
    metavar="NAME",
    help="A name meant to be public (repeatable); never reported.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="HOST",
    help="Fetch URLs on this host although no configured site names it (repeatable); "
    "its address may be private.",
)
@click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=250,
    show_default=True,
    help="Largest document to open, in MB.",
)
@click.pass_obj
def scan(
    app: AppContext,
    targets: tuple[str, ...],
    as_json: bool,
    fail_on: str,
    allow: tuple[str, ...],
    allow_hosts: tuple[str, ...],
    max_size: int,
) -> None:
    """Scan documents for personal data, including in parts a reader cannot see.

    PATH_OR_URL may be files, folders (scanned recursively) or http(s) URLs. Run it on
    an FOI reply before uploading it. URLs are fetched only from the configured sites'
    hosts and those given with --allow-host, never from internal addresses unless allowed.
    Exit status: 0 nothing at or above --fail-on, 1 something at or above it, 2 a usage
    error or a document that could not be inspected (encrypted, unreadable, too large,
    unsupported) and nothing at or above --fail-on.
    """
    sources = list(_collect(targets))
    if not sources:
        raise click.UsageError("no files found in the paths given")
    scope = Scope.of_config(app.config, allow_hosts)
    for source in sources:
        reason = scope.refusal(source.url) if source.url else None
        if reason:
            raise click.UsageError(f"not fetching {source.label}: {reason}")
    limits = Limits(max_file_bytes=max_size * 1024 * 1024)
    allow_list = frozenset(allow)
    for site in app.config.sites:
        allow_list |= set(site.allow_list)
    options = ScanOptions(limits=limits, allow_list=allow_list)
    client = HttpClient(scope, app.config.contact)
    verdicts = _scan_all(sources, options, client, show_progress=len(sources) > 1)
    if as_json:
        click.echo(json.dumps({"documents": [verdict_json(v) for v in verdicts]}, indent=1))
    else:
        print_verdicts(Console(), verdicts)
    sys.exit(exit_status(verdicts, Severity(fail_on)))


def exit_status(verdicts: list[Verdict], fail_on: Severity) -> int:
    if any(v.severity.rank >= fail_on.rank for v in verdicts):
        return 1
    if any(v.status is not Status.SCANNED for v in verdicts):
        return 2
    return 0


def _collect(targets: tuple[str, ...]) -> Iterator[Source]:
    for target in targets:
        if "://" in target:
            yield Source(label=target, url=target)
            continue
        path = Path(target)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                # A broken link is kept, so it is reported unreadable instead of vanishing.
                wanted = child.is_file() or (child.is_symlink() and not child.exists())
                if wanted and not child.name.startswith("."):
                    yield Source(label=str(child), path=child)
        elif path.is_file():
            yield Source(label=str(path), path=path)
        else:
            raise click.BadParameter(f"no such file or folder: {target}", param_hint="PATH_OR_URL")


def _scan_all(
    sources: list[Source], options: ScanOptions, client: HttpClient, show_progress: bool
) -> list[Verdict]:
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not (show_progress and console.is_terminal),
    )
    verdicts = []
    with progress:
        task = progress.add_task("scanning", total=len(sources))
        for source in sources:
            progress.update(task, description=_short(source.label))
            verdicts.append(_scan_one(source, options, client))
            progress.advance(task)
    return verdicts


def _scan_one(source: Source, options: ScanOptions, client: HttpClient) -> Verdict:
    limit = options.limits.max_file_bytes
    if source.path is not None:
        try:
            size = source.path.stat().st_size
            if size > limit:
                return _failed(
                    source.label, Status.TOO_LARGE, f"{size / 2**20:,.0f} MB is too large"
                )
            data = source.path.read_bytes()
        except OSError as error:
            return _failed(source.label, Status.UNREADABLE, f"cannot read: {error.strerror}")
        return scan_document(data, source.label, options)
    assert source.url is not None
    try:
        fetched = fetch_url(source.url, max_bytes=limit, client=client)
    except FetchError as error:
        return _failed(source.label, Status.UNREADABLE, str(error))
    if fetched.truncated:
        return _failed(source.label, Status.TOO_LARGE, f"larger than {limit / 2**20:,.0f} MB")
    verdict = scan_document(fetched.data, fetched.name, options)
    return _relabel(verdict, source.label)


def _failed(label: str, status: Status, error: str) -> Verdict:
    return Verdict(
        source=label,
        sha256="",
        format="unknown",
        status=status,
        error=error,
    )


def _relabel(verdict: Verdict, source: str) -> Verdict:
    return replace(verdict, source=source)


def _short(label: str, width: int = 40) -> str:
    return label if len(label) <= width else "…" + label[-(width - 1) :]
