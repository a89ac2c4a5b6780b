"""A realistic local police force website, generated at demo time (no files committed)."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from crawler.demo import documents
from crawler.demo.people import Population

FORCE = "Demo Constabulary"
SLUG = "demo-constabulary"
LOG_PATH = f"/foi-ai/{SLUG}/disclosure-log/published-items/"
ASSETS = f"/SysSiteAssets/foi-media/{SLUG}"
PER_PAGE = 8
LEADERS = ("Helen Marchbank", "David Okafor", "Priya Raman")
"""The chief officer team: names meant to be public, on the site's allow-list."""

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Resource:
    content_type: str
    body: bytes
    last_modified: date

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:20] + '"'


@dataclass(frozen=True)
class Planted:
    """A leak the demo plants on purpose, so the demo can check it was found."""

    path: str
    story: str
    kind: str


@dataclass
class DemoSite:
    resources: dict[str, Resource] = field(default_factory=dict)
    planted: list[Planted] = field(default_factory=list)

    def add(self, path: str, content_type: str, body: bytes | str, day: date) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.resources[path] = Resource(content_type, data, day)

    def page(self, path: str, title: str, body: str, day: date = date(2025, 9, 1)) -> None:
        self.add(path, "text/html; charset=utf-8", _layout(title, body), day)


@dataclass(frozen=True)
class Entry:
    """One disclosure-log entry: its question, and attachments built on demand."""

    number: int
    day: date
    title: str
    question: str
    attachments: tuple[tuple[str, str, Callable[[], bytes]], ...]


def build_site(seed: int = 2023) -> DemoSite:
    population = Population(seed)
    site = DemoSite()
    entries = _entries(population)
    _static_pages(site, population)
    for entry in entries:
        _entry_page(site, entry)
    _listing(site, entries)
    site.add("/robots.txt", "text/plain", "User-agent: *\nDisallow: /search/\n", date(2025, 1, 1))
    return site


def _entries(population: Population) -> list[Entry]:
    officers = population.officers(480)
    victims = population.case_records(260)
    crime_types = ["Burglary", "Vehicle crime", "Criminal damage", "Shoplifting", "Drugs"]
    topics = [
        ("Police vehicles written off", "How many police vehicles were written off each month?"),
        ("Tasers deployed", "How many times was a Taser drawn or fired in each area?"),
        ("Stop and search outcomes", "What were the outcomes of stop and search last year?"),
        ("Dog bite reports", "How many dangerous dog incidents were reported by month?"),
        ("Drone flights", "How many drone flights did the force make by month?"),
        ("Calls to 101", "How many 101 calls were received and answered each month?"),
        ("Fraud reports", "How many fraud reports were referred to the force?"),
        ("Bicycle thefts", "How many bicycles were reported stolen in each area?"),
        ("Custody detentions", "How many people were detained in custody by month?"),
        ("Speeding offences", "How many speeding offences were recorded by month?"),
        ("Anti-social behaviour", "How many ASB incidents were reported in each area?"),
        ("Missing persons reports", "How many missing person reports were received?"),
        ("Firearms licences", "How many firearms certificates were granted or refused?"),
        ("Overtime costs", "What was spent on overtime by department?"),
        ("Knife crime", "How many knife crime offences were recorded by month?"),
        ("Body-worn video", "How many body-worn cameras does the force own?"),
        ("Recruitment", "How many officers were recruited each month?"),
    ]
    start = date(2025, 8, 28)
    entries = []
    for index, (title, question) in enumerate(topics):
        number = 82525 - index * 37
        day = start - timedelta(days=index * 9)
        stem = f"foi-{number}"
        if index % 3 == 0:
            attachments: tuple[tuple[str, str, Callable[[], bytes]], ...] = (
                (f"{stem}-response.docx", DOCX, _letter(number, question)),
                (f"{stem}-data.csv", "text/csv", _csv(crime_types, number)),
            )
        else:
            attachments = (
                (f"{stem}-response.xlsx", XLSX, _stats(title, crime_types, number)),
                (f"{stem}-letter.docx", DOCX, _letter(number, question)),
            )
        entries.append(Entry(number, day, title, question, attachments))
    headcount = Entry(
        81944,
        date(2025, 8, 8),
        "Officer and staff numbers by rank",
        "Please provide the number of officers and staff by rank.",
        (
            (
                "foi-81944-headcount.xlsx",
                XLSX,
                lambda: documents.headcount_with_hidden_staff_xlsx(officers),
            ),
        ),
    )
    offences = Entry(
        81702,
        date(2025, 7, 30),
        "Sexual and domestic offences recorded 2021-22",
        "How many sexual and domestic abuse offences were recorded in 2021-22, by month?",
        (
            (
                "foi-81702-offences.xlsx",
                XLSX,
                lambda: documents.offences_with_pivot_cache_xlsx(victims),
            ),
            ("foi-81702-letter.docx", DOCX, _letter(81702, "Sexual offences by month")),
        ),
    )
    entries[2:2] = [headcount]
    entries[9:9] = [offences]
    return entries


def _letter(number: int, question: str) -> Callable[[], bytes]:
    answer = "The information you requested is attached as a spreadsheet of monthly totals."
    return lambda: documents.reply_letter_docx(f"FOI-{number}", question, answer)


def _stats(title: str, categories: list[str], seed: int) -> Callable[[], bytes]:
    return lambda: documents.statistics_xlsx(title, categories, seed)


