"""Worksheet page headers and footers: the literal text they print, without formatting codes.

A sheet's `<headerFooter>` holds up to six strings (`oddHeader`, `oddFooter`, `evenHeader`,
`evenFooter`, `firstHeader`, `firstFooter`). They print on every page but are not shown in the
normal view of the sheet, so a name typed there ("Prepared by …", a case officer) travels with
the file unseen. They are reported as `Vector.METADATA`: like the author and last-editor
properties, a header or footer is text about the document rather than data in it, and it most
often names the person who prepared or printed it.

Each string is a run of literal text and codes, every code starting with `&`. The codes read
here (case-insensitive, as Excel reads them):

- `&L`, `&C`, `&R`: the left, centre and right sections start; each section is its own text.
- `&&`: a literal ampersand.
- `&P` (optionally `&P+n` / `&P-n`), `&N`, `&D`, `&T`, `&F`, `&Z`, `&A`, `&G`: page number,
  page count, date, time, file name, file path, sheet name and picture, filled in when
  printing; they add no stored text and are dropped, and so are the label words typed
  against them ("Page &P of &N", "Printed on &D at &T"): LibreOffice's default footer
  "Page &P" must not leave the surname "Page" behind.
- `&B`, `&I`, `&U`, `&E`, `&S`, `&X`, `&Y`, `&O`, `&H`: bold, italic, underline, double
  underline, strikethrough, superscript, subscript, outline and shadow switches; dropped.
- `&"font,style"`: a font name and style (`&"-,Bold"` keeps the font); dropped.
- `&nn`: a font size of one to three digits; dropped.
- `&Krrggbb` and `&KTTsNNN` (a theme colour with a tint such as `&K04+025`): a text colour;
  dropped.

Any other `&` and the character after it are dropped too, as Excel prints nothing for them.
Each non-blank line of each section is one text, so a bare name is read as a name.
"""

from __future__ import annotations

import re

from lxml import etree

from detectors.formats._xml import local
from detectors.model import Text, Vector

_PLACES = {
    "oddHeader": "header",
    "oddFooter": "footer",
    "evenHeader": "even page header",
    "evenFooter": "even page footer",
    "firstHeader": "first page header",
    "firstFooter": "first page footer",
}
_CODE = re.compile(
    r"""&(?:
        (?P<amp>&)
        | (?P<section>[LCR])
        | "[^"]*"?
        | K(?:[0-9A-F]{6}|[0-9]{2}[+-][0-9]{3})
        | (?P<field>P(?:[+-][0-9]+)?|[NDTFZAG])
        | [0-9]{1,3}
        | .
        | $
    )""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
_LABELS = {
    "P": "page|pages|pg|p|no|number",
    "N": "of|pages|total",
    "D": "date|dated|printed|on",
    "T": "time|at|printed",
    "F": "file|name|filename",
    "Z": "path|file|folder",
    "A": "sheet|tab|worksheet",
}
_GAP = r"[\s:.,#/()\-]*"
_TYPED_BEFORE = {
    letter: re.compile(
        rf"\b(?P<first>{words})\b{_GAP}(?:\b(?!(?P=first)\b)(?:{words})\b{_GAP})?$",
        re.IGNORECASE,
    )
    for letter, words in _LABELS.items()
}
"""The words typed in front of a field code to label what it prints ("Page &P of &N", "Page
No. &P"): one or two different ones, so "John Page, page &P" keeps the surname."""


def header_footer_texts(element: etree._Element, owner: str) -> list[Text]:
    """The texts of one `<headerFooter>` of the sheet called `owner` ("sheet 'X'")."""
    texts: list[Text] = []
    for child in element:
        place = _PLACES.get(local(child.tag))
        if place is None or not child.text:
            continue
        where = f"{owner} {place}"
        for section in printed_sections(child.text):
            texts.extend(Text(line, Vector.METADATA, where) for line in _lines(section))
    return texts


def printed_sections(code: str) -> list[str]:
    """The literal text of each section of a header or footer string, codes removed."""
    sections = [""]
    position = 0
    for found in _CODE.finditer(code):
        sections[-1] += code[position : found.start()]
        if found.group("amp"):
            sections[-1] += "&"
        elif found.group("section"):
            sections.append("")
        elif found.group("field"):
            label = _TYPED_BEFORE.get(found.group("field")[0].upper())
            if label is not None:
                sections[-1] = label.sub("", sections[-1])
        position = found.end()
    sections[-1] += code[position:]
    return [section for section in sections if section.strip()]


def _lines(section: str) -> list[str]:
    return [" ".join(line.split()) for line in section.splitlines() if line.strip()]
