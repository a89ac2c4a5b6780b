"""Where a filled path paints: its subpaths in device space, the fill rule, the clip; and the
straight edges of every painted path, which the table search reads.

pdfminer splits a path of several subpaths into one shape per subpath, each taken as
filled; a frame drawn as an outer and an inner rectangle would then be two boxes, the inner
one hiding the words inside the frame. Subpaths that overlap are kept together here with
the path's rule (nonzero winding or even-odd), so that a point inside the inner rectangle
is known to be left unpainted.

A lone subpath that paints clearly less than its box (a page border drawn as one L-shaped
outline round two edges of the page, a triangle, a disc) is kept as its outline too: the
words in the box but off the shape are not under it.

A clipping path that is more than one box (a ring, an oval, several panels) is kept as its
subpaths too: a box filled through a ring paints the ring only, and the words inside it stay
on whatever lies behind.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from pdfminer.layout import LTCurve, LTLine, LTRect
from pdfminer.utils import Matrix, apply_matrix_pt

Box = tuple[float, float, float, float]
Point = tuple[float, float]
Polygon = tuple[Point, ...]
MAX_SUBPATHS = 64
MAX_RING_POINTS = 256
"""Subpaths and points of one filled path kept to apply its fill rule, which is tested for
every glyph under it; a path of more subpaths (a map, text drawn as outlines) has each
subpath taken as a filled box of its own, and one of more points keeps every k-th point."""
MAX_CLIP_POINTS = 1024
"""Points kept of a clipping path's subpaths; a longer one keeps every k-th point, enough to
tell a glyph inside a ring from one on it."""
MAX_ROWS = 4096
"""Rows whose crossings an outline keeps; past them it starts again."""


def filled_regions(
    path: Sequence[Any], ctm: Matrix, evenodd: bool
) -> list[tuple[Box, tuple[Polygon, ...]]]:
    """What a filled path paints, in device space: boxes painted whole, one per subpath
    that overlaps no other; and for subpaths that overlap (a frame drawn as an outer and an
    inner rectangle), their joint box with those subpaths, whose fill rule then says which
    points inside it are painted."""
    subpaths = [tuple(points) for points in _subpaths(path, ctm) if len(points) >= 3]
    boxes = [_bounds(points) for points in subpaths]
    if len(subpaths) < 2 or len(subpaths) > MAX_SUBPATHS:
        return [(box, _shaped(points, box)) for points, box in zip(subpaths, boxes, strict=True)]
    regions: list[tuple[Box, tuple[Polygon, ...]]] = []
    for group in _overlapping(boxes):
        if len(group) == 1:
            regions.append((boxes[group[0]], _shaped(subpaths[group[0]], boxes[group[0]])))
            continue
        step = -(-sum(len(subpaths[i]) for i in group) // MAX_RING_POINTS)
        kept = [subpaths[i][::step] for i in group]
        if any(len(points) < 3 for points in kept):
            regions.extend((boxes[i], ()) for i in group)
            continue
        joint = (
            min(boxes[i][0] for i in group),
            min(boxes[i][1] for i in group),
            max(boxes[i][2] for i in group),
            max(boxes[i][3] for i in group),
        )
        regions.append((joint, tuple(kept)))
    return regions


SHAPED_SHARE = 0.9
"""Share of its box a lone subpath must fill to be taken for that box: a page border drawn as
one L-shaped outline, a triangle or a disc paints far less than its box."""


def _shaped(points: Polygon, box: Box) -> tuple[Polygon, ...]:
    """The subpath itself when it paints clearly less than its box (its fill rule then says
    which points it paints), or nothing when the box will do. A long subpath (a frame's
    outline of curves, drawn as one) keeps every k-th point, enough to tell a glyph inside
    the frame from one on it."""
    points = points[:: -(-len(points) // MAX_RING_POINTS)]
    if len(points) < 3:
        return ()
    area = (box[2] - box[0]) * (box[3] - box[1])
    if area <= 0:
        return ()
    twice = sum(
        x0 * y1 - x1 * y0
        for (x0, y0), (x1, y1) in zip(points, (*points[1:], points[0]), strict=True)
    )
    return (points,) if abs(twice) / 2 < SHAPED_SHARE * area else ()


def _overlapping(boxes: list[Box]) -> list[list[int]]:
    """Indexes of the boxes grouped so that boxes overlapping each other share a group."""
    group = list(range(len(boxes)))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                group[root(j)] = root(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(boxes)):
        groups[root(i)].append(i)
    return list(groups.values())


class Outline:
    """A path's subpaths and fill rule, telling which points it paints. The edges crossing a
    row are found once and kept: the glyphs of a line share their rows, so a page of text
    over a ring-shaped clip costs one pass over the edges per row, not one per glyph."""

    __slots__ = ("_edges", "_rows", "evenodd", "polygons")

    def __init__(self, polygons: tuple[Polygon, ...], evenodd: bool) -> None:
        self.polygons = polygons
        self.evenodd = evenodd
        self._edges = [
            (x0, y0, x1, y1)
            for polygon in polygons
            for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True)
            if y0 != y1
        ]
        self._rows: dict[float, tuple[list[float], list[int]]] = {}

    def paints(self, point: Point) -> bool:
        x, y = point
        row = self._rows.get(y)
        if row is None:
            if len(self._rows) >= MAX_ROWS:
                self._rows.clear()
            row = self._rows[y] = self._row(y)
        crossings, after = row
        winding = after[bisect_right(crossings, x)]
        return winding % 2 == 1 if self.evenodd else winding != 0

    def _row(self, y: float) -> tuple[list[float], list[int]]:
        """Where the edges cross the row, left to right, and the winding right of each
        crossing's left: an edge going up counts one for the points left of it, down minus
        one."""
        found: list[tuple[float, int]] = []
        for x0, y0, x1, y1 in self._edges:
            if y0 <= y < y1 or y1 <= y < y0:
                found.append((x0 + (y - y0) * (x1 - x0) / (y1 - y0), 1 if y0 < y1 else -1))
        found.sort()
        after = [0] * (len(found) + 1)
        for i in range(len(found) - 1, -1, -1):
            after[i] = after[i + 1] + found[i][1]
        return [x for x, _ in found], after

    def turned(self, turn: Callable[[Point], Point]) -> Outline:
        """The same outline with every point moved by `turn`."""
        return Outline(
            tuple(tuple(turn(point) for point in polygon) for polygon in self.polygons),
            self.evenodd,
        )


def clip_region(path: Sequence[Any], ctm: Matrix, evenodd: bool) -> Outline | None:
    """A clipping path's subpaths in device space, or None when its bounding box says all
    (one upright rectangle) or it has too many subpaths to test."""
    subpaths = [points for points in _subpaths(path, ctm) if len(points) >= 3]
    if not subpaths or len(subpaths) > MAX_SUBPATHS:
        return None
    if len(subpaths) == 1 and _upright_box(subpaths[0]):
        return None
    step = -(-sum(len(points) for points in subpaths) // MAX_CLIP_POINTS)
    kept = tuple(kept for points in subpaths if len(kept := tuple(points[::step])) >= 3)
    return Outline(kept, evenodd) if kept else None


def _upright_box(points: Sequence[Point]) -> bool:
    """Whether every point is a corner of the points' bounds: an upright rectangle."""
    x0, y0, x1, y1 = _bounds(points)
    near = 0.01
    return all(
        (abs(x - x0) < near or abs(x - x1) < near) and (abs(y - y0) < near or abs(y - y1) < near)
        for x, y in points
    )


