from __future__ import annotations

import re
import socket
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler.cli import main
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
        ('[[sites]]\nname = "a"\nstart_urls = []\nbogus = 1\n', "sites[0].bogus: unknown setting"),
        (
            '[[sites]]\nname = "a"\nstart_urls = []\n[[sites]]\nname = "a"\nstart_urls = []\n',
            "sites[1].name: two sites share the name 'a'",
        ),
        ("[smtp]\nport = 25\n", "smtp.host: required setting is missing"),
        ("data_dir = [", "is not valid TOML"),
        ("colour = 'blue'\n", "colour: unknown setting"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(write(tmp_path, text))


SITE = '[[sites]]\nname = "a"\nstart_urls = ["https://www.force.example/"]\n'


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "quarantine_days = 'thirty'\n",
            "quarantine_days: should be a valid integer (got 'thirty')",
        ),
        ("quarantine_days = 0\n", "quarantine_days: should be greater than or equal to 1"),
        ("quarantine_days = 30.5\n", "quarantine_days: should be a valid integer"),
        ("contact = 'nobody'\n", "contact: not an email address: 'nobody'"),
        ("data_dir = 3\n", "data_dir: should be a path as a string (got 3)"),
        (
            '[smtp]\nhost = "mail.example"\nsecurity = "ssl"\n',
            "smtp.security: should be 'starttls'",
        ),
        ('[smtp]\nhost = "mail.example"\nport = "587"\n', "smtp.port: should be a valid integer"),
        ('[smtp]\nhost = "mail.example"\nport = 70000\n', "smtp.port: should be less than"),
        ('[smtp]\nhost = "mail.example"\nsender = "me"\n', "smtp.sender: not an email address"),
        ('[smtp]\nhost = "smtp://mail.example"\n', "smtp.host: not a host name"),
        ('[smtp]\nhost = "mail.example"\npassword_env = "a b"\n', "smtp.password_env: not an env"),
        (
            '[smtp]\nhost = "mail.example"\nprot = 25\n',
            "smtp.prot: unknown setting (did you mean 'port'?)",
        ),
        ("smtp = 'mail.example'\n", "smtp: should be a table"),
        (
            '[alerts]\nescalate_after_hours = "4"\n',
            "alerts.escalate_after_hours: should be a valid",
        ),
        (
            '[alerts]\nescalation = "dpo@force.example"\n',
            "alerts.escalation: should be a list",
        ),
        ('[alerts]\nescalation = ["dpo"]\n', "alerts.escalation[0]: not an email address: 'dpo'"),
        ('[alerts]\ndigest_schedule = "7am"\n', "alerts.digest_schedule: not a cron expression"),
        (
            SITE + 'schedule = "61 2 * * *"\n',
            "sites[0].schedule: not a cron expression: '61 2 * * *'",
        ),
        (SITE + 'schedule = "0 2 * *"\n', "sites[0].schedule: not a cron expression"),
        (
            SITE + 'shedule = "0 2 * * *"\n',
            "sites[0].shedule: unknown setting (did you mean 'schedule'?)",
        ),
        (
            SITE + "javascript = 'yes'\n",
            "sites[0].javascript: should be a valid boolean (got 'yes')",
        ),
        (SITE + "allow_private = 1\n", "sites[0].allow_private: should be a valid boolean"),
        (SITE + "max_pages = -5\n", "sites[0].max_pages: should be greater than or equal to 1"),
        (SITE + 'recipients = ["web team"]\n', "sites[0].recipients[0]: not an email address"),
        (SITE + 'sitemaps = ["/sitemap.xml"]\n', "sites[0].sitemaps[0]: not an http(s) URL"),
        (SITE + 'disclosure_log = "ftp://x/"\n', "sites[0].disclosure_log: not an http(s) URL"),
        (
            SITE + 'disclosure_entries = "(["\n',
            "sites[0].disclosure_entries: not a regular expression",
        ),
        (
            SITE + 'allowed_domains = ["https://www.force.example/"]\n',
            "sites[0].allowed_domains[0]: not a host",
        ),
        (
            '[[sites]]\nname = "a"\nstart_urls = ["www.force.example"]\n',
            "sites[0].start_urls[0]: not an http(s) URL",
        ),
        (
            '[[sites]]\nstart_urls = ["https://a.example/"]\n',
            "sites[0].name: required setting is missing",
        ),
        ('[[sites]]\nname = " "\nstart_urls = []\n', "sites[0].name: must not be empty"),
        ("sites = 'all'\n", "sites: should be a list"),
        ("[crawl]\ndepth = 3\n", "crawl: unknown setting"),
    ],
)
def test_each_bad_value_is_one_line_naming_the_key_and_exit_2(
    tmp_path: Path, text: str, line: str
) -> None:
    path = write(tmp_path, text)
    result = CliRunner().invoke(main, ["--config", str(path), "config", "check"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    [shown] = result.output.splitlines()
    assert shown.startswith("config error: " + line), shown


def test_every_command_reports_a_config_error_the_same_way(tmp_path: Path) -> None:
    path = write(tmp_path, SITE + 'schedule = "61 2 * * *"\n')
    for command in (["alerts", "list"], ["monitor", "--once"], ["crawl", "--site", "a"]):
        result = CliRunner().invoke(main, ["--config", str(path), *command])
        assert result.exit_code == 2, command
        assert result.output.startswith("config error: sites[0].schedule:"), command


def test_config_check_accepts_the_good_file(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.format(data=tmp_path / "data"))
    result = CliRunner().invoke(main, ["--config", str(path), "config", "check"])
    assert result.exit_code == 0, result.output
    assert "configuration valid: sites: example; alerts go by SMTP smtp.example.police.uk:465" in (
        result.output
    )


def test_send_test_writes_one_email_to_the_outbox(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f'data_dir = "{tmp_path / "data"}"\n' + SITE + 'recipients = ["web@force.example"]\n'
        '[alerts]\nescalation = ["dpo@force.example"]\n',
    )
    result = CliRunner().invoke(main, ["--config", str(path), "config", "check", "--send-test"])
    assert result.exit_code == 0, result.output
    [eml] = (tmp_path / "data" / "outbox").glob("*.eml")
    email = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert email["To"] == "web@force.example, dpo@force.example"
    assert email["X-Leaksweep-Kind"] == "test"


def test_send_test_reports_an_unreachable_smtp_server(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    path = write(
        tmp_path,
        f'data_dir = "{tmp_path / "data"}"\n' + SITE + 'recipients = ["web@force.example"]\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\ntimeout_s = 5\n',
    )
    result = CliRunner().invoke(main, ["--config", str(path), "config", "check", "--send-test"])
    assert result.exit_code == 2
    assert "test email not delivered: cannot reach 127.0.0.1" in result.output


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


def test_unknown_site_names_the_known_ones(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD.format(data=tmp_path)))
    with pytest.raises(ConfigError, match="sites: example"):
        config.site("other")


def test_config_init_asks_for_the_site_and_team_then_writes_a_file_that_checks(
    tmp_path: Path,
) -> None:
    path = tmp_path / "leaksweep.toml"
    answers = (
        "https://www.northshire.police.uk/\nweb@northshire.police.uk, dpo@northshire.police.uk\n"
    )
    result = CliRunner().invoke(main, ["--config", str(path), "config", "init"], input=answers)
    assert result.exit_code == 0, result.output
    config = load_config(path)
    [site] = config.sites
    assert site.start_urls == ("https://www.northshire.police.uk/",)
    assert site.allowed_domains == ("www.northshire.police.uk",)
    assert site.recipients == ("web@northshire.police.uk", "dpo@northshire.police.uk")
    assert config.timezone == "Europe/London"
    check = CliRunner().invoke(main, ["--config", str(path), "config", "check"])
    assert check.exit_code == 0, check.output
    # An existing file is never replaced without --force.
    again = CliRunner().invoke(main, ["--config", str(path), "config", "init"], input=answers)
    assert again.exit_code == 2 and "exists" in again.output


@pytest.mark.parametrize(
    ("url", "recipients", "problem"),
    [
        ("www.northshire.police.uk", "web@northshire.police.uk", "url: not an http(s) URL"),
        ("https://www.northshire.police.uk/", "the web team", "not an email address"),
    ],
)
def test_config_init_refuses_a_wrong_answer_and_writes_nothing(
    tmp_path: Path, url: str, recipients: str, problem: str
) -> None:
    path = tmp_path / "leaksweep.toml"
    args = ["config", "init", "-o", str(path), "--url", url, "--recipients", recipients]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and problem in result.output
    assert "Traceback" not in result.output and not path.exists()
