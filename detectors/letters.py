"""Letters to a named person: the salutation says who "you" is, and what the letter says of
"you" (an allegation, a diagnosis, a conviction, a dismissal for misconduct) is said of that
person."""

from __future__ import annotations

import re

from detectors.special import categories_in

_SALUTATION = re.compile(
    r"^[ \t]*dear[ \t]+(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?(?-i:([A-Z][\w'’-]+))",
    re.IGNORECASE | re.MULTILINE,
)
_ABOUT_YOU = re.compile(
    r"\b(?:by|against|about|of)\s+you\b|\byour\s+(?:own\s+)?(?:conduct|behaviou?r|actions?|"
    r"health|condition|diagnosis|illness|injur\w+|disabilit\w+|child|children|son|daughter|"
    r"partner|arrest|conviction|offen[cs]es?|caution|sentence)\b|"
    r"\byou\s+(?:were|have\s+been|are|had\s+been)\s+(?:arrested|charged|convicted|cautioned|"
    r"diagnosed|suspended|dismissed|assaulted|abused|harassed)\b",
    re.IGNORECASE,
)
"""A sentence of a letter that says something of the person it is addressed to."""
_REQUEST = re.compile(
    r"\b(?:request(?:ed|s)?|information|statistics|figures|data|foi|freedom\s+of)\b",
    re.IGNORECASE,
)
"""Words of a reply to a request for information: its topic is what was asked, not the
requester's life ("your request about domestic abuse figures")."""


def salutation(text: str) -> tuple[str, int] | None:
    """The name word a letter greets ("Dear Todd:", "Dear Mr Smith"), casefolded, and where
    the greeting ends: the person it names above the greeting is the letter's addressee."""
    found = _SALUTATION.search(text)
    return None if found is None else (found.group(1).casefold(), found.end())


def said_to_you(text: str) -> frozenset[str]:
    """The special categories a letter says of its addressee: in its sentences about "you"
    that are not about a request for information."""
    found: set[str] = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n[ \t]*\n", text):
        if _ABOUT_YOU.search(sentence) and not _REQUEST.search(sentence):
            found |= categories_in(sentence, prose=True)
    return frozenset(found)


_DISCIPLINE = re.compile(
    r"\b(?:dismiss(?:ing)?|suspend(?:ing)?|demot(?:e|ing)|discipline)\s+you\b|"
    r"\byou\s+(?:were|have\s+been|are|will\s+be|had\s+been|are\s+being)\s+"
    r"(?:dismissed|suspended|demoted|disciplined|terminated)\b|"
    r"\byour\s+(?:dismissal|suspension|demotion|misconduct|disciplinary|termination|"
    r"(?:salary|pay)\s+(?:decrease|reduction))\b|"
    r"\b(?:misconduct|disciplinary\s+(?:action|proceedings|charges?))\s+(?:by|against)\s+you\b|"
    r"\bterminat(?:e|ing|ion\s+of)\s+your\s+employment\b",
    re.IGNORECASE,
)
"""Disciplinary action an employer takes against the person a letter is addressed to:
"dismiss you", "you have been suspended", "your dismissal", "misconduct by you"."""


def disciplined(text: str) -> bool:
    """The letter tells its addressee of disciplinary action against them ("notice of intent
    to dismiss you for misconduct"): it names them as the subject of a case. A hearing's
    published outcome, or a reply saying how many officers were dismissed, is no letter
    about "you"."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n[ \t]*\n", text):
        if _DISCIPLINE.search(sentence) and not _REQUEST.search(sentence):
            return True
    return False
