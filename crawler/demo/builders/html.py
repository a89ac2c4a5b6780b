"""Small web pages with visible text and the places a page hides data from its readers."""

from __future__ import annotations

import json
from html import escape


def paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def hidden(text: str, how: str = "style") -> str:
    """A block a reader does not see: how = 'style', 'attribute', 'class' or 'stylesheet'."""
    opening = {
        "style": '<div style="display: none">',
        "attribute": "<div hidden>",
        "class": '<div class="visually-hidden">',
        "stylesheet": '<div class="archived-note">',
    }[how]
    return f"{opening}{escape(text)}</div>"


def comment(text: str) -> str:
    return f"<!-- {text.replace('--', '- -')} -->"


def table(rows: list[list[str]]) -> str:
    """A table whose first row is the header."""
    head = "".join(f"<th>{escape(c)}</th>" for c in rows[0])
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows[1:]
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def json_script(data: object, kind: str = "application/ld+json") -> str:
    payload = json.dumps(data).replace("</", "<\\/")  # no early end of the script element
    return f'<script type="{kind}">{payload}</script>'


def with_data(text: str, **attributes: str) -> str:
    """A span carrying data-* attributes (data_officer -> data-officer)."""
    attrs = "".join(
        f' data-{key.replace("_", "-")}="{escape(value, quote=True)}"'
        for key, value in attributes.items()
    )
    return f"<span{attrs}>{escape(text)}</span>"


def build_html(
    title: str,
    body: list[str],
    *,
    meta: dict[str, str] | None = None,
    head: str = "",
    encoding: str = "utf-8",
) -> bytes:
    """A whole page; `body` items are HTML fragments from this module (or plain markup)."""
    metas = "".join(
        f'<meta name="{escape(k, quote=True)}" content="{escape(v, quote=True)}">'
        for k, v in (meta or {}).items()
    )
    page = (
        f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="{encoding}">'
        f"<title>{escape(title)}</title>{metas}"
        "<style>.archived-note { display: none }</style>"
        f"{head}</head><body>{''.join(body)}</body></html>"
    )
    return page.encode(encoding, errors="xmlcharrefreplace")
