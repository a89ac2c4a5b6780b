"""A legislature's official report of its debates: Hansard, the Scottish Parliament's Official
Report, the Senedd's Record of Proceedings, the Oireachtas's Official Report, the
Congressional Record. Its front page gives the record's own title and the house it reports.

A sitting of a legislature is a meeting held in public, and its report is the verbatim record
published by the house itself: the members speaking, the ministers answering and the people
they name are named in that house, in public. Like a council's minutes, a member of the
public given with a home address or a victim named in the same record still counts
(`detectors.meetings.said_in_meeting`). A letter or report that cites Hansard is no record of
a debate: the title has to head a line, and the house has to be named, near the start.
"""

from __future__ import annotations

import re

_RECORD = re.compile(
    r"^[ \t]*\(?[ \t]*(?:official[ \t]+report|hansard|parliamentary[ \t]+debates|"
    r"record[ \t]+of[ \t]+proceedings|congressional[ \t]+record|tuairisc[ \t]+oifigi)",
    re.IGNORECASE | re.MULTILINE,
)
"""The record's title at the start of a line: "PARLIAMENTARY DEBATES", "(OFFICIAL REPORT—
Unrevised)", "Official Report", "Record of Proceedings"."""
_HOUSE = re.compile(
    r"\b(?:house[ \t]+of[ \t]+(?:commons|lords|representatives|keys)|seanad|d[áa]il|senedd|"
    r"scottish[ \t]+parliament|welsh[ \t]+parliament|(?:northern[ \t]+ireland|national|"
    r"legislative)[ \t]+assembly|oireachtas|senate|congress|tynwald|states[ \t]+assembly)\b",
    re.IGNORECASE,
)
"""The house whose sittings the record reports."""
DEBATE_HEAD = 2_000
"""Characters at the start of a text searched for the title and the house: they head the
record."""


def is_debate_record(text: str) -> bool:
    """True for the head of a legislature's official report: its title heading a line and
    the house it reports, both near the start."""
    head = text[:DEBATE_HEAD]
    return _RECORD.search(head) is not None and _HOUSE.search(head) is not None
