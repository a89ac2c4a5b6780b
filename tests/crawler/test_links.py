"""Trap guards and canonical URLs, case by case."""

from __future__ import annotations

from datetime import date

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse

from crawler.spiders._links import QueryBudget, canonical, is_page, links, trap_reason

TODAY = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://A.example/x?b=2&a=1#top", "http://a.example/x?b=2&a=1"),
        ("http://a.example/x;jsessionid=ABC?id=4", "http://a.example/x?id=4"),
        ("http://a.example/x?PHPSESSID=1&page=2", "http://a.example/x?page=2"),
        ("http://a.example/x?utm_source=news&utm_medium=mail&q=1", "http://a.example/x?q=1"),
        ("http://a.example/x?fbclid=zz", "http://a.example/x"),
        ("http://a.example", "http://a.example/"),
    ],
)
def test_canonical_drops_fragments_sessions_and_tracking(url: str, expected: str) -> None:
    assert canonical(url) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://a.example/foi-ai/force/disclosure-log/2025/august/foi-82525/", None),
        ("http://a.example/SysSiteAssets/media/foi-2950-reply.pdf", None),
        ("http://a.example/events/calendar?month=2027-12", None),
        ("http://a.example/events/calendar?month=2028-01", "calendar date out of range"),
        ("http://a.example/events/1970/01/01/", "calendar date out of range"),
        ("http://a.example/news/archive/2031/", "calendar date out of range"),
        ("http://a.example/a/b/a/b/", "repeating path pattern"),
        ("http://a.example/x/x/x/", "repeated path segment"),
        ("http://a.example/d/e/d/f/d/", "repeated path segment"),
        ("http://a.example/" + "/".join(f"s{i}" for i in range(16)), "path too deep"),
        (
            "http://a.example/s?" + "&".join(f"k{i}=1" for i in range(9)),
            "too many query parameters",
        ),
        ("http://a.example/s?page=1&page=2", "repeated query parameter"),
        ("http://a.example/" + "x" * 600, "URL too long"),
    ],
)
def test_trap_reason(url: str, reason: str | None) -> None:
    assert trap_reason(url, today=TODAY) == reason


def test_query_budget_cuts_off_an_endless_generator_but_not_repeats() -> None:
    budget = QueryBudget(limit=3)
    assert all(budget.allows(f"http://a.example/list?page={n}") for n in range(3))
    assert not budget.allows("http://a.example/list?page=3")
    assert budget.allows("http://a.example/list?page=1")  # already counted
    assert budget.allows("http://a.example/other?page=9")  # another path has its own budget
    assert budget.allows("http://a.example/list")


def test_links_are_absolute_canonical_and_skip_other_schemes() -> None:
    body = (
        b'<html><head><base href="/docs/"></head><body><a href="a.pdf#p2">A</a>'
        b'<a href="mailto:x@example.org">m</a><a href="javascript:void(0)">j</a>'
        b'<a href="https://b.example/y?sid=1">B</a><iframe src="/embed/form"></iframe>'
        b"</body></html>"
    )
    response = HtmlResponse("http://a.example/page", body=body)
    assert list(links(response)) == [
        ("http://a.example/docs/a.pdf", "A"),
        ("https://b.example/y", "B"),
        ("http://a.example/embed/form", ""),
    ]


@pytest.mark.parametrize(
    ("response", "page"),
    [
        (HtmlResponse("http://a.example/", body=b"<html></html>"), True),
        (
            HtmlResponse(
                "http://a.example/d",
                body=b"<html></html>",
                headers={"Content-Disposition": 'attachment; filename="r.html"'},
            ),
            False,
        ),
        (TextResponse("http://a.example/r.csv", body=b"a,b", encoding="utf-8"), False),
    ],
)
def test_is_page(response: TextResponse, page: bool) -> None:
    response.request = Request(response.url)
    assert is_page(response) is page
