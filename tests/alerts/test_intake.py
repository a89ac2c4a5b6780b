"""Raising alerts from verdicts: one per document, deduplicated, in the findings' transaction."""

from __future__ import annotations

import json

import pytest
from leakcheck import SITE, add_document, clean_verdict, leaky_verdict, sha

from alerts import outbox as outbox_module
from alerts.intake import record_verdict
from alerts.lifecycle import list_alerts, load_alert, record_gone, timeline
from alerts.model import AlertState
from alerts.store import Store
from detectors.model import Severity, Status, Verdict

URL = "https://force.example/SysSiteAssets/foi/82525-reply.xlsx"
OTHER_URL = "https://force.example/SysSiteAssets/foi/90001-reply.xlsx"


def outbox_rows(store: Store) -> list[tuple[str, str, str | None, str]]:
    return store.db.execute(
        "SELECT alert_id, kind, in_reply_to, message_id FROM outbox ORDER BY id"
    ).fetchall()


def test_one_alert_per_document_not_per_finding(store: Store) -> None:
    document = add_document(store, URL, sha(1))
    record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    [alert] = list_alerts(store)
    assert alert.id.startswith("LS-") and len(alert.id) == 13
    assert alert.severity is Severity.CRITICAL and alert.state is AlertState.OPEN
    assert alert.people == 1230 and alert.site == SITE.name
    assert alert.recipients == SITE.recipients
    assert alert.referrer == "https://force.example/foi/82525/"
    [(alert_id, kind, in_reply_to, message_id)] = outbox_rows(store)
    assert (alert_id, kind, in_reply_to) == (alert.id, "alert", None)
    assert alert.message_id == message_id
    assert store.db.execute("SELECT count(*) FROM findings").fetchone()[0] == 7


def test_subject_names_the_file_and_site_and_nothing_found(store: Store) -> None:
    document = add_document(store, URL, sha(1))
    record_verdict(store, document, leaky_verdict(sha(1), Severity.HIGH), site=SITE)
    subject = store.db.execute("SELECT subject FROM outbox").fetchone()[0]
    assert subject == (
        "[leaksweep HIGH] Personal data exposed: 82525-reply.xlsx (Northshire Police)"
    )


def test_same_content_same_url_does_not_alert_again(store: Store) -> None:
    document = add_document(store, URL, sha(1))
    record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    assert len(list_alerts(store)) == 1
    assert len(outbox_rows(store)) == 1


def test_same_content_at_another_url_alerts_again(store: Store) -> None:
    record_verdict(store, add_document(store, URL, sha(1)), leaky_verdict(sha(1)), site=SITE)
    record_verdict(store, add_document(store, OTHER_URL, sha(1)), leaky_verdict(sha(1)), site=SITE)
    alerts = list_alerts(store)
    assert sorted(a.url for a in alerts) == [URL, OTHER_URL]
    assert len({a.id for a in alerts}) == 2
    assert [row[1] for row in outbox_rows(store)] == ["alert", "alert"]


def test_changed_content_still_leaking_is_a_threaded_follow_up(store: Store) -> None:
    document = add_document(store, URL, sha(1))
    record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    first = list_alerts(store)[0]
    store.record_fetch(URL, site=SITE.name, sha256=sha(2))
    record_verdict(store, document, leaky_verdict(sha(2), Severity.HIGH), site=SITE)
    [alert] = list_alerts(store)
    assert alert.id == first.id and alert.sha256 == sha(2) and alert.severity is Severity.HIGH
    rows = outbox_rows(store)
    assert [row[1] for row in rows] == ["alert", "changed"]
    assert rows[1][2] == first.message_id
    assert "changed" in [event.event for event in timeline(store, alert.id)]
    # The earlier content coming back while the alert is open is not news either.
    record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    assert len(outbox_rows(store)) == 2


def test_clean_replacement_takes_the_alert_down(store: Store) -> None:
    document = add_document(store, URL, sha(1))
    record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    record_verdict(store, document, clean_verdict(sha(3)), site=SITE)
    [alert] = list_alerts(store)
    assert alert.state is AlertState.TAKEN_DOWN and alert.taken_down_at
    rows = outbox_rows(store)
    assert [row[1] for row in rows] == ["alert", "taken_down"]
    assert rows[1][2] == alert.message_id


def test_republished_after_takedown_reopens_and_threads(store: Store) -> None:
    document = add_document(store, URL, sha(1))
    record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    record_gone(store, URL, SITE.name, 404)
    assert load_alert(store, list_alerts(store)[0].id).state is AlertState.TAKEN_DOWN
    store.record_fetch(URL, site=SITE.name, sha256=sha(1))
    record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    [alert] = list_alerts(store)
    assert alert.state is AlertState.OPEN and alert.taken_down_at is None
    rows = outbox_rows(store)
    assert [row[1] for row in rows] == ["alert", "taken_down", "reappeared"]
    assert rows[2][2] == alert.message_id


def test_medium_and_low_raise_alerts_but_wait_for_the_digest(store: Store) -> None:
    record_verdict(
        store, add_document(store, URL, sha(1)), leaky_verdict(sha(1), Severity.MEDIUM), site=SITE
    )
    record_verdict(
        store,
        add_document(store, OTHER_URL, sha(2)),
        leaky_verdict(sha(2), Severity.LOW),
        site=SITE,
    )
    assert sorted(str(a.severity) for a in list_alerts(store)) == ["low", "medium"]
    assert outbox_rows(store) == []


def test_medium_rising_to_critical_sends_the_first_email(store: Store) -> None:
    document = add_document(store, URL, sha(1))
    record_verdict(store, document, leaky_verdict(sha(1), Severity.MEDIUM), site=SITE)
    record_verdict(store, document, leaky_verdict(sha(2), Severity.CRITICAL), site=SITE)
    [(_, kind, in_reply_to, _)] = outbox_rows(store)
    assert (kind, in_reply_to) == ("alert", None)


@pytest.mark.parametrize("status", [Status.ENCRYPTED, Status.UNREADABLE, Status.TOO_LARGE])
def test_uninspectable_documents_raise_nothing(store: Store, status: Status) -> None:
    verdict = Verdict(source="x.xlsx", sha256=sha(1), format="xlsx", status=status, error="no")
    record_verdict(store, add_document(store, URL, sha(1)), verdict, site=SITE)
    assert list_alerts(store) == []


def test_old_call_without_site_still_works(store: Store) -> None:
    document = add_document(store, URL, sha(1))
    record_verdict(store, document, leaky_verdict(sha(1)))
    [alert] = list_alerts(store)
    assert alert.site == SITE.name  # from record_fetch
    assert alert.recipients == ()
    recipients = store.db.execute("SELECT recipients FROM outbox").fetchone()[0]
    assert json.loads(recipients) == []


def test_alert_is_written_in_the_same_transaction_as_the_findings(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = add_document(store, URL, sha(1))

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("rendering failed")

    monkeypatch.setattr(outbox_module, "render_message", broken)
    with pytest.raises(RuntimeError):
        record_verdict(store, document, leaky_verdict(sha(1)), site=SITE)
    for table in ("scans", "findings", "alerts", "alert_events", "outbox"):
        assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_alert_ids_are_salted(tmp_path: object, store: Store) -> None:
    from alerts.intake import alert_id

    assert alert_id(b"a" * 32, URL, sha(1)) != alert_id(b"b" * 32, URL, sha(1))
    assert alert_id(store.salt, URL, sha(1)) == alert_id(store.salt, URL, sha(1))
