from __future__ import annotations

import stat
from pathlib import Path

import sqlite_utils

from alerts.intake import record_verdict
from alerts.lifecycle import record_gone
from alerts.store import MIGRATIONS, Store
from detectors.model import Finding, Severity, Status, Vector, Verdict


def verdict(sha: str = "ab" * 32) -> Verdict:
    return Verdict(
        source="reply.xlsx",
        sha256=sha,
        format="xlsx",
        status=Status.SCANNED,
        severity=Severity.CRITICAL,
        people=3,
        kinds=("staff_list",),
        findings=(Finding("PERSON", Vector.HIDDEN_SHEET, "sheet 'Raw'", 3, 0.9, "J*** S****"),),
    )


def test_database_is_owner_only_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "data" / "leaksweep.db"
    store = Store(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert {"documents", "scans", "findings", "alerts", "outbox"} <= set(store.db.table_names())
    Store(path)  # opening again runs no migration twice
    assert Store(path).db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_fetch_then_verdict_then_gone(tmp_path: Path) -> None:
    store = Store(tmp_path / "ls.db")
    url = "https://example.police.uk/reply.xlsx"
    document_id = store.record_fetch(url, site="example", etag='"x"', sha256="ab" * 32)
    assert store.record_fetch(url, site="example", etag='"y"') == document_id
    scan_id = record_verdict(store, document_id, verdict())
    finding = store.db.execute("SELECT entity, vector, example FROM findings").fetchone()
    assert finding == ("PERSON", "hidden_sheet", "J*** S****")
    assert store.db.execute("SELECT severity FROM scans WHERE id = ?", [scan_id]).fetchone() == (
        "critical",
    )
    record = store.document(url, "example")
    assert record is not None and record.etag == '"y"' and record.gone_at is None
    record_gone(store, url, "example", 404)
    record = store.document(url, "example")
    assert record is not None and record.gone_at is not None


def test_salt_is_stable_per_installation(tmp_path: Path) -> None:
    path = tmp_path / "ls.db"
    salt = Store(path).salt
    assert len(salt) == 32
    assert Store(path).salt == salt
    assert Store(tmp_path / "other.db").salt != salt


def test_documents_of_a_version_2_database_are_keyed_per_site_after_migration(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ls.db"
    old = sqlite_utils.Database(path)
    for migration in MIGRATIONS[:2]:
        migration(old)
    old.execute("PRAGMA user_version = 2")
    old.table("documents").insert({"url": "https://shared.example/r.csv", "sha256": "ab" * 32})
    old.conn.commit()
    old.close()

    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    kept = store.document("https://shared.example/r.csv", "")
    assert kept is not None and kept.sha256 == "ab" * 32 and not kept.judged
    north = store.record_fetch("https://shared.example/r.csv", site="north", sha256="cd" * 32)
    south = store.record_fetch("https://shared.example/r.csv", site="south", sha256="cd" * 32)
    assert len({kept.id, north, south}) == 3
