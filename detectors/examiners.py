"""Examiners' statements: the independent examiner's or auditor's report on a charity's or a
small body's accounts, which the law asks to give the examiner's name and address ("Name:
Alan Smith / Address: 16 Queens Road, Eyemouth TD14 5DS"). Village halls, parish trusts and
community councils publish them with their accounts; the examiner is named in that office,
not in a private life."""

from __future__ import annotations

import re
from functools import lru_cache

from detectors.vocab import CASE_PARTY

_HEADING = re.compile(
    r"^[ \t]*(?:independent[ \t]+examiner['’]?s?|auditor['’]?s?|internal[ \t]+auditor['’]?s?)"
    r"[ \t]+(?:report|statement|certificate)\b",
    re.IGNORECASE | re.MULTILINE,
)
"""The heading of an examiner's or auditor's statement, at the head of its line."""
STATEMENT_LENGTH = 1500
"""Characters after the heading an examiner's statement runs to, with its signature block."""
_CASE = re.compile(rf"{CASE_PARTY.pattern}|\b(?:arrested|fraud)\b", re.IGNORECASE)
"""Words that make a statement about a case (an auditor reporting a fraud names the people
in it): no span then."""


@lru_cache(maxsize=8)
def examiner_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text gives an examiner's or auditor's statement: from its heading to the end
    of its signature block."""
    spans: list[tuple[int, int]] = []
    for found in _HEADING.finditer(text):
        end = min(len(text), found.end() + STATEMENT_LENGTH)
        if _CASE.search(text, found.start(), end) is None:
            spans.append((found.start(), end))
    return tuple(spans)
