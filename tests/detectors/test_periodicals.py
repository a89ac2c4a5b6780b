"""A newsletter, bulletin or parish magazine names residents, volunteers and advertisers with
the numbers they give to be reached: published on purpose. A victim named in one, a grave
category said of someone, a date of birth, or the same words on a page that is no periodical,
still count."""

from __future__ import annotations

import pytest

from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Severity, Table, Text, Vector
from detectors.periodicals import Masthead, is_periodical
from tests.detectors._tables import fake_names

_NAMES = fake_names(40, seed=71)
_NOTICES = "\n\n".join(
    f"{name} thanks everyone who came to the village show. Tickets for the quiz from "
    f"{name.split()[0]} on 0781{n % 10} 5{n:02d}{n:03d}."
    for n, name in enumerate(_NAMES[:30])
)
_MASTHEADS = {
    "issue with its price": "Hamble & District\nNovember 2006 Issue 239 Donation 50p\n",
    "bulletin": "St Anne's Bulletin for the 32nd Sunday of the Year\n",
    "newsletter": "Newsletter from\nLITTLE HAMBLE PARISH COUNCIL\n",
    "price before the issue number": "Hamble & District\nDonation £1\nFebruary 2025 Issue 439\n",
    "a small body's dated paper": "THE HAMBLE LETTER\nPUBLISHED BY HAMBLE COMMUNITY COUNCIL "
    "APRIL 2024\n",
    "a residents' association's": "Published by the Eastfield Residents' Association, Spring "
    "2023\n",
}


def _severity(pages: list[str], tables: tuple[Table, ...] = ()) -> Severity:
    detector = Detector()
    for number, page in enumerate(pages, 1):
        detector.feed(Text(page, Vector.PAGE_TEXT, f"page {number}"))
    for table in tables:
        detector.feed(table)
    return assess(detector.finish(), ()).severity


@pytest.mark.parametrize("head", list(_MASTHEADS.values()), ids=list(_MASTHEADS))
def test_a_newsletter_names_its_people_and_their_numbers_in_public(head: str) -> None:
    assert _severity([head + _NOTICES]) is Severity.LOW


def test_the_same_notices_with_no_masthead_still_alert() -> None:
    assert _severity([_NOTICES]).rank >= Severity.MEDIUM.rank


def test_a_masthead_on_a_later_page_or_a_policy_issue_number_makes_no_newsletter() -> None:
    assert _severity(["Annual report\n" + _NOTICES, _MASTHEADS["bulletin"]]).rank >= (
        Severity.MEDIUM.rank
    )
    assert not is_periodical("Stop and search policy\nIssue 3, March 2021\nOwner: Chief Inspector")
    assert not is_periodical("Annual report 2021, issue 2: staff costs rose to £1m")
    assert not is_periodical("The price of the policy, issue 4 of the handbook, is set out.")
    assert not is_periodical("Please feel free to write to us about issue 4 of the plan.")
    assert not is_periodical("Annual report\nPublished by Norfolk Constabulary April 2024")
    assert not is_periodical("Published by Hamble Community Council\nMinutes of the meeting")


def test_a_cover_s_issue_line_read_after_its_columns_is_still_its_masthead() -> None:
    page = _NOTICES[:600] + "\nHamble & District\nDonation £1\nFebruary 2025 Issue 439\n"
    assert is_periodical(page)
    assert _severity([page + _NOTICES[600:]]) is Severity.LOW


def test_an_issue_number_and_a_newsletter_s_title_anywhere_on_its_cover_make_a_masthead() -> None:
    page = (
        _NOTICES[:600]
        + "\nNewsletter of the Hamble Tenants and Residents Association\n"
        + _NOTICES[600:1200]
        + "\nSpring 2023 Issue 8 Page 1\n"
    )
    assert is_periodical(page)
    assert _severity([page + _NOTICES[1200:]]) is Severity.LOW
    letter = "Dear resident,\n" + "We write about the plan for the village hall. " * 8
    assert not is_periodical(letter + "Issue 8 of the plan in 2023 was in the newsletter.")


@pytest.mark.parametrize(
    "extra",
    [
        "The victim, {name}, was assaulted outside the shop on Friday.",
        "{name} of Mill Lane was a victim of domestic abuse, the court heard.",
        "{name} (date of birth 03/04/1988) is wanted on warrant.",
    ],
    ids=["a named victim", "domestic abuse said of a named person", "a date of birth"],
)
def test_a_newsletter_still_alerts_on_a_victim_a_grave_category_or_an_identifier(
    extra: str,
) -> None:
    text = _MASTHEADS["newsletter"] + _NOTICES + "\n\n" + extra.format(name=_NAMES[35])
    assert _severity([text]).rank >= Severity.MEDIUM.rank


def test_a_bulletin_title_over_a_first_page_table_is_its_masthead() -> None:
    masthead = Masthead()
    masthead.read("page 1, table 1", "St Anne's Bulletin for Trinity Sunday")
    assert masthead
    later = Masthead()
    later.read("page 2", "St Anne's Bulletin")
    assert not later


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("PUBLISHED BY HAMBLE COMMUNITY COUNCIL APRIL 2024",)], Severity.LOW),
        ([("CUTS IN PUBLIC SERVICES",)], Severity.MEDIUM),
    ],
    ids=["dated under the title", "a headline under the title"],
)
def test_a_title_framed_as_a_table_is_dated_by_the_row_under_it(
    rows: list[tuple[str, ...]], expected: Severity
) -> None:
    # A word processor's cover: the title and its dating line in a ruled box of their own.
    cover = Table("page 1, table 1", Vector.PAGE_TEXT, ("THE HAMBLE LETTER",), rows)
    severity = _severity([_NOTICES], (cover,))
    assert severity is expected
