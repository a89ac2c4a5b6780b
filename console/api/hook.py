"""The publish hook: a CMS says "I just published these URLs", leaksweep crawls them at once.

POST /api/v1/published  {"url": ...} or {"urls": [...]}  with  Authorization: Bearer TOKEN
GET  /api/v1/jobs/{id}  the job's state and, when done, what each URL's section held.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import os
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from alerts.lifecycle import active_alerts_at
from alerts.store import Store
from crawler.alerting import send_outbox
from crawler.config import Config, Site
from crawler.run import LOCAL, CrawlBusy, crawl_site

log = logging.getLogger(__name__)

MAX_URLS = 20
MAX_BODY = 64 * 1024
BUCKET_SIZE = 10
"""Calls a token may make at once…"""
REFILL_PER_S = 1 / 6
"""…and how fast it earns them back (ten a minute)."""
KEEP_JOBS = 500
"""Finished jobs remembered for GET /api/v1/jobs (in memory: a restart forgets them)."""
MAX_WAITING = 100
"""Jobs queued at once; past that the hook answers 503 until the queue drains."""
BUSY_RETRIES = 30
"""A nightly crawl of the site may hold its lock: wait for it this many times two seconds."""


@dataclass
class Job:
    id: str
    urls: tuple[str, ...]
    created: float
    state: str = "queued"
    results: list[dict[str, Any]] = field(default_factory=list)
    error: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "state": self.state,
            "urls": list(self.urls),
            "results": self.results,
            "error": self.error,
        }


class TokenBucket:
    def __init__(self, size: float = BUCKET_SIZE, rate: float = REFILL_PER_S) -> None:
        self.size, self.rate = size, rate
        self.levels: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def take(self, key: str) -> bool:
        with self.lock:
            now = time.monotonic()
            level, then = self.levels.get(key, (self.size, now))
            level = min(self.size, level + (now - then) * self.rate)
            if level < 1:
                self.levels[key] = (level, now)
                return False
            self.levels[key] = (level - 1, now)
            return True


class Jobs:
    """Hook jobs, run one at a time on a worker thread (each crawl in its own child process)."""

    def __init__(self, config: Config, settings: dict[str, Any]) -> None:
        self.config = config
        self.settings = settings
        self.jobs: dict[str, Job] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hook")
        self.bucket = TokenBucket()

    def waiting(self) -> int:
        return sum(1 for job in self.jobs.values() if job.state in ("queued", "running"))

    def submit(self, urls: tuple[str, ...]) -> Job:
        job = Job(id=secrets.token_hex(8), urls=urls, created=time.time())
        finished = [j for j in self.jobs.values() if j.state in ("done", "failed")]
        for old in finished[: max(0, len(finished) - KEEP_JOBS)]:
            del self.jobs[old.id]
        self.jobs[job.id] = job
        self.worker.submit(self._run, job)
        return job

    def _run(self, job: Job) -> None:
        job.state = "running"
        try:
            for url in job.urls:
                site = site_for(self.config, url)
                assert site is not None  # checked before the job was accepted
                job.results.append(self._crawl(site, url, job.created))
            store = Store(self.config.database)
            try:
                send_outbox(store, self.config)
            finally:
                store.db.close()
            job.state = "done"
        except Exception as error:  # a job reports its failure; the server carries on
            log.exception("hook job %s failed", job.id)
            job.state, job.error = "failed", f"{type(error).__name__}: {error}"[:300]

    def _crawl(self, site: Site, url: str, since: float) -> dict[str, Any]:
        settings = {**(LOCAL if _loopback(url) else {}), **self.settings}
        for _ in range(BUSY_RETRIES):
            try:
                summary = crawl_site(self.config, site, url=url, settings=settings)
                break
            except CrawlBusy:
                time.sleep(2)
        else:
            return {"url": url, "site": site.name, "state": "busy", "documents": []}
        return {
            "url": url,
            "site": site.name,
            "state": "done" if summary.finished else "failed",
            "scanned": summary.scanned,
            "errors": summary.errors,
            "documents": self._verdicts(url, since),
        }

    def _verdicts(self, url: str, since: float) -> list[dict[str, Any]]:
        """Every document of the section (or linked from it) seen by this job: its severity
        and open alerts."""
        store = Store(self.config.database)
        try:
            start = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(since - 1))
            rows = store.documents_seen_under(url, start)
            return [
                {
                    "url": doc_url,
                    "status": status,
                    "severity": severity,
                    "people": people,
                    "alerts": [a.id for a in active_alerts_at(store, doc_url, site)],
                }
                for doc_url, site, status, severity, people in rows
            ]
        finally:
            store.db.close()


def site_for(config: Config, url: str) -> Site | None:
    """The configured site serving `url`, or None when it is out of scope."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    for site in config.sites:
        hosts = {h.lower() for h in site.allowed_domains}
        hosts |= {(urlsplit(u).hostname or "").lower() for u in (*site.start_urls,)}
        if site.disclosure_log:
            hosts.add((urlsplit(site.disclosure_log).hostname or "").lower())
        if any(host == h or host.endswith(f".{h}") for h in hosts if h):
            return site
    return None


