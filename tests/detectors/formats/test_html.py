from __future__ import annotations

import pytest
from _inspect_helpers import found, tables, texts, vectors_of
from faker import Faker

from crawler.demo.builders.html import (
    build_html,
    comment,
    hidden,
    json_script,
    paragraph,
    table,
    with_data,
)
from detectors.formats.html import inspect_html
from detectors.model import Status, Vector
from detectors.scan import scan

fake = Faker("en_GB")
Faker.seed(29)
NAME = fake.name()
EMAIL = fake.email()
INTRO = paragraph("Our response to your request")


def _page(*body: str, **kwargs: object) -> bytes:
    return build_html("FOI response", [INTRO, *body], **kwargs)  # type: ignore[arg-type]


CASES = [
    ("visible", _page(paragraph(f"Officer {NAME}")), Vector.PAGE_TEXT, "text block 2"),
    ("display none", _page(hidden(NAME, "style")), Vector.HIDDEN_TEXT, "hidden by inline style"),
    ("hidden attribute", _page(hidden(NAME, "attribute")), Vector.HIDDEN_TEXT, "hidden attribute"),
    ("hiding class", _page(hidden(NAME, "class")), Vector.HIDDEN_TEXT, "hidden by hiding class"),
    ("stylesheet rule", _page(hidden(NAME, "stylesheet")), Vector.HIDDEN_TEXT, "hiding class"),
    (
        "hidden input",
        _page(f'<form><input type="hidden" name="c" value="{NAME}"></form>'),
        Vector.HIDDEN_TEXT,
        "hidden form input",
    ),
    ("comment", _page(comment(f"old text: {NAME}")), Vector.COMMENT, "HTML comment 1"),
    ("meta", _page(meta={"author": NAME}), Vector.METADATA, "meta 'author'"),
    (
        "inline json",
        _page(json_script({"author": {"name": NAME}})),
        Vector.METADATA,
        "inline JSON 1",
    ),
    ("data attribute", _page(with_data("PC", officer=NAME)), Vector.METADATA, "data-officer"),
    ("cp1252 page", _page(paragraph(f"{NAME} – café"), encoding="cp1252"), Vector.PAGE_TEXT, "2"),
]


@pytest.mark.parametrize(("case", "data", "vector", "where"), CASES, ids=[c[0] for c in CASES])
def test_each_hiding_place_is_found_with_its_location(
    case: str, data: bytes, vector: Vector, where: str
) -> None:
    items = texts(inspect_html, data, "page.html")
    assert found(items, vector, where, NAME) or any(
        t.vector is vector and NAME in t.text and where in t.text for t in items
    ), items


def test_script_and_style_are_not_page_text() -> None:
    data = _page(f"<script>var officer = '{NAME}';</script>")
    assert NAME not in " ".join(t.text for t in texts(inspect_html, data, "p.html"))


def test_hidden_text_is_not_page_text() -> None:
    items = texts(inspect_html, _page(paragraph("Total: 4"), hidden(NAME)), "p.html")
    assert vectors_of(items, NAME) == {Vector.HIDDEN_TEXT}


def test_aria_hidden_alone_stays_visible() -> None:
    items = texts(inspect_html, _page(f'<p aria-hidden="true">{NAME}</p>'), "p.html")
    assert vectors_of(items, NAME) == {Vector.PAGE_TEXT}


def test_tables_become_tables() -> None:
    data = _page(table([["Name", "Email"], [NAME, EMAIL]]))
    [(found_table, rows)] = tables(inspect_html, data, "p.html")
    assert (found_table.where, found_table.vector, found_table.header, rows) == (
        "table 1",
        Vector.PAGE_TEXT,
        ("Name", "Email"),
        [(NAME, EMAIL)],
    )


HOSTILE = [
    b"<html><body>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000,
    b"<html><body><p title='" + b"x" * 5_000_000 + b"'>huge attribute</p>",
    b"<html><head><title>t</title></head><body>\x00nul\x00 bytes" + b" " * 100 + b"</body></html>",
    b"<html><body>\xff\xfe\x80\x81 broken \xc3\x28 utf8</body></html>",
    b'<?xml version="1.0" encoding="utf-8"?><html><body>xhtml</body></html>',
    b"<html><head><meta charset='utf-16'></head><body>lies</body></html>",
    b"<html><head><meta charset='no-such-codec'></head><body>x</body></html>",
    b"<html></html>",
]


