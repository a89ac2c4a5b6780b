"""STARTTLS and implicit TLS against a real SMTP server with a certificate made by the test."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _tls import make_certificate
from aiosmtpd.controller import Controller
from leakcheck import (
    SITE,
    Recorder,
    SmtpServer,
    add_document,
    assert_no_raw_in_email,
    leaky_verdict,
    sha,
)

from alerts.channels.smtp import SmtpChannel
from alerts.deliver import deliver_outbox
from alerts.intake import record_verdict
from alerts.store import Store


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, ssl.SSLContext]:
    cert_path, key_path = make_certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_path, key_path)
    return cert_path, context


@pytest.fixture
def tls_server(certificate: tuple[Path, ssl.SSLContext]) -> Iterator[tuple[SmtpServer, Any]]:
    """Two listeners: STARTTLS required on one, TLS from the first byte on the other."""
    _, context = certificate
    starttls = SmtpServer(credentials=("leaksweep", "tls-only-secret"))
    recorder = starttls.recorder
    controller = Controller(
        recorder,
        hostname="127.0.0.1",
        port=starttls.port,
        tls_context=context,
        require_starttls=True,
        authenticator=starttls._authenticate,
    )
    controller.start()
    implicit = SmtpServer()
    implicit_controller = Controller(
        implicit.recorder, hostname="127.0.0.1", port=implicit.port, ssl_context=context
    )
    implicit_controller.start()
    yield starttls, implicit
    controller.stop()
    implicit_controller.stop()


def queue_one(store: Store) -> None:
    url = "https://force.example/SysSiteAssets/foi/1-reply.xlsx"
    record_verdict(store, add_document(store, url, sha(1)), leaky_verdict(sha(1)), site=SITE)


def test_starttls_with_login(
    store: Store,
    certificate: tuple[Path, ssl.SSLContext],
    tls_server: tuple[SmtpServer, SmtpServer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cert_path, _ = certificate
    starttls, _ = tls_server
    queue_one(store)
    monkeypatch.setenv("TEST_LS_TLS_PASSWORD", "tls-only-secret")
    settings = starttls.settings(
        security="starttls",
        ca_file=str(cert_path),
        username="leaksweep",
        password_env="TEST_LS_TLS_PASSWORD",
    )
    # Without trusting the certificate the channel refuses to go on, and says why.
    report = deliver_outbox(store, SmtpChannel(starttls.settings(security="starttls")))
    assert (report.sent, report.exit_status) == (0, 2)
    assert "TLS" in report.errors[0]
    report = deliver_outbox(store, SmtpChannel(settings), ignore_backoff=True)
    assert (report.sent, report.exit_status) == (1, 0)
    [raw] = starttls.recorder.messages
    assert_no_raw_in_email(raw, "STARTTLS email")


def test_implicit_tls(
    store: Store,
    certificate: tuple[Path, ssl.SSLContext],
    tls_server: tuple[SmtpServer, SmtpServer],
) -> None:
    cert_path, _ = certificate
    _, implicit = tls_server
    queue_one(store)
    settings = implicit.settings(security="tls", ca_file=str(cert_path))
    report = deliver_outbox(store, SmtpChannel(settings))
    assert (report.sent, report.exit_status) == (1, 0)
    [raw] = implicit.recorder.messages
    assert_no_raw_in_email(raw, "TLS email")


def test_plain_connection_to_a_starttls_only_server_is_refused(
    store: Store, tls_server: tuple[SmtpServer, SmtpServer]
) -> None:
    starttls, _ = tls_server
    queue_one(store)
    report = deliver_outbox(store, SmtpChannel(starttls.settings(security="none")))
    assert (report.sent, report.exit_status) == (0, 2)
    assert "530" in report.errors[0]
    assert isinstance(starttls.recorder, Recorder) and starttls.recorder.messages == []
