"""Every word a text document (odt) or web page (html) holds reaches detection, whatever holds
it: a paragraph, a heading, a list, a table or a table inside one, a frame, a header, a note, a
comment, a tracked change, hidden text of every kind, a field, a link or its target, alt text,
the document's properties; and in a page, hidden blocks, comments, meta tags, inline data,
attributes, form fields, templates, hostile markup and odd encodings. A word lost between the
file and the detectors is a document called clean that was never read."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

import pytest
from _inspect_helpers import Inspector, all_text, layout_params
from _odf_helpers import odt, p, style
from _odf_helpers import table as odf_table

from crawler.demo.builders.html import build_html, comment, hidden, json_script, with_data
from crawler.demo.builders.html import paragraph as html_paragraph
from crawler.demo.builders.html import table as html_table
from detectors.formats.html import inspect_html
from detectors.formats.odt import inspect_odt

WORDS = ["Quillfeather", "Brackenridge", "Ormsgill", "Tanyard", "Wexcombe", "Pellinore"]
FIRST, SECOND = WORDS[:3], WORDS[3:]
CYRILLIC = ["Квиллфезер", "Бракенридж", "Ормсгилл", "Танъярд", "Уэксомб", "Пеллинор"]
"""Marker words for pages in a Cyrillic code page, which the Latin words would not test."""


def _each(words: list[str], make: Callable[[str], str]) -> str:
    return "".join(make(w) for w in words)


# -- odt -------------------------------------------------------------------------------------

HIDDEN_SPAN = style("T1", "text", '<style:text-properties text:display="none"/>')
WHITE_SPAN = style("T2", "text", '<style:text-properties fo:color="#ffffff"/>')
HIDDEN_PARENT = style("Secret", "paragraph", '<style:text-properties text:display="none"/>')
CHILD = style("P1", "paragraph", "", parent="Secret")
PLAIN = p("Dear Sir")
"""A paragraph holding none of the words, for layouts that hide them elsewhere."""


def _paragraphs(words: list[str]) -> str:
    return _each(words, p)


def _frame(words: list[str], anchor: str = "paragraph") -> str:
    return (
        f'<draw:frame draw:name="Box" text:anchor-type="{anchor}" svg:width="5cm">'
        f"<draw:text-box>{_paragraphs(words)}</draw:text-box></draw:frame>"
    )


def _nested_table() -> str:
    """A table whose second row's cell holds another table of all the words."""
    inner = odf_table([FIRST, SECOND], name="Inner")
    return (
        '<table:table table:name="Outer"><table:table-column table:number-columns-repeated="2"/>'
        f"<table:table-row><table:table-cell>{p('Ref')}</table:table-cell>"
        f"<table:table-cell>{p('Notes')}</table:table-cell></table:table-row>"
        f"<table:table-row><table:table-cell>{p('1')}</table:table-cell>"
        f"<table:table-cell>{inner}</table:table-cell></table:table-row></table:table>"
    )


def _master(header: str, footer: str, kinds: tuple[str, str] = ("header", "footer")) -> str:
    return (
        '<style:master-page style:name="Standard" style:page-layout-name="pm1">'
        f"<style:{kinds[0]}>{header}</style:{kinds[0]}><style:{kinds[1]}>{footer}"
        f"</style:{kinds[1]}></style:master-page>"
    )


def _note(word: str, kind: str) -> str:
    return p(
        f'See<text:note text:id="n{word}" text:note-class="{kind}">'
        f"<text:note-citation>1</text:note-citation><text:note-body>{p(word)}</text:note-body>"
        "</text:note>"
    )


def _annotation(author: str, text: str) -> str:
    return p(
        f"Total<office:annotation><dc:creator>{author}</dc:creator>"
        f"<dc:date>2024-03-01T10:00:00</dc:date>{p(text)}</office:annotation>"
    )


def _deletions() -> str:
    regions = "".join(
        f'<text:changed-region text:id="ct{number}"><text:deletion><office:change-info>'
        "<dc:creator>Editor</dc:creator><dc:date>2024-03-01T10:00:00</dc:date>"
        f"</office:change-info>{p(word)}</text:deletion></text:changed-region>"
        for number, word in enumerate(WORDS)
    )
    marks = "".join(
        p(f'Name: <text:change text:change-id="ct{number}"/>') for number in range(len(WORDS))
    )
    return f"<text:tracked-changes>{regions}</text:tracked-changes>{marks}"


