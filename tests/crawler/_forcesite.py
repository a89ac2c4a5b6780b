"""A small police-force website and a WhatDoTheyKnow-style authority, generated for the tests."""

from __future__ import annotations

import json
from datetime import date

from crawler.testsite import LocalSite, Resource

FORCE = "testforce"
LISTING = f"/foi-ai/{FORCE}/published-items/?dt=Disclosure+log"
ASSETS = f"/SysSiteAssets/foi-media/{FORCE}/disclosure-2025/august"
JS_ATTACHMENT = f"{ASSETS}/js-only-reply.csv"
BIG = f"{ASSETS}/foi-82526-big.csv"
STREAMED = f"{ASSETS}/foi-82526-streamed.csv"
"""Too large too, but sent without Content-Length: cut off only as it arrives."""
MAX_SIZE = 50_000
PLANTED = ("Jonathan Pemberton-Smythe", "jonathan.pemberton@example.org")
"""Personal data on a page: the crawl may scan it but must never write it out."""
NEXT_YEAR = date.today().year + 1


def entry(n: int) -> str:
    return f"/foi-ai/{FORCE}/disclosure-log/2025/august/foi-8252{n}/"


def reply(n: int) -> str:
    return f"{ASSETS}/foi-8252{n}-response.csv"


def csv(rows: int, tag: str) -> str:
    lines = ["reference,category,count"]
    lines += [f"{tag}-{i},burglary,{i * 3 % 17}" for i in range(rows)]
    return "\n".join(lines) + "\n"


def build_force(site: LocalSite) -> list[str]:
    """Fill `site`; returns the attachment paths a crawl must reach (JavaScript one excluded)."""
    site.put(
        "/robots.txt",
        f"User-agent: *\nDisallow: /private/\nSitemap: {site.url('/sitemap.xml')}\n",
        "text/plain",
    )
    site.put(
        "/sitemap.xml",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.url('/')}</loc></url><url><loc>{site.url('/orphan')}</loc></url>"
        "</urlset>",
        "application/xml",
    )
    site.page(
        "/",
        "Test Constabulary",
        '<a href="/about">About us</a> <a href="/news?sessionid=abc123&amp;utm_source=x">News</a>'
        f' <a href="{LISTING}">Disclosure log</a> <a href="/old-about">Old</a>'
        ' <a href="/missing">Missing</a>'
        f' <a href="/events/calendar?month={NEXT_YEAR}-10">Events</a>'
        ' <a href="/private/secret.csv">Private</a> <a href="/loop/">Loop</a>'
        ' <a href="/js-listing">Latest replies</a> <a href="mailto:foi@example.org">FOI</a>',
    )
    site.page("/news", "News", "<p>Road closures this weekend.</p>")
    site.page(
        "/about",
        "About",
        f"<p>Our team. Contact {PLANTED[0]} on {PLANTED[1]}.</p>"
        '<a href="/files/structure.csv">Structure</a>',
    )
    site.put("/files/structure.csv", csv(5, "ORG"), "text/csv")
    site.redirect("/old-about", "/about")
    site.page("/orphan", "Orphan", '<a href="/files/orphan.csv">Only in the sitemap</a>')
    site.put("/files/orphan.csv", csv(4, "ORPH"), "text/csv")
    site.put("/private/secret.csv", csv(3, "SECRET"), "text/csv")
    site.route("/events/calendar", _calendar)
    site.route(
        "/loop/", lambda path: Resource(b'<html><body><a href="loop/">deeper</a></body></html>')
    )
    site.page(
        "/js-listing",
        "Latest",
        '<div id="app"></div><script>document.getElementById("app").innerHTML ='
        f" '<a href=\"{JS_ATTACHMENT}\">Reply</a>';</script>",
    )
    site.put(JS_ATTACHMENT, csv(2, "JS"), "text/csv")
    _disclosure_log(site)
    attachments = ["/files/structure.csv", "/files/orphan.csv"]
    attachments += [reply(n) for n in (1, 2, 4, 5)] + ["/download/foi-82523"]
    return attachments


