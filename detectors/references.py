"""Numbered references: "[24] Jane Smith, Tom Brown, and Ann Lee. A title. In Proceedings,
2008." The authors a reference list cites are named in public, however far down a long list
from its heading; a numbered list of people with their birth years is not one."""

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