def _hidden_field(word: str) -> str:
    return p(
        f'Total <text:hidden-text text:condition="ooow:1" text:string-value="{word}" '
        'text:is-hidden="true"/>'
    )


def _hidden_paragraph(word: str) -> str:
    return p(f'<text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>{word}')


def _span(word: str, style_name: str) -> str:
    return p(f'Total <text:span text:style-name="{style_name}">{word}</text:span>')


def _link(text: str, target: str) -> str:
    return p(f'<text:a xlink:type="simple" xlink:href="{target}">{text}</text:a>')


def _user_fields() -> str:
    declarations = "".join(
        f'<text:user-field-decl office:value-type="string" office:string-value="{word}" '
        f'text:name="Field{number}"/>'
        for number, word in enumerate(WORDS)
    )
    return f"<text:user-field-decls>{declarations}</text:user-field-decls>{PLAIN}"


def _variables() -> str:
    """Variables set in the text but not displayed (Insert > Field > Variables, "Invisible"):
    the value is kept only in `office:string-value`."""
    declarations = _each(
        WORDS, lambda w: f'<text:variable-decl office:value-type="string" text:name="v{w[:3]}"/>'
    )
    sets = _each(
        WORDS,
        lambda w: p(
            f'Total <text:variable-set text:name="v{w[:3]}" text:display="none" '
            f'office:value-type="string" office:string-value="{w}"/>'
        ),
    )
    return f"<text:variable-decls>{declarations}</text:variable-decls>{sets}"


def _conditional(word: str) -> str:
    """Conditional text showing "Sir" while its condition holds; the other branch is kept."""
    return p(
        'Dear <text:conditional-text text:condition="ooow:1" text:string-value-if-true="Sir" '
        f'text:string-value-if-false="{word}" text:current-value="true">Sir</text:conditional-text>'
    )


def _separated() -> str:
    """One paragraph whose words are set apart by a line break, a tab and spaces."""
    return p(
        f"{WORDS[0]}<text:line-break/>{WORDS[1]}<text:tab/>{WORDS[2]}<text:s/>{WORDS[3]}"
        f'<text:s text:c="3"/>{WORDS[4]}<text:soft-page-break/> {WORDS[5]}'
    )


ALT_TEXT = f"<svg:title>{' '.join(FIRST)}</svg:title><svg:desc>{' '.join(SECOND)}</svg:desc>"
NESTED_LIST = (
    f"<text:list><text:list-item>{_paragraphs(FIRST)}<text:list><text:list-item>"
    f"{_paragraphs(SECOND)}</text:list-item></text:list></text:list-item></text:list>"
)

ODT: dict[str, bytes] = {
    "paragraphs": odt(_paragraphs(WORDS)),
    "headings": odt(_each(WORDS, lambda w: f'<text:h text:outline-level="2">{w}</text:h>')),
    "a list inside a list": odt(NESTED_LIST),
    "words apart by line breaks, tabs and spaces": odt(_separated()),
    "a table": odt(odf_table([["Ref", *FIRST], ["1", *SECOND]])),
    "a table nested in a cell": odt(_nested_table()),
    "a text frame in a paragraph": odt(p(f"See {_frame(WORDS)}")),
    "a text frame anchored to the page": odt(_frame(WORDS, anchor="page") + PLAIN),
    "a drawing shape's text": odt(
        p(f"<draw:custom-shape>{_paragraphs(WORDS)}</draw:custom-shape>")
    ),
    "header and footer": odt(PLAIN, master=_master(p(" ".join(FIRST)), p(" ".join(SECOND)))),
    "first-page header and left-page footer": odt(
        PLAIN,
        master=_master(p(" ".join(FIRST)), p(" ".join(SECOND)), ("header-first", "footer-left")),
    ),
    "footnotes and endnotes": odt(
        _each(FIRST, lambda w: _note(w, "footnote")) + _each(SECOND, lambda w: _note(w, "endnote"))
    ),
    "comments": odt(_each(WORDS, lambda w: _annotation("Reviewer", w))),
    "comment authors": odt(_each(WORDS, lambda w: _annotation(w, "Noted"))),
    "tracked deletions": odt(_deletions()),
    "hidden text fields": odt(_each(WORDS, _hidden_field)),
    "hidden paragraphs": odt(_each(WORDS, _hidden_paragraph)),
    "spans styled display none": odt(_each(WORDS, lambda w: _span(w, "T1")), automatic=HIDDEN_SPAN),
    "a paragraph style inheriting display none": odt(
        _each(WORDS, lambda w: p(w, "P1")), automatic=CHILD, styles=HIDDEN_PARENT
    ),
    "a hidden section": odt(
        f'<text:section text:name="S1" text:display="none">{_paragraphs(WORDS)}</text:section>'
    ),
    "white text": odt(_each(WORDS, lambda w: _span(w, "T2")), automatic=WHITE_SPAN),
    "a link's text": odt(_each(WORDS, lambda w: _link(w, "https://example.org/"))),
    "a link's mailto: target": odt(
        _each(WORDS, lambda w: _link("contact us", f"mailto:{w}@example.org"))
    ),
    "alt text": odt(p(f'Photo<draw:frame draw:name="Image1"><draw:image/>{ALT_TEXT}</draw:frame>')),
    "the creator property": odt(PLAIN, creator=" ".join(WORDS)),
    "user fields": odt(_user_fields()),
    "invisible variables": odt(_variables()),
    "conditional text's other branch": odt(_each(WORDS, _conditional)),
}
ODT_FAILING: dict[str, str] = {}


