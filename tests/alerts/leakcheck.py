"""Planted raw values, verdict builders, a settable clock and a real SMTP server for tests."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from alerts.settings import Smtp
from alerts.store import Store
from crawler.config import Site
from detectors.mask import mask
from detectors.model import Finding, Severity, Status, Vector, Verdict

# The source data a leaking spreadsheet would hold. Only masked forms may reach a Finding;
# none of these strings (nor the distinctive parts below) may reach the store or any email.
RAW = {
    "PERSON": "Philippa Quenby-Arkwright",
    "EMAIL_ADDRESS": "p.quenby.arkwright@mailbox.example",
    "UK_NINO": "QQ 12 34 56 C",
    "DATE_OF_BIRTH": "14/03/1971",
    "STREET_ADDRESS": "17 Larkspur Gardens",
    "CRIME_REFERENCE": "37/88213/24",
    "POLICE_IDENTIFIER": "PC 48812",
}
RAW_FRAGMENTS = (
    *RAW.values(),
    "Quenby",
    "Arkwright",
    "Philippa",
    "QQ123456C",
    "Larkspur",
    "88213",
    "48812",
)
PLACES = {
    "PERSON": (Vector.PIVOT_CACHE, "pivot cache 1 (source 'Raw'!A1:K1231), field 'Victim name'"),
    "EMAIL_ADDRESS": (Vector.HIDDEN_SHEET, "hidden sheet 'Raw', column E"),
    "UK_NINO": (Vector.HIDDEN_COLUMN, "sheet 'Summary', hidden column H"),
    "DATE_OF_BIRTH": (Vector.HIDDEN_SHEET, "hidden sheet 'Raw', column F"),
    "STREET_ADDRESS": (Vector.UNDER_REDACTION, "page 3"),
    "CRIME_REFERENCE": (Vector.COMMENT, "comment on 'Summary'!B4"),
    "POLICE_IDENTIFIER": (Vector.CELL, "sheet 'Summary', column C"),
}
SITE = Site(name="Northshire Police", start_urls=(), recipients=("web-team@northshire.example",))
OTHER_SITE = Site(name="Southmoor Police", start_urls=(), recipients=("web@southmoor.example",))


def leaky_verdict(
    sha: str, severity: Severity = Severity.CRITICAL, entities: tuple[str, ...] = tuple(RAW)
) -> Verdict:
    """What the detectors would conclude from RAW: masked examples, counts and places."""
    findings = tuple(
        Finding(
            entity=entity,
            vector=PLACES[entity][0],
            where=PLACES[entity][1],
            count=1230 - i,
            score=0.9,
            example=mask(RAW[entity], entity),
        )
        for i, entity in enumerate(entities)
    )
    return Verdict(
        source="reply.xlsx",
        sha256=sha,
        format="xlsx",
        status=Status.SCANNED,
        severity=severity,
        people=1230,
        kinds=("case_records",),
        special_categories=("sexual_offence",),
        findings=findings,
    )


def clean_verdict(sha: str) -> Verdict:
    return Verdict(source="reply.xlsx", sha256=sha, format="xlsx", status=Status.SCANNED)


def sha(n: int) -> str:
    return f"{n:064x}"


def assert_no_raw(blob: bytes, what: str) -> None:
    lowered = blob.lower()
    for value in RAW_FRAGMENTS:
        assert value.lower().encode() not in lowered, f"raw value {value!r} found in {what}"


def assert_no_raw_in_email(raw: bytes, what: str) -> None:
    """Both the bytes on the wire and every decoded part (base64 or quoted-printable)."""
    assert_no_raw(raw, what)
    message = message_from_bytes(raw, policy=policy.default)
    for key, value in message.items():
        assert_no_raw(f"{key}: {value}".encode(), f"{what} header {key}")
    for part in message.walk():
        if part.get_content_maintype() == "text":
            assert_no_raw(part.get_content().encode(), f"{what} {part.get_content_type()} part")


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = datetime(2025, 8, 14, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def add_document(
    store: Store, url: str, digest: str, referrer: str = "https://force.example/foi/82525/"
) -> int:
    return store.record_fetch(url, site=SITE.name, referrer=referrer, sha256=digest)


@dataclass
class Recorder:
    """An aiosmtpd handler that keeps every message, or refuses with a set reply."""

    messages: list[bytes] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)
    refuse: str | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return self.refuse
        self.messages.append(bytes(envelope.original_content or envelope.content))
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted"

    def parsed(self) -> list[Any]:
        return [message_from_bytes(raw, policy=policy.default) for raw in self.messages]


class SmtpServer:
    """A real SMTP server on 127.0.0.1 that a test can stop and start on the same port."""

    def __init__(self, credentials: tuple[str, str] | None = None) -> None:
        self.recorder = Recorder()
        self.credentials = credentials
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller: Controller | None = None

    def start(self) -> None:
        options: dict[str, Any] = {}
        if self.credentials:
            options = {"authenticator": self._authenticate, "auth_require_tls": False}
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port, **options)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def settings(self, **overrides: Any) -> Smtp:
        values: dict[str, Any] = {
            "host": "127.0.0.1",
            "port": self.port,
            "security": "none",
            "sender": "leaksweep@northshire.example",
            "timeout_s": 5.0,
            **overrides,
        }
        return Smtp(**values)

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and self.credentials == (
            data.login.decode(),
            data.password.decode(),
        )
        return AuthResult(success=ok, handled=False)
