"""Microsoft Graph mail and a Teams webhook beside email, against local stand-ins over TLS:
each message reaches each channel exactly once, through throttling, server errors and an
expired token, and no raw value is in any request."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from _m365 import M365, TENANT
from _tls import make_certificate
from leakcheck import SITE, SmtpServer, add_document, assert_no_raw, leaky_verdict, sha

from alerts.channels.fanout import FanoutChannel
from alerts.channels.graph import GraphMailChannel
from alerts.channels.smtp import SmtpChannel
from alerts.channels.teams import TeamsChannel, teams_card
from alerts.deliver import deliver_outbox
from alerts.exposure import load_exposure
from alerts.intake import record_verdict
from alerts.lifecycle import list_alerts
from alerts.model import OutboxMessage
from alerts.settings import GraphSettings, TeamsSettings
from alerts.store import Store

URL = "https://force.example/SysSiteAssets/foi/{n}-reply.xlsx"
SECRET = "graph-client-secret-for-tests"


@pytest.fixture
def m365(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[M365]:
    cert, key = make_certificate(tmp_path)
    server = M365(cert, key)
    server.start()
    monkeypatch.setenv("LEAKSWEEP_GRAPH_SECRET", SECRET)
    monkeypatch.setenv("LEAKSWEEP_TEAMS_WEBHOOK", f"{server.url}/webhook/teams")
    yield server
    server.stop()
    for i, body in enumerate(server.bodies()):
        assert_no_raw(body, f"request {i}")


def graph(m365: M365, cert: Path, waits: list[float]) -> GraphMailChannel:
    settings = GraphSettings(
        tenant_id=TENANT,
        client_id="leaksweep-app",
        sender="leaksweep@force.example",
        authority_host=m365.url,
        graph_url=m365.url,
        ca_file=str(cert),
    )
    return GraphMailChannel(settings, sleep=waits.append)


def teams(store: Store, cert: Path, waits: list[float]) -> TeamsChannel:
    settings = TeamsSettings(ca_file=str(cert))
    return TeamsChannel(
        settings,
        describe=_describer(store),
        console_url="https://leaksweep.force.example",
        sleep=waits.append,
    )


def _describer(store: Store):  # type: ignore[no-untyped-def]
    def describe(message: OutboxMessage):  # type: ignore[no-untyped-def]
        [alert] = [a for a in list_alerts(store) if a.id == message.alert_id]
        return load_exposure(store, alert.scan_id)

    return describe


def raise_critical(store: Store, n: int) -> None:
    document = add_document(store, URL.format(n=n), sha(n))
    record_verdict(store, document, leaky_verdict(sha(n)), site=SITE)


def test_one_critical_alert_reaches_email_graph_and_teams_once_each_despite_429_5xx_and_expiry(
    store: Store, smtp: SmtpServer, m365: M365, tmp_path: Path
) -> None:
    cert = tmp_path / "server.pem"
    waits: list[float] = []
    raise_critical(store, 1)
    m365.graph.script.extend([(429, {"Retry-After": "2"})])  # throttled once, then accepted
    m365.teams.script.extend([(500, {}), (503, {"Retry-After": "1"})])  # down, then busy
    channels = {
        "email": SmtpChannel(smtp.settings()),
        "graph": graph(m365, cert, waits),
        "teams": teams(store, cert, waits),
    }
    first = deliver_outbox(store, FanoutChannel(channels, store))
    # Email and Graph delivered; Teams failed with a 500 and stays queued for Teams alone.
    assert (first.sent, first.retrying) == (0, 1)
    assert len(smtp.recorder.messages) == 1 and len(m365.graph.accepted) == 1
    assert waits == [2.0]
    m365.expired.add("token-1")  # the cached token has expired by the next run
    second = deliver_outbox(
        store,
        FanoutChannel(
            {
                "email": SmtpChannel(smtp.settings()),
                "graph": graph(m365, cert, waits),
                "teams": teams(store, cert, waits),
            },
            store,
        ),
        ignore_backoff=True,
    )
    assert (second.sent, second.remaining, second.exit_status) == (1, 0, 0)
    assert waits == [2.0, 1.0]
    # Exactly once each: one email, one Graph sendMail, one Teams card.
    assert len(smtp.recorder.messages) == 1
    assert len(m365.graph.accepted) == 1
    assert len(m365.teams.accepted) == 1
    mail = json.loads(m365.graph.accepted[0])["message"]
    assert mail["subject"].startswith("[leaksweep CRITICAL] Personal data exposed: 1-reply.xlsx")
    assert mail["toRecipients"] == [{"emailAddress": {"address": "web-team@northshire.example"}}]
    card = json.loads(m365.teams.accepted[0])["attachments"][0]["content"]
    facts = {f["title"]: f["value"] for f in card["body"][1]["facts"]}
    assert facts["Severity"] == "critical" and facts["People"] == "1,230"
    [alert] = list_alerts(store)
    assert card["actions"][0]["url"] == f"https://leaksweep.force.example/alerts/{alert.id}"
    # The secret went only to the token endpoint, never to Graph or Teams.
    assert all(SECRET.encode() not in b for b in m365.graph.accepted + m365.teams.accepted)


def test_a_token_that_expires_mid_run_is_renewed_once_and_nothing_is_sent_twice(
    store: Store, m365: M365, tmp_path: Path
) -> None:
    for n in (2, 3, 4):
        raise_critical(store, n)
    m365.expire_tokens_after = 1
    channel = graph(m365, tmp_path / "server.pem", [])
    report = deliver_outbox(store, FanoutChannel({"graph": channel}, store))
    assert (report.sent, report.remaining, report.exit_status) == (3, 0, 0)
    assert m365.tokens_issued == 2  # signed in at the start, and once more after the 401
    assert len(m365.graph.refused) == 1  # the one call made with the expired token
    subjects = sorted(json.loads(body)["message"]["subject"] for body in m365.graph.accepted)
    assert [s.split(": ", 1)[1].split(" ")[0] for s in subjects] == [
        "2-reply.xlsx",
        "3-reply.xlsx",
        "4-reply.xlsx",
    ]


def test_refusals_a_person_must_fix_are_not_retried_forever(
    store: Store, m365: M365, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raise_critical(store, 5)
    m365.teams.script.append((404, {}))  # the workflow was deleted
    report = deliver_outbox(
        store, FanoutChannel({"teams": teams(store, tmp_path / "server.pem", [])}, store)
    )
    assert report.exit_status == 2
    assert any("Teams webhook answered 404" in line for line in report.errors)
    monkeypatch.delenv("LEAKSWEEP_TEAMS_WEBHOOK")
    report = deliver_outbox(
        store,
        FanoutChannel({"teams": teams(store, tmp_path / "server.pem", [])}, store),
        ignore_backoff=True,
    )
    assert any("LEAKSWEEP_TEAMS_WEBHOOK" in line for line in report.errors)


def test_a_digest_card_carries_the_masked_text_body() -> None:
    message = OutboxMessage(
        id=1,
        alert_id=None,
        kind="digest",  # type: ignore[arg-type]
        site=SITE,
        recipients=("web@force.example",),
        subject="[leaksweep] 3 alerts for Northshire Police",
        message_id="<d@leaksweep>",
        in_reply_to=None,
        body_text="MEDIUM  2-reply.xlsx  J*** S****\n" * 200,
        body_html="",
        created="2026-12-06T02:00:00Z",
        state="queued",  # type: ignore[arg-type]
        attempts=0,
    )
    card = teams_card(message, None, None)["attachments"][0]["content"]
    assert card["body"][0]["text"] == message.subject
    assert card["body"][1]["text"].startswith("MEDIUM  2-reply.xlsx  J*** S****")
    assert len(card["body"][1]["text"]) <= 1_500
    assert "actions" not in card


def test_the_configuration_routes_each_sites_alerts_to_its_own_channels(
    store: Store, smtp: SmtpServer, m365: M365, tmp_path: Path
) -> None:
    from dataclasses import replace

    from leakcheck import OTHER_SITE

    from crawler.alerting import send_outbox
    from crawler.config import Config

    config = Config(
        data_dir=tmp_path,
        smtp=smtp.settings(),
        teams=TeamsSettings(ca_file=str(tmp_path / "server.pem")),
        sites=(replace(SITE, channels=("email", "teams")), OTHER_SITE),
    )
    raise_critical(store, 6)  # Northshire: email and Teams
    document = store.record_fetch(URL.format(n=7), site=OTHER_SITE.name, sha256=sha(7))
    record_verdict(store, document, leaky_verdict(sha(7)), site=OTHER_SITE)  # email only
    report = send_outbox(store, config)
    assert (report.sent, report.remaining, report.exit_status) == (2, 0, 0)
    assert len(smtp.recorder.messages) == 2
    [card] = [json.loads(body) for body in m365.teams.accepted]
    assert "6-reply.xlsx" in card["attachments"][0]["content"]["body"][0]["text"]
