"""What lifts people named in prose above a published text is something said of them beyond
their names: a contact detail, a home address or an identifier beside them, a list's shape.
Names alone on a page, a number far from every name, an office's contact block and a hidden
copy of what the page shows say nothing more of anyone. Each look-alike stands beside the
real leak of the same shape."""

from __future__ import annotations

import pytest

from detectors.assess import assess
from detectors.detect import Detector, Evidence
from detectors.model import Text, Vector
from tests.detectors._tables import fake_names as _names


def _evidence(text: str) -> Evidence:
    """What detection concludes from `text` read as one page."""
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 1"))
    return detector.finish()


# --- names alone, and names with something said of them --------------------------------------


def _fed(pages: list[str]) -> str:
    detector = Detector()
    for number, text in enumerate(pages, start=1):
        detector.feed(Text(text, Vector.PAGE_TEXT, f"page {number}"))
    return assess(detector.finish(), ()).severity


def test_a_long_report_naming_a_person_here_and_there_is_not_a_list() -> None:
    names = _names(14, seed=35)
    pages = [f"Our plan for housing was shaped by {n}, who grew up in the town." for n in names]
    assert _fed(pages) == "low"


def test_names_alone_on_one_page_are_a_published_text() -> None:
    """An attendance note naming fourteen people says nothing of them but their names."""
    names = _names(14, seed=35)
    assert _fed(["\n".join(f"{n} attended the session on 3 May." for n in names)]) == "low"


@pytest.mark.parametrize("shape", ["with phones", "one a line"])
def test_names_with_details_or_a_list_printed_one_a_line_still_alert(shape: str) -> None:
    if shape == "with phones":
        names = _names(14, seed=35)
        pages = [f"{n} can be reached on 01233 6{i:05d}." for i, n in enumerate(names)]
    else:  # a roster printed as text, one name a line: read as the table it is
        names = _names(60, seed=36)
        pages = ["\n".join(f"{n.split()[-1].upper()}, {n.split()[0]}" for n in names)]
    assert _fed(pages) in ("medium", "high", "critical")


@pytest.mark.parametrize(
    ("foot", "severity"),
    [
        ("Questions about these minutes: contact the clerk on 07812 345678.", "low"),
        ("", "low"),
    ],
)
def test_a_contact_detail_far_from_every_name_says_nothing_of_those_named(
    foot: str, severity: str
) -> None:
    """Minutes naming twelve people and ending with the clerk's number: a contact detail far
    from every name says nothing of the people named."""
    names = _names(12, seed=37)
    body = " ".join(f"{n} spoke on item {i}." for i, n in enumerate(names, start=1))
    filler = " The committee then moved to the next business of the meeting." * 4
    assert _fed([body + filler + "\n\n" + foot]) == severity


def test_contact_details_beside_the_people_named_still_alert() -> None:
    names = _names(12, seed=37)
    body = "\n".join(f"{n} spoke on item {i} (07812 34{i:04d})." for i, n in enumerate(names))
    assert _fed([body]) in ("medium", "high")


# --- an office's contact block, a hidden copy of the page ------------------------------


@pytest.mark.parametrize(
    ("mailbox", "private"),
    [
        ("clerk@gomshallparishcouncil.gov.uk", False),  # the council's own: its office
        ("gomshall.clerk@gmail.com", True),
        ("", True),
    ],
)
def test_a_contact_block_ending_with_a_public_body_s_mailbox_is_its_office(
    mailbox: str, private: bool
) -> None:
    """A parish clerk often works from home, and the council publishes that address as its
    own; a resident's address and mobile beside their name stay private."""
    (name,) = _names(1, seed=61)
    text = (
        "Who we are and what we do.\n\n"
        f"Contact details: {name}, Rose Cottage, 30 Station Road, Gomshall, Surrey GU5 9LF; "
        f"07812 345678; {mailbox}\n\nSchedule of charges follows."
    )
    exposures = [e for e in _evidence(text).exposures if e.source == "prose"]
    assert any(e.private for e in exposures) is private


@pytest.mark.parametrize(
    ("hidden_names", "severity"),
    [
        (slice(0, 4), "low"),  # an earlier revision of the same page: no one new
        (slice(4, 8), "medium"),  # people the page never shows
    ],
)
def test_hidden_text_naming_only_people_already_shown_exposes_no_one_new(
    hidden_names: slice, severity: str
) -> None:
    names = _names(8, seed=62)
    detector = Detector()
    shown = " ".join(f"{n} opened the new library on Friday." for n in names[:4])
    earlier = " ".join(f"{n} opened the library." for n in names[hidden_names])
    detector.feed(Text(shown, Vector.PAGE_TEXT, "page 1"))
    detector.feed(Text(earlier, Vector.PRIOR_REVISION, "revision 1, page 1"))
    assert assess(detector.finish(), ()).severity == severity


@pytest.mark.parametrize(
    ("linked", "severity"),
    [
        (slice(0, 4), "low"),  # the links under the author block's own addresses
        (slice(4, 8), "medium"),  # mailboxes the page never shows
    ],
)
def test_link_annotations_repeating_the_shown_mailboxes_expose_no_one_new(
    linked: slice, severity: str
) -> None:
    """A paper's author block shows each author's mailbox, and the PDF links each one with a
    "mailto:" annotation: the annotation holds the same address, no one new. Annotations
    holding mailboxes the page never shows still count as hidden text."""
    names = _names(8, seed=63)
    boxes = [f"{n.split()[0][0]}.{n.split()[-1]}@uni-example.ac.uk".lower() for n in names]
    detector = Detector()
    block = "Authors: " + ", ".join(f"{n} ({b})" for n, b in zip(names[:4], boxes, strict=False))
    detector.feed(Text(block, Vector.PAGE_TEXT, "page 1"))
    for number, box in enumerate(boxes[linked], start=1):
        note = f"{box} (mailto:{box})"
        detector.feed(Text(note, Vector.ANNOTATION, f"annotation {number} on page 1"))
    assert assess(detector.finish(), ()).severity == severity
