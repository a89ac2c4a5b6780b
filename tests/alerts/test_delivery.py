"""Delivering the outbox to a real SMTP server: once each, retried with backoff, never flooded."""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage

import pytest
from leakcheck import (
    OTHER_SITE,
    SITE,
    FakeClock,
    SmtpServer,
    add_document,
    assert_no_raw,
    assert_no_raw_in_email,
    leaky_verdict,
    sha,
)

from alerts.channels.smtp import SmtpChannel
from alerts.deliver import deliver_outbox
from alerts.intake import record_verdict
from alerts.lifecycle import list_alerts, record_gone, timeline
from alerts.model import OutboxMessage
from alerts.outbox import LEASE, backoff
from alerts.store import Store
from detectors.mask import mask
from detectors.model import Severity

URL = "https://force.example/SysSiteAssets/foi/{n}-reply.xlsx"


def raise_critical(store: Store, n: int, severity: Severity = Severity.CRITICAL) -> None:
    document = add_document(store, URL.format(n=n), sha(n))
    record_verdict(store, document, leaky_verdict(sha(n), severity), site=SITE)


def outbox_states(store: Store) -> list[tuple[str, int]]:
    return store.db.execute("SELECT state, attempts FROM outbox ORDER BY id").fetchall()


def test_alert_email_is_delivered_with_both_alternatives(store: Store, smtp: SmtpServer) -> None:
    raise_critical(store, 1)
    report = deliver_outbox(store, SmtpChannel(smtp.settings()))
    assert (report.sent, report.remaining, report.exit_status) == (1, 0, 0)
    [email] = smtp.recorder.parsed()
    [alert] = list_alerts(store)
    assert smtp.recorder.recipients == [["web-team@northshire.example"]]
    assert email["Subject"] == (
        "[leaksweep CRITICAL] Personal data exposed: 1-reply.xlsx (Northshire Police)"
    )
    assert email["Message-ID"] == alert.message_id
    assert email["From"] == "leaksweep@northshire.example"
    assert email["X-Leaksweep-Alert"] == alert.id
    assert email.get_content_type() == "multipart/alternative"
    text = email.get_body(("plain",)).get_content()
    html = email.get_body(("html",)).get_content()
    for body in (text, html):
        assert alert.url in body and "https://force.example/foi/82525/" in body
        assert "1,230" in body and "72 hours" in body
        assert "WhatDoTheyKnow" in body and "Wayback Machine" in body
        assert "Data Protection Officer" in body
    assert "pivot cache 1 (source 'Raw'!A1:K1231), field 'Victim name'" in text
    assert mask("Philippa Quenby-Arkwright", "PERSON") in text
    assert "page 3" in text and "sexual offence" in text
    assert outbox_states(store) == [("sent", 1)]
    assert "emailed" in [e.event for e in timeline(store, alert.id)]


def test_follow_ups_are_threaded_under_the_first_email(store: Store, smtp: SmtpServer) -> None:
    raise_critical(store, 1)
    document = store.record_fetch(URL.format(n=1), site=SITE.name, sha256=sha(2))
    record_verdict(store, document, leaky_verdict(sha(2)), site=SITE)
    record_gone(store, URL.format(n=1), SITE.name, 410)
    deliver_outbox(store, SmtpChannel(smtp.settings()))
    first, changed, gone = smtp.recorder.parsed()
    root = first["Message-ID"]
    for follow_up in (changed, gone):
        assert follow_up["In-Reply-To"] == root and follow_up["References"] == root
        assert follow_up["Subject"].startswith("Re: " + first["Subject"])
    assert "taken down" in gone["Subject"] and "410" in gone.get_body(("plain",)).get_content()
    assert len({first["Message-ID"], changed["Message-ID"], gone["Message-ID"]}) == 3


