"""HTML pages: visible text, hidden elements, comments, meta tags, inline data and tables.

Hidden means a sighted reader does not see it: `display:none`, `visibility:hidden`,
`opacity:0`, `font-size:0` or off-screen positions in inline styles or in class rules of the
page's own `<style>` blocks, the `hidden` attribute, hidden form inputs, and the usual
hiding classes ("hidden", "d-none", "sr-only"…). `aria-hidden` alone is not hidden: it hides
from screen readers, not from sight. Inline JSON (`application/json`, `ld+json`) and
`data-*` attributes are data the page carries but does not show: metadata. An element that
the page's own links or controls open (a tab, a page of a one-page site, an accordion's
panel, named by `href="#id"`, `aria-controls` or a click handler) is shown with a click: not
hidden. Links are not followed here; the crawler does that.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

import lxml.html
from lxml import etree

from detectors.formats._ooxml import label
from detectors.formats._tally import tallied
from detectors.formats._text import decode, mail_address
from detectors.limits import Budget
from detectors.model import Item, Structure, Table, Text, Vector

_FILLED = {"text", "email", "tel", "search", "url", "date", "number"}
"""Input types whose value shows in the box on the page."""
MAX_VALUE = 10_000
"""Longest attribute or JSON value kept; hostile pages carry megabyte attributes."""
CHUNK = 4000
_SKIP = {"script", "style", "math", "iframe", "object"}
_INERT = {"noscript": "noscript", "template": "template"}
"""Elements whose content a reader does not see: shown only with scripts off, or never
unless a script puts it on the page."""
_APART = {"img", "button", "input", "select", "option", "label", "textarea", "iframe"}
"""Inline elements a browser draws as boxes of their own: words either side stay apart."""
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
"""Soft hyphens and zero-width characters: they show nothing, and split a word in two."""
_BLOCKS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br",
    "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
    "form", "fieldset", "address", "figure", "figcaption", "hr", "body", "details", "summary",
}  # fmt: skip
_HIDING_CLASSES = {
    "hidden", "hide", "d-none", "sr-only", "visually-hidden", "visuallyhidden", "invisible",
    "is-hidden", "u-hidden", "screen-reader-text", "element-invisible", "govuk-visually-hidden",
}  # fmt: skip
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(hidden|collapse)|opacity\s*:\s*0(\.0*)?\s*(;|$)"
    r"|font-size\s*:\s*0(px|pt|em|rem|%)?\s*(;|$)|(left|top|text-indent)\s*:\s*-\d{3,}",
    re.IGNORECASE,
)
_CLASS_RULE = re.compile(r"\.([\w-]+)\s*(?:,\s*[^{]*)?\{([^}]*)\}")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TAG = re.compile(r"<[^>]*>")


@dataclass
class _Page:
    budget: Budget
    hiding_classes: set[str]
    opened: set[str] = field(default_factory=set)
    """Ids of elements the page's own links and controls open (tabs, pages, panels)."""
    blocks: int = 0
    tables: int = 0
    scripts: int = 0
    comments: int = 0
    visible: list[str] = field(default_factory=list)
    hidden: dict[str, list[str]] = field(default_factory=dict)
    attributes: list[str] = field(default_factory=list)