def path_box(path: Sequence[Any], ctm: Matrix) -> Box | None:
    """The bounding box in device space of all a path's points (control points included)."""
    points = [point for subpath in _subpaths(path, ctm) for point in subpath]
    return _bounds(points) if points else None


def _subpaths(path: Sequence[Any], ctm: Matrix) -> list[list[Point]]:
    """Each subpath's points (curve control points included) in device space."""
    out: list[list[Point]] = []
    for segment in path:
        numbers = segment[1:]
        if segment[0] == "m" or not out:
            out.append([])
        for x, y in zip(numbers[::2], numbers[1::2], strict=False):
            try:
                out[-1].append(apply_matrix_pt(ctm, (float(x), float(y))))
            except (TypeError, ValueError):
                continue
    return out


def _bounds(points: Sequence[Point]) -> Box:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return (min(xs), min(ys), max(xs), max(ys))


def paints(point: Point, subpaths: tuple[Polygon, ...], evenodd: bool) -> bool:
    """Whether a path of these subpaths, filled with its rule, paints the point."""
    winding = sum(_winding(point, polygon) for polygon in subpaths)
    return winding % 2 == 1 if evenodd else winding != 0


def _winding(point: Point, polygon: Polygon) -> int:
    """How many times the closed polygon winds around the point (signed)."""
    px, py = point
    winding = 0
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        side = (x1 - x0) * (py - y0) - (px - x0) * (y1 - y0)
        if y0 <= py < y1 and side > 0:
            winding += 1
        elif y1 <= py < y0 and side < 0:
            winding -= 1
    return winding


def clipped(box: Box, clip: Box | None) -> Box | None:
    """The part of `box` inside the clipping box, or None when nothing of it is."""
    if clip is None:
        return box
    x0, y0 = max(box[0], clip[0]), max(box[1], clip[1])
    x1, y1 = min(box[2], clip[2]), min(box[3], clip[3])
    if x1 <= x0 or y1 <= y0:
        return None
    return (x0, y0, x1, y1)


def segments(item: LTCurve) -> list[Box]:
    """The horizontal and vertical segments of a painted path, as pdfplumber reads them."""
    if isinstance(item, LTRect):
        x0, y0, x1, y1 = item.bbox
        return [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]
    if isinstance(item, LTLine):
        x0, y0, x1, y1 = item.bbox
        return [(x0, y0, x1, y1)] if x0 == x1 or y0 == y1 else []
    points = item.pts or []
    out: list[Box] = []
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        if ax == bx or ay == by:
            out.append((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
    return out