def _loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _refuse(status: int, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers or None)


def _authorised(request: Request) -> str | None:
    """The caller's token key when the bearer token matches, else None (constant-time)."""
    expected = os.environ.get(request.app.state.config.hook_token_env, "")
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if not expected or scheme.lower() != "bearer":
        return None
    if not hmac.compare_digest(token.strip().encode(), expected.encode()):
        return None
    return hashlib.sha256(expected.encode()).hexdigest()[:16]


async def published(request: Request) -> Response:
    config: Config = request.app.state.config
    if not os.environ.get(config.hook_token_env):
        return _refuse(503, f"the publish hook is off: set {config.hook_token_env}")
    key = _authorised(request)
    if key is None:
        return _refuse(401, "missing or wrong bearer token", **{"WWW-Authenticate": "Bearer"})
    jobs: Jobs = request.app.state.jobs
    if not jobs.bucket.take(key):
        return _refuse(429, "too many calls: wait a few seconds", **{"Retry-After": "6"})
    body = await request.body()
    if len(body) > MAX_BODY:
        return _refuse(413, "request body too large")
    try:
        payload = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _refuse(400, 'send JSON: {"url": "..."} or {"urls": ["..."]}')
    urls = _urls(payload)
    if not urls:
        return _refuse(400, 'send JSON: {"url": "..."} or {"urls": ["..."]}')
    if len(urls) > MAX_URLS:
        return _refuse(400, f"at most {MAX_URLS} URLs a call")
    outside = [u for u in urls if site_for(config, u) is None]
    if outside:
        return _refuse(422, f"{len(outside)} URL(s) outside the configured sites")
    if jobs.waiting() >= MAX_WAITING:
        return _refuse(503, "too many crawls waiting: try again later", **{"Retry-After": "60"})
    job = jobs.submit(urls)
    return JSONResponse(
        {"job": job.id, "state": job.state, "status_url": f"/api/v1/jobs/{job.id}"},
        status_code=202,
        headers={"Location": f"/api/v1/jobs/{job.id}"},
    )


def _urls(payload: Any) -> tuple[str, ...]:
    if not isinstance(payload, dict):
        return ()
    raw = payload.get("urls", [payload["url"]] if "url" in payload else [])
    if not isinstance(raw, list) or not all(isinstance(u, str) and u.strip() for u in raw):
        return ()
    return tuple(dict.fromkeys(u.strip() for u in raw))


async def job_status(request: Request) -> Response:
    if _authorised(request) is None:
        return _refuse(401, "missing or wrong bearer token", **{"WWW-Authenticate": "Bearer"})
    job = request.app.state.jobs.jobs.get(request.path_params["job_id"])
    if job is None:
        return _refuse(404, "no such job")
    return JSONResponse(job.as_dict())


ROUTES = [
    Route("/api/v1/published", published, methods=["POST"]),
    Route("/api/v1/jobs/{job_id}", job_status, methods=["GET"]),
]