def inspect_html(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield what a reader sees, then what the page hides or carries without showing."""
    return tallied(_inspect_html(data, name, budget))


def _inspect_html(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    root, too_deep = _parse(data)
    if too_deep:
        # The parser stops at its nesting limit and drops what lies deeper; a browser still
        # shows it, so read that text from the markup itself.
        yield Structure(Vector.PAGE_TEXT, "page", "nested deeper than the parser reads")
        lines = [" ".join(_TAG.sub(" ", _decode(data)).split())]
        yield from _chunks([line for line in lines if line], Vector.PAGE_TEXT, "deeply nested text")
    if root is None:
        return
    page = _Page(budget, _HIDING_CLASSES | _style_rules(root), _opened(root))
    yield from _walk(root, page)
    yield from _flush(page)
    # Each attribute belongs to its own element: a paragraph apart, so that a name in one
    # menu item's title is never said to be in the sentence of the next one's topic.
    attributes = "attributes (data-*, alt, title)"
    yield from _chunks(page.attributes, Vector.METADATA, attributes, separator="\n\n")


def _parse(data: bytes) -> tuple[etree._Element | None, bool]:
    """The page's tree, and whether the parser gave up on nesting too deep for it."""
    text = _INVISIBLE.sub("", _decode(data))
    text = _XML_DECLARATION.sub("", text)
    if not text.strip():
        return None, False
    parser = lxml.html.HTMLParser(
        remove_comments=False, remove_pis=True, no_network=True, huge_tree=True
    )
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        root = None
    too_deep = any("Excessive depth" in error.message for error in parser.error_log)
    return root, too_deep


def _decode(data: bytes) -> str:
    declared = _CHARSET.search(data[:2048])
    if declared:
        encoding = _text_codec(declared.group(1))
        # Browsers ignore a UTF-16 declaration inside the page (it could not have been read).
        if (
            encoding
            and encoding not in ("utf-8", "cp1252", "latin-1", "iso8859-1")
            and not (encoding.startswith(("utf-16", "utf-32")))
        ):
            try:
                return data.decode(encoding, errors="replace").replace("\x00", "")
            except UnicodeError:  # a codec with no replacement ("idna"): as if undeclared
                pass
    return decode(data)[0]


def _shown(reason: str) -> Vector:
    """Page text, unless the element it stands in is hidden."""
    return Vector.HIDDEN_TEXT if reason else Vector.PAGE_TEXT


def _text_codec(label: bytes) -> str:
    """The codec a page's declared charset names, when a browser would use it: a text
    encoding that writes the markup's own letters as ASCII does. A label such as "ibm037"
    (EBCDIC) or "hex" (no text encoding at all) is ignored, as browsers ignore it."""
    try:
        info = codecs.lookup(label.decode("ascii"))
        ascii_alike = "<meta charset=".encode(info.name) == b"<meta charset="
    except (LookupError, UnicodeError, TypeError, ValueError):
        return ""
    return info.name if ascii_alike and getattr(info, "_is_text_encoding", True) else ""


def _style_rules(root: etree._Element) -> set[str]:
    """Class names that the page's own style sheets hide."""
    names: set[str] = set()
    for style in root.iter("style"):
        for match in _CLASS_RULE.finditer(style.text or ""):
            if _HIDING_STYLE.search(match.group(2)):
                names.add(match.group(1).lower())
    return names


def _walk(root: etree._Element, page: _Page) -> Iterator[Item]:
    # An explicit stack: hostile pages nest deeper than Python recursion allows.
    stack: list[tuple[bool, etree._Element, str]] = [(True, root, "")]
    seen = 0
    while stack:
        opening, element, reason = stack.pop()
        if not opening:
            if _tag(element) in _BLOCKS:
                yield from _flush(page)
            _add(page, element.tail, reason)  # a tail belongs to the parent's context
            continue
        seen += 1
        if seen % 2000 == 0:
            page.budget.check()
        if isinstance(element, etree._Comment):
            yield from _comment(element, page)
            _add(page, element.tail, reason)
            continue
        if not isinstance(element.tag, str):
            _add(page, element.tail, reason)
            continue
        tag = _tag(element)
        own = reason or _hiding(element, page) or _INERT.get(tag, "")
        _attributes(element, page)
        if tag in _APART:
            page.visible.append(" ")
        if tag in _SKIP or tag in ("meta", "title", "table", "input", "svg"):
            yield from _special(element, tag, own, page)
            _add(page, element.tail, reason)
            continue
        if tag in _BLOCKS:
            yield from _flush(page)
        _add(page, element.text, own)
        stack.append((False, element, reason))
        stack.extend((True, child, own) for child in reversed(element))


def _tag(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


_OPENERS = ("href", "onclick", "data-target", "data-bs-target", "aria-controls", "data-tab")
_TARGET = re.compile(r"#([\w-]+)|['\"]([\w-]+)['\"]|^([\w-]+(?:\s+[\w-]+)*)$")
_NEVER_SHOWN = {"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text"}
"""Classes of text kept for screen readers, which no control ever shows."""


def _opened(root: etree._Element) -> set[str]:
    """Ids that the page's links and controls name ("#councillors", `showPage('minutes')`,
    `aria-controls="panel-2"`): the tabs, pages and panels a reader opens with a click."""
    ids: set[str] = set()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in _OPENERS:
            value = (element.get(attribute) or "")[:MAX_VALUE]
            for match in _TARGET.finditer(value.strip()):
                ids.update(part for group in match.groups() if group for part in group.split())
    return ids


def _toggled(element: etree._Element) -> bool:
    """The element just before it shows it when clicked ("▶ view minutes" with
    `onclick="this.nextElementSibling.style.display=…"`)."""
    before = element.getprevious()
    return before is not None and "nextElementSibling" in (before.get("onclick") or "")


def _hiding(element: etree._Element, page: _Page) -> str:
    classes = {c.lower() for c in (element.get("class") or "").split()}
    if not classes & _NEVER_SHOWN and (element.get("id") in page.opened or _toggled(element)):
        return ""  # a tab, a page of a one-page site, a panel: one click shows it
    if element.get("hidden") is not None:
        return "hidden attribute"
    if _HIDING_STYLE.search(element.get("style") or ""):
        return "inline style"
    if classes & page.hiding_classes:
        return "hiding class"
    return ""


def _add(page: _Page, text: str | None, reason: str) -> None:
    text = _INVISIBLE.sub("", text) if text else text  # &shy; and &#8203; come as characters
    if not text:
        return
    if not text.strip():
        if not reason:
            page.visible.append(" ")  # the space between two inline elements keeps words apart
        return
    if reason:
        page.hidden.setdefault(reason, []).append(text.strip())
    else:
        page.visible.append(text)


def _flush(page: _Page) -> Iterator[Item]:
    visible = " ".join("".join(page.visible).split())  # inline elements run on, as shown
    if visible or page.hidden:
        page.blocks += 1
    if visible:
        yield Text(visible, Vector.PAGE_TEXT, f"text block {page.blocks}")
    for reason, parts in page.hidden.items():
        where = f"text block {page.blocks} (hidden by {reason})"
        yield Text(" ".join(" ".join(parts).split()), Vector.HIDDEN_TEXT, where)
    page.visible, page.hidden = [], {}


def _comment(element: etree._Element, page: _Page) -> Iterator[Item]:
    text = (element.text or "").strip()
    if text:
        page.comments += 1
        yield Text(text[: MAX_VALUE * 10], Vector.COMMENT, f"HTML comment {page.comments}")


def _attributes(element: etree._Element, page: _Page) -> None:
    address = mail_address((element.get("href") or "").strip())
    if address:  # the address behind "contact us"
        page.attributes.append(f"mail link: {address[:MAX_VALUE]}")
    for key, value in element.attrib.items():
        if value.strip() and (key.startswith("data-") or key in ("alt", "title")):
            if key == "title" and _names_its_link(element, value):
                continue
            page.attributes.append(f"{label(key)}: {value.strip()[:MAX_VALUE]}")


def _names_its_link(element: etree._Element, title: str) -> bool:
    """A link's title that is its own text or the name of the page it links to
    (`<a href="/wiki/Ada_Lovelace" title="Ada Lovelace">Lovelace</a>`): the hover text of
    what the page shows, not something hidden in it."""
    if element.tag != "a":
        return False
    said = _words(title)
    target = (element.get("href") or "").split("#")[0].split("?")[0].rstrip("/")
    page_name = unquote(target.rsplit("/", 1)[-1]).replace("_", " ").replace("-", " ")
    return said in (_words(element.text_content()), _words(page_name))


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _special(element: etree._Element, tag: str, reason: str, page: _Page) -> Iterator[Item]:
    if tag == "meta":
        content = (element.get("content") or "").strip()
        key = element.get("name") or element.get("property") or element.get("http-equiv") or ""
        if content and key:
            yield Text(content[:MAX_VALUE], Vector.METADATA, f"meta '{label(key)}'")
    elif tag == "title":
        title = " ".join(element.text_content().split())
        if title:
            yield Text(title, Vector.PAGE_TEXT, "page title")
    elif tag == "input":
        value = (element.get("value") or "").strip()
        kind = (element.get("type") or "text").lower()
        if value and kind == "hidden":
            yield Text(value[:MAX_VALUE], Vector.HIDDEN_TEXT, "hidden form input")
        elif value and kind in _FILLED:
            yield Text(value[:MAX_VALUE], _shown(reason), "form input value")
    elif tag == "svg":  # a drawing's text shows on the page
        lines = [" ".join(t.text_content().split()) for t in element.iter("{*}text", "text")]
        if any(lines):
            yield Text("\n".join(line for line in lines if line), _shown(reason), "drawing text")
    elif tag == "iframe" and (element.get("srcdoc") or "").strip():
        try:
            framed = lxml.html.fromstring(element.get("srcdoc", "")[: MAX_VALUE * 10])
        except (etree.ParserError, ValueError):  # a comment alone, or nothing to parse
            return
        shown = framed.text_content()
        if shown.strip():
            yield Text(" ".join(shown.split()), _shown(reason), "inline frame's page")
    elif tag == "table":
        yield from _flush(page)
        page.tables += 1
        yield from _table(element, reason, page)
    elif tag == "script" and "json" in (element.get("type") or "").lower():
        page.scripts += 1
        yield from _chunks(
            _json_lines(element.text or ""), Vector.METADATA, f"inline JSON {page.scripts}"
        )


def _table(element: etree._Element, reason: str, page: _Page) -> Iterator[Item]:
    where = f"table {page.tables}"
    rows: list[tuple[str, ...]] = []
    hidden: list[str] = []
    rows_of = list(element.iter("tr")) or [element]  # cells with no row: one row, as shown
    for row in rows_of:
        cells = []
        for cell in row if row is not element else element.iter("td", "th"):
            if _tag(cell) in ("td", "th"):
                visible, concealed = _cell_text(cell, page)
                cells.append(visible)
                hidden.extend(concealed)
        if any(cells):
            rows.append(tuple(cells))
    if rows:
        vector = Vector.HIDDEN_TEXT if reason else Vector.PAGE_TEXT
        yield Table(where, vector, rows[0], iter(rows[1:]))
    if hidden:
        yield Text(" ".join(hidden), Vector.HIDDEN_TEXT, f"{where} (hidden cells' content)")


def _cell_text(cell: etree._Element, page: _Page) -> tuple[str, list[str]]:
    visible: list[str] = []
    hidden: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(cell, False)]
    while stack:
        element, hiding = stack.pop()
        if not isinstance(element.tag, str) or _tag(element) in _SKIP:
            continue
        hiding = hiding or bool(_hiding(element, page))
        target = hidden if hiding else visible
        if element.text and element.text.strip():
            target.append(_INVISIBLE.sub("", element.text.strip()))
        for child in reversed(element):
            stack.append((child, hiding))
        if element is not cell and element.tail and element.tail.strip():
            visible.append(element.tail.strip())  # approximate: tails join the visible text
    return " ".join(visible), hidden


def _json_lines(source: str) -> list[str]:
    try:
        value = json.loads(source)
    except (ValueError, RecursionError):
        return [source.strip()[:MAX_VALUE]] if source.strip() else []
    lines: list[str] = []
    stack: list[tuple[str, object]] = [("", value)]
    while stack and len(lines) < 50_000:
        key, node = stack.pop()
        if isinstance(node, dict):
            stack.extend((str(k), v) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend((key, v) for v in reversed(node))
        elif isinstance(node, str) and node.strip():
            lines.append(f"{key}: {node.strip()[:MAX_VALUE]}" if key else node.strip()[:MAX_VALUE])
    return lines


def _chunks(lines: list[str], vector: Vector, where: str, separator: str = "\n") -> Iterator[Item]:
    chunk: list[str] = []
    size, part = 0, 0
    for line in [*lines, ""]:
        if (size + len(line) > CHUNK or not line) and chunk:
            part += 1
            text = separator.join(chunk)
            yield Text(text, vector, where if part == 1 else f"{where}, part {part}")
            chunk, size = [], 0
        if line:
            chunk.append(line)
            size += len(line) + 1
