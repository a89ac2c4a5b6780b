"""Worksheet data validation: the literal values of dropdown lists and the messages it shows.

A `<dataValidation type="list">` whose `formula1` is a quoted string (`"PC Jones,PC Smith"`)
stores its dropdown values in the sheet part itself, where no cell shows them; lists of officers
or case handlers are kept this way. When `formula1` is a reference or a defined name there is
nothing literal to read: the range it points at is read with its sheet, the name with the
workbook. The same rule in the x14 extension form (`<x14:dataValidation>` inside `<extLst>`,
the formula in `<xm:f>`, the range in `<xm:sqref>`) is read alike. The input message
(`promptTitle`, `prompt`) shows only while the cell is selected and the error message
(`errorTitle`, `error`) only when a wrong value is typed: both are hidden text.

All of it is reported as `Vector.FORM_FIELD`: a validated cell is a form control, its list is
the set of values the form offers and its messages are the form's help text, just as a PDF form
field's options and tooltip are. (`defined_name` is for the workbook's named ranges and
`metadata` for text about the document, and neither says where a viewer would meet the text.)
"""

from __future__ import annotations

import re

from lxml import etree

from detectors.formats._xml import local
from detectors.model import Text, Vector

_MESSAGES = (
    ("promptTitle", "input message title"),
    ("prompt", "input message"),
    ("errorTitle", "error message title"),
    ("error", "error message"),
)
_LITERAL = re.compile(r'\s*"((?:[^"]|"")*)"\s*', re.DOTALL)
_RANGE = re.compile(r"\$?[A-Z]{1,3}\$?[0-9]{1,7}(?::\$?[A-Z]{1,3}\$?[0-9]{1,7})?")
_SHOWN_RANGES = 3


def validation_texts(element: etree._Element, owner: str) -> list[Text]:
    """The texts of one `<dataValidation>` (either form) of the sheet called `owner`."""
    children = {local(child.tag): child for child in reversed(element)}
    where = f"{owner} data validation on {_ranges(element, children.get('sqref'))}"
    texts: list[Text] = []
    for attribute, label in _MESSAGES:
        value = (element.get(attribute) or "").strip()
        if value:
            texts.append(Text(value, Vector.FORM_FIELD, f"{where} {label}"))
    if (element.get("type") or "") == "list":
        texts.extend(
            Text(value, Vector.FORM_FIELD, f"{where} list")
            for value in list_values(_formula(children.get("formula1")))
        )
    return texts


def list_values(formula: str) -> list[str]:
    """The values of a literal list formula such as `"PC Jones,PC Smith"` (a quote inside is
    doubled); [] for a reference or a defined name."""
    found = _LITERAL.fullmatch(formula)
    if found is None:
        return []
    values = found.group(1).replace('""', '"').split(",")
    return [" ".join(value.split()) for value in values if value.strip()]


def _formula(element: etree._Element | None) -> str:
    """A formula element's text: itself (`<formula1>`) or its `<xm:f>` child (x14 form)."""
    if element is None:
        return ""
    for child in element:
        if local(child.tag) == "f":
            return child.text or ""
    return element.text or ""


def _ranges(element: etree._Element, sqref: etree._Element | None) -> str:
    """The cells the rule covers as a location; only well-formed references are shown, since
    a hostile file could put any text in `sqref`."""
    text = element.get("sqref") or (sqref.text if sqref is not None else None) or ""
    refs = text.split()
    if not refs or not all(_RANGE.fullmatch(ref) for ref in refs):
        return "?"
    shown = " ".join(ref.replace("$", "") for ref in refs[:_SHOWN_RANGES])
    return shown + (f" and {len(refs) - _SHOWN_RANGES:,} more ranges" if len(refs) > 3 else "")
