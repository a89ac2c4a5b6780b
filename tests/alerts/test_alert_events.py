"""Verdicts and alert actions reach a SIEM as JSON events with ids and counts, never a raw
value or a URL."""

from __future__ import annotations

import json

import pytest
from leakcheck import SITE, add_document, assert_no_raw, leaky_verdict, sha

from alerts.intake import record_verdict
from alerts.lifecycle import acknowledge, list_alerts
from alerts.store import Store
from crawler.logs import configure_logging

pytestmark = pytest.mark.usefixtures("restore_logging")


def test_raising_and_acknowledging_an_alert_are_json_events(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(1, "json")
    document = add_document(store, "https://force.example/foi/1-reply.xlsx", sha(1))
    record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    [alert] = list_alerts(store)
    acknowledge(store, alert.id, by="Web Officer")
    err = capsys.readouterr().err
    assert_no_raw(err.encode(), "log")
    events = [json.loads(line) for line in err.splitlines()]
    actions = [e["action"] for e in events if e.get("event") == "alert"]
    assert actions[-1] == "acknowledged" and len(actions) >= 2
    assert all(e["alert_id"] == alert.id for e in events if e.get("event") == "alert")
    [verdict] = [e for e in events if e.get("event") == "verdict"]
    assert verdict["document_id"] == document and verdict["alert_id"] == alert.id
    assert (verdict["severity"], verdict["status"]) == ("critical", "scanned")
    assert verdict["people"] == leaky_verdict(sha(1)).people and verdict["site"] == SITE.name
    assert "force.example" not in json.dumps(verdict)  # no URL: it may name someone
