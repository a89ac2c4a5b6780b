"""A site uncrawlable two nights in a row: its web team gets a "site unreachable" email."""

from __future__ import annotations

import socket
from pathlib import Path

from click.testing import CliRunner
from leakcheck import SmtpServer

from crawler.cli import main
from crawler.testsite import LocalSite


def refused_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/"


def night(tmp_path: Path, smtp: SmtpServer, start: str) -> tuple[int, str]:
    """`leaksweep monitor --once`, as cron runs it, for a site starting at `start`."""
    config = tmp_path / "leaksweep.toml"
    config.write_text(
        f'data_dir = "{tmp_path / "data"}"\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp.port}\nsecurity = "none"\n'
        'sender = "leaksweep@northshire.example"\n'
        f'[[sites]]\nname = "northshire"\nstart_urls = ["{start}"]\nallow_private = true\n'
        'recipients = ["web-team@northshire.example"]\n'
    )
    result = CliRunner().invoke(main, ["--config", str(config), "monitor", "--once"])
    return result.exit_code, result.output


def test_unreachable_from_the_second_night_in_a_row(tmp_path: Path, smtp: SmtpServer) -> None:
    down = refused_url()
    code, output = night(tmp_path, smtp, down)
    assert code == 2 and "site unreachable: connection refused" in output
    assert smtp.recorder.messages == []  # one failed night may be a blip

    code, output = night(tmp_path, smtp, down)
    assert code == 2
    [email] = smtp.recorder.parsed()
    assert email["Subject"] == (
        "[leaksweep] Site unreachable: northshire not checked for 2 nights in a row"
    )
    assert smtp.recorder.recipients == [["web-team@northshire.example"]]
    text = email.get_body(("plain",)).get_content()
    assert text.count("connection refused") == 2 and "not a quiet night" in text

    with LocalSite() as site:
        site.put("/robots.txt", "User-agent: *\n", "text/plain")
        site.page("/", "Home", "<p>Back</p>")
        code, _output = night(tmp_path, smtp, site.url("/"))
    assert code == 0

    code, _output = night(tmp_path, smtp, down)  # a new streak starts at one
    assert code == 2
    assert len(smtp.recorder.messages) == 1