def _disclosure_log(site: LocalSite) -> None:
    pages = {1: (1, 2, 3), 2: (4, 5), 3: (6,)}
    for number, entries in pages.items():
        items = "".join(f'<li><a href="{entry(n)}">FOI {n}</a></li>' for n in entries)
        nav = f'<a href="{LISTING}&amp;page={number + 1}">Next</a>' if number < 3 else ""
        nav += f' <a href="{LISTING}&amp;year=2025">2025 only</a>'
        path = LISTING if number == 1 else f"{LISTING}&page={number}"
        site.page(path, f"Disclosure log page {number}", f"<ul>{items}</ul>{nav}")
    site.page(f"{LISTING}&year=2025", "2025", f'<a href="{entry(1)}">FOI 1</a>')
    for n in (1, 2, 4, 5):
        site.page(entry(n), f"FOI {n}", f'<p>Our reply.</p><a href="{reply(n)}">Response</a>')
        site.put(reply(n), csv(3 + n, f"FOI{n}"), "text/csv")
    site.page(entry(3), "FOI 3", '<a href="/download/foi-82523">Download the reply</a>')
    site.put(
        "/download/foi-82523",
        csv(6, "DL"),
        "application/octet-stream",
        headers={"Content-Disposition": 'attachment; filename="foi-82523.csv"'},
    )
    site.page(entry(6), "FOI 6", f'<a href="{BIG}">Large reply</a> <a href="{STREAMED}">Annex</a>')
    site.put(BIG, csv(4000, "BIG"), "text/csv")
    site.put(STREAMED, csv(4000, "STREAM"), "text/csv", streamed=True)


def _calendar(path: str) -> Resource:
    """Every month links to the next one, for ever: the classic crawler trap."""
    month = path.rsplit("=", 1)[-1]
    year, number = (int(part) for part in month.split("-"))
    following = f"{year + number // 12}-{number % 12 + 1:02d}"
    body = f'<html><body><h1>{month}</h1><a href="/events/calendar?month={following}">Next</a>'
    return Resource((body + "</body></html>").encode())


WDTK_REQUESTS = {
    "stolen_bikes_2025": [(101, 2, "bikes.csv")],
    "staff_numbers": [(102, 1, "staffing.csv"), (103, 3, "annex.txt")],
    "overtime_claims": [(104, 2, "overtime.csv")],
}


def build_whatdotheyknow(site: LocalSite) -> list[str]:
    """An authority page, its Atom and JSON feeds, request threads and their attachments."""
    site.put("/robots.txt", "User-agent: *\nDisallow: /admin/\n", "text/plain")
    entries = "".join(
        f"<entry><title>{slug}</title><link href='{site.url('/request/' + slug)}#incoming-1'/>"
        "</entry>"
        for slug in ("stolen_bikes_2025", "staff_numbers")
    )
    site.put(
        f"/feed/body/{FORCE}",
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>',
        "application/atom+xml",
    )
    feed = [{"event_type": "response", "info_request": {"url_title": "overtime_claims"}}]
    site.put(f"/feed/body/{FORCE}.json", json.dumps(feed), "application/json")
    attachments = []
    for slug, files in WDTK_REQUESTS.items():
        links = ""
        for response, part, name in files:
            path = f"/request/{slug}/response/{response}/attach/{part}/{name}"
            links += f'<a href="{path}">{name}</a> <a href="/request/{slug}/response/'
            links += f'{response}/attach/html/{part}/{name}.html">view as HTML</a> '
            site.put(path, csv(3, slug.upper()), "text/plain")
            attachments.append(path)
        links += f'<a href="/body/{FORCE}">Authority</a> <a href="/user/someone">Requester</a>'
        site.page(f"/request/{slug}", slug, f"<p>Dear Test Constabulary,</p>{links}")
    return attachments
