"""Names taken from a document (sheets, headers, fields, files) made safe to show in a location."""

from __future__ import annotations

import re

from detectors.mask import mask
from detectors.names import name_evidence, parse_name

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-])*", re.UNICODE)
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")
_QUOTED = re.compile(r"'((?:[^'\\\n]|\\.){1,200})'" r'|"((?:[^"\\\n]|\\.){1,200})"')
"""A quoted label, as repr() writes it: in double quotes when it holds an apostrophe."""
_BYTES = re.compile(r"""\bb(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")
_LONG_NUMBER = re.compile(r"\d{5,}")
_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_EMAIL = re.compile(r"[^\s'\"<>@]+@[^\s'\"<>@]+\.[A-Za-z]{2,}")
_PIECE = re.compile(r"[\s_,;()\[\]-]+")
_PIECE_ENTITIES = ("UK_NINO", "UK_NHS")
"""Identifiers that name one person even as a part of a longer label ("Reply AB123456C")."""
_VALUE_ENTITIES = (
    "UK_NINO",
    "UK_POSTCODE",
    "PHONE_NUMBER",
    "UK_VEHICLE_REGISTRATION",
    "STREET_ADDRESS",
    "UK_NHS",
    "UK_PASSPORT",
    "UK_DRIVING_LICENCE",
)


def shown_name(text: str, numbers: bool = True) -> str:
    """`text` as it may appear in a location: itself, or masked when it could be personal.

    A sheet, a column header, a pivot field or an attached file may be named after the person
    it is about ("Statement - Jane Doe.pdf", a headerless table whose first row is a name).
    `numbers` False: a long number or a date alone does not count (a file name in a URL,
    "82525-reply.xlsx", carries its FOI reference and date).
    """
    extension = _EXTENSION.search(text)
    stem = text[: extension.start()] if extension else text
    if not could_be_personal(stem, numbers):
        return text
    return mask(stem, "PERSON") + (extension.group(0) if extension else "")


def shown_path(path: str) -> str:
    """A part or member path with its file name made safe: 'word/embeddings/J*** D**.xlsx'."""
    folder, slash, filename = path.rpartition("/")
    return f"{folder}{slash}{shown_name(filename)}"


def could_be_personal(text: str, numbers: bool = True) -> bool:
    """True when a short label holds a name, an e-mail address, an identifier such as an NI
    number, or (with `numbers`) a long number or a date."""
    if "@" in text:
        return True
    if numbers and (_LONG_NUMBER.search(text) or _DATE.search(text)):
        return True
    from detectors.recognizers.values import match_value  # loads presidio: only when scanning

    compact = " ".join(text.split())
    if any(match_value(entity, compact) for entity in _VALUE_ENTITIES):
        return True
    pieces = _PIECE.split(compact)
    if any(match_value(e, p) for p in pieces if len(p) >= 9 for e in _PIECE_ENTITIES):
        return True
    tokens = _TOKEN.findall(compact)
    if not tokens:
        return False
    if len(tokens) == 1 and _evidence(tokens) >= 0.5:
        return True
    # A name inside a longer label ("Statement - Jane Doe"); an uncapitalised run must have
    # both parts known, or "cases by ward" would be a name.
    for size in (2, 3):
        for start in range(len(tokens) - size + 1):
            run = tokens[start : start + size]
            needed = 0.5 if all(t[0].isupper() for t in run) else 1.0
            if _evidence(run) >= needed:
                return True
    return False


def redact_place(text: str) -> str:
    """A location or detail with every quoted name and e-mail address in it made safe."""
    text = _QUOTED.sub(_shown_quoted, text)
    return _EMAIL.sub(lambda m: mask(m.group(0), "EMAIL_ADDRESS"), text)


def _shown_quoted(match: re.Match[str]) -> str:
    single = match.group(1) is not None
    inner = match.group(1) if single else match.group(2)
    quote = "'" if single else '"'
    return f"{quote}{shown_name(inner)}{quote}"


def redact_reason(text: str) -> str:
    """A library's error message without the document content it may quote."""
    return redact_place(_BYTES.sub("b'…'", text))


def _evidence(tokens: list[str]) -> float:
    # The gazetteer reads names as tables write them; a label may be in any case.
    words = [t if t[:1].isupper() else t[:1].upper() + t[1:] for t in tokens]
    return name_evidence(parse_name(" ".join(words)))
