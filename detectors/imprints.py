"""Imprints: the line that election material, a manifesto or a published report must carry to
say who promoted, published or printed it ("Promoted by Jane Smith on behalf of Tom Brown,
both of 12 High Street, Ashford TN1 2AB"). The names, address, phone and e-mail in an imprint
are published on purpose, as the law asks; they are a public capacity, not a private life."""

from __future__ import annotations

import re
from functools import lru_cache

_IMPRINT = re.compile(
    r"\b(?:promoted|published|printed|prepared)"
    r"(?:[ \t]+(?:and|&)[ \t]+(?:promoted|published|printed))?"
    r"(?:\s+on\s+behalf\s+of\s+[^\n]{1,60}?)?"
    r"\s+(?:by|for)\b[ \t]*:?"
    r"(?:[ \t]*(?:his|her|their|the)(?:[ \t]+election)?[ \t]+agent\b,?)?",
    re.IGNORECASE,
)
"""The opening of an imprint: "Promoted by", "Published and promoted by", "Printed by:",
"prepared on behalf of Jane Smith by", "promoted by the election agent", "prepared on
behalf of Jane Smith by her agent"."""
IMPRINT_LENGTH = 240
"""Characters after the opening that an imprint may run to (two or three lines at most)."""
_IMPRINT_END = re.compile(
    r"\n[ \t]*\n|(?<!\b[A-Z])\.[ \t]*(?=\n|$)|(?<!\b[A-Z])\.[ \t]+(?=[A-Z][a-z]+[ \t]+[a-z])"
)
"""An imprint ends at a blank line, or at a full stop that ends its line or is followed by a
new sentence ("… AB1 2CD. We will …"); a full stop inside an address ("St. Mary's") is not
an end, nor the full stop of an initial ("promoted by M. Dixon on behalf of …")."""
_CASE_PARTY = re.compile(
    r"\b(?:victims?|suspects?|witness(?:es)?|offenders?|complainants?|defendants?|"
    r"accused|arrested|charged)\b",
    re.IGNORECASE,
)
"""Words that make a sentence about a case, never an imprint ("the statement was prepared by
the victim …")."""
_SUBJECT = re.compile(r"[A-Z0-9]")
"""What follows "by": a name or a body, never a lower-case word ("printed by hand")."""


@lru_cache(maxsize=8)
def imprint_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text carries an imprint: from its opening words to its end, with the names,
    address, phone and e-mail it gives."""
    spans: list[tuple[int, int]] = []
    for found in _IMPRINT.finditer(text):
        rest = text[found.end() : found.end() + IMPRINT_LENGTH]
        subject = rest.lstrip(" \t\n")
        if not subject or _SUBJECT.match(subject) is None:
            continue
        stop = _IMPRINT_END.search(rest)
        end = found.end() + (stop.start() + 1 if stop else len(rest))
        if _CASE_PARTY.search(text, found.start(), end):
            continue
        spans.append((found.start(), end))
    return tuple(spans)
