"""Options several sub-commands share, declared once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from detectors.model import Severity

SEVERITIES = [str(s) for s in Severity if s is not Severity.NONE]


def fail_on_option(help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`--fail-on SEVERITY` (default medium), as linters do: exit 1 at or above it."""
    return click.option(
        "--fail-on",
        type=click.Choice(SEVERITIES),
        default="medium",
        show_default=True,
        help=help,
    )
