"""Logs: library debug output capped whatever -v says; journald-friendly text lines."""

from __future__ import annotations

import logging

import pytest

from crawler.logs import configure_logging

pytestmark = pytest.mark.usefixtures("restore_logging")


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_library_debug_lines_never_reach_the_log_even_at_vv(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(2, fmt)
    logging.getLogger("presidio-analyzer").debug("recognized UK_NINO 'QQ123456C'")
    logging.getLogger("crawler.test").debug("our own debug line")
    err = capsys.readouterr().err
    assert "QQ123456C" not in err
    assert "our own debug line" in err


def test_under_journald_text_lines_leave_the_time_to_journald(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JOURNAL_STREAM", "8:12345")
    configure_logging(1, "text")
    logging.getLogger("crawler.test").info("crawl finished")
    assert capsys.readouterr().err.strip() == "INFO crawler.test: crawl finished"
