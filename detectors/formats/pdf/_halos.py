"""Halos and shadows: a label drawn twice at the same place, once in white (or the page's
colour) beneath and once in ink above, as maps and posters draw place names so they stand
out from what is under them. The white copy hides nothing: the same words are in plain view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from detectors.formats.pdf._fills import Box

NEAR = 0.5
"""How far, in glyph heights, a twin's centre may stand from the light glyph's."""


class _Drawn(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def box(self) -> Box: ...


def _centre(box: Box) -> tuple[float, float, float]:
    x0, y0, x1, y1 = box
    return (x0 + x1) / 2, (y0 + y1) / 2, max(y1 - y0, 1.0)


G = TypeVar("G", bound=_Drawn)


def without_halos(light: Sequence[G], shown: Sequence[G]) -> list[G]:
    """The light glyphs that have no twin in plain view: the same character, centred within
    half its height of theirs."""
    if not light or not shown:
        return list(light)
    grid: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    for glyph in shown:
        x, y, size = _centre(glyph.box)
        grid.setdefault((glyph.text, int(x // size), int(y // size)), []).append((x, y))

    def twinned(glyph: G) -> bool:
        x, y, size = _centre(glyph.box)
        cx, cy = int(x // size), int(y // size)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for tx, ty in grid.get((glyph.text, cx + dx, cy + dy), ()):
                    if abs(tx - x) <= size * NEAR and abs(ty - y) <= size * NEAR:
                        return True
        return False

    return [glyph for glyph in light if glyph.text.isspace() or not twinned(glyph)]
