"""A file named after a person: its name is masked in subjects and headings."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from leakcheck import SITE, FakeClock, add_document, leaky_verdict, sha

from alerts.digest import queue_digests
from alerts.intake import record_verdict
from alerts.model import MessageKind, file_label
from alerts.outbox import due
from alerts.report import render_report
from alerts.store import Store
from detectors.model import Severity

NAME = "Siobhan O'Rourke-Blackwood MJ998877C.xlsx"
URL = "https://force.example/SysSiteAssets/foi/" + quote(NAME)
RAW = ("Siobhan", "Rourke", "Blackwood", "MJ998877C")
MASKED = "S****** *'R*****-B******** M********.xlsx"


def test_subject_and_report_heading_mask_a_personal_file_name(
    store: Store, clock: FakeClock
) -> None:
    record_verdict(store, add_document(store, URL, sha(1)), leaky_verdict(sha(1)), site=SITE)
    store.db.conn.commit()
    [message] = due(store, clock())
    assert message.kind is MessageKind.ALERT
    assert MASKED in message.subject
    assert not [raw for raw in RAW if raw in message.subject]
    [heading] = re.findall(r"<h3>.*?</h3>", render_report(store, clock), re.DOTALL)
    assert "S****** *&#39;R*****-B******** M********.xlsx" in heading
    assert not [raw for raw in RAW if raw in heading]


def test_digest_heading_masks_a_personal_file_name(store: Store, clock: FakeClock) -> None:
    verdict = leaky_verdict(sha(2), Severity.MEDIUM)
    record_verdict(store, add_document(store, URL, sha(2)), verdict, site=SITE)
    store.db.conn.commit()
    queue_digests(store, clock)
    [message] = [m for m in due(store, clock()) if m.kind is MessageKind.DIGEST]
    # The link itself keeps the URL (the team must find the file); the text shown is masked.
    headings = [
        re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h2.*?</h2>", message.body_html, re.DOTALL)
    ]
    assert headings and all(not [raw for raw in RAW if raw in h] for h in headings)
    assert any("M********.xlsx" in h for h in headings)


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://force.example/foi/82525-reply.xlsx", "82525-reply.xlsx"),
        ("https://force.example/foi/2024-03-14%20reply.pdf", "2024-03-14 reply.pdf"),
        ("https://force.example/foi/Reply_AB123456C.pdf", "R****_A********.pdf"),
        ("https://force.example/foi/Jane%20Doe%20statement.pdf", "J*** D** s********.pdf"),
    ],
)
def test_file_labels_keep_references_and_mask_people(url: str, label: str) -> None:
    assert file_label(url) == label
