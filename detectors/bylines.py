"""Bylines and credits: the labels that name a text's authors, its credits or its speakers
("By", "Author:", "Producer:", "Posted on 3 May by"), and what no byline gives after a name (a
home address, a postcode, a phone), which makes the name a resident's."""

from __future__ import annotations

import re

_NAMES_SO_FAR = r"(?:(?:(?-i:[A-Z])[\w'’.-]*[ \t]*){1,4}(?:,|\band\b|&)[ \t]*){0,8}"
"""Earlier names of the same credit or byline ("By Jane Smith and ")."""
BYLINE = re.compile(
    r"^\s*(?:(?:(?-i:By|BY)|written\s+by|posted\s+by|blog\s+by|words\s+by|reported\s+by|"
    r"report\s+by|produced\s+by|presented\s+by|directed\s+by|narrated\s+by|edited\s+by|"
    r"photo(?:graph)?s?\s+by|pictures?\s+by|images?\s+by|illustrat(?:ed|ions?)\s+by|"
    r"chaired\s+by|hosted\s+by|(?:report\s+)?prepared\s+by|compiled\s+by|"
    r"authors?|author\(s\)|report\s+authors?|lead\s+author)\s*[:\-–]?"
    r"|(?:producers?|directors?|presenters?|editors?|series\s+editor|executive\s+producers?|"
    r"narrator|researchers?|camera|interviewer|speakers?|panellists?|chair|host|"
    r"contact\s+officer|lead\s+officer)\s*[:\-–])"
    rf"\s*{_NAMES_SO_FAR}$",
    re.IGNORECASE,
)
"""A byline or credit line opening the line: "By", "Author:", "Producer:"; a label word
that is also an ordinary one ("Camera footage shows…") counts only with its colon."""
HOME_AFTER = re.compile(
    r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b|\d[\d \t()-]{8,}\d|"
    r"\b\d{1,4}[A-Za-z]?[ \t]+(?:[A-Z][a-z]+[ \t]+){1,2}(?i:road|street|avenue|lane|close|drive|"
    r"way|court|crescent|place|gardens|terrace|grove|rise|walk|row|square)\b"
)
"""After a name on its line, a postcode, a phone number or a house on a street: a resident's
details, which no byline or credit gives."""
LABEL_COLON = re.compile(
    r"\b(?:(?:report\s+|lead\s+)?authors?|author\(s\)|written\s+by|prepared\s+by|"
    r"compiled\s+by|contact\s+officer|lead\s+officer|(?:executive\s+)?producers?|directors?|"
    r"presenters?|editors?|narrator|speakers?|panellists?|foreword\s+by|approved(?:\s+by)?|"
    r"signed(?:\s+off)?(?:\s+by)?|authori[sz]ed\s+by|issued\s+by)\s*:\s*"
    r"(?:(?:dr|prof|mr|mrs|ms|miss|mx)\.?\s+)?$",
    re.IGNORECASE,
)
"""A label with a colon anywhere on the line names an author, a credit or a speaker."""
POSTED_BY = re.compile(
    r"\b(?:posted|published)(?:\s+(?:on|at|in)\s+[^\n.]{1,30}?)?\s+by\s*$", re.IGNORECASE
)
"""A blog's byline inside its line: "Posted on 3 May 2024 by"."""
CREDIT = re.compile(
    r"[(\[]\s*(?:photo(?:graph)?s?|pictures?|images?|illustrations?|drawings?)\s*"
    rf"(?:by|courtesy\s+of|©|:)\s*{_NAMES_SO_FAR}$",
    re.IGNORECASE,
)
"""A picture's credit in brackets after its caption: "(Photo by Jane Smith)", "[Image:"."""
