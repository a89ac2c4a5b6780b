"""What a reader sees on a PDF page: each character sorted by whether it is shown.

pdfminer renders the page into characters, filled paths and images in painting order; a
character then is
- under a redaction when a filled box painted after it covers it (any colour: black boxes
  and white-out alike), or a box behind it has the text's own colour, or an unapplied
  Redact annotation marks it;
- invisible when drawn in render mode 3 or 7, outside the crop box, or under an image
  painted after it (the OCR layer of a scan is often kept this way);
- concealed when it is light on a light background (white on white).
A box or image painted translucently (fill opacity under 0.9) or blended (a highlighter's
Multiply) is no cover: see `_paint`. Text painted at (nearly) zero opacity is invisible.
A box covers only the part of it inside the clipping path, and a path filled as a ring (a
frame drawn as an outer and an inner rectangle, filled with the even-odd or the nonzero
winding rule) covers nothing inside its inner edge: a stamp's frame leaves its words in view.
A page whose text runs sideways once /Rotate is applied (a scan turned in the viewer) is
turned back a quarter at a time, so that its lines read left to right again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTCurve, LTImage
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFResourceManager, PDFTextState
from pdfminer.pdfpage import PDFPage
from pdfminer.utils import Matrix, apply_matrix_pt, apply_matrix_rect

from detectors.formats.pdf._fills import (
    Outline,
    Polygon,
    clipped,
    filled_regions,
    paints,
    segments,
)
from detectors.formats.pdf._halos import without_halos
from detectors.formats.pdf._paint import (
    INVISIBLE,
    apparent,
    clip_of,
    clip_regions_of,
    fill_alpha,
    hides,
    rgb,
)
from detectors.model import Vector

Box = tuple[float, float, float, float]
Colour = tuple[float, float, float]
_BAND = 24.0
_COVER = 0.6
"""Share of a character's box a cover must hide before it counts as hiding it."""
MAX_EDGES = 4_000
"""Ruling segments kept per page for the table search; a page past this is not searched."""
_CHECK_EVERY = 256
"""Characters, paths or images painted between two checks of the time budget."""
_SAMPLES = (1 / 6, 1 / 2, 5 / 6)
"""Where a glyph is sampled, across and up its box, against a path of several subpaths."""


@dataclass(frozen=True, slots=True)
class Glyph:
    text: str
    box: Box
    colour: Colour | None
    render: int
    order: int


@dataclass(frozen=True)
class Shape:
    """A filled path or an image as painted: its box (clipped to the clipping path)."""

    box: Box
    colour: Colour | None
    order: int
    image: bool = False
    hides: bool = True
    """False for a translucent or blended shape: what is under it still shows."""
    subpaths: tuple[Polygon, ...] = ()
    """For a path of several subpaths, each one: a point of `box` is painted where the fill
    rule says so. Empty when the whole box is painted."""
    evenodd: bool = False
    clips: tuple[Outline, ...] = ()
    """Clipping paths more than a box (a ring, an oval) it was painted through: a point is
    painted only inside each of them."""


@dataclass
class PageDrawing:
    """Everything painted on one page, in painting order, in the page's own coordinates."""

    glyphs: list[Glyph] = field(default_factory=list)
    covers: list[Shape] = field(default_factory=list)
    crop: Box = (0.0, 0.0, 0.0, 0.0)
    redactions: list[Box] = field(default_factory=list)
    rules: int = 0
    """Thin lines and stroked boxes: a page with several may hold a ruled table."""
    edges: list[Box] = field(default_factory=list)
    """Horizontal and vertical segments of every path painted, for the table search (at most
    `MAX_EDGES` + 1: one more says the page has too many to search)."""
    turn: int = 0
    """Quarter turns clockwise applied to every box so that most text runs left to right."""


