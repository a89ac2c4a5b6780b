"""Complaint and conduct records about a named officer: the officer a complaint, allegation or
conduct investigation is about is a party to a case, as a victim or a suspect is.

"Officer subject to complaint: PC 1234 Ryan Atkinson", "the allegation against DC Jane Smith",
"Subject officer(s): …": a professional standards record or a complaint form names the officer
it is about, and that record is never meant for the public. A misconduct hearing's notice or
outcome is: forces publish those by law, so a text that speaks of a hearing names no party.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORKER = r"(?:officers?|employees?|members?\s+of\s+staff|staff\s+members?)"
_MATTER = r"(?:complaints?|allegations?|investigations?|conduct\s+matters?|recordable\s+conduct)"
_SUBJECT = re.compile(
    rf"\b{_WORKER}\s+(?:\(s\)\s+)?(?:subject\s+(?:to|of)\s+(?:the\s+|this\s+|a\s+|an\s+)?"
    rf"{_MATTER}|complained\s+(?:about|of|against)|under\s+investigation)\b"
    rf"|\b(?:subject|accused)\s+{_WORKER}\b"
    r"|\b(?:complaints?|allegations?)\s+(?:made\s+)?against\s+(?=(?:PC|DC|PS|DS|DI|DCI|Sgt|"
    r"Insp|PCSO|Inspector|Constable|Sergeant|Detective|Officer)\b)",
    re.IGNORECASE,
)
"""Words that name whom a complaint or conduct matter is about."""
SUBJECT_NEAR = 80
"""Characters after those words within which the name they introduce must start."""
_HEARING = re.compile(
    r"\b(?:misconduct|special\s+case|disciplinary|public)\s+hearings?\b|\bhearing\s+outcomes?\b",
    re.IGNORECASE,
)
"""A hearing's notice or outcome: published on purpose, its officer's name with it."""
_SENTENCE_END = re.compile(r"[.!?]\s")
"""Between the words and the name: a reply's "officer subject to the complaint received advice.
Jane Smith, Information Manager" signs it, and names no one complained of."""


def complained_of(text: str, people: Sequence[tuple[int, int]]) -> bool:
    """Some person (start, end) in `text` is named as the officer a complaint, allegation or
    conduct investigation is about, outside a hearing's published notice or outcome."""
    if not people or _HEARING.search(text):
        return False
    for cue in _SUBJECT.finditer(text):
        for start, _ in people:
            if cue.end() <= start <= cue.end() + SUBJECT_NEAR and not _SENTENCE_END.search(
                text, cue.end(), start
            ):
                return True
    return False
