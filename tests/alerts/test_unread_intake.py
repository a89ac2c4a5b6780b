"""A version that was not fully read is never "a clean version", and a cut scan still alerts."""

from __future__ import annotations

from dataclasses import replace

from leakcheck import SITE, add_document, clean_verdict, leaky_verdict, sha

from alerts.intake import record_verdict
from alerts.lifecycle import list_alerts
from alerts.model import AlertState
from alerts.store import Store
from detectors.model import Severity, Status, Unread

URL = "https://force.example/SysSiteAssets/foi/82525-reply.xlsx"


def test_a_version_cut_short_does_not_close_the_alert_as_clean(store: Store) -> None:
    document = add_document(store, URL, sha(1))
    record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    for status, unread in (
        (Status.SCANNED, (Unread("sheet 'Raw'", "malformed XML (line 3)"),)),
        (Status.TOO_LARGE, (Unread("page 2", "decompression bomb refused", limit=True),)),
        (Status.UNREADABLE, ()),
    ):
        cut = replace(clean_verdict(sha(3)), status=status, unread=unread)
        assert not cut.fully_read
        record_verdict(store, document, cut, site=SITE)
        [alert] = list_alerts(store)
        assert alert.state is AlertState.OPEN, status


def test_a_fully_read_clean_version_still_closes_it(store: Store) -> None:
    document = add_document(store, URL, sha(1))
    record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    assert clean_verdict(sha(3)).fully_read
    record_verdict(store, document, clean_verdict(sha(3)), site=SITE)
    [alert] = list_alerts(store)
    assert alert.state is AlertState.TAKEN_DOWN


def test_findings_kept_from_a_scan_cut_short_raise_an_alert(store: Store) -> None:
    document = add_document(store, URL, sha(1))
    cut = replace(
        leaky_verdict(sha(1), Severity.CRITICAL),
        status=Status.TOO_LARGE,
        error="ran out of the 30 s budget while reading table rows; findings so far are kept",
        unread=(Unread("sheet 'Raw'", "rows after 312,000 not read (time budget)", limit=True),),
    )
    record_verdict(store, document, cut, site=SITE)
    [alert] = list_alerts(store)
    assert alert.severity is Severity.CRITICAL and alert.state is AlertState.OPEN