@pytest.mark.parametrize(
    ("reply", "exit_status", "reported"),
    [("451 4.3.0 Try again later", 1, False), ("554 5.7.1 Rejected by policy", 2, True)],
)
def test_refusal_is_retried_with_backoff(
    store: Store,
    smtp: SmtpServer,
    clock: FakeClock,
    reply: str,
    exit_status: int,
    reported: bool,
) -> None:
    raise_critical(store, 1)
    smtp.recorder.refuse = reply
    report = deliver_outbox(store, SmtpChannel(smtp.settings()))
    assert (report.sent, report.retrying, report.exit_status) == (0, 1, exit_status)
    assert bool(report.errors) is reported
    assert outbox_states(store) == [("queued", 1)]
    next_attempt, error = store.db.execute("SELECT next_attempt, last_error FROM outbox").fetchone()
    assert next_attempt == (clock() + backoff(1)).isoformat()
    assert reply[:3] in error
    smtp.recorder.refuse = None
    # Not due yet: the server is not hammered.
    assert deliver_outbox(store, SmtpChannel(smtp.settings())).sent == 0
    clock.advance(seconds=backoff(1).total_seconds())
    report = deliver_outbox(store, SmtpChannel(smtp.settings()))
    assert (report.sent, report.exit_status) == (1, 0)
    assert len(smtp.recorder.messages) == 1


def test_backoff_doubles_while_the_server_is_down(
    store: Store, smtp: SmtpServer, clock: FakeClock
) -> None:
    raise_critical(store, 1)
    smtp.stop()
    waits = []
    for _ in range(4):
        report = deliver_outbox(store, SmtpChannel(smtp.settings()), ignore_backoff=True)
        assert (report.sent, report.exit_status) == (0, 1)
        next_attempt = store.db.execute("SELECT next_attempt FROM outbox").fetchone()[0]
        waits.append(next_attempt)
    assert waits == [(clock() + backoff(n)).isoformat() for n in (1, 2, 3, 4)]
    assert [backoff(n) for n in (1, 2, 3)] == [timedelta(minutes=m) for m in (1, 2, 4)]
    assert backoff(30) == timedelta(hours=6)
    smtp.start()
    assert deliver_outbox(store, SmtpChannel(smtp.settings()), ignore_backoff=True).sent == 1
    assert outbox_states(store) == [("sent", 5)]


class StopAfterFirst(SmtpChannel):
    """The real SMTP channel, with the server going down right after the first delivery."""

    def __init__(self, server: SmtpServer) -> None:
        super().__init__(server.settings())
        self.server = server

    def send(self, message: OutboxMessage, email: EmailMessage) -> str | None:
        result = super().send(message, email)
        if self.server.controller is not None:
            self.server.stop()
        return result


def test_server_stopping_mid_run_loses_nothing_and_duplicates_nothing(
    store: Store, smtp: SmtpServer, clock: FakeClock
) -> None:
    for n in range(1, 6):
        raise_critical(store, n)
    report = deliver_outbox(store, StopAfterFirst(smtp))
    assert (report.sent, report.retrying, report.exit_status) == (1, 4, 1)
    clock.advance(minutes=1)
    assert deliver_outbox(store, SmtpChannel(smtp.settings())).sent == 0  # still down
    smtp.start()
    clock.advance(minutes=2)
    report = deliver_outbox(store, SmtpChannel(smtp.settings()))
    assert (report.sent, report.remaining, report.exit_status) == (4, 0, 0)
    assert deliver_outbox(store, SmtpChannel(smtp.settings())).sent == 0
    alerts = {a.message_id: a for a in list_alerts(store)}
    ids = [email["Message-ID"] for email in smtp.recorder.parsed()]
    assert sorted(ids) == sorted(str(m) for m in alerts)  # exactly one email per exposed document


class Crash(BaseException):
    """The process dying between handing the email over and recording it as sent."""


class CrashAfterSend(SmtpChannel):
    def send(self, message: OutboxMessage, email: EmailMessage) -> str | None:
        super().send(message, email)
        raise Crash


