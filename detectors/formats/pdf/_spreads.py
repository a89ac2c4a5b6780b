"""Text off the page that another page shows: a newsletter printed from two-page spreads, a
table run off the foot of one page and printed again at the top of the next.

A printer's PDF may draw the whole spread on every page and crop it to one half, so that each
page carries its neighbour's half off the page. That text is hidden from no one: the next page
shows it. Off-page text is held until every page is read, then given back as invisible text
without the lines some page shows; what is only off the page stays hidden text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from detectors.model import Item, Structure, Text, Vector

_SPACE = re.compile(r"\s+")


def _key(line: str) -> str:
    return _SPACE.sub(" ", line).strip().casefold()


class Spreads:
    """The lines every page shows, and the off-page text held until they are all known."""

    def __init__(self) -> None:
        self._shown: set[str] = set()
        self._held: list[tuple[str, str]] = []

    def show(self, text: str) -> None:
        """Lines a page shows."""
        self._shown.update(_key(line) for line in text.splitlines())

    def hold(self, where: str, text: str) -> None:
        """A page's text off the page, given back by `release`."""
        self._held.append((where, text))

    def release(self) -> Iterator[Item]:
        """The held text without the lines some page shows, each page's as invisible text,
        with a note of the lines found shown elsewhere."""
        held, self._held = self._held, []
        for where, text in held:
            lines = [line for line in text.splitlines() if _key(line)]
            kept = [line for line in lines if _key(line) not in self._shown]
            if kept:
                yield Text("\n".join(kept), Vector.INVISIBLE_TEXT, where)
                count = sum(1 for line in kept for ch in line if not ch.isspace())
                yield Structure(
                    Vector.INVISIBLE_TEXT, where, f"{count:,} characters drawn off the page"
                )
            shown = len(lines) - len(kept)
            if shown:
                detail = f"{shown:,} lines drawn off the page that another page shows"
                yield Structure(Vector.INVISIBLE_TEXT, where, detail)
