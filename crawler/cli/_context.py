"""What every sub-command shares: the configuration, loaded once, and the store."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import click

from crawler.config import Config, ConfigError, load_config

if TYPE_CHECKING:
    from alerts.store import Store


class AppContext:
    def __init__(self, config_path: Path | None) -> None:
        self.config_path = config_path

    @cached_property
    def config(self) -> Config:
        try:
            return load_config(self.config_path)
        except ConfigError as error:
            raise click.UsageError(str(error)) from error

    @cached_property
    def store(self) -> Store:
        from alerts.store import Store  # the database layer only for commands that use it

        return Store(self.config.database)
