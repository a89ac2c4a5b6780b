from __future__ import annotations

from pathlib import Path

import pytest

from crawler.config import ConfigError, load_config

GOOD = """
data_dir = "{data}"
contact = "webteam@example.police.uk"

[smtp]
host = "smtp.example.police.uk"
port = 465
security = "tls"
username = "leaksweep"

[alerts]
escalate_after_hours = 2
escalation = ["dpo@example.police.uk"]

[[sites]]
name = "example"
start_urls = ["https://www.example.police.uk/"]
allowed_domains = ["www.example.police.uk"]
whatdotheyknow = "example_constabulary"
recipients = ["web@example.police.uk"]
allow_list = ["Jane Chief"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "leaksweep.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_sites_smtp_and_alerts(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD.format(data=tmp_path / "data")))
    site = config.site("example")
    assert site.start_urls == ("https://www.example.police.uk/",)
    assert site.allow_list == ("Jane Chief",)
    assert site.schedule == "0 2 * * *"
    assert config.smtp is not None and config.smtp.port == 465
    assert config.alerts.escalate_after_hours == 2
    assert config.database == tmp_path / "data" / "leaksweep.db"


def test_password_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = load_config(write(tmp_path, GOOD.format(data=tmp_path)))
    assert config.smtp is not None
    monkeypatch.delenv("LEAKSWEEP_SMTP_PASSWORD", raising=False)
    assert config.smtp.password is None
    monkeypatch.setenv("LEAKSWEEP_SMTP_PASSWORD", "s3cret")
    assert config.smtp.password == "s3cret"


def test_no_file_gives_embedded_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LEAKSWEEP_CONFIG", raising=False)
    monkeypatch.setenv("LEAKSWEEP_DATA", str(tmp_path))
    config = load_config(None)
    assert config.sites == () and config.smtp is None
    assert config.outbox_dir == tmp_path / "outbox"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[sites]]\nname = "a"\nstart_urls = []\nbogus = 1\n',
            "unknown setting in [sites[0]]: bogus",
        ),
        (
            '[[sites]]\nname = "a"\nstart_urls = []\n[[sites]]\nname = "a"\nstart_urls = []\n',
            "share",
        ),
        ("[smtp]\nport = 25\n", "host"),
        ("data_dir = [", "cannot read"),
        ("colour = 'blue'\n", "unknown setting: colour"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config(write(tmp_path, text))


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


def test_unknown_site_names_the_known_ones(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD.format(data=tmp_path)))
    with pytest.raises(ConfigError, match="sites: example"):
        config.site("other")
