"""HTML read as a browser shows it: inline elements run on, the spaces between them kept;
content inside a hidden element stays hidden whatever holds it; markup that cannot be parsed
or decoded loses only itself, never the rest of the page."""

from __future__ import annotations

import pytest

from detectors.formats.html import inspect_html
from detectors.limits import Budget
from detectors.model import Text, Vector


def _texts(page: str, charset: str = "utf-8") -> list[Text]:
    head = f'<meta charset="{charset}">'
    data = f"<html><head>{head}</head><body>{page}</body></html>".encode()
    return [t for t in inspect_html(data, "page.html", Budget()) if isinstance(t, Text)]


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ("<p><span>Jane</span> <span>Hardy</span></p>", "Jane Hardy"),
        ("<p><a>Jane Hardy</a>\n<a>Tom Brown</a></p>", "Jane Hardy Tom Brown"),
        ("<p><span class='cap'>Q</span>uillfeather</p>", "Quillfeather"),
        ("<p>Jane Har&shy;dy</p>", "Jane Hardy"),
    ],
    ids=["a space between spans", "a line between links", "a drop cap", "a soft hyphen"],
)
def test_inline_elements_run_on_as_shown(page: str, words: str) -> None:
    assert any(words in t.text for t in _texts(page) if t.vector is Vector.PAGE_TEXT)


@pytest.mark.parametrize(
    "inner",
    [
        "<svg><text>Jane Hardy</text></svg>",
        "<input type='text' value='Jane Hardy'>",
        "<iframe srcdoc='<p>Jane Hardy</p>'></iframe>",
    ],
    ids=["a drawing's text", "a filled input", "an inline frame's page"],
)
def test_what_a_hidden_element_holds_stays_hidden(inner: str) -> None:
    found = _texts(f"<div style='display:none'>{inner}</div><p>Opening hours</p>")
    holding = [t for t in found if "Jane Hardy" in t.text]
    assert holding and all(t.vector is Vector.HIDDEN_TEXT for t in holding)


@pytest.mark.parametrize(
    ("page", "charset"),
    [
        ("<iframe srcdoc='<!-- nothing -->'></iframe><p>Jane Hardy</p>", "utf-8"),
        ("<p>Jane Hardy</p>", "idna"),
        ("<p>Jane Hardy</p>", "hex"),
    ],
    ids=["a frame of a comment alone", "a codec with no replacement", "no text encoding"],
)
def test_markup_that_cannot_be_read_loses_only_itself(page: str, charset: str) -> None:
    assert any("Jane Hardy" in t.text for t in _texts(page, charset))
