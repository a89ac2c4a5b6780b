"""The README and the code stay in step: every command, format and entity is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crawler.cli import COMMANDS
from detectors.engine import ENTITIES
from detectors.formats import INSPECTORS
from detectors.recognizers import RECOGNIZERS

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"leaksweep {command}" in README


@pytest.mark.parametrize("fmt", sorted(INSPECTORS))
def test_every_format_is_in_the_readme(fmt: str) -> None:
    assert re.search(rf"^\| [^|]*\b{fmt}\b", README, re.MULTILINE), fmt


@pytest.mark.parametrize("entity", sorted({*ENTITIES, *(r.entity for r in RECOGNIZERS)}))
def test_every_entity_type_is_in_the_readme(entity: str) -> None:
    assert f"`{entity}`" in README


def test_the_configuration_example_loads() -> None:
    import tomllib

    from crawler.config import parse_config

    blocks = [tomllib.loads(b) for b in re.findall(r"```toml\n(.*?)```", README, re.DOTALL)]
    [example] = [b for b in blocks if "smtp" in b]
    [channels] = [b for b in blocks if "graph" in b]
    config = parse_config(example)
    assert config.sites and config.smtp is not None
    assert config.sites[0].schedule == "0 2 * * *"
    # The Microsoft 365 snippet fits into the same file.
    site = {**example["sites"][0], **channels["sites"][0]}
    config = parse_config({**example, **channels, "sites": [site]})
    assert config.graph is not None and config.teams is not None
    assert config.channels_by_site == {"example": ("email", "teams")}
