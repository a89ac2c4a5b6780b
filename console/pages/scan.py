"""Check a file before publishing it: upload it (held in memory only) or give an in-scope URL."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import AsyncGenerator
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from console.api.hook import site_for
from console.auth import csrf_ok
from console.web import render, require_user
from detectors.model import Verdict
from detectors.scan import ScanOptions, scan

UPLOAD_LIMIT = 50 * 1024 * 1024
"""Bytes a file may have to be checked here (larger ones: `leaksweep scan` on the host)."""


class _InMemory(MultiPartParser):
    """Starlette's parser, keeping the upload in memory (never in a temporary file on disk)."""

    spool_max_size = UPLOAD_LIMIT + 1024 * 1024


async def _bounded(request: Request) -> AsyncGenerator[bytes, None]:
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > UPLOAD_LIMIT + 64 * 1024:
            raise HTTPException(
                413, f"Files over {UPLOAD_LIMIT // 1024 // 1024} MB cannot be checked here."
            )
        yield chunk


async def scan_page(request: Request) -> Response:
    require_user(request)
    return render(request, "scan.html.j2", {"verdict": None, "name": "", "problem": ""})


async def scan_submit(request: Request) -> Response:
    require_user(request)
    if "multipart/form-data" not in request.headers.get("content-type", ""):
        raise HTTPException(400, "Send the form from the console page.")
    try:
        form = await _InMemory(
            request.headers, _bounded(request), max_files=1, max_fields=5
        ).parse()
    except MultiPartException as error:
        raise HTTPException(400, str(error)) from error
    if not csrf_ok(request.state.session, form.get("csrf")):
        raise HTTPException(403, "This form has expired or did not come from this console.")
    upload, url = form.get("file"), str(form.get("url") or "").strip()
    options = _options(request)
    try:
        if isinstance(upload, UploadFile) and upload.filename:
            name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1][:200]
            data = await upload.read()
            await upload.close()
            verdict = await run_in_threadpool(scan, data, name, options)
            del data
        elif url:
            if site_for(request.app.state.config, url) is None:
                return _problem(request, "That address is not on a site this console watches.")
            name = url
            verdict = await run_in_threadpool(_fetch_and_scan, url, options)
        else:
            return _problem(request, "Choose a file, or give the address of a page or file.")
    except OSError as error:
        return _problem(request, f"Could not fetch that address: {error}")
    return render(request, "scan.html.j2", {"verdict": verdict, "name": name, "problem": ""})


def _problem(request: Request, text: str) -> Response:
    return render(
        request, "scan.html.j2", {"verdict": None, "name": "", "problem": text}, status_code=400
    )


def _options(request: Request) -> ScanOptions:
    sites: Any = request.app.state.config.sites
    return ScanOptions(allow_list=frozenset(n for site in sites for n in site.allow_list))


def _fetch_and_scan(url: str, options: ScanOptions) -> Verdict:
    request = urllib.request.Request(url, headers={"User-Agent": "leaksweep/0.1 (console check)"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            data = response.read(UPLOAD_LIMIT + 1)
    except urllib.error.HTTPError as error:
        raise OSError(f"the site answered HTTP {error.code}") from error
    except (urllib.error.URLError, ValueError) as error:
        raise OSError(str(getattr(error, "reason", error))) from error
    if len(data) > UPLOAD_LIMIT:
        raise OSError("the file is too large to check here")
    return scan(data, url.rstrip("/").rsplit("/", 1)[-1] or "page.html", options)


ROUTES = [
    Route("/scan", scan_page, methods=["GET"]),
    Route("/scan", scan_submit, methods=["POST"]),
]
