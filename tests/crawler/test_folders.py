"""Folders that hold evidence are owner-only, even when they existed before with a loose mode."""

from __future__ import annotations

import stat
from pathlib import Path

from click.testing import CliRunner

from crawler.cli import main
from crawler.testsite import LocalSite


def test_existing_loose_folders_are_forced_to_0700(tmp_path: Path) -> None:
    data = tmp_path / "data"
    folders = [data, data / "outbox", data / "logs", data / "quarantine", data / "locks"]
    for folder, mode in zip(folders, (0o755, 0o777, 0o755, 0o777, 0o775), strict=True):
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(mode)
    with LocalSite() as site:
        site.put("/robots.txt", "User-agent: *\n", "text/plain")
        site.page("/", "Home", '<a href="/reply.csv">Reply</a>')
        site.put("/reply.csv", "year,count\n2024,3\n", "text/csv")
        config = tmp_path / "leaksweep.toml"
        config.write_text(
            f'data_dir = "{data}"\n[[sites]]\nname = "north"\n'
            f'start_urls = ["{site.url("/")}"]\nallow_private = true\n'
        )
        result = CliRunner().invoke(main, ["--config", str(config), "crawl"])
    assert result.exit_code == 0, result.output
    for folder in folders:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder.name
    assert stat.S_IMODE((data / "leaksweep.db").stat().st_mode) == 0o600
    assert stat.S_IMODE((data / "logs" / "crawl-north.log").stat().st_mode) == 0o600
