"""End to end over real HTTP on 127.0.0.1: crawls in child processes, three nights running."""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from _forcesite import (
    BIG,
    FORCE,
    JS_ATTACHMENT,
    LISTING,
    MAX_SIZE,
    PLANTED,
    STREAMED,
    build_force,
    build_whatdotheyknow,
    entry,
    reply,
)
from click.testing import CliRunner

from crawler.cli import main
from crawler.config import Config, Site
from crawler.run import crawl_site
from crawler.summary import CrawlSummary
from crawler.testsite import Hit, LocalSite

CHROMIUM = Path("/usr/bin/chromium")
FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "DOWNLOAD_MAXSIZE": MAX_SIZE}


@dataclass
class Phase:
    summary: CrawlSummary
    hits: list[Hit]
    scans: dict[str, int]
    """URL -> number of scans recorded so far."""


@dataclass
class World:
    force: LocalSite
    wdtk: LocalSite
    config: Config
    attachments: list[str]
    """Absolute URLs of every attachment a crawl can reach."""
    phases: list[Phase]


def _scans(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT d.url, COUNT(s.id) FROM documents d LEFT JOIN scans s ON s.document_id = d.id"
            " GROUP BY d.url"
        ).fetchall()
    return dict(rows)


def _crawl(world: World) -> None:
    force, wdtk = len(world.force.hits), len(world.wdtk.hits)
    summary = crawl_site(world.config, world.config.sites[0], settings=FAST)
    hits = [*world.force.hits[force:], *world.wdtk.hits[wdtk:]]
    world.phases.append(Phase(summary, hits, _scans(world.config.database)))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    force, wdtk = LocalSite(), LocalSite()
    with force, wdtk:
        attachments = [force.url(p) for p in build_force(force)]
        attachments += [wdtk.url(p) for p in build_whatdotheyknow(wdtk)]
        if CHROMIUM.is_file():
            attachments.append(force.url(JS_ATTACHMENT))
        site = Site(
            name="test",
            start_urls=(force.url("/"),),
            disclosure_log=force.url(LISTING),
            whatdotheyknow=FORCE,
            whatdotheyknow_base=wdtk.base,
            allow_private=True,
            max_depth=40,
        )
        data = tmp_path_factory.mktemp("data")
        config = Config(data_dir=data, contact="webteam@example.org", sites=(site,))
        world = World(force, wdtk, config, attachments, [])
        _crawl(world)  # first night: everything is new
        _crawl(world)  # second night: nothing changed
        force.put("/files/structure.csv", "reference,category,count\nNEW-1,theft,4\n", "text/csv")
        force.remove(reply(1))
        _crawl(world)  # third night: one file changed, one taken down
        yield world


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_first_crawl_fetches_and_scans_every_attachment_once(world: World) -> None:
    first = world.phases[0]
    assert first.summary.finished, first.summary.failure
    for url in world.attachments:
        requested = [h for h in first.hits if h.path == _path(url)]
        assert len(requested) == 1, (url, requested)
        assert first.scans.get(url) == 1, url
    assert first.summary.scanned >= len(world.attachments)
    assert first.summary.documents >= len(world.attachments)


def test_first_crawl_keeps_to_robots_redirects_and_traps(world: World) -> None:
    hits = world.phases[0].hits
    paths = [h.path for h in hits]
    assert "/private/secret.csv" not in paths
    assert world.force.url("/about") in world.phases[0].scans
    assert world.force.url("/old-about") not in world.phases[0].scans
    assert world.force.url("/missing") not in world.phases[0].scans
    assert world.phases[0].summary.broken_links >= 1
    assert paths.count("/news") == 1 and not any("sessionid" in p for p in paths)
    calendar = [p for p in paths if p.startswith("/events/calendar")]
    assert len(calendar) == 3  # October to December next year, then the dates run out of range
    assert not any(f"month={date.today().year + 2}" in p for p in calendar)
    assert len([p for p in paths if p.startswith("/loop/")]) <= 2
    assert world.phases[0].summary.traps >= 2
    assert all("leaksweep" in h.user_agent and "webteam@example.org" in h.user_agent for h in hits)


