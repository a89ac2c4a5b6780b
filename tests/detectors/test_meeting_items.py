"""Minutes kept the way many boards and community councils keep them: the chair calls the
meeting to order, and it is adjourned at a time. Those two are a meeting's standing items as
much as apologies and the minutes of the last meeting; one alone, or both without a meeting's
title, are not."""

from __future__ import annotations

import pytest

from detectors.meetings import is_meeting_document
from detectors.scan import scan
from tests.detectors._tables import fake_names

_PEOPLE = fake_names(8, seed=64)


def _minutes(opened: bool, closed: bool, title: bool = True) -> str:
    n = _PEOPLE
    head = "Minutes of the Ashford Springs Community Council Meeting March 12, 2024, 7:00 PM\n"
    opening = (
        f"The meeting was called to order at 7:10 by the Council President, {n[0]}.\n"
        if opened
        else f"The Council President, {n[0]}, welcomed about 20 members.\n"
    )
    return (
        (head if title else "Ashford Springs news, March 2024\n")
        + "Boardroom, Ashford Community College\n"
        + opening
        + "Announcements\n"
        f"Neighborhood Traffic Plan - {n[0]} asked for suggestions for the traffic plan.\n"
        f"{n[1]} stated that the traffic changes on Nesbit Avenue seem to be working.\n"
        f"Meridian petition - {n[2]} said little has been done on the petition. He and {n[3]} "
        "will organize volunteers.\n"
        f"Park petition - {n[4]}\nAfter heated discussion, a petition about the park went round.\n"
        f"Traffic on Midvale Avenue - {n[5]}, a resident of Midvale, explained the changes.\n"
        f"Metro plan: {n[6]} and {n[7]}, both of Metro, made presentations to the council.\n"
        + ("The meeting was adjourned at 9:05 PM.\n" if closed else "")
        + f"-- Minutes respectfully submitted by {n[2]}, Secretary\n"
    )


@pytest.mark.parametrize(
    ("opened", "closed", "title", "meeting"),
    [
        (True, True, True, True),
        (True, False, True, False),
        (False, True, True, False),
        (True, True, False, False),
    ],
    ids=["called to order and adjourned", "called to order only", "adjourned only", "no title"],
)
def test_a_meeting_called_to_order_and_adjourned_names_its_speakers_in_public(
    opened: bool, closed: bool, title: bool, meeting: bool
) -> None:
    text = _minutes(opened, closed, title)
    assert is_meeting_document(text) is meeting
    verdict = scan(text.encode(), "minutes.txt")
    names = [f for f in verdict.findings if f.entity == "PERSON"]
    assert names
    assert all(f.public_role for f in names) is meeting


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("1. Call to order", True),
        ("The Chairman called the meeting to order at 7pm.", True),
        ("Meeting closed at 9.15pm", True),
        ("8. Adjournment", True),
        ("The court was called to order.", False),
        ("The hearing was adjourned until May.", False),
    ],
)
def test_the_call_to_order_and_the_close(line: str, item: bool) -> None:
    text = "Minutes of the Parish Council meeting\nApologies: none\n" + line + "\n"
    assert is_meeting_document(text) is item
