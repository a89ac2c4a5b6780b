"""What every sub-command shares: the configuration, loaded once, and the store."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from crawler.config import Config, ConfigError, load_config

if TYPE_CHECKING:
    from alerts.store import Store


class ConfigProblem(click.ClickException):
    """A configuration error: one line per problem, exit status 2, never a traceback."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        for line in self.message.splitlines():
            click.echo(f"config error: {line}", err=True)


class AppContext:
    def __init__(self, config_path: Path | None) -> None:
        self.config_path = config_path

    @cached_property
    def config(self) -> Config:
        try:
            return load_config(self.config_path)
        except ConfigError as error:
            raise ConfigProblem(str(error)) from None

    @cached_property
    def store(self) -> Store:
        from alerts.store import Store  # the database layer only for commands that use it

        return Store(self.config.database)
