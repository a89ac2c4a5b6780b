"""Whether prose lists people as offenders: the wording of an offender list ("sex
offenders", "MAPPA", an offender register) said of someone it names, outside a question."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from detectors.tables import OFFENDER_LIST


class Span(Protocol):
    """Where a name stands in the text."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_QUESTION_END = re.compile(r"[.?!]")
QUESTION_REACH = 300
"""Characters after offender-list wording searched for the end of its sentence."""


def lists_offenders(text: str, people: Sequence[Span]) -> bool:
    """Offender-list wording ("sex offenders", "MAPPA") outside a question, with someone
    named after it or just before it ("Registered sex offenders: Jane Smith …", "Jane
    Smith, a registered sex offender"): a form's "Has anyone in the household been subject
    to a sex offender order?" names no offender, nor does "Jane Smith talked about sex
    offender notification" in a meeting's minutes."""
    for match in OFFENDER_LIST.finditer(text):
        end = _QUESTION_END.search(text, match.end(), match.end() + QUESTION_REACH)
        if end is not None and end.group() == "?":
            continue
        if any(
            0 <= p.start - match.end() <= OFFENDER_AFTER
            or (0 <= match.start() - p.end and _APPOSED.fullmatch(text[p.end : match.start()]))
            for p in people
        ):
            return True
    return False


OFFENDER_AFTER = 3_000
"""Characters after offender-list wording within which the names it heads stand."""
_APPOSED = re.compile(
    r"[\s,(:–—-]*(?:(?:who|is|was|a|an|the|known|convicted|registered|as)[\s,]+){0,4}",
    re.IGNORECASE,
)
"""The words between a name and offender wording that call the person one ("Jane Smith, a
registered sex offender", "John Brown (sex offender)"); "talked about" does not."""
