"""The `leaksweep` command: one module per sub-command, registered below."""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from crawler.cli._context import AppContext
from crawler.logs import FORMATS, configure_logging

COMMANDS: dict[str, str] = {
    "scan": "crawler.cli.scan",
    "crawl": "crawler.cli.crawl",
    "monitor": "crawler.cli.monitor",
    "alerts": "crawler.cli.alerts",
    "report": "crawler.cli.report",
    "demo": "crawler.cli.demo",
    "config": "crawler.cli.config",
    "serve": "crawler.cli.serve",
    "users": "crawler.cli.users",
}
"""Sub-command -> the module defining it under the same name. A module is imported only when
its command runs (or help lists it), so `leaksweep scan` never loads the demo or the crawler."""


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command = getattr(importlib.import_module(module), cmd_name)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="leaksweep")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="LEAKSWEEP_CONFIG",
    help="TOML configuration file (default: $LEAKSWEEP_CONFIG, else embedded defaults).",
)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option(
    "--log-format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    envvar="LEAKSWEEP_LOG_FORMAT",
    help="json: one object per line for a SIEM (verdicts and alert actions as events).",
)
@click.pass_context
def main(ctx: click.Context, config_path: Path | None, verbose: int, log_format: str) -> None:
    """Find personal data published by mistake on your own website and FOI disclosure log.

    leaksweep opens every page and attachment, including the parts a reader cannot see
    (hidden sheets, pivot caches, text under PDF redaction boxes), and alerts your web
    team with masked evidence so the leak can be taken down before anyone else finds it.
    """
    configure_logging(verbose, log_format)
    ctx.obj = AppContext(config_path)