def test_crash_between_send_and_mark_retries_once_with_the_same_message_id(
    store: Store, smtp: SmtpServer, clock: FakeClock
) -> None:
    raise_critical(store, 1)
    with pytest.raises(Crash):
        deliver_outbox(store, CrashAfterSend(smtp.settings()))
    assert outbox_states(store) == [("sending", 1)]
    # Another sender while the lease runs does not touch it.
    assert deliver_outbox(store, SmtpChannel(smtp.settings())).sent == 0
    clock.advance(seconds=LEASE.total_seconds())
    with pytest.raises(Crash):
        deliver_outbox(store, CrashAfterSend(smtp.settings()))
    clock.advance(seconds=LEASE.total_seconds())
    report = deliver_outbox(store, SmtpChannel(smtp.settings()))
    assert (report.sent, report.failed, report.exit_status) == (0, 1, 2)
    assert outbox_states(store) == [("failed", 2)]
    first, second = smtp.recorder.parsed()
    assert first["Message-ID"] == second["Message-ID"]
    assert first.as_bytes() == second.as_bytes()
    clock.advance(hours=24)
    assert deliver_outbox(store, SmtpChannel(smtp.settings())).sent == 0
    assert len(smtp.recorder.messages) == 2


def test_crash_then_clean_restart_delivers_exactly_one_more(
    store: Store, smtp: SmtpServer, clock: FakeClock
) -> None:
    raise_critical(store, 1)
    with pytest.raises(Crash):
        deliver_outbox(store, CrashAfterSend(smtp.settings()))
    clock.advance(seconds=LEASE.total_seconds())
    report = deliver_outbox(store, SmtpChannel(smtp.settings()))
    assert (report.sent, report.exit_status) == (1, 0)
    assert outbox_states(store) == [("sent", 2)]
    assert len({e["Message-ID"] for e in smtp.recorder.parsed()}) == 1


def test_login_uses_the_password_from_the_environment(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = SmtpServer(credentials=("leaksweep", "s3cret-from-env"))
    server.start()
    try:
        raise_critical(store, 1)
        settings = server.settings(username="leaksweep", password_env="TEST_LS_SMTP_PASSWORD")
        monkeypatch.setenv("TEST_LS_SMTP_PASSWORD", "wrong")
        report = deliver_outbox(store, SmtpChannel(settings))
        assert (report.sent, report.exit_status) == (0, 2)
        assert "535" in report.errors[0]
        monkeypatch.setenv("TEST_LS_SMTP_PASSWORD", "s3cret-from-env")
        report = deliver_outbox(store, SmtpChannel(settings), ignore_backoff=True)
        assert (report.sent, report.exit_status) == (1, 0)
        assert len(server.recorder.messages) == 1
        assert_no_raw(server.recorder.messages[0], "authenticated email")
        assert b"s3cret-from-env" not in server.recorder.messages[0]
    finally:
        server.stop()


def test_missing_recipients_are_an_error_unless_the_site_has_some(
    store: Store, smtp: SmtpServer
) -> None:
    document = add_document(store, URL.format(n=1), sha(1))
    record_verdict(store, document, leaky_verdict(sha(1)))  # no site given: no recipients
    report = deliver_outbox(store, SmtpChannel(smtp.settings()))
    assert (report.sent, report.exit_status) == (0, 2)
    assert "no recipients" in report.errors[0]
    report = deliver_outbox(
        store,
        SmtpChannel(smtp.settings()),
        ignore_backoff=True,
        site_recipients={SITE.name: SITE.recipients, OTHER_SITE.name: OTHER_SITE.recipients},
    )
    assert (report.sent, report.exit_status) == (1, 0)
    assert smtp.recorder.recipients == [list(SITE.recipients)]


def test_every_byte_of_a_busy_day_is_free_of_raw_values(
    store: Store, smtp: SmtpServer, clock: FakeClock
) -> None:
    for n in range(1, 4):
        raise_critical(store, n)
    raise_critical(store, 4, Severity.HIGH)
    record_gone(store, URL.format(n=2), SITE.name, 404)
    deliver_outbox(store, SmtpChannel(smtp.settings()))
    assert len(smtp.recorder.messages) == 5
    for i, raw in enumerate(smtp.recorder.messages):
        assert_no_raw_in_email(raw, f"email {i}")
    # The check itself can fail: a raw value in a base64 body is found.
    leaked = EmailMessage()
    leaked.set_content("Victim: Philippa Quenby-Arkwright ✓", cte="base64")
    with pytest.raises(AssertionError):
        assert_no_raw_in_email(leaked.as_bytes(), "planted")