class Recorder(PDFPageAggregator):
    """A pdfminer device keeping glyphs with their render mode, and the filled shapes."""

    def __init__(
        self, manager: PDFResourceManager, check: Callable[[], None] | None = None
    ) -> None:
        super().__init__(manager, laparams=None)
        self.drawing = PageDrawing()
        self._check = check
        self._painted = 0
        self._render = 0
        self._order = 0
        self._page_ctm: Matrix = (1, 0, 0, 1, 0, 0)
        self._image_state: PDFGraphicState | None = None
        self._painting = False
        self._runs = [0, 0, 0, 0]
        """Glyphs advancing right, up, left and down on the rendered page."""

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        super().begin_page(page, ctm)
        self.drawing = PageDrawing(crop=self.transform(page.cropbox, ctm))
        self._page_ctm = ctm
        self._runs = [0, 0, 0, 0]

    def end_page(self, page: PDFPage) -> None:
        super().end_page(page)
        runs = self._runs
        turn = max(range(4), key=lambda q: (runs[q], q == 0))
        if turn:
            drawing = self.drawing
            drawing.turn = turn
            drawing.crop = turned(drawing.crop, turn)
            drawing.glyphs = [
                Glyph(g.text, turned(g.box, turn), g.colour, g.render, g.order)
                for g in drawing.glyphs
            ]
            drawing.covers = [
                Shape(
                    turned(c.box, turn),
                    c.colour,
                    c.order,
                    c.image,
                    c.hides,
                    _turned_all(c.subpaths, turn),
                    c.evenodd,
                    tuple(clip.turned(lambda p: turned((*p, *p), turn)[:2]) for clip in c.clips),
                )
                for c in drawing.covers
            ]
            drawing.edges = [turned(e, turn) for e in drawing.edges]

    def _tick(self) -> None:
        """Check the time budget now and then: one page can take longer than a whole file."""
        self._painted += 1
        if self._check is not None and self._painted % _CHECK_EVERY == 0:
            self._check()

    def paint_images_in(self, state: PDFGraphicState) -> None:
        """The graphics state of the next image, which pdfminer does not pass on."""
        self._image_state = state

    def transform(self, box: Iterable[Any], ctm: Matrix | None = None) -> Box:
        """A rectangle in default user space mapped to this page's character coordinates."""
        x0, y0, x1, y1 = (float(v) for v in box)
        (ax, ay), (bx, by) = (
            apply_matrix_pt(ctm or self._page_ctm, p) for p in ((x0, y0), (x1, y1))
        )
        return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))

    def render_string(
        self,
        textstate: PDFTextState,
        seq: Any,
        ncs: Any,
        graphicstate: PDFGraphicState,
    ) -> None:
        self._render = int(textstate.render or 0)
        super().render_string(textstate, seq, ncs, graphicstate)

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: PDFGraphicState,
    ) -> float:
        # The box is computed here as pdfminer's LTChar would, without building the layout
        # objects this device never uses: that halves the cost of a text-heavy page.
        if font.is_vertical():
            return self._render_vertical(
                matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate
            )
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        advance: float = font.char_width(cid) * fontsize * scaling
        bottom = font.get_descent() * fontsize + rise
        a, b, c, d, e, f = matrix
        if b == 0 and c == 0:
            x0, x1 = sorted((e, a * advance + e))
            y0, y1 = sorted((d * bottom + f, d * (bottom + fontsize) + f))
            box = (x0, y0, x1, y1)
            self._runs[0 if a >= 0 else 2] += 1
        else:
            box = apply_matrix_rect(matrix, (0, bottom, advance, bottom + fontsize))
            self._runs[(0 if a >= 0 else 2) if abs(a) >= abs(b) else (1 if b > 0 else 3)] += 1
        self._glyph(text, box, graphicstate)
        return advance

    def _render_vertical(self, *args: Any) -> float:
        advance: float = super().render_char(*args)
        item = self.cur_item._objs.pop()
        if isinstance(item, LTChar):
            self._glyph(item.get_text(), item.bbox, item.graphicstate)
        return advance

    def _glyph(self, text: str, box: Box, state: PDFGraphicState) -> None:
        paint = state.scolor if self._render in (1, 5) else state.ncolor
        render = self._render
        if render in (0, 4) and fill_alpha(state) < INVISIBLE:
            render = 3  # filled at zero opacity: drawn, but as invisible as mode 3
        self._order += 1
        self.drawing.glyphs.append(Glyph(text, box, rgb(paint), render, self._order))
        self._tick()

    def paint_path(
        self,
        gstate: PDFGraphicState,
        stroke: bool,
        fill: bool,
        evenodd: bool,
        path: Sequence[Any],
    ) -> None:
        if self._painting:
            # pdfminer paints a path of several subpaths one subpath at a time, through
            # this method: the whole path is read once, by the outer call.
            super().paint_path(gstate, stroke, fill, evenodd, path)
            return
        self._tick()
        objects = self.cur_item._objs
        before = len(objects)
        self._painting = True
        try:
            super().paint_path(gstate, stroke, fill, evenodd, path)
        finally:
            self._painting = False
        painted = objects[before:]
        # Only what this device reads is kept: the layout tree would grow with every path.
        del objects[before:]
        for item in painted:
            if isinstance(item, LTCurve):
                if stroke or min(item.width, item.height) < 2:
                    self.drawing.rules += 1
                if len(self.drawing.edges) <= MAX_EDGES:
                    self.drawing.edges.extend(segments(item))
        if not fill:
            return
        clip = clip_of(gstate)
        clips = clip_regions_of(gstate)
        colour = rgb(gstate.ncolor)
        for box, subpaths in filled_regions(path, self.ctm, evenodd):
            shown = clipped(box, clip)
            if shown is None or shown[2] - shown[0] < 2 or shown[3] - shown[1] < 2:
                continue
            self._order += 1
            self.drawing.covers.append(
                Shape(
                    shown,
                    apparent(gstate, colour),
                    self._order,
                    hides=hides(gstate, colour),
                    subpaths=subpaths,
                    evenodd=evenodd,
                    clips=clips,
                )
            )

    def render_image(self, name: str, stream: Any) -> None:
        self._tick()
        objects = self.cur_item._objs
        before = len(objects)
        super().render_image(name, stream)
        item = objects[-1] if len(objects) > before else None
        del objects[before:]
        if isinstance(item, LTImage):
            state = self._image_state
            shown = clipped(item.bbox, None if state is None else clip_of(state))
            if shown is None:
                return  # clipped out of view
            self._order += 1
            opaque = state is None or hides(state, None)
            clips = () if state is None else clip_regions_of(state)
            self.drawing.covers.append(
                Shape(shown, None, self._order, image=True, hides=opaque, clips=clips)
            )


