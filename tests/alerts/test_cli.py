"""The `leaksweep alerts` and `leaksweep report` commands, with .eml and SMTP delivery."""

from __future__ import annotations

import json
import stat
import threading
from collections.abc import Iterator
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from leakcheck import (
    SITE,
    FakeClock,
    SmtpServer,
    add_document,
    assert_no_raw,
    assert_no_raw_in_email,
    leaky_verdict,
    sha,
)

from alerts.channels import channel_for
from alerts.channels.eml import EmlChannel
from alerts.compose import compose
from alerts.intake import record_verdict
from alerts.lifecycle import list_alerts, load_alert
from alerts.model import AlertState
from alerts.outbox import due
from alerts.store import Store
from crawler.cli import main
from crawler.config import load_config
from detectors.model import Severity

URL = "http://127.0.0.1:{port}/SysSiteAssets/foi/{n}-reply.xlsx"


def write_config(tmp_path: Path, smtp: SmtpServer | None = None) -> Path:
    lines = [
        f'data_dir = "{tmp_path / "data"}"',
        "[alerts]",
        "escalate_after_hours = 4",
        'escalation = ["dpo@northshire.example"]',
        "[[sites]]",
        f'name = "{SITE.name}"',
        'start_urls = ["https://force.example/"]',
        'allowed_domains = ["force.example", "127.0.0.1"]',
        "allow_private = true",
        'recipients = ["web-team@northshire.example"]',
    ]
    if smtp is not None:
        lines += [
            "[smtp]",
            'host = "127.0.0.1"',
            f"port = {smtp.port}",
            'security = "none"',
            'sender = "leaksweep@northshire.example"',
            "timeout_s = 5",
        ]
    path = tmp_path / "leaksweep.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def seed(store: Store, port: int = 9) -> list[str]:
    for n, severity in ((1, Severity.CRITICAL), (2, Severity.HIGH), (3, Severity.MEDIUM)):
        url = URL.format(port=port, n=n)
        record_verdict(
            store, add_document(store, url, sha(n)), leaky_verdict(sha(n), severity), site=SITE
        )
    store.db.conn.commit()
    return [a.id for a in list_alerts(store)]