def _csv(categories: list[str], seed: int) -> Callable[[], bytes]:
    return lambda: documents.statistics_csv(categories, seed)


def entry_path(entry: Entry) -> str:
    month = entry.day.strftime("%B").lower()
    return f"/foi-ai/{SLUG}/disclosure-log/{entry.day.year}/{month}/foi-{entry.number}/"


def asset_path(entry: Entry, file_name: str) -> str:
    return f"{ASSETS}/disclosure-{entry.day.year}/{entry.day:%B}/{file_name}".lower()


def _entry_page(site: DemoSite, entry: Entry) -> None:
    links = []
    for file_name, content_type, build in entry.attachments:
        path = asset_path(entry, file_name)
        site.add(path, content_type, build(), entry.day)
        links.append(f'<li><a href="{path}">{html.escape(file_name)}</a></li>')
        if entry.number == 81944:
            site.planted.append(Planted(path, "PSNI-style hidden worksheet", "staff_list"))
        if entry.number == 81702 and file_name.endswith(".xlsx"):
            site.planted.append(Planted(path, "Norfolk-style pivot cache", "case_records"))
    body = (
        f"<p class='meta'>Reference FOI-{entry.number} · published {entry.day:%d %B %Y}</p>"
        f"<h2>Request</h2><p>{html.escape(entry.question)}</p>"
        f"<h2>Response</h2><p>Please see the attached files.</p><ul>{''.join(links)}</ul>"
    )
    site.page(entry_path(entry), f"FOI-{entry.number}: {entry.title}", body, entry.day)


def _listing(site: DemoSite, entries: list[Entry]) -> None:
    pages = [entries[i : i + PER_PAGE] for i in range(0, len(entries), PER_PAGE)]
    for number, chunk in enumerate(pages, start=1):
        items = "".join(
            f'<li class="published-item"><a href="{entry_path(e)}">'
            f"FOI-{e.number}: {html.escape(e.title)}</a> <span>{e.day:%d/%m/%Y}</span></li>"
            for e in chunk
        )
        nav = ""
        if number < len(pages):
            following = f"{LOG_PATH}?dt=Disclosure+log&page={number + 1}"
            nav = f'<a class="next" rel="next" href="{following}">Next</a>'
        query = "?dt=Disclosure+log" + (f"&page={number}" if number > 1 else "")
        site.page(
            LOG_PATH + query,
            "Disclosure log",
            f"<ul class='published-items'>{items}</ul><nav class='pagination'>{nav}</nav>",
        )


def _static_pages(site: DemoSite, population: Population) -> None:
    site.page(
        "/",
        FORCE,
        "<p>Keeping our communities safe.</p><ul>"
        '<li><a href="/news/">News</a></li>'
        f'<li><a href="{LOG_PATH}?dt=Disclosure+log">FOI disclosure log</a></li>'
        '<li><a href="/about-us/">About us</a></li>'
        '<li><a href="/contact-us/">Contact us</a></li></ul>',
    )
    news = [
        ("Appeal after burglaries in Riverside", "Officers are appealing for information."),
        ("New neighbourhood team for Eastfield", "A new team starts work next month."),
        ("Christmas drink-drive campaign", "Drivers are urged not to drink and drive."),
        ("Scam warning for older residents", "Never give your bank details over the phone."),
    ]
    items = []
    for index, (title, text) in enumerate(news):
        path = f"/news/2025/{index + 1:02d}/"
        site.page(path, title, f"<p>{text} Call 101 quoting the reference on our website.</p>")
        items.append(f'<li><a href="{path}">{html.escape(title)}</a></li>')
    site.page("/news/", "News", f"<ul>{''.join(items)}</ul>")
    leaders = "".join(f"<li>{name}</li>" for name in LEADERS)
    site.page(
        "/about-us/",
        "About us",
        f"<h2>Chief officer team</h2><ul>{leaders}</ul>"
        '<p><a href="/about-us/pay-and-allowances/">Pay and allowances 2024/25</a></p>',
    )
    site.page(
        "/contact-us/",
        "Contact us",
        "<p>Call 101, or 999 in an emergency. Email enquiries@demo-constabulary.police.uk. "
        "FOI requests: foi@demo-constabulary.police.uk.</p>",
    )
    _pay_page(site, population)


def _pay_page(site: DemoSite, population: Population) -> None:
    """Cumbria-style: the names and pay of every officer, uploaded as a web page."""
    rows = "".join(
        f"<tr><td>{html.escape(o.forename)} {html.escape(o.surname)}</td><td>{o.rank}</td>"
        f"<td>{o.department}</td><td>£{o.salary:,}</td><td>£{o.salary // 20:,}</td></tr>"
        for o in population.officers(120)
    )
    path = "/about-us/pay-and-allowances/"
    site.page(
        path,
        "Pay and allowances 2024/25",
        "<table><thead><tr><th>Name</th><th>Rank</th><th>Department</th><th>Salary</th>"
        f"<th>Allowances</th></tr></thead><tbody>{rows}</tbody></table>",
    )
    site.planted.append(Planted(path, "Cumbria-style names and pay", "staff_list"))


def _layout(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} | {FORCE}</title></head><body>"
        f"<header><a href='/'>{FORCE}</a></header><main><h1>{html.escape(title)}</h1>"
        f"{body}</main><footer>© {FORCE}. <a href='/contact-us/'>Contact us</a></footer>"
        "</body></html>"
    )
