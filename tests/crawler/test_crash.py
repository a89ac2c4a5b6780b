"""Crashes and kills: `kill -9` mid-crawl loses no finding; a crawl's child dies with its parent.

Real `leaksweep crawl` processes in their own process group, a real site on 127.0.0.1.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from crawler.config import Config, Site
from crawler.run import LOCAL, CrawlJob
from crawler.testsite import LocalSite, Resource

STAFF = "/SysSiteAssets/foi/staff-list.csv"


def write_config(tmp_path: Path, start: str) -> Path:
    config = tmp_path / "leaksweep.toml"
    config.write_text(
        f'data_dir = "{tmp_path / "data"}"\n'
        f'[[sites]]\nname = "north"\nstart_urls = ["{start}"]\nmax_depth = 100000\n'
        "allow_private = true\n"
    )
    return config


class Crawl:
    """`leaksweep crawl` as cron would run it, leading its own process group.

    Its output goes to files, not pipes: a child outliving its parent would hold a pipe open.
    """

    def __init__(self, config: Path, name: str) -> None:
        self.out = config.parent / f"{name}.out"
        self.err = config.parent / f"{name}.err"
        with self.out.open("w") as out, self.err.open("w") as err:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "crawler",
                    "--config",
                    str(config),
                    "crawl",
                    "--site",
                    "north",
                ],
                stdout=out,
                stderr=err,
                start_new_session=True,
            )
        self.pid = self.process.pid

    def wait(self, timeout: float) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.pid, signal.SIGKILL)
            self.process.wait()

    @property
    def stderr(self) -> str:
        return self.err.read_text()


def wait_for(condition: Callable[[], object], seconds: float = 60.0, every: float = 0.02) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"still waiting after {seconds} s")


def fetched_not_judged(database: Path, url: str) -> bool:
    """The crawl recorded the fetch (hash, ETag) but has not committed a verdict on it."""
    if not database.exists():
        return False
    try:
        with sqlite3.connect(database, timeout=0.1) as db:
            row = db.execute(
                "SELECT d.sha256, d.etag, (SELECT count(*) FROM scans s WHERE s.document_id = d.id)"
                " FROM documents d WHERE d.url = ?",
                [url],
            ).fetchone()
    except sqlite3.Error:
        return False
    return row is not None and bool(row[0]) and bool(row[1]) and row[2] == 0


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running or stopped; a zombie waiting for its reaper has exited."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def test_kill_9_between_fetch_and_verdict_loses_no_finding(
    tmp_path: Path, staff_list: Callable[[int], bytes]
) -> None:
    with LocalSite() as site:
        site.put("/robots.txt", "User-agent: *\n", "text/plain")
        site.page("/", "Test Constabulary", f'<a href="{STAFF}">Staff numbers reply</a>')
        site.put(STAFF, staff_list(11), "text/csv")
        config = write_config(tmp_path, site.url("/"))
        database = tmp_path / "data" / "leaksweep.db"

        first = Crawl(config, "first")
        try:
            # The scan of a first crawl waits for the language models: kill in that window.
            wait_for(lambda: fetched_not_judged(database, site.url(STAFF)))
        finally:
            first.kill()  # kill -9 of the whole group: parent and child
        assert first.process.returncode == -signal.SIGKILL
        assert fetched_not_judged(database, site.url(STAFF))

        second = Crawl(config, "second")
        code = second.wait(timeout=300)

    assert code == 1, second.stderr  # a critical staff list: at or above medium
    assert site.count(STAFF, conditional=True) == 0  # no "not modified" shortcut was offered
    assert site.count(STAFF, conditional=False) == 2
    with sqlite3.connect(database) as db:
        scans = db.execute(
            "SELECT s.severity FROM scans s JOIN documents d ON d.id = s.document_id"
            " WHERE d.url = ?",
            [site.url(STAFF)],
        ).fetchall()
        alerts = db.execute("SELECT severity, state FROM alerts WHERE url = ?", [site.url(STAFF)])
        assert scans == [("critical",)]
        assert alerts.fetchall() == [("critical", "open")]


def _slow_endless(path: str) -> Resource:
    time.sleep(0.1)
    number = int(path.rsplit("/", 1)[-1] or 0)
    return Resource(f'<html><body><a href="/n/{number + 1}">next</a></body></html>'.encode())


def test_child_dies_with_its_parent_and_holds_the_lock_while_it_lives(tmp_path: Path) -> None:
    with LocalSite() as site:
        site.put("/robots.txt", "User-agent: *\n", "text/plain")
        site.route("/n/", _slow_endless)
        config = write_config(tmp_path, site.url("/n/1"))
        parent = Crawl(config, "first")
        second: Crawl | None = None
        child = 0
        try:
            child = int(wait_for(lambda: children_of(parent.pid))[0])  # type: ignore[index]
            wait_for(lambda: site.count("/n/3"))  # crawling
            os.kill(child, signal.SIGSTOP)  # hold the child still while its parent dies
            os.kill(parent.pid, signal.SIGKILL)
            parent.process.wait()

            # The parent is gone but its crawl is not: a second crawl must refuse.
            second = Crawl(config, "second")
            assert second.wait(timeout=120) == 2, second.stderr
            assert "already being crawled" in second.stderr
            assert alive(child)

            os.kill(child, signal.SIGCONT)  # it now hears of its parent's death
            wait_for(lambda: not alive(child), seconds=60, every=0.1)
            requests = len(site.hits)
            time.sleep(1)
            assert len(site.hits) == requests  # nothing crawls on
        finally:
            if child and alive(child):
                os.kill(child, signal.SIGKILL)
            parent.kill()
            if second is not None:
                second.kill()

    lock = tmp_path / "data" / "locks" / "north.lock"
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released with the child


def test_child_stops_when_nobody_reads_its_reports(tmp_path: Path) -> None:
    """A broken pipe to the parent (it stopped reading) ends the crawl instead of going on."""
    with LocalSite() as site:
        site.put("/robots.txt", "User-agent: *\n", "text/plain")
        site.route("/n/", _slow_endless)
        data = tmp_path / "data"
        job = CrawlJob(
            config=Config(data_dir=data),
            site=Site(
                name="north",
                start_urls=(site.url("/n/1"),),
                max_depth=100_000,
                allow_private=True,
            ),
            settings=LOCAL,
        )
        (data / "locks").mkdir(parents=True)
        lock = os.open(data / "locks" / "north.lock", os.O_CREAT | os.O_RDWR, 0o600)
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        read_end, write_end = os.pipe()
        os.close(read_end)  # the parent will never read a report
        child = subprocess.Popen(
            [sys.executable, "-m", "crawler.child", str(write_end), str(lock), str(os.getpid())],
            stdin=subprocess.PIPE,
            pass_fds=(write_end, lock),
        )
        os.close(write_end)
        try:
            assert child.stdin is not None
            with child.stdin:
                child.stdin.write(pickle.dumps(job))
            code = child.wait(timeout=90)
        finally:
            if child.poll() is None:
                child.kill()
            os.close(lock)
    assert code == 0
    assert site.count("/n/1") == 1
    assert not any(hit.path == "/n/400" for hit in site.hits)  # it did not crawl on and on
