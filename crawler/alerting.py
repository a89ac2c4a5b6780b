"""Where the crawler, the monitor and the demo reach alerts: send the outbox, re-check alerts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from alerts.channels import channel_for
from alerts.deliver import DeliveryReport, deliver_outbox
from alerts.model import Clock
from alerts.probe import http_probe
from alerts.verify import Fetch, VerifyReport, verify_open_alerts
from crawler.config import Config
from crawler.http import HttpClient
from crawler.scope import Scope
from detectors.scan import ScanOptions

if TYPE_CHECKING:
    from alerts.store import Store


def send_outbox(
    store: Store, config: Config, *, clock: Clock | None = None, ignore_backoff: bool = False
) -> DeliveryReport:
    """Deliver due messages through the configured channels (email, and Teams where set)."""
    return deliver_outbox(
        store,
        channel_for(config, store),
        clock=clock,
        ignore_backoff=ignore_backoff,
        site_recipients={site.name: site.recipients for site in config.sites},
    )


def check_and_send(
    store: Store, config: Config, *, fetch: Fetch | None = None, clock: Clock | None = None
) -> tuple[VerifyReport, DeliveryReport]:
    """After a crawl: confirm takedowns, escalate what is still online, then deliver."""
    verified = verify_open_alerts(store, fetch or probe_for(config), clock, config.alerts)
    return verified, send_outbox(store, config, clock=clock)


def probe_for(config: Config) -> Fetch:
    """Re-fetches alerts' URLs within the configured sites' scope, with their allow lists."""
    allow = frozenset(name for site in config.sites for name in site.allow_list)
    client = HttpClient(Scope.of_config(config), config.contact)
    return http_probe(client, ScanOptions(allow_list=allow))
