"""A person a document names as the one to ask: "Any enquiries about this section should be
directed to Jane Smith, the Programme Manager (j.smith@…, 07…)", "For further information
please contact Tom Brown or Ann Lee", "refer to Jane Smith (…) for further information".

A public body's call, policy, consultation or FOI reply names its staff this way, with their
work mailbox and phone, so that readers reach them: they are named in their post, for the
body, as a spokesperson is. The sentence must be about enquiries; a name in it beside the words
of a case or a private life (a victim, a patient, a pupil) stays a private person's.
"""

from __future__ import annotations

import re

from detectors.affiliations import PRIVATE_WORDS

_IN_SENTENCE = r"(?:[^.?!]|[.?!](?![\s\"'”’)]|$))"
"""A character of the same sentence: a full stop inside a mailbox or a web address is one."""
SENTENCE_REACH = 300
"""Characters read back from a name for the start of its sentence."""
_SENTENCE_START = re.compile(
    r"(?:(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bMx)(?<!\bDr)(?<!\bProf)(?<!\bSt)"
    r"[.?!]\s+(?=[A-Z0-9(\"'“‘]|$)|\n[ \t]*\n)"
)
"""Where a sentence opens: not after a courtesy title's full stop ("Mrs. Jane Smith")."""
_ASK_TO = re.compile(
    rf"\b(?:enquiries|enquiry|inquiries|inquiry|queries|query|questions)\b{_IN_SENTENCE}{{0,150}}?"
    r"\b(?:(?:directed|addressed|sent|referred|passed)\s+to|contact(?:ing)?)\s"
    rf"|\b(?:complaints?|concerns?|appeals?)\b{_IN_SENTENCE}{{0,150}}?"
    r"\b(?:(?:directed|addressed|sent|referred|passed|submitted|in\s+writing)\s+to|"
    r"(?:should|must|may|can)\s+be\s+made\s+to|contact(?:ing)?)\s"
    rf"|\b(?:for\s+)?(?:further|more)\s+(?:information|details)\b{_IN_SENTENCE}{{0,60}}?"
    r"\b(?:contact(?:ing)?|(?:refer|speak|talk|write|go)\s+to)\s",
    re.IGNORECASE,
)
"""Words before the name that send a reader's enquiries, or complaints, to it ("Complaints
should be made to Mrs Jane Smith", "put their complaint in writing to …")."""
_ASK_WHO = re.compile(r"\b(?:contact|(?:refer|speak|talk|write)\s+to)\s", re.IGNORECASE)
_FOR_MORE = re.compile(
    rf"{_IN_SENTENCE}{{0,200}}?\bfor\s+(?:any\s+)?(?:further|more)\s+(?:information|details)\b"
    rf"|{_IN_SENTENCE}{{0,200}}?\bwith\s+any\s+(?:enquiries|inquiries|queries|questions)\b",
    re.IGNORECASE,
)
"""Words after the name that say the reader should ask them: "… for further information"."""
_NEXT = re.compile(
    r"(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor)\.?\s+)?"
    rf"|{_IN_SENTENCE}{{0,120}}?\b(?:or|and)\s+(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor)\.?\s+)?",
    re.IGNORECASE,
)
"""What may stand between those words and the name: a courtesy title, or the name before it
with its contacts ("… to Jane Smith (j.smith@…) or Tom Brown"); never other words ("enquiries
were made to trace Jane Smith")."""


def enquiry_contact(text: str, start: int, end: int) -> bool:
    """True when the name at text[start:end] is the one a sentence sends enquiries to."""
    reach = text[max(0, start - SENTENCE_REACH) : start]
    opened = 0
    for opened_at in _SENTENCE_START.finditer(reach):
        opened = opened_at.end()
    before = reach[opened:]
    if PRIVATE_WORDS.search(before):
        return False  # "questions about the victim to her mother Jane Smith"
    if _asks(_ASK_TO, before):
        return True
    return _asks(_ASK_WHO, before) and _FOR_MORE.match(text, end) is not None


def _asks(words: re.Pattern[str], before: str) -> bool:
    """Whether the last of `words` in `before` leads straight to the name."""
    ends = [found.end() for found in words.finditer(before)]
    return bool(ends) and _NEXT.fullmatch(before, ends[-1]) is not None
