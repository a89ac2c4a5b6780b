"""`leaksweep serve`: the web console and the publish hook, in one process."""

from __future__ import annotations

import os

import click

from crawler.cli._context import AppContext


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8400, show_default=True)
@click.option(
    "--insecure-cookies",
    is_flag=True,
    help="Send the session cookie over plain HTTP too (only for trying it on this machine).",
)
@click.pass_obj
def serve(app: AppContext, host: str, port: int, insecure_cookies: bool) -> None:
    """Run the web console: alerts to triage in the browser, an overview, a file check,
    and the publish hook a CMS calls after a change (POST /api/v1/published).

    It listens on 127.0.0.1 by default: put the force's reverse proxy in front of it for
    TLS. Create accounts with `leaksweep users add NAME --role responder`, or set
    proxy_user_header to trust a single-sign-on proxy. The hook is on when the variable
    named by hook_token_env (default LEAKSWEEP_HOOK_TOKEN) holds a token.
    """
    import uvicorn

    from console.app import create_app

    config = app.config
    application = create_app(config, secure_cookies=not insecure_cookies)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"leaksweep console on http://{shown}:{port}/ (database {config.database})")
    if not os.environ.get(config.hook_token_env):
        click.echo(f"publish hook off: {config.hook_token_env} is not set")
    uvicorn.run(application, host=host, port=port, log_level="warning", proxy_headers=True)
