"""A ruled table that runs on to the next page keeps its header there: the rows at the top of
page two are data under the same columns, not a new header made of a person's name."""

from __future__ import annotations

import pytest
from _inspect_helpers import tables

from crawler.demo.builders.pdf import Box, Line, Page, build_pdf, ruled_table
from detectors.formats.pdf import inspect_pdf
from detectors.scan import scan
from tests.detectors._tables import fake_names

NAMES = fake_names(12, seed=73)
HEADER = ["Name", "Rank", "Station"]
RANKS = ["PC", "DS", "PS", "PC", "DC", "PC"]


def _rows(names: list[str]) -> list[list[str]]:
    return [[n, RANKS[i % len(RANKS)], "Ashford"] for i, n in enumerate(names)]


@pytest.mark.parametrize(
    ("second", "header", "rows"),
    [
        (_rows(NAMES[6:]), tuple(HEADER), 6),
        ([HEADER, *_rows(NAMES[6:])], tuple(HEADER), 6),
        (
            [["Forename", "Surname"], *[n.split(" ", 1) for n in NAMES[6:]]],
            ("Forename", "Surname"),
            6,
        ),
        ([[n, "PC"] for n in NAMES[6:]], (NAMES[6], "PC"), 5),
    ],
    ids=["carried on", "its own header again", "another table", "fewer columns"],
)
def test_a_table_carried_on_to_the_next_page_keeps_its_header(
    second: list[list[str]], header: tuple[str, ...], rows: int
) -> None:
    first = [HEADER, *_rows(NAMES[:6])]
    data = build_pdf([Page(ruled_table(first)), Page(ruled_table(second))])
    [_, (table, found)] = tables(inspect_pdf, data, "roster.pdf")
    assert table.header == header
    assert len(found) == rows


def test_a_header_of_one_known_heading_and_short_labels_carries_on() -> None:
    header = ["Subject", "Staff Member", "Governor (lead/deputy)"]
    subjects = ["Art", "Maths", "Music", "Science", "History", "Phonics"] * 2
    rows = [[s, NAMES[i], NAMES[11 - i]] for i, s in enumerate(subjects)]
    data = build_pdf([Page(ruled_table([header, *rows[:6]])), Page(ruled_table(rows[6:]))])
    [_, (table, found)] = tables(inspect_pdf, data, "leads.pdf")
    assert table.header == tuple(header)
    assert len(found) == 6


def test_a_roster_printed_across_pages_counts_every_officer() -> None:
    first = [HEADER, *_rows(NAMES[:6])]
    data = build_pdf([Page(ruled_table(first)), Page(ruled_table(_rows(NAMES[6:])))])
    verdict = scan(data, "roster.pdf")
    assert "staff_list" in verdict.kinds
    assert verdict.people == len(NAMES)


def test_a_header_drawn_in_other_boxes_than_its_values_heads_them() -> None:
    """A header row whose boxes are split at other edges than the body's puts each heading
    in one grid column and its values in the next: the two halves are one column. A column
    of marks ("Yes", "No") each with its own heading stays two."""
    x, top, width, height = 72.0, 600.0, 150.0, 20.0
    rows = [[n, RANKS[i]] for i, n in enumerate(NAMES[:6])]
    items = list(ruled_table([["", ""], *rows], x=x, top=top, width=width))
    for c, heading in enumerate(["Name", "Rank"]):
        middle = x + c * width + width / 2
        items += [Line(heading, middle + 4, top - height + 6, size=10)]
        items += [Box(middle, top - height, 0.5, height)]
    [(table, found)] = tables(inspect_pdf, build_pdf([Page(tuple(items))]), "roster.pdf")
    assert table.header == ("Name", "Rank")
    assert found[0] == (NAMES[0], RANKS[0])
    marks = [
        ["Name", "Yes", "No"],
        *[[n, "X" if i % 2 else "", "" if i % 2 else "X"] for i, n in enumerate(NAMES[:6])],
    ]
    [(table, found)] = tables(inspect_pdf, build_pdf([Page(ruled_table(marks))]), "poll.pdf")
    assert table.header == ("Name", "Yes", "No")


def test_a_paragraph_boxed_above_a_column_is_no_heading_of_it() -> None:
    """A newsletter's box of text over the first column of a table beside it (a birthday
    page's notice over the days) is a paragraph, not that column's heading: it is not joined
    to the column."""
    notice = ["Every month there are", "vouchers for children", "whose names appear", "below."]
    rows = [["", "", ""], *[["", str(2 + i), n] for i, n in enumerate(NAMES[:6])]]
    items = list(ruled_table(rows, height=60))
    items += [Line(text, 76, 600 - 14 - 12 * i, size=8) for i, text in enumerate(notice)]
    [(table, found)] = tables(inspect_pdf, build_pdf([Page(tuple(items))]), "news.pdf")
    assert len(table.header) == 3
    assert found[0] == ("", "2", NAMES[0])
