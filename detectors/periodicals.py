"""Periodicals: a newsletter, bulletin or parish magazine names its residents, volunteers,
club secretaries and advertisers, with the numbers they give to be reached, on purpose. So does
a village hall's own paper for its hirers: its bookings list gives each class's instructor and
number, its conditions of hire the key holder's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from detectors.model import Table
    from detectors.prose_scan import ProseResult

PERIODICAL_HEAD = 250
"""Characters at the start of a text searched for a periodical's masthead."""
_MASTHEAD = re.compile(
    r"\b(?:newsletter|bulletin|parish\s+magazine|community\s+magazine|village\s+magazine|"
    r"news\s?sheet|gazette)\b",
    re.IGNORECASE,
)
"""A masthead: "St Thomas More Bulletin", "Newsletter from the Parish Council"."""
_ISSUE = re.compile(r"\bissue\s+(?:no\.?\s*)?\d{1,4}\b", re.IGNORECASE)
_PRICE = re.compile(
    r"\bdonation\b|£\d{1,2}(?:\.\d{2})?(?![\w.,])|\b\d{1,3}\s?(?:p|pence)\b|"
    r"\bfree\s+(?:copy|issue|magazine|newsletter)\b",
    re.IGNORECASE,
)
"""Or an issue number beside its cover price ("November 2006 Issue 239 Donation 50p",
"Donation £1 / February 2025 Issue 439"). A policy's "Issue 3" has no price."""
_YEAR = re.compile(r"\b(?:19|20)\d\d\b|\bpage[ \t]+\d{1,2}\b", re.IGNORECASE)
"""A cover line's year or page number beside its issue number ("Spring 2023 Issue 8",
"Issue 8 Page 1")."""
_TITLE_LINE = re.compile(
    r"^[ \t]*(?:[\w'’&.-]+[ \t]+){0,5}?(?:newsletter|bulletin|magazine|gazette)\b",
    re.IGNORECASE | re.MULTILINE,
)
"""A periodical's title opening a line: "Newsletter of the Residents Association", "Village
Newsletter"."""
_MONTHS = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|spring|summer|autumn|winter"
)
_PUBLISHED = re.compile(
    r"\bpublished[ \t]+by[ \t]+(?:the[ \t]+)?(?:[\w'’&.-]+[ \t]+){0,4}?"
    r"(?:community|parish|town|village|residents'?|tenants'?)[ \t]+"
    r"(?:council|association|group|trust|forum)\b[ \t,]*"
    rf"(?:{_MONTHS})[ \t]+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
"""A small body's paper dated by its issue: "The Govan Letter / Published by Govan Community
Council April 2024". A force's or a department's report is no such paper."""
_HALL = re.compile(
    r"\b(?:village|memorial|church|parish|community|jubilee|scout)[ \t]+(?:hall|centre|center)\b",
    re.IGNORECASE,
)
_HIRE = re.compile(
    r"\b(?:hir(?:e|ing|er|ers)|bookings?|regular[ \t]+users|conditions[ \t]+of[ \t]+use|"
    r"contact[ \t]+details)\b",
    re.IGNORECASE,
)
HALL_HEAD = 120
"""Characters at the start of a text searched for a hall's paper's title."""
PRICE_NEAR = 40
"""Characters either side of an issue number within which its cover price stands."""


def is_periodical(text: str) -> bool:
    """True for the first page of a newsletter, bulletin or community magazine: the names
    and contact numbers in its visible text are given in public (notices, adverts, club
    contacts), but for anyone called a victim, witness or offender, a grave category said of
    a named person, or an identifier such as a date of birth."""
    if _MASTHEAD.search(text, 0, PERIODICAL_HEAD) is not None:
        return True
    if _PUBLISHED.search(text, 0, PERIODICAL_HEAD) is not None:
        return True
    # The cover's issue line and its title may come after its columns in the page's reading
    # order: an issue number beside its cover price, or beside the word "Newsletter"
    # anywhere on the page ("Spring 2023 Issue 8 … Newsletter of the Residents Association").
    issues = list(_ISSUE.finditer(text))
    dated = any(
        _YEAR.search(text, max(0, issue.start() - PRICE_NEAR), issue.end() + PRICE_NEAR)
        for issue in issues
    )
    if dated and _TITLE_LINE.search(text) is not None:
        return True
    return any(
        _PRICE.search(text, max(0, issue.start() - PRICE_NEAR), issue.end() + PRICE_NEAR)
        for issue in issues
    )


def is_hall_paper(text: str) -> bool:
    """True for the first page of a village hall's paper for its hirers: its title names the
    hall and its hire or bookings ("Village Hall bookings and contact details", "HOLT VILLAGE
    HALL- Regulations for Hiring the Hall")."""
    title = text[:HALL_HEAD]
    return _HALL.search(title) is not None and _HIRE.search(title) is not None


_PAGE = re.compile(r"page (\d+)\b")


class Masthead:
    """Whether a document is a periodical, decided from the visible text of its first page
    (every text and table header a PDF's first page gives, in whatever order) or, for other
    formats, from the first visible text."""

    def __init__(self) -> None:
        self.periodical: bool | None = None

    def read(self, where: str, text: str) -> None:
        if self.periodical is not None:
            return
        page = _PAGE.match(where)
        if is_periodical(text) or is_hall_paper(text):
            self.periodical = page is None or page.group(1) == "1"
        elif page is None or page.group(1) != "1":
            self.periodical = False

    def read_table(self, table: Table) -> None:
        """A table's header (a bulletin's title over its columns) and the first row under it
        (the line dating its issue, when the cover is a ruled box read as a table)."""
        headings = " ".join(h for h in table.header if isinstance(h, str))
        rows = table.rows  # a sheet's rows may come one at a time: only a list is looked at
        first = rows[0] if isinstance(rows, list | tuple) and rows else ()
        under = " ".join(c for c in first if isinstance(c, str))
        self.read(table.where, f"{headings}\n{under}")

    def __bool__(self) -> bool:
        return bool(self.periodical)


def given_in_issue(masthead: Masthead, shown: bool, result: ProseResult) -> bool:
    """A newsletter's notices and adverts give their people's names and numbers on purpose:
    not someone called a victim, witness or offender, a grave category said of a named
    person, an identifier such as a date of birth beside them, nor anything hidden."""
    if not (masthead and shown) or result.role or result.offenders or result.grave:
        return False
    return not any(hit.sensitive for hit in result.hits)
