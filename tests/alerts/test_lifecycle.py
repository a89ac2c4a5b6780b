"""Acknowledge, verify takedown, escalate after the delay, resolve; digests for lower severities."""

from __future__ import annotations

import pytest
from leakcheck import OTHER_SITE, SITE, FakeClock, SmtpServer, add_document, leaky_verdict, sha

from alerts.channels.smtp import SmtpChannel
from alerts.deliver import deliver_outbox
from alerts.digest import queue_digests
from alerts.errors import AlertNotFound, AlertStateError
from alerts.intake import record_verdict
from alerts.lifecycle import acknowledge, list_alerts, load_alert, resolve, timeline
from alerts.model import AlertState, Probe
from alerts.settings import AlertSettings
from alerts.store import Store
from alerts.verify import verify_open_alerts
from detectors.model import Severity

URL = "https://force.example/SysSiteAssets/foi/{n}-reply.xlsx"
SETTINGS = AlertSettings(escalate_after_hours=4, escalation=("dpo@northshire.example",))


def raise_alert(store: Store, n: int, severity: Severity = Severity.CRITICAL) -> str:
    document = add_document(store, URL.format(n=n), sha(n))
    record_verdict(store, document, leaky_verdict(sha(n), severity), site=SITE)
    return next(a.id for a in list_alerts(store) if a.url == URL.format(n=n))


def still_online(n: int = 1) -> Probe:
    return Probe(status=200, sha256=sha(n))


def test_ack_then_resolve_with_a_timeline(store: Store, clock: FakeClock) -> None:
    alert_id = raise_alert(store, 1)
    clock.advance(minutes=20)
    alert = acknowledge(store, alert_id, "A. Webteam")
    assert alert.state is AlertState.ACKNOWLEDGED and alert.acknowledged_by == "A. Webteam"
    assert alert.acknowledged_at == clock().isoformat()
    with pytest.raises(AlertStateError):
        acknowledge(store, alert_id, "someone else")
    resolve(store, alert_id, "false positive: published staff list")
    assert load_alert(store, alert_id).state is AlertState.RESOLVED
    with pytest.raises(AlertStateError):
        resolve(store, alert_id)
    events = timeline(store, alert_id)
    assert [e.event for e in events] == ["raised", "acknowledged", "resolved"]
    assert "while acknowledged" in events[-1].detail
    with pytest.raises(AlertNotFound):
        acknowledge(store, "LS-NOPE", "x")


def test_404_is_taken_down_with_a_follow_up_then_resolved(
    store: Store, smtp: SmtpServer, clock: FakeClock
) -> None:
    alert_id = raise_alert(store, 1)
    deliver_outbox(store, SmtpChannel(smtp.settings()))
    clock.advance(hours=1)
    report = verify_open_alerts(store, lambda url: Probe(status=404), clock, SETTINGS)
    assert (report.checked, report.taken_down, report.escalated) == (1, 1, 0)
    alert = load_alert(store, alert_id)
    assert alert.state is AlertState.TAKEN_DOWN and alert.taken_down_at == clock().isoformat()
    deliver_outbox(store, SmtpChannel(smtp.settings()))
    first, gone = smtp.recorder.parsed()
    assert gone["In-Reply-To"] == first["Message-ID"]
    assert "purge caches" in gone["Subject"]
    text = gone.get_body(("plain",)).get_content()
    assert "HTTP 404" in text and "Wayback Machine" in text and "WhatDoTheyKnow" in text
    # A taken-down alert is re-checked for 30 days, stays down while the file is gone, and
    # closes by hand.
    report = verify_open_alerts(store, lambda url: Probe(status=404), clock, SETTINGS)
    assert (report.checked, report.back_online) == (1, 0)
    assert load_alert(store, alert_id).state is AlertState.TAKEN_DOWN
    clock.advance(days=31)
    assert verify_open_alerts(store, lambda url: still_online(), clock, SETTINGS).checked == 0
    clock.advance(days=-31)
    resolve(store, alert_id, "CDN purged, DPO told")
    events = [e.event for e in timeline(store, alert_id)]
    assert events == ["raised", "emailed", "taken_down", "emailed", "resolved"]


