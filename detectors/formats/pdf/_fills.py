"""Where a filled path paints: its subpaths in device space, the fill rule, the clip.

pdfminer splits a path of several subpaths into one shape per subpath, each taken as
filled; a frame drawn as an outer and an inner rectangle would then be two boxes, the inner
one hiding the words inside the frame. Subpaths that overlap are kept together here with
the path's rule (nonzero winding or even-odd), so that a point inside the inner rectangle
is known to be left unpainted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from pdfminer.utils import Matrix, apply_matrix_pt

Box = tuple[float, float, float, float]
Point = tuple[float, float]
Polygon = tuple[Point, ...]
MAX_SUBPATHS = 64
MAX_RING_POINTS = 256
"""Subpaths and points of one filled path kept to apply its fill rule, which is tested for
every glyph under it; a longer path (a map, text drawn as outlines) has each subpath taken
as a filled box of its own."""


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
        return [(box, ()) for box in boxes]
    regions: list[tuple[Box, tuple[Polygon, ...]]] = []
    for group in _overlapping(boxes):
        if len(group) == 1 or sum(len(subpaths[i]) for i in group) > MAX_RING_POINTS:
            regions.extend((boxes[i], ()) for i in group)
            continue
        joint = (
            min(boxes[i][0] for i in group),
            min(boxes[i][1] for i in group),
            max(boxes[i][2] for i in group),
            max(boxes[i][3] for i in group),
        )
        regions.append((joint, tuple(subpaths[i] for i in group)))
    return regions


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
