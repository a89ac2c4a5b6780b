"""The ASGI application: routes, the session and security-header middleware, error pages.

app = create_app(config)   # then: uvicorn.run(app, host="127.0.0.1", port=8400)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from alerts.links import console_secret, set_console_url
from alerts.store import Store
from console.api import hook
from console.auth import Sessions, new_session
from console.pages import alerts, links, login, overview, scan
from console.web import LoginRequired, render
from crawler.config import Config

STATIC = Path(__file__).parent / "static"
CSP = (
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def create_app(
    config: Config, *, secure_cookies: bool = True, crawl_settings: dict[str, Any] | None = None
) -> Starlette:
    """The console for `config`'s database; `crawl_settings` override Scrapy's for hook crawls."""

    @contextmanager
    def open_store() -> Iterator[Store]:
        store = Store(config.database)
        try:
            yield store
        finally:
            store.db.close()

    with open_store() as store:
        sessions = Sessions(console_secret(store), secure=secure_cookies)
        set_console_url(store, config.console_url)  # alert emails link here from now on

    routes = [
        Route("/", lambda request: RedirectResponse("/alerts", status_code=303)),
        *login.ROUTES,
        *alerts.ROUTES,
        *overview.ROUTES,
        *scan.ROUTES,
        *links.ROUTES,
        *hook.ROUTES,
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(_SessionMiddleware, sessions=sessions)],
        exception_handlers={LoginRequired: _to_login, HTTPException: _error},
    )
    app.state.config = config
    app.state.open_store = open_store
    app.state.sessions = sessions
    app.state.jobs = hook.Jobs(config, crawl_settings or {})
    return app


class _SessionMiddleware(BaseHTTPMiddleware):
    def __init__(self, app: Any, sessions: Sessions) -> None:
        super().__init__(app)
        self.sessions = sessions

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        session = self.sessions.read(request)
        fresh = session is None
        request.state.session = session or new_session()
        request.state.user = None
        request.state.new_session = None
        response = await call_next(request)
        replacement = request.state.new_session
        api = request.url.path.startswith("/api/")
        if replacement is not None:
            self.sessions.write(response, replacement)
        elif fresh and not api:
            self.sessions.write(response, request.state.session)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response


async def _to_login(request: Request, error: Exception) -> Response:
    return RedirectResponse(f"/login?next={request.url.path}", status_code=303)


async def _error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if request.url.path.startswith("/api/"):
        return JSONResponse(
            {"error": error.detail}, status_code=error.status_code, headers=error.headers
        )
    return render(request, "error.html.j2", {"error": error}, status_code=error.status_code)