@pytest.mark.parametrize("data", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_pages_never_raise(data: bytes) -> None:
    assert isinstance(texts(inspect_html, data, "hostile.html"), list)
    verdict = scan(data, "hostile.html")
    assert verdict.format == "html"
    assert verdict.status in (Status.SCANNED, Status.UNREADABLE)
    assert verdict.error is None or "\n" not in verdict.error


def test_deeply_nested_json_is_kept_short_and_never_raises() -> None:
    data = b"<html><script type='application/json'>" + b"[" * 100_000 + b"</script>"
    [item] = texts(inspect_html, data, "hostile.html")
    assert item.vector is Vector.METADATA
    assert len(item.text) <= 10_000


@pytest.mark.parametrize(("depth", "deep"), [(50, False), (5_000, True)])
def test_text_nested_deeper_than_the_parser_reads_is_still_read(depth: int, deep: bool) -> None:
    from detectors.formats.html import inspect_html
    from detectors.limits import Budget
    from detectors.model import Text

    page = b"<html><body>" + b"<div>" * depth + b"Jane Smith" + b"</div>" * depth + b"</body>"
    texts = [i for i in inspect_html(page, "deep.html", Budget()) if isinstance(i, Text)]
    assert any("Jane Smith" in t.text for t in texts)
    assert any(t.where == "deeply nested text" for t in texts) is deep


_SLUG = NAME.replace(" ", "_")
LINKS = [
    (
        "the page it links to",
        f'<a href="/wiki/{_SLUG}#life" title="{NAME}">{NAME.split()[-1]}</a>',
        False,
    ),
    ("its own text", f'<a href="/people?id=7" title="{NAME}">{NAME}</a>', False),
    ("another page", f'<a href="/staff" title="{NAME}">Staff list</a>', True),
    ("not a link", f'<span title="{NAME}">{NAME.split()[-1]}</span>', True),
]


@pytest.mark.parametrize(("case", "link", "hidden_name"), LINKS, ids=[c[0] for c in LINKS])
def test_a_link_title_naming_its_own_text_or_page_is_no_hidden_text(
    case: str, link: str, hidden_name: bool
) -> None:
    items = texts(inspect_html, _page(f"<p>See {link} for more.</p>"), "page.html")
    assert found(items, Vector.METADATA, "attributes", NAME) is hidden_name


_STYLE = "<style>.page{display:none}.page.active{display:block}.sr-only{display:none}</style>"


@pytest.mark.parametrize(
    ("markup", "vector"),
    [
        # A one-page site's pages, opened by its menu's click handlers.
        (
            f"{_STYLE}<a href='#' onclick=\"showPage('people');return false\">People</a>"
            f'<div class="page" id="people"><p>{NAME}</p></div>',
            Vector.PAGE_TEXT,
        ),
        # A tab panel named by its tab's link, and an accordion's by aria-controls.
        (
            f'<a href="#tab-2">Members</a><div id="tab-2" style="display:none">{NAME}</div>',
            Vector.PAGE_TEXT,
        ),
        (
            f'<button aria-controls="acc-1">Open</button><div id="acc-1" hidden>{NAME}</div>',
            Vector.PAGE_TEXT,
        ),
        # "▶ view minutes": the element before shows it when clicked.
        (
            "<div onclick=\"this.nextElementSibling.style.display='block'\">▶ view</div>"
            f'<div style="display:none"><p>{NAME}</p></div>',
            Vector.PAGE_TEXT,
        ),
        # Guards: nothing opens it; screen-reader text is never shown, whatever links to it.
        (f'<div id="tab-3" style="display:none">{NAME}</div>', Vector.HIDDEN_TEXT),
        (
            f'{_STYLE}<a href="#sr">Skip</a><span id="sr" class="sr-only">{NAME}</span>',
            Vector.HIDDEN_TEXT,
        ),
    ],
)
def test_a_tab_or_page_the_reader_opens_with_a_click_is_not_hidden(
    markup: str, vector: Vector
) -> None:
    items = texts(inspect_html, _page(markup), "p.html")
    assert vectors_of(items, NAME) == {vector}
