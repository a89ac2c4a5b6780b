"""The files a sysadmin drops in (systemd units, example configuration) are exercised here."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler.cli import main

ROOT = Path(__file__).resolve().parent.parent
UNITS = sorted((ROOT / "examples" / "systemd").iterdir())
README = (ROOT / "README.md").read_text(encoding="utf-8")
INSTALLED = "/opt/leaksweep/.venv/bin/leaksweep"


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path)
    return parser


def test_the_kit_has_the_units_the_readme_describes() -> None:
    names = {p.name for p in UNITS}
    assert {
        "leaksweep-monitor.service",
        "leaksweep-nightly.service",
        "leaksweep-nightly.timer",
        "leaksweep-digest.service",
        "leaksweep-digest.timer",
    } <= names
    for name in names:
        assert name in README, name


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_every_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    leaksweep = Path(sys.executable).with_name("leaksweep")
    assert leaksweep.exists(), "the leaksweep command is installed beside this Python"
    for path in UNITS:
        (tmp_path / path.name).write_text(path.read_text().replace(INSTALLED, str(leaksweep)))
    done = subprocess.run(
        ["systemd-analyze", "verify", *sorted(str(p) for p in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        timeout=120,
    )
    complaints = [line for line in done.stderr.splitlines() if str(tmp_path) in line]
    assert done.returncode == 0 and not complaints, done.stderr


@pytest.mark.parametrize("path", [p for p in UNITS if p.suffix == ".service"], ids=lambda p: p.name)
def test_every_service_runs_a_real_leaksweep_command(path: Path) -> None:
    service = unit(path)["Service"]
    command = shlex.split(service["ExecStart"])
    assert command[0] == INSTALLED
    result = CliRunner().invoke(main, [*command[1:], "--help"])
    assert result.exit_code == 0, result.output
    # Owner-only data, a read-only system, and nothing else writable.
    assert service["UMask"] == "0077" and service["StateDirectoryMode"] == "0700"
    assert service["ProtectSystem"] == "strict" and service["NoNewPrivileges"] == "yes"
    assert service["ReadWritePaths"] == "/var/lib/leaksweep"
    assert service["User"] == "leaksweep"


@pytest.mark.parametrize("path", [p for p in UNITS if p.suffix == ".timer"], ids=lambda p: p.name)
def test_every_timer_fires_its_service_in_uk_time_and_catches_up(path: Path) -> None:
    timer = unit(path)["Timer"]
    assert (path.parent / timer["Unit"]).exists()
    assert timer["OnCalendar"].endswith("Europe/London")
    assert timer["Persistent"] == "true"


def test_the_example_configuration_loads_and_names_every_setting() -> None:
    from dataclasses import fields

    from alerts.settings import AlertSettings, GraphSettings, Smtp, TeamsSettings
    from crawler.config import Config, Site, load_config

    path = ROOT / "examples" / "leaksweep.toml"
    config = load_config(path)
    assert config.timezone == "Europe/London" and config.smtp is not None
    assert config.channels_by_site == {"example": ("email", "teams")}
    text = path.read_text(encoding="utf-8")
    for cls in (Config, Site, Smtp, GraphSettings, TeamsSettings, AlertSettings):
        for setting in fields(cls):  # type: ignore[arg-type]
            if setting.name not in ("sites", "smtp", "graph", "teams", "alerts"):
                assert f"{setting.name} =" in text, f"{cls.__name__}.{setting.name}"