def sort_glyphs(drawing: PageDrawing) -> dict[Vector, list[Glyph]]:
    """The page's glyphs grouped by vector, each group in painting order."""
    bands = _bands(drawing)
    groups: dict[Vector, list[Glyph]] = defaultdict(list)
    plain = groups[Vector.PAGE_TEXT]
    cx0, cy0, cx1, cy1 = drawing.crop
    for glyph in drawing.glyphs:
        x0, y0, x1, y1 = glyph.box
        if (
            glyph.render == 0
            and x1 > cx0
            and x0 < cx1
            and y1 > cy0
            and y0 < cy1
            and glyph.colour is not None
            and min(glyph.colour) < 0.94
            and not drawing.redactions
            and int(((y0 + y1) / 2) // _BAND) not in bands
        ):
            plain.append(glyph)  # the common case: dark ink, on the page, nothing over it
        else:
            groups[_judge(glyph, drawing, bands)[0]].append(glyph)
    light = groups.get(Vector.CONCEALED_FORMAT)
    if light:
        groups[Vector.CONCEALED_FORMAT] = without_halos(light, plain)
    return {vector: glyphs for vector, glyphs in groups.items() if glyphs}


def covered_by_redaction(drawing: PageDrawing, glyph: Glyph) -> bool:
    """Whether an unapplied Redact annotation covers the glyph."""
    return any(_covered(glyph.box, box) for box in drawing.redactions)


def covering_boxes(drawing: PageDrawing, glyphs: list[Glyph]) -> list[Box | None]:
    """The box hiding each glyph (a filled shape over it, one of its own colour behind it,
    a redaction mark), or None."""
    bands = _bands(drawing)
    return [_judge(glyph, drawing, bands)[1] for glyph in glyphs]


def _bands(drawing: PageDrawing) -> dict[int, list[Shape]]:
    """The shapes reaching into each horizontal band of the page, in painting order."""
    bands: dict[int, list[Shape]] = defaultdict(list)
    for cover in drawing.covers:
        for band in range(int(cover.box[1] // _BAND), int(cover.box[3] // _BAND) + 1):
            bands[band].append(cover)
    return bands


def off_page(glyph: Glyph, drawing: PageDrawing) -> bool:
    """Whether a drawn glyph lies wholly outside the page's crop box."""
    return glyph.render not in (3, 7) and (
        _overlap(glyph.box, drawing.crop) == 0 and _area(glyph.box) > 0
    )


def _judge(
    glyph: Glyph, drawing: PageDrawing, bands: dict[int, list[Shape]]
) -> tuple[Vector, Box | None]:
    """The glyph's vector and, when something hides it, the box that does."""
    if glyph.render in (3, 7) or off_page(glyph, drawing):
        return Vector.INVISIBLE_TEXT, None
    for box in drawing.redactions:
        if _covered(glyph.box, box):
            return Vector.UNDER_REDACTION, box
    gx0, gy0, gx1, gy1 = glyph.box
    middle = int(((gy0 + gy1) / 2) // _BAND)
    behind: list[Shape] = []
    area = _area(glyph.box)
    least = area * _COVER
    for cover in bands.get(middle, ()) if area > 0 else ():
        # Whether the shape paints over most of the glyph (as `_covered`, the glyph's own
        # figures worked out once: a page's glyphs meet every shape of their band here).
        bx0, by0, bx1, by1 = cover.box
        width = min(gx1, bx1) - max(gx0, bx0)
        height = min(gy1, by1) - max(gy0, by0)
        if width <= 0 or height <= 0 or width * height < least:
            continue
        if cover.order <= glyph.order:
            behind.append(cover)
            continue
        if not cover.hides:
            continue  # a highlighter over the text: still read
        if (cover.subpaths or cover.clips) and not _paints_most(glyph.box, cover):
            continue
        if cover.image:
            return Vector.INVISIBLE_TEXT, None
        return Vector.UNDER_REDACTION, cover.box
    colour = glyph.colour
    if colour is None:
        return Vector.PAGE_TEXT, None
    if not _light(colour) and not any(c.colour and _same(colour, c.colour) for c in behind):
        return Vector.PAGE_TEXT, None  # dark ink on nothing of its own colour
    background = _background(glyph.box, behind)
    tone = (1.0, 1.0, 1.0) if background is None else background.colour
    if tone is not None and _same(colour, tone):
        if _light(colour) or background is None:
            return Vector.CONCEALED_FORMAT, None
        return Vector.UNDER_REDACTION, background.box
    return Vector.PAGE_TEXT, None


def _background(glyph: Box, behind: list[Shape]) -> Shape | None:
    """The last shape painted before the glyph that paints most of it (a ring's hole or a
    clip's outside does not), checked from the top down as its rule and clips cost."""
    for cover in sorted(behind, key=lambda c: c.order, reverse=True):
        if not (cover.subpaths or cover.clips) or _paints_most(glyph, cover):
            return cover
    return None


def gap(previous: Glyph, glyph: Glyph) -> str:
    """A new line, a space (a gap over a fifth of the type size) or nothing between two glyphs."""
    size = max(previous.box[3] - previous.box[1], 1.0)
    if abs(glyph.box[1] - previous.box[1]) >= size * 0.5 or glyph.box[0] < previous.box[0] - size:
        return "\n"
    return " " if glyph.box[0] - previous.box[2] > size * 0.2 else ""


def text_of(glyphs: list[Glyph]) -> str:
    """Glyphs joined into lines in painting order, with spaces where gaps are wide."""
    out: list[str] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        cut = gap(previous, glyph) if previous is not None else ""
        if cut == "\n" or (cut and not glyph.text.isspace()):
            out.append(cut)
        out.append(glyph.text)
        previous = glyph
    lines = ("".join(out)).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def turned(box: Box, turn: int) -> Box:
    """`box` after `turn` quarter turns clockwise of the page about its origin."""
    x0, y0, x1, y1 = box
    if turn == 1:
        return (y0, -x1, y1, -x0)
    if turn == 2:
        return (-x1, -y1, -x0, -y0)
    if turn == 3:
        return (-y1, x0, -y0, x1)
    return box


def _area(box: Box) -> float:
    return max(box[2] - box[0], 0.0) * max(box[3] - box[1], 0.0)


def _overlap(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _covered(glyph: Box, cover: Box) -> bool:
    area = _area(glyph)
    return area > 0 and _overlap(glyph, cover) >= area * _COVER


def _paints_most(glyph: Box, shape: Shape) -> bool:
    """Whether a shape of several subpaths, filled with its rule, or painted through clipping
    paths more than a box, paints most of the glyph."""
    x0, y0, x1, y1 = glyph
    bx0, by0, bx1, by1 = shape.box
    painted = 0
    for fx in _SAMPLES:
        for fy in _SAMPLES:
            point = (x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy)
            if not (bx0 <= point[0] <= bx1 and by0 <= point[1] <= by1):
                continue
            painted += (not shape.subpaths or paints(point, shape.subpaths, shape.evenodd)) and all(
                clip.paints(point) for clip in shape.clips
            )
    return painted >= len(_SAMPLES) ** 2 * _COVER


def _turned_all(polygons: tuple[Polygon, ...], turn: int) -> tuple[Polygon, ...]:
    return tuple(tuple(turned((x, y, x, y), turn)[:2] for x, y in sub) for sub in polygons)


def _same(a: Colour, b: Colour) -> bool:
    return all(abs(x - y) < 0.06 for x, y in zip(a, b, strict=True))


def _light(colour: Colour) -> bool:
    return min(colour) >= 0.94