@pytest.mark.parametrize("path", [BIG, STREAMED])
def test_file_over_the_size_cap_is_recorded_as_too_large(world: World, path: str) -> None:
    with sqlite3.connect(world.config.database) as db:
        row = db.execute(
            "SELECT status FROM documents WHERE url = ?", [world.force.url(path)]
        ).fetchone()
    assert row == ("too_large",)
    assert world.phases[0].summary.too_large == 2
    assert world.phases[0].summary.errors == 0


def test_database_and_quarantine_are_owner_only(world: World) -> None:
    assert stat.S_IMODE(world.config.database.stat().st_mode) == 0o600
    quarantine = world.config.quarantine_dir
    assert stat.S_IMODE(quarantine.stat().st_mode) == 0o700
    copies = [p for p in quarantine.rglob("*") if p.is_file()]
    assert copies and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in copies)
    assert all(len(p.name) == 64 for p in copies)


def test_no_raw_personal_value_in_the_log_or_database(world: World) -> None:
    written = [world.config.data_dir / "logs" / "crawl-test.log"]
    written += world.config.data_dir.glob("leaksweep.db*")
    for path in written:
        data = path.read_bytes()
        for value in PLANTED:
            assert value.encode() not in data, path.name


def test_second_crawl_is_conditional_and_rescans_nothing(world: World) -> None:
    first, second = world.phases[0], world.phases[1]
    assert second.summary.finished
    assert second.summary.scanned == 0
    assert second.scans == first.scans
    for url in world.attachments:
        requested = [h for h in second.hits if h.path == _path(url)]
        assert [(h.conditional, h.status) for h in requested] == [(True, 304)], url
    assert second.summary.not_modified >= len(world.attachments)


def test_third_crawl_rescans_the_changed_file_and_notes_the_removed_one(world: World) -> None:
    second, third = world.phases[1], world.phases[2]
    changed = world.force.url("/files/structure.csv")
    assert third.scans[changed] == 2
    others = {u: n for u, n in third.scans.items() if u != changed}
    assert others == {u: n for u, n in second.scans.items() if u != changed}
    assert third.summary.scanned == 1
    assert third.summary.gone == 1
    with sqlite3.connect(world.config.database) as db:
        gone = db.execute(
            "SELECT url, http_status FROM documents WHERE gone_at IS NOT NULL"
        ).fetchall()
    assert gone == [(world.force.url(reply(1)), 404)]


@pytest.mark.skipif(not CHROMIUM.is_file(), reason="Chromium is not installed at /usr/bin/chromium")
def test_listing_built_by_javascript_is_rendered_in_chromium(world: World) -> None:
    first = world.phases[0]
    assert first.summary.rendered >= 1
    assert first.scans.get(world.force.url(JS_ATTACHMENT)) == 1
    with sqlite3.connect(world.config.database) as db:
        (sha256,) = db.execute(
            "SELECT sha256 FROM documents WHERE url = ?", [world.force.url("/js-listing")]
        ).fetchone()
    rendered = (world.config.quarantine_dir / sha256[:2] / sha256).read_bytes()
    assert JS_ATTACHMENT.encode() in rendered  # the copy kept is the page as a reader sees it


def test_crawl_command_rescans_one_section_with_force(world: World, tmp_path: Path) -> None:
    site = world.config.sites[0]
    config = tmp_path / "leaksweep.toml"
    config.write_text(
        f'data_dir = "{world.config.data_dir}"\ncontact = "webteam@example.org"\n'
        f'[[sites]]\nname = "test"\nstart_urls = ["{site.start_urls[0]}"]\n'
        "allow_private = true\n"
    )
    url = world.force.url(entry(2))
    result = CliRunner().invoke(
        main,
        [
            "--config",
            str(config),
            "crawl",
            "--url",
            url,
            "--force",
            "--json",
            "--fail-on",
            "critical",
        ],
    )
    counts = json.loads(result.output)
    assert counts["finished"] is True
    assert counts["scanned"] >= 2  # the entry and its reply, though neither changed
    assert result.exit_code == (1 if counts["severities"].get("critical") else 0)
    assert world.force.count(entry(2), conditional=False) >= 2
