"""A court's or tribunal's judgment, handed down for publication: its front page gives the
neutral citation the judiciary assigns to every judgment it publishes ("Neutral Citation
Number: [2024] EWHC 1680 (KB)", "Neutral Citation: [2024] UKFTT 001059 (TC)").

The parties, witnesses and counsel it names are named by the court, in public, and the
offences and circumstances it tells of are the judgment's own; the court has already
anonymised those the law protects. A case number or a citation of another judgment inside a
letter or a report makes no judgment of it: only the citation's own label does.
"""

from __future__ import annotations

import re

_NEUTRAL_CITATION = re.compile(
    r"\bNeutral[ \t]+Citation(?:[ \t]+(?:Number|No\.?))?[ \t]*:?[ \t]*\n?[ \t]*"
    r"\[(?:19|20)\d\d\][ \t]+[A-Z]{2,6}\b",
    re.IGNORECASE,
)
JUDGMENT_HEAD = 2_000
"""Characters at the start of a text searched for the citation: it heads the judgment."""


def is_judgment(text: str) -> bool:
    """True for the head of a published judgment: the neutral citation's label and number."""
    return _NEUTRAL_CITATION.search(text[:JUDGMENT_HEAD]) is not None
