"""Two sites covering the same URLs: each keeps its own documents and alerts, and its own mail."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from leakcheck import SmtpServer

from alerts.lifecycle import list_alerts
from alerts.store import Store
from crawler.alerting import check_and_send
from crawler.config import Config, Site
from crawler.run import LOCAL, crawl_site
from crawler.testsite import LocalSite

SHARED = "/SysSiteAssets/foi/shared/staff-list.csv"


def test_two_sites_covering_one_file_each_alert_their_own_team(
    tmp_path: Path, smtp: SmtpServer, staff_list: Callable[[int], bytes]
) -> None:
    with LocalSite() as host:
        host.put("/robots.txt", "User-agent: *\n", "text/plain")
        host.page("/north/", "North", f'<a href="{SHARED}">Joint reply</a>')
        host.page("/south/", "South", f'<a href="{SHARED}">Joint reply</a>')
        host.put(SHARED, staff_list(5), "text/csv")
        sites = tuple(
            Site(
                name=name,
                start_urls=(host.url(f"/{name}/"),),
                recipients=(f"web@{name}.example",),
                allow_private=True,
            )
            for name in ("north", "south")
        )
        config = Config(data_dir=tmp_path / "data", sites=sites, smtp=smtp.settings())
        for site in sites:
            summary = crawl_site(config, site, settings=LOCAL)
            assert summary.finished and summary.errors == 0, summary
            assert summary.severities == {"none": 1, "critical": 1}
        check_and_send(Store(config.database), config)
        host.remove(SHARED)
        gone = crawl_site(config, sites[1], settings=LOCAL)  # only the south site sees it go
        assert gone.gone == 1

    with sqlite3.connect(config.database) as db:
        documents = db.execute(
            "SELECT site, gone_at IS NOT NULL FROM documents WHERE url = ? ORDER BY site",
            [host.url(SHARED)],
        ).fetchall()
    assert documents == [("north", 0), ("south", 1)]
    alerts = {a.site: a for a in list_alerts(Store(config.database))}
    assert set(alerts) == {"north", "south"}
    assert alerts["north"].id != alerts["south"].id
    assert (str(alerts["north"].state), str(alerts["south"].state)) == ("open", "taken_down")
    assert sorted(smtp.recorder.recipients) == [["web@north.example"], ["web@south.example"]]