# -- html ------------------------------------------------------------------------------------


def _page(*body: str, **kwargs: object) -> bytes:
    return build_html("Reply", [html_paragraph("Our reply"), *body], **kwargs)  # type: ignore[arg-type]


def _hidden_five_ways() -> str:
    """Blocks hidden by an inline style, the attribute, a hiding class and a page's own rule."""
    ways = ("style", "attribute", "class", "stylesheet")
    blocks = "".join(hidden(w, how) for w, how in zip(WORDS, ways, strict=False))
    return blocks + f'<p style="visibility:hidden">{" ".join(WORDS[4:])}</p>'


def _nested_html_table() -> str:
    inner = html_table([FIRST, SECOND])
    return f"<table><tr><th>Ref</th><th>Notes</th></tr><tr><td>1</td><td>{inner}</td></tr></table>"


def _ld_json() -> str:
    data = {
        "@type": "Article",
        "author": {"@type": "Person", "name": WORDS[0]},
        "contributor": [{"name": w} for w in WORDS[1:5]],
        "editor": WORDS[5],
    }
    return json_script(data)


def _raw(markup: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{markup}</body></html>".encode()


UNCLOSED = (
    f"<p>{WORDS[0]}<p>{WORDS[1]}<div><span>{WORDS[2]}<ul><li>{WORDS[3]}<li><b><i>{WORDS[4]}"
    f"</b></i><dl><dt>{WORDS[5]}"
)
"""Tags never closed or closed out of order: browsers show every word."""
ROWLESS = f"<table><tbody>{_each(WORDS, lambda w: f'<td>{w}')}</table>"
"""Cells with no row around them: browsers put them in one (the HTML parsing algorithm)."""
INVISIBLE_CHARACTERS = "".join(f"<p>{w[:3]}&shy;{w[3:6]}&#8203;{w[6:]}</p>" for w in WORDS)
"""Soft hyphens and zero-width spaces inside each word: a browser shows the words whole."""
DEEP = "<div>" * 5_000 + " ".join(WORDS) + "</div>" * 5_000

HTML: dict[str, bytes] = {
    "visible paragraphs": _page(*(html_paragraph(w) for w in WORDS)),
    "the page title": build_html(" ".join(WORDS), [html_paragraph("Our reply")]),
    "a table": _page(html_table([["Ref", *FIRST], ["1", *SECOND]])),
    "a table nested in a cell": _page(_nested_html_table()),
    "display:none and other hidden blocks": _page(_hidden_five_ways()),
    "HTML comments": _page(*(comment(w) for w in WORDS)),
    "<meta> content": _page(
        meta={"author": " ".join(FIRST), "description": f"Prepared by {' '.join(SECOND)}"}
    ),
    "inline JSON-LD": _page(_ld_json()),
    "data- attributes": _page(with_data("PC", officer=" ".join(FIRST), witness=" ".join(SECOND))),
    "a mailto: link's target": _page(
        *(f'<p><a href="mailto:{w}@example.org">contact us</a></p>' for w in WORDS)
    ),
    "alt and title attributes": _page(
        *(f'<img src="p.png" alt="Photo of {w}">' for w in FIRST),
        *(f'<span title="Officer {w}">PC</span>' for w in SECOND),
    ),
    "<noscript>": _page(f"<noscript>{' '.join(WORDS)}</noscript>"),
    "<template>": _page(f"<template><p>{' '.join(WORDS)}</p></template>"),
    "<textarea>": _page(f"<form><textarea name='c'>{' '.join(WORDS)}</textarea></form>"),
    "<input value>": _page(
        *(f'<form><input type="text" name="n{i}" value="{w}"></form>' for i, w in enumerate(WORDS))
    ),
    "hidden inputs": _page(
        *(f'<input type="hidden" name="n{i}" value="{w}">' for i, w in enumerate(WORDS))
    ),
    "<select> options": _page(
        f"<select>{_each(WORDS, lambda w: f'<option>{w}</option>')}</select>"
    ),
    "text in an inline SVG": _page(
        f'<svg width="400" height="200">{_each(WORDS, lambda w: f"<text>{w}</text>")}</svg>'
    ),
    "an iframe's srcdoc": _page(
        f'<iframe srcdoc="{escape(html_paragraph(" ".join(WORDS)))}"></iframe>'
    ),
    "unclosed and misnested tags": _raw(UNCLOSED),
    "table cells with no <tr>": _raw(ROWLESS),
    "a word split by a drop cap": _page(
        *(f'<p><span class="dropcap">{w[0]}</span>{w[1:]}</p>' for w in WORDS)
    ),
    "soft hyphens and zero-width spaces": _raw(INVISIBLE_CHARACTERS),
    "nesting deeper than the parser reads": _raw(DEEP),
    "windows-1251 declared in <meta charset>": _page(
        *(html_paragraph(w) for w in CYRILLIC), encoding="windows-1251"
    ),
    "koi8-r declared in http-equiv": (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        f"</head><body><p>{' '.join(CYRILLIC)}</p></body></html>"
    ).encode("koi8-r"),
    "UTF-16 with a byte-order mark": _page(*(html_paragraph(w) for w in WORDS), encoding="utf-16"),
    "an EBCDIC charset no browser knows (ibm037)": _raw(
        " ".join(WORDS), head='<meta charset="ibm037">'
    ),
    "a charset that is no text encoding (hex)": _raw(" ".join(WORDS), head='<meta charset="hex">'),
}
HTML_WORDS: dict[str, list[str]] = {
    "windows-1251 declared in <meta charset>": CYRILLIC,
    "koi8-r declared in http-equiv": CYRILLIC,
}
HTML_FAILING: dict[str, str] = {}


# -- the invariant ---------------------------------------------------------------------------

FORMATS: dict[str, tuple[Inspector, dict[str, bytes], dict[str, list[str]], dict[str, str]]] = {
    "odt": (inspect_odt, ODT, {}, ODT_FAILING),
    "html": (inspect_html, HTML, HTML_WORDS, HTML_FAILING),
}
PARAMS = layout_params(
    {
        kind: {name: failing.get(name, "") for name in made}
        for kind, (_, made, _, failing) in FORMATS.items()
    }
)


def _missing(kind: str, layout: str, found: Callable[[str, str], bool]) -> list[str]:
    inspector, layouts, own_words, _ = FORMATS[kind]
    read = all_text(inspector, layouts[layout], f"layout.{kind}")
    return [w for w in own_words.get(layout, WORDS) if not found(w, read)]


@pytest.mark.parametrize(("kind", "layout"), PARAMS)
def test_every_word_held_reaches_detection(kind: str, layout: str) -> None:
    assert _missing(kind, layout, lambda word, read: word in read) == []


@pytest.mark.parametrize(("kind", "layout"), PARAMS)
def test_every_word_reaches_detection_as_a_word(kind: str, layout: str) -> None:
    """A word run into the next ("SmithDate") is read but no longer found."""
    assert _missing(kind, layout, lambda word, read: bool(re.search(rf"\b{word}\b", read))) == []
