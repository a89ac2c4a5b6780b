"""Exposures opened and closed per week, time to takedown, open alerts by site and kind."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from statistics import median

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from alerts.exposure import load_exposure
from alerts.lifecycle import list_alerts
from alerts.model import Alert, parse_stamp
from console.charts import bar_chart
from console.labels import LONDON
from console.web import render, require_user

WEEKS = 12


def _week(moment: datetime) -> datetime:
    local = moment.astimezone(LONDON)
    return (local - timedelta(days=local.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )


def _closed_at(alert: Alert) -> str | None:
    return alert.taken_down_at or alert.resolved_at


async def overview(request: Request) -> Response:
    require_user(request)
    with request.app.state.open_store() as store:
        everything = list_alerts(store)
        active = [a for a in everything if a.state.active]
        kinds = Counter(
            kind for a in active for kind in load_exposure(store, a.scan_id).kinds or ("other",)
        )
        now = store.clock()
    this_week = _week(now)
    weeks = [this_week - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    opened = Counter(_week(parse_stamp(a.created)) for a in everything)
    closed = Counter(_week(parse_stamp(c)) for a in everything if (c := _closed_at(a)))
    per_week = bar_chart(
        "Exposures opened and closed per week",
        [(w.strftime("%d %b"), (opened[w], closed[w])) for w in weeks],
        legend=("opened", "closed"),
    )
    hours = [
        (parse_stamp(a.taken_down_at) - parse_stamp(a.exposed_since)).total_seconds() / 3600
        for a in everything
        if a.taken_down_at
    ]
    by_site = Counter(a.site for a in active)
    context = {
        "per_week": per_week,
        "by_site": bar_chart(
            "Open alerts by site", [(s, (n,)) for s, n in sorted(by_site.items())]
        ),
        "by_kind": bar_chart(
            "Open alerts by kind of data",
            [(k.replace("_", " "), (n,)) for k, n in kinds.most_common(8)],
        ),
        "open_count": len(active),
        "takedowns": len(hours),
        "median_hours": round(median(hours), 1) if hours else None,
        "worst_hours": round(max(hours), 1) if hours else None,
    }
    return render(request, "overview.html.j2", context)


ROUTES = [Route("/overview", overview, methods=["GET"])]
