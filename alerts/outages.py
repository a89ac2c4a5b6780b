"""Nights a site could not be crawled: recorded per site, and told from the second in a row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from alerts import outbox
from alerts.model import MessageKind, Route
from alerts.render import render_unreachable

if TYPE_CHECKING:
    from alerts.store import Store

TELL_AFTER = 2
"""Failed nights in a row before the site's recipients are emailed (one can be a blip)."""


def note_outcome(store: Store, site: Route, *, reached: bool, failure: str | None) -> int | None:
    """Record tonight's crawl of `site`; returns the outbox id of a "site unreachable" email.

    From the second unreachable night in a row, each such night queues one email to the
    site's recipients, listing the failed nights and their reasons.
    """
    with store.db.atomic():
        store.record_outcome(site.name, reached, failure)
        streak = []
        for outcome in store.recent_outcomes(site.name):
            if outcome.reached:
                break
            streak.append((outcome.at, outcome.failure or "nothing could be fetched"))
        if len(streak) < TELL_AFTER:
            return None
        now = store.clock()
        rendered = render_unreachable(site.name, streak, now=now)
        return outbox.enqueue_digest(
            store, site.name, site.recipients, rendered, now, kind=MessageKind.UNREACHABLE
        )