def run(config: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--config", str(config), *args])
    return result.exit_code, result.output


def test_without_smtp_alerts_become_owner_only_eml_files(store: Store, tmp_path: Path) -> None:
    config = write_config(tmp_path)
    seed(store)
    assert isinstance(channel_for(load_config(config)), EmlChannel)
    code, output = run(config, "alerts", "send")
    assert code == 0, output
    folder = tmp_path / "data" / "outbox"
    files = sorted(folder.glob("*.eml"))
    assert len(files) == 2  # critical and high; the medium waits for the digest
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        raw = path.read_bytes()
        assert_no_raw_in_email(raw, path.name)
        email = message_from_bytes(raw, policy=policy.default)
        assert email["To"] == "web-team@northshire.example"
        assert email["Subject"].startswith("[leaksweep ")
    assert run(config, "alerts", "send") == (0, "0 sent, 0 still queued, 0 given up\n")
    assert sorted(folder.glob("*.eml")) == files
    code, _ = run(config, "alerts", "digest")
    assert code == 0 and len(list(folder.glob("*.eml"))) == 3
    assert not list(folder.glob("*.part"))


def test_writing_the_same_message_again_replaces_its_file(store: Store, tmp_path: Path) -> None:
    seed(store)
    channel = EmlChannel(tmp_path / "outbox", sender="leaksweep@localhost")
    [message, _] = due(store, store.clock())
    channel.send(message, compose(message, channel.sender, message.recipients))
    first = list((tmp_path / "outbox").iterdir())
    channel.send(message, compose(message, channel.sender, message.recipients))
    assert list((tmp_path / "outbox").iterdir()) == first
    assert_no_raw(first[0].read_bytes(), first[0].name)


def test_send_exit_status_follows_the_smtp_server(
    store: Store, tmp_path: Path, smtp: SmtpServer
) -> None:
    config = write_config(tmp_path, smtp)
    seed(store)
    smtp.stop()
    code, output = run(config, "alerts", "send")
    assert code == 1 and "2 still queued" in output
    smtp.start()
    smtp.recorder.refuse = "550 5.1.1 Mailbox unavailable"
    code, output = run(config, "alerts", "send", "--now")
    assert code == 2 and "550" in output
    smtp.recorder.refuse = None
    code, output = run(config, "alerts", "send", "--now")
    assert code == 0 and output.startswith("2 sent")
    assert len(smtp.recorder.messages) == 2


def test_list_filters_and_json(store: Store, tmp_path: Path) -> None:
    config = write_config(tmp_path)
    ids = seed(store)
    code, output = run(config, "alerts", "list", "--json")
    records = json.loads(output)
    assert code == 0 and [r["id"] for r in records] == ids
    assert [r["severity"] for r in records] == ["critical", "high", "medium"]
    assert_no_raw(output.encode(), "alerts list --json")
    code, output = run(config, "alerts", "list", "--json", "--severity", "medium")
    assert [r["severity"] for r in json.loads(output)] == ["medium"]
    code, output = run(config, "alerts", "list", "--site", "Elsewhere", "--json")
    assert json.loads(output) == []
    code, output = run(config, "alerts", "list")
    assert code == 0 and ids[0] in output and "critical" in output


def test_ack_and_resolve_commands(store: Store, tmp_path: Path) -> None:
    config = write_config(tmp_path)
    ids = seed(store)
    assert run(config, "alerts", "ack", ids[0].lower(), "--by", "J. Web")[0] == 0
    assert load_alert(store, ids[0]).acknowledged_by == "J. Web"
    code, output = run(config, "alerts", "ack", ids[0])
    assert code == 1 and "acknowledged" in output
    assert run(config, "alerts", "resolve", ids[0], "--note", "removed")[0] == 0
    assert load_alert(store, ids[0]).state is AlertState.RESOLVED
    code, output = run(config, "alerts", "list", "--json")
    assert ids[0] not in output  # resolved ones are hidden unless asked for
    code, output = run(config, "alerts", "list", "--json", "--state", "resolved")
    assert [r["id"] for r in json.loads(output)] == [ids[0]]
    assert run(config, "alerts", "ack", "LS-0000000000")[0] == 2
    code, output = run(config, "alerts", "show", ids[0])
    assert code == 0 and "acknowledged" in output and "resolved" in output
    # The findings come first: where, what in plain words, how many, a masked example.
    assert output.index("people's names") < output.index("acknowledged")
    assert "hidden sheet 'Raw'" in output and "1,230" in output and "crime reference" in output
    assert_no_raw(output.encode(), "alerts show")
    assert run(config, "alerts", "show", "LS-0000000000")[0] == 2


class Gone(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(410)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture
def gone_site() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Gone)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_check_confirms_takedown_over_http_and_emails_it(
    store: Store, tmp_path: Path, smtp: SmtpServer, gone_site: int
) -> None:
    config = write_config(tmp_path, smtp)
    seed(store, port=gone_site)
    code, output = run(config, "alerts", "check")
    assert code == 0, output
    assert "3 taken down" in output
    assert {a.state for a in list_alerts(store)} == {AlertState.TAKEN_DOWN}
    kinds = [e["X-Leaksweep-Kind"] for e in smtp.recorder.parsed()]
    assert sorted(kinds) == ["alert", "alert", "taken_down", "taken_down"]


def test_check_never_follows_a_redirect_to_an_internal_host(store: Store, tmp_path: Path) -> None:
    """A force's URL now redirecting to an internal address: not fetched, not taken down."""
    from crawler.testsite import LocalSite

    with LocalSite() as site, LocalSite(host="127.0.0.2") as internal:
        internal.route("/", lambda path: None)  # 404 for everything: it would mean taken down
        seed(store, port=int(site.base.rsplit(":", 1)[1]))
        for n in (1, 2, 3):
            path = f"/SysSiteAssets/foi/{n}-reply.xlsx"
            site.redirect(path, internal.url(path))
        code, output = run(write_config(tmp_path), "alerts", "check", "--no-send")
        assert code == 0, output
        assert "0 taken down" in output and "3 unreachable" in output
        assert len(site.hits) == 3
        assert internal.hits == []
    assert {a.state for a in list_alerts(store)} == {AlertState.OPEN}


def test_report_command_writes_an_owner_only_page(store: Store, tmp_path: Path) -> None:
    config = write_config(tmp_path)
    ids = seed(store)
    target = tmp_path / "report.html"
    code, output = run(config, "report", "--output", str(target))
    assert code == 0, output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    page = target.read_text()
    assert all(alert_id in page for alert_id in ids)
    assert "<script" not in page.lower()
    assert_no_raw(page.encode(), "report")


@pytest.mark.parametrize("command", [["alerts"], ["report"], ["alerts", "send"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and len(result.output.splitlines()) > 3


def test_service_calls_for_the_monitor_and_demo(
    store: Store, tmp_path: Path, smtp: SmtpServer, clock: FakeClock
) -> None:
    from alerts.model import Probe
    from crawler.alerting import check_and_send, send_outbox

    config = load_config(write_config(tmp_path, smtp))
    seed(store)
    assert send_outbox(store, config).sent == 2
    clock.advance(hours=5)
    verified, delivered = check_and_send(store, config, fetch=lambda url: Probe(status=200))
    assert (verified.checked, verified.escalated, verified.still_exposed) == (3, 2, 3)
    assert (delivered.sent, delivered.exit_status) == (2, 0)
    assert smtp.recorder.recipients[-2:] == [["dpo@northshire.example"]] * 2