def test_escalation_after_the_delay_goes_once_to_the_escalation_address(
    store: Store, smtp: SmtpServer, clock: FakeClock
) -> None:
    alert_id = raise_alert(store, 1)
    acknowledge(store, alert_id, "A. Webteam")  # acknowledged is not taken down
    clock.advance(hours=3, minutes=59)
    report = verify_open_alerts(store, lambda url: still_online(), clock, SETTINGS)
    assert (report.still_exposed, report.escalated) == (1, 0)
    clock.advance(minutes=1)
    assert verify_open_alerts(store, lambda url: still_online(), clock, SETTINGS).escalated == 1
    clock.advance(hours=5)
    assert verify_open_alerts(store, lambda url: still_online(), clock, SETTINGS).escalated == 0
    deliver_outbox(store, SmtpChannel(smtp.settings()))
    assert smtp.recorder.recipients == [list(SITE.recipients), ["dpo@northshire.example"]]
    first, escalation = smtp.recorder.parsed()
    assert escalation["Subject"].startswith("[leaksweep ESCALATION CRITICAL] Still online after 4")
    assert escalation["In-Reply-To"] == first["Message-ID"]
    assert "A. Webteam" in escalation.get_body(("plain",)).get_content()
    assert load_alert(store, alert_id).escalated_at is not None


def test_medium_alerts_are_not_escalated(store: Store, clock: FakeClock) -> None:
    raise_alert(store, 1, Severity.MEDIUM)
    clock.advance(hours=48)
    assert verify_open_alerts(store, lambda url: still_online(), clock, SETTINGS).escalated == 0


def test_changed_content_counts_as_taken_down_only_when_clean(
    store: Store, clock: FakeClock
) -> None:
    leaking, replaced = raise_alert(store, 1), raise_alert(store, 2)
    probes = {
        URL.format(n=1): Probe(status=200, sha256=sha(9), clean=False),
        URL.format(n=2): Probe(status=200, sha256=sha(8), clean=True),
    }
    report = verify_open_alerts(store, probes.__getitem__, clock, SETTINGS)
    assert (report.taken_down, report.still_exposed) == (1, 1)
    assert load_alert(store, leaking).state is AlertState.OPEN
    assert load_alert(store, replaced).state is AlertState.TAKEN_DOWN


def test_an_unreachable_site_is_not_a_takedown(store: Store, clock: FakeClock) -> None:
    alert_id = raise_alert(store, 1)

    def down(url: str) -> Probe:
        raise OSError("connection refused")

    clock.advance(hours=5)
    report = verify_open_alerts(store, down, clock, SETTINGS)
    assert (report.unreachable, report.taken_down, report.escalated) == (1, 0, 1)
    assert load_alert(store, alert_id).last_checked == clock().isoformat()


def test_digest_is_one_email_per_site_for_medium_and_low(
    store: Store, smtp: SmtpServer, clock: FakeClock
) -> None:
    raise_alert(store, 1, Severity.MEDIUM)
    raise_alert(store, 2, Severity.LOW)
    raise_alert(store, 3, Severity.CRITICAL)
    document = add_document(store, URL.format(n=4), sha(4))
    record_verdict(store, document, leaky_verdict(sha(4), Severity.LOW), site=OTHER_SITE)
    deliver_outbox(store, SmtpChannel(smtp.settings()))
    assert len(smtp.recorder.messages) == 1  # only the critical one at once
    assert len(queue_digests(store, clock)) == 2
    assert queue_digests(store, clock) == []  # nothing new since
    deliver_outbox(store, SmtpChannel(smtp.settings()))
    _, north, south = smtp.recorder.parsed()
    assert smtp.recorder.recipients[1:] == [list(SITE.recipients), list(OTHER_SITE.recipients)]
    assert north["Subject"] == "[leaksweep digest] 2 lower-severity exposures (Northshire Police)"
    body = north.get_body(("plain",)).get_content()
    assert URL.format(n=1) in body and URL.format(n=2) in body and URL.format(n=3) not in body
    assert URL.format(n=4) in south.get_body(("html",)).get_content()
    raise_alert(store, 5, Severity.MEDIUM)
    assert len(queue_digests(store, clock)) == 1
