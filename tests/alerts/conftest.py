"""Fixtures for alert tests: a settable clock, a real SQLite file, a real SMTP server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from leakcheck import FakeClock, SmtpServer, assert_no_raw, assert_no_raw_in_email

from alerts.store import Store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    store = Store(tmp_path / "data" / "leaksweep.db", clock=clock)
    yield store
    store.db.conn.commit()
    for path in sorted((tmp_path / "data").glob("leaksweep.db*")):
        assert_no_raw(path.read_bytes(), path.name)


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()
    for i, raw in enumerate(server.recorder.messages):
        assert_no_raw_in_email(raw, f"email {i}")
