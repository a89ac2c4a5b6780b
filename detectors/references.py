"""References to published work.

Numbered references: "[24] Jane Smith, Tom Brown, and Ann Lee. A title. In Proceedings,
2008." The authors a reference list cites are named in public, however far down a long list
from its heading; a numbered list of people with their birth years is not one. A citation's
words ("Policing and Race, 2018") are its title's, not a category said of its authors; a
reference manager's record behind a citation names cited authors and editors."""

from __future__ import annotations

import re

_ENTRY_START = re.compile(r"^[ \t]*\[\d{1,3}\][ \t]", re.MULTILINE)
ENTRY_REACH = 300
"""Characters from a numbered reference's start within which its authors are named."""
_ENTRY_MARKS = re.compile(
    r"\((?:19|20)\d\d[a-z]?\)|[,.][ \t]*(?:19|20)\d\d[a-z]?\.|\b(?:journal|proceedings|"
    r"conference|university[ \t]+press|publishers?|arxiv|vol\.|pp\.|doi)\b",
    re.IGNORECASE,
)
"""Marks of a published work in a reference's text: its year in brackets or closing a part
("…, 2008."), a journal, proceedings, publisher, volume, pages or DOI. A bare year ("DOB
1985") is none."""


def numbered_reference(text: str, start: int) -> bool:
    """True when the name lies in the author list of a numbered reference ("[24] Jane Smith,
    Tom Brown, and …"): an entry opening within ENTRY_REACH characters before it, with no
    blank line or later entry between, whose text bears the marks of a published work."""
    low = max(0, start - ENTRY_REACH)
    entries = list(_ENTRY_START.finditer(text, low, start))
    if not entries or "\n\n" in text[entries[-1].end() : start]:
        return False
    following = _ENTRY_START.search(text, start)
    stop = following.start() if following else min(len(text), start + ENTRY_REACH * 2)
    return _ENTRY_MARKS.search(text, entries[-1].end(), stop) is not None


REFERENCE_DATA = re.compile(
    r"\"(?:family|given|literal|container-title|citationItems|itemData|author|editor)\"\s*:|"
    r"<(?:Author|Cite|EndNote|contributors|authors|secondary-authors)>|"
    r"\bADDIN\s+(?:ZOTERO_\w+|CSL_CITATION|EN\.CITE|EN\.REFLIST|Mendeley\w*|PAPERS2\w*)"
)
"""A reference manager's record of a citation, kept in a Word field code behind the citation a
reader sees: CSL JSON ("family": "Smith") or EndNote's XML (<Author>). The people in it are
the cited work's authors and editors."""
_CITATION_STRONG = (
    re.compile(r"^\s*\[\d{1,3}\]\s"),  # "[3] A. Writer, …": a numbered reference
    re.compile(r"\b(?:vol|pp?)\.\s*\d|\bdoi\b|\bisbn\b|\bet al\.", re.IGNORECASE),
    re.compile(r"\b(?:available|accessed|retrieved)(?: at| from| on)?\s*:|\[online\]", re.I),
)
_CITATION_WEAK = (
    re.compile(r"\((?:19|20)\d\d[a-z]?\)|[,.]\s*(?:19|20)\d\d\.?\s*$"),
    re.compile(r"\b(?:journal|proceedings|university press|publishers?)\b", re.IGNORECASE),
)
"""Marks of a bibliography entry: a number in brackets, volume or pages, a DOI, "Available:"
(strong); a year in brackets or closing it, a journal or publisher (weak)."""
CITATION_MARKS = 2


def is_citation(text: str) -> bool:
    """True when `text` reads as a reference to published work (a strong mark and one more):
    the special categories in it are its title's words, not anything said about its authors."""
    if REFERENCE_DATA.search(text):
        return True  # a reference manager's record: a cited work's title, authors, journal
    strong = sum(1 for mark in _CITATION_STRONG if mark.search(text))
    weak = sum(1 for mark in _CITATION_WEAK if mark.search(text))
    return strong >= 1 and strong + weak >= CITATION_MARKS
