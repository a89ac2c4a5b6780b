"""Quarantine: owner-only copies named by hash, gone after the retention period."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from pathlib import Path

from crawler.quarantine import Quarantine


def test_keep_names_by_hash_once_and_owner_only(tmp_path: Path) -> None:
    quarantine = Quarantine(tmp_path / "q", days=30)
    sha = quarantine.keep(b"reply,one\n")
    assert sha == hashlib.sha256(b"reply,one\n").hexdigest()
    assert quarantine.keep(b"reply,one\n") == sha
    files = [p for p in (tmp_path / "q").rglob("*") if p.is_file()]
    assert [p.name for p in files] == [sha]
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "q").stat().st_mode) == 0o700
    assert quarantine.read(sha) == b"reply,one\n"
    assert quarantine.holds(sha) and not quarantine.holds(None) and not quarantine.holds("0" * 64)


def test_purge_removes_only_copies_older_than_the_retention(tmp_path: Path) -> None:
    quarantine = Quarantine(tmp_path, days=30)
    old, new = quarantine.keep(b"old"), quarantine.keep(b"new")
    month_ago = time.time() - 31 * 86_400
    os.utime(quarantine.path(old), (month_ago, month_ago))
    assert quarantine.purge() == 1
    assert not quarantine.holds(old) and quarantine.holds(new)
    assert Quarantine(tmp_path / "absent", days=1).purge() == 0
