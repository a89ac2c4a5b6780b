"""Every word a PDF draws reaches detection, whatever holds it: prose, a ruled table, a frame
of one row, a grid carried over a page, text under a box, white, tiny, invisible, cropped
away or drawn off the page. A word lost between the layout and the detectors is a document
called clean that was never read (a box round a complainant's details once was)."""

from __future__ import annotations

import pytest
from _inspect_helpers import all_text

from crawler.demo.builders.pdf import WHITE, Box, Line, Page, build_pdf, ruled_table
from detectors.formats.pdf import inspect_pdf

WORDS = ["Quillfeather", "Brackenridge", "Ormsgill", "Tanyard", "Wexcombe", "Pellinore"]


def _grid(rows: int, top: float = 600) -> tuple[Line | Box, ...]:
    """A ruled grid of two columns of wide cells sharing out all the test words."""
    cells = [["" for _ in range(2)] for _ in range(rows)]
    for i, word in enumerate(WORDS):
        cell = i % (2 * rows)
        cells[cell // 2][cell % 2] = f"{cells[cell // 2][cell % 2]} {word}".strip()
    return ruled_table(cells, top=top, width=250)


def _frame_round(lines: tuple[Line, ...]) -> tuple[Line | Box, ...]:
    """A box of hairlines drawn round the lines, as a panel of a newsletter is."""
    x0, x1 = 60.0, 560.0
    y0 = min(line.y for line in lines) - 10
    y1 = max(line.y for line in lines) + 20
    rules = (
        Box(x0, y0, x1 - x0, 0.5),
        Box(x0, y1, x1 - x0, 0.5),
        Box(x0, y0, 0.5, y1 - y0),
        Box(x1, y0, 0.5, y1 - y0),
    )
    return (*lines, *rules)


def _prose(x: float = 72, **style: object) -> tuple[Line, ...]:
    return tuple(Line(word, x, 700 - 20 * i, **style) for i, word in enumerate(WORDS))  # type: ignore[arg-type]


LAYOUTS: dict[str, list[Page]] = {
    "prose": [Page(_prose())],
    "a ruled table": [Page(_grid(3))],
    "a frame of one row": [Page(_grid(1))],
    "a frame round a paragraph": [Page(_frame_round(_prose()))],
    "a table carried over a page": [
        Page(ruled_table([["Name", "Post"], WORDS[:2]])),
        Page(ruled_table([WORDS[2:4], WORDS[4:6]])),
    ],
    "two grids on one page": [Page(_grid(1, top=700) + _grid(3, top=500))],
    "white text": [Page(_prose(colour=WHITE))],
    "tiny text": [Page(_prose(size=1))],
    "invisible text": [Page(_prose(render=3))],
    "text under black boxes": [Page((*_prose(), Box(60, 580, 300, 140)))],
    "text off the page": [Page(_prose(x=700))],
    "text cropped away": [Page(_prose(), crop=(300.0, 0.0, 612.0, 792.0))],
    "a table's words spilling out of its cells": [
        Page(ruled_table([[" ".join(WORDS[:3]), " ".join(WORDS[3:])], ["a", "b"]], width=60))
    ],
}


def _read(pages: list[Page]) -> str:
    return all_text(inspect_pdf, build_pdf(pages), "layout.pdf")


@pytest.mark.parametrize("layout", LAYOUTS, ids=list(LAYOUTS))
def test_every_word_drawn_reaches_detection(layout: str) -> None:
    read = _read(LAYOUTS[layout])
    assert [w for w in WORDS if w not in read] == []
